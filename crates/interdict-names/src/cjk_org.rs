//! Korean, Chinese and Japanese organisation names read the way the lists
//! write them in English: the generic words translated (은행 / 銀行 / 银行 →
//! "bank", 무역 → "trading", 총회사 → "general corporation"), the proper
//! nouns romanised (고려 → "koryo", 丹東 → "dandong"), legal forms as their
//! symbols, 호 numbers and 제N ordinals as numbers.
//!
//! Owns the organisation vocabulary (`data/org_vocabulary.tsv`, each row
//! with its source), the katakana loanwords of organisation names
//! (`data/katakana_loanwords.tsv`, from JMdict: a katakana word is
//! translated when it is a loanword as a whole) and the segmentation of a
//! name into generic words and
//! proper nouns: the longest vocabulary word at each position (a
//! one-character word such as 部 "department" or 局 "bureau" only at the end
//! of a word, where Korean and Chinese names put their head noun, so that
//! 대성 keeps its 성); whatever no vocabulary word covers is a proper noun.
//! It must not decide that a name is an organisation's: callers ask for
//! organisation names only.

use crate::forms::{push, LatinForm, Transliteration};
use crate::normalize::{dominant_script, normalize, NameScript};
use crate::{hangul, hanja, kana};
use std::collections::HashMap;
use std::sync::OnceLock;

const VOCABULARY: &str = include_str!("../data/org_vocabulary.tsv");

/// Chinese and Japanese words whose CC-CEDICT or JMdict gloss is a word of
/// listed organisations' English names (`data/write_org_vocabulary_dict.py`
/// for the rule); the hand-written rows above win over them.
const DICTIONARY: &str = include_str!("../data/org_vocabulary_dict.tsv");

/// English loanwords in katakana whose English is a word of listed
/// organisations' names (トレーディング trading, コマーシャル commercial),
/// from JMdict (see `data/write_katakana_loanwords.py` for the rule).
const LOANWORDS: &str = include_str!("../data/katakana_loanwords.tsv");

/// At most this many forms with generic words in their other English.
const MAX_ALTERNATIVE_FORMS: usize = 3;

/// Longest vocabulary word, in characters.
const MAX_WORD: usize = 4;

/// Written form → English, from the hand-written vocabulary table.
fn vocabulary() -> &'static HashMap<String, &'static str> {
    static V: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    V.get_or_init(|| first_two_columns(VOCABULARY))
}

/// Written form → English, from the dictionary-derived table.
fn dictionary() -> &'static HashMap<String, &'static str> {
    static D: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    D.get_or_init(|| first_two_columns(DICTIONARY))
}

/// Katakana loanword → English, from the loanword table.
fn loanwords() -> &'static HashMap<String, &'static str> {
    static L: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    L.get_or_init(|| first_two_columns(LOANWORDS))
}

/// The first two columns of a tab-separated table whose `#` lines are
/// comments (the later columns cite the sources), the first in its
/// [`folded`] form; of two rows that fold alike the first is kept.
fn first_two_columns(table: &'static str) -> HashMap<String, &'static str> {
    let mut out = HashMap::new();
    let rows = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some((cols.next()?, cols.next()?))
        })
        .filter(|(w, e)| !w.is_empty() && !e.is_empty());
    for (written, english) in rows {
        out.entry(folded(written)).or_insert(english);
    }
    out
}

/// A word with each Han character in its one written form
/// ([`crate::han_canonical`]): a table row in Japanese (生産), traditional
/// (生產) or simplified (生产) characters serves all three.
fn folded(word: &str) -> String {
    word.chars().map(crate::han_canonical).collect()
}

fn is_katakana_word(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, '\u{30A1}'..='\u{30FA}' | '\u{30FC}'))
}

/// A katakana word that is a loanword as a whole. A name run together with
/// a loanword (ロステック Rostec) stays one name: the
/// lists write such names as one word too.
fn katakana_loanword(word: &str) -> Option<&'static str> {
    let word = folded(word);
    loanwords()
        .get(&word)
        .or_else(|| vocabulary().get(&word))
        .copied()
}

