//! Every Latin reading of a name, with the method that produced it.
//!
//! Owns the dispatch on script ([`crate::dominant_script`]) to the
//! transliterators, and [`LatinForm`]/[`Transliteration`]. It must not
//! compare forms: the matcher does.

use std::fmt;

use crate::normalize::{dominant_script, normalize, NameScript};
use crate::{cyrillic, foreign_han, hangul, hangul_foreign, hanja, kana, katakana, slavic};

/// At most this many alternative readings of an ambiguous name (金 → 김/금,
/// Чен → 정/전) are produced per method.
const MAX_READINGS: usize = 4;

/// How a Latin form of a name was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Transliteration {
    /// The name was already Latin (normalised only).
    None,
    /// Hangul in McCune–Reischauer as the lists write it ("kim jong un").
    HangulMcCuneReischauer,
    /// Hangul in Revised Romanisation ("gim jeong eun").
    HangulRevised,
    /// Hangul of a Russian or other foreign name read back to Latin
    /// letters (the 외래어 표기법 reversed): "푸틴" → "putin".
    HangulForeign,
    /// Han characters read as Korean (Unihan kHangul), then romanised in MR
    /// and RR.
    HanjaSinoKorean,
    /// Han characters in Mandarin Hanyu Pinyin, without tones.
    HanPinyin,
    /// Han characters of a personal name read in Cantonese (Unihan
    /// kCantonese), spelt as Hong Kong writes names ("tang ping keung").
    HanCantonese,
    /// Kana (mostly katakana, the script of foreign names) in Hepburn.
    KanaHepburn,
    /// Katakana of a Korean name read back to Hangul (외래어 표기법 table 4
    /// reversed), then romanised in McCune–Reischauer and RR.
    KanaKorean,
    /// Katakana of a Russian or Western name read back to Latin letters
    /// (the cabinet notice 外来語の表記 reversed): "ウラジーミル" →
    /// "vladimir".
    KanaForeign,
    /// Han characters read by their first Japanese on'yomi, in Hepburn.
    KanjiOnyomi,
    /// Kanji read, character by character, with the Japanese readings
    /// (on'yomi or kun'yomi, Hepburn) that spell the Latin name compared
    /// with (see [`crate::japanese_reading_like`]).
    KanjiJapaneseReadings,
    /// Chinese characters of the Xinhua transcription tables, read back to
    /// the foreign name they transcribe ("普京" → "putin").
    HanForeign,
    /// Russian Cyrillic under BGN/PCGN 1947.
    CyrillicBgnPcgn,
    /// Russian Cyrillic under ICAO Doc 9303 (machine-readable passports).
    CyrillicIcao,
    /// Russian Cyrillic under ISO 9:1995, diacritics dropped.
    CyrillicIso9,
    /// Russian (Kontsevich and traditional) transcription of a Korean name,
    /// read back to Hangul and romanised in McCune–Reischauer.
    CyrillicKorean,
    /// The general transliterator `any_ascii`, for scripts without a
    /// dedicated one.
    AnyAscii,
    /// A Russian, Belarusian or Ukrainian name in the Latin transliteration
    /// of another language (German, Polish, French, Czech, Baltic,
    /// Ukrainian), read back to the BGN/PCGN spelling (see `slavic`).
    SlavicLatin,
    /// A Korean, Chinese or Japanese organisation name with its generic
    /// words translated and its proper nouns romanised
    /// ([`crate::cjk_org_forms`]).
    OrgTranslated,
}

