//! `interdict screen FILE`: one explained decision per shipment, as a
//! table, JSON lines or an HTML report with each route drawn.

use super::Context;
use crate::output;
use anyhow::Context as _;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use interdict_screen::{Decision, DecisionKind, Screener, Shipment, ShipmentError};
use rayon::prelude::*;
use serde_json::json;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Shipments handed to the worker threads at a time (output stays in input order).
const BATCH_CHUNK: usize = 2048;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScreenFormat {
    Table,
    Jsonl,
    Html,
}

#[derive(Args)]
pub struct ScreenArgs {
    /// Shipment files: JSON lines (one shipment per line) or flat CSV (`.csv`).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long, value_enum, default_value_t = ScreenFormat::Table)]
    format: ScreenFormat,
    /// Write here instead of standard output.
    #[arg(long)]
    output: Option<PathBuf>,
}

type Parsed = Result<Shipment, ShipmentError>;

pub fn run(ctx: &Context, args: ScreenArgs) -> anyhow::Result<ExitCode> {
    let engine = ctx.engine()?;
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let progress = ProgressBar::new_spinner().with_style(
        ProgressStyle::with_template("{spinner} {pos} shipments {per_sec}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner()),
    );
    let mut summary = Summary::default();
    let mut kept: Vec<(Shipment, Decision)> = Vec::new();
    let mut table_rows: Vec<Vec<String>> = Vec::new();
    let mut details = String::new();
    engine.with_screener(|screener| -> anyhow::Result<()> {
        let mut input = read_all(&args.files)?;
        loop {
            let chunk: Vec<Parsed> = input.by_ref().take(BATCH_CHUNK).collect();
            if chunk.is_empty() {
                break;
            }
            let answers: Vec<Result<(Shipment, Decision), ShipmentError>> = chunk
                .into_par_iter()
                .map(|s| s.map(|s| decide(screener, s)))
                .collect();
            for answer in answers {
                progress.inc(1);
                match answer {
                    Err(e) => {
                        summary.errors += 1;
                        eprintln!("{e}");
                        match args.format {
                            ScreenFormat::Jsonl => writeln!(out, "{}", json!({ "error": e }))?,
                            ScreenFormat::Table => table_rows.push(vec![
                                e.shipment_id
                                    .clone()
                                    .unwrap_or_else(|| format!("line {}", e.line.unwrap_or(0))),
                                "ERROR".into(),
                                String::new(),
                                format!("{}: {}", e.field, e.reason),
                            ]),
                            ScreenFormat::Html => {}
                        }
                    }
                    Ok((shipment, decision)) => {
                        summary.count(decision.decision);
                        match args.format {
                            ScreenFormat::Jsonl => {
                                writeln!(out, "{}", serde_json::to_string(&decision)?)?
                            }
                            ScreenFormat::Table => {
                                table_rows.push(vec![
                                    decision.shipment_id.clone(),
                                    kind_label(decision.decision).into(),
                                    format!("{:.2}", decision.score),
                                    decision
                                        .flags
                                        .iter()
                                        .map(|f| f.rule.as_str())
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                ]);
                                if decision.decision != DecisionKind::Clear {
                                    details.push_str(&describe(&decision));
                                }
                            }
                            ScreenFormat::Html => kept.push((shipment, decision)),
                        }
                    }
                }
            }
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    match args.format {
        ScreenFormat::Table => {
            write!(
                out,
                "{}",
                output::table(&["shipment", "decision", "score", "flags"], &table_rows)
            )?;
            write!(out, "{details}")?;
            writeln!(
                out,
                "\n{} shipments: {} block, {} review, {} clear, {} in error",
                summary.total(),
                summary.block,
                summary.review,
                summary.clear,
                summary.errors
            )?;
        }
        ScreenFormat::Html => write!(out, "{}", interdict_screen::render_html(&kept))?,
        ScreenFormat::Jsonl => {}
    }
    out.flush()?;
    if summary.errors > 0 {
        eprintln!(
            "{} shipments were in error; their error records are in the output",
            summary.errors
        );
        return Ok(ExitCode::from(crate::EXIT_RECORD_ERRORS));
    }
    Ok(ExitCode::SUCCESS)
}

fn decide(screener: &Screener<'_>, shipment: Shipment) -> (Shipment, Decision) {
    let decision = screener.screen(&shipment);
    (shipment, decision)
}

/// Shipments from every file in turn.
fn read_all(paths: &[PathBuf]) -> anyhow::Result<Box<dyn Iterator<Item = Parsed>>> {
    let mut all: Box<dyn Iterator<Item = Parsed>> = Box::new(std::iter::empty());
    for path in paths {
        all = Box::new(all.chain(read_shipments(path)?));
    }
    Ok(all)
}

/// Shipments from a JSONL or CSV file, each parsed or an error record whose
/// reason names the file.
fn read_shipments(path: &Path) -> anyhow::Result<Box<dyn Iterator<Item = Parsed>>> {
    let file = File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let name = path.display().to_string();
    let in_file = move |mut e: ShipmentError| {
        e.reason = format!("{name}: {}", e.reason);
        e
    };
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return Ok(Box::new(
            interdict_screen::read_csv(file).map(move |r| r.map_err(&in_file)),
        ));
    }
    let lines = BufReader::new(file)
        .lines()
        .enumerate()
        .filter_map(move |(i, line)| match line {
            Ok(l) if l.trim().is_empty() || l.trim_start().starts_with("//") => None,
            Ok(l) => Some(interdict_screen::parse_jsonl_line(&l, i + 1).map_err(&in_file)),
            Err(e) => Some(Err(ShipmentError {
                shipment_id: None,
                line: Some(i + 1),
                field: "line".into(),
                reason: format!("cannot read: {e}"),
            })),
        });
    Ok(Box::new(lines))
}

fn kind_label(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Block => "BLOCK",
        DecisionKind::Review => "review",
        DecisionKind::Clear => "clear",
    }
}

fn describe(d: &Decision) -> String {
    let mut s = format!(
        "\n{} — {} (score {:.2})\n",
        d.shipment_id,
        kind_label(d.decision),
        d.score
    );
    for f in &d.flags {
        s.push_str(&format!("  [{:?}] {}: {}\n", f.severity, f.rule, f.summary));
        if let Some(c) = f.citations.first() {
            s.push_str(&format!("      source: {c}\n"));
        }
    }
    s
}

#[derive(Default)]
struct Summary {
    block: usize,
    review: usize,
    clear: usize,
    errors: usize,
}

impl Summary {
    fn count(&mut self, k: DecisionKind) {
        match k {
            DecisionKind::Block => self.block += 1,
            DecisionKind::Review => self.review += 1,
            DecisionKind::Clear => self.clear += 1,
        }
    }

    fn total(&self) -> usize {
        self.block + self.review + self.clear + self.errors
    }
}
