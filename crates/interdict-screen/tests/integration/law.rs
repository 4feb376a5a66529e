//! Whose law: per-jurisdiction decisions, the law each list hit cites,
//! and the rules that use goods facts (units of quantity, declared heading).

use crate::doubles::{TableGoods, TableParties};
use crate::{evidence_json, read_jsonl, rule, rules_of};
use interdict_screen::{
    parse_jsonl_line, Decision, DecisionKind, Jurisdiction, Scope, ScreenConfig, Screener,
    Severity, Shipment,
};

fn fixture(id: &str) -> Shipment {
    let path =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("testdata/whose_law.jsonl");
    read_jsonl(&path)
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no fixture {id}"))
}

fn screen_under(s: &Shipment, scope: &str) -> Decision {
    let (p, g) = (TableParties::new(), TableGoods);
    let scope = Scope::parse(scope).expect("scope");
    let screener = Screener {
        parties: &p,
        goods: &g,
        config: ScreenConfig::default().with_scope(scope),
    };
    screener.screen(s)
}

#[test]
fn a_dprk_embassy_buying_office_supplies_is_review_under_un_and_block_for_a_us_person() {
    let s = fixture("LAW-EMBASSY-OFFICE");
    let all = screen_under(&s, "all");
    assert_eq!(all.decision, DecisionKind::Block, "{:?}", rules_of(&all));
    assert_eq!(all.under(Jurisdiction::Us), Some(DecisionKind::Block));
    assert_eq!(all.under(Jurisdiction::Un), Some(DecisionKind::Review));
    let un = screen_under(&s, "un");
    assert_eq!(un.decision, DecisionKind::Review, "{:?}", rules_of(&un));
    assert_eq!(un.jurisdictions.len(), 1);
    let us = screen_under(&s, "us");
    assert_eq!(us.decision, DecisionKind::Block);
    let f = all
        .flags_of(rule("consignee.dprk_mission"))
        .next()
        .expect("mission flag");
    let us_basis = f
        .under
        .iter()
        .find(|a| a.jurisdiction == Jurisdiction::Us)
        .expect("US applicability");
    assert_eq!(us_basis.severity, Severity::Critical);
    assert!(us_basis.basis.contains("E.O. 13722"), "{}", us_basis.basis);
    // The report says so.
    let html = interdict_screen::render_html(&[(s, all)]);
    assert!(
        html.contains("block under US"),
        "report labels each jurisdiction"
    );
    assert!(html.contains("review under UN"));
    assert!(html.contains("E.O. 13722"));
}

#[test]
fn luxury_goods_to_a_dprk_mission_are_blocked_under_every_law() {
    let s = read_jsonl(&crate::repo_root().join("examples/lexus_dhaka_2023.jsonl")).remove(0);
    for scope in ["un", "eu", "us", "all"] {
        let d = screen_under(&s, scope);
        assert_eq!(
            d.decision,
            DecisionKind::Block,
            "{scope}: {:?}",
            rules_of(&d)
        );
    }
}

fn consignee_line(name: &str) -> String {
    format!(
        r#"{{"id":"L-1","date":"2024-07-01","declared_destination":"cn","parties":[{{"role":"exporter","name":"A","country":"jp"}},{{"role":"consignee","schema":"Company","name":"{name}","country":"cn"}}],"goods":[{{"description":"fans","hs_code":"841451","quantity":1,"value":10,"currency":"USD"}}],"legs":[]}}"#
    )
}

