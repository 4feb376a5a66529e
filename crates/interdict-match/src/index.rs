//! The in-memory candidate index and the search over it.
//!
//! Every name of every entity (name, alias, previousName, weakAlias) is
//! analysed into its Latin forms; each form gets a compact `u32` id and is
//! posted under the keys of its parts (see `keys`) in one flat postings
//! array. A query sums IDF-weighted key hits per form in a reusable dense
//! accumulator, keeps the best [`w::CANDIDATE_NAMES`] forms, scores them in
//! full (see `scorer`), keeps the best form per entity and returns the best
//! entities. Identifiers (IMO, MMSI, SWIFT/BIC, document numbers) are their
//! own exact lookup.
//!
//! This module must not know about shipments or list formats.

use crate::analyse::{analyse_name, FormMeta, PartKind, RawForm, Tok};
use crate::explain::Explanation;
use crate::facts::{Facts, Ident};
use crate::keys::{chinese_part_keys, key, part_keys, run_initials, KeyKind};
use crate::query::{MatchConfig, Query};
use crate::scorer::{explain, finish, score_listed_form, Best, ListedSide, PreparedQuery};
use crate::vocab::Vocab;
use crate::weights as w;
use interdict_model::{Entity, Schema};
use interdict_names::{NameScript, Transliteration};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;
use smallvec::SmallVec;
use std::cell::RefCell;

/// One Latin form of one name of one entity.
#[derive(Debug)]
struct ListedForm {
    entity: u32,
    /// Position of the name in `Entity::names()`.
    name: u32,
    meta: FormMeta,
    toks: Box<[u32]>,
}

/// The best-scoring form of one candidate entity.
struct EntityBest {
    entity: u32,
    score: f64,
    /// None when the entity was found by an identifier alone.
    form: Option<u32>,
    best: Option<Best>,
}

/// One search result, in the shape of a yente match result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatchResult {
    /// Id of the listed entity (`<dataset>:<source id>`, or the canonical id
    /// of a merged party).
    pub id: String,
    /// The entity's display name: its first primary name, else any name, else its id.
    pub caption: String,
    /// The listed entity's FtM schema.
    pub schema: Schema,
    /// Match score in [0, 1].
    pub score: f64,
    /// Whether the score reaches the threshold of the search (`match` in JSON).
    #[serde(rename = "match")]
    pub is_match: bool,
    /// The lists the entity is on (catalogue names).
    pub datasets: Vec<String>,
    /// Every list record id this entity stands for (the records merged into it).
    pub referents: Vec<String>,
    /// Why the score is what it is.
    pub explanation: Explanation,
}

/// The index over all names and identifiers of a set of entities.
#[derive(Debug)]
pub struct Matcher {
    entities: Vec<Entity>,
    by_id: FxHashMap<String, u32>,
    facts: Vec<Facts>,
    /// Forms of entity `e` are `forms[entity_forms[e].0 .. entity_forms[e].1]`.
    entity_forms: Vec<(u32, u32)>,
    forms: Vec<ListedForm>,
    vocab: Vocab,
    /// key → (start, len) in `postings`.
    keys: FxHashMap<u64, (u32, u32)>,
    postings: Vec<u32>,
    idents: FxHashMap<Ident, SmallVec<[u32; 2]>>,
}

/// At most this many Japanese readings of a kanji query are looked up.
const MAX_KANJI_READINGS: usize = 1000;

/// Per-thread scratch space reused across searches, so a search allocates
/// little.
#[derive(Default)]
struct Scratch {
    acc: Vec<f32>,
    /// Per listed form: which query parts (by position) its keys met.
    parts: Vec<u16>,
    touched: Vec<u32>,
    qkeys: Vec<QueryKey>,
    ranked: Vec<(f32, u32)>,
}

/// A candidate-generation key of the query: the key, its kind, its share
/// of the kind's weight, and the positions of the query parts it stands
/// for (one bit each; none for keys of the whole name).
type QueryKey = (u64, KeyKind, f32, u16);

