//! Helpers every parser uses to fill an [`Entity`] the same way: countries
//! resolved to ISO alpha-2 (or kept in `notes`), IMO numbers normalised,
//! birth dates with their precision. No list format lives here.

use crate::dates;
use interdict_model::countries::{self, Country};
use interdict_model::{prop, Entity};
use std::cell::RefCell;
use std::collections::HashMap;

/// The UN Security Council's own reference number of a party
/// (`KPi.033`), on the UN record itself and on every list record that cites
/// it (UK `un_reference_number`, EU `unitedNationId`). Record linking treats
/// two records carrying the same value as the same party.
pub const UNSC_ID: &str = "unscId";

/// The id (`<dataset>:<source id>`) of another list's record this record
/// was copied from, as its publisher states it: the US Consolidated
/// Screening List's rows from the OFAC lists carry the OFAC entry number.
pub const CITED_RECORD: &str = "citedRecord";

/// Adds a country under `property`, resolved to a lower-case ISO alpha-2
/// code; a spelling that does not resolve is kept verbatim in `notes`.
pub(crate) fn add_country(e: &mut Entity, property: &str, raw: &str) {
    let raw = raw.trim().trim_end_matches('.');
    if raw.is_empty() || raw == "00" {
        return;
    }
    match resolve_cached(raw) {
        Some(c) => e.add(property, &c.code),
        None => e.add(prop::NOTES, format!("{property}: {raw}")),
    }
}

thread_local! {
    /// Lists repeat the same few hundred spellings tens of thousands of
    /// times; resolving each once per thread saves most of the work.
    static RESOLVED: RefCell<HashMap<String, Option<&'static Country>>> = RefCell::new(HashMap::new());
}

fn resolve_cached(raw: &str) -> Option<&'static Country> {
    RESOLVED.with(|cache| {
        if let Some(hit) = cache.borrow().get(raw) {
            return *hit;
        }
        let found = countries::resolve(raw).or_else(|| resolve_inverted(raw));
        cache.borrow_mut().insert(raw.to_string(), found);
        found
    })
}

/// OFAC writes some names inverted: `Man, Isle of`, `North Macedonia, The
/// Republic of`. Tried only when the spelling as written did not resolve.
fn resolve_inverted(raw: &str) -> Option<&'static Country> {
    let (head, tail) = raw.split_once(", ")?;
    countries::resolve(&format!("{tail} {head}")).or_else(|| {
        let form = tail.trim_start_matches("The ").to_ascii_lowercase();
        matches!(form.as_str(), "republic of" | "kingdom of" | "state of")
            .then(|| countries::resolve(head))
            .flatten()
    })
}

/// `IMO 8514306`, `IMO8514306`, `8514306` → `IMO8514306`; `None` if there is
/// no seven-digit number.
pub(crate) fn imo(raw: &str) -> Option<String> {
    let digits: String = raw.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 7).then(|| format!("IMO{digits}"))
}

/// Adds an IMO number, or keeps the raw text in notes if it is not one.
pub(crate) fn add_imo(e: &mut Entity, raw: &str) {
    match imo(raw) {
        Some(n) => e.add(prop::IMO_NUMBER, n),
        None => e.add(prop::NOTES, format!("IMO number: {}", raw.trim())),
    }
}

/// Adds a UN reference number in the UN's own spelling (`QDe.145`: regime
/// letters upper case, `i`/`e` for individual/entity lower case), so that
/// copies written `QDE.145` still agree with the UN record. Text that is
/// not a reference number is kept in notes.
pub(crate) fn add_unsc_id(e: &mut Entity, raw: &str) {
    let raw = raw.trim();
    match unsc_id(raw) {
        Some(id) => e.add(UNSC_ID, id),
        None if raw.is_empty() => {}
        None => e.add(prop::NOTES, format!("UN reference number: {raw}")),
    }
}

