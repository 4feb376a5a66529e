//! The audit log: what was screened, against which list snapshots, what
//! came out, what was decided, by whom and when, one hash-chained entry
//! per answer. Opening the log verifies the whole chain; a log that fails
//! refuses every append, naming the entry.

use crate::chain::{self, Break, Row};
use crate::clock;
use crate::error::ReviewError;
use crate::storage::{Database, Storage};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One screening or review action, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The entry's number in the chain, from 1.
    pub seq: i64,
    /// RFC 3339, UTC.
    pub time: String,
    /// Who acted, as the front end names them.
    pub user: String,
    /// `match`, `goods`, `screen`, `clear`, `reopen`, ...
    pub command: String,
    /// The names screened (for `audit log --party`).
    #[serde(default)]
    pub parties: Vec<String>,
    /// The query as given.
    pub query: Value,
    /// The list snapshots the answer rests on (dataset, date).
    #[serde(default)]
    pub sources: Value,
    /// The results with their scores.
    #[serde(default)]
    pub results: Value,
    /// What was decided: `hit`, `no hit` or `cleared` for a match, the statuses
    /// by jurisdiction for goods, `clear`/`review`/`block` for a shipment, the
    /// action for a review entry.
    pub decision: String,
}

/// An entry to append; the log adds its number and time.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewEntry {
    /// Who acts.
    pub user: String,
    /// `match`, `goods`, `screen`, `clear`, `reopen`, ...
    pub command: String,
    /// The names screened (for `audit log --party`).
    pub parties: Vec<String>,
    /// The query as given.
    pub query: Value,
    /// The list snapshots the answer rests on (dataset, date).
    pub sources: Value,
    /// The results with their scores.
    pub results: Value,
    /// What was decided, as in [`Entry::decision`].
    pub decision: String,
}

/// What `audit verify` found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verification {
    /// Entries checked before the first break (all of them when intact).
    pub verified: i64,
    /// Hash of the last intact entry (keep it elsewhere: deleting the newest
    /// entries can only be seen against it).
    pub head: Option<String>,
    #[serde(serialize_with = "break_text")]
    /// Where the chain breaks, when it does: nothing may be appended past it.
    pub broken: Option<Break>,
}

fn break_text<S: serde::Serializer>(b: &Option<Break>, s: S) -> Result<S::Ok, S::Error> {
    match b {
        Some(b) => s.serialize_str(&b.to_string()),
        None => s.serialize_none(),
    }
}

/// An open audit log.
pub struct AuditLog {
    storage: Box<dyn Storage>,
    /// The last verified row.
    tail: Option<Row>,
    entries: Vec<Entry>,
    /// Whether verified entries are kept in memory (a long-running writer,
    /// the server, keeps only the tail).
    keep: bool,
    broken: Option<Break>,
}

impl AuditLog {
    /// Opens (creating when new) and verifies the whole log.
    pub fn open(db: &Database) -> Result<AuditLog, ReviewError> {
        AuditLog::with_storage(db.open()?)
    }

    /// Reads every row of `storage`, verifying the chain as it goes; the
    /// entries up to the first break are kept and the break is reported by
    /// [`AuditLog::verification`].
    pub fn with_storage(mut storage: Box<dyn Storage>) -> Result<AuditLog, ReviewError> {
        let rows = storage.rows_from(1)?;
        let mut log = AuditLog {
            storage,
            tail: None,
            entries: Vec::with_capacity(rows.len()),
            keep: true,
            broken: None,
        };
        for row in rows {
            if let Err(b) = chain::verify(log.tail.as_ref(), [&row]) {
                log.broken = Some(b);
                break;
            }
            log.entries.push(parse_entry(&row)?);
            log.tail = Some(row);
        }
        Ok(log)
    }

    /// The verified entries, oldest first (up to the first break).
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// What `audit verify` reports: the entries verified, the hash of the last
    /// intact one, and the first break.
    pub fn verification(&self) -> Verification {
        Verification {
            verified: self.tail.as_ref().map_or(0, |t| t.seq),
            head: self.tail.as_ref().map(|t| t.hash.clone()),
            broken: self.broken.clone(),
        }
    }

    /// Fails with the first break, if the log has one.
    pub fn require_intact(&self) -> Result<(), ReviewError> {
        match &self.broken {
            Some(b) => Err(ReviewError::Broken(b.clone())),
            None => Ok(()),
        }
    }

    /// Stops keeping entries in memory (those kept are dropped): a writer
    /// that runs for days needs only the tail it extends.
    pub fn forget_entries(&mut self) {
        self.keep = false;
        self.entries = Vec::new();
    }

    /// Reads the entries other writers appended since this log's verified
    /// tail, checking that the tail itself is still stored as verified (an
    /// edit of it is named, as an append would), and returns them.
    pub fn follow(&mut self) -> Result<Vec<Entry>, ReviewError> {
        self.require_intact()?;
        let from = self.tail.as_ref().map_or(1, |t| t.seq);
        let since = self.storage.rows_from(from)?;
        let others = match check_since(self.tail.as_ref(), &since) {
            Ok(_) => since.into_iter().skip(usize::from(self.tail.is_some())),
            Err(b) => {
                self.broken = Some(b.clone());
                return Err(ReviewError::Broken(b));
            }
        };
        let mut added = Vec::new();
        for row in others {
            added.push(parse_entry(&row)?);
            self.tail = Some(row);
        }
        if self.keep {
            self.entries.extend(added.iter().cloned());
        }
        Ok(added)
    }

