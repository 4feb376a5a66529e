//! CSV reading shared by the CSV list formats: header checks, exact field
//! counts, and errors that name the file, line, column and field.
//!
//! Owns nothing of any list's meaning: a parser gives the columns it needs
//! and receives rows.

use crate::error::{ListError, ParseError, ParseErrorKind};
use crate::source::line_col;

/// The shape of one CSV file.
pub(crate) struct Spec<'a> {
    /// The columns the parser reads, by header name (or by position when
    /// `has_header` is false).
    pub columns: &'a [&'a str],
    pub has_header: bool,
    /// The format, for "wrong format" errors.
    pub format: &'a str,
}

/// One data row.
pub(crate) struct Row<'r> {
    pub record: &'r csv::StringRecord,
    /// 1-based line where the row starts.
    pub line: usize,
    /// Byte offset (in the decoded text) where the row starts.
    pub offset: usize,
    map: &'r [usize],
}

impl Row<'_> {
    /// The value of the spec's column `i`, untrimmed.
    pub fn raw(&self, i: usize) -> &str {
        self.map
            .get(i)
            .and_then(|&j| self.record.get(j))
            .unwrap_or("")
    }

    /// The value of the spec's column `i`, trimmed.
    pub fn get(&self, i: usize) -> &str {
        self.map
            .get(i)
            .and_then(|&j| self.record.get(j))
            .map_or("", str::trim)
    }
}

/// The text being read, for locating errors.
pub(crate) struct Text<'a> {
    pub file: &'a str,
    pub text: &'a str,
}

impl Text<'_> {
    pub fn error(&self, offset: usize, field: Option<&str>, kind: ParseErrorKind) -> ParseError {
        let (line, column) = line_col(self.text.as_bytes(), offset);
        ParseError {
            file: self.file.to_string(),
            line,
            column,
            field: field.map(str::to_string),
            kind,
        }
    }
}

/// Byte offset within `line` where field `idx` starts (quotes respected).
fn field_start(line: &str, idx: usize) -> usize {
    let mut n = 0;
    let mut quoted = false;
    for (i, c) in line.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                n += 1;
                if n == idx {
                    return i + 1;
                }
            }
            _ => {}
        }
    }
    line.len()
}

