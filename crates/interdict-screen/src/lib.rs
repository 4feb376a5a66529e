//! Shipment screening: one explained decision per shipment, joining *who*
//! (party screening), *what* (goods verdicts) and *where and how* (route,
//! consignee, declaration, value, vessel).
//!
//! This crate owns the shipment model, its JSONL/CSV readers and
//! validation, the reference tables of `data/reference/screen/`, the
//! red-flag rules and the decision. It must not parse sanctions lists, match
//! names or classify goods: those engines sit behind [`PartyScreening`] and
//! [`GoodsScreening`], implemented by the facade crate.
//!
//! Contracts for the callers (CLI, server, facade):
//! - Input: one shipment per JSONL line ([`parse_jsonl_line`], field names
//!   fixed by the exchange format of [`Shipment`]) or the flat CSV read by
//!   [`read_csv`]. A bad
//!   shipment is a [`ShipmentError`] (`{"shipment_id", "line", "field",
//!   "reason"}`); the batch goes on. Blank lines are the caller's to skip.
//! - Output: a [`Decision`] per shipment, serialised as
//!   `{"shipment_id", "decision", "score", "flags": [{"rule", "severity",
//!   "summary", "evidence", "citations", "under"?}], "jurisdictions":
//!   [{"jurisdiction", "decision", "score"}]}`; `rule` is a [`RuleId`],
//!   `evidence` a typed [`evidence::Evidence`]. [`render_html`] for reports,
//!   [`route_svg`] for one route drawn on a map.
//! - Rules, severities, thresholds, citations: `data/reference/screen/rules.toml`
//!   (embedded; [`ScreenConfig::from_toml`] takes another). The decision
//!   formula is documented on [`Decision`].
//! - Whose law: [`Jurisdiction`] documents what a jurisdiction's verdict
//!   means; [`ScreenConfig::with_scope`] sets the user's scope (default all,
//!   strictest wins). Goods verdict jurisdictions are read in any case,
//!   `uk` as `gb`.
//!
//! ```
//! use interdict_screen::{parse_jsonl_line, DecisionKind, GoodsAssessment, GoodsLine,
//!     GoodsScreening, Party, PartyHit, PartyScreening, ScreenConfig, Screener};
//! use interdict_model::PartialDate;
//!
//! struct NoHits;
//! impl PartyScreening for NoHits {
//!     fn screen_party(&self, _: &Party) -> Vec<PartyHit> { Vec::new() }
//!     fn vessel_by_imo(&self, _: &str) -> Vec<PartyHit> { Vec::new() }
//! }
//! struct NotControlled;
//! impl GoodsScreening for NotControlled {
//!     fn assess(&self, l: &GoodsLine, _: &str, _: Option<&str>, _: Option<PartialDate>) -> GoodsAssessment {
//!         GoodsAssessment { hs_code: l.hs_code.clone(), heading: None, luxury: false, unit_value_usd: None, verdicts: vec![], warnings: vec![], mismatch: None }
//!     }
//! }
//! let line = r#"{"id":"S-1","date":"2024-03-01","declared_destination":"kr","purpose":"sale",
//!   "parties":[{"role":"exporter","schema":"Company","name":"Chubu Auto Parts","country":"jp"},
//!              {"role":"consignee","schema":"Company","name":"Haeundae Motors","country":"kr"}],
//!   "goods":[{"description":"brake pads","hs_code":"870830","quantity":200,"unit":"set","value":4000,"currency":"USD"}],
//!   "legs":[{"mode":"sea","from":"JPNGO","to":"KRPUS","depart":"2024-03-02","arrive":"2024-03-04"}]}"#;
//! let shipment = parse_jsonl_line(line, 1).unwrap();
//! let screener = Screener { parties: &NoHits, goods: &NotControlled, config: ScreenConfig::default() };
//! assert_eq!(screener.screen(&shipment).decision, DecisionKind::Clear);
//! ```

#![warn(missing_docs)]

// Every public type has one path: the modules that define the crate's
// vocabulary are private and their types are re-exported here; the public
// modules (`evidence`, `law`, `quantity`, `reference`, `synthetic`) are
// families of their own and are not re-exported.
mod config;
mod csv_input;
mod decision;
mod engines;
mod evaluate;
pub mod evidence;
mod jurisdiction;
mod land;
pub mod law;
mod parse;
pub mod quantity;
pub mod reference;
mod report;
mod rule_id;
mod rules;
mod shipment;
pub mod synthetic;
mod text;

pub use config::{ConfigError, DecisionConfig, Parameters, RuleSpec, ScreenConfig, Terms, Weights};
pub use csv_input::read_csv;
pub use decision::{Applicability, Decision, DecisionKind, Flag, JurisdictionDecision, Severity};
pub use engines::{
    DeclarationMismatch, GoodsAssessment, GoodsScreening, GoodsVerdict, PartyHit, PartyScreening,
    UsdValue,
};
pub use evaluate::{confusion_matrix, ConfusionMatrix};
pub use jurisdiction::{Jurisdiction, Scope, ScopeError};
pub use parse::{parse_jsonl_line, read_jsonl, validate, ShipmentError};
pub use report::{render_html, route_svg};
pub use rule_id::{Family, RuleId};
pub use shipment::{
    FormerFlag, FormerName, GoodsLine, Leg, Mode, Party, Place, Purpose, Role, Shipment,
    TrackingGap, Vessel,
};

/// Screens shipments with the two engines and a configuration.
pub struct Screener<'a> {
    /// Screens parties and vessels against the lists.
    pub parties: &'a dyn PartyScreening,
    /// Classifies goods and gives their verdicts.
    pub goods: &'a dyn GoodsScreening,
    /// Rules, severities, thresholds and scope.
    pub config: ScreenConfig,
}

impl Screener<'_> {
    /// Runs every rule and combines the fired flags into a decision.
    pub fn screen(&self, shipment: &Shipment) -> Decision {
        let flags = rules::run(shipment, &self.config, self.parties, self.goods);
        Decision::from_flags(&shipment.id, flags, &self.config)
    }
}
