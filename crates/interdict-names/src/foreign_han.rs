//! Chinese transcriptions of Russian and other foreign names (普京 Putin,
//! 拉夫罗夫 Lavrov, 普里戈任 Prigozhin), read back to Latin letters.
//!
//! Chinese writes a foreign name with the characters of the Xinhua
//! transcription tables, one character per syllable of the source
//! language; pinyin of those characters ("pu jing") is not the name.
//! Owns `data/foreign_han.tsv` (the tables inverted: character → the
//! Latin sounds it stands for; its generator cites the sources), the test
//! of whether a Han name reads as such a transcription rather than as a
//! Chinese or Korean personal name, the likely readings (for finding
//! candidates) and the check of a transcription against a Latin name. It
//! must not score.

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/foreign_han.tsv");

/// The hundred most common Chinese surnames (Ministry of Public Security,
/// 《2019年全国姓名报告》 ranking, simplified forms). A two- or three-character
/// name that starts with one reads as a Chinese personal name, not a
/// transcription.
const COMMON_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹\
彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹\
薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

/// Longest unit of the table, in characters (endings such as 耶维奇,
/// established names such as 亚历山大).
const MAX_UNIT: usize = 4;
/// Longest name word (characters) checked against a Latin name.
const MAX_CHARS: usize = 16;

/// Unit (one character or a fixed ending) → Latin values, first most likely.
fn table() -> &'static HashMap<String, Vec<&'static str>> {
    static T: OnceLock<HashMap<String, Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| {
        let mut map: HashMap<String, Vec<&'static str>> = HashMap::new();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let Some((unit, values)) = line.split_once('\t') else {
                continue;
            };
            let values: Vec<&'static str> = values.split_whitespace().collect();
            if values.is_empty() {
                continue;
            }
            // Taiwan and Hong Kong write the same tables in traditional
            // characters (拉夫羅夫, 亞歷山大).
            for spelling in with_traditional_forms(unit) {
                map.entry(spelling)
                    .or_default()
                    .extend(values.iter().copied());
            }
        }
        map
    })
}

/// A unit as written, then every spelling of it with some of its
/// characters in their traditional forms (Unihan kTraditionalVariant).
fn with_traditional_forms(unit: &str) -> Vec<String> {
    let mut out = vec![String::new()];
    for c in unit.chars() {
        let forms: Vec<char> = std::iter::once(c)
            .chain(crate::hanja::traditional(c).filter(|t| *t != c))
            .collect();
        out = out
            .iter()
            .flat_map(|prefix| forms.iter().map(move |f| format!("{prefix}{f}")))
            .collect();
    }
    out
}

/// Whether a normalised Han name reads as a transcription of a foreign
/// name: every character is in the tables, and the name is written in
/// several words (the transcription dot `·` between given and family
/// name) and is not a Chinese name written apart (a common surname as
/// first or last word of one character, the other words short), or is
/// four characters or more, or does not start with a common Chinese
/// surname.
pub(crate) fn is_transcription(norm: &str) -> bool {
    let t = table();
    let chars: Vec<char> = norm.chars().filter(|c| !c.is_whitespace()).collect();
    if chars.len() < 2 || !chars.iter().all(|c| t.contains_key(&c.to_string())) {
        return false;
    }
    let words: Vec<Vec<char>> = norm
        .split_whitespace()
        .map(|w| w.chars().collect())
        .collect();
    let common = |w: &[char]| w.len() == 1 && COMMON_SURNAMES.contains(w[0]);
    match words.as_slice() {
        // A Chinese name written apart, family name first or last ("平 杨").
        [first, .., last] if words.iter().all(|w| w.len() <= 2) => !(common(first) || common(last)),
        [_, _, ..] => true,
        _ => chars.len() >= 4 || !COMMON_SURNAMES.contains(chars[0]),
    }
}

