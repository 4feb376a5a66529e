//! Description → HS 2022 heading and subheading, in named steps:
//!
//! 1. [`retrieval`]: BM25 over every heading and subheading of the
//!    nomenclature, in five languages (`index`);
//! 2. [`vocabulary`]: the cited vocabulary's hits per heading (product
//!    nouns outweigh models, models outweigh brands), the boost;
//! 3. [`combine`]: retrieval score (relative to the best) plus the boost;
//! 4. [`apply_deciding_rules`]: the HS's own choices between neighbouring
//!    headings (material, construction, capacity; `deciding`);
//! 5. [`apply_modifiers`]: parts (to the parts heading, unless GIR 2(a)
//!    says the goods are the article unassembled) and toys;
//! 6. [`confidence`]: how much of the description the heading explains,
//!    and by what margin; below [`MIN_CONFIDENCE`] the goods are
//!    unclassified and the candidates are listed.
//!
//! Must not know about control rules or jurisdictions.

use crate::deciding::{self, DecidingRule};
use crate::hs::Nomenclature;
use crate::index::{HsIndex, QueryTerm, Ranked};
use crate::vocab::{is_unbounded_char, normalize, Hit, TermKind, Vocabulary};
use serde::Serialize;

/// A brand or model found in a description.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MakeHit {
    /// The brand or model as written in the vocabulary.
    pub term: String,
    /// Source id of the vocabulary row: one per make family.
    pub family: String,
    /// The HS code the vocabulary gives it.
    pub hs: String,
    /// Luxury class.
    pub luxury: bool,
}

/// A heading the classifier considered.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Candidate {
    /// The subheading when known, else the heading.
    pub code: String,
    /// The 4-digit heading.
    pub heading: String,
    /// Combined score (retrieval relative to the best, plus the vocabulary boost).
    pub score: f64,
    /// Nomenclature text of `code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// What the classifier read in a description.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Classification {
    /// 4-digit HS 2022 heading, when one reaches [`MIN_CONFIDENCE`].
    pub heading: Option<String>,
    /// 6-digit subheading, when the texts or the vocabulary name one.
    pub subheading: Option<String>,
    /// Nomenclature text of the most precise code.
    pub description: Option<String>,
    /// 0..1: how much of the description the heading explains, and by what
    /// margin over the runner-up (or the vocabulary's own confidence).
    pub confidence: f64,
    /// The words that decided: vocabulary terms and matched description words.
    pub decisive: Vec<String>,
    /// Category tags (from the vocabulary and heading_categories.csv).
    pub categories: Vec<String>,
    /// The goods read as luxury.
    pub luxury: bool,
    /// An armoured vehicle.
    pub armoured: bool,
    /// Parts of goods rather than the goods.
    pub parts: bool,
    /// Brands and models on the chosen heading.
    pub makes: Vec<MakeHit>,
    /// The best other heading.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub runner_up: Option<Candidate>,
    /// The top candidates, best first (always listed when unclassified).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
    /// How the heading was reached, in words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub basis: String,
    /// Deciding rules of the nomenclature that chose the heading (ids of
    /// `data/hs/deciding_rules.csv`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
}

impl Classification {
    /// The most precise code known: the subheading, else the heading.
    pub fn code(&self) -> Option<&str> {
        self.subheading.as_deref().or(self.heading.as_deref())
    }
}

/// Below this confidence no heading is given: the goods are `unknown` and
/// the candidates are listed. Confidence is coverage (share of the
/// description's distinctive weight the heading's texts contain) times a
/// margin factor of 0.5–1; 0.08 means, e.g., a heading that explains a
/// sixth of the description and barely beats the runner-up. Set on the blind
/// set's dev part: 0.15 left 10 % of lines unclassified, 0.08 leaves 1.6 %,
/// and an `unknown` is never the right verdict for a classifiable line.
pub const MIN_CONFIDENCE: f64 = 0.08;

/// How much a vocabulary weight unit adds to the relative retrieval score
/// (the best retrieval candidate has 1.0; a product noun weighs 2.0).
const VOCAB_BOOST: f64 = 0.5;

/// Categories a luxury reading promotes (a "premium sedan" is a luxury car).
const LUXURY_PROMOTIONS: &[(&str, &str)] = &[("car", "vehicle_luxury")];

