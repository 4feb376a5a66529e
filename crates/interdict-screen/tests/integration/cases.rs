//! The real cases of `examples/` and their clean controls.

use crate::{evidence_json, read_jsonl, repo_root, rule, rules_of, screen};
use interdict_screen::DecisionKind;

fn case(file: &str) -> Vec<interdict_screen::Shipment> {
    read_jsonl(&repo_root().join("examples").join(file))
}

#[test]
fn aurus_senat_gifts_are_blocked() {
    for s in case("aurus_senat_2024.jsonl") {
        let d = screen(&s);
        assert_eq!(
            d.decision,
            DecisionKind::Block,
            "{}: {:?}",
            s.id,
            rules_of(&d)
        );
        for r in [
            "party.listed",
            "goods.prohibited",
            "goods.luxury_gift",
            "destination.sanctioned",
        ] {
            assert!(
                d.has(crate::rule(r)),
                "{} lacks {r}: {:?}",
                s.id,
                rules_of(&d)
            );
        }
    }
}

#[test]
fn maybach_has_a_flag_per_suspicious_element() {
    let s = &case("maybach_s600_2018.jsonl")[0];
    let d = screen(s);
    assert_eq!(d.decision, DecisionKind::Block, "{:?}", rules_of(&d));
    for r in [
        "route.transshipment_chain",
        "route.declared_port_not_reached",
        "vessel.renamed",
        "route.dark_period",
        "consignee.secrecy_jurisdiction",
        "carrier.dprk",
        "destination.mismatch",
        "goods.prohibited",
    ] {
        assert!(d.has(rule(r)), "Maybach lacks {r}: {:?}", rules_of(&d));
    }
    let dark = d
        .flags
        .iter()
        .find(|f| f.rule == rule("route.dark_period"))
        .expect("dark flag");
    assert_eq!(evidence_json(dark)["days"], 18);
    let renamed = d
        .flags
        .iter()
        .find(|f| f.rule == rule("vessel.renamed"))
        .expect("renamed flag");
    assert!(renamed.summary.contains("Xiang Jin"), "{}", renamed.summary);
    let chain = d
        .flags
        .iter()
        .find(|f| f.rule == rule("route.transshipment_chain"))
        .expect("chain flag");
    assert!(evidence_json(chain)["transshipments"]
        .as_array()
        .is_some_and(|a| a.len() >= 3));
}

#[test]
fn lexus_to_the_dprk_embassy_in_dhaka_is_blocked() {
    let cases = case("lexus_dhaka_2023.jsonl");
    for s in &cases {
        let d = screen(s);
        assert_eq!(
            d.decision,
            DecisionKind::Block,
            "{}: {:?}",
            s.id,
            rules_of(&d)
        );
        let m = d
            .flags
            .iter()
            .find(|f| f.rule == rule("consignee.dprk_mission"))
            .expect("mission flag");
        assert_eq!(
            evidence_json(m)["mission"]["id"],
            "bd-dhaka",
            "{}",
            evidence_json(m)
        );
    }
    let reexport = screen(&cases[1]);
    let mismatch = reexport
        .flags
        .iter()
        .find(|f| f.rule == rule("destination.mismatch"))
        .expect("mismatch");
    assert_eq!(evidence_json(mismatch)["declared"], "sg");
    assert!(
        mismatch.summary.contains("consignee says bd"),
        "{}",
        mismatch.summary
    );
}

#[test]
fn clean_controls_are_never_blocked() {
    for s in case("controls.jsonl") {
        let d = screen(&s);
        assert_ne!(
            d.decision,
            DecisionKind::Block,
            "{}: {:?}",
            s.id,
            rules_of(&d)
        );
        let expected = s
            .expected
            .as_deref()
            .and_then(DecisionKind::parse)
            .expect("expected");
        assert_eq!(d.decision, expected, "{}: {:?}", s.id, rules_of(&d));
    }
}
