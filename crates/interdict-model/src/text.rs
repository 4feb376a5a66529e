//! The one text folder for comparing free text: goods descriptions and their
//! vocabulary, shipment addresses and place names, country spellings.
//!
//! [`fold`] makes spellings that a reader takes for the same word compare
//! equal, and nothing more: it knows no language's grammar and transliterates
//! no script. Person and organisation names have their own, richer
//! normalisation in `interdict-names` (Latin read-back of every script,
//! apostrophes kept as syllable marks until dropped); on the characters both
//! handle, the two agree (NFKC, `ß` → `ss`, Latin diacritics stripped),
//! which the eval crate's tests check.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// Apostrophe-like marks. They join the parts of one word ("People's",
/// "Ch'ŏngjin", "d’Ivoire"), so they are dropped, never turned into a space.
fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{02BB}' | '\u{02B9}' | '`' | '\u{00B4}'
    )
}

/// Letters that Unicode does not decompose into a base letter and a mark,
/// spelt the way their languages spell them without the special letter
/// (German `ß` → `ss`, Danish `æ` → `ae`, Russian print writes `е` for `ё`).
fn spelt_out(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'æ' => "ae",
        'œ' => "oe",
        'ø' => "o",
        'ł' => "l",
        'đ' | 'ð' => "d",
        'þ' => "th",
        'ı' => "i",
        'ё' => "е",
        _ => return None,
    })
}

/// The ASCII base of a Latin letter with diacritics (`é` → `e`, `ŏ` → `o`),
/// from its canonical decomposition. Letters of other scripts keep their
/// marks: `й` is a letter of its own in Russian, not `и` with a breve.
fn latin_base(c: char) -> Option<char> {
    // Latin-1 Supplement, Latin Extended-A and -B, Latin Extended
    // Additional: the only blocks whose letters decompose onto an ASCII
    // letter. Asking only here spares Hangul syllables, which decompose
    // into jamo, a pointless decomposition each.
    if !matches!(c as u32, 0xC0..=0x24F | 0x1E00..=0x1EFF) {
        return None;
    }
    let mut base = None;
    let mut marks_only = true;
    decompose_canonical(c, |d| {
        if base.is_none() {
            base = Some(d);
        } else if !is_combining_mark(d) {
            marks_only = false;
        }
    });
    base.filter(|b| *b != c && b.is_ascii_alphabetic() && marks_only)
}

/// What one lower-case character becomes.
#[derive(Clone, Copy)]
enum Folded {
    /// Kept as it is.
    Keep(char),
    /// Replaced by this spelling.
    Spell(&'static str),
    /// Dropped without a trace (apostrophes, stray combining marks).
    Drop,
    /// A word boundary.
    Space,
}

fn fold_char(c: char) -> Folded {
    if c.is_ascii_alphanumeric() {
        return Folded::Keep(c);
    }
    if let Some(s) = spelt_out(c) {
        return Folded::Spell(s);
    }
    if is_apostrophe(c) {
        return Folded::Drop;
    }
    if let Some(b) = latin_base(c) {
        return Folded::Keep(b);
    }
    if c.is_alphanumeric() {
        return Folded::Keep(c);
    }
    // A mark NFKC could not compose onto its letter belongs to that
    // letter's word; splitting the word there would invent a boundary.
    if is_combining_mark(c) {
        return Folded::Drop;
    }
    Folded::Space
}

/// Folds text for comparison: NFKC (full-width `ＬＸ５７０` → `lx570`),
/// lower case, Latin diacritics stripped (`Côte` → `cote`, `ß` → `ss`),
/// `ё` → `е`, apostrophes dropped (`People's` → `peoples`), and every other
/// punctuation mark or symbol turned into one space between words, none at
/// either end: `"Glinkastraße 5-7, BERLIN"` → `"glinkastrasse 5 7 berlin"`.
/// Letters of other scripts are kept, lower-cased where they have case.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out` (which keeps what it holds): for callers
/// that frame the folded text, without a second allocation.
pub fn fold_into(s: &str, out: &mut String) {
    let start = out.len();
    // Most text is already NFKC: ASCII is, letters of the common blocks
    // are known to be, the quick check settles the rest, and only what it
    // cannot settle is normalised (the nomenclature's texts are folded at
    // every start-up, and every goods line once, so each step counts).
    if s.is_ascii() {
        push_folded_ascii(s, out);
    } else if s.chars().all(nfkc_stable) || is_nfkc_quick(s.chars()) == IsNormalized::Yes {
        push_folded(s.chars(), out);
    } else {
        push_folded(s.nfkc(), out);
    }
    if out.len() > start && out.ends_with(' ') {
        out.pop();
    }
}

