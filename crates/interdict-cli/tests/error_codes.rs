//! Error codes end to end: an error that ends a command prints
//! `error[<code>]: <message>` and exits with the code's status from the one
//! table (`interdict_model::error_code`); batch error records carry the code
//! beside the message.

use interdict_model::ErrorCode;
use std::io::Write;
mod common;
use common::{interdict, json, json_lines, stderr, store};

/// The code on the `error[...]` line of standard error.
fn printed_code(err: &str) -> Option<ErrorCode> {
    let start = err.find("error[")? + "error[".len();
    let end = start + err[start..].find(']')?;
    ErrorCode::parse(&err[start..end])
}

fn exit_of(code: ErrorCode) -> Option<i32> {
    Some(i32::from(code.exit_status()))
}

#[test]
fn a_malformed_list_file_names_its_code_file_and_line() {
    let s = store();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("extra.ftm.json");
    std::fs::write(
        &path,
        "{\"id\":\"x-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{not json\n",
    )
    .expect("write");
    let file = path.to_str().expect("utf-8 path");
    let out = interdict(&["--dataset-file", file, "lists"], &s);
    let err = stderr(&out);
    assert_eq!(
        printed_code(&err),
        Some(ErrorCode::ListMalformedRow),
        "{err}"
    );
    assert_eq!(out.status.code(), exit_of(ErrorCode::ListMalformedRow));
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("extra.ftm.json:2:"), "{err}");
}

#[test]
fn an_unknown_dataset_has_its_code() {
    let s = store();
    let out = interdict(&["lists", "update", "no_such_list", "--from", "x.xml"], &s);
    let err = stderr(&out);
    assert!(err.starts_with("error[list_unknown_dataset]: "), "{err}");
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_bad_goods_argument_prints_its_code() {
    let s = store();
    let out = interdict(&["goods", "cars", "--hs", "8799"], &s);
    let err = stderr(&out);
    assert_eq!(printed_code(&err), Some(ErrorCode::GoodsBadHsCode), "{err}");
    assert_eq!(out.status.code(), exit_of(ErrorCode::GoodsBadHsCode));
    assert!(err.contains("hs"), "{err}");
}

#[test]
fn a_bad_goods_line_is_an_error_record_with_its_code() {
    let s = store();
    let mut input = tempfile::Builder::new()
        .suffix(".jsonl")
        .tempfile()
        .expect("temp file");
    writeln!(input, r#"{{"description":"vodka","destination":"kp"}}"#).expect("write");
    writeln!(input, r#"{{"description":"vodka","destination":"zz"}}"#).expect("write");
    let path = input.path().to_str().expect("utf-8 path");
    let out = interdict(&["goods", "--input", path], &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines[1]["error"]["code"], "goods_bad_field", "{}", lines[1]);
    assert!(lines[1]["error"]["message"]
        .as_str()
        .unwrap_or_default()
        .contains("destination"));
    let err = stderr(&out);
    assert!(err.contains("error[goods_bad_field]: "), "{err}");
    assert!(err.contains(":2:"), "{err}");
}

#[test]
fn match_and_screen_error_records_carry_their_codes() {
    let s = store();
    let dir = tempfile::tempdir().expect("temp dir");
    let queries = dir.path().join("q.jsonl");
    std::fs::write(
        &queries,
        "{not json\n{\"id\":\"q2\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Kim\"],\"birthDate\":[\"1984-02-30\"]}}\n",
    )
    .expect("write");
    let out = interdict(&["match", "--input", queries.to_str().expect("utf-8")], &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["error"]["code"], "query_malformed");
    assert_eq!(lines[1]["error"]["code"], "query_bad_date");

    let shipments = dir.path().join("s.jsonl");
    std::fs::write(&shipments, "garbage\n").expect("write");
    let args = [
        "screen",
        shipments.to_str().expect("utf-8"),
        "--format",
        "jsonl",
    ];
    let out = interdict(&args, &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines[0]["error"]["code"], "shipment_malformed");
    assert_eq!(lines[0]["error"]["line"], 1);
    assert!(stderr(&out).contains("error[shipment_malformed]: "));
}

#[test]
fn a_malformed_vin_prints_its_code_and_exits_2() {
    let s = store();
    let out = interdict(&["asset", "1HGCM82633A0O4352", "--format", "json"], &s);
    let err = stderr(&out);
    assert_eq!(printed_code(&err), Some(ErrorCode::VinMalformed), "{err}");
    assert_eq!(out.status.code(), exit_of(ErrorCode::VinMalformed));
    assert_eq!(out.status.code(), Some(2));
    let v = json(&out);
    assert_eq!(v["code"], "vin_malformed");
    assert!(v["problem"]
        .as_str()
        .unwrap_or_default()
        .contains("letter O"));

    let out = interdict(&["asset", "IMO 9074728"], &s);
    let err = stderr(&out);
    assert!(err.starts_with("error[imo_malformed]: "), "{err}");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_message_of_the_binary_own_is_command_failed() {
    let s = store();
    let out = interdict(&["goods"], &s);
    let err = stderr(&out);
    assert!(err.starts_with("error[command_failed]: "), "{err}");
    assert_eq!(out.status.code(), Some(1));
}