impl fmt::Display for Transliteration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::None => "as written",
            Self::HangulMcCuneReischauer => "Hangul, McCune–Reischauer",
            Self::HangulRevised => "Hangul, Revised Romanisation",
            Self::HanjaSinoKorean => "Hanja, Sino-Korean reading",
            Self::HanPinyin => "Chinese characters, Hanyu Pinyin",
            Self::HanCantonese => "Chinese characters, Cantonese as Hong Kong spells it",
            Self::KanaHepburn => "Japanese kana, Hepburn",
            Self::KanaKorean => "katakana of a Korean name, read as Hangul",
            Self::KanaForeign => "katakana of a foreign name, read back to Latin",
            Self::KanjiOnyomi => "kanji, Japanese on'yomi (Hepburn)",
            Self::KanjiJapaneseReadings => "kanji, Japanese on'yomi/kun'yomi (Hepburn)",
            Self::HangulForeign => "Hangul transcription of a foreign name, read back",
            Self::HanForeign => "Chinese transcription of a foreign name, read back",
            Self::CyrillicBgnPcgn => "Cyrillic, BGN/PCGN",
            Self::CyrillicIcao => "Cyrillic, ICAO 9303 (passports)",
            Self::CyrillicIso9 => "Cyrillic, ISO 9",
            Self::CyrillicKorean => "Cyrillic, Russian transcription of Korean",
            Self::AnyAscii => "general transliteration (any_ascii)",
            Self::SlavicLatin => "another Latin transliteration of Cyrillic, read as BGN/PCGN",
            Self::OrgTranslated => "organisation words translated, names romanised",
        })
    }
}

/// One Latin reading of a name: lower-case ASCII words separated by single
/// spaces.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LatinForm {
    /// The form: lower-case ASCII words separated by single spaces.
    pub text: String,
    /// How it was obtained from the original name.
    pub method: Transliteration,
}

/// Every Latin reading of `name`, deduplicated by text (first method wins),
/// most conventional first.
pub fn latin_forms(name: &str) -> Vec<LatinForm> {
    let norm = normalize(name);
    let mut forms = Vec::new();
    match dominant_script(&norm) {
        NameScript::Latin => {
            push(&mut forms, norm.clone(), Transliteration::None);
            for reading in slavic::slavic_readings(&name.to_lowercase()) {
                push(
                    &mut forms,
                    normalize(&reading),
                    Transliteration::SlavicLatin,
                );
            }
        }
        NameScript::Hangul => {
            hangul_forms(
                &norm,
                Transliteration::HangulMcCuneReischauer,
                Transliteration::HangulRevised,
                &mut forms,
            );
            for reading in hangul_foreign::readings(&norm) {
                push(&mut forms, reading, Transliteration::HangulForeign);
            }
        }
        NameScript::Han => han_forms(&norm, &mut forms),
        NameScript::Kana => kana_forms(&norm, &mut forms),
        NameScript::Cyrillic => cyrillic_forms(&norm, &mut forms),
        NameScript::Arabic | NameScript::Other => {}
    }
    // The general transliterator only where no dedicated one produced a
    // form (other scripts, or a Latin name with letters of another script).
    if forms.is_empty() {
        push(
            &mut forms,
            normalize(&any_ascii::any_ascii(&norm)),
            Transliteration::AnyAscii,
        );
    }
    forms
}

pub(crate) fn push(forms: &mut Vec<LatinForm>, text: String, method: Transliteration) {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.is_empty() || !text.is_ascii() || forms.iter().any(|f| f.text == text) {
        return;
    }
    forms.push(LatinForm { text, method });
}

/// Kana: the Korean reading of a Korean name in katakana; for any other,
/// Hepburn (Japanese names) and the Latin reading of a foreign name.
fn kana_forms(norm: &str, forms: &mut Vec<LatinForm>) {
    let korean = katakana::korean_readings(norm, 2 * MAX_READINGS);
    // A Korean name's Hepburn ("ri yonho") and foreign readings are no
    // reading of it, and their looser spelling rules would meet other
    // Korean names ("yon" / "won").
    if korean.is_empty() {
        push(forms, kana::to_hepburn(norm), Transliteration::KanaHepburn);
        for reading in katakana::foreign_readings(norm) {
            push(forms, reading, Transliteration::KanaForeign);
        }
    }
    for hangul in korean {
        hangul_forms(
            &hangul,
            Transliteration::KanaKorean,
            Transliteration::KanaKorean,
            forms,
        );
    }
}