/// Marks that open a qualifying phrase: what follows says what the goods
/// are for, made of, packed in or fitted with, not what they are ("brake
/// pads for Land Cruiser", "tuna chunks in sunflower oil", "rice cooker,
/// non-stick pot"). Punctuation marks, then words that follow a space.
const QUALIFIER_PUNCT: &[char] = &[',', ';', '(', '（', '，'];
const QUALIFIER_WORDS: &[&str] = &[
    "- ", "w/ ", "with ", "in ", "for ", "of ", "для ", "с ", "со ", "из ", "в ",
];

/// Weight of a vocabulary word inside a qualifying phrase.
const PURPOSE_WEIGHT: f64 = 0.5;

/// Byte offset, in the normalised description, where the first qualifying
/// phrase starts (`usize::MAX` when there is none).
fn qualifier_start(description: &str) -> usize {
    let bytes = description.as_bytes();
    let mut cut = None;
    for (i, c) in description.char_indices() {
        if i == 0 {
            continue;
        }
        if QUALIFIER_PUNCT.contains(&c) {
            cut = Some(i);
            break;
        }
        if c == ' ' {
            let rest = &bytes[i + 1..];
            let opens = QUALIFIER_WORDS.iter().any(|w| {
                rest.len() >= w.len() && rest[..w.len()].eq_ignore_ascii_case(w.as_bytes())
            });
            if opens {
                cut = Some(i);
                break;
            }
        }
    }
    match cut {
        Some(i) => normalize(&description[..i]).trim_end().len(),
        None => usize::MAX,
    }
}

/// Byte offset, in the normalised description, where the first
/// specification starts: a word opening with a digit after at least one
/// word without ("toothpaste *100ml tube*, 72 tubes", "玄米 *30kg 紙袋*").
/// What follows a quantity is mostly packing, sizes and counts, not the
/// goods; a model code (ZK6122, S600) is part of the name. `usize::MAX`
/// when there is none.
fn spec_start(norm: &str) -> usize {
    let mut offset = 0;
    let mut named = false;
    for w in norm.split(' ') {
        let start = offset;
        offset += w.len() + 1;
        if w.is_empty() {
            continue;
        }
        if w.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            if named {
                return start.saturating_sub(1);
            }
        } else if w.chars().any(char::is_alphabetic) {
            named = true;
        }
    }
    usize::MAX
}

/// The tables the classifier reads.
pub(crate) struct Tables<'a> {
    pub vocab: &'a Vocabulary,
    pub nomenclature: &'a Nomenclature,
    pub index: &'a HsIndex,
    pub deciding: &'a [DecidingRule],
}

/// Vocabulary evidence for one heading.
#[derive(Default)]
struct VocabScore<'v> {
    total: f64,
    best_single: f64,
    last: usize,
    hits: Vec<Hit<'v>>,
}

/// What the vocabulary read: per-heading scores and the modifiers.
#[derive(Default)]
struct VocabReading<'v> {
    scores: Vec<(String, VocabScore<'v>)>,
    /// Spans (normalised text) of modifier words, which retrieval skips.
    modifier_spans: Vec<(usize, usize)>,
    parts: Option<String>,
    toy: Option<String>,
    armoured: bool,
    luxury_word: bool,
}

impl VocabReading<'_> {
    fn total(&self, heading: &str) -> f64 {
        self.scores
            .iter()
            .find(|(h, _)| h == heading)
            .map_or(0.0, |(_, s)| s.total)
    }

    fn score(&self, heading: &str) -> Option<&VocabScore<'_>> {
        self.scores
            .iter()
            .find(|(h, _)| h == heading)
            .map(|(_, s)| s)
    }

    /// The vocabulary's own pick and its confidence (share of the evidence
    /// times its strength).
    fn best(&self) -> Option<(&str, f64)> {
        let grand: f64 = self.scores.iter().map(|(_, s)| s.total).sum();
        let (h, s) = self.scores.iter().max_by(|a, b| {
            a.1.total
                .total_cmp(&b.1.total)
                .then(a.1.best_single.total_cmp(&b.1.best_single))
                .then(a.1.last.cmp(&b.1.last))
        })?;
        let conf = ((s.total / grand) * (s.total / 2.0).min(1.0)).clamp(0.0, 1.0);
        Some((h.as_str(), conf))
    }
}

