//! The SQLite backend: one file, WAL journal and `synchronous=FULL`, so an
//! entry is on disk when its transaction commits and survives the process
//! being killed. Triggers refuse UPDATE and DELETE on the log: editing it
//! takes dropping them first, and the chain then names the edit.

use crate::chain::Row;
use crate::error::ReviewError;
use crate::storage::{BuildRow, Storage};
use rusqlite::{params, Connection, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS audit (
    seq INTEGER PRIMARY KEY,
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
";

/// An audit log in a SQLite file.
pub struct SqliteStorage {
    conn: Connection,
    path: PathBuf,
}

impl SqliteStorage {
    pub fn open(path: &Path) -> Result<SqliteStorage, ReviewError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| ReviewError::Io {
                path: dir.display().to_string(),
                source,
            })?;
        }
        let err = |source| ReviewError::Sqlite {
            path: path.display().to_string(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        // Several batches may record at once: wait for the write lock
        // rather than fail.
        conn.busy_timeout(Duration::from_secs(30)).map_err(err)?;
        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(err)?;
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.execute_batch(SCHEMA).map_err(err)?;
        Ok(SqliteStorage {
            conn,
            path: path.to_path_buf(),
        })
    }

    fn err(&self, source: rusqlite::Error) -> ReviewError {
        ReviewError::Sqlite {
            path: self.path.display().to_string(),
            source,
        }
    }
}

fn read_rows(conn: &Connection, from: i64) -> rusqlite::Result<Vec<Row>> {
    let mut stmt = conn.prepare_cached(
        "SELECT seq, body, prev_hash, hash FROM audit WHERE seq >= ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map(params![from], |r| {
        Ok(Row {
            seq: r.get(0)?,
            body: r.get(1)?,
            prev_hash: r.get(2)?,
            hash: r.get(3)?,
        })
    })?;
    rows.collect()
}

impl Storage for SqliteStorage {
    fn rows_from(&mut self, from: i64) -> Result<Vec<Row>, ReviewError> {
        read_rows(&self.conn, from).map_err(|e| self.err(e))
    }

    fn append_with(&mut self, from: i64, build: &mut BuildRow<'_>) -> Result<Row, ReviewError> {
        let path = self.path.display().to_string();
        let err = |source| ReviewError::Sqlite {
            path: path.clone(),
            source,
        };
        // IMMEDIATE takes the write lock before reading the tail, so no
        // other writer can append between the check and the insert.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let since = read_rows(&tx, from).map_err(err)?;
        let row = build(&since)?;
        tx.execute(
            "INSERT INTO audit (seq, body, prev_hash, hash) VALUES (?1, ?2, ?3, ?4)",
            params![row.seq, row.body, row.prev_hash, row.hash],
        )
        .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(row)
    }
}
