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
    /// Also write the same goods lines as a customs declaration CSV (one row
    /// per goods line: exporter, consignee, HS code, value), the layout
    /// `screen --engine datafusion|ballista` and `flows` read.
    #[arg(long, value_name = "CSV")]
    declarations: Option<PathBuf>,
}

const DECLARATION_HEADER: &[u8] = b"declaration_id,date,exporter,consignee,origin,destination,hs_code,description,value,currency,quantity,unit\n";

/// The shipment's goods lines as declaration rows.
fn declaration_rows(
    w: &mut csv::Writer<Box<dyn Write>>,
    s: &interdict_screen::Shipment,
) -> anyhow::Result<()> {
    use interdict_screen::Role;
    let party = |role: Role| s.parties.iter().find(|p| p.role == role);
    let name = |role: Role| party(role).map_or("", |p| p.name.as_str());
    // Where the goods come from, as customs files record it: the exporter's country.
    let origin = party(Role::Exporter)
        .and_then(|p| p.country.as_deref())
        .unwrap_or("");
    let date = s.date.to_string();
    for (i, g) in s.goods.iter().enumerate() {
        let num = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        w.write_record([
            format!("{}-{}", s.id, i + 1).as_str(),
            &date,
            name(Role::Exporter),
            name(Role::Consignee),
            origin,
            &s.declared_destination,
            g.hs_code.as_deref().unwrap_or(""),
            &g.description,
            &num(g.value),
            g.currency.as_deref().unwrap_or("USD"),
            &num(g.quantity),
            g.unit.as_deref().unwrap_or(""),
        ])?;
    }
    Ok(())
}

pub fn run(args: SynthArgs) -> anyhow::Result<ExitCode> {
    let mut out = output::open(args.output.as_deref())?;
    let mut decl = match &args.declarations {
        Some(path) => {
            let mut f = output::open(Some(path))?;
            f.write_all(DECLARATION_HEADER)?;
            Some(csv::WriterBuilder::new().has_headers(false).from_writer(f))
        }
        None => None,
    };
    let (mut lines, mut shipments) = (0usize, 0usize);
    for shipment in interdict_screen::synthetic::generate(args.seed) {
        if lines >= args.goods_lines {
            break;
        }
        lines += shipment.goods.len();
        shipments += 1;
        if let Some(w) = decl.as_mut() {
            declaration_rows(w, &shipment)?;
        }
        serde_json::to_writer(&mut out, &shipment)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if let Some(mut w) = decl {
        w.flush()?;
    }
    eprintln!("{shipments} shipments, {lines} goods lines");
    Ok(ExitCode::SUCCESS)
}
