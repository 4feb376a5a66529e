//! Turns one name into the comparable pieces the scorer and the index use:
//! its Latin forms (one per transliteration), each a list of parts with the
//! kind of part (word, initial, number, legal form, particle), its weight,
//! Korean romanisation keys, phonetic key and consonant skeleton.
//!
//! The linguistics (normalising, transliterating, tokenising, legal forms,
//! Korean keys) belong to `interdict-names`; this module only calls it and
//! adds what matching needs. It must not score.

use crate::weights;
use interdict_names::{self as names, KoreanKey, NameScript, Transliteration};
use smallvec::SmallVec;

/// What kind of name part a token is; decides which comparisons apply and
/// its weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum PartKind {
    Word,
    /// A single letter.
    Initial,
    /// Digits, or a Roman numeral of two or more letters ("II", "XIV").
    Number,
    /// A legal form's canonical symbol ("llc", "ag").
    LegalForm,
    /// An honorific, title or name particle ("mr", "shaikh", "bin", "al").
    Particle,
}

/// One analysed name part.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Tok {
    pub text: Box<str>,
    pub kind: PartKind,
    pub weight: f64,
    pub korean: SmallVec<[KoreanKey; 4]>,
    /// Mandarin syllable-sequence keys (pinyin and Wade–Giles readings).
    pub chinese: SmallVec<[u64; 4]>,
    pub phonetic: Box<str>,
    /// Consonants only (for comparisons with names from abjad scripts).
    pub skeleton: Box<str>,
    /// For particles, the class of spellings that are the same particle.
    pub particle: Option<ParticleClass>,
    /// The set of characters in `text`, one bit per character (folded
    /// modulo 64): a cheap lower bound on the edit distance to another part.
    pub mask: u64,
    /// What the English nickname table knows of the part.
    pub given: names::GivenName,
}

/// One bit per distinct character of `text` (characters folded modulo 64;
/// folding merges characters, so the bound it gives stays a lower bound).
pub(crate) fn char_mask(text: &str) -> u64 {
    text.chars().fold(0u64, |m, c| m | 1u64 << (c as u32 % 64))
}

/// Particles that are spelt several ways but mean the same.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ParticleClass {
    /// The Arabic article: al, el, ul.
    Article,
    /// "Son/daughter of": bin, ibn, ben, bint, binti, ould. In names with
    /// these, the order of the parts is the lineage and must not change.
    Patronymic,
    /// "Father of": abu, abou, abo.
    Kunya,
}

fn particle_class(text: &str) -> Option<ParticleClass> {
    match text {
        "al" | "el" | "ul" => Some(ParticleClass::Article),
        "bin" | "ibn" | "ben" | "bint" | "binti" | "ould" => Some(ParticleClass::Patronymic),
        "abu" | "abou" | "abo" => Some(ParticleClass::Kunya),
        _ => None,
    }
}

/// Honorifics, titles and name particles that list writers add or drop
/// freely. Kept here (not in `interdict-names`) because their low weight is a
/// matching decision, not a linguistic fact.
const PARTICLES: &[&str] = &[
    // honorifics and titles
    "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "lord", "sheikh", "shaikh", "shaykh", "sheik",
    "haji", "hajji", "hadji", "alhaji", "mullah", "mulla", "maulavi", "mawlawi", "maulana", "qari",
    "sayyid", "sayed", "syed", "imam", "emir", "amir", "general", "gen", "col", "colonel", "capt",
    // name particles
    "al", "el", "ul", "bin", "ibn", "ben", "bint", "binti", "ould", "abu", "abou", "abo", "van",
    "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "la", "le", "y",
    "e", "the", "of", "and", "for", // generational suffixes
    "jr", "jnr", "sr", "snr",
];

