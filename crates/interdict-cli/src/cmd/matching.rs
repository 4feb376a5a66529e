//! `interdict match`: one party from the command line, or a JSONL batch.

use super::{Context, Format};
use crate::batch::{self, RecordError};
use crate::output;
use anyhow::{bail, Context as _};
use clap::Args;
use interdict_match::{MatchConfig, MatchResult, Matcher, Query};
use interdict_model::{prop, Schema};
use serde_json::json;
use std::fs::File;
use std::io::{BufRead, BufReader, Write};
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
    let engine = ctx.engine()?;
    let matcher = engine.matcher();
    if let Some(input) = &args.input {
        return batch(matcher, &config, input, args.output.as_deref());
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
    let results = matcher.search(&query, &config);
    match args.format {
        Format::Json => println!(
            "{}",
            serde_json::to_string_pretty(&json!({"id": query.id, "results": results}))?
        ),
        Format::Table => print_table(name, &results),
    }
    Ok(ExitCode::SUCCESS)
}

fn print_table(name: &str, results: &[MatchResult]) {
    if results.is_empty() {
        println!("no listed party resembles {name:?}");
        return;
    }
    let rows: Vec<Vec<String>> = results
        .iter()
        .map(|r| {
            vec![
                format!("{:.2}", r.score),
                if r.is_match { "MATCH" } else { "" }.to_string(),
                r.caption.clone(),
                r.schema.to_string(),
                r.id.clone(),
            ]
        })
        .collect();
    print!(
        "{}",
        output::table(&["score", "", "listed name", "schema", "id"], &rows)
    );
    for r in results {
        println!("\n{} — {}", r.id, r.caption);
        for line in r.explanation.to_text() {
            println!("  {line}");
        }
    }
}

/// One output line per input line: results, or an error record naming the
/// query id (or line number); the batch goes on.
fn batch(
    matcher: &Matcher,
    config: &MatchConfig,
    input: &Path,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let reader = BufReader::new(
        File::open(input).with_context(|| format!("cannot open {}", input.display()))?,
    );
    let mut out = output::open(output)?;
    let lines = reader
        .lines()
        .enumerate()
        .filter(|(_, l)| l.as_ref().map_or(true, |t| !t.trim().is_empty()));
    let counts = batch::run(
        lines,
        BATCH_CHUNK,
        "queries",
        |(i, line)| answer_line(matcher, config, input, i + 1, line),
        |answer| {
            let line = match answer {
                Ok(line) => line,
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
    matcher: &Matcher,
    config: &MatchConfig,
    input: &Path,
    line_no: usize,
    line: std::io::Result<String>,
) -> Result<String, RecordError> {
    let text = line.map_err(|e| RecordError::new(input, Some(line_no), None, e.to_string()))?;
    let q = Query::from_json(&text).map_err(|e| {
        let id = serde_json::from_str::<serde_json::Value>(&text)
            .ok()
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string));
        RecordError::new(input, Some(line_no), id, e.to_string())
    })?;
    let results = matcher.search(&q, config);
    Ok(json!({"id": q.id, "results": results}).to_string())
}
