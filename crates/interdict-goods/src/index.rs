//! Retrieval over the whole HS 2022 nomenclature: every subheading (HS-6) is
//! a document made of its own texts and those of the national lines under
//! it (English HS and HSK, Japanese tariff, Korean HSK, Russian ТН ВЭД), plus
//! the group lines above it; every heading is a second document made of its
//! heading texts and its chapter title; every chapter a third, made of all
//! its texts (see [`CHAPTER_SHARE`]). Terms are weighted by BM25 (how
//! distinctive a term is across documents, saturated by repetition and
//! normalised by length); a subheading scores its own BM25 plus part of its
//! heading's. Owns the index and ranking; must not know about vocabulary,
//! deciding rules or control rules (see `classify`).
//!
//! The index is built when the screener loads (about 0.1 s in a release
//! build; measured by the `index_build` benchmark) from the compressed texts
//! in `data/hs/` (see `data/hs/PROVENANCE.md`).

use crate::error::GoodsError;
use crate::glossary::Glossaries;
use crate::hs::Nomenclature;
use crate::terms::{is_hangul, is_kana_or_hangul, Piece, TermShape, Terms, RUN_MARK};
use crate::vocab::normalize;
use crate::zh::{gunzip, han_variants};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

const TEXTS: [(&str, &[u8]); 4] = [
    (
        "data/hs/texts_en.tsv.gz",
        include_bytes!("../../../data/hs/texts_en.tsv.gz"),
    ),
    (
        "data/hs/texts_ja.tsv.gz",
        include_bytes!("../../../data/hs/texts_ja.tsv.gz"),
    ),
    (
        "data/hs/texts_ko.tsv.gz",
        include_bytes!("../../../data/hs/texts_ko.tsv.gz"),
    ),
    (
        "data/hs/texts_ru.tsv.gz",
        include_bytes!("../../../data/hs/texts_ru.tsv.gz"),
    ),
];

/// English words the nomenclature texts lack → nomenclature words that
/// JMdict gives for the same sense (`tools/build_synonyms.py`).
const SYNONYMS: (&str, &[u8]) = (
    "data/hs/en_synonyms.tsv.gz",
    include_bytes!("../../../data/hs/en_synonyms.tsv.gz"),
);

/// BM25 saturation: how fast repeated occurrences stop adding.
const K1: f32 = 1.2;
/// BM25 length normalisation (0 = none, 1 = full). Documents differ in
/// length mostly by how many national lines they have, not by topic, so
/// only half of it.
const B: f32 = 0.5;
/// A term in more than this share of documents tells nothing and would make
/// every query walk long postings: it is left out.
const MAX_DF_SHARE: f32 = 0.05;
/// Weight of a group line (text above the HS-6 level) in the subheadings it
/// covers: full, since a national line under a group often says only "other"
/// and the group line is all a subheading has (measured on the blind set's
/// dev part: 0.6 → 1.0 raised the heading accuracy by about a point).
const GROUP_FIELD: f32 = 1.0;
/// Weight of a chapter title in its headings' documents.
const CHAPTER_FIELD: f32 = 0.3;
/// Share of the smaller of a heading's two scores (its best subheading's,
/// its own document's) added to the larger (see [`combine_levels`]); 0.2
/// was best of 0.2–1.0 on the blind set's dev part.
const HEADING_SHARE: f32 = 0.2;
/// Query weight of a Han character inside a longer run (ambiguous alone:
/// 米 is rice and a metre) and at the end of one (the head of a Chinese or
/// Japanese compound); a character standing alone weighs 1.
const HAN_CHAR_WEIGHT: f32 = 0.25;
const HAN_HEAD_CHAR_WEIGHT: f32 = 0.6;
/// Query weight of a whole Hangul or kana word found as written in the
/// texts (on top of its bigrams). Korean writes words apart, so a Hangul
/// run is a word; a kana run is often a word's ending (わせ of 合わせ).
const HANGUL_RUN_WEIGHT: f32 = 2.0;
const KANA_RUN_WEIGHT: f32 = 0.5;
/// Query weight of the head noun of the goods phrase.
const HEAD_NOUN_WEIGHT: f32 = 1.5;
/// Query weight of a word with digits (sizes, weights, counts).
const SPEC_WEIGHT: f32 = 0.3;
/// Query weight of an English gloss word of a Chinese word, shared among
/// its senses.
const GLOSS_WEIGHT: f32 = 1.0;
/// Query weight of words inside a purpose phrase ("pads *for trucks*").
pub(crate) const PURPOSE_WEIGHT: f32 = 0.5;
/// Candidates kept per query.
const TOP: usize = 5;
/// The chapter level: each chapter is a document of every text of its
/// headings and subheadings. A word spread over many chapters (a material:
/// "steel", "plastics", "stainless" in the texts of chapters 39, 72–83,
/// 84, 94, 96) says little about the chapter, one found in one chapter
/// ("vacuum flask", "earrings") says much; the headings' own BM25 cannot
/// tell these apart, since a material is distinctive among subheadings.
/// Under GIR 1 the goods are classified by what the headings and notes say
/// they are, and a material chapter (Section XV Note 1) gives way to the
/// chapter of the article; this level carries that to every chapter.
/// Share of the best heading's score that the best chapter adds to its
/// headings (others in proportion to their chapter's score). Set on the
/// blind set's dev part: 0.3 of 0.1–0.8 (above 0.3 the labelled set loses
/// a UN verdict; at 100, the chapter alone deciding, dev chapter accuracy
/// is no better than the headings': the chapter level breaks ties, it does
/// not know more).
const CHAPTER_SHARE: f32 = 0.3;
/// BM25 length normalisation at the chapter level (chapters differ in size
/// by an order of magnitude: 84 against 14); 0.75 of 0.25–1.0.
const CHAPTER_B: f32 = 0.75;
/// A term in more than this share of chapters is left out of the chapter
/// level (0.1–1.0 within a line of each other on dev above 0.25).
const CHAPTER_MAX_DF_SHARE: f32 = 0.5;

