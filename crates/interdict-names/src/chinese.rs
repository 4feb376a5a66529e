//! Chinese romanisation-variant keys: Hanyu Pinyin and Wade–Giles.
//!
//! Owns the syllable table and the parser that reads a romanised token back
//! into every sequence of Mandarin syllables it can spell. Two tokens are
//! romanisation variants iff they can spell a common sequence ("Hsi" / "Xi",
//! "Chin-ping" / "Jinping", "Tse-tung" / "Zedong"). As with the Korean keys
//! ([`crate::korean_keys`]), nothing here lists names: the inventory of
//! syllables is every plain reading the `pinyin` crate gives for the CJK
//! Unified Ideographs block, and the Wade–Giles spelling of each is derived
//! by the conversion rules of the system (Wade 1867, Giles 1892, as tabled in
//! ISO 7098:2015 annex and the Library of Congress pinyin conversion
//! guidelines, 2000) with apostrophes and umlauts dropped, as lists write it.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

/// At most this many syllable sequences are kept per token.
const MAX_READINGS: usize = 8;
/// Longest syllable spelling (Wade–Giles "chuang", pinyin "zhuang").
const MAX_SPELLING: usize = 6;

/// Spelling → syllable ids.
struct Table {
    by_spelling: HashMap<String, Vec<u16>>,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        use pinyin::ToPinyinMulti;
        let mut syllables: Vec<String> = Vec::new();
        for cp in 0x4E00u32..=0x9FFF {
            let Some(c) = char::from_u32(cp) else {
                continue;
            };
            let Some(multi) = c.to_pinyin_multi() else {
                continue;
            };
            for p in multi {
                let s = p.plain().to_string();
                if !syllables.contains(&s) {
                    syllables.push(s);
                }
            }
        }
        syllables.sort();
        let mut by_spelling: HashMap<String, Vec<u16>> = HashMap::new();
        for (id, s) in syllables.iter().enumerate() {
            let id = u16::try_from(id).unwrap_or(u16::MAX);
            let mut spellings = vec![s.replace('ü', "u"), wade_giles(s)];
            if s.contains('ü') {
                // Passports write ü as "v" or "yu" ("Lv", "Lyu").
                spellings.push(s.replace('ü', "v"));
                spellings.push(s.replace('ü', "yu"));
            }
            for sp in spellings {
                let ids = by_spelling.entry(sp).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        Table { by_spelling }
    })
}

/// The Wade–Giles spelling of a plain pinyin syllable, apostrophes and
/// umlauts dropped (so aspirated and unaspirated initials merge: both "zh"
/// and "ch" give "ch").
pub(crate) fn wade_giles(py: &str) -> String {
    // Whole syllables the rules below do not produce.
    let whole = match py {
        "zhi" | "chi" => Some("chih"),
        "shi" => Some("shih"),
        "ri" => Some("jih"),
        "zi" | "ci" => Some("tzu"),
        "si" => Some("ssu"),
        "er" => Some("erh"),
        "e" => Some("o"),
        "yi" => Some("i"),
        "you" => Some("yu"),
        "yan" => Some("yen"),
        "ye" => Some("yeh"),
        "yue" | "yüe" => Some("yueh"),
        "yong" => Some("yung"),
        _ => None,
    };
    if let Some(w) = whole {
        return w.to_string();
    }
    const INITIALS: [(&str, &str); 21] = [
        ("zh", "ch"),
        ("ch", "ch"),
        ("sh", "sh"),
        ("b", "p"),
        ("p", "p"),
        ("m", "m"),
        ("f", "f"),
        ("d", "t"),
        ("t", "t"),
        ("n", "n"),
        ("l", "l"),
        ("g", "k"),
        ("k", "k"),
        ("h", "h"),
        ("j", "ch"),
        ("q", "ch"),
        ("x", "hs"),
        ("r", "j"),
        ("z", "ts"),
        ("c", "ts"),
        ("s", "s"),
    ];
    let (initial, wg_initial, fin) = INITIALS
        .iter()
        .find_map(|(p, w)| py.strip_prefix(p).map(|rest| (*p, *w, rest)))
        .unwrap_or(("", "", py));
    let palatal = matches!(initial, "j" | "q" | "x");
    let velar = matches!(initial, "g" | "k" | "h");
    let wg_final = match fin {
        // After j, q, x the vowel "u" is ü.
        "u" if palatal => "u",
        "ue" | "üe" => "ueh",
        "uan" if palatal => "uan",
        "un" if palatal => "un",
        "e" if velar => "o",
        "e" => "e",
        "ie" => "ieh",
        "ian" => "ien",
        "ong" => "ung",
        "iong" => "iung",
        "ui" => "uei",
        "uo" if velar || initial == "sh" => "uo",
        "uo" => "o",
        other => other,
    };
    format!("{wg_initial}{}", wg_final.replace('ü', "u"))
}

