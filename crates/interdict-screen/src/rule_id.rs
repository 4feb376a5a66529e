//! The screen rules' identifiers: the one list of rules the code implements.
//!
//! `rules.toml` describes each id (severity, statement, citations) and
//! refuses ids this enum does not know; each rule is one function named
//! after its id (`route.dark_period` → `rules::route::route_dark_period`)
//! in the file of its [`Family`]. Serialised as the dotted id
//! (`"route.dark_period"`), the string `interdict screen --format jsonl`
//! has always written.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The file of `rules/` that holds a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// `rules/parties.rs`: who (lists, missions, secrecy, payer).
    Parties,
    /// `rules/destination.rs`: where the goods really go.
    Destination,
    /// `rules/goods.rs`: what (verdicts, gifts, values, declarations).
    Goods,
    /// `rules/route.rs`: how the goods travel.
    Route,
    /// `rules/vessel.rs`: which ships and carriers.
    Vessel,
    /// `rules/assets.rs`: assets by their identifiers (VIN, IMO, registration).
    Asset,
}

macro_rules! rule_ids {
    ($($(#[$doc:meta])* $variant:ident = $id:literal, $family:ident;)*) => {
        /// A screen rule.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($(#[$doc])* $variant,)*
        }

        impl RuleId {
            /// Every rule.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The dotted id (`"party.listed"`).
            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// The file of `rules/` that implements it.
            pub fn family(self) -> Family {
                match self {
                    $(RuleId::$variant => Family::$family,)*
                }
            }
        }
    };
}

rule_ids! {
    /// A party matches a sanctions-list entry.
    PartyListed = "party.listed", Parties;
    /// A receiving party is a DPRK mission or diplomat.
    ConsigneeDprkMission = "consignee.dprk_mission", Parties;
    /// A consignee is registered in a secrecy jurisdiction.
    ConsigneeSecrecyJurisdiction = "consignee.secrecy_jurisdiction", Parties;
    /// The payer is in a country of none of the trading parties.
    PayerThirdCountry = "payer.third_country", Parties;
    /// The declared destination disagrees with route, consignee or end user.
    DestinationMismatch = "destination.mismatch", Destination;
    /// Bound for or through a comprehensively sanctioned country.
    DestinationSanctioned = "destination.sanctioned", Destination;
    /// A goods line is prohibited under an applicable jurisdiction.
    GoodsProhibited = "goods.prohibited", Goods;
    /// A goods line needs a licence under an applicable jurisdiction.
    GoodsLicenceRequired = "goods.licence_required", Goods;
    /// Luxury goods declared as a gift or at zero value.
    GoodsLuxuryGift = "goods.luxury_gift", Goods;
    /// Value per unit of quantity far under the reference.
    GoodsUndervalued = "goods.undervalued", Goods;
    /// Luxury goods declared under an unrelated HS heading.
    GoodsHsMismatch = "goods.hs_mismatch", Goods;
    /// Several transshipments through a DPRK-exposed hub.
    RouteTransshipmentChain = "route.transshipment_chain", Route;
    /// The route is much longer than the direct distance.
    RouteCircuitous = "route.circuitous", Route;
    /// Consecutive legs do not connect in place or time.
    RouteDisconnected = "route.disconnected", Route;
    /// A leg never arrived at its declared port.
    RouteDeclaredPortNotReached = "route.declared_port_not_reached", Route;
    /// Tracking (AIS) off for a long period.
    RouteDarkPeriod = "route.dark_period", Route;
    /// A vessel on a leg is listed.
    VesselListed = "vessel.listed", Vessel;
    /// A vessel renamed or reflagged shortly before the leg.
    VesselRenamed = "vessel.renamed", Vessel;
    /// A vessel under a flag of convenience.
    VesselFlagOfConvenience = "vessel.flag_of_convenience", Vessel;
    /// A leg or a party is a DPRK carrier.
    CarrierDprk = "carrier.dprk", Vessel;
    /// A goods line or leg carries a watched VIN, IMO number or registration.
    AssetWatched = "asset.watched", Asset;
    /// A goods line's VIN or a leg's IMO number is malformed.
    AssetMalformedId = "asset.malformed_id", Asset;
    /// A vehicle line on a DPRK-exposed route gives no chassis number (VIN).
    AssetNoChassisNumber = "asset.no_chassis_number", Asset;
}

impl RuleId {
    /// Reads a dotted id.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == s.trim())
    }
}

impl fmt::Display for RuleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for RuleId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for RuleId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RuleId, D::Error> {
        let s = String::deserialize(d)?;
        RuleId::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown rule id {s:?} (not implemented by this build)"
            ))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for r in RuleId::ALL {
            assert!(seen.insert(r.as_str()), "{r} twice");
            assert_eq!(RuleId::parse(r.as_str()), Some(*r));
            let json = serde_json::to_string(r).expect("serialise");
            assert_eq!(json, format!("\"{}\"", r.as_str()));
        }
        assert_eq!(RuleId::parse("route.dark"), None);
    }

    #[test]
    fn each_family_is_the_prefix_or_its_documented_home() {
        for r in RuleId::ALL {
            let prefix = r.as_str().split('.').next().unwrap_or_default();
            let ok = match r.family() {
                Family::Parties => ["party", "consignee", "payer"].contains(&prefix),
                Family::Destination => prefix == "destination",
                Family::Goods => prefix == "goods",
                Family::Route => prefix == "route",
                Family::Vessel => ["vessel", "carrier"].contains(&prefix),
                Family::Asset => prefix == "asset",
            };
            assert!(ok, "{r} in {:?}", r.family());
        }
    }
}
