//! Hostile queries (the table in docs/RELIABILITY.md): over the name limits
//! they are refused with a reason before any search; control and
//! direction-override characters do not hide a listed name.

use crate::helpers::{entity, query};
use interdict_match::{MatchConfig, Matcher, Query, QueryError, MAX_NAME_VALUES};
use interdict_model::limits::{MAX_NAME_CHARS, MAX_NAME_PARTS};
use interdict_model::{prop, Schema};

fn refusal(q: &Query) -> String {
    match q.validate() {
        Err(e) => e.to_string(),
        Ok(()) => panic!("accepted"),
    }
}

#[test]
fn a_10000_character_name_is_refused_with_a_reason() {
    let q = query(Schema::Person, &[(prop::NAME, &"KIM ".repeat(2_500))]);
    assert_eq!(
        refusal(&q),
        format!("query \"q\": name 0: the name has 9999 characters; at most {MAX_NAME_CHARS} are searched")
    );
    let json = format!(
        r#"{{"id":"x","properties":{{"alias":["KIM","{}"]}}}}"#,
        "x".repeat(10_000)
    );
    assert!(matches!(
        Query::from_json(&json),
        Err(QueryError::NameLimit { ref property, index: 1, .. }) if property == "alias"
    ));
}

#[test]
fn a_name_of_1000_parts_is_refused_with_a_reason() {
    // 1,000 parts need at least 1,999 characters: the length limit answers first.
    let q = query(Schema::Person, &[(prop::NAME, &vec!["A"; 1_000].join(" "))]);
    assert_eq!(
        refusal(&q),
        format!("query \"q\": name 0: the name has 1999 characters; at most {MAX_NAME_CHARS} are searched")
    );
    let q = query(
        Schema::Person,
        &[(prop::NAME, &vec!["A"; MAX_NAME_PARTS + 1].join(" "))],
    );
    assert_eq!(
        refusal(&q),
        format!(
            "query \"q\": name 0: the name has 101 parts; at most {MAX_NAME_PARTS} are searched"
        )
    );
}

#[test]
fn more_names_than_the_limit_are_refused() {
    let mut q = query(Schema::Person, &[]);
    for i in 0..=MAX_NAME_VALUES {
        q.add(prop::ALIAS, &format!("KIM {i}"));
    }
    q.add(prop::NAME, "KIM Jong Un");
    assert_eq!(
        refusal(&q),
        format!("query \"q\": 101 values of alias; at most {MAX_NAME_VALUES} are searched")
    );
}

#[test]
fn names_at_the_limits_are_searched() {
    let m = Matcher::build(vec![entity(
        "KPi.033",
        Schema::Person,
        &[(prop::NAME, "KIM Jong Un")],
    )]);
    let mut padded = "KIM Jong Un ".to_string();
    while padded.split_whitespace().count() < MAX_NAME_PARTS {
        padded.push_str("x ");
    }
    let q = query(Schema::Person, &[(prop::NAME, padded.trim())]);
    assert_eq!(q.validate().ok(), Some(()));
    // Searched to the end (it scores low: 97 parts are unmatched).
    let _ = m.search(&q, &MatchConfig::default());
}

#[test]
fn direction_overrides_and_nul_do_not_hide_a_listed_name() {
    let m = Matcher::build(vec![entity(
        "KPi.033",
        Schema::Person,
        &[(prop::NAME, "KIM Jong Un")],
    )]);
    for name in [
        "\u{202E}KIM Jong Un\u{202C}",
        "KIM\u{200F} Jong\u{0000} Un",
        "KIM Jong\u{2066} Un",
    ] {
        let q = query(Schema::Person, &[(prop::NAME, name)]);
        let results = m.search(&q, &MatchConfig::default());
        let best = results
            .first()
            .unwrap_or_else(|| panic!("{name:?} finds nothing"));
        assert_eq!(best.id, "test:KPi.033", "{name:?}");
        assert!(
            best.score >= MatchConfig::default().threshold,
            "{name:?}: {}",
            best.score
        );
    }
}
