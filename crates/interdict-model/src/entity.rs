//! The FollowTheMoney-shaped entity every list parser produces.
//!
//! Properties are multi-valued strings keyed by FtM property name, as in
//! FtM JSON. Conventions interdict relies on (all parsers follow them):
//! - `name` holds the primary name(s); `alias` strong aliases (OFAC a.k.a.,
//!   UN "Good quality"); `weakAlias` weak ones (OFAC weak a.k.a., UN "Low
//!   quality"); `previousName` former names (OFAC f.k.a., vessel ex-names).
//!   Names in original script are kept as written, never transliterated here.
//! - `birthDate` values are ISO dates whose length is their precision
//!   (`1984`, `1984-01`, `1984-01-08`); a range is stored as every year in
//!   it; "circa" is kept verbatim in `birthDateNote`.
//! - countries (`country`, `nationality`, `citizenship`, `flag`, ...) are ISO
//!   3166-1 alpha-2 lower case.
//! - anything a parser could not interpret is kept in `notes`, never dropped.

use crate::schema::Schema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// FtM property names used across interdict.
pub mod prop {
    pub const NAME: &str = "name";
    pub const ALIAS: &str = "alias";
    pub const WEAK_ALIAS: &str = "weakAlias";
    pub const PREVIOUS_NAME: &str = "previousName";
    pub const FIRST_NAME: &str = "firstName";
    pub const LAST_NAME: &str = "lastName";
    pub const MIDDLE_NAME: &str = "middleName";
    pub const FATHER_NAME: &str = "fatherName";
    pub const TITLE: &str = "title";
    pub const POSITION: &str = "position";
    pub const BIRTH_DATE: &str = "birthDate";
    pub const BIRTH_DATE_NOTE: &str = "birthDateNote";
    pub const BIRTH_PLACE: &str = "birthPlace";
    pub const GENDER: &str = "gender";
    pub const NATIONALITY: &str = "nationality";
    pub const CITIZENSHIP: &str = "citizenship";
    pub const COUNTRY: &str = "country";
    pub const JURISDICTION: &str = "jurisdiction";
    pub const ADDRESS: &str = "address";
    pub const PASSPORT_NUMBER: &str = "passportNumber";
    pub const ID_NUMBER: &str = "idNumber";
    pub const TAX_NUMBER: &str = "taxNumber";
    pub const REGISTRATION_NUMBER: &str = "registrationNumber";
    pub const SWIFT_BIC: &str = "swiftBic";
    pub const EMAIL: &str = "email";
    pub const WEBSITE: &str = "website";
    pub const IMO_NUMBER: &str = "imoNumber";
    pub const MMSI: &str = "mmsi";
    pub const CALL_SIGN: &str = "callSign";
    pub const FLAG: &str = "flag";
    pub const PAST_FLAGS: &str = "pastFlags";
    pub const VESSEL_TYPE: &str = "type";
    pub const TONNAGE: &str = "tonnage";
    pub const GROSS_REGISTERED_TONNAGE: &str = "grossRegisteredTonnage";
    pub const OWNER: &str = "owner";
    pub const REGISTRATION: &str = "registrationNumber";
    pub const SERIAL_NUMBER: &str = "serialNumber";
    pub const MODEL: &str = "model";
    pub const BUILD_DATE: &str = "buildDate";
    pub const PROGRAM: &str = "program";
    pub const TOPICS: &str = "topics";
    pub const LISTING_DATE: &str = "createdAt";
    pub const MODIFIED_AT: &str = "modifiedAt";
    pub const NOTES: &str = "notes";
    pub const SOURCE_URL: &str = "sourceUrl";

    /// Every property that holds a name of the entity, strongest first.
    pub const NAME_PROPS: [&str; 4] = [NAME, ALIAS, PREVIOUS_NAME, WEAK_ALIAS];
}

/// One listed party (or, after merging, several records of the same party).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `<dataset>:<source id>`, e.g. `us_ofac_sdn:12211`.
    pub id: String,
    pub schema: Schema,
    #[serde(default)]
    pub properties: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub datasets: Vec<String>,
    /// Every source record id this entity stands for.
    #[serde(default)]
    pub referents: Vec<String>,
}

impl Entity {
    /// A new entity of `dataset` with source id `source_id`.
    pub fn new(dataset: &str, source_id: &str, schema: Schema) -> Self {
        let id = format!("{dataset}:{source_id}");
        Entity {
            referents: vec![id.clone()],
            id,
            schema,
            properties: BTreeMap::new(),
            datasets: vec![dataset.to_string()],
        }
    }

    /// Adds a value, trimmed; empty values and exact duplicates are ignored.
    pub fn add(&mut self, property: &str, value: impl AsRef<str>) {
        let value = value.as_ref().trim();
        if value.is_empty() {
            return;
        }
        let values = self.properties.entry(property.to_string()).or_default();
        if !values.iter().any(|v| v == value) {
            values.push(value.to_string());
        }
    }

    /// The values of a property (empty if absent).
    pub fn get(&self, property: &str) -> &[String] {
        self.properties.get(property).map_or(&[], Vec::as_slice)
    }

    /// The first value of a property.
    pub fn first(&self, property: &str) -> Option<&str> {
        self.get(property).first().map(String::as_str)
    }

    /// Every name of the entity with the property it came from, strongest first.
    pub fn names(&self) -> impl Iterator<Item = (&'static str, &str)> {
        prop::NAME_PROPS
            .into_iter()
            .flat_map(move |p| self.get(p).iter().map(move |v| (p, v.as_str())))
    }

    /// The display name: the first primary name, else any name, else the id.
    pub fn caption(&self) -> &str {
        self.names().next().map_or(self.id.as_str(), |(_, n)| n)
    }

    /// The source id part of [`Entity::id`].
    pub fn source_id(&self) -> &str {
        self.id.split_once(':').map_or(self.id.as_str(), |(_, s)| s)
    }
}

/// What the catalogue knows of one bundled or loaded dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DatasetInfo {
    /// OpenSanctions-style name, e.g. `un_sc_sanctions`.
    pub name: String,
    pub title: String,
    pub publisher: String,
    /// ISO date of the snapshot (as stated in or derived from the file).
    pub snapshot_date: String,
    pub source_url: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn add_trims_and_dedups() {
        let mut e = Entity::new("x", "1", Schema::Person);
        e.add(prop::ALIAS, " A ");
        e.add(prop::ALIAS, "A");
        e.add(prop::ALIAS, "");
        assert_eq!(e.get(prop::ALIAS), ["A"]);
    }

    #[test]
    fn names_are_ordered_strongest_first() {
        let mut e = Entity::new("x", "1", Schema::Vessel);
        e.add(prop::WEAK_ALIAS, "W");
        e.add(prop::PREVIOUS_NAME, "P");
        e.add(prop::NAME, "N");
        let names: Vec<_> = e.names().map(|(_, n)| n).collect();
        assert_eq!(names, ["N", "P", "W"]);
        assert_eq!(e.source_id(), "1");
    }

    #[test]
    fn json_shape_is_ftm() {
        let mut e = Entity::new("us_ofac_sdn", "12211", Schema::Vessel);
        e.add(prop::IMO_NUMBER, "IMO9114555");
        let v = serde_json::to_value(&e).expect("serialise");
        assert_eq!(v["id"], "us_ofac_sdn:12211");
        assert_eq!(v["schema"], "Vessel");
        assert_eq!(v["properties"]["imoNumber"][0], "IMO9114555");
        assert_eq!(v["referents"][0], "us_ofac_sdn:12211");
    }
}
