//! `interdict match`: one party from the command line, or a JSONL batch.
//! Each row is a party (its records on several lists merged, with their
//! ids as `referents` and the reasons of the merge), unless `--no-merge`;
//! every answer names the snapshot of each list it rests on and warns when
//! one is stale.

use super::record::{self, Answer, Recorder};
use super::{Context, Format};
use crate::batch::{self, RecordError};
use crate::output;
use anyhow::{bail, Context as _};
use clap::Args;
use interdict_engine::Engine;
use interdict_match::{MatchConfig, MatchResult, Query};
use interdict_model::lines::{LineError, Lines};
use interdict_model::{prop, PartialDate, Schema};
use interdict_review::{answers, ClearBook, Clearance};
use serde_json::{json, Value};
use std::fs::File;
use std::io::{BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Queries handed to the worker threads at a time (keeps output in input order).
const BATCH_CHUNK: usize = 4096;

#[derive(Args)]
pub struct MatchArgs {
    /// The name to screen (any script).
    name: Option<String>,
    #[arg(long, default_value = "LegalEntity")]
    schema: Schema,
    #[arg(long = "birth-date", value_name = "YYYY[-MM[-DD]]")]
    birth_date: Option<String>,
    /// ISO 3166-1 code or country name.
    #[arg(long)]
    nationality: Option<String>,
    #[arg(long)]
    country: Option<String>,
    #[arg(long)]
    imo: Option<String>,
    #[arg(long)]
    passport: Option<String>,
    /// Only these datasets (comma-separated names).
    #[arg(long, value_delimiter = ',')]
    dataset: Option<Vec<String>>,
    #[arg(long, default_value_t = 5)]
    limit: usize,
    #[arg(long, default_value_t = interdict_match::weights::DEFAULT_THRESHOLD)]
    threshold: f64,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// JSONL file of queries `{"id","schema","properties"}` (batch mode).
    #[arg(long, conflicts_with = "name")]
    input: Option<PathBuf>,
    /// Where batch results go (default: standard output).
    #[arg(long, requires = "input")]
    output: Option<PathBuf>,
    /// One row per list record instead of one per party.
    #[arg(long = "no-merge")]
    no_merge: bool,
    #[command(flatten)]
    by: super::record::By,
}

pub fn run(ctx: &Context, args: MatchArgs) -> anyhow::Result<ExitCode> {
    if !(0.0..=1.0).contains(&args.threshold) {
        bail!(
            "--threshold must be between 0 and 1, got {}",
            args.threshold
        );
    }
    let config = MatchConfig {
        threshold: args.threshold,
        limit: args.limit,
        datasets: args.dataset.clone(),
    };
    let mut recorder = ctx.recorder(&args.by)?;
    let book = ctx.clear_book(recorder.as_ref())?;
    let engine = ctx.engine_merged(!args.no_merge)?;
    let today = output::today();
    let screened = Screened {
        engine,
        config: &config,
        book: &book,
        today,
    };
    if let Some(input) = &args.input {
        let output = args.output.as_deref();
        return batch(&screened, input, output, &mut recorder);
    }
    let Some(name) = &args.name else {
        bail!("give a NAME to screen, or --input QUERIES.jsonl");
    };
    let mut query = Query::new("cli", args.schema, name);
    let optional = [
        (prop::BIRTH_DATE, &args.birth_date),
        (prop::NATIONALITY, &args.nationality),
        (prop::COUNTRY, &args.country),
        (prop::IMO_NUMBER, &args.imo),
        (prop::PASSPORT_NUMBER, &args.passport),
    ];
    for (property, value) in optional {
        if let Some(v) = value {
            query.add(property, v);
        }
    }
    query.validate()?;
    let results = engine.matcher().search(&query, &config);
    let clearances = screened.clearances(&query, &results);
    let answered = screened.answer(&query.id, &results, &clearances);
    record::record(
        &mut recorder,
        Some(to_record(&query, &results, &clearances, &answered)),
    )?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&answered)?),
        Format::Table => print_table(&screened, name, &results, &clearances),
    }
    Ok(ExitCode::SUCCESS)
}

/// The lists a search looked in: those of `--dataset`, else every one loaded.
fn searched(engine: &Engine, config: &MatchConfig) -> Vec<String> {
    match &config.datasets {
        Some(d) => d.clone(),
        None => engine
            .datasets()
            .iter()
            .map(|d| d.info.name.clone())
            .collect(),
    }
}

/// What one search needs besides the query: the engine, the search
/// settings, the clears and the day list ages are measured on.
struct Screened<'a> {
    engine: &'a Engine,
    config: &'a MatchConfig,
    book: &'a ClearBook,
    today: PartialDate,
}

