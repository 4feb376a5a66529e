//! Bad input: each case gives an error naming the file, line and column, and
//! leaves the store's current snapshot untouched.

use crate::data;
use crate::update::{current_state, un_xml};
use interdict_lists::{update, ListError, ParseError, ParseErrorKind, Store};
use std::io::Read;
use tempfile::TempDir;

/// A store whose current snapshot of `dataset` is the bundled `file`.
fn store_with(dataset: &str, file: &str) -> (TempDir, Store) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("store"));
    update(&store, dataset, &data(file).display().to_string(), 0.10)
        .expect("the bundled file is accepted");
    (tmp, store)
}

fn un_store() -> (TempDir, Store) {
    store_with("un_sc_sanctions", "un_sc_sanctions_2026-02-27.xml.gz")
}

/// Writes `bytes` as `name`, runs an update of `dataset` from it, checks the
/// store is untouched and returns the parse error.
fn refused(tmp: &TempDir, store: &Store, dataset: &str, name: &str, bytes: &[u8]) -> ParseError {
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    let before = current_state(store, dataset);
    let e = update(store, dataset, &path.display().to_string(), 0.10).expect_err("refused");
    assert_eq!(
        current_state(store, dataset),
        before,
        "the current snapshot changed"
    );
    let versions = std::fs::read_dir(store.root().join(dataset))
        .expect("dir")
        .count();
    assert_eq!(
        versions, 2,
        "only `current` and its version directory remain"
    );
    let ListError::Parse(p) = e else {
        panic!("expected a parse error, got {e}");
    };
    assert!(p.file.ends_with(name), "{p}");
    assert!(p
        .to_string()
        .starts_with(&format!("{}:{}:{}: ", p.file, p.line, p.column)));
    *p
}

/// 1-based line and column just after `text`.
fn end_of(text: &str) -> (usize, usize) {
    let line = text.matches('\n').count() + 1;
    let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    (line, column)
}

fn ofac_sdn_lines(n: usize) -> Vec<String> {
    let mut raw = Vec::new();
    flate2::read::GzDecoder::new(
        &std::fs::read(data("us_ofac_sdn_sdn_2024-05-03.csv.gz")).expect("sdn")[..],
    )
    .read_to_end(&mut raw)
    .expect("gunzip");
    let text: String = raw.iter().map(|&b| char::from(b)).collect();
    text.split("\r\n").take(n).map(str::to_string).collect()
}

#[test]
fn truncated_xml() {
    let (tmp, store) = un_store();
    let xml = un_xml();
    let cut = &xml[..xml.len() / 2];
    let cut = &cut[..cut.rfind('>').expect("a tag") + 1];
    let p = refused(
        &tmp,
        &store,
        "un_sc_sanctions",
        "truncated.xml",
        cut.as_bytes(),
    );
    assert!(matches!(p.kind, ParseErrorKind::Truncated(_)), "{p}");
    assert_eq!((p.line, p.column), end_of(cut));
}

#[test]
fn invalid_utf8() {
    let (tmp, store) = un_store();
    let xml = un_xml();
    let at = xml.find("YUN").expect("KPi.001") + 1;
    let mut bytes = xml.as_bytes().to_vec();
    bytes[at] = 0xFF;
    let p = refused(&tmp, &store, "un_sc_sanctions", "bad_utf8.xml", &bytes);
    assert_eq!(p.kind, ParseErrorKind::InvalidUtf8);
    assert_eq!((p.line, p.column), end_of(&xml[..at]));
}

#[test]
fn csv_row_with_the_wrong_number_of_columns() {
    let (tmp, store) = store_with("us_ofac_sdn", "us_ofac_sdn_sdn_2024-05-03.csv.gz");
    let mut lines = ofac_sdn_lines(10);
    // Line 11: a record that lost its last field (Remarks).
    let short = lines[2].rsplit_once(',').expect("fields").0.to_string();
    lines.push(short.clone());
    let text = lines.join("\r\n") + "\r\n";
    let p = refused(&tmp, &store, "us_ofac_sdn", "sdn.csv", text.as_bytes());
    assert_eq!(
        p.kind,
        ParseErrorKind::FieldCount {
            expected: 12,
            found: 11
        }
    );
    assert_eq!(p.field.as_deref(), Some("Remarks"));
    assert_eq!((p.line, p.column), (11, short.chars().count() + 1));
}

#[test]
fn empty_file() {
    let (tmp, store) = un_store();
    let p = refused(&tmp, &store, "un_sc_sanctions", "empty.xml", b"");
    assert_eq!(p.kind, ParseErrorKind::Empty);
    assert_eq!((p.line, p.column), (1, 1));
}

#[test]
fn file_of_the_wrong_format_for_the_dataset() {
    let (tmp, store) = un_store();
    let csv = ofac_sdn_lines(5).join("\r\n");
    let p = refused(
        &tmp,
        &store,
        "un_sc_sanctions",
        "sdn_not_un.xml",
        csv.as_bytes(),
    );
    assert!(matches!(p.kind, ParseErrorKind::WrongFormat { .. }), "{p}");
    assert_eq!((p.line, p.column), (1, 1));
    // Well-formed XML of another list is still the wrong format.
    let enhanced = br#"<?xml version="1.0"?>
<sanctionsData xmlns="https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML"/>"#;
    let p = refused(&tmp, &store, "un_sc_sanctions", "enhanced.xml", enhanced);
    assert!(
        p.to_string().contains("root element <sanctionsData>"),
        "{p}"
    );
    assert_eq!((p.line, p.column), (2, 1));
    // And XML handed to a CSV dataset.
    let (tmp, store) = store_with("us_ofac_sdn", "us_ofac_sdn_sdn_2024-05-03.csv.gz");
    let p = refused(
        &tmp,
        &store,
        "us_ofac_sdn",
        "un_not_sdn.csv",
        un_xml().as_bytes(),
    );
    assert!(matches!(p.kind, ParseErrorKind::WrongFormat { .. }), "{p}");
}

#[test]
fn xml_with_a_dtd_or_entity_declarations() {
    let (tmp, store) = un_store();
    let xml = un_xml();
    let decl_end = xml.find("?>").expect("declaration") + 2;
    let laughs = "\n<!DOCTYPE CONSOLIDATED_LIST [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>";
    let bomb =
        format!("{}{laughs}{}", &xml[..decl_end], &xml[decl_end..]).replacen("YUN", "&lol2;", 1);
    let p = refused(&tmp, &store, "un_sc_sanctions", "dtd.xml", bomb.as_bytes());
    assert_eq!(p.kind, ParseErrorKind::DtdRefused);
    assert_eq!((p.line, p.column), (2, 1));
    // An entity reference without any declaration is not expanded either.
    let undeclared = xml.replacen("YUN", "&lol;", 1);
    let p = refused(
        &tmp,
        &store,
        "un_sc_sanctions",
        "entity.xml",
        undeclared.as_bytes(),
    );
    assert!(matches!(p.kind, ParseErrorKind::Xml(_)), "{p}");
}
