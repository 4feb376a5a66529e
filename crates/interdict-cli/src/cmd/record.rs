//! Recording answers in the audit log (`--record`, `INTERDICT_RECORD=1`):
//! opens the log once per command, refuses to start on a log that fails
//! verification, and appends one entry per answer.

use super::Context;
use anyhow::Context as _;
use interdict_review::{AuditLog, Database, NewEntry};
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
        let db = self.database()?;
        let log = AuditLog::open(&db)
            .with_context(|| format!("opening the audit log {}", db.describe()))?;
        log.require_intact()?;
        Ok(Some(Recorder {
            log,
            user: self.user(by),
        }))
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
    /// Appends one entry; it is on disk when this returns.
    pub fn record(&mut self, answer: Answer) -> anyhow::Result<i64> {
        let entry = self.log.append(NewEntry {
            user: self.user.clone(),
            command: answer.command.to_string(),
            parties: answer.parties,
            query: answer.query,
            sources: answer.sources,
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
