//! Korean romanisation-variant keys.
//!
//! Owns the spelling tables — how each initial, medial and final jamo is
//! written — and the parser that reads a romanised token back into every
//! Hangul syllable it can spell. Two tokens are romanisation variants iff
//! they can spell a common syllable. It must not hold lists of names: the
//! answer for "Ri"/"Lee"/"Yi" falls out of the tables and the initial-sound
//! rule, not from a table of surnames.
//!
//! The **strict** spellings are generated from the McCune–Reischauer and
//! Revised Romanisation tables of [`crate::hangul`] (plus MR's unvoiced `ch`
//! for ㅈ). The **variant** spellings are the documented alternatives the
//! lists and passports use: breves and apostrophes already dropped by
//! `normalize` (ŏ→o, ŭ→u, ch'→ch); unreleased doubled consonants written
//! single (kk→k); Yale's aspirates and diphthongs (kh, th, ph, ay, ey, oy,
//! uy); the English-style spellings of South Korean passports (ee for ㅣ, oo
//! for ㅜ, u for ㅓ as in "Sung", oi/we for ㅚ, ae/e, l/rh for ㄹ, and a silent
//! h or r after a vowel: "Oh", "Ahn", "Park"). Finally the initial-sound
//! rule (두음법칙) that makes South Korean 이/유/노 of DPRK 리/류/로: ㄹ reads
//! as ㄴ, and ㄹ or ㄴ before i/y reads as silent ㅇ.

use crate::hangul::{
    compose, Jamo, FINAL_MR, FINAL_RR, INITIAL_MR, INITIAL_RR, MEDIAL_MR, MEDIAL_RR,
};
use std::sync::OnceLock;

/// A Hangul syllable (its offset from U+AC00) that a romanised token can
/// spell. Ordered and hashable so the matcher can index by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KoreanKey(pub u16);

impl KoreanKey {
    /// The Hangul syllable this key stands for.
    pub fn syllable(self) -> char {
        char::from_u32(0xAC00 + u32::from(self.0)).unwrap_or('\u{FFFD}')
    }
}

/// Documented variant spellings of the 19 initials (index → spellings).
const INITIAL_VARIANTS: [&[&str]; 19] = [
    &[],                       // ㄱ (k, g strict)
    &["gg", "k", "g"],         // ㄲ
    &[],                       // ㄴ
    &[],                       // ㄷ (t, d)
    &["dd", "t", "d"],         // ㄸ
    &["l", "rh", "lh"],        // ㄹ
    &[],                       // ㅁ
    &[],                       // ㅂ (p, b)
    &["bb", "p", "b"],         // ㅃ
    &["sh"],                   // ㅅ
    &["s", "sh"],              // ㅆ
    &[],                       // ㅇ
    &["c", "tj"],              // ㅈ (j, ch)
    &["tch", "ch", "j", "cc"], // ㅉ
    &["chh", "tsh"],           // ㅊ
    &["kh"],                   // ㅋ
    &["th"],                   // ㅌ
    &["ph", "f"],              // ㅍ
    &[],                       // ㅎ
];
/// Documented variant spellings of the 21 medials.
const MEDIAL_VARIANTS: [&[&str]; 21] = [
    &[],                        // ㅏ
    &["e", "ai", "ay"],         // ㅐ
    &[],                        // ㅑ
    &["ye", "yai", "yay"],      // ㅒ
    &["u"],                     // ㅓ (o, eo)
    &["ey", "ae"],              // ㅔ
    &["yu"],                    // ㅕ (yo, yeo)
    &["yey"],                   // ㅖ
    &[],                        // ㅗ
    &["oa"],                    // ㅘ
    &["we", "wai"],             // ㅙ
    &["oi", "we", "oy", "wae"], // ㅚ
    &[],                        // ㅛ
    &["oo", "ou", "woo"],       // ㅜ
    &["weo", "wu"],             // ㅝ
    &[],                        // ㅞ
    &["wee"],                   // ㅟ
    &["yoo", "you"],            // ㅠ
    &[],                        // ㅡ (u, eu)
    &["eui", "yi", "uy"],       // ㅢ
    &["ee", "yi"],              // ㅣ
];
/// Variant spellings of the finals that occur in names.
const FINAL_VARIANTS: [&[&str]; 28] = {
    let mut v: [&[&str]; 28] = [&[]; 28];
    v[1] = &["g"]; // ㄱ
    v[7] = &["d"]; // ㄷ
    v[8] = &["r"]; // ㄹ (Kim Ir Sen)
    v[17] = &["b"]; // ㅂ
    v
};
/// Finals considered when reading a token back: those of Sino-Korean
/// syllables (ㄱ ㄴ ㄹ ㅁ ㅂ ㅇ) plus ㄷ and ㅅ of native names. Complex and
/// rare finals would only add keys nobody writes.
const NAME_FINALS: [u8; 9] = [0, 1, 4, 7, 8, 16, 17, 19, 21];