/// How many tokens at `i` spell the Arabic "ʿAbd al-" ("servant of the"):
/// "abd"/"abdu" followed by the article (2), or one of its joined
/// spellings "abdul", "abdel", "abdal", "abdoul", "abdool", "abdol" (1).
fn abd_al(tokens: &[String], i: usize) -> Option<usize> {
    match tokens[i].as_str() {
        "abdul" | "abdel" | "abdal" | "abdoul" | "abdool" | "abdol" => Some(1),
        "abd" | "abdu" => tokens
            .get(i + 1)
            .filter(|t| particle_class(t) == Some(ParticleClass::Article))
            .map(|_| 2),
        _ => None,
    }
}

fn is_roman_numeral(t: &str) -> bool {
    !t.is_empty() && t.bytes().all(|b| matches!(b, b'i' | b'v' | b'x'))
}

/// The value of a Roman numeral made of I, V and X ("xiv" → 14).
fn roman_value(t: &str) -> Option<u32> {
    let digit = |b: u8| match b {
        b'i' => Some(1),
        b'v' => Some(5),
        b'x' => Some(10),
        _ => None,
    };
    let vals: Option<Vec<u32>> = t.bytes().map(digit).collect();
    let vals = vals?;
    let mut total: i64 = 0;
    for (i, v) in vals.iter().enumerate() {
        if vals.get(i + 1).is_some_and(|next| next > v) {
            total -= i64::from(*v);
        } else {
            total += i64::from(*v);
        }
    }
    u32::try_from(total).ok().filter(|n| *n > 0)
}

/// The kind of a (non-legal-form) token, from its text alone.
pub(crate) fn kind_of(text: &str) -> PartKind {
    if text.bytes().all(|b| b.is_ascii_digit()) || (text.len() >= 2 && is_roman_numeral(text)) {
        PartKind::Number
    } else if text.chars().count() == 1 {
        PartKind::Initial
    } else if PARTICLES.contains(&text) {
        PartKind::Particle
    } else {
        PartKind::Word
    }
}

/// Consonants of a token: vowels dropped, `w`/`y` dropped except first, `q`
/// read as `k`, repeated letters collapsed. "mohammed" → "mhmd".
pub(crate) fn skeleton(text: &str) -> Box<str> {
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        let c = if c == 'q' { 'k' } else { c };
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') || (i > 0 && matches!(c, 'w' | 'y'));
        if vowel || out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out.into_boxed_str()
}

impl Tok {
    pub(crate) fn new(text: &str, kind: PartKind) -> Tok {
        let weight = match kind {
            PartKind::Word => {
                weights::WEIGHT_WORD
                    * f64::from(names::token_weight(text))
                        .min(crate::common_words::frequency_weight(text))
            }
            PartKind::Initial => weights::WEIGHT_INITIAL,
            PartKind::Number => weights::WEIGHT_INITIAL,
            PartKind::LegalForm => weights::WEIGHT_LEGAL_FORM,
            PartKind::Particle => weights::WEIGHT_PARTICLE,
        };
        let fuzzy_ok = matches!(kind, PartKind::Word | PartKind::Particle);
        Tok {
            text: text.into(),
            kind,
            weight: weight.clamp(0.05, 1.0),
            korean: if fuzzy_ok {
                names::korean_keys(text).into_iter().collect()
            } else {
                SmallVec::new()
            },
            chinese: if kind == PartKind::Word {
                names::chinese_keys(text).into_iter().collect()
            } else {
                SmallVec::new()
            },
            phonetic: if fuzzy_ok && text.len() >= 3 {
                names::phonetic_key(text).into_boxed_str()
            } else {
                Box::from("")
            },
            skeleton: if fuzzy_ok {
                skeleton(text)
            } else {
                Box::from("")
            },
            particle: if kind == PartKind::Particle {
                particle_class(text)
            } else {
                None
            },
            mask: char_mask(text),
            given: if fuzzy_ok {
                names::given_name(text)
            } else {
                names::GivenName::default()
            },
        }
    }
}