/// One piece of a segmented name.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    /// A generic word, in English.
    Generic(&'static str),
    /// A number (from digits, 제N / 第N, N호 / N號).
    Number(String),
    /// A legal form, as its canonical symbol ("ltd", "jsc").
    LegalForm(&'static str),
    /// Characters no vocabulary word covers: a name.
    Proper(String),
}

/// The longest vocabulary word starting at `chars[i..]`: its English and
/// its length. A one-character word counts only at the end of the word.
/// The hand-written table is tried first, so that a longer dictionary
/// word does not split its words differently (機械工業 is 機械 machinery +
/// 工業 industry, not 機械工 mechanic + 業).
fn word_at(chars: &[char], i: usize) -> Option<(&'static str, usize)> {
    longest_in(vocabulary(), chars, i).or_else(|| longest_in(dictionary(), chars, i))
}

fn longest_in(
    table: &HashMap<String, &'static str>,
    chars: &[char],
    i: usize,
) -> Option<(&'static str, usize)> {
    let mut buf = String::new();
    (1..=MAX_WORD.min(chars.len() - i)).rev().find_map(|len| {
        if len == 1 && i + 1 != chars.len() {
            return None;
        }
        buf.clear();
        buf.extend(chars[i..i + len].iter().map(|&c| crate::han_canonical(c)));
        table.get(buf.as_str()).map(|e| (*e, len))
    })
}

fn is_number_marker(c: char) -> bool {
    matches!(c, '호' | '號' | '号')
}

/// Suffixes of Chinese administrative divisions (GB/T 2260): 市 city,
/// 省 province, 縣 / 县 county, 區 / 区 district.
fn is_division_suffix(c: char) -> bool {
    matches!(c, '市' | '省' | '縣' | '县' | '區' | '区')
}

fn is_ordinal_prefix(c: char) -> bool {
    matches!(c, '제' | '第')
}

/// Splits one word (no spaces) into pieces.
fn segment(word: &str, out: &mut Vec<Piece>) {
    // Katakana writes loanwords whole, often longer than any Han word.
    if let Some(english) = katakana_loanword(word).filter(|_| is_katakana_word(word)) {
        out.push(Piece::Generic(english));
        return;
    }
    // A legal form ends the word, unless a longer generic word does
    // ("총회사" is a general corporation, not a 회사 "co").
    let suffix = crate::org_suffix(word).filter(|(at, _)| {
        let tail = word[*at..].chars().count();
        let whole = folded(word);
        !vocabulary()
            .keys()
            .any(|w| w.chars().count() > tail && whole.ends_with(w.as_str()))
    });
    let (word, legal) = match suffix {
        Some((at, symbol)) => (&word[..at], Some(symbol)),
        None => match crate::org_type(&[word.to_string()], 0) {
            Some((_, symbol)) => ("", Some(symbol)),
            None => (word, None),
        },
    };
    let chars: Vec<char> = word.chars().collect();
    let mut proper = String::new();
    let mut i = 0;
    let flush = |proper: &mut String, out: &mut Vec<Piece>| {
        if !proper.is_empty() {
            out.push(Piece::Proper(std::mem::take(proper)));
        }
    };
    while i < chars.len() {
        let digits_at = |k: usize| chars.get(k).is_some_and(char::is_ascii_digit);
        let start = if is_ordinal_prefix(chars[i]) && digits_at(i + 1) {
            i + 1
        } else {
            i
        };
        if digits_at(start) {
            flush(&mut proper, out);
            let end = (start..chars.len())
                .find(|&k| !chars[k].is_ascii_digit())
                .unwrap_or(chars.len());
            out.push(Piece::Number(chars[start..end].iter().collect()));
            i = end;
            // "39호": the marker says "number"; "39호실" is office No. 39.
            if chars.get(i).copied().is_some_and(is_number_marker) && word_at(&chars, i).is_none() {
                i += 1;
            }
            continue;
        }
        // "丹東市鴻達…": a two-character place name with its division
        // suffix (city, province, county, district: GB/T 2260) ends a proper
        // noun, and the suffix is dropped, as the lists' English drops it
        // (DANDONG HONGDA …).
        if is_division_suffix(chars[i]) && proper.chars().count() == 2 && i + 1 < chars.len() {
            flush(&mut proper, out);
            i += 1;
            continue;
        }
        match word_at(&chars, i) {
            Some((english, len)) => {
                flush(&mut proper, out);
                out.push(Piece::Generic(english));
                i += len;
            }
            None => {
                proper.push(chars[i]);
                i += 1;
            }
        }
    }
    flush(&mut proper, out);
    if let Some(symbol) = legal {
        out.push(Piece::LegalForm(symbol));
    }
}

/// How proper nouns are read in one form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// Korean: Hangul (or Hanja through its Sino-Korean reading) in
    /// McCune–Reischauer, as the DPRK entries of the lists are written.
    KoreanMr,
    /// Korean in Revised Romanisation.
    KoreanRr,
    /// Chinese characters in pinyin, two characters to a word (place
    /// names and firm names are mostly two-syllable words: 丹东 鸿祥).
    Pinyin,
}

