//! Vehicle identification numbers (ISO 3779 structure, ISO 3780 world
//! manufacturer identifiers), decoded by the rules of 49 CFR 565.15 where
//! they apply: the maker from NHTSA's vPIC WMI table, the country from the
//! ISO 3780 code ranges, the model year (position 10) with its 30-year
//! ambiguity, the check digit (position 9, verified for North American
//! VINs, where it is mandatory), the serial, and the marques flagged as
//! luxury or armoured.

use crate::tables::{CountryRange, Tables};
use serde::Serialize;

/// ISO 3780's character order for the country ranges (no I, O, Q).
const ORDER: &str = "ABCDEFGHJKLMNPRSTUVWXYZ1234567890";

/// 49 CFR 565.15 weights of positions 1–17 for the check digit.
const WEIGHTS: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

/// Model-year codes of position 10 (49 CFR 565.15), 1980 first; the cycle
/// repeats every 30 years.
const YEAR_CODES: &str = "ABCDEFGHJKLMNPRSTVWXY123456789";

/// Why a string is not a well-formed VIN.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum VinError {
    /// A VIN has exactly 17 characters.
    #[error("a VIN has 17 characters, this one has {length}")]
    WrongLength {
        /// Characters found (after removing spaces and hyphens).
        length: usize,
    },
    /// I, O and Q are never used (ISO 3779), to avoid confusion with 1 and 0.
    #[error("letter {letter} at position {position} is never used in a VIN (I, O and Q are excluded by ISO 3779)")]
    ForbiddenLetter {
        /// The letter.
        letter: char,
        /// 1-based position.
        position: usize,
    },
    /// Only Latin capital letters and digits.
    #[error("character {character:?} at position {position} is not a letter or digit")]
    NotAlphanumeric {
        /// The character.
        character: char,
        /// 1-based position.
        position: usize,
    },
    /// Position 9 disagrees with the computed check digit (North America).
    #[error("check digit (position 9) is {found}, the VIN's other characters give {expected} (49 CFR 565.15)")]
    BadCheckDigit {
        /// Position 9 as written.
        found: char,
        /// The check digit computed from the other positions.
        expected: char,
    },
}

impl interdict_model::Coded for VinError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            VinError::WrongLength { .. } => ErrorCode::VinMalformed,
            VinError::ForbiddenLetter { .. } => ErrorCode::VinMalformed,
            VinError::NotAlphanumeric { .. } => ErrorCode::VinMalformed,
            VinError::BadCheckDigit { .. } => ErrorCode::VinMalformed,
        }
    }
}

/// The check digit's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum CheckDigit {
    /// Mandatory in the region and correct.
    Valid {
        /// The digit.
        digit: char,
    },
    /// Mandatory in the region and wrong.
    Invalid {
        /// Position 9 as written.
        found: char,
        /// The digit the other positions give.
        expected: char,
    },
    /// Not used in the region: position 9 is the maker's own character.
    NotUsed {
        /// Position 9 as written.
        found: char,
        /// What 49 CFR 565.15 would give, for information.
        computed: char,
    },
}

/// The model year of position 10.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModelYear {
    /// Position 10.
    pub code: char,
    /// Every year the code stands for in 1980–2039 (empty: not a year code).
    pub candidates: Vec<u16>,
    /// The year position 7 settles, for a North American light vehicle.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub likely: Option<u16>,
    /// How the year was read, in words.
    pub basis: String,
}

/// The country of the WMI's first two characters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VinCountry {
    /// ISO 3166-1 alpha-2, lower case.
    pub code: String,
    /// Its name in the ISO 3780 table.
    pub name: String,
}

/// The maker NHTSA's vPIC table gives for the WMI.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Manufacturer {
    /// The manufacturer's name as registered.
    pub name: String,
    /// The makes it uses this WMI for.
    pub makes: Vec<String>,
    /// The vehicle type of the WMI.
    pub vehicle_type: String,
    /// The manufacturer's country as registered (not always the plant's).
    pub country: String,
}

/// A marque flagged by the cited table of luxury and armoured makers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MakerFlag {
    /// The make.
    pub make: String,
    /// `luxury`, `armoured`.
    pub categories: Vec<String>,
    /// What the table says about it.
    pub note: String,
    /// Where that comes from.
    pub source: String,
}

