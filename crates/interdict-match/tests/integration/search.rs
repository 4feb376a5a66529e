//! Searching an index of a few hand-built listings.

use crate::helpers::{entity, query};
use interdict_match::{MatchConfig, Matcher};
use interdict_model::{prop, Schema};

fn listings() -> Matcher {
    Matcher::build(vec![
        entity(
            "KPi.033",
            Schema::Person,
            &[
                (prop::NAME, "KIM Jong Un"),
                (prop::BIRTH_DATE, "1984-01-08"),
                (prop::NATIONALITY, "kp"),
            ],
        ),
        entity(
            "KPi.001",
            Schema::Person,
            &[(prop::NAME, "KIM Jong Il"), (prop::BIRTH_DATE, "1941")],
        ),
        entity("KPi.077", Schema::Person, &[(prop::NAME, "HAN YU RO")]),
        entity(
            "KPi.900",
            Schema::Person,
            &[
                (prop::NAME, "CHOE Ryong Hae"),
                (prop::ALIAS, "Choe Ryong-hae"),
            ],
        ),
        entity(
            "V1",
            Schema::Vessel,
            &[
                (prop::NAME, "OCEAN STAR 1"),
                (prop::IMO_NUMBER, "IMO 8910500"),
            ],
        ),
        entity(
            "V2",
            Schema::Vessel,
            &[(prop::NAME, "CHON MA SAN"), (prop::IMO_NUMBER, "9114555")],
        ),
        entity(
            "E1",
            Schema::Company,
            &[(prop::NAME, "Korea Ryonbong General Corporation")],
        ),
        entity("J1", Schema::Person, &[(prop::NAME, "YAMADA Taro")]),
        entity("J2", Schema::Person, &[(prop::NAME, "YAMADA Hanako")]),
        entity("C1", Schema::Person, &[(prop::NAME, "Xi Jinping")]),
    ])
}

#[test]
fn kanji_finds_its_japanese_reading() {
    let m = listings();
    let results = m.search(
        &query(Schema::Person, &[(prop::NAME, "山田太郎")]),
        &MatchConfig::default(),
    );
    assert_eq!(
        results.first().map(|r| r.id.as_str()),
        Some("test:J1"),
        "{results:#?}"
    );
    assert!(results[0].is_match);
    assert!(results.iter().all(|r| r.id != "test:J2" || !r.is_match));
}

#[test]
fn wade_giles_finds_pinyin() {
    let m = listings();
    let results = m.search(
        &query(Schema::Person, &[(prop::NAME, "Hsi Chin-ping")]),
        &MatchConfig::default(),
    );
    assert_eq!(
        results.first().map(|r| r.id.as_str()),
        Some("test:C1"),
        "{results:#?}"
    );
    assert!(results[0].is_match);
}

#[test]
fn cross_script_queries_find_kim_jong_un_first() {
    let m = listings();
    for name in [
        "김정은",
        "金正恩",
        "Ким Чен Ын",
        "Jong Un Kim",
        "Kim Jeong-eun",
    ] {
        let r = m.search(
            &query(Schema::Person, &[(prop::NAME, name)]),
            &MatchConfig::default(),
        );
        assert_eq!(
            r.first().map(|r| r.id.as_str()),
            Some("test:KPi.033"),
            "{name}: {r:?}"
        );
        assert!(r[0].is_match, "{name}: {}", r[0].score);
    }
}

#[test]
fn a_typo_in_a_short_syllable_is_found() {
    let m = listings();
    let r = m.search(
        &query(Schema::Person, &[(prop::NAME, "HAN YYU-RO")]),
        &MatchConfig::default(),
    );
    assert_eq!(r[0].id, "test:KPi.077");
    assert!(r[0].is_match);
}

#[test]
fn birth_date_separates_namesakes() {
    let m = listings();
    let q = query(
        Schema::Person,
        &[(prop::NAME, "Kim Jong Un"), (prop::BIRTH_DATE, "1984")],
    );
    let r = m.search(&q, &MatchConfig::default());
    assert_eq!(r[0].id, "test:KPi.033");
    assert!(r.iter().skip(1).all(|x| x.score < 0.7));
}

#[test]
fn imo_number_finds_the_vessel_under_another_name() {
    let m = listings();
    let q = query(
        Schema::Vessel,
        &[(prop::NAME, "Sea Breeze"), (prop::IMO_NUMBER, "IMO9114555")],
    );
    let r = m.search(&q, &MatchConfig::default());
    assert_eq!(r[0].id, "test:V2");
    assert!(r[0].score >= 0.95);
    // An identifier alone is enough.
    let q = query(Schema::Vessel, &[(prop::IMO_NUMBER, "9114555")]);
    assert_eq!(m.search(&q, &MatchConfig::default())[0].id, "test:V2");
}

#[test]
fn a_person_query_never_returns_a_vessel() {
    let m = listings();
    let r = m.search(
        &query(Schema::Person, &[(prop::NAME, "Ocean Star")]),
        &MatchConfig::default(),
    );
    assert!(r.iter().all(|x| x.schema != Schema::Vessel), "{r:?}");
    let r = m.search(
        &query(Schema::Vessel, &[(prop::NAME, "Ocean Star 2")]),
        &MatchConfig::default(),
    );
    assert!(r.iter().all(|x| !x.is_match), "{r:?}");
}

