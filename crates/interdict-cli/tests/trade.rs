//! "How much" and SQL from the binary: `flows`, `sql` with interdict's
//! functions, and declaration files screened through SQL, in process and on
//! a standalone Ballista cluster (the same answers).
#![cfg(feature = "ballista")]

use serde_json::Value;
use std::path::PathBuf;
mod common;
use common::{interdict, json, json_lines, stderr, stdout, store};

fn fixture(name: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "interdict-trade",
        "tests",
        "fixtures",
        name,
    ]
    .iter()
    .collect();
    p.display().to_string()
}

#[test]
fn flows_on_a_real_comtrade_plus_file_gives_the_fixed_json_shape() {
    let s = store();
    let out = interdict(
        &[
            "flows",
            &fixture("comtradeplus_2023M_PRK.csv"),
            "--to",
            "kp",
            "--by",
            "month",
            "--format",
            "json",
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["destination"], "kp");
    assert_eq!(v["basket"], "un");
    assert_eq!(v["rejected_rows"], 0);
    let periods = v["periods"].as_array().expect("periods");
    assert!(!periods.is_empty());
    assert!(periods.iter().all(|p| p["total_usd"].as_f64().is_some()));
}

#[test]
fn sql_runs_the_goods_and_name_functions() {
    let s = store();
    let out = interdict(
        &[
            "sql",
            "SELECT hs_category('9101.11') AS c, controlled('9101.11', 'kp', '2023-01-01', 'UN') AS s, \
             screen_name('Korea Kwangson Banking Corporation', 'Company')['matched'] AS m",
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("prohibited"), "{text}");
    assert!(text.contains("true"), "{text}");
}

fn screen_declarations(engine: &str) -> Vec<Value> {
    let s = store();
    let out = interdict(
        &[
            "screen",
            "--engine",
            engine,
            "--jurisdiction",
            "un",
            &fixture("declarations_sample.csv"),
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut rows = json_lines(&out);
    rows.sort_by_key(|r| r["declaration_id"].as_str().unwrap_or_default().to_string());
    rows
}

#[test]
fn declarations_are_screened_through_sql_the_same_in_process_and_on_ballista() {
    let local = screen_declarations("datafusion");
    assert_eq!(local.len(), 3);
    let by_id = |id: &str| local.iter().find(|r| r["declaration_id"] == id).expect(id);
    // Watches to the DPRK: a luxury good under the UN ban.
    assert_eq!(by_id("D-1")["decision"], "block");
    assert_eq!(by_id("D-1")["goods_UN"], "prohibited");
    // A UN-listed bank as consignee.
    let d2 = by_id("D-2");
    assert_eq!(d2["decision"], "block");
    assert_eq!(d2["consignee_hit"]["matched"], true);
    assert!(d2["reasons"].to_string().contains("consignee matches"));
    // Rice is not controlled.
    assert_eq!(by_id("D-3")["goods_UN"], "not_controlled");
    let distributed = screen_declarations("ballista");
    assert_eq!(local, distributed);
}

#[test]
fn bad_declaration_rows_stop_the_run_naming_file_line_and_field() {
    let s = store();
    let path = fixture("bad_rows.csv");
    let out = interdict(&["screen", "--engine", "datafusion", &path], &s);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("bad_rows.csv:"), "{err}");
    assert!(err.contains("--skip-bad-rows"), "{err}");
}
