//! Reference tables the rules consult, embedded from `data/reference/screen/`:
//! UN/LOCODE locations, DPRK missions abroad, DPRK-exposed hubs, DPRK
//! carriers, flags of convenience, secrecy jurisdictions, reference unit
//! values, and the law of lists and of the DPRK state ([`LawTables`]).
//! Every row carries its source; see
//! `data/reference/screen/PROVENANCE.md`. Loaded once, read-only after.
//! This module must not decide anything: it only answers look-ups.

use crate::law::LawTables;
use crate::quantity::ReferenceUnit;
use crate::text::{fold, Phrase};
use flate2::read::GzDecoder;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::io::Read;
use std::sync::OnceLock;

const UNLOCODE_GZ: &[u8] = include_bytes!("../../../data/reference/screen/unlocode.csv.gz");
const MISSIONS: &str = include_str!("../../../data/reference/screen/missions.csv");
const HUBS: &str = include_str!("../../../data/reference/screen/hubs.csv");
const CARRIERS: &str = include_str!("../../../data/reference/screen/carriers.csv");
const FOC: &str = include_str!("../../../data/reference/screen/flags_of_convenience.csv");
const SECRECY: &str = include_str!("../../../data/reference/screen/secrecy_jurisdictions.csv");
const UNIT_VALUES: &str = include_str!("../../../data/reference/screen/unit_values.csv");

/// FNV-1a: the location index is hit for every place of every leg, and
/// SipHash's flood resistance buys nothing on a compiled-in table.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// One UN/LOCODE location.
#[derive(Debug, Clone)]
pub struct Location {
    /// The five-character UN/LOCODE (`KPNAM`).
    pub locode: String,
    /// The place name as UN/LOCODE writes it.
    pub name: String,
    /// UN/LOCODE function classifier (`1` port, `2` rail, `3` road, `4` airport, `B` border crossing).
    pub function: String,
    /// Latitude in degrees, where known.
    pub lat: Option<f64>,
    /// Longitude in degrees, where known.
    pub lon: Option<f64>,
    /// True when the coordinates come from UN/LOCODE itself, or when the
    /// packager's geocode falls inside the box of its country's official
    /// points (some geocodes land in another country; a few, e.g. CNSZX,
    /// land in the wrong province and are not caught).
    pub coords_trusted: bool,
}

impl Location {
    /// Coordinates that distance rules may rely on.
    pub fn trusted_coords(&self) -> Option<(f64, f64)> {
        if self.coords_trusted {
            Some((self.lat?, self.lon?))
        } else {
            None
        }
    }

    /// Any coordinates, for drawing.
    pub fn coords(&self) -> Option<(f64, f64)> {
        Some((self.lat?, self.lon?))
    }
}

/// A DPRK diplomatic mission, trade office or de facto mission abroad.
#[derive(Debug, Clone)]
pub struct Mission {
    /// The row id (`bd-dhaka`).
    pub id: String,
    /// `embassy`, `consulate`, `permanent_mission`, ... as the table says.
    pub kind: String,
    /// The host country, ISO alpha-2.
    pub country: String,
    /// The city it is in.
    pub city: String,
    /// Its name.
    pub name: String,
    /// Its street address, where published.
    pub address: String,
    /// When it closed, if it did (empty: open).
    pub active_until: String,
    /// Where the row comes from.
    pub source: String,
    /// Street address words, empty when not established.
    pub address_key: Phrase,
    /// The city's words.
    pub city_key: Phrase,
}

/// A transshipment hub or crossing with DPRK exposure.
#[derive(Debug, Clone)]
pub struct Hub {
    /// The hub's UN/LOCODE.
    pub locode: String,
    /// Its name.
    pub name: String,
    /// Its country, ISO alpha-2.
    pub country: String,
    /// What it is (port, border crossing, ...).
    pub kind: String,
    /// `dprk` (in the DPRK), `border` (on its border), `adjacent` (nearby hub used by its networks).
    pub exposure: String,
    /// Where the row comes from.
    pub source: String,
}