fn pinyin_word(chunk: &[char], out: &mut String) {
    use pinyin::ToPinyin;
    for (k, c) in chunk.iter().enumerate() {
        if k > 0 && k % 2 == 0 && chunk.len() >= 4 {
            out.push(' ');
        }
        match c.to_pinyin() {
            Some(p) => out.push_str(p.plain()),
            None => out.extend(hanja::traditional(*c).take(1).flat_map(|t| {
                t.to_pinyin()
                    .map(|p| p.plain().to_string())
                    .unwrap_or_default()
                    .chars()
                    .collect::<Vec<_>>()
            })),
        }
    }
}

/// A proper noun read one way; None when the reading does not apply to
/// its script (pinyin of Hangul).
fn read_proper(chunk: &str, reading: Reading) -> Option<String> {
    let script = dominant_script(chunk);
    let hangul = match script {
        NameScript::Hangul => chunk.to_string(),
        NameScript::Han if reading != Reading::Pinyin => hanja::to_hangul(chunk, 1)
            .into_iter()
            .next()
            .unwrap_or_default(),
        NameScript::Han => {
            let chars: Vec<char> = chunk.chars().collect();
            let mut out = String::new();
            pinyin_word(&chars, &mut out);
            return Some(out);
        }
        NameScript::Kana => return Some(kana::to_hepburn(chunk)),
        _ => return Some(chunk.to_string()),
    };
    if reading == Reading::Pinyin {
        return None;
    }
    Some(match reading {
        Reading::KoreanRr => hangul::romanize_rr(&hangul),
        _ => mr_word_initial_ch(&hangul, hangul::romanize_mr(&hangul)),
    })
}

/// A proper noun read as a foreign name transcribed (罗斯托夫 Rostov,
/// 普京 Putin): Han through the Xinhua transcription table, Hangul
/// through the Korean loanword orthography, katakana through the Japanese
/// one (the readings of persons' names: `foreign_han`, `hangul_foreign`,
/// `katakana`), the likeliest reading; None for a noun that is not one.
fn foreign_reading(chunk: &str) -> Option<String> {
    let mut readings = match dominant_script(chunk) {
        NameScript::Han => crate::foreign_han::readings(chunk),
        NameScript::Hangul => crate::hangul_foreign::readings(chunk),
        NameScript::Kana => crate::katakana::foreign_readings(chunk),
        _ => Vec::new(),
    };
    (!readings.is_empty()).then(|| readings.swap_remove(0))
}

/// McCune–Reischauer writes ㅈ as "ch" at the start of a word, where it is
/// voiceless, and "j" only after a voiced sound (ALA-LC Korean romanization
/// tables, 2009): the lists write firms so (Cheil, Chosun, Changgwang),
/// while Revised Romanisation, the other Korean reading, keeps "j".
fn mr_word_initial_ch(hangul: &str, mr: String) -> String {
    const JIEUT: u32 = 12;
    let starts_with_jieut = hangul
        .chars()
        .next()
        .map(u32::from)
        .filter(|c| (0xAC00..=0xD7A3).contains(c))
        .is_some_and(|c| (c - 0xAC00) / (21 * 28) == JIEUT);
    match mr.strip_prefix('j') {
        Some(rest) if starts_with_jieut => format!("ch{rest}"),
        _ => mr,
    }
}

