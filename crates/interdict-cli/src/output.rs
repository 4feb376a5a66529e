//! Plain-text tables and small formatting helpers for terminal output.

use anyhow::Context as _;
use interdict_model::PartialDate;
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

/// Days from `date` (an ISO date, any precision) to today, if it parses.
pub fn age_in_days(date: &str) -> Option<i64> {
    let d: PartialDate = date.get(..10.min(date.len()))?.parse().ok()?;
    Some(PartialDate::today().day_number() - d.day_number())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_count_days_to_today() {
        assert_eq!(age_in_days(&PartialDate::today().to_string()), Some(0));
        assert_eq!(age_in_days("not a date"), None);
    }

    #[test]
    fn table_aligns_columns() {
        let t = table(&["a", "bb"], &[vec!["xxx".into(), "y".into()]]);
        assert_eq!(t, "a    bb\n---  --\nxxx  y\n");
    }
}