/// Postings of one document set, grouped by term: documents ascending.
#[derive(Debug, Default)]
struct Postings {
    offsets: Vec<u32>,
    docs: Vec<u32>,
    weights: Vec<f32>,
}

impl Postings {
    fn of(&self, term: u32) -> (&[u32], &[f32]) {
        let t = term as usize;
        match (self.offsets.get(t), self.offsets.get(t + 1)) {
            (Some(&a), Some(&b)) => (
                &self.docs[a as usize..b as usize],
                &self.weights[a as usize..b as usize],
            ),
            _ => (&[], &[]),
        }
    }

    fn contains(&self, term: u32, doc: u32) -> bool {
        self.of(term).0.binary_search(&doc).is_ok()
    }
}

/// BM25 parameters of one document level.
#[derive(Debug, Clone, Copy)]
struct Level {
    b: f32,
    max_df_share: f32,
}

const DOC_LEVEL: Level = Level {
    b: B,
    max_df_share: MAX_DF_SHARE,
};
const CHAPTER_LEVEL: Level = Level {
    b: CHAPTER_B,
    max_df_share: CHAPTER_MAX_DF_SHARE,
};

/// Sizes of the retrieval index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IndexStats {
    /// HS-6 documents (every subheading of HS 2022).
    pub subheadings: usize,
    /// Heading documents.
    pub headings: usize,
    /// Distinct terms (stems, Han characters and bigrams, kana and Hangul bigrams).
    pub terms: usize,
    /// Postings in both document sets.
    pub postings: usize,
    /// Headwords of the glossaries: Chinese (CC-CEDICT), Japanese
    /// (JMdict), Korean (kengdic), Russian (enru-dict).
    pub glosses: [usize; 4],
}

/// One query term, its weight and where it came from.
#[derive(Debug, Clone)]
pub(crate) struct QueryTerm {
    pub term: u32,
    pub weight: f32,
    /// What the description said (a word, a character pair, or "胰岛素→insulin").
    pub source: String,
}

/// A ranked heading with its best subheading.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ranked {
    pub heading: u32,
    pub doc: Option<u32>,
    pub score: f32,
}

/// The index over HS 2022 subheadings and headings.
#[derive(Debug)]
pub(crate) struct HsIndex {
    terms: Terms,
    glossaries: Glossaries,
    /// See [`SYNONYMS`].
    synonyms: FxHashMap<Box<str>, Box<str>>,
    vocab: FxHashMap<Box<str>, u32>,
    /// Raw word → its stem's term id, for words seen while indexing.
    surface: FxHashMap<Box<str>, u32>,
    idf: Vec<f32>,
    sub: Postings,
    head: Postings,
    /// Chapter documents (see [`CHAPTER_SHARE`]).
    chap: Postings,
    codes: Vec<String>,
    doc_heading: Vec<u32>,
    headings: Vec<String>,
    /// Chapter document of each heading.
    head_chapter: Vec<u32>,
    chapters: usize,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
    /// Stems of words the nomenclature does not have as such (brands,
    /// inflected forms), so a batch stems each distinct word once.
    static STEMS: RefCell<FxHashMap<Box<str>, Option<u32>>> = RefCell::new(FxHashMap::default());
}

/// Entries kept in the per-thread stem cache before it is emptied.
const STEM_CACHE: usize = 50_000;

#[derive(Default)]
struct Scratch {
    sub: Vec<f32>,
    head: Vec<f32>,
    touched_sub: Vec<u32>,
    touched_head: Vec<u32>,
    head_seen: Vec<bool>,
    best_doc: Vec<(f32, u32)>,
    chap: Vec<f32>,
}

/// Accumulates (term, weight) per document while indexing.
struct Builder<'t> {
    terms: &'t Terms,
    vocab: FxHashMap<Box<str>, u32>,
    surface: FxHashMap<Box<str>, u32>,
    sub: Vec<Vec<(u32, f32)>>,
    head: Vec<Vec<(u32, f32)>>,
    chap: Vec<Vec<(u32, f32)>>,
    /// Chapter document of each subheading and of each heading.
    doc_chapter: Vec<u32>,
    head_chapter: Vec<u32>,
    ids: Vec<u32>,
    seen_chapters: Vec<u32>,
}

