//! Search-based sets: yente's UN positives (recall@k against the UN list)
//! and yente's synthetic negatives (false-positive rate against every list).
//!
//! Positives: a row is found at rank r when the r-th result (0-based) is one
//! of the row's gold records ([`crate::gold`]). recall@k = rows found at a
//! rank < k / resolved rows. "matched" variants also require that result's
//! score >= threshold. Negatives: a query is a false positive when any of
//! its results is a match (score >= threshold); FP rate = FP queries / queries.

use crate::engine::Hit;
use crate::metrics::{curve_thresholds, ratio};
use crate::report::{f3, pct, Table};
use crate::sets::yente::Person;
use std::fmt::Write as _;

/// How many misses / false positives to list.
const SHOW: usize = 12;

pub type Outcome = Result<Vec<Hit>, String>;

/// The 0-based rank of the first hit that is one of `gold`.
pub fn rank_of(hits: &[Hit], gold: &[String]) -> Option<usize> {
    hits.iter().position(|h| h.is_any(gold))
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Recall {
    pub n: usize,
    pub at1: usize,
    pub at5: usize,
    pub at1_matched: usize,
    pub at5_matched: usize,
    pub refused: usize,
}

pub fn recall(rows: &[usize], gold: &[Vec<String>], outcomes: &[Outcome]) -> Recall {
    let mut r = Recall::default();
    for &i in rows {
        if gold[i].is_empty() {
            continue;
        }
        r.n += 1;
        let hits = match &outcomes[i] {
            Ok(h) => h,
            Err(_) => {
                r.refused += 1;
                continue;
            }
        };
        if let Some(rank) = rank_of(hits, &gold[i]) {
            let matched = hits[rank].is_match;
            r.at1 += usize::from(rank == 0);
            r.at5 += usize::from(rank < 5);
            r.at1_matched += usize::from(rank == 0 && matched);
            r.at5_matched += usize::from(rank < 5 && matched);
        }
    }
    r
}

/// One labelled slice of a positives file.
pub struct Slice {
    pub label: String,
    pub rows: Vec<usize>,
}

/// `columns`: each scorer's outcomes per row (ours first); misses are
/// listed for the first.
pub fn positives_section(
    title: &str,
    people: &[Person],
    gold: &[Vec<String>],
    columns: &[(&str, &[Outcome])],
    slices: &[Slice],
) -> String {
    let mut out = String::new();
    let resolved = gold.iter().filter(|g| !g.is_empty()).count();
    let bad_dates = people.iter().filter(|p| p.has_invalid_birth_date()).count();
    let _ = writeln!(
        out,
        "### {title}\n\n{} queries, {resolved} resolved to a listed record (gold), {} unresolved (not scored); {bad_dates} impossible birth dates left out of the queries.\n",
        people.len(),
        people.len() - resolved
    );
    let mut headers = vec!["slice".to_string(), "n".into()];
    for (label, _) in columns {
        headers.extend([
            format!("{label} recall@1"),
            "recall@5".into(),
            "@1 matched".into(),
            "@5 matched".into(),
            "refused".into(),
        ]);
    }
    let mut t = Table::new(&headers);
    for s in slices {
        let mut cells = vec![s.label.clone()];
        for (i, (_, outcomes)) in columns.iter().enumerate() {
            let r = recall(&s.rows, gold, outcomes);
            if i == 0 {
                cells.push(r.n.to_string());
            }
            cells.extend([
                f3(ratio(r.at1, r.n)),
                f3(ratio(r.at5, r.n)),
                f3(ratio(r.at1_matched, r.n)),
                f3(ratio(r.at5_matched, r.n)),
                r.refused.to_string(),
            ]);
        }
        t.row(&cells);
    }
    out.push_str(&t.render());
    let Some((first_label, outcomes)) = columns.first() else {
        return out;
    };

    let misses: Vec<usize> = (0..people.len())
        .filter(|&i| !gold[i].is_empty())
        .filter(|&i| match &outcomes[i] {
            Ok(h) => rank_of(h, &gold[i]) != Some(0),
            Err(_) => true,
        })
        .collect();
    if !misses.is_empty() {
        let _ = writeln!(
            out,
            "\n{first_label}: gold not first for {} queries, first {}:\n",
            misses.len(),
            SHOW.min(misses.len())
        );
        let mut t = Table::new(&[
            "row",
            "query",
            "gold",
            "gold rank",
            "top result",
            "top score",
        ]);
        for &i in misses.iter().take(SHOW) {
            let p = &people[i];
            let (rank, top, score) = match &outcomes[i] {
                Ok(h) => (
                    rank_of(h, &gold[i]).map_or("—".to_string(), |r| (r + 1).to_string()),
                    h.first().map_or("(none)".to_string(), |x| {
                        format!("{} ({})", x.caption, x.id)
                    }),
                    h.first().map_or("—".to_string(), |x| f3(x.score)),
                ),
                Err(e) => ("refused".to_string(), e.clone(), "—".to_string()),
            };
            t.row(&[
                p.key.to_string(),
                format!("{} [{} {}]", p.full_name, p.birth_date, p.nationality),
                gold[i].join(", "),
                rank,
                top,
                score,
            ]);
        }
        out.push_str(&t.render());
    }
    out
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FalsePositives {
    pub queries: usize,
    pub fp: usize,
    pub refused: usize,
}

pub fn false_positives(outcomes: &[Outcome]) -> FalsePositives {
    let mut f = FalsePositives::default();
    for o in outcomes {
        f.queries += 1;
        match o {
            Ok(h) => f.fp += usize::from(h.iter().any(|x| x.is_match)),
            Err(_) => f.refused += 1,
        }
    }
    f
}

/// Share of queries whose best result scores >= `threshold`.
pub fn top_score_rate(outcomes: &[Outcome], threshold: f64) -> f64 {
    let n = outcomes
        .iter()
        .filter(|o| {
            o.as_ref()
                .ok()
                .and_then(|h| h.first())
                .is_some_and(|x| x.score + 1e-9 >= threshold)
        })
        .count();
    ratio(n, outcomes.len())
}

pub fn negatives_section(
    files: &[(String, &[Person], &[Outcome])],
    threshold: f64,
    entities: usize,
    seconds: f64,
) -> String {
    let mut out = String::new();
    let total: usize = files.iter().map(|f| f.1.len()).sum();
    let _ = writeln!(
        out,
        "### yente synthetic negatives against all bundled lists\n\n{total} queries against {entities} entities (limit 5) in {seconds:.1} s ({:.0} queries/s, all cores, incl. query building). A query is a false positive when any result scores >= {threshold:.2}.\n",
        total as f64 / seconds.max(1e-9)
    );
    let mut headers = vec![
        "file".to_string(),
        "queries".into(),
        "FP".into(),
        "FP rate".into(),
        "refused".into(),
    ];
    headers.extend(
        curve_thresholds()
            .into_iter()
            .step_by(2)
            .map(|t| format!("rate@{t:.2}")),
    );
    let mut t = Table::new(&headers);
    for (label, _, outcomes) in files {
        let f = false_positives(outcomes);
        let mut cells = vec![
            label.clone(),
            f.queries.to_string(),
            f.fp.to_string(),
            pct(ratio(f.fp, f.queries)),
            f.refused.to_string(),
        ];
        cells.extend(
            curve_thresholds()
                .into_iter()
                .step_by(2)
                .map(|th| pct(top_score_rate(outcomes, th))),
        );
        t.row(&cells);
    }
    out.push_str(&t.render());

    let mut fps: Vec<(&Person, &Hit)> = files
        .iter()
        .flat_map(|(_, people, outcomes)| {
            people.iter().zip(outcomes.iter()).filter_map(|(p, o)| {
                o.as_ref()
                    .ok()
                    .and_then(|h| h.iter().find(|x| x.is_match))
                    .map(|h| (p, h))
            })
        })
        .collect();
    fps.sort_by(|a, b| b.1.score.total_cmp(&a.1.score));
    // For error analysis: every false positive, tab-separated, to a file.
    if let Ok(path) = std::env::var("INTERDICT_EVAL_DUMP_FPS") {
        let lines: String = fps
            .iter()
            .map(|(p, h)| {
                format!(
                    "{}\t{}\t{}\t{}\t{}\t{:.3}\n",
                    p.full_name, p.birth_date, p.nationality, h.caption, h.id, h.score
                )
            })
            .collect();
        if let Err(e) = std::fs::write(&path, lines) {
            eprintln!("INTERDICT_EVAL_DUMP_FPS: {path}: {e}");
        }
    }
    if !fps.is_empty() {
        let _ = writeln!(
            out,
            "\nHighest-scoring false positives (first {}):\n",
            SHOW.min(fps.len())
        );
        let mut t = Table::new(&["query", "birth date", "nationality", "listed", "score"]);
        for (p, h) in fps.iter().take(SHOW) {
            t.row(&[
                p.full_name.clone(),
                p.birth_date.clone(),
                p.nationality.clone(),
                format!("{} ({})", h.caption, h.id),
                f3(h.score),
            ]);
        }
        out.push_str(&t.render());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(id: &str, score: f64) -> Hit {
        Hit {
            id: id.into(),
            caption: id.into(),
            score,
            is_match: score >= 0.7,
            referents: Vec::new(),
        }
    }

    #[test]
    fn recall_counts_ranks_and_skips_unresolved_rows() {
        let gold = vec![
            vec!["a".to_string()],
            vec!["b".to_string()],
            vec![],
            vec!["d".to_string()],
        ];
        let outcomes: Vec<Outcome> = vec![
            Ok(vec![hit("a", 0.9), hit("x", 0.5)]),
            Ok(vec![hit("x", 0.8), hit("b", 0.6)]),
            Ok(vec![hit("c", 0.9)]),
            Err("no name".into()),
        ];
        let r = recall(&[0, 1, 2, 3], &gold, &outcomes);
        assert_eq!(
            r,
            Recall {
                n: 3,
                at1: 1,
                at5: 2,
                at1_matched: 1,
                at5_matched: 1,
                refused: 1
            }
        );
    }

    #[test]
    fn false_positive_rate_uses_the_match_flag() {
        let outcomes: Vec<Outcome> = vec![
            Ok(vec![hit("a", 0.71)]),
            Ok(vec![hit("b", 0.55)]),
            Ok(vec![]),
            Err("x".into()),
        ];
        let f = false_positives(&outcomes);
        assert_eq!(
            f,
            FalsePositives {
                queries: 4,
                fp: 1,
                refused: 1
            }
        );
        assert!((top_score_rate(&outcomes, 0.5) - 0.5).abs() < 1e-12);
    }
}
