//! The hash chain of the audit log: a canonical serialisation of each
//! entry, the SHA-256 that links it to the one before, and the walk that
//! names the first entry edited, deleted or reordered.
//!
//! Each stored row holds its sequence number, its body (canonical JSON,
//! which repeats the sequence number), the hash of the previous row and its
//! own hash = SHA-256(previous hash ‖ "\n" ‖ body). The sequence number
//! inside the hashed body is what makes a reordering visible even when the
//! rows' keys are renumbered. Deleting the newest entries cannot be seen
//! from the chain alone; `audit verify` prints the head hash and count so
//! they can be kept elsewhere.

use serde_json::Value;
use sha2::{Digest, Sha256};
use std::fmt;

/// The `prev_hash` of the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One row as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The entry's number, from 1, without gaps.
    pub seq: i64,
    /// Canonical JSON of the entry.
    pub body: String,
    /// The hash of the row before ([`GENESIS`] for the first).
    pub prev_hash: String,
    /// SHA-256 (hex) of `prev_hash`, a line feed and `body`.
    pub hash: String,
}

/// Where and how the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// The entry named: the first one whose content or place is wrong.
    pub seq: i64,
    /// What is wrong with it.
    pub kind: BreakKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
/// How a stored entry fails verification.
pub enum BreakKind {
    /// Its content no longer hashes to its stored hash.
    Edited,
    /// It is missing: the next stored entry has a higher number.
    Deleted,
    /// It holds another entry's content (the body's number differs).
    Reordered,
    /// Its link names a hash other than that of the entry before it: that
    /// entry was edited and re-hashed, or this one was moved.
    Unlinked,
    /// Its body is not the canonical JSON it was written as.
    Unreadable(String),
}

impl fmt::Display for Break {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let what = match &self.kind {
            BreakKind::Edited => "edited (its content does not match its hash)".to_string(),
            BreakKind::Deleted => "deleted (missing from the chain)".to_string(),
            BreakKind::Reordered => {
                "reordered (it does not follow the entry before it)".to_string()
            }
            BreakKind::Unlinked => "unlinked (its link does not match the entry before it: that entry was edited and re-hashed, or this one was moved)".to_string(),
            BreakKind::Unreadable(m) => format!("unreadable ({m})"),
        };
        write!(f, "entry {}: {what}", self.seq)
    }
}

/// JSON with object keys sorted at every level and no insignificant
/// whitespace: the same value always serialises to the same bytes,
/// whatever map order the JSON library keeps.
pub fn canonical(value: &Value) -> String {
    let mut out = String::new();
    write_canonical(value, &mut out);
    out
}

fn write_canonical(value: &Value, out: &mut String) {
    match value {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push(':');
                if let Some(v) = map.get(*k) {
                    write_canonical(v, out);
                }
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, v) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_canonical(v, out);
            }
            out.push(']');
        }
        scalar => out.push_str(&scalar.to_string()),
    }
}

/// SHA-256 (hex) of `prev_hash` ‖ "\n" ‖ `body`.
pub fn link_hash(prev_hash: &str, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(prev_hash.as_bytes());
    h.update(b"\n");
    h.update(body.as_bytes());
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// The row that follows `tail` (`None`: the first) with `body` (an object
/// without `seq`; the number is added here so that it is hashed).
pub fn next_row(tail: Option<&Row>, mut body: Value) -> Row {
    let seq = tail.map_or(1, |t| t.seq + 1);
    let prev_hash = tail.map_or_else(|| GENESIS.to_string(), |t| t.hash.clone());
    if let Value::Object(map) = &mut body {
        map.insert("seq".into(), Value::from(seq));
    }
    let body = canonical(&body);
    let hash = link_hash(&prev_hash, &body);
    Row {
        seq,
        body,
        prev_hash,
        hash,
    }
}

/// Checks rows (in stored order, by `seq`) that follow `after` (`None`: the
/// chain's start). Returns the last row checked, or the first break.
pub fn verify<'a>(
    after: Option<&Row>,
    rows: impl IntoIterator<Item = &'a Row>,
) -> Result<Option<Row>, Break> {
    let mut prev: Option<Row> = after.cloned();
    for row in rows {
        check_row(prev.as_ref(), row)?;
        prev = Some(row.clone());
    }
    Ok(prev)
}

