//! The review workflow around screening: a hash-chained audit log of every
//! recorded answer (SQLite by default, PostgreSQL on request), hits cleared
//! as false positives that re-open when the listed record changes, and a
//! watched set re-screened against list deltas.
//!
//! It decides nothing about matches: the front ends (the CLI and the HTTP
//! server) hand it the answers of the matcher, goods screener and shipment
//! screener, and ask it what was cleared; both record through the same
//! [`Recorder`] and the same entry shapes ([`answers`]).

#![warn(missing_docs)]

pub mod answers;
pub mod audit;
pub mod chain;
pub mod clear;
pub mod clock;
mod error;
mod pg;
pub mod record;
pub mod screening;
mod sqlite;
pub mod storage;
pub mod watch;

pub use audit::{AuditLog, Entry, NewEntry, Verification};
pub use chain::{Break, BreakKind};
pub use clear::{ClearBook, ClearRequest, Clearance};
pub use error::ReviewError;
pub use record::{Answer, Recorder, Versions};
pub use screening::{ClearedHit, ClearingParties};
pub use storage::{Database, Storage};
