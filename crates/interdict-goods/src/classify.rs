//! Description → HS heading. Scores the vocabulary hits per heading (product
//! nouns outweigh models, models outweigh brands), applies the modifiers
//! (parts, toy, armoured, luxury) and reports the words that decided. Must
//! not know about control rules or jurisdictions.

use crate::hs::Nomenclature;
use crate::vocab::{normalize, Hit, TermKind, Vocabulary};
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

/// What the classifier read in a description.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Classification {
    /// 4-digit HS 2022 heading, when any product word was found.
    pub heading: Option<String>,
    /// 6-digit subheading, when the deciding word names one.
    pub subheading: Option<String>,
    /// Nomenclature text of the most precise code.
    pub description: Option<String>,
    /// 0..1: share of the evidence for the chosen heading times its strength.
    pub confidence: f64,
    /// The words that decided, as written in the vocabulary.
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
}

impl Classification {
    /// The most precise code known: the subheading, else the heading.
    pub fn code(&self) -> Option<&str> {
        self.subheading.as_deref().or(self.heading.as_deref())
    }
}

/// Categories a luxury reading promotes (a "premium sedan" is a luxury car).
const LUXURY_PROMOTIONS: &[(&str, &str)] = &[("car", "vehicle_luxury")];

#[derive(Default)]
struct Score<'v> {
    total: f64,
    best_single: f64,
    last: usize,
    hits: Vec<Hit<'v>>,
}

/// Words that open a qualifying phrase: what follows says what the goods are
/// for, made of or fitted with, not what they are ("brake pads for Land
/// Cruiser", "statue of a horse", "boats with outboard motor").
const PURPOSE_MARKERS: &[&str] = &[" for ", " of ", " with ", " для ", " с ", " со ", " из "];

/// Weight of a word inside a purpose phrase.
const PURPOSE_WEIGHT: f64 = 0.5;

fn purpose_start(text: &str) -> usize {
    PURPOSE_MARKERS
        .iter()
        .filter_map(|m| text.find(m))
        .min()
        .unwrap_or(usize::MAX)
}

/// Classifies `description` with `vocab`, naming codes from `nomenclature`.
pub fn classify(
    vocab: &Vocabulary,
    nomenclature: &Nomenclature,
    description: &str,
) -> Classification {
    let text = normalize(description);
    let mut hits = Vec::with_capacity(8);
    vocab.find(&text, &mut hits);
    classify_hits(vocab, nomenclature, &hits, purpose_start(&text))
}

fn classify_hits(
    vocab: &Vocabulary,
    nomenclature: &Nomenclature,
    hits: &[Hit<'_>],
    purpose: usize,
) -> Classification {
    let mut scores: Vec<(String, Score<'_>)> = Vec::new();
    let (mut parts, mut toy, mut armoured, mut luxury_word) = (None, None, None, None);
    for h in hits {
        let t = h.term;
        if t.kind == TermKind::Modifier {
            let slot = match t.category.as_str() {
                "parts" => &mut parts,
                "toy" => &mut toy,
                "armoured" => &mut armoured,
                _ => &mut luxury_word,
            };
            slot.get_or_insert(t.term.clone());
            continue;
        }
        let heading = &t.hs[..4];
        let idx = match scores.iter().position(|(h, _)| h == heading) {
            Some(i) => i,
            None => {
                scores.push((heading.to_string(), Score::default()));
                scores.len() - 1
            }
        };
        let s = &mut scores[idx].1;
        let w = t.kind.weight()
            * if h.start > purpose {
                PURPOSE_WEIGHT
            } else {
                1.0
            };
        s.total += w;
        s.best_single = s.best_single.max(w);
        s.last = s.last.max(h.start);
        s.hits.push(*h);
    }
    let mut out = Classification {
        armoured: armoured.is_some() || hits.iter().any(|h| h.term.category == "armoured"),
        ..Classification::default()
    };
    let grand: f64 = scores.iter().map(|(_, s)| s.total).sum();
    let Some((heading, best)) = scores.iter().max_by(|a, b| {
        a.1.total
            .total_cmp(&b.1.total)
            .then(a.1.best_single.total_cmp(&b.1.best_single))
            .then(a.1.last.cmp(&b.1.last))
    }) else {
        return out;
    };
    out.confidence = ((best.total / grand) * (best.total / 2.0).min(1.0)).clamp(0.0, 1.0);
    // The most decisive hit names the subheading, when it is that precise.
    // Ties go to the later word: in English, Chinese, Korean and Japanese
    // compounds the head noun comes last ("diamond necklace", "copper cable").
    let lead = best.hits.iter().max_by(|a, b| {
        a.term
            .kind
            .weight()
            .total_cmp(&b.term.kind.weight())
            .then(b.start.cmp(&a.start))
    });
    let mut heading = heading.clone();
    let mut subheading = lead
        .filter(|h| h.term.hs.len() == 6)
        .map(|h| h.term.hs.clone());
    for h in &best.hits {
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
    let mut luxury =
        best.hits.iter().any(|h| h.term.luxury) || luxury_word.is_some() || out.armoured;
    let mut categories: Vec<String> = Vec::new();
    let vehicle = matches!(&heading[..2], "86" | "87" | "88" | "89");
    if let (Some(word), true) = (&toy, vehicle) {
        heading = "9503".to_string();
        subheading = None;
        out.decisive.push(word.clone());
        luxury = false;
    } else if let Some(word) = &parts {
        if let Some(ph) = vocab.parts_heading(&heading) {
            heading = ph.to_string();
            subheading = None;
            out.decisive.push(word.clone());
            out.parts = true;
        }
    }
    if !out.parts && heading != "9503" {
        for h in &best.hits {
            if !categories.contains(&h.term.category) {
                categories.push(h.term.category.clone());
            }
        }
    }
    let code = subheading.clone().unwrap_or_else(|| heading.clone());
    let (cats, inherent) = vocab.categories_of(&code);
    luxury |= inherent;
    for c in cats {
        if !categories.iter().any(|x| x == c) {
            categories.push(c.to_string());
        }
    }
    if luxury {
        for (from, to) in LUXURY_PROMOTIONS {
            if categories.iter().any(|c| c == from) && !categories.iter().any(|c| c == to) {
                categories.push((*to).to_string());
            }
        }
    }
    if out.armoured && !categories.iter().any(|c| c == "armoured") {
        categories.push("armoured".to_string());
    }
    out.description = nomenclature
        .get(&code)
        .or_else(|| nomenclature.get(&heading))
        .map(|e| e.description.clone());
    out.heading = Some(heading);
    out.subheading = subheading;
    out.categories = categories;
    out.luxury = luxury;
    out
}
