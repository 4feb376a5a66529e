//! Listed vessels and aircraft by identifier: an index from an IMO number,
//! aircraft registration or serial number to the list records that carry
//! it, built once at load over every record (before linking, so each list's
//! own record is found), answered with the merged party of each record.
//! Translation only: what an identifier is and how it is spelt is
//! `interdict-assets`'s.

use interdict_assets::{aircraft, imo, AssetKind};
use interdict_model::{prop, Entity, Schema};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Record ids by `(kind, canonical key)`.
#[derive(Debug, Default)]
pub(crate) struct AssetIndex {
    records: HashMap<(AssetKind, String), Vec<String>>,
}

/// The identifier properties of vessels and aircraft, by the kind of asset
/// they identify.
const INDEXED: [(Schema, &str, AssetKind); 3] = [
    (Schema::Vessel, prop::IMO_NUMBER, AssetKind::Imo),
    (
        Schema::Airplane,
        prop::REGISTRATION_NUMBER,
        AssetKind::Registration,
    ),
    (
        Schema::Airplane,
        prop::SERIAL_NUMBER,
        AssetKind::Registration,
    ),
];

impl AssetIndex {
    pub fn build(records: &[Entity]) -> AssetIndex {
        let mut index = AssetIndex::default();
        for e in records {
            for (schema, property, kind) in INDEXED {
                if e.schema != schema {
                    continue;
                }
                for value in e.get(property) {
                    if let Some(key) = key(kind, value) {
                        let ids = index.records.entry((kind, key)).or_default();
                        if !ids.contains(&e.id) {
                            ids.push(e.id.clone());
                        }
                    }
                }
            }
        }
        index
    }

    pub fn records(&self, kind: AssetKind, id: &str) -> &[String] {
        key(kind, id)
            .and_then(|k| self.records.get(&(kind, k)))
            .map_or(&[], Vec::as_slice)
    }
}

/// The comparison key; an IMO number is compared by its digits whatever
/// its check digit (a list's typo must still find the record).
fn key(kind: AssetKind, value: &str) -> Option<String> {
    match kind {
        AssetKind::Imo => imo::digits_of(value).ok(),
        AssetKind::Registration => Some(aircraft::key(value)).filter(|k| !k.is_empty()),
        AssetKind::Vin => None,
    }
}

/// A listed vessel or aircraft carrying an identifier.
#[derive(Debug, Clone, Serialize)]
pub struct ListedAsset {
    /// The party's id (merged: the canonical record's).
    pub id: String,
    /// Its main name.
    pub caption: String,
    /// `Vessel` or `Airplane`.
    pub schema: String,
    /// The lists it is on.
    pub datasets: Vec<String>,
    /// The list records carrying the identifier.
    pub records: Vec<String>,
    /// Every name it is listed under.
    pub names: Vec<String>,
    /// The names the lists give as former (vessel ex-names, f.k.a.).
    pub former_names: Vec<String>,
    /// Identifiers, flags, owners and models as listed, by FtM property.
    pub facts: BTreeMap<String, Vec<String>>,
}

/// Facts of a listed vessel or aircraft worth showing beside its names.
const FACTS: [&str; 11] = [
    prop::IMO_NUMBER,
    prop::MMSI,
    prop::CALL_SIGN,
    prop::FLAG,
    prop::PAST_FLAGS,
    prop::VESSEL_TYPE,
    prop::OWNER,
    prop::REGISTRATION_NUMBER,
    prop::SERIAL_NUMBER,
    prop::MODEL,
    prop::BUILD_DATE,
];

impl ListedAsset {
    pub(crate) fn of(party: &Entity, records: Vec<String>) -> ListedAsset {
        ListedAsset {
            id: party.id.clone(),
            caption: party.caption().to_string(),
            schema: party.schema.to_string(),
            datasets: party.datasets.clone(),
            records,
            names: [prop::NAME, prop::ALIAS]
                .iter()
                .flat_map(|p| party.get(p).iter().cloned())
                .collect(),
            former_names: party.get(prop::PREVIOUS_NAME).to_vec(),
            facts: FACTS
                .iter()
                .filter(|p| !party.get(p).is_empty())
                .map(|p| (p.to_string(), party.get(p).to_vec()))
                .collect(),
        }
    }
}
