//! Bad input gets an error naming the field, never a silent verdict.
use super::helpers::*;
use interdict_goods::GoodsLine;

fn field_of(l: &GoodsLine) -> &'static str {
    screener()
        .assess(l)
        .expect_err("bad input must fail")
        .field_name()
        .expect("error names a field")
}

#[test]
fn malformed_and_unknown_hs_codes() {
    for bad in ["87a3", "8", "12345678901", "7701", "870399", ""] {
        let mut l = line("limousine", "kp");
        l.hs_code = Some(bad.into());
        if bad.is_empty() {
            assert!(screener().assess(&l).is_ok(), "empty hs means not declared");
            continue;
        }
        assert_eq!(field_of(&l), "hs", "{bad}");
    }
}

#[test]
fn unknown_countries() {
    assert_eq!(field_of(&line("vodka", "xx")), "destination");
    assert_eq!(field_of(&line("vodka", "North Korea")), "destination");
    let mut l = line("vodka", "cn");
    l.origin = Some("zz".into());
    assert_eq!(field_of(&l), "origin");
}

#[test]
fn negative_value_and_unknown_currency() {
    let mut l = line("vodka", "kp");
    l.value = Some(-5.0);
    l.currency = Some("USD".into());
    assert_eq!(field_of(&l), "value");
    l.value = Some(5.0);
    l.currency = Some("XYZ".into());
    assert_eq!(field_of(&l), "currency");
    l.currency = None;
    assert_eq!(field_of(&l), "currency");
    l.currency = Some("EUR".into());
    l.quantity = Some(0.0);
    assert_eq!(field_of(&l), "quantity");
}

#[test]
fn bad_dates() {
    let mut l = line("vodka", "kp");
    l.date = Some("2024-13-01".into());
    assert_eq!(field_of(&l), "date");
}

#[test]
fn batch_errors_name_the_field() {
    let s = screener();
    let e = s
        .assess_jsonl_line(
            r#"{"description": "vodka", "destination": "kp", "value": -1, "currency": "USD"}"#,
        )
        .unwrap_err();
    assert_eq!(e.field_name(), Some("value"));
    assert!(s.assess_jsonl_line("{not json").is_err());
    let csv = "description,destination,value,currency\nvodka,kp,abc,USD\nvodka,kp,10,USD\n";
    let out = s.assess_csv(csv.as_bytes()).unwrap();
    assert_eq!(out[0].0, 2);
    assert_eq!(out[0].1.as_ref().unwrap_err().field_name(), Some("value"));
    assert!(out[1].1.is_ok());
}

#[test]
fn jsonl_batches_number_their_lines() {
    let input = "{\"description\": \"vodka\", \"destination\": \"kp\"}\n\n{\"description\": \"vodka\", \"destination\": \"qq\"}\n";
    let out = screener().assess_jsonl(input.as_bytes());
    assert_eq!(out.len(), 2);
    assert!(out[0].1.is_ok());
    assert_eq!(out[1].0, 3);
    let e = out[1].1.as_ref().unwrap_err();
    assert_eq!(e.field_name(), Some("destination"));
    assert!(e.to_string().contains("line 3"), "{e}");
}
