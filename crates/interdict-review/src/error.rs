//! Why a review operation failed.

use crate::chain::Break;

/// Errors of the audit log, the cleared hits and the watched set.
#[derive(Debug, thiserror::Error)]
pub enum ReviewError {
    /// The audit log fails verification: nothing may be appended past it.
    #[error("the audit log fails verification at {0}; nothing was written (run `interdict audit verify`)")]
    Broken(Break),
    /// The SQLite audit database could not be opened, read or written.
    #[error("SQLite audit database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: String,
        /// SQLite's error.
        #[source]
        source: rusqlite::Error,
    },
    /// The PostgreSQL audit database could not be reached, read or written.
    #[error("PostgreSQL audit database: {0}")]
    Postgres(#[from] postgres::Error),
    /// The audit directory could not be created.
    #[error("cannot create the audit directory {path}: {source}")]
    Io {
        /// The directory.
        path: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A stored row that cannot be read back (not an edit the chain would
    /// name: the row is not even JSON).
    #[error("stored {what} is unreadable: {message}")]
    Corrupt {
        /// What was unreadable (an entry, a watch file).
        what: String,
        /// Why.
        message: String,
    },
    /// A value given to the workflow is invalid.
    #[error("invalid {field}: {message}")]
    Invalid {
        /// The field or line concerned.
        field: String,
        /// Why it is invalid.
        message: String,
    },
    /// A `--database` value that names no supported database.
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

impl interdict_model::Coded for ReviewError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            ReviewError::Broken(_) => ErrorCode::AuditBrokenChain,
            ReviewError::Sqlite { .. } => ErrorCode::AuditDatabaseFailed,
            ReviewError::Postgres(_) => ErrorCode::AuditDatabaseFailed,
            ReviewError::Io { .. } => ErrorCode::IoFailed,
            ReviewError::Corrupt { .. } => ErrorCode::AuditRowCorrupt,
            ReviewError::Invalid { .. } => ErrorCode::ReviewInvalid,
            ReviewError::UnsupportedDatabase(_) => ErrorCode::AuditUnsupportedDatabase,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chain::BreakKind;
    use interdict_model::{Coded, ErrorCode};

    #[test]
    fn every_error_has_its_code() {
        // A socket directory that does not exist: refused at once, no network.
        let postgres = postgres::Client::connect(
            "host=/nonexistent-interdict-socket-dir user=x",
            postgres::NoTls,
        )
        .err()
        .expect("no server there");
        let cases = [
            (
                ReviewError::Broken(Break {
                    seq: 2,
                    kind: BreakKind::Edited,
                }),
                ErrorCode::AuditBrokenChain,
            ),
            (
                ReviewError::Sqlite {
                    path: "audit.sqlite".into(),
                    source: rusqlite::Error::QueryReturnedNoRows,
                },
                ErrorCode::AuditDatabaseFailed,
            ),
            (
                ReviewError::Postgres(postgres),
                ErrorCode::AuditDatabaseFailed,
            ),
            (
                ReviewError::Io {
                    path: "x".into(),
                    source: std::io::Error::other("x"),
                },
                ErrorCode::IoFailed,
            ),
            (
                ReviewError::Corrupt {
                    what: "entry 3".into(),
                    message: "x".into(),
                },
                ErrorCode::AuditRowCorrupt,
            ),
            (ReviewError::invalid("query", "x"), ErrorCode::ReviewInvalid),
            (
                ReviewError::UnsupportedDatabase("mysql://x".into()),
                ErrorCode::AuditUnsupportedDatabase,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code, "{e}");
        }
    }
}
