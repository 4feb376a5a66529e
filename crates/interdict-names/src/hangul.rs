//! Hangul syllable arithmetic and romanisation into McCune–Reischauer and
//! Revised Romanisation.
//!
//! Owns the jamo tables (19 initials, 21 medials, 28 finals, in Unicode
//! order), the compose/decompose arithmetic of the Hangul Syllables block
//! (`U+AC00 + (initial × 21 + medial) × 28 + final`) and the romanisers. It
//! must not decide which romanisations are variants of each other: that is
//! `keys`' job, from the spelling tables there.
//!
//! Names are romanised **syllable by syllable**, the way the DPRK and the
//! sanctions lists write them ("Kim Jong Un", not "Kim Jŏngŭn"). That choice
//! keeps MR's sound-change rules out of personal names: across a syllable
//! boundary we apply none (no nasalisation, no voicing, no liaison). Within a
//! syllable, MR writes each jamo as in the table used by the Library of
//! Congress and the DPRK's 1992 system, with breves and aspiration
//! apostrophes dropped (ŏ→o, ŭ→u, k'→k) as every list does, and with ㅈ as
//! `j` — the value MR gives it inside a name, which DPRK usage carries to
//! every syllable (Jong, Ju, Jang). RR follows the National Institute of
//! Korean Language table of 2000.

/// Romanisation of the 19 initial consonants ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ.
pub(crate) const INITIAL_MR: [&str; 19] = [
    "k", "kk", "n", "t", "tt", "r", "m", "p", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
pub(crate) const INITIAL_RR: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
/// The 21 medial vowels ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ.
pub(crate) const MEDIAL_MR: [&str; 21] = [
    "a", "ae", "ya", "yae", "o", "e", "yo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "u", "ui", "i",
];
pub(crate) const MEDIAL_RR: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
/// The 28 finals (none, ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ), as
/// pronounced at the end of a word: both systems write the representative
/// sound (ㅅ, ㅈ, ㅊ, ㅌ, ㅎ → t; ㄲ, ㅋ → k; ㅍ → p).
pub(crate) const FINAL_MR: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];
pub(crate) const FINAL_RR: [&str; 28] = FINAL_MR;

const SYLLABLE_BASE: u32 = 0xAC00;
const SYLLABLE_COUNT: u32 = 19 * 21 * 28;

/// A Hangul syllable split into jamo indices (initial 0..19, medial 0..21,
/// final 0..28).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct Jamo {
    pub initial: u8,
    pub medial: u8,
    pub fin: u8,
}

/// Splits a precomposed Hangul syllable; `None` for anything else.
pub(crate) fn decompose(c: char) -> Option<Jamo> {
    let offset = (c as u32).checked_sub(SYLLABLE_BASE)?;
    if offset >= SYLLABLE_COUNT {
        return None;
    }
    Some(Jamo {
        initial: (offset / (21 * 28)) as u8,
        medial: ((offset / 28) % 21) as u8,
        fin: (offset % 28) as u8,
    })
}

/// Composes jamo indices into a syllable; `None` if an index is out of range.
pub(crate) fn compose(j: Jamo) -> Option<char> {
    if j.initial >= 19 || j.medial >= 21 || j.fin >= 28 {
        return None;
    }
    char::from_u32(
        SYLLABLE_BASE + (u32::from(j.initial) * 21 + u32::from(j.medial)) * 28 + u32::from(j.fin),
    )
}

pub(crate) fn is_syllable(c: char) -> bool {
    decompose(c).is_some()
}

fn romanize_syllable(
    j: Jamo,
    initial: &[&str; 19],
    medial: &[&str; 21],
    fin: &[&str; 28],
    out: &mut String,
) {
    out.push_str(initial[usize::from(j.initial)]);
    out.push_str(medial[usize::from(j.medial)]);
    out.push_str(fin[usize::from(j.fin)]);
}

pub(crate) fn push_syllable_mr(c: char, out: &mut String) -> bool {
    match decompose(c) {
        Some(j) => {
            romanize_syllable(j, &INITIAL_MR, &MEDIAL_MR, &FINAL_MR, out);
            true
        }
        None => false,
    }
}

pub(crate) fn push_syllable_rr(c: char, out: &mut String) -> bool {
    match decompose(c) {
        Some(j) => {
            romanize_syllable(j, &INITIAL_RR, &MEDIAL_RR, &FINAL_RR, out);
            true
        }
        None => false,
    }
}

