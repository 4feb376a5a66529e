//! Hostile input to the shipment readers (the table in docs/RELIABILITY.md):
//! what users' tools produce is accepted, everything else is an error record
//! naming the line (and field) while the other shipments are still read.

use interdict_model::limits::{MAX_NAME_CHARS, MAX_NAME_PARTS};
use interdict_model::lines::MAX_LINE_BYTES;
use interdict_screen::{read_csv, read_jsonl, Shipment, ShipmentError};
use std::io::{BufReader, Read};

const GOOD: &str = r#"{"id":"S-1","date":"2023-07-20","declared_destination":"sg","purpose":"sale","parties":[{"role":"exporter","schema":"Company","name":"A","country":"jp"}],"goods":[{"description":"Lexus LX 570","hs_code":"870324","quantity":1,"unit":"unit","value":90000,"currency":"USD"}]}"#;

const CSV_HEAD: &str =
    "id,date,declared_destination,exporter_name,exporter_country,description,hs_code";

fn with_id(id: &str) -> String {
    GOOD.replace("S-1", id)
}

type Read_ = Vec<Result<Shipment, ShipmentError>>;

fn jsonl(bytes: &[u8]) -> Read_ {
    read_jsonl(bytes).collect()
}

fn csv(bytes: &[u8]) -> Read_ {
    read_csv(bytes).collect()
}

fn ids(items: &Read_) -> Vec<Result<String, (Option<usize>, String)>> {
    items
        .iter()
        .map(|r| match r {
            Ok(s) => Ok(s.id.clone()),
            Err(e) => Err((e.line, e.field.clone())),
        })
        .collect()
}

fn ok_ids(list: &[&str]) -> Vec<Result<String, (Option<usize>, String)>> {
    list.iter().map(|s| Ok((*s).to_string())).collect()
}

fn the_error(items: &Read_, at: usize) -> &ShipmentError {
    items[at]
        .as_ref()
        .err()
        .unwrap_or_else(|| panic!("item {at} is an error"))
}

#[test]
fn jsonl_bom_crlf_cr_and_dos_eof_are_accepted() {
    let text = format!(
        "\u{FEFF}{}\r\n{}\r{}\n{}\r\n\x1a",
        with_id("S-1"),
        with_id("S-2"),
        with_id("S-3"),
        with_id("S-4")
    );
    assert_eq!(
        ids(&jsonl(text.as_bytes())),
        ok_ids(&["S-1", "S-2", "S-3", "S-4"])
    );
}

#[test]
fn csv_bom_crlf_cr_and_dos_eof_are_accepted() {
    let rows = [
        "C-1,2024-03-01,kr,X,jp,bolts,731815",
        "C-2,2024-03-01,kr,X,jp,nuts,731816",
    ];
    let text = format!("\u{FEFF}{CSV_HEAD}\r\n{}\r{}\r\n\x1a", rows[0], rows[1]);
    assert_eq!(ids(&csv(text.as_bytes())), ok_ids(&["C-1", "C-2"]));
}

#[test]
fn utf16_is_refused_line_by_line() {
    let mut bytes = vec![0xFF, 0xFE];
    for unit in format!("{GOOD}\n").encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let items = jsonl(&bytes);
    assert!(!items.is_empty() && items.iter().all(Result::is_err));
    let e = the_error(&items, 0);
    assert_eq!((e.line, e.field.as_str()), (Some(1), "(line)"));
    assert_eq!(
        e.reason,
        "invalid UTF-8 at column 1 (the file must be UTF-8 text)"
    );
}

#[test]
fn invalid_utf8_and_nul_bytes_spoil_only_their_line() {
    let mut bytes = format!("{}\n", with_id("S-1")).into_bytes();
    bytes.extend_from_slice(
        &with_id("S-\u{e9}")
            .into_bytes()
            .iter()
            .map(|&b| if b == 0xA9 { 0xFF } else { b })
            .collect::<Vec<_>>(),
    );
    bytes.extend_from_slice(
        format!("\n{}\n", with_id("S-3").replace("\"A\"", "\"A\0B\"")).as_bytes(),
    );
    bytes.extend_from_slice(format!("{}\n", with_id("S-4")).as_bytes());
    let items = jsonl(&bytes);
    assert_eq!(items.len(), 4);
    assert_eq!(
        the_error(&items, 1).reason,
        "invalid UTF-8 at column 10 (the file must be UTF-8 text)"
    );
    // A raw NUL inside a JSON string is a control character JSON forbids.
    let nul = the_error(&items, 2);
    assert_eq!(nul.line, Some(3));
    assert_eq!(nul.field, "parties[0].name");
    assert!(
        nul.reason
            .starts_with("control character (\\u0000-\\u001F) found while parsing a string"),
        "{}",
        nul.reason
    );
    assert_eq!(items[3].as_ref().map(|s| s.id.as_str()).ok(), Some("S-4"));
}

