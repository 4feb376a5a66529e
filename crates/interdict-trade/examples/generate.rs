//! Writes a generated HS-level mirror-trade file and prints its plan.
//!
//! ```sh
//! cargo run --release -p interdict-trade --example generate -- \
//!     --layout parquet --by year --lines 100000000 --out /tmp/trade
//! ```
//! Layouts: comtrade-plus, baci, parquet. Every file name says "generated".

use interdict_trade::generate::{generate, GenLayout, GenerateOptions};
use interdict_trade::{By, TradeSession};
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut opts = GenerateOptions {
        layout: GenLayout::ComtradePlus,
        by: By::Year,
        lines: 100_000,
        seed: 2022,
    };
    let mut out = PathBuf::from(".");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
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
    let session = TradeSession::embedded()?;
    let started = std::time::Instant::now();
    let (path, plan) = generate(session.tables(), &opts, &out)?;
    eprintln!("wrote {} in {:.1?}", path.display(), started.elapsed());
    println!("{}", serde_json::to_string_pretty(&plan)?);
    Ok(())
}
