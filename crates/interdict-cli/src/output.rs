//! Plain-text tables and small formatting helpers for terminal output.

use anyhow::Context as _;
use interdict_model::PartialDate;
use serde_json::{json, Value};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Where a command writes: the file given, or standard output (buffered).
pub fn open(path: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

/// Renders rows as a left-aligned text table with a header rule.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    out.push_str(&line(
        widths
            .iter()
            .map(|w| "-".repeat(*w))
            .collect::<Vec<_>>()
            .iter()
            .map(String::as_str)
            .collect(),
    ));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// The day list ages are measured on: today, or `INTERDICT_TODAY`
/// (`YYYY-MM-DD`) when set, so that tests and reproducible reports can fix it.
pub fn today() -> PartialDate {
    std::env::var("INTERDICT_TODAY")
        .ok()
        .and_then(|d| d.parse::<PartialDate>().ok())
        .unwrap_or_else(PartialDate::today)
}

/// Days from `date` (an ISO date, any precision) to [`today`], if it parses.
pub fn age_in_days(date: &str) -> Option<i64> {
    let d: PartialDate = date.get(..10.min(date.len()))?.parse().ok()?;
    Some(today().day_number() - d.day_number())
}

/// The snapshot dates an answer rests on, and a warning for each stale one,
/// as JSON fields `sources` and `warnings`.
pub fn sources_json(sources: &[interdict_engine::SourceSnapshot]) -> (Value, Value) {
    let warnings: Vec<String> = sources.iter().filter_map(|s| s.warning()).collect();
    (json!(sources), json!(warnings))
}

/// `un_sc_sanctions 2026-02-27, us_ofac_sdn 2024-05-03 (stale)`.
pub fn sources_text(sources: &[interdict_engine::SourceSnapshot]) -> String {
    sources
        .iter()
        .map(|s| {
            let stale = if s.stale { " (stale)" } else { "" };
            format!("{} {}{stale}", s.dataset, s.snapshot_date)
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_count_days_to_today() {
        assert_eq!(age_in_days(&today().to_string()), Some(0));
        assert_eq!(age_in_days("not a date"), None);
    }

    #[test]
    fn table_aligns_columns() {
        let t = table(&["a", "bb"], &[vec!["xxx".into(), "y".into()]]);
        assert_eq!(t, "a    bb\n---  --\nxxx  y\n");
    }
}
