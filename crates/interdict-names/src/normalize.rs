//! Unicode normalisation of names and script detection.
//!
//! Owns [`normalize`] (NFKC, case folding, Latin diacritics, punctuation) and
//! [`dominant_script`]. It must not transliterate non-Latin scripts: that is
//! `forms`' job, so that a Hangul or Cyrillic name stays intact here.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;
use unicode_script::{Script, UnicodeScript};

/// The script that dominates a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NameScript {
    /// Latin letters (with or without diacritics), or no letters at all.
    Latin,
    /// Korean Hangul syllables.
    Hangul,
    /// Chinese characters (Hanzi, Hanja, Kanji) without any Kana.
    Han,
    /// Hiragana or Katakana (a Japanese name, possibly mixed with Han).
    Kana,
    /// Cyrillic (Russian and other Slavic or Central Asian alphabets).
    Cyrillic,
    /// Arabic script (Arabic, Persian, Urdu, Pashto).
    Arabic,
    /// Any other script.
    Other,
}

/// Apostrophe-like characters that MR and other romanisations put inside
/// words (aspiration marks, syllable separators); dropped so `Ch'ŏng` → `chong`.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{02B9}' | '`' | '\u{00B4}'
    )
}

/// Normalises a name for comparison: NFKC, lower case, diacritics stripped
/// from Latin letters (ŏ→o, é→e, ß→ss), apostrophes inside words dropped,
/// every other punctuation or symbol (hyphens included) turned into a single
/// space. Letters of other scripts are kept (lower-cased where they have
/// case). Digits are kept.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    if s.is_ascii() {
        push_normalized(s.chars(), &mut out);
    } else {
        push_normalized(s.nfkc(), &mut out);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out
}

fn push_normalized(chars: impl Iterator<Item = char>, out: &mut String) {
    // `pending_apostrophe`: an apostrophe was seen after a letter; it is
    // dropped if a letter follows, and becomes a space otherwise.
    let mut pending_apostrophe = false;
    let mut prev_letter = false;
    for c in chars {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                if pending_apostrophe {
                    pending_apostrophe = false;
                }
                out.push(c.to_ascii_lowercase());
                prev_letter = true;
            } else if is_apostrophe(c) && prev_letter {
                pending_apostrophe = true;
                prev_letter = false;
            } else {
                push_space(out);
                pending_apostrophe = false;
                prev_letter = false;
            }
            continue;
        }
        if is_combining_mark(c) {
            // A mark that NFKC could not compose: meaningful for scripts
            // without precomposed forms (Devanagari, Thai...), noise after
            // a Latin letter.
            if !out.ends_with(|p: char| p.is_ascii()) {
                out.push(c);
            }
            continue;
        }
        if c.is_alphanumeric() {
            pending_apostrophe = false;
            prev_letter = true;
            if c.script() == Script::Latin {
                for l in any_ascii::any_ascii_char(c).chars() {
                    if l.is_ascii_alphanumeric() {
                        out.push(l.to_ascii_lowercase());
                    }
                }
            } else {
                out.extend(c.to_lowercase());
            }
        } else if is_apostrophe(c) && prev_letter {
            pending_apostrophe = true;
            prev_letter = false;
        } else {
            push_space(out);
            pending_apostrophe = false;
            prev_letter = false;
        }
    }
}

fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// The script most letters of `s` belong to. Any Kana makes the name
/// Japanese ([`NameScript::Kana`]) even when Han characters outnumber it.
pub fn dominant_script(s: &str) -> NameScript {
    // Counts: Latin, Hangul, Han, Kana, Cyrillic, Arabic, Other.
    let mut counts = [0usize; 7];
    for c in s.chars() {
        if !c.is_alphabetic() {
            continue;
        }
        let i = match c.script() {
            Script::Latin => 0,
            Script::Hangul => 1,
            Script::Han => 2,
            Script::Hiragana | Script::Katakana => 3,
            Script::Cyrillic => 4,
            Script::Arabic => 5,
            Script::Common | Script::Inherited => continue,
            _ => 6,
        };
        counts[i] += 1;
    }
    if counts[3] > 0 {
        return NameScript::Kana;
    }
    let order = [
        NameScript::Latin,
        NameScript::Hangul,
        NameScript::Han,
        NameScript::Kana,
        NameScript::Cyrillic,
        NameScript::Arabic,
        NameScript::Other,
    ];
    let mut best = 0;
    for i in 1..counts.len() {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    if counts[best] == 0 {
        return NameScript::Latin;
    }
    order[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_latin_diacritics_and_apostrophes() {
        assert_eq!(normalize("Ch'ŏng Ŭn"), "chong un");
        assert_eq!(normalize("Kim Jong-un"), "kim jong un");
        assert_eq!(normalize("  José  MARÍA, S.A. "), "jose maria s a");
        assert_eq!(normalize("Straße"), "strasse");
        assert_eq!(normalize("O'Brien"), "obrien");
        assert_eq!(normalize("'quoted'"), "quoted");
    }

    #[test]
    fn nfkc_folds_compatibility_forms() {
        assert_eq!(normalize("ＫＩＭ"), "kim");
        assert_eq!(normalize("ﬁne"), "fine");
    }

    #[test]
    fn keeps_other_scripts() {
        assert_eq!(normalize("김정은"), "김정은");
        assert_eq!(normalize("Ким Чен-Ын"), "ким чен ын");
        assert_eq!(normalize("金正恩"), "金正恩");
    }

    #[test]
    fn detects_scripts() {
        assert_eq!(dominant_script("Kim Jong Un"), NameScript::Latin);
        assert_eq!(dominant_script("김정은"), NameScript::Hangul);
        assert_eq!(dominant_script("金正恩"), NameScript::Han);
        assert_eq!(dominant_script("山田たろう"), NameScript::Kana);
        assert_eq!(dominant_script("Ким Чен Ын"), NameScript::Cyrillic);
        assert_eq!(dominant_script("كيم"), NameScript::Arabic);
        assert_eq!(dominant_script("Δημήτρης"), NameScript::Other);
        assert_eq!(dominant_script("123"), NameScript::Latin);
    }
}
