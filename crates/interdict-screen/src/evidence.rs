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
    /// A party matched a list entry.
    PartyListed(PartyListed),
    /// The consignee is, or sits at, a DPRK diplomatic mission.
    ConsigneeDprkMission(DprkMission),
    /// The consignee is registered in a secrecy jurisdiction.
    ConsigneeSecrecyJurisdiction(SecrecyJurisdiction),
    /// A payer from a country no trading party is in.
    PayerThirdCountry(ThirdCountryPayer),
    /// The evidence points to a final destination other than the declared one.
    DestinationMismatch(DestinationMismatch),
    /// The goods go to a sanctioned destination.
    DestinationSanctioned(DestinationSanctioned),
    /// A goods line is prohibited for its destination.
    GoodsProhibited(GoodsVerdicts),
    /// A goods line needs a licence for its destination.
    GoodsLicenceRequired(GoodsVerdicts),
    /// Luxury goods declared as a gift or without value.
    GoodsLuxuryGift(LuxuryGift),
    /// A line's unit value is far below its reference value.
    GoodsUndervalued(Undervalued),
    /// The declared HS code and the description name different headings.
    GoodsHsMismatch(HsMismatch),
    /// Transshipments through DPRK-exposed hubs.
    RouteTransshipmentChain(TransshipmentChain),
    /// The route is much longer than the direct distance.
    RouteCircuitous(Circuitous),
    /// Consecutive legs do not connect in place or time.
    RouteDisconnected(Disconnected),
    /// A leg's declared port of arrival is not where the next leg leaves from.
    RouteDeclaredPortNotReached(PortNotReached),
    /// The vessel's tracking went dark for too long.
    RouteDarkPeriod(DarkPeriod),
    /// The vessel is on a list.
    VesselListed(VesselListed),
    /// The vessel changed name or flag shortly before the voyage.
    VesselRenamed(VesselRenamed),
    /// The vessel flies a flag of convenience.
    VesselFlagOfConvenience(FlagOfConvenience),
    /// A leg is run by a DPRK carrier.
    CarrierDprkLeg(DprkCarrierLeg),
    /// A carrier or forwarder party is a DPRK carrier.
    CarrierDprkParty(DprkCarrierParty),
    /// A goods line or leg carries a watched asset.
    AssetWatched(AssetWatched),
    /// A VIN or IMO number on the shipment is malformed.
    AssetMalformedId(MalformedId),
    /// A vehicle line on a DPRK-exposed route without a VIN.
    AssetNoChassisNumber(NoChassisNumber),
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
            Evidence::AssetWatched(_) => RuleId::AssetWatched,
            Evidence::AssetMalformedId(_) => RuleId::AssetMalformedId,
            Evidence::AssetNoChassisNumber(_) => RuleId::AssetNoChassisNumber,
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
            Evidence::AssetWatched(AssetWatched {
                at: AssetPlace::Leg { leg },
                ..
            })
            | Evidence::AssetMalformedId(MalformedId {
                at: AssetPlace::Leg { leg },
                ..
            }) => vec![*leg],
            _ => Vec::new(),
        }
    }
}

/// A list hit with the law of the list it is on.
#[derive(Debug, Clone, Serialize)]
pub struct ListedHit {
    /// The list entry and how well the party matched it.
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
    /// The party, by its position in the shipment.
    pub party_index: PartyIndex,
    /// The party's role in the shipment.
    pub role: Role,
    /// The party's name as declared.
    pub name: String,
    /// The match score a hit needed.
    pub threshold: f64,
    /// The list entries it matched.
    pub hits: Vec<ListedHit>,
}

/// A DPRK mission from the missions table.
#[derive(Debug, Clone, Serialize)]
pub struct MissionRef {
    /// The row id in the missions table.
    pub id: String,
    /// The mission's name.
    pub name: String,
    /// The city it is in.
    pub city: String,
    /// The host country, ISO alpha-2.
    pub country: String,
    /// Its street address, where published.
    pub address: String,
    /// When it closed, if it did (empty: open).
    pub active_until: String,
    /// Where the row comes from.
    pub source: String,
}

