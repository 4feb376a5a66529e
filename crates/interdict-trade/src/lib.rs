//! Mirror-trade analytics for interdict on Apache DataFusion: "how much"
//! reached the DPRK, by period, partner and HS line, and how much of it a
//! basket of controlled or luxury goods accounts for.
//!
//! - `TradeSession::register` reads trade files — UN Comtrade+ API CSV, the
//!   legacy Comtrade bulk CSV, CEPII BACI, customs declarations, or the
//!   canonical layout in CSV or Parquet — into one canonical table
//!   (`CANONICAL_COLUMNS`), checking every row; bad rows are reported with
//!   file, line, field and reason ([`Rejection`]).
//! - Baskets ([`Basket`]) are data: the UN and EU luxury baskets come from
//!   the goods crate's control rules, the South Korean list from
//!   `data/trade/kr_luxury_basket.csv` with its source.
//! - SQL functions `hs_category`, `luxury`, `luxury_category` and
//!   `controlled` (module `udf`) run in any query (`TradeSession::sql`).
//! - `screen_name(name, schema)` (module `screen_udf`) screens parties in
//!   SQL through a [`NameScreen`] the caller supplies (the engine's matcher).
//! - `flows` aggregates flows to one destination by year or month.
//! - [`generate`] writes generated HS-level files calibrated to the real
//!   Comtrade totals and the published luxury series, always labelled
//!   "generated".
//!
//! With the `engine` feature (Apache DataFusion):
//!
//! ```ignore
//! use interdict_trade::{flows, By, FlowsQuery, LoadOptions, TradeSession};
//! let s = TradeSession::embedded().unwrap();
//! let load = s.register("trade", &["lines.csv".into()], &LoadOptions::default()).unwrap();
//! let q = FlowsQuery {
//!     table: "trade".into(), destination: "kp".into(), from: vec![], by: By::Year,
//!     basket: "kr".into(), jurisdiction: "UN".into(),
//! };
//! let (report, _drivers) = flows(&s, &q, load.rejected.len()).unwrap();
//! println!("{}", serde_json::to_string(&report).unwrap());
//! ```

#![warn(missing_docs)]

#[cfg(feature = "ballista")]
mod ballista;
#[cfg(feature = "ballista")]
pub use ballista::ExecutorOptions;
mod baskets;
mod error;
#[cfg(feature = "engine")]
mod flows;
pub mod generate;
mod layout;
mod read;
pub mod reference;
pub mod render;
mod report;
#[cfg(feature = "engine")]
mod screen_udf;
#[cfg(feature = "engine")]
mod session;
#[cfg(feature = "engine")]
mod table;
mod tables;
#[cfg(feature = "engine")]
pub mod udf;

pub use baskets::{Basket, KR_SOURCE};
pub use error::{Rejection, TradeError};
#[cfg(feature = "engine")]
pub use flows::flows;
pub use layout::{mapping_with, Layout, FIELDS};
pub use read::{read_files, read_from, Declaration, Line, LoadOptions};
pub use report::{By, Driver, FlowsQuery, FlowsReport, Period};
#[cfg(feature = "engine")]
pub use screen_udf::{screen_name, NameHit, NameScreen};
#[cfg(feature = "engine")]
pub use session::{pretty, Cluster, LoadReport, TradeSession};
#[cfg(feature = "engine")]
pub use table::{batch, schema, CANONICAL_COLUMNS};
pub use tables::Tables;
