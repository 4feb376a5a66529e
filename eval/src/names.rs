//! The `names` command: runs every requested set through our engine (and
//! lays the peer's scores beside ours) and assembles the report.
//!
//! Owns the order of sections and the summary table; reading files is
//! [`crate::sets`]'s job, metrics [`crate::metrics`]'s, the engine sits
//! behind [`Engines`].

use crate::engine::{PairScorer, Searcher};
use crate::evaluate::{self, search::Outcome, Column};
use crate::gold::{GoldIndex, Listed};
use crate::metrics::ratio;
use crate::peer::PeerScores;
use crate::report::{f3, pct, Table};
use crate::sets::{self, LabelledPair, Props};
use anyhow::{bail, Result};
use interdict_model::Schema;
use rayon::prelude::*;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::time::Instant;

/// Every set the command knows, in report order.
pub const SETS: [&str; 6] = [
    "name_bench",
    "entity_bench",
    "cross_script",
    "un_positives",
    "negatives",
    "ofac_parity",
];

/// The files each set reads, under the data directory.
const SET_FILES: &[(&str, &str)] = &[
    ("name_bench", "nomenklatura/name_bench_cases.csv"),
    ("entity_bench", "nomenklatura/entity_bench_checks.yml"),
    ("cross_script", "watchman/cross_script_pairs.csv"),
    (
        "un_positives",
        "yente/candidate_generation/positives_un_untreated.csv",
    ),
    (
        "un_positives",
        "yente/candidate_generation/positives_un_treated.csv",
    ),
    (
        "negatives",
        "yente/candidate_generation/negatives_global.csv",
    ),
    ("negatives", "yente/candidate_generation/negatives_us.csv"),
    ("ofac_parity", "nomenklatura/ofac_sls_parity_fixtures.csv"),
];

/// Results per query in the search-based sets (yente uses 5 too).
pub const LIMIT: usize = 5;

/// Builds the engine's parts on demand: the search indexes are costly and
/// only the search-based sets need them.
pub trait Engines {
    fn pair_scorer(&self) -> Result<Box<dyn PairScorer>>;
    /// A searcher over the UN list only, and the UN persons for gold resolution.
    fn un_searcher(&self) -> Result<(Box<dyn Searcher>, Vec<Listed>)>;
    /// A searcher over every bundled list.
    fn all_searcher(&self) -> Result<Box<dyn Searcher>>;
}

pub struct Options {
    pub data: PathBuf,
    pub threshold: f64,
    pub sets: Vec<String>,
    pub peer: Option<PeerScores>,
    /// Cap on the number of negatives read per file (None: all).
    pub negatives_limit: Option<usize>,
}

pub const OURS: &str = "interdict";
const PEER: &str = "logic-v2";
const FROZEN: &str = "logic-v2 frozen";

struct Summary(Table);

impl Summary {
    fn add(&mut self, set: &str, metric: &str, ours: String, peer: String) {
        self.0
            .row(&[set.to_string(), metric.to_string(), ours, peer]);
    }
}