#[test]
fn config_limits_and_filters() {
    let m = listings();
    let q = query(Schema::Person, &[(prop::NAME, "Kim Jong")]);
    let cfg = MatchConfig {
        threshold: 0.7,
        limit: 1,
        datasets: None,
    };
    assert!(m.search(&q, &cfg).len() <= 1);
    let cfg = MatchConfig {
        datasets: Some(vec!["other".into()]),
        ..MatchConfig::default()
    };
    assert!(m
        .search(&query(Schema::Person, &[(prop::NAME, "Kim Jong Un")]), &cfg)
        .is_empty());
    let cfg = MatchConfig {
        threshold: 0.999,
        ..MatchConfig::default()
    };
    let r = m.search(
        &query(Schema::Person, &[(prop::NAME, "Choi Ryong Hae")]),
        &cfg,
    );
    assert_eq!(r[0].id, "test:KPi.900");
    assert!(!r[0].is_match);
}

#[test]
fn results_are_ordered_and_unique_per_entity() {
    let m = listings();
    let r = m.search(
        &query(Schema::Person, &[(prop::NAME, "Choe Ryong Hae")]),
        &MatchConfig::default(),
    );
    assert_eq!(r.iter().filter(|x| x.id == "test:KPi.900").count(), 1);
    assert!(r.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn get_and_len() {
    let m = listings();
    assert_eq!(m.len(), 10);
    assert!(!m.is_empty());
    assert_eq!(m.get("test:V2").map(|e| e.caption()), Some("CHON MA SAN"));
    assert!(m.get("test:nope").is_none());
}

#[test]
fn near_misses_are_shown_marked_not_a_match() {
    let m = Matcher::build(vec![entity(
        "KPe.1",
        Schema::Company,
        &[(prop::NAME, "SINSONG MACHINERY JOINT VENTURE CORPORATION")],
    )]);
    let r = m.search(
        &query(Schema::Company, &[(prop::NAME, "Sinsong Machine Tool")]),
        &MatchConfig::default(),
    );
    let first = r.first().expect("the near miss is shown");
    assert_eq!(first.id, "test:KPe.1");
    assert!(!first.is_match, "{}", first.score);
    assert!(first.score >= interdict_match::weights::MIN_RESULT_SCORE);
    assert!(!first.explanation.to_text().is_empty());
}

#[test]
fn a_chinese_company_name_finds_its_english_listing() {
    let m = Matcher::build(vec![
        entity(
            "20564",
            Schema::Organization,
            &[(
                prop::NAME,
                "DANDONG HONGXIANG INDUSTRIAL DEVELOPMENT CO LTD",
            )],
        ),
        entity("KPi.1", Schema::Person, &[(prop::NAME, "RI Hong Sang")]),
    ]);
    let r = m.search(
        &query(Schema::Company, &[(prop::NAME, "丹東鴻祥實業發展有限公司")]),
        &MatchConfig::default(),
    );
    assert_eq!(r[0].id, "test:20564");
    assert!(r[0].is_match);
}

#[test]
fn a_name_in_chinese_characters_finds_the_same_characters_among_many_readings() {
    // Twenty listed names spelled like the query's pinyin reading would
    // fill the candidates if the characters had no candidate search of
    // their own; the simplified query meets the traditional listing.
    let mut listed: Vec<_> = (1..=20)
        .map(|i| {
            entity(
                &format!("D{i}"),
                Schema::Company,
                &[(
                    prop::NAME,
                    &*format!("ZHANG AN HAI LIAN JI SHU YOU XIAN GONG SI {i}"),
                )],
            )
        })
        .collect();
    listed.push(entity(
        "KPe.055",
        Schema::Company,
        &[
            (prop::NAME, "CHANG AN SHIPPING & TECHNOLOGY"),
            (prop::ALIAS, "長安海連技術有限公司"),
        ],
    ));
    let m = Matcher::build(listed);
    let r = m.search(
        &query(Schema::Company, &[(prop::NAME, "长安海连技术有限公司")]),
        &MatchConfig::default(),
    );
    assert_eq!(
        r[0].id,
        "test:KPe.055",
        "{:?}",
        r.iter().map(|x| (&x.id, x.score)).collect::<Vec<_>>()
    );
    assert!(r[0].is_match);
}

/// Many listed people share a frequent given name; one has the family name
/// the query misspells. Candidates that meet every part of the query,
/// however loosely, go before those that meet the given name alone.
#[test]
fn a_name_meeting_every_part_loosely_outranks_a_frequent_given_name() {
    // 64 family names built from syllables ("Kovaleov" …), none like Miller.
    let syllables = ["ko", "va", "le", "ni", "ro", "sa", "du", "ta"];
    let surnames: Vec<String> = (0..64)
        .map(|i| format!("{}{}ov", syllables[i / 8], syllables[i % 8]))
        .collect();
    let mut listed: Vec<_> = surnames
        .iter()
        .enumerate()
        .map(|(i, s)| {
            entity(
                &format!("P{i}"),
                Schema::Person,
                &[(prop::NAME, &format!("{}, Aleksey", s.to_uppercase()))],
            )
        })
        .collect();
    // Other people, so that a given name met 64 times is as rare as in a
    // real list of thousands.
    listed.extend((0..4096).map(|i| {
        let name = format!(
            "{}{}{} {}{}",
            syllables[i % 8],
            syllables[(i / 8) % 8],
            syllables[(i / 64) % 8],
            syllables[(i / 512) % 8],
            syllables[(i / 7) % 8],
        );
        entity(&format!("F{i}"), Schema::Person, &[(prop::NAME, &name)])
    }));
    listed.push(entity(
        "M1",
        Schema::Person,
        &[(prop::NAME, "MILLER, Alexey Borisovich")],
    ));
    let m = Matcher::build(listed);
    let results = m.search(
        &query(Schema::Person, &[(prop::NAME, "Aleksey Miler")]),
        &MatchConfig::default(),
    );
    assert_eq!(results.first().map(|r| r.id.as_str()), Some("test:M1"));
}