impl Builder<'_> {
    fn intern(&mut self, t: &str) -> u32 {
        if let Some(&id) = self.vocab.get(t) {
            return id;
        }
        let id = self.vocab.len() as u32;
        self.vocab.insert(t.into(), id);
        id
    }

    fn term_ids(&mut self, text: &str, ids: &mut Vec<u32>) {
        let terms = self.terms;
        terms.each(&normalize(text), |p, _| match p {
            Piece::Word(w) => {
                if let Some(&id) = self.surface.get(w) {
                    ids.push(id);
                } else if let Some(stem) = terms.stem(w) {
                    let id = self.intern(&stem);
                    self.surface.insert(w.into(), id);
                    ids.push(id);
                }
            }
            Piece::Gram(g, _) => ids.push(self.intern(g)),
        });
    }

    /// Adds a text to documents of one level and, once per chapter, to
    /// the chapters they are in.
    fn add(&mut self, heading_doc: bool, docs: &[u32], text: &str, weight: f32) {
        let mut ids = std::mem::take(&mut self.ids);
        ids.clear();
        self.term_ids(text, &mut ids);
        let (target, chapter_of) = if heading_doc {
            (&mut self.head, &self.head_chapter)
        } else {
            (&mut self.sub, &self.doc_chapter)
        };
        self.seen_chapters.clear();
        for &d in docs {
            if let Some(v) = target.get_mut(d as usize) {
                v.extend(ids.iter().map(|&t| (t, weight)));
            }
            if let Some(&c) = chapter_of.get(d as usize) {
                if !self.seen_chapters.contains(&c) {
                    self.seen_chapters.push(c);
                }
            }
        }
        for &c in &self.seen_chapters {
            if let Some(v) = self.chap.get_mut(c as usize) {
                v.extend(ids.iter().map(|&t| (t, weight)));
            }
        }
        self.ids = ids;
    }
}

/// Sums each document's (term, weight) pairs, drops terms present in too
/// many documents and turns the rest into BM25 weights; `idf_out` keeps
/// the larger of its own and this level's idf per term.
fn finish(
    per_doc: Vec<Vec<(u32, f32)>>,
    nterms: usize,
    level: Level,
    idf_out: &mut [f32],
) -> Postings {
    let n = per_doc.len() as f32;
    let mut merged: Vec<Vec<(u32, f32)>> = Vec::with_capacity(per_doc.len());
    let mut df = vec![0u32; nterms];
    let mut total_len = 0.0f32;
    for mut v in per_doc {
        v.sort_unstable_by_key(|p| p.0);
        let mut m: Vec<(u32, f32)> = Vec::with_capacity(v.len());
        for (t, w) in v {
            match m.last_mut() {
                Some(last) if last.0 == t => last.1 += w,
                _ => m.push((t, w)),
            }
        }
        for &(t, _) in &m {
            df[t as usize] += 1;
        }
        total_len += m.iter().map(|p| p.1).sum::<f32>();
        merged.push(m);
    }
    let avg = (total_len / n).max(1.0);
    let idf: Vec<f32> = df
        .iter()
        .map(|&d| {
            let d = d as f32;
            if d == 0.0 || d > n * level.max_df_share {
                0.0
            } else {
                (1.0 + (n - d + 0.5) / (d + 0.5)).ln()
            }
        })
        .collect();
    for (o, i) in idf_out.iter_mut().zip(&idf) {
        *o = o.max(*i);
    }
    let mut offsets = vec![0u32; nterms + 1];
    for m in &merged {
        for &(t, _) in m {
            if idf[t as usize] > 0.0 {
                offsets[t as usize + 1] += 1;
            }
        }
    }
    for i in 0..nterms {
        offsets[i + 1] += offsets[i];
    }
    let total = offsets[nterms] as usize;
    let mut docs = vec![0u32; total];
    let mut weights = vec![0f32; total];
    let mut fill = offsets.clone();
    for (d, m) in merged.iter().enumerate() {
        let len: f32 = m.iter().map(|p| p.1).sum();
        let norm = K1 * (1.0 - level.b + level.b * len / avg);
        for &(t, tf) in m {
            let idf_t = idf[t as usize];
            if idf_t > 0.0 {
                let slot = &mut fill[t as usize];
                docs[*slot as usize] = d as u32;
                weights[*slot as usize] = idf_t * tf * (K1 + 1.0) / (tf + norm);
                *slot += 1;
            }
        }
    }
    Postings {
        offsets,
        docs,
        weights,
    }
}

/// Drops clauses that name other goods ("…, excluding goods of heading
/// 30.02", "other than …") from an English nomenclature text: indexed, they
/// would pull those goods in. The bundled national texts had this done by
/// `tools/build_hs_texts.py`.
fn strip_exclusions(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for clause in text.split([';', ',', '(', ')']) {
        let c = clause.trim_start().to_ascii_lowercase();
        if ["excluding", "other than", "except", "not "]
            .iter()
            .any(|m| c.starts_with(m))
        {
            continue;
        }
        out.push_str(clause);
        out.push(';');
    }
    out
}