/// A Chinese, Japanese or Korean term followed, without a space, by more
/// characters of those scripts modifies the compound it opens (柴油 in
/// 柴油发电机 is a generator's fuel, 汽车 in 汽车玻璃 says what the glass
/// is for): these compounds are head-final, so the term is not the goods.
fn modifies_compound(norm: &str, h: &Hit<'_>) -> bool {
    let last = norm.get(h.start..h.end).and_then(|t| t.chars().next_back());
    let next = norm.get(h.end..).and_then(|t| t.chars().next());
    last.is_some_and(is_unbounded_char) && next.is_some_and(is_unbounded_char)
}

/// Step 2: the vocabulary's hits, scored per heading; a hit in a
/// qualifying phrase counts half.
fn vocabulary<'v>(vocab: &'v Vocabulary, norm: &str, purpose: usize) -> VocabReading<'v> {
    let mut hits = Vec::with_capacity(8);
    vocab.find(norm, &mut hits);
    let mut out = VocabReading::default();
    // A compound that ends in a modifier (自動車部品, car parts) is read by
    // the modifier step: its first term keeps its weight.
    let modifier_starts: Vec<usize> = hits
        .iter()
        .filter(|h| h.term.kind == TermKind::Modifier)
        .map(|h| h.start)
        .collect();
    for h in hits {
        let t = h.term;
        if t.kind == TermKind::Modifier {
            out.modifier_spans.push((h.start, h.end));
            match t.category.as_str() {
                "parts" => {
                    out.parts.get_or_insert(t.term.clone());
                }
                "toy" => {
                    out.toy.get_or_insert(t.term.clone());
                }
                "armoured" => out.armoured = true,
                _ => out.luxury_word = true,
            }
            continue;
        }
        out.armoured |= t.category == "armoured";
        let heading = &t.hs[..4];
        let idx = match out.scores.iter().position(|(h, _)| h == heading) {
            Some(i) => i,
            None => {
                out.scores
                    .push((heading.to_string(), VocabScore::default()));
                out.scores.len() - 1
            }
        };
        let s = &mut out.scores[idx].1;
        let w = t.kind.weight()
            * if h.start > purpose
                || (modifies_compound(norm, &h) && !modifier_starts.contains(&h.end))
            {
                PURPOSE_WEIGHT
            } else {
                1.0
            };
        s.total += w;
        s.best_single = s.best_single.max(w);
        s.last = s.last.max(h.start);
        s.hits.push(h);
    }
    out
}

/// Step 1: retrieval candidates and the query they answer.
fn retrieval(
    index: &HsIndex,
    norm: &str,
    purpose: usize,
    skip: &[(usize, usize)],
) -> (Vec<QueryTerm>, Vec<Ranked>) {
    let query = index.query(norm, purpose, skip);
    let ranked = index.search(&query);
    (query, ranked)
}

/// A heading with its combined score and where its evidence came from.
struct Scored<'a> {
    heading: &'a str,
    doc: Option<u32>,
    retrieval: f64,
    vocab: f64,
    /// Offset of its last vocabulary hit: of two equal readings the later
    /// word wins, as in [`VocabReading::best`] (head nouns come last).
    last: usize,
    score: f64,
}

/// Step 3: relative retrieval score plus the vocabulary boost, best first.
fn combine<'a>(
    index: &'a HsIndex,
    ranked: &[Ranked],
    reading: &'a VocabReading<'_>,
) -> Vec<Scored<'a>> {
    let top = ranked.first().map_or(0.0, |r| f64::from(r.score));
    let mut out: Vec<Scored> = ranked
        .iter()
        .map(|r| {
            let heading = index.heading(r.heading);
            let retrieval = if top > 0.0 {
                f64::from(r.score) / top
            } else {
                0.0
            };
            let vocab = reading.total(heading);
            Scored {
                last: reading.score(heading).map_or(0, |s| s.last),
                score: retrieval + VOCAB_BOOST * vocab,
                heading,
                doc: r.doc,
                retrieval,
                vocab,
            }
        })
        .collect();
    for (h, s) in &reading.scores {
        if !out.iter().any(|c| c.heading == h) {
            out.push(Scored {
                heading: h,
                doc: None,
                retrieval: 0.0,
                vocab: s.total,
                last: s.last,
                score: VOCAB_BOOST * s.total,
            });
        }
    }
    out.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.vocab.total_cmp(&a.vocab))
            .then(b.last.cmp(&a.last))
            .then(a.heading.cmp(b.heading))
    });
    out
}