#[test]
fn a_listed_party_cites_the_law_of_its_list_and_binds_that_jurisdiction() {
    let s = parse_jsonl_line(
        &consignee_line("Korea Mining Development Trading Corporation"),
        1,
    )
    .expect("valid");
    let d = screen_under(&s, "all");
    let f = d.flags_of(rule("party.listed")).next().expect("listed");
    let law = &evidence_json(f)["hits"][0]["law"][0];
    assert_eq!(law["jurisdiction"], "us");
    assert!(law["instrument"]
        .as_str()
        .is_some_and(|i| i.contains("31 CFR part 510")));
    assert_eq!(d.under(Jurisdiction::Us), Some(DecisionKind::Block));
    assert_eq!(
        screen_under(&s, "un").decision,
        DecisionKind::Review,
        "an OFAC-only listing is a red flag under UN law, not its prohibition"
    );
    let un =
        parse_jsonl_line(&consignee_line("Korea Kwangson Banking Corporation"), 1).expect("valid");
    let d = screen_under(&un, "un");
    assert_eq!(d.decision, DecisionKind::Block);
    let law = &evidence_json(&d.flags[0])["hits"][0]["law"][0];
    assert!(law["instrument"]
        .as_str()
        .is_some_and(|i| i.contains("UNSCR 1718")));
    assert!(law["provision"]
        .as_str()
        .is_some_and(|p| p.contains("8(d)")));
    // A list whose law is not tabulated binds under every jurisdiction.
    let own = parse_jsonl_line(&consignee_line("Own List Party"), 1).expect("valid");
    assert_eq!(screen_under(&own, "jp").decision, DecisionKind::Block);
}

#[test]
fn spirits_are_valued_per_litre_from_cases_and_bottle_sizes() {
    let s = fixture("LAW-HENNESSY-CASES");
    let d = screen_under(&s, "all");
    assert_eq!(d.decision, DecisionKind::Review, "{:?}", rules_of(&d));
    let f = d
        .flags_of(rule("goods.undervalued"))
        .next()
        .expect("undervalued");
    let e = evidence_json(f);
    assert_eq!(e["per"]["per"], "litre");
    assert!(
        (e["per"]["amount"].as_f64().unwrap_or_default() - 210.0).abs() < 1e-6,
        "{e}"
    );
    assert!((e["unit_value_usd"].as_f64().unwrap_or_default() - 6000.0 / 210.0).abs() < 0.01);
    assert_eq!(e["quantity_unit"], "case");
    // The same goods at a plausible price are not flagged.
    let mut fair = s.clone();
    fair.goods[0].value = Some(60_000.0);
    assert!(!screen_under(&fair, "all").has(rule("goods.undervalued")));
    // A car declared by weight cannot be compared per unit: no flag, no guess.
    let mut by_weight = read_jsonl(&crate::repo_root().join("examples/controls.jsonl")).remove(0);
    by_weight.goods[0].unit = Some("kg".into());
    by_weight.goods[0].quantity = Some(5000.0);
    by_weight.goods[0].value = Some(1000.0);
    assert!(!screen_under(&by_weight, "all").has(rule("goods.undervalued")));
}

#[test]
fn a_luxury_car_declared_as_a_trailer_is_a_mismatch_even_when_nothing_is_controlled() {
    let s = fixture("LAW-CAR-AS-TRAILER");
    let d = screen_under(&s, "all");
    assert_eq!(d.decision, DecisionKind::Review, "{:?}", rules_of(&d));
    let f = d
        .flags_of(rule("goods.hs_mismatch"))
        .next()
        .expect("mismatch");
    let e = evidence_json(f);
    assert_eq!(
        (e["declared_hs"].as_str(), e["described_hs"].as_str()),
        (Some("871639"), Some("8703"))
    );
    assert!(!d.has(rule("goods.prohibited")));
    // Used vehicles are vehicles: far under the reference, the value check fires.
    let mut cheap = s.clone();
    cheap.goods[0].value = Some(9_000.0);
    assert!(screen_under(&cheap, "all").has(rule("goods.undervalued")));
}

#[test]
fn the_route_map_draws_coastlines_dark_periods_and_hubs() {
    let s = read_jsonl(&crate::repo_root().join("examples/maybach_s600_2018.jsonl")).remove(0);
    let d = screen_under(&s, "all");
    let svg = interdict_screen::route_svg(&s, &d);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(svg.contains("class=\"land\" d=\"M"), "coastlines drawn");
    assert!(svg.contains("class=\"dark\""), "dark period marked");
    assert!(svg.contains("dark 18 d"));
    assert!(
        svg.contains("class=\"place hub\""),
        "DPRK-exposed hub marked"
    );
    assert!(svg.contains("class=\"place dprk\""), "Pyongyang in black");
    assert!(svg.contains("Natural Earth"));
    let no_legs = read_jsonl(&crate::repo_root().join("examples/aurus_senat_2024.jsonl")).remove(0);
    assert!(interdict_screen::route_svg(&no_legs, &screen_under(&no_legs, "all")).is_empty());
}