/// `consignee.dprk_mission`.
#[derive(Debug, Clone, Serialize)]
pub struct DprkMission {
    /// The party, by its position in the shipment.
    pub party_index: PartyIndex,
    /// The party's role in the shipment.
    pub role: Role,
    /// The party's name as declared.
    pub name: String,
    /// The party's address as declared.
    pub address: Option<String>,
    /// Why the party reads as a mission, one sentence each.
    pub reasons: Vec<String>,
    /// The mission of the table it matched, if one did.
    pub mission: Option<MissionRef>,
    /// Whether any goods line is luxury (supply to a DPRK organ abroad).
    pub luxury_goods: bool,
    /// The DPRK Government's status under each jurisdiction evaluated.
    pub state_law: Vec<StateLaw>,
}

/// `consignee.secrecy_jurisdiction`.
#[derive(Debug, Clone, Serialize)]
pub struct SecrecyJurisdiction {
    /// The party, by its position in the shipment.
    pub party_index: PartyIndex,
    /// The party's role in the shipment.
    pub role: Role,
    /// The party's name as declared.
    pub name: String,
    /// The party's country, ISO alpha-2.
    pub country: String,
    /// The jurisdiction as the table names it.
    pub listed_as: String,
    /// Where the table's row comes from.
    pub source: String,
}

/// `payer.third_country`.
#[derive(Debug, Clone, Serialize)]
pub struct ThirdCountryPayer {
    /// The party, by its position in the shipment.
    pub party_index: PartyIndex,
    /// The payer's name as declared.
    pub name: String,
    /// The payer's country, ISO alpha-2.
    pub payer_country: String,
    /// The countries of the exporter, consignee, end user and notify party.
    pub trading_party_countries: Vec<String>,
}

/// Where one piece of evidence says the goods go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicationSource {
    /// The declared destination.
    Declared,
    /// Where the route ends.
    Route,
    /// The end user's country.
    EndUser,
    /// The consignee's country.
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
    /// Which piece of evidence.
    pub source: IndicationSource,
    /// The country it points to, ISO alpha-2.
    pub country: String,
    /// What it says, in words (a place, a party).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

/// `destination.mismatch`.
#[derive(Debug, Clone, Serialize)]
pub struct DestinationMismatch {
    /// The declared destination, ISO alpha-2.
    pub declared: String,
    /// The final destination the evidence points to.
    pub inferred_final: String,
    /// Every indication of where the goods go, in the order found.
    pub indications: Vec<Indication>,
}

/// `destination.sanctioned`.
#[derive(Debug, Clone, Serialize)]
pub struct DestinationSanctioned {
    /// Every indication of where the goods go, in the order found.
    pub indications: Vec<Indication>,
}

/// One jurisdiction's verdict for one destination.
#[derive(Debug, Clone, Serialize)]
pub struct VerdictFor {
    /// The destination the verdict is for, ISO alpha-2.
    pub destination: String,
    /// The goods engine's verdict.
    pub verdict: GoodsVerdict,
}

/// `goods.prohibited` and `goods.licence_required`.
#[derive(Debug, Clone, Serialize)]
pub struct GoodsVerdicts {
    /// The goods line.
    pub line: LineIndex,
    /// The line's description as declared.
    pub description: String,
    /// The HS code the verdicts rest on.
    pub hs_code: Option<String>,
    /// Verdicts of the jurisdictions whose law reaches the shipment.
    pub verdicts: Vec<VerdictFor>,
}

/// `goods.luxury_gift`.
#[derive(Debug, Clone, Serialize)]
pub struct LuxuryGift {
    /// The goods line.
    pub line: LineIndex,
    /// The line's description as declared.
    pub description: String,
    /// The shipment's declared purpose.
    pub purpose: Option<Purpose>,
    /// The line's declared value, if any.
    pub value: Option<f64>,
    /// The currency of `value`.
    pub currency: Option<String>,
}

