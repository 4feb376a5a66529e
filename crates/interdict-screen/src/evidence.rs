//! What made each rule fire, as typed data: one struct per rule (two for
//! `carrier.dprk`), serialised under the JSON keys `interdict screen
//! --format jsonl` has always written (keys are only ever added). The
//! report renders these to sentences; nothing reads them back by key.

use crate::engines::{GoodsVerdict, PartyHit};
use crate::jurisdiction::Jurisdiction;
use crate::law::{ListLaw, StateLaw};
use crate::quantity::{Converted, QuantityUnit};
use crate::rule_id::RuleId;
use crate::shipment::{FormerFlag, FormerName, Mode, Purpose, Role};
use interdict_model::PartialDate;
use serde::Serialize;

/// The index of a leg in the shipment (0-based, as in the JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct LegIndex(pub usize);

/// The index of a party in the shipment (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct PartyIndex(pub usize);

/// The index of a goods line in the shipment (0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(transparent)]
pub struct LineIndex(pub usize);

/// A flag's evidence: the variant names the rule.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Evidence {
    PartyListed(PartyListed),
    ConsigneeDprkMission(DprkMission),
    ConsigneeSecrecyJurisdiction(SecrecyJurisdiction),
    PayerThirdCountry(ThirdCountryPayer),
    DestinationMismatch(DestinationMismatch),
    DestinationSanctioned(DestinationSanctioned),
    GoodsProhibited(GoodsVerdicts),
    GoodsLicenceRequired(GoodsVerdicts),
    GoodsLuxuryGift(LuxuryGift),
    GoodsUndervalued(Undervalued),
    GoodsHsMismatch(HsMismatch),
    RouteTransshipmentChain(TransshipmentChain),
    RouteCircuitous(Circuitous),
    RouteDisconnected(Disconnected),
    RouteDeclaredPortNotReached(PortNotReached),
    RouteDarkPeriod(DarkPeriod),
    VesselListed(VesselListed),
    VesselRenamed(VesselRenamed),
    VesselFlagOfConvenience(FlagOfConvenience),
    CarrierDprkLeg(DprkCarrierLeg),
    CarrierDprkParty(DprkCarrierParty),
}

impl Evidence {
    /// The rule this evidence belongs to.
    pub fn rule(&self) -> RuleId {
        match self {
            Evidence::PartyListed(_) => RuleId::PartyListed,
            Evidence::ConsigneeDprkMission(_) => RuleId::ConsigneeDprkMission,
            Evidence::ConsigneeSecrecyJurisdiction(_) => RuleId::ConsigneeSecrecyJurisdiction,
            Evidence::PayerThirdCountry(_) => RuleId::PayerThirdCountry,
            Evidence::DestinationMismatch(_) => RuleId::DestinationMismatch,
            Evidence::DestinationSanctioned(_) => RuleId::DestinationSanctioned,
            Evidence::GoodsProhibited(_) => RuleId::GoodsProhibited,
            Evidence::GoodsLicenceRequired(_) => RuleId::GoodsLicenceRequired,
            Evidence::GoodsLuxuryGift(_) => RuleId::GoodsLuxuryGift,
            Evidence::GoodsUndervalued(_) => RuleId::GoodsUndervalued,
            Evidence::GoodsHsMismatch(_) => RuleId::GoodsHsMismatch,
            Evidence::RouteTransshipmentChain(_) => RuleId::RouteTransshipmentChain,
            Evidence::RouteCircuitous(_) => RuleId::RouteCircuitous,
            Evidence::RouteDisconnected(_) => RuleId::RouteDisconnected,
            Evidence::RouteDeclaredPortNotReached(_) => RuleId::RouteDeclaredPortNotReached,
            Evidence::RouteDarkPeriod(_) => RuleId::RouteDarkPeriod,
            Evidence::VesselListed(_) => RuleId::VesselListed,
            Evidence::VesselRenamed(_) => RuleId::VesselRenamed,
            Evidence::VesselFlagOfConvenience(_) => RuleId::VesselFlagOfConvenience,
            Evidence::CarrierDprkLeg(_) | Evidence::CarrierDprkParty(_) => RuleId::CarrierDprk,
        }
    }

