//! Recording answers in the audit log (`--record`, `INTERDICT_RECORD=1`):
//! the options that say whether, where and as whom. Opening the log once
//! per command, refusing a log that fails verification and appending one
//! entry per answer are `interdict-review`'s [`Recorder`], shared with
//! `interdict serve`.

use super::Context;
use anyhow::Context as _;
use interdict_review::{AuditLog, ClearBook, Database};

pub use interdict_review::record::{record, Answer, Recorder};

/// `--by USER`: who decides, as recorded (default: $USER).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct By {
    /// Who decides, as recorded (default: $USER).
    #[arg(long = "by", value_name = "USER")]
    pub user: Option<String>,
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
        let versions = interdict_review::record::store_versions(&self.store()?)?;
        Ok(Recorder::with_log(
            self.audit_log()?,
            &self.user(by),
            versions,
        ))
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
            return Ok(ClearBook::clone(&r.clear_book()));
        }
        if !self.audit_exists()? {
            return Ok(ClearBook::default());
        }
        Ok(ClearBook::from_entries(self.audit_log()?.entries()))
    }
}

/// Re-opens, in the audit log, every clear naming a record that `diff`
/// removed: a record that left its list re-opens its clear even if it comes
/// back unchanged.
pub fn reopen_removed(
    writer: &mut Recorder,
    diff: &interdict_lists::SnapshotDiff,
) -> anyhow::Result<()> {
    let removed: std::collections::BTreeSet<String> = diff.removed.iter().cloned().collect();
    let book = writer.clear_book();
    let touched: Vec<(interdict_review::clear::Clear, String)> = book
        .touched_by_removal(&removed)
        .map(|(c, why)| (c.clone(), why))
        .collect();
    for (clear, why) in touched {
        let user = writer.user().to_string();
        let seq = writer.append(interdict_review::clear::reopen_entry(&clear, &why, &user))?;
        println!(
            "re-opened the clear of {:?} on {} (audit entry {}): {why}; audit entry {seq}",
            clear.query_name, clear.listed, clear.seq
        );
    }
    Ok(())
}
