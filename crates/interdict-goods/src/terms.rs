//! Retrieval terms of a text, the same for nomenclature texts and goods
//! descriptions: Latin and Cyrillic words stemmed (Snowball English and
//! Russian), words with digits kept whole (model numbers), Han characters
//! folded to simplified (so Japanese 鉄, traditional 鐵 and simplified 铁
//! meet) and cut into characters and character bigrams, kana and Hangul
//! runs cut into bigrams. Owns segmentation and stemming; must not know
//! about documents or scores (see `index`).

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// What kind of term was emitted: the query side weighs them apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermShape {
    /// A stemmed Latin or Cyrillic word, or an alphanumeric token.
    Word,
    /// One Han character: weak evidence alone (米 is rice, and a metre).
    HanChar,
    /// Two adjacent Han, kana or Hangul characters.
    Bigram,
    /// A whole kana or Hangul run of two or more characters, marked with
    /// [`RUN_MARK`]: a word as written (현미 "brown rice" is not the 현미
    /// inside 현미경 "microscope"), where bigrams alone cannot tell.
    Run,
}

/// Marks a whole-run term apart from the bigram of the same two characters.
pub(crate) const RUN_MARK: char = '#';

/// One piece of a text: a raw alphanumeric word (the caller stems it, so
/// stems can be cached) or a folded Han, kana or Hangul gram.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Piece<'a> {
    Word(&'a str),
    Gram(&'a str, TermShape),
}

/// Where a piece sits in its text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pos {
    /// Byte offset of its word in the normalised text.
    pub offset: usize,
    /// Its space-separated word has a digit ("2.5kg", "24粒"): a
    /// specification rather than the goods.
    pub in_spec: bool,
    /// The last character or pair of its run (the head in Chinese and
    /// Japanese compounds: 白条鸡 is a chicken).
    pub run_end: bool,
    /// The run is a single character (a word by itself: 米, 梨).
    pub alone: bool,
}

/// Which script a character belongs to, for cutting words into runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Run {
    Alnum,
    Han,
    Kana,
    Hangul,
}

fn run_of(c: char) -> Run {
    match c as u32 {
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F => Run::Han,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F => Run::Kana,
        0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF => Run::Hangul,
        _ => Run::Alnum,
    }
}

/// English and Russian words too common in the nomenclature and in
/// descriptions to tell goods apart; skipping them keeps postings short.
const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "by",
    "for",
    "from",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "new",
    "nes",
    "nec",
    "not",
    "of",
    "on",
    "or",
    "other",
    "others",
    "such",
    "than",
    "that",
    "the",
    "their",
    "thereof",
    "this",
    "to",
    "used",
    "whether",
    "with",
    "without",
    // Nouns that name no goods in particular ("assorted goods").
    "goods",
    "assorted",
    "various",
    "misc",
    "miscellaneous",
    "item",
    "items",
    "product",
    "products",
    "merchandise",
    "cargo",
    "consignment",
    "general",
    "sundry",
    "sundries",
    "товары",
    "товар",
    "груз",
    "продукция",
    "разные",
    "различные",
    "в",
    "во",
    "для",
    "и",
    "из",
    "или",
    "их",
    "к",
    "как",
    "на",
    "не",
    "по",
    "прочие",
    "прочий",
    "прочая",
    "прочее",
    "с",
    "со",
    "т",
    "также",
    "числе",
    "что",
];

/// The stemmers and the Han folding table.
pub(crate) struct Terms {
    en: Stemmer,
    ru: Stemmer,
    /// Fx-hashed: every Han character of every text passes through it.
    han: FxHashMap<char, char>,
}

impl std::fmt::Debug for Terms {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terms")
            .field("han", &self.han.len())
            .finish()
    }
}

impl Terms {
    pub(crate) fn new(han: HashMap<char, char>) -> Terms {
        Terms {
            en: Stemmer::create(Algorithm::English),
            ru: Stemmer::create(Algorithm::Russian),
            han: han.into_iter().collect(),
        }
    }

    /// Folds one Han character to its simplified form.
    pub(crate) fn fold_han(&self, c: char) -> char {
        self.han.get(&c).copied().unwrap_or(c)
    }

