//! Recording answers in the audit log (`--record`, `INTERDICT_RECORD=1`):
//! opens the log once per command, refuses to start on a log that fails
//! verification, and appends one entry per answer.

use super::Context;
use anyhow::Context as _;
use interdict_review::{AuditLog, ClearBook, Database, NewEntry};
use serde_json::Value;

/// `--by USER`: who decides, as recorded (default: $USER).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct By {
    /// Who decides, as recorded (default: $USER).
    #[arg(long = "by", value_name = "USER")]
    pub user: Option<String>,
}

/// The audit log of a recording command, and who records.
pub struct Recorder {
    log: AuditLog,
    user: String,
    /// Dataset → the store's current snapshot version; datasets absent
    /// are the snapshots bundled in the binary.
    versions: std::collections::HashMap<String, String>,
}

impl Context {
    /// The audit database: `--database`, else `audit.sqlite` in the store
    /// directory.
    pub fn database(&self) -> anyhow::Result<Database> {
        match &self.database {
            Some(spec) => Ok(Database::parse(spec)?),
            None => Ok(Database::Sqlite(self.store()?.root().join("audit.sqlite"))),
        }
    }

    /// Whether answers are recorded.
    pub fn recording(&self) -> bool {
        self.record || std::env::var("INTERDICT_RECORD").is_ok_and(|v| v == "1")
    }

    /// Who is recorded as deciding: `--by`, else `$USER`.
    pub fn user(&self, by: &By) -> String {
        by.user
            .clone()
            .or_else(|| std::env::var("USER").ok())
            .filter(|u| !u.trim().is_empty())
            .unwrap_or_else(|| "unknown".to_string())
    }

    /// The recorder when recording, after verifying the log: a broken log
    /// stops the command before it screens anything.
    pub fn recorder(&self, by: &By) -> anyhow::Result<Option<Recorder>> {
        if !self.recording() {
            return Ok(None);
        }
        self.writer(by).map(Some)
    }

    /// The audit log opened for writing, whether or not answers are recorded.
    pub fn writer(&self, by: &By) -> anyhow::Result<Recorder> {
        let store = self.store()?;
        let mut versions = std::collections::HashMap::new();
        for dataset in store.datasets()? {
            if let Some(current) = store.current(&dataset)? {
                versions.insert(dataset, current.version);
            }
        }
        Ok(Recorder {
            log: self.audit_log()?,
            user: self.user(by),
            versions,
        })
    }
}

impl Context {
    /// The audit log, verified, for a command that writes to it: a log that
    /// fails verification stops the command, naming the entry.
    pub fn audit_log(&self) -> anyhow::Result<AuditLog> {
        let db = self.database()?;
        let log = AuditLog::open(&db)
            .with_context(|| format!("opening the audit log {}", db.describe()))?;
        log.require_intact()?;
        Ok(log)
    }

    /// Whether there is an audit database to read (a SQLite file is not
    /// created by a command that only reads).
    pub fn audit_exists(&self) -> anyhow::Result<bool> {
        Ok(match self.database()? {
            Database::Sqlite(path) => path.is_file(),
            Database::Postgres(_) => true,
        })
    }

    /// The clears recorded in the audit log (from the recorder's log when
    /// recording). Clears decide answers, so a log that fails verification
    /// stops the command.
    pub fn clear_book(&self, recorder: Option<&Recorder>) -> anyhow::Result<ClearBook> {
        if let Some(r) = recorder {
            return Ok(ClearBook::from_entries(r.log.entries()));
        }
        if !self.audit_exists()? {
            return Ok(ClearBook::default());
        }
        Ok(ClearBook::from_entries(self.audit_log()?.entries()))
    }
}

/// One answer to record, as the commands build it (in the worker threads).
pub struct Answer {
    pub command: &'static str,
    pub parties: Vec<String>,
    pub query: Value,
    pub sources: Value,
    pub results: Value,
    pub decision: String,
}

impl Recorder {
    /// Appends an entry built elsewhere (clears, re-openings).
    pub fn append(&mut self, mut entry: NewEntry) -> anyhow::Result<i64> {
        self.add_versions(&mut entry.sources);
        Ok(self.log.append(entry)?.seq)
    }

    pub fn user(&self) -> &str {
        &self.user
    }

    /// Names, beside each list's snapshot date, the exact snapshot: the
    /// store's version, or `bundled`.
    fn add_versions(&self, sources: &mut Value) {
        let Some(items) = sources.as_array_mut() else {
            return;
        };
        for item in items {
            let Some(dataset) = item["dataset"].as_str().map(str::to_string) else {
                continue;
            };
            let version = self
                .versions
                .get(&dataset)
                .map_or("bundled", String::as_str);
            item["version"] = Value::from(version);
        }
    }

    /// Appends one entry; it is on disk when this returns.
    pub fn record(&mut self, answer: Answer) -> anyhow::Result<i64> {
        let mut sources = answer.sources;
        self.add_versions(&mut sources);
        let entry = self.log.append(NewEntry {
            user: self.user.clone(),
            command: answer.command.to_string(),
            parties: answer.parties,
            query: answer.query,
            sources,
            results: answer.results,
            decision: answer.decision,
        })?;
        Ok(entry.seq)
    }
}

/// Records `answer` when `recorder` is on.
pub fn record(recorder: &mut Option<Recorder>, answer: Option<Answer>) -> anyhow::Result<()> {
    if let (Some(r), Some(a)) = (recorder.as_mut(), answer) {
        r.record(a)?;
    }
    Ok(())
}

/// Re-opens, in the audit log, every clear naming a record that `diff`
/// removed: a record that left its list re-opens its clear even if it comes
/// back unchanged.
pub fn reopen_removed(
    writer: &mut Recorder,
    diff: &interdict_lists::SnapshotDiff,
) -> anyhow::Result<()> {
    let removed: std::collections::BTreeSet<String> = diff.removed.iter().cloned().collect();
    let book = ClearBook::from_entries(writer.log.entries());
    let touched: Vec<(interdict_review::clear::Clear, String)> = book
        .touched_by_removal(&removed)
        .map(|(c, why)| (c.clone(), why))
        .collect();
    for (clear, why) in touched {
        let user = writer.user.clone();
        let seq = writer.append(interdict_review::clear::reopen_entry(&clear, &why, &user))?;
        println!(
            "re-opened the clear of {:?} on {} (audit entry {}): {why}; audit entry {seq}",
            clear.query_name, clear.listed, clear.seq
        );
    }
    Ok(())
}
