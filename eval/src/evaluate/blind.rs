//! The blind sets' metrics, per class and per part (dev, holdout), for each
//! scope searched (UN + OFAC, every bundled list):
//!
//! - `match` rows: recall@1 = the top result is one of the gold records AND
//!   scores as a match;
//! - `shown` rows: rank-1 shown = the top result is one of the gold records,
//!   whatever its score;
//! - `none` rows: false-positive rate = any result scores as a match.
//!
//! Rows that fail are listed for the dev part only: the holdout part is
//! reported in aggregate and never case by case.

use crate::engine::Hit;
use crate::evaluate::search::Outcome;
use crate::metrics::ratio;
use crate::report::{f3, Table};
use crate::sets::blind::{BadRow, BlindRow, Expect, Part};
use std::collections::BTreeSet;
use std::fmt::Write as _;

/// How many failing dev rows are listed per scope; `INTERDICT_EVAL_SHOW_ERRORS` overrides.
const SHOW: usize = 40;

/// One searched scope: its label and each row's outcome.
pub struct Scope<'a> {
    pub label: &'a str,
    pub outcomes: &'a [Outcome],
}

/// Counts of one (class, part, scope) cell.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    pub matches: usize,
    pub matched_at1: usize,
    pub shown: usize,
    pub shown_at1: usize,
    pub nones: usize,
    pub false_positives: usize,
    pub refused: usize,
}

impl Counts {
    pub fn recall_at1(&self) -> f64 {
        ratio(self.matched_at1, self.matches)
    }
    pub fn shown_rate(&self) -> f64 {
        ratio(self.shown_at1, self.shown)
    }
    pub fn fp_rate(&self) -> f64 {
        ratio(self.false_positives, self.nones)
    }
}

/// Whether a row's outcome is what it expects.
pub fn passes(row: &BlindRow, outcome: &Outcome) -> bool {
    let Ok(hits) = outcome else {
        return false;
    };
    let top_is_gold = hits.first().is_some_and(|h| h.is_any(&row.gold_ids));
    match row.expect {
        Expect::Match => top_is_gold && hits[0].is_match,
        Expect::Shown => top_is_gold,
        Expect::None => !hits.iter().any(|h| h.is_match),
    }
}

/// The counts over the rows selected by `keep`.
pub fn count(rows: &[BlindRow], outcomes: &[Outcome], keep: impl Fn(&BlindRow) -> bool) -> Counts {
    let mut c = Counts::default();
    for (row, outcome) in rows.iter().zip(outcomes).filter(|(r, _)| keep(r)) {
        let ok = passes(row, outcome);
        c.refused += usize::from(outcome.is_err());
        match row.expect {
            Expect::Match => {
                c.matches += 1;
                c.matched_at1 += usize::from(ok);
            }
            Expect::Shown => {
                c.shown += 1;
                c.shown_at1 += usize::from(ok);
            }
            Expect::None => {
                c.nones += 1;
                c.false_positives += usize::from(!ok && outcome.is_ok());
            }
        }
    }
    c
}

/// "0.950 (38/40)", or "—" when there is no row.
fn cell(ok: usize, n: usize) -> String {
    if n == 0 {
        "—".into()
    } else {
        format!("{} ({ok}/{n})", f3(ratio(ok, n)))
    }
}

/// The classes present, sorted.
pub fn classes(rows: &[BlindRow]) -> Vec<String> {
    rows.iter()
        .map(|r| r.class.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect()
}

/// The report section: the per-class table, gold ids no loaded record
/// carries (counted; named for dev), bad rows, and the failing dev rows.
pub fn section(
    dir: &str,
    rows: &[BlindRow],
    bad: &[BadRow],
    scopes: &[Scope<'_>],
    unknown_gold: &dyn Fn(&str) -> bool,
) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### Blind sets ({dir})\n\n{} queries (dev {}, holdout {}), searched with limit 5. \
         `match` rows: recall@1 (top result is a gold record and a match); `shown` rows: the top \
         result is a gold record; `none` rows: false-positive rate (any result is a match). \
         Holdout rows are counted, never listed.\n",
        rows.len(),
        rows.iter().filter(|r| r.part == Part::Dev).count(),
        rows.iter().filter(|r| r.part == Part::Holdout).count(),
    );
    out.push_str(&class_table(rows, scopes).render());
    gold_and_bad_rows(&mut out, rows, bad, unknown_gold);
    for scope in scopes {
        failing_dev_rows(&mut out, rows, scope);
    }
    out
}

