//! `interdict goods`: HS classification and DPRK control verdicts per
//! jurisdiction, for one line or a JSONL/CSV batch.

use super::record::{self, Answer, Recorder};
use super::Format;
use crate::batch::{self, RecordError};
use crate::output;
use anyhow::{bail, Context as _};
use clap::Args;
use interdict_goods::{GoodsError, GoodsLine, GoodsReport, GoodsScreener};
use serde_json::{json, Value};
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Goods lines handed to the writer at a time.
const BATCH_CHUNK: usize = 4096;

#[derive(Args)]
pub struct GoodsArgs {
    /// Plain description (English, Russian, Chinese, Korean or Japanese).
    description: Option<String>,
    /// Declared HS code (2–10 digits, dots allowed; HS 2022 or 2017).
    #[arg(long)]
    hs: Option<String>,
    /// Destination country (ISO 3166-1 alpha-2).
    #[arg(long, default_value = "kp")]
    destination: String,
    #[arg(long)]
    origin: Option<String>,
    #[arg(long)]
    value: Option<f64>,
    /// ISO 4217 currency of --value.
    #[arg(long, requires = "value")]
    currency: Option<String>,
    #[arg(long)]
    quantity: Option<f64>,
    /// Shipment date YYYY-MM-DD (rules apply from their effective dates).
    #[arg(long)]
    date: Option<String>,
    /// What the customs declaration says, when it differs from the description.
    #[arg(long)]
    declared_description: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Batch input: JSONL (one goods line object per line) or CSV (by extension).
    #[arg(long, conflicts_with = "description")]
    input: Option<PathBuf>,
    /// Where batch reports go (default: standard output).
    #[arg(long, requires = "input")]
    output: Option<PathBuf>,
    #[command(flatten)]
    by: super::record::By,
}

pub fn run(ctx: &super::Context, args: GoodsArgs) -> anyhow::Result<ExitCode> {
    let mut recorder = ctx.recorder(&args.by)?;
    let screener = GoodsScreener::bundled().context("loading the goods tables")?;
    if let Some(input) = &args.input {
        return batch(&screener, input, args.output.as_deref(), &mut recorder);
    }
    let Some(description) = args.description.clone() else {
        bail!("give a DESCRIPTION, or --input FILE");
    };
    if args.value.is_some() && args.currency.is_none() {
        bail!("--value needs --currency (ISO 4217, e.g. USD)");
    }
    let line = GoodsLine {
        description,
        hs_code: args.hs,
        destination: args.destination,
        origin: args.origin,
        value: args.value,
        currency: args.currency,
        quantity: args.quantity,
        unit: None,
        date: args.date,
        declared_description: args.declared_description,
    };
    let report = screener.assess(&line)?;
    let audit = to_record(json!(line), vec![line.description.clone()], &report);
    record::record(&mut recorder, Some(audit))?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        Format::Table => print_report(&line, &report),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(line: &GoodsLine, r: &GoodsReport) {
    println!("goods: {}", line.description);
    println!(
        "HS: {} (heading {}, {}, confidence {:.2}){}",
        r.hs.code.as_deref().unwrap_or("?"),
        r.hs.heading.as_deref().unwrap_or("?"),
        r.hs.basis,
        r.hs.confidence,
        r.hs.description
            .as_deref()
            .map(|d| format!(" — {d}"))
            .unwrap_or_default()
    );
    if !r.classification.decisive.is_empty() {
        println!("decided by: {}", r.classification.decisive.join(", "));
    }
    let rows: Vec<Vec<String>> = r
        .verdicts
        .iter()
        .map(|v| {
            vec![
                v.jurisdiction.clone(),
                v.status.as_str().to_string(),
                v.instrument.clone().unwrap_or_default(),
                v.provision.clone().unwrap_or_default(),
                v.verified
                    .map(|x| x.as_str().to_string())
                    .unwrap_or_default(),
                v.reason.clone(),
            ]
        })
        .collect();
    println!();
    print!(
        "{}",
        output::table(
            &[
                "",
                "status",
                "instrument",
                "provision",
                "verified",
                "reason"
            ],
            &rows
        )
    );
    if let Some(m) = &r.mismatch {
        println!(
            "\nEVASION SIGNAL ({}): declared {:?}, described {:?}: {}",
            m.kind.as_str(),
            m.declared,
            m.described,
            m.detail
        );
    }
    for w in &r.warnings {
        println!("warning: {w}");
    }
}

fn batch(
    screener: &GoodsScreener,
    input: &Path,
    output: Option<&Path>,
    recorder: &mut Option<Recorder>,
) -> anyhow::Result<ExitCode> {
    let file = File::open(input).with_context(|| format!("cannot open {}", input.display()))?;
    let is_csv = input
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut out = output::open(output)?;
    // Lines are read as the batch goes (memory does not grow with the file);
    // the goods crate numbers every line and names the bad field.
    let mut write = |answer: Result<(Value, Answer), RecordError>| -> anyhow::Result<()> {
        let record = match answer {
            Ok((record, audit)) => {
                record::record(recorder, Some(audit))?;
                record
            }
            Err(e) => {
                let mut record = e.to_json();
                record["line"] = json!(e.line);
                record
            }
        };
        Ok(writeln!(out, "{record}")?)
    };
    let counts = if is_csv {
        let (headers, records) = interdict_goods::csv_records(file)
            .with_context(|| format!("{}: not a goods CSV", input.display()))?;
        batch::run(
            records,
            BATCH_CHUNK,
            "goods lines",
            |(n, rec)| {
                answer(
                    input,
                    n,
                    rec.and_then(|r| screener.assess_csv_at(n, &headers, &r)),
                )
            },
            &mut write,
        )?
    } else {
        let lines = interdict_goods::jsonl_lines(BufReader::new(file));
        batch::run(
            lines,
            BATCH_CHUNK,
            "goods lines",
            |(n, line)| answer(input, n, line.and_then(|l| screener.assess_jsonl_at(n, &l))),
            &mut write,
        )?
    };
    out.flush()?;
    Ok(counts.exit_code("goods lines"))
}

/// The output record and audit entry of goods line `n`, or its error record.
fn answer(
    input: &Path,
    n: usize,
    result: Result<GoodsReport, GoodsError>,
) -> Result<(Value, Answer), RecordError> {
    result
        .map(|report| {
            let query = json!({"file": input.display().to_string(), "line": n});
            let audit = to_record(query, Vec::new(), &report);
            (json!({"line": n, "report": report}), audit)
        })
        .map_err(|e| RecordError::new(input, Some(n), None, &e))
}

/// The audit entry of one goods line: its verdicts, and the statuses by
/// jurisdiction as the decision (`un: prohibited, us: ...`).
fn to_record(query: Value, parties: Vec<String>, report: &GoodsReport) -> Answer {
    interdict_review::answers::goods_answer(query, parties, report)
}
