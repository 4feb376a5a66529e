//! Aircraft registration marks: the nationality (or common) mark before
//! the registration mark names the State of Registry (Chicago Convention
//! art. 20; ICAO Annex 7), e.g. `P-` the DPRK, `EP-` Iran.

use crate::tables::{MarkRow, Tables};
use serde::Serialize;

/// The State of Registry a registration's nationality mark names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NationalityMark {
    /// The mark (`P`, `EP`, `HL`).
    pub mark: String,
    /// ISO 3166-1 alpha-2, lower case.
    pub country: String,
    /// The State's name as the table gives it.
    pub name: String,
}

/// A registration mark as written, and what its prefix says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Registration {
    /// Upper case, as written otherwise (`P-632`).
    pub registration: String,
    /// Letters and digits only (`P632`): how registrations are compared.
    pub key: String,
    /// The nationality mark, when the table has it.
    pub nationality: Option<NationalityMark>,
}

/// Reads a registration: the part before a hyphen is the mark; without a
/// hyphen (`N` and some others write none) the longest known mark that
/// leaves characters after it.
pub fn registration(input: &str) -> Registration {
    let registration: String = input.trim().to_uppercase();
    let key = key(&registration);
    let marks = &Tables::get().marks;
    let found = match registration.split_once('-') {
        Some((prefix, _)) => marks.iter().find(|m| m.mark == prefix.trim()),
        None => longest_prefix(&key, marks),
    };
    Registration {
        registration,
        key,
        nationality: found.map(|m| NationalityMark {
            mark: m.mark.clone(),
            country: m.country.clone(),
            name: m.name.clone(),
        }),
    }
}

/// Letters and digits, upper case: `P-632`, `p 632` and `P632` are one key.
pub fn key(input: &str) -> String {
    input
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

fn longest_prefix<'t>(key: &str, marks: &'t [MarkRow]) -> Option<&'t MarkRow> {
    marks
        .iter()
        .filter(|m| key.len() > m.mark.len() && key.starts_with(&m.mark))
        .max_by_key(|m| m.mark.len())
}

/// Written like a registration: a known mark, a hyphen, then letters or
/// digits (`P-632`, `EP-MNA`), or a known mark run together with a short
/// remainder (`N123AB`, `HL7611`).
pub fn looks_like(input: &str) -> bool {
    let r = registration(input);
    r.nationality.is_some() && r.key.len() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(s: &str) -> Option<String> {
        registration(s).nationality.map(|n| n.country)
    }

    #[test]
    fn marks_name_their_state() {
        assert_eq!(country("P-632").as_deref(), Some("kp"));
        assert_eq!(country("EP-MNA").as_deref(), Some("ir"));
        assert_eq!(country("HL7611").as_deref(), Some("kr"));
        assert_eq!(country("N123AB").as_deref(), Some("us"));
        assert_eq!(country("RA-96018").as_deref(), Some("ru"));
        // A hyphenated prefix must be a mark itself: "PQ-" is none.
        assert_eq!(country("PQ-ABC"), None);
        assert_eq!(registration("p-632").key, "P632");
    }
}
