//! Exact counts taken from the bundled files themselves (see
//! `data/lists/PROVENANCE.md` for how each was counted independently).

use crate::{bundled, dataset};
use interdict_lists::catalogue;
use interdict_model::countries;
use std::collections::{BTreeMap, HashSet};

fn counts(name: &str) -> BTreeMap<&str, usize> {
    dataset(name)
        .stats
        .counts
        .iter()
        .map(|(k, v)| (k.as_str(), *v))
        .collect()
}

fn ids_with_prefix(name: &str, prefix: &str) -> usize {
    dataset(name)
        .entities
        .iter()
        .filter(|e| e.source_id().starts_with(prefix))
        .count()
}

#[test]
fn un_has_730_individuals_and_273_entities() {
    let un = dataset("un_sc_sanctions");
    assert_eq!(un.stats.total, 1003);
    assert_eq!(
        counts("un_sc_sanctions"),
        BTreeMap::from([("Person", 730), ("Organization", 273)])
    );
    assert_eq!(ids_with_prefix("un_sc_sanctions", "KPi."), 80);
    assert_eq!(ids_with_prefix("un_sc_sanctions", "KPe."), 75);
    assert_eq!(un.stats.dprk, 155);
}

#[test]
fn ofac_sdn_has_14965_records_and_reports_its_joins() {
    let sdn = dataset("us_ofac_sdn");
    assert_eq!(sdn.stats.total, 14_965);
    assert_eq!(
        counts("us_ofac_sdn"),
        BTreeMap::from([
            ("Person", 6854),
            ("Vessel", 851),
            ("Airplane", 376),
            ("Organization", 6884)
        ])
    );
    assert_eq!(sdn.stats.dprk, 484);
    // 2025-12 alias/address rows whose ent_num is not in the 2024-05-03 sdn.csv.
    assert_eq!(sdn.stats.unjoined.get("alt.csv"), Some(&2460));
    assert_eq!(sdn.stats.unjoined.get("add.csv"), Some(&4893));
    // 17 continue a remark cut at 1,000 characters; 6 have no 2024 record and
    // 5 belong to remarks that were not cut in 2024.
    assert_eq!(sdn.stats.unjoined.get("sdn_comments.csv"), Some(&11));
    assert!(sdn
        .stats
        .notes
        .iter()
        .any(|n| n.starts_with("2460 of 20107 alias rows")));
}

#[test]
fn uk_has_6046_subjects_261_under_the_dprk_regime() {
    let uk = dataset("gb_fcdo_sanctions");
    assert_eq!(uk.stats.total, 6046);
    assert_eq!(uk.stats.dprk, 261);
    assert_eq!(ids_with_prefix("gb_fcdo_sanctions", "DPR"), 261);
    let dprk: Vec<_> = uk
        .entities
        .iter()
        .filter(|e| e.source_id().starts_with("DPR"))
        .collect();
    let by = |s: &str| dprk.iter().filter(|e| e.schema.as_str() == s).count();
    assert_eq!(
        (by("Person"), by("Organization"), by("Vessel")),
        (138, 86, 37)
    );
    assert!(uk.stats.unjoined.values().all(|&n| n == 0));
}

#[test]
fn ofac_consolidated_has_443_records_none_dprk() {
    let cons = dataset("us_ofac_cons");
    assert_eq!(cons.stats.total, 443);
    assert_eq!(
        counts("us_ofac_cons"),
        BTreeMap::from([("Person", 80), ("Organization", 363)])
    );
    assert_eq!(cons.stats.dprk, 0);
}

#[test]
fn csl_has_14160_rows() {
    let csl = dataset("us_trade_csl");
    assert_eq!(csl.stats.total, 14_160);
    assert_eq!(csl.stats.counts.values().sum::<usize>(), 14_160);
    assert_eq!(csl.stats.dprk, 428);
}

#[test]
fn every_dataset_is_bundled_and_dated_as_its_files_say() {
    let names: Vec<_> = catalogue()
        .into_iter()
        .map(|d| (d.name, d.snapshot_date))
        .collect();
    assert_eq!(names.len(), 5);
    for (name, date) in names {
        assert_eq!(dataset(&name).info.snapshot_date, date, "{name}");
        assert!(!dataset(&name).info.publisher.is_empty());
    }
}

#[test]
fn ids_are_unique_and_prefixed_with_their_dataset() {
    for s in bundled() {
        let mut seen = HashSet::new();
        for e in &s.entities {
            assert!(e.id.starts_with(&format!("{}:", s.info.name)), "{}", e.id);
            assert!(seen.insert(e.id.as_str()), "duplicate id {}", e.id);
            assert_eq!(e.referents, std::slice::from_ref(&e.id));
        }
    }
}

#[test]
fn countries_are_iso_codes_and_dates_carry_precision() {
    for s in bundled() {
        for e in &s.entities {
            for p in [
                "country",
                "nationality",
                "citizenship",
                "flag",
                "pastFlags",
                "jurisdiction",
            ] {
                for c in e.get(p) {
                    assert!(countries::is_valid_code(c), "{} {p} {c:?}", e.id);
                }
            }
            for d in e.get("birthDate") {
                assert!(
                    d.parse::<interdict_model::PartialDate>().is_ok(),
                    "{} {d:?}",
                    e.id
                );
            }
            for n in e.get("imoNumber") {
                assert!(n.len() == 10 && n.starts_with("IMO"), "{} {n:?}", e.id);
            }
            assert!(!e.caption().is_empty());
        }
    }
}
