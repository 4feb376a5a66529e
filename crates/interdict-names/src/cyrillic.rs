//! Cyrillic → Latin: the Russian standards (through the `iuliia` crate) and
//! the Russian transcription of Korean names read back to Hangul.
//!
//! Owns the reverse table of the Kontsevich system (the Russian
//! Academy's Hangul ↔ Cyrillic transcription) with the traditional Soviet
//! spellings that Russian texts still use for DPRK names (Ким Ир Сен, Ким
//! Чен Ын, Цой). It must not romanise Hangul itself: readings go through
//! [`crate::hangul`].

use iuliia::schemas::{bgn_pcgn::BgnPcgn, gost_779::Gost779, icao_doc_9303::IcaoDoc9303};
use iuliia::Schema;

use crate::hangul::{compose, Jamo};
use crate::hanja::syllable_weight;

/// BGN/PCGN 1947 romanisation of Russian, without the system's optional
/// separator dot: it writes тс as "t·s" (and шч as "sh·ch") to tell them
/// from ц "ts" and щ "shch", but lists and the press leave the dot out
/// ("Irkutskaya", not "Irkut·skaya"), and a dot kept would split one word
/// in two when the name is cut into parts.
pub(crate) fn bgn_pcgn(s: &str) -> String {
    BgnPcgn::transliterate(s).replace('\u{b7}', "")
}

/// ICAO Doc 9303 (machine-readable passports), 7th edition.
pub(crate) fn icao(s: &str) -> String {
    IcaoDoc9303::transliterate(s)
}

/// ISO 9:1995 (= GOST 7.79-2000 system A), with diacritics (š, č, ŭ).
pub(crate) fn iso9(s: &str) -> String {
    Gost779::transliterate(s)
}