/// The units of one word (longest table entry first at each position).
fn units(word: &str) -> Option<Vec<&'static [&'static str]>> {
    let t = table();
    let chars: Vec<char> = word.chars().collect();
    if chars.len() > MAX_CHARS {
        return None;
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let found = (1..=MAX_UNIT.min(chars.len() - i)).rev().find_map(|n| {
            let unit: String = chars[i..i + n].iter().collect();
            t.get(&unit).map(|v| (n, v.as_slice()))
        });
        let (n, values) = found?;
        out.push(values);
        i += n;
    }
    Some(out)
}

/// Most likely readings made of one word.
const MAX_GUESSES: usize = 8;

/// The likely readings of one word: the first value of every unit, then
/// that reading with one unit taking its second value (尔 r/l, 夫 v/f,
/// 金 gin/kin), at most [`MAX_GUESSES`].
fn word_guesses(us: &[&[&str]]) -> Vec<String> {
    let first: Vec<&str> = us.iter().map(|u| u[0]).collect();
    let mut out = vec![first.concat()];
    for (i, u) in us.iter().enumerate() {
        if let Some(second) = u.get(1) {
            let mut g = first.clone();
            g[i] = second;
            out.push(g.concat());
        }
        if out.len() >= MAX_GUESSES {
            break;
        }
    }
    out
}

/// The likely Latin readings of a transcribed name (words separated by
/// spaces), the k-th reading taking the k-th guess of every word (or its
/// last).
pub(crate) fn readings(norm: &str) -> Vec<String> {
    if !is_transcription(norm) {
        return Vec::new();
    }
    let Some(guesses) = norm
        .split_whitespace()
        .map(|w| units(w).map(|us| word_guesses(&us)))
        .collect::<Option<Vec<_>>>()
    else {
        return Vec::new();
    };
    crate::guesses::aligned(&guesses)
}

fn is_vowel(b: u8) -> bool {
    b"aeiouy".contains(&b)
}

/// How many vowels of `value` differ from `latin` at the same places, if
/// every consonant agrees; `None` if `latin` does not start so.
fn vowel_mismatches(value: &[u8], latin: &[u8]) -> Option<usize> {
    if latin.len() < value.len() {
        return None;
    }
    let mut n = 0;
    for (a, b) in value.iter().zip(latin) {
        if a != b {
            if !(is_vowel(*a) && is_vowel(*b)) {
                return None;
            }
            n += 1;
        }
    }
    Some(n)
}

/// Words of at least this many units may differ from the Latin name in one
/// vowel: the tables write unstressed and foreign vowels by the nearest
/// Chinese syllable (纳斯鲁拉 Nasrallah).
const MIN_UNITS_FOR_A_VOWEL: usize = 3;

/// Whether the units of a word spell `latin`, each unit taking one of its
/// values. Spelling differences the tables do not carry are let through:
/// a doubled consonant is one, a glide y/i after a vowel may be unwritten
/// (Sergei 谢尔盖, Aleksei), and so may a final h (Haniyeh); a word of
/// [`MIN_UNITS_FOR_A_VOWEL`] units may differ in one vowel.
fn spells(us: &[&[&str]], latin: &[u8]) -> bool {
    let n = latin.len();
    let allowed = usize::from(us.len() >= MIN_UNITS_FOR_A_VOWEL);
    // reach[e][p]: position p reached with e vowels changed.
    let mut reach = vec![vec![false; n + 1]; allowed + 1];
    reach[0][0] = true;
    let relax = |reach: &mut Vec<bool>| {
        for p in 0..n {
            if !reach[p] {
                continue;
            }
            let doubled = (p > 0 && latin[p] == latin[p - 1])
                || latin.get(p + 1).is_some_and(|&b| b == latin[p]);
            let skip = (doubled && !is_vowel(latin[p]))
                || (p > 0 && matches!(latin[p], b'y' | b'i') && is_vowel(latin[p - 1]))
                || (p + 1 == n && latin[p] == b'h');
            if skip {
                reach[p + 1] = true;
            }
        }
    };
    for u in us {
        reach.iter_mut().for_each(relax);
        let mut next = vec![vec![false; n + 1]; allowed + 1];
        for e in 0..=allowed {
            for p in (0..=n).filter(|&p| reach[e][p]) {
                for v in u.iter() {
                    let Some(m) = vowel_mismatches(v.as_bytes(), &latin[p..]) else {
                        continue;
                    };
                    if e + m <= allowed {
                        next[e + m][p + v.len()] = true;
                    }
                }
            }
        }
        reach = next;
        if !reach.iter().flatten().any(|&r| r) {
            return false;
        }
    }
    reach.iter_mut().for_each(relax);
    reach.iter().any(|r| r[n])
}

