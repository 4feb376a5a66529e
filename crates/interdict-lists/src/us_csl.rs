//! The US Consolidated Screening List CSV (trade.gov): OFAC, BIS and State
//! Department lists in one file, one row per listing.
//!
//! Owns the CSL columns, including the packed `ids` column (`CA, BC166787,
//! Passport; IMO 8898831, Vessel Registration Identification`). One entity
//! per row: `us_trade_csl:<_id>`. The same `_id` appears once per list a
//! party is on (SDN and SSI, say); the second and later rows of an `_id` get
//! the list's abbreviation appended (`us_trade_csl:18741-SSI`) so every row
//! keeps its own record.

use crate::dates;
use crate::error::{ListError, ParseErrorKind};
use crate::props::{self, add_country};
use crate::snapshot::{Snapshot, SnapshotStats};
use crate::source::Input;
use crate::table::{self, Spec, Text};
use interdict_model::{prop, Entity, Schema};
use std::collections::HashMap;

pub(crate) const DATASET: &str = "us_trade_csl";

const COLUMNS: &[&str] = &[
    "_id",
    "source",
    "type",
    "programs",
    "name",
    "title",
    "addresses",
    "start_date",
    "call_sign",
    "vessel_type",
    "gross_tonnage",
    "gross_registered_tonnage",
    "vessel_flag",
    "vessel_owner",
    "remarks",
    "alt_names",
    "citizenships",
    "dates_of_birth",
    "nationalities",
    "places_of_birth",
    "ids",
    "source_list_url",
    "entity_number",
];
const SPEC: Spec<'static> = Spec {
    columns: COLUMNS,
    has_header: true,
    format: "the US Consolidated Screening List CSV",
};

/// Column indexes into [`COLUMNS`].
mod col {
    pub const ID: usize = 0;
    pub const SOURCE: usize = 1;
    pub const TYPE: usize = 2;
    pub const PROGRAMS: usize = 3;
    pub const NAME: usize = 4;
    pub const TITLE: usize = 5;
    pub const ADDRESSES: usize = 6;
    pub const START: usize = 7;
    pub const CALL_SIGN: usize = 8;
    pub const VESSEL_TYPE: usize = 9;
    pub const TONNAGE: usize = 10;
    pub const GRT: usize = 11;
    pub const FLAG: usize = 12;
    pub const OWNER: usize = 13;
    pub const REMARKS: usize = 14;
    pub const ALT_NAMES: usize = 15;
    pub const CITIZENSHIPS: usize = 16;
    pub const DOBS: usize = 17;
    pub const NATIONALITIES: usize = 18;
    pub const POBS: usize = 19;
    pub const IDS: usize = 20;
    pub const SOURCE_LIST_URL: usize = 21;
    pub const ENTITY_NUMBER: usize = 22;
}

/// Export-control lists (the rest are sanctions lists).
const EXPORT_CONTROL: [&str; 5] = ["(EL)", "(DPL)", "(UVL)", "(MEU)", "(DTC)"];

fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(';').map(str::trim).filter(|v| !v.is_empty())
}

/// `Entity List (EL) - Bureau of Industry and Security` → `EL`.
fn abbreviation(source: &str) -> &str {
    source
        .split_once('(')
        .and_then(|(_, r)| r.split_once(')'))
        .map_or(source, |(a, _)| a)
}

/// Parses the whole file.
pub(crate) fn parse(input: &Input) -> Result<Snapshot, ListError> {
    let text = input.utf8()?;
    let t = Text {
        file: &input.name,
        text,
    };
    let mut entities = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut latest_start: Option<String> = None;
    table::read(&t, &SPEC, |row| {
        let id = row.get(col::ID);
        if id.is_empty() {
            return Err(t
                .error(
                    row.offset,
                    Some("_id"),
                    ParseErrorKind::Invalid("empty _id".into()),
                )
                .into());
        }
        let n = seen.entry(id.to_string()).or_insert(0);
        *n += 1;
        let source = row.get(col::SOURCE);
        let source_id = if *n == 1 {
            id.to_string()
        } else {
            format!("{id}-{}", abbreviation(source))
        };
        let e = record(row, &source_id, source);
        if let Some(d) = e.first(prop::LISTING_DATE) {
            if latest_start.as_deref().is_none_or(|l| d > l) {
                latest_start = Some(d.to_string());
            }
        }
        entities.push(e);
        Ok(())
    })?;
    let mut stats = SnapshotStats::count(&entities, |e| {
        e.get(prop::PROGRAM).iter().any(|p| p.contains("DPRK"))
    });
    let repeated = seen.values().filter(|&&n| n > 1).count();
    if repeated > 0 {
        stats.notes.push(format!(
            "{repeated} _id values appear on several lists; their later rows carry the list abbreviation in the id"
        ));
    }
    Ok(Snapshot::parsed(DATASET, latest_start, entities, stats))
}