/// Classifies `description` with the tables.
pub(crate) fn classify(t: &Tables<'_>, description: &str) -> Classification {
    let norm = normalize(description);
    let purpose = qualifier_start(description);
    // Brands written in katakana are read by the vocabulary under their
    // Latin names, appended to the text it reads; their katakana is no
    // word of the nomenclature (ドン ペリニヨン is no "ドン"), so retrieval
    // skips it as it skips the modifiers.
    let (names, name_spans) = t.index.latin_names(&norm);
    let mut reading = if names.is_empty() {
        vocabulary(t.vocab, &norm, purpose)
    } else {
        vocabulary(t.vocab, &format!("{}{}", norm.trim_end(), names), purpose)
    };
    reading.modifier_spans.extend(name_spans);
    let spec = spec_start(&norm).min(purpose);
    let (query, ranked) = retrieval(t.index, &norm, spec, &reading.modifier_spans);
    let scored = combine(t.index, &ranked, &reading);
    let mut out = Classification {
        armoured: reading.armoured,
        ..Classification::default()
    };
    let Some(best) = scored.first() else {
        out.basis =
            "no word of the description is in the nomenclature texts or the vocabulary".into();
        return out;
    };
    let confidence = confidence(t, &query, &ranked, &scored, &reading);
    out.runner_up = scored.get(1).map(|s| candidate(t, s, &query));
    if confidence < MIN_CONFIDENCE {
        out.candidates = scored
            .iter()
            .take(3)
            .map(|s| candidate(t, s, &query))
            .collect();
        out.confidence = confidence;
        out.basis = format!(
            "no heading reaches confidence {MIN_CONFIDENCE} (best {} at {}); see the candidates",
            best.heading,
            Fixed(confidence, 2)
        );
        return out;
    }
    out.confidence = confidence;
    let mut heading = best.heading.to_string();
    let mut subheading = subheading_of(t, best, &reading, &query);
    decisive_words(t, best, &reading, &query, &mut out);
    if let Some(rule) = apply_deciding_rules(t, &heading, &norm) {
        out.rules.push(rule.id.clone());
        if rule.target != heading {
            heading = rule.target.clone();
            subheading = t
                .index
                .best_in_heading(&query, &heading)
                .map(|d| t.index.code(d).to_string());
        }
    }
    let mut luxury = reading
        .score(best.heading)
        .is_some_and(|s| s.hits.iter().any(|h| h.term.luxury))
        || reading.luxury_word
        || reading.armoured;
    let before = heading.clone();
    apply_modifiers(
        t,
        &reading,
        &norm,
        &mut heading,
        &mut subheading,
        &mut luxury,
        &mut out,
    );
    let categories_from_hits = !out.parts && heading != "9503" && heading == before;
    out.categories = categories(
        t,
        &reading,
        best.heading,
        categories_from_hits,
        &heading,
        &subheading,
        &mut luxury,
    );
    if out.armoured && !out.categories.iter().any(|c| c == "armoured") {
        out.categories.push("armoured".to_string());
    }
    out.basis = basis(best, &out, confidence);
    let code = subheading.clone().unwrap_or_else(|| heading.clone());
    out.description = t
        .nomenclature
        .get(&code)
        .or_else(|| t.nomenclature.get(&heading))
        .map(|e| e.description.clone());
    out.heading = Some(heading);
    out.subheading = subheading;
    out.luxury = luxury;
    out
}

fn candidate(t: &Tables<'_>, s: &Scored, _query: &[QueryTerm]) -> Candidate {
    let code = s
        .doc
        .map_or_else(|| s.heading.to_string(), |d| t.index.code(d).to_string());
    Candidate {
        description: t.nomenclature.get(&code).map(|e| e.description.clone()),
        heading: s.heading.to_string(),
        code,
        score: (s.score * 1000.0).round() / 1000.0,
    }
}

/// The subheading: the vocabulary's when its leading term names one, else
/// the best-matching subheading text.
fn subheading_of(
    t: &Tables<'_>,
    best: &Scored,
    reading: &VocabReading<'_>,
    query: &[QueryTerm],
) -> Option<String> {
    // Ties go to the later word: in English, Chinese, Korean and Japanese
    // compounds the head noun comes last ("diamond necklace").
    let lead = reading.score(best.heading).and_then(|s| {
        s.hits.iter().max_by(|a, b| {
            a.term
                .kind
                .weight()
                .total_cmp(&b.term.kind.weight())
                .then(b.start.cmp(&a.start))
        })
    });
    if let Some(h) = lead.filter(|h| h.term.hs.len() == 6) {
        return Some(h.term.hs.clone());
    }
    best.doc
        .or_else(|| t.index.best_in_heading(query, best.heading))
        .map(|d| t.index.code(d).to_string())
}

