//! Hangul transcriptions of Russian and other foreign names (블라디미르
//! 푸틴 Vladimir Putin, 세르게이 라브로프 Sergei Lavrov), read back to Latin
//! letters.
//!
//! Korean media write foreign names by the 외래어 표기법 of the Ministry of
//! Education (1986; the Russian table, 러시아어 표기 세칙, added by the
//! National Institute of Korean Language in 2005). Its rules are reversed
//! here, syllable by syllable: the vowel ㅡ that the rules add after a
//! consonant with none (브 v, 르 r, 스 s, 트 t, 드 d, 프 f/v, 그 g) is
//! dropped; ㅂ writes b and v, ㅍ p and f, ㅈ zh, j and z, ㅎ kh and h; ㄹ
//! before ㄹ is one l (블라 bla, 발로 valo); ㅅ, ㅈ and ㅊ before a y-vowel
//! are ш, ж and ч (슈 shu, 셰 she); a word-final ㅓ may be the English -er
//! (바그너 Wagner). Korean has one letter for l and r: ㄹ is either.
//!
//! Read only when the name is not shaped like a Korean name (a surname
//! and one to three given-name syllables), which Hangul names mostly are.
//! [`readings`] gives likely spellings (for finding candidates);
//! [`hangul_foreign_reading_like`] checks a name against a Latin name it
//! is compared with. It must not score.

use crate::hangul::{decompose, Jamo};

/// Latin spellings of the 19 initials (ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ),
/// most likely first.
const INITIALS: [&[&str]; 19] = [
    &["g", "k"],
    &["k", "g"],
    &["n"],
    &["d", "t"],
    &["t", "d"],
    &["r", "l"],
    &["m"],
    &["b", "v", "w"],
    &["p", "b"],
    &["s", "z"],
    &["s"],
    &[""],
    &["zh", "j", "z", "dzh", "g"],
    &["ts", "tz", "z"],
    &["ch", "ts", "tch", "c"],
    &["k", "kh", "c", "q"],
    &["t", "th"],
    &["p", "f", "ph", "v"],
    &["kh", "h", "ch"],
];

/// Latin spellings of the 21 medials (ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ).
/// ㅡ is the added vowel, so "" first.
const MEDIALS: [&[&str]; 21] = [
    &["a"],
    &["ae", "e", "a", "ai"],
    &["ya", "ia", "a"],
    &["yae", "ye"],
    &["o", "e", "a", "u", "eo"],
    &["e", "ye", "ai"],
    &["yo", "ye", "e", "io"],
    &["ye", "e", "ie"],
    &["o", "ou"],
    &["wa", "va", "ua", "oi"],
    &["wae", "wa"],
    &["oe", "we", "oi"],
    &["yo", "io"],
    &["u", "ou", "oo", "w"],
    &["wo", "vo", "uo"],
    &["we", "ve"],
    &["wi", "vi", "ui"],
    &["yu", "iu", "u"],
    &["", "u", "e", "y"],
    &["ui", "i"],
    &["i", "y", "ee", "e"],
];

/// Medials with a y-glide, and the vowel they leave after ш, ж, ч.
fn without_glide(medial: u8) -> Option<&'static str> {
    match medial {
        2 => Some("a"),
        6 | 7 | 3 => Some("e"),
        12 => Some("o"),
        17 => Some("u"),
        _ => None,
    }
}

/// Latin spellings of the finals a transcription uses.
fn finals(fin: u8) -> &'static [&'static str] {
    match fin {
        0 => &[""],
        1 => &["k", "g", "c"],
        4 => &["n"],
        8 => &["l", "r"],
        16 => &["m"],
        17 => &["p", "b"],
        19 => &["t", "s"],
        21 => &["ng", "n"],
        _ => &[],
    }
}

/// Every Latin spelling of syllable `i` of `word`, most likely first.
fn syllable_spellings(word: &[Jamo], i: usize) -> Vec<String> {
    let j = word[i];
    let after_l = i > 0 && word[i - 1].fin == 8;
    let last = i + 1 == word.len();
    let mut initials: Vec<&str> = INITIALS[usize::from(j.initial)].to_vec();
    // A final 프 is the devoiced v of Russian -ov/-ev (라브로프 Lavrov).
    if j.initial == 17 && j.medial == 18 && j.fin == 0 && last {
        initials = vec!["v", "f", "p", "ph"];
    }
    // 블라, 발로: ㄹ before ㄹ writes one l.
    if j.initial == 5 && after_l {
        initials.insert(0, "");
    }
    let mut medials: Vec<&str> = MEDIALS[usize::from(j.medial)].to_vec();
    // A final ㅓ may be the English -er (바그너 Wagner).
    if j.medial == 4 && j.fin == 0 && last {
        medials.extend(["er", "or", "ar"]);
    }
    let mut out = Vec::new();
    for f in finals(j.fin) {
        for c in &initials {
            for m in &medials {
                out.push(format!("{c}{m}{f}"));
            }
        }
        // 슈 shu, 셰 she, 쥬 zhu, 츄 chu: ш, ж, ч before a y-vowel.
        if let (Some(v), 9 | 12 | 14) = (without_glide(j.medial), j.initial) {
            let c = match j.initial {
                9 => "sh",
                12 => "zh",
                _ => "ch",
            };
            out.push(format!("{c}{v}{f}"));
            out.push(format!("shch{v}{f}"));
        }
    }
    out
}