/// One spelling of one jamo.
#[derive(Debug, Clone, Copy)]
struct Spelling {
    text: &'static str,
    jamo: u8,
    strict: bool,
}

/// Spellings grouped by their first letter (`a`..=`z`), so the parser only
/// tries the few that can match; the silent initial ㅇ is kept apart.
struct ByLetter {
    groups: [Vec<Spelling>; 26],
    empty: Vec<Spelling>,
}

impl ByLetter {
    fn new(all: Vec<Spelling>) -> Self {
        let mut groups: [Vec<Spelling>; 26] = Default::default();
        let mut empty = Vec::new();
        for sp in all {
            match sp.text.bytes().next() {
                Some(b @ b'a'..=b'z') => groups[usize::from(b - b'a')].push(sp),
                Some(_) => {}
                None => empty.push(sp),
            }
        }
        Self { groups, empty }
    }

    /// Spellings that may prefix `s` (the empty spelling always may).
    fn candidates(&self, s: &[u8]) -> impl Iterator<Item = &Spelling> {
        let group = match s.first() {
            Some(b @ b'a'..=b'z') => &self.groups[usize::from(b - b'a')][..],
            _ => &[][..],
        };
        self.empty.iter().chain(group)
    }
}

struct Tables {
    initials: ByLetter,
    medials: ByLetter,
    finals: ByLetter,
}

fn add(out: &mut Vec<Spelling>, text: &'static str, jamo: u8, strict: bool) {
    if let Some(s) = out.iter_mut().find(|s| s.text == text && s.jamo == jamo) {
        s.strict |= strict;
    } else {
        out.push(Spelling { text, jamo, strict });
    }
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut initials = Vec::new();
        for j in 0..19u8 {
            let i = usize::from(j);
            add(&mut initials, INITIAL_MR[i], j, true);
            add(&mut initials, INITIAL_RR[i], j, true);
            for v in INITIAL_VARIANTS[i] {
                add(&mut initials, v, j, false);
            }
        }
        // MR writes ㅈ as unvoiced "ch" at the start of a word (LoC tables).
        add(&mut initials, "ch", 12, true);
        let mut medials = Vec::new();
        for j in 0..21u8 {
            let i = usize::from(j);
            add(&mut medials, MEDIAL_MR[i], j, true);
            add(&mut medials, MEDIAL_RR[i], j, true);
            for v in MEDIAL_VARIANTS[i] {
                add(&mut medials, v, j, false);
            }
        }
        let mut finals = Vec::new();
        for j in NAME_FINALS {
            let i = usize::from(j);
            add(&mut finals, FINAL_MR[i], j, true);
            add(&mut finals, FINAL_RR[i], j, true);
            for v in FINAL_VARIANTS[i] {
                add(&mut finals, v, j, false);
            }
        }
        Tables {
            initials: ByLetter::new(initials),
            medials: ByLetter::new(medials),
            finals: ByLetter::new(finals),
        }
    })
}

/// Reads `s` as exactly one syllable and pushes every syllable it spells
/// (unsorted, without duplicates).
fn parse_one(s: &[u8], strict: bool, out: &mut Vec<KoreanKey>) {
    let t = tables();
    for ini in t.initials.candidates(s).filter(|x| !strict || x.strict) {
        let Some(rest) = s.strip_prefix(ini.text.as_bytes()) else {
            continue;
        };
        for med in t.medials.candidates(rest).filter(|x| !strict || x.strict) {
            let Some(fin_text) = rest.strip_prefix(med.text.as_bytes()) else {
                continue;
            };
            for fin in t
                .finals
                .candidates(fin_text)
                .filter(|x| (!strict || x.strict) && x.text.as_bytes() == fin_text)
            {
                push_with_initial_rule(ini.jamo, med.jamo, fin.jamo, strict, out);
            }
        }
    }
}

