//! Batch input: one goods line per JSONL line or CSV record. Owns the field
//! mapping and its errors (which name the line and field); the assessment
//! itself is `assess`.
//!
//! CSV columns (header row required, any order, unknown columns ignored):
//!
//! | column | field of [`GoodsLine`] |
//! |---|---|
//! | `description` (required) | description |
//! | `hs_code` (or `hs`) | declared HS code |
//! | `destination` (required) | ISO alpha-2 |
//! | `origin` | ISO alpha-2 |
//! | `value` | number, total line value |
//! | `currency` | ISO 4217 |
//! | `quantity` | number of units, default 1 |
//! | `unit` | unit of the quantity (`kg`, `l`, `bottle`, ...) |
//! | `date` | `YYYY[-MM[-DD]]` |
//! | `declared_description` | second description to compare |
//!
//! JSONL lines use the same names as JSON keys.

use crate::assess::{GoodsLine, GoodsReport};
use crate::error::GoodsError;
use crate::GoodsScreener;
use interdict_model::lines::{GuardedRead, LineError, Lines};
use std::io::Read;

/// The CSV columns read into a [`GoodsLine`].
pub const CSV_COLUMNS: [&str; 10] = [
    "description",
    "hs_code",
    "destination",
    "origin",
    "value",
    "currency",
    "quantity",
    "unit",
    "date",
    "declared_description",
];

fn number(field: &'static str, s: &str) -> Result<Option<f64>, GoodsError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    s.replace(['_', ','], "")
        .parse::<f64>()
        .map(Some)
        .map_err(|_| GoodsError::field(field, s, "not a number"))
}

