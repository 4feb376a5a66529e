//! The review workflow around screening: a hash-chained audit log of every
//! recorded answer (SQLite by default, PostgreSQL on request), hits cleared
//! as false positives that re-open when the listed record changes, and a
//! watched set re-screened against list deltas.
//!
//! It decides nothing about matches: the CLI hands it the answers of the
//! matcher, goods screener and shipment screener, and asks it what was
//! cleared.

pub mod audit;
pub mod chain;
pub mod clear;
pub mod clock;
mod error;
mod pg;
pub mod screening;
mod sqlite;
pub mod storage;
pub mod watch;

pub use audit::{AuditLog, Entry, NewEntry, Verification};
pub use chain::{Break, BreakKind};
pub use clear::{ClearBook, ClearRequest, Clearance};
pub use error::ReviewError;
pub use screening::{ClearedHit, ClearingParties};
pub use storage::{Database, Storage};
