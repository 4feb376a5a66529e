//! OFAC's legacy SDN CSV set: `sdn.csv` (primary records), `alt.csv`
//! (aliases), `add.csv` (addresses) and `sdn_comments.csv` (remarks that did
//! not fit), joined on `ent_num`. Windows-1252, no header, `-0- ` = empty.
//!
//! Owns the column layout and the joins. The free-text remarks are handed to
//! [`crate::ofac_remarks`]. Rows of the secondary files whose ent_num has no
//! primary record are counted in [`SnapshotStats::unjoined`], never guessed.

use crate::error::{ListError, ParseErrorKind};
use crate::ofac_remarks;
use crate::props::{add_country, join};
use crate::snapshot::{has_program, Snapshot, SnapshotStats};
use crate::source::{self, Input};
use crate::table::{self, Spec, Text};
use interdict_model::{prop, Entity, Schema};
use std::collections::HashMap;
use std::path::Path;

pub(crate) const DATASET: &str = "us_ofac_sdn";

/// OFAC cuts `Remarks` at this many characters and continues them in
/// `sdn_comments.csv`.
const REMARKS_LIMIT: usize = 1000;

const SDN: Spec<'static> = Spec {
    columns: &[
        "ent_num",
        "SDN_Name",
        "SDN_Type",
        "Program",
        "Title",
        "Call_Sign",
        "Vess_type",
        "Tonnage",
        "GRT",
        "Vess_flag",
        "Vess_owner",
        "Remarks",
    ],
    has_header: false,
    format: "OFAC sdn.csv (12 columns, ent_num first)",
};
const ALT: Spec<'static> = Spec {
    columns: &["ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks"],
    has_header: false,
    format: "OFAC alt.csv (5 columns)",
};
const ADD: Spec<'static> = Spec {
    columns: &[
        "ent_num",
        "add_num",
        "address",
        "city_state_zip",
        "country",
        "add_remarks",
    ],
    has_header: false,
    format: "OFAC add.csv (6 columns)",
};
const COMMENTS: Spec<'static> = Spec {
    columns: &["ent_num", "remarks_extension"],
    has_header: false,
    format: "OFAC sdn_comments.csv (2 columns)",
};

/// The files of one SDN snapshot; only `sdn` is required.
pub(crate) struct Files {
    pub sdn: Input,
    pub alt: Option<Input>,
    pub add: Option<Input>,
    pub comments: Option<Input>,
}

impl Files {
    /// `sdn.csv` alone, or a directory holding it with `alt.csv`, `add.csv`
    /// and `sdn_comments.csv` (any case, plain or `.gz`) beside it.
    pub(crate) fn at(path: &Path) -> Result<Files, ListError> {
        if !path.is_dir() {
            return Ok(Files {
                sdn: Input::read(path)?,
                alt: None,
                add: None,
                comments: None,
            });
        }
        let files = source::dir_files(path)?;
        let find = |want: &dyn Fn(&str) -> bool| {
            files
                .iter()
                .find(|(n, _)| want(source::stem(n)))
                .map(|(_, p)| p)
        };
        let comments = find(&|s| s.contains("comments"));
        let alt = find(&|s| s.contains("alt"));
        let add = find(&|s| s.contains("add"));
        let sdn = find(&|s| {
            s.contains("sdn") && !s.contains("comments") && !s.contains("alt") && !s.contains("add")
        });
        let Some(sdn) = sdn else {
            return Err(ListError::Store {
                path: path.to_path_buf(),
                message: "no sdn.csv in this directory".into(),
            });
        };
        Ok(Files {
            sdn: Input::read(sdn)?,
            alt: source::optional(alt)?,
            add: source::optional(add)?,
            comments: source::optional(comments)?,
        })
    }
}

/// `-0-` (OFAC's null) → empty.
fn value(s: &str) -> &str {
    let s = s.trim();
    if s == "-0-" {
        ""
    } else {
        s
    }
}

fn ent_num<'a>(
    row: &'a table::Row<'_>,
    text: &Text<'_>,
    spec: &Spec<'_>,
) -> Result<&'a str, ListError> {
    let n = row.get(0);
    if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(n);
    }
    let kind = if row.line <= 1 {
        ParseErrorKind::WrongFormat {
            expected: spec.format.to_string(),
            found: format!("first field {n:?}"),
        }
    } else {
        ParseErrorKind::Invalid(format!("ent_num {n:?} is not a number"))
    };
    Err(text.error(row.offset, Some("ent_num"), kind).into())
}

