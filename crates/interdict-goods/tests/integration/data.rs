//! The bundled data is complete and self-consistent.
use super::helpers::*;
use interdict_goods::JURISDICTIONS;

#[test]
fn nomenclature_and_rules_load() {
    let s = screener();
    assert!(s.nomenclature().len() > 6_900);
    assert!(s.rules().len() >= 99);
    for j in JURISDICTIONS {
        assert!(s.rules().iter().any(|r| r.jurisdiction == j), "{j}");
    }
}

#[test]
fn every_rule_carries_a_status_and_a_source() {
    for r in screener().rules() {
        assert!(
            matches!(
                r.verification.as_str(),
                "verified" | "secondary" | "unverified"
            ),
            "{}",
            r.id
        );
        assert!(r.source_url.starts_with("http"), "{} has no source", r.id);
        assert!(!r.verification_note.is_empty(), "{} has no note", r.id);
    }
}

#[test]
fn vocabulary_codes_exist_in_hs_2022() {
    let s = screener();
    for t in s.vocabulary().terms() {
        if !t.hs.is_empty() {
            assert!(
                s.nomenclature().get(&t.hs).is_some(),
                "{} → {} not in HS 2022",
                t.term,
                t.hs
            );
        }
    }
}

#[test]
fn deciding_rules_cite_the_nomenclature() {
    let s = screener();
    assert!(s.deciding_rules().len() >= 15);
    for r in s.deciding_rules() {
        assert!(!r.citation.is_empty(), "{}", r.id);
        for h in r.scope() {
            assert!(s.nomenclature().get(h).is_some(), "{}: {h}", r.id);
        }
        if !r.target.is_empty() {
            assert!(r.scope().contains(&r.target) || s.nomenclature().get(&r.target).is_some());
        }
    }
}