fn class_table(rows: &[BlindRow], scopes: &[Scope<'_>]) -> Table {
    let mut headers = vec!["class".to_string(), "part".into()];
    for s in scopes {
        headers.extend([
            format!("{} recall@1", s.label),
            "shown@1".into(),
            "FP rate".into(),
        ]);
    }
    let mut t = Table::new(&headers);
    let mut groups: Vec<Option<String>> = classes(rows).into_iter().map(Some).collect();
    groups.push(None);
    for class in &groups {
        for part in Part::ALL {
            let keep =
                |r: &BlindRow| r.part == part && class.as_ref().is_none_or(|c| *c == r.class);
            if !rows.iter().any(keep) {
                continue;
            }
            let mut cells = vec![
                class.clone().unwrap_or_else(|| "all classes".into()),
                part.dir().to_string(),
            ];
            for s in scopes {
                let c = count(rows, s.outcomes, keep);
                cells.extend([
                    cell(c.matched_at1, c.matches),
                    cell(c.shown_at1, c.shown),
                    cell(c.false_positives, c.nones),
                ]);
            }
            t.row(&cells);
        }
    }
    t
}

fn gold_and_bad_rows(
    out: &mut String,
    rows: &[BlindRow],
    bad: &[BadRow],
    unknown_gold: &dyn Fn(&str) -> bool,
) {
    for part in Part::ALL {
        let unknown: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| r.part == part)
            .flat_map(|r| r.gold_ids.iter().map(move |g| (r.id.as_str(), g.as_str())))
            .filter(|(_, g)| unknown_gold(g))
            .collect();
        if unknown.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "\n{}: {} gold ids name no loaded record",
            part.dir(),
            unknown.len()
        );
        if part == Part::Dev {
            let list: Vec<String> = unknown.iter().map(|(r, g)| format!("{r} {g}")).collect();
            let _ = write!(out, ": {}", list.join(", "));
        }
        out.push_str(".\n");
    }
    if !bad.is_empty() {
        let _ = writeln!(
            out,
            "\n{} rows could not be read and are not counted:\n",
            bad.len()
        );
        for b in bad {
            // A holdout row's content is not shown, only where it is.
            let problem = if b.part == Part::Dev {
                b.problem.as_str()
            } else {
                "(holdout: not shown)"
            };
            let _ = writeln!(
                out,
                "- {}:{}: field {}: {problem}",
                b.file.display(),
                b.line,
                b.field
            );
        }
    }
}

fn top_cell(h: Option<&Hit>) -> String {
    h.map_or("(none)".to_string(), |h| {
        format!(
            "{} ({}) {}{}",
            h.caption,
            h.id,
            f3(h.score),
            if h.is_match { " match" } else { "" }
        )
    })
}

fn failing_dev_rows(out: &mut String, rows: &[BlindRow], scope: &Scope<'_>) {
    let failing: Vec<(&BlindRow, &Outcome)> = rows
        .iter()
        .zip(scope.outcomes)
        .filter(|(r, o)| r.part == Part::Dev && !passes(r, o))
        .collect();
    if failing.is_empty() {
        return;
    }
    let show = std::env::var("INTERDICT_EVAL_SHOW_ERRORS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(SHOW);
    let _ = writeln!(
        out,
        "\n{}: {} dev rows fail, first {}:\n",
        scope.label,
        failing.len(),
        show.min(failing.len())
    );
    let mut t = Table::new(&["row", "expect", "query", "gold", "top result", "gold rank"]);
    for (r, o) in failing.into_iter().take(show) {
        let (top, rank) = match o {
            Ok(h) => (
                top_cell(h.first()),
                h.iter()
                    .position(|x| x.is_any(&r.gold_ids))
                    .map_or("—".to_string(), |i| (i + 1).to_string()),
            ),
            Err(e) => (format!("refused: {e}"), "—".into()),
        };
        t.row(&[
            r.id.clone(),
            format!("{:?}", r.expect).to_lowercase(),
            r.name().to_string(),
            r.gold_name.clone(),
            top,
            rank,
        ]);
    }
    out.push_str(&t.render());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sets::Props;
    use interdict_model::Schema;

    fn row(part: Part, class: &str, expect: Expect, gold: &[&str]) -> BlindRow {
        let mut query = Props::new();
        query.insert("name".into(), vec![format!("{class} query")]);
        BlindRow {
            part,
            id: format!("{class}-1"),
            class: class.into(),
            schema: Schema::Company,
            query,
            expect,
            gold_ids: gold.iter().map(|s| s.to_string()).collect(),
            gold_name: "GOLD".into(),
        }
    }

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
    fn each_expectation_has_its_own_test() {
        let m = row(Part::Dev, "a", Expect::Match, &["g"]);
        assert!(passes(&m, &Ok(vec![hit("g", 0.8)])));
        assert!(!passes(&m, &Ok(vec![hit("g", 0.6)])));
        assert!(!passes(&m, &Ok(vec![hit("x", 0.9), hit("g", 0.9)])));
        let s = row(Part::Dev, "a", Expect::Shown, &["g"]);
        assert!(passes(&s, &Ok(vec![hit("g", 0.4)])));
        assert!(!passes(&s, &Ok(vec![])));
        let n = row(Part::Dev, "a", Expect::None, &[]);
        assert!(passes(&n, &Ok(vec![hit("x", 0.6)])));
        assert!(!passes(&n, &Ok(vec![hit("x", 0.6), hit("y", 0.7)])));
        assert!(!passes(&m, &Err("bad".into())));
    }

    #[test]
    fn holdout_rows_are_counted_not_listed() {
        let rows = vec![
            row(Part::Dev, "a", Expect::Match, &["g"]),
            row(Part::Holdout, "a", Expect::Match, &["secret-gold"]),
            row(Part::Holdout, "a", Expect::None, &[]),
        ];
        let outcomes: Vec<Outcome> = vec![
            Ok(vec![hit("x", 0.9)]),
            Ok(vec![hit("y", 0.9)]),
            Ok(vec![hit("z", 0.9)]),
        ];
        let c = count(&rows, &outcomes, |r| r.part == Part::Holdout);
        assert_eq!(
            (c.matches, c.matched_at1, c.nones, c.false_positives),
            (1, 0, 1, 1)
        );
        let scopes = [Scope {
            label: "UN + OFAC",
            outcomes: &outcomes,
        }];
        let s = section("d", &rows, &[], &scopes, &|g| g.starts_with("secret"));
        assert!(s.contains("a-1"), "{s}");
        assert!(!s.contains("secret-gold"), "{s}");
        assert!(
            s.contains("holdout: 1 gold ids name no loaded record."),
            "{s}"
        );
        assert!(s.contains("0.000 (0/1)"), "{s}");
        assert!(s.contains("UN + OFAC: 1 dev rows fail"), "{s}");
    }
}
