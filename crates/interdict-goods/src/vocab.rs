//! The classifier's vocabulary (data/reference/goods/*.csv): product words in
//! five languages, brands and models, modifiers, the heading → category table
//! and the parts-heading table; plus the text normalisation shared by terms
//! and descriptions. Owns loading and matching; scoring lives in `classify`.

use crate::error::GoodsError;
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::FxHashMap;
use std::collections::HashMap;

const VOCAB_CSV: &str = include_str!("../../../data/reference/goods/vocabulary.csv");
const CATEGORIES_CSV: &str = include_str!("../../../data/reference/goods/heading_categories.csv");
const PARTS_CSV: &str = include_str!("../../../data/reference/goods/parts_headings.csv");

/// What a vocabulary term tells the classifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TermKind {
    /// A product noun ("limousine", "водка"): names the heading.
    Generic,
    /// A model name ("LX 570"): implies the product type.
    Model,
    /// A maker ("Rolex"): suggests the product type.
    Brand,
    /// Changes the reading: parts, armoured, luxury, toy.
    Modifier,
}

impl TermKind {
    pub(crate) fn weight(self) -> f64 {
        match self {
            TermKind::Generic => 2.0,
            TermKind::Model => 1.6,
            TermKind::Brand => 1.0,
            TermKind::Modifier => 0.0,
        }
    }
}

/// One row of vocabulary.csv.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as written in the file.
    pub term: String,
    /// `en`, `ru`, `zh`, `ko` or `ja`.
    pub lang: String,
    /// What the term tells.
    pub kind: TermKind,
    /// 4- or 6-digit HS 2022 code; empty for modifiers.
    pub hs: String,
    /// Category tag for the control rules.
    pub category: String,
    /// The make or model is luxury class.
    pub luxury: bool,
    /// Source id (`sources.csv`); one per make family.
    pub source: String,
    /// Matches any word starting with the term (Russian inflection).
    stem: bool,
    /// CJK/Hangul/Kana terms match without word boundaries.
    unbounded: bool,
    /// English product nouns also match their plural ("wagon" → "wagons").
    plural: bool,
}

impl Term {
    fn accepts(&self, left_ok: bool, right_ok: bool, plural_ok: bool) -> bool {
        self.unbounded || (left_ok && (right_ok || self.stem || (self.plural && plural_ok)))
    }
}

/// One heading-prefix → category row.
#[derive(Debug, Clone)]
pub struct HeadingCategory {
    /// HS prefix (2–6 digits).
    pub prefix: String,
    /// The category tag.
    pub category: String,
    /// Every item of the category is luxury under the lists.
    pub luxury: bool,
}

/// A term found in a description.
#[derive(Debug, Clone, Copy)]
pub struct Hit<'v> {
    /// The term found.
    pub term: &'v Term,
    /// Byte offset in the normalised text.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

/// The loaded vocabulary and its automaton.
#[derive(Debug)]
pub struct Vocabulary {
    terms: Vec<Term>,
    /// Pattern id → every term with that normalised spelling.
    patterns: Vec<Vec<usize>>,
    automaton: AhoCorasick,
    categories: Vec<HeadingCategory>,
    /// Prefix → the indices of its rows in `categories`, in file order.
    category_rows: FxHashMap<String, Vec<usize>>,
    parts: HashMap<String, String>,
}

pub(crate) fn is_unbounded_char(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x11FF | 0x3040..=0x30FF | 0x3130..=0x318F | 0x3400..=0x4DBF |
        0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F)
}

/// The shared text fold ([`interdict_model::text::fold`]) with a space at
/// each end, so that every word of the text, the first and the last too, is
/// bounded by spaces and "Rolls-Royce", "rolls royce" and "ROLLS ROYCE" read
/// the same. Used for terms and descriptions alike.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    interdict_model::text::fold_into(text, &mut out);
    if out.len() > 1 {
        out.push(' ');
    }
    out
}

/// True when the text after a match is an English plural ending ("s", "es").
fn plural_follows(rest: &[u8]) -> bool {
    matches!(
        rest,
        [b's', b' ', ..] | [b's'] | [b'e', b's', b' ', ..] | [b'e', b's']
    )
}

fn parse_bool(s: &str, file: &'static str, row: usize) -> Result<bool, GoodsError> {
    match s {
        "1" => Ok(true),
        "0" | "" => Ok(false),
        _ => Err(GoodsError::data(
            file,
            row,
            format!("expected 0 or 1, got {s:?}"),
        )),
    }
}

const VOCAB_FILE: &str = "data/reference/goods/vocabulary.csv";

