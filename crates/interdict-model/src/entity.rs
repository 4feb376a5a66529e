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
    /// Primary name(s) of the party.
    pub const NAME: &str = "name";
    /// Strong aliases (OFAC a.k.a., UN "Good quality").
    pub const ALIAS: &str = "alias";
    /// Weak aliases (OFAC weak a.k.a., UN "Low quality").
    pub const WEAK_ALIAS: &str = "weakAlias";
    /// Former names (OFAC f.k.a., a vessel's ex-names).
    pub const PREVIOUS_NAME: &str = "previousName";
    /// A person's given name, where the source gives it apart.
    pub const FIRST_NAME: &str = "firstName";
    /// A person's family name, where the source gives it apart.
    pub const LAST_NAME: &str = "lastName";
    /// A person's middle name(s).
    pub const MIDDLE_NAME: &str = "middleName";
    /// A patronymic or father's name.
    pub const FATHER_NAME: &str = "fatherName";
    /// An honorific or title ("Dr.", "General").
    pub const TITLE: &str = "title";
    /// An office or function the person holds or held.
    pub const POSITION: &str = "position";
    /// ISO birth dates whose length is their precision (`1984`, `1984-01-08`).
    pub const BIRTH_DATE: &str = "birthDate";
    /// A birth date as written when it is not exact ("circa 1950").
    pub const BIRTH_DATE_NOTE: &str = "birthDateNote";
    /// Place of birth as written.
    pub const BIRTH_PLACE: &str = "birthPlace";
    /// `male`, `female` or `other`, as the source states.
    pub const GENDER: &str = "gender";
    /// Nationalities, ISO 3166-1 alpha-2 lower case.
    pub const NATIONALITY: &str = "nationality";
    /// Citizenships, ISO 3166-1 alpha-2 lower case.
    pub const CITIZENSHIP: &str = "citizenship";
    /// Countries the party is linked to, ISO 3166-1 alpha-2 lower case.
    pub const COUNTRY: &str = "country";
    /// Country of incorporation, ISO 3166-1 alpha-2 lower case.
    pub const JURISDICTION: &str = "jurisdiction";
    /// Postal addresses, one line each.
    pub const ADDRESS: &str = "address";
    /// Passport numbers as written.
    pub const PASSPORT_NUMBER: &str = "passportNumber";
    /// National identity or other identification numbers.
    pub const ID_NUMBER: &str = "idNumber";
    /// Tax identification numbers.
    pub const TAX_NUMBER: &str = "taxNumber";
    /// Company registration numbers.
    pub const REGISTRATION_NUMBER: &str = "registrationNumber";
    /// SWIFT/BIC codes of a bank.
    pub const SWIFT_BIC: &str = "swiftBic";
    /// E-mail addresses.
    pub const EMAIL: &str = "email";
    /// Web sites.
    pub const WEBSITE: &str = "website";
    /// A vessel's (or its owner's) IMO number, `IMO` and 7 digits.
    pub const IMO_NUMBER: &str = "imoNumber";
    /// A vessel's Maritime Mobile Service Identity.
    pub const MMSI: &str = "mmsi";
    /// A vessel's or aircraft's call sign.
    pub const CALL_SIGN: &str = "callSign";
    /// A vessel's current flag, ISO 3166-1 alpha-2 lower case.
    pub const FLAG: &str = "flag";
    /// A vessel's former flags, ISO 3166-1 alpha-2 lower case.
    pub const PAST_FLAGS: &str = "pastFlags";
    /// A vessel's type as written ("Oil Tanker").
    pub const VESSEL_TYPE: &str = "type";
    /// A vessel's tonnage as written.
    pub const TONNAGE: &str = "tonnage";
    /// A vessel's gross registered tonnage.
    pub const GROSS_REGISTERED_TONNAGE: &str = "grossRegisteredTonnage";
    /// The owner of a vessel or aircraft, as written.
    pub const OWNER: &str = "owner";
    /// An aircraft's or vessel's registration (the FtM property shared with companies).
    pub const REGISTRATION: &str = "registrationNumber";
    /// An aircraft's manufacturer serial number.
    pub const SERIAL_NUMBER: &str = "serialNumber";
    /// An aircraft's model.
    pub const MODEL: &str = "model";
    /// Build date of a vessel or aircraft.
    pub const BUILD_DATE: &str = "buildDate";
    /// Sanctions programme(s) the listing falls under, as the list names them.
    pub const PROGRAM: &str = "program";
    /// OpenSanctions topic tags (`sanction`, `role.pep`, ...).
    pub const TOPICS: &str = "topics";
    /// Date the party was listed (FtM `createdAt`).
    pub const LISTING_DATE: &str = "createdAt";
    /// Date the listing was last changed.
    pub const MODIFIED_AT: &str = "modifiedAt";
    /// Anything the parser could not interpret, kept verbatim.
    pub const NOTES: &str = "notes";
    /// Where the record can be read at its publisher.
    pub const SOURCE_URL: &str = "sourceUrl";

    /// Every property that holds a name of the entity, strongest first.
    pub const NAME_PROPS: [&str; 4] = [NAME, ALIAS, PREVIOUS_NAME, WEAK_ALIAS];
}

/// One listed party (or, after merging, several records of the same party).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// `<dataset>:<source id>`, e.g. `us_ofac_sdn:12211`.
    pub id: String,
    /// What kind of party it is.
    pub schema: Schema,
    /// Property name ([`prop`]) → its values, in source order.
    #[serde(default)]
    pub properties: BTreeMap<String, Vec<String>>,
    /// The datasets that list it.
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
    /// Human-readable title of the list.
    pub title: String,
    /// The authority that publishes it.
    pub publisher: String,
    /// ISO date of the snapshot (as stated in or derived from the file).
    pub snapshot_date: String,
    /// Where the publisher makes the list available.
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
