//! The table-driven scoring cases of `testdata/score_cases.toml`, run
//! through both `score_pair` and an index holding only the listed entity.

use crate::helpers::entity;
use interdict_match::{score_pair, How, MatchConfig, Matcher, Query, Reason};
use interdict_model::Schema;
use serde::Deserialize;
use std::collections::BTreeMap;

#[derive(Deserialize)]
struct Side {
    schema: Schema,
    #[serde(flatten)]
    properties: BTreeMap<String, Vec<String>>,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    query: Side,
    listed: Side,
    min: Option<f64>,
    max: Option<f64>,
    how: Option<String>,
    reason: Option<String>,
}

#[derive(Deserialize)]
struct File {
    case: Vec<Case>,
}

fn how_kind(h: &How) -> String {
    serde_json::to_value(h).expect("serialise")["kind"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn reason_kind(r: &Reason) -> String {
    serde_json::to_value(r).expect("serialise")["kind"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn score_cases() {
    let text = include_str!("../../testdata/score_cases.toml");
    let file: File = toml::from_str(text).expect("valid cases file");
    assert!(file.case.len() >= 30);
    let mut failures = Vec::new();
    for c in &file.case {
        let q = Query {
            id: "q".into(),
            schema: c.query.schema,
            properties: c.query.properties.clone(),
        };
        q.validate().expect("valid query");
        let mut e = entity("1", c.listed.schema, &[]);
        for (p, vs) in &c.listed.properties {
            for v in vs {
                e.add(p, v);
            }
        }
        let scored = score_pair(&q, &e);
        let s = scored.score;
        let text = scored.explanation.to_text().join("; ");
        let mut fail = |why: String| failures.push(format!("{}: {why}\n    {text}", c.name));
        if !(0.0..=1.0).contains(&s) {
            fail(format!("score {s} out of [0,1]"));
        }
        if let Some(min) = c.min {
            if s < min {
                fail(format!("score {s:.3} < min {min}"));
            }
        }
        if let Some(max) = c.max {
            if s > max {
                fail(format!("score {s:.3} > max {max}"));
            }
        }
        if let Some(h) = &c.how {
            if !scored
                .explanation
                .parts
                .iter()
                .any(|p| &how_kind(&p.how) == h)
            {
                fail(format!("no part matched as {h}"));
            }
        }
        if let Some(r) = &c.reason {
            if !scored
                .explanation
                .adjustments
                .iter()
                .any(|a| &reason_kind(&a.reason) == r)
            {
                fail(format!("no adjustment {r}"));
            }
        }
        // The index must agree with the pair scorer.
        let m = Matcher::build(vec![e]);
        let cfg = MatchConfig {
            threshold: 0.7,
            limit: 5,
            datasets: None,
        };
        let found = m.search(&q, &cfg);
        match found.first() {
            Some(r) if (r.score - s).abs() > 1e-9 => fail(format!(
                "index score {:.3} differs from pair score {s:.3}",
                r.score
            )),
            None if s >= interdict_match::weights::MIN_RESULT_SCORE => {
                fail(format!("index found nothing, pair score {s:.3}"))
            }
            _ => {}
        }
    }
    assert!(
        failures.is_empty(),
        "{} failing cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
