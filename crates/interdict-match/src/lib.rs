//! Party screening for interdict: finds every listed entity a query may be,
//! fast, with a score in [0, 1] and an explanation a compliance officer can
//! defend.
//!
//! Owns the candidate index over every name and identifier of the loaded
//! entities ([`Matcher`]), the scorer ([`score_pair`], also used by the
//! index), the query shape ([`Query`]) and explanations ([`Explanation`]).
//! Every number the scorer uses is a named, documented constant in
//! [`weights`]. Name linguistics (normalisation, transliteration, Korean
//! romanisation keys, legal forms) come from `interdict-names`. This crate
//! must not know about shipments, goods or list file formats.
//!
//! ```
//! use interdict_match::{Matcher, MatchConfig, Query};
//! use interdict_model::{prop, Entity, Schema};
//!
//! let mut e = Entity::new("un_sc_sanctions", "KPi.033", Schema::Person);
//! e.add(prop::NAME, "KIM JONG UN");
//! let matcher = Matcher::build(vec![e]);
//! let q = Query::new("q1", Schema::Person, "Jong Un Kim");
//! let results = matcher.search(&q, &MatchConfig::default());
//! assert_eq!(results[0].id, "un_sc_sanctions:KPi.033");
//! assert!(results[0].is_match);
//! ```

#![warn(missing_docs)]

mod adjust;
mod align;
mod analyse;
mod common_words;
mod explain;
mod facts;
mod index;
mod keys;
mod query;
mod scorer;
mod similarity;
mod vocab;
pub mod weights;

pub use explain::{Adjustment, Explanation, How, PartMatch, Reason, TransliterationNote};
pub use index::{MatchResult, Matcher};
pub use query::{MatchConfig, Query, QueryError, MAX_NAME_VALUES};
pub use scorer::{score_pair, Scored};
