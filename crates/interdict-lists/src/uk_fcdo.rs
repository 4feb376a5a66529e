//! The UK Sanctions List (FCDO) in the five normalised tables of the bundled
//! snapshot: `subjects`, `subject_names`, `subject_identifiers`,
//! `subject_dobs`, `subject_countries`, keyed by the list's Unique ID
//! (`DPR0001`: the three-letter prefix is the regime, `DPR` = DPRK).
//!
//! Owns those tables' columns and meaning. Names: `primary` → `name`,
//! `primary_variation` and good-quality aliases → `alias`, low-quality →
//! `weakAlias`; names in a non-Latin script go under `alias` as written.
//! Rows of the other tables whose unique id is not a subject are counted in
//! [`SnapshotStats::unjoined`].

use crate::dates;
use crate::error::{ListError, ParseErrorKind};
use crate::props::{self, add_country, is_non_latin};
use crate::snapshot::{Snapshot, SnapshotStats};
use crate::source::{self, Input};
use crate::table::{self, Spec, Text};
use interdict_model::{prop, Entity, Schema};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

pub(crate) const DATASET: &str = "gb_fcdo_sanctions";

/// The regime prefix of the DPRK (North Korea) regime.
const DPRK_PREFIX: &str = "DPR";

/// The five tables; only `subjects` is required.
pub(crate) struct Files {
    pub subjects: Input,
    pub names: Option<Input>,
    pub identifiers: Option<Input>,
    pub dobs: Option<Input>,
    pub countries: Option<Input>,
}

impl Files {
    /// The five tables of a directory (any case, plain or `.gz`); only
    /// `subjects.csv` is required.
    pub(crate) fn in_dir(path: &Path) -> Result<Files, ListError> {
        if !path.is_dir() {
            return Err(ListError::Store {
                path: path.to_path_buf(),
                message: "gb_fcdo_sanctions needs a directory holding subjects.csv, subject_names.csv, subject_identifiers.csv, subject_dobs.csv and subject_countries.csv".into(),
            });
        }
        let files = source::dir_files(path)?;
        let find = |s: &str| {
            files
                .iter()
                .find(|(n, _)| source::stem(n) == s)
                .map(|(_, p)| p)
        };
        let Some(subjects) = find("subjects") else {
            return Err(ListError::Store {
                path: path.to_path_buf(),
                message: "no subjects.csv in this directory".into(),
            });
        };
        Ok(Files {
            subjects: Input::read(subjects)?,
            names: source::optional(find("subject_names"))?,
            identifiers: source::optional(find("subject_identifiers"))?,
            dobs: source::optional(find("subject_dobs"))?,
            countries: source::optional(find("subject_countries"))?,
        })
    }
}

const SUBJECTS: Spec<'static> = Spec {
    columns: &[
        "unique_id",
        "subject_type",
        "un_reference_number",
        "ofsi_group_id",
        "date_designated",
        "last_updated",
    ],
    has_header: true,
    format: "UK sanctions subjects.csv",
};
const NAMES: Spec<'static> = Spec {
    columns: &[
        "unique_id",
        "name_type",
        "alias_strength",
        "full_name",
        "name_6",
        "name_1",
    ],
    has_header: true,
    format: "UK sanctions subject_names.csv",
};
const IDENTIFIERS: Spec<'static> = Spec {
    columns: &[
        "unique_id",
        "raw_value",
        "identifier_type",
        "additional_info",
    ],
    has_header: true,
    format: "UK sanctions subject_identifiers.csv",
};
const DOBS: Spec<'static> = Spec {
    columns: &["unique_id", "year", "month", "day", "precision"],
    has_header: true,
    format: "UK sanctions subject_dobs.csv",
};
const COUNTRIES: Spec<'static> = Spec {
    columns: &["unique_id", "raw_value", "country_type", "iso"],
    has_header: true,
    format: "UK sanctions subject_countries.csv",
};

/// Parses and joins the tables.
pub(crate) fn parse(files: &Files) -> Result<Snapshot, ListError> {
    let mut subjects = read_subjects(&files.subjects)?;
    let mut unjoined = BTreeMap::new();
    subjects.join(
        &files.names,
        &NAMES,
        "subject_names.csv",
        &name,
        &mut unjoined,
    )?;
    subjects.join(
        &files.identifiers,
        &IDENTIFIERS,
        "subject_identifiers.csv",
        &identifier,
        &mut unjoined,
    )?;
    subjects.join(
        &files.dobs,
        &DOBS,
        "subject_dobs.csv",
        &birth_date,
        &mut unjoined,
    )?;
    subjects.join(
        &files.countries,
        &COUNTRIES,
        "subject_countries.csv",
        &country,
        &mut unjoined,
    )?;

    let entities = subjects.entities;
    let mut stats = SnapshotStats::count(&entities, |e| e.source_id().starts_with(DPRK_PREFIX));
    stats.notes = unjoined
        .iter()
        .filter(|(_, &n)| n > 0)
        .map(|(f, n)| format!("{n} rows of {f} had no subject"))
        .collect();
    stats.unjoined = unjoined;
    Ok(Snapshot::parsed(
        DATASET,
        subjects.latest_update,
        entities,
        stats,
    ))
}

/// The subjects read so far, indexed by unique id so that the other tables
/// can be joined onto them.
struct Subjects {
    entities: Vec<Entity>,
    index: HashMap<String, usize>,
    /// The latest `last_updated`: the list has no date of its own, so this
    /// dates the snapshot.
    latest_update: Option<String>,
}

