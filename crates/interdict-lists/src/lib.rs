//! Real sanctions lists, parsed into interdict's FollowTheMoney-shaped
//! [`Entity`](interdict_model::Entity) model.
//!
//! Owns one module per source format (UN XML, OFAC legacy CSV and its free
//! text remarks, OFAC Enhanced XML, UK FCDO tables, US Consolidated
//! Screening List CSV, EU Financial Sanctions Files XML, FtM JSON lines), the
//! catalogue of bundled snapshots (embedded in the binary, gunzipped in
//! memory), the snapshot store with its verified atomic [`update`], and
//! [`diff`]. It knows nothing of name matching, scoring or shipments.
//!
//! Parsers follow the conventions in `interdict_model::entity`; no format
//! knowledge leaves its module. XML is read with DTDs and entity declarations
//! refused. Every parse error names the file, line and column.
//!
//! ```no_run
//! let snapshots = interdict_lists::load_bundled()?;
//! for s in &snapshots {
//!     println!("{} {} records, {} under the DPRK regime", s.info.name, s.stats.total, s.stats.dprk);
//! }
//! let un = interdict_lists::load_dataset("un_sc_sanctions", &interdict_lists::Store::default_location()?)?;
//! assert!(un.get("un_sc_sanctions:KPi.001").is_some());
//! # Ok::<(), interdict_lists::ListError>(())
//! ```

#![warn(missing_docs)]

mod catalogue;
mod dates;
mod diff;
mod error;
mod eu_fsf_xml;
mod failpoints;
mod ftm_jsonl;
mod ofac_csv;
mod ofac_enhanced_xml;
mod ofac_remarks;
mod props;
mod snapshot;
mod source;
mod store;
mod table;
mod uk_fcdo;
mod un_xml;
mod us_csl;
mod xml;

pub use catalogue::{
    catalogue, known_datasets, load_bundled, load_bundled_dataset, parse_bytes, parse_snapshot,
};
pub use diff::{diff, ChangedRecord, SnapshotDiff};
pub use error::{ListError, ParseError, ParseErrorKind};
pub use failpoints::POINTS as FAIL_POINTS;
pub use ftm_jsonl::{load_ftm_file, parse_ftm_bytes};
pub use interdict_model::DatasetInfo;
pub use props::{CITED_RECORD, UNSC_ID};
pub use snapshot::{Snapshot, SnapshotStats};
pub use store::{
    load, load_dataset, update, update_with, SnapshotMeta, Store, StoredSnapshot, UpdateOptions,
    UpdateReport,
};

/// The default share by which a new snapshot's record count may fall
/// before [`update`] refuses it.
pub const DEFAULT_MAX_DROP: f64 = 0.10;
