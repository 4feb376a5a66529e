//! OFAC's Enhanced XML (`sanctionsData`, the format of `CONS_ENHANCED.XML`
//! and `SDN_ENHANCED.XML`). One entity per `<entity id>`:
//! `us_ofac_cons:<id>`.
//!
//! Owns that schema's elements: names with their translations (non-Latin
//! scripts kept as written under `alias`), alias types (A.K.A. → `alias`,
//! F.K.A. → `previousName`, low quality → `weakAlias`), features (birth
//! dates with precision from `valueDate`, places, SWIFT/BIC, vessel and
//! aircraft facts), identity documents, addresses and relationships.

use crate::dates;
use crate::error::{ListError, ParseErrorKind};
use crate::props::{self, add_country, join};
use crate::snapshot::{has_program, Snapshot, SnapshotStats};
use crate::source::Input;
use crate::xml::{self, Expect, Node};
use interdict_model::{prop, Entity, Schema};

pub(crate) const DATASET: &str = "us_ofac_cons";

/// Parses the whole file.
pub(crate) fn parse(input: &Input) -> Result<Snapshot, ListError> {
    let root = xml::parse(
        input,
        &Expect {
            root: "sanctionsData",
            format: "OFAC Enhanced XML (<sanctionsData>)",
        },
    )?;
    let mut entities = Vec::new();
    for node in root.children("entities").flat_map(|g| g.children("entity")) {
        entities.push(record(input, node)?);
    }
    let stats = SnapshotStats::count(&entities, |e| has_program(e, "DPRK"));
    let date = root
        .child("publicationInfo")
        .and_then(|p| p.text_of("dataAsOf"))
        .and_then(dates::iso_of_datetime);
    Ok(Snapshot::parsed(DATASET, date, entities, stats))
}

fn record(input: &Input, n: &Node) -> Result<Entity, ListError> {
    let Some(id) = n.attr("id") else {
        let mut err = input.error_at(
            n.offset,
            ParseErrorKind::Invalid("<entity> without an id".into()),
        );
        err.field = Some("id".into());
        return Err(err.into());
    };
    let kind = n
        .child("generalInfo")
        .and_then(|g| g.text_of("entityType"))
        .unwrap_or("");
    let schema = match kind {
        "Individual" => Schema::Person,
        "Vessel" => Schema::Vessel,
        "Aircraft" => Schema::Airplane,
        _ => Schema::Organization,
    };
    let mut e = Entity::new(DATASET, id, schema);
    for p in n.values("sanctionsPrograms", "sanctionsProgram") {
        e.add(prop::PROGRAM, p);
    }
    let mut listed: Vec<&str> = Vec::new();
    for l in n
        .children("sanctionsLists")
        .flat_map(|g| g.children("sanctionsList"))
    {
        if let Some(name) = l.value() {
            e.add(prop::NOTES, format!("List: {name}"));
        }
        if let Some(d) = l.attr("datePublished") {
            listed.push(d);
        }
    }
    if let Some(first) = listed.iter().filter_map(|d| dates::iso(d)).min() {
        e.add(prop::LISTING_DATE, first);
    }
    for name in n.children("names").flat_map(|g| g.children("name")) {
        add_name(&mut e, name);
    }
    for a in n.children("addresses").flat_map(|g| g.children("address")) {
        address(&mut e, a);
    }
    for f in n.children("features").flat_map(|g| g.children("feature")) {
        feature(&mut e, f);
    }
    for d in n
        .children("identityDocuments")
        .flat_map(|g| g.children("identityDocument"))
    {
        document(&mut e, d);
    }
    for r in n
        .children("relationships")
        .flat_map(|g| g.children("relationship"))
    {
        let kind = r.text_of("type").unwrap_or("Related to");
        if let Some(other) = r.text_of("relatedEntity") {
            e.add(prop::NOTES, format!("{kind}: {other}"));
        }
    }
    if let Some(r) = n.text_of("remarks") {
        e.add(prop::NOTES, r);
    }
    Ok(e)
}

fn add_name(e: &mut Entity, name: &Node) {
    let primary = name.text_of("isPrimary") == Some("true");
    let low = name.text_of("isLowQuality") == Some("true");
    let alias_type = name.text_of("aliasType").unwrap_or("").to_ascii_uppercase();
    let property = if primary {
        prop::NAME
    } else if low {
        prop::WEAK_ALIAS
    } else if alias_type == "F.K.A." {
        prop::PREVIOUS_NAME
    } else {
        prop::ALIAS
    };
    for t in name
        .children("translations")
        .flat_map(|g| g.children("translation"))
    {
        let Some(full) = t.text_of("formattedFullName") else {
            continue;
        };
        let latin = t.text_of("script").is_none_or(|s| s == "Latin");
        // A name in its original script is another spelling, not a second primary name.
        let p = if latin || property != prop::NAME {
            property
        } else {
            prop::ALIAS
        };
        e.add(p, full);
        if primary && latin && e.schema == Schema::Person {
            if let Some(f) = t.text_of("formattedFirstName") {
                e.add(prop::FIRST_NAME, f);
            }
            if let Some(l) = t.text_of("formattedLastName") {
                e.add(prop::LAST_NAME, l);
            }
        }
    }
}

