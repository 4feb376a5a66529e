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
    /// The list entry's id (`<dataset>:<source id>`).
    pub entity_id: String,
    /// The entry's main name.
    pub caption: String,
    /// The entry's kind of party (FtM schema name).
    pub schema: String,
    /// The match score, in [0, 1].
    pub score: f64,
    /// The lists the entry is on.
    pub datasets: Vec<String>,
    /// The sanctions programmes of the listing, as the list writes them.
    pub programs: Vec<String>,
    /// How the match was made, one line each.
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
    /// The HS code the verdicts rest on.
    pub hs_code: Option<String>,
    /// Its 4-digit heading.
    pub heading: Option<String>,
    /// The goods are luxury goods under the lists.
    pub luxury: bool,
    /// Value per unit in USD, converted by the goods engine (the one place
    /// that holds exchange rates), with how it was converted.
    pub unit_value_usd: Option<UsdValue>,
    /// One verdict per jurisdiction.
    pub verdicts: Vec<GoodsVerdict>,
    /// What the goods engine could not settle, in words.
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
    /// What the declaration says.
    pub declared: String,
    /// What the description says.
    pub described: String,
    /// The goods engine's explanation.
    pub detail: String,
}

/// A unit value converted to US dollars, and the rate's source.
#[derive(Clone, Debug, Serialize)]
pub struct UsdValue {
    /// The value in US dollars.
    pub usd: f64,
    /// The rate used and its source.
    pub basis: String,
}

/// One jurisdiction's verdict on a goods line.
#[derive(Clone, Debug, Serialize)]
pub struct GoodsVerdict {
    /// `un`, `us`, `eu`, `gb`, `jp`, `kr`, ... (any case; `uk` is read as `gb`).
    pub jurisdiction: String,
    /// `prohibited` | `licence_required` | `not_controlled` | `unknown`.
    pub status: String,
    /// The control rule's id, if one matched.
    pub rule: Option<String>,
    /// The instrument of the rule.
    pub instrument: Option<String>,
    /// The provision of the instrument.
    pub provision: Option<String>,
    /// How far the rule was verified against the official text.
    pub verified: Option<String>,
    /// Why the verdict, in words.
    pub reason: String,
}