/// One spelling of one jamo: (Cyrillic, jamo index, standard?). Standard
/// spellings are Kontsevich's; the others are traditional or voiced
/// variants and weigh half.
type Spelling = (&'static str, u8, bool);

/// Initials: Kontsevich ㄱ к, ㄲ кк, ㄴ н, ㄷ т, ㄸ тт, ㄹ р, ㅁ м, ㅂ п, ㅃ пп,
/// ㅅ с, ㅆ сс, ㅇ ∅, ㅈ ч, ㅉ чч, ㅊ чх, ㅋ кх, ㅌ тх, ㅍ пх, ㅎ х; voiced
/// medial values (г, д, б, дж) and traditional ones (л for ㄹ as in Ли,
/// ц for ㅊ as in Цой, ш for ㅅ before и as in Шин) as variants.
const INITIALS: &[Spelling] = &[
    ("к", 0, true),
    ("г", 0, false),
    ("кк", 1, true),
    ("н", 2, true),
    ("т", 3, true),
    ("д", 3, false),
    ("тт", 4, true),
    ("р", 5, true),
    ("л", 5, false),
    ("м", 6, true),
    ("п", 7, true),
    ("б", 7, false),
    ("пп", 8, true),
    ("с", 9, true),
    ("ш", 9, false),
    ("сс", 10, true),
    ("", 11, true),
    ("ч", 12, true),
    ("дж", 12, false),
    ("ц", 12, false),
    ("чч", 13, true),
    ("чх", 14, true),
    ("ч", 14, false),
    ("ц", 14, false),
    ("кх", 15, true),
    ("к", 15, false),
    ("тх", 16, true),
    ("т", 16, false),
    ("пх", 17, true),
    ("п", 17, false),
    ("х", 18, true),
];

/// Medials: Kontsevich ㅏ а, ㅐ э, ㅑ я, ㅒ йя, ㅓ о, ㅔ е, ㅕ ё, ㅖ е, ㅗ о, ㅘ ва,
/// ㅙ вэ, ㅚ ве, ㅛ ё, ㅜ у, ㅝ во, ㅞ ве, ㅟ ви, ㅠ ю, ㅡ ы, ㅢ ый, ㅣ и; the
/// traditional е/ё for ㅓ (Чен, Сен), е for ㅕ (Пхеньян), ё written е, ой for
/// ㅚ (Цой) as variants.
const MEDIALS: &[Spelling] = &[
    ("а", 0, true),
    ("э", 1, true),
    ("е", 1, false),
    ("я", 2, true),
    ("йя", 3, true),
    ("о", 4, true),
    ("е", 4, false),
    ("ё", 4, false),
    ("е", 5, true),
    ("э", 5, false),
    ("ё", 6, true),
    ("е", 6, false),
    ("йо", 6, false),
    ("е", 7, true),
    ("йе", 7, false),
    ("о", 8, true),
    ("ва", 9, true),
    ("вэ", 10, true),
    ("ве", 11, true),
    ("вэ", 11, false),
    ("ой", 11, false),
    ("ё", 12, true),
    ("е", 12, false),
    ("йо", 12, false),
    ("у", 13, true),
    ("во", 14, true),
    ("ве", 15, true),
    ("ви", 16, true),
    ("ю", 17, true),
    ("ы", 18, true),
    ("у", 18, false),
    ("ый", 19, true),
    ("ы", 19, false),
    ("и", 20, true),
];

/// Finals: Kontsevich ㄱ к, ㄴ н, ㄹ ль, ㅁ м, ㅂ п, ㅅ т, ㅇ н (sic: the
/// system writes final ㅇ as н, hence Пхеньян); traditional р and л for ㄹ
/// (Ир), нг for ㅇ.
const FINALS: &[Spelling] = &[
    ("", 0, true),
    ("к", 1, true),
    ("н", 4, true),
    ("т", 7, true),
    ("ль", 8, true),
    ("л", 8, false),
    ("р", 8, false),
    ("м", 16, true),
    ("п", 17, true),
    ("т", 19, false),
    ("н", 21, true),
    ("нг", 21, false),
];

/// Hangul syllables a Cyrillic token can transcribe, best first, each with
/// a score (name frequency of the syllable × how standard the spelling is).
fn korean_syllables(token: &str) -> Vec<(char, f32)> {
    let mut out: Vec<(char, f32)> = Vec::new();
    for &(ini, i, si) in INITIALS {
        let Some(rest) = token.strip_prefix(ini) else {
            continue;
        };
        for &(med, m, sm) in MEDIALS {
            let Some(fin_text) = rest.strip_prefix(med) else {
                continue;
            };
            for &(_, f, sf) in FINALS.iter().filter(|(t, _, _)| *t == fin_text) {
                let Some(c) = compose(Jamo {
                    initial: i,
                    medial: m,
                    fin: f,
                }) else {
                    continue;
                };
                let standard = [si, sm, sf].iter().filter(|s| !**s).count();
                let score = syllable_weight(c) as f32 * 0.5f32.powi(standard as i32);
                match out.iter_mut().find(|(o, _)| *o == c) {
                    Some(o) => o.1 = o.1.max(score),
                    None => out.push((c, score)),
                }
            }
        }
    }
    out.retain(|(_, s)| *s > 0.0);
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out.truncate(4);
    out
}

/// Up to `limit` Hangul readings of a Cyrillic name whose every word is one
/// Korean syllable in Russian transcription (Ким Чен Ын → 김정은, 김전은, ...),
/// best first; empty if any word is not.
pub(crate) fn korean_readings(norm: &str, limit: usize) -> Vec<Vec<char>> {
    let words: Vec<Vec<(char, f32)>> = norm.split_whitespace().map(korean_syllables).collect();
    if words.is_empty() || words.len() > 5 || words.iter().any(Vec::is_empty) {
        return Vec::new();
    }
    let mut combos: Vec<(Vec<char>, f32)> = vec![(Vec::new(), 1.0)];
    for options in &words {
        let mut next = Vec::with_capacity(combos.len() * options.len());
        for (prefix, score) in &combos {
            for &(c, s) in options {
                let mut p = prefix.clone();
                p.push(c);
                next.push((p, score * s));
            }
        }
        next.sort_by(|a, b| b.1.total_cmp(&a.1));
        next.truncate(limit.max(1) * 4);
        combos = next;
    }
    combos.into_iter().take(limit).map(|(c, _)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_standards() {
        assert_eq!(bgn_pcgn("Ким Чен Ын"), "Kim Chen Yn");
        assert_eq!(bgn_pcgn("Иркутская"), "Irkutskaya");
        assert_eq!(bgn_pcgn("Детский"), "Detskiy");
        assert_eq!(icao("Щеглова"), "Shcheglova");
        assert_eq!(iso9("Щеглова"), "Ŝeglova");
        assert_eq!(crate::normalize(&iso9("Юлия Щеглова")), "ulia seglova");
    }

    fn first(s: &str) -> Option<char> {
        korean_syllables(s).first().map(|x| x.0)
    }

    #[test]
    fn kontsevich_read_backwards() {
        assert_eq!(first("ким"), Some('김'));
        assert_eq!(first("ын"), Some('은'));
        assert_eq!(first("пак"), Some('박'));
        assert_eq!(first("хан"), Some('한'));
        assert_eq!(first("цой"), Some('최'));
        let chen: String = korean_syllables("чен").iter().map(|x| x.0).collect();
        assert!(chen.contains('정') && chen.contains('전'), "{chen}");
        let li: String = korean_syllables("ли").iter().map(|x| x.0).collect();
        assert!(li.contains('리'), "{li}");
        assert!(korean_syllables("иванов").is_empty());
    }

    #[test]
    fn whole_names() {
        let r = korean_readings("ким чен ын", 4);
        assert!(
            r.iter().any(|c| c.iter().collect::<String>() == "김정은"),
            "{r:?}"
        );
        assert!(korean_readings("иван петров", 4).is_empty());
    }
}
