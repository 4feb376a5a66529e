//! `interdict asset` end to end: VINs decoded without the lists, IMO numbers
//! and aircraft marks found on the bundled lists, watched assets from the
//! store directory, malformed identifiers reported with exit code 2.

use serde_json::Value;
mod common;
use common::{interdict, json};

#[test]
fn a_vin_is_decoded_and_a_bad_one_named() {
    let store = tempfile::tempdir().expect("temp dir");
    let o = interdict(&["asset", "1HGCM82633A004352", "--format", "json"], &store);
    assert_eq!(o.status.code(), Some(0));
    let v = json(&o);
    assert_eq!(v["kind"], "vin");
    assert_eq!(v["decoded"]["check_digit"]["status"], "valid");
    assert_eq!(v["decoded"]["model_year"]["likely"], 2003);

    let o = interdict(&["asset", "1HGCM82633A0O4352"], &store);
    assert_eq!(o.status.code(), Some(2));
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(
        text.contains("MALFORMED") && text.contains("letter O"),
        "{text}"
    );
}

#[test]
fn a_listed_vessel_and_a_watched_aircraft() {
    let store = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        store.path().join("watched_assets.jsonl"),
        "{\"kind\":\"registration\",\"id\":\"P632\",\"why\":\"Air Koryo aircraft\"}\n",
    )
    .expect("write watchlist");
    let o = interdict(&["asset", "IMO 9010022", "--format", "json"], &store);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    assert_eq!(v["listed"][0]["caption"], "ASIA BRIDGE");
    assert_eq!(v["listed"][0]["former_names"][0], "ASIA BRIDGE 2");
    assert!(v["watched"].is_null());

    let o = interdict(&["asset", "P-632", "--format", "json"], &store);
    let v = json(&o);
    assert_eq!(v["decoded"]["nationality"]["country"], "kp");
    assert_eq!(v["watched"]["why"], "Air Koryo aircraft");
    assert_eq!(v["listed"][0]["schema"], "Airplane");
}

#[test]
fn screen_flags_a_watched_vessel_from_the_assets_file() {
    let store = tempfile::tempdir().expect("temp dir");
    let dir = tempfile::tempdir().expect("temp dir");
    let shipments = dir.path().join("s.jsonl");
    std::fs::write(
        &shipments,
        r#"{"id":"W-1","date":"2024-03-01","declared_destination":"kr","purpose":"sale","parties":[{"role":"exporter","schema":"Company","name":"Chubu Auto Parts","country":"jp"},{"role":"consignee","schema":"Company","name":"Haeundae Motors","country":"kr"}],"goods":[{"description":"brake pads","hs_code":"870830","quantity":200,"unit":"set","value":4000,"currency":"USD"}],"legs":[{"mode":"sea","from":"JPNGO","to":"KRPUS","depart":"2024-03-02","arrive":"2024-03-04","vessel":{"name":"SEA STAR","imo":"IMO 9074729"}}]}
"#,
    )
    .expect("write shipments");
    let assets = dir.path().join("assets.jsonl");
    std::fs::write(
        &assets,
        "{\"kind\":\"imo\",\"id\":\"9074729\",\"why\":\"seen at Nampo\"}\n",
    )
    .expect("write watchlist");
    let args = [
        "screen",
        shipments.to_str().expect("utf-8 path"),
        "--format",
        "jsonl",
        "--assets",
        assets.to_str().expect("utf-8 path"),
    ];
    let o = interdict(&args, &store);
    let v: Value = serde_json::from_slice(&o.stdout).expect("one JSON line");
    let flags = v["flags"].as_array().expect("flags");
    let watched = flags
        .iter()
        .find(|f| f["rule"] == "asset.watched")
        .unwrap_or_else(|| panic!("{v:#}"));
    assert!(watched["summary"]
        .as_str()
        .unwrap_or_default()
        .contains("seen at Nampo"));
    assert_eq!(watched["evidence"]["leg"], 0);
}

#[test]
fn watch_add_assets_stores_a_watchlist_and_refuses_a_bad_one_whole() {
    let store = tempfile::tempdir().expect("temp dir");
    let good = store.path().join("good.jsonl");
    std::fs::write(
        &good,
        "{\"kind\":\"vin\",\"id\":\"1HGCM82633A004352\",\"why\":\"seen at Nampo\"}\n",
    )
    .expect("write");
    let o = interdict(
        &["watch", "add", "--assets", good.to_str().expect("utf-8")],
        &store,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let stored = store.path().join("watched_assets.jsonl");
    let kept = std::fs::read_to_string(&stored).expect("stored watchlist");
    assert!(kept.contains("1HGCM82633A004352"), "{kept}");

    let o = interdict(&["asset", "1HGCM82633A004352", "--format", "json"], &store);
    assert_eq!(json(&o)["watched"]["why"], "seen at Nampo");

    // A bad VIN on line 2 refuses the whole file, naming the line, and the
    // stored list stays as it was.
    let bad = store.path().join("bad.jsonl");
    std::fs::write(
        &bad,
        "{\"kind\":\"imo\",\"id\":\"IMO 9010022\",\"why\":\"x\"}\n{\"kind\":\"vin\",\"id\":\"1HGCM82633A0O4352\",\"why\":\"y\"}\n",
    )
    .expect("write");
    let o = interdict(
        &["watch", "add", "--assets", bad.to_str().expect("utf-8")],
        &store,
    );
    assert_ne!(o.status.code(), Some(0));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("bad.jsonl") && err.contains("line 2"), "{err}");
    assert_eq!(std::fs::read_to_string(&stored).expect("kept"), kept);
}
