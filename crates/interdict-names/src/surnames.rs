//! The Korean surname table (Hangul), and surname detection in any
//! romanisation.
//!
//! Owns `data/korean_surnames.tsv` (see its header for the source).
//! Romanisations are not stored: a romanised token is a surname iff one of
//! the syllables it can spell ([`crate::korean_keys`]) is a one-syllable
//! surname, or it splits into two parts that spell the two syllables of a
//! two-syllable surname. It must not hold given names or famous people.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::keys::{korean_keys_into, KoreanKey};

const TABLE: &str = include_str!("../data/korean_surnames.tsv");

struct Surnames {
    hangul: HashSet<&'static str>,
    one_syllable: HashSet<KoreanKey>,
    /// The two-syllable surnames as syllable keys.
    two_syllable: Vec<(KoreanKey, KoreanKey)>,
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
        let mut two_syllable = Vec::new();
        for s in &hangul {
            let mut chars = s.chars();
            match (chars.next(), chars.next()) {
                (Some(c), None) => {
                    if let Some(k) = key_of(c) {
                        one_syllable.insert(k);
                    }
                }
                (Some(a), Some(b)) => {
                    if let (Some(a), Some(b)) = (key_of(a), key_of(b)) {
                        two_syllable.push((a, b));
                    }
                }
                _ => {}
            }
        }
        Surnames {
            hangul,
            one_syllable,
            two_syllable,
        }
    })
}

fn key_of(c: char) -> Option<KoreanKey> {
    crate::hangul::decompose(c)?;
    Some(KoreanKey((c as u32 - 0xAC00) as u16))
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
    if token.len() < 3 || token.len() > 12 {
        return false;
    }
    // Two syllables: some split point gives a surname's first and second
    // syllable ("namgung" = nam + gung, "sonu" = so + nu or son + u).
    let mut first = Vec::new();
    let mut second = Vec::new();
    for i in 1..token.len() {
        let (Some(a), Some(b)) = (token.get(..i), token.get(i..)) else {
            continue;
        };
        first.clear();
        korean_keys_into(a, &mut first);
        if first.is_empty() {
            continue;
        }
        second.clear();
        korean_keys_into(b, &mut second);
        if s.two_syllable
            .iter()
            .any(|(x, y)| first.contains(x) && second.contains(y))
        {
            return true;
        }
    }
    false
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
