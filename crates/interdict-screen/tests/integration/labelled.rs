//! The labelled shipments of `testdata/labelled_shipments.jsonl`: every
//! expected decision, every expected rule (`expected_rules`; an empty list
//! means no flag at all, except low ones), and the confusion matrix.

use crate::{rules_of, screen};
use interdict_screen::{confusion_matrix, parse_jsonl_line, DecisionKind, Severity};

#[test]
fn labelled_shipments_get_their_expected_decisions_and_flags() {
    let path = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata/labelled_shipments.jsonl");
    let text = std::fs::read_to_string(path).expect("labelled file");
    let mut pairs = Vec::new();
    let mut wrong = Vec::new();
    for (i, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let s = parse_jsonl_line(line, i + 1).unwrap_or_else(|e| panic!("{e}"));
        let raw: serde_json::Value = serde_json::from_str(line).expect("json");
        let expected_rules: Vec<&str> = raw["expected_rules"]
            .as_array()
            .expect("every line has expected_rules")
            .iter()
            .filter_map(|v| v.as_str())
            .collect();
        let expected = s
            .expected
            .as_deref()
            .and_then(DecisionKind::parse)
            .expect("every line has expected");
        let d = screen(&s);
        let fired = rules_of(&d);
        if d.decision != expected {
            wrong.push(format!(
                "{}: expected {expected}, got {} ({:.3}) {fired:?}",
                s.id, d.decision, d.score
            ));
        }
        for r in &expected_rules {
            if !fired.contains(r) {
                wrong.push(format!("{}: {r} did not fire ({fired:?})", s.id));
            }
        }
        if expected_rules.is_empty() && d.flags.iter().any(|f| f.severity > Severity::Low) {
            wrong.push(format!("{}: expected no flags, got {fired:?}", s.id));
        }
        pairs.push((expected, d.decision));
    }
    assert!(pairs.len() >= 50, "only {} labelled shipments", pairs.len());
    let m = confusion_matrix(pairs);
    println!("{m}");
    for kind in DecisionKind::ALL {
        assert!(m.get(kind, kind) > 0, "no correctly decided {kind} example");
    }
    assert!(wrong.is_empty(), "{}\n{m}", wrong.join("\n"));
}
