//! Chinese names read in Cantonese, spelt as Hong Kong writes them
//! ("邓炳强" → "tang ping keung", listed as "TANG, Ping-keung").
//!
//! Hong Kong names in the lists (officials designated under the Hong Kong
//! Autonomy Act, HK front companies' directors) are spelt in the Hong Kong
//! Government Cantonese Romanisation, not in pinyin. That romanisation has
//! no published table of its own; its spellings of the Jyutping initials
//! and finals are tabulated in the Linguistic Society of Hong Kong's
//! Jyutping scheme (1993) comparison tables and in the Hong Kong
//! government's own usage as collected in "Hong Kong Government Cantonese
//! Romanisation" (Wikipedia). Each character's Jyutping reading comes
//! from Unihan `kCantonese` (`data/cantonese_readings.tsv`); each
//! initial and final is spelt the usual Hong Kong way, with the one or two
//! other spellings that are also common (z, c: ch or ts; ei: ei or ee;
//! short a before a final consonant: a or u, "Sum" for 森 sam).
//!
//! [`cantonese_readings`] gives the most usual spelling (for finding
//! candidates); [`cantonese_reading_like`] checks a name against the Latin
//! name it is compared with, letting each syllable take any of its
//! spellings. It must not score.

use std::collections::HashMap;
use std::sync::OnceLock;

const READINGS: &str = include_str!("../data/cantonese_readings.tsv");

/// Names of this many characters or fewer are read (Chinese personal
/// names have two to four).
const MAX_CHARS: usize = 4;

/// The Jyutping readings of a character, most common first.
fn readings(c: char) -> Option<&'static [&'static str]> {
    static T: OnceLock<HashMap<char, Vec<&'static str>>> = OnceLock::new();
    T.get_or_init(|| {
        READINGS
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (c, r) = l.split_once('\t')?;
                let mut chars = c.chars();
                let c = chars.next()?;
                chars.next().is_none().then(|| (c, r.split(' ').collect()))
            })
            .collect()
    })
    .get(&c)
    .map(Vec::as_slice)
}

/// Jyutping initials, two-letter ones first so that "gw" is not read "g".
const INITIALS: [&str; 19] = [
    "gw", "kw", "ng", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "w", "z", "c", "s",
    "j",
];

fn initial_spellings(initial: &str) -> &'static [&'static str] {
    match initial {
        "b" | "p" => &["p"],
        "d" | "t" => &["t"],
        "g" | "k" => &["k"],
        "gw" | "kw" => &["kw"],
        "z" | "c" => &["ch", "ts"],
        "j" => &["y"],
        "m" => &["m"],
        "f" => &["f"],
        "n" => &["n"],
        "l" => &["l"],
        "h" => &["h"],
        "w" => &["w"],
        "s" => &["s"],
        "ng" => &["ng"],
        _ => &[""],
    }
}

/// Finals that Hong Kong spells as Jyutping does.
static AS_WRITTEN: [&str; 23] = [
    "eu", "em", "eng", "ep", "ek", "i", "iu", "im", "in", "ing", "ip", "it", "ik", "on", "ong",
    "ot", "ok", "u", "ung", "ut", "uk", "m", "ng",
];

/// Spellings of a final; `bare`: the syllable has no initial.
fn final_spellings(fin: &str, bare: bool) -> &'static [&'static str] {
    match fin {
        "aa" => &["a"],
        "aai" | "ai" => &["ai"],
        "aau" => &["au"],
        "au" => &["au", "ow"],
        "aam" => &["am"],
        "aan" => &["an"],
        "aang" | "ang" => &["ang"],
        "aap" => &["ap"],
        "aat" => &["at"],
        "aak" | "ak" => &["ak"],
        "am" => &["am", "um"],
        "an" => &["an", "un"],
        "ap" => &["ap", "up"],
        "at" => &["at", "ut"],
        "e" => &["e"],
        "ei" => &["ei", "ee"],
        "o" => &["o", "or"],
        "oi" => &["oi", "oy"],
        "ou" => &["o", "ou"],
        "ui" => &["ui", "ooi"],
        "un" => &["oon", "un"],
        "oe" => &["eu", "oe"],
        "oeng" => &["eung"],
        "oek" => &["euk"],
        "eoi" => &["ui", "eui"],
        "eon" => &["un", "eun"],
        "eot" => &["ut"],
        "yu" if bare => &["yu"],
        "yu" => &["u", "ue"],
        "yun" if bare => &["yuen"],
        "yun" => &["uen", "un"],
        "yut" if bare => &["yuet"],
        "yut" => &["uet"],
        other => AS_WRITTEN
            .iter()
            .position(|f| *f == other)
            .map_or(&[], |i| std::slice::from_ref(&AS_WRITTEN[i])),
    }
}