    /// The stem of one lower-case alphabetic word, or `None` for a stop
    /// word or a bare number.
    pub(crate) fn stem<'w>(&self, word: &'w str) -> Option<Cow<'w, str>> {
        if word.bytes().all(|b| b.is_ascii_digit()) || STOP_WORDS.contains(&word) {
            return None;
        }
        if word.chars().count() < 2 {
            return None;
        }
        if word.bytes().any(|b| b.is_ascii_digit()) {
            return Some(Cow::Borrowed(word));
        }
        let cyrillic = word.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
        Some(if cyrillic {
            self.ru.stem(word)
        } else {
            self.en.stem(word)
        })
    }

    /// Calls `f` with every piece of `norm` (a text already passed through
    /// `vocab::normalize`) and where it sits.
    pub(crate) fn each(&self, norm: &str, mut f: impl FnMut(Piece<'_>, Pos)) {
        let mut gram = |g: &str, shape: TermShape, pos: Pos| {
            let piece = if shape == TermShape::Word {
                Piece::Word(g)
            } else {
                Piece::Gram(g, shape)
            };
            f(piece, pos)
        };
        // Allocated on the first word in another script only.
        let mut buf = String::new();
        let mut run_chars: Vec<char> = Vec::new();
        let mut folded: Vec<char> = Vec::new();
        for (start, w) in words(norm) {
            let in_spec = w.bytes().any(|b| b.is_ascii_digit());
            if w.is_ascii() {
                // One run of Latin letters and digits: the whole word.
                let pos = Pos {
                    offset: start,
                    in_spec,
                    run_end: true,
                    alone: w.len() == 1,
                };
                gram(w, TermShape::Word, pos);
                continue;
            }
            let mut chars = w.char_indices().peekable();
            while let Some(&(i, c)) = chars.peek() {
                let run = run_of(c);
                let mut end = i;
                run_chars.clear();
                while let Some(&(j, d)) = chars.peek() {
                    if run_of(d) != run {
                        break;
                    }
                    run_chars.push(d);
                    end = j + d.len_utf8();
                    chars.next();
                }
                let pos = Pos {
                    offset: start + i,
                    in_spec,
                    run_end: true,
                    alone: run_chars.len() == 1,
                };
                match run {
                    Run::Alnum => gram(&w[i..end], TermShape::Word, pos),
                    Run::Han => {
                        folded.clear();
                        folded.extend(run_chars.iter().map(|&c| self.fold_han(c)));
                        emit_grams(&folded, true, &mut buf, pos, &mut gram);
                    }
                    Run::Kana => {
                        emit_grams(&run_chars, false, &mut buf, pos, &mut gram);
                        emit_run(&run_chars, &mut buf, pos, &mut gram);
                    }
                    Run::Hangul => {
                        emit_grams(&run_chars, run_chars.len() == 1, &mut buf, pos, &mut gram);
                        emit_run(&run_chars, &mut buf, pos, &mut gram);
                    }
                }
            }
        }
    }
}

/// A kana or Hangul character: the scripts whose runs are also terms whole.
pub(crate) fn is_kana_or_hangul(c: char) -> bool {
    matches!(run_of(c), Run::Kana | Run::Hangul)
}

/// A Hangul character.
pub(crate) fn is_hangul(c: char) -> bool {
    run_of(c) == Run::Hangul
}

/// The scripts present in a text.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Scripts {
    pub han: bool,
    /// Kana tell Japanese from Chinese.
    pub kana: bool,
    pub hangul: bool,
    pub cyrillic: bool,
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

thread_local! {
    /// Stems of Cyrillic words read by glossaries, so a batch stems each
    /// distinct word once ("" for a stop word).
    static CYRILLIC_STEMS: RefCell<FxHashMap<Box<str>, Box<str>>> =
        RefCell::new(FxHashMap::default());
}

/// Entries kept in the per-thread stem cache before it is emptied.
const STEM_CACHE: usize = 50_000;

/// Which characters make up a run that a glossary reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RunKind {
    /// Han characters (Chinese words).
    Han,
    /// Han characters and kana (Japanese words mix them: 歯磨き).
    HanKana,
    /// Hangul syllables.
    Hangul,
}

impl RunKind {
    fn takes(self, r: Run) -> bool {
        match self {
            RunKind::Han => r == Run::Han,
            RunKind::HanKana => r == Run::Han || r == Run::Kana,
            RunKind::Hangul => r == Run::Hangul,
        }
    }
}

