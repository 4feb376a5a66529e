//! The UN Security Council Consolidated List XML (`CONSOLIDATED_LIST`,
//! schema `sc-sanctions.xsd`).
//!
//! Owns the UN element names and their meaning. One entity per
//! `REFERENCE_NUMBER` (`un_sc_sanctions:KPi.001`). Alias quality `Good` and
//! `a.k.a.` → `alias`, `Low` → `weakAlias`, `f.k.a.` / `FORMER` →
//! `previousName`; `NAME_ORIGINAL_SCRIPT` is kept as written under `alias`.

use crate::dates;
use crate::error::{ListError, ParseErrorKind};
use crate::props::{self, add_country, join};
use crate::snapshot::{has_program, Snapshot, SnapshotStats};
use crate::source::Input;
use crate::xml::{self, Expect, Node};
use interdict_model::{prop, Entity, Schema};

pub(crate) const DATASET: &str = "un_sc_sanctions";

/// Parses the whole list.
pub(crate) fn parse(input: &Input) -> Result<Snapshot, ListError> {
    let root = xml::parse(
        input,
        &Expect {
            root: "CONSOLIDATED_LIST",
            format: "the UN consolidated list XML (<CONSOLIDATED_LIST>)",
        },
    )?;
    let mut entities = Vec::new();
    let groups = [
        ("INDIVIDUALS", "INDIVIDUAL", Schema::Person),
        ("ENTITIES", "ENTITY", Schema::Organization),
    ];
    for (group, item, schema) in groups {
        for node in root.children(group).flat_map(|g| g.children(item)) {
            entities.push(record(input, node, schema)?);
        }
    }
    let mut stats = SnapshotStats::count(&entities, |e| has_program(e, "DPRK"));
    let types = ["INDIVIDUALS", "ENTITIES"]
        .iter()
        .map(|g| root.children(g).count())
        .sum::<usize>();
    if types == 0 {
        stats
            .notes
            .push("the file holds neither INDIVIDUALS nor ENTITIES".to_string());
    }
    let date = root.attr("dateGenerated").and_then(dates::iso_of_datetime);
    Ok(Snapshot::parsed(DATASET, date, entities, stats))
}

fn record(input: &Input, n: &Node, schema: Schema) -> Result<Entity, ListError> {
    let Some(reference) = n.text_of("REFERENCE_NUMBER") else {
        let mut err = input.error_at(
            n.offset,
            ParseErrorKind::Invalid("record without a REFERENCE_NUMBER".into()),
        );
        err.field = Some("REFERENCE_NUMBER".into());
        return Err(err.into());
    };
    let mut e = Entity::new(DATASET, reference, schema);
    props::add_unsc_id(&mut e, reference);
    let name = ["FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME"]
        .iter()
        .filter_map(|f| n.text_of(f))
        .collect::<Vec<_>>()
        .join(" ");
    e.add(prop::NAME, &name);
    if let Some(original) = n.text_of("NAME_ORIGINAL_SCRIPT") {
        e.add(prop::ALIAS, original);
    }
    if let Some(list) = n.text_of("UN_LIST_TYPE") {
        e.add(prop::PROGRAM, list);
    }
    if let Some(d) = n.text_of("LISTED_ON") {
        e.add(
            prop::LISTING_DATE,
            dates::iso(d).unwrap_or_else(|| d.to_string()),
        );
    }
    if let Some(d) = n
        .values("LAST_DAY_UPDATED", "VALUE")
        .filter_map(dates::iso)
        .max()
    {
        e.add(prop::MODIFIED_AT, d);
    }
    if let Some(c) = n.text_of("COMMENTS1") {
        e.add(
            prop::NOTES,
            c.split_whitespace().collect::<Vec<_>>().join(" "),
        );
    }
    if let Some(g) = n.text_of("GENDER") {
        props::add_gender(&mut e, g);
    }
    for t in n.values("TITLE", "VALUE") {
        e.add(prop::TITLE, t);
    }
    for p in n.values("DESIGNATION", "VALUE") {
        e.add(prop::POSITION, p);
    }
    for c in n.values("NATIONALITY", "VALUE") {
        add_country(&mut e, prop::NATIONALITY, c);
    }
    let alias_tag = if schema == Schema::Person {
        "INDIVIDUAL_ALIAS"
    } else {
        "ENTITY_ALIAS"
    };
    for a in n.children(alias_tag) {
        alias(&mut e, a);
    }
    let address_tag = if schema == Schema::Person {
        "INDIVIDUAL_ADDRESS"
    } else {
        "ENTITY_ADDRESS"
    };
    for a in n.children(address_tag) {
        address(&mut e, a);
    }
    for d in n.children("INDIVIDUAL_DATE_OF_BIRTH") {
        birth_date(&mut e, d);
    }
    for p in n.children("INDIVIDUAL_PLACE_OF_BIRTH") {
        let place = join(
            ["CITY", "STATE_PROVINCE", "COUNTRY"]
                .iter()
                .filter_map(|f| p.text_of(f)),
        );
        e.add(prop::BIRTH_PLACE, place);
        if let Some(note) = p.text_of("NOTE") {
            e.add(prop::NOTES, format!("place of birth: {note}"));
        }
    }
    for d in n.children("INDIVIDUAL_DOCUMENT") {
        document(&mut e, d);
    }
    Ok(e)
}