    /// The legs this evidence points at (drawn as suspicious on the map).
    pub fn legs(&self) -> Vec<LegIndex> {
        match self {
            Evidence::RouteDisconnected(e) => e.legs.to_vec(),
            Evidence::RouteDeclaredPortNotReached(e) => vec![e.leg, e.next_leg],
            Evidence::RouteDarkPeriod(e) => vec![e.leg],
            Evidence::VesselListed(e) => vec![e.leg],
            Evidence::VesselRenamed(e) => vec![e.leg],
            Evidence::VesselFlagOfConvenience(e) => vec![e.leg],
            Evidence::CarrierDprkLeg(e) => vec![e.leg],
            _ => Vec::new(),
        }
    }
}

/// A list hit with the law of the list it is on.
#[derive(Debug, Clone, Serialize)]
pub struct ListedHit {
    #[serde(flatten)]
    pub hit: PartyHit,
    /// One entry per programme of the listing; empty when the list's law is
    /// not tabulated (a user-loaded file).
    pub law: Vec<ListLaw>,
}

impl ListedHit {
    /// The jurisdictions whose law lists the party (empty: not tabulated).
    pub fn jurisdictions(&self) -> Vec<Jurisdiction> {
        let mut j: Vec<Jurisdiction> = self.law.iter().map(|l| l.jurisdiction).collect();
        j.sort();
        j.dedup();
        j
    }
}

/// `party.listed`.
#[derive(Debug, Clone, Serialize)]
pub struct PartyListed {
    pub party_index: PartyIndex,
    pub role: Role,
    pub name: String,
    pub threshold: f64,
    pub hits: Vec<ListedHit>,
}

/// A DPRK mission from the missions table.
#[derive(Debug, Clone, Serialize)]
pub struct MissionRef {
    pub id: String,
    pub name: String,
    pub city: String,
    pub country: String,
    pub address: String,
    pub active_until: String,
    pub source: String,
}

/// `consignee.dprk_mission`.
#[derive(Debug, Clone, Serialize)]
pub struct DprkMission {
    pub party_index: PartyIndex,
    pub role: Role,
    pub name: String,
    pub address: Option<String>,
    pub reasons: Vec<String>,
    pub mission: Option<MissionRef>,
    /// Whether any goods line is luxury (supply to a DPRK organ abroad).
    pub luxury_goods: bool,
    /// The DPRK Government's status under each jurisdiction evaluated.
    pub state_law: Vec<StateLaw>,
}

/// `consignee.secrecy_jurisdiction`.
#[derive(Debug, Clone, Serialize)]
pub struct SecrecyJurisdiction {
    pub party_index: PartyIndex,
    pub role: Role,
    pub name: String,
    pub country: String,
    pub listed_as: String,
    pub source: String,
}

/// `payer.third_country`.
#[derive(Debug, Clone, Serialize)]
pub struct ThirdCountryPayer {
    pub party_index: PartyIndex,
    pub name: String,
    pub payer_country: String,
    pub trading_party_countries: Vec<String>,
}

/// Where one piece of evidence says the goods go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicationSource {
    Declared,
    Route,
    EndUser,
    Consignee,
}

impl IndicationSource {
    /// Words for summaries ("consignee says bd").
    pub fn as_str(self) -> &'static str {
        match self {
            IndicationSource::Declared => "declared",
            IndicationSource::Route => "route",
            IndicationSource::EndUser => "end_user",
            IndicationSource::Consignee => "consignee",
        }
    }
}

/// One indication of the destination.
#[derive(Debug, Clone, Serialize)]
pub struct Indication {
    pub source: IndicationSource,
    pub country: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// `destination.mismatch`.
#[derive(Debug, Clone, Serialize)]
pub struct DestinationMismatch {
    pub declared: String,
    pub inferred_final: String,
    pub indications: Vec<Indication>,
}

/// `destination.sanctioned`.
#[derive(Debug, Clone, Serialize)]
pub struct DestinationSanctioned {
    pub indications: Vec<Indication>,
}

/// One jurisdiction's verdict for one destination.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictFor {
    pub destination: String,
    pub verdict: GoodsVerdict,
}

/// `goods.prohibited` and `goods.licence_required`.
#[derive(Debug, Clone, Serialize)]
pub struct GoodsVerdicts {
    pub line: LineIndex,
    pub description: String,
    pub hs_code: Option<String>,
    /// Verdicts of the jurisdictions whose law reaches the shipment.
    pub verdicts: Vec<VerdictFor>,
}

