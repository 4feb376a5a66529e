//! Rule-level behaviour and the decision formula.

use crate::{evidence_json, rule, rules_of, screen};
use interdict_screen::evidence::{Circuitous, Evidence};
use interdict_screen::{parse_jsonl_line, Decision, DecisionKind, Flag, ScreenConfig, Severity};

fn flag(sev: Severity) -> Flag {
    Flag {
        rule: rule("route.circuitous"),
        severity: sev,
        summary: String::new(),
        evidence: Evidence::RouteCircuitous(Circuitous {
            travelled_km: 0.0,
            direct_km: 0.0,
            ratio: 0.0,
            threshold: 0.0,
        }),
        citations: vec![],
        under: vec![],
    }
}

#[test]
fn decision_formula_is_a_noisy_or() {
    let c = ScreenConfig::default();
    let d = Decision::from_flags("s", vec![], &c);
    assert_eq!((d.decision, d.score), (DecisionKind::Clear, 0.0));
    let d = Decision::from_flags("s", vec![flag(Severity::Low), flag(Severity::Low)], &c);
    assert_eq!(d.decision, DecisionKind::Clear);
    assert!((d.score - 0.19).abs() < 1e-9);
    let d = Decision::from_flags("s", vec![flag(Severity::Medium)], &c);
    assert_eq!(d.decision, DecisionKind::Review);
    let d = Decision::from_flags("s", vec![flag(Severity::High); 3], &c);
    assert_eq!(d.decision, DecisionKind::Review, "{}", d.score);
    let d = Decision::from_flags(
        "s",
        vec![
            flag(Severity::High),
            flag(Severity::High),
            flag(Severity::High),
            flag(Severity::Medium),
        ],
        &c,
    );
    assert_eq!(d.decision, DecisionKind::Block, "{}", d.score);
    let d = Decision::from_flags("s", vec![flag(Severity::Critical)], &c);
    assert_eq!((d.decision, d.score), (DecisionKind::Block, 1.0));
}

#[test]
fn every_rule_is_documented_with_citations() {
    let c = ScreenConfig::default();
    for id in interdict_screen::RuleId::ALL {
        let r = c.rule(*id).expect("rule in rules.toml");
        assert!(!r.statement.is_empty() && !r.citations.is_empty(), "{id}");
    }
}

#[test]
fn a_broken_rules_file_is_an_error() {
    assert!(ScreenConfig::from_toml("[decision]\nreview_score = 0.3").is_err());
    let text = include_str!("../../../../data/reference/screen/rules.toml")
        .replace("id = \"route.dark_period\"", "id = \"route.dark\"");
    let e = ScreenConfig::from_toml(&text).expect_err("missing rule");
    assert!(e.to_string().contains("route.dark_period"));
}

#[test]
fn flags_carry_citations_and_evidence() {
    let line = r#"{"id":"R-1","date":"2024-07-01","declared_destination":"sg","parties":[{"role":"exporter","name":"A","country":"jp"},{"role":"consignee","name":"B","country":"sg"},{"role":"payer","name":"C","country":"ae"}],"goods":[{"description":"fans","hs_code":"841451","quantity":1,"value":10,"currency":"USD"}],"legs":[{"mode":"sea","from":"JPYOK","to":"SGSIN","depart":"2024-07-01","arrive":"2024-07-08"}]}"#;
    let d = screen(&parse_jsonl_line(line, 1).expect("valid"));
    assert_eq!(rules_of(&d), vec!["payer.third_country"]);
    let f = &d.flags[0];
    assert_eq!(f.severity, Severity::Medium);
    assert!(!f.citations.is_empty());
    assert_eq!(evidence_json(f)["payer_country"], "ae");
    let out = serde_json::to_value(&d).expect("serialise");
    for key in ["shipment_id", "decision", "score", "flags"] {
        assert!(out.get(key).is_some(), "{key}");
    }
    assert_eq!(out["decision"], "review");
    assert_eq!(out["flags"][0]["severity"], "medium");
}

#[test]
fn goods_rules_apply_only_in_applicable_jurisdictions() {
    // US verdicts exist for machinery to kp in the double; with no US party or origin they must not appear.
    let line = r#"{"id":"R-2","date":"2024-07-01","declared_destination":"kp","parties":[{"role":"exporter","name":"A","country":"cn"},{"role":"consignee","name":"B","country":"kp"}],"goods":[{"description":"pump","hs_code":"841370","quantity":1,"value":500,"currency":"USD"}],"legs":[{"mode":"road","from":"CNDDG","to":"KPSII","depart":"2024-07-01","arrive":"2024-07-01"}]}"#;
    let s = parse_jsonl_line(line, 1).expect("valid");
    let d = screen(&s);
    let f = d
        .flags
        .iter()
        .find(|f| f.rule == rule("goods.prohibited"))
        .expect("prohibited");
    let j: Vec<_> = evidence_json(f)["verdicts"]
        .as_array()
        .expect("array")
        .iter()
        .map(|v| {
            v["verdict"]["jurisdiction"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        })
        .collect();
    assert_eq!(j, vec!["UN"]);
    let with_us = line.replace(
        r#"{"role":"consignee""#,
        r#"{"role":"forwarder","name":"F","country":"us"},{"role":"consignee""#,
    );
    let d = screen(&parse_jsonl_line(&with_us, 1).expect("valid"));
    let f = d
        .flags
        .iter()
        .find(|f| f.rule == rule("goods.prohibited"))
        .expect("prohibited");
    assert!(evidence_json(f)["verdicts"]
        .as_array()
        .is_some_and(|a| a.len() == 2));
}