/// What one Latin form of a name is, apart from its parts.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FormMeta {
    /// The Latin text the parts come from.
    pub latin: Box<str>,
    pub method: Transliteration,
    /// The name was written in an abjad (Arabic, Hebrew, Syriac, Thaana):
    /// short vowels are absent and parts compare by consonants too.
    pub abjad: bool,
    pub numbers: SmallVec<[u32; 2]>,
    /// Parts concatenated without spaces, for names that differ only in
    /// spacing ("SiemensAG").
    pub joined: Box<str>,
    /// The script the name was written in.
    pub script: NameScript,
    /// The form keeps the name in its own (non-Latin) script, Han, Hangul
    /// and Kana split into characters: two names in the same script are
    /// compared as written, since transliteration can merge different
    /// names (종 and 정 are both "jong" in McCune–Reischauer without breves).
    pub original: bool,
}

impl FormMeta {
    /// Whether the form is a machine reading of a syllabic script, whose
    /// parts are syllables from a closed table (see
    /// [`crate::similarity::Context::syllabic`]).
    pub(crate) fn syllabic(&self) -> bool {
        syllabic_reading(self.method)
    }

    /// Whether a query form and a listed form should be compared: Latin
    /// readings with Latin readings, except that two names written in the
    /// same non-Latin script are compared only in that script.
    pub(crate) fn comparable(&self, other: &FormMeta) -> bool {
        if self.original || other.original {
            return self.original && other.original && self.script == other.script;
        }
        self.script == NameScript::Latin || self.script != other.script
    }
}

/// Machine readings of Hangul and Han, whose parts are syllables of a
/// closed table. Kana is not among them: katakana mostly spells foreign
/// names by ear ("バラク" → "baraku" for Barack), so its readings keep the
/// spelling tolerance of Latin names.
fn syllabic_reading(method: Transliteration) -> bool {
    matches!(
        method,
        Transliteration::HangulMcCuneReischauer
            | Transliteration::HangulRevised
            | Transliteration::HanjaSinoKorean
            | Transliteration::HanPinyin
            | Transliteration::HanCantonese
            | Transliteration::KanjiOnyomi
            | Transliteration::KanjiJapaneseReadings
            | Transliteration::CyrillicKorean
            | Transliteration::KanaKorean
    )
}

/// One Latin form of a name, with its parts as text and kind (not yet
/// interned).
#[derive(Debug, Clone)]
pub(crate) struct RawForm {
    pub meta: FormMeta,
    pub parts: SmallVec<[(Box<str>, PartKind); 8]>,
}

