//! The Korean surname table (Hangul), and surname detection in any
//! romanisation.
//!
//! Owns `data/korean_surnames.tsv` (see its header for the source).
//! Romanisations are not stored: a romanised token is a surname iff one of
//! the syllables it can spell ([`crate::korean_keys`]) is a one-syllable
//! surname, or it is a romanisation variant of the MR or RR spelling of a
//! two-syllable surname. It must not hold given names or famous people.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::hangul::{romanize_mr, romanize_rr};
use crate::keys::{are_romanisation_variants, korean_keys_into, KoreanKey};

const TABLE: &str = include_str!("../data/korean_surnames.tsv");

struct Surnames {
    hangul: HashSet<&'static str>,
    one_syllable: HashSet<KoreanKey>,
    /// MR and RR spellings of the two-syllable surnames.
    two_syllable_latin: Vec<String>,
}

fn surnames() -> &'static Surnames {
    static S: OnceLock<Surnames> = OnceLock::new();
    S.get_or_init(|| {
        let hangul: HashSet<&'static str> = TABLE
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|l| l.split('\t').next())
            .map(str::trim)
            .collect();
        let mut one_syllable = HashSet::new();
        let mut two_syllable_latin = Vec::new();
        for s in &hangul {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    if let Some(off) = (c as u32).checked_sub(0xAC00) {
                        one_syllable.insert(KoreanKey(off as u16));
                    }
                }
                (Some(_), Some(_)) => {
                    two_syllable_latin.push(romanize_mr(s));
                    two_syllable_latin.push(romanize_rr(s));
                }
                _ => {}
            }
        }
        Surnames {
            hangul,
            one_syllable,
            two_syllable_latin,
        }
    })
}

/// Whether `s` (Hangul) is a Korean surname in the table.
pub(crate) fn is_hangul_surname(s: &str) -> bool {
    surnames().hangul.contains(s)
}

/// Whether a normalised romanised token can be a Korean surname in any
/// romanisation: "kim", "gim", "ri", "lee", "rhee", "yi", "park", "choe",
/// "choi", "namgung", "namkung".
pub fn is_korean_surname(token: &str) -> bool {
    let s = surnames();
    let mut keys = Vec::new();
    korean_keys_into(token, &mut keys);
    if keys.iter().any(|k| s.one_syllable.contains(k)) {
        return true;
    }
    token.len() >= 4
        && s.two_syllable_latin
            .iter()
            .any(|l| are_romanisation_variants(token, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_has_one_and_two_syllable_surnames() {
        for s in [
            "김", "이", "리", "박", "최", "남궁", "선우", "황보", "제갈", "독고",
        ] {
            assert!(is_hangul_surname(s), "{s}");
        }
        assert!(!is_hangul_surname("정은"));
    }

    #[test]
    fn surnames_in_any_romanisation() {
        for t in [
            "kim", "gim", "ri", "lee", "rhee", "yi", "i", "park", "pak", "bak", "choe", "choi",
            "chwe", "o", "oh", "namgung", "namkung", "hwangbo", "jegal", "sonu", "seonu",
        ] {
            assert!(is_korean_surname(t), "{t}");
        }
        for t in ["smith", "london", "jongun", "zzz"] {
            assert!(!is_korean_surname(t), "{t}");
        }
    }
}