/// A decoded VIN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VinReport {
    /// The VIN, upper case, without spaces or hyphens.
    pub vin: String,
    /// World manufacturer identifier (3 characters, or 6 for a small maker).
    pub wmi: String,
    /// ISO 3780 region of the first character.
    pub region: &'static str,
    /// Country of the first two characters.
    pub country: Option<VinCountry>,
    /// The maker, when the WMI is in the table.
    pub manufacturer: Option<Manufacturer>,
    /// Vehicle descriptor section, positions 4–8.
    pub vds: String,
    /// Position 9.
    pub check_digit: CheckDigit,
    /// Position 10.
    pub model_year: ModelYear,
    /// Position 11: the plant code.
    pub plant: char,
    /// The serial (positions 12–17, or 15–17 for a small maker).
    pub serial: String,
    /// The model by vPIC's patterns (decoded for the flagged marques only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// Luxury or armoured marques and models among the WMI's makes.
    pub flags: Vec<MakerFlag>,
}

impl VinReport {
    /// The first reason the VIN is malformed, if any (a wrong check digit
    /// where the region makes it mandatory).
    pub fn problem(&self) -> Option<VinError> {
        match self.check_digit {
            CheckDigit::Invalid { found, expected } => {
                Some(VinError::BadCheckDigit { found, expected })
            }
            _ => None,
        }
    }
}

/// Upper case without spaces and hyphens, as VINs are printed.
pub fn normalise(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// Decodes a VIN; only its structure can make this fail (a wrong check
/// digit is in the report: see [`VinReport::problem`]).
pub fn decode(input: &str) -> Result<VinReport, VinError> {
    let vin = structure(input)?;
    let chars: Vec<char> = vin.chars().collect();
    let tables = Tables::get();
    let small_maker = chars[2] == '9';
    let wmi = wmi_of(&vin, small_maker, tables);
    let row = tables.wmi.get(&wmi);
    let north_america = matches!(chars[0], '1'..='5');
    let model_year = model_year(chars[9], chars[6], north_america);
    let model = model_of(&wmi, &chars, &model_year, tables);
    Ok(VinReport {
        region: region(chars[0]),
        country: country(&vin[..2], &tables.countries),
        manufacturer: row.map(|r| Manufacturer {
            name: r.manufacturer.clone(),
            makes: split_list(&r.makes),
            vehicle_type: r.vehicle_type.clone(),
            country: r.manufacturer_country.clone(),
        }),
        flags: row
            .map(|r| maker_flags(r, model.as_deref(), tables))
            .unwrap_or_default(),
        model,
        vds: vin[3..8].to_string(),
        check_digit: check_digit_verdict(&chars, north_america),
        model_year,
        plant: chars[10],
        serial: if small_maker { &vin[14..] } else { &vin[11..] }.to_string(),
        wmi,
        vin,
    })
}

/// A well-formed VIN (structure and, where mandatory, check digit), normalised.
pub fn validate(input: &str) -> Result<String, VinError> {
    let report = decode(input)?;
    match report.problem() {
        Some(e) => Err(e),
        None => Ok(report.vin),
    }
}

/// Length, alphabet and the excluded letters, in that order of checking
/// characters first (a stray letter explains a wrong length too).
fn structure(input: &str) -> Result<String, VinError> {
    let vin = normalise(input);
    for (i, c) in vin.chars().enumerate() {
        if !c.is_ascii_alphanumeric() {
            return Err(VinError::NotAlphanumeric {
                character: c,
                position: i + 1,
            });
        }
        if matches!(c, 'I' | 'O' | 'Q') {
            return Err(VinError::ForbiddenLetter {
                letter: c,
                position: i + 1,
            });
        }
    }
    if vin.len() != 17 {
        return Err(VinError::WrongLength { length: vin.len() });
    }
    Ok(vin)
}

/// The WMI: a small maker (third character 9) is identified by positions
/// 12–14 as well, when the table knows that longer code.
fn wmi_of(vin: &str, small_maker: bool, tables: &Tables) -> String {
    if small_maker {
        let long = format!("{}{}", &vin[..3], &vin[11..14]);
        if tables.wmi.contains_key(&long) {
            return long;
        }
    }
    vin[..3].to_string()
}

/// ISO 3780 regions of the first character.
fn region(first: char) -> &'static str {
    match first {
        'A'..='H' => "Africa",
        'J'..='R' => "Asia",
        'S'..='Z' => "Europe",
        '1'..='5' => "North America",
        '6' | '7' => "Oceania",
        _ => "South America",
    }
}