/// What vocabulary.csv's `kind` column names.
fn term_kind(s: &str, row: usize) -> Result<TermKind, GoodsError> {
    match s {
        "generic" => Ok(TermKind::Generic),
        "model" => Ok(TermKind::Model),
        "brand" => Ok(TermKind::Brand),
        "modifier" => Ok(TermKind::Modifier),
        other => Err(GoodsError::data(
            VOCAB_FILE,
            row,
            format!("unknown kind {other:?}"),
        )),
    }
}

/// One row of vocabulary.csv as a term, and its normalised spelling.
fn term_of(rec: &csv::StringRecord, row: usize) -> Result<(Term, String), GoodsError> {
    let get = |n: usize| rec.get(n).unwrap_or_default();
    let raw = get(0);
    let stem = raw.ends_with('*');
    let spelling = normalize(raw.trim_end_matches('*')).trim().to_string();
    if spelling.is_empty() {
        return Err(GoodsError::data(VOCAB_FILE, row, "empty term"));
    }
    let kind = term_kind(get(2), row)?;
    let hs = get(3).to_string();
    if kind != TermKind::Modifier && !(hs.len() == 4 || hs.len() == 6) {
        return Err(GoodsError::data(
            VOCAB_FILE,
            row,
            format!("hs {hs:?} must have 4 or 6 digits"),
        ));
    }
    let unbounded = spelling.chars().next().is_some_and(is_unbounded_char);
    let term = Term {
        term: raw.trim_end_matches('*').to_string(),
        lang: get(1).to_string(),
        kind,
        hs,
        category: get(4).to_string(),
        luxury: parse_bool(get(5), VOCAB_FILE, row)?,
        source: get(6).to_string(),
        stem,
        unbounded,
        plural: kind == TermKind::Generic && get(1) == "en",
    };
    Ok((term, spelling))
}

/// Terms found by one automaton pattern (pattern id → term indices).
type Patterns = Vec<Vec<usize>>;

/// Every term of vocabulary.csv, the terms of each distinct spelling, and
/// those spellings (one automaton pattern each).
fn load_terms() -> Result<(Vec<Term>, Patterns, Vec<String>), GoodsError> {
    let mut terms = Vec::new();
    let mut by_spelling: HashMap<String, usize> = HashMap::new();
    let mut patterns: Patterns = Vec::new();
    let mut spellings: Vec<String> = Vec::new();
    let mut rdr = csv::Reader::from_reader(VOCAB_CSV.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| GoodsError::data(VOCAB_FILE, row, e.to_string()))?;
        let (term, spelling) = term_of(&rec, row)?;
        let idx = terms.len();
        // Same spelling in several rows (e.g. "toy" as product and as
        // modifier): one automaton pattern, all rows reported.
        let key = format!("{}{}", if term.stem { "*" } else { "" }, spelling);
        terms.push(term);
        match by_spelling.get(&key) {
            Some(&p) => patterns[p].push(idx),
            None => {
                by_spelling.insert(key, patterns.len());
                patterns.push(vec![idx]);
                spellings.push(spelling);
            }
        }
    }
    Ok((terms, patterns, spellings))
}

/// heading_categories.csv: HS prefix → category tag.
fn load_categories() -> Result<Vec<HeadingCategory>, GoodsError> {
    const CFILE: &str = "data/reference/goods/heading_categories.csv";
    let mut categories = Vec::new();
    let mut rdr = csv::Reader::from_reader(CATEGORIES_CSV.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| GoodsError::data(CFILE, i + 1, e.to_string()))?;
        categories.push(HeadingCategory {
            prefix: rec.get(0).unwrap_or_default().to_string(),
            category: rec.get(1).unwrap_or_default().to_string(),
            luxury: parse_bool(rec.get(2).unwrap_or_default(), CFILE, i + 1)?,
        });
    }
    Ok(categories)
}

/// parts_headings.csv: heading → the heading of its parts.
fn load_parts() -> Result<HashMap<String, String>, GoodsError> {
    const PFILE: &str = "data/reference/goods/parts_headings.csv";
    let mut parts = HashMap::new();
    let mut rdr = csv::Reader::from_reader(PARTS_CSV.as_bytes());
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| GoodsError::data(PFILE, i + 1, e.to_string()))?;
        parts.insert(
            rec.get(0).unwrap_or_default().to_string(),
            rec.get(1).unwrap_or_default().to_string(),
        );
    }
    Ok(parts)
}