fn decisive_words(
    t: &Tables<'_>,
    best: &Scored,
    reading: &VocabReading<'_>,
    query: &[QueryTerm],
    out: &mut Classification,
) {
    if let Some(s) = reading.score(best.heading) {
        for h in &s.hits {
            if !out.decisive.contains(&h.term.term) {
                out.decisive.push(h.term.term.clone());
            }
            if matches!(h.term.kind, TermKind::Brand | TermKind::Model) {
                out.makes.push(MakeHit {
                    term: h.term.term.clone(),
                    family: h.term.source.clone(),
                    hs: h.term.hs.clone(),
                    luxury: h.term.luxury,
                });
            }
        }
    }
    if let Some(h) = t.index.heading_id(best.heading) {
        let r = Ranked {
            heading: h,
            doc: best.doc,
            score: 0.0,
        };
        for w in t.index.coverage(query, &r).1 {
            if !out.decisive.iter().any(|d| d == w) {
                out.decisive.push(w.to_string());
            }
        }
    }
}

/// Step 4: the nomenclature's own choice between neighbouring headings.
fn apply_deciding_rules<'r>(t: &Tables<'r>, heading: &str, norm: &str) -> Option<&'r DecidingRule> {
    deciding::decide(t.deciding, heading, norm)
}

/// Step 5: toys of vehicles go to 95.03; parts go to the parts heading
/// unless GIR 2(a) keeps unassembled goods with the article.
fn apply_modifiers(
    t: &Tables<'_>,
    reading: &VocabReading<'_>,
    norm: &str,
    heading: &mut String,
    subheading: &mut Option<String>,
    luxury: &mut bool,
    out: &mut Classification,
) {
    let vehicle = matches!(&heading[..2], "86" | "87" | "88" | "89");
    if let (Some(word), true) = (&reading.toy, vehicle) {
        *heading = "9503".to_string();
        *subheading = None;
        out.decisive.push(word.clone());
        *luxury = false;
        return;
    }
    let Some(word) = &reading.parts else { return };
    let Some(ph) = t.vocab.parts_heading(heading) else {
        return;
    };
    if let Some(rule) = deciding::unassembled(t.deciding, ph, norm) {
        out.rules.push(rule.id.clone());
        return;
    }
    *heading = ph.to_string();
    *subheading = None;
    out.decisive.push(word.clone());
    out.parts = true;
}

/// Category tags: the vocabulary hits' (when the heading is theirs), then
/// every heading_categories.csv prefix of the code; luxury categories and
/// promotions.
fn categories(
    t: &Tables<'_>,
    reading: &VocabReading<'_>,
    vocab_heading: &str,
    from_hits: bool,
    heading: &str,
    subheading: &Option<String>,
    luxury: &mut bool,
) -> Vec<String> {
    let mut categories: Vec<String> = Vec::new();
    if from_hits {
        if let Some(s) = reading.score(vocab_heading) {
            for h in &s.hits {
                if !categories.contains(&h.term.category) {
                    categories.push(h.term.category.clone());
                }
            }
        }
    }
    let code = subheading.as_deref().unwrap_or(heading);
    let (cats, inherent) = t.vocab.categories_of(code);
    *luxury |= inherent;
    for c in cats {
        if !categories.iter().any(|x| x == c) {
            categories.push(c.to_string());
        }
    }
    if *luxury {
        for (from, to) in LUXURY_PROMOTIONS {
            if categories.iter().any(|c| c == from) && !categories.iter().any(|c| c == to) {
                categories.push((*to).to_string());
            }
        }
    }
    categories
}

/// Step 6: the confidence of the best heading.
fn confidence(
    t: &Tables<'_>,
    query: &[QueryTerm],
    ranked: &[Ranked],
    scored: &[Scored],
    reading: &VocabReading<'_>,
) -> f64 {
    let Some(best) = scored.first() else {
        return 0.0;
    };
    let margin = match scored.get(1) {
        Some(second) if best.score > 0.0 => {
            ((best.score - second.score) / best.score).clamp(0.0, 1.0)
        }
        _ => 1.0,
    };
    let coverage = ranked
        .iter()
        .find(|r| t.index.heading(r.heading) == best.heading)
        .map_or(0.0, |r| f64::from(t.index.coverage(query, r).0));
    let retrieval_conf = coverage * (0.5 + 0.5 * margin);
    let vocab_conf = reading
        .best()
        .filter(|(h, _)| *h == best.heading)
        .map_or(0.0, |(_, c)| c);
    retrieval_conf.max(vocab_conf).clamp(0.0, 1.0)
}