/// A run of units (characters, or stemmed words joined by spaces) as a
/// glossary reads it, with where each unit sits in the normalised text.
#[derive(Debug, Default)]
pub(crate) struct UnitRun {
    pub text: String,
    /// Byte span of each unit in `text`.
    pub spans: Vec<(usize, usize)>,
    /// Byte offset of each unit in the normalised text.
    pub origin: Vec<usize>,
}

impl UnitRun {
    fn clear(&mut self) {
        self.text.clear();
        self.spans.clear();
        self.origin.clear();
    }

    fn push_char(&mut self, c: char, origin: usize) {
        let start = self.text.len();
        self.text.push(c);
        self.spans.push((start, self.text.len()));
        self.origin.push(origin);
    }

    fn push_word(&mut self, w: &str, origin: usize) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let start = self.text.len();
        self.text.push_str(w);
        self.spans.push((start, self.text.len()));
        self.origin.push(origin);
    }

    fn push_joined(&mut self, w: &str, origin: usize) {
        let start = self.text.len();
        self.text.push_str(w);
        self.spans.push((start, self.text.len()));
        self.origin.push(origin);
    }

    /// The text of units `i..j`.
    pub fn units(&self, i: usize, j: usize) -> &str {
        &self.text[self.spans[i].0..self.spans[j - 1].1]
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

/// Builds runs in `run` from `items`: `push` adds an item and says whether
/// it belongs to a run (it may add nothing, as for a stop word, and keep the
/// run going); an item that does not ends the run, and `f` sees every run
/// that ended and the last one.
fn each_run<T>(
    items: impl Iterator<Item = T>,
    run: &mut UnitRun,
    mut f: impl FnMut(&UnitRun),
    mut push: impl FnMut(&mut UnitRun, T) -> bool,
) {
    run.clear();
    for item in items {
        if !push(run, item) && run.len() > 0 {
            f(run);
            run.clear();
        }
    }
    if run.len() > 0 {
        f(run);
    }
}

impl Terms {
    /// Calls `f` with every run of `kind` characters of `norm` (a
    /// normalised text), Han characters folded.
    pub(crate) fn each_char_run(
        &self,
        norm: &str,
        kind: RunKind,
        run: &mut UnitRun,
        f: impl FnMut(&UnitRun),
    ) {
        each_run(norm.char_indices(), run, f, |run, (i, c)| {
            let r = run_of(c);
            let takes = kind.takes(r);
            if takes {
                let c = if r == Run::Han { self.fold_han(c) } else { c };
                run.push_char(c, i);
            }
            takes
        });
    }

    /// Calls `f` with every run of Cyrillic words of `norm` (a normalised
    /// text), stemmed; stop words are left out without ending the run
    /// ("мука из пшеницы" reads as "мук пшениц"), anything else ends it.
    pub(crate) fn each_cyrillic_run(&self, norm: &str, run: &mut UnitRun, f: impl FnMut(&UnitRun)) {
        each_run(words(norm), run, f, |run, (start, w)| {
            let cyrillic = w.chars().all(is_cyrillic);
            if cyrillic {
                CYRILLIC_STEMS.with(|cache| {
                    let mut cache = cache.borrow_mut();
                    if !cache.contains_key(w) {
                        if cache.len() >= STEM_CACHE {
                            cache.clear();
                        }
                        let stem = self.stem(w).unwrap_or_default();
                        cache.insert(w.into(), stem.as_ref().into());
                    }
                    if let Some(stem) = cache.get(w).filter(|s| !s.is_empty()) {
                        run.push_word(stem, start);
                    }
                });
            }
            cyrillic
        });
    }

    /// Which scripts a normalised text has, in one pass (a glossary whose
    /// script is absent costs nothing).
    pub(crate) fn scripts(&self, norm: &str) -> Scripts {
        let mut s = Scripts::default();
        // Most lines are in Latin letters: none of the four scripts.
        if norm.is_ascii() {
            return s;
        }
        for c in norm.chars() {
            match run_of(c) {
                Run::Han => s.han = true,
                Run::Kana => s.kana = true,
                Run::Hangul => s.hangul = true,
                Run::Alnum => s.cyrillic |= is_cyrillic(c),
            }
        }
        s
    }

    /// Calls `f` with every run of katakana words of `norm` (a normalised
    /// text), joined without their spaces: a name written as two words
    /// (ドン ペリニヨン) is one key (ドンペリニヨン).
    pub(crate) fn each_katakana_run(&self, norm: &str, run: &mut UnitRun, f: impl FnMut(&UnitRun)) {
        each_run(words(norm), run, f, |run, (start, w)| {
            let katakana = w
                .chars()
                .all(|c| matches!(c as u32, 0x30A1..=0x30FA | 0x30FC));
            if katakana {
                run.push_joined(w, start);
            }
            katakana
        });
    }

    /// The stems of a phrase's Cyrillic words joined by spaces, as
    /// [`Terms::each_cyrillic_run`] reads them (a glossary's key).
    pub(crate) fn cyrillic_key(&self, phrase: &str) -> String {
        let mut run = UnitRun::default();
        let mut keys: Vec<String> = Vec::with_capacity(1);
        self.each_cyrillic_run(&crate::vocab::normalize(phrase), &mut run, |r| {
            keys.push(r.text.clone())
        });
        // A phrase broken by a non-Cyrillic word is no single key.
        match keys.len() {
            1 => keys.swap_remove(0),
            _ => String::new(),
        }
    }
}

/// Space-separated words of a normalised text with their byte offsets.
fn words(norm: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut offset = 0;
    norm.split(' ').filter_map(move |w| {
        let start = offset;
        offset += w.len() + 1;
        (!w.is_empty()).then_some((start, w))
    })
}

fn emit_grams(
    chars: &[char],
    unigrams: bool,
    buf: &mut String,
    pos: Pos,
    gram: &mut impl FnMut(&str, TermShape, Pos),
) {
    if unigrams {
        for (i, &c) in chars.iter().enumerate() {
            buf.clear();
            buf.push(c);
            let run_end = i + 1 == chars.len();
            gram(buf, TermShape::HanChar, Pos { run_end, ..pos });
        }
    }
    let pairs = chars.len().saturating_sub(1);
    for (i, pair) in chars.windows(2).enumerate() {
        buf.clear();
        buf.push(pair[0]);
        buf.push(pair[1]);
        let run_end = i + 1 == pairs;
        gram(buf, TermShape::Bigram, Pos { run_end, ..pos });
    }
}

/// The whole run as one marked term, when it has two characters or more
/// (one character is its own unigram already).
fn emit_run(
    chars: &[char],
    buf: &mut String,
    pos: Pos,
    gram: &mut impl FnMut(&str, TermShape, Pos),
) {
    if chars.len() < 2 {
        return;
    }
    buf.clear();
    buf.push(RUN_MARK);
    buf.extend(chars);
    gram(buf, TermShape::Run, pos);
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;
    use crate::vocab::normalize;

    fn all(t: &Terms, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut words = Vec::new();
        t.each(&normalize(text), |p, _| match p {
            Piece::Word(w) => words.push(w.to_string()),
            Piece::Gram(g, _) => out.push(g.to_string()),
        });
        for w in words {
            if let Some(s) = t.stem(&w) {
                out.push(s.into_owned());
            }
        }
        out
    }

    #[test]
    fn scripts_are_cut_apart() {
        let mut han = HashMap::new();
        han.insert('鉄', '铁');
        han.insert('鐵', '铁');
        let t = Terms::new(han);
        assert_eq!(all(&t, "鉄鋼"), ["铁", "鋼", "铁鋼"]);
        assert_eq!(all(&t, "鐵鋼"), all(&t, "鉄鋼"));
        assert_eq!(
            all(&t, "インスリン"),
            ["イン", "ンス", "スリ", "リン", "#インスリン"]
        );
        assert_eq!(all(&t, "현미경"), ["현미", "미경", "#현미경"]);
        assert_eq!(all(&t, "쌀"), ["쌀"]);
        assert_eq!(all(&t, "Frozen cars of steel"), ["frozen", "car", "steel"]);
        assert_eq!(all(&t, "Водки и ликёры"), ["водк", "ликер"]);
        assert_eq!(all(&t, "S600 2024"), ["s600"]);
    }
}
