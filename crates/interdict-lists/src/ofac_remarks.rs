//! OFAC's free-text `Remarks` (legacy `sdn.csv`): `DOB 13 Oct 1944; POB
//! Pyongyang, North Korea; nationality Korea, North; Passport 563210184
//! (Korea, North); Vessel Registration Identification IMO 8514306; MMSI ...;
//! Former Vessel Name X; a.k.a. 'Y'; Linked To: Z.`
//!
//! Owns the remark vocabulary. Each `;`-separated statement that is
//! understood fills a property; every statement that is not (and the full
//! text of identifiers that carry more than a number, such as the issuing
//! country) is kept verbatim in `notes`, so nothing is dropped. In the legacy
//! CSV the strong aliases live in `alt.csv`; the quoted `a.k.a. '...'` in the
//! remarks are OFAC's weak ("low quality") aliases, hence `weakAlias`.

use crate::dates::day_month_year;
use crate::props::{self, add_country};
use interdict_model::{prop, Entity};

/// Identifier statements: the label OFAC uses and the property it fills.
/// Longest labels first where one is a prefix of another.
const IDENTIFIERS: &[(&str, &str)] = &[
    ("Vessel Registration Identification", prop::IMO_NUMBER),
    ("Diplomatic Passport", prop::PASSPORT_NUMBER),
    ("Passport", prop::PASSPORT_NUMBER),
    ("National ID No.", prop::ID_NUMBER),
    ("National Foreign ID Number", prop::ID_NUMBER),
    ("Identification Number", prop::ID_NUMBER),
    ("Cedula No.", prop::ID_NUMBER),
    ("C.U.R.P.", prop::ID_NUMBER),
    ("D.N.I.", prop::ID_NUMBER),
    ("NIT #", prop::ID_NUMBER),
    ("Birth Certificate Number", prop::ID_NUMBER),
    ("Driver's License No.", prop::ID_NUMBER),
    ("Electoral Registry No.", prop::ID_NUMBER),
    ("Personal ID Card", prop::ID_NUMBER),
    ("Residency Number", prop::ID_NUMBER),
    ("SSN", prop::ID_NUMBER),
    ("Tax ID No.", prop::TAX_NUMBER),
    ("R.F.C.", prop::TAX_NUMBER),
    ("RFC", prop::TAX_NUMBER),
    ("V.A.T. Number", prop::TAX_NUMBER),
    ("RUC #", prop::TAX_NUMBER),
    ("RIF #", prop::TAX_NUMBER),
    ("Business Registration Number", prop::REGISTRATION_NUMBER),
    (
        "Business Registration Document #",
        prop::REGISTRATION_NUMBER,
    ),
    ("Registration Number", prop::REGISTRATION_NUMBER),
    ("Registration ID", prop::REGISTRATION_NUMBER),
    ("Company Number", prop::REGISTRATION_NUMBER),
    ("Commercial Registry Number", prop::REGISTRATION_NUMBER),
    (
        "Unified Social Credit Code (USCC)",
        prop::REGISTRATION_NUMBER,
    ),
    ("Legal Entity Number", prop::REGISTRATION_NUMBER),
    ("Government Gazette Number", prop::REGISTRATION_NUMBER),
    ("Folio Mercantil No.", prop::REGISTRATION_NUMBER),
    ("Matricula Mercantil No", prop::REGISTRATION_NUMBER),
    ("Chamber of Commerce Number", prop::REGISTRATION_NUMBER),
    ("Trade License No.", prop::REGISTRATION_NUMBER),
    ("Public Registration Number", prop::REGISTRATION_NUMBER),
    (
        "Central Registration System Number",
        prop::REGISTRATION_NUMBER,
    ),
    ("D-U-N-S Number", prop::REGISTRATION_NUMBER),
    ("C.R. No.", prop::REGISTRATION_NUMBER),
    ("Aircraft Tail Number", prop::REGISTRATION_NUMBER),
    ("Previous Aircraft Tail Number", prop::REGISTRATION_NUMBER),
    (
        "Aircraft Manufacturer's Serial Number (MSN)",
        prop::SERIAL_NUMBER,
    ),
    ("SWIFT/BIC", prop::SWIFT_BIC),
    ("MMSI", prop::MMSI),
];