fn is_abjad(name: &str) -> bool {
    name.chars()
        .any(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
}

/// Joins dotted abbreviations ("G.m.b.H.", "L.P.", "U.S.") into one word:
/// in organisation names they are one part. Spaced single letters ("V L P")
/// are left alone: they may be initials or a Roman numeral.
fn join_dotted(name: &str) -> std::borrow::Cow<'_, str> {
    let chars: Vec<char> = name.chars().collect();
    let is_abbrev_at = |i: usize| {
        chars[i].is_alphabetic()
            && (i == 0 || !chars[i - 1].is_alphanumeric())
            && chars.get(i + 1) == Some(&'.')
            && chars.get(i + 2).is_some_and(|c| c.is_alphabetic())
            && chars.get(i + 3).is_none_or(|c| !c.is_alphanumeric())
    };
    if !(0..chars.len()).any(is_abbrev_at) {
        return std::borrow::Cow::Borrowed(name);
    }
    let mut out = String::with_capacity(name.len());
    let mut i = 0;
    while i < chars.len() {
        if is_abbrev_at(i) {
            // Consume letter '.' pairs while they continue the abbreviation.
            while i < chars.len()
                && chars[i].is_alphabetic()
                && (i + 1 >= chars.len() || !chars[i + 1].is_alphanumeric())
            {
                out.push(chars[i]);
                if chars.get(i + 1) == Some(&'.') {
                    i += 2;
                } else {
                    i += 1;
                    break;
                }
            }
            out.push(' ');
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Every Latin form of `name`, analysed into parts. `org_like`: the name is
/// not a person's, so dotted abbreviations are joined.
pub(crate) fn analyse_name(name: &str, org_like: bool) -> SmallVec<[RawForm; 2]> {
    let mut out = match bracketed_acronym(name).filter(|_| org_like) {
        Some((head, acronym)) => {
            let mut v = analyse_one(head, org_like);
            v.extend(analyse_one(acronym, org_like));
            v
        }
        None => analyse_one(name, org_like),
    };
    for alternative in slash_alternatives(name) {
        out.extend(analyse_one(alternative, org_like));
    }
    out
}

/// Whether `name` carries an organisation's legal form, so that it names
/// no person ("Orion Trading KK", "ООО Ромашка", "…贸易有限公司"): a form
/// of the legal-forms table (ISO 20275 and the national company laws, see
/// `org_types.tsv`) that ends the name or starts it, beside other words.
/// A one-word form of two letters with a vowel ("sa", "ao", "co") is also a
/// syllable of East Asian given names ("Li Ao") and does not count alone.
pub(crate) fn bears_legal_form(name: &str) -> bool {
    let tokens: Vec<String> = names::normalize(name)
        .split_whitespace()
        .map(str::to_string)
        .collect();
    if tokens.iter().any(|t| names::org_suffix(t).is_some()) {
        return true;
    }
    let syllable_like = |form: &[String]| {
        form.len() == 1 && form[0].len() <= 2 && form[0].bytes().any(|b| b"aeiouy".contains(&b))
    };
    let ends = (1..tokens.len()).any(|i| {
        names::org_type(&tokens, i)
            .is_some_and(|(n, _)| i + n == tokens.len() && !syllable_like(&tokens[i..]))
    });
    let starts = names::org_type(&tokens, 0)
        .is_some_and(|(n, _)| n < tokens.len() && !syllable_like(&tokens[..n]));
    ends || starts
}

/// "ACME HOLDING COMPANY (AHC)": an organisation's acronym given in
/// brackets after its name is another name of it, not a part of the name.
/// The bracketed word must be 2–8 capital letters, not a legal form, whose
/// letters are initials of the name's words in order, the first being the
/// first word's ("(HONGKONG)" or "(IRAN)" are parts of the name).
fn bracketed_acronym(name: &str) -> Option<(&str, &str)> {
    let inner = name.trim_end().strip_suffix(')')?;
    let (head, acronym) = inner.rsplit_once('(')?;
    let (head, acronym) = (head.trim_end(), acronym.trim());
    if !(2..=8).contains(&acronym.len())
        || !acronym.bytes().all(|b| b.is_ascii_uppercase())
        || head.is_empty()
    {
        return None;
    }
    let lower = acronym.to_ascii_lowercase();
    if names::org_type(std::slice::from_ref(&lower), 0).is_some() {
        return None;
    }
    let initials: SmallVec<[u8; 16]> = head
        .split(|c: char| !c.is_alphanumeric())
        .filter_map(|w| w.bytes().next())
        .map(|b| b.to_ascii_uppercase())
        .collect();
    let mut rest = initials.iter();
    let letters = acronym.as_bytes();
    let in_order = letters.iter().all(|l| rest.any(|i| i == l));
    (initials.first() == letters.first() && in_order).then_some((head, acronym))
}

/// "Al-Qa'ida/Islamic Army" names two alternatives: each side of a slash
/// that has letters on both sides, three or more each ("A/S", "s/o" and
/// "c/o" are not alternatives). Empty when the name has no such slash.
fn slash_alternatives(name: &str) -> SmallVec<[&str; 2]> {
    let mut out = SmallVec::new();
    if !name.contains('/') {
        return out;
    }
    let sides: SmallVec<[&str; 4]> = name.split('/').map(str::trim).collect();
    let word_len = |s: &str, last: bool| {
        let w = if last {
            s.split_whitespace().next_back()
        } else {
            s.split_whitespace().next()
        };
        w.map_or(0, |w| w.chars().filter(|c| c.is_alphabetic()).count())
    };
    let ok = sides
        .windows(2)
        .all(|p| word_len(p[0], true) >= 3 && word_len(p[1], false) >= 3);
    if ok && sides.len() > 1 {
        out.extend(sides.into_iter().filter(|s| !s.is_empty()));
    }
    out
}

/// One name (no alternatives), analysed: each Latin reading cut into
/// typed parts, then the name in its own script.
fn analyse_one(name: &str, org_like: bool) -> SmallVec<[RawForm; 2]> {
    let abjad = is_abjad(name);
    let script = names::dominant_script(name);
    let mut out = SmallVec::new();
    for form in latin_readings(name, script, org_like) {
        let tokens = form_tokens(&form.text, org_like);
        if tokens.is_empty() {
            continue;
        }
        let (parts, numbers) = typed_parts(&tokens, org_like, syllabic_reading(form.method));
        // As written (legal forms not canonicalised); numbers are compared on
        // their own (see `adjust`), not as spelling.
        let joined: String = tokens
            .iter()
            .filter(|t| kind_of(t) != PartKind::Number)
            .map(String::as_str)
            .collect();
        out.push(RawForm {
            meta: FormMeta {
                latin: form.text.into_boxed_str(),
                method: form.method,
                abjad,
                numbers,
                joined: joined.into_boxed_str(),
                script,
                original: false,
            },
            parts,
        });
    }
    if script != NameScript::Latin {
        if let Some(f) = original_form(name, script, abjad) {
            out.push(f);
        }
    }
    out
}

/// Every Latin reading of a name. An organisation written in Korean,
/// Chinese, Japanese or Russian is also read the way the lists write it in
/// English: generic words translated.
fn latin_readings(name: &str, script: NameScript, org_like: bool) -> Vec<names::LatinForm> {
    let name_in = if org_like {
        join_dotted(name)
    } else {
        std::borrow::Cow::Borrowed(name)
    };
    let mut latin = names::latin_forms(&name_in);
    if org_like
        && matches!(
            script,
            NameScript::Hangul | NameScript::Han | NameScript::Kana
        )
    {
        latin.extend(names::cjk_org_forms(&name_in));
    }
    if org_like && script == NameScript::Cyrillic {
        latin.extend(names::cyrillic_org_forms(&name_in));
    }
    latin
}

/// The words of one Latin reading. Run-together Korean syllables are split
/// in people's names only: an organisation's words ("Sinsong Machine Tool")
/// would read as syllables too ("ma chi ne"); organisations' number words
/// and abbreviations are written out.
fn form_tokens(text: &str, org_like: bool) -> Vec<String> {
    if org_like {
        let tokens: Vec<String> = text.split_whitespace().map(str::to_string).collect();
        names::expand_abbreviations(&names::number_words_as_digits(&tokens))
    } else {
        names::tokenize(text)
    }
}

/// A reading's parts as written, with their kinds.
type RawParts = SmallVec<[(Box<str>, PartKind); 8]>;

/// The parts of one reading with their kinds, and the numbers it names.
/// A legal form of several words is one part; so is "abd" + article.
fn typed_parts(
    tokens: &[String],
    org_like: bool,
    syllabic: bool,
) -> (RawParts, SmallVec<[u32; 2]>) {
    let mut parts: RawParts = SmallVec::new();
    let mut numbers: SmallVec<[u32; 2]> = SmallVec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some((n, symbol)) = names::org_type(tokens, i) {
            if n > 0 {
                parts.push((symbol.into(), PartKind::LegalForm));
                i += n;
                continue;
            }
        }
        // "ʿAbd al-Aziz", "Abdel Aziz", "Abdul Aziz": one theophoric
        // element, written many ways; "abd" + article is one part.
        if let Some(n) = abd_al(tokens, i) {
            parts.push(("abdul".into(), PartKind::Word));
            i += n;
            continue;
        }
        let t = &tokens[i];
        let kind = part_kind(t, i, org_like, syllabic);
        if kind == PartKind::Number {
            let found = names::numbers(std::slice::from_ref(t));
            match found.first() {
                Some(&n) => numbers.push(n),
                None => numbers.extend(roman_value(t)),
            }
        }
        parts.push((t.as_str().into(), kind));
        i += 1;
    }
    (parts, numbers)
}

/// The kind of the word `t` at position `i` of a reading, where its
/// spelling alone would mislead.
fn part_kind(t: &str, i: usize, org_like: bool, syllabic: bool) -> PartKind {
    let mut kind = kind_of(t);
    // "Fund V", "Trust I": after the first word of an organisation
    // name, a lone I, V or X is a Roman numeral, not an initial.
    if org_like && i > 0 && kind == PartKind::Initial && matches!(t, "i" | "v" | "x") {
        kind = PartKind::Number;
    }
    // A syllable read from Hangul or Han is a name part, even when
    // it is one letter ("i" for 이) or spelt like a particle ("bin"
    // for 빈, "de" for 德).
    if matches!(kind, PartKind::Initial | PartKind::Particle) && syllabic {
        kind = PartKind::Word;
    }
    // In a person's name a Roman numeral is a generational suffix
    // after the first part ("John Smith III"); elsewhere "Xi" and
    // "Vi" are names.
    if kind == PartKind::Number
        && !org_like
        && !t.bytes().all(|b| b.is_ascii_digit())
        && (i == 0 || !matches!(t, "ii" | "iii" | "iv"))
    {
        kind = PartKind::Word;
    }
    kind
}

/// Han, Hangul and Kana, whose characters are syllables or morphemes.
fn is_syllabic(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

/// The name in its own script: words, with syllabic scripts split into
/// characters (each Korean syllable or Chinese character is a name part).
fn original_form(name: &str, script: NameScript, abjad: bool) -> Option<RawForm> {
    let norm = names::normalize(name);
    let mut parts: SmallVec<[(Box<str>, PartKind); 8]> = SmallVec::new();
    for word in norm.split_whitespace() {
        if word.chars().all(is_syllabic) {
            // Simplified and traditional characters of one name meet: each
            // is compared in one written form.
            let mut buf = [0u8; 4];
            parts.extend(word.chars().map(|c| {
                let c = names::han_canonical(c);
                (Box::from(&*c.encode_utf8(&mut buf)), PartKind::Word)
            }));
        } else {
            parts.push((word.into(), kind_of(word)));
        }
    }
    if parts.is_empty() {
        return None;
    }
    let joined: String = parts.iter().map(|(t, _)| &**t).collect();
    Some(RawForm {
        meta: FormMeta {
            latin: norm.into_boxed_str(),
            method: Transliteration::None,
            abjad,
            numbers: SmallVec::new(),
            joined: joined.into_boxed_str(),
            script,
            original: true,
        },
        parts,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_form_at_either_end_names_an_organisation() {
        for n in [
            "Orion Trading KK",
            "Lotus Motors Ltda",
            "ООО Ромашка",
            "丹东鸿祥实业发展有限公司",
            "Daesong Trading Co., Ltd.",
        ] {
            assert!(bears_legal_form(n), "{n}");
        }
        // Syllables that are also two-letter forms, and a form alone.
        for n in ["Li Ao", "Kim Yong Sa", "Kim Jong Un", "LLC", "Sa Co"] {
            assert!(!bears_legal_form(n), "{n}");
        }
    }

    #[test]
    fn kinds_follow_the_text() {
        assert_eq!(kind_of("2"), PartKind::Number);
        assert_eq!(kind_of("iii"), PartKind::Number);
        assert_eq!(kind_of("i"), PartKind::Initial);
        assert_eq!(kind_of("bin"), PartKind::Particle);
        assert_eq!(kind_of("kim"), PartKind::Word);
        assert_eq!(roman_value("xiv"), Some(14));
        assert_eq!(roman_value("ii"), Some(2));
    }

    #[test]
    fn skeletons_drop_vowels() {
        assert_eq!(&*skeleton("mohammed"), "mhmd");
        assert_eq!(&*skeleton("mhmwd"), "mhmd");
        assert_eq!(&*skeleton("yusuf"), "ysf");
        assert_eq!(&*skeleton("qasim"), "ksm");
    }

    #[test]
    fn roman_numerals_in_person_names() {
        let f = analyse_name("Xi Jinping", false);
        assert!(f[0].meta.numbers.is_empty());
        assert_eq!(f[0].parts[0].1, PartKind::Word);
        let f = analyse_name("Jinping Xi", false);
        assert!(f[0].meta.numbers.is_empty());
        let f = analyse_name("John Smith III", false);
        assert_eq!(f[0].meta.numbers.as_slice(), [3]);
    }

    #[test]
    fn abd_al_is_one_part() {
        let words = |s: &str| -> Vec<String> {
            analyse_name(s, false)[0]
                .parts
                .iter()
                .map(|(t, _)| t.to_string())
                .collect()
        };
        assert_eq!(
            words("'Abd al-Aziz al-Nuristani"),
            ["abdul", "aziz", "al", "nuristani"]
        );
        assert_eq!(words("Abdel Fattah"), ["abdul", "fattah"]);
        assert_eq!(words("Abd Rabbo"), ["abd", "rabbo"]);
    }

    #[test]
    fn a_bracketed_acronym_is_another_name() {
        assert_eq!(
            bracketed_acronym("ACME HOLDING COMPANY (AHC)"),
            Some(("ACME HOLDING COMPANY", "AHC"))
        );
        assert_eq!(
            bracketed_acronym("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)"),
            Some(("OCEAN MARITIME MANAGEMENT COMPANY, LIMITED", "OMM"))
        );
        assert_eq!(bracketed_acronym("HUAXIN SHIPPING (HONGKONG)"), None);
        assert_eq!(bracketed_acronym("NATIONAL IRANIAN OIL (IRAN)"), None);
        assert_eq!(bracketed_acronym("ACME TRADING (LLC)"), None);
        let forms = analyse_name("ACME HOLDING COMPANY (AHC)", true);
        let texts: Vec<&str> = forms.iter().map(|f| &*f.meta.latin).collect();
        assert_eq!(texts, ["acme holding company", "ahc"]);
        // People's names keep their brackets as written.
        assert_eq!(analyse_name("John SMITH (JS)", false).len(), 1);
    }

    #[test]
    fn slashes_separate_alternatives() {
        assert_eq!(
            slash_alternatives("Al-Qa'ida/Islamic Army").as_slice(),
            ["Al-Qa'ida", "Islamic Army"]
        );
        assert!(slash_alternatives("Bowne Denmark A/S").is_empty());
        assert!(slash_alternatives("Ali s/o Ahmed").is_empty());
        assert_eq!(analyse_name("Al-Qa'ida/Islamic Army", true).len(), 3);
    }

    #[test]
    fn a_latin_name_has_one_form_with_its_numbers() {
        let forms = analyse_name("OCEAN STAR 2", true);
        assert_eq!(forms.len(), 1);
        assert_eq!(forms[0].meta.numbers.as_slice(), [2]);
        assert_eq!(&*forms[0].meta.joined, "oceanstar");
        assert!(!forms[0].meta.abjad);
        assert!(analyse_name("محمد علي", false).iter().all(|f| f.meta.abjad));
        let f = analyse_name("Volkswagen G.m.b.H.", true);
        assert_eq!(f[0].parts.len(), 2, "{:?}", f[0].parts);
        let f = analyse_name("Bain Fund V L.P.", true);
        assert_eq!(f[0].meta.numbers.as_slice(), [5], "{:?}", f[0].parts);
        let f = analyse_name("John R. K. Smith", false);
        assert_eq!(f[0].parts.len(), 4);
    }
}
