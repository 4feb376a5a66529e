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
    pub id: String,
    pub date: PartialDate,
    /// ISO 3166-1 alpha-2, lower case.
    pub declared_destination: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<Purpose>,
    pub parties: Vec<Party>,
    pub goods: Vec<GoodsLine>,
    #[serde(default)]
    pub legs: Vec<Leg>,
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
    Sale,
    Gift,
    PersonalEffects,
    Diplomatic,
    Humanitarian,
    Repair,
    Return,
    Sample,
    Other,
}

/// The part a party plays in the shipment.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Exporter,
    Consignee,
    NotifyParty,
    EndUser,
    IntermediateConsignee,
    Forwarder,
    Carrier,
    Payer,
}

impl Role {
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
    pub role: Role,
    #[serde(default = "default_schema")]
    pub schema: Schema,
    pub name: String,
    /// Country of registration or residence (ISO alpha-2, lower case).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub identifiers: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nationality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
}

/// Transport mode of a leg.
#[derive(Clone, Copy, Debug, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Sea,
    Air,
    Rail,
    Road,
    Inland,
    Post,
    Other,
}

/// A place: a UN/LOCODE (`"KPNAM"`) or a name with its country.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
#[serde(untagged)]
pub enum Place {
    Code(String),
    Named { name: String, country: String },
}

impl Place {
    /// The place's country (lower-case alpha-2).
    pub fn country(&self) -> String {
        match self {
            Place::Code(c) => c.get(..2).unwrap_or_default().to_ascii_lowercase(),
            Place::Named { country, .. } => country.clone(),
        }
    }

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
    pub mode: Mode,
    pub from: Place,
    pub to: Place,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depart: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrive: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carrier: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flight: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vessel: Option<Vessel>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracking_gaps: Vec<TrackingGap>,
    /// Free text, e.g. "inferred, not proven".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A vessel on a sea leg.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Vessel {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imo: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former_names: Vec<FormerName>,
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

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FormerName {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct FormerFlag {
    pub flag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<PartialDate>,
}

/// A period with no tracking signal (AIS off).
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct TrackingGap {
    pub from: PartialDate,
    pub to: PartialDate,
}

impl Shipment {
    /// Parties with the given role.
    pub fn parties_in(&self, role: Role) -> impl Iterator<Item = &Party> {
        self.parties.iter().filter(move |p| p.role == role)
    }
}