/// A DPRK carrier.
#[derive(Debug, Clone)]
pub struct Carrier {
    /// The row id.
    pub id: String,
    /// The carrier's name.
    pub name: String,
    /// Its IATA code, for airlines.
    pub iata: String,
    /// Its ICAO code, for airlines.
    pub icao: String,
    /// Airline, shipping line, rail or road operator.
    pub kind: String,
    /// Where the row comes from.
    pub source: String,
    /// Name and aliases as phrases.
    pub keys: Vec<Phrase>,
}

/// A reference value for a kind of luxury goods, per unit of quantity.
#[derive(Debug, Clone)]
pub struct UnitValue {
    /// The row id.
    pub id: String,
    /// The HS code prefix the value applies to.
    pub hs_prefix: String,
    /// Keywords (phrases) that must all occur in the description.
    pub keywords: Vec<Phrase>,
    /// USD per `per`.
    pub unit_value_usd: f64,
    /// What the value is quoted per (an article, a litre).
    pub per: ReferenceUnit,
    /// For per-litre values: the bottle size the price was quoted for,
    /// assumed when a line counts bottles without giving their size.
    pub bottle_l: Option<f64>,
    /// How the value was set, in words.
    pub basis: String,
    /// Where the value comes from.
    pub source: String,
}

/// A country listed with its source (flags of convenience, secrecy jurisdictions).
#[derive(Debug, Clone)]
pub struct CountryEntry {
    /// The country as the table names it.
    pub name: String,
    /// Where the row comes from.
    pub source: String,
}

/// All reference tables.
pub struct Reference {
    /// UN/LOCODE locations.
    pub locations: Vec<Location>,
    by_locode: FastMap<String, usize>,
    by_name: HashMap<(String, String), usize>,
    /// DPRK missions abroad.
    pub missions: Vec<Mission>,
    /// Hubs and crossings with DPRK exposure.
    pub hubs: Vec<Hub>,
    hub_by_locode: FastMap<String, usize>,
    hub_by_name: HashMap<(String, String), usize>,
    /// DPRK carriers.
    pub carriers: Vec<Carrier>,
    /// Flags of convenience, by ISO alpha-2.
    pub flags_of_convenience: HashMap<String, CountryEntry>,
    /// Secrecy jurisdictions, by ISO alpha-2.
    pub secrecy: HashMap<String, CountryEntry>,
    /// Reference unit values of luxury goods.
    pub unit_values: Vec<UnitValue>,
    /// The law of each list programme, and of the DPRK state.
    pub law: LawTables,
    mission_countries: HashSet<String>,
}

fn rows(text: &str) -> impl Iterator<Item = csv::StringRecord> + '_ {
    // Embedded tables are checked by this crate's tests; a malformed row is skipped, never fatal.
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .flatten()
}

fn field(r: &csv::StringRecord, i: usize) -> String {
    r.get(i).unwrap_or_default().trim().to_string()
}

/// Accepts a geocoded point when it lies within its country's box of
/// official points, widened by two degrees (countries with fewer than five
/// official points accept every geocode).
fn trust_geocodes(locations: &mut [Location]) {
    let mut boxes: HashMap<String, (f64, f64, f64, f64, usize)> = HashMap::new();
    for l in locations.iter().filter(|l| l.coords_trusted) {
        if let Some((la, lo)) = l.coords() {
            let b = boxes
                .entry(l.locode.get(..2).unwrap_or_default().to_string())
                .or_insert((la, la, lo, lo, 0));
            *b = (b.0.min(la), b.1.max(la), b.2.min(lo), b.3.max(lo), b.4 + 1);
        }
    }
    for l in locations.iter_mut().filter(|l| !l.coords_trusted) {
        let Some((la, lo)) = l.coords() else { continue };
        l.coords_trusted = match boxes.get(l.locode.get(..2).unwrap_or_default()) {
            Some(&(la0, la1, lo0, lo1, n)) if n >= 5 => {
                la >= la0 - 2.0 && la <= la1 + 2.0 && lo >= lo0 - 2.0 && lo <= lo1 + 2.0
            }
            _ => true,
        };
    }
}

