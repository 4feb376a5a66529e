//! The shipment model: parties by role, goods lines, legs, places and vessels.
//!
//! Field names are the project's shipment exchange format (documented
//! here and in `examples/README.md`): other systems produce them, so they
//! are never renamed; optional fields may be added. This module only holds data; validation lives in `parse`, rules in
//! `rules`.

use interdict_model::{PartialDate, Schema};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One shipment: who, what, where and how.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Shipment {
    /// The shipment's id as declared.
    pub id: String,
    /// The shipment's date as declared.
    pub date: PartialDate,
    /// ISO 3166-1 alpha-2, lower case.
    pub declared_destination: String,
    /// Why the goods move, as declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Purpose>,
    /// Everyone named on the documents, with their roles.
    pub parties: Vec<Party>,
    /// The goods lines.
    pub goods: Vec<GoodsLine>,
    /// The journey, leg by leg, in order.
    #[serde(default)]
    pub legs: Vec<Leg>,
    /// Source documents as given; kept, not read by the rules.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<serde_json::Value>,
    /// Free text: what the source leaves open, how the fixture was built.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Where the facts come from (fixtures of real cases).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// Expected decision, for labelled test shipments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
}

/// Declared purpose of the shipment.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    /// A commercial sale.
    Sale,
    /// A gift.
    Gift,
    /// A traveller's own belongings.
    PersonalEffects,
    /// Supplies for a diplomatic mission.
    Diplomatic,
    /// Humanitarian aid.
    Humanitarian,
    /// Goods sent for repair.
    Repair,
    /// Goods returned to their sender.
    Return,
    /// Samples.
    Sample,
    /// Anything else.
    Other,
}

/// The part a party plays in the shipment.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Sends the goods.
    Exporter,
    /// Receives the goods.
    Consignee,
    /// Is notified on arrival.
    NotifyParty,
    /// Uses the goods in the end.
    EndUser,
    /// Receives the goods on the way.
    IntermediateConsignee,
    /// Arranges the transport.
    Forwarder,
    /// Carries the goods.
    Carrier,
    /// Pays for the goods.
    Payer,
}

impl Role {
    /// Every role, in report order.
    pub const ALL: [Role; 8] = [
        Role::Exporter,
        Role::Consignee,
        Role::NotifyParty,
        Role::EndUser,
        Role::IntermediateConsignee,
        Role::Forwarder,
        Role::Carrier,
        Role::Payer,
    ];

    /// The snake-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Exporter => "exporter",
            Role::Consignee => "consignee",
            Role::NotifyParty => "notify_party",
            Role::EndUser => "end_user",
            Role::IntermediateConsignee => "intermediate_consignee",
            Role::Forwarder => "forwarder",
            Role::Carrier => "carrier",
            Role::Payer => "payer",
        }
    }

    /// Reads a snake-case role name.
    pub fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A party to the shipment.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Party {
    /// Its role in the shipment.
    pub role: Role,
    /// What kind of party (default `LegalEntity`).
    #[serde(default = "default_schema")]
    pub schema: Schema,
    /// Its name as written.
    pub name: String,
    /// Country of registration or residence (ISO alpha-2, lower case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Its address as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Identifiers by kind (`imo`, `passport`, `registration`, ...).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub identifiers: BTreeMap<String, String>,
    /// A person's nationality, ISO alpha-2 lower case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    /// A person's office or function.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// A person's birth date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<PartialDate>,
}

fn default_schema() -> Schema {
    Schema::LegalEntity
}

/// One goods line.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct GoodsLine {
    /// What the commercial documents say.
    pub description: String,
    /// What the customs declaration says, when it differs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_description: Option<String>,
    /// Declared HS code (2–10 digits, dots allowed). Named as in the goods
    /// crate's line; `hs` is read too (the goods command's original key).
    #[serde(default, alias = "hs", skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// How many `unit`s.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<f64>,
    /// The unit of `quantity` as declared.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// The line's total declared value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// ISO 4217 currency of `value`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// The vehicle identification (chassis) number of a vehicle line, as
    /// written; a malformed one is flagged, never refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vin: Option<String>,
}

/// Transport mode of a leg.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// By sea.
    Sea,
    /// By air.
    Air,
    /// By rail.
    Rail,
    /// By road.
    Road,
    /// By inland waterway.
    Inland,
    /// By post or courier.
    Post,
    /// Any other way.
    Other,
}

/// A place: a UN/LOCODE (`"KPNAM"`) or a name with its country.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Place {
    /// A UN/LOCODE.
    Code(String),
    /// A place without a code: its name and country (ISO alpha-2).
    Named {
        /// The place's name.
        name: String,
        /// Its country, ISO alpha-2 lower case.
        country: String,
    },
}

impl Place {
    /// The place's country (lower-case alpha-2).
    pub fn country(&self) -> String {
        match self {
            Place::Code(c) => c.get(..2).unwrap_or_default().to_ascii_lowercase(),
            Place::Named { country, .. } => country.clone(),
        }
    }

    /// The UN/LOCODE, when the place is given by one.
    pub fn locode(&self) -> Option<&str> {
        match self {
            Place::Code(c) => Some(c),
            Place::Named { .. } => None,
        }
    }

    /// A short label for reports.
    pub fn label(&self) -> String {
        match self {
            Place::Code(c) => c.clone(),
            Place::Named { name, country } => format!("{name} ({country})"),
        }
    }
}

/// One leg of the journey.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Leg {
    /// How the goods travel.
    pub mode: Mode,
    /// Where the leg starts.
    pub from: Place,
    /// Where it ends.
    pub to: Place,
    /// When it departs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depart: Option<PartialDate>,
    /// When it arrives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrive: Option<PartialDate>,
    /// The carrier, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    /// The flight number, on an air leg.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flight: Option<String>,
    /// The aircraft's registration mark or serial number, on an air leg.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aircraft: Option<String>,
    /// The vessel, on a sea leg.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vessel: Option<Vessel>,
    /// Periods without a tracking signal.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracking_gaps: Vec<TrackingGap>,
    /// Free text, e.g. "inferred, not proven".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A vessel on a sea leg.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Vessel {
    /// Its name as declared.
    pub name: String,
    /// Its IMO number (`IMO` and 7 digits, or the digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imo: Option<String>,
    /// Its flag, ISO alpha-2 lower case.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// Names it had before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<FormerName>,
    /// Flags it flew before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_flags: Vec<FormerFlag>,
}

impl Vessel {
    /// The IMO number's digits (`"IMO9114555"` → `"9114555"`).
    pub fn imo_digits(&self) -> Option<String> {
        let digits: String = self
            .imo
            .as_deref()?
            .chars()
            .filter(char::is_ascii_digit)
            .collect();
        (!digits.is_empty()).then_some(digits)
    }
}

/// A name a vessel had before.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FormerName {
    /// The name.
    pub name: String,
    /// When it stopped using it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
}

/// A flag a vessel flew before.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FormerFlag {
    /// The flag, ISO alpha-2 lower case.
    pub flag: String,
    /// When it stopped flying it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
}

/// A period with no tracking signal (AIS off).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TrackingGap {
    /// When the signal stopped.
    pub from: PartialDate,
    /// When it came back.
    pub to: PartialDate,
}

impl Shipment {
    /// Parties with the given role.
    pub fn parties_in(&self, role: Role) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(move |p| p.role == role)
    }
}
