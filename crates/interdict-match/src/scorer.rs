//! Scores a query against one listed entity: the best alignment over every
//! (query name form × listed name form), then the adjustments, and, when
//! asked, the explanation. Shared by [`score_pair`] (no index) and the
//! [`crate::Matcher`] (indexed), so both give the same score for the same pair.
//!
//! This module must not generate candidates.

use crate::adjust::{adjust, Sides};
use crate::align::{align, Alignment};
use crate::analyse::{analyse_name, bears_legal_form, FormMeta, Tok};
use crate::explain::{Adjustment, Explanation, How, PartMatch, TransliterationNote};
use crate::facts::Facts;
use crate::query::Query;
use crate::similarity::Kind;
use crate::vocab::Vocab;
use interdict_model::{Entity, Schema};
use interdict_names::{self as names, NameScript, Transliteration};
use smallvec::SmallVec;

/// A query part: one the lists also use (shared analysis) or one of its own.
#[derive(Debug, Clone)]
pub(crate) enum TokSrc {
    Vocab(u32),
    Own(Box<Tok>),
}

/// One Latin form of one query name.
#[derive(Debug, Clone)]
pub(crate) struct QForm {
    pub name: usize,
    pub meta: FormMeta,
    pub toks: SmallVec<[TokSrc; 8]>,
}

/// A query analysed once, before it meets any candidate.
#[derive(Debug, Clone)]
pub(crate) struct PreparedQuery {
    pub schema: Schema,
    pub names: Vec<String>,
    pub forms: Vec<QForm>,
    pub facts: Facts,
}

impl PreparedQuery {
    pub(crate) fn new(query: &Query, vocab: Option<&Vocab>) -> PreparedQuery {
        let mut names: Vec<String> = Vec::new();
        let mut forms = Vec::new();
        for name in query.names() {
            if names.iter().any(|n| n == name) {
                continue;
            }
            let idx = names.len();
            names.push(name.to_string());
            for raw in analyse_name(name, query.schema != Schema::Person) {
                let toks = raw
                    .parts
                    .iter()
                    .map(|(t, k)| match vocab.and_then(|v| v.find(t, *k)) {
                        Some(id) => TokSrc::Vocab(id),
                        None => TokSrc::Own(Box::new(Tok::new(t, *k))),
                    })
                    .collect();
                forms.push(QForm {
                    name: idx,
                    meta: raw.meta,
                    toks,
                });
            }
        }
        PreparedQuery {
            schema: refined_schema(query.schema, &names),
            names,
            forms,
            facts: Facts::from_properties(&query.properties),
        }
    }

    /// Whether a query name is written in Han characters (kanji), kana or
    /// Hangul: such names are also read against the candidates found.
    pub(crate) fn has_kanji(&self) -> bool {
        self.names.iter().any(|n| {
            matches!(
                names::dominant_script(n),
                NameScript::Han | NameScript::Kana | NameScript::Hangul
            )
        })
    }

    /// Adds, for each query name written in kanji or katakana, the Japanese
    /// reading that spells one of the `listed` Latin names (parts), as one
    /// more query form: Japanese names are read by kun'yomi that no table
    /// gives for the name alone, and katakana spell foreign names by ear, so
    /// the reading is checked against a name it is compared with
    /// ([`interdict_names::japanese_reading_like`],
    /// [`interdict_names::katakana_reading_like`]); so are the Chinese
    /// and Korean transcriptions of foreign names
    /// ([`interdict_names::foreign_han_reading_like`],
    /// [`interdict_names::hangul_foreign_reading_like`]).
    pub(crate) fn add_japanese_readings(&mut self, listed: &[Vec<&str>], org_like: bool) {
        for idx in 0..self.names.len() {
            let script = names::dominant_script(&self.names[idx]);
            if !matches!(
                script,
                NameScript::Han | NameScript::Kana | NameScript::Hangul
            ) {
                continue;
            }
            let norm = names::normalize(&self.names[idx]);
            for parts in listed {
                let readings = if script == NameScript::Han {
                    [
                        names::japanese_reading_like(&self.names[idx], parts)
                            .map(|r| (r, Transliteration::KanjiJapaneseReadings)),
                        names::foreign_han_reading_like(&norm, parts)
                            .map(|r| (r, Transliteration::HanForeign)),
                        (!org_like)
                            .then(|| names::cantonese_reading_like(&norm, parts))
                            .flatten()
                            .map(|r| (r, Transliteration::HanCantonese)),
                    ]
                } else if script == NameScript::Hangul {
                    [
                        names::hangul_foreign_reading_like(&norm, parts)
                            .map(|r| (r, Transliteration::HangulForeign)),
                        None,
                        None,
                    ]
                } else {
                    [
                        names::katakana_reading_like(&norm, parts)
                            .map(|r| (r, Transliteration::KanaForeign)),
                        None,
                        None,
                    ]
                };
                for (reading, method) in readings.into_iter().flatten() {
                    self.add_reading(idx, &reading, method, script, org_like);
                }
            }
        }
    }