/// The bit of the query part at position `i` (positions past 15 share one).
fn part_bit(i: usize) -> u16 {
    1 << i.min(15)
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

impl Matcher {
    /// Builds the index over every name, alias and identifier of every entity.
    pub fn build(entities: Vec<Entity>) -> Matcher {
        // Analysing names is most of the build and each entity's analysis is
        // independent, so it runs on every core; interning stays sequential
        // so token ids do not depend on the thread count.
        let analysed: Vec<(Vec<(u32, RawForm)>, Facts)> =
            entities.par_iter().map(analyse_entity).collect();
        let mut vocab = Vocab::default();
        let mut forms = Vec::new();
        let mut entity_forms = Vec::with_capacity(entities.len());
        let mut facts = Vec::with_capacity(entities.len());
        let mut by_id = FxHashMap::default();
        let mut idents: FxHashMap<Ident, SmallVec<[u32; 2]>> = FxHashMap::default();
        for (ei, (e, (raws, f))) in entities.iter().zip(analysed).enumerate() {
            let ei = to_u32(ei);
            by_id.insert(e.id.clone(), ei);
            let start = to_u32(forms.len());
            for (name, raw) in raws {
                let toks = raw.parts.iter().map(|(t, k)| vocab.intern(t, *k)).collect();
                forms.push(ListedForm {
                    entity: ei,
                    name,
                    meta: raw.meta,
                    toks,
                });
            }
            entity_forms.push((start, to_u32(forms.len())));
            for id in &f.idents {
                let list = idents.entry(id.clone()).or_default();
                if !list.contains(&ei) {
                    list.push(ei);
                }
            }
            facts.push(f);
        }
        let person: Vec<bool> = entities
            .iter()
            .map(|e| e.schema == Schema::Person)
            .collect();
        let (keys, postings) = build_postings(&vocab, &forms, &person);
        Matcher {
            entities,
            by_id,
            facts,
            entity_forms,
            forms,
            vocab,
            keys,
            postings,
            idents,
        }
    }

    /// The entity with id `id`.
    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i as usize])
    }

    /// Number of entities.
    pub fn len(&self) -> usize {
        self.entities.len()
    }

    /// True when there are no entities.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Number of indexed name forms, distinct parts and keys (for reports).
    pub fn stats(&self) -> (usize, usize, usize) {
        (self.forms.len(), self.vocab.len(), self.keys.len())
    }

    fn allowed(&self, e: u32, schema: Schema, config: &MatchConfig) -> bool {
        let ent = &self.entities[e as usize];
        if !schema.is_compatible(ent.schema) {
            return false;
        }
        match &config.datasets {
            None => true,
            Some(ds) => ent.datasets.iter().any(|d| ds.contains(d)),
        }
    }

    /// The best entities for `query`, best first: at most `config.limit`,
    /// each scoring at least [`w::MIN_RESULT_SCORE`] (or the threshold, if lower).
    pub fn search(&self, query: &Query, config: &MatchConfig) -> Vec<MatchResult> {
        let mut pq = PreparedQuery::new(query, Some(&self.vocab));
        let candidates = self.candidate_forms(&pq, &pq.resolve(Some(&self.vocab)), config);
        if pq.has_kanji() {
            // Japanese readings are checked against the candidates found.
            let latin: Vec<Vec<&str>> = candidates
                .iter()
                .map(|&fi| &self.forms[fi as usize])
                .filter(|f| f.meta.method == Transliteration::None)
                .map(|f| f.toks.iter().map(|&t| &*self.vocab.get(t).text).collect())
                .collect();
            pq.add_japanese_readings(&latin, query.schema != Schema::Person);
        }
        let qtoks = pq.resolve(Some(&self.vocab));
        // Shared by the scoring closures and the expansion step below. On
        // the heap: an entity's best alignment is large, and an inline array
        // of them was copied whole each time the collection moved.
        let best: RefCell<Vec<EntityBest>> = RefCell::new(Vec::with_capacity(w::CANDIDATE_NAMES));
        let mut consider = |entity: u32, form: Option<u32>, b: Option<Best>, score: f64| {
            let new = EntityBest {
                entity,
                score,
                form,
                best: b,
            };
            let mut best = best.borrow_mut();
            match best.iter_mut().find(|x| x.entity == entity) {
                Some(x) if x.score >= score => {}
                Some(x) => *x = new,
                None => best.push(new),
            }
        };
        let mut refs: SmallVec<[&Tok; 8]> = SmallVec::new();
        let mut score_form =
            |fi: u32, consider: &mut dyn FnMut(u32, Option<u32>, Option<Best>, f64)| {
                let f = &self.forms[fi as usize];
                let ent = &self.entities[f.entity as usize];
                refs.clear();
                refs.extend(f.toks.iter().map(|&t| self.vocab.get(t)));
                let facts = &self.facts[f.entity as usize];
                if let Some((b, s)) =
                    score_listed_form(&pq, &qtoks, &refs, &f.meta, ent.schema, facts)
                {
                    consider(f.entity, Some(fi), Some(b), s);
                }
            };
        for &fi in &candidates {
            score_form(fi, &mut consider);
        }
        // An entity shown for one of its names is scored on all of them:
        // the candidate search may have reached it by a name that is not
        // its best (the listed name, not the alias the query spells).
        let floor = w::MIN_RESULT_SCORE.min(config.threshold);
        let shown: SmallVec<[u32; 16]> = best
            .borrow()
            .iter()
            .filter(|x| x.score >= floor && x.form.is_some())
            .map(|x| x.entity)
            .collect();
        for e in shown {
            let (start, end) = self.entity_forms[e as usize];
            for fi in (start..end).filter(|fi| !candidates.contains(fi)) {
                score_form(fi, &mut consider);
            }
        }
        // Entities found by an identifier: every one of their names counts.
        for id in &pq.facts.idents {
            for &e in self.idents.get(id).map_or(&[][..], |v| v.as_slice()) {
                if !self.allowed(e, pq.schema, config) {
                    continue;
                }
                let (start, end) = self.entity_forms[e as usize];
                if pq.forms.is_empty() || start == end {
                    let s = finish(
                        &pq,
                        None,
                        None,
                        self.entities[e as usize].schema,
                        &self.facts[e as usize],
                        None,
                    );
                    consider(e, None, None, s);
                }
                for fi in start..end {
                    score_form(fi, &mut consider);
                }
            }
        }
        let mut best = best.into_inner();
        best.retain(|x| x.score >= floor);
        best.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entity.cmp(&b.entity)));
        best.truncate(config.limit);
        best.into_iter()
            .map(|x| self.result(&pq, &qtoks, &x, config))
            .collect()
    }

    fn result(
        &self,
        pq: &PreparedQuery,
        qtoks: &[SmallVec<[&Tok; 8]>],
        found: &EntityBest,
        config: &MatchConfig,
    ) -> MatchResult {
        let (e, score, b) = (found.entity, found.score, found.best.as_ref());
        let ent = &self.entities[e as usize];
        let facts = &self.facts[e as usize];
        let explanation = match found.form {
            Some(fi) => {
                let f = &self.forms[fi as usize];
                let refs: SmallVec<[&Tok; 8]> = f.toks.iter().map(|&t| self.vocab.get(t)).collect();
                let (property, name) = ent.names().nth(f.name as usize).unwrap_or(("name", ""));
                let side = ListedSide {
                    name,
                    property,
                    meta: &f.meta,
                    toks: &refs,
                    schema: ent.schema,
                    facts,
                };
                explain(pq, qtoks, b, Some(&side), ent.schema, facts)
            }
            None => explain(pq, qtoks, None, None, ent.schema, facts),
        };
        MatchResult {
            id: ent.id.clone(),
            caption: ent.caption().to_string(),
            schema: ent.schema,
            score,
            is_match: score >= config.threshold,
            datasets: ent.datasets.clone(),
            referents: ent.referents.clone(),
            explanation,
        }
    }

    /// The name forms worth scoring in full: the best by summed key weight.
    fn candidate_forms(
        &self,
        pq: &PreparedQuery,
        qtoks: &[SmallVec<[&Tok; 8]>],
        config: &MatchConfig,
    ) -> Vec<u32> {
        let mut found = self.candidates_by_keys(pq, qtoks, config, KeySource::All);
        // The translated reading of a Korean or Chinese organisation, and
        // the readings of a foreign name transcribed in Chinese, Hangul or
        // katakana, have their own candidates: the syllable keys of the
        // other readings would crowd out their words. So has the name in
        // its own script, which meets only listed names in that script:
        // the many readings of a long Chinese name would crowd out the
        // listed name written in the same characters.
        for (source, wanted) in [
            (
                KeySource::Own,
                pq.forms.iter().any(|f| own_candidates(f.meta.method)),
            ),
            (
                KeySource::Original,
                pq.forms.iter().any(|f| in_own_script(&f.meta)),
            ),
        ] {
            if !wanted {
                continue;
            }
            for fi in self.candidates_by_keys(pq, qtoks, config, source) {
                if !found.contains(&fi) {
                    found.push(fi);
                }
            }
        }
        found
    }

    /// Walks the postings of the query's keys (`sc.qkeys`) into the
    /// accumulator and leaves every form met in `sc.ranked` with its key
    /// weight times its [`coordination`]; the accumulator is left empty.
    fn accumulate(&self, sc: &mut Scratch, most_parts: usize) {
        let n = self.forms.len() as f32;
        let Scratch {
            acc,
            parts,
            touched,
            qkeys,
            ranked,
        } = sc;
        // Very common keys (a frequent given name, a generic word) say
        // little and cost much: they are used only when nothing rarer
        // finds a candidate.
        for pass in 0..2 {
            for &(k, kind, share, bits) in qkeys.iter() {
                let Some(&(start, len)) = self.keys.get(&k) else {
                    continue;
                };
                let common = len as usize > w::MAX_POSTINGS;
                if (pass == 0 && common) || (pass == 1 && (!common || kind != KeyKind::Exact)) {
                    continue;
                }
                let idf = (1.0 + n / len as f32).ln();
                let add = kind.weight() * share * idf;
                for &fi in &self.postings[start as usize..(start + len) as usize] {
                    let slot = &mut acc[fi as usize];
                    if *slot == 0.0 {
                        touched.push(fi);
                    }
                    *slot += add;
                    parts[fi as usize] |= bits;
                }
            }
            if !touched.is_empty() {
                break;
            }
        }
        ranked.clear();
        ranked.extend(touched.iter().map(|&fi| {
            let met = parts[fi as usize].count_ones() as usize;
            (acc[fi as usize] * coordination(met, most_parts), fi)
        }));
        for &fi in touched.iter() {
            acc[fi as usize] = 0.0;
            parts[fi as usize] = 0;
        }
        touched.clear();
    }

    /// The best forms by summed key weight, over the keys of every query
    /// form, or of the forms `source` selects.
    fn candidates_by_keys(
        &self,
        pq: &PreparedQuery,
        qtoks: &[SmallVec<[&Tok; 8]>],
        config: &MatchConfig,
        source: KeySource,
    ) -> Vec<u32> {
        SCRATCH.with(|cell| {
            let mut guard = cell.borrow_mut();
            let sc = &mut *guard;
            if sc.acc.len() < self.forms.len() {
                sc.acc.resize(self.forms.len(), 0.0);
                sc.parts.resize(self.forms.len(), 0);
            }
            query_keys(pq, qtoks, source, &mut sc.qkeys);
            let most_parts = qtoks
                .iter()
                .map(|t| t.len().min(16))
                .max()
                .unwrap_or(1)
                .max(1);
            dedup_keys(&mut sc.qkeys);
            self.accumulate(sc, most_parts);
            let ranked = &mut sc.ranked;
            // Only forms within [`w::CANDIDATE_MIN_SHARE`] of the best form
            // the filter allows are kept in the end: most touched forms met
            // one frequent key and fall below it, so they are dropped before
            // the selection rather than sorted.
            let mut top = 0.0f32;
            for &(weight, fi) in ranked.iter() {
                if weight > top && self.allowed(self.forms[fi as usize].entity, pq.schema, config) {
                    top = weight;
                }
            }
            let floor = w::CANDIDATE_MIN_SHARE * top;
            ranked.retain(|x| x.0 >= floor);
            // Filter (schema, datasets) only the best few, widening to the
            // whole list if the filter removes too many. Sorting every touched
            // name would cost more than scoring the few kept: select the best
            // few first.
            let by_weight =
                |a: &(f32, u32), b: &(f32, u32)| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1));
            let head = (4 * w::CANDIDATE_NAMES).min(ranked.len());
            if head > 0 && head < ranked.len() {
                ranked.select_nth_unstable_by(head - 1, by_weight);
            }
            ranked[..head].sort_unstable_by(by_weight);
            let mut kept = Vec::with_capacity(w::CANDIDATE_NAMES);
            // The slots are for parties, not for their names: an entity whose
            // aliases all meet the query would otherwise fill several, and
            // the names of an entity that is shown are all scored anyway.
            let take = |xs: &[(f32, u32)], kept: &mut Vec<(f32, u32)>| {
                for &x in xs {
                    if kept.len() >= w::CANDIDATE_NAMES {
                        break;
                    }
                    let entity = self.forms[x.1 as usize].entity;
                    let again = kept
                        .iter()
                        .any(|k: &(f32, u32)| self.forms[k.1 as usize].entity == entity);
                    if !again && self.allowed(entity, pq.schema, config) {
                        kept.push(x);
                    }
                }
            };
            take(&ranked[..head], &mut kept);
            if kept.len() < w::CANDIDATE_NAMES && head < ranked.len() {
                ranked[head..].sort_unstable_by(by_weight);
                take(&ranked[head..], &mut kept);
            }
            // The share of the best was applied before the selection.
            kept.into_iter().map(|x| x.1).collect()
        })
    }
}

