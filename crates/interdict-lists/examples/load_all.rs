//! Loads every bundled list once and prints the counts and the wall time,
//! then each dataset alone (sequentially):
//! `cargo run --release -p interdict-lists --example load_all`.

use std::time::Instant;

fn main() -> Result<(), interdict_lists::ListError> {
    let start = Instant::now();
    let snapshots = interdict_lists::load_bundled()?;
    let elapsed = start.elapsed();
    for s in &snapshots {
        println!(
            "{:<18} {:>6} records  {:>4} DPRK  {}",
            s.info.name, s.stats.total, s.stats.dprk, s.info.snapshot_date
        );
    }
    println!("all, in parallel: {:.3} s", elapsed.as_secs_f64());
    for d in interdict_lists::catalogue() {
        let start = Instant::now();
        interdict_lists::load_bundled_dataset(&d.name)?;
        println!(
            "{:<18} alone: {:.3} s",
            d.name,
            start.elapsed().as_secs_f64()
        );
    }
    Ok(())
}