/// Medials that start with an i or y sound (ㅑㅒㅕㅖㅛㅠㅣ), before which
/// the initial-sound rule silences ㄹ and ㄴ.
fn is_iotated(medial: u8) -> bool {
    matches!(medial, 2 | 3 | 6 | 7 | 12 | 17 | 20)
}

fn push_with_initial_rule(
    initial: u8,
    medial: u8,
    fin: u8,
    strict: bool,
    out: &mut Vec<KoreanKey>,
) {
    let mut push = |i: u8| {
        if let Some(c) = compose(Jamo {
            initial: i,
            medial,
            fin,
        }) {
            out.push(KoreanKey((c as u32 - 0xAC00) as u16));
        }
    };
    push(initial);
    if strict {
        return;
    }
    const RIEUL: u8 = 5;
    const NIEUN: u8 = 2;
    const IEUNG: u8 = 11;
    if initial == RIEUL || initial == NIEUN {
        if is_iotated(medial) {
            push(IEUNG);
        } else if initial == RIEUL {
            push(NIEUN);
        }
    }
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'w' | b'y')
}

/// Drops a letter that follows a vowel and precedes a consonant or the
/// end: the silent h of "Oh", "Ahn" and the silent r of "Park". Writes into
/// `buf` and returns the new length, or `None` if nothing was dropped.
fn drop_silent(s: &[u8], letter: u8, buf: &mut [u8; 8]) -> Option<usize> {
    let mut n = 0;
    let mut dropped = false;
    for (i, &c) in s.iter().enumerate() {
        let after_vowel = i > 0 && matches!(s[i - 1], b'a' | b'e' | b'i' | b'o' | b'u');
        let before_consonant = s.get(i + 1).is_none_or(|&n| !is_vowel(n));
        if c == letter && after_vowel && before_consonant {
            dropped = true;
            continue;
        }
        *buf.get_mut(n)? = c;
        n += 1;
    }
    dropped.then_some(n)
}

/// Pushes every syllable `token` can spell as one syllable, in any system
/// or variant spelling, onto `out` (the pushed run sorted and
/// deduplicated). Does nothing for tokens that are not a single romanised
/// Korean syllable. Allocation-free apart from growing `out`.
pub fn korean_keys_into(token: &str, out: &mut Vec<KoreanKey>) {
    let start = out.len();
    let s = token.as_bytes();
    if s.is_empty() || s.len() > 8 || !s.iter().all(u8::is_ascii_lowercase) {
        return;
    }
    parse_one(s, false, out);
    let mut buf = [0u8; 8];
    if let Some(n) = drop_silent(s, b'h', &mut buf) {
        parse_one(&buf[..n], false, out);
        let h_dropped = buf;
        let mut buf2 = [0u8; 8];
        if let Some(m) = drop_silent(&h_dropped[..n], b'r', &mut buf2) {
            parse_one(&buf2[..m], false, out);
        }
    }
    if let Some(n) = drop_silent(s, b'r', &mut buf) {
        parse_one(&buf[..n], false, out);
    }
    out[start..].sort_unstable();
    let mut w = start;
    for r in start..out.len() {
        if w == start || out[r] != out[w - 1] {
            out[w] = out[r];
            w += 1;
        }
    }
    out.truncate(w);
}

/// Every Hangul syllable that `token` (normalised, lower-case ASCII) can be
/// a romanisation of, sorted and deduplicated; empty for tokens that are
/// not one romanised Korean syllable ("london", "jongun").
pub fn korean_keys(token: &str) -> Vec<KoreanKey> {
    let mut out = Vec::new();
    korean_keys_into(token, &mut out);
    out
}

/// Whether `token` is one syllable in the strict MR or RR spelling (used to
/// split run-together names without splitting English words).
pub(crate) fn is_strict_syllable(token: &str) -> bool {
    let mut tmp = Vec::new();
    parse_one(token.as_bytes(), true, &mut tmp);
    !tmp.is_empty()
}

