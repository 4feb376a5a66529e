//! Errors of the goods crate. Bad input (the caller's fault) always names the
//! field it came from; bad bundled data names the file and line.

/// Everything that can go wrong while loading data or assessing a goods line.
#[derive(Debug, thiserror::Error)]
pub enum GoodsError {
    /// A field of a goods line is missing or invalid (unknown HS code,
    /// unknown country, negative value, unknown currency, bad date, ...).
    #[error("invalid {field} {value:?}: {reason}")]
    Field {
        field: &'static str,
        value: String,
        reason: String,
    },
    /// A batch line (JSONL or CSV) could not be read at all.
    #[error("{format} line {line}: {reason}")]
    Parse {
        format: &'static str,
        line: usize,
        reason: String,
    },
    /// A bundled data file is malformed (a bug in the repository's data).
    #[error("bundled data {file} row {row}: {reason}")]
    Data {
        file: &'static str,
        row: usize,
        reason: String,
    },
    /// A file given by the caller could not be read.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
}

impl GoodsError {
    pub(crate) fn field(
        field: &'static str,
        value: impl Into<String>,
        reason: impl Into<String>,
    ) -> Self {
        GoodsError::Field {
            field,
            value: value.into(),
            reason: reason.into(),
        }
    }

    pub(crate) fn data(file: &'static str, row: usize, reason: impl Into<String>) -> Self {
        GoodsError::Data {
            file,
            row,
            reason: reason.into(),
        }
    }

    /// The name of the offending field, for [`GoodsError::Field`].
    pub fn field_name(&self) -> Option<&'static str> {
        match self {
            GoodsError::Field { field, .. } => Some(field),
            _ => None,
        }
    }
}
