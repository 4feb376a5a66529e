//! Linking on small fixtures (every rule, a conflict, a near miss) and on
//! the bundled lists.

use interdict_link::{link, ConflictKind, Linked, Rule};
use interdict_model::Entity;
use std::path::PathBuf;

fn fixture() -> Vec<Entity> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/records.jsonl");
    let text = std::fs::read_to_string(path).expect("fixture");
    text.lines()
        .map(|l| serde_json::from_str(l).expect("an entity"))
        .collect()
}

fn members<'a>(linked: &'a Linked, id: &str) -> Vec<&'a str> {
    let (_, cluster) = linked.party_of(id).expect("linked record");
    cluster.members.iter().map(String::as_str).collect()
}

fn reasons(linked: &Linked, id: &str) -> Vec<String> {
    let (_, cluster) = linked.party_of(id).expect("linked record");
    cluster.reasons.iter().map(ToString::to_string).collect()
}

#[test]
fn a_un_listed_company_takes_the_un_id_and_keeps_every_source() {
    let linked = link(&fixture());
    assert_eq!(
        members(&linked, "us_ofac_sdn:8000"),
        [
            "un_sc_sanctions:KPe.001",
            "us_ofac_sdn:8000",
            "gb_fcdo_sanctions:DPR0157"
        ]
    );
    assert_eq!(
        reasons(&linked, "un_sc_sanctions:KPe.001"),
        [
            "UK DPR0157 cites UN KPe.001",
            "same SWIFT/BIC KOMIKPPY (OFAC SDN 8000, UN KPe.001)"
        ]
    );
    let (party, cluster) = linked.party_of("gb_fcdo_sanctions:DPR0157").expect("party");
    assert_eq!(party.id, "un_sc_sanctions:KPe.001");
    assert_eq!(
        party.datasets,
        ["un_sc_sanctions", "us_ofac_sdn", "gb_fcdo_sanctions"]
    );
    assert_eq!(party.referents.len(), 3);
    assert_eq!(party.get("alias"), ["KOMID"]);
    assert_eq!(
        cluster.sources_of("name", "KOREA MINING DEVELOPMENT TRADING CORPORATION"),
        [
            "un_sc_sanctions:KPe.001",
            "us_ofac_sdn:8000",
            "gb_fcdo_sanctions:DPR0157"
        ]
    );
    assert_eq!(
        cluster.sources_of("alias", "KOMID"),
        ["gb_fcdo_sanctions:DPR0157"]
    );
}

#[test]
fn a_csl_copy_joins_its_ofac_record() {
    let linked = link(&fixture());
    assert_eq!(
        members(&linked, "us_trade_csl:20157"),
        ["us_ofac_sdn:20157", "us_trade_csl:20157"]
    );
    assert_eq!(
        reasons(&linked, "us_ofac_sdn:20157"),
        ["CSL 20157 copies OFAC SDN 20157"]
    );
}

#[test]
fn vessels_link_by_imo_but_not_to_a_company_with_the_same_number() {
    let linked = link(&fixture());
    assert_eq!(
        members(&linked, "gb_fcdo_sanctions:DPR0300"),
        ["us_ofac_sdn:9001", "gb_fcdo_sanctions:DPR0300"]
    );
    assert_eq!(
        members(&linked, "gb_fcdo_sanctions:DPR0301"),
        ["gb_fcdo_sanctions:DPR0301"]
    );
}

#[test]
fn two_un_references_make_a_conflict_not_a_merge() {
    let linked = link(&fixture());
    assert_eq!(members(&linked, "eu_fsf:5"), ["eu_fsf:5"]);
    assert_eq!(linked.conflicts.len(), 1);
    let c = &linked.conflicts[0];
    assert_eq!(c.kind, ConflictKind::UnscId);
    assert_eq!(c.proposed.rule, Rule::Passport);
    assert_eq!(
        c.to_string(),
        "not merged: same passport 654110043 (EU 5, UN KPi.010), but their parties hold different UN reference numbers (KPi.011 / KPi.010)"
    );
}

#[test]
fn people_with_the_same_name_and_birth_date_need_a_common_nationality() {
    let linked = link(&fixture());
    assert_eq!(
        members(&linked, "us_ofac_sdn:3"),
        ["us_ofac_sdn:3", "gb_fcdo_sanctions:RUS0001"]
    );
    assert_eq!(members(&linked, "eu_fsf:7"), ["eu_fsf:7"]);
}

#[test]
fn the_result_does_not_depend_on_the_input_order() {
    let records = fixture();
    let mut reversed = records.clone();
    reversed.reverse();
    let (a, b) = (link(&records), link(&reversed));
    assert_eq!(a.parties, b.parties);
    assert_eq!(a.clusters, b.clusters);
    assert_eq!(a.stats, b.stats);
    assert_eq!(a.stats.records, 13);
    assert_eq!(a.stats.parties, 8);
    assert_eq!(a.stats.merges_by_rule.get(&Rule::CitedRecord), Some(&1));
}

#[test]
fn an_entity_its_publisher_merged_is_one_party_as_published() {
    use interdict_model::{prop, Schema};
    let mut published = Entity::new("sanctions", "NK-abc", Schema::Person);
    published.add(prop::NAME, "Kim Jong Un");
    published.add("unscId", "KPi.033");
    published.referents = vec!["NK-abc".into(), "ofac-1234".into(), "unsc-5678".into()];
    let mut un = Entity::new("un_sc_sanctions", "KPi.033", Schema::Person);
    un.add(prop::NAME, "Kim Jong Un");
    un.add("unscId", "KPi.033");
    let linked = link(&[published.clone(), un]);
    // Not linked again, although both cite the same UN reference number.
    assert_eq!(linked.parties.len(), 2);
    assert_eq!(linked.stats.records, 2);
    assert_eq!(linked.stats.parties, 2);
    let (party, cluster) = linked.party_of("ofac-1234").expect("a referent resolves");
    assert_eq!(party.id, published.id);
    assert_eq!(cluster.members, [published.id.clone()]);
    assert!(cluster.reasons.is_empty());
    assert_eq!(
        members(&linked, "un_sc_sanctions:KPi.033"),
        ["un_sc_sanctions:KPi.033"]
    );
}
