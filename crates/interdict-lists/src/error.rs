//! Errors of the list crate.
//!
//! Owns [`ListError`] and [`ParseError`]. A parse error always names the file,
//! the 1-based line and column (in characters) and, for CSV, the column name,
//! so a user can open the file at the spot. Bad input is the caller's fault
//! ([`ListError::Parse`], [`ListError::RecordDrop`]); I/O and network failures
//! are the environment's.

use std::fmt;
use std::path::PathBuf;

/// What went wrong at a position in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ParseErrorKind {
    /// The file holds no data at all.
    Empty,
    /// The bytes are not valid UTF-8.
    InvalidUtf8,
    /// UTF-16 text (it starts with a UTF-16 byte-order mark).
    Utf16,
    /// A NUL byte: no list format has one; the file is damaged.
    NulByte,
    /// The file ends in the middle of a record or element.
    Truncated(String),
    /// A `<!DOCTYPE` or `<!ENTITY` declaration: refused, never expanded.
    DtdRefused,
    /// The file is of another format than the dataset's.
    WrongFormat {
        /// The format the dataset is published in (e.g. "UN XML").
        expected: String,
        /// What the file looks like instead.
        found: String,
    },
    /// A CSV row with a different number of fields than the header.
    FieldCount {
        /// Number of fields in the header row.
        expected: usize,
        /// Number of fields in this row.
        found: usize,
    },
    /// Malformed XML.
    Xml(String),
    /// Malformed CSV.
    Csv(String),
    /// Malformed JSON.
    Json(String),
    /// A required value is missing or unusable.
    Invalid(String),
}

impl fmt::Display for ParseErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ParseErrorKind::Empty => f.write_str("the file is empty"),
            ParseErrorKind::InvalidUtf8 => f.write_str("invalid UTF-8"),
            ParseErrorKind::Utf16 => f.write_str("UTF-16 text: save the file as UTF-8"),
            ParseErrorKind::NulByte => f.write_str("a NUL byte: the file is damaged"),
            ParseErrorKind::Truncated(m) => write!(f, "the file is truncated: {m}"),
            ParseErrorKind::DtdRefused => {
                f.write_str("DTD / entity declarations are refused (they are never expanded)")
            }
            ParseErrorKind::WrongFormat { expected, found } => {
                write!(f, "wrong format: expected {expected}, found {found}")
            }
            ParseErrorKind::FieldCount { expected, found } => {
                write!(f, "expected {expected} fields, found {found}")
            }
            ParseErrorKind::Xml(m) => write!(f, "malformed XML: {m}"),
            ParseErrorKind::Csv(m) => write!(f, "malformed CSV: {m}"),
            ParseErrorKind::Json(m) => write!(f, "malformed JSON: {m}"),
            ParseErrorKind::Invalid(m) => f.write_str(m),
        }
    }
}

/// A parse error located in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// The file (path or name inside the bundle).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The CSV column name or XML element concerned, when known.
    pub field: Option<String>,
    /// What is wrong at that position.
    pub kind: ParseErrorKind,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file, self.line, self.column)?;
        if let Some(field) = &self.field {
            write!(f, "field {field:?}: ")?;
        }
        write!(f, "{}", self.kind)
    }
}

impl std::error::Error for ParseError {}

/// Whole-file faults, a foreign format and a refused DTD have codes of
/// their own; the rest is a malformed record.
impl interdict_model::Coded for ParseErrorKind {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            ParseErrorKind::Empty => ErrorCode::ListMalformedFile,
            ParseErrorKind::InvalidUtf8 => ErrorCode::ListMalformedFile,
            ParseErrorKind::Utf16 => ErrorCode::ListMalformedFile,
            ParseErrorKind::NulByte => ErrorCode::ListMalformedFile,
            ParseErrorKind::Truncated(_) => ErrorCode::ListMalformedFile,
            ParseErrorKind::DtdRefused => ErrorCode::ListDtdRefused,
            ParseErrorKind::WrongFormat { .. } => ErrorCode::ListWrongFormat,
            ParseErrorKind::FieldCount { .. } => ErrorCode::ListMalformedRow,
            ParseErrorKind::Xml(_) => ErrorCode::ListMalformedRow,
            ParseErrorKind::Csv(_) => ErrorCode::ListMalformedRow,
            ParseErrorKind::Json(_) => ErrorCode::ListMalformedRow,
            ParseErrorKind::Invalid(_) => ErrorCode::ListMalformedRow,
        }
    }
}

impl interdict_model::Coded for ParseError {
    fn code(&self) -> interdict_model::ErrorCode {
        self.kind.code()
    }
}

