//! Where the audit rows live: the two operations every backend provides,
//! reading rows in order and appending one inside a write lock. The chain
//! logic is the same for every backend (`chain`, `audit`).

use crate::chain::Row;
use crate::error::ReviewError;
use std::path::PathBuf;

/// Decides the row to append from the rows stored since the caller's
/// verified tail (read under the write lock), or refuses.
pub type BuildRow<'a> = dyn FnMut(&[Row]) -> Result<Row, ReviewError> + 'a;

/// A backend of the audit log.
pub trait Storage: Send {
    /// Rows with `seq >= from`, by `seq`.
    fn rows_from(&mut self, from: i64) -> Result<Vec<Row>, ReviewError>;
    /// In one write transaction (no other writer in between): reads the rows
    /// with `seq >= from`, hands them to `build` and inserts what it returns.
    /// The row is durable when this returns.
    fn append_with(&mut self, from: i64, build: &mut BuildRow<'_>) -> Result<Row, ReviewError>;
}

/// Which database: a SQLite file (the default, in `$INTERDICT_HOME`) or a
/// PostgreSQL server.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Database {
    /// A SQLite file.
    Sqlite(PathBuf),
    /// A `postgres://` or `postgresql://` connection URL.
    Postgres(String),
}

impl Database {
    /// `postgres://…`, `postgresql://…`, `sqlite:PATH` or a plain path.
    pub fn parse(spec: &str) -> Result<Database, ReviewError> {
        if spec.starts_with("postgres://") || spec.starts_with("postgresql://") {
            return Ok(Database::Postgres(spec.to_string()));
        }
        if let Some(path) = spec.strip_prefix("sqlite:") {
            return Ok(Database::Sqlite(PathBuf::from(path)));
        }
        if spec.is_empty() || spec.contains("://") {
            return Err(ReviewError::UnsupportedDatabase(spec.to_string()));
        }
        Ok(Database::Sqlite(PathBuf::from(spec)))
    }

    /// Opens (and creates, when new) the database.
    pub fn open(&self) -> Result<Box<dyn Storage>, ReviewError> {
        match self {
            Database::Sqlite(path) => Ok(Box::new(crate::sqlite::SqliteStorage::open(path)?)),
            Database::Postgres(url) => Ok(Box::new(crate::pg::PgStorage::open(url)?)),
        }
    }

    /// For messages: the path, or the URL without its password.
    pub fn describe(&self) -> String {
        match self {
            Database::Sqlite(path) => path.display().to_string(),
            Database::Postgres(url) => redact(url),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((auth, host)) => match auth.split_once(':') {
            Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
            None => url.to_string(),
        },
        None => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_database_specs() {
        assert_eq!(
            Database::parse("postgres://u:p@h/db").ok(),
            Some(Database::Postgres("postgres://u:p@h/db".into()))
        );
        assert_eq!(
            Database::parse("sqlite:/tmp/a.db").ok(),
            Some(Database::Sqlite("/tmp/a.db".into()))
        );
        assert!(Database::parse("mysql://h/db").is_err());
        assert_eq!(
            Database::Postgres("postgres://u:p@h/db".into()).describe(),
            "postgres://u:***@h/db"
        );
    }
}
