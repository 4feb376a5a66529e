//! The embedded reference tables of `data/assets/` (provenance in
//! `data/assets/PROVENANCE.md`), read once on first use.

use flate2::read::GzDecoder;
use serde::Deserialize;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

const WMI_CSV_GZ: &[u8] = include_bytes!("../../../data/assets/vpic_wmi.csv.gz");
const MODELS_CSV_GZ: &[u8] = include_bytes!("../../../data/assets/vpic_models.csv.gz");
const VIN_COUNTRIES_CSV: &str = include_str!("../../../data/assets/vin_countries.csv");
const MAKERS_CSV: &str = include_str!("../../../data/assets/vehicle_makers.csv");
const MARKS_CSV: &str = include_str!("../../../data/assets/nationality_marks.csv");

/// One world manufacturer identifier as NHTSA's vPIC lists it.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct WmiRow {
    pub wmi: String,
    pub manufacturer: String,
    /// Makes, `;`-separated.
    pub makes: String,
    pub vehicle_type: String,
    pub manufacturer_country: String,
}

/// A vPIC model pattern: positions 4 onwards of a VIN of this WMI and
/// model year that match `keys` are this model.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct ModelRow {
    pub wmi: String,
    pub year_from: u16,
    /// Empty: still in production.
    pub year_to: Option<u16>,
    /// `*` any character, `[A-C]` / `[AB]` a class, others literal.
    pub keys: String,
    pub model: String,
}

/// A range of VIN country codes (first two characters, ISO 3780 order).
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct CountryRange {
    pub from: String,
    pub to: String,
    pub country: String,
    pub name: String,
}

/// A make flagged as luxury or as a builder of armoured cars.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct MakerRow {
    pub make: String,
    /// Empty: every model of the make.
    pub model: String,
    /// `;`-separated: `luxury`, `armoured`.
    pub category: String,
    pub note: String,
    pub source: String,
}

/// An aircraft nationality mark.
#[derive(Debug, Clone, Deserialize)]
pub(crate) struct MarkRow {
    pub mark: String,
    pub country: String,
    pub name: String,
}

/// Every table, parsed.
pub(crate) struct Tables {
    pub wmi: HashMap<String, WmiRow>,
    /// Model patterns by WMI (flagged marques only).
    pub models: HashMap<String, Vec<ModelRow>>,
    pub countries: Vec<CountryRange>,
    pub makers: Vec<MakerRow>,
    pub marks: Vec<MarkRow>,
}

impl Tables {
    /// The tables, parsed on first use. The embedded files are part of the
    /// build and covered by the tests, so a row that fails to parse is
    /// skipped rather than taking the process down.
    pub fn get() -> &'static Tables {
        static TABLES: OnceLock<Tables> = OnceLock::new();
        TABLES.get_or_init(|| Tables {
            wmi: read_rows::<WmiRow>(&gunzip(WMI_CSV_GZ))
                .into_iter()
                .map(|r| (r.wmi.clone(), r))
                .collect(),
            models: read_rows::<ModelRow>(&gunzip(MODELS_CSV_GZ))
                .into_iter()
                .fold(
                    HashMap::new(),
                    |mut m: HashMap<String, Vec<ModelRow>>, r| {
                        m.entry(r.wmi.clone()).or_default().push(r);
                        m
                    },
                ),
            countries: read_rows(VIN_COUNTRIES_CSV),
            makers: read_rows(MAKERS_CSV),
            marks: read_rows(MARKS_CSV),
        })
    }
}

fn gunzip(bytes: &[u8]) -> String {
    let mut s = String::new();
    // A corrupt embedded file leaves the table empty; the tests catch it.
    let _ = GzDecoder::new(bytes).read_to_string(&mut s);
    s
}

fn read_rows<T: for<'de> Deserialize<'de>>(text: &str) -> Vec<T> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .filter_map(Result::ok)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_row_parses() {
        let t = Tables::get();
        let count = |s: &str| s.lines().count() - 1;
        assert_eq!(t.wmi.len(), count(&gunzip(WMI_CSV_GZ)));
        assert_eq!(t.countries.len(), count(VIN_COUNTRIES_CSV));
        let models: usize = t.models.values().map(Vec::len).sum();
        assert_eq!(models, count(&gunzip(MODELS_CSV_GZ)));
        assert_eq!(t.makers.len(), count(MAKERS_CSV));
        assert_eq!(t.marks.len(), count(MARKS_CSV));
        assert!(t.wmi.len() > 10_000);
    }
}
