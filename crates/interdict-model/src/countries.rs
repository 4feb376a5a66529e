//! ISO 3166-1 countries and the many ways sanctions lists spell them.
//!
//! The table is `data/reference/countries.csv` (derived from the public-domain
//! `datasets/country-codes`, see `data/reference/PROVENANCE.md`), embedded at
//! build time. Lookups fold case, accents, punctuation and a leading "the"
//! ([`crate::text::fold`]); every spelling of
//! North Korea the lists use ("Korea, North", "DPRK", "Democratic People's
//! Republic of Korea", ...) resolves to `kp`.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../data/reference/countries.csv");

/// One country or territory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166-1 alpha-2, lower case (FtM style).
    pub code: String,
    /// ISO 3166-1 alpha-3, upper case.
    pub alpha3: String,
    /// Short English name.
    pub name: String,
    /// ISO 4217 currency code of the country, where it has one.
    pub currency: String,
}

struct Tables {
    countries: Vec<Country>,
    by_code: HashMap<String, usize>,
    by_name: HashMap<String, usize>,
    by_numeric: HashMap<u16, usize>,
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        let mut t = Tables {
            countries: Vec::new(),
            by_code: HashMap::new(),
            by_name: HashMap::new(),
            by_numeric: HashMap::new(),
        };
        let mut reader = csv::Reader::from_reader(TABLE.as_bytes());
        // The table is compiled in and checked by the tests below; a bad row is skipped.
        for row in reader.records().flatten() {
            let (code, alpha3, name, aliases, currency) =
                (&row[0], &row[1], &row[3], &row[4], &row[5]);
            let idx = t.countries.len();
            t.by_code.insert(code.to_string(), idx);
            t.by_code.insert(alpha3.to_ascii_lowercase(), idx);
            if let Ok(n) = row[2].parse::<u16>() {
                t.by_numeric.insert(n, idx);
            }
            for n in std::iter::once(name).chain(aliases.split('|')) {
                t.by_name.entry(fold(n)).or_insert(idx);
            }
            t.countries.push(Country {
                code: code.to_string(),
                alpha3: alpha3.to_string(),
                name: name.to_string(),
                currency: currency.to_string(),
            });
        }
        t
    })
}

/// The shared text fold, then a leading "the" dropped ("the Gambia").
fn fold(s: &str) -> String {
    let folded = crate::text::fold(s);
    match folded.strip_prefix("the ") {
        Some(rest) => rest.to_string(),
        None if folded == "the" => String::new(),
        None => folded,
    }
}

/// The country with ISO alpha-2 or alpha-3 code `code` (any case).
pub fn by_code(code: &str) -> Option<&'static Country> {
    let t = tables();
    t.by_code
        .get(&code.trim().to_ascii_lowercase())
        .map(|&i| &t.countries[i])
}

/// The country with ISO 3166-1 numeric (UN M49) code `code`.
pub fn by_numeric(code: u16) -> Option<&'static Country> {
    let t = tables();
    t.by_numeric.get(&code).map(|&i| &t.countries[i])
}

/// The ISO 3166-1 numeric (UN M49) code of alpha-2 or alpha-3 `code`.
pub fn numeric_of(code: &str) -> Option<u16> {
    let t = tables();
    let idx = *t.by_code.get(&code.trim().to_ascii_lowercase())?;
    t.by_numeric
        .iter()
        .find_map(|(n, &i)| (i == idx).then_some(*n))
}

/// The country a list's spelling `name` stands for ("Korea, North" → kp).
pub fn by_name(name: &str) -> Option<&'static Country> {
    let t = tables();
    t.by_name.get(&fold(name)).map(|&i| &t.countries[i])
}

/// Resolves a code or a name, code first.
pub fn resolve(code_or_name: &str) -> Option<&'static Country> {
    let s = code_or_name.trim();
    if s.len() <= 3 {
        if let Some(c) = by_code(s) {
            return Some(c);
        }
    }
    by_name(s)
}

/// True when `code` is a known ISO 3166-1 alpha-2 code in lower case.
pub fn is_valid_code(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_lowercase())
        && tables().by_code.contains_key(code)
}

/// Every country, in code order.
pub fn all() -> &'static [Country] {
    &tables().countries
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_north_korea_spelling_is_kp() {
        for s in [
            "Korea, North",
            "North Korea",
            "DPRK",
            "Democratic People's Republic of Korea",
            "the Democratic People's Republic of Korea",
            "KOREA, DEMOCRATIC PEOPLE'S REPUBLIC OF",
            "PRK",
            "kp",
        ] {
            assert_eq!(resolve(s).map(|c| c.code.as_str()), Some("kp"), "{s}");
        }
        assert_eq!(resolve("Korea, South").map(|c| c.code.as_str()), Some("kr"));
    }

    // Country spellings were folded without accents or apostrophes before
    // the shared folder: "Cote d'Ivoire" found nothing for "Côte d’Ivoire".
    #[test]
    fn accents_and_apostrophes_fold() {
        for s in ["Côte d’Ivoire", "COTE D'IVOIRE", "Cote dIvoire"] {
            assert_eq!(resolve(s).map(|c| c.code.as_str()), Some("ci"), "{s}");
        }
        assert_eq!(resolve("Iles d'Aland").map(|c| c.code.as_str()), Some("ax"));
        assert_eq!(resolve("The Gambia"), resolve("Gambia"));
    }

    #[test]
    fn table_is_complete() {
        assert!(all().len() >= 249);
        assert!(is_valid_code("sg"));
        assert!(!is_valid_code("SG"));
        assert!(!is_valid_code("zz"));
        assert_eq!(by_code("ru").map(|c| c.currency.as_str()), Some("RUB"));
    }

    #[test]
    fn m49_numeric_codes_resolve() {
        assert_eq!(by_numeric(408).map(|c| c.code.as_str()), Some("kp"));
        assert_eq!(by_numeric(156).map(|c| c.code.as_str()), Some("cn"));
        assert_eq!(by_numeric(9999), None);
        assert_eq!(numeric_of("KP"), Some(408));
        assert_eq!(numeric_of("chn"), Some(156));
    }
}
