//! Every layout read into the canonical table, and bad rows reported.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
#![cfg(feature = "engine")]

use interdict_trade::{Layout, LoadOptions, TradeError, TradeSession};
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn one_number(s: &TradeSession, q: &str) -> String {
    let b = s.sql(q).unwrap();
    let text = interdict_trade::pretty(&b).unwrap();
    text.lines()
        .nth(3)
        .unwrap_or_default()
        .trim_matches(|c| c == '|' || c == ' ')
        .to_string()
}

#[test]
fn comtrade_plus_real_file_reads_with_reporters_as_origins() {
    let mut s = TradeSession::embedded().unwrap();
    let load = s
        .register(
            "t",
            &[fixture("comtradeplus_2023M_PRK.csv")],
            &LoadOptions::default(),
        )
        .unwrap();
    assert_eq!(load.rows, 8);
    assert!(load.rejected.is_empty());
    // India and Spain reported exports to the DPRK in January 2023.
    assert_eq!(
        one_number(
            &s,
            "SELECT origin FROM t WHERE period = '2023-01' AND value_usd = 44113.682"
        ),
        "in"
    );
    assert_eq!(
        one_number(&s, "SELECT COUNT(DISTINCT destination) FROM t"),
        "1"
    );
    // cmdCode TOTAL is the all-commodities aggregate: no HS code.
    assert_eq!(
        one_number(&s, "SELECT COUNT(*) FROM t WHERE hs IS NULL"),
        "8"
    );
}

#[test]
fn baci_values_are_thousands_and_codes_resolve_through_its_country_file() {
    let mut s = TradeSession::embedded().unwrap();
    let opts = LoadOptions {
        baci_countries: Some(fixture("baci_countries.csv")),
        ..LoadOptions::default()
    };
    s.register("b", &[fixture("baci_sample.csv")], &opts)
        .unwrap();
    assert_eq!(
        one_number(&s, "SELECT SUM(value_usd) FROM b WHERE origin = 'cn'"),
        "52500.0"
    );
    assert_eq!(
        one_number(&s, "SELECT origin FROM b WHERE hs = '870323'"),
        "us"
    );
    // Without the country file, M49 codes resolve through the country table.
    let mut s2 = TradeSession::embedded().unwrap();
    s2.register("b", &[fixture("baci_sample.csv")], &LoadOptions::default())
        .unwrap();
    assert_eq!(
        one_number(&s2, "SELECT origin FROM b WHERE hs = '100630'"),
        "ru"
    );
}

#[test]
fn comtrade_bulk_import_flows_swap_origin_and_destination() {
    let mut s = TradeSession::embedded().unwrap();
    let opts = LoadOptions {
        layout: Some(Layout::ComtradeBulk),
        ..LoadOptions::default()
    };
    s.register("c", &[fixture("comtrade_bulk_sample.csv")], &opts)
        .unwrap();
    assert_eq!(
        one_number(&s, "SELECT COUNT(*) FROM c WHERE destination = 'kp'"),
        "3"
    );
    assert_eq!(
        one_number(&s, "SELECT period FROM c WHERE hs = '870323'"),
        "2022-02"
    );
}

#[test]
fn declarations_and_functions_in_sql() {
    let mut s = TradeSession::embedded().unwrap();
    s.register(
        "d",
        &[fixture("declarations_sample.csv")],
        &LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(
        one_number(
            &s,
            "SELECT luxury_category(hs, 'kr') FROM d WHERE declaration_id = 'D-1'"
        ),
        "watches"
    );
    assert_eq!(
        one_number(
            &s,
            "SELECT controlled(hs, destination, date, 'UN') FROM d WHERE declaration_id = 'D-2'"
        ),
        "prohibited"
    );
    assert_eq!(
        one_number(
            &s,
            "SELECT controlled(hs, destination, date, 'UN') FROM d WHERE declaration_id = 'D-3'"
        ),
        "not_controlled"
    );
    assert_eq!(
        one_number(&s, "SELECT COUNT(*) FROM d WHERE luxury(hs, 'un')"),
        "2"
    );
    assert_eq!(one_number(&s, "SELECT hs_category('870323')"), "car");
}

#[test]
fn bad_rows_stop_the_query_with_file_line_field_and_reason() {
    let mut s = TradeSession::embedded().unwrap();
    let err = s
        .register("x", &[fixture("bad_rows.csv")], &LoadOptions::default())
        .unwrap_err();
    let TradeError::BadRows(rows) = err else {
        panic!("expected bad rows, got {err}");
    };
    let got: Vec<(u64, &str)> = rows.iter().map(|r| (r.line, r.field.as_str())).collect();
    assert_eq!(got, vec![(3, "date"), (4, "hs"), (5, "value")]);
    assert!(rows[0].file.ends_with("bad_rows.csv"));
    assert!(
        rows[1].reason.contains("does not exist"),
        "{}",
        rows[1].reason
    );

    let opts = LoadOptions {
        skip_bad_rows: true,
        ..LoadOptions::default()
    };
    let load = s.register("x", &[fixture("bad_rows.csv")], &opts).unwrap();
    assert_eq!((load.rows, load.rejected.len()), (2, 3));
}

#[test]
fn a_missing_mapped_column_rejects_the_file_and_a_mapping_fixes_it() {
    let mut s = TradeSession::embedded().unwrap();
    let opts = LoadOptions {
        layout: Some(Layout::Declarations),
        mapping: vec!["value=declared_value".into()],
        ..LoadOptions::default()
    };
    let err = s
        .register("x", &[fixture("declarations_sample.csv")], &opts)
        .unwrap_err();
    let TradeError::BadRows(rows) = err else {
        panic!("expected bad rows");
    };
    assert_eq!((rows[0].line, rows[0].field.as_str()), (1, "value"));
    assert!(rows[0].reason.contains("declared_value"));
}