#[test]
fn a_truncated_file_loses_only_its_cut_line() {
    let text = format!("{}\n{}", with_id("S-1"), &with_id("S-2")[..100]);
    let items = jsonl(text.as_bytes());
    assert_eq!(items[0].as_ref().map(|s| s.id.as_str()).ok(), Some("S-1"));
    let e = the_error(&items, 1);
    assert_eq!(e.line, Some(2));
    assert_eq!(e.reason, "EOF while parsing a string");
}

#[test]
fn deeply_nested_json_is_refused_or_ignored_without_recursion() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    // Under a field the reader does not know, it is skipped.
    let extra = GOOD.replace(
        "\"purpose\":\"sale\"",
        &format!("\"purpose\":\"sale\",\"extra\":{deep}"),
    );
    // As a value the reader wants, it is refused at its first level.
    let as_goods = GOOD.replace("\"goods\":[", &format!("\"goods\":[{deep},"));
    let items = jsonl(format!("{deep}\n{extra}\n{as_goods}\n").as_bytes());
    let e = the_error(&items, 0);
    assert_eq!(
        (e.line, e.field.as_str(), e.reason.as_str()),
        (Some(1), "[0]", "invalid type: sequence, expected a string")
    );
    assert!(items[1].is_ok());
    let e = the_error(&items, 2);
    assert_eq!(
        (e.line, e.field.as_str(), e.reason.as_str()),
        (
            Some(3),
            "goods[0][0]",
            "invalid type: sequence, expected a string"
        )
    );
}

/// A reader of `n` bytes of `x` and a newline, then a valid line, without
/// ever holding the long line in memory.
fn long_line_then_good(n: u64) -> impl Read {
    let tail = format!("\n{}\n", with_id("S-2")).into_bytes();
    std::io::repeat(b'x')
        .take(n)
        .chain(std::io::Cursor::new(tail))
}

#[test]
fn a_100_mb_line_is_refused_by_name_and_reading_goes_on() {
    let items: Read_ = read_jsonl(BufReader::new(long_line_then_good(100_000_000))).collect();
    assert_eq!(items.len(), 2);
    let e = the_error(&items, 0);
    assert_eq!((e.line, e.field.as_str()), (Some(1), "(line)"));
    assert_eq!(
        e.reason,
        format!(
            "the line is longer than {MAX_LINE_BYTES} bytes (the limit of one record); skipped"
        )
    );
    assert_eq!(items[1].as_ref().map(|s| s.id.as_str()).ok(), Some("S-2"));
}

#[test]
fn a_100_mb_csv_line_stops_the_file_with_a_named_error() {
    let head = format!("{CSV_HEAD}\nC-1,2024-03-01,kr,X,jp,bolts,731815\n");
    let reader = head
        .as_bytes()
        .chain(std::io::repeat(b'x').take(100_000_000));
    let items: Read_ = read_csv(reader).collect();
    assert_eq!(items.len(), 2, "{:?}", ids(&items));
    assert_eq!(items[0].as_ref().map(|s| s.id.as_str()).ok(), Some("C-1"));
    let e = the_error(&items, 1);
    assert!(
        e.reason
            .contains(&format!("line 3: longer than {MAX_LINE_BYTES} bytes")),
        "{}",
        e.reason
    );
}

#[test]
fn ten_million_lines_stream_in_bounded_memory() {
    // An endless input: only a streaming reader can hand out its first
    // shipments (a reader that collects first would never return).
    let line = format!("{}\n", with_id("S-1"));
    let endless = CycleRead {
        s: line.into_bytes(),
        at: 0,
    };
    let first: Read_ = read_jsonl(BufReader::new(endless)).take(1000).collect();
    assert_eq!(first.len(), 1000);
    assert!(first.iter().all(Result::is_ok));
    // Ten million tiny (blank and comment) lines are read through to the end.
    let tiny = std::io::repeat(b'\n').take(10_000_000);
    assert_eq!(read_jsonl(BufReader::new(tiny)).count(), 0);
}

/// One line over and over, as a reader.
struct CycleRead {
    s: Vec<u8>,
    at: usize,
}