type Locations = (
    Vec<Location>,
    FastMap<String, usize>,
    HashMap<(String, String), usize>,
);

fn load_locations() -> Locations {
    let mut text = String::new();
    // The gzip is compiled in; a corrupt copy leaves the table empty and the tests fail.
    let _ = GzDecoder::new(UNLOCODE_GZ).read_to_string(&mut text);
    let mut locations = Vec::with_capacity(116_000);
    let mut by_locode = FastMap::with_capacity_and_hasher(116_000, Default::default());
    let mut by_name = HashMap::with_capacity(116_000);
    for r in rows(&text) {
        let loc = Location {
            locode: field(&r, 0),
            name: field(&r, 1),
            function: field(&r, 4),
            lat: field(&r, 5).parse().ok(),
            lon: field(&r, 6).parse().ok(),
            coords_trusted: field(&r, 7) == "u",
        };
        let idx = locations.len();
        let cc = loc.locode.get(..2).unwrap_or_default().to_ascii_lowercase();
        by_name.entry((cc.clone(), fold(&loc.name))).or_insert(idx);
        let ascii = field(&r, 2);
        if !ascii.is_empty() {
            by_name.entry((cc, fold(&ascii))).or_insert(idx);
        }
        by_locode.insert(loc.locode.clone(), idx);
        locations.push(loc);
    }
    trust_geocodes(&mut locations);
    (locations, by_locode, by_name)
}

fn load_missions() -> Vec<Mission> {
    rows(MISSIONS)
        .map(|r| Mission {
            id: field(&r, 0),
            kind: field(&r, 1),
            country: field(&r, 2),
            city: field(&r, 3),
            name: field(&r, 4),
            address: field(&r, 5),
            active_until: field(&r, 7),
            source: field(&r, 8),
            address_key: Phrase::new(&field(&r, 5)),
            city_key: Phrase::new(&field(&r, 3)),
        })
        .collect()
}

fn load_carriers() -> Vec<Carrier> {
    rows(CARRIERS)
        .map(|r| {
            let name = field(&r, 1);
            let mut keys = vec![Phrase::new(&name)];
            keys.extend(
                field(&r, 2)
                    .split('|')
                    .map(Phrase::new)
                    .filter(|k| !k.is_empty()),
            );
            Carrier {
                id: field(&r, 0),
                name,
                iata: field(&r, 3),
                icao: field(&r, 4),
                kind: field(&r, 5),
                source: field(&r, 7),
                keys,
            }
        })
        .collect()
}

fn country_table(text: &str, source_col: usize) -> HashMap<String, CountryEntry> {
    rows(text)
        .map(|r| {
            (
                field(&r, 0),
                CountryEntry {
                    name: field(&r, 1),
                    source: field(&r, source_col),
                },
            )
        })
        .collect()
}

fn load_unit_values() -> Vec<UnitValue> {
    rows(UNIT_VALUES)
        .filter_map(|r| {
            Some(UnitValue {
                id: field(&r, 0),
                hs_prefix: field(&r, 1),
                keywords: field(&r, 2).split('|').map(Phrase::new).collect(),
                unit_value_usd: field(&r, 3).parse().ok()?,
                per: ReferenceUnit::parse(&field(&r, 4))?,
                bottle_l: field(&r, 5).parse().ok(),
                basis: field(&r, 6),
                source: field(&r, 7),
            })
        })
        .collect()
}

