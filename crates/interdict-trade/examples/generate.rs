//! Writes a generated HS-level mirror-trade file and prints its plan.
//!
//! ```sh
//! cargo run --release -p interdict-trade --features engine --example generate -- \
//!     --layout parquet --by year --lines 100000000 --out /tmp/trade
//! ```
//! Layouts: comtrade-plus, baci, parquet (needs the `engine` feature).
//! Every file name says "generated". `--read-back` times reading the file
//! back with every field checked.

use interdict_trade::generate::{generate, GenLayout, GenerateOptions};
use interdict_trade::{read_files, By, LoadOptions, Tables};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = GenerateOptions {
        layout: GenLayout::ComtradePlus,
        by: By::Year,
        lines: 100_000,
        seed: 2022,
    };
    let mut out = PathBuf::from(".");
    let mut read_back = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        if a == "--read-back" {
            read_back = true;
            continue;
        }
        let v = args.next().ok_or(format!("{a} needs a value"))?;
        match a.as_str() {
            "--layout" => opts.layout = v.parse()?,
            "--by" => {
                opts.by = match v.as_str() {
                    "month" => By::Month,
                    _ => By::Year,
                }
            }
            "--lines" => opts.lines = v.parse()?,
            "--seed" => opts.seed = v.parse()?,
            "--out" => out = PathBuf::from(v),
            other => return Err(format!("unknown option {other}").into()),
        }
    }
    std::fs::create_dir_all(&out)?;
    let tables = Tables::bundled()?;
    let started = std::time::Instant::now();
    let (path, plan) = generate(&tables, &opts, &out)?;
    eprintln!("wrote {} in {:.1?}", path.display(), started.elapsed());
    if read_back {
        // Reading with every field checked (HS heading, countries, numbers).
        let started = std::time::Instant::now();
        let (files, bad) = read_files(
            std::slice::from_ref(&path),
            &LoadOptions::default(),
            &tables,
        )?;
        let n: usize = files.iter().map(Vec::len).sum();
        let secs = started.elapsed().as_secs_f64();
        eprintln!(
            "read back {n} lines ({} rejected) in {secs:.1} s: {:.0} lines/s",
            bad.len(),
            n as f64 / secs
        );
    }
    println!("{}", serde_json::to_string_pretty(&plan)?);
    Ok(())
}
