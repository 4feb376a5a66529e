//! The review workflow end to end through the binary: recording answers in
//! the audit log, surviving a SIGKILL mid-batch, and naming an edited entry.
//! Every command runs with an empty temporary store (bundled snapshots) and
//! the audit database inside it.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn interdict(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_interdict"))
        .env("INTERDICT_TODAY", "2026-05-15")
        .env_remove("INTERDICT_RECORD")
        .args(args)
        .arg("--store")
        .arg(home)
        .output()
        .expect("the binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

const QUERIES: [(&str, &str); 4] = [
    ("Person", "Kim Jong Un"),
    ("Vessel", "Ocean Star 2"),
    (
        "Organization",
        "Korea Mining Development Trading Corporation",
    ),
    ("Person", "John Smith"),
];

/// `n` match queries cycling through [`QUERIES`].
fn queries(n: usize) -> tempfile::NamedTempFile {
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    for i in 0..n {
        let (schema, name) = QUERIES[i % QUERIES.len()];
        writeln!(
            f,
            r#"{{"id":"q{i}","schema":"{schema}","properties":{{"name":["{name}"]}}}}"#
        )
        .expect("write");
    }
    f
}

fn audit_rows(db: &Path) -> i64 {
    let Ok(conn) = rusqlite::Connection::open(db) else {
        return 0;
    };
    conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap_or(0)
}

fn verify(home: &Path) -> (bool, Value) {
    let out = interdict(&["audit", "verify", "--format", "json"], home);
    let v: Value = serde_json::from_str(&text(&out.stdout)).expect("verify JSON");
    (out.status.success(), v)
}

#[test]
fn a_recording_batch_killed_with_sigkill_keeps_every_committed_entry() {
    let home = tempfile::tempdir().expect("temp dir");
    let db = home.path().join("audit.sqlite");
    let input = queries(200_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_interdict"))
        .args(["match", "--input"])
        .arg(input.path())
        .args(["--output"])
        .arg(home.path().join("out.jsonl"))
        .args(["--record", "--by", "tester", "--store"])
        .arg(home.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the binary runs");
    // Wait until entries are being committed, then kill mid-write.
    let give_up = Instant::now() + Duration::from_secs(600);
    let mut seen = 0;
    while seen < 200 && Instant::now() < give_up {
        std::thread::sleep(Duration::from_millis(50));
        seen = audit_rows(&db);
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
    assert!(seen >= 200, "the batch recorded entries before the kill");
    let (ok, v) = verify(home.path());
    assert!(ok, "verify passes after a SIGKILL: {v}");
    let verified = v["verification"]["verified"].as_i64().unwrap_or(0);
    assert!(
        verified >= seen,
        "{verified} entries verify, {seen} were committed"
    );
    assert_eq!(verified, audit_rows(&db), "every stored entry verifies");
    // The log goes on after the kill.
    let out = interdict(
        &["match", "Kim Jong Un", "--record", "--by", "tester"],
        home.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (ok, v) = verify(home.path());
    assert!(ok);
    assert_eq!(v["verification"]["verified"].as_i64(), Some(verified + 1));
}

#[test]
fn an_edited_entry_is_named_and_stops_recording() {
    let home = tempfile::tempdir().expect("temp dir");
    let db = home.path().join("audit.sqlite");
    let input = queries(3);
    let path = input.path().to_str().expect("utf-8 path");
    let out = interdict(
        &["match", "--input", path, "--record", "--by", "ana"],
        home.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = interdict(
        &[
            "goods",
            "Aurus Senat armoured limousine",
            "--record",
            "--by",
            "bo",
        ],
        home.path(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (ok, v) = verify(home.path());
    assert!(ok, "{v}");
    assert_eq!(v["verification"]["verified"].as_i64(), Some(4));

    let out = interdict(
        &["audit", "log", "--party", "ocean star", "--format", "json"],
        home.path(),
    );
    let log: Value = serde_json::from_str(&text(&out.stdout)).expect("log JSON");
    let entries = log.as_array().expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["seq"], 2);
    assert_eq!(entries[0]["user"], "ana");
    assert_eq!(entries[0]["command"], "match");
    assert!(entries[0]["results"][0]["score"].as_f64().is_some());
    assert!(entries[0]["sources"][0]["snapshot_date"].is_string());
    let out = interdict(&["audit", "log"], home.path());
    assert!(text(&out.stdout).contains("goods"), "{}", text(&out.stdout));

    // Someone with the file edits entry 2 (after dropping the guard).
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(
        "DROP TRIGGER audit_no_update;
         UPDATE audit SET body = replace(body, '\"ana\"', '\"mallory\"') WHERE seq = 2;",
    )
    .expect("edit");
    drop(conn);
    let out = interdict(&["audit", "verify"], home.path());
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("entry 2: edited"),
        "{}",
        text(&out.stdout)
    );
    let out = interdict(&["match", "Kim Jong Un", "--record"], home.path());
    assert!(!out.status.success(), "a broken log stops recording");
    assert!(
        text(&out.stderr).contains("entry 2"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(audit_rows(&db), 4, "nothing appended past the break");
}