fn unsc_id(raw: &str) -> Option<String> {
    let (head, number) = raw.split_once('.')?;
    let b = head.as_bytes();
    let well_formed = b.len() == 3
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && matches!(b[2].to_ascii_lowercase(), b'i' | b'e')
        && !number.is_empty()
        && number.bytes().all(|c| c.is_ascii_digit());
    well_formed.then(|| {
        format!(
            "{}{}.{number}",
            head[..2].to_ascii_uppercase(),
            head[2..].to_ascii_lowercase()
        )
    })
}

/// Adds an ISO birth date (already validated), or the raw text as a note.
pub(crate) fn add_birth_date(e: &mut Entity, raw: &str) {
    match dates::iso(raw) {
        Some(d) => e.add(prop::BIRTH_DATE, d),
        None => e.add(prop::BIRTH_DATE_NOTE, raw),
    }
}

/// Adds every year of a birth year range (kept as a note as well).
pub(crate) fn add_birth_years(e: &mut Entity, from: u16, to: u16, note: &str) {
    match dates::year_range(from, to) {
        Some(years) => years.iter().for_each(|y| e.add(prop::BIRTH_DATE, y)),
        None => e.add(prop::BIRTH_DATE_NOTE, note),
    }
    if from != to {
        e.add(prop::BIRTH_DATE_NOTE, note);
    }
}

/// `male` / `female` from the many spellings.
pub(crate) fn add_gender(e: &mut Entity, raw: &str) {
    match raw.trim().to_ascii_lowercase().as_str() {
        "" | "?" | "unknown" => {}
        "m" | "male" => e.add(prop::GENDER, "male"),
        "f" | "female" => e.add(prop::GENDER, "female"),
        other => e.add(prop::GENDER, other),
    }
}

/// True if the text has letters outside Latin script (Hangul, Cyrillic, Arabic, Han...).
pub(crate) fn is_non_latin(s: &str) -> bool {
    s.chars()
        .any(|c| c.is_alphabetic() && !matches!(c as u32, 0..=0x024F | 0x1E00..=0x1EFF))
}

/// Joins the non-empty parts with ", ".
pub(crate) fn join<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::Schema;

    #[test]
    fn countries_resolve_or_go_to_notes() {
        let mut e = Entity::new("t", "1", Schema::Person);
        add_country(&mut e, prop::NATIONALITY, "Korea, North");
        add_country(&mut e, prop::NATIONALITY, "Atlantis");
        assert_eq!(e.get(prop::NATIONALITY), ["kp"]);
        assert_eq!(e.get(prop::NOTES), ["nationality: Atlantis"]);
        add_country(&mut e, prop::COUNTRY, "Man, Isle of");
        add_country(&mut e, prop::COUNTRY, "North Macedonia, The Republic of");
        assert_eq!(e.get(prop::COUNTRY), ["im", "mk"]);
    }

    #[test]
    fn imo_numbers_are_normalised() {
        assert_eq!(imo("IMO 8514306").as_deref(), Some("IMO8514306"));
        assert_eq!(imo("8628597").as_deref(), Some("IMO8628597"));
        assert_eq!(imo("12345"), None);
    }

    #[test]
    fn un_reference_numbers_take_the_un_spelling() {
        assert_eq!(unsc_id("QDE.145").as_deref(), Some("QDe.145"));
        assert_eq!(unsc_id("KPi.033").as_deref(), Some("KPi.033"));
        assert_eq!(unsc_id("KP.033"), None);
        assert_eq!(unsc_id("KPi."), None);
        let mut e = Entity::new("t", "1", Schema::Person);
        add_unsc_id(&mut e, " kpi.033 ");
        add_unsc_id(&mut e, "pending");
        assert_eq!(e.get(UNSC_ID), ["KPi.033"]);
        assert_eq!(e.get(prop::NOTES), ["UN reference number: pending"]);
    }

    #[test]
    fn scripts_are_told_apart() {
        assert!(is_non_latin("Умаров Доку"));
        assert!(is_non_latin("김정은"));
        assert!(!is_non_latin("Nguyễn Văn Đức – LLC"));
    }
}