/// How much of a form's key weight counts, by the share of the query's
/// parts its keys met: a name that meets every part of the query, however
/// loosely ("Aleksei Miler" / "Alexey Miller"), goes before one that meets
/// a frequent part exactly and nothing else ("Aleksei Chaliy").
fn coordination(met: usize, parts: usize) -> f32 {
    let share = (met.min(parts) as f32) / parts as f32;
    1.0 - w::CANDIDATE_COORDINATION * (1.0 - share)
}

/// Sorts the keys and keeps one entry per key: the largest share, and the
/// parts of every entry.
fn dedup_keys(keys: &mut Vec<QueryKey>) {
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.2.total_cmp(&a.2)));
    let mut out: usize = 0;
    for i in 0..keys.len() {
        if out > 0 && keys[out - 1].0 == keys[i].0 {
            keys[out - 1].3 |= keys[i].3;
        } else {
            keys[out] = keys[i];
            out += 1;
        }
    }
    keys.truncate(out);
}

/// Which query forms give the keys of one candidate search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeySource {
    /// Every form.
    All,
    /// The forms with their own candidates (`own_candidates`).
    Own,
    /// The name as written in Chinese characters, Hangul or kana.
    Original,
}

impl KeySource {
    fn takes(self, meta: &FormMeta) -> bool {
        match self {
            KeySource::All => true,
            KeySource::Own => own_candidates(meta.method),
            KeySource::Original => in_own_script(meta),
        }
    }
}

