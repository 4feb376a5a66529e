//! Russian organisation names read the way the lists write them in
//! English: the generic words translated whatever their case ending
//! (группа / группы → "group", завод / завода → "plant", госкорпорация →
//! "state corporation"), legal forms as their symbols (ООО → llc), the
//! proper nouns in BGN/PCGN, a genitive ending taken off a name that
//! follows a generic word ("Группа Вагнера" → "group vagner").
//!
//! Owns the Russian organisation vocabulary (`data/org_vocabulary_ru.tsv`,
//! stems with their sources). It must not decide that a name is an
//! organisation's: callers ask for organisation names only.

use crate::forms::{push, LatinForm, Transliteration};
use crate::normalize::{dominant_script, normalize, NameScript};
use std::sync::OnceLock;

const VOCABULARY: &str = include_str!("../data/org_vocabulary_ru.tsv");

/// Stems of Russian words whose enru-dict translation is a word of listed
/// organisations' English names (`data/write_org_vocabulary_dict.py` for
/// the rule); none repeats a stem of the hand-written table above.
const DICTIONARY: &str = include_str!("../data/org_vocabulary_ru_dict.tsv");

/// The longest case ending a stem may carry ("-ого", "-ами", "-ской").
const MAX_ENDING: usize = 4;

/// (stem, English), longest stem first.
fn vocabulary() -> &'static [(&'static str, &'static str)] {
    static V: OnceLock<Vec<(&'static str, &'static str)>> = OnceLock::new();
    V.get_or_init(|| {
        let mut v: Vec<(&'static str, &'static str)> = VOCABULARY
            .lines()
            .chain(DICTIONARY.lines())
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut cols = l.split('\t');
                Some((cols.next()?, cols.next()?))
            })
            .collect();
        v.sort_by_key(|(s, _)| std::cmp::Reverse(s.chars().count()));
        v
    })
}

/// Russian function words of organisation names, matched whole, in
/// English (Wiktionary: и "and", для "for"): read letter by letter, "и"
/// would be a Roman numeral one ("банк реконструкции и развития").
const FUNCTION_WORDS: [(&str, &str); 2] = [("и", "and"), ("для", "for")];

/// The English of a word whose stem is in the vocabulary.
fn generic(word: &str) -> Option<&'static str> {
    vocabulary().iter().find_map(|(stem, english)| {
        let rest = word.strip_prefix(stem)?;
        (rest.chars().count() <= MAX_ENDING).then_some(*english)
    })
}

/// A name in the genitive after a generic word ("группа Вагнера"): the
/// ending -а, -я, -у or -ы taken off a word of five letters or more.
fn without_genitive(word: &str) -> &str {
    if word.chars().count() < 5 {
        return word;
    }
    ['а', 'я', 'у', 'ы']
        .iter()
        .find_map(|e| word.strip_suffix(*e))
        .unwrap_or(word)
}

/// The English reading of a Russian organisation name; empty when the name
/// is not Cyrillic or holds no generic word or legal form.
pub fn cyrillic_org_forms(name: &str) -> Vec<LatinForm> {
    let norm = normalize(name);
    if dominant_script(&norm) != NameScript::Cyrillic {
        return Vec::new();
    }
    let words: Vec<String> = norm.split_whitespace().map(str::to_string).collect();
    let mut parts: Vec<String> = Vec::new();
    let mut translated = false;
    let mut after_generic = false;
    let mut i = 0;
    while i < words.len() {
        if let Some((n, symbol)) = crate::org_type(&words, i).filter(|(n, _)| *n > 0) {
            parts.push(symbol.to_string());
            translated = true;
            after_generic = false;
            i += n;
            continue;
        }
        let w = &words[i];
        if let Some((_, english)) = FUNCTION_WORDS.iter().find(|(ru, _)| ru == w) {
            parts.push(english.to_string());
            after_generic = false;
        } else if let Some(english) = generic(w) {
            parts.push(english.to_string());
            translated = true;
            after_generic = true;
        } else {
            let proper = if after_generic {
                without_genitive(w)
            } else {
                w
            };
            // ё, which the BGN/PCGN tables leave as written after a
            // consonant, is "yo" as in the lists' "Ryonbong".
            let latin = crate::cyrillic::bgn_pcgn(proper).replace('ё', "yo");
            parts.push(any_ascii::any_ascii(&latin));
            after_generic = false;
        }
        i += 1;
    }
    let mut forms = Vec::new();
    if translated {
        push(
            &mut forms,
            normalize(&parts.join(" ")),
            Transliteration::OrgTranslated,
        );
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(name: &str) -> String {
        cyrillic_org_forms(name)
            .into_iter()
            .next()
            .map(|f| f.text)
            .unwrap_or_default()
    }

    #[test]
    fn generic_words_in_any_case() {
        assert_eq!(text("Группа Вагнера"), "group vagner");
        assert_eq!(text("АО «Балтийский завод»"), "jsc baltic plant");
        assert_eq!(text("Московский кредитный банк"), "moscow credit bank");
        assert_eq!(
            text("Уральский банк реконструкции и развития"),
            "ural bank reconstruction and development"
        );
        assert_eq!(text("Банк «Санкт-Петербург»"), "bank saint peterburg");
        let t = text("Корейская генеральная корпорация «Рёнбон»");
        assert_eq!(t, "korea general corporation ryonbon");
    }

    #[test]
    fn names_without_generic_words_are_left_alone() {
        assert!(cyrillic_org_forms("Иван Петров").is_empty());
        assert!(cyrillic_org_forms("Acme Trading").is_empty());
    }

    #[test]
    fn every_row_has_a_source() {
        for line in VOCABULARY.lines().filter(|l| !l.starts_with('#')) {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 4, "{line}");
            assert!(
                !cols[2].is_empty() && matches!(cols[3], "yes" | "no"),
                "{line}"
            );
        }
    }
}