pub fn run(opts: &Options, engines: &dyn Engines) -> Result<String> {
    for s in &opts.sets {
        if !SETS.contains(&s.as_str()) {
            bail!("unknown set {s:?}: expected one of {}", SETS.join(", "));
        }
    }
    let data = &opts.data;
    // A set asked for by name must have its files; without --set, the sets
    // whose files the data directory lacks are skipped (and said so), so a
    // directory holding only some sets can be evaluated.
    let missing = |s: &str| -> Option<PathBuf> {
        SET_FILES
            .iter()
            .filter(|(set, _)| *set == s)
            .map(|(_, f)| data.join(f))
            .find(|p| !p.exists())
    };
    let mut skipped: Vec<String> = Vec::new();
    for s in SETS {
        if let (true, Some(p)) = (opts.sets.is_empty(), missing(s)) {
            skipped.push(format!("{s} (no {})", p.display()));
        }
    }
    let wanted = |s: &str| {
        opts.sets.iter().any(|x| x == s) || (opts.sets.is_empty() && missing(s).is_none())
    };
    let mut sections = Vec::new();
    if !skipped.is_empty() {
        sections.push(format!(
            "Sets skipped, their files are not in the data directory: {}.\n",
            skipped.join("; ")
        ));
    }
    let mut summary = Summary(Table::new(&["set", "metric", OURS, PEER]));
    let t = opts.threshold;
    let peer_label = opts.peer.as_ref().map_or(
        "not run (frozen scores where available)".to_string(),
        PeerScores::describe,
    );
    let pair_scorer = if ["name_bench", "entity_bench", "cross_script", "ofac_parity"]
        .iter()
        .any(|s| wanted(s))
    {
        Some(engines.pair_scorer()?)
    } else {
        None
    };

    if let (true, Some(scorer)) = (wanted("name_bench"), &pair_scorer) {
        let pairs = sets::pairs::name_bench(&data.join("nomenklatura/name_bench_cases.csv"))?;
        let mut columns = vec![Column::full(OURS, score_all(scorer.as_ref(), &pairs))];
        columns.extend(peer_column(opts, "name_bench", &pairs));
        let frozen_path = data.join("nomenklatura/name_bench_logicv2_frozen_scores.csv");
        if frozen_path.exists() {
            let frozen = sets::pairs::frozen_scores(&frozen_path)?;
            let by_case: HashMap<(&str, &str, &str, &str), f64> = frozen
                .iter()
                .map(|f| ((&*f.case_group, &*f.schema, &*f.name1, &*f.name2), f.score))
                .collect();
            let scores = pairs
                .iter()
                .map(|p| {
                    let g = slice(p, "group");
                    let q = first(&p.query);
                    let c = first(&p.candidate);
                    by_case.get(&(g, p.schema.as_str(), q, c)).copied()
                })
                .collect();
            columns.push(Column {
                label: FROZEN.into(),
                scores,
            });
        }
        let all: Vec<usize> = (0..pairs.len()).collect();
        let m = |c: &Column| evaluate::pairs::confusion(&pairs, c, &all, t);
        let ours = m(&columns[0]);
        let peer = columns.get(1).map(m);
        summary.add(
            "name_bench",
            &format!("F1 (P / R) at {t:.2}"),
            format!(
                "{} ({} / {})",
                f3(ours.f1()),
                f3(ours.precision()),
                f3(ours.recall())
            ),
            peer.map_or("—".into(), |p| {
                format!(
                    "{} ({} / {}) [{}]",
                    f3(p.f1()),
                    f3(p.precision()),
                    f3(p.recall()),
                    columns[1].header()
                )
            }),
        );
        sections.push(evaluate::pairs::section(
            "nomenklatura name_bench_cases.csv",
            &pairs,
            &columns,
            t,
        ));
    }

    if let (true, Some(scorer)) = (wanted("entity_bench"), &pair_scorer) {
        let pairs = sets::entity_bench::read(&data.join("nomenklatura/entity_bench_checks.yml"))?;
        let mut columns = vec![Column::full(OURS, score_all(scorer.as_ref(), &pairs))];
        columns.extend(peer_column(opts, "entity_bench", &pairs));
        let all: Vec<usize> = (0..pairs.len()).collect();
        let m = |c: &Column| evaluate::pairs::confusion(&pairs, c, &all, t);
        summary.add(
            "entity_bench",
            "F1 / accuracy",
            format!(
                "{} / {}",
                f3(m(&columns[0]).f1()),
                f3(m(&columns[0]).accuracy())
            ),
            columns.get(1).map_or("—".into(), |c| {
                format!("{} / {}", f3(m(c).f1()), f3(m(c).accuracy()))
            }),
        );
        sections.push(evaluate::pairs::section(
            "nomenklatura entity_bench_checks.yml",
            &pairs,
            &columns,
            t,
        ));
    }

    if let (true, Some(scorer)) = (wanted("cross_script"), &pair_scorer) {
        let pairs = sets::pairs::cross_script(&data.join("watchman/cross_script_pairs.csv"))?;
        let plain: Vec<LabelledPair> = pairs.iter().map(|p| p.pair.clone()).collect();
        let mut columns = vec![Column::full(OURS, score_all(scorer.as_ref(), &plain))];
        columns.extend(peer_column(opts, "cross_script", &plain));
        let hits: Vec<String> = columns
            .iter()
            .map(|c| {
                let (total, per) = evaluate::cross_script::hits(&pairs, c, t);
                let cjk: usize = per
                    .iter()
                    .filter(|(s, _)| {
                        use crate::scripts::Script::{Han, Hangul, Kana};
                        matches!(s, Han | Hangul | Kana)
                    })
                    .map(|(_, v)| v.0)
                    .sum();
                format!("{total}/{} (Han/Hangul/Kana {cjk})", pairs.len())
            })
            .collect();
        summary.add(
            "cross_script",
            &format!("hits at {t:.2}"),
            hits[0].clone(),
            hits.get(1).cloned().unwrap_or("—".into()),
        );
        sections.push(evaluate::cross_script::section(&pairs, &columns, t));
    }

    if wanted("un_positives") {
        let (searcher, listed) = engines.un_searcher()?;
        let gold_index = GoldIndex::new(&listed);
        let dir = data.join("yente/candidate_generation");
        let untreated = sets::yente::read(&dir.join("positives_un_untreated.csv"))?;
        let treated = sets::yente::read(&dir.join("positives_un_treated.csv"))?;
        if untreated.len() != treated.len() {
            bail!("treated and untreated positives differ in length");
        }
        let gold: Vec<Vec<String>> = untreated.iter().map(|p| gold_index.resolve(p)).collect();
        // The same queries against every bundled list: a test of candidate
        // generation in the full index, where common names have long key lists.
        let all_searcher = engines.all_searcher()?;
        let mut cells = Vec::new();
        for people in [&untreated, &treated] {
            let outcomes = search_all_limit(all_searcher.as_ref(), people, t, ALL_LISTS_LIMIT);
            let all: Vec<usize> = (0..people.len()).collect();
            let in_top = all
                .iter()
                .filter(|&&i| {
                    !gold[i].is_empty()
                        && outcomes[i]
                            .as_ref()
                            .is_ok_and(|h| evaluate::search::rank_of(h, &gold[i]).is_some())
                })
                .count();
            let resolved = all.iter().filter(|&&i| !gold[i].is_empty()).count();
            cells.push(f3(ratio(in_top, resolved)));
        }
        summary.add(
            &format!("UN positives, all {} bundled entities", all_searcher.len()),
            &format!("recall@{ALL_LISTS_LIMIT} untreated / treated"),
            cells.join(" / "),
            "—".to_string(),
        );
        for (label, people) in [("untreated", &untreated), ("treated", &treated)] {
            let started = Instant::now();
            let outcomes = search_all(searcher.as_ref(), people, t);
            eprintln!(
                "un_positives {label}: {:.1}s",
                started.elapsed().as_secs_f64()
            );
            let all: Vec<usize> = (0..people.len()).collect();
            let dprk: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&i| people[i].nationality == "kp")
                .collect();
            let mut slices = vec![
                evaluate::search::Slice {
                    label: "all".into(),
                    rows: all.clone(),
                },
                evaluate::search::Slice {
                    label: "nationality kp (DPRK)".into(),
                    rows: dprk,
                },
            ];
            if label == "treated" {
                let changed: Vec<usize> = all
                    .iter()
                    .copied()
                    .filter(|&i| people[i].full_name != untreated[i].full_name)
                    .collect();
                slices.push(evaluate::search::Slice {
                    label: "name altered".into(),
                    rows: changed,
                });
            }
            let peer_outcomes = peer_ranked(opts, &format!("un_{label}"), people.len(), t);
            let r = evaluate::search::recall(&all, &gold, &outcomes);
            let peer_cell = peer_outcomes.as_ref().map_or("not run".to_string(), |o| {
                let r = evaluate::search::recall(&all, &gold, o);
                format!(
                    "{} / {} [trigram-blocked]",
                    f3(ratio(r.at1, r.n)),
                    f3(ratio(r.at5, r.n))
                )
            });
            summary.add(
                &format!("UN positives {label}"),
                "recall@1 / recall@5",
                format!("{} / {}", f3(ratio(r.at1, r.n)), f3(ratio(r.at5, r.n))),
                peer_cell,
            );
            let mut columns: Vec<(&str, &[Outcome])> = vec![(OURS, &outcomes)];
            if let Some(o) = &peer_outcomes {
                columns.push((PEER, o));
            }
            sections.push(evaluate::search::positives_section(
                &format!(
                    "yente UN positives ({label}) against the bundled UN list ({} entities)",
                    searcher.len()
                ),
                people,
                &gold,
                &columns,
                &slices,
            ));
        }
    }

    if wanted("negatives") {
        let searcher = engines.all_searcher()?;
        let dir = data.join("yente/candidate_generation");
        let mut files = Vec::new();
        for name in ["negatives_global.csv", "negatives_us.csv"] {
            let mut people = sets::yente::read(&dir.join(name))?;
            if let Some(n) = opts.negatives_limit {
                people.truncate(n);
            }
            files.push((name.to_string(), people));
        }
        let started = Instant::now();
        let outcomes: Vec<Vec<Outcome>> = files
            .iter()
            .map(|(_, people)| search_all(searcher.as_ref(), people, t))
            .collect();
        let seconds = started.elapsed().as_secs_f64();
        let rows: Vec<(String, &[sets::yente::Person], &[Outcome])> = files
            .iter()
            .zip(&outcomes)
            .map(|((n, p), o)| (n.clone(), p.as_slice(), o.as_slice()))
            .collect();
        let all: Vec<Outcome> = outcomes.iter().flatten().cloned().collect();
        if let Some((_, people)) = files.first() {
            let (p50, p99, n) = latency_percentiles(searcher.as_ref(), people, t);
            summary.add(
                "yente negatives",
                &format!("latency per query, one thread, first {n}: p50 / p99"),
                format!("{:.0} µs / {:.0} µs", p50, p99),
                "—".into(),
            );
        }
        let f = evaluate::search::false_positives(&all);
        summary.add(
            "yente negatives",
            &format!("FP rate at {t:.2}"),
            format!("{} ({}/{})", pct(ratio(f.fp, f.queries)), f.fp, f.queries),
            "not run".into(),
        );
        sections.push(evaluate::search::negatives_section(
            &rows,
            t,
            searcher.len(),
            seconds,
        ));
    }

    if let (true, Some(scorer)) = (wanted("ofac_parity"), &pair_scorer) {
        let rows =
            sets::pairs::ofac_parity(&data.join("nomenklatura/ofac_sls_parity_fixtures.csv"))?;
        // The OFAC tool searches every kind of party: LegalEntity is the
        // schema compatible with persons, companies and organisations.
        let pairs: Vec<LabelledPair> = rows
            .iter()
            .map(|r| LabelledPair {
                key: r.key,
                schema: Schema::LegalEntity,
                query: sets::name_props(&r.query),
                candidate: sets::name_props(&r.result),
                is_match: r.ofac_score.is_some_and(|s| f64::from(s) >= 100.0 * t),
                slices: Vec::new(),
            })
            .collect();
        let mut columns = vec![Column::full(OURS, score_all(scorer.as_ref(), &pairs))];
        columns.extend(peer_column(opts, "ofac_parity", &pairs));
        let p: Vec<_> = columns
            .iter()
            .map(|c| evaluate::ofac::parity(&rows, c, t))
            .collect();
        let fmt = |p: &evaluate::ofac::Parity| {
            format!(
                "{:.1} / {}",
                p.mean_abs_delta,
                f3(ratio(p.agree_slider.0, p.agree_slider.1))
            )
        };
        summary.add(
            "OFAC SLS parity",
            "mean abs Δ / agreement at 80",
            fmt(&p[0]),
            p.get(1).map_or("—".into(), fmt),
        );
        sections.push(evaluate::ofac::section(&rows, &columns, t));
    }

    let mut out = String::new();
    let _ = writeln!(
        out,
        "## interdict-eval names\n\nthreshold {t:.2}; data {}; peer: {peer_label}.\n",
        opts.data.display()
    );
    out.push_str(&summary.0.render());
    for s in sections {
        out.push('\n');
        out.push_str(&s);
    }
    Ok(out)
}