fn country(code: &str, ranges: &[CountryRange]) -> Option<VinCountry> {
    let mut c = code.chars();
    let (first, second) = (c.next()?, c.next()?);
    let pos = ORDER.find(second)?;
    ranges
        .iter()
        .find(|r| {
            let (f, t) = (r.from.as_bytes(), r.to.as_bytes());
            f.first() == Some(&(first as u8))
                && ORDER.find(char::from(f[1])).is_some_and(|lo| lo <= pos)
                && t.get(1)
                    .and_then(|b| ORDER.find(char::from(*b)))
                    .is_some_and(|hi| pos <= hi)
        })
        .map(|r| VinCountry {
            code: r.country.clone(),
            name: r.name.clone(),
        })
}

/// 49 CFR 565.15's transliteration of a VIN character to a number.
fn transliterate(c: char) -> Option<u32> {
    if let Some(d) = c.to_digit(10) {
        return Some(d);
    }
    let v = match c {
        'A' | 'J' => 1,
        'B' | 'K' | 'S' => 2,
        'C' | 'L' | 'T' => 3,
        'D' | 'M' | 'U' => 4,
        'E' | 'N' | 'V' => 5,
        'F' | 'W' => 6,
        'G' | 'P' | 'X' => 7,
        'H' | 'Y' => 8,
        'R' | 'Z' => 9,
        _ => return None,
    };
    Some(v)
}

/// The check digit the 17 characters give (`X` for a remainder of 10).
pub fn compute_check_digit(chars: &[char]) -> Option<char> {
    let mut sum = 0;
    for (c, w) in chars.iter().zip(WEIGHTS) {
        sum += transliterate(*c)? * w;
    }
    match sum % 11 {
        10 => Some('X'),
        d => char::from_digit(d, 10),
    }
}

fn check_digit_verdict(chars: &[char], north_america: bool) -> CheckDigit {
    let found = chars[8];
    // `structure` admits only letters and digits, all transliterable.
    let computed = compute_check_digit(chars).unwrap_or('?');
    match (north_america, found == computed) {
        (true, true) => CheckDigit::Valid { digit: found },
        (true, false) => CheckDigit::Invalid {
            found,
            expected: computed,
        },
        (false, _) => CheckDigit::NotUsed { found, computed },
    }
}

/// Position 10 read against the 30-year cycle. For North American light
/// vehicles 49 CFR 565.15 settles the cycle with position 7: a digit there
/// means 1980–2009, a letter 2010–2039.
fn model_year(code: char, seventh: char, north_america: bool) -> ModelYear {
    let Some(i) = YEAR_CODES.find(code) else {
        return ModelYear {
            code,
            candidates: Vec::new(),
            likely: None,
            basis: format!("{code:?} is not a model-year code (49 CFR 565.15)"),
        };
    };
    let first = 1980 + i as u16;
    let candidates = vec![first, first + 30];
    let (likely, basis) = if north_america {
        let year = if seventh.is_ascii_digit() {
            first
        } else {
            first + 30
        };
        (
            Some(year),
            format!(
                "code {code} is {first} or {}; position 7 is {} so {year} (49 CFR 565.15, light vehicles)",
                first + 30,
                if seventh.is_ascii_digit() { "a digit" } else { "a letter" }
            ),
        )
    } else {
        (
            None,
            format!(
                "code {code} is {first} or {} (the codes repeat every 30 years; outside North America position 7 does not settle it)",
                first + 30
            ),
        )
    };
    ModelYear {
        code,
        candidates,
        likely,
        basis,
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|m| !m.is_empty())
        .map(str::to_string)
        .collect()
}