/// Applies the remarks of one record to `e`.
pub(crate) fn apply(e: &mut Entity, remarks: &str) {
    let text = remarks.trim();
    let text = text.strip_suffix('.').unwrap_or(text);
    for statement in text.split("; ") {
        let statement = statement.trim();
        if !statement.is_empty() && !apply_statement(e, statement) {
            e.add(prop::NOTES, statement);
        }
    }
}

/// `'NAME'` → `NAME`.
fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('\'')
        .and_then(|x| x.strip_suffix('\''))
        .unwrap_or(s)
}

/// Returns false when the statement was not understood.
fn apply_statement(e: &mut Entity, statement: &str) -> bool {
    let s = statement.strip_prefix("alt. ").unwrap_or(statement);
    let after = |label: &str| s.strip_prefix(label).and_then(|r| r.strip_prefix(' '));
    if let Some(v) = after("DOB") {
        birth_date(e, v);
    } else if let Some(v) = after("POB") {
        e.add(prop::BIRTH_PLACE, v);
    } else if let Some(v) = after("nationality") {
        add_country(e, prop::NATIONALITY, v);
    } else if let Some(v) = after("citizen") {
        add_country(e, prop::CITIZENSHIP, v);
    } else if let Some(v) = after("Gender") {
        props::add_gender(e, v);
    } else if let Some(v) = after("a.k.a.") {
        e.add(prop::WEAK_ALIAS, unquote(v));
    } else if let Some(v) = after("f.k.a.") {
        e.add(prop::PREVIOUS_NAME, unquote(v));
    } else if let Some(v) = after("n.k.a.") {
        e.add(prop::ALIAS, unquote(v));
    } else if let Some(v) = after("Former Vessel Name") {
        e.add(prop::PREVIOUS_NAME, unquote(v));
    } else if let Some(v) = after("Former Vessel Flag").or_else(|| after("Other Vessel Flag")) {
        add_country(e, prop::PAST_FLAGS, v);
    } else if let Some(v) = after("Other Vessel Call Sign") {
        e.add(prop::CALL_SIGN, v);
    } else if let Some(v) =
        after("Vessel Year of Build").or_else(|| after("Aircraft Manufacture Date"))
    {
        match day_month_year(v) {
            Some(d) => e.add(prop::BUILD_DATE, d),
            None => return false,
        }
    } else if let Some(v) = after("Aircraft Model") {
        e.add(prop::MODEL, v);
    } else if let Some(v) = after("Email Address") {
        e.add(prop::EMAIL, v);
    } else if let Some(v) = after("Website") {
        e.add(prop::WEBSITE, v);
    } else {
        return identifier(e, s, statement);
    }
    true
}

/// An identifier statement: `<label> <number>[ (<country>)][ issued ...]`.
fn identifier(e: &mut Entity, s: &str, statement: &str) -> bool {
    let Some((label, property)) = IDENTIFIERS
        .iter()
        .find(|(label, _)| s.strip_prefix(label).is_some_and(|r| r.starts_with(' ')))
    else {
        return false;
    };
    let rest = s[label.len()..].trim();
    let end = [" (", " issued", " expires", " Expires", " Issue Date"]
        .iter()
        .filter_map(|m| rest.find(m))
        .min()
        .unwrap_or(rest.len());
    let number = rest[..end].trim();
    if number.is_empty() {
        return false;
    }
    // Companies and vessels both carry IMO numbers ("Company Number IMO
    // 1790183", "Identification Number IMO 5342883").
    if number.starts_with("IMO") || *property == prop::IMO_NUMBER {
        props::add_imo(e, number);
    } else {
        e.add(property, number);
    }
    if end < rest.len() {
        e.add(prop::NOTES, statement);
    }
    true
}

