//! Reads a Japanese name written in kanji as a given Latin name: can the
//! Latin spelling be cut into one Unihan reading per character (on'yomi or
//! kun'yomi, in Hepburn), allowing the sound changes of Japanese compounds?
//!
//! Japanese names are mostly read by kun'yomi and by name-only readings
//! that no character table lists exhaustively, so a kanji name cannot be
//! transliterated on its own (山田 is "yamada", not the on'yomi "san den").
//! It can, however, be checked against a Latin name it is compared with.
//! This module owns that check and the sound-change rules; the readings come
//! from [`crate::hanja`]. It must not score.

use crate::hanja;

/// Longest name (in characters) the reader tries: names are short, and the
/// search is exponential in the worst case.
const MAX_CHARS: usize = 8;

/// The Latin reading of `han` (kanji, words separated by spaces) that spells
/// the Latin name `latin_parts` (lower-case ASCII parts), if there is one:
/// the parts in the order that matched, joined by spaces ("山田太郎",
/// ["yamada", "taro"] → "yamada taro"). Either name may be family name
/// first. Every character must take one of its readings, each part boundary
/// of the Latin name must fall between characters, and the readings must
/// cover the Latin name exactly.
///
/// A reading may change as it does in compounds and in common Hepburn:
/// - long vowels written short: "ou", "oo" → "o", "uu" → "u" (郎 "rou" → "ro");
/// - rendaku, the voicing of a non-initial character's first consonant:
///   k→g, s/sh→z/j, t/ch/ts→d/j/z, h/f→b/p (田 "ta" → "da" in "Yamada");
/// - kun'yomi given with their okurigana are also tried without the final
///   kana (太 "futoi" → "futo").
pub fn japanese_reading_like(han: &str, latin_parts: &[&str]) -> Option<String> {
    let chars: Vec<char> = han.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.is_empty() || chars.len() > MAX_CHARS || latin_parts.is_empty() {
        return None;
    }
    let options: Vec<Vec<String>> = chars
        .iter()
        .enumerate()
        .map(|(i, _)| readings_at(&chars, i, i > 0))
        .collect::<Option<_>>()?;
    let mut orders: Vec<Vec<&str>> = vec![latin_parts.to_vec()];
    if latin_parts.len() > 1 {
        orders.push(latin_parts.iter().rev().copied().collect());
    }
    for parts in orders {
        let target: String = parts.concat();
        let mut boundaries = Vec::with_capacity(parts.len());
        let mut at = 0;
        for p in &parts[..parts.len() - 1] {
            at += p.len();
            boundaries.push(at);
        }
        if reads(&options, 0, &target, 0, &boundaries) {
            return Some(parts.join(" "));
        }
    }
    None
}

/// Latin words that parts of `han` may be read as in Japanese: every
/// reading (as in [`japanese_reading_like`]) of every run of one or two
/// characters, at most `limit`. For finding candidates in an index of Latin
/// names; [`japanese_reading_like`] then checks the whole name.
pub fn japanese_word_readings(han: &str, limit: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in han.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() > MAX_CHARS {
            continue;
        }
        for start in 0..chars.len() {
            let Some(first) = readings_at(&chars, start, false) else {
                continue;
            };
            out.extend(first.iter().cloned());
            let Some(second) = (start + 1 < chars.len())
                .then(|| readings_at(&chars, start + 1, true))
                .flatten()
            else {
                continue;
            };
            for a in &first {
                out.extend(second.iter().map(|b| format!("{a}{b}")));
            }
        }
    }
    out.retain(|s| s.len() >= 2);
    out.sort_unstable();
    out.dedup();
    out.truncate(limit);
    out
}

/// Whether characters `i..` can read `target[pos..]` exactly, with every
/// part boundary at or after `pos` landing between two characters.
fn reads(
    options: &[Vec<String>],
    i: usize,
    target: &str,
    pos: usize,
    boundaries: &[usize],
) -> bool {
    if i == options.len() {
        return pos == target.len();
    }
    let rest = &target[pos..];
    options[i].iter().any(|r| {
        let end = pos + r.len();
        rest.starts_with(r.as_str())
            // A part boundary may not fall inside one character's reading.
            && !boundaries.iter().any(|&b| b > pos && b < end)
            && reads(options, i + 1, target, end, boundaries)
    })
}

/// The readings of the character at `i`; the iteration mark 々 repeats the
/// character before it, voiced as in a compound (佐々木 "sasaki",
/// 時々 "tokidoki").
fn readings_at(chars: &[char], i: usize, inner: bool) -> Option<Vec<String>> {
    match chars.get(i)? {
        '々' => readings_of(*chars.get(i.checked_sub(1)?)?, true),
        &c => readings_of(c, inner),
    }
}

