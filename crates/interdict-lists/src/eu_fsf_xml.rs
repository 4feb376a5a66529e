//! The EU Financial Sanctions Files XML, schema v1.1
//! (`<export xmlns="http://eu.europa.ec/fpi/fsd/export">`). One entity per
//! `sanctionEntity`: `eu_fsf:<logicalId>`.
//!
//! Owns that schema's elements and attributes. The first `nameAlias` is the
//! primary name; the others are aliases, weak when `strong="false"`.
//! `subjectType classificationCode` P → Person, E → Organization. The
//! regulation's `programme` (e.g. `PRK`) is the programme; `PRK` marks DPRK.

use crate::dates;
use crate::error::{ListError, ParseErrorKind};
use crate::props::{self, add_country, is_non_latin, join};
use crate::snapshot::{Snapshot, SnapshotStats};
use crate::source::Input;
use crate::xml::{self, Expect, Node};
use interdict_model::{prop, Entity, Schema};

pub(crate) const DATASET: &str = "eu_fsf";

/// Parses the whole file.
pub(crate) fn parse(input: &Input) -> Result<Snapshot, ListError> {
    let root = xml::parse(
        input,
        &Expect {
            root: "export",
            format: "EU Financial Sanctions Files XML (<export>)",
        },
    )?;
    let mut entities = Vec::new();
    for node in root.children("sanctionEntity") {
        entities.push(record(input, node)?);
    }
    let stats = SnapshotStats::count(&entities, |e| {
        e.get(prop::PROGRAM)
            .iter()
            .any(|p| p == "PRK" || p == "DPRK")
    });
    let date = root.attr("generationDate").and_then(dates::iso_of_datetime);
    Ok(Snapshot::parsed(DATASET, date, entities, stats))
}

fn record(input: &Input, n: &Node) -> Result<Entity, ListError> {
    let Some(id) = n.attr("logicalId") else {
        let mut err = input.error_at(
            n.offset,
            ParseErrorKind::Invalid("<sanctionEntity> without a logicalId".into()),
        );
        err.field = Some("logicalId".into());
        return Err(err.into());
    };
    let schema = match n
        .child("subjectType")
        .and_then(|s| s.attr("classificationCode"))
    {
        Some("P") => Schema::Person,
        Some("E") => Schema::Organization,
        _ => Schema::LegalEntity,
    };
    let mut e = Entity::new(DATASET, id, schema);
    if let Some(r) = n.child("regulation") {
        e.add(prop::PROGRAM, r.attr("programme").unwrap_or(""));
        if let Some(t) = r.attr("numberTitle") {
            e.add(prop::NOTES, format!("Regulation {t}"));
        }
    }
    if let Some(d) = n.attr("designationDate").and_then(dates::iso) {
        e.add(prop::LISTING_DATE, d);
    }
    if let Some(r) = n.attr("euReferenceNumber") {
        e.add(prop::NOTES, format!("EU reference number {r}"));
    }
    if let Some(r) = n.attr("unitedNationId") {
        e.add(prop::NOTES, format!("UN reference number {r}"));
        props::add_unsc_id(&mut e, r);
    }
    if let Some(d) = n.attr("designationDetails") {
        e.add(prop::NOTES, d);
    }
    for r in n.children("remark").filter_map(Node::value) {
        e.add(prop::NOTES, r);
    }
    for (i, a) in n.children("nameAlias").enumerate() {
        name_alias(&mut e, a, i == 0);
    }
    for c in n.children("citizenship") {
        add_country(
            &mut e,
            prop::NATIONALITY,
            c.attr("countryIso2Code").unwrap_or(""),
        );
    }
    for b in n.children("birthdate") {
        birth_date(&mut e, b);
    }
    for a in n.children("address") {
        address(&mut e, a);
    }
    for i in n.children("identification") {
        identification(&mut e, i);
    }
    Ok(e)
}