impl Reference {
    /// The embedded tables, parsed on first use.
    pub fn get() -> &'static Reference {
        static REF: OnceLock<Reference> = OnceLock::new();
        REF.get_or_init(Reference::load)
    }

    fn load() -> Reference {
        let (locations, by_locode, by_name) = load_locations();
        let missions = load_missions();
        let hubs: Vec<Hub> = rows(HUBS)
            .map(|r| Hub {
                locode: field(&r, 0),
                name: field(&r, 1),
                country: field(&r, 2),
                kind: field(&r, 3),
                exposure: field(&r, 4),
                source: field(&r, 5),
            })
            .collect();
        let mut hub_by_locode = FastMap::default();
        let mut hub_by_name = HashMap::new();
        for (i, h) in hubs.iter().enumerate() {
            if !h.locode.is_empty() {
                hub_by_locode.insert(h.locode.clone(), i);
            }
            hub_by_name.insert((h.country.clone(), fold(&h.name)), i);
        }
        let mission_countries = missions.iter().map(|m| m.country.clone()).collect();
        Reference {
            locations,
            by_locode,
            by_name,
            missions,
            hubs,
            hub_by_locode,
            hub_by_name,
            carriers: load_carriers(),
            flags_of_convenience: country_table(FOC, 2),
            secrecy: country_table(SECRECY, 3),
            unit_values: load_unit_values(),
            law: LawTables::load(),
            mission_countries,
        }
    }

    /// The location with this UN/LOCODE (upper case, 5 characters).
    pub fn location(&self, locode: &str) -> Option<&Location> {
        self.by_locode.get(locode).map(|&i| &self.locations[i])
    }

    /// A location in `country` called `name`, if UN/LOCODE has one.
    pub fn location_by_name(&self, country: &str, name: &str) -> Option<&Location> {
        self.by_name
            .get(&(country.to_string(), fold(name)))
            .map(|&i| &self.locations[i])
    }

    /// The DPRK-exposed hub at this place, by LOCODE or by (country, name).
    pub fn hub(&self, locode: Option<&str>, country: &str, name: Option<&str>) -> Option<&Hub> {
        if let Some(i) = locode.and_then(|c| self.hub_by_locode.get(c)) {
            return Some(&self.hubs[*i]);
        }
        let name = name?;
        self.hub_by_name
            .get(&(country.to_string(), fold(name)))
            .map(|&i| &self.hubs[i])
    }

    /// Whether any mission is recorded in `country` (cheap pre-check).
    pub fn has_mission_in(&self, country: &str) -> bool {
        self.mission_countries.contains(country)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_load_with_sources() {
        let r = Reference::get();
        assert!(r.locations.len() > 100_000);
        assert_eq!(r.location("KPNAM").map(|l| l.name.as_str()), Some("Nampo"));
        assert_eq!(
            r.location("RUNJK").map(|l| l.name.as_str()),
            Some("Nakhodka")
        );
        assert!(r.location("ZZZZZ").is_none());
        assert!(r
            .missions
            .iter()
            .any(|m| m.id == "bd-dhaka" && m.country == "bd"));
        assert!(r.missions.iter().all(|m| !m.source.is_empty()));
        assert!(r.hubs.iter().all(|h| !h.source.is_empty()));
        assert!(r.hub(Some("CNDAL"), "cn", None).is_some());
        assert!(r.hub(None, "kp", Some("Tumangang")).is_some());
        assert!(r.carriers.iter().any(|c| c.iata == "JS" && c.icao == "KOR"));
        assert!(r.flags_of_convenience.contains_key("pa"));
        assert!(r.secrecy.contains_key("mh"));
        assert!(r
            .unit_values
            .iter()
            .all(|u| u.unit_value_usd > 0.0 && !u.source.is_empty()));
        assert_eq!(
            r.unit_values.len(),
            UNIT_VALUES.lines().count() - 1,
            "every unit_values.csv row parses"
        );
        assert!(r
            .unit_values
            .iter()
            .filter(|u| u.per == ReferenceUnit::Litre)
            .all(|u| u.bottle_l.is_some()));
        assert_eq!(
            r.location_by_name("cn", "dalian")
                .map(|l| l.locode.as_str()),
            Some("CNDAL")
        );
    }
}