/// McCune–Reischauer (as the lists write it, see the module docs) of a run
/// of Hangul written as one word, syllables joined: `정은` → `jongun`,
/// `남궁` → `namgung`. Non-Hangul characters are copied through.
///
/// One MR sound rule applies inside the word, kept simple: a plain stop
/// (ㄱ ㄷ ㅂ) that begins a syllable after a vowel or a voiced final
/// (ㄴ ㄹ ㅁ ㅇ) is voiced — k, t, p → g, d, b — as in MR's Namgung,
/// Hwangbo, Chegal. ㅈ is already `j`. Nasalisation, liaison and the other
/// assimilations MR writes are not applied (names rarely show them in the
/// lists, and the variant keys absorb them).
pub fn romanize_mr(hangul: &str) -> String {
    let mut out = String::with_capacity(hangul.len());
    let mut prev_voiced = false;
    for c in hangul.chars() {
        match decompose(c) {
            Some(j) => {
                let voiced_initial = match (prev_voiced, j.initial) {
                    (true, 0) => Some("g"),
                    (true, 3) => Some("d"),
                    (true, 7) => Some("b"),
                    _ => None,
                };
                match voiced_initial {
                    Some(v) => out.push_str(v),
                    None => out.push_str(INITIAL_MR[usize::from(j.initial)]),
                }
                out.push_str(MEDIAL_MR[usize::from(j.medial)]);
                out.push_str(FINAL_MR[usize::from(j.fin)]);
                // Vowel ending, or final ㄴ ㄹ ㅁ ㅇ (and the clusters read as them).
                prev_voiced = matches!(j.fin, 0 | 4 | 5 | 6 | 8 | 10 | 16 | 21);
            }
            None => {
                out.push(c);
                prev_voiced = false;
            }
        }
    }
    out
}

/// Revised Romanisation (NIKL 2000) of a run of Hangul, syllables joined:
/// `정은` → `jeongeun`. Non-Hangul characters are copied through.
pub fn romanize_rr(hangul: &str) -> String {
    let mut out = String::with_capacity(hangul.len());
    for c in hangul.chars() {
        if !push_syllable_rr(c, &mut out) {
            out.push(c);
        }
    }
    out
}

/// Splits a spaceless Korean personal name into (surname, given name):
/// `남궁민` → (`남궁`, `민`), `김정은` → (`김`, `정은`). A two-syllable surname
/// from the surname table is preferred when the name has three or more
/// syllables; otherwise the first syllable is the surname. Returns `None`
/// if `name` is not made of Hangul syllables only or has fewer than two.
pub fn segment_korean_name(name: &str) -> Option<(&str, &str)> {
    let n = name.chars().count();
    if n < 2 || !name.chars().all(is_syllable) {
        return None;
    }
    let split_at = |syllables: usize| {
        let idx = name
            .char_indices()
            .nth(syllables)
            .map_or(name.len(), |(i, _)| i);
        (&name[..idx], &name[idx..])
    };
    if n >= 3 {
        let (two, rest) = split_at(2);
        if crate::surnames::is_hangul_surname(two) {
            return Some((two, rest));
        }
    }
    Some(split_at(1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_round_trips() {
        let j = decompose('김').expect("hangul");
        assert_eq!(
            j,
            Jamo {
                initial: 0,
                medial: 20,
                fin: 16
            }
        );
        assert_eq!(compose(j), Some('김'));
        assert_eq!(
            decompose('가'),
            Some(Jamo {
                initial: 0,
                medial: 0,
                fin: 0
            })
        );
        assert_eq!(
            decompose('힣'),
            Some(Jamo {
                initial: 18,
                medial: 20,
                fin: 27
            })
        );
        assert_eq!(decompose('A'), None);
        assert_eq!(decompose('ㄱ'), None);
        for c in ['가', '각', '힣', '정', '은'] {
            assert_eq!(decompose(c).and_then(compose), Some(c));
        }
    }

    #[test]
    fn romanises_kim_jong_un() {
        assert_eq!(romanize_mr("김정은"), "kimjongun");
        assert_eq!(romanize_mr("남궁"), "namgung");
        assert_eq!(romanize_mr("황보"), "hwangbo");
        assert_eq!(romanize_mr("독고"), "tokko");
        assert_eq!(romanize_mr("제갈"), "jegal");
        assert_eq!(romanize_rr("김정은"), "gimjeongeun");
    }

    #[test]
    fn segments_surnames() {
        assert_eq!(segment_korean_name("김정은"), Some(("김", "정은")));
        assert_eq!(segment_korean_name("남궁민"), Some(("남궁", "민")));
        assert_eq!(segment_korean_name("황보관"), Some(("황보", "관")));
        assert_eq!(segment_korean_name("김"), None);
        assert_eq!(segment_korean_name("Kim"), None);
    }
}
