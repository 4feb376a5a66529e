//! FollowTheMoney JSON lines (OpenSanctions `entities.ftm.json` exports):
//! one entity object per line, ids kept as the file gives them.
//!
//! Owns reading that format. Entities of schemata interdict does not screen
//! (`Address`, `Sanction`, ...) are not parties: `Address` entities are
//! folded into the `address` of the parties that point at them through
//! `addressEntity`, the others are counted in the snapshot notes.

use crate::error::{ListError, ParseErrorKind};
use crate::snapshot::{Snapshot, SnapshotStats};
use crate::source::Input;
use interdict_model::{prop, DatasetInfo, Entity, Schema};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

#[derive(Deserialize)]
struct Line {
    id: String,
    schema: String,
    #[serde(default)]
    properties: BTreeMap<String, Vec<serde_json::Value>>,
    #[serde(default)]
    datasets: Vec<String>,
    #[serde(default)]
    referents: Vec<String>,
    #[serde(default)]
    last_change: Option<String>,
}

fn strings(values: Vec<serde_json::Value>) -> Vec<String> {
    values
        .into_iter()
        .filter_map(|v| match v {
            serde_json::Value::String(s) => Some(s),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        })
        .collect()
}

/// Loads a FtM JSON-lines file (plain or `.gz`).
pub fn load_ftm_file(path: &Path) -> Result<Snapshot, ListError> {
    parse(&Input::read(path)?)
}

/// [`load_ftm_file`] from bytes in memory (plain or gzip); `name` is how
/// errors name the file.
pub fn parse_ftm_bytes(name: &str, bytes: &[u8]) -> Result<Snapshot, ListError> {
    parse(&Input::from_bytes(name, bytes)?)
}

pub(crate) fn parse(input: &Input) -> Result<Snapshot, ListError> {
    let text = input.utf8()?;
    let mut parties: Vec<Entity> = Vec::new();
    let mut address_refs: Vec<(usize, Vec<String>)> = Vec::new();
    let mut addresses: HashMap<String, String> = HashMap::new();
    let mut skipped: BTreeMap<String, usize> = BTreeMap::new();
    let mut datasets: BTreeMap<String, usize> = BTreeMap::new();
    let mut last_change: Option<String> = None;
    let mut offset = 0;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        let line_start = offset;
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        let parsed = parse_line(input, i, line_start, line)?;
        if let Some(lc) = parsed.last_change.as_deref().and_then(|d| d.get(..10)) {
            if last_change.as_deref().is_none_or(|l| lc > l) {
                last_change = Some(lc.to_string());
            }
        }
        for d in &parsed.datasets {
            *datasets.entry(d.clone()).or_insert(0) += 1;
        }
        let mut properties: BTreeMap<String, Vec<String>> = parsed
            .properties
            .into_iter()
            .map(|(k, v)| (k, strings(v)))
            .collect();
        if parsed.schema == "Address" {
            let full = properties
                .get("full")
                .and_then(|v| v.first())
                .cloned()
                .unwrap_or_default();
            addresses.insert(parsed.id, full);
            continue;
        }
        let Ok(schema) = parsed.schema.parse::<Schema>() else {
            *skipped.entry(parsed.schema).or_insert(0) += 1;
            continue;
        };
        if let Some(refs) = properties.remove("addressEntity") {
            address_refs.push((parties.len(), refs));
        }
        let referents = if parsed.referents.is_empty() {
            vec![parsed.id.clone()]
        } else {
            parsed.referents
        };
        parties.push(Entity {
            id: parsed.id,
            schema,
            properties,
            datasets: parsed.datasets,
            referents,
        });
    }
    let unresolved = resolve_addresses(&mut parties, address_refs, &addresses);
    // FtM files carry no regime marker of their own beyond `program`.
    let mut stats = SnapshotStats::count(&parties, |e| {
        e.get(prop::PROGRAM).iter().any(|p| p.contains("DPRK"))
    });
    stats.notes = notes(&skipped, addresses.len(), unresolved);
    Ok(Snapshot {
        info: dataset_info(input, &datasets, last_change),
        entities: parties,
        stats,
    })
}

/// Parses line `i` (0-based, starting at byte `line_start`), with errors
/// placed at the line and serde's column; a first line that is no JSON
/// object is reported as the wrong format rather than as bad JSON.
fn parse_line(input: &Input, i: usize, line_start: usize, line: &str) -> Result<Line, ListError> {
    let parsed: Line =
        serde_json::from_str(line).map_err(|e| json_error(input, i, line_start, line, e))?;
    // Every record is found, merged and cited by its id: one without an id
    // could be neither, so the file is refused rather than half-read.
    if parsed.id.trim().is_empty() {
        let mut err = input.error_at(
            line_start,
            ParseErrorKind::Invalid("a record with an empty id".into()),
        );
        err.line = i + 1;
        err.field = Some("id".into());
        return Err(err.into());
    }
    Ok(parsed)
}

/// A line that is no JSON object, placed at the line and serde's column.
fn json_error(
    input: &Input,
    i: usize,
    line_start: usize,
    line: &str,
    e: serde_json::Error,
) -> ListError {
    let first = line.trim_start();
    let kind = if i == 0 && !first.starts_with('{') {
        let found: String = first.chars().take(30).collect();
        ParseErrorKind::WrongFormat {
            expected: "FollowTheMoney JSON lines (one {...} object per line)".into(),
            found: format!("text starting {found:?}"),
        }
    } else if e.is_eof() {
        ParseErrorKind::Truncated(e.to_string())
    } else {
        ParseErrorKind::Json(e.to_string())
    };
    let mut err = input.error_at(line_start, kind);
    err.line = i + 1;
    err.column = e.column().max(1);
    err.into()
}

/// Folds `Address` entities into the parties that point at them, once the
/// whole file is read (an address may come after its party); returns how
/// many references found no address with a full text.
fn resolve_addresses(
    parties: &mut [Entity],
    address_refs: Vec<(usize, Vec<String>)>,
    addresses: &HashMap<String, String>,
) -> usize {
    let mut unresolved = 0;
    for (i, refs) in address_refs {
        for r in refs {
            match addresses.get(&r) {
                Some(full) if !full.is_empty() => parties[i].add(prop::ADDRESS, full),
                _ => unresolved += 1,
            }
        }
    }
    unresolved
}

/// Snapshot notes saying what was not loaded as a party, so that the counts
/// can be reconciled with the file.
fn notes(skipped: &BTreeMap<String, usize>, addresses: usize, unresolved: usize) -> Vec<String> {
    let mut notes = Vec::new();
    for (schema, n) in skipped {
        notes.push(format!("{n} {schema} entities skipped (not a party)"));
    }
    if addresses > 0 {
        notes.push(format!(
            "{addresses} Address entities folded into their parties' address"
        ));
    }
    if unresolved > 0 {
        notes.push(format!(
            "{unresolved} addressEntity references not found in the file"
        ));
    }
    notes
}

/// Describes the file from its own content, since a FtM export has no
/// catalogue entry: named after its most frequent dataset, dated by its
/// latest change.
fn dataset_info(
    input: &Input,
    datasets: &BTreeMap<String, usize>,
    last_change: Option<String>,
) -> DatasetInfo {
    let name = datasets
        .iter()
        .max_by_key(|(_, n)| **n)
        .map_or_else(|| "ftm".to_string(), |(d, _)| d.clone());
    DatasetInfo {
        title: format!("FollowTheMoney file {}", input.name),
        publisher: String::new(),
        snapshot_date: last_change.unwrap_or_default(),
        source_url: input.name.clone(),
        name,
    }
}
