//! A parsed dataset: its metadata, its entities and the counts the `lists`
//! command shows. Owns the counting; the parsers own the parsing.

use interdict_model::{DatasetInfo, Entity};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One dataset, parsed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Snapshot {
    /// Name, title, publisher and file date of the dataset.
    pub info: DatasetInfo,
    /// Every record of the file, one entity per source record, in file order.
    pub entities: Vec<Entity>,
    /// The counts the `lists` command shows.
    pub stats: SnapshotStats,
}

/// What a snapshot holds, as the `lists` command reports it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SnapshotStats {
    /// Source records (one per UN reference number, OFAC ent_num, UK unique
    /// id, CSL row, ...).
    pub total: usize,
    /// Entities by schema name.
    pub counts: BTreeMap<String, usize>,
    /// Records under the DPRK regime, by the dataset's own marker.
    pub dprk: usize,
    /// Facts about the load worth telling a user (rows that could not be
    /// joined, values kept verbatim, ...).
    pub notes: Vec<String>,
    /// Rows of secondary files that could not be joined to a primary
    /// record, by file (e.g. OFAC `alt.csv`: aliases whose ent_num is not in
    /// `sdn.csv`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub unjoined: BTreeMap<String, usize>,
}

impl SnapshotStats {
    /// Counts `entities` by schema; `dprk` decides which are under the DPRK regime.
    pub(crate) fn count(entities: &[Entity], dprk: impl Fn(&Entity) -> bool) -> Self {
        let mut counts = BTreeMap::new();
        let mut n_dprk = 0;
        for e in entities {
            *counts.entry(e.schema.as_str().to_string()).or_insert(0) += 1;
            if dprk(e) {
                n_dprk += 1;
            }
        }
        SnapshotStats {
            total: entities.len(),
            counts,
            dprk: n_dprk,
            notes: Vec::new(),
            unjoined: BTreeMap::new(),
        }
    }
}

impl Snapshot {
    /// What a parser returns: the dataset's name, the snapshot date its file
    /// states (if any), the records and counts. Title, publisher and source
    /// address are the catalogue's to add, so parsers need not know it.
    pub(crate) fn parsed(
        dataset: &str,
        date: Option<String>,
        entities: Vec<Entity>,
        stats: SnapshotStats,
    ) -> Snapshot {
        Snapshot {
            info: DatasetInfo {
                name: dataset.to_string(),
                title: dataset.to_string(),
                publisher: String::new(),
                snapshot_date: date.unwrap_or_default(),
                source_url: String::new(),
            },
            entities,
            stats,
        }
    }

    /// The entity with id `id` (`<dataset>:<source id>`).
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|e| e.id == id)
    }
}

/// True if any `program` value starts with `prefix` (e.g. `DPRK` matches
/// `DPRK`, `DPRK3`, `DPRK-NKSPEA`).
pub(crate) fn has_program(e: &Entity, prefix: &str) -> bool {
    e.get(interdict_model::prop::PROGRAM)
        .iter()
        .any(|p| p.starts_with(prefix))
}
