//! `interdict asset` end to end: VINs decoded without the lists, IMO numbers
//! and aircraft marks found on the bundled lists, watched assets from the
//! store directory, malformed identifiers reported with exit code 2.

use serde_json::Value;
use std::process::{Command, Output};

fn interdict(args: &[&str], store: &tempfile::TempDir) -> Output {
    Command::new(env!("CARGO_BIN_EXE_interdict"))
        .env("INTERDICT_TODAY", "2026-05-15")
        .args(args)
        .arg("--store")
        .arg(store.path())
        .output()
        .expect("the binary runs")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

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