/// Reads a secondary file, calling `f` with each row's ent_num and row.
fn secondary(
    input: &Input,
    decoded: &str,
    spec: &Spec<'_>,
    mut f: impl FnMut(&str, &table::Row<'_>),
) -> Result<usize, ListError> {
    let text = Text {
        file: &input.name,
        text: decoded,
    };
    table::read(&text, spec, |row| {
        f(ent_num(row, &text, spec)?, row);
        Ok(())
    })
}

/// Decodes a file from Windows-1252 (none if absent).
fn decode(input: Option<&Input>) -> Result<Option<String>, ListError> {
    input
        .map(|i| i.windows_1252().map_err(ListError::from))
        .transpose()
}

/// Parses and joins the set.
pub(crate) fn parse(files: &Files) -> Result<Snapshot, ListError> {
    let Decoded {
        sdn,
        comments: comments_text,
        alt: alt_text,
        add: add_text,
    } = decode_all(files)?;
    let mut stats_notes = Vec::new();
    let mut unjoined = std::collections::BTreeMap::new();
    let comments = read_comments(files.comments.as_ref(), comments_text.as_deref())?;
    let text = Text {
        file: &files.sdn.name,
        text: sdn.as_deref().unwrap_or_default(),
    };
    let Records {
        mut entities,
        index,
        comments_joined,
    } = read_sdn(&text, &comments)?;
    if !comments.is_empty() {
        let left = comments.len() - comments_joined;
        unjoined.insert("sdn_comments.csv".to_string(), left);
        stats_notes.push(format!(
            "{comments_joined} of {} sdn_comments.csv rows continued a cut remark; {left} had no primary record or no cut remark to continue",
            comments.len()
        ));
    }
    if let (Some(alt), Some(text)) = (&files.alt, &alt_text) {
        let mut orphans = 0;
        let total = secondary(alt, text, &ALT, |n, row| match index.get(n) {
            Some(&i) => alias(
                &mut entities[i],
                value(row.get(2)),
                value(row.get(3)),
                value(row.get(4)),
            ),
            None => orphans += 1,
        })?;
        unjoined.insert("alt.csv".to_string(), orphans);
        stats_notes.push(format!(
            "{orphans} of {total} alias rows (alt.csv) had no primary record"
        ));
    } else {
        stats_notes.push("no alt.csv: strong aliases are missing".to_string());
    }
    if let (Some(add), Some(text)) = (&files.add, &add_text) {
        let mut orphans = 0;
        let total = secondary(add, text, &ADD, |n, row| match index.get(n) {
            Some(&i) => address(
                &mut entities[i],
                value(row.get(2)),
                value(row.get(3)),
                value(row.get(4)),
                value(row.get(5)),
            ),
            None => orphans += 1,
        })?;
        unjoined.insert("add.csv".to_string(), orphans);
        stats_notes.push(format!(
            "{orphans} of {total} address rows (add.csv) had no primary record"
        ));
    } else {
        stats_notes.push("no add.csv: addresses are missing".to_string());
    }
    let mut stats = SnapshotStats::count(&entities, |e| has_program(e, "DPRK"));
    stats.notes = stats_notes;
    stats.unjoined = unjoined;
    Ok(Snapshot::parsed(DATASET, None, entities, stats))
}

/// The set's files decoded (none where a file is absent).
struct Decoded {
    sdn: Option<String>,
    comments: Option<String>,
    alt: Option<String>,
    add: Option<String>,
}

/// Decodes all four files in parallel: decoding is a quarter of the work
/// and independent per file.
fn decode_all(files: &Files) -> Result<Decoded, ListError> {
    let ((sdn, comments), (alt, add)) = rayon::join(
        || {
            rayon::join(
                || decode(Some(&files.sdn)),
                || decode(files.comments.as_ref()),
            )
        },
        || rayon::join(|| decode(files.alt.as_ref()), || decode(files.add.as_ref())),
    );
    Ok(Decoded {
        sdn: sdn?,
        comments: comments?,
        alt: alt?,
        add: add?,
    })
}

/// Reads `sdn_comments.csv` into the continuation text per ent_num; it must
/// be read before `sdn.csv` so that each cut remark can be completed as its
/// record is built.
fn read_comments(
    input: Option<&Input>,
    text: Option<&str>,
) -> Result<HashMap<String, String>, ListError> {
    let mut comments: HashMap<String, String> = HashMap::new();
    if let (Some(c), Some(text)) = (input, text) {
        secondary(c, text, &COMMENTS, |n, row| {
            // Continuations start or end mid-word: keep their spaces.
            comments
                .entry(n.to_string())
                .or_default()
                .push_str(row.raw(1));
        })?;
    }
    Ok(comments)
}

/// The primary records of `sdn.csv`.
struct Records {
    entities: Vec<Entity>,
    /// ent_num → position in `entities`, for the joins that follow.
    index: HashMap<String, usize>,
    /// How many comments continued a remark, for the notes.
    comments_joined: usize,
}

/// Reads `sdn.csv` into entities, after the comments so that each cut
/// remark is completed as its record is built.
fn read_sdn(text: &Text<'_>, comments: &HashMap<String, String>) -> Result<Records, ListError> {
    let mut entities = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    // A comment row counts once however many rows share its ent_num (a
    // damaged file may repeat one): more joins than rows would underflow.
    let mut joined_ids = std::collections::HashSet::new();
    table::read(text, &SDN, |row| {
        let n = ent_num(row, text, &SDN)?;
        let mut joined = 0;
        let remarks = remarks(row, comments.get(n), &mut joined);
        if joined > 0 {
            joined_ids.insert(n.to_string());
        }
        let e = record(row, n, &remarks);
        index.insert(n.to_string(), entities.len());
        entities.push(e);
        Ok(())
    })?;
    Ok(Records {
        entities,
        index,
        comments_joined: joined_ids.len(),
    })
}

/// The row's remarks, completed by their continuation `more` when OFAC cut
/// them (counted in `joined`): the remarks hold the programs and
/// identifiers that [`crate::ofac_remarks`] reads.
fn remarks(row: &table::Row<'_>, more: Option<&String>, joined: &mut usize) -> String {
    // Untrimmed: a remark cut at the limit may end in a space.
    let mut remarks = row.raw(11).to_string();
    if value(&remarks).is_empty() {
        remarks.clear();
    }
    if let Some(more) = more {
        // A continuation only fits a remark that OFAC cut at the limit.
        if remarks.chars().count() == REMARKS_LIMIT {
            remarks.push_str(more);
            *joined += 1;
        }
    }
    remarks
}

fn record(row: &table::Row<'_>, n: &str, remarks: &str) -> Entity {
    let schema = match value(row.get(2)).to_ascii_lowercase().as_str() {
        "individual" => Schema::Person,
        "vessel" => Schema::Vessel,
        "aircraft" => Schema::Airplane,
        _ => Schema::Organization,
    };
    let mut e = Entity::new(DATASET, n, schema);
    let name = value(row.get(1));
    e.add(prop::NAME, name);
    if schema == Schema::Person {
        if let Some((last, first)) = name.split_once(", ") {
            e.add(prop::LAST_NAME, last);
            e.add(prop::FIRST_NAME, first);
        }
    }
    if schema == Schema::Airplane {
        // OFAC lists an aircraft under its registration mark.
        e.add(prop::REGISTRATION_NUMBER, name);
    }
    // Several programmes are written "NPWMD] [DPRK2".
    for p in value(row.get(3)).split("] [") {
        e.add(prop::PROGRAM, p.trim_matches(['[', ']', ' ']));
    }
    e.add(prop::POSITION, value(row.get(4)));
    e.add(prop::CALL_SIGN, value(row.get(5)));
    e.add(prop::VESSEL_TYPE, value(row.get(6)));
    e.add(prop::TONNAGE, value(row.get(7)));
    e.add(prop::GROSS_REGISTERED_TONNAGE, value(row.get(8)));
    add_country(&mut e, prop::FLAG, value(row.get(9)));
    e.add(prop::OWNER, value(row.get(10)));
    ofac_remarks::apply(&mut e, remarks);
    e
}

fn alias(e: &mut Entity, kind: &str, name: &str, remarks: &str) {
    let kind = kind.to_ascii_lowercase();
    let property = if kind.contains("wk")
        || kind.contains("weak")
        || remarks.to_ascii_lowercase().contains("weak")
    {
        prop::WEAK_ALIAS
    } else if kind.contains("fka") || kind.contains("f.k.a") {
        prop::PREVIOUS_NAME
    } else {
        prop::ALIAS
    };
    e.add(property, name);
    if !remarks.is_empty() {
        e.add(prop::NOTES, format!("alias {name}: {remarks}"));
    }
}

fn address(e: &mut Entity, street: &str, city: &str, country: &str, remarks: &str) {
    let text = join([street, city, country]);
    e.add(prop::ADDRESS, &text);
    add_country(e, prop::COUNTRY, country);
    if !remarks.is_empty() {
        e.add(prop::NOTES, format!("address {text}: {remarks}"));
    }
}