/// The model of the most specific vPIC pattern matching positions 4–17 in
/// a model year the VIN may have (several names of equal specificity are
/// joined with " or ").
fn model_of(wmi: &str, chars: &[char], year: &ModelYear, tables: &Tables) -> Option<String> {
    let years: Vec<u16> = year
        .likely
        .map_or_else(|| year.candidates.clone(), |y| vec![y]);
    let mut best: Vec<(usize, &str)> = tables
        .models
        .get(wmi)?
        .iter()
        .filter(|m| {
            years
                .iter()
                .any(|y| m.year_from <= *y && m.year_to.is_none_or(|to| *y <= to))
        })
        .filter(|m| keys_match(&m.keys, &chars[3..]))
        .map(|m| (specificity(&m.keys), m.model.as_str()))
        .collect();
    let top = best.iter().map(|(s, _)| *s).max()?;
    best.retain(|(s, _)| *s == top);
    let mut names: Vec<&str> = best.into_iter().map(|(_, n)| n).collect();
    names.sort_unstable();
    names.dedup();
    Some(names.join(" or "))
}

/// vPIC's pattern keys against positions 4 onwards: `*` any character,
/// `[...]` a class of characters and ranges, anything else itself. Keys
/// on the visible section (after `|`) are not read.
fn keys_match(keys: &str, rest: &[char]) -> bool {
    if keys.contains('|') {
        return false;
    }
    let mut key = keys.chars();
    let mut at = rest.iter();
    while let Some(k) = key.next() {
        let Some(&c) = at.next() else { return false };
        let ok = match k {
            '*' => true,
            '[' => {
                let class: Vec<char> = key.by_ref().take_while(|x| *x != ']').collect();
                in_class(&class, c)
            }
            _ => k == c,
        };
        if !ok {
            return false;
        }
    }
    true
}

fn in_class(class: &[char], c: char) -> bool {
    let mut i = 0;
    while i < class.len() {
        if i + 2 < class.len() && class[i + 1] == '-' {
            if class[i] <= c && c <= class[i + 2] {
                return true;
            }
            i += 3;
        } else {
            if class[i] == c {
                return true;
            }
            i += 1;
        }
    }
    false
}

/// How many positions a pattern fixes (wildcards fix none).
fn specificity(keys: &str) -> usize {
    keys.chars().filter(|c| *c != '*').count()
}