/// A name as written in Chinese characters, Hangul or kana: it is compared
/// only with listed names written in the same script, and its many
/// readings would crowd them out of the candidates.
fn in_own_script(meta: &FormMeta) -> bool {
    meta.original
        && matches!(
            meta.script,
            NameScript::Han | NameScript::Hangul | NameScript::Kana
        )
}

/// Readings whose candidates are found apart from those of the name's
/// other readings (see `candidate_forms`).
fn own_candidates(method: Transliteration) -> bool {
    matches!(
        method,
        Transliteration::OrgTranslated
            | Transliteration::HanForeign
            | Transliteration::HangulForeign
            | Transliteration::KanaForeign
    )
}

/// Every candidate-generation key of a query: the keys of each part, of
/// each two adjacent parts written together (exact and Mandarin), the
/// "pair" keys of long parts, acronym keys, and the Japanese readings of a
/// kanji name.
fn query_keys(
    pq: &PreparedQuery,
    qtoks: &[SmallVec<[&Tok; 8]>],
    source: KeySource,
    out: &mut Vec<QueryKey>,
) {
    out.clear();
    let person = pq.schema == Schema::Person;
    let translated = pq
        .forms
        .iter()
        .any(|f| f.meta.method == Transliteration::OrgTranslated);
    let mut buf: SmallVec<[(u64, KeyKind, f32); 24]> = SmallVec::new();
    for (f, toks) in pq.forms.iter().zip(qtoks) {
        if !source.takes(&f.meta) {
            continue;
        }
        for (i, t) in toks.iter().enumerate() {
            buf.clear();
            part_keys(t, &mut buf);
            out.extend(
                buf.iter()
                    .map(|&(k, kind, share)| (k, kind, share, part_bit(i))),
            );
        }
        // Two adjacent query parts may be one listed part, and one
        // query part may be two listed parts written together.
        for (i, pair) in toks.windows(2).enumerate() {
            let bits = part_bit(i) | part_bit(i + 1);
            let mut joined = String::with_capacity(pair[0].text.len() + pair[1].text.len());
            joined.push_str(&pair[0].text);
            joined.push_str(&pair[1].text);
            out.push((
                key(KeyKind::Exact, joined.as_bytes()),
                KeyKind::Exact,
                1.0,
                bits,
            ));
            if !pair[0].chinese.is_empty() && !pair[1].chinese.is_empty() {
                buf.clear();
                chinese_part_keys(&interdict_names::chinese_keys(&joined), &mut buf);
                out.extend(buf.iter().map(|&(k, kind, share)| (k, kind, share, bits)));
            }
        }
        for (i, t) in toks.iter().enumerate().filter(|(_, t)| t.text.len() >= 4) {
            let k = key(KeyKind::Pair, t.text.as_bytes());
            out.push((k, KeyKind::Pair, 1.0, part_bit(i)));
        }
        // A query word may be the acronym of listed words, and the
        // query's words may spell a listed acronym.
        if f.meta.method == Transliteration::None && !f.meta.original {
            let longest = if person { 2 } else { 6 };
            for (i, t) in toks
                .iter()
                .enumerate()
                .filter(|(_, t)| t.kind == PartKind::Word && (2..=longest).contains(&t.text.len()))
            {
                let k = key(KeyKind::Acronym, t.text.as_bytes());
                out.push((k, KeyKind::Acronym, 1.0, part_bit(i)));
            }
            for initials in run_initials(toks, person) {
                let k = key(KeyKind::Exact, &initials);
                out.push((k, KeyKind::Acronym, 1.0, 0));
            }
        }
        // Kanji: every Japanese reading of every one or two
        // characters may be a listed part.
        // Not for an organisation whose words were translated: the
        // readings of its many characters would crowd out its English words.
        if f.meta.original && f.meta.script == NameScript::Han && !translated {
            let han: String = toks.iter().map(|t| &*t.text).collect();
            let words = interdict_names::japanese_word_readings(&han, MAX_KANJI_READINGS);
            // A reading that is a listed part is as strong a hint as
            // a part of any other reading of the name.
            out.extend(
                words
                    .iter()
                    .map(|w| (key(KeyKind::Exact, w.as_bytes()), KeyKind::Exact, 1.0, 0)),
            );
        }
    }
}

