//! `interdict screen FILE`: one explained decision per shipment, as a
//! table, JSON lines or an HTML report with each route drawn on a map,
//! under the law the user screens under (`--jurisdiction`). Party hits are
//! merged parties (one per party, with every list it is on) unless
//! `--no-merge`; every decision names the list snapshots it rests on and
//! warns when one is stale.

use super::record::{self, Answer};
use super::Context;
use crate::{batch, output};
use anyhow::Context as _;
use clap::{Args, ValueEnum};
use interdict_engine::SourceSnapshot;
use interdict_model::Coded;
use interdict_review::{ClearedHit, ClearingParties};
use interdict_screen::{Decision, DecisionKind, Scope, Screener, Shipment, ShipmentError};
use serde_json::json;
use std::fs::File;
use std::io::{BufReader, Write};
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
    /// Whose law to screen under: `all` (every jurisdiction, the strictest
    /// decides, each reported) or one or more of un, us, eu, gb (uk), jp, kr
    /// separated by commas (you are their person: their lists, their
    /// blocking and their goods rules bind you).
    #[arg(long, default_value = "all", value_parser = parse_scope)]
    jurisdiction: Scope,
    /// Hits per list record instead of per party.
    #[arg(long = "no-merge")]
    no_merge: bool,
    /// Watched assets (JSON lines: kind, id, why), besides
    /// `$INTERDICT_HOME/watched_assets.jsonl`: a goods line or leg carrying
    /// one is flagged with why it is watched.
    #[arg(long = "assets", value_name = "FILE")]
    assets: Option<PathBuf>,
    #[command(flatten)]
    by: super::record::By,
    #[cfg(feature = "trade")]
    #[command(flatten)]
    sql: super::declarations::ClusterArgs,
    /// Reading declaration files (with `--engine datafusion|ballista`).
    #[cfg(feature = "trade")]
    #[command(flatten)]
    read: super::flows::ReadArgs,
}

fn parse_scope(s: &str) -> Result<Scope, String> {
    Scope::parse(s).map_err(|e| e.to_string())
}

type Parsed = Result<Shipment, ShipmentError>;

pub fn run(ctx: &Context, args: ScreenArgs) -> anyhow::Result<ExitCode> {
    #[cfg(feature = "trade")]
    if let Some(e) = args
        .sql
        .engine
        .filter(|e| *e != super::declarations::ScreenEngine::Rules)
    {
        // The SQL path answers per declaration line, not per shipment: the
        // audit log, clearances and watched assets belong to the rules engine.
        if ctx.record || args.no_merge || args.assets.is_some() {
            anyhow::bail!(
                "--record, --no-merge and --assets screen shipments: use them with the rules engine, not --engine datafusion|ballista"
            );
        }
        let cluster =
            super::declarations::cluster(e, args.sql.cluster.as_deref(), args.sql.executors)?;
        return super::declarations::run(
            ctx,
            &super::declarations::SqlScreen {
                files: &args.files,
                cluster,
                scope: &args.jurisdiction,
                output: args.output.as_deref(),
                read: &args.read,
            },
        );
    }
    let watched = ctx.watchlist(args.assets.as_deref())?;
    let mut recorder = ctx.recorder(&args.by)?;
    let engine = ctx.engine_merged(!args.no_merge)?;
    let mut out = output::open(args.output.as_deref())?;
    // A decision rests on every loaded list: a clear one as much as a hit.
    let loaded: Vec<String> = engine
        .datasets()
        .iter()
        .map(|d| d.info.name.clone())
        .collect();
    let mut report = Report::new(args.format, engine.sources(&loaded, output::today()));
    let scope = args.jurisdiction.clone();
    let book = ctx.clear_book(recorder.as_ref())?;
    let today = output::today().to_string();
    let lookup = |id: &str| interdict_review::answers::listed_lookup(engine, id);
    let counts = engine.with_screener(|screener| -> anyhow::Result<batch::Counts> {
        // Cleared hits never reach the rules; they are reported beside the decision.
        let clearing = ClearingParties::new(screener.parties, &book, &lookup, &today);
        let screener = Screener {
            parties: &clearing,
            goods: screener.goods,
            config: screener
                .config
                .clone()
                .with_scope(scope)
                .with_watched_assets(watched),
        };
        batch::run(
            read_all(&args.files)?,
            BATCH_CHUNK,
            "shipments",
            |parsed: Parsed| parsed.map(|s| decide(&screener, &clearing, s)),
            |answer| {
                if let Ok((shipment, decision, cleared)) = &answer {
                    let audit = to_record(shipment, decision, cleared, &report.sources)?;
                    record::record(&mut recorder, Some(audit))?;
                }
                report.add(answer, &mut out)
            },
        )
    })?;
    report.finish(&mut out)?;
    out.flush()?;
    Ok(counts.exit_code("shipments"))
}

/// What each format keeps while the batch runs and writes at its end: JSON
/// lines stream, the table and the HTML report are written once complete.
struct Report {
    format: ScreenFormat,
    sources: Vec<SourceSnapshot>,
    summary: Summary,
    kept: Vec<(Shipment, Decision)>,
    table_rows: Vec<Vec<String>>,
    details: String,
}

