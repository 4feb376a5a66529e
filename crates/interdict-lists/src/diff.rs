//! Differences between two snapshots of one dataset: records added, removed
//! and changed (with the properties that changed). Owns only the comparison.

use crate::snapshot::Snapshot;
use interdict_model::Entity;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

/// A record present in both snapshots whose content changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangedRecord {
    /// The record's id (`<dataset>:<source id>`).
    pub id: String,
    /// Property names whose values differ (`schema` if the schema changed),
    /// sorted.
    pub properties: Vec<String>,
}

/// What changed from one snapshot to the next.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotDiff {
    /// Ids only in the new snapshot, sorted.
    pub added: Vec<String>,
    /// Ids only in the old snapshot, sorted.
    pub removed: Vec<String>,
    /// Ids in both whose content differs, sorted by id.
    pub changed: Vec<ChangedRecord>,
    /// Ids in both with identical content.
    pub unchanged: usize,
}

impl SnapshotDiff {
    /// True when nothing was added, removed or changed.
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.removed.is_empty() && self.changed.is_empty()
    }
}

/// Property names whose value sets differ (order of values ignored).
fn changed_properties(old: &Entity, new: &Entity) -> Vec<String> {
    let mut out = Vec::new();
    if old.schema != new.schema {
        out.push("schema".to_string());
    }
    let keys: BTreeSet<&String> = old.properties.keys().chain(new.properties.keys()).collect();
    for k in keys {
        let a: BTreeSet<&String> = old.get(k).iter().collect();
        let b: BTreeSet<&String> = new.get(k).iter().collect();
        if a != b {
            out.push(k.clone());
        }
    }
    out
}

/// Compares two snapshots by entity id.
pub fn diff(old: &Snapshot, new: &Snapshot) -> SnapshotDiff {
    let old_by_id: HashMap<&str, &Entity> =
        old.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let new_by_id: HashMap<&str, &Entity> =
        new.entities.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut d = SnapshotDiff::default();
    for (id, n) in &new_by_id {
        match old_by_id.get(id) {
            None => d.added.push((*id).to_string()),
            Some(o) => {
                let properties = changed_properties(o, n);
                if properties.is_empty() {
                    d.unchanged += 1;
                } else {
                    d.changed.push(ChangedRecord {
                        id: (*id).to_string(),
                        properties,
                    });
                }
            }
        }
    }
    d.removed = old_by_id
        .keys()
        .filter(|id| !new_by_id.contains_key(*id))
        .map(|id| (*id).to_string())
        .collect();
    d.added.sort();
    d.removed.sort();
    d.changed.sort_by(|a, b| a.id.cmp(&b.id));
    d
}
