//! `interdict synth`: realistic synthetic shipments for load tests and
//! benchmarks (the generator lives in `interdict-screen::synthetic`).

use crate::output;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct SynthArgs {
    /// Stop once this many goods lines have been written.
    #[arg(long, default_value_t = 1_000_000)]
    goods_lines: usize,
    /// Seed of the generator (same seed, same file).
    #[arg(long, default_value_t = 2018)]
    seed: u64,
    /// Where the JSONL goes (default: standard output).
    #[arg(long)]
    output: Option<PathBuf>,
}

pub fn run(args: SynthArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::open(args.output.as_deref())?;
    let (mut lines, mut shipments) = (0usize, 0usize);
    for shipment in interdict_screen::synthetic::generate(args.seed) {
        if lines >= args.goods_lines {
            break;
        }
        lines += shipment.goods.len();
        shipments += 1;
        serde_json::to_writer(&mut out, &shipment)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    eprintln!("{shipments} shipments, {lines} goods lines");
    Ok(ExitCode::SUCCESS)
}
