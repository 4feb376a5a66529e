//! Per-set evaluations: each takes the set's rows and the scores of every
//! scorer (ours first, then the peer's) and renders a report section.
//! Nothing here reads files or calls a matcher.

pub mod blind;
pub mod cross_script;
pub mod ofac;
pub mod pairs;
pub mod search;

/// One scorer's scores, aligned with the rows of a set (`None`: not scored).
#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub scores: Vec<Option<f64>>,
}

impl Column {
    pub fn full(label: &str, scores: Vec<f64>) -> Column {
        Column {
            label: label.to_string(),
            scores: scores.into_iter().map(Some).collect(),
        }
    }

    /// The label, with the coverage when the column misses some rows.
    pub fn header(&self) -> String {
        let have = self.scores.iter().filter(|s| s.is_some()).count();
        if have == self.scores.len() {
            self.label.clone()
        } else {
            format!("{} ({have}/{})", self.label, self.scores.len())
        }
    }
}

/// "0.7123", or "—" when a column has no score for the row.
pub fn score_cell(s: Option<f64>) -> String {
    s.map_or_else(|| "—".to_string(), |v| format!("{v:.3}"))
}
