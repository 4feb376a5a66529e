//! The two seams to the engines above this crate: party screening (the
//! matcher over the sanctions lists) and goods assessment (the control
//! rules). This crate never depends on those engines; the facade crate
//! implements these traits with them, and tests use small fixed tables.

use crate::shipment::{GoodsLine, Party};
use interdict_model::PartialDate;
use serde::Serialize;

/// Sanctions-list screening of parties and vessels.
pub trait PartyScreening: Sync {
    /// Sanctions-list hits for one party of a shipment (the engine runs the matcher with the party's name, schema, country, identifiers).
    fn screen_party(&self, party: &Party) -> Vec<PartyHit>;
    /// Listed vessels with this IMO number (digits only).
    fn vessel_by_imo(&self, imo: &str) -> Vec<PartyHit>;
}

/// One list entry a party or vessel matched.
#[derive(Clone, Debug, Serialize)]
pub struct PartyHit {
    pub entity_id: String,
    pub caption: String,
    pub schema: String,
    pub score: f64,
    pub datasets: Vec<String>,
    pub programs: Vec<String>,
    pub explanation: Vec<String>,
}

/// Classification and control verdicts for goods lines.
pub trait GoodsScreening: Sync {
    /// Verdicts for `line` shipped to `destination` (ISO alpha-2), from `origin`, on `date`.
    fn assess(
        &self,
        line: &GoodsLine,
        destination: &str,
        origin: Option<&str>,
        date: Option<PartialDate>,
    ) -> GoodsAssessment;
}

/// What the goods engine says about one line.
#[derive(Clone, Debug, Serialize)]
pub struct GoodsAssessment {
    pub hs_code: Option<String>,
    pub heading: Option<String>,
    pub luxury: bool,
    /// Value per unit in USD, converted by the goods engine (the one place
    /// that holds exchange rates), with how it was converted.
    pub unit_value_usd: Option<UsdValue>,
    pub verdicts: Vec<GoodsVerdict>,
    pub warnings: Vec<String>,
    /// The declared HS code and the description disagree (the goods
    /// engine classifies by the description and says so).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<DeclarationMismatch>,
}

/// Declared and described goods disagree, as the goods engine reports it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct DeclarationMismatch {
    /// `heading` (declared HS code against the description) or another
    /// kind the goods engine names (`make_model`).
    pub kind: String,
    pub declared: String,
    pub described: String,
    pub detail: String,
}

/// A unit value converted to US dollars, and the rate's source.
#[derive(Clone, Debug, Serialize)]
pub struct UsdValue {
    pub usd: f64,
    pub basis: String,
}

/// One jurisdiction's verdict on a goods line.
#[derive(Clone, Debug, Serialize)]
pub struct GoodsVerdict {
    /// `un`, `us`, `eu`, `gb`, `jp`, `kr`, ... (any case; `uk` is read as `gb`).
    pub jurisdiction: String,
    /// `prohibited` | `licence_required` | `not_controlled` | `unknown`.
    pub status: String,
    pub rule: Option<String>,
    pub instrument: Option<String>,
    pub provision: Option<String>,
    pub verified: Option<String>,
    pub reason: String,
}
