//! Recording answers in the audit log, for every front end (the CLI's
//! `--record`, `interdict serve --record`): the log is verified when the
//! recorder opens (a broken log stops the front end before it answers
//! anything), each answer becomes one entry naming the exact list
//! snapshots it rests on, and the clears recorded so far are kept as a
//! [`ClearBook`], followed as entries arrive.

use crate::audit::{AuditLog, Entry, NewEntry};
use crate::clear::ClearBook;
use crate::error::ReviewError;
use crate::storage::Database;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::Arc;

/// Dataset → the store's current snapshot version; a dataset absent is
/// the snapshot bundled in the binary.
pub type Versions = HashMap<String, String>;

/// The snapshot version of every dataset the store holds an update of.
pub fn store_versions(store: &interdict_lists::Store) -> Result<Versions, ReviewError> {
    let err = |e: interdict_lists::ListError| ReviewError::invalid("list store", e.to_string());
    let mut versions = Versions::new();
    for dataset in store.datasets().map_err(err)? {
        if let Some(current) = store.current(&dataset).map_err(err)? {
            versions.insert(dataset, current.version);
        }
    }
    Ok(versions)
}

/// One answer to record, as a front end builds it ([`crate::answers`]): an
/// entry whose `user` the recorder fills in (a front end leaves it empty).
pub type Answer = NewEntry;

/// The audit log of a front end that records, who records by default, and
/// the clears recorded in it.
pub struct Recorder {
    log: AuditLog,
    user: String,
    versions: Versions,
    book: Arc<ClearBook>,
}

impl Recorder {
    /// Opens the log and verifies the whole chain: a log that fails
    /// verification is refused, naming the entry.
    pub fn open(db: &Database, user: &str, versions: Versions) -> Result<Recorder, ReviewError> {
        let log = AuditLog::open(db)?;
        log.require_intact()?;
        Ok(Recorder::with_log(log, user, versions))
    }

    /// A recorder over a log already opened (and verified by the caller).
    pub fn with_log(log: AuditLog, user: &str, versions: Versions) -> Recorder {
        let book = Arc::new(ClearBook::from_entries(log.entries()));
        Recorder {
            log,
            user: user.to_string(),
            versions,
            book,
        }
    }

    /// Who records when an answer names no one else.
    pub fn user(&self) -> &str {
        &self.user
    }

    /// The log (its verified entries, unless [`Recorder::forget_entries`]).
    pub fn log(&self) -> &AuditLog {
        &self.log
    }

    /// Keeps only the tail and the clears in memory: a server records for
    /// days.
    pub fn forget_entries(&mut self) {
        self.log.forget_entries();
    }

    /// The snapshot versions recorded beside each list's date.
    pub fn set_versions(&mut self, versions: Versions) {
        self.versions = versions;
    }

    /// The clears recorded so far (as of the last append or follow).
    pub fn clear_book(&self) -> Arc<ClearBook> {
        Arc::clone(&self.book)
    }

    /// Reads what other writers appended since (a clear recorded by
    /// `interdict clear` while a server runs), finding an edit of the tail
    /// as an append would, and returns the clears as they now stand.
    pub fn follow(&mut self) -> Result<Arc<ClearBook>, ReviewError> {
        let added = self.log.follow()?;
        self.take_in(&added);
        Ok(self.clear_book())
    }

    fn take_in(&mut self, entries: &[Entry]) {
        let reviews = entries
            .iter()
            .filter(|e| matches!(e.command.as_str(), "clear" | "reopen"));
        let mut reviews = reviews.peekable();
        if reviews.peek().is_some() {
            let book = Arc::make_mut(&mut self.book);
            for e in reviews {
                book.add(e);
            }
        }
    }

