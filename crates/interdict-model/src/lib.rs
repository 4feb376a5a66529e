//! Shared types of interdict, at the bottom of the dependency graph.
//!
//! Owns the FollowTheMoney-shaped [`Entity`], its [`Schema`], the record id
//! convention `<dataset>:<source id>`, ISO 3166-1 [`countries`],
//! [`PartialDate`] (dates that carry their precision) and the one text folder
//! for comparing free text, [`text::fold`], the reader of users' line-based
//! files ([`lines`]: BOM, CRLF/CR, 0x1A, a line-length limit) and the limits
//! on names ([`limits`]), and the one table of error codes
//! ([`error_code`]: code, exit status, HTTP status). It must not parse list
//! files, score names or know about shipments: those live in the crates above.
//!
//! ```
//! use interdict_model::{Entity, Schema, prop};
//! let mut e = Entity::new("un_sc_sanctions", "KPi.033", Schema::Person);
//! e.add(prop::NAME, "KIM JONG UN");
//! e.add(prop::NATIONALITY, "kp");
//! assert_eq!(e.id, "un_sc_sanctions:KPi.033");
//! assert_eq!(e.caption(), "KIM JONG UN");
//! ```

#![warn(missing_docs)]

pub mod countries;
mod date;
mod entity;
pub mod error_code;
pub mod limits;
pub mod lines;
pub mod rng;
mod schema;
pub mod text;

pub use date::{DateError, DatePrecision, PartialDate};
pub use entity::{prop, DatasetInfo, Entity};
pub use error_code::{Coded, ErrorCode};
pub use schema::{Schema, UnknownSchema};