/// A reference unit value as the evidence shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ReferenceValue {
    /// The row id in the unit values table.
    pub id: String,
    /// The reference value of one unit, in USD.
    pub unit_value_usd: f64,
    /// What the value is for (article, litre, ...) and how it was set.
    pub basis: String,
    /// Where the value comes from.
    pub source: String,
}

/// `goods.undervalued`.
#[derive(Debug, Clone, Serialize)]
pub struct Undervalued {
    /// The goods line.
    pub line: LineIndex,
    /// The line's description as declared.
    pub description: String,
    /// The line's declared value.
    pub declared_value: f64,
    /// The currency of `declared_value`.
    pub currency: String,
    /// The declared quantity.
    pub quantity: f64,
    /// Value per reference unit in USD.
    pub unit_value_usd: f64,
    /// The exchange rate used and its source.
    pub fx_source: String,
    /// The reference value compared with.
    pub reference: ReferenceValue,
    /// Declared unit value ÷ reference unit value.
    pub ratio: f64,
    /// The ratio below which a line is undervalued.
    pub threshold_ratio: f64,
    /// The line's unit as written, read as a unit of measure.
    pub quantity_unit: Option<QuantityUnit>,
    /// The quantity in the reference's unit, and how it was read.
    pub per: Converted,
}

/// `goods.hs_mismatch`.
#[derive(Debug, Clone, Serialize)]
pub struct HsMismatch {
    /// The goods line.
    pub line: LineIndex,
    /// The line's description as declared.
    pub description: String,
    /// The declared HS code.
    pub declared_hs: String,
    /// The heading the description names.
    pub described_hs: String,
    /// The goods engine's explanation.
    pub detail: String,
}

/// A DPRK-exposed hub on the route.
#[derive(Debug, Clone, Serialize)]
pub struct ExposedHub {
    /// The route place, as the shipment names it.
    pub place: String,
    /// The hub of the table it is.
    pub hub: String,
    /// `dprk`, `border` or `adjacent` (see the hubs table).
    pub exposure: String,
    /// What the hub is, as the table says (port, border crossing, ...).
    pub kind: String,
    /// Where the hub's row comes from.
    pub source: String,
}

/// `route.transshipment_chain`.
#[derive(Debug, Clone, Serialize)]
pub struct TransshipmentChain {
    /// The intermediate stops of the route.
    pub transshipments: Vec<String>,
    /// Those of them that are DPRK-exposed hubs.
    pub exposed_hubs: Vec<ExposedHub>,
    /// How many intermediate stops (one at least a DPRK-exposed hub) make a chain.
    pub chain_threshold: usize,
}

/// `route.circuitous`.
#[derive(Debug, Clone, Serialize)]
pub struct Circuitous {
    /// The route's length over its legs' points, in km.
    pub travelled_km: f64,
    /// The distance from the route's first to its last point, in km.
    pub direct_km: f64,
    /// Travelled ÷ direct distance.
    pub ratio: f64,
    /// The ratio above which a route is circuitous.
    pub threshold: f64,
}

/// `route.disconnected`.
#[derive(Debug, Clone, Serialize)]
pub struct Disconnected {
    /// The two consecutive legs.
    pub legs: [LegIndex; 2],
    /// What does not connect, one sentence each.
    pub problems: Vec<String>,
}

/// `route.declared_port_not_reached`.
#[derive(Debug, Clone, Serialize)]
pub struct PortNotReached {
    /// The leg whose declared port was not reached.
    pub leg: LegIndex,
    /// Its declared port of arrival.
    pub declared_port: String,
    /// The leg after it.
    pub next_leg: LegIndex,
    /// Where the next leg departs from.
    pub next_departs_from: String,
    /// The vessel of the leg, if named.
    pub vessel: Option<String>,
}

/// `route.dark_period`.
#[derive(Debug, Clone, Serialize)]
pub struct DarkPeriod {
    /// The leg of the tracking gap.
    pub leg: LegIndex,
    /// When tracking stopped.
    pub from: PartialDate,
    /// When it resumed.
    pub to: PartialDate,
    /// The gap's length in days.
    pub days: i64,
    /// The length from which a gap counts.
    pub threshold_days: i64,
    /// The vessel of the leg, if named.
    pub vessel: Option<String>,
}

