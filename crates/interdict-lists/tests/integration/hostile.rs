//! Hostile list files (the table in docs/RELIABILITY.md): what users' tools
//! do to a file (a UTF-8 byte-order mark, CRLF or LF line ends, a final DOS
//! end-of-file byte) is accepted with the same records; anything else is
//! refused with an error naming file, line and column.

use crate::{data, fixture};
use interdict_lists::{parse_bytes, parse_snapshot, ListError, ParseErrorKind};
use std::io::Read;
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// One single-file format: its dataset and a real file of it.
fn formats() -> Vec<(&'static str, PathBuf)> {
    vec![
        ("un_sc_sanctions", data("un_sc_sanctions_2026-02-27.xml.gz")),
        ("us_ofac_cons", data("us_ofac_cons_2025-01-10.xml.gz")),
        ("us_ofac_sdn", data("us_ofac_sdn_sdn_2024-05-03.csv.gz")),
        ("us_trade_csl", data("us_trade_csl_2022-05.csv.gz")),
        ("eu_fsf", fixture("eu_fsf_sample.xml")),
    ]
}

fn plain(path: &Path) -> Vec<u8> {
    let raw = std::fs::read(path).expect("read");
    if !raw.starts_with(&[0x1f, 0x8b]) {
        return raw;
    }
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(&raw[..])
        .read_to_end(&mut out)
        .expect("gunzip");
    out
}

fn parse(tmp: &TempDir, dataset: &str, name: &str, bytes: &[u8]) -> Result<usize, ListError> {
    let path = tmp.path().join(name);
    std::fs::write(&path, bytes).expect("write");
    parse_snapshot(dataset, &path).map(|s| s.stats.total)
}

/// The file with every line end rewritten as `end`.
fn with_line_ends(bytes: &[u8], end: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 20);
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                out.extend_from_slice(end);
                i += 2;
                continue;
            }
            b'\n' => out.extend_from_slice(end),
            b => out.push(b),
        }
        i += 1;
    }
    out
}

#[test]
fn bom_line_ends_and_dos_eof_keep_every_record() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (dataset, path) in formats() {
        let original = plain(&path);
        let total = parse(&tmp, dataset, "original", &original).expect("the real file parses");
        let variants: [(&str, Vec<u8>); 5] = [
            ("bom", [b"\xEF\xBB\xBF".as_slice(), &original].concat()),
            ("crlf", with_line_ends(&original, b"\r\n")),
            ("lf", with_line_ends(&original, b"\n")),
            ("dos_eof", [original.as_slice(), b"\x1a"].concat()),
            (
                "all",
                [
                    b"\xEF\xBB\xBF".as_slice(),
                    &with_line_ends(&original, b"\r\n"),
                    b"\x1a",
                ]
                .concat(),
            ),
        ];
        for (name, bytes) in variants {
            let got = parse(&tmp, dataset, name, &bytes)
                .unwrap_or_else(|e| panic!("{dataset} {name}: {e}"));
            assert_eq!(got, total, "{dataset} {name}");
        }
    }
}

#[test]
fn utf16_is_refused_with_a_reason() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (dataset, path) in formats() {
        let text = String::from_utf8_lossy(&plain(&path)[..4000]).into_owned();
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let e = parse(&tmp, dataset, "utf16", &bytes).expect_err("refused");
        let p = e.as_parse().unwrap_or_else(|| panic!("{dataset}: {e}"));
        assert_eq!(p.kind, ParseErrorKind::Utf16, "{dataset}");
        assert_eq!((p.line, p.column), (1, 1), "{dataset}");
        assert!(
            e.to_string()
                .ends_with(":1:1: UTF-16 text: save the file as UTF-8"),
            "{e}"
        );
    }
}

#[test]
fn nul_bytes_are_refused_where_they_are() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (dataset, path) in formats() {
        let mut bytes = plain(&path);
        let at = bytes.len() / 2;
        let at = at
            + bytes[at..]
                .iter()
                .position(|&b| b.is_ascii_alphabetic())
                .expect("a letter");
        bytes[at] = 0;
        let e = parse(&tmp, dataset, "nul", &bytes).expect_err("refused");
        let p = e.as_parse().unwrap_or_else(|| panic!("{dataset}: {e}"));
        let before = &bytes[..at];
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        assert_eq!(p.line, line, "{dataset}: {e}");
        assert!(e.to_string().contains("NUL"), "{dataset}: {e}");
    }
}

#[test]
fn truncated_files_are_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (dataset, path) in formats() {
        let bytes = plain(&path);
        let cut = &bytes[..bytes.len() * 2 / 3];
        let e = parse(&tmp, dataset, "cut", cut).expect_err("refused");
        assert!(e.as_parse().is_some(), "{dataset}: {e}");
    }
}

#[test]
fn files_in_memory_parse_as_files_on_disk() {
    for (dataset, path) in formats() {
        let bytes = std::fs::read(&path).expect("read");
        let name = path.display().to_string();
        let from_memory =
            parse_bytes(dataset, &[(name.as_str(), bytes.as_slice())]).expect("parses");
        let from_disk = parse_snapshot(dataset, &path).expect("parses");
        assert_eq!(from_memory.stats, from_disk.stats, "{dataset}");
    }
    let dir = data("gb_fcdo_sanctions_2026-05");
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("dir")
        .map(|e| {
            let p = e.expect("entry").path();
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect();
    files.sort_by_key(|(n, _)| !n.starts_with("subjects"));
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let uk = parse_bytes("gb_fcdo_sanctions", &refs).expect("parses");
    assert_eq!(
        uk.stats,
        parse_snapshot("gb_fcdo_sanctions", &dir)
            .expect("parses")
            .stats
    );
}

/// Found by the `ofac_csv` fuzz target: an SDN file repeating an ent_num
/// whose remark the comments file continues counted the comment row twice,
/// and the count of unjoined rows underflowed.
#[test]
fn a_repeated_ent_num_with_comments_is_counted_once() {
    let bytes = std::fs::read(fixture("fuzz/ofac_csv_repeated_ent_num_with_comments.bin"))
        .expect("fixture");
    let names = ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"];
    let mut files: Vec<(&str, &[u8])> = Vec::new();
    let mut rest = bytes.as_slice();
    for name in &names[..3] {
        let Some(i) = rest.windows(2).position(|w| w == b"\x00\xff") else {
            break;
        };
        files.push((name, &rest[..i]));
        rest = &rest[i + 2..];
    }
    files.push((names[files.len()], rest));
    if let Ok(s) = parse_bytes("us_ofac_sdn", &files) {
        let unjoined = s
            .stats
            .unjoined
            .get("sdn_comments.csv")
            .copied()
            .unwrap_or(0);
        assert!(unjoined < 1_000_000, "{unjoined}");
        assert_eq!(s.stats.total, s.entities.len());
    }
}

/// Found by the `ftm_jsonl` fuzz target: a record whose id is empty was
/// accepted, and a party without an id can be neither found nor cited.
#[test]
fn an_ftm_record_with_an_empty_id_is_refused_naming_line_and_field() {
    let bytes = std::fs::read(fixture("fuzz/ftm_jsonl_empty_id.bin")).expect("fixture");
    let err = interdict_lists::parse_ftm_bytes("extra.ftm.json", &bytes)
        .expect_err("an empty id is refused");
    let ListError::Parse(p) = &err else {
        panic!("expected a parse error, got {err}");
    };
    assert_eq!((p.line, p.field.as_deref()), (1, Some("id")), "{err}");
    assert!(err.to_string().contains("empty id"), "{err}");
}