impl Screened<'_> {
    /// The clear, if any, that applies to each result of `query`.
    fn clearances(&self, query: &Query, results: &[MatchResult]) -> Vec<Option<Clearance>> {
        let name = query.get(prop::NAME).first().map_or("", String::as_str);
        answers::match_clearances(
            self.book,
            self.engine,
            name,
            Some(query.id.as_str()),
            results,
            &self.today.to_string(),
        )
    }

    /// One result row: the party, the snapshots of its lists, the reasons
    /// its records were merged and the clear that applies to it.
    fn row(&self, r: &MatchResult, clearance: Option<&Clearance>) -> Value {
        let mut v = json!(r);
        let (sources, warnings) =
            output::sources_json(&self.engine.sources(&r.datasets, self.today));
        v["sources"] = sources;
        v["warnings"] = warnings;
        if let Some((_, Some(cluster))) = self.engine.entity(&r.id) {
            v["merge_reasons"] = json!(cluster
                .reasons
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>());
        }
        if let Some(c) = clearance {
            v["clearance"] = json!(c);
        }
        v
    }

    /// The whole answer to one query: results, the snapshots of every list
    /// searched (a "no match" rests on them too) and the decision.
    fn answer(&self, id: &str, results: &[MatchResult], clearances: &[Option<Clearance>]) -> Value {
        let searched = self
            .engine
            .sources(&searched(self.engine, self.config), self.today);
        let (sources, warnings) = output::sources_json(&searched);
        let rows: Vec<Value> = results
            .iter()
            .zip(clearances)
            .map(|(r, c)| self.row(r, c.as_ref()))
            .collect();
        let decision = answers::match_decision(results, clearances);
        json!({"id": id, "decision": decision, "results": rows, "sources": sources, "warnings": warnings})
    }
}

fn print_table(
    screened: &Screened<'_>,
    name: &str,
    results: &[MatchResult],
    clearances: &[Option<Clearance>],
) {
    let (engine, config, today) = (screened.engine, screened.config, screened.today);
    let searched = engine.sources(&searched(engine, config), today);
    if results.is_empty() {
        println!("no listed party resembles {name:?}");
    } else {
        let rows: Vec<Vec<String>> = results
            .iter()
            .zip(clearances)
            .map(|(r, c)| {
                let mark = match (r.is_match, c) {
                    (_, Some(c)) if c.is_cleared() => "cleared",
                    (_, Some(_)) => "RE-OPENED",
                    (true, None) => "MATCH",
                    (false, None) => "",
                };
                vec![
                    format!("{:.2}", r.score),
                    mark.to_string(),
                    r.caption.clone(),
                    r.schema.to_string(),
                    r.id.clone(),
                    r.datasets.join(", "),
                ]
            })
            .collect();
        print!(
            "{}",
            output::table(
                &["score", "", "listed name", "schema", "id", "lists"],
                &rows
            )
        );
    }
    for (r, c) in results.iter().zip(clearances) {
        println!("\n{} — {}", r.id, r.caption);
        if let Some(c) = c {
            println!("  {}", c.describe());
        }
        if r.referents.len() > 1 {
            println!("  records: {}", r.referents.join(", "));
        }
        if let Some((_, Some(cluster))) = engine.entity(&r.id) {
            for reason in &cluster.reasons {
                println!("  merged: {reason}");
            }
        }
        println!(
            "  lists: {}",
            output::sources_text(&engine.sources(&r.datasets, today))
        );
        for line in r.explanation.to_text() {
            println!("  {line}");
        }
    }
    println!("\nsearched: {}", output::sources_text(&searched));
    for w in searched.iter().filter_map(|s| s.warning()) {
        println!("warning: {w}");
    }
}

/// One output line per input line: results, or an error record naming the
/// query id (or line number); the batch goes on.
fn batch(
    screened: &Screened<'_>,
    input: &Path,
    output: Option<&Path>,
    recorder: &mut Option<Recorder>,
) -> anyhow::Result<ExitCode> {
    let reader = BufReader::new(
        File::open(input).with_context(|| format!("cannot open {}", input.display()))?,
    );
    let mut out = output::open(output)?;
    // BOM, CRLF or CR line ends and a final 0x1A are accepted; an endless
    // or non-UTF-8 line is an error record of its own.
    let lines =
        Lines::new(reader).filter(|(_, l)| l.as_ref().map_or(true, |t| !t.trim().is_empty()));
    let counts = batch::run(
        lines,
        BATCH_CHUNK,
        "queries",
        |(line_no, line)| answer_line(screened, input, line_no, line),
        |answer| {
            let line = match answer {
                Ok((line, audit)) => {
                    // Recorded before it is written: an answer shown was recorded.
                    record::record(recorder, Some(audit))?;
                    line
                }
                Err(e) => {
                    let mut record = e.to_json();
                    record["results"] = json!([]);
                    record.to_string()
                }
            };
            Ok(writeln!(out, "{line}")?)
        },
    )?;
    out.flush()?;
    Ok(counts.exit_code("queries"))
}

fn answer_line(
    screened: &Screened<'_>,
    input: &Path,
    line_no: usize,
    line: Result<String, LineError>,
) -> Result<(String, Answer), RecordError> {
    let text = line.map_err(|e| RecordError::new(input, Some(line_no), None, &e))?;
    let q = Query::from_json(&text).map_err(|e| {
        let id = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string));
        RecordError::new(input, Some(line_no), id, &e)
    })?;
    let results = screened.engine.matcher().search(&q, screened.config);
    let clearances = screened.clearances(&q, &results);
    let answered = screened.answer(&q.id, &results, &clearances);
    let audit = to_record(&q, &results, &clearances, &answered);
    Ok((answered.to_string(), audit))
}

/// The audit entry of one answer: the query, each result with its score,
/// the snapshots searched, and whether any result is a match.
fn to_record(
    query: &Query,
    results: &[MatchResult],
    clearances: &[Option<Clearance>],
    answered: &Value,
) -> Answer {
    answers::match_answer(
        json!(query),
        query.get(prop::NAME).to_vec(),
        results,
        clearances,
        answered["sources"].clone(),
    )
}