/// `goods.luxury_gift`.
#[derive(Debug, Clone, Serialize)]
pub struct LuxuryGift {
    pub line: LineIndex,
    pub description: String,
    pub purpose: Option<Purpose>,
    pub value: Option<f64>,
    pub currency: Option<String>,
}

/// A reference unit value as the evidence shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenceValue {
    pub id: String,
    pub unit_value_usd: f64,
    pub basis: String,
    pub source: String,
}

/// `goods.undervalued`.
#[derive(Debug, Clone, Serialize)]
pub struct Undervalued {
    pub line: LineIndex,
    pub description: String,
    pub declared_value: f64,
    pub currency: String,
    pub quantity: f64,
    /// Value per reference unit in USD.
    pub unit_value_usd: f64,
    pub fx_source: String,
    pub reference: ReferenceValue,
    pub ratio: f64,
    pub threshold_ratio: f64,
    /// The line's unit as written, read as a unit of measure.
    pub quantity_unit: Option<QuantityUnit>,
    /// The quantity in the reference's unit, and how it was read.
    pub per: Converted,
}

/// `goods.hs_mismatch`.
#[derive(Debug, Clone, Serialize)]
pub struct HsMismatch {
    pub line: LineIndex,
    pub description: String,
    pub declared_hs: String,
    pub described_hs: String,
    pub detail: String,
}

/// A DPRK-exposed hub on the route.
#[derive(Debug, Clone, Serialize)]
pub struct ExposedHub {
    pub place: String,
    pub hub: String,
    pub exposure: String,
    pub kind: String,
    pub source: String,
}

/// `route.transshipment_chain`.
#[derive(Debug, Clone, Serialize)]
pub struct TransshipmentChain {
    pub transshipments: Vec<String>,
    pub exposed_hubs: Vec<ExposedHub>,
    pub chain_threshold: usize,
}

/// `route.circuitous`.
#[derive(Debug, Clone, Serialize)]
pub struct Circuitous {
    pub travelled_km: f64,
    pub direct_km: f64,
    pub ratio: f64,
    pub threshold: f64,
}

/// `route.disconnected`.
#[derive(Debug, Clone, Serialize)]
pub struct Disconnected {
    pub legs: [LegIndex; 2],
    pub problems: Vec<String>,
}

/// `route.declared_port_not_reached`.
#[derive(Debug, Clone, Serialize)]
pub struct PortNotReached {
    pub leg: LegIndex,
    pub declared_port: String,
    pub next_leg: LegIndex,
    pub next_departs_from: String,
    pub vessel: Option<String>,
}

/// `route.dark_period`.
#[derive(Debug, Clone, Serialize)]
pub struct DarkPeriod {
    pub leg: LegIndex,
    pub from: PartialDate,
    pub to: PartialDate,
    pub days: i64,
    pub threshold_days: i64,
    pub vessel: Option<String>,
}

/// How a vessel was matched to a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    Imo,
    Name,
}

/// `vessel.listed`.
#[derive(Debug, Clone, Serialize)]
pub struct VesselListed {
    pub leg: LegIndex,
    pub vessel: String,
    pub imo: Option<String>,
    pub matched_by: MatchedBy,
    pub hits: Vec<PartyHit>,
}

/// `vessel.renamed`.
#[derive(Debug, Clone, Serialize)]
pub struct VesselRenamed {
    pub leg: LegIndex,
    pub vessel: String,
    pub former_names: Vec<FormerName>,
    pub former_flags: Vec<FormerFlag>,
    pub window_days: i64,
}

/// `vessel.flag_of_convenience`.
#[derive(Debug, Clone, Serialize)]
pub struct FlagOfConvenience {
    pub leg: LegIndex,
    pub vessel: String,
    pub flag: String,
    pub source: String,
}

/// `carrier.dprk` for a leg.
#[derive(Debug, Clone, Serialize)]
pub struct DprkCarrierLeg {
    pub leg: LegIndex,
    pub mode: Mode,
    pub carrier: Option<String>,
    pub flight: Option<String>,
    pub reasons: Vec<String>,
    pub source: Option<String>,
    pub note: Option<String>,
}

/// `carrier.dprk` for a carrier or forwarder party.
#[derive(Debug, Clone, Serialize)]
pub struct DprkCarrierParty {
    pub party_index: PartyIndex,
    pub name: String,
    pub carrier: String,
    pub source: String,
}
