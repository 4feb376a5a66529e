//! The audit log on each backend: SQLite always, PostgreSQL when
//! INTERDICT_TEST_PG_URL names a server (and required when
//! INTERDICT_REQUIRE_PG=1, as CI sets it). The same suite runs on both:
//! appends, a second writer, an edit named by verify, and a broken log
//! refusing to append. (A writer already running when an entry is edited
//! checks only the entries after its own verified tail; the edit is found
//! by the next command, which verifies the whole chain when it opens.)

use interdict_review::{AuditLog, BreakKind, Database, NewEntry, ReviewError};
use serde_json::json;

fn new(user: &str, party: &str) -> NewEntry {
    NewEntry {
        user: user.into(),
        command: "match".into(),
        parties: vec![party.into()],
        query: json!({"name": party}),
        sources: json!([{"dataset": "un_sc_sanctions", "snapshot_date": "2026-02-27"}]),
        results: json!([{"id": "un_sc_sanctions:KPi.033", "score": 0.93}]),
        decision: "hit".into(),
    }
}

/// Edits stored entry `seq` behind the log's back, as someone with access
/// to the database could.
type Tamper<'a> = dyn Fn(i64) + 'a;

fn suite(db: &Database, tamper: &Tamper<'_>) {
    let mut a = AuditLog::open(db).expect("open");
    let mut b = AuditLog::open(db).expect("open");
    a.append(new("ana", "Kim Jong Un")).expect("append");
    b.append(new("bo", "Ocean Star 2"))
        .expect("append after another writer");
    a.append(new("ana", "Pak Han Se"))
        .expect("append after another writer");
    let log = AuditLog::open(db).expect("reopen");
    let v = log.verification();
    assert_eq!((v.verified, v.broken), (3, None));
    assert_eq!(log.entries()[1].user, "bo");

    tamper(2);
    let log = AuditLog::open(db).expect("reopen");
    let v = log.verification();
    let broken = v.broken.expect("the edit is found");
    assert_eq!((broken.seq, &broken.kind), (2, &BreakKind::Edited));
    assert_eq!(v.verified, 1);
    assert!(broken.to_string().starts_with("entry 2: edited"));
    // A writer opened after the edit refuses to append, naming the entry.
    drop((a, b));
    let mut fresh = AuditLog::open(db).expect("open");
    let err = fresh.append(new("eve", "X")).expect_err("refused");
    assert!(err.to_string().contains("entry 2: edited"), "{err}");
    assert!(matches!(err, ReviewError::Broken(b) if b.seq == 2));
    let log = AuditLog::open(db).expect("reopen");
    assert_eq!(log.verification().broken.map(|b| b.seq), Some(2));
    assert_eq!(log.entries().len(), 1, "nothing was appended past the edit");
}

#[test]
fn sqlite_backend() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("audit.sqlite");
    let db = Database::Sqlite(path.clone());
    suite(&db, &|seq| {
        let conn = rusqlite::Connection::open(&path).expect("open");
        conn.execute_batch("DROP TRIGGER audit_no_update")
            .expect("drop guard");
        conn.execute(
            "UPDATE audit SET body = replace(body, 'Ocean', 'Ozean') WHERE seq = ?1",
            [seq],
        )
        .expect("edit");
    });
}

#[test]
fn sqlite_refuses_updates_without_tampering() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("audit.sqlite");
    let mut log = AuditLog::open(&Database::Sqlite(path.clone())).expect("open");
    log.append(new("ana", "A")).expect("append");
    let conn = rusqlite::Connection::open(&path).expect("open");
    assert!(conn.execute("UPDATE audit SET body = 'x'", []).is_err());
    assert!(conn.execute("DELETE FROM audit", []).is_err());
}

/// A server URL for tests, or `None` (skipped) when none is configured;
/// with INTERDICT_REQUIRE_PG=1 a missing URL fails the test.
fn pg_url() -> Option<String> {
    match std::env::var("INTERDICT_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => Some(url),
        _ => {
            assert!(
                std::env::var("INTERDICT_REQUIRE_PG").as_deref() != Ok("1"),
                "INTERDICT_REQUIRE_PG=1 but INTERDICT_TEST_PG_URL is not set"
            );
            eprintln!("skipped: set INTERDICT_TEST_PG_URL=postgres://… to run against PostgreSQL");
            None
        }
    }
}

/// A new empty schema on the server and a URL whose search path is it, so
/// tests never see each other's tables.
fn fresh_schema(url: &str, name: &str) -> String {
    let schema = format!("t_{name}_{}", std::process::id());
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .expect("schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

#[test]
fn postgres_backend() {
    let Some(url) = pg_url() else {
        return;
    };
    let scoped = fresh_schema(&url, "backend");
    let db = Database::parse(&scoped).expect("a postgres URL");
    let tamper_url = scoped.clone();
    suite(&db, &move |seq| {
        let mut c = postgres::Client::connect(&tamper_url, postgres::NoTls).expect("connect");
        c.batch_execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
            .expect("drop guard");
        c.execute(
            "UPDATE audit SET body = replace(body, 'Ocean', 'Ozean') WHERE seq = $1",
            &[&seq],
        )
        .expect("edit");
    });
}