/// The syllables of each word; `None` if a word holds anything else, or a
/// final no transcription writes (ㄶ, ㅄ...).
fn words(norm: &str) -> Option<Vec<Vec<Jamo>>> {
    norm.split_whitespace()
        .map(|w| {
            w.chars()
                .map(|c| decompose(c).filter(|j| !finals(j.fin).is_empty()))
                .collect::<Option<Vec<_>>>()
        })
        .collect()
}

/// Whether the words are shaped like a Korean name: one word of two to four
/// syllables starting with a surname, or words of at most three syllables
/// with a surname (as a whole word) first or last (given names first in
/// Western order).
fn korean_shaped(norm: &str) -> bool {
    let ws: Vec<Vec<char>> = norm
        .split_whitespace()
        .map(|w| w.chars().collect())
        .collect();
    let is_surname = |w: &[char]| crate::surnames::is_hangul_surname(&w.iter().collect::<String>());
    match ws.as_slice() {
        [w] => (2..=4).contains(&w.len()) && (is_surname(&w[..1]) || is_surname(&w[..2])),
        [first, .., last] => {
            ws.iter().all(|w| w.len() <= 3) && (is_surname(first) || is_surname(last))
        }
        [] => false,
    }
}

/// Whether a normalised Hangul name may be a transcribed foreign name.
pub(crate) fn is_foreign(norm: &str) -> bool {
    words(norm).is_some_and(|w| !w.is_empty()) && !korean_shaped(norm)
}

/// Jamo whose consonant has two common readings (ㄹ r/l, ㅂ b/v, ㅍ p/f,
/// ㅎ kh/h): the guesses try both.
fn ambiguous(initial: u8) -> bool {
    matches!(initial, 5 | 7 | 17 | 18)
}

/// Most guesses made for one word.
const MAX_GUESSES: usize = 16;

/// The likely spellings of one word: the first spelling of every syllable,
/// and the combinations of the two readings of its ambiguous consonants.
fn word_guesses(word: &[Jamo]) -> Vec<String> {
    let options: Vec<Vec<String>> = (0..word.len())
        .map(|i| {
            let all = syllable_spellings(word, i);
            let j = word[i];
            let n = if ambiguous(j.initial) {
                MEDIALS[usize::from(j.medial)].len() + 1
            } else {
                1
            };
            // The first initial with the first medial, then the second
            // initial with the first medial.
            let mut o: Vec<String> = all.first().cloned().into_iter().collect();
            if n > 1 {
                if let Some(second) = all.get(MEDIALS[usize::from(j.medial)].len()) {
                    o.push(second.clone());
                }
            }
            o
        })
        .collect();
    crate::guesses::combinations(&options, MAX_GUESSES)
}

/// Likely Latin readings of a transcribed foreign name (at most
/// [`MAX_GUESSES`]), the k-th reading taking the k-th guess of every word.
pub(crate) fn readings(norm: &str) -> Vec<String> {
    if !is_foreign(norm) {
        return Vec::new();
    }
    let Some(ws) = words(norm) else {
        return Vec::new();
    };
    let guesses: Vec<Vec<String>> = ws.iter().map(|w| word_guesses(w)).collect();
    crate::guesses::aligned(&guesses)
}

fn is_vowel(b: u8) -> bool {
    b"aeiouy".contains(&b)
}

