//! Bad input gives an error record naming the shipment or line, the field and the reason.

use interdict_screen::parse_jsonl_line;

const GOOD: &str = r#"{"id":"S-1","date":"2023-07-20","declared_destination":"sg","purpose":"sale","parties":[{"role":"exporter","schema":"Company","name":"A","country":"jp"}],"goods":[{"description":"Lexus LX 570","hs_code":"870324","quantity":1,"unit":"unit","value":90000,"currency":"USD"}],"legs":[{"mode":"sea","from":"JPYOK","to":"SGSIN","depart":"2023-08-10","arrive":"2023-08-18","vessel":{"name":"X","imo":"IMO9114555","flag":"tg"},"tracking_gaps":[{"from":"2023-08-11","to":"2023-08-15"}]}]}"#;

fn err(line: &str) -> interdict_screen::ShipmentError {
    match parse_jsonl_line(line, 7) {
        Ok(s) => panic!("accepted {}", s.id),
        Err(e) => e,
    }
}

#[test]
fn the_exchange_format_example_parses() {
    let s = parse_jsonl_line(GOOD, 1).expect("valid");
    assert_eq!(
        s.legs[0]
            .vessel
            .as_ref()
            .and_then(|v| v.imo_digits())
            .as_deref(),
        Some("9114555")
    );
}

// The goods command names the declared code `hs`; a shipment line may too.
#[test]
fn a_goods_line_reads_hs_as_hs_code() {
    let s = parse_jsonl_line(&GOOD.replace("\"hs_code\"", "\"hs\""), 1).expect("valid");
    assert_eq!(s.goods[0].hs_code.as_deref(), Some("870324"));
}

#[test]
fn malformed_json_names_the_line() {
    let e = err("{\"id\": \"S-9\", ");
    assert_eq!(e.line, Some(7));
    assert!(!e.reason.is_empty());
}

#[test]
fn unknown_locode_names_the_leg() {
    let e = err(&GOOD.replace("SGSIN", "SGZZZ"));
    assert_eq!(e.shipment_id.as_deref(), Some("S-1"));
    assert_eq!(e.field, "legs[0].to");
    assert!(e.reason.contains("UN/LOCODE"), "{}", e.reason);
}

#[test]
fn unknown_country_is_rejected() {
    let e = err(&GOOD.replace(
        "\"declared_destination\":\"sg\"",
        "\"declared_destination\":\"xx\"",
    ));
    assert_eq!(e.field, "declared_destination");
    let e = err(&GOOD.replace("\"country\":\"jp\"", "\"country\":\"JP\""));
    assert_eq!(e.field, "parties[0].country");
}

#[test]
fn missing_required_field_is_named() {
    let e = err(&GOOD.replace("\"declared_destination\":\"sg\",", ""));
    assert_eq!(e.field, "declared_destination");
    assert_eq!(e.shipment_id.as_deref(), Some("S-1"));
    let e = err(&GOOD.replace("\"name\":\"A\",", ""));
    assert!(e.field.starts_with("parties[0]"), "{}", e.field);
}

#[test]
fn impossible_dates_and_disorder_are_rejected() {
    let e = err(&GOOD.replace("2023-08-18", "2023-02-30"));
    assert_eq!(e.field, "legs[0].arrive");
    let e = err(&GOOD.replace("\"arrive\":\"2023-08-18\"", "\"arrive\":\"2023-08-01\""));
    assert_eq!(e.field, "legs[0].arrive");
    assert!(e.reason.contains("before"));
    let e = err(&GOOD.replace("\"to\":\"2023-08-15\"", "\"to\":\"2023-08-10\""));
    assert_eq!(e.field, "legs[0].tracking_gaps[0].to");
}

#[test]
fn bad_imo_and_role_are_rejected() {
    let e = err(&GOOD.replace("IMO9114555", "IMO123"));
    assert_eq!(e.field, "legs[0].vessel.imo");
    let e = err(&GOOD.replace("\"role\":\"exporter\"", "\"role\":\"buyer\""));
    assert_eq!(e.field, "parties[0].role");
}

#[test]
fn a_batch_continues_past_errors() {
    let lines = [GOOD, "not json", &GOOD.replace("S-1", "S-2")];
    let results: Vec<_> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| parse_jsonl_line(l, i + 1))
        .collect();
    assert!(results[0].is_ok() && results[2].is_ok());
    assert_eq!(results[1].as_ref().err().and_then(|e| e.line), Some(2));
    let json = serde_json::to_value(results[1].as_ref().expect_err("error")).expect("serialise");
    assert_eq!(json["line"], 2);
    assert!(json["field"].is_string() && json["reason"].is_string());
}