/// `13 Oct 1944`, `circa 1947`, `1951 to 1953`, `01 Jan 1960 to 31 Dec 1962`.
fn birth_date(e: &mut Entity, v: &str) {
    let (circa, body) = match v.strip_prefix("circa ") {
        Some(b) => (true, b.trim()),
        None => (false, v.trim()),
    };
    let range = body.split_once(" to ").or_else(|| {
        body.split_once('-')
            .filter(|(a, b)| a.len() == 4 && b.len() == 4)
    });
    if let Some((from, to)) = range {
        let year = |s: &str| {
            day_month_year(s.trim()).and_then(|d| d.get(..4).and_then(|y| y.parse::<u16>().ok()))
        };
        match (year(from), year(to)) {
            (Some(a), Some(b)) => props::add_birth_years(e, a, b, v),
            _ => e.add(prop::BIRTH_DATE_NOTE, v),
        }
        if circa {
            e.add(prop::BIRTH_DATE_NOTE, v);
        }
        return;
    }
    match day_month_year(body) {
        Some(d) => e.add(prop::BIRTH_DATE, d),
        None => e.add(prop::BIRTH_DATE_NOTE, v),
    }
    if circa {
        e.add(prop::BIRTH_DATE_NOTE, v);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::Schema;

    fn parsed(remarks: &str) -> Entity {
        let mut e = Entity::new("us_ofac_sdn", "1", Schema::Person);
        apply(&mut e, remarks);
        e
    }

    #[test]
    fn person_remarks_fill_properties() {
        let e = parsed("DOB 13 Oct 1944; alt. DOB circa 1946; POB Pyongyang, North Korea; nationality Korea, North; Passport 563210184 (Korea, North); Gender Male; a.k.a. 'KIM'; Linked To: KOMID.");
        assert_eq!(e.get(prop::BIRTH_DATE), ["1944-10-13", "1946"]);
        assert_eq!(e.get(prop::BIRTH_DATE_NOTE), ["circa 1946"]);
        assert_eq!(e.get(prop::BIRTH_PLACE), ["Pyongyang, North Korea"]);
        assert_eq!(e.get(prop::NATIONALITY), ["kp"]);
        assert_eq!(e.get(prop::PASSPORT_NUMBER), ["563210184"]);
        assert_eq!(e.get(prop::GENDER), ["male"]);
        assert_eq!(e.get(prop::WEAK_ALIAS), ["KIM"]);
        assert_eq!(
            e.get(prop::NOTES),
            ["Passport 563210184 (Korea, North)", "Linked To: KOMID"]
        );
    }

    #[test]
    fn vessel_remarks_fill_properties() {
        let e = parsed("Former Vessel Flag Malta; Vessel Registration Identification IMO 9187629; MMSI 572469210; f.k.a. 'ALPHA'; Former Vessel Name BETA; Vessel Year of Build 1998");
        assert_eq!(e.get(prop::PAST_FLAGS), ["mt"]);
        assert_eq!(e.get(prop::IMO_NUMBER), ["IMO9187629"]);
        assert_eq!(e.get(prop::MMSI), ["572469210"]);
        assert_eq!(e.get(prop::PREVIOUS_NAME), ["ALPHA", "BETA"]);
        assert_eq!(e.get(prop::BUILD_DATE), ["1998"]);
        assert!(e.get(prop::NOTES).is_empty());
    }

    #[test]
    fn ranges_expand_to_years_and_unknowns_stay_verbatim() {
        let e = parsed(
            "DOB 1951 to 1953; Digital Currency Address - XBT 1abc; Company Number IMO 1790183",
        );
        assert_eq!(e.get(prop::BIRTH_DATE), ["1951", "1952", "1953"]);
        assert_eq!(e.get(prop::BIRTH_DATE_NOTE), ["1951 to 1953"]);
        assert_eq!(e.get(prop::NOTES), ["Digital Currency Address - XBT 1abc"]);
        assert_eq!(e.get(prop::IMO_NUMBER), ["IMO1790183"]);
    }
}