impl HsIndex {
    /// Builds the index from the nomenclature and the bundled national texts.
    pub(crate) fn build(nomenclature: &Nomenclature) -> Result<HsIndex, GoodsError> {
        let terms = Terms::new(han_variants()?);
        let glossaries = Glossaries::bundled(&terms)?;
        let synonyms = load_synonyms()?;
        let mut codes: Vec<String> = nomenclature.codes_of_level(6);
        codes.sort();
        let mut headings: Vec<String> = nomenclature.codes_of_level(4);
        headings.sort();
        let head_of: FxHashMap<&str, u32> = headings
            .iter()
            .enumerate()
            .map(|(i, h)| (h.as_str(), i as u32))
            .collect();
        let doc_of: FxHashMap<&str, u32> = codes
            .iter()
            .enumerate()
            .map(|(i, c)| (c.as_str(), i as u32))
            .collect();
        let doc_heading: Vec<u32> = codes
            .iter()
            .map(|c| head_of.get(&c[..4]).copied().unwrap_or(0))
            .collect();
        let head_chapter = chapter_ids(&headings);
        let chapters = head_chapter.last().map_or(0, |&c| c as usize + 1);
        let mut b = Builder {
            terms: &terms,
            vocab: FxHashMap::default(),
            surface: FxHashMap::default(),
            sub: vec![Vec::new(); codes.len()],
            head: vec![Vec::new(); headings.len()],
            chap: vec![Vec::new(); chapters],
            doc_chapter: doc_heading
                .iter()
                .map(|&h| head_chapter[h as usize])
                .collect(),
            head_chapter,
            ids: Vec::new(),
            seen_chapters: Vec::new(),
        };
        add_nomenclature(&mut b, nomenclature, &codes, &headings)?;
        for (file, bytes) in TEXTS {
            add_national(&mut b, file, bytes, &doc_of, &head_of)?;
        }
        let Builder {
            vocab,
            surface,
            sub,
            head,
            chap,
            head_chapter,
            ..
        } = b;
        let nterms = vocab.len();
        let mut idf = vec![0f32; nterms];
        let sub = finish(sub, nterms, DOC_LEVEL, &mut idf);
        let head = finish(head, nterms, DOC_LEVEL, &mut idf);
        // The chapter level has idf of its own, on another scale: the
        // query and the coverage keep the document levels'.
        let chap = finish(chap, nterms, CHAPTER_LEVEL, &mut vec![0f32; nterms]);
        Ok(HsIndex {
            terms,
            glossaries,
            synonyms,
            vocab,
            surface,
            idf,
            sub,
            head,
            chap,
            codes,
            doc_heading,
            headings,
            head_chapter,
            chapters,
        })
    }

    /// Sizes, for tests and reports.
    pub(crate) fn stats(&self) -> IndexStats {
        IndexStats {
            subheadings: self.codes.len(),
            headings: self.headings.len(),
            terms: self.vocab.len(),
            postings: self.sub.docs.len() + self.head.docs.len() + self.chap.docs.len(),
            glosses: self.glossaries.sizes(),
        }
    }

    /// The HS-6 code of a document.
    pub(crate) fn code(&self, doc: u32) -> &str {
        &self.codes[doc as usize]
    }

    /// The id of a 4-digit heading.
    pub(crate) fn heading_id(&self, heading: &str) -> Option<u32> {
        self.headings
            .binary_search_by(|x| x.as_str().cmp(heading))
            .ok()
            .map(|i| i as u32)
    }

    /// The 4-digit code of a heading.
    pub(crate) fn heading(&self, h: u32) -> &str {
        &self.headings[h as usize]
    }

