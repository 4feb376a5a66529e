//! The non-name facts the scorer compares, read once from a property map
//! (a query's or an entity's): birth dates with their precision, countries,
//! and identifiers normalised so that "IMO 9114555" equals "9114555".
//!
//! This module reads properties; it must not score.

use interdict_model::{countries, prop, PartialDate};
use smallvec::SmallVec;
use std::collections::BTreeMap;

/// Kinds of identifier. Values of the same kind are compared with each other.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum IdKind {
    /// IMO ship number: unique per hull for life.
    Imo,
    /// Maritime Mobile Service Identity.
    Mmsi,
    /// SWIFT/BIC, compared on its first 8 characters (bank, not branch).
    Swift,
    /// Passport, national ID, tax and registration numbers: lists mix these
    /// properties up, so they are compared with each other.
    Document,
}

impl IdKind {
    /// Whether one thing has only one value of this kind, so that two
    /// different values are evidence of two different things.
    pub(crate) fn is_unique(self) -> bool {
        matches!(self, IdKind::Imo | IdKind::Mmsi | IdKind::Swift)
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            IdKind::Imo => "IMO number",
            IdKind::Mmsi => "MMSI",
            IdKind::Swift => "SWIFT/BIC",
            IdKind::Document => "document number",
        }
    }

    fn of_property(p: &str) -> Option<IdKind> {
        Some(match p {
            prop::IMO_NUMBER => IdKind::Imo,
            prop::MMSI => IdKind::Mmsi,
            prop::SWIFT_BIC => IdKind::Swift,
            prop::PASSPORT_NUMBER
            | prop::ID_NUMBER
            | prop::TAX_NUMBER
            | prop::REGISTRATION_NUMBER => IdKind::Document,
            _ => return None,
        })
    }
}

/// Properties whose values are identifiers.
pub(crate) const ID_PROPS: [&str; 7] = [
    prop::IMO_NUMBER,
    prop::MMSI,
    prop::SWIFT_BIC,
    prop::PASSPORT_NUMBER,
    prop::ID_NUMBER,
    prop::TAX_NUMBER,
    prop::REGISTRATION_NUMBER,
];

/// Properties whose values are countries a party is tied to.
pub(crate) const COUNTRY_PROPS: [&str; 4] = [
    prop::NATIONALITY,
    prop::CITIZENSHIP,
    prop::COUNTRY,
    prop::JURISDICTION,
];

/// An identifier in comparable form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Ident {
    pub kind: IdKind,
    pub value: Box<str>,
}

/// Upper-case letters and digits only; IMO without its prefix, BIC without
/// its branch. None when what is left is too short to be trusted.
pub(crate) fn normalise_identifier(kind: IdKind, raw: &str) -> Option<Box<str>> {
    let mut v: String = raw
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match kind {
        IdKind::Imo => {
            if let Some(rest) = v.strip_prefix("IMO") {
                v = rest.to_string();
            }
            if v.len() != 7 || !v.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        IdKind::Mmsi => {
            if v.len() != 9 || !v.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
        }
        IdKind::Swift => {
            if v.len() != 8 && v.len() != 11 {
                return None;
            }
            v.truncate(8);
        }
        IdKind::Document => {}
    }
    (v.len() >= crate::weights::IDENTIFIER_MIN_LEN).then(|| v.into_boxed_str())
}

/// Birth dates, countries and identifiers of one party.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    pub dates: SmallVec<[PartialDate; 2]>,
    pub countries: SmallVec<[Box<str>; 2]>,
    pub idents: SmallVec<[Ident; 2]>,
    /// The given and family names when given apart (`firstName`,
    /// `lastName`), normalised.
    pub given_family: Option<(Box<str>, Box<str>)>,
    /// Russian (or Ukrainian, Belarusian) patronymics found in the names,
    /// middle name and father's name ("sergeyevich").
    pub patronymics: SmallVec<[Box<str>; 2]>,
}

/// Whether a normalised word is an East Slavic patronymic: a word with one
/// of their suffixes (-ovich, -evich, -ovna, -evna, -ichna, and -ilyich /
/// -ilich), in the spellings the lists use.
pub(crate) fn is_patronymic(word: &str) -> bool {
    // German spells -ich "-itsch" (Viktorowitsch, Iljitsch).
    const SUFFIXES: [&str; 13] = [
        "ovich", "evich", "ovych", "evych", "ovitch", "evitch", "ovna", "evna", "ivna", "ichna",
        "ilyich", "ilich", "itsch",
    ];
    word.len() >= 6 && SUFFIXES.iter().any(|s| word.ends_with(s))
}

