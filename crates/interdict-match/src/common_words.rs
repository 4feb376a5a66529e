//! How common a word is across the names of every listed organisation, as
//! a weight (`data/org_word_weights.tsv`, written by
//! `examples/org_word_weights.rs` from the bundled lists): "company" 0.18,
//! "trading" 0.41, "machinery" 0.72, a word in at most 8 organisations 1.
//! Words commoner in people's names than in organisations' are not in the
//! table.
//!
//! This module owns the table; it must not align names.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/org_word_weights.tsv");

fn table() -> &'static FxHashMap<&'static str, f64> {
    static T: OnceLock<FxHashMap<&'static str, f64>> = OnceLock::new();
    T.get_or_init(|| {
        TABLE
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                let word = cols.next()?;
                let weight: f64 = cols.next()?.parse().ok()?;
                (weight > 0.0 && weight <= 1.0).then_some((word, weight))
            })
            .collect()
    })
}

/// The weight of a (normalised) word from its frequency across listed
/// organisations' names: 1 for rare words and words not in the table.
pub(crate) fn frequency_weight(word: &str) -> f64 {
    table().get(word).copied().unwrap_or(1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words_weigh_less() {
        assert!(frequency_weight("company") < 0.3);
        assert!(frequency_weight("trading") < frequency_weight("machinery"));
        assert_eq!(frequency_weight("kwangson"), 1.0);
        // People's names are not generic words.
        assert_eq!(frequency_weight("ali"), 1.0);
        assert!(table().len() > 500);
    }
}