fn record(row: &table::Row<'_>, source_id: &str, source: &str) -> Entity {
    let schema = match row.get(col::TYPE) {
        "Individual" => Schema::Person,
        "Entity" => Schema::Organization,
        "Vessel" => Schema::Vessel,
        "Aircraft" => Schema::Airplane,
        _ => Schema::LegalEntity,
    };
    let mut e = Entity::new(DATASET, source_id, schema);
    e.add(prop::NAME, row.get(col::NAME));
    for a in split(row.get(col::ALT_NAMES)) {
        e.add(prop::ALIAS, a);
    }
    for p in split(row.get(col::PROGRAMS)) {
        e.add(prop::PROGRAM, p);
    }
    let topic = if EXPORT_CONTROL.iter().any(|x| source.contains(x)) {
        "export.control"
    } else {
        "sanction"
    };
    e.add(prop::TOPICS, topic);
    e.add(prop::NOTES, format!("Source list: {source}"));
    e.add(prop::POSITION, row.get(col::TITLE));
    for a in split(row.get(col::ADDRESSES)) {
        e.add(prop::ADDRESS, a);
        // Addresses end with the ISO code of their country: "..., Limassol, 3035, CY".
        if let Some((_, code)) = a.rsplit_once(", ") {
            if code.len() == 2 {
                add_country(&mut e, prop::COUNTRY, code);
            }
        }
    }
    if let Some(d) = dates::iso(row.get(col::START)) {
        e.add(prop::LISTING_DATE, d);
    }
    e.add(prop::CALL_SIGN, row.get(col::CALL_SIGN));
    e.add(prop::VESSEL_TYPE, row.get(col::VESSEL_TYPE));
    e.add(prop::TONNAGE, row.get(col::TONNAGE));
    e.add(prop::GROSS_REGISTERED_TONNAGE, row.get(col::GRT));
    add_country(&mut e, prop::FLAG, row.get(col::FLAG));
    e.add(prop::OWNER, row.get(col::OWNER));
    e.add(prop::NOTES, row.get(col::REMARKS));
    for c in split(row.get(col::CITIZENSHIPS)) {
        add_country(&mut e, prop::CITIZENSHIP, c);
    }
    for c in split(row.get(col::NATIONALITIES)) {
        add_country(&mut e, prop::NATIONALITY, c);
    }
    for d in split(row.get(col::DOBS)) {
        props::add_birth_date(&mut e, d);
    }
    for p in split(row.get(col::POBS)) {
        e.add(prop::BIRTH_PLACE, p);
    }
    for id in split(row.get(col::IDS)) {
        identifier(&mut e, id);
    }
    e.add(prop::SOURCE_URL, row.get(col::SOURCE_LIST_URL));
    if let Some(cited) = cited_record(source, row.get(col::ENTITY_NUMBER)) {
        e.add(props::CITED_RECORD, cited);
    }
    e
}

/// The OFAC record a CSL row was copied from: the Treasury's rows carry
/// OFAC's entry number in `entity_number`; SDN rows come from the SDN list,
/// the other Treasury lists (SSI, FSE, NS-MBS, CMIC, PLC, CAP) from OFAC's
/// consolidated non-SDN list. Rows of the Commerce and State lists cite
/// nothing.
fn cited_record(source: &str, entity_number: &str) -> Option<String> {
    if entity_number.is_empty() || !entity_number.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let dataset = if source.contains("(SDN)") {
        crate::ofac_csv::DATASET
    } else if source.ends_with("Treasury Department") {
        crate::ofac_enhanced_xml::DATASET
    } else {
        return None;
    };
    Some(format!("{dataset}:{entity_number}"))
}