fn basis(best: &Scored, out: &Classification, confidence: f64) -> String {
    use std::fmt::Write;
    let mut text = String::with_capacity(160);
    let mut sep = "";
    // Writing to a String cannot fail.
    if best.retrieval > 0.0 {
        let _ = write!(
            text,
            "nomenclature texts of {} (relative score {})",
            best.heading,
            Fixed(best.retrieval, 2)
        );
        sep = "; ";
    }
    if best.vocab > 0.0 {
        let _ = write!(text, "{sep}vocabulary weight {}", Fixed(best.vocab, 1));
        sep = "; ";
    }
    if !out.rules.is_empty() {
        let _ = write!(text, "{sep}deciding rules {}", out.rules.join(", "));
        sep = "; ";
    }
    if out.parts {
        let _ = write!(text, "{sep}parts heading");
    }
    let _ = write!(
        text,
        "; words: {}; confidence {}",
        out.decisive.join(", "),
        Fixed(confidence, 2)
    );
    text
}

/// A number written with `.1` (the second field) decimals exactly as
/// `{:.N}` writes it, by integer arithmetic away from ties: the float
/// formatting machinery cost a tenth of a classification.
struct Fixed(f64, u32);

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let decimals = self.1 as usize;
        let scaled = self.0 * 10f64.powi(self.1 as i32);
        // Near a tie the scaled float may round the other way than the
        // exact decimal value does: the formatter decides those.
        if (scaled - scaled.floor() - 0.5).abs() < 1e-6 || !scaled.is_finite() {
            return write!(f, "{:.*}", decimals, self.0);
        }
        let n = scaled.round() as i64;
        // Digits from the last: the fraction, the point, then the whole part.
        let mut buf = [0u8; 24];
        let mut at = buf.len();
        let mut rest = n.unsigned_abs();
        let mut written = 0;
        while (written <= decimals || rest > 0) && at > 1 {
            if written == decimals && decimals > 0 {
                at -= 1;
                buf[at] = b'.';
            }
            at -= 1;
            buf[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            written += 1;
        }
        if n < 0 {
            at -= 1;
            buf[at] = b'-';
        }
        f.write_str(std::str::from_utf8(&buf[at..]).unwrap_or_default())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_as_the_float_formatter_does() {
        for x in [
            0.0, 0.005, 0.125, 0.5, 0.994, 0.995, 1.0, 2.25, 12.345, 100.0, -0.37, 0.6666,
        ] {
            assert_eq!(Fixed(x, 2).to_string(), format!("{x:.2}"), "{x}");
            assert_eq!(Fixed(x, 1).to_string(), format!("{x:.1}"), "{x}");
        }
    }

    /// The normalised text after the specification cut.
    fn spec_part(text: &str) -> String {
        let norm = normalize(text);
        norm.get(spec_start(&norm)..)
            .unwrap_or_default()
            .trim()
            .to_string()
    }

    #[test]
    fn the_specification_starts_at_the_first_quantity_after_a_name() {
        assert_eq!(spec_part("Fluoride toothpaste 100ml tube"), "100ml tube");
        assert_eq!(spec_part("玄米 30kg 紙袋"), "30kg 紙袋");
        // A model code is part of the name; a leading quantity is not a cut.
        assert_eq!(spec_part("宇通 ZK6122 大客车 55座 柴油"), "55座 柴油");
        assert_eq!(spec_part("16 L knapsack sprayer"), "");
    }

    #[test]
    fn a_term_opening_a_cjk_compound_modifies_it() {
        let vocab = Vocabulary::bundled().unwrap();
        let modifies = |text: &str, term: &str| {
            let norm = normalize(text);
            let reading = vocabulary(&vocab, &norm, usize::MAX);
            reading
                .scores
                .iter()
                .flat_map(|(_, s)| s.hits.iter().map(move |h| (h, s)))
                .find(|(h, _)| h.term.term == term)
                .map(|(h, _)| modifies_compound(&norm, h))
                .unwrap()
        };
        assert!(modifies("柴油发电机组", "柴油"));
        assert!(!modifies("柴油 20吨", "柴油"));
    }
}