    /// Adds `reading` of query name `idx` as one more query form, unless a
    /// form already reads so.
    fn add_reading(
        &mut self,
        idx: usize,
        reading: &str,
        method: Transliteration,
        script: NameScript,
        org_like: bool,
    ) {
        if self.forms.iter().any(|f| *f.meta.latin == *reading) {
            return;
        }
        for mut raw in analyse_name(reading, org_like) {
            raw.meta.method = method;
            raw.meta.script = script;
            let toks = raw
                .parts
                .iter()
                .map(|(t, k)| TokSrc::Own(Box::new(Tok::new(t, *k))))
                .collect();
            self.forms.push(QForm {
                name: idx,
                meta: raw.meta,
                toks,
            });
        }
    }

    /// The parts of each form as references (resolved once per search).
    pub(crate) fn resolve<'a>(&'a self, vocab: Option<&'a Vocab>) -> Vec<SmallVec<[&'a Tok; 8]>> {
        self.forms
            .iter()
            .map(|f| {
                f.toks
                    .iter()
                    .filter_map(|t| match t {
                        TokSrc::Own(t) => Some(&**t),
                        TokSrc::Vocab(id) => vocab.map(|v| v.get(*id)),
                    })
                    .collect()
            })
            .collect()
    }
}

/// The best alignment of the query with one listed form.
#[derive(Debug, Clone)]
pub(crate) struct Best {
    pub qform: usize,
    pub alignment: Alignment,
}

/// Whether the two names compared are people's, organisations', vessels',
/// or one of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Parties {
    People,
    Mixed,
    /// Two organisations (or an organisation and a vessel).
    Others,
    /// Two vessels, whose names are mostly common words ("Ocean Star").
    Vessels,
}

impl Parties {
    pub(crate) fn of(q: Schema, l: Schema) -> Parties {
        match (q == Schema::Person, l == Schema::Person) {
            (true, true) => Parties::People,
            (false, false) if q == Schema::Vessel && l == Schema::Vessel => Parties::Vessels,
            (false, false) => Parties::Others,
            _ => Parties::Mixed,
        }
    }

    /// Either side is a person: one matching part is too little.
    pub(crate) fn any_person(self) -> bool {
        matches!(self, Parties::People | Parties::Mixed)
    }
}

/// A query of no stated kind (`LegalEntity`) whose name carries a legal
/// form is an organisation: listed people are not its candidates.
fn refined_schema(schema: Schema, names: &[String]) -> Schema {
    if schema == Schema::LegalEntity && names.iter().any(|n| bears_legal_form(n)) {
        Schema::Organization
    } else {
        schema
    }
}

/// Best query form against one listed form.
pub(crate) fn best_for_form(
    pq: &PreparedQuery,
    qtoks: &[SmallVec<[&Tok; 8]>],
    l: &[&Tok],
    lm: &FormMeta,
    parties: Parties,
) -> Option<Best> {
    let mut best: Option<Best> = None;
    for (i, (qf, qt)) in pq.forms.iter().zip(qtoks).enumerate() {
        if !qf.meta.comparable(lm) {
            continue;
        }
        let a = align(qt, &qf.meta, l, lm, parties);
        if best.as_ref().is_none_or(|b| a.score > b.alignment.score) {
            best = Some(Best {
                qform: i,
                alignment: a,
            });
        }
    }
    best
}

