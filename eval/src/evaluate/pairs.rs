//! Labelled pair sets (name_bench, entity_bench): P/R/F1 at the threshold
//! overall and per slice, the precision/recall curve, and the worst
//! disagreements of the first column.
//!
//! TP: gold match scored >= threshold; FP: gold non-match scored >=
//! threshold; FN: gold match scored below; TN: gold non-match below.

use super::{score_cell, Column};
use crate::metrics::{best_f1, curve_thresholds, Confusion, Observation};
use crate::report::{f3, Table};
use crate::sets::LabelledPair;
use std::fmt::Write as _;

/// How many false positives / negatives to list.
/// How many disagreements per kind the report lists; `INTERDICT_EVAL_SHOW_ERRORS` overrides.
const SHOW_ERRORS: usize = 10;

pub fn observations(pairs: &[LabelledPair], col: &Column, rows: &[usize]) -> Vec<Observation> {
    rows.iter()
        .filter_map(|&i| {
            col.scores[i].map(|score| Observation {
                is_match: pairs[i].is_match,
                score,
            })
        })
        .collect()
}

/// Confusion of `col` over `rows` at `threshold`.
pub fn confusion(
    pairs: &[LabelledPair],
    col: &Column,
    rows: &[usize],
    threshold: f64,
) -> Confusion {
    Confusion::at(&observations(pairs, col, rows), threshold)
}

pub fn section(title: &str, pairs: &[LabelledPair], columns: &[Column], threshold: f64) -> String {
    let mut out = String::new();
    let all: Vec<usize> = (0..pairs.len()).collect();
    let gold = pairs.iter().filter(|p| p.is_match).count();
    let _ = writeln!(
        out,
        "### {title}\n\n{} pairs ({gold} match, {} non-match), threshold {threshold:.2}.\n",
        pairs.len(),
        pairs.len() - gold
    );

    let mut headers = vec!["slice".to_string(), "n".to_string()];
    for c in columns {
        let h = c.header();
        headers.extend([
            format!("{h} P"),
            "R".into(),
            "F1".into(),
            "FP".into(),
            "FN".into(),
        ]);
    }
    let mut t = Table::new(&headers);
    let mut add = |label: String, rows: &[usize]| {
        let mut cells = vec![label, rows.len().to_string()];
        for c in columns {
            let m = confusion(pairs, c, rows, threshold);
            cells.extend([
                defined(m.tp + m.fp, m.precision()),
                defined(m.tp + m.fn_, m.recall()),
                defined(m.tp + m.fp + m.fn_, m.f1()),
                m.fp.to_string(),
                m.fn_.to_string(),
            ]);
        }
        t.row(&cells);
    };
    add("all".to_string(), &all);
    for (kind, values) in slices(pairs) {
        for (value, rows) in values {
            add(format!("{kind}={value}"), &rows);
        }
    }
    out.push_str(&t.render());

    let _ = writeln!(out, "\nPrecision/recall curve:\n");
    let mut headers = vec!["threshold".to_string()];
    for c in columns {
        headers.extend([format!("{} P", c.label), "R".into(), "F1".into()]);
    }
    let mut t = Table::new(&headers);
    for th in curve_thresholds() {
        let mut cells = vec![format!("{th:.2}")];
        for c in columns {
            let m = confusion(pairs, c, &all, th);
            cells.extend([f3(m.precision()), f3(m.recall()), f3(m.f1())]);
        }
        t.row(&cells);
    }
    out.push_str(&t.render());
    for c in columns {
        if let Some(b) = best_f1(&observations(pairs, c, &all)) {
            let _ = writeln!(
                out,
                "\n{}: best F1 on the curve {} at {:.2}.",
                c.label,
                f3(b.confusion.f1()),
                b.threshold
            );
        }
    }
    if let Some(first) = columns.first() {
        out.push_str(&errors(pairs, columns, first, threshold));
    }
    out
}

/// A ratio with 3 decimals, or "—" when its denominator is 0 (e.g. recall
/// of a slice that has only non-matches).
fn defined(denominator: usize, value: f64) -> String {
    if denominator == 0 {
        "—".to_string()
    } else {
        f3(value)
    }
}

/// Slices in order of first appearance of their kind; values by size.
/// The rows of each value of one slice kind.
type SliceValues = Vec<(String, Vec<usize>)>;

