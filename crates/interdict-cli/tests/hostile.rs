//! Hostile batch files end to end (the table in docs/RELIABILITY.md): what
//! the user sees, the exit code, and what was kept. Exit 0: every record
//! answered; 3: the batch finished and some records are error records in
//! the output; 1: nothing could be done (the message says why).

mod common;
use common::{interdict, json_lines, stderr};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    path.display().to_string()
}

const SHIPMENT: &str = r#"{"id":"S-1","date":"2024-03-01","declared_destination":"kr","purpose":"sale","parties":[{"role":"exporter","schema":"Company","name":"Chubu Auto Parts","country":"jp"}],"goods":[{"description":"brake pads","hs_code":"870830","quantity":200,"unit":"set","value":4000,"currency":"USD"}]}"#;

#[test]
fn screen_keeps_every_readable_shipment_of_a_damaged_windows_file() {
    let s = tempfile::tempdir().expect("temp dir");
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(SHIPMENT.as_bytes());
    bytes.extend_from_slice(b"\r\n{\"id\":\"S-\xff\"}\r\n");
    bytes.extend(std::iter::repeat_n(b'x', 9 * 1024 * 1024));
    bytes.extend_from_slice(b"\r\n");
    bytes.extend_from_slice(SHIPMENT.replace("S-1", "S-4").as_bytes());
    bytes.extend_from_slice(b"\r\n\x1a");
    let path = write(&s, "windows.jsonl", &bytes);
    let out = interdict(&["screen", &path, "--format", "jsonl"], &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 4, "one output line per record");
    assert_eq!(lines[0]["shipment_id"], "S-1");
    assert_eq!(lines[1]["error"]["line"], 2);
    assert_eq!(
        lines[1]["error"]["reason"],
        format!("{path}: invalid UTF-8 at column 10 (the file must be UTF-8 text)")
    );
    assert_eq!(lines[2]["error"]["line"], 3);
    assert_eq!(
        lines[2]["error"]["reason"],
        format!("{path}: the line is longer than 8388608 bytes (the limit of one record); skipped")
    );
    assert_eq!(lines[3]["shipment_id"], "S-4");
    assert!(
        stderr(&out).contains("2 shipments were in error"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn match_refuses_an_oversized_query_and_answers_the_rest() {
    let s = tempfile::tempdir().expect("temp dir");
    let long = "KIM ".repeat(2_500);
    let text = format!(
        "\u{FEFF}{{\"id\":\"q1\",\"schema\":\"Person\",\"properties\":{{\"name\":[\"Kim Jong Un\"]}}}}\r\n\
         {{\"id\":\"q2\",\"properties\":{{\"name\":[\"{long}\"]}}}}\r\n\x1a"
    );
    let path = write(&s, "queries.jsonl", text.as_bytes());
    let out = interdict(&["match", "--input", &path], &s);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let lines = json_lines(&out);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "q1");
    assert!(lines[0]["results"][0]["score"].as_f64().unwrap_or(0.0) >= 0.7);
    assert_eq!(lines[1]["id"], "q2");
    assert_eq!(
        lines[1]["error"]["message"],
        "query \"q2\": name 0: the name has 10000 characters; at most 1000 are searched"
    );
}

#[test]
fn goods_accepts_a_windows_csv() {
    let s = tempfile::tempdir().expect("temp dir");
    let path = write(
        &s,
        "goods.csv",
        b"\xEF\xBB\xBFdescription,destination\r\nvodka,kp\r\ncognac,kp\r\n\x1a",
    );
    let out = interdict(&["goods", "--input", &path], &s);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(json_lines(&out).len(), 2);
}

#[test]
fn a_utf16_list_update_is_refused_and_the_current_list_kept() {
    let s = tempfile::tempdir().expect("temp dir");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(
        "<?xml version=\"1.0\"?>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let path = write(&s, "un.xml", &bytes);
    let out = interdict(&["lists", "update", "un_sc_sanctions", "--from", &path], &s);
    assert_eq!(out.status.code(), Some(1));
    let message = stderr(&out);
    assert!(
        message.starts_with(
            "error[list_malformed_file]: the current un_sc_sanctions snapshot was kept: "
        ),
        "{message}"
    );
    assert!(
        message.contains(":1:1: UTF-16 text: save the file as UTF-8"),
        "{message}"
    );
}