impl Vocabulary {
    /// Loads the bundled vocabulary and builds its automaton.
    pub fn bundled() -> Result<Vocabulary, GoodsError> {
        let (terms, patterns, spellings) = load_terms()?;
        // A DFA: every classified line runs an overlapping search, and the
        // ~2,500 spellings make a table of a few megabytes built at load.
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&spellings)
            .map_err(|e| GoodsError::data(VOCAB_FILE, 0, e.to_string()))?;
        let categories = load_categories()?;
        let mut category_rows: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, c) in categories.iter().enumerate() {
            category_rows.entry(c.prefix.clone()).or_default().push(i);
        }
        Ok(Vocabulary {
            terms,
            patterns,
            automaton,
            categories,
            category_rows,
            parts: load_parts()?,
        })
    }

    /// Number of vocabulary rows.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// True when no term is loaded (never for the bundled data).
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Every term (for inspection and tests).
    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Finds the vocabulary terms in an already [`normalize`]d text,
    /// respecting word boundaries for alphabetic scripts. Among valid matches
    /// the longest win, then the leftmost: "fox fur jackets" reads "fur
    /// jacket" (not "fox fur" + "jackets"), and "golf carts" still finds
    /// "golf cart" through its plural.
    pub fn find<'v>(&'v self, normalized: &str, out: &mut Vec<Hit<'v>>) {
        let bytes = normalized.as_bytes();
        let bounds = |s: usize, e: usize| {
            // normalize() surrounds words with spaces, so a boundary is a
            // space; scripts written without spaces ("奔驰s级") also bound.
            let left_ok = s == 0
                || bytes[s - 1] == b' '
                || normalized[..s]
                    .chars()
                    .next_back()
                    .is_some_and(is_unbounded_char);
            let right_ok = e == bytes.len()
                || bytes[e] == b' '
                || normalized[e..]
                    .chars()
                    .next()
                    .is_some_and(is_unbounded_char);
            (left_ok, right_ok, plural_follows(&bytes[e..]))
        };
        let mut valid: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(normalized) {
            let (s, e, p) = (m.start(), m.end(), m.pattern().as_usize());
            let (l, r, pl) = bounds(s, e);
            if self.patterns[p]
                .iter()
                .any(|&ti| self.terms[ti].accepts(l, r, pl))
            {
                valid.push((s, e, p));
            }
        }
        valid.sort_unstable_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut taken: Vec<(usize, usize, usize)> = Vec::with_capacity(valid.len());
        for v in valid {
            if taken.iter().all(|t| v.1 <= t.0 || v.0 >= t.1) {
                taken.push(v);
            }
        }
        taken.sort_unstable_by_key(|t| t.0);
        for (s, e, p) in taken {
            let (l, r, pl) = bounds(s, e);
            for &ti in &self.patterns[p] {
                let t = &self.terms[ti];
                if t.accepts(l, r, pl) {
                    out.push(Hit {
                        term: t,
                        start: s,
                        end: e,
                    });
                }
            }
        }
    }

    /// Categories (and whether any is luxury by nature) of an HS code, from
    /// every matching prefix in heading_categories.csv.
    pub fn categories_of(&self, code: &str) -> (Vec<&str>, bool) {
        // Each prefix of the code is looked up (a scan of every row cost
        // as much as the rest of the verdict), then the rows are taken in
        // file order, as the table lists them.
        let mut rows: Vec<usize> = (1..=code.len())
            .filter_map(|n| code.get(..n))
            .filter_map(|prefix| self.category_rows.get(prefix))
            .flatten()
            .copied()
            .collect();
        rows.sort_unstable();
        let mut cats = Vec::new();
        let mut luxury = false;
        for c in rows.iter().map(|&i| &self.categories[i]) {
            if !cats.contains(&c.category.as_str()) {
                cats.push(c.category.as_str());
            }
            luxury |= c.luxury;
        }
        (cats, luxury)
    }

    /// The heading that holds parts of goods of `heading`, if recorded.
    pub fn parts_heading(&self, heading: &str) -> Option<&str> {
        self.parts.get(heading).map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn words_are_bounded_by_spaces() {
        assert_eq!(normalize("Rolls-Royce"), " rolls royce ");
        assert_eq!(normalize("ROLLS ROYCE"), " rolls royce ");
        assert_eq!(normalize(""), " ");
    }

    // This folder once spelt ß as "s" while the shipment rules spelt "ss",
    // and knew no full-width forms: one folder now serves both crates.
    #[test]
    fn folds_as_the_shared_folder() {
        assert_eq!(normalize("Glinkastraße"), " glinkastrasse ");
        assert_eq!(normalize("ＬＥＸＵＳ ＬＸ５７０"), normalize("Lexus LX570"));
        assert_eq!(normalize("Jack Daniel’s"), " jack daniels ");
        assert_eq!(normalize("Ёлка"), " елка ");
    }
}