/// The English readings of a Korean, Chinese or Japanese organisation name:
/// one form per way of reading its proper nouns (McCune–Reischauer and
/// Revised Romanisation, and pinyin when written in Chinese characters).
/// Empty when the name is in another script or holds no generic word,
/// legal form or number to translate.
pub fn cjk_org_forms(name: &str) -> Vec<LatinForm> {
    let norm = normalize(name);
    let script = dominant_script(&norm);
    if !matches!(
        script,
        NameScript::Hangul | NameScript::Han | NameScript::Kana
    ) {
        return Vec::new();
    }
    let mut pieces = Vec::new();
    for word in norm.split_whitespace() {
        segment(word, &mut pieces);
    }
    if !pieces.iter().any(|p| !matches!(p, Piece::Proper(_))) {
        return Vec::new();
    }
    let readings: &[Reading] = if norm
        .chars()
        .any(|c| dominant_script(&c.to_string()) == NameScript::Han)
    {
        &[Reading::KoreanMr, Reading::Pinyin, Reading::KoreanRr]
    } else {
        &[Reading::KoreanMr, Reading::KoreanRr]
    };
    let mut forms = Vec::new();
    for &reading in readings {
        push(
            &mut forms,
            form_text(&pieces, &[], |c| read_proper(c, reading)),
            Transliteration::OrgTranslated,
        );
    }
    if let Some(text) = foreign_form_text(&pieces) {
        push(&mut forms, text, Transliteration::OrgTranslated);
    }
    // A generic word the lists translate two ways (對外 foreign / external)
    // gives one more form, in the first reading, with its other English;
    // and, when there are several such words, one with all of them so.
    let ambiguous: Vec<usize> = pieces
        .iter()
        .enumerate()
        .filter(|(_, p)| matches!(p, Piece::Generic(e) if e.contains('|')))
        .map(|(i, _)| i)
        .collect();
    let mut switches: Vec<Vec<usize>> = ambiguous.iter().map(|&i| vec![i]).collect();
    if ambiguous.len() > 1 {
        switches.push(ambiguous);
    }
    for switched in switches.iter().take(MAX_ALTERNATIVE_FORMS) {
        push(
            &mut forms,
            form_text(&pieces, switched, |c| read_proper(c, readings[0])),
            Transliteration::OrgTranslated,
        );
    }
    forms
}

/// The form whose proper nouns read as foreign names transcribed
/// ([`foreign_reading`]), when at least one does (罗斯托夫贸易公司 "rostov
/// trading corp"); the others keep their first reading (pinyin for Han).
fn foreign_form_text(pieces: &[Piece]) -> Option<String> {
    let mut any = false;
    let text = form_text(pieces, &[], |chunk| match foreign_reading(chunk) {
        Some(latin) => {
            any = true;
            Some(latin)
        }
        None if dominant_script(chunk) == NameScript::Han => read_proper(chunk, Reading::Pinyin),
        None => read_proper(chunk, Reading::KoreanMr),
    });
    any.then_some(text)
}

