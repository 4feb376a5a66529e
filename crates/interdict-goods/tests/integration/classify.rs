//! Classifier behaviour that the verdicts depend on.
use super::helpers::*;

fn heading(desc: &str) -> Option<String> {
    screener().classify(desc).heading
}

#[test]
fn product_nouns_outweigh_brands() {
    assert_eq!(heading("BMW motorcycle R 1250").as_deref(), Some("8711"));
    assert_eq!(heading("Mercedes-Benz city bus").as_deref(), Some("8702"));
    assert_eq!(heading("Rolls-Royce jet engine").as_deref(), Some("8411"));
}

#[test]
fn parts_and_toys_change_the_heading() {
    assert_eq!(
        heading("spare parts for Aurus Senat").as_deref(),
        Some("8708")
    );
    assert_eq!(
        heading("Rolls-Royce Phantom 1:18 scale model").as_deref(),
        Some("9503")
    );
    assert_eq!(heading("helicopter spare parts").as_deref(), Some("8807"));
}

#[test]
fn decisive_words_and_confidence_are_reported() {
    let c = screener().classify("Mercedes-Maybach S600 Guard");
    assert_eq!(c.heading.as_deref(), Some("8703"));
    assert!(c.armoured && c.luxury);
    assert!(
        c.decisive.iter().any(|w| w.contains("s600")),
        "{:?}",
        c.decisive
    );
    assert!(c.confidence > 0.5);
    let none = screener().classify("assorted goods");
    assert!(none.heading.is_none() && none.confidence < interdict_goods::MIN_CONFIDENCE);
}

#[test]
fn word_boundaries_hold() {
    // "rum" must not fire inside "instrument", nor "gin" inside "engine".
    assert_ne!(heading("surgical instruments").as_deref(), Some("2208"));
    assert_ne!(heading("diesel engine").as_deref(), Some("2208"));
}

#[test]
fn multilingual_descriptions() {
    for (d, h) in [
        ("Водка Столичная", "2208"),
        ("豪华轿车", "8703"),
        ("밍크 코트", "4303"),
        ("ロレックス 腕時計", "9102"),
        ("Шуба норковая", "4303"),
    ] {
        assert_eq!(heading(d).as_deref(), Some(h), "{d}");
    }
}

#[test]
fn every_heading_of_hs_2022_can_be_reached() {
    // Each heading's own English text, given as a description, must rank
    // that heading first for nearly every heading: the index covers the
    // whole nomenclature, not only controlled goods.
    let s = screener();
    let stats = s.index_stats();
    assert_eq!(stats.subheadings, 5613);
    assert_eq!(stats.headings, 1229);
    let n = s.nomenclature();
    let mut headings: Vec<String> = n.codes_of_level(4);
    headings.sort();
    let mut first = 0;
    let mut top_two = 0;
    let mut missed = Vec::new();
    for h in &headings {
        let text = &n.get(h).unwrap().description;
        let c = s.classify(text);
        let top: Vec<&str> = std::iter::once(c.heading.as_deref())
            .chain(c.runner_up.iter().map(|x| Some(x.heading.as_str())))
            .chain(c.candidates.iter().map(|x| Some(x.heading.as_str())))
            .flatten()
            .collect();
        if top.first() == Some(&h.as_str()) {
            first += 1;
        }
        if top.iter().take(2).any(|t| t == h) {
            top_two += 1;
        } else {
            missed.push(h.clone());
        }
    }
    let n = headings.len() as f64;
    let (first, top_two) = (first as f64 / n, top_two as f64 / n);
    assert!(
        first >= 0.75,
        "{first:.3} of headings first for their own text"
    );
    assert!(
        top_two >= 0.9,
        "{top_two:.3} in the top two; missed {missed:?}"
    );
}

#[test]
fn everyday_goods_in_five_languages() {
    for (d, h) in [
        ("rice", "1006"),
        ("рис", "1006"),
        ("쌀", "1006"),
        ("米", "1006"),
        ("大米", "1006"),
        ("치약", "3306"),
        ("зубная паста", "3306"),
        ("歯磨き", "3306"),
        ("diesel locomotive", "8602"),
        ("cast iron radiators", "7322"),
        ("CNC lathe", "8458"),
        ("diesel generating set 500 kVA", "8502"),
    ] {
        assert_eq!(
            heading(d).as_deref(),
            Some(h),
            "{d}: {:?}",
            screener().classify(d)
        );
    }
}

#[test]
fn the_nomenclature_decides_by_material_construction_and_capacity() {
    for (d, h) in [
        ("Rolex Day-Date 18k yellow gold wristwatch", "9101"),
        ("Rolex Submariner stainless steel wristwatch", "9102"),
        ("gold-plated quartz wristwatch", "9102"),
        ("diamond engagement ring, platinum", "7113"),
        ("loose diamonds, 1 ct, unset", "7102"),
        ("hand-knotted wool carpet", "5701"),
        ("tufted nylon carpet", "5703"),
        ("Toyota Hiace Commuter minibus, 15 seats", "8702"),
        ("Toyota Alphard passenger car, 7 seats", "8703"),
        ("Toyota Land Cruiser 300 in CKD kit form", "8703"),
    ] {
        let c = screener().classify(d);
        assert_eq!(c.heading.as_deref(), Some(h), "{d}: {c:?}");
    }
    let c = screener().classify("Toyota Hiace Commuter minibus, 15 seats");
    assert!(
        c.rules.iter().any(|r| r == "vehicle_ten_or_more"),
        "{:?}",
        c.rules
    );
}

#[test]
fn unclassifiable_lines_list_their_candidates() {
    let c = screener().classify("assorted goods");
    assert!(c.heading.is_none());
    let c = screener().classify("Zorblax");
    assert!(c.heading.is_none());
}