/// Reads every row, calling `f` for each; returns the number of rows.
pub(crate) fn read(
    text: &Text<'_>,
    spec: &Spec<'_>,
    mut f: impl FnMut(&Row<'_>) -> Result<(), ListError>,
) -> Result<usize, ListError> {
    refuse_markup(text, spec)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut map: Vec<usize> = (0..spec.columns.len()).collect();
    let mut names: Vec<String> = spec.columns.iter().map(|c| (*c).to_string()).collect();
    let mut expected = spec.columns.len();
    let mut header_done = !spec.has_header;
    let mut rows = 0;
    loop {
        let more = reader
            .read_record(&mut record)
            .map_err(|e| csv_error(text, &e))?;
        if !more {
            break;
        }
        let (offset, line) = record_start(text, &record);
        if is_eof_mark(&record) {
            continue;
        }
        if !header_done {
            header_done = true;
            (map, names) = map_header(text, spec, &record, offset)?;
            expected = names.len();
            continue;
        }
        if record.len() != expected {
            return Err(field_count_error(text, &record, offset, expected, &names));
        }
        rows += 1;
        f(&Row {
            record: &record,
            line,
            offset,
            map: &map,
        })?;
    }
    if !header_done {
        return Err(text
            .error(text.text.len(), None, ParseErrorKind::Empty)
            .into());
    }
    Ok(rows)
}

/// Refuses XML or JSON up front: fed to the CSV reader they would fail
/// later with a field-count error that hides the real mistake (the wrong
/// file was given).
fn refuse_markup(text: &Text<'_>, spec: &Spec<'_>) -> Result<(), ListError> {
    let first = text.text.trim_start();
    // XML opens with '<', JSON with an object or an array bracket.
    if first.starts_with(['<', '\u{7b}', '[']) {
        let offset = text.text.len() - first.len();
        let found: String = first.chars().take(30).collect();
        return Err(text
            .error(
                offset,
                None,
                ParseErrorKind::WrongFormat {
                    expected: spec.format.to_string(),
                    found: format!("text starting {found:?}"),
                },
            )
            .into());
    }
    Ok(())
}

/// Byte offset and 1-based line where `record` really starts, so that
/// errors point at the row and not at the end of the line before it.
fn record_start(text: &Text<'_>, record: &csv::StringRecord) -> (usize, usize) {
    let pos = record
        .position()
        .cloned()
        .unwrap_or_else(csv::Position::new);
    let mut offset = usize::try_from(pos.byte()).unwrap_or(usize::MAX);
    let mut line = usize::try_from(pos.line()).unwrap_or(usize::MAX);
    // With CRLF endings the reader reports a record as starting at the
    // previous line's "\n": step over line ends to the record itself.
    while let Some(&b) = text.text.as_bytes().get(offset) {
        match b {
            b'\n' => line += 1,
            b'\r' => {}
            _ => break,
        }
        offset += 1;
    }
    (offset, line)
}

/// Whether `record` is only an end-of-file mark, which is no row of data.
/// OFAC files end with a DOS end-of-file mark (0x1A) on its own line.
fn is_eof_mark(record: &csv::StringRecord) -> bool {
    record.len() == 1
        && record
            .get(0)
            .is_some_and(|v| v.trim_matches(['\u{1a}', ' ']).is_empty())
}

/// Maps the spec's columns to their positions in the header row (and
/// returns the header's names), so that parsers need not care about column
/// order; a missing column means the file is not the expected one.
fn map_header(
    text: &Text<'_>,
    spec: &Spec<'_>,
    record: &csv::StringRecord,
    offset: usize,
) -> Result<(Vec<usize>, Vec<String>), ListError> {
    let header: Vec<String> = record
        .iter()
        .map(|h| h.trim().trim_start_matches('\u{feff}').to_string())
        .collect();
    let mut map = Vec::with_capacity(spec.columns.len());
    for col in spec.columns {
        match header.iter().position(|h| h == col) {
            Some(j) => map.push(j),
            None => {
                return Err(text
                    .error(
                        offset,
                        Some(col),
                        ParseErrorKind::WrongFormat {
                            expected: format!("{} (a header with column {col:?})", spec.format),
                            found: format!("header {:?}", header.join(",")),
                        },
                    )
                    .into())
            }
        }
    }
    Ok((map, header))
}

/// The error for a row with too few or too many fields, placed where the
/// row goes wrong: at its end when short (naming the first missing column),
/// at the first extra field when long.
fn field_count_error(
    text: &Text<'_>,
    record: &csv::StringRecord,
    offset: usize,
    expected: usize,
    names: &[String],
) -> ListError {
    let line_text = text.text[offset.min(text.text.len())..]
        .lines()
        .next()
        .unwrap_or("");
    let (column_offset, field) = if record.len() < expected {
        (line_text.len(), names.get(record.len()).cloned())
    } else {
        (
            field_start(line_text, expected),
            Some(format!("extra field {}", expected + 1)),
        )
    };
    text.error(
        offset + column_offset,
        field.as_deref(),
        ParseErrorKind::FieldCount {
            expected,
            found: record.len(),
        },
    )
    .into()
}

fn csv_error(text: &Text<'_>, e: &csv::Error) -> ListError {
    let offset = e.position().map_or(text.text.len(), |p| {
        usize::try_from(p.byte()).unwrap_or(usize::MAX)
    });
    let kind = match e.kind() {
        csv::ErrorKind::Utf8 { .. } => ParseErrorKind::InvalidUtf8,
        _ => ParseErrorKind::Csv(e.to_string()),
    };
    text.error(offset, None, kind).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPEC: Spec<'static> = Spec {
        columns: &["a", "c"],
        has_header: true,
        format: "test CSV",
    };

    fn rows(s: &str) -> Result<Vec<(String, String)>, ListError> {
        let text = Text {
            file: "t.csv",
            text: s,
        };
        let mut out = Vec::new();
        read(&text, &SPEC, |r| {
            out.push((r.get(0).to_string(), r.get(1).to_string()));
            Ok(())
        })?;
        Ok(out)
    }

    #[test]
    fn columns_are_found_by_header() {
        let out = rows("a,b,c\n1,2,3\n\"x, y\",5,6\n").expect("valid");
        assert_eq!(out, [("1".into(), "3".into()), ("x, y".into(), "6".into())]);
    }

    #[test]
    fn wrong_field_counts_name_line_column_and_field() {
        let e = rows("a,b,c\n1,2,3\n4,5\n").expect_err("short");
        let p = e.as_parse().expect("parse error");
        assert_eq!((p.line, p.column), (3, 4));
        assert_eq!(p.field.as_deref(), Some("c"));
        let e = rows("a,b,c\n1,2,3,4\n").expect_err("long");
        let p = e.as_parse().expect("parse error");
        assert_eq!((p.line, p.column), (2, 7));
    }

    #[test]
    fn crlf_lines_are_located() {
        let e = rows("a,b,c\r\n1,2,3\r\n1,2,3\r\n4,5\r\n").expect_err("short");
        let p = e.as_parse().expect("parse error");
        assert_eq!((p.line, p.column), (4, 4));
    }

    #[test]
    fn missing_header_column_is_wrong_format() {
        let e = rows("x,y\n1,2\n").expect_err("no a");
        assert!(matches!(
            e.as_parse().map(|p| &p.kind),
            Some(ParseErrorKind::WrongFormat { .. })
        ));
    }
}