/// The text of one form: proper nouns read by `read`, each generic word
/// in its first English, or its second where its index is in `switched`.
fn form_text(
    pieces: &[Piece],
    switched: &[usize],
    mut read: impl FnMut(&str) -> Option<String>,
) -> String {
    let mut text = String::new();
    for (i, p) in pieces.iter().enumerate() {
        let part = match p {
            Piece::Generic(e) => {
                let mut alts = e.split('|');
                let first = alts.next().unwrap_or(e);
                let second = alts.next().filter(|_| switched.contains(&i));
                Some(second.unwrap_or(first).to_string())
            }
            Piece::LegalForm(e) => Some((*e).to_string()),
            Piece::Number(n) => Some(n.clone()),
            Piece::Proper(chunk) => read(chunk),
        };
        if let Some(part) = part {
            text.push_str(&part);
            text.push(' ');
        }
    }
    normalize(&text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str) -> Vec<String> {
        cjk_org_forms(name).into_iter().map(|f| f.text).collect()
    }

    #[test]
    fn a_foreign_name_transcribed_in_an_organisation_name_reads_back() {
        // Xinhua table: 罗 ro/lo, 斯 s, 托 to, 夫 v/f; 普 pu, 京 tin.
        assert!(texts("罗斯托夫贸易公司").contains(&"rostov trading corp".to_string()));
        assert!(texts("普京集团").contains(&"putin group".to_string()));
        // A Korean firm's name is not read as a transcription.
        assert!(texts("조선대성무역총회사")
            .iter()
            .all(|t| t.contains("taesong") || t.contains("daeseong")));
    }

    #[test]
    fn generic_words_translate_and_names_romanise() {
        assert_eq!(texts("고려항공"), ["koryo air", "goryeo air"]);
        assert_eq!(
            texts("조선대성무역총회사")[0],
            "korea taesong trading general corporation"
        );
        assert_eq!(texts("창광신용은행")[0], "changgwang credit bank");
        assert_eq!(
            texts("대외건설지도국")[0],
            "foreign construction guidance bureau"
        );
        // A word the lists translate two ways gives a form for each.
        assert!(
            texts("대외건설지도국").contains(&"external construction guidance bureau".to_string())
        );
        assert_eq!(texts("군수공업부")[0], "munitions industry department");
        // Two such words: each switched alone, then both.
        let t = texts("대외건설지도국");
        assert!(
            t.contains(&"foreign construction guidance administration".to_string()),
            "{t:?}"
        );
        assert!(
            t.contains(&"external construction guidance administration".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn a_row_serves_japanese_traditional_and_simplified_writing() {
        // 生産 "production" is a JMdict row in Japanese shinjitai; 生產 and
        // 生产 are the same word in traditional and simplified characters.
        for name in ["新疆生産建設兵団", "新疆生產建設兵團", "新疆生产建设兵团"]
        {
            assert!(texts(name)[0].contains("production construction"), "{name}");
        }
    }

    #[test]
    fn numbers_ordinals_and_legal_forms() {
        assert_eq!(texts("노동당 39호실")[0], "workers party 39 office");
        assert_eq!(texts("제2자연과학원")[0], "2 natural academy of sciences");
        let t = texts("丹東鴻祥實業發展有限公司");
        assert!(
            t.contains(&"dandong hongxiang industrial development ltd".to_string()),
            "{t:?}"
        );
        let t = texts("朝鲜大成贸易总公司");
        assert!(
            t.contains(&"korea taesong trading general corporation".to_string()),
            "{t:?}"
        );
    }

    #[test]
    fn mr_writes_a_word_initial_jieut_as_ch() {
        assert_eq!(texts("제일신용은행")[0], "cheil credit bank");
        assert!(texts("제일신용은행").contains(&"jeil credit bank".to_string()));
        assert_eq!(texts("창광신용은행")[0], "changgwang credit bank");
    }

    #[test]
    fn katakana_loanwords_translate() {
        assert_eq!(
            texts("タンチョン・コマーシャル・バンク")[0],
            "tanchon commercial bank"
        );
        let t = texts("オーシャン・マリタイム・マネジメント・カンパニー");
        assert!(t[0].starts_with("ocean maritaimu management co"), "{t:?}");
        // A name run together with a loanword is one name, as in the lists.
        assert!(texts("ロステック").is_empty());
        // No loanword: nothing to translate.
        assert!(texts("キム・ジョンナム").is_empty());
    }

    #[test]
    fn loanword_rows_are_sourced() {
        for line in LOANWORDS.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 3, "{line}");
            assert!(is_katakana_word(cols[0]), "{line}");
            assert!(cols[2].parse::<u32>().is_ok(), "{line}");
        }
        assert!(loanwords().len() > 1000);
    }

    #[test]
    fn a_place_name_drops_its_division_suffix() {
        let t = texts("丹東市鴻達貿易有限公司");
        assert!(
            t.contains(&"dandong hongda trading ltd".to_string()),
            "{t:?}"
        );
        // Not after a name of another length: 市 stays in the name.
        let t = texts("哈爾濱市貿易公司");
        assert!(t.iter().any(|x| x.contains("shi")), "{t:?}");
    }

    #[test]
    fn one_character_words_only_at_the_end() {
        // 성 is "ministry" only as a head noun: in 대성 it is part of the name.
        assert!(texts("대성은행")[0].starts_with("taesong"));
        assert!(texts("김정은").is_empty());
        assert!(texts("Korea Trading").is_empty());
    }

    #[test]
    fn korean_rows_are_sino_korean_readings_of_their_hanja() {
        // Every Hangul row reads its Hanja column syllable by syllable
        // (Unihan kHangul), allowing the initial-sound rule (로동당 / 노동당).
        for line in VOCABULARY.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            let (written, hanja_form) = (cols[0], cols[2]);
            if dominant_script(written) != NameScript::Hangul || hanja_form.is_empty() {
                continue;
            }
            let w: Vec<char> = written.chars().collect();
            let h: Vec<char> = hanja_form.chars().collect();
            assert_eq!(w.len(), h.len(), "{line}");
            for (s, c) in w.iter().zip(&h) {
                let readings = hanja::hangul_readings(*c);
                let ok = readings.iter().any(|r| {
                    r == s
                        || crate::keys::are_romanisation_variants(
                            &hangul::romanize_rr(&r.to_string()),
                            &hangul::romanize_rr(&s.to_string()),
                        )
                });
                assert!(ok, "{written}: {s} is no reading of {c} ({readings:?})");
            }
        }
    }

    #[test]
    fn every_row_has_a_source() {
        for line in VOCABULARY.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 5, "{line}");
            assert!(
                !cols[3].is_empty() && matches!(cols[4], "yes" | "no"),
                "{line}"
            );
        }
    }
}