fn name_alias(e: &mut Entity, a: &Node, first: bool) {
    let whole = a.attr("wholeName").map(str::to_string).unwrap_or_else(|| {
        join(
            ["firstName", "middleName", "lastName"]
                .iter()
                .filter_map(|k| a.attr(k)),
        )
        .replace(", ", " ")
    });
    let property = if is_non_latin(&whole) {
        prop::ALIAS
    } else if first {
        prop::NAME
    } else if a.attr("strong") == Some("false") {
        prop::WEAK_ALIAS
    } else {
        prop::ALIAS
    };
    e.add(property, &whole);
    if first && e.schema == Schema::Person {
        e.add(prop::FIRST_NAME, a.attr("firstName").unwrap_or(""));
        e.add(prop::MIDDLE_NAME, a.attr("middleName").unwrap_or(""));
        e.add(prop::LAST_NAME, a.attr("lastName").unwrap_or(""));
    }
    if let Some(g) = a.attr("gender") {
        props::add_gender(e, g);
    }
    e.add(prop::POSITION, a.attr("function").unwrap_or(""));
    e.add(prop::TITLE, a.attr("title").unwrap_or(""));
}

fn birth_date(e: &mut Entity, b: &Node) {
    let year = |k: &str| b.attr(k).and_then(|v| v.parse::<u16>().ok());
    if let Some(d) = b.attr("birthdate") {
        props::add_birth_date(e, d);
    } else if let (Some(from), Some(to)) = (year("yearRangeFrom"), year("yearRangeTo")) {
        props::add_birth_years(e, from, to, &format!("{from} to {to}"));
    } else if let Some(y) = b.attr("year") {
        let date = match (b.attr("monthOfYear"), b.attr("dayOfMonth")) {
            (Some(m), Some(d)) => format!("{y}-{m:0>2}-{d:0>2}"),
            (Some(m), None) => format!("{y}-{m:0>2}"),
            _ => y.to_string(),
        };
        props::add_birth_date(e, &date);
    }
    if b.attr("circa") == Some("true") {
        let shown = b.attr("birthdate").or_else(|| b.attr("year")).unwrap_or("");
        e.add(prop::BIRTH_DATE_NOTE, format!("circa {shown}"));
    }
    let place = join(
        ["place", "city", "region", "countryDescription"]
            .iter()
            .filter_map(|k| b.attr(k))
            .filter(|v| *v != "UNKNOWN"),
    );
    e.add(prop::BIRTH_PLACE, place);
}

fn address(e: &mut Entity, a: &Node) {
    let text = join(
        [
            "street",
            "poBox",
            "zipCode",
            "city",
            "place",
            "region",
            "countryDescription",
        ]
        .iter()
        .filter_map(|k| a.attr(k))
        .filter(|v| *v != "UNKNOWN"),
    );
    e.add(prop::ADDRESS, text);
    add_country(e, prop::COUNTRY, a.attr("countryIso2Code").unwrap_or(""));
    for c in a.children("contactInfo") {
        let (key, value) = (c.attr("key").unwrap_or(""), c.attr("value").unwrap_or(""));
        match key.to_ascii_uppercase().as_str() {
            "EMAIL" => e.add(prop::EMAIL, value),
            "WEB" | "WEBSITE" => e.add(prop::WEBSITE, value),
            _ => e.add(prop::NOTES, format!("{key} {value}")),
        }
    }
}

fn identification(e: &mut Entity, i: &Node) {
    let Some(number) = i.attr("number").or_else(|| i.attr("latinNumber")) else {
        return;
    };
    let code = i
        .attr("identificationTypeCode")
        .unwrap_or("")
        .to_ascii_lowercase();
    match code.as_str() {
        "passport" => e.add(prop::PASSPORT_NUMBER, number),
        "id" | "nationalid" | "ssn" => e.add(prop::ID_NUMBER, number),
        "regnumber" => e.add(prop::REGISTRATION_NUMBER, number),
        "fiscalcode" | "tax" => e.add(prop::TAX_NUMBER, number),
        "swiftbic" => e.add(prop::SWIFT_BIC, number),
        "imo" => props::add_imo(e, number),
        _ => {
            let desc = i.attr("identificationTypeDescription").unwrap_or(&code);
            e.add(prop::NOTES, format!("{desc} {number}"));
        }
    }
    let country = i.attr("countryDescription").filter(|c| *c != "UNKNOWN");
    if let Some(c) = country {
        e.add(prop::NOTES, format!("{code} {number} issued by {c}"));
    }
}