fn sorted_intersect(a: &[KoreanKey], b: &[KoreanKey]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Whether two romanised tokens can spell the same Korean syllable(s):
/// single syllables whose key sets intersect, or run-together names of up to
/// four syllables that split into pairwise variant syllables
/// ("jongun" ~ "jeongeun"). Identical tokens are trivially variants.
pub fn are_romanisation_variants(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ka, kb) = (korean_keys(a), korean_keys(b));
    if !ka.is_empty() && sorted_intersect(&ka, &kb) {
        return true;
    }
    seq_variants(a.as_bytes(), b.as_bytes())
}

/// Keys of every substring of up to 8 letters of a token, computed once.
struct SubstringKeys {
    /// `keys[i][l - 1]`: keys of `s[i..i + l]`.
    keys: Vec<[Vec<KoreanKey>; 8]>,
}

impl SubstringKeys {
    fn new(s: &[u8]) -> Option<Self> {
        let token = std::str::from_utf8(s).ok()?;
        let keys = (0..s.len())
            .map(|i| {
                std::array::from_fn(|l| match token.get(i..i + l + 1) {
                    Some(sub) if i + l < s.len() => korean_keys(sub),
                    _ => Vec::new(),
                })
            })
            .collect();
        Some(Self { keys })
    }

    fn get(&self, i: usize, len: usize) -> &[KoreanKey] {
        &self.keys[i][len - 1]
    }
}

/// Dynamic programme over syllable boundaries: `reach[i][j]` means the
/// first `i` letters of `a` and `j` letters of `b` split into the same
/// number (≤ 4) of pairwise variant syllables.
fn seq_variants(a: &[u8], b: &[u8]) -> bool {
    const MAX_LEN: usize = 24;
    const MAX_SYLLABLES: u8 = 4;
    if a.len() < 2 || b.len() < 2 || a.len() > MAX_LEN || b.len() > MAX_LEN {
        return false;
    }
    let (Some(ka), Some(kb)) = (SubstringKeys::new(a), SubstringKeys::new(b)) else {
        return false;
    };
    // Syllables used to reach (i, j); 0 = unreached.
    let mut reach = vec![[0u8; MAX_LEN + 1]; MAX_LEN + 1];
    reach[0][0] = 1;
    for i in 0..a.len() {
        for j in 0..b.len() {
            let n = reach[i][j];
            if n == 0 || n > MAX_SYLLABLES {
                continue;
            }
            for la in 1..=8.min(a.len() - i) {
                let x = ka.get(i, la);
                if x.is_empty() {
                    continue;
                }
                for lb in 1..=8.min(b.len() - j) {
                    if reach[i + la][j + lb] == 0 && sorted_intersect(x, kb.get(j, lb)) {
                        reach[i + la][j + lb] = n + 1;
                    }
                }
            }
        }
    }
    reach[a.len()][b.len()] > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syllables(token: &str) -> String {
        korean_keys(token)
            .into_iter()
            .map(KoreanKey::syllable)
            .collect()
    }

    #[test]
    fn keys_read_back_to_hangul() {
        assert!(syllables("jeong").contains('정'));
        assert!(syllables("jong").contains('정'));
        assert!(syllables("jong").contains('종'));
        assert!(!syllables("jeong").contains('종'));
        assert!(syllables("kim").contains('김'));
        assert!(syllables("gim").contains('김'));
        assert!(syllables("rhee").contains('이'));
        assert_eq!(syllables("london"), "");
        assert_eq!(syllables("jongun"), "");
        assert_eq!(syllables(""), "");
    }

    #[test]
    fn strict_syllables() {
        assert!(is_strict_syllable("jong"));
        assert!(is_strict_syllable("un"));
        assert!(!is_strict_syllable("lon"));
        assert!(!is_strict_syllable("park"));
    }

    #[test]
    fn run_together_variants() {
        assert!(are_romanisation_variants("jongun", "jeongeun"));
        assert!(are_romanisation_variants("namgung", "namkung"));
        assert!(!are_romanisation_variants("jongun", "jangun"));
    }
}