/// Characters that are NFKC and never compose with a neighbour of the same
/// set: ASCII, Latin-1 letters, Cyrillic letters, kana, CJK ideographs,
/// Hangul syllables.
fn nfkc_stable(c: char) -> bool {
    matches!(c as u32,
        0..=0x7F | 0xC0..=0xFF | 0x400..=0x482 | 0x48A..=0x4FF | 0x3041..=0x3096
        | 0x30A1..=0x30FA | 0x30FC..=0x30FE | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// Letters without case that fold to themselves: kana, CJK ideographs,
/// Hangul syllables (the bulk of East Asian text, spared the case and
/// category lookups).
fn caseless_letter(c: char) -> bool {
    matches!(c as u32,
        0x3041..=0x3096 | 0x30A1..=0x30FA | 0x30FC..=0x30FE | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3)
}

/// [`push_folded`] for ASCII text, whose letters fold by case alone: a
/// byte loop, the other characters folded by [`fold_char`].
fn push_folded_ascii(s: &str, out: &mut String) {
    // What every ASCII character folds to, worked out once: the general
    // tests (spelt-out symbols, decompositions) cost more than the loop.
    static ASCII: std::sync::OnceLock<[Folded; 128]> = std::sync::OnceLock::new();
    let table = ASCII.get_or_init(|| std::array::from_fn(|b| fold_char(char::from(b as u8))));
    out.reserve(s.len());
    let mut space = true;
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() {
            out.push(char::from(b.to_ascii_lowercase()));
            space = false;
        } else {
            push_one(table[usize::from(b & 0x7f)], &mut space, out);
        }
    }
}

fn push_folded(chars: impl Iterator<Item = char>, out: &mut String) {
    // `space`: nothing is folded yet or the output ends with a space, so a
    // boundary adds nothing (no leading or doubled spaces).
    let mut space = true;
    for c in chars {
        if c.is_ascii_alphanumeric() || caseless_letter(c) {
            out.push(c.to_ascii_lowercase());
            space = false;
            continue;
        }
        for c in c.to_lowercase() {
            push_one(fold_char(c), &mut space, out);
        }
    }
}

/// Appends one folded character; `space` as in [`push_folded`].
fn push_one(folded: Folded, space: &mut bool, out: &mut String) {
    match folded {
        Folded::Keep(k) => {
            out.push(k);
            *space = false;
        }
        Folded::Spell(s) => {
            out.push_str(s);
            *space = false;
        }
        Folded::Drop => {}
        Folded::Space => {
            if !*space {
                out.push(' ');
                *space = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn fold_into_appends() {
        let mut out = String::from(" ");
        super::fold_into("Rolls-Royce!", &mut out);
        assert_eq!(out, " rolls royce");
        super::fold_into("", &mut out);
        assert_eq!(out, " rolls royce");
    }

    // The ASCII byte loop is a shortcut: it must fold as the general path.
    #[test]
    fn ascii_shortcut_folds_as_the_general_path() {
        for b in 0u8..128 {
            let text = format!("Ab{}C9 {}x", char::from(b), char::from(b));
            let (mut fast, mut slow) = (String::new(), String::new());
            super::push_folded_ascii(&text, &mut fast);
            super::push_folded(text.chars(), &mut slow);
            assert_eq!(fast, slow, "byte {b}");
        }
    }

    #[test]
    fn case_punctuation_and_spaces() {
        assert_eq!(fold("Glinkastraße 5-7, BERLIN"), "glinkastrasse 5 7 berlin");
        assert_eq!(fold("  Rolls-Royce  "), "rolls royce");
        assert_eq!(fold("ROLLS ROYCE"), "rolls royce");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" - "), "");
    }

    // The goods vocabulary folded ß to "s"; the shipment rules and names to "ss".
    #[test]
    fn sharp_s_is_ss() {
        assert_eq!(fold("Großhandel"), "grosshandel");
        assert_eq!(fold("GROẞHANDEL"), "grosshandel");
    }

    // Only the names folder applied NFKC; full-width Latin and digits are
    // common in Chinese and Japanese declarations.
    #[test]
    fn compatibility_forms_fold() {
        assert_eq!(fold("ＬＸ５７０"), "lx570");
        assert_eq!(fold("ﬁne"), "fine");
        assert_eq!(fold("ｶﾞﾗｽ"), "ガラス");
        assert_eq!(fold("刚果（布）"), "刚果 布");
    }

    // Country spellings kept their accents; the screen folder knew a short
    // list of lower-case letters only.
    #[test]
    fn latin_diacritics_strip_everywhere() {
        assert_eq!(fold("CÔTE D’IVOIRE"), "cote divoire");
        assert_eq!(fold("Côte d'Ivoire"), fold("Cote d'Ivoire"));
        assert_eq!(
            fold("Ålesund Çanakkale Šibenik"),
            "alesund canakkale sibenik"
        );
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Ch'ŏngjin"), "chongjin");
        // Decomposed input (e + combining acute) reads as the composed letter.
        assert_eq!(fold("Cafe\u{301}"), "cafe");
    }

    // The screen folder turned apostrophes into spaces ("people s").
    #[test]
    fn apostrophes_join_words() {
        assert_eq!(
            fold("Democratic People's Republic"),
            "democratic peoples republic"
        );
        assert_eq!(
            fold("Korea (Democratic People’s Republic of)"),
            fold("Korea, Democratic Peoples Republic of")
        );
        assert_eq!(fold("'quoted'"), "quoted");
    }

    #[test]
    fn other_scripts_keep_their_letters() {
        assert_eq!(fold("Ёлка"), "елка");
        assert_eq!(fold("Чай Й"), "чай й");
        assert_eq!(fold("김정은"), "김정은");
        assert_eq!(fold("奔驰S级"), "奔驰s级");
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
    }
}