    /// The query terms of a normalised description, with weights: words after
    /// `purpose` (byte offset in the normalised text) count half, words in
    /// `skip` spans (modifiers the classifier reads itself: "spare parts")
    /// not at all, Han characters inside runs less, and words of the
    /// glossaries that the nomenclature texts lack add their English
    /// glosses.
    pub(crate) fn query(
        &self,
        norm: &str,
        purpose: usize,
        skip: &[(usize, usize)],
    ) -> Vec<QueryTerm> {
        let mut out: Vec<QueryTerm> = Vec::with_capacity(12);
        let mut push = |term: u32, weight: f32, source: String| {
            if self.idf[term as usize] <= 0.0 {
                return;
            }
            match out.iter_mut().find(|q| q.term == term) {
                Some(q) => q.weight = q.weight.max(weight),
                None => out.push(QueryTerm {
                    term,
                    weight,
                    source,
                }),
            }
        };
        let at = |offset: usize| purpose_weight(offset, purpose);
        // The head noun of the goods phrase: the last English word before
        // any qualifier, the first Russian one.
        let mut latin_head: Option<usize> = None;
        let mut cyrillic_head: Option<usize> = None;
        let mut pieces: Vec<(u32, f32, String)> = Vec::with_capacity(16);
        self.terms.each(norm, |p, pos| {
            if skip.iter().any(|&(a, b)| (a..b).contains(&pos.offset)) {
                return;
            }
            let spec = if pos.in_spec { SPEC_WEIGHT } else { 1.0 };
            match p {
                Piece::Word(w) => {
                    let term = self.word_term(w);
                    // A word the texts lack reads as its synonyms that
                    // they have (toothpaste → dentifrice), sharing its weight.
                    if term.is_none() {
                        let syns = self.synonyms(w);
                        let n = syns.clone().count() as f32;
                        for syn in syns {
                            if let Some(t) = self.word_term(syn) {
                                if pos.offset <= purpose && !pos.in_spec {
                                    latin_head = Some(pieces.len());
                                }
                                pieces.push((t, at(pos.offset) * spec / n, format!("{w}→{syn}")));
                            }
                        }
                    }
                    if let Some(t) = term {
                        if pos.offset <= purpose && !pos.in_spec {
                            if w.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)) {
                                cyrillic_head.get_or_insert(pieces.len());
                            } else {
                                latin_head = Some(pieces.len());
                            }
                        }
                        pieces.push((t, at(pos.offset) * spec, w.to_string()));
                    }
                }
                Piece::Gram(g, shape) => {
                    if let Some(&t) = self.vocab.get(g) {
                        let w = match shape {
                            TermShape::HanChar if pos.alone => 1.0,
                            TermShape::HanChar if pos.run_end => HAN_HEAD_CHAR_WEIGHT,
                            TermShape::HanChar => HAN_CHAR_WEIGHT,
                            TermShape::Run if g.ends_with(is_hangul) => HANGUL_RUN_WEIGHT,
                            TermShape::Run => KANA_RUN_WEIGHT,
                            _ => 1.0,
                        };
                        pieces.push((t, w * at(pos.offset) * spec, g.to_string()));
                    }
                }
            }
        });
        for head in [latin_head, cyrillic_head].into_iter().flatten() {
            if let Some(p) = pieces.get_mut(head) {
                p.1 *= HEAD_NOUN_WEIGHT;
            }
        }
        for (t, w, src) in pieces {
            push(t, w, src);
        }
        for (t, w, src) in self.gloss_pieces(norm, purpose) {
            push(t, w, src);
        }
        out
    }

    /// The English glosses of the description's words that the tariff texts
    /// lack: each word's weight is shared among its senses, and a gloss word
    /// the texts lack reads as its synonyms.
    fn gloss_pieces(&self, norm: &str, purpose: usize) -> Vec<(u32, f32, String)> {
        let mut out = Vec::new();
        self.glossaries
            .each(&self.terms, norm, |word, glosses, origin, stems| {
                // Glosses are for the words the tariff texts lack; a word
                // they have is matched already, and its glosses (often
                // other senses: медь "copper" stems like мёд "honey") only
                // pull elsewhere (blind set, dev part: heading 0.514 →
                // 0.532 with this rule).
                if self.knows(word, stems) {
                    return;
                }
                let senses = glosses.split("; ").count();
                let share = GLOSS_WEIGHT * purpose_weight(origin, purpose) / senses as f32;
                for gw in glosses.split("; ").flat_map(|sense| sense.split(' ')) {
                    if let Some(t) = self.word_term(gw) {
                        out.push((t, share, format!("{word}→{gw}")));
                        continue;
                    }
                    // A gloss word the texts lack (牙膏 → "toothpaste")
                    // reads as its synonyms, like a description's word.
                    let syns = self.synonyms(gw);
                    let n = syns.clone().count() as f32;
                    for syn in syns {
                        if let Some(t) = self.word_term(syn) {
                            out.push((t, share / n, format!("{word}→{syn}")));
                        }
                    }
                }
            });
        out
    }

    /// The synonyms the bundled table gives an English word (read only for
    /// words the texts lack).
    fn synonyms<'s>(&'s self, word: &str) -> impl Iterator<Item = &'s str> + Clone + 's {
        self.synonyms
            .get(word)
            .into_iter()
            .flat_map(|t| t.split("; "))
    }

    /// True when the nomenclature's own texts have every term of a
    /// glossary headword (each stem of a Russian phrase, each character
    /// pair of a CJK word): its glosses would only repeat what the
    /// description already matches.
    fn knows(&self, word: &str, stems: bool) -> bool {
        let has = |t: &str| {
            self.vocab
                .get(t)
                .is_some_and(|&t| self.idf[t as usize] > 0.0)
        };
        if stems {
            return word.split(' ').all(has);
        }
        // A kana or Hangul word is known only as written whole: its
        // bigrams turn up scattered across unrelated texts (ミネラルウォーター
        // has every pair somewhere, and is in none).
        if word.chars().count() >= 2 && word.chars().all(is_kana_or_hangul) {
            let mut run = String::with_capacity(word.len() + 1);
            run.push(RUN_MARK);
            run.push_str(word);
            return has(&run);
        }
        // Character boundaries; a pair runs from one to the next but one.
        let mut bounds = word.char_indices().map(|(i, _)| i).chain([word.len()]);
        let (Some(mut first), Some(mut second)) = (bounds.next(), bounds.next()) else {
            return false;
        };
        let mut pairs = 0;
        for end in bounds {
            if !has(&word[first..end]) {
                return false;
            }
            pairs += 1;
            first = second;
            second = end;
        }
        pairs > 0
    }

    fn word_term(&self, w: &str) -> Option<u32> {
        if let Some(&t) = self.surface.get(w) {
            return Some(t);
        }
        if let Some(hit) = STEMS.with(|c| c.borrow().get(w).copied()) {
            return hit;
        }
        let term = self
            .terms
            .stem(w)
            .and_then(|stem| self.vocab.get(stem.as_ref()).copied());
        STEMS.with(|c| {
            let mut c = c.borrow_mut();
            if c.len() >= STEM_CACHE {
                c.clear();
            }
            c.insert(w.into(), term);
        });
        term
    }

    /// The Latin names of the katakana brand names in a normalised
    /// description (see [`Glossaries::latin_names`]).
    pub(crate) fn latin_names(&self, norm: &str) -> (String, Vec<(usize, usize)>) {
        self.glossaries.latin_names(&self.terms, norm)
    }

    /// The best headings for the query, each with its best subheading.
    pub(crate) fn search(&self, query: &[QueryTerm]) -> Vec<Ranked> {
        SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            self.search_with(query, &mut s)
        })
    }

    fn search_with(&self, query: &[QueryTerm], s: &mut Scratch) -> Vec<Ranked> {
        s.sub.resize(self.codes.len(), 0.0);
        s.head.resize(self.headings.len(), 0.0);
        s.head_seen.resize(self.headings.len(), false);
        s.best_doc.resize(self.headings.len(), (0.0, u32::MAX));
        for q in query {
            let (docs, ws) = self.sub.of(q.term);
            for (&d, &w) in docs.iter().zip(ws) {
                if s.sub[d as usize] == 0.0 {
                    s.touched_sub.push(d);
                }
                s.sub[d as usize] += q.weight * w;
            }
            let (heads, ws) = self.head.of(q.term);
            for (&h, &w) in heads.iter().zip(ws) {
                if !s.head_seen[h as usize] {
                    s.head_seen[h as usize] = true;
                    s.touched_head.push(h);
                }
                s.head[h as usize] += q.weight * w;
            }
        }
        // Best subheading per touched heading.
        for &d in &s.touched_sub {
            let h = self.doc_heading[d as usize] as usize;
            let v = s.sub[d as usize];
            if v > s.best_doc[h].0 {
                s.best_doc[h] = (v, d);
            }
            if !s.head_seen[h] {
                s.head_seen[h] = true;
                s.touched_head.push(h as u32);
            }
        }
        let mut ranked: Vec<Ranked> = s
            .touched_head
            .iter()
            .map(|&h| {
                let (best, doc) = s.best_doc[h as usize];
                Ranked {
                    heading: h,
                    doc: (doc != u32::MAX).then_some(doc),
                    score: combine_levels(best, s.head[h as usize]),
                }
            })
            .collect();
        self.add_chapter_evidence(query, s, &mut ranked);
        let order =
            |a: &Ranked, b: &Ranked| b.score.total_cmp(&a.score).then(a.heading.cmp(&b.heading));
        if ranked.len() > TOP {
            ranked.select_nth_unstable_by(TOP - 1, order);
            ranked.truncate(TOP);
        }
        ranked.sort_unstable_by(order);
        for &d in &s.touched_sub {
            s.sub[d as usize] = 0.0;
        }
        for &h in &s.touched_head {
            s.head[h as usize] = 0.0;
            s.head_seen[h as usize] = false;
            s.best_doc[h as usize] = (0.0, u32::MAX);
        }
        s.touched_sub.clear();
        s.touched_head.clear();
        ranked
    }

    /// Adds to each heading's score its chapter's evidence, relative to the
    /// best chapter's and scaled to the best heading's score, so the
    /// headings of a chapter the description clearly belongs to move up
    /// together (see [`CHAPTER_SHARE`]).
    fn add_chapter_evidence(&self, query: &[QueryTerm], s: &mut Scratch, ranked: &mut [Ranked]) {
        s.chap.clear();
        s.chap.resize(self.chapters, 0.0);
        for q in query {
            let (cs, ws) = self.chap.of(q.term);
            for (&c, &w) in cs.iter().zip(ws) {
                s.chap[c as usize] += q.weight * w;
            }
        }
        let best_chapter = s.chap.iter().copied().fold(0.0f32, f32::max);
        let best_heading = ranked.iter().map(|r| r.score).fold(0.0f32, f32::max);
        if best_chapter <= 0.0 {
            return;
        }
        let scale = CHAPTER_SHARE * best_heading / best_chapter;
        for r in ranked.iter_mut() {
            let c = self.head_chapter[r.heading as usize] as usize;
            r.score += scale * s.chap[c];
        }
    }

    /// Share (0..1) of the query's weight that a candidate explains, and
    /// the query terms it matched.
    pub(crate) fn coverage<'q>(&self, query: &'q [QueryTerm], r: &Ranked) -> (f32, Vec<&'q str>) {
        let mut total = 0.0;
        let mut hit = 0.0;
        let mut words = Vec::new();
        for q in query {
            let w = q.weight * self.idf[q.term as usize];
            total += w;
            let in_doc = r.doc.is_some_and(|d| self.sub.contains(q.term, d));
            if in_doc || self.head.contains(q.term, r.heading) {
                hit += w;
                // A whole word is shown as written, once (its bigram may
                // be the same two characters).
                let word = q.source.trim_start_matches(RUN_MARK);
                if !words.contains(&word) {
                    words.push(word);
                }
            }
        }
        (if total > 0.0 { hit / total } else { 0.0 }, words)
    }

    /// The best subheading of `heading` for the query, if any text of it matched.
    pub(crate) fn best_in_heading(&self, query: &[QueryTerm], heading: &str) -> Option<u32> {
        let h = self.heading_id(heading)?;
        let mut best: Option<(f32, u32)> = None;
        for q in query {
            let (docs, ws) = self.sub.of(q.term);
            for (&d, &w) in docs.iter().zip(ws) {
                if self.doc_heading[d as usize] == h {
                    let v = q.weight * w;
                    if best.is_none_or(|b| v > b.0) {
                        best = Some((v, d));
                    }
                }
            }
        }
        best.map(|b| b.1)
    }
}