/// Hangul: each whitespace-separated word is a name part; a word of two or
/// more syllables that starts the name is split into surname + given-name
/// syllables; given-name syllables are written as separate words, the way
/// the lists write them ("Kim Jong Un").
fn hangul_forms(
    norm: &str,
    mr_method: Transliteration,
    rr_method: Transliteration,
    forms: &mut Vec<LatinForm>,
) {
    let mut mr = String::new();
    let mut rr = String::new();
    let words: Vec<&str> = norm.split_whitespace().collect();
    for (i, word) in words.iter().enumerate() {
        let (surname, given) = if i == 0 && words.len() == 1 {
            hangul::segment_korean_name(word).unwrap_or(("", word))
        } else {
            ("", *word)
        };
        if !surname.is_empty() {
            mr.push_str(&hangul::romanize_mr(surname));
            rr.push_str(&hangul::romanize_rr(surname));
            mr.push(' ');
            rr.push(' ');
        }
        for c in given.chars() {
            if hangul::push_syllable_mr(c, &mut mr) {
                hangul::push_syllable_rr(c, &mut rr);
                mr.push(' ');
                rr.push(' ');
            } else {
                mr.push(c);
                rr.push(c);
            }
        }
        mr.push(' ');
        rr.push(' ');
    }
    push(forms, mr, mr_method);
    push(forms, rr, rr_method);
}

/// Han: Sino-Korean readings (through Hangul, so surnames segment the same
/// way), then Mandarin pinyin (syllables apart, and given name joined as
/// Chinese passports write it: "xi jinping"), then Japanese on'yomi.
fn han_forms(norm: &str, forms: &mut Vec<LatinForm>) {
    let words: Vec<&str> = norm.split_whitespace().collect();
    for hangul in hanja::to_hangul(&words.concat(), MAX_READINGS) {
        let spaced = if words.len() > 1 {
            let mut out = String::new();
            let mut chars = hangul.chars();
            for w in &words {
                out.extend(chars.by_ref().take(w.chars().count()));
                out.push(' ');
            }
            out
        } else {
            hangul
        };
        hangul_forms(
            &spaced,
            Transliteration::HanjaSinoKorean,
            Transliteration::HanjaSinoKorean,
            forms,
        );
    }
    let mut spaced = String::new();
    let mut joined = String::new();
    for (wi, w) in words.iter().enumerate() {
        for (ci, c) in w.chars().enumerate() {
            let p = pinyin_of(c);
            spaced.push_str(&p);
            spaced.push(' ');
            // Surname (first character of a one-word name) apart, given name joined.
            if words.len() == 1 && ci == 1 {
                joined.push(' ');
            }
            joined.push_str(&p);
        }
        if wi + 1 < words.len() {
            joined.push(' ');
        }
        spaced.push(' ');
    }
    push(forms, spaced, Transliteration::HanPinyin);
    push(forms, joined, Transliteration::HanPinyin);
    for reading in crate::cantonese::cantonese_readings(norm) {
        push(forms, reading, Transliteration::HanCantonese);
    }
    // Only when every character has an on'yomi: a reading that silently
    // drops a character (simplified forms such as 杨 have none) would be a
    // shorter, different name.
    let on: Option<Vec<String>> = words
        .iter()
        .map(|w| {
            w.chars()
                .map(|c| hanja::readings(c).and_then(|r| r.on().next()))
                .collect::<Option<Vec<_>>>()
                .map(|r| r.join(" "))
        })
        .collect();
    if let Some(on) = on {
        push(forms, on.join(" "), Transliteration::KanjiOnyomi);
    }
    for reading in foreign_han::readings(norm) {
        push(forms, reading, Transliteration::HanForeign);
    }
}

fn pinyin_of(c: char) -> String {
    use pinyin::ToPinyin;
    match c.to_pinyin() {
        Some(p) => p.plain().to_owned(),
        None => any_ascii::any_ascii_char(c).to_ascii_lowercase(),
    }
}