/// Every failure of the list crate.
#[derive(Debug, thiserror::Error)]
pub enum ListError {
    /// The input could not be parsed (the caller's file is bad).
    #[error("{0}")]
    Parse(Box<ParseError>),
    /// No such dataset in the catalogue or for this operation.
    #[error("unknown dataset {0:?}: expected one of un_sc_sanctions, us_ofac_sdn, us_ofac_cons, gb_fcdo_sanctions, us_trade_csl, eu_fsf")]
    UnknownDataset(String),
    /// The new snapshot has too few records compared with the current one.
    #[error("refused update of {dataset}: {new} records against {old} now, a drop of {drop_pct:.1}% (more than the allowed {max_pct:.1}%)")]
    RecordDrop {
        /// Catalogue name of the dataset whose update was refused.
        dataset: String,
        /// Records in the snapshot in use now.
        old: usize,
        /// Records in the refused new snapshot.
        new: usize,
        /// The drop, in percent of `old`.
        drop_pct: f64,
        /// The largest drop allowed, in percent (`--max-drop`).
        max_pct: f64,
    },
    /// A file or directory could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or directory concerned.
        path: PathBuf,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// The file is not the one published: its SHA-256 differs.
    #[error("{source_name}: SHA-256 {found} is not the published {expected}")]
    Checksum {
        /// The URL or path the file came from.
        source_name: String,
        /// The published SHA-256 (lower-case hex).
        expected: String,
        /// The file's SHA-256 (lower-case hex).
        found: String,
    },
    /// A fail point fired (test builds only, `failpoints` feature).
    #[error("fault injected at {0}")]
    Injected(String),
    /// Fetching over HTTP failed.
    #[error("fetching {url}: {message}")]
    Fetch {
        /// The address requested.
        url: String,
        /// Why the request failed (transport error or HTTP status).
        message: String,
    },
    /// The snapshot store is in a state this version does not understand.
    #[error("snapshot store {path}: {message}")]
    Store {
        /// The store's directory.
        path: PathBuf,
        /// What is wrong with it.
        message: String,
    },
}

impl ListError {
    /// The parse error inside, if this is one.
    pub fn as_parse(&self) -> Option<&ParseError> {
        match self {
            ListError::Parse(p) => Some(p),
            _ => None,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        ListError::Io {
            path: path.into(),
            source,
        }
    }
}

impl From<ParseError> for ListError {
    fn from(e: ParseError) -> Self {
        ListError::Parse(Box::new(e))
    }
}

impl interdict_model::Coded for ListError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            ListError::Parse(p) => p.code(),
            ListError::UnknownDataset(_) => ErrorCode::ListUnknownDataset,
            ListError::RecordDrop { .. } => ErrorCode::ListUpdateRefused,
            ListError::Io { .. } => ErrorCode::IoFailed,
            ListError::Checksum { .. } => ErrorCode::ListChecksumMismatch,
            ListError::Injected(_) => ErrorCode::FaultInjected,
            ListError::Fetch { .. } => ErrorCode::ListFetchFailed,
            ListError::Store { .. } => ErrorCode::ListStoreUnusable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Coded, ErrorCode};

    fn parse(kind: ParseErrorKind) -> ListError {
        ListError::from(ParseError {
            file: "un.xml".into(),
            line: 3,
            column: 1,
            field: None,
            kind,
        })
    }

    #[test]
    fn every_error_has_its_code() {
        let cases = [
            (parse(ParseErrorKind::Empty), ErrorCode::ListMalformedFile),
            (
                parse(ParseErrorKind::InvalidUtf8),
                ErrorCode::ListMalformedFile,
            ),
            (parse(ParseErrorKind::Utf16), ErrorCode::ListMalformedFile),
            (parse(ParseErrorKind::NulByte), ErrorCode::ListMalformedFile),
            (
                parse(ParseErrorKind::Truncated("x".into())),
                ErrorCode::ListMalformedFile,
            ),
            (parse(ParseErrorKind::DtdRefused), ErrorCode::ListDtdRefused),
            (
                parse(ParseErrorKind::WrongFormat {
                    expected: "UN XML".into(),
                    found: "CSV".into(),
                }),
                ErrorCode::ListWrongFormat,
            ),
            (
                parse(ParseErrorKind::FieldCount {
                    expected: 3,
                    found: 2,
                }),
                ErrorCode::ListMalformedRow,
            ),
            (
                parse(ParseErrorKind::Xml("x".into())),
                ErrorCode::ListMalformedRow,
            ),
            (
                parse(ParseErrorKind::Csv("x".into())),
                ErrorCode::ListMalformedRow,
            ),
            (
                parse(ParseErrorKind::Json("x".into())),
                ErrorCode::ListMalformedRow,
            ),
            (
                parse(ParseErrorKind::Invalid("x".into())),
                ErrorCode::ListMalformedRow,
            ),
            (
                ListError::UnknownDataset("x".into()),
                ErrorCode::ListUnknownDataset,
            ),
            (
                ListError::RecordDrop {
                    dataset: "un_sc_sanctions".into(),
                    old: 100,
                    new: 50,
                    drop_pct: 50.0,
                    max_pct: 10.0,
                },
                ErrorCode::ListUpdateRefused,
            ),
            (
                ListError::io("x", std::io::Error::other("x")),
                ErrorCode::IoFailed,
            ),
            (
                ListError::Checksum {
                    source_name: "x".into(),
                    expected: "a".into(),
                    found: "b".into(),
                },
                ErrorCode::ListChecksumMismatch,
            ),
            (ListError::Injected("x".into()), ErrorCode::FaultInjected),
            (
                ListError::Fetch {
                    url: "x".into(),
                    message: "x".into(),
                },
                ErrorCode::ListFetchFailed,
            ),
            (
                ListError::Store {
                    path: "x".into(),
                    message: "x".into(),
                },
                ErrorCode::ListStoreUnusable,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code, "{e}");
        }
    }
}