/// Reads the English synonyms (`word<TAB>targets`).
fn load_synonyms() -> Result<FxHashMap<Box<str>, Box<str>>, GoodsError> {
    let text = gunzip(SYNONYMS.1, SYNONYMS.0)?;
    let mut out = FxHashMap::default();
    for (i, line) in text.lines().enumerate() {
        let Some((word, targets)) = line.split_once('\t') else {
            return Err(GoodsError::data(
                SYNONYMS.0,
                i + 1,
                "expected word, targets",
            ));
        };
        out.insert(word.into(), targets.into());
    }
    Ok(out)
}

/// The chapter document of each heading (sorted 4-digit codes): chapters
/// numbered in order of appearance.
fn chapter_ids(headings: &[String]) -> Vec<u32> {
    let mut out = Vec::with_capacity(headings.len());
    let mut next = 0u32;
    let mut last: Option<&str> = None;
    for h in headings {
        let ch = h.get(..2).unwrap_or_default();
        match last {
            Some(l) if l == ch => {}
            Some(_) => next += 1,
            None => {}
        }
        last = Some(ch);
        out.push(next);
    }
    out
}

/// A heading's score from its best subheading's and its own document's:
/// the larger plus [`HEADING_SHARE`] of the smaller. A plain sum counted a
/// word of a heading's title twice (heading and subheading texts), so
/// headings whose title names a common word ("lock", "cord") outran
/// subheadings that name the goods ("syringes"); the larger alone would
/// ignore agreement between the two levels.
fn combine_levels(sub: f32, head: f32) -> f32 {
    sub.max(head) + HEADING_SHARE * sub.min(head)
}

