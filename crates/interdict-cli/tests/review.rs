//! The review workflow end to end through the binary: recording answers in
//! the audit log, surviving a SIGKILL mid-batch, and naming an edited entry.
//! Every command runs with an empty temporary store (bundled snapshots) and
//! the audit database inside it.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

mod common;
use common::interdict_at as interdict;

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

/// The audit database a test runs on: SQLite in the store, or a fresh
/// schema on the PostgreSQL server of INTERDICT_TEST_PG_URL.
enum Backend {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

impl Backend {
    /// `--database` arguments for the binary.
    fn args(&self) -> Vec<String> {
        match self {
            Backend::Sqlite(_) => Vec::new(),
            Backend::Postgres(url) => vec!["--database".into(), url.clone()],
        }
    }

    fn rows(&self) -> i64 {
        match self {
            Backend::Sqlite(path) => audit_rows(path),
            Backend::Postgres(url) => {
                let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
                c.query_one("SELECT count(*) FROM audit", &[])
                    .map(|r| r.get::<_, i64>(0))
                    .unwrap_or(0)
            }
        }
    }

    /// Edits entry `seq` behind the log's back (dropping the guard first).
    fn tamper(&self, seq: i64, from: &str, to: &str) {
        let sql =
            format!("UPDATE audit SET body = replace(body, '{from}', '{to}') WHERE seq = {seq}");
        match self {
            Backend::Sqlite(path) => {
                let conn = rusqlite::Connection::open(path).expect("open");
                conn.execute_batch(&format!("DROP TRIGGER audit_no_update; {sql};"))
                    .expect("edit");
            }
            Backend::Postgres(url) => {
                let mut c = postgres::Client::connect(url, postgres::NoTls).expect("connect");
                c.batch_execute(&format!(
                    "ALTER TABLE audit DISABLE TRIGGER audit_append_only; {sql};"
                ))
                .expect("edit");
            }
        }
    }

    /// Runs the binary with this backend's `--database`.
    fn run(&self, args: &[&str], home: &Path) -> Output {
        let extra = self.args();
        let mut all: Vec<&str> = args.to_vec();
        all.extend(extra.iter().map(String::as_str));
        interdict(&all, home)
    }

    fn verify(&self, home: &Path) -> (bool, Value) {
        let out = self.run(&["audit", "verify", "--format", "json"], home);
        let v: Value = serde_json::from_str(&text(&out.stdout)).expect("verify JSON");
        (out.status.success(), v)
    }
}

/// The PostgreSQL backend with a fresh schema, or `None` (skipped) when
/// INTERDICT_TEST_PG_URL is unset; INTERDICT_REQUIRE_PG=1 makes that fail.
fn postgres(name: &str) -> Option<Backend> {
    let url = match std::env::var("INTERDICT_TEST_PG_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            assert!(
                std::env::var("INTERDICT_REQUIRE_PG").as_deref() != Ok("1"),
                "INTERDICT_REQUIRE_PG=1 but INTERDICT_TEST_PG_URL is not set"
            );
            eprintln!("skipped: set INTERDICT_TEST_PG_URL=postgres://… to run against PostgreSQL");
            return None;
        }
    };
    let schema = format!("cli_{name}_{}", std::process::id());
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .expect("schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    Some(Backend::Postgres(format!(
        "{url}{sep}options=-c%20search_path%3D{schema}"
    )))
}

#[test]
fn an_edited_entry_is_named_and_stops_recording() {
    let home = tempfile::tempdir().expect("temp dir");
    edited_entry(
        &Backend::Sqlite(home.path().join("audit.sqlite")),
        home.path(),
    );
}

#[test]
fn an_edited_entry_is_named_and_stops_recording_on_postgres() {
    let home = tempfile::tempdir().expect("temp dir");
    if let Some(backend) = postgres("edited") {
        edited_entry(&backend, home.path());
    }
}

