//! Linking every bundled list: cluster counts, no conflicts, known merges.

use interdict_link::{link, ConflictKind, Linked, Rule};
use interdict_model::Entity;
use std::sync::OnceLock;

fn linked() -> &'static Linked {
    static LINKED: OnceLock<Linked> = OnceLock::new();
    LINKED.get_or_init(|| {
        let records: Vec<Entity> = interdict_lists::load_bundled()
            .expect("bundled lists parse")
            .into_iter()
            .flat_map(|s| s.entities)
            .collect();
        link(&records)
    })
}

fn members(id: &str) -> Vec<&'static str> {
    let (_, cluster) = linked().party_of(id).expect("a bundled record");
    cluster.members.iter().map(String::as_str).collect()
}

#[test]
fn every_record_is_in_exactly_one_party() {
    let l = linked();
    assert_eq!(l.stats.records, 36_617);
    assert_eq!(l.parties.len(), l.stats.parties);
    let members: usize = l.clusters.iter().map(|c| c.members.len()).sum();
    assert_eq!(members, l.stats.records);
    // A third of the records are copies: the CSL's OFAC rows alone are 10,038;
    // names corroborated by other facts join about 1,300 more, full Russian
    // names with patronymic on an undated UK record about 300.
    assert!((22_000..24_000).contains(&l.stats.parties), "{:?}", l.stats);
    assert_eq!(
        l.stats.merges_by_rule.get(&Rule::CitedRecord),
        Some(&10_038)
    );
    assert!(l.stats.merges_by_rule[&Rule::UnscId] > 950);
}

#[test]
fn a_list_citation_never_contradicts_a_un_reference_or_imo_number() {
    let l = linked();
    // The corroborated-name rule proposes many joins the closure refuses
    // for a contradicting full birth date elsewhere in a cluster: counted apart.
    let identifiers = |c: &&interdict_link::Conflict| {
        matches!(c.kind, ConflictKind::UnscId | ConflictKind::ImoNumber)
    };
    let by_identifier = l
        .conflicts
        .iter()
        .filter(|c| c.proposed.rule != Rule::CorroboratedName)
        .filter(identifiers)
        .count();
    assert!(by_identifier < 100, "{by_identifier}");
    assert!(l
        .conflicts
        .iter()
        .filter(identifiers)
        .all(|c| !c.proposed.rule.is_citation()));
}

#[test]
fn no_party_holds_two_records_of_a_list_that_names_a_party_once() {
    let l = linked();
    for c in &l.clusters {
        let mut seen: Vec<String> = c
            .members
            .iter()
            .filter(|m| !m.starts_with("us_trade_csl:"))
            .map(|m| {
                let (dataset, id) = m.split_once(':').unwrap_or((m.as_str(), ""));
                let regime: String = id.chars().take_while(char::is_ascii_alphabetic).collect();
                match dataset {
                    "gb_fcdo_sanctions" => format!("{dataset}/{regime}"),
                    _ => dataset.to_string(),
                }
            })
            .collect();
        let n = seen.len();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), n, "{:?}", c.members);
    }
    // Two OFAC entries a CSL row's registration number once joined.
    assert_ne!(
        l.party_index("us_ofac_sdn:35864"),
        l.party_index("us_ofac_sdn:35865")
    );
}

#[test]
fn a_transliterated_name_with_one_birth_date_and_nationality_is_one_party() {
    // OFAC "GAZIYEV, Tarkhan Ismailovich" and the UN's "TARKHAN ISMAILOVICH
    // GAZIEV": no shared identifier, one name in two transliterations, born
    // 1965-11-11, Russian.
    let (_, cluster) = linked()
        .party_of("us_ofac_sdn:18642")
        .expect("a bundled record");
    assert!(cluster
        .members
        .iter()
        .any(|m| m == "un_sc_sanctions:QDi.366"));
    assert!(cluster
        .reasons
        .iter()
        .any(|r| r.rule == Rule::TransliteratedName));
}

#[test]
fn a_full_name_with_patronymic_joins_an_undated_uk_record() {
    // UK RUS1755 "Alexei Gennadyevich DYUMIN" states no birth date; OFAC
    // "DYUMIN, Alexey Gennadyevich" (born 1972-08-28, Kursk): one name in
    // two spellings, patronymic included, Russia, the Russia regimes.
    let (_, cluster) = linked()
        .party_of("gb_fcdo_sanctions:RUS1755")
        .expect("a bundled record");
    assert!(cluster.members.iter().any(|m| m == "us_ofac_sdn:24163"));
    assert!(cluster
        .reasons
        .iter()
        .any(|r| r.rule == Rule::UndatedPatronymicName));
    // UK RUS1770 "Dmitry PESKOV" names no patronymic: not joined to OFAC's
    // Dmitriy Sergeevich.
    assert!(!members("gb_fcdo_sanctions:RUS1770").contains(&"us_ofac_sdn:35320"));
}

#[test]
fn kim_jong_un_is_one_party_across_ofac_and_the_csl() {
    assert_eq!(
        members("us_trade_csl:20157"),
        ["us_ofac_sdn:20157", "us_trade_csl:20157"]
    );
}

#[test]
fn a_un_listed_dprk_bank_is_one_party_on_un_ofac_uk_and_csl() {
    let (party, cluster) = linked()
        .party_of("us_ofac_sdn:9346")
        .expect("Tanchon Commercial Bank");
    assert_eq!(party.id, "un_sc_sanctions:KPe.003");
    assert_eq!(party.caption(), "TANCHON COMMERCIAL BANK");
    for id in [
        "un_sc_sanctions:KPe.003",
        "us_ofac_sdn:9346",
        "gb_fcdo_sanctions:DPR0195",
    ] {
        assert!(cluster.members.iter().any(|m| m == id), "{id}");
    }
    let reasons: Vec<String> = cluster.reasons.iter().map(ToString::to_string).collect();
    assert!(reasons.contains(&"UK DPR0195 cites UN KPe.003".to_string()));
}

#[test]
fn linking_on_one_thread_gives_the_same_parties_as_on_four() {
    // The rules, name groups and merges run in parallel; the closure's
    // conflict checks depend on the order of the edges, so that order must
    // not depend on how the work was split.
    let records: Vec<Entity> = interdict_lists::load_bundled()
        .expect("bundled lists parse")
        .into_iter()
        .flat_map(|s| s.entities)
        .collect();
    let on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("a thread pool")
            .install(|| link(&records))
    };
    let (one, four) = (on(1), on(4));
    assert_eq!(one.parties, four.parties);
    assert_eq!(one.clusters, four.clusters);
    assert_eq!(one.conflicts, four.conflicts);
    assert_eq!(one.disagreements, four.disagreements);
}