/// Whether the syllables of `word` spell `latin`, each taking one of its
/// spellings; a doubled consonant is one, a glide y/i after a vowel and a
/// final h may be unwritten, and x is ks.
fn spells(word: &[Jamo], latin: &[u8]) -> bool {
    let latin: Vec<u8> = latin
        .iter()
        .flat_map(|&b| if b == b'x' { vec![b'k', b's'] } else { vec![b] })
        .collect();
    let n = latin.len();
    let mut reach = vec![false; n + 1];
    reach[0] = true;
    let relax = |reach: &mut Vec<bool>| {
        for p in 0..n {
            let doubled = (p > 0 && latin[p] == latin[p - 1])
                || latin.get(p + 1).is_some_and(|&b| b == latin[p]);
            let skip = (doubled && !is_vowel(latin[p]))
                || (p > 0 && matches!(latin[p], b'y' | b'i') && is_vowel(latin[p - 1]))
                || (p + 1 == n && latin[p] == b'h');
            if reach[p] && skip {
                reach[p + 1] = true;
            }
        }
    };
    for i in 0..word.len() {
        relax(&mut reach);
        let mut next = vec![false; n + 1];
        let spellings = syllable_spellings(word, i);
        for p in (0..=n).filter(|&p| reach[p]) {
            for s in &spellings {
                if latin[p..].starts_with(s.as_bytes()) {
                    next[p + s.len()] = true;
                }
            }
        }
        reach = next;
        if !reach.iter().any(|&r| r) {
            return false;
        }
    }
    relax(&mut reach);
    reach[n]
}

/// The reading of the Hangul name `hangul` (normalised) that spells parts
/// of the Latin name `latin_parts`: each word that spells a listed part (or
/// two adjacent parts written together, 알아루리 al-Aruri) is replaced by
/// it, the others by their likely reading. `None` unless the name may be a
/// transcribed foreign name and at least one word spells a part.
pub fn hangul_foreign_reading_like(hangul: &str, latin_parts: &[&str]) -> Option<String> {
    if !is_foreign(hangul) {
        return None;
    }
    let ws = words(hangul)?;
    let mut used = vec![false; latin_parts.len()];
    let mut out = Vec::new();
    let mut spelled = 0;
    for w in &ws {
        let hit = (1..=2usize.min(latin_parts.len())).find_map(|len| {
            (0..=latin_parts.len() - len)
                .find(|&s| {
                    let joined: String = latin_parts[s..s + len].concat();
                    !used[s..s + len].iter().any(|&u| u)
                        && joined.is_ascii()
                        && spells(w, joined.as_bytes())
                })
                .map(|s| (s, len))
        });
        match hit {
            Some((s, len)) => {
                used[s..s + len].iter_mut().for_each(|u| *u = true);
                out.push(latin_parts[s..s + len].join(" "));
                spelled += 1;
            }
            None => out.push(word_guesses(w).swap_remove(0)),
        }
    }
    (spelled > 0).then(|| out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn like(hangul: &str, latin: &str) -> Option<String> {
        let parts: Vec<&str> = latin.split(' ').collect();
        hangul_foreign_reading_like(&normalize(hangul), &parts)
    }

    #[test]
    fn transcriptions_spell_listed_names() {
        let cases = [
            (
                "블라디미르 푸틴",
                "putin vladimir vladimirovich",
                "vladimir putin",
            ),
            (
                "세르게이 라브로프",
                "lavrov sergei viktorovich",
                "sergei lavrov",
            ),
            ("미하일 미슈스틴", "mishustin mikhail", "mikhail mishustin"),
            ("이고르 슈발로프", "shuvalov igor", "igor shuvalov"),
            ("유리 슬류사르", "slyusar yury", "yury slyusar"),
            ("바그너 그룹", "wagner group", "wagner group"),
            (
                "아이만 알자와히리",
                "al zawahiri ayman",
                "ayman al zawahiri",
            ),
        ];
        for (hangul, listed, want) in cases {
            assert_eq!(like(hangul, listed).as_deref(), Some(want), "{hangul}");
        }
    }

    #[test]
    fn a_different_name_is_not_spelled() {
        assert_eq!(like("블라디미르 푸틴", "potanin"), None);
        assert_eq!(like("알렉산드르 푸시킨", "putin"), None);
    }

    #[test]
    fn korean_names_are_left_to_the_korean_readings() {
        assert!(!is_foreign(&normalize("김정은")));
        assert!(!is_foreign(&normalize("김 정은")));
        assert!(!is_foreign(&normalize("남궁 민수")));
        // Western order, and two given names.
        assert!(!is_foreign(&normalize("준영 최")));
        assert!(!is_foreign(&normalize("성수 경희 김")));
        assert!(is_foreign(&normalize("푸틴")));
        assert!(is_foreign(&normalize("세르게이 라브로프")));
    }

    #[test]
    fn likely_readings() {
        let r = readings(&normalize("세르게이 라브로프"));
        assert!(r[0].starts_with("sergei "), "{r:?}");
        assert!(r.iter().any(|r| r.ends_with(" lavrov")), "{r:?}");
    }
}
