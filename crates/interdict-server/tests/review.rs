//! The audit log over HTTP (`serve --record`): every answer of `/match`,
//! `/goods` and `/screen` recorded as the request's user, the chain intact
//! under concurrent requests, clears applied to later answers, a tampered
//! log answering 503 naming the entry, the PostgreSQL path; and the watched
//! assets (`serve --assets`, `GET /assets/{id}`).
//!
//! Each test serves yente's fixtures (one index, built once) with its own
//! audit database.

mod common;

use axum::body::Body;
use axum::http::Request;
use axum::Router;
use common::{send, Reply};
use interdict_review::clear::{clear_entry, ClearRequest};
use interdict_review::{audit, AuditLog, Database, Entry, Recorder, Versions};
use interdict_server::{
    ApiKeys, AppState, Index, Limits, LoadOptions, Review, SharedState, StateOptions,
};
use serde_json::{json, Value};
use std::sync::{Arc, OnceLock};

const ZAKHAROV: &str = "NK-aU5ybkbRFJucf8YMwsJvDw";
const ZAKHAROV_NAME: &str = "Alexander Vyacheslavovich ZAKHAROV";
const MAYBACH: &str = include_str!("../../../examples/maybach_s600_2018.jsonl");

fn load_options() -> LoadOptions {
    LoadOptions {
        store: interdict_lists::Store::new(std::env::temp_dir().join("interdict-review-tests")),
        sources: common::sources(),
    }
}

fn index() -> Arc<Index> {
    static INDEX: OnceLock<Arc<Index>> = OnceLock::new();
    INDEX
        .get_or_init(|| {
            Arc::new(Index::build(&load_options()).unwrap_or_else(|e| panic!("index: {e}")))
        })
        .clone()
}

/// A state recording in `db` as `srv` unless a request names its user.
fn recording_state(db: &Database, watched: interdict_assets::Watchlist) -> SharedState {
    let recorder = Recorder::open(db, "srv", Versions::new()).unwrap_or_else(|e| panic!("{e}"));
    let state = AppState::from_options(StateOptions {
        load: load_options(),
        keys: ApiKeys::default(),
        read_keys: ApiKeys::default(),
        review: Some(Review::new(recorder, true, db.describe())),
        watched_assets: watched,
    });
    state.install(index());
    state
}

fn app(state: &SharedState) -> Router {
    interdict_server::router(Arc::clone(state), Limits::default())
}

async fn post(app: Router, uri: &str, user: Option<&str>, body: String) -> Reply {
    let mut req = Request::post(uri).header("content-type", "application/json");
    if let Some(u) = user {
        req = req.header("x-interdict-user", u);
    }
    send(
        app,
        req.body(Body::from(body)).unwrap_or_else(|e| panic!("{e}")),
    )
    .await
}

fn match_body(names: &[&str]) -> String {
    let queries: serde_json::Map<String, Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let q = json!({"schema": "Person", "properties": {"name": [n]}});
            (format!("q{i}"), q)
        })
        .collect();
    json!({ "queries": queries }).to_string()
}

/// What `interdict audit verify` reads: the whole chain checked; its
/// entries. (Off the async threads: the PostgreSQL client blocks.)
async fn verified(db: &Database) -> Vec<Entry> {
    let db = db.clone();
    let check = move || {
        let log = AuditLog::open(&db).unwrap_or_else(|e| panic!("{e}"));
        let v = log.verification();
        assert_eq!(v.broken, None, "the chain verifies");
        assert_eq!(v.verified, log.entries().len() as i64);
        log.entries().to_vec()
    };
    tokio::task::spawn_blocking(check)
        .await
        .unwrap_or_else(|e| panic!("{e}"))
}

fn sqlite_db(dir: &tempfile::TempDir) -> Database {
    Database::Sqlite(dir.path().join("audit.sqlite"))
}

/// Records a batch of /match, a /goods batch and a /screen stream on
/// `state`, then checks the log as `audit verify` and `audit log` read it.
async fn record_and_check(state: &SharedState, db: &Database) {
    let body = match_body(&[ZAKHAROV_NAME, "John Doe"]);
    let r = post(app(state), "/match/default", Some("ana"), body).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let goods = json!([{"description": "cognac", "destination": "kp"},
                       {"description": "fur coats", "destination": "kp"}]);
    let r = post(app(state), "/goods", Some("bo"), goods.to_string()).await;
    assert_eq!(r.status, 200);
    let r = post(app(state), "/screen", None, MAYBACH.to_string()).await;
    assert_eq!(r.status, 200);
    let shipments = String::from_utf8_lossy(&r.body).lines().count();
    assert!(shipments >= 1);

    let entries = verified(db).await;
    let commands: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e.command.as_str(), e.user.as_str()))
        .collect();
    let mut expected = vec![
        ("match", "ana"),
        ("match", "ana"),
        ("goods", "bo"),
        ("goods", "bo"),
    ];
    expected.extend(std::iter::repeat_n(("screen", "srv"), shipments));
    assert_eq!(commands, expected);
    let zakharov = audit::select(&entries, None, Some("zakharov"));
    assert_eq!(zakharov.len(), 1, "`audit log --party` finds the query");
    assert_eq!(zakharov[0].decision, "hit");
    assert_eq!(zakharov[0].results[0]["id"], ZAKHAROV);
    assert!(
        zakharov[0].sources[0]["version"].is_string(),
        "{:?}",
        zakharov[0].sources
    );
    let screened = entries.last().unwrap_or_else(|| panic!("entries"));
    assert_eq!(screened.decision, "block");
}