/// The best alignment of the query with one listed form and the final
/// score it gives: the one scoring step of both [`score_pair`] and the
/// index, so that both give the same score for the same pair.
pub(crate) fn score_listed_form(
    pq: &PreparedQuery,
    qtoks: &[SmallVec<[&Tok; 8]>],
    listed: &[&Tok],
    meta: &FormMeta,
    l_schema: Schema,
    l_facts: &Facts,
) -> Option<(Best, f64)> {
    let parties = Parties::of(pq.schema, l_schema);
    let b = best_for_form(pq, qtoks, listed, meta, parties)?;
    let s = finish(pq, Some(&b), Some(meta), l_schema, l_facts, None);
    Some((b, s))
}

/// The final score (and, with `sink`, the adjustments) for a name
/// alignment: the name score, then the rules of [`crate::adjust::RULES`].
pub(crate) fn finish(
    pq: &PreparedQuery,
    best: Option<&Best>,
    lm: Option<&FormMeta>,
    l_schema: Schema,
    l_facts: &Facts,
    sink: Option<&mut Vec<Adjustment>>,
) -> f64 {
    let empty: &[u32] = &[];
    let alignment = best.map(|b| &b.alignment);
    let sides = Sides {
        q_schema: pq.schema,
        l_schema,
        q: &pq.facts,
        l: l_facts,
        q_numbers: best.map_or(empty, |b| &pq.forms[b.qform].meta.numbers),
        l_numbers: lm.map_or(empty, |m| &m.numbers),
        name_score: alignment.map_or(0.0, |a| a.capped_from.unwrap_or(a.score)),
        name_cap: alignment.and_then(|a| a.capped_from.map(|_| (a.score, a.cap))),
        q_country_left: alignment.and_then(|a| a.country_left),
    };
    adjust(&sides, sink)
}

fn how(kind: Kind, method: Transliteration) -> How {
    match kind {
        Kind::Exact => How::Exact,
        Kind::Variant => How::RomanisationVariant,
        Kind::Transliterated => How::Transliterated {
            method: method.to_string(),
        },
        Kind::Skeleton(d) => How::ConsonantSkeleton { distance: d },
        Kind::Phonetic => How::Phonetic,
        Kind::Initial => How::Initial,
        Kind::Fuzzy(d) => How::Fuzzy { distance: d },
        Kind::Acronym => How::Acronym,
        Kind::Nickname => How::Nickname,
        Kind::CountryAdjective => How::CountryAdjective,
        Kind::Spacing(d) => How::Spacing { distance: d },
    }
}

/// What the explanation needs to know about the listed side.
pub(crate) struct ListedSide<'a> {
    pub name: &'a str,
    pub property: &'a str,
    pub meta: &'a FormMeta,
    pub toks: &'a [&'a Tok],
    pub schema: Schema,
    pub facts: &'a Facts,
}

fn note(original: &str, meta: &FormMeta) -> Option<TransliterationNote> {
    (meta.method != Transliteration::None).then(|| TransliterationNote {
        original: original.to_string(),
        latin: meta.latin.to_string(),
        method: meta.method.to_string(),
    })
}