/// Builds the key → postings table: every key of every part of every form,
/// deduplicated per form.
/// The Latin forms of every name of one entity, each with the position of
/// its name, and the entity's facts.
fn analyse_entity(e: &Entity) -> (Vec<(u32, RawForm)>, Facts) {
    let mut raws: Vec<(u32, RawForm)> = Vec::new();
    for (ni, (_, name)) in e.names().enumerate() {
        for raw in analyse_name(name, e.schema != Schema::Person) {
            // The same Latin text from two names (e.g. a name and its
            // upper-case alias) is indexed once.
            if raws.iter().any(|(_, r)| r.meta.latin == raw.meta.latin) {
                continue;
            }
            raws.push((to_u32(ni), raw));
        }
    }
    (raws, Facts::from_properties(&e.properties))
}

/// The distinct index keys of one listed form: its parts' keys, the keys of
/// each pair of adjacent parts written together, and its acronyms.
fn form_keys(
    vocab: &Vocab,
    tok_keys: &[SmallVec<[u64; 24]>],
    f: &ListedForm,
    person: &[bool],
) -> Vec<u64> {
    let mut form_keys: Vec<u64> = Vec::new();
    let mut buf: SmallVec<[(u64, KeyKind, f32); 24]> = SmallVec::new();
    for &t in f.toks.iter() {
        form_keys.extend_from_slice(&tok_keys[t as usize]);
    }
    for p in f.toks.windows(2) {
        let (a, b) = (vocab.get(p[0]), vocab.get(p[1]));
        let joined = format!("{}{}", a.text, b.text);
        form_keys.push(key(KeyKind::Pair, joined.as_bytes()));
        // "Chin ping" is found by "Jinping".
        if !a.chinese.is_empty() && !b.chinese.is_empty() {
            buf.clear();
            chinese_part_keys(&interdict_names::chinese_keys(&joined), &mut buf);
            form_keys.extend(buf.iter().map(|x| x.0));
        }
    }
    // "PLA" is found by "People's Liberation Army".
    let refs: SmallVec<[&Tok; 8]> = f.toks.iter().map(|&t| vocab.get(t)).collect();
    let is_person = person.get(f.entity as usize).copied().unwrap_or(false);
    for initials in run_initials(&refs, is_person) {
        form_keys.push(key(KeyKind::Acronym, &initials));
    }
    form_keys.sort_unstable();
    form_keys.dedup();
    form_keys
}