fn score_all(scorer: &dyn PairScorer, pairs: &[LabelledPair]) -> Vec<f64> {
    pairs
        .par_iter()
        .map(|p| scorer.score(p.schema, &p.query, &p.candidate))
        .collect()
}

/// Queries timed one at a time on one thread (the parallel pass above
/// measures throughput, not latency).
const LATENCY_SAMPLE: usize = 2_000;

/// p50 and p99 of single-query latency in microseconds, and the sample size.
fn latency_percentiles(
    searcher: &dyn Searcher,
    people: &[sets::yente::Person],
    t: f64,
) -> (f64, f64, usize) {
    let mut micros: Vec<f64> = people
        .iter()
        .take(LATENCY_SAMPLE)
        .map(|p| {
            let props = p.query_props();
            let started = Instant::now();
            let _ = searcher.search(Schema::Person, &props, LIMIT, t);
            started.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    if micros.is_empty() {
        return (0.0, 0.0, 0);
    }
    micros.sort_by(f64::total_cmp);
    let at = |q: f64| micros[((micros.len() - 1) as f64 * q).round() as usize];
    (at(0.50), at(0.99), micros.len())
}

fn search_all(searcher: &dyn Searcher, people: &[sets::yente::Person], t: f64) -> Vec<Outcome> {
    search_all_limit(searcher, people, t, LIMIT)
}

fn search_all_limit(
    searcher: &dyn Searcher,
    people: &[sets::yente::Person],
    t: f64,
    limit: usize,
) -> Vec<Outcome> {
    people
        .par_iter()
        .map(|p| searcher.search(Schema::Person, &p.query_props(), limit, t))
        .collect()
}

/// How many results the UN positives are searched with against every
/// bundled list: one person can be on the UN, OFAC, UK and CSL lists at
/// once, so the UN record needs room beside its copies.
const ALL_LISTS_LIMIT: usize = 10;

fn peer_column(opts: &Options, set: &str, pairs: &[LabelledPair]) -> Option<Column> {
    let peer = opts.peer.as_ref()?;
    if !peer.has_set(set) {
        return None;
    }
    Some(Column {
        label: PEER.into(),
        scores: peer.column(set, pairs.iter().map(|p| p.key)),
    })
}

/// The peer's ranked results of a search set as outcomes, if it ran it.
fn peer_ranked(opts: &Options, set: &str, rows: usize, t: f64) -> Option<Vec<Outcome>> {
    let peer = opts.peer.as_ref()?;
    if !peer.has_set(set) {
        return None;
    }
    Some(
        (0..rows)
            .map(|k| {
                Ok(peer
                    .ranked(set, k)
                    .iter()
                    .map(|(id, score)| crate::engine::Hit {
                        id: id.clone(),
                        caption: id.clone(),
                        score: *score,
                        is_match: *score + 1e-9 >= t,
                    })
                    .collect())
            })
            .collect(),
    )
}

fn slice<'a>(p: &'a LabelledPair, kind: &str) -> &'a str {
    p.slices
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or("", |(_, v)| v.as_str())
}