fn add_nomenclature(
    b: &mut Builder<'_>,
    nomenclature: &Nomenclature,
    codes: &[String],
    headings: &[String],
) -> Result<(), GoodsError> {
    for (d, c) in codes.iter().enumerate() {
        if let Some(e) = nomenclature.get(c) {
            b.add(false, &[d as u32], &strip_exclusions(&e.description), 1.0);
        }
    }
    for (h, code) in headings.iter().enumerate() {
        if let Some(e) = nomenclature.get(code) {
            b.add(true, &[h as u32], &strip_exclusions(&e.description), 1.0);
        }
        if let Some(ch) = nomenclature.get(&code[..2]) {
            b.add(true, &[h as u32], &ch.description, CHAPTER_FIELD);
        }
    }
    Ok(())
}

fn add_national(
    b: &mut Builder<'_>,
    file: &'static str,
    bytes: &[u8],
    doc_of: &FxHashMap<&str, u32>,
    head_of: &FxHashMap<&str, u32>,
) -> Result<(), GoodsError> {
    let text = gunzip(bytes, file)?;
    let mut targets: Vec<u32> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let mut f = line.splitn(3, '\t');
        let (Some(field), Some(codes), Some(body)) = (f.next(), f.next(), f.next()) else {
            return Err(GoodsError::data(file, i + 1, "expected field, codes, text"));
        };
        targets.clear();
        let (lookup, heading_doc, weight) = match field {
            "h" => (head_of, true, 1.0),
            "g" => (doc_of, false, GROUP_FIELD),
            "s" => (doc_of, false, 1.0),
            other => {
                return Err(GoodsError::data(
                    file,
                    i + 1,
                    format!("unknown field {other:?}"),
                ))
            }
        };
        for c in codes.split(';') {
            let d = lookup
                .get(c)
                .ok_or_else(|| GoodsError::data(file, i + 1, format!("{c} is not in HS 2022")))?;
            targets.push(*d);
        }
        b.add(heading_doc, &targets, body, weight);
    }
    Ok(())
}