fn edited_entry(backend: &Backend, home: &Path) {
    let input = queries(3);
    let path = input.path().to_str().expect("utf-8 path");
    let out = backend.run(&["match", "--input", path, "--record", "--by", "ana"], home);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = backend.run(
        &[
            "goods",
            "Aurus Senat armoured limousine",
            "--record",
            "--by",
            "bo",
        ],
        home,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let (ok, v) = backend.verify(home);
    assert!(ok, "{v}");
    assert_eq!(v["verification"]["verified"].as_i64(), Some(4));

    let out = backend.run(
        &["audit", "log", "--party", "ocean star", "--format", "json"],
        home,
    );
    let log: Value = serde_json::from_str(&text(&out.stdout)).expect("log JSON");
    let entries = log.as_array().expect("entries");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["seq"], 2);
    assert_eq!(entries[0]["user"], "ana");
    assert_eq!(entries[0]["command"], "match");
    assert!(entries[0]["results"][0]["score"].as_f64().is_some());
    assert!(entries[0]["sources"][0]["snapshot_date"].is_string());
    assert_eq!(entries[0]["sources"][0]["version"], "bundled");
    let out = backend.run(&["audit", "log"], home);
    assert!(text(&out.stdout).contains("goods"), "{}", text(&out.stdout));

    // Someone with access to the database edits entry 2.
    backend.tamper(2, "\"ana\"", "\"mallory\"");
    let out = backend.run(&["audit", "verify"], home);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("entry 2: edited"),
        "{}",
        text(&out.stdout)
    );
    let out = backend.run(&["match", "Kim Jong Un", "--record"], home);
    assert!(!out.status.success(), "a broken log stops recording");
    assert!(
        text(&out.stderr).contains("entry 2"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(backend.rows(), 4, "nothing appended past the break");
}

fn json_of(out: &Output) -> Value {
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_str(&text(&out.stdout)).expect("JSON")
}

#[test]
fn a_cleared_hit_is_shown_marked_and_decided_as_cleared() {
    let home = tempfile::tempdir().expect("temp dir");
    let h = home.path();
    let before = json_of(&interdict(
        &[
            "match",
            "Kim Jong Un",
            "--schema",
            "Person",
            "--format",
            "json",
        ],
        h,
    ));
    assert_eq!(before["decision"], "hit");
    let matched: Vec<String> = before["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter(|r| r["match"] == true)
        .map(|r| r["id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(matched.len() >= 2, "{before}");
    // Every match cleared; the clear of the best one expired yesterday. (The
    // best: a shipment's consignee is flagged by its role's own threshold,
    // which a weaker match may not reach.)
    for (i, id) in matched.iter().enumerate() {
        let expires = if i == 0 { "2026-05-14" } else { "2027-01-01" };
        let out = interdict(
            &[
                "clear",
                "--query-name",
                "KIM Jong-un",
                "--listed",
                id,
                "--reason",
                "namesake, born 1990",
                "--expires",
                expires,
                "--by",
                "ana",
            ],
            h,
        );
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    let after = json_of(&interdict(
        &[
            "match",
            "Kim Jong Un",
            "--schema",
            "Person",
            "--format",
            "json",
        ],
        h,
    ));
    let rows = after["results"].as_array().expect("results");
    assert_eq!(
        rows.len(),
        before["results"].as_array().map_or(0, Vec::len),
        "nothing hidden"
    );
    let reopened = matched.first().expect("a match");
    for r in rows.iter().filter(|r| r["match"] == true) {
        let c = &r["clearance"];
        if r["id"] == reopened.as_str() {
            assert_eq!(c["status"], "reopened", "{r}");
            assert!(c["why"]
                .as_str()
                .unwrap_or_default()
                .contains("expired on 2026-05-14"));
        } else {
            assert_eq!(c["status"], "cleared", "{r}");
            assert_eq!(c["reason"], "namesake, born 1990");
            assert_eq!(c["by"], "ana");
        }
    }
    assert_eq!(
        after["decision"], "hit",
        "the expired clear re-opens its hit"
    );

    // In a shipment the cleared hits never reach the rules, and are reported.
    let mut f = tempfile::NamedTempFile::new().expect("temp file");
    writeln!(
        f,
        r#"{{"id":"S1","date":"2026-05-01","declared_destination":"cn","parties":[{{"role":"consignee","name":"Kim Jong Un","schema":"Person"}}],"goods":[{{"description":"rice"}}]}}"#
    )
    .expect("write");
    let path = f.path().to_str().expect("utf-8 path");
    let out = interdict(&["screen", path, "--format", "jsonl"], h);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let d: Value = serde_json::from_str(text(&out.stdout).trim()).expect("JSON line");
    let clearances = d["clearances"].as_array().expect("clearances reported");
    let cleared: Vec<&str> = clearances
        .iter()
        .filter(|c| c["clearance"]["status"] == "cleared")
        .filter_map(|c| c["listed"].as_str())
        .collect();
    assert!(!cleared.is_empty(), "{d}");
    let flagged = d["flags"].to_string();
    for id in cleared {
        assert!(
            !flagged.contains(id),
            "a cleared hit raises no flag: {flagged}"
        );
    }
    assert!(
        flagged.contains(reopened.as_str()),
        "the re-opened hit still does: {flagged}"
    );
}

/// The bundled UN list with KPi.066's birth year changed and a new
/// individual, KPi.999, added: a list update with one changed and one new
/// record.
fn changed_un_list(dir: &Path) -> std::path::PathBuf {
    let gz = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists/un_sc_sanctions_2026-02-27.xml.gz");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut flate2::read::GzDecoder::new(std::fs::File::open(gz).expect("bundled UN list")),
        &mut xml,
    )
    .expect("gunzip");
    let at = xml
        .find("<REFERENCE_NUMBER>KPi.066</REFERENCE_NUMBER>")
        .expect("KPi.066 is listed");
    let year = at
        + xml[at..]
            .find("<FROM_YEAR>1967</FROM_YEAR>")
            .expect("its birth years");
    xml.replace_range(
        year..year + "<FROM_YEAR>1967</FROM_YEAR>".len(),
        "<FROM_YEAR>1966</FROM_YEAR>",
    );
    let added = "<INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>9999999</DATAID>
      <VERSIONNUM>1</VERSIONNUM>
      <FIRST_NAME>ZORBAN</FIRST_NAME>
      <SECOND_NAME>QUILLEK</SECOND_NAME>
      <UN_LIST_TYPE>DPRK</UN_LIST_TYPE>
      <REFERENCE_NUMBER>KPi.999</REFERENCE_NUMBER>
      <LISTED_ON>2026-12-01</LISTED_ON>
      <NATIONALITY><VALUE>Democratic People's Republic of Korea</VALUE></NATIONALITY>
      <LIST_TYPE><VALUE>UN List</VALUE></LIST_TYPE>
      <INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>1970</YEAR></INDIVIDUAL_DATE_OF_BIRTH>
    </INDIVIDUAL>";
    let xml = xml.replacen("<INDIVIDUALS>", added, 1);
    let path = dir.join("un_changed.xml");
    std::fs::write(&path, xml).expect("write");
    path
}

#[test]
fn the_review_workflow_end_to_end() {
    let home = tempfile::tempdir().expect("temp dir");
    workflow(
        &Backend::Sqlite(home.path().join("audit.sqlite")),
        home.path(),
    );
}

#[test]
fn the_review_workflow_end_to_end_on_postgres() {
    let home = tempfile::tempdir().expect("temp dir");
    if let Some(backend) = postgres("workflow") {
        workflow(&backend, home.path());
    }
}

/// Screens a batch with recording, clears one hit, updates a list with a
/// changed and a new record, and sees the clear re-opened, the new hit
/// reported and the log verify; then an edited entry is named.
fn workflow(backend: &Backend, home: &Path) {
    let mut batch = tempfile::NamedTempFile::new().expect("temp file");
    for (id, name) in [
        ("c1", "Kim Jong Sik"),
        ("c2", "Zorban Quillek"),
        ("c3", "John Smith"),
    ] {
        writeln!(
            batch,
            r#"{{"id":"{id}","schema":"Person","properties":{{"name":["{name}"]}}}}"#
        )
        .expect("write");
    }
    let batch = batch.path().to_str().expect("utf-8 path");
    let ok = |out: Output| {
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    ok(backend.run(
        &["match", "--input", batch, "--record", "--by", "ana"],
        home,
    ));
    ok(backend.run(
        &[
            "clear",
            "--query-name",
            "Kim Jong Sik",
            "--listed",
            "un_sc_sanctions:KPi.066",
            "--reason",
            "our client was born in 1990 in Seoul",
            "--by",
            "ana",
        ],
        home,
    ));
    ok(backend.run(&["watch", "add", batch], home));
    let before: Value = serde_json::from_str(&ok(backend.run(
        &[
            "match",
            "Kim Jong Sik",
            "--schema",
            "Person",
            "--format",
            "json",
        ],
        home,
    )))
    .expect("JSON");
    let kpi066 = |answer: &Value| -> Value {
        answer["results"]
            .as_array()
            .and_then(|rs| rs.iter().find(|r| r["id"] == "un_sc_sanctions:KPi.066"))
            .cloned()
            .expect("KPi.066 is shown")
    };
    assert_eq!(kpi066(&before)["clearance"]["status"], "cleared");

    let updated = changed_un_list(home);
    let out = ok(backend.run(
        &[
            "lists",
            "update",
            "un_sc_sanctions",
            "--from",
            updated.to_str().expect("utf-8"),
        ],
        home,
    ));
    assert!(out.contains("1 added, 0 removed, 1 changed"), "{out}");
    let after: Value = serde_json::from_str(&ok(backend.run(
        &[
            "match",
            "Kim Jong Sik",
            "--schema",
            "Person",
            "--format",
            "json",
            "--record",
            "--by",
            "bo",
        ],
        home,
    )))
    .expect("JSON");
    let hit = kpi066(&after);
    assert_eq!(hit["clearance"]["status"], "reopened", "{hit}");
    let why = hit["clearance"]["why"].as_str().unwrap_or_default();
    assert!(why.contains("birthDate"), "the report says why: {why}");
    assert_eq!(after["decision"], "hit");

    let report: Value = serde_json::from_str(&ok(
        backend.run(&["watch", "report", "--format", "json"], home)
    ))
    .expect("JSON");
    let has = |kind: &str, watched: &str, listed: &str| {
        report[kind].as_array().is_some_and(|hs| {
            hs.iter()
                .any(|h| h["watched"] == watched && h["listed"] == listed)
        })
    };
    assert!(has("new", "c2", "un_sc_sanctions:KPi.999"), "{report}");
    assert!(has("changed", "c1", "un_sc_sanctions:KPi.066"), "{report}");
    assert_eq!(report["gone"].as_array().map(Vec::len), Some(0));

    let (verified, v) = backend.verify(home);
    assert!(verified, "{v}");
    assert_eq!(v["verification"]["verified"].as_i64(), Some(5));
    // The entry after the update names the stored snapshot it rests on.
    let log: Value =
        serde_json::from_str(&ok(backend.run(&["audit", "log", "--format", "json"], home)))
            .expect("JSON");
    let un = log[4]["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["dataset"] == "un_sc_sanctions"))
        .cloned()
        .expect("the UN list is a source");
    assert!(
        un["version"].as_str().is_some_and(|v| v.starts_with('v')),
        "{un}"
    );
    assert_eq!(log[3]["command"], "clear");
    // The clear (entry 4) is edited: verify fails naming it.
    backend.tamper(4, "born in 1990", "born in 1991");
    let out = backend.run(&["audit", "verify"], home);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stdout).contains("entry 4: edited"),
        "{}",
        text(&out.stdout)
    );
}
