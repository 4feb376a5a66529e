//! The real cases of `examples/` (Maybach, Aurus, Lexus), decided by the
//! real engines, with the flags each must raise.

use super::support::{engine, labelled_shipments};
use interdict_screen::{Decision, DecisionKind, RuleId};

fn rules(d: &Decision) -> Vec<&str> {
    d.flags.iter().map(|f| f.rule.as_str()).collect()
}

fn screen_file(relative: &str) -> Vec<(Decision, String)> {
    labelled_shipments(relative)
        .into_iter()
        .map(|(s, expected)| (engine().screen(&s), expected))
        .collect()
}

#[test]
fn aurus_senat_is_blocked_for_the_goods_and_the_listed_recipient() {
    for (d, expected) in screen_file("examples/aurus_senat_2024.jsonl") {
        assert_eq!(expected, "block");
        assert_eq!(d.decision, DecisionKind::Block, "{d:#?}");
        let r = rules(&d);
        assert!(r.contains(&"goods.prohibited"), "{r:?}");
        assert!(r.contains(&"party.listed"), "recipient on the lists: {r:?}");
        let goods = d
            .flags
            .iter()
            .find(|f| f.rule == RuleId::GoodsProhibited)
            .expect("goods flag");
        let text = serde_json::to_string(&goods.evidence).unwrap_or_default();
        assert!(text.contains("2397"), "UNSCR 2397 named: {text}");
        let party = d
            .flags
            .iter()
            .find(|f| f.rule == RuleId::PartyListed)
            .expect("party flag");
        let text = serde_json::to_string(&party.evidence).unwrap_or_default();
        assert!(text.contains("us_ofac_sdn"), "an OFAC SDN hit: {text}");
        // Each hit cites the law of its list, not the UN resolution: Kim Jong
        // Un's OFAC listing the North Korea Sanctions Regulations.
        let cited: Vec<&String> = d
            .flags_of(RuleId::PartyListed)
            .flat_map(|f| &f.citations)
            .collect();
        assert!(
            cited.iter().any(|c| c.contains("31 CFR part 510")),
            "{cited:?}"
        );
    }
}

#[test]
fn maybach_route_raises_a_flag_per_suspicious_element() {
    let decisions = screen_file("examples/maybach_s600_2018.jsonl");
    assert_eq!(decisions.len(), 1);
    let (d, _) = &decisions[0];
    assert_ne!(d.decision, DecisionKind::Clear, "{d:#?}");
    let r = rules(d);
    for expected in [
        "route.transshipment_chain",
        "route.declared_port_not_reached",
        "vessel.renamed",
        "route.dark_period",
        "consignee.secrecy_jurisdiction",
        "carrier.dprk",
        "goods.prohibited",
    ] {
        assert!(r.contains(&expected), "missing {expected}: {r:?}");
    }
}

#[test]
fn lexus_for_the_dprk_embassy_is_blocked() {
    for (d, expected) in screen_file("examples/lexus_dhaka_2023.jsonl") {
        assert_eq!(expected, "block");
        assert_eq!(d.decision, DecisionKind::Block, "{d:#?}");
        assert!(
            rules(&d).contains(&"consignee.dprk_mission"),
            "{:?}",
            rules(&d)
        );
    }
    let (second, _) = &screen_file("examples/lexus_dhaka_2023.jsonl")[1];
    assert!(
        rules(second).contains(&"destination.mismatch"),
        "{:?}",
        rules(second)
    );
}

#[test]
fn clean_controls_are_never_blocked() {
    for (d, expected) in screen_file("examples/controls.jsonl") {
        assert_ne!(d.decision, DecisionKind::Block, "{d:#?}");
        assert_eq!(
            format!("{:?}", d.decision).to_lowercase(),
            expected,
            "{d:#?}"
        );
    }
}
