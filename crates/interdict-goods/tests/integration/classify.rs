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
    assert!(none.heading.is_none() && none.confidence == 0.0);
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
