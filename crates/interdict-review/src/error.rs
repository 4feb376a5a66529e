//! Why a review operation failed.

use crate::chain::Break;

/// Errors of the audit log, the cleared hits and the watched set.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The audit log fails verification: nothing may be appended past it.
    #[error("the audit log fails verification at {0}; nothing was written (run `interdict audit verify`)")]
    Broken(Break),
    #[error("SQLite audit database {path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    #[error("PostgreSQL audit database: {0}")]
    Postgres(#[from] postgres::Error),
    #[error("cannot create the audit directory {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A stored row that cannot be read back (not an edit the chain would
    /// name: the row is not even JSON).
    #[error("stored {what} is unreadable: {message}")]
    Corrupt { what: String, message: String },
    #[error("invalid {field}: {message}")]
    Invalid { field: String, message: String },
    #[error("unsupported database {0:?}: give a path, sqlite:PATH or postgres://…")]
    UnsupportedDatabase(String),
}

impl ReviewError {
    pub(crate) fn invalid(field: &str, message: impl Into<String>) -> Self {
        ReviewError::Invalid {
            field: field.to_string(),
            message: message.into(),
        }
    }
}