    /// Appends one entry, durably, after checking that the stored chain
    /// still ends where this log verified it (entries appended since by
    /// other writers are verified too; an edit since is refused).
    pub fn append(&mut self, new: NewEntry) -> Result<Entry, ReviewError> {
        self.append_following(new).map(|(_, entry)| entry)
    }

    /// As [`AuditLog::append`], also returning the entries other writers
    /// appended before it.
    pub fn append_following(&mut self, new: NewEntry) -> Result<(Vec<Entry>, Entry), ReviewError> {
        self.require_intact()?;
        let body = serde_json::to_value(Timed {
            time: clock::now_rfc3339(),
            entry: &new,
        })
        .map_err(|e| ReviewError::invalid("entry", e.to_string()))?;
        let from = self.tail.as_ref().map_or(1, |t| t.seq);
        let tail = self.tail.clone();
        let mut others = Vec::new();
        let check = |since: &[Row]| check_since(tail.as_ref(), since);
        let result = self.storage.append_with(from, &mut |since: &[Row]| {
            let after = check(since).map_err(ReviewError::Broken)?;
            others = since[usize::from(tail.is_some()).min(since.len())..].to_vec();
            Ok(chain::next_row(after.as_ref(), body.clone()))
        });
        let row = match result {
            Ok(row) => row,
            Err(ReviewError::Broken(b)) => {
                self.broken = Some(b.clone());
                return Err(ReviewError::Broken(b));
            }
            Err(e) => return Err(e),
        };
        let others = others
            .iter()
            .map(parse_entry)
            .collect::<Result<Vec<_>, _>>()?;
        let entry = parse_entry(&row)?;
        if self.keep {
            self.entries.extend(others.iter().cloned());
            self.entries.push(entry.clone());
        }
        self.tail = Some(row);
        Ok((others, entry))
    }
}

/// `new` as the log would store it as entry `seq` (for tests that build
/// clears without a database).
#[cfg(test)]
pub(crate) fn stamped(seq: i64, new: NewEntry) -> Entry {
    Entry {
        seq,
        time: "2026-12-01T10:00:00.000000Z".into(),
        user: new.user,
        command: new.command,
        parties: new.parties,
        query: new.query,
        sources: new.sources,
        results: new.results,
        decision: new.decision,
    }
}

/// The last row of `since` (the stored rows from the verified `tail` on)
/// once the tail is found unchanged and the rows after it link up.
fn check_since(tail: Option<&Row>, since: &[Row]) -> Result<Option<Row>, Break> {
    match (tail, since.split_first()) {
        (Some(t), Some((first, rest))) if first == t => chain::verify(Some(t), rest),
        (Some(t), _) => Err(Break {
            seq: t.seq,
            kind: chain::BreakKind::Edited,
        }),
        (None, _) => chain::verify(None, since),
    }
}

#[derive(Serialize)]
struct Timed<'a> {
    time: String,
    #[serde(flatten)]
    entry: &'a NewEntry,
}

fn parse_entry(row: &Row) -> Result<Entry, ReviewError> {
    serde_json::from_str(&row.body).map_err(|e| ReviewError::Corrupt {
        what: format!("audit entry {}", row.seq),
        message: e.to_string(),
    })
}

/// Entries on or after `since` (an ISO date or time) that name `party`
/// (case and accents ignored, any part of a name).
pub fn select<'a>(
    entries: &'a [Entry],
    since: Option<&str>,
    party: Option<&str>,
) -> Vec<&'a Entry> {
    let party = party.map(interdict_model::text::fold);
    entries
        .iter()
        .filter(|e| since.is_none_or(|s| e.time.as_str() >= s))
        .filter(|e| {
            party.as_deref().is_none_or(|p| {
                e.parties
                    .iter()
                    .any(|n| interdict_model::text::fold(n).contains(p))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn new(user: &str, party: &str) -> NewEntry {
        NewEntry {
            user: user.into(),
            command: "match".into(),
            parties: vec![party.into()],
            query: json!({"name": party}),
            sources: json!([{"dataset": "un_sc_sanctions", "snapshot_date": "2026-02-27"}]),
            results: json!([{"id": "x", "score": 0.91}]),
            decision: "hit".into(),
        }
    }

    #[test]
    fn appends_and_reopens_verified() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Database::Sqlite(dir.path().join("a.sqlite"));
        let mut log = AuditLog::open(&db).expect("open");
        log.append(new("ana", "Kim Jong Un")).expect("append");
        log.append(new("bo", "Ocean Star")).expect("append");
        let log = AuditLog::open(&db).expect("reopen");
        assert_eq!(log.entries().len(), 2);
        assert_eq!(log.entries()[1].seq, 2);
        assert_eq!(log.verification().broken, None);
        assert_eq!(select(log.entries(), None, Some("ocean")).len(), 1);
        assert_eq!(select(log.entries(), Some("2999-01-01"), None).len(), 0);
    }

    #[test]
    fn a_second_writer_is_verified_and_followed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Database::Sqlite(dir.path().join("a.sqlite"));
        let mut a = AuditLog::open(&db).expect("open");
        let mut b = AuditLog::open(&db).expect("open");
        a.append(new("ana", "A")).expect("append");
        b.append(new("bo", "B")).expect("append");
        a.append(new("ana", "C")).expect("append");
        let log = AuditLog::open(&db).expect("reopen");
        let seqs: Vec<i64> = log.entries().iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 2, 3]);
        assert_eq!(a.entries().len(), 3);
    }
}