/// One `ids` item: `[country, ]value, type`. The type comes last; values may
/// themselves hold commas.
fn identifier(e: &mut Entity, item: &str) {
    let Some((rest, kind)) = item.rsplit_once(", ") else {
        e.add(prop::NOTES, item);
        return;
    };
    let value = match rest.split_once(", ") {
        Some((cc, v)) if cc.len() == 2 && cc.bytes().all(|b| b.is_ascii_uppercase()) => v,
        _ => rest,
    };
    let kind_l = kind.to_ascii_lowercase();
    match kind_l.as_str() {
        "passport" | "diplomatic passport" => e.add(prop::PASSPORT_NUMBER, value),
        "vessel registration identification" => props::add_imo(e, value),
        "mmsi" => e.add(prop::MMSI, value),
        "swift/bic" => e.add(prop::SWIFT_BIC, value),
        "website" => e.add(prop::WEBSITE, value),
        "email address" => e.add(prop::EMAIL, value),
        "gender" => props::add_gender(e, value),
        "aircraft model" => e.add(prop::MODEL, value),
        "aircraft manufacturer's serial number (msn)" => e.add(prop::SERIAL_NUMBER, value),
        "aircraft tail number" | "previous aircraft tail number" => {
            e.add(prop::REGISTRATION_NUMBER, value);
        }
        "former vessel flag" | "other vessel flag" => add_country(e, prop::PAST_FLAGS, value),
        "vessel year of build" => e.add(prop::BUILD_DATE, value),
        k if k.contains("tax id") || k.contains("v.a.t.") || k.starts_with("r.f.c") => {
            e.add(prop::TAX_NUMBER, value);
        }
        k if k.contains("registration")
            || k.contains("company number")
            || k.contains("legal entity number")
            || k.contains("unified social credit") =>
        {
            if value.starts_with("IMO") {
                props::add_imo(e, value);
            } else {
                e.add(prop::REGISTRATION_NUMBER, value);
            }
        }
        k if k.contains("national id")
            || k.contains("identification number")
            || k.contains("cedula")
            || k.contains("c.u.r.p")
            || k.contains("d.n.i") =>
        {
            if value.starts_with("IMO") {
                props::add_imo(e, value);
            } else {
                e.add(prop::ID_NUMBER, value);
            }
        }
        _ => e.add(prop::NOTES, format!("{kind} {value}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn treasury_rows_cite_their_ofac_record() {
        let sdn = "Specially Designated Nationals (SDN) - Treasury Department";
        let ssi = "Sectoral Sanctions Identifications List (SSI) - Treasury Department";
        let el = "Entity List (EL) - Bureau of Industry and Security";
        assert_eq!(
            cited_record(sdn, "21944").as_deref(),
            Some("us_ofac_sdn:21944")
        );
        assert_eq!(
            cited_record(ssi, "18792").as_deref(),
            Some("us_ofac_cons:18792")
        );
        assert_eq!(cited_record(el, "123"), None);
        assert_eq!(cited_record(sdn, ""), None);
        assert_eq!(cited_record(sdn, "4398d33e"), None);
    }

    #[test]
    fn the_entity_number_column_becomes_cited_record() {
        let header = COLUMNS.join(",");
        let mut fields = vec![""; COLUMNS.len()];
        fields[col::ID] = "21944";
        fields[col::SOURCE] = "Specially Designated Nationals (SDN) - Treasury Department";
        fields[col::TYPE] = "Individual";
        fields[col::NAME] = "\"'ABBAS, Rim\"";
        fields[col::ENTITY_NUMBER] = "21944";
        let text = format!("{header}\n{}\n", fields.join(","));
        let input = Input::from_bytes("csl.csv", text.as_bytes()).expect("plain text");
        let s = parse(&input).expect("parses");
        assert_eq!(
            s.entities[0].get(props::CITED_RECORD),
            ["us_ofac_sdn:21944"]
        );
    }
}