/// One row against the row before it: its content first (an edit is named
/// as an edit), then its number and link (a deletion or a move).
fn check_row(prev: Option<&Row>, row: &Row) -> Result<(), Break> {
    let expected_seq = prev.map_or(1, |p| p.seq + 1);
    let at = |seq: i64, kind: BreakKind| Break { seq, kind };
    if row.seq > expected_seq {
        return Err(at(expected_seq, BreakKind::Deleted));
    }
    if link_hash(&row.prev_hash, &row.body) != row.hash {
        return Err(at(row.seq, BreakKind::Edited));
    }
    let body: Value = serde_json::from_str(&row.body)
        .map_err(|e| at(row.seq, BreakKind::Unreadable(e.to_string())))?;
    if canonical(&body) != row.body {
        return Err(at(row.seq, BreakKind::Unreadable("not canonical".into())));
    }
    if body.get("seq").and_then(Value::as_i64) != Some(row.seq) || row.seq < expected_seq {
        return Err(at(row.seq, BreakKind::Reordered));
    }
    let expected_prev = prev.map_or(GENESIS, |p| p.hash.as_str());
    if row.prev_hash != expected_prev {
        return Err(at(row.seq, BreakKind::Unlinked));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn scores_read_back_as_written() {
        // A score whose shortest decimal form the default JSON float parser
        // reads back one unit in the last place off: the stored entry must
        // still read back canonical.
        let body = canonical(&json!({"score": 0.9551282048538905_f64}));
        let parsed: Value = serde_json::from_str(&body).expect("JSON");
        assert_eq!(canonical(&parsed), body);
    }

    fn chain(n: usize) -> Vec<Row> {
        let mut rows: Vec<Row> = Vec::new();
        for i in 0..n {
            let row = next_row(
                rows.last(),
                json!({"query": format!("q{i}"), "b": [1, {"z": 1, "a": 2}]}),
            );
            rows.push(row);
        }
        rows
    }

    #[test]
    fn canonical_sorts_keys_at_every_level() {
        let v = json!({"b": 1, "a": {"d": [true, null], "c": "x\"y"}});
        assert_eq!(canonical(&v), r#"{"a":{"c":"x\"y","d":[true,null]},"b":1}"#);
    }

    #[test]
    fn an_intact_chain_verifies() {
        let rows = chain(4);
        assert_eq!(verify(None, &rows).map(|t| t.map(|r| r.seq)), Ok(Some(4)));
        assert_eq!(rows[0].prev_hash, GENESIS);
        assert_eq!(rows[1].prev_hash, rows[0].hash);
    }

    #[test]
    fn an_edit_is_named() {
        let mut rows = chain(4);
        rows[2].body = rows[2].body.replace("q2", "q9");
        assert_eq!(
            verify(None, &rows),
            Err(Break {
                seq: 3,
                kind: BreakKind::Edited
            })
        );
    }

    #[test]
    fn a_deletion_names_the_missing_entry() {
        let mut rows = chain(4);
        rows.remove(1);
        assert_eq!(
            verify(None, &rows),
            Err(Break {
                seq: 2,
                kind: BreakKind::Deleted
            })
        );
    }

    #[test]
    fn a_renumbered_deletion_is_a_reordering() {
        let mut rows = chain(4);
        rows.remove(1);
        for (i, r) in rows.iter_mut().enumerate() {
            r.seq = i as i64 + 1;
        }
        assert_eq!(
            verify(None, &rows),
            Err(Break {
                seq: 2,
                kind: BreakKind::Reordered
            })
        );
    }

    #[test]
    fn swapped_entries_are_named() {
        let mut rows = chain(4);
        rows.swap(1, 2);
        rows[1].seq = 2;
        rows[2].seq = 3;
        assert_eq!(
            verify(None, &rows),
            Err(Break {
                seq: 2,
                kind: BreakKind::Reordered
            })
        );
    }

    #[test]
    fn a_rehashed_edit_breaks_the_next_link() {
        let mut rows = chain(3);
        rows[1].body = rows[1].body.replace("q1", "q7");
        rows[1].hash = link_hash(&rows[1].prev_hash, &rows[1].body);
        assert_eq!(
            verify(None, &rows),
            Err(Break {
                seq: 3,
                kind: BreakKind::Unlinked
            })
        );
    }

    #[test]
    fn verification_resumes_after_a_checked_tail() {
        let rows = chain(5);
        assert_eq!(
            verify(Some(&rows[2]), &rows[3..]).map(|t| t.map(|r| r.seq)),
            Ok(Some(5))
        );
    }
}