impl Read for CycleRead {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.s.len() - self.at);
        buf[..n].copy_from_slice(&self.s[self.at..self.at + n]);
        self.at = (self.at + n) % self.s.len();
        Ok(n)
    }
}

#[test]
fn wrong_delimiter_is_refused_at_the_header() {
    let text = format!(
        "{}\nC-1;2024-03-01;kr;X;jp;bolts;731815\n",
        CSV_HEAD.replace(',', ";")
    );
    let items = csv(text.as_bytes());
    assert_eq!(items.len(), 1);
    let e = the_error(&items, 0);
    assert_eq!((e.line, e.field.as_str()), (Some(1), "(header)"));
    assert_eq!(
        e.reason,
        "the header row has no column id, date, declared_destination, description \
         (it reads as 1 column: is the delimiter a comma?)"
    );
}

#[test]
fn duplicate_ids_are_each_read() {
    // Two JSONL lines with one id are two shipments, each answered: dropping
    // one would skip a shipment silently.
    let text = format!("{GOOD}\n{GOOD}\n");
    assert_eq!(ids(&jsonl(text.as_bytes())), ok_ids(&["S-1", "S-1"]));
}

#[test]
fn numbers_too_big_are_refused_by_field() {
    let items = jsonl(
        GOOD.replace("\"value\":90000", "\"value\":1e400")
            .as_bytes(),
    );
    let e = the_error(&items, 0);
    assert_eq!(e.field, "goods[0].value");
    assert_eq!(e.reason, "number out of range");
    let items = jsonl(GOOD.replace("\"quantity\":1", "\"quantity\":-1").as_bytes());
    assert_eq!(the_error(&items, 0).field, "goods[0].quantity");
}

#[test]
fn impossible_dates_are_refused_by_field() {
    for date in ["0000-00-00", "2024-02-30"] {
        let items = jsonl(GOOD.replace("2023-07-20", date).as_bytes());
        let e = the_error(&items, 0);
        assert_eq!((e.line, e.field.as_str()), (Some(1), "date"), "{date}");
        let row = format!("{CSV_HEAD}\nC-1,{date},kr,X,jp,bolts,731815\n");
        let items = csv(row.as_bytes());
        assert_eq!(the_error(&items, 0).field, "date", "{date}");
    }
}

#[test]
fn empty_required_fields_are_named() {
    for (from, field) in [
        ("\"id\":\"S-1\"", "id"),
        ("\"name\":\"A\"", "parties[0].name"),
        ("\"description\":\"Lexus LX 570\"", "goods[0].description"),
    ] {
        let empty = from.replace(from.split(':').nth(1).unwrap_or_default(), "\"  \"");
        let items = jsonl(GOOD.replace(from, &empty).as_bytes());
        assert_eq!(the_error(&items, 0).field, field);
    }
    let items = csv(format!("{CSV_HEAD}\nC-1,2024-03-01,,X,jp,bolts,731815\n").as_bytes());
    assert_eq!(the_error(&items, 0).field, "declared_destination");
}

#[test]
fn right_to_left_overrides_in_names_are_kept_for_screening() {
    // Accepted: the name is screened; the matcher's normaliser drops format
    // characters (tested with the matcher).
    let name = "\u{202E}NU GNOJ MIK\u{202C}";
    let items = jsonl(
        GOOD.replace("\"name\":\"A\"", &format!("\"name\":\"{name}\""))
            .as_bytes(),
    );
    let s = items[0].as_ref().expect("accepted");
    assert_eq!(s.parties[0].name, name);
}

#[test]
fn party_names_over_the_matcher_limits_are_refused_not_cleared() {
    let long = "A".repeat(MAX_NAME_CHARS + 1);
    let many = vec!["A"; MAX_NAME_PARTS + 1].join(" ");
    for (name, reason) in [
        (
            &long,
            format!(
                "the name has {} characters; at most {MAX_NAME_CHARS} are searched",
                MAX_NAME_CHARS + 1
            ),
        ),
        (
            &many,
            format!(
                "the name has {} parts; at most {MAX_NAME_PARTS} are searched",
                MAX_NAME_PARTS + 1
            ),
        ),
    ] {
        let items = jsonl(
            GOOD.replace("\"name\":\"A\"", &format!("\"name\":\"{name}\""))
                .as_bytes(),
        );
        let e = the_error(&items, 0);
        assert_eq!(
            (e.field.as_str(), e.reason.as_str()),
            ("parties[0].name", reason.as_str())
        );
    }
}