fn first(props: &Props) -> &str {
    props
        .get("name")
        .and_then(|v| v.first())
        .map_or("", String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Hit;
    use crate::gold::name_key;

    /// Scores 1.0 when the names are the same token multiset, else 0.3.
    struct Exact;

    fn key(p: &Props) -> String {
        name_key(first(p))
    }

    impl PairScorer for Exact {
        fn score(&self, _: Schema, q: &Props, c: &Props) -> f64 {
            if key(q) == key(c) {
                1.0
            } else {
                0.3
            }
        }
    }

    struct List(Vec<Listed>);

    impl Searcher for List {
        fn search(&self, _: Schema, q: &Props, limit: usize, t: f64) -> Result<Vec<Hit>, String> {
            if first(q).is_empty() {
                return Err("no name".into());
            }
            let mut hits: Vec<Hit> = self
                .0
                .iter()
                .filter(|l| l.names.iter().any(|n| name_key(n) == key(q)))
                .map(|l| Hit {
                    id: l.id.clone(),
                    caption: l.names[0].clone(),
                    score: 0.95,
                    is_match: 0.95 >= t,
                })
                .collect();
            hits.sort_by(|a, b| b.score.total_cmp(&a.score));
            hits.truncate(limit);
            Ok(hits)
        }
        fn len(&self) -> usize {
            self.0.len()
        }
    }

    struct Fake;

    fn un() -> Vec<Listed> {
        ["HAN YU-RO", "JO YONG CHOL"]
            .iter()
            .enumerate()
            .map(|(i, n)| Listed {
                id: format!("un:KPi.{i}"),
                names: vec![n.to_string()],
                birth_dates: vec![],
            })
            .collect()
    }

    impl Engines for Fake {
        fn pair_scorer(&self) -> Result<Box<dyn PairScorer>> {
            Ok(Box::new(Exact))
        }
        fn un_searcher(&self) -> Result<(Box<dyn Searcher>, Vec<Listed>)> {
            Ok((Box::new(List(un())), un()))
        }
        fn all_searcher(&self) -> Result<Box<dyn Searcher>> {
            Ok(Box::new(List(un())))
        }
    }

    fn write(dir: &std::path::Path, rel: &str, text: &str) {
        let p = dir.join(rel);
        std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
        std::fs::write(p, text).expect("write");
    }

    fn line_with<'a>(report: &'a str, start: &str) -> &'a str {
        report.lines().find(|l| l.starts_with(start)).unwrap_or("")
    }

    fn options(data: &std::path::Path, sets: &[&str]) -> Options {
        Options {
            data: data.to_path_buf(),
            threshold: 0.7,
            sets: sets.iter().map(|s| s.to_string()).collect(),
            peer: None,
            negatives_limit: None,
        }
    }

    #[test]
    fn runs_every_set_on_a_miniature_data_dir() {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        let head = "full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n";
        write(d, "nomenklatura/name_bench_cases.csv", "case_group,schema,name1,name2,is_match,quality,category,notes\ng,Person,Kim Jong Un,Jong Un Kim,true,STRONG,,\ng,Person,Kim Jong Un,Kim Yo Jong,false,,Typo,\ng,Company,Acme Ltd,Acme Limited,true,,Typo,\n");
        write(d, "nomenklatura/name_bench_logicv2_frozen_scores.csv", "case_group,case_id,schema,name1,name2,is_match,quality,category,notes,score,predicted_match,outcome\ng,x,Person,Kim Jong Un,Jong Un Kim,true,STRONG,,,0.9,true,TP\n");
        write(d, "nomenklatura/entity_bench_checks.yml", "checks:\n  - match: true\n    schema: Person\n    query:\n      firstName: Olaf\n      lastName: Scholz\n    candidate:\n      name: Olaf Scholz\n");
        write(d, "watchman/cross_script_pairs.csv", "# Korean (Hangul) to Latin\n김정은,Kim Jong Un,0.70,Korean\n# Cyrillic to Latin\nИван,Ivan,0.9,x\n");
        write(d, "nomenklatura/ofac_sls_parity_fixtures.csv", "query_name,result_name,ofac_score\nKIM JONG UN,\"KIM, Jong Un\",100\nKIM JONG UN,PARK,-1\n");
        write(
            d,
            "yente/candidate_generation/positives_un_untreated.csv",
            &format!("{head}HAN YU-RO,,,,,1954,,kp\nJO YONG CHOL,,,,,,,kp\nNOT LISTED,,,,,,,\n"),
        );
        write(
            d,
            "yente/candidate_generation/positives_un_treated.csv",
            &format!(
                "{head}HAN YYU-RO,,,,,1954,,kp\n\"YONG CHOL, JO\",,,,,,,kp\nNOT LISTED,,,,,,,\n"
            ),
        );
        write(
            d,
            "yente/candidate_generation/negatives_global.csv",
            &format!("{head}Jo Yong Chol,,,,,,,\nPatricia Wheeler,,,,,,,Ethiopia\n,,,,,,,\n"),
        );
        write(
            d,
            "yente/candidate_generation/negatives_us.csv",
            &format!("{head}Kathryn Barr,,,,,,,\n"),
        );
        let report = run(&options(d, &[]), &Fake).expect("run");
        // name_bench: TP, TN, FN (Acme Ltd vs Acme Limited) → P 1, R 0.5.
        assert!(report.contains("| name_bench "), "{report}");
        assert!(report.contains("0.667 (1.000 / 0.500)"), "{report}");
        assert!(report.contains("logic-v2 frozen (1/3)"), "{report}");
        assert!(report.contains("| entity_bench "));
        assert!(report.contains("0/2 (Han/Hangul/Kana 0)"));
        // Untreated: 2 resolved, both first; treated: HAN YYU-RO missed, the reordered one found.
        assert!(line_with(&report, "| UN positives untreated").contains("1.000 / 1.000"));
        assert!(line_with(&report, "| UN positives treated").contains("0.500 / 0.500"));
        assert!(report.contains("1 unresolved"));
        // Negatives: 4 queries, one is a namesake of a listed person, one has no name.
        assert!(report.contains("25.00% (1/4)"), "{report}");
        assert!(report.contains("OFAC SLS parity"));
    }

    #[test]
    fn skips_sets_whose_files_are_missing_unless_asked_for() {
        let dir = tempfile::tempdir().expect("dir");
        let d = dir.path();
        write(
            d,
            "watchman/cross_script_pairs.csv",
            "# Korean (Hangul) to Latin\n김정은,Kim Jong Un,0.70,Korean\n",
        );
        let report = run(&options(d, &[]), &Fake).expect("run");
        assert!(report.contains("| cross_script "), "{report}");
        assert!(report.contains("Sets skipped"), "{report}");
        assert!(!report.contains("| name_bench "), "{report}");
        assert!(run(&options(d, &["name_bench"]), &Fake).is_err());
    }

    #[test]
    fn rejects_an_unknown_set() {
        assert!(run(&options(std::path::Path::new("."), &["nope"]), &Fake).is_err());
    }
}