/// Every Hong Kong spelling of one Jyutping syllable, most usual first.
fn spellings(jyutping: &str) -> Vec<String> {
    // A syllabic nasal (吳 ng, 唔 m) is a final alone.
    if matches!(jyutping, "m" | "ng") {
        return vec![jyutping.to_string()];
    }
    let initial = INITIALS
        .iter()
        .find(|i| jyutping.starts_with(*i))
        .copied()
        .unwrap_or("");
    let fin = &jyutping[initial.len()..];
    let mut out = Vec::new();
    for i in initial_spellings(initial) {
        for f in final_spellings(fin, initial.is_empty()) {
            // j is y: "jyu" is "yu", not "yyu".
            let f = if *i == "y" {
                f.strip_prefix('y').unwrap_or(f)
            } else {
                f
            };
            out.push(format!("{i}{f}"));
        }
    }
    // Hong Kong writes si as "sze" (施, 詩).
    if jyutping == "si" {
        out.push("sze".to_string());
    }
    out
}

/// The spellings of each character of a name of one word (or two, family
/// name apart), or `None` when it is no Chinese personal name: too long,
/// or a character without a Cantonese reading.
fn syllables(han: &str) -> Option<Vec<Vec<String>>> {
    let chars: Vec<char> = han.chars().filter(|c| !c.is_whitespace()).collect();
    if !(2..=MAX_CHARS).contains(&chars.len()) || han.split_whitespace().count() > 2 {
        return None;
    }
    chars
        .iter()
        .map(|&c| {
            let r = readings(c)?;
            Some(r.iter().take(2).flat_map(|j| spellings(j)).collect())
        })
        .collect()
}

/// The usual Hong Kong readings of a Chinese personal name: the family
/// name and each given-name syllable apart ("tang ping keung"), and the
/// given name joined ("tang pingkeung"). Empty when the name is no such
/// name.
pub(crate) fn cantonese_readings(han: &str) -> Vec<String> {
    let Some(syls) = syllables(han) else {
        return Vec::new();
    };
    let first: Vec<&str> = syls
        .iter()
        .filter_map(|s| s.first().map(String::as_str))
        .collect();
    if first.len() != syls.len() {
        return Vec::new();
    }
    vec![
        first.join(" "),
        format!("{} {}", first[0], first[1..].concat()),
    ]
}

/// Whether the characters' syllables `syls` can spell `latin` exactly, one
/// spelling each, in order.
fn spells(syls: &[Vec<String>], latin: &str) -> bool {
    match syls.split_first() {
        None => latin.is_empty(),
        Some((first, rest)) => first.iter().any(|s| {
            latin
                .strip_prefix(s.as_str())
                .is_some_and(|l| spells(rest, l))
        }),
    }
}

/// The Cantonese reading of the Chinese personal name `han` that spells the
/// Latin name `latin_parts`, if every character falls into a listed part:
/// each run of one to three characters that spells an unused part is
/// replaced by that part. `None` unless the whole name is spelt.
pub fn cantonese_reading_like(han: &str, latin_parts: &[&str]) -> Option<String> {
    let syls = syllables(han)?;
    let mut used = vec![false; latin_parts.len()];
    let mut out: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < syls.len() {
        let hit = (1..=3usize.min(syls.len() - i)).find_map(|len| {
            (0..latin_parts.len()).find_map(|p| {
                (!used[p] && latin_parts[p].is_ascii() && spells(&syls[i..i + len], latin_parts[p]))
                    .then_some((p, len))
            })
        });
        let (p, len) = hit?;
        used[p] = true;
        out.push(latin_parts[p]);
        i += len;
    }
    Some(out.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jyutping_is_spelt_the_hong_kong_way() {
        assert_eq!(spellings("dang")[0], "tang");
        assert_eq!(spellings("koeng")[0], "keung");
        assert_eq!(spellings("jyut")[0], "yuet");
        assert_eq!(spellings("lou")[0], "lo");
        assert!(spellings("zang").contains(&"tsang".to_string()));
        assert!(spellings("lei").contains(&"lee".to_string()));
        assert!(spellings("ngo").contains(&"ngor".to_string()));
        assert_eq!(spellings("ceoi")[0], "chui");
        assert_eq!(spellings("ng"), ["ng"]);
    }

    #[test]
    fn usual_readings_of_hong_kong_names() {
        let r = cantonese_readings("邓炳强");
        assert_eq!(r[0], "tang ping keung");
        assert_eq!(r[1], "tang pingkeung");
        assert_eq!(cantonese_readings("卢伟聪")[0], "lo wai chung");
        // Not a personal name: too long, or not Han.
        assert!(cantonese_readings("朝鲜劳动党中央军事委员会").is_empty());
        assert!(cantonese_readings("Tang").is_empty());
    }

    #[test]
    fn readings_like_the_listed_spelling() {
        let like = |han: &str, latin: &str| {
            let parts: Vec<&str> = latin.split(' ').collect();
            cantonese_reading_like(han, &parts)
        };
        assert_eq!(
            like("林郑月娥", "lam cheng yuet ngor").as_deref(),
            Some("lam cheng yuet ngor")
        );
        assert_eq!(
            like("李家超", "lee john ka chiu").as_deref(),
            Some("lee ka chiu")
        );
        assert_eq!(
            like("曾国卫", "tsang erick kwok wai").as_deref(),
            Some("tsang kwok wai")
        );
        assert_eq!(
            like("邓炳强", "tang pingkeung").as_deref(),
            Some("tang pingkeung")
        );
        assert_eq!(like("邓炳强", "tang chris"), None);
    }
}
