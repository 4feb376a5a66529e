//! Watchman's cross-script pairs: every pair is a gold match, so a pair is
//! "right" (a hit) when a scorer's score is >= the threshold. Reported per
//! pair and per script of the query (see [`crate::scripts`]).

use super::{score_cell, Column};
use crate::report::Table;
use crate::scripts::{self, Script};
use crate::sets::pairs::CrossScriptPair;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Hits of one column: (total, per script).
pub fn hits(
    pairs: &[CrossScriptPair],
    col: &Column,
    threshold: f64,
) -> (usize, BTreeMap<Script, (usize, usize)>) {
    let mut per: BTreeMap<Script, (usize, usize)> = BTreeMap::new();
    let mut total = 0;
    for (i, p) in pairs.iter().enumerate() {
        let script = scripts::of_name(first_name(p));
        let hit = col.scores[i].is_some_and(|s| s + 1e-9 >= threshold);
        let e = per.entry(script).or_default();
        e.1 += 1;
        if hit {
            e.0 += 1;
            total += 1;
        }
    }
    (total, per)
}

fn first_name(p: &CrossScriptPair) -> &str {
    p.pair
        .query
        .get("name")
        .and_then(|v| v.first())
        .map_or("", String::as_str)
}

pub fn section(pairs: &[CrossScriptPair], columns: &[Column], threshold: f64) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### Watchman cross-script pairs\n\n{} pairs, all gold matches; a hit is a score >= {threshold:.2}.\n",
        pairs.len()
    );
    let mut headers = vec!["script".to_string(), "pairs".into()];
    headers.extend(columns.iter().map(|c| format!("{} hits", c.label)));
    let mut t = Table::new(&headers);
    let results: Vec<_> = columns.iter().map(|c| hits(pairs, c, threshold)).collect();
    if let Some((_, per)) = results.first() {
        for (script, (_, n)) in per {
            let mut cells = vec![script.to_string(), n.to_string()];
            for (_, per_col) in &results {
                let h = per_col.get(script).map_or(0, |x| x.0);
                cells.push(format!("{h}/{n}"));
            }
            t.row(&cells);
        }
        let cjk = [Script::Han, Script::Hangul, Script::Kana];
        let n_cjk: usize = cjk.iter().filter_map(|s| per.get(s)).map(|x| x.1).sum();
        let mut cells = vec!["Han+Hangul+Kana".to_string(), n_cjk.to_string()];
        for (_, per_col) in &results {
            let h: usize = cjk.iter().filter_map(|s| per_col.get(s)).map(|x| x.0).sum();
            cells.push(format!("{h}/{n_cjk}"));
        }
        t.row(&cells);
    }
    let mut cells = vec!["all".to_string(), pairs.len().to_string()];
    cells.extend(
        results
            .iter()
            .map(|(total, _)| format!("{total}/{}", pairs.len())),
    );
    t.row(&cells);
    out.push_str(&t.render());

    let _ = writeln!(
        out,
        "\nPer pair (Watchman's own minimum score for its embedding model in `min`):\n"
    );
    let mut headers = vec![
        "query".to_string(),
        "expected".into(),
        "script".into(),
        "min".into(),
    ];
    headers.extend(columns.iter().map(|c| c.label.clone()));
    let mut t = Table::new(&headers);
    for (i, p) in pairs.iter().enumerate() {
        let expected = p
            .pair
            .candidate
            .get("name")
            .and_then(|v| v.first())
            .cloned()
            .unwrap_or_default();
        let mut cells = vec![
            first_name(p).to_string(),
            expected,
            scripts::of_name(first_name(p)).to_string(),
            format!("{:.2}", p.min_score),
        ];
        for c in columns {
            let s = c.scores[i];
            let mark = if s.is_some_and(|v| v + 1e-9 >= threshold) {
                " ✓"
            } else {
                ""
            };
            cells.push(format!("{}{mark}", score_cell(s)));
        }
        t.row(&cells);
    }
    out.push_str(&t.render());
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sets::{name_props, LabelledPair};
    use interdict_model::Schema;

    fn cs(q: &str, e: &str) -> CrossScriptPair {
        CrossScriptPair {
            pair: LabelledPair {
                key: 0,
                schema: Schema::Person,
                query: name_props(q),
                candidate: name_props(e),
                is_match: true,
                slices: vec![],
            },
            min_score: 0.7,
            description: String::new(),
            section: String::new(),
        }
    }

    #[test]
    fn counts_hits_per_script() {
        let pairs = vec![
            cs("김정은", "Kim Jong Un"),
            cs("金正恩", "Kim Jong Un"),
            cs("Иван", "Ivan"),
        ];
        let col = Column::full("ours", vec![0.71, 0.69, 1.0]);
        let (total, per) = hits(&pairs, &col, 0.70);
        assert_eq!(total, 2);
        assert_eq!(per[&Script::Hangul], (1, 1));
        assert_eq!(per[&Script::Han], (0, 1));
        let text = section(&pairs, &[col], 0.70);
        assert!(text.contains("| Han+Hangul+Kana | "));
        assert!(text.contains("2/3"));
    }
}
