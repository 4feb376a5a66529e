//! What the harness needs from a matcher, as two small traits, so the
//! readers, metrics and reports are tested without the real engine and the
//! engine can be swapped (ours, a stub) without touching them.

use crate::sets::Props;
use interdict_model::Schema;

/// Scores one query against one candidate, no index.
pub trait PairScorer: Sync {
    fn score(&self, schema: Schema, query: &Props, candidate: &Props) -> f64;
}

/// One search result.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub id: String,
    pub caption: String,
    pub score: f64,
    pub is_match: bool,
    /// Every list record the hit stands for (a merged party's records);
    /// empty for a single record.
    pub referents: Vec<String>,
}

impl Hit {
    /// Whether the hit is one of `ids` or stands for one of them.
    pub fn is_any(&self, ids: &[String]) -> bool {
        ids.contains(&self.id) || self.referents.iter().any(|r| ids.contains(r))
    }
}

/// Searches an indexed list, best first, at most `limit` results.
pub trait Searcher: Sync {
    /// `Err` carries the reason a query was refused (e.g. it failed validation).
    fn search(
        &self,
        schema: Schema,
        query: &Props,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<Hit>, String>;
    /// As [`Searcher::search`], only among the entities of `datasets`
    /// (None: all), the way a user screens against some lists. The default
    /// filters the results, for stand-ins without datasets.
    fn search_in(
        &self,
        datasets: Option<&[String]>,
        schema: Schema,
        query: &Props,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<Hit>, String> {
        let hits = self.search(schema, query, limit, threshold)?;
        Ok(match datasets {
            None => hits,
            Some(ds) => hits
                .into_iter()
                .filter(|h| ds.iter().any(|d| h.id.starts_with(&format!("{d}:"))))
                .collect(),
        })
    }
    /// How many entities the index holds.
    fn len(&self) -> usize;
    /// Whether the index holds an entity with this id.
    fn contains(&self, _id: &str) -> bool {
        true
    }
}