/// Every spelling of character `c`'s readings, or None if Unihan has no
/// Japanese reading for it. `inner`: not the first character of the name,
/// so rendaku may apply.
fn readings_of(c: char, inner: bool) -> Option<Vec<String>> {
    let r = hanja::readings(c)?;
    let mut base: Vec<String> = r.on().chain(r.kun()).map(str::to_string).collect();
    // Kun'yomi of verbs and adjectives come with okurigana ("futoi"); the
    // stem without its last kana is what names use.
    for k in r.kun() {
        if let Some(stem) = strip_last_kana(k) {
            base.push(stem.to_string());
        }
    }
    if base.is_empty() {
        return None;
    }
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: String| {
        if !s.is_empty() && !out.contains(&s) {
            out.push(s);
        }
    };
    for b in &base {
        let short = shorten_long_vowels(b);
        for s in [b.clone(), short] {
            if inner {
                for v in rendaku(&s) {
                    add(v);
                }
            }
            add(s);
        }
    }
    Some(out)
}

/// "rou" → "ro", "chuu" → "chu", "oo" → "o".
fn shorten_long_vowels(s: &str) -> String {
    s.replace("ou", "o").replace("oo", "o").replace("uu", "u")
}

/// The stem of a kun'yomi without its final kana (a vowel, or consonant and
/// vowel), if at least two letters remain.
fn strip_last_kana(s: &str) -> Option<&str> {
    let bytes = s.as_bytes();
    let last = bytes.len().checked_sub(1)?;
    if !matches!(bytes[last], b'a' | b'e' | b'i' | b'o' | b'u') {
        return None;
    }
    let mut cut = last;
    if cut > 0 && !matches!(bytes[cut - 1], b'a' | b'e' | b'i' | b'o' | b'u') {
        cut -= 1;
    }
    (cut >= 2).then(|| &s[..cut])
}

/// Voiced forms of a reading (rendaku).
fn rendaku(s: &str) -> Vec<String> {
    const CHANGES: [(&str, &[&str]); 7] = [
        ("sh", &["j"]),
        ("ch", &["j"]),
        ("ts", &["z"]),
        ("k", &["g"]),
        ("s", &["z"]),
        ("t", &["d"]),
        ("h", &["b", "p"]),
    ];
    let f = ("f", ["b", "p"].as_slice());
    for (from, to) in CHANGES.iter().copied().chain([f]) {
        if let Some(rest) = s.strip_prefix(from) {
            return to.iter().map(|t| format!("{t}{rest}")).collect();
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kun_readings_with_rendaku_and_short_vowels() {
        assert_eq!(
            japanese_reading_like("山田太郎", &["yamada", "taro"]).as_deref(),
            Some("yamada taro")
        );
        assert_eq!(
            japanese_reading_like("田中花子", &["tanaka", "hanako"]).as_deref(),
            Some("tanaka hanako")
        );
        // Given name first on the Latin side.
        assert_eq!(
            japanese_reading_like("田中花子", &["hanako", "tanaka"]).as_deref(),
            Some("tanaka hanako")
        );
    }

    #[test]
    fn the_iteration_mark_repeats_the_character_before() {
        assert_eq!(
            japanese_reading_like("佐々木", &["sasaki"]).as_deref(),
            Some("sasaki")
        );
        assert_eq!(japanese_reading_like("々", &["sa"]), None);
    }

    #[test]
    fn readings_must_cover_the_name_and_respect_its_parts() {
        assert_eq!(japanese_reading_like("山田太郎", &["yamada"]), None);
        assert_eq!(japanese_reading_like("山田太郎", &["yamadat", "aro"]), None);
        assert_eq!(japanese_reading_like("山田太郎", &["tanaka", "taro"]), None);
        assert_eq!(japanese_reading_like("abc", &["abc"]), None);
    }

    #[test]
    fn word_readings_for_candidates() {
        let r = japanese_word_readings("山田太郎", 2000);
        for w in ["yama", "yamada", "taro", "tarou"] {
            assert!(r.iter().any(|x| x == w), "{w} not in {r:?}");
        }
        assert!(japanese_word_readings("山田太郎", 5).len() <= 5);
    }

    #[test]
    fn sound_changes() {
        assert_eq!(shorten_long_vowels("rou"), "ro");
        assert_eq!(strip_last_kana("futoi"), Some("futo"));
        assert_eq!(strip_last_kana("ko"), None);
        assert_eq!(rendaku("ta"), ["da"]);
        assert_eq!(rendaku("hana"), ["bana", "pana"]);
        assert_eq!(rendaku("shima"), ["jima"]);
    }
}