impl Facts {
    /// Reads the facts; unreadable values (a bad date, an unknown country)
    /// are skipped here: the query's `validate` reports them to the user.
    pub(crate) fn from_properties(props: &BTreeMap<String, Vec<String>>) -> Facts {
        let mut f = Facts::default();
        let get = |p: &str| props.get(p).map_or(&[][..], Vec::as_slice);
        for v in get(prop::BIRTH_DATE) {
            if let Ok(d) = v.parse::<PartialDate>() {
                if !f.dates.contains(&d) {
                    f.dates.push(d);
                }
            }
        }
        for p in COUNTRY_PROPS {
            for v in get(p) {
                if let Some(c) = countries::resolve(v) {
                    let code: Box<str> = c.code.as_str().into();
                    if !f.countries.contains(&code) {
                        f.countries.push(code);
                    }
                }
            }
        }
        if let (Some(g), Some(f_)) = (get(prop::FIRST_NAME).first(), get(prop::LAST_NAME).first()) {
            let (g, f_) = (
                interdict_names::normalize(g),
                interdict_names::normalize(f_),
            );
            if !g.is_empty() && !f_.is_empty() {
                f.given_family = Some((g.into(), f_.into()));
            }
        }
        let name_props = prop::NAME_PROPS
            .iter()
            .chain(&[prop::MIDDLE_NAME, prop::FATHER_NAME]);
        for v in name_props.flat_map(|p| get(p)) {
            for word in interdict_names::normalize(v).split(' ') {
                if is_patronymic(word) && !f.patronymics.iter().any(|p| &**p == word) {
                    f.patronymics.push(word.into());
                }
            }
        }
        for p in ID_PROPS {
            let Some(kind) = IdKind::of_property(p) else {
                continue;
            };
            for v in get(p) {
                if let Some(value) = normalise_identifier(kind, v) {
                    let id = Ident { kind, value };
                    if !f.idents.contains(&id) {
                        f.idents.push(id);
                    }
                }
            }
        }
        f
    }
}

/// A patronymic of each side when both give some and none of the query's
/// may be a spelling of one of the listed ones: within two edits, or
/// starting with the same three letters (the father's name in another
/// transliteration: Ukrainian "Serhiiovych" / Russian "Sergeevich").
pub(crate) fn patronymics_differ<'a>(q: &'a Facts, l: &'a Facts) -> Option<(&'a str, &'a str)> {
    let (qp, lp) = (q.patronymics.first()?, l.patronymics.first()?);
    let close = |a: &str, b: &str| {
        let (a, b) = (english_spelling(a), english_spelling(b));
        a.as_bytes()[..3] == b.as_bytes()[..3]
            || crate::similarity::edit_distance_halves(a.as_bytes(), b.as_bytes(), 4).is_some()
    };
    let any_close = q
        .patronymics
        .iter()
        .any(|a| l.patronymics.iter().any(|b| close(a, b)));
    (!any_close).then_some((&**qp, &**lp))
}

/// A patronymic's German (Duden: w, j, tsch) or French (tch) spelling
/// brought to the English one: "Wladimirowitsch" is "vladimirovich".
fn english_spelling(p: &str) -> String {
    p.replace("tsch", "ch")
        .replace("tch", "ch")
        .replace('w', "v")
        .replace('j', "y")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_patronymics_are_patronymics() {
        assert!(is_patronymic("iljitsch"));
        assert!(is_patronymic("viktorowitsch"));
        assert!(!is_patronymic("miller"));
        assert_eq!(english_spelling("wladimirowitsch"), "vladimirovich");
    }

    #[test]
    fn identifiers_normalise() {
        assert_eq!(
            normalise_identifier(IdKind::Imo, "IMO 9114555").as_deref(),
            Some("9114555")
        );
        assert_eq!(normalise_identifier(IdKind::Imo, "91145"), None);
        assert_eq!(
            normalise_identifier(IdKind::Swift, "KKBC KP PY XXX").as_deref(),
            Some("KKBCKPPY")
        );
        assert_eq!(normalise_identifier(IdKind::Document, "A-1"), None);
        assert_eq!(
            normalise_identifier(IdKind::Document, "pd 836410105").as_deref(),
            Some("PD836410105")
        );
    }

    #[test]
    fn facts_read_dates_countries_and_ids() {
        let mut p = BTreeMap::new();
        p.insert(
            "birthDate".to_string(),
            vec!["1984-01-08".into(), "nonsense".into()],
        );
        p.insert("nationality".to_string(), vec!["North Korea".into()]);
        p.insert("imoNumber".to_string(), vec!["IMO9114555".into()]);
        let f = Facts::from_properties(&p);
        assert_eq!(f.dates.len(), 1);
        assert_eq!(f.countries.as_slice(), [Box::from("kp")]);
        assert_eq!(f.idents[0].kind, IdKind::Imo);
    }
}