fn address(e: &mut Entity, a: &Node) {
    let country = a.text_of("country");
    for t in a
        .children("translations")
        .flat_map(|g| g.children("translation"))
    {
        let parts: Vec<&str> = t
            .children("addressParts")
            .flat_map(|g| g.children("addressPart"))
            .filter_map(|p| p.text_of("value"))
            .collect();
        let text = join(parts.iter().copied().chain(country));
        e.add(prop::ADDRESS, text);
    }
    if let Some(c) = country {
        add_country(e, prop::COUNTRY, c);
    }
}

/// A birth date from `valueDate`: the span between `fromDateBegin` and
/// `toDateBegin` tells the precision (one day, one month, one year, years).
fn birth_date(e: &mut Entity, f: &Node) {
    let raw = f.text_of("value").unwrap_or("");
    let Some(vd) = f.child("valueDate") else {
        props::add_birth_date(e, raw);
        return;
    };
    let (Some(from), Some(to)) = (vd.text_of("fromDateBegin"), vd.text_of("toDateBegin")) else {
        e.add(prop::BIRTH_DATE_NOTE, raw);
        return;
    };
    let to_end = vd.text_of("toDateEnd").unwrap_or(to);
    let (fy, ty) = (from.get(..4).unwrap_or(""), to_end.get(..4).unwrap_or(""));
    let date = if from == to {
        dates::iso(from)
    } else if from.get(..7) == to_end.get(..7) && from.ends_with("-01") {
        from.get(..7).and_then(dates::iso)
    } else if fy == ty && from.ends_with("-01-01") {
        dates::iso(fy)
    } else {
        None
    };
    match date {
        Some(d) => e.add(prop::BIRTH_DATE, d),
        None => match (fy.parse::<u16>(), ty.parse::<u16>()) {
            (Ok(a), Ok(b)) => props::add_birth_years(e, a, b, raw),
            _ => e.add(prop::BIRTH_DATE_NOTE, raw),
        },
    }
    if vd.text_of("isApproximate") == Some("true") {
        e.add(prop::BIRTH_DATE_NOTE, format!("circa {raw}"));
    }
}

fn feature(e: &mut Entity, f: &Node) {
    let kind = f.text_of("type").unwrap_or("");
    let value = f.text_of("value").unwrap_or("");
    match kind {
        "Birthdate" => birth_date(e, f),
        "Place of Birth" => e.add(prop::BIRTH_PLACE, value),
        "Nationality Country" => add_country(e, prop::NATIONALITY, value),
        "Citizenship Country" => add_country(e, prop::CITIZENSHIP, value),
        "Nationality of Registration" => add_country(e, prop::JURISDICTION, value),
        "Gender" => props::add_gender(e, value),
        "SWIFT/BIC" => e.add(prop::SWIFT_BIC, value),
        "Website" => e.add(prop::WEBSITE, value),
        "Email Address" => e.add(prop::EMAIL, value),
        "Vessel Flag" => add_country(e, prop::FLAG, value),
        "Former Vessel Flag" | "Other Vessel Flag" => add_country(e, prop::PAST_FLAGS, value),
        "Vessel Call Sign" | "Other Vessel Call Sign" => e.add(prop::CALL_SIGN, value),
        "Vessel Type" => e.add(prop::VESSEL_TYPE, value),
        "Vessel Tonnage" => e.add(prop::TONNAGE, value),
        "Vessel Gross Registered Tonnage" => e.add(prop::GROSS_REGISTERED_TONNAGE, value),
        "Vessel Owner" => e.add(prop::OWNER, value),
        "MMSI" => e.add(prop::MMSI, value),
        "Vessel Year of Build" => e.add(prop::BUILD_DATE, value),
        "Aircraft Model" => e.add(prop::MODEL, value),
        "Aircraft Manufacturer's Serial Number (MSN)" => e.add(prop::SERIAL_NUMBER, value),
        "Aircraft Tail Number" | "Previous Aircraft Tail Number" => {
            e.add(prop::REGISTRATION_NUMBER, value);
        }
        _ => e.add(
            prop::NOTES,
            format!("{} {value}", kind.trim_end_matches([':', ' ', '-'])),
        ),
    }
}

fn document(e: &mut Entity, d: &Node) {
    let kind = d.text_of("type").unwrap_or("");
    let Some(number) = d.text_of("documentNumber") else {
        return;
    };
    let lower = kind.to_ascii_lowercase();
    if lower.contains("passport") {
        e.add(prop::PASSPORT_NUMBER, number);
    } else if lower.contains("tax") || lower.contains("v.a.t.") {
        e.add(prop::TAX_NUMBER, number);
    } else if kind == "Vessel Registration Identification" || number.starts_with("IMO") {
        props::add_imo(e, number);
    } else if kind == "MMSI" {
        e.add(prop::MMSI, number);
    } else if lower.contains("registration")
        || lower.contains("gazette")
        || lower.contains("company number")
        || lower.contains("legal entity number")
        || lower.contains("(uscc)")
        || lower.contains("c.r. no")
    {
        e.add(prop::REGISTRATION_NUMBER, number);
    } else if lower.contains("national id") || lower.contains("driver") {
        e.add(prop::ID_NUMBER, number);
    } else {
        e.add(prop::NOTES, format!("{kind} {number}"));
    }
    if let Some(c) = d.text_of("issuingCountry") {
        e.add(prop::NOTES, format!("{kind} {number} issued by {c}"));
    }
}
