//! The PostgreSQL backend (`--database postgres://…`): the same table and
//! the same append-only triggers as SQLite; an append locks the table for
//! writers so the tail it checks is the tail it extends. A commit is
//! durable under the server's default `synchronous_commit`.

use crate::chain::Row;
use crate::error::ReviewError;
use crate::storage::{BuildRow, Storage};
use postgres::{Client, NoTls};

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS audit (
    seq BIGINT PRIMARY KEY,
    body TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
);
CREATE OR REPLACE FUNCTION interdict_audit_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
DROP TRIGGER IF EXISTS audit_append_only ON audit;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit
FOR EACH ROW EXECUTE FUNCTION interdict_audit_append_only();
";

/// An audit log in a PostgreSQL database (the `audit` table of the
/// connection's search path).
pub struct PgStorage {
    client: Client,
}

impl PgStorage {
    pub fn open(url: &str) -> Result<PgStorage, ReviewError> {
        let mut client = Client::connect(url, NoTls)?;
        // Two first runs at once must not race on the DDL.
        let mut tx = client.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock(7405367)", &[])?;
        tx.batch_execute(SCHEMA)?;
        tx.commit()?;
        Ok(PgStorage { client })
    }
}

fn read_rows(
    client: &mut impl postgres::GenericClient,
    from: i64,
) -> Result<Vec<Row>, ReviewError> {
    let rows = client.query(
        "SELECT seq, body, prev_hash, hash FROM audit WHERE seq >= $1 ORDER BY seq",
        &[&from],
    )?;
    Ok(rows
        .iter()
        .map(|r| Row {
            seq: r.get(0),
            body: r.get(1),
            prev_hash: r.get(2),
            hash: r.get(3),
        })
        .collect())
}

impl Storage for PgStorage {
    fn rows_from(&mut self, from: i64) -> Result<Vec<Row>, ReviewError> {
        read_rows(&mut self.client, from)
    }

    fn append_with(&mut self, from: i64, build: &mut BuildRow<'_>) -> Result<Row, ReviewError> {
        let mut tx = self.client.transaction()?;
        // Readers go on; a second writer waits here until this commits.
        tx.batch_execute("LOCK TABLE audit IN SHARE ROW EXCLUSIVE MODE")?;
        let since = read_rows(&mut tx, from)?;
        let row = build(&since)?;
        tx.execute(
            "INSERT INTO audit (seq, body, prev_hash, hash) VALUES ($1, $2, $3, $4)",
            &[&row.seq, &row.body, &row.prev_hash, &row.hash],
        )?;
        tx.commit()?;
        Ok(row)
    }
}
