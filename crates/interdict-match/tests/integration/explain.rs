//! Explanations: data and plain words.

use crate::helpers::{entity, query};
use interdict_match::{score_pair, How, MatchConfig, Matcher};
use interdict_model::{prop, Schema};

#[test]
fn hangul_query_explains_the_transliteration() {
    let e = entity("KPi.033", Schema::Person, &[(prop::NAME, "KIM Jong Un")]);
    let s = score_pair(&query(Schema::Person, &[(prop::NAME, "김정은")]), &e);
    let t = s
        .explanation
        .transliteration
        .as_ref()
        .expect("a transliteration");
    assert_eq!(t.original, "김정은");
    assert_eq!(t.latin, "kim jong un");
    let text = s.explanation.to_text();
    assert!(
        text.iter()
            .any(|l| l == "김정은 → kim jong un (Hangul, McCune–Reischauer)"),
        "{text:?}"
    );
}

#[test]
fn romanisation_variants_are_named() {
    let e = entity("X", Schema::Person, &[(prop::NAME, "CHOE Yong Hae")]);
    let s = score_pair(
        &query(Schema::Person, &[(prop::NAME, "Choe Ryong Hae")]),
        &e,
    );
    assert!(s
        .explanation
        .parts
        .iter()
        .any(|p| p.how == How::RomanisationVariant));
    let text = s.explanation.to_text();
    assert!(
        text.iter()
            .any(|l| l == "ryong ≈ yong: romanisation variant"),
        "{text:?}"
    );
}

#[test]
fn adjustments_read_in_plain_words() {
    let e = entity(
        "X",
        Schema::Person,
        &[(prop::NAME, "KIM Jong Un"), (prop::BIRTH_DATE, "1982")],
    );
    let q = query(
        Schema::Person,
        &[(prop::NAME, "Kim Jong Un"), (prop::BIRTH_DATE, "1984")],
    );
    let text = score_pair(&q, &e).explanation.to_text();
    assert!(
        text.iter()
            .any(|l| l == "birth year 1984 vs listed 1982: −0.20"),
        "{text:?}"
    );
}

#[test]
fn unmatched_parts_are_listed() {
    let e = entity("X", Schema::Person, &[(prop::NAME, "Hans Joachim Muller")]);
    let s = score_pair(&query(Schema::Person, &[(prop::NAME, "Hans Muller")]), &e);
    let text = s.explanation.to_text();
    assert!(
        text.iter()
            .any(|l| l == "joachim: listed part not in the query"),
        "{text:?}"
    );
    assert!(text.iter().any(|l| l == "hans = hans: exact"), "{text:?}");
}

#[test]
fn json_carries_data_and_text() {
    let m = Matcher::build(vec![entity(
        "KPi.033",
        Schema::Person,
        &[(prop::NAME, "KIM Jong Un")],
    )]);
    let r = m.search(
        &query(Schema::Person, &[(prop::NAME, "Kim Jong Un")]),
        &MatchConfig::default(),
    );
    let v = serde_json::to_value(&r[0]).expect("serialise");
    assert_eq!(v["id"], "test:KPi.033");
    assert_eq!(v["match"], true);
    assert_eq!(v["schema"], "Person");
    assert_eq!(v["referents"][0], "test:KPi.033");
    assert_eq!(v["explanation"]["parts"][0]["how"]["kind"], "Exact");
    assert!(v["explanation"]["text"]
        .as_array()
        .is_some_and(|a| !a.is_empty()));
}
