//! Readers for the labelled evaluation files under `../shared/data/eval`.
//!
//! Each submodule reads one published file format into plain structs and
//! nothing else: no scoring, no metrics. Row keys are 0-based indices in
//! file order, the same keys the peer script (`eval/peer/score_peer.py`)
//! writes, so the two sides can be joined.

pub mod blind;
pub mod entity_bench;
pub mod pairs;
pub mod yente;

use anyhow::{Context, Result};
use interdict_model::Schema;
use std::collections::BTreeMap;
use std::path::Path;

/// FtM-style properties: property name → values.
pub type Props = BTreeMap<String, Vec<String>>;

/// A query/candidate pair with its gold label and the slices it is
/// reported under (e.g. `("group", "nk_checks")`, `("category", "Word Joining")`).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledPair {
    pub key: usize,
    pub schema: Schema,
    pub query: Props,
    pub candidate: Props,
    pub is_match: bool,
    pub slices: Vec<(&'static str, String)>,
}

/// `Props` holding one `name`.
pub fn name_props(name: &str) -> Props {
    let mut p = Props::new();
    p.insert("name".to_string(), vec![name.trim().to_string()]);
    p
}

/// Opens a headed CSV file as a reader of string records.
pub(crate) fn csv_reader(path: &Path) -> Result<csv::Reader<std::fs::File>> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .from_path(path)
        .with_context(|| format!("cannot open {}", path.display()))
}

/// The index of column `name` in `headers`, or an error naming the file.
pub(crate) fn column(headers: &csv::StringRecord, name: &str, path: &Path) -> Result<usize> {
    headers
        .iter()
        .position(|h| h == name)
        .with_context(|| format!("{}: no column {name:?}", path.display()))
}

pub(crate) fn parse_schema(s: &str, path: &Path, line: u64) -> Result<Schema> {
    s.parse::<Schema>()
        .with_context(|| format!("{}:{line}: bad schema", path.display()))
}