/// How a vessel was matched to a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchedBy {
    /// By its IMO number.
    Imo,
    /// By its name.
    Name,
}

/// `vessel.listed`.
#[derive(Debug, Clone, Serialize)]
pub struct VesselListed {
    /// The leg.
    pub leg: LegIndex,
    /// The vessel's name as declared.
    pub vessel: String,
    /// The vessel's IMO number as declared.
    pub imo: Option<String>,
    /// How it was matched.
    pub matched_by: MatchedBy,
    /// The list entries it matched.
    pub hits: Vec<PartyHit>,
}

/// `vessel.renamed`.
#[derive(Debug, Clone, Serialize)]
pub struct VesselRenamed {
    /// The leg.
    pub leg: LegIndex,
    /// The vessel's name as declared.
    pub vessel: String,
    /// Its former names within the window.
    pub former_names: Vec<FormerName>,
    /// Its former flags within the window.
    pub former_flags: Vec<FormerFlag>,
    /// How many days before departure a change counts.
    pub window_days: i64,
}

/// `vessel.flag_of_convenience`.
#[derive(Debug, Clone, Serialize)]
pub struct FlagOfConvenience {
    /// The leg.
    pub leg: LegIndex,
    /// The vessel's name as declared.
    pub vessel: String,
    /// The flag, ISO alpha-2.
    pub flag: String,
    /// Where the flag's row comes from.
    pub source: String,
}

/// `carrier.dprk` for a leg.
#[derive(Debug, Clone, Serialize)]
pub struct DprkCarrierLeg {
    /// The leg.
    pub leg: LegIndex,
    /// The leg's transport mode.
    pub mode: Mode,
    /// The carrier as declared.
    pub carrier: Option<String>,
    /// The flight number as declared.
    pub flight: Option<String>,
    /// Why the leg reads as run by a DPRK carrier, one sentence each.
    pub reasons: Vec<String>,
    /// Where the carrier's row comes from.
    pub source: Option<String>,
    /// The leg's note as declared.
    pub note: Option<String>,
}

/// `carrier.dprk` for a carrier or forwarder party.
#[derive(Debug, Clone, Serialize)]
pub struct DprkCarrierParty {
    /// The party, by its position in the shipment.
    pub party_index: PartyIndex,
    /// The party's name as declared.
    pub name: String,
    /// The DPRK carrier of the table it matched.
    pub carrier: String,
    /// Where the carrier's row comes from.
    pub source: String,
}

/// Where on the shipment an asset's identifier is written.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum AssetPlace {
    /// On a goods line (a vehicle's VIN).
    Line {
        /// The goods line.
        line: LineIndex,
    },
    /// On a leg (the vessel's IMO number, the aircraft's registration).
    Leg {
        /// The leg.
        leg: LegIndex,
    },
}

/// A watched asset on the shipment.
#[derive(Debug, Clone, Serialize)]
pub struct AssetWatched {
    /// Where it is written.
    #[serde(flatten)]
    pub at: AssetPlace,
    /// What kind of identifier.
    pub kind: interdict_assets::AssetKind,
    /// The identifier as the shipment writes it.
    pub id: String,
    /// The identifier as the watchlist writes it.
    pub watched_id: String,
    /// Why it is watched.
    pub why: String,
}

/// A malformed VIN or IMO number on the shipment.
#[derive(Debug, Clone, Serialize)]
pub struct MalformedId {
    /// Where it is written.
    #[serde(flatten)]
    pub at: AssetPlace,
    /// What kind of identifier it claims to be.
    pub kind: interdict_assets::AssetKind,
    /// As written.
    pub id: String,
    /// What is wrong with it.
    pub reason: String,
}

/// A vehicle line without a VIN on a DPRK-exposed route.
#[derive(Debug, Clone, Serialize)]
pub struct NoChassisNumber {
    /// The goods line.
    pub line: LineIndex,
    /// Its description.
    pub description: String,
    /// The vehicle heading (declared or classified).
    pub heading: String,
    /// Why the route is DPRK-exposed, in words.
    pub exposure: String,
}
