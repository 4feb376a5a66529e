//! The audit log as the server uses it: one recorder shared by every
//! request behind a mutex (appends are serialised, so the hash chain stays
//! whole however many requests record at once), the clears it reads to mark
//! cleared results, and who each request records as.
//!
//! The log is verified once, when the server starts; each request then
//! checks only that the log's tail is still stored as verified (reading the
//! entries other writers appended since: a clear recorded by `interdict
//! clear` applies to the next request). A log found broken, or an append
//! that fails, answers 503 naming why: an answer is never given unrecorded.

use crate::error::{ApiError, ApiResult};
use axum::http::HeaderMap;
use interdict_review::{Answer, ClearBook, Recorder, ReviewError, Versions};
use std::sync::{Arc, Mutex};

/// The request header naming who asks (recorded as the entry's user).
pub const USER_HEADER: &str = "x-interdict-user";

/// The server's audit log.
pub struct Review {
    recorder: Mutex<Recorder>,
    /// Whether answers are recorded (`serve --record`); without it the log
    /// is only read for its clears.
    recording: bool,
    /// The database, for messages (a PostgreSQL password is hidden).
    database: String,
}

impl Review {
    /// A review over `recorder`, whose log the caller opened and verified.
    /// Only the tail and the clears are kept in memory.
    pub fn new(mut recorder: Recorder, recording: bool, database: String) -> Review {
        recorder.forget_entries();
        Review {
            recorder: Mutex::new(recorder),
            recording,
            database,
        }
    }

    /// Whether answers are recorded.
    pub fn recording(&self) -> bool {
        self.recording
    }

    fn lock(&self) -> ApiResult<std::sync::MutexGuard<'_, Recorder>> {
        self.recorder
            .lock()
            .map_err(|_| ApiError::Internal("the audit log's lock is poisoned".into()))
    }

    /// The clears as they stand now (entries other writers appended since
    /// the last request are read first).
    pub fn clears(&self) -> ApiResult<Arc<ClearBook>> {
        let mut r = self.lock()?;
        r.follow().map_err(|e| self.unavailable(&e))
    }

    /// Records `answers`, in order, as `user`; each is durable before the
    /// next. The first failure stops and answers 503.
    pub fn record(&self, user: &str, answers: Vec<Answer>) -> ApiResult<()> {
        if !self.recording || answers.is_empty() {
            return Ok(());
        }
        let mut r = self.lock()?;
        for answer in answers {
            r.record_as(user, answer)
                .map_err(|e| self.unavailable(&e))?;
        }
        Ok(())
    }

    /// The snapshot versions of the lists now served (after a rebuild).
    pub fn set_versions(&self, versions: Versions) {
        if let Ok(mut r) = self.recorder.lock() {
            r.set_versions(versions);
        }
    }

    /// Who a request records as: its `X-Interdict-User` header, else the
    /// server's user (`--by`, else `$USER`).
    pub fn user_of(&self, headers: &HeaderMap) -> String {
        let given = headers
            .get(USER_HEADER)
            .and_then(|h| h.to_str().ok())
            .map(str::trim)
            .filter(|u| !u.is_empty());
        match given {
            Some(u) => u.to_string(),
            None => self
                .recorder
                .lock()
                .map(|r| r.user().to_string())
                .unwrap_or_else(|_| "unknown".into()),
        }
    }

    /// 503 naming the broken entry or the failed write.
    fn unavailable(&self, e: &ReviewError) -> ApiError {
        ApiError::Unavailable(format!(
            "{e} (audit log {}); the request was not answered",
            self.database
        ))
    }
}