/// Every reading of a lower-case ASCII token as a sequence of Mandarin
/// syllables (in pinyin or Wade–Giles spelling), each as a 64-bit key,
/// sorted; empty when the token is not wholly Mandarin syllables. Two tokens
/// are romanisation variants iff their keys intersect.
pub fn chinese_keys(token: &str) -> Vec<u64> {
    if token.is_empty() || !token.bytes().all(|b| b.is_ascii_lowercase()) {
        return Vec::new();
    }
    let t = table();
    let mut out: Vec<u64> = Vec::new();
    let mut path: Vec<u16> = Vec::new();
    parse(t, token, 0, &mut path, &mut out);
    out.sort_unstable();
    out.dedup();
    out
}

fn parse(t: &Table, token: &str, at: usize, path: &mut Vec<u16>, out: &mut Vec<u64>) {
    if out.len() >= MAX_READINGS {
        return;
    }
    if at == token.len() {
        // SipHash with fixed keys: the same key in every run and thread.
        let mut h = std::collections::hash_map::DefaultHasher::new();
        path.hash(&mut h);
        out.push(h.finish());
        return;
    }
    for len in (1..=MAX_SPELLING.min(token.len() - at)).rev() {
        let Some(ids) = t.by_spelling.get(&token[at..at + len]) else {
            continue;
        };
        for &id in ids {
            path.push(id);
            parse(t, token, at + len, path, out);
            path.pop();
        }
    }
}

/// Whether two tokens spell a common Mandarin syllable sequence.
pub fn are_chinese_variants(a: &str, b: &str) -> bool {
    let (ka, kb) = (chinese_keys(a), chinese_keys(b));
    ka.iter().any(|k| kb.binary_search(k).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wade_giles_from_pinyin() {
        for (py, wg) in [
            ("xi", "hsi"),
            ("jin", "chin"),
            ("ping", "ping"),
            ("ze", "tse"),
            ("dong", "tung"),
            ("mao", "mao"),
            ("zhou", "chou"),
            ("en", "en"),
            ("lai", "lai"),
            ("deng", "teng"),
            ("xiao", "hsiao"),
            ("jiang", "chiang"),
            ("jie", "chieh"),
            ("shi", "shih"),
            ("zi", "tzu"),
            ("guo", "kuo"),
            ("luo", "lo"),
            ("ge", "ko"),
            ("xue", "hsueh"),
            ("qu", "chu"),
            ("rong", "jung"),
            ("cai", "tsai"),
            ("ying", "ying"),
            ("wen", "wen"),
        ] {
            assert_eq!(wade_giles(py), wg, "{py}");
        }
    }

    #[test]
    fn variants_across_systems() {
        assert!(are_chinese_variants("hsi", "xi"));
        assert!(are_chinese_variants("chinping", "jinping"));
        assert!(are_chinese_variants("tsetung", "zedong"));
        assert!(are_chinese_variants("tsai", "cai"));
        assert!(are_chinese_variants("lv", "lu"));
        assert!(!are_chinese_variants("shi", "xi"));
        assert!(!are_chinese_variants("jinping", "jinpin"));
        assert!(chinese_keys("smith").is_empty());
        assert!(chinese_keys("").is_empty());
    }
}
