//! The `interdict` binary end to end: exit codes, output shapes, error
//! records. Every command runs with an empty temporary store, so only the
//! bundled snapshots are used.

use serde_json::Value;
use std::io::Write;
mod common;
use common::{interdict, stderr, stdout, store};

#[test]
fn lists_json_reports_the_true_counts() {
    let s = store();
    let out = interdict(&["lists", "--format", "json"], &s);
    assert!(out.status.success(), "{}", stderr(&out));
    let answer: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let rows = answer["datasets"].as_array().expect("datasets").clone();
    let by_name = |n: &str| rows.iter().find(|r| r["dataset"] == n).cloned().expect(n);
    let un = by_name("un_sc_sanctions");
    assert_eq!(un["total"], 1003);
    assert_eq!(un["counts"]["Person"], 730);
    assert_eq!(un["dprk"], 155);
    assert_eq!(un["publisher"], "United Nations Security Council");
    assert_eq!(un["snapshot_date"], "2026-02-27");
    assert_eq!(by_name("us_ofac_sdn")["total"], 14965);
    let uk = by_name("gb_fcdo_sanctions");
    assert_eq!(uk["total"], 6046);
    assert_eq!(uk["dprk"], 261);
    let linking = &answer["linking"]["stats"];
    assert_eq!(linking["records"], 36617);
    assert!(linking["parties"].as_u64().is_some_and(|p| p < 30_000));
    assert_eq!(linking["merges_by_rule"]["cited_record"], 10038);
    assert!(
        answer["linking"]["conflicts"]
            .as_array()
            .is_some_and(|c| c.len() == linking["conflicts"].as_u64().unwrap_or(0) as usize),
        "every conflict is listed"
    );
    assert!(
        stderr(&out).contains("days old"),
        "stale snapshots are warned about"
    );
}

#[test]
fn entity_prints_ftm_json() {
    let s = store();
    let out = interdict(&["entity", "un_sc_sanctions:KPi.001"], &s);
    assert!(out.status.success(), "{}", stderr(&out));
    let e: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(e["id"], "un_sc_sanctions:KPi.001");
    assert_eq!(e["schema"], "Person");
    let missing = interdict(&["entity", "un_sc_sanctions:KPi.999"], &s);
    assert!(!missing.status.success());
    assert!(stderr(&missing).contains("KPi.999"));
}

