//! Tokenising normalised Latin names, with run-together Korean syllables
//! split ("jongun" → "jong", "un").
//!
//! Owns the splitting rule. It must not normalise: callers pass
//! [`crate::normalize`]d text (tokens are split on whitespace only).
//!
//! A token is split only when the whole of it reads as two or three
//! syllables in the *strict* McCune–Reischauer or Revised Romanisation
//! spelling (no variant spellings, so "london" — `l` is never a strict
//! initial — stays whole), with only unambiguous syllable boundaries (no
//! vowel–vowel hiatus and no consonant–vowel liaison except after `ng`:
//! MR and RR would write a hyphen or apostrophe there, and English words
//! such as "korea" or "ali" would otherwise split), no tense initial
//! ("hassan"), at least one syllable with a distinctly Korean spelling
//! (ng, a glide, a vowel digraph, ch or j: "obama" stays whole), and when the
//! token is not one of the generic words of organisation names ("general",
//! "marine"). The first
//! split found taking the longest first syllable wins: "jongun" reads
//! jong-un rather than jon-gun, as in MR names a final ng before a vowel is
//! far more common than a syllable-initial g.

use crate::keys::is_strict_syllable;

/// Tokens of a normalised Latin name, run-together Korean syllables split.
///
/// Splitting happens only when the whole name reads as Korean: every other
/// token is one romanised Korean syllable (in any spelling) or splits too.
/// "kim jongun" → kim, jong, un; but "anna sergeyevna" keeps "anna".
pub fn tokenize(latin: &str) -> Vec<String> {
    let toks: Vec<&str> = latin.split_whitespace().collect();
    let splits: Vec<Option<Vec<&str>>> = toks.iter().map(|t| split_syllables(t)).collect();
    let korean = splits.iter().any(Option::is_some)
        && toks
            .iter()
            .zip(&splits)
            .all(|(t, s)| s.is_some() || is_korean_word(t));
    let mut out = Vec::with_capacity(toks.len() + 2);
    for (tok, split) in toks.iter().zip(splits) {
        match split {
            Some(parts) if korean => out.extend(parts.iter().map(|p| (*p).to_owned())),
            _ => out.push((*tok).to_owned()),
        }
    }
    out
}

/// One romanised Korean syllable in any spelling, or a two-syllable surname.
fn is_korean_word(t: &str) -> bool {
    let mut keys = Vec::new();
    crate::keys::korean_keys_into(t, &mut keys);
    !keys.is_empty() || crate::surnames::is_korean_surname(t)
}

/// The 2–3 syllables of a run-together romanised Korean token, or `None`.
pub(crate) fn split_syllables(tok: &str) -> Option<Vec<&str>> {
    if tok.len() < 3 || tok.len() > 18 || !tok.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if is_strict_syllable(tok) || crate::org::is_generic_word(tok) {
        return None;
    }
    let mut parts = Vec::with_capacity(3);
    if !split_rec(tok, &mut parts) {
        return None;
    }
    if !parts.iter().any(|p| has_korean_mark(p)) {
        return None;
    }
    // A two-syllable surname (namgung, hwangbo) is one name part.
    if parts.len() == 2 && crate::surnames::is_korean_surname(tok) {
        return None;
    }
    Some(parts)
}

fn starts_with_vowel(s: &str) -> bool {
    s.bytes()
        .next()
        .is_some_and(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'y'))
}

fn ends_with_vowel(s: &str) -> bool {
    s.bytes()
        .last()
        .is_some_and(|b| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u'))
}

/// Whether a syllable boundary between `prev` and `head` is unambiguous in
/// MR and RR (which would otherwise write a hyphen or apostrophe there):
/// no vowel–vowel hiatus ("korea" is not ko-re-a), and a final consonant
/// before a vowel only if it is `ng`, which cannot start a syllable
/// ("jongun" is jong-un, but "ali" is not al-i).
fn boundary_ok(prev: &str, head: &str) -> bool {
    if !starts_with_vowel(head) {
        return true;
    }
    !ends_with_vowel(prev) && prev.ends_with("ng")
}

/// Whether a syllable carries a mark of Korean romanisation that English,
/// Arabic or Slavic names rarely produce when cut into CV(C) pieces: the
/// final `ng`, a glide or vowel digraph (y-, w-, eo, eu, ae, oe, ui), or the
/// affricate `ch`. Without one, "obama", "putin" and "hannibal" would read
/// as o-ba-ma, pu-tin and han-ni-bal.
fn has_korean_mark(syllable: &str) -> bool {
    const MARKS: [&str; 10] = ["ng", "y", "w", "eo", "eu", "ae", "oe", "ui", "ch", "j"];
    MARKS.iter().any(|m| syllable.contains(m))
}

/// Tense (doubled) initials ㄲ ㄸ ㅃ ㅆ ㅉ are rare in names and make English
/// double letters look Korean ("hassan" is not ha-ssan).
fn starts_tense(head: &str) -> bool {
    let b = head.as_bytes();
    b.len() >= 2 && b[0] == b[1]
}

fn split_rec<'a>(rest: &'a str, parts: &mut Vec<&'a str>) -> bool {
    if rest.is_empty() {
        return parts.len() >= 2;
    }
    if parts.len() == 3 {
        return false;
    }
    for end in (1..=rest.len().min(7)).rev() {
        let (head, tail) = rest.split_at(end);
        if let Some(prev) = parts.last() {
            if !boundary_ok(prev, head) {
                continue;
            }
        }
        if is_strict_syllable(head) && !starts_tense(head) {
            parts.push(head);
            if split_rec(tail, parts) {
                return true;
            }
            parts.pop();
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_run_together_korean() {
        assert_eq!(tokenize("kim jongun"), ["kim", "jong", "un"]);
        assert_eq!(tokenize("kimjongun"), ["kim", "jong", "un"]);
        assert_eq!(tokenize("ri yongho"), ["ri", "yong", "ho"]);
    }

    #[test]
    fn leaves_other_words_alone() {
        for w in [
            "london", "korea", "general", "ocean", "star", "trading", "marine", "2",
        ] {
            assert_eq!(tokenize(w), [w], "{w}");
        }
        assert_eq!(tokenize("kim"), ["kim"]);
        assert_eq!(tokenize("anna sergeyevna"), ["anna", "sergeyevna"]);
        assert_eq!(tokenize("ali hassan"), ["ali", "hassan"]);
        assert_eq!(tokenize("barak obama"), ["barak", "obama"]);
        assert_eq!(tokenize("putin"), ["putin"]);
        assert_eq!(tokenize("hana lee"), ["hana", "lee"]);
        assert_eq!(tokenize("namgung min"), ["namgung", "min"]);
        assert_eq!(tokenize("hwangbo jongun"), ["hwangbo", "jong", "un"]);
        assert_eq!(tokenize("jong"), ["jong"]);
    }
}