    /// Appends an entry built elsewhere (clears, re-openings), naming the
    /// snapshot versions of its sources.
    pub fn append(&mut self, mut entry: NewEntry) -> Result<i64, ReviewError> {
        add_versions(&self.versions, &mut entry.sources);
        let (others, entry) = self.log.append_following(entry)?;
        self.take_in(&others);
        self.take_in(std::slice::from_ref(&entry));
        Ok(entry.seq)
    }

    /// Appends one answer as this recorder's user; it is durable when this
    /// returns.
    pub fn record(&mut self, answer: Answer) -> Result<i64, ReviewError> {
        let user = self.user.clone();
        self.record_as(&user, answer)
    }

    /// Appends one answer as `user` (a request's own user).
    pub fn record_as(&mut self, user: &str, answer: Answer) -> Result<i64, ReviewError> {
        self.append(NewEntry {
            user: user.to_string(),
            ..answer
        })
    }
}

/// Records `answer` when there is a recorder.
pub fn record(recorder: &mut Option<Recorder>, answer: Option<Answer>) -> Result<(), ReviewError> {
    if let (Some(r), Some(a)) = (recorder.as_mut(), answer) {
        r.record(a)?;
    }
    Ok(())
}

/// Names, beside each list's snapshot date, the exact snapshot: the
/// store's version, or `bundled`.
fn add_versions(versions: &Versions, sources: &mut Value) {
    let Some(items) = sources.as_array_mut() else {
        return;
    };
    for item in items {
        let Some(dataset) = item["dataset"].as_str().map(str::to_string) else {
            continue;
        };
        let version = versions.get(&dataset).map_or("bundled", String::as_str);
        item["version"] = Value::from(version);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn answer(party: &str) -> Answer {
        Answer {
            user: String::new(),
            command: "match".into(),
            parties: vec![party.into()],
            query: json!({"name": party}),
            sources: json!([{"dataset": "un_sc_sanctions", "snapshot_date": "2026-02-27"},
                            {"dataset": "us_ofac_sdn", "snapshot_date": "2024-05-03"}]),
            results: json!([]),
            decision: "no hit".into(),
        }
    }

    #[test]
    fn records_versions_and_users() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Database::Sqlite(dir.path().join("a.sqlite"));
        let versions: Versions = [("us_ofac_sdn".to_string(), "v1-2".to_string())].into();
        let mut r = Recorder::open(&db, "ana", versions).expect("open");
        assert_eq!(r.record(answer("A")).expect("record"), 1);
        assert_eq!(r.record_as("bo", answer("B")).expect("record"), 2);
        let log = AuditLog::open(&db).expect("reopen");
        let e = &log.entries()[1];
        assert_eq!(e.user, "bo");
        assert_eq!(e.sources[0]["version"], "bundled");
        assert_eq!(e.sources[1]["version"], "v1-2");
        assert_eq!(log.entries()[0].user, "ana");
    }

    #[test]
    fn follows_clears_recorded_by_another_writer() {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = Database::Sqlite(dir.path().join("a.sqlite"));
        let mut server = Recorder::open(&db, "srv", Versions::new()).expect("open");
        server.forget_entries();
        server.record(answer("A")).expect("record");
        let mut other = Recorder::open(&db, "ana", Versions::new()).expect("open");
        let mut party = interdict_model::Entity::new(
            "un_sc_sanctions",
            "KPi.1",
            interdict_model::Schema::Person,
        );
        party.add(interdict_model::prop::NAME, "KIM IL SONG");
        let req = crate::clear::ClearRequest {
            query_name: "Kim Il Song".into(),
            query_id: None,
            listed: party.id.clone(),
            reason: "namesake".into(),
            expires: None,
            user: "ana".into(),
        };
        other
            .append(crate::clear::clear_entry(&req, &party, Value::Null))
            .expect("clear");
        assert!(server.clear_book().is_empty());
        let book = server.follow().expect("follow");
        assert_eq!(book.clears().len(), 1);
        assert!(server.log().entries().is_empty(), "entries are not kept");
        assert_eq!(server.record(answer("B")).expect("record"), 3);
    }
}