fn opt(s: Option<&str>) -> Option<String> {
    s.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// Reads one CSV record into a goods line using the header row.
pub fn line_from_csv(
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Result<GoodsLine, GoodsError> {
    let get = |name: &str| {
        headers
            .iter()
            .position(|h| h.trim() == name)
            .and_then(|i| record.get(i))
    };
    let description =
        opt(get("description")).ok_or_else(|| GoodsError::field("description", "", "missing"))?;
    let destination =
        opt(get("destination")).ok_or_else(|| GoodsError::field("destination", "", "missing"))?;
    Ok(GoodsLine {
        description,
        hs_code: opt(get("hs_code")).or_else(|| opt(get("hs"))),
        destination,
        origin: opt(get("origin")),
        value: number("value", get("value").unwrap_or_default())?,
        currency: opt(get("currency")),
        quantity: number("quantity", get("quantity").unwrap_or_default())?,
        unit: opt(get("unit")),
        date: opt(get("date")),
        declared_description: opt(get("declared_description")),
    })
}

impl GoodsScreener {
    /// Assesses one JSONL line (`{"description": ..., "destination": ...}`).
    pub fn assess_jsonl_line(&self, line: &str) -> Result<GoodsReport, GoodsError> {
        let goods: GoodsLine = serde_json::from_str(line).map_err(|e| GoodsError::Parse {
            format: "jsonl",
            line: 1,
            reason: e.to_string(),
        })?;
        self.assess(&goods)
    }

    /// Assesses every non-blank line of a JSONL document, each result with
    /// its line (1-based); each error names its line and, for bad values,
    /// the field.
    pub fn assess_jsonl<R: std::io::BufRead>(&self, reader: R) -> Vec<NumberedResult> {
        jsonl_lines(reader)
            .map(|(n, line)| (n, line.and_then(|l| self.assess_jsonl_at(n, &l))))
            .collect()
    }

    /// Assesses JSONL line `n` (1-based), naming it in the error.
    pub fn assess_jsonl_at(&self, n: usize, line: &str) -> Result<GoodsReport, GoodsError> {
        self.assess_jsonl_line(line)
            .map_err(|e| at_line(e, "jsonl", n))
    }

    /// Assesses one CSV record given the header row.
    pub fn assess_csv_record(
        &self,
        headers: &csv::StringRecord,
        record: &csv::StringRecord,
    ) -> Result<GoodsReport, GoodsError> {
        self.assess(&line_from_csv(headers, record)?)
    }

    /// Assesses every record of a CSV document, each result with its line
    /// (1-based, the header is line 1). The outer error is a broken document;
    /// each record's own error names its line and field.
    pub fn assess_csv<R: Read>(&self, reader: R) -> Result<Vec<NumberedResult>, GoodsError> {
        let (headers, records) = csv_records(reader)?;
        Ok(records
            .map(|(n, rec)| (n, rec.and_then(|r| self.assess_csv_at(n, &headers, &r))))
            .collect())
    }

    /// Assesses CSV record `n` (1-based line), naming it in the error.
    pub fn assess_csv_at(
        &self,
        n: usize,
        headers: &csv::StringRecord,
        record: &csv::StringRecord,
    ) -> Result<GoodsReport, GoodsError> {
        self.assess_csv_record(headers, record)
            .map_err(|e| at_line(e, "csv", n))
    }
}

/// The non-blank lines of a JSONL document as they are read, each with its
/// line (1-based): a batch streams them to [`GoodsScreener::assess_jsonl_at`]
/// without holding the document. A BOM, CRLF or lone CR line ends and a
/// final 0x1A are accepted; an endless or non-UTF-8 line is an error of that
/// line alone.
pub fn jsonl_lines<R: std::io::BufRead>(
    reader: R,
) -> impl Iterator<Item = (usize, Result<String, GoodsError>)> {
    Lines::new(reader).filter_map(|(n, line)| match line {
        Err(e) => Some((
            n,
            Err(GoodsError::Parse {
                format: "jsonl",
                line: n,
                reason: e.reason(),
            }),
        )),
        Ok(l) if l.trim().is_empty() => None,
        Ok(l) => Some((n, Ok(l))),
    })
}

/// A CSV record with its 1-based line, or why that line cannot be read.
pub type NumberedRecord = (usize, Result<csv::StringRecord, GoodsError>);

/// A goods CSV document's header row and its records as they are read,
/// each with its line (1-based, the header is line 1): a batch streams them
/// to [`GoodsScreener::assess_csv_at`]. The error is a document whose header
/// cannot be read or has no `description` column.
pub fn csv_records<R: Read>(
    reader: R,
) -> Result<(csv::StringRecord, impl Iterator<Item = NumberedRecord>), GoodsError> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(GuardedRead::new(reader));
    let headers = csv_headers(&mut rdr)?;
    if !headers.iter().any(|h| h.trim() == "description") {
        return Err(GoodsError::Parse {
            format: "csv",
            line: 1,
            reason: "the header row has no 'description' column".into(),
        });
    }
    let records = rdr.into_records().enumerate().map(|(i, rec)| {
        let line = i + 2;
        (line, rec.map_err(|e| csv_error(line, &e)))
    });
    Ok((headers, records))
}

/// The header row of a CSV document (line 1); unreadable, it is a parse
/// error of the document.
pub(crate) fn csv_headers<R: Read>(
    rdr: &mut csv::Reader<R>,
) -> Result<csv::StringRecord, GoodsError> {
    rdr.headers().cloned().map_err(|e| csv_error(1, &e))
}

/// A CSV record that cannot be read, at its 1-based line (an over-long
/// line is placed at its own line, which the guard counted).
pub(crate) fn csv_error(line: usize, e: &csv::Error) -> GoodsError {
    let guarded = match e.kind() {
        csv::ErrorKind::Io(io) => io
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<LineError>()),
        _ => None,
    };
    match guarded {
        Some(l) => GoodsError::Parse {
            format: "csv",
            line: l.line(),
            reason: l.reason(),
        },
        None => GoodsError::Parse {
            format: "csv",
            line,
            reason: e.to_string(),
        },
    }
}

/// One batch line's outcome with its 1-based line number in the document.
pub type NumberedResult = (usize, Result<GoodsReport, GoodsError>);

/// Places a line's error at its line of a batch document: a parse error
/// takes the line number, a bad field names the line in its reason.
fn at_line(e: GoodsError, format: &'static str, line: usize) -> GoodsError {
    match e {
        GoodsError::Parse { reason, .. } => GoodsError::Parse {
            format,
            line,
            reason,
        },
        GoodsError::Field {
            field,
            value,
            reason,
        } => GoodsError::Field {
            field,
            value,
            reason: format!("{reason} ({format} line {line})"),
        },
        other => other,
    }
}