impl Report {
    fn new(format: ScreenFormat, sources: Vec<SourceSnapshot>) -> Report {
        Report {
            format,
            sources,
            summary: Summary::default(),
            kept: Vec::new(),
            table_rows: Vec::new(),
            details: String::new(),
        }
    }

    fn add(
        &mut self,
        answer: Result<Screened, ShipmentError>,
        out: &mut dyn Write,
    ) -> anyhow::Result<()> {
        match answer {
            Err(e) => {
                self.summary.errors += 1;
                match self.format {
                    ScreenFormat::Jsonl => writeln!(out, "{}", error_record(&e))?,
                    ScreenFormat::Table => self.table_rows.push(vec![
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
            Ok((shipment, decision, cleared)) => {
                self.summary.count(decision.decision);
                match self.format {
                    ScreenFormat::Jsonl => {
                        let mut v = serde_json::to_value(&decision)?;
                        let (sources, warnings) = output::sources_json(&self.sources);
                        v["sources"] = sources;
                        v["warnings"] = warnings;
                        if !cleared.is_empty() {
                            v["clearances"] = serde_json::to_value(&cleared)?;
                        }
                        writeln!(out, "{v}")?;
                    }
                    ScreenFormat::Table => self.add_row(&decision, &cleared),
                    ScreenFormat::Html => self.kept.push((shipment, decision)),
                }
            }
        }
        Ok(())
    }

    fn add_row(&mut self, decision: &Decision, cleared: &[ClearedHit]) {
        self.table_rows.push(vec![
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
        if decision.decision != DecisionKind::Clear || !cleared.is_empty() {
            self.details.push_str(&describe(decision));
        }
        for c in cleared {
            self.details.push_str(&format!(
                "  {} ~ {} ({}, {:.2}): {}\n",
                c.party,
                c.listed,
                c.caption,
                c.score,
                c.clearance.describe()
            ));
        }
    }

    fn finish(&self, out: &mut dyn Write) -> anyhow::Result<()> {
        match self.format {
            ScreenFormat::Table => {
                let header = ["shipment", "decision", "score", "flags"];
                write!(out, "{}", output::table(&header, &self.table_rows))?;
                write!(out, "{}", self.details)?;
                let s = &self.summary;
                writeln!(
                    out,
                    "\n{} shipments: {} block, {} review, {} clear, {} in error",
                    s.total(),
                    s.block,
                    s.review,
                    s.clear,
                    s.errors
                )?;
                writeln!(out, "lists: {}", output::sources_text(&self.sources))?;
                for w in self.sources.iter().filter_map(SourceSnapshot::warning) {
                    writeln!(out, "warning: {w}")?;
                }
            }
            ScreenFormat::Html => write!(out, "{}", interdict_screen::render_html(&self.kept))?,
            ScreenFormat::Jsonl => {}
        }
        Ok(())
    }
}

/// A shipment, its decision and the clears that applied to its parties' hits.
type Screened = (Shipment, Decision, Vec<ClearedHit>);

fn decide(screener: &Screener<'_>, clearing: &ClearingParties<'_>, shipment: Shipment) -> Screened {
    let decision = screener.screen(&shipment);
    let cleared = clearing.notes(&shipment);
    (shipment, decision, cleared)
}

/// The JSONL error record of a shipment: where and what, with its code.
fn error_record(e: &ShipmentError) -> serde_json::Value {
    let mut record = json!({ "error": e });
    record["error"]["code"] = json!(e.code());
    record
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
    let lines =
        interdict_screen::read_jsonl(BufReader::new(file)).map(move |r| r.map_err(&in_file));
    Ok(Box::new(lines))
}

/// The audit entry of one shipment: its parties and goods as screened, the
/// decision with its flags, and the snapshots it rests on.
fn to_record(
    shipment: &Shipment,
    decision: &Decision,
    cleared: &[ClearedHit],
    sources: &[SourceSnapshot],
) -> anyhow::Result<Answer> {
    Ok(interdict_review::answers::screen_answer(
        shipment, decision, cleared, sources,
    )?)
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
        "\n{} — {} (score {:.2}){}\n",
        d.shipment_id,
        kind_label(d.decision),
        d.score,
        by_law(d)
    );
    for f in &d.flags {
        s.push_str(&format!("  [{:?}] {}: {}\n", f.severity, f.rule, f.summary));
        if let Some(c) = f.citations.first() {
            s.push_str(&format!("      source: {c}\n"));
        }
        // Where whose law matters, say so for the strictest and the mildest reading.
        let strict = f.under.iter().max_by_key(|a| a.severity);
        let mild = f.under.iter().min_by_key(|a| a.severity);
        if let (Some(a), Some(b)) = (strict, mild) {
            if a.severity != b.severity {
                for x in [a, b] {
                    s.push_str(&format!(
                        "      under {} law: {:?}, {}\n",
                        x.jurisdiction.label(),
                        x.severity,
                        x.basis
                    ));
                }
            }
        }
    }
    s
}

/// ": block under US; review under UN, EU" when jurisdictions disagree.
fn by_law(d: &Decision) -> String {
    if d.jurisdictions.iter().all(|j| j.decision == d.decision) {
        return String::new();
    }
    format!(": {}", d.by_jurisdiction())
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