/// Words after the purpose phrase ("… for cars") count less: they say what
/// the goods are for, not what they are.
fn purpose_weight(offset: usize, purpose: usize) -> f32 {
    if offset > purpose {
        PURPOSE_WEIGHT
    } else {
        1.0
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn words_the_tariff_texts_have_are_not_glossed() {
        let index = HsIndex::build(&Nomenclature::bundled().unwrap()).unwrap();
        // ТН ВЭД has медь (copper) and мёд (honey), which stem alike: the
        // glossary must not add "honey" to a copper line.
        assert!(index.knows("мед", true));
        let q = index.query(&normalize("Медь катодная"), usize::MAX, &[]);
        assert!(q.iter().all(|t| !t.source.contains('→')), "{q:?}");
        // A word the texts lack adds its English gloss.
        assert!(!index.knows("갈비탕", false));
        let q = index.query(&normalize("갈비탕 500g"), usize::MAX, &[]);
        assert!(q.iter().any(|t| t.source == "갈비탕→soup"), "{q:?}");
    }

    #[test]
    fn a_korean_word_as_written_beats_the_same_syllables_inside_another() {
        let index = HsIndex::build(&Nomenclature::bundled().unwrap()).unwrap();
        // 현미 (brown rice, HSK 1006.20) is also the start of 현미경
        // (microscope, 90.11): the whole word decides.
        let q = index.query(&normalize("현미 4kg"), usize::MAX, &[]);
        assert!(q.iter().any(|t| t.source == "#현미"), "{q:?}");
        let best = &index.search(&q)[0];
        assert_eq!(index.heading(best.heading), "1006");
    }

    #[test]
    fn a_kana_word_is_known_only_when_written_whole_in_the_texts() {
        let index = HsIndex::build(&Nomenclature::bundled().unwrap()).unwrap();
        // Every pair of ミネラルウォーター is somewhere in the Japanese
        // tariff, the word itself nowhere: its JMdict gloss is used.
        assert!(!index.knows("ミネラルウォーター", false));
        let q = index.query(&normalize("ミネラルウォーター 2L"), usize::MAX, &[]);
        assert!(
            q.iter().any(|t| t.source == "ミネラルウォーター→water"),
            "{q:?}"
        );
    }

    #[test]
    fn a_word_the_texts_lack_reads_as_its_synonyms() {
        let index = HsIndex::build(&Nomenclature::bundled().unwrap()).unwrap();
        let q = index.query(&normalize("toothpaste"), usize::MAX, &[]);
        assert!(
            q.iter().any(|t| t.source == "toothpaste→dentifrice"),
            "{q:?}"
        );
        // So does a gloss word: CC-CEDICT has 牙膏 as "toothpaste".
        let q = index.query(&normalize("牙膏"), usize::MAX, &[]);
        assert!(q.iter().any(|t| t.source == "牙膏→dentifrice"), "{q:?}");
        // A word of the texts keeps its own term only.
        assert!(index.word_term("rice").is_some());
        let q = index.query(&normalize("rice"), usize::MAX, &[]);
        assert!(q.iter().all(|t| !t.source.contains('→')), "{q:?}");
    }

    #[test]
    fn chapters_are_numbered_in_order_of_the_headings() {
        let headings: Vec<String> = ["0101", "0102", "0201", "9701", "9706"]
            .iter()
            .map(|h| h.to_string())
            .collect();
        assert_eq!(chapter_ids(&headings), vec![0, 0, 1, 2, 2]);
        assert!(chapter_ids(&[]).is_empty());
    }

    #[test]
    fn a_chapter_the_description_belongs_to_lifts_its_headings() {
        let index = HsIndex::build(&Nomenclature::bundled().unwrap()).unwrap();
        let query = index.query(&normalize("gloves"), usize::MAX, &[]);
        let ranked = SCRATCH.with(|s| {
            let mut s = s.borrow_mut();
            let mut ranked: Vec<Ranked> = [("4015", 1.0), ("8714", 1.0)]
                .iter()
                .map(|&(h, score)| Ranked {
                    heading: index.heading_id(h).unwrap(),
                    doc: None,
                    score,
                })
                .collect();
            index.add_chapter_evidence(&query, &mut s, &mut ranked);
            ranked
        });
        // Gloves are words of chapter 40 (40.15), not of chapter 87.
        assert!(ranked[0].score > ranked[1].score, "{ranked:?}");
        assert!(ranked[1].score >= 1.0);
    }

    #[test]
    fn a_word_in_both_levels_is_not_counted_twice() {
        // A heading whose title and subheading both carry the word must not
        // beat a subheading that matches twice as strongly.
        assert!(combine_levels(1.0, 1.0) < combine_levels(2.0, 0.0));
        assert_eq!(combine_levels(0.0, 1.5), 1.5);
        assert!(combine_levels(1.0, 0.5) > combine_levels(1.0, 0.0));
    }
}
