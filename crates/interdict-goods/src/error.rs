//! Errors of the goods crate. Bad input (the caller's fault) always names the
//! field it came from; bad bundled data names the file and line.

/// Everything that can go wrong while loading data or assessing a goods line.
#[derive(Debug, thiserror::Error)]
pub enum GoodsError {
    /// A field of a goods line is missing or invalid (unknown HS code,
    /// unknown country, negative value, unknown currency, bad date, ...).
    #[error("invalid {field} {value:?}: {reason}")]
    Field {
        /// The field of the goods line (`hs`, `destination`, ...).
        field: &'static str,
        /// The value as given.
        value: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A batch line (JSONL or CSV) could not be read at all.
    #[error("{format} line {line}: {reason}")]
    Parse {
        /// `jsonl` or `csv`.
        format: &'static str,
        /// 1-based line of the document.
        line: usize,
        /// What could not be read.
        reason: String,
    },
    /// A bundled data file is malformed (a bug in the repository's data).
    #[error("bundled data {file} row {row}: {reason}")]
    Data {
        /// The repository path of the file.
        file: &'static str,
        /// 1-based data row (0: the whole file).
        row: usize,
        /// What is wrong.
        reason: String,
    },
    /// A file given by the caller could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path as given.
        path: String,
        #[source]
        /// The underlying error.
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

/// The HS code has a code of its own: it is the field a verdict rests on.
impl interdict_model::Coded for GoodsError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            GoodsError::Field { field: "hs", .. } => ErrorCode::GoodsBadHsCode,
            GoodsError::Field { .. } => ErrorCode::GoodsBadField,
            GoodsError::Parse { .. } => ErrorCode::GoodsMalformedLine,
            GoodsError::Data { .. } => ErrorCode::BundledDataMalformed,
            GoodsError::Io { .. } => ErrorCode::IoFailed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Coded, ErrorCode};

    #[test]
    fn every_error_has_its_code() {
        let cases = [
            (
                GoodsError::field("hs", "8799", "no such heading"),
                ErrorCode::GoodsBadHsCode,
            ),
            (
                GoodsError::field("destination", "zz", "unknown"),
                ErrorCode::GoodsBadField,
            ),
            (
                GoodsError::Parse {
                    format: "jsonl",
                    line: 2,
                    reason: "x".into(),
                },
                ErrorCode::GoodsMalformedLine,
            ),
            (
                GoodsError::data("data/hs/x.csv", 4, "x"),
                ErrorCode::BundledDataMalformed,
            ),
            (
                GoodsError::Io {
                    path: "x".into(),
                    source: std::io::Error::other("x"),
                },
                ErrorCode::IoFailed,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code, "{e}");
        }
    }
}