/// The full explanation of one query/listed-form comparison.
pub(crate) fn explain(
    pq: &PreparedQuery,
    qtoks: &[SmallVec<[&Tok; 8]>],
    best: Option<&Best>,
    listed: Option<&ListedSide<'_>>,
    l_schema: Schema,
    l_facts: &Facts,
) -> Explanation {
    let mut e = Explanation::default();
    let mut adjustments = Vec::new();
    e.score = finish(
        pq,
        best,
        listed.map(|l| l.meta),
        l_schema,
        l_facts,
        Some(&mut adjustments),
    );
    e.adjustments = adjustments;
    let (Some(b), Some(l)) = (best, listed) else {
        e.query_name = pq.names.first().cloned().unwrap_or_default();
        return e;
    };
    let qf = &pq.forms[b.qform];
    let q = &qtoks[b.qform];
    let a = &b.alignment;
    e.query_name = pq.names.get(qf.name).cloned().unwrap_or_default();
    e.listed_name = l.name.to_string();
    e.listed_property = l.property.to_string();
    e.transliteration = note(&e.query_name, &qf.meta);
    e.listed_transliteration = note(l.name, l.meta);
    e.name_score = a.capped_from.unwrap_or(a.score);
    if let Some(d) = a.spacing {
        e.parts.push(PartMatch {
            query: Some(qf.meta.latin.to_string()),
            listed: Some(l.meta.latin.to_string()),
            how: How::Spacing { distance: d },
            similarity: a.score,
            weight: 1.0,
            out_of_order: false,
        });
        return e;
    }
    let spanned = |ts: &[&Tok], span: u32| -> String {
        ts.iter()
            .enumerate()
            .filter(|(i, _)| *i < 32 && span & (1 << i) != 0)
            .map(|(_, t)| &*t.text)
            .collect::<Vec<_>>()
            .join(" ")
    };
    for p in &a.pairs {
        let qt = q[p.q as usize];
        e.parts.push(PartMatch {
            query: Some(spanned(q, p.q_span)),
            listed: Some(spanned(l.toks, p.l_span)),
            how: how(p.kind, qf.meta.method),
            similarity: p.sim,
            weight: qt.weight,
            out_of_order: p.out_of_order,
        });
    }
    for (i, t) in q.iter().enumerate() {
        if i >= 32 || !a.pairs.iter().any(|p| p.q_span & (1 << i) != 0) {
            e.parts.push(PartMatch {
                query: Some(t.text.to_string()),
                listed: None,
                how: How::Unmatched,
                similarity: 0.0,
                weight: t.weight,
                out_of_order: false,
            });
        }
    }
    for (j, t) in l.toks.iter().enumerate() {
        if j >= 32 || !a.pairs.iter().any(|p| p.l_span & (1 << j) != 0) {
            e.parts.push(PartMatch {
                query: None,
                listed: Some(t.text.to_string()),
                how: How::Unmatched,
                similarity: 0.0,
                weight: t.weight,
                out_of_order: false,
            });
        }
    }
    e
}

/// A score and the reasons for it.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Scored {
    /// Match score in [0, 1].
    pub score: f64,
    /// Why the score is what it is.
    pub explanation: Explanation,
}

/// Scores `query` against `candidate` without an index (for labelled pairs
/// and for re-checking a single result). Gives the same score as
/// [`crate::Matcher::search`] for the same pair.
pub fn score_pair(query: &Query, candidate: &Entity) -> Scored {
    let mut pq = PreparedQuery::new(query, None);
    let l_facts = Facts::from_properties(&candidate.properties);
    struct Cand {
        name: String,
        property: &'static str,
        meta: FormMeta,
        toks: Vec<Tok>,
    }
    let mut cands: Vec<Cand> = Vec::new();
    for (property, name) in candidate.names() {
        for raw in analyse_name(name, candidate.schema != Schema::Person) {
            cands.push(Cand {
                name: name.to_string(),
                property,
                toks: raw.parts.iter().map(|(t, k)| Tok::new(t, *k)).collect(),
                meta: raw.meta,
            });
        }
    }
    let latin: Vec<Vec<&str>> = cands
        .iter()
        .filter(|c| c.meta.method == Transliteration::None && c.meta.script == NameScript::Latin)
        .map(|c| c.toks.iter().map(|t| &*t.text).collect())
        .collect();
    pq.add_japanese_readings(&latin, candidate.schema != Schema::Person);
    let qtoks = pq.resolve(None);
    let mut best: Option<(f64, usize, Best)> = None;
    for (ci, c) in cands.iter().enumerate() {
        let refs: SmallVec<[&Tok; 8]> = c.toks.iter().collect();
        if let Some((b, s)) =
            score_listed_form(&pq, &qtoks, &refs, &c.meta, candidate.schema, &l_facts)
        {
            if best.as_ref().is_none_or(|(bs, _, _)| s > *bs) {
                best = Some((s, ci, b));
            }
        }
    }
    let explanation = match &best {
        Some((_, ci, b)) => {
            let c = &cands[*ci];
            let refs: SmallVec<[&Tok; 8]> = c.toks.iter().collect();
            let side = ListedSide {
                name: &c.name,
                property: c.property,
                meta: &c.meta,
                toks: &refs,
                schema: candidate.schema,
                facts: &l_facts,
            };
            explain(&pq, &qtoks, Some(b), Some(&side), side.schema, side.facts)
        }
        None => explain(&pq, &qtoks, None, None, candidate.schema, &l_facts),
    };
    Scored {
        score: explanation.score,
        explanation,
    }
}