#[tokio::test]
async fn a_recorded_batch_verifies_and_names_its_users() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = sqlite_db(&dir);
    let state = recording_state(&db, Default::default());
    record_and_check(&state, &db).await;
}

#[tokio::test]
async fn a_clear_recorded_marks_the_result_and_the_decision() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = sqlite_db(&dir);
    let state = recording_state(&db, Default::default());
    let before = post(
        app(&state),
        "/match/default",
        None,
        match_body(&[ZAKHAROV_NAME]),
    )
    .await;
    assert_eq!(before.json()["responses"]["q0"]["decision"], "hit");

    // Cleared while the server runs, as `interdict clear` would.
    let index = index();
    let (party, _) = index
        .engine
        .entity(ZAKHAROV)
        .unwrap_or_else(|| panic!("the listed party"));
    let req = ClearRequest {
        query_name: ZAKHAROV_NAME.into(),
        query_id: None,
        listed: ZAKHAROV.into(),
        reason: "our client was born in 1990".into(),
        expires: None,
        user: "ana".into(),
    };
    let mut clerk = Recorder::open(&db, "ana", Versions::new()).unwrap_or_else(|e| panic!("{e}"));
    clerk
        .append(clear_entry(&req, party, Value::Null))
        .unwrap_or_else(|e| panic!("{e}"));

    let after = post(
        app(&state),
        "/match/default",
        None,
        match_body(&[ZAKHAROV_NAME]),
    )
    .await;
    let answer = &after.json()["responses"]["q0"];
    assert_eq!(answer["decision"], "cleared", "{answer}");
    let top = &answer["results"][0];
    assert_eq!(top["id"], ZAKHAROV);
    assert_eq!(top["match"], true, "the score's verdict is kept");
    assert_eq!(top["clearance"]["status"], "cleared");
    assert_eq!(top["clearance"]["reason"], "our client was born in 1990");
    let entries = verified(&db).await;
    let last = entries.last().unwrap_or_else(|| panic!("entries"));
    assert_eq!(last.decision, "cleared");
    assert_eq!(last.results[0]["clearance"]["status"], "cleared");

    // A shipment to that party: the hit is held back from the rules and
    // reported beside the decision, as `interdict screen --format jsonl`.
    let shipment = json!({"id": "S-1", "date": "2024-03-01", "declared_destination": "ru",
        "parties": [{"role": "consignee", "schema": "Person", "name": ZAKHAROV_NAME, "country": "ru"}],
        "goods": [{"description": "brake pads", "hs_code": "870830"}]});
    let r = post(app(&state), "/screen", None, shipment.to_string()).await;
    let v: Value = serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(v["clearances"][0]["listed"], ZAKHAROV, "{v:#}");
    assert_eq!(v["clearances"][0]["clearance"]["status"], "cleared");
    let entries = verified(&db).await;
    let last = entries.last().unwrap_or_else(|| panic!("entries"));
    assert_eq!(last.command, "screen");
    assert_eq!(last.results["clearances"][0]["listed"], ZAKHAROV);
}