/// Cyrillic: the Korean reading first when every word is a Korean syllable
/// in Russian transcription, then BGN/PCGN, ICAO 9303 and ISO 9.
fn cyrillic_forms(norm: &str, forms: &mut Vec<LatinForm>) {
    for reading in cyrillic::korean_readings(norm, MAX_READINGS) {
        let mut mr = String::new();
        for c in reading {
            hangul::push_syllable_mr(c, &mut mr);
            mr.push(' ');
        }
        push(forms, mr, Transliteration::CyrillicKorean);
    }
    push(
        forms,
        normalize(&cyrillic::bgn_pcgn(norm)),
        Transliteration::CyrillicBgnPcgn,
    );
    push(
        forms,
        normalize(&cyrillic::icao(norm)),
        Transliteration::CyrillicIcao,
    );
    push(
        forms,
        normalize(&cyrillic::iso9(norm)),
        Transliteration::CyrillicIso9,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(name: &str) -> Vec<(String, Transliteration)> {
        latin_forms(name)
            .into_iter()
            .map(|f| (f.text, f.method))
            .collect()
    }

    #[test]
    fn hangul_in_both_systems() {
        let f = texts("김정은");
        assert_eq!(
            f[0],
            (
                "kim jong un".into(),
                Transliteration::HangulMcCuneReischauer
            )
        );
        assert_eq!(
            f[1],
            ("gim jeong eun".into(), Transliteration::HangulRevised)
        );
    }

    fn has(name: &str, text: &str, method: Transliteration) -> bool {
        latin_forms(name)
            .iter()
            .any(|f| f.text == text && f.method == method)
    }

    #[test]
    fn hanja_and_pinyin() {
        assert!(has(
            "金正恩",
            "kim jong un",
            Transliteration::HanjaSinoKorean
        ));
        assert!(has(
            "金正恩",
            "gim jeong eun",
            Transliteration::HanjaSinoKorean
        ));
        assert!(has("金正恩", "jin zheng en", Transliteration::HanPinyin));
        assert!(has("习近平", "xi jinping", Transliteration::HanPinyin));
        assert!(has("金正恩", "kin sei on", Transliteration::KanjiOnyomi));
        // 杨 (simplified) has no on'yomi in Unihan, and simplified
        // characters are Chinese, not Japanese: no Japanese form at all.
        assert!(latin_forms("桂珍 杨")
            .iter()
            .all(|f| f.method != Transliteration::KanjiOnyomi));
    }

    #[test]
    fn cyrillic_standards_and_korean() {
        assert!(has(
            "Ким Чен Ын",
            "kim jong un",
            Transliteration::CyrillicKorean
        ));
        assert!(has(
            "Ким Чен Ын",
            "kim chen yn",
            Transliteration::CyrillicBgnPcgn
        ));
        assert!(has(
            "Юлия Щеглова",
            "yuliya shcheglova",
            Transliteration::CyrillicBgnPcgn
        ));
        assert!(has(
            "Юлия Щеглова",
            "iuliia shcheglova",
            Transliteration::CyrillicIcao
        ));
        assert!(has(
            "Юлия Щеглова",
            "ulia seglova",
            Transliteration::CyrillicIso9
        ));
    }

    #[test]
    fn kana_and_fallback() {
        assert!(has(
            "ヤマダ タロウ",
            "yamada tarou",
            Transliteration::KanaHepburn
        ));
        assert!(has("Δημήτρης", "dimitris", Transliteration::AnyAscii));
    }

    #[test]
    fn latin_is_itself() {
        assert_eq!(
            texts("KIM Jong-Un"),
            vec![("kim jong un".into(), Transliteration::None)]
        );
    }

    #[test]
    fn display_in_words() {
        assert_eq!(
            Transliteration::HangulMcCuneReischauer.to_string(),
            "Hangul, McCune–Reischauer"
        );
    }
}