#[test]
fn hangul_name_finds_kim_jong_un_with_an_explanation() {
    let s = store();
    let out = interdict(
        &["match", "김정은", "--schema", "Person", "--format", "json"],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let top = &v["results"][0];
    assert_eq!(top["match"], true, "{top}");
    let caption = top["caption"].as_str().unwrap_or_default().to_lowercase();
    assert!(
        caption.contains("kim") && caption.contains("jong") && caption.contains("un"),
        "{caption}"
    );
    assert!(
        top["explanation"].to_string().contains("McCune"),
        "{}",
        top["explanation"]
    );
    // One row for the party: its OFAC record and the CSL's copy of it.
    assert_eq!(top["id"], "us_ofac_sdn:20157");
    assert_eq!(top["referents"][1], "us_trade_csl:20157");
    assert_eq!(top["datasets"][1], "us_trade_csl");
    assert_eq!(top["merge_reasons"][0], "CSL 20157 copies OFAC SDN 20157");
    let rows = v["results"].as_array().expect("rows");
    assert!(
        rows.iter()
            .all(|r| r["caption"] != "KIM, Jong Un" || r["id"] == top["id"]),
        "the CSL copy is not a second row"
    );
    // The snapshots it rests on, and a warning for the stale one.
    assert_eq!(top["sources"][0]["snapshot_date"], "2024-05-03");
    assert_eq!(top["sources"][0]["stale"], true);
    assert!(top["warnings"][0]
        .as_str()
        .is_some_and(|w| w.contains("us_ofac_sdn")));
    let un = v["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["dataset"] == "un_sc_sanctions"))
        .expect("every searched list");
    assert_eq!(
        (&un["age_days"], &un["stale"]),
        (&Value::from(77), &Value::from(false))
    );
}

#[test]
fn no_merge_gives_records_and_entity_finds_the_party_by_any_record() {
    let s = store();
    let out = interdict(
        &[
            "match",
            "김정은",
            "--schema",
            "Person",
            "--format",
            "json",
            "--no-merge",
        ],
        &s,
    );
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let ids: Vec<&str> = v["results"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"us_ofac_sdn:20157") && ids.contains(&"us_trade_csl:20157"),
        "{ids:?}"
    );
    let out = interdict(&["entity", "gb_fcdo_sanctions:DPR0195"], &s);
    assert!(out.status.success(), "{}", stderr(&out));
    let e: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(e["id"], "un_sc_sanctions:KPe.003");
    assert!(e["merge"]["reasons"]
        .as_array()
        .is_some_and(|r| r.iter().any(|x| x == "UK DPR0195 cites UN KPe.003")));
    let names = &e["merge"]["value_sources"]["name"][0];
    assert_eq!(names["value"], "TANCHON COMMERCIAL BANK");
    assert!(names["records"].as_array().is_some_and(|r| r.len() >= 3));
}

#[test]
fn batch_match_reports_a_bad_line_and_goes_on() {
    let s = store();
    let mut input = tempfile::NamedTempFile::new().expect("temp file");
    writeln!(
        input,
        r#"{{"id":"q1","schema":"Person","properties":{{"name":["Kim Jong Un"]}}}}"#
    )
    .expect("write");
    writeln!(input, "{{not json").expect("write");
    writeln!(input, r#"{{"id":"q3","schema":"Person","properties":{{"name":["Kim Jong Un"],"birthDate":["1984-02-30"]}}}}"#).expect("write");
    writeln!(
        input,
        r#"{{"id":"q4","schema":"Vessel","properties":{{"name":["Ocean Star 2"]}}}}"#
    )
    .expect("write");
    let path = input.path().to_str().expect("utf-8 path");
    let out = interdict(&["match", "--input", path], &s);
    assert_eq!(
        out.status.code(),
        Some(3),
        "errors are signalled by exit code 3: {}",
        stderr(&out)
    );
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 4, "one output line per input line");
    assert_eq!(lines[0]["id"], "q1");
    assert!(lines[0]["results"][0]["score"].as_f64().unwrap_or(0.0) >= 0.7);
    assert_eq!(lines[1]["id"], "line 2");
    assert!(lines[1]["error"].is_object());
    assert_eq!(
        lines[2]["id"], "q3",
        "an error names the query id when it has one"
    );
    assert!(lines[2]["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("1984-02-30"));
    assert_eq!(lines[3]["id"], "q4");
    assert!(
        stderr(&out).contains(":2:"),
        "stderr names the line: {}",
        stderr(&out)
    );
}

#[test]
fn aurus_senat_is_prohibited_under_un_rules() {
    let s = store();
    let out = interdict(
        &[
            "goods",
            "Aurus Senat armoured limousine",
            "--destination",
            "kp",
            "--date",
            "2024-02-18",
            "--format",
            "json",
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert_eq!(v["hs"]["heading"], "8703");
    let un = v["verdicts"]
        .as_array()
        .and_then(|a| a.iter().find(|x| x["jurisdiction"] == "UN"))
        .expect("UN verdict");
    assert_eq!(un["status"], "prohibited");
    assert!(
        un["instrument"]
            .as_str()
            .unwrap_or_default()
            .contains("2397"),
        "{un}"
    );
}

#[test]
fn goods_bad_input_names_the_field() {
    let s = store();
    for (args, field) in [
        (vec!["goods", "cars", "--hs", "8799"], "hs"),
        (vec!["goods", "cars", "--hs", "87a3"], "hs"),
        (vec!["goods", "cars", "--destination", "zz"], "destination"),
        (
            vec!["goods", "cars", "--value", "-5", "--currency", "USD"],
            "value",
        ),
        (
            vec!["goods", "cars", "--value", "5", "--currency", "XYZ"],
            "currency",
        ),
    ] {
        let out = interdict(&args, &s);
        assert!(!out.status.success(), "{args:?} must fail");
        assert!(stderr(&out).contains(field), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn goods_batch_reports_a_bad_line_and_goes_on() {
    let s = store();
    let mut input = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .expect("temp file");
    writeln!(
        input,
        r#"{{"description":"Rolex Submariner watch","destination":"kp"}}"#
    )
    .expect("write");
    writeln!(input).expect("write");
    writeln!(
        input,
        r#"{{"description":"vodka","destination":"kp","value":-1,"currency":"USD"}}"#
    )
    .expect("write");
    let path = input.path().to_str().expect("utf-8 path");
    let out = interdict(&["goods", "--input", path], &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2, "blank lines are skipped");
    assert_eq!(lines[0]["line"], 1);
    assert_eq!(lines[0]["report"]["hs"]["heading"], "9102");
    assert_eq!(lines[1]["line"], 3);
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("value"));
    assert!(stderr(&out).contains(":3:"), "{}", stderr(&out));
}

#[test]
fn screen_reports_bad_shipments_and_goes_on() {
    let s = store();
    let mut input = tempfile::NamedTempFile::new().expect("temp file");
    writeln!(
        input,
        r#"{{"id":"S-1","date":"2024-03-01","declared_destination":"kr","purpose":"sale","parties":[{{"role":"exporter","schema":"Company","name":"Chubu Auto Parts","country":"jp"}},{{"role":"consignee","schema":"Company","name":"Haeundae Motors","country":"kr"}}],"goods":[{{"description":"brake pads","hs_code":"870830","quantity":200,"unit":"set","value":4000,"currency":"USD"}}],"legs":[{{"mode":"sea","from":"JPNGO","to":"KRPUS","depart":"2024-03-02","arrive":"2024-03-04"}}]}}"#
    )
    .expect("write");
    writeln!(input, r#"{{"id":"S-2","date":"2024-02-30","declared_destination":"kr","parties":[],"goods":[],"legs":[]}}"#).expect("write");
    writeln!(input, "garbage").expect("write");
    let path = input.path().to_str().expect("utf-8 path");
    let out = interdict(&["screen", path, "--format", "jsonl"], &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines: Vec<Value> = stdout(&out)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["shipment_id"], "S-1");
    assert_ne!(lines[0]["decision"], "block");
    assert_eq!(lines[1]["error"]["shipment_id"], "S-2");
    assert_eq!(lines[2]["error"]["line"], 3);
}

#[test]
fn a_bad_update_keeps_the_current_snapshot() {
    let s = store();
    let mut bad = tempfile::NamedTempFile::new().expect("temp file");
    writeln!(
        bad,
        "<?xml version=\"1.0\"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>"
    )
    .expect("write");
    let path = bad.path().to_str().expect("utf-8 path");
    let out = interdict(&["lists", "update", "un_sc_sanctions", "--from", path], &s);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("kept"), "{}", stderr(&out));
    let after = interdict(&["lists", "--format", "json"], &s);
    let answer: Value = serde_json::from_str(&stdout(&after)).expect("JSON");
    let un = answer["datasets"]
        .as_array()
        .expect("datasets")
        .iter()
        .find(|r| r["dataset"] == "un_sc_sanctions")
        .expect("un");
    assert_eq!(un["total"], 1003, "the bundled snapshot is still in use");
}

#[test]
fn screen_decides_under_the_law_the_user_names() {
    let s = store();
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../interdict-screen/testdata/whose_law.jsonl"
    );
    let decision = |scope: &str| -> Value {
        let out = interdict(
            &[
                "screen",
                fixture,
                "--format",
                "jsonl",
                "--jurisdiction",
                scope,
            ],
            &s,
        );
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out)
            .lines()
            .map(|l| serde_json::from_str::<Value>(l).expect("JSON line"))
            .find(|d| d["shipment_id"] == "LAW-EMBASSY-OFFICE")
            .expect("embassy shipment")
    };
    // A DPRK embassy buying office supplies: a review under UN rules, a
    // block for a US person (Government of North Korea blocked, E.O. 13722).
    let all = decision("all");
    assert_eq!(all["decision"], "block");
    // The decision names every list snapshot it rests on; on the fixed day
    // the UN and UK ones are fresh.
    let sources = all["sources"].as_array().expect("sources");
    assert_eq!(sources.len(), 5);
    let stale: Vec<&str> = sources
        .iter()
        .filter(|s| s["stale"] == true)
        .filter_map(|s| s["dataset"].as_str())
        .collect();
    assert_eq!(stale, ["us_ofac_sdn", "us_ofac_cons", "us_trade_csl"]);
    assert_eq!(all["warnings"].as_array().map(Vec::len), Some(3));
    let by: Vec<(String, String)> = all["jurisdictions"]
        .as_array()
        .expect("jurisdictions")
        .iter()
        .map(|j| (j["jurisdiction"].to_string(), j["decision"].to_string()))
        .collect();
    assert!(
        by.contains(&("\"us\"".into(), "\"block\"".into())),
        "{by:?}"
    );
    assert!(
        by.contains(&("\"un\"".into(), "\"review\"".into())),
        "{by:?}"
    );
    assert_eq!(decision("un")["decision"], "review");
    assert_eq!(decision("us")["decision"], "block");
    let bad = interdict(&["screen", fixture, "--jurisdiction", "xx"], &s);
    assert!(!bad.status.success());
    assert!(
        stderr(&bad).contains("unknown jurisdiction"),
        "{}",
        stderr(&bad)
    );
}

/// The top row's id and whether it is a match, for one name screened.
fn top_of(s: &tempfile::TempDir, name: &str, schema: &str) -> (String, bool) {
    let out = interdict(&["match", name, "--schema", schema, "--format", "json"], s);
    assert!(out.status.success(), "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    let top = &v["results"][0];
    (
        top["id"].as_str().unwrap_or_default().to_string(),
        top["match"] == true,
    )
}

#[test]
fn general_readings_reach_the_bundled_listings() {
    let s = store();
    // A frequent given name does not crowd out the family name misspelt.
    assert_eq!(
        top_of(&s, "Aleksey Miler", "Person"),
        ("us_ofac_sdn:24083".to_string(), true)
    );
    // A Hong Kong name in Chinese characters meets its Cantonese alias
    // ("TANG, Ping-keung").
    assert_eq!(
        top_of(&s, "邓炳强", "Person"),
        ("us_ofac_sdn:29242".to_string(), true)
    );
    // A name bearing a legal form is no person's.
    let out = interdict(&["match", "Orion Trading KK", "--format", "json"], &s);
    let v: Value = serde_json::from_str(&stdout(&out)).expect("JSON");
    assert!(v["results"]
        .as_array()
        .expect("rows")
        .iter()
        .all(|r| r["schema"] != "Person"));
}
