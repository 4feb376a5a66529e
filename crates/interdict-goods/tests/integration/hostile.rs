//! Hostile batch input (the table in docs/RELIABILITY.md): what users' tools
//! produce is accepted; anything else is an error of its line while the
//! other lines are still assessed and counted.

use super::helpers::screener;
use interdict_goods::GoodsError;
use interdict_model::lines::MAX_LINE_BYTES;
use std::io::{BufReader, Read};

const VODKA: &str = r#"{"description": "vodka", "destination": "kp"}"#;

/// Line numbers of the results, and of the errors with their message.
fn outcome(
    results: &[(usize, Result<interdict_goods::GoodsReport, GoodsError>)],
) -> (Vec<usize>, Vec<(usize, String)>) {
    let ok = results
        .iter()
        .filter(|(_, r)| r.is_ok())
        .map(|(n, _)| *n)
        .collect();
    let errors = results
        .iter()
        .filter_map(|(n, r)| r.as_ref().err().map(|e| (*n, e.to_string())))
        .collect();
    (ok, errors)
}

#[test]
fn jsonl_bom_crlf_cr_and_dos_eof_are_accepted() {
    let text = format!("\u{FEFF}{VODKA}\r\n{VODKA}\r{VODKA}\n\x1a");
    let (ok, errors) = outcome(&screener().assess_jsonl(text.as_bytes()));
    assert_eq!((ok, errors), (vec![1, 2, 3], vec![]));
}

#[test]
fn csv_bom_crlf_cr_and_dos_eof_are_accepted() {
    let text = "\u{FEFF}description,destination\r\nvodka,kp\rcognac,kp\r\n\x1a";
    let results = screener().assess_csv(text.as_bytes()).expect("a goods CSV");
    let (ok, errors) = outcome(&results);
    assert_eq!((ok.len(), errors), (2, vec![]));
}

#[test]
fn utf16_invalid_utf8_and_a_cut_line_spoil_only_their_line() {
    let mut bytes = format!("{VODKA}\n").into_bytes();
    bytes.extend_from_slice(b"{\"description\": \"vod\xffka\", \"destination\": \"kp\"}\n");
    bytes.extend_from_slice(&[0xFF, 0xFE, b'{', 0, b'}', 0, b'\n']);
    bytes.extend_from_slice(format!("{VODKA}\n{}", &VODKA[..20]).as_bytes());
    let (ok, errors) = outcome(&screener().assess_jsonl(bytes.as_slice()));
    assert_eq!(ok, vec![1, 4]);
    assert_eq!(
        errors,
        vec![
            (
                2,
                "jsonl line 2: invalid UTF-8 at column 21 (the file must be UTF-8 text)".into()
            ),
            (
                3,
                "jsonl line 3: invalid UTF-8 at column 1 (the file must be UTF-8 text)".into()
            ),
            (
                5,
                "jsonl line 5: EOF while parsing a string at line 1 column 20".into()
            ),
        ]
    );
}

#[test]
fn a_100_mb_line_is_refused_by_name_and_the_batch_goes_on() {
    let reader = std::io::repeat(b' ')
        .take(100_000_000)
        .chain(std::io::Cursor::new(format!("\n{VODKA}\n")));
    let (ok, errors) = outcome(&screener().assess_jsonl(BufReader::new(reader)));
    assert_eq!(ok, vec![2]);
    assert_eq!(
        errors,
        vec![(
            1,
            format!("jsonl line 1: the line is longer than {MAX_LINE_BYTES} bytes (the limit of one record); skipped")
        )]
    );
}

#[test]
fn wrong_delimiter_nul_bytes_and_deep_nesting_are_refused() {
    let e = screener()
        .assess_csv("description;destination\nvodka;kp\n".as_bytes())
        .expect_err("no description column");
    assert_eq!(
        e.to_string(),
        "csv line 1: the header row has no 'description' column"
    );
    let nul = "{\"description\": \"vod\0ka\", \"destination\": \"kp\"}";
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let input = format!("{nul}\n{deep}\n{VODKA}\n");
    let (ok, errors) = outcome(&screener().assess_jsonl(input.as_bytes()));
    assert_eq!(ok, vec![3]);
    assert_eq!(errors.len(), 2);
    assert!(errors[0].1.contains("control character"), "{}", errors[0].1);
    assert!(
        errors[1]
            .1
            .starts_with("jsonl line 2: invalid type: sequence"),
        "{}",
        errors[1].1
    );
}

#[test]
fn numbers_too_big_and_impossible_dates_name_the_field() {
    let s = screener();
    let big = r#"{"description": "vodka", "destination": "kp", "value": 1e400, "currency": "USD"}"#;
    let e = s.assess_jsonl_line(big).expect_err("out of range");
    assert!(e.to_string().contains("number out of range"), "{e}");
    let csv = "description,destination,value,currency,date\nvodka,kp,1e400,USD,\nvodka,kp,,,0000-00-00\nvodka,kp,,,2024-02-30\n";
    let results = s.assess_csv(csv.as_bytes()).expect("a goods CSV");
    let fields: Vec<Option<&str>> = results
        .iter()
        .map(|(_, r)| r.as_ref().err().and_then(GoodsError::field_name))
        .collect();
    assert_eq!(fields, vec![Some("value"), Some("date"), Some("date")]);
}

#[test]
fn a_100_mb_csv_line_stops_the_file_at_its_line() {
    let head = "description,destination\nvodka,kp\n";
    let reader = head
        .as_bytes()
        .chain(std::io::repeat(b'x').take(100_000_000));
    let results = screener().assess_csv(reader).expect("a goods CSV");
    let (ok, errors) = outcome(&results);
    assert_eq!(ok, vec![2]);
    assert_eq!(
        errors,
        vec![(
            3,
            format!("csv line 3: the line is longer than {MAX_LINE_BYTES} bytes (the limit of one record); skipped")
        )]
    );
}

/// An input that never ends: the same goods line again and again.
struct Endless {
    at: usize,
}

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let line = format!("{VODKA}\n").into_bytes();
        let mut n = 0;
        while n < buf.len() {
            buf[n] = line[self.at % line.len()];
            self.at += 1;
            n += 1;
        }
        Ok(n)
    }
}

#[test]
fn jsonl_and_csv_batches_stream_without_reading_to_the_end() {
    // Collecting an endless input would never return: these do.
    let first: Vec<usize> = interdict_goods::jsonl_lines(BufReader::new(Endless { at: 0 }))
        .take(3)
        .map(|(n, line)| {
            let report = screener().assess_jsonl_at(n, &line.expect("a line"));
            assert!(report.is_ok(), "{report:?}");
            n
        })
        .collect();
    assert_eq!(first, [1, 2, 3]);
    let csv = "description,destination\n"
        .as_bytes()
        .chain(Endless { at: 0 });
    let (headers, records) = interdict_goods::csv_records(csv).expect("a goods CSV");
    assert_eq!(headers.len(), 2);
    let lines: Vec<usize> = records.take(2).map(|(n, _)| n).collect();
    assert_eq!(lines, [2, 3]);
}