fn slices(pairs: &[LabelledPair]) -> Vec<(&'static str, SliceValues)> {
    let mut kinds: Vec<(&'static str, SliceValues)> = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        for (kind, value) in &p.slices {
            let k = match kinds.iter().position(|(k, _)| k == kind) {
                Some(k) => k,
                None => {
                    kinds.push((kind, Vec::new()));
                    kinds.len() - 1
                }
            };
            let values = &mut kinds[k].1;
            match values.iter_mut().find(|(v, _)| v == value) {
                Some((_, rows)) => rows.push(i),
                None => values.push((value.clone(), vec![i])),
            }
        }
    }
    for (_, values) in &mut kinds {
        values.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then_with(|| a.0.cmp(&b.0)));
    }
    kinds
}

fn errors(pairs: &[LabelledPair], columns: &[Column], col: &Column, threshold: f64) -> String {
    let mut fps: Vec<(usize, f64)> = Vec::new();
    let mut fns: Vec<(usize, f64)> = Vec::new();
    for (i, p) in pairs.iter().enumerate() {
        let Some(s) = col.scores[i] else { continue };
        let predicted = s + 1e-9 >= threshold;
        if predicted && !p.is_match {
            fps.push((i, s));
        } else if !predicted && p.is_match {
            fns.push((i, s));
        }
    }
    fps.sort_by(|a, b| b.1.total_cmp(&a.1));
    fns.sort_by(|a, b| a.1.total_cmp(&b.1));
    let shown = std::env::var("INTERDICT_EVAL_SHOW_ERRORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SHOW_ERRORS);
    let mut out = String::new();
    for (title, list) in [
        ("false positives (highest first)", fps),
        ("false negatives (lowest first)", fns),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n{}: {} {title}, first {}:\n",
            col.label,
            list.len(),
            shown.min(list.len())
        );
        let mut headers = vec![
            "key".to_string(),
            "schema".into(),
            "query".into(),
            "candidate".into(),
        ];
        headers.extend(columns.iter().map(|c| c.label.clone()));
        let mut t = Table::new(&headers);
        for &(i, _) in list.iter().take(shown) {
            let p = &pairs[i];
            let mut cells = vec![
                p.key.to_string(),
                p.schema.to_string(),
                describe(&p.query),
                describe(&p.candidate),
            ];
            cells.extend(columns.iter().map(|c| score_cell(c.scores[i])));
            t.row(&cells);
        }
        out.push_str(&t.render());
    }
    out
}

/// The names of a side, then its other properties in brackets.
fn describe(props: &crate::sets::Props) -> String {
    let mut s = props.get("name").map(|v| v.join(" / ")).unwrap_or_default();
    let others: Vec<String> = props
        .iter()
        .filter(|(k, _)| k.as_str() != "name")
        .map(|(k, v)| format!("{k}: {}", v.join(", ")))
        .collect();
    if !others.is_empty() {
        let _ = write!(s, " [{}]", others.join("; "));
    }
    s.replace('|', "/")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sets::name_props;
    use interdict_model::Schema;

    fn pair(key: usize, is_match: bool, group: &str) -> LabelledPair {
        LabelledPair {
            key,
            schema: Schema::Person,
            query: name_props("a"),
            candidate: name_props("b"),
            is_match,
            slices: vec![("group", group.to_string())],
        }
    }

    #[test]
    fn slices_and_columns_are_counted_separately() {
        let pairs = vec![pair(0, true, "x"), pair(1, false, "x"), pair(2, true, "y")];
        let ours = Column::full("ours", vec![0.9, 0.8, 0.2]);
        let peer = Column {
            label: "peer".into(),
            scores: vec![Some(0.9), None, Some(0.95)],
        };
        let c = confusion(&pairs, &ours, &[0, 1, 2], 0.7);
        assert_eq!((c.tp, c.fp, c.fn_), (1, 1, 1));
        let c = confusion(&pairs, &peer, &[0, 1, 2], 0.7);
        assert_eq!((c.tp, c.fp, c.fn_, c.n()), (2, 0, 0, 2));
        let s = slices(&pairs);
        assert_eq!(s[0].0, "group");
        assert_eq!(s[0].1[0], ("x".to_string(), vec![0, 1]));
        let text = section("t", &pairs, &[ours, peer], 0.7);
        assert!(text.contains("| group=y"));
        assert!(text.contains("peer (2/3) P"));
        assert!(text.contains("1 false positives"));
    }
}