fn alias(e: &mut Entity, a: &Node) {
    let Some(name) = a.text_of("ALIAS_NAME") else {
        return;
    };
    let quality = a.text_of("QUALITY").unwrap_or("").to_ascii_lowercase();
    let property = match quality.as_str() {
        "low" => prop::WEAK_ALIAS,
        "f.k.a." | "fka" | "former" => prop::PREVIOUS_NAME,
        _ => prop::ALIAS,
    };
    e.add(property, name);
    if let Some(d) = a.text_of("DATE_OF_BIRTH") {
        props::add_birth_date(e, d);
    }
    let place = join(
        ["CITY_OF_BIRTH", "COUNTRY_OF_BIRTH"]
            .iter()
            .filter_map(|f| a.text_of(f)),
    );
    e.add(prop::BIRTH_PLACE, place);
    if let Some(note) = a.text_of("NOTE") {
        e.add(prop::NOTES, format!("alias {name}: {note}"));
    }
}

fn address(e: &mut Entity, a: &Node) {
    let text = join(
        ["STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY"]
            .iter()
            .filter_map(|f| a.text_of(f)),
    );
    e.add(prop::ADDRESS, &text);
    if let Some(c) = a.text_of("COUNTRY") {
        add_country(e, prop::COUNTRY, c);
    }
    if let Some(note) = a.text_of("NOTE") {
        e.add(prop::NOTES, format!("address {text}: {note}"));
    }
}

fn birth_date(e: &mut Entity, d: &Node) {
    let kind = d.text_of("TYPE_OF_DATE").unwrap_or("").to_ascii_uppercase();
    let year = |f: &str| d.text_of(f).and_then(|y| y.parse::<u16>().ok());
    match kind.as_str() {
        "BETWEEN" => {
            if let (Some(from), Some(to)) = (year("FROM_YEAR"), year("TO_YEAR")) {
                props::add_birth_years(e, from, to, &format!("between {from} and {to}"));
            }
        }
        _ => {
            let value = d.text_of("DATE").or_else(|| d.text_of("YEAR"));
            if let Some(v) = value {
                props::add_birth_date(e, v);
                if kind == "APPROXIMATELY" {
                    e.add(prop::BIRTH_DATE_NOTE, format!("circa {v}"));
                }
            } else if let (Some(from), Some(to)) = (year("FROM_YEAR"), year("TO_YEAR")) {
                props::add_birth_years(e, from, to, &format!("between {from} and {to}"));
            }
        }
    }
    if let Some(note) = d.text_of("NOTE") {
        e.add(prop::BIRTH_DATE_NOTE, note);
    }
}

fn document(e: &mut Entity, d: &Node) {
    let Some(number) = d.text_of("NUMBER") else {
        return;
    };
    let kind = d.text_of("TYPE_OF_DOCUMENT").unwrap_or("");
    let lower = kind.to_lowercase();
    let property =
        if lower.contains("passport") || lower.contains("passeport") || lower.contains("pasaporte")
        {
            prop::PASSPORT_NUMBER
        } else {
            prop::ID_NUMBER
        };
    e.add(property, number);
    let details = join(
        [
            d.text_of("TYPE_OF_DOCUMENT2").unwrap_or(""),
            d.text_of("ISSUING_COUNTRY")
                .or_else(|| d.text_of("COUNTRY_OF_ISSUE"))
                .unwrap_or(""),
            d.text_of("CITY_OF_ISSUE").unwrap_or(""),
            d.text_of("DATE_OF_ISSUE")
                .map(|x| format!("issued {x}"))
                .as_deref()
                .unwrap_or(""),
            d.text_of("NOTE").unwrap_or(""),
        ]
        .iter()
        .copied(),
    );
    if !details.is_empty() {
        e.add(prop::NOTES, format!("{kind} {number}: {details}"));
    }
}
