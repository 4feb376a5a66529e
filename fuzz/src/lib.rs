//! What every fuzz target checks beyond "no panic": an accepted input's
//! counts add up and survive a round trip; a refused one's error names the
//! file (or line) and a position inside the input.

use interdict_lists::{ListError, Snapshot};

/// Separator between the files of a multi-file input: a NUL byte, which no
/// list file holds (they are refused), then 0xFF, never in UTF-8.
pub const FILE_SEPARATOR: &[u8] = b"\x00\xff";

/// `data` cut at [`FILE_SEPARATOR`] into at most `n` files.
pub fn split_files(data: &[u8], n: usize) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut rest = data;
    while out.len() + 1 < n {
        match rest
            .windows(FILE_SEPARATOR.len())
            .position(|w| w == FILE_SEPARATOR)
        {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + FILE_SEPARATOR.len()..];
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

/// Lines of `data` as the error positions count them (LF-terminated).
pub fn line_count(data: &[u8]) -> usize {
    1 + data.iter().filter(|&&b| b == b'\n').count()
}

/// How accepted records are named.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Ids {
    /// `<dataset>:<source id>`, as every list parser names them.
    Prefixed,
    /// As the file states them (FtM exports keep their publisher's ids).
    AsGiven,
}

/// Parses `data` as the files `names` of `dataset` (cut at
/// [`FILE_SEPARATOR`]; a single file takes all of it) and checks the
/// outcome: the body of every list target.
pub fn fuzz_list(dataset: &str, names: &[&str], data: &[u8]) {
    let parts = split_files(data, names.len());
    let files: Vec<(&str, &[u8])> = names.iter().copied().zip(parts).collect();
    check_list(
        &files,
        Ids::Prefixed,
        interdict_lists::parse_bytes(dataset, &files),
    );
}

/// Checks the outcome of parsing `files`.
pub fn check_list(files: &[(&str, &[u8])], ids: Ids, result: Result<Snapshot, ListError>) {
    match result {
        Ok(snapshot) => check_snapshot(&snapshot, ids),
        Err(ListError::Parse(p)) => {
            let (_, bytes) = files
                .iter()
                .find(|(name, _)| *name == p.file)
                .unwrap_or_else(|| panic!("the error names no input file: {p}"));
            assert!(p.line >= 1 && p.column >= 1, "position 0: {p}");
            // Gzip input is located in its inflated text, which is longer.
            if !bytes.starts_with(&[0x1f, 0x8b]) {
                assert!(
                    p.line <= line_count(bytes),
                    "line {} past the end ({} lines): {p}",
                    p.line,
                    line_count(bytes)
                );
            }
        }
        // A file in memory cannot fail to be read; nothing else is bad input.
        Err(e) => panic!("not a located parse error: {e}"),
    }
}

/// An accepted snapshot: its counts add up, every record is of the dataset,
/// and it survives a JSON round trip unchanged in count.
pub fn check_snapshot(s: &Snapshot, ids: Ids) {
    assert_eq!(s.stats.total, s.entities.len(), "total is the records");
    assert_eq!(
        s.stats.counts.values().sum::<usize>(),
        s.entities.len(),
        "counts by schema add up"
    );
    assert!(s.stats.dprk <= s.stats.total);
    let prefix = format!("{}:", s.info.name);
    for e in &s.entities {
        assert!(!e.id.is_empty(), "a record without an id");
        if ids == Ids::Prefixed {
            assert!(
                e.id.starts_with(&prefix),
                "{} is not of {}",
                e.id,
                s.info.name
            );
        }
    }
    let json = serde_json::to_string(s).expect("a snapshot serialises");
    let back: Snapshot = serde_json::from_str(&json).expect("and reads back");
    assert_eq!(back.stats, s.stats);
    assert_eq!(back.entities.len(), s.entities.len());
}