/// The flagged marques among the WMI's makes or in its manufacturer's
/// name, and the flagged models among them when the model is decoded.
fn maker_flags(
    row: &crate::tables::WmiRow,
    model: Option<&str>,
    tables: &Tables,
) -> Vec<MakerFlag> {
    let model = model.map(str::to_lowercase);
    let makes: Vec<String> = split_list(&row.makes)
        .iter()
        .map(|m| m.to_lowercase())
        .collect();
    let manufacturer = row.manufacturer.to_lowercase();
    tables
        .makers
        .iter()
        .filter(|m| {
            let make = m.make.to_lowercase();
            let model_ok = m.model.is_empty()
                || model
                    .as_deref()
                    .is_some_and(|d| d.split(" or ").any(|x| x == m.model.to_lowercase()));
            model_ok && (makes.contains(&make) || manufacturer.contains(&make))
        })
        .map(|m| MakerFlag {
            make: if m.model.is_empty() {
                m.make.clone()
            } else {
                format!("{} {}", m.make, m.model)
            },
            categories: split_list(&m.category),
            note: m.note.clone(),
            source: m.source.clone(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_digit_of_the_published_example() {
        // 1M8GDM9AXKP042788: the worked example of the check-digit
        // calculation (remainder 10 → X).
        let chars: Vec<char> = "1M8GDM9AXKP042788".chars().collect();
        assert_eq!(compute_check_digit(&chars), Some('X'));
        let r = decode("1M8GDM9AXKP042788").expect("well formed");
        assert_eq!(r.check_digit, CheckDigit::Valid { digit: 'X' });
        assert_eq!(r.region, "North America");
        assert_eq!(r.country.map(|c| c.code), Some("us".to_string()));
        assert_eq!(r.serial, "042788");
        assert_eq!(r.model_year.candidates, vec![1989, 2019]);
        assert_eq!(r.model_year.likely, Some(1989));
    }

    #[test]
    fn one_changed_character_breaks_the_check_digit_in_north_america() {
        let r = decode("1M8GDM9AXKP042789").expect("well formed");
        assert_eq!(
            r.problem(),
            Some(VinError::BadCheckDigit {
                found: 'X',
                // The last position weighs 2: 8 → 9 adds 2 to a sum whose remainder was 10.
                expected: '1'
            })
        );
        assert!(validate("1M8GDM9AXKP042789").is_err());
        assert!(validate("1m8gdm9a-xkp042788").is_ok());
    }

    #[test]
    fn malformed_vins_are_named() {
        assert_eq!(
            decode("1M8GDM9AXKP04278"),
            Err(VinError::WrongLength { length: 16 })
        );
        assert_eq!(
            decode("1M8GDM9AXKP0427O8"),
            Err(VinError::ForbiddenLetter {
                letter: 'O',
                position: 16
            })
        );
        assert!(matches!(
            decode("1M8GDM9AXKP04278_"),
            Err(VinError::NotAlphanumeric { position: 17, .. })
        ));
    }

    #[test]
    fn a_german_mercedes_wmi_is_flagged_and_its_check_digit_not_used() {
        // WDB: Mercedes-Benz passenger cars, Germany; vPIC lists Maybach
        // among its makes. Positions 4–17 are arbitrary here: the WMI
        // decides maker, country and flags.
        let r = decode("WDB2201761A123456").expect("well formed");
        assert_eq!(r.region, "Europe");
        assert_eq!(r.country.as_ref().map(|c| c.code.as_str()), Some("de"));
        let m = r.manufacturer.as_ref().expect("WDB is in vPIC");
        assert!(m.makes.iter().any(|x| x == "Maybach"), "{m:?}");
        let flagged: Vec<&str> = r.flags.iter().map(|f| f.make.as_str()).collect();
        assert!(flagged.contains(&"Maybach") && flagged.contains(&"Mercedes-Benz"));
        assert!(matches!(r.check_digit, CheckDigit::NotUsed { .. }));
        assert_eq!(r.problem(), None);
        assert_eq!(r.model_year.likely, None);
        assert_eq!(r.model_year.candidates, vec![2001, 2031]);
    }

    #[test]
    fn vpic_keys_match_wildcards_classes_and_prefixes() {
        let rest: Vec<char> = "UG8CB0EA000001".chars().collect();
        assert!(keys_match("UG8C", &rest));
        assert!(keys_match("**8*", &rest));
        assert!(keys_match("U[A-H]8[BC]", &rest));
        assert!(!keys_match("U[H-Z]8C", &rest));
        assert!(!keys_match("UG8D", &rest));
        // Keys over the visible section are not read.
        assert!(!keys_match("UG8C*|*E", &rest));
        assert_eq!(specificity("**8*"), 1);
    }

    #[test]
    fn country_ranges_follow_the_iso_3780_order() {
        let t = Tables::get();
        let code = |s: &str| country(s, &t.countries).map(|c| c.code);
        assert_eq!(code("WD").as_deref(), Some("de"));
        assert_eq!(code("KN").as_deref(), Some("kr"));
        // Z6–Z0 and X3–X0 are Russia; ZX–Z2 Slovenia.
        assert_eq!(code("Z8").as_deref(), Some("ru"));
        assert_eq!(code("Z1").as_deref(), Some("si"));
        assert_eq!(code("X7").as_deref(), Some("ru"));
        assert_eq!(code("3X").as_deref(), Some("cr"));
        assert_eq!(code("3A").as_deref(), Some("mx"));
        assert_eq!(code("AZ"), None);
    }

    #[test]
    fn every_error_has_its_code() {
        use interdict_model::{Coded, ErrorCode};
        for e in [
            VinError::WrongLength { length: 16 },
            VinError::ForbiddenLetter {
                letter: 'O',
                position: 12,
            },
            VinError::NotAlphanumeric {
                character: '*',
                position: 3,
            },
            VinError::BadCheckDigit {
                found: '1',
                expected: '3',
            },
        ] {
            assert_eq!(e.code(), ErrorCode::VinMalformed, "{e}");
        }
    }
}
