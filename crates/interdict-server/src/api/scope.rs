//! Which entities a request may see: the dataset or collection in the
//! path, then yente's filters (`include_dataset`, `exclude_dataset`,
//! `exclude_schema`, `topics`, `changed_since`, `exclude_entity_ids`).

use crate::error::{ApiError, ApiResult};
use crate::graph::Record;
use crate::index::Index;
use crate::params::Params;
use std::collections::BTreeSet;

/// The leaf datasets of the path's dataset or collection.
pub struct Scope {
    pub leaves: BTreeSet<String>,
    /// True when it covers every loaded dataset (no dataset filter needed).
    pub everything: bool,
}

pub fn dataset_scope(index: &Index, name: &str) -> ApiResult<Scope> {
    let leaves = index
        .scope(name)
        .ok_or_else(|| ApiError::NotFound("No such dataset.".into()))?;
    let everything = index.datasets.iter().all(|d| leaves.contains(&d.info.name));
    Ok(Scope { leaves, everything })
}

#[derive(Debug, Default, Clone)]
pub struct Filters {
    pub include_dataset: Vec<String>,
    pub exclude_dataset: Vec<String>,
    pub exclude_schema: Vec<String>,
    pub topics: Vec<String>,
    pub changed_since: Option<String>,
    pub exclude_entity_ids: Vec<String>,
}

impl Filters {
    pub fn from_params(p: &Params) -> ApiResult<Filters> {
        let mut include = p.all("include_dataset");
        // `datasets` is the search endpoint's older name for it.
        include.extend(p.all("datasets"));
        Ok(Filters {
            include_dataset: include,
            exclude_dataset: p.all("exclude_dataset"),
            exclude_schema: p.all("exclude_schema"),
            topics: p.all("topics"),
            changed_since: p.timestamp("changed_since")?,
            exclude_entity_ids: p.all("exclude_entity_ids"),
        })
    }
}

impl Scope {
    /// The datasets the matcher may return, None for all.
    pub fn datasets_for(&self, f: &Filters) -> Option<Vec<String>> {
        if self.everything && f.include_dataset.is_empty() && f.exclude_dataset.is_empty() {
            return None;
        }
        Some(
            self.leaves
                .iter()
                .filter(|d| f.include_dataset.is_empty() || f.include_dataset.contains(d))
                .filter(|d| !f.exclude_dataset.contains(d))
                .cloned()
                .collect(),
        )
    }

    pub fn contains(&self, rec: &Record, f: &Filters) -> bool {
        match self.datasets_for(f) {
            None => true,
            Some(ds) => rec.datasets.iter().any(|d| ds.contains(d)),
        }
    }
}

impl Filters {
    /// The filters beyond datasets.
    pub fn admits(&self, index: &Index, rec: &Record) -> bool {
        if self.exclude_schema.contains(&rec.schema) {
            return false;
        }
        if !self.topics.is_empty()
            && !rec
                .properties
                .get("topics")
                .is_some_and(|t| t.iter().any(|x| self.topics.contains(x)))
        {
            return false;
        }
        if let Some(since) = &self.changed_since {
            if rec
                .last_change
                .as_deref()
                .is_none_or(|c| c < since.as_str())
            {
                return false;
            }
        }
        !self.exclude_entity_ids.iter().any(|x| {
            let canonical = index.graph.canonical_of(x).unwrap_or(x);
            canonical == rec.id || rec.referents.contains(x)
        })
    }
}