/// Reads `subjects.csv`, which every other table refers to and so must be
/// read first.
fn read_subjects(input: &Input) -> Result<Subjects, ListError> {
    let mut subjects = Subjects {
        entities: Vec::new(),
        index: HashMap::new(),
        latest_update: None,
    };
    let text = input.utf8()?;
    let t = Text {
        file: &input.name,
        text,
    };
    table::read(&t, &SUBJECTS, |row| {
        let e = subject(&t, row, &mut subjects.latest_update)?;
        subjects
            .index
            .insert(e.source_id().to_string(), subjects.entities.len());
        subjects.entities.push(e);
        Ok(())
    })?;
    Ok(subjects)
}

/// One row of `subjects.csv` as an entity; an empty unique id is an error
/// because nothing could be joined onto it.
fn subject(
    t: &Text<'_>,
    row: &table::Row<'_>,
    latest_update: &mut Option<String>,
) -> Result<Entity, ListError> {
    let id = row.get(0);
    if id.is_empty() {
        return Err(t
            .error(
                row.offset,
                Some("unique_id"),
                ParseErrorKind::Invalid("empty unique_id".into()),
            )
            .into());
    }
    let schema = match row.get(1) {
        "individual" => Schema::Person,
        "ship" => Schema::Vessel,
        "entity" => Schema::Organization,
        _ => Schema::LegalEntity,
    };
    let mut e = Entity::new(DATASET, id, schema);
    e.add(prop::PROGRAM, regime(id));
    if let Some(d) = dates::dd_mm_yyyy(row.get(4)) {
        e.add(prop::LISTING_DATE, d);
    }
    if let Some(d) = dates::dd_mm_yyyy(row.get(5)) {
        if latest_update.as_deref().is_none_or(|l| d.as_str() > l) {
            *latest_update = Some(d.clone());
        }
        e.add(prop::MODIFIED_AT, d);
    }
    let un = row.get(2);
    if !un.is_empty() {
        e.add(prop::NOTES, format!("UN reference number {un}"));
        props::add_unsc_id(&mut e, un);
    }
    let ofsi = row.get(3);
    if !ofsi.is_empty() {
        e.add(prop::NOTES, format!("OFSI group ID {ofsi}"));
    }
    Ok(e)
}

impl Subjects {
    /// Applies each row of an optional table to its subject, counting into
    /// `unjoined` the rows whose unique id is no subject rather than
    /// guessing where they belong.
    fn join(
        &mut self,
        input: &Option<Input>,
        spec: &Spec<'_>,
        file: &str,
        apply: &dyn Fn(&mut Entity, &table::Row<'_>),
        unjoined: &mut BTreeMap<String, usize>,
    ) -> Result<(), ListError> {
        let Some(input) = input else {
            return Ok(());
        };
        let text = input.utf8()?;
        let t = Text {
            file: &input.name,
            text,
        };
        let mut orphans = 0;
        table::read(&t, spec, |row| {
            match self.index.get(row.get(0)) {
                Some(&i) => apply(&mut self.entities[i], row),
                None => orphans += 1,
            }
            Ok(())
        })?;
        unjoined.insert(file.to_string(), orphans);
        Ok(())
    }
}

/// `DPR0001` → `DPR`.
fn regime(unique_id: &str) -> &str {
    let end = unique_id
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(unique_id.len());
    &unique_id[..end]
}

fn name(e: &mut Entity, row: &table::Row<'_>) {
    let full = row.get(3);
    let property = match (row.get(1), row.get(2)) {
        (_, "low_quality_aka") => prop::WEAK_ALIAS,
        _ if is_non_latin(full) => prop::ALIAS,
        ("primary", _) => prop::NAME,
        _ => prop::ALIAS,
    };
    e.add(property, full);
    if property == prop::NAME && e.schema == Schema::Person {
        e.add(prop::LAST_NAME, row.get(4));
        e.add(prop::FIRST_NAME, row.get(5));
    }
}

fn identifier(e: &mut Entity, row: &table::Row<'_>) {
    let value = row.get(1);
    let kind = row.get(2);
    match kind {
        "passport" => e.add(prop::PASSPORT_NUMBER, value),
        "national" => e.add(prop::ID_NUMBER, value),
        "business_registration_numbers" => e.add(prop::REGISTRATION_NUMBER, value),
        "imo" => props::add_imo(e, value),
        _ => e.add(prop::NOTES, format!("{kind} {value}")),
    }
    let info = row.get(3);
    if !info.is_empty() {
        e.add(prop::NOTES, format!("{kind} {value}: {info}"));
    }
}

fn birth_date(e: &mut Entity, row: &table::Row<'_>) {
    let (y, m, d) = (row.get(1), row.get(2), row.get(3));
    let iso = match row.get(4) {
        "exact" => format!("{y}-{m}-{d}"),
        "month_year" => format!("{y}-{m}"),
        _ => y.to_string(),
    };
    match dates::iso(&iso) {
        Some(v) => e.add(prop::BIRTH_DATE, v),
        None => e.add(prop::BIRTH_DATE_NOTE, format!("{y}-{m}-{d}")),
    }
}

fn country(e: &mut Entity, row: &table::Row<'_>) {
    let raw = row.get(1);
    let property = match row.get(2) {
        "nationality" => prop::NATIONALITY,
        "birth" => {
            e.add(prop::BIRTH_PLACE, raw);
            return;
        }
        _ => prop::COUNTRY,
    };
    let iso = row.get(3);
    if iso.is_empty() {
        add_country(e, property, raw);
    } else {
        add_country(e, property, iso);
    }
}