#[tokio::test]
async fn a_tampered_entry_makes_the_next_recording_answer_503() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = sqlite_db(&dir);
    let state = recording_state(&db, Default::default());
    let r = post(
        app(&state),
        "/match/default",
        None,
        match_body(&["John Doe", "Jane Roe"]),
    )
    .await;
    assert_eq!(r.status, 200);
    let conn = rusqlite::Connection::open(dir.path().join("audit.sqlite"))
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute_batch("DROP TRIGGER audit_no_update")
        .unwrap_or_else(|e| panic!("{e}"));
    conn.execute(
        "UPDATE audit SET body = replace(body, 'Roe', 'Poe') WHERE seq = 2",
        [],
    )
    .unwrap_or_else(|e| panic!("{e}"));

    for (uri, body) in [
        ("/match/default", match_body(&["John Doe"])),
        (
            "/goods",
            json!({"description": "cognac", "destination": "kp"}).to_string(),
        ),
        ("/screen", MAYBACH.to_string()),
    ] {
        let r = post(app(&state), uri, None, body).await;
        assert_eq!(r.status, 503, "{uri}: {}", String::from_utf8_lossy(&r.body));
        let detail = r.json()["detail"].as_str().unwrap_or_default().to_string();
        assert!(detail.contains("entry 2: edited"), "{uri}: {detail}");
    }
    let log = AuditLog::open(&db).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(log.verification().broken.map(|b| b.seq), Some(2));
    assert_eq!(log.entries().len(), 1, "nothing was appended past the edit");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_requests_keep_the_chain_whole() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let db = sqlite_db(&dir);
    let state = recording_state(&db, Default::default());
    let requests: Vec<_> = (0..24)
        .map(|i| {
            let app = app(&state);
            let user = format!("user{}", i % 3);
            tokio::spawn(async move {
                let body = match_body(&["John Doe", "Alexander Zakharov"]);
                post(app, "/match/default", Some(&user), body).await.status
            })
        })
        .collect();
    for r in requests {
        assert_eq!(r.await.unwrap_or_else(|e| panic!("{e}")), 200);
    }
    let entries = verified(&db).await;
    assert_eq!(entries.len(), 48, "one entry per query of each batch");
}

#[tokio::test]
async fn assets_are_decoded_and_watched_ones_flagged_in_shipments() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let watched = interdict_assets::Watchlist::from_jsonl(
        "{\"kind\":\"imo\",\"id\":\"9074729\",\"why\":\"seen at Nampo\"}\n\
         {\"kind\":\"vin\",\"id\":\"1HGCM82633A004352\",\"why\":\"export to Nampo\"}\n"
            .as_bytes(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let state = recording_state(&sqlite_db(&dir), watched);
    let get = |uri: &str| {
        let req = Request::get(uri)
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}"));
        send(app(&state), req)
    };
    let v = get("/assets/1HGCM82633A004352").await.json();
    assert_eq!(v["kind"], "vin");
    assert_eq!(v["decoded"]["check_digit"]["status"], "valid");
    assert_eq!(v["decoded"]["model_year"]["likely"], 2003);
    assert_eq!(v["watched"]["why"], "export to Nampo");

    let bad = get("/assets/1HGCM82633A0O4352").await;
    assert_eq!(bad.status, 422);
    let msg = bad.json()["detail"][0]["msg"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    assert!(msg.contains("letter O"), "{msg}");

    let v = get("/assets/IMO%209074729").await.json();
    assert_eq!(v["kind"], "imo");
    assert_eq!(v["watched"]["why"], "seen at Nampo");
    assert!(v["listed"].is_array() && v["sources"].is_array(), "{v}");

    let shipment = r#"{"id":"W-1","date":"2024-03-01","declared_destination":"kr","purpose":"sale","parties":[{"role":"exporter","schema":"Company","name":"Chubu Auto Parts","country":"jp"},{"role":"consignee","schema":"Company","name":"Haeundae Motors","country":"kr"}],"goods":[{"description":"brake pads","hs_code":"870830","quantity":200,"unit":"set","value":4000,"currency":"USD"}],"legs":[{"mode":"sea","from":"JPNGO","to":"KRPUS","depart":"2024-03-02","arrive":"2024-03-04","vessel":{"name":"SEA STAR","imo":"IMO 9074729"}}]}"#;
    let r = post(app(&state), "/screen", None, shipment.to_string()).await;
    let v: Value = serde_json::from_slice(&r.body).unwrap_or_else(|e| panic!("{e}"));
    let watched = v["flags"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["rule"] == "asset.watched")
        .unwrap_or_else(|| panic!("{v:#}"));
    assert!(watched["summary"]
        .as_str()
        .is_some_and(|s| s.contains("seen at Nampo")));
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

/// A new empty schema on the server and a URL whose search path is it.
fn fresh_schema(url: &str, name: &str) -> String {
    let schema = format!("t_{name}_{}", std::process::id());
    let mut client =
        postgres::Client::connect(url, postgres::NoTls).unwrap_or_else(|e| panic!("connect: {e}"));
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"
        ))
        .unwrap_or_else(|e| panic!("schema: {e}"));
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-c%20search_path%3D{schema}")
}

/// The PostgreSQL client runs its own runtime, so this test drives the
/// requests from a runtime of its own and drops the state outside it.
#[test]
fn postgres_records_the_same_way() {
    let Some(url) = pg_url() else {
        return;
    };
    let db = Database::parse(&fresh_schema(&url, "server")).unwrap_or_else(|e| panic!("{e}"));
    let state = recording_state(&db, Default::default());
    let runtime = tokio::runtime::Runtime::new().unwrap_or_else(|e| panic!("{e}"));
    runtime.block_on(record_and_check(&state, &db));
    drop(runtime);
    drop(state);
}