fn build_postings(
    vocab: &Vocab,
    forms: &[ListedForm],
    person: &[bool],
) -> (FxHashMap<u64, (u32, u32)>, Vec<u32>) {
    let tok_keys: Vec<SmallVec<[u64; 24]>> = vocab
        .toks
        .par_iter()
        .map(|t| {
            let mut buf: SmallVec<[(u64, KeyKind, f32); 24]> = SmallVec::new();
            part_keys(t, &mut buf);
            buf.iter().map(|x| x.0).collect()
        })
        .collect();
    let mut pairs: Vec<(u64, u32)> = forms
        .par_iter()
        .enumerate()
        .flat_map_iter(|(fi, f)| {
            let fi = to_u32(fi);
            form_keys(vocab, &tok_keys, f, person)
                .into_iter()
                .map(move |k| (k, fi))
        })
        .collect();
    pairs.par_sort_unstable();
    let mut keys: FxHashMap<u64, (u32, u32)> = FxHashMap::default();
    keys.reserve(pairs.len() / 4);
    let mut postings = Vec::with_capacity(pairs.len());
    let mut i = 0;
    while i < pairs.len() {
        let k = pairs[i].0;
        let start = to_u32(postings.len());
        while i < pairs.len() && pairs[i].0 == k {
            postings.push(pairs[i].1);
            i += 1;
        }
        keys.insert(k, (start, to_u32(postings.len()) - start));
    }
    (keys, postings)
}