/// The reading of the transcribed Han name `han` (normalised, words
/// separated by spaces) that spells parts of the Latin name `latin_parts`:
/// each word that spells a listed part is replaced by it, the others by
/// their likely reading. `None` unless the name reads as a transcription
/// and at least one word spells a part.
pub fn foreign_han_reading_like(han: &str, latin_parts: &[&str]) -> Option<String> {
    if !is_transcription(han) {
        return None;
    }
    let mut used = vec![false; latin_parts.len()];
    let mut out = Vec::new();
    let mut spelled = 0;
    for word in han.split_whitespace() {
        let us = units(word)?;
        let hit = (0..latin_parts.len()).find(|&i| {
            !used[i] && latin_parts[i].is_ascii() && spells(&us, latin_parts[i].as_bytes())
        });
        match hit {
            Some(i) => {
                used[i] = true;
                out.push(latin_parts[i].to_string());
                spelled += 1;
            }
            None => out.push(us.iter().map(|u| u[0]).collect::<String>()),
        }
    }
    (spelled > 0).then(|| out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize;

    fn like(han: &str, latin: &str) -> Option<String> {
        let parts: Vec<&str> = latin.split(' ').collect();
        foreign_han_reading_like(&normalize(han), &parts)
    }

    #[test]
    fn transcriptions_spell_listed_names() {
        let cases = [
            ("普京", "putin vladimir vladimirovich", "putin"),
            ("弗拉基米尔·普京", "putin vladimir", "vladimir putin"),
            ("拉夫罗夫", "lavrov sergei", "lavrov"),
            ("拉夫羅夫", "lavrov sergei", "lavrov"),
            ("普里戈任", "prigozhin yevgeniy", "prigozhin"),
            ("谢尔盖·绍伊古", "shoigu sergei", "sergei shoigu"),
            ("梅德韦杰夫", "medvedev dmitry", "medvedev"),
            ("米舒斯京", "mishustin mikhail", "mishustin"),
            ("哈桑·纳斯鲁拉", "nasrallah hasan", "hasan nasrallah"),
            // An established transcription, simplified and traditional.
            (
                "亚历山大·格雷兹洛夫",
                "gryzlov aleksandr",
                "aleksandr gryzlov",
            ),
            (
                "亞歷山大·格雷茲洛夫",
                "gryzlov alexander",
                "alexander gryzlov",
            ),
            // The English table's characters for women's names (玛 ma, 莎 sha).
            ("玛丽亚·扎哈罗娃", "zakharova mariya", "mariya zakharova"),
            ("玛丽亚·莎拉波娃", "sharapova mariya", "mariya sharapova"),
        ];
        for (han, listed, want) in cases {
            assert_eq!(like(han, listed).as_deref(), Some(want), "{han}");
        }
    }

    #[test]
    fn a_different_name_is_not_spelled() {
        assert_eq!(like("普京", "potanin vladimir"), None);
        assert_eq!(like("普希金", "putin"), None);
    }

    #[test]
    fn chinese_personal_names_are_not_transcriptions() {
        // A common surname and a short name: a Chinese personal name.
        assert!(!is_transcription(&normalize("马明")));
        assert!(!is_transcription(&normalize("李克强")));
        assert!(!is_transcription(&normalize("平 杨")));
        assert!(is_transcription(&normalize("普京")));
        assert!(is_transcription(&normalize("叶夫根尼·普里戈任")));
    }

    #[test]
    fn likely_readings() {
        let r = readings(&normalize("拉夫罗夫"));
        assert!(r.iter().any(|r| r == "lavrov" || r == "ravrov"), "{r:?}");
        let r = readings(&normalize("德米特里·乌特金"));
        assert!(r.iter().any(|r| r.ends_with(" utkin")), "{r:?}");
    }
}
