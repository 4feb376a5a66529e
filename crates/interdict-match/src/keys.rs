//! Candidate-generation keys of a name part: the exact part, its Korean
//! romanisation keys, its phonetic key, its consonant skeleton, and its
//! one-deletion neighbourhood (so "yyu" and "yu", or a one-letter typo in a
//! long part, share a key). Keys are 64-bit hashes of (kind, bytes); a rare
//! collision only adds a candidate, which the scorer then rejects.
//!
//! This module makes keys; it must not store or weigh postings.

use crate::analyse::{PartKind, Tok};
use crate::weights as w;
use smallvec::SmallVec;
use std::hash::{Hash, Hasher};

/// The kinds of key, each with its own weight in candidate generation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub(crate) enum KeyKind {
    Exact = 1,
    Korean = 2,
    Phonetic = 3,
    Deletion = 4,
    Skeleton = 5,
    /// Two adjacent parts written together ("jan daniel" → "jandaniel").
    Pair = 6,
    /// A Mandarin syllable sequence the part spells (pinyin or Wade–Giles).
    Chinese = 7,
    /// The initials of a run of words ("People's Liberation Army" → "pla"),
    /// met by a query part spelt that way.
    Acronym = 8,
}

impl KeyKind {
    pub(crate) fn weight(self) -> f32 {
        match self {
            KeyKind::Exact => w::KEY_EXACT,
            KeyKind::Korean => w::KEY_KOREAN,
            KeyKind::Phonetic => w::KEY_PHONETIC,
            KeyKind::Deletion => w::KEY_DELETION,
            KeyKind::Skeleton => w::KEY_SKELETON,
            KeyKind::Pair => w::KEY_PAIR,
            KeyKind::Chinese => w::KEY_CHINESE,
            KeyKind::Acronym => w::KEY_ACRONYM,
        }
    }
}

pub(crate) fn key(kind: KeyKind, bytes: &[u8]) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    (kind as u8).hash(&mut h);
    bytes.hash(&mut h);
    h.finish()
}

/// Longest part whose deletion neighbourhood is indexed; longer parts are
/// found by their exact, phonetic and skeleton keys.
const MAX_DELETION_LEN: usize = 24;

/// Every key of a part with its weight share (keys that come in groups, such
/// as the deletion neighbourhood, share their kind's weight).
pub(crate) fn part_keys(t: &Tok, out: &mut SmallVec<[(u64, KeyKind, f32); 24]>) {
    let text = t.text.as_bytes();
    out.push((key(KeyKind::Exact, text), KeyKind::Exact, 1.0));
    if !matches!(t.kind, PartKind::Word | PartKind::Particle) || !t.text.is_ascii() {
        return;
    }
    // Latin x is кс / ξ transliterated back as "ks" ("Expobank" /
    // "Ekspobank"), as the scorer compares them (`similarity::x_as_ks`).
    if t.text.contains('x') {
        let ks = t.text.replace('x', "ks");
        out.push((key(KeyKind::Exact, ks.as_bytes()), KeyKind::Exact, 1.0));
    }
    let nk = t.korean.len() as f32;
    for k in &t.korean {
        out.push((
            key(KeyKind::Korean, &k.0.to_le_bytes()),
            KeyKind::Korean,
            1.0 / nk,
        ));
    }
    chinese_part_keys(&t.chinese, out);
    if !t.phonetic.is_empty() {
        out.push((
            key(KeyKind::Phonetic, t.phonetic.as_bytes()),
            KeyKind::Phonetic,
            1.0,
        ));
    }
    if t.skeleton.len() >= 2 {
        out.push((
            key(KeyKind::Skeleton, t.skeleton.as_bytes()),
            KeyKind::Skeleton,
            1.0,
        ));
    }
    if text.len() >= 2 && text.len() <= MAX_DELETION_LEN {
        let share = 1.0 / (text.len() as f32 + 1.0);
        // The part itself, so that a part one letter longer finds it.
        out.push((key(KeyKind::Deletion, text), KeyKind::Deletion, share));
    }
    if text.len() >= 3 && text.len() <= MAX_DELETION_LEN {
        let share = 1.0 / (text.len() as f32 + 1.0);
        let mut buf: SmallVec<[u8; MAX_DELETION_LEN]> = SmallVec::new();
        for i in 0..text.len() {
            // Deleting either letter of a doubled pair gives the same key.
            if i > 0 && text[i] == text[i - 1] {
                continue;
            }
            buf.clear();
            buf.extend_from_slice(&text[..i]);
            buf.extend_from_slice(&text[i + 1..]);
            out.push((key(KeyKind::Deletion, &buf), KeyKind::Deletion, share));
        }
    }
}

/// The keys of Mandarin syllable sequences (from [`interdict_names::chinese_keys`]).
pub(crate) fn chinese_part_keys(keys: &[u64], out: &mut SmallVec<[(u64, KeyKind, f32); 24]>) {
    let n = keys.len() as f32;
    for k in keys {
        out.push((
            key(KeyKind::Chinese, &k.to_le_bytes()),
            KeyKind::Chinese,
            1.0 / n,
        ));
    }
}

/// The initials of every run of two or more consecutive words of a name
/// (particles skipped), as strings: runs of two words for a person (double
/// initials, "jc" for "Jean Claude"), two to six for others. Mirrors the
/// scorer's acronym rule (`align::acronyms`).
pub(crate) fn run_initials(toks: &[&Tok], person: bool) -> SmallVec<[SmallVec<[u8; 6]>; 8]> {
    let longest = if person { 2 } else { 6 };
    let words: SmallVec<[u8; 16]> = toks
        .iter()
        .filter(|t| t.kind == PartKind::Word)
        .filter_map(|t| t.text.as_bytes().first().copied())
        .filter(u8::is_ascii_lowercase)
        .take(16)
        .collect();
    let mut out = SmallVec::new();
    for start in 0..words.len() {
        for len in 2..=longest.min(words.len() - start) {
            out.push(words[start..start + len].iter().copied().collect());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::kind_of;

    fn keys(s: &str) -> Vec<u64> {
        let mut v = SmallVec::new();
        part_keys(&Tok::new(s, kind_of(s)), &mut v);
        v.into_iter().map(|(k, _, _)| k).collect()
    }

    #[test]
    fn one_typo_shares_a_deletion_key() {
        let a = keys("yyu");
        assert!(keys("yu").iter().any(|k| a.contains(k)));
        let b = keys("buchenberg");
        assert!(keys("buchenbergo").iter().any(|k| b.contains(k)));
        assert!(!keys("kim").iter().any(|k| keys("pak").contains(k)));
    }

    #[test]
    fn x_shares_a_key_with_ks() {
        let a = keys("expobank");
        assert!(keys("ekspobank").iter().any(|k| a.contains(k)));
    }
}
