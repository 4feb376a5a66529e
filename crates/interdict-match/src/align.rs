//! Scores one Latin form of the query name against one Latin form of a
//! listed name: aligns parts order-insensitively (greedy best pair first
//! over the small part sets, so "KIM Jong Un" = "Jong Un Kim"), weighs them,
//! penalises parts left over on either side, and falls back to a spaceless
//! comparison for names that differ only in spacing.
//!
//! This module owns the name score; it must not look at dates, countries or
//! identifiers (see `adjust`).

use crate::analyse::{skeleton, FormMeta, PartKind, ParticleClass, Tok};
use crate::scorer::Parties;
use crate::similarity::{budget, edit_distance_halves, part_similarity, Context, Kind};
use crate::weights as w;
use interdict_names::Transliteration;
use smallvec::SmallVec;

/// At most this many parts per side take part in the alignment; the rest of
/// a very long name counts as unmatched.
pub(crate) const MAX_PARTS: usize = 16;

/// One aligned pair: query part index, listed part index, similarity, how.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Pair {
    pub q: u8,
    pub l: u8,
    pub sim: f64,
    pub kind: Kind,
    /// The pair breaks the order of the names beyond a rotation (see
    /// [`mark_out_of_order`]) and counts as a conflict.
    pub out_of_order: bool,
    /// Every query part and listed part the pair covers, one bit per part:
    /// one each, except for an acronym, which covers the run of parts whose
    /// initials it spells.
    pub q_span: u32,
    pub l_span: u32,
}

impl Pair {
    fn single(q: usize, l: usize, sim: f64, kind: Kind) -> Pair {
        Pair {
            q: q as u8,
            l: l as u8,
            sim,
            kind,
            out_of_order: false,
            q_span: 1 << q,
            l_span: 1 << l,
        }
    }
}

/// The outcome of comparing two forms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alignment {
    pub score: f64,
    pub pairs: SmallVec<[Pair; 8]>,
    /// Some(distance) when the spaceless comparison won over the alignment.
    pub spacing: Option<f64>,
    /// Some(score before the cap) when the score was capped, for `cap`.
    pub capped_from: Option<f64>,
    pub cap: NameCap,
    /// The country (ISO alpha-2, lower case) that the query's words left
    /// over name, between organisations ("Agricultural Bank of China" for
    /// a listed "Agricultural Bank"): `adjust` compares it with the listed
    /// party's countries.
    pub country_left: Option<[u8; 2]>,
}

/// Why a name score was capped below the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameCap {
    /// A single part of a person's name matched ([`w::SINGLE_PART_CAP`]).
    SinglePart,
    /// Only common words of two organisations' names agree
    /// ([`w::COMMON_WORDS_ONLY_CAP`]).
    CommonWordsOnly,
    /// As [`NameCap::CommonWordsOnly`], but the query's only words
    /// left over name a country (ISO alpha-2 code, lower case): "Iran
    /// National Petrochemical Company" for a listed "National
    /// Petrochemical Company". When the listed party is of that country the
    /// country names it, and the cap does not apply (see `adjust`).
    CommonWordsBesideCountry([u8; 2]),
    /// A one-word organisation name met by one word of a query that has
    /// distinctive words of its own ([`w::ONE_WORD_OF_MANY_CAP`]).
    OneWordOfMany,
}

/// Compares the query form `q` with the listed form `l`. `parties`: when
/// either side is a person, one matching part is not enough.
///
/// The steps: pair the parts (best pair first, then acronyms and parts
/// written together), mark pairs out of order, combine into one score, let
/// the spaceless comparison win where the sides split the name differently,
/// then cap what cannot identify a party on its own.
pub(crate) fn align(
    q: &[&Tok],
    qm: &FormMeta,
    l: &[&Tok],
    lm: &FormMeta,
    parties: Parties,
) -> Alignment {
    let cx = context(q, qm, l, lm, parties);
    let (pairs, used_q, used_l) = pair_parts(q, l, cx, parties);
    let lineage = q
        .iter()
        .chain(l.iter())
        .any(|t| t.particle == Some(ParticleClass::Patronymic));
    // A foreign family name alone leaves the given names out wherever
    // the list writes them: they are extras like a middle name.
    let foreign_surname = foreign_family_name_alone(&pairs, q, qm, l);
    let extras = if foreign_surname {
        Extras::Plain
    } else if cx.korean || cx.syllabic {
        Extras::NoOptionalParts
    } else if cx.person {
        Extras::PersonEnds
    } else {
        Extras::Plain
    };
    let aligned = combine(&pairs, q, l, used_q, used_l, lineage, extras);
    let (score, spacing) = spacing_fallback(aligned, q, qm, l, lm);
    let mut out = Alignment {
        score,
        pairs,
        spacing,
        capped_from: None,
        cap: NameCap::SinglePart,
        country_left: None,
    };
    if parties == Parties::Others && out.spacing.is_none() {
        out.country_left = country_left_over(q, used_q);
    }
    let translated = qm.method == Transliteration::OrgTranslated;
    apply_caps(
        &mut out,
        (q, used_q),
        (l, used_l),
        parties,
        (translated, foreign_surname),
    );
    out.score = out.score.clamp(0.0, 1.0);
    out
}

/// What the two forms are, for the part comparisons: transliterated,
/// abjad, Korean, syllabic, Chinese, written without vowels.
fn context(q: &[&Tok], qm: &FormMeta, l: &[&Tok], lm: &FormMeta, parties: Parties) -> Context {
    Context {
        translit: qm.method != Transliteration::None,
        abjad: qm.abjad || lm.abjad,
        korean: korean_like(q, qm) && korean_like(l, lm),
        syllabic: qm.syllabic() || lm.syllabic(),
        person: parties.any_person(),
        chinese: chinese_like(q) && chinese_like(l),
        vowelless: qm.abjad || lm.abjad || qm.method == Transliteration::AnyAscii,
        translated_org: qm.method == Transliteration::OrgTranslated,
    }
}

/// Every pair of parts the alignment keeps, with the query and listed
/// parts they use (one bit per part).
fn pair_parts(
    q: &[&Tok],
    l: &[&Tok],
    cx: Context,
    parties: Parties,
) -> (SmallVec<[Pair; 8]>, u32, u32) {
    let mut used_q = 0u32;
    let mut used_l = 0u32;
    let mut pairs = best_pairs_first(q, l, cx, &mut used_q, &mut used_l);
    // Acronyms are a writing habit of Latin-script names, not of readings,
    // and a person's initials do not spell a company ("Aaron Carey" is not
    // "A.C. International").
    if !cx.translit && !cx.syllabic && parties != Parties::Mixed {
        acronyms(q, l, cx.person, &mut used_q, &mut used_l, &mut pairs);
    }
    split_parts(q, l, cx, &mut used_q, &mut used_l, &mut pairs);
    if !cx.translated_org {
        mark_out_of_order(&mut pairs, q, l);
    }
    (pairs, used_q, used_l)
}

/// Greedy alignment over the similarity table: the strongest pair of the
/// parts still free, again and again, until no free pair is similar.
fn best_pairs_first(
    q: &[&Tok],
    l: &[&Tok],
    cx: Context,
    used_q: &mut u32,
    used_l: &mut u32,
) -> SmallVec<[Pair; 8]> {
    let n = q.len().min(MAX_PARTS);
    let m = l.len().min(MAX_PARTS);
    // Only the n × m cells in use (a full 16 × 16 table costs more to clear
    // than most alignments cost to compute).
    let mut flat: SmallVec<[Option<(f64, Kind)>; 36]> = SmallVec::with_capacity(n * m);
    for qi in &q[..n] {
        for lj in &l[..m] {
            flat.push(part_similarity(qi, lj, cx));
        }
    }
    let sims = |i: usize, j: usize| flat[i * m + j];
    let mut pairs: SmallVec<[Pair; 8]> = SmallVec::new();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in (0..n).filter(|i| *used_q & (1 << i) == 0) {
            for j in (0..m).filter(|j| *used_l & (1 << j) == 0) {
                if let Some((s, _)) = sims(i, j) {
                    // Prefer strong pairs of heavy parts, similarity
                    // first (squared: an exact pair of common words beats
                    // a misspelt pair of a common and a rare word); ties
                    // go to the earlier listed part.
                    let v = s * s * (q[i].weight + l[j].weight);
                    if best.is_none_or(|(bv, _, _)| v > bv) {
                        best = Some((v, i, j));
                    }
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        *used_q |= 1 << i;
        *used_l |= 1 << j;
        if let Some((sim, kind)) = sims(i, j) {
            pairs.push(Pair::single(i, j, sim, kind));
        }
    }
    pairs
}

/// The aligned score, or the spaceless comparison's where it is higher:
/// `(score, Some(distance))` when the spaceless one won. Only when the
/// sides split the name into different numbers of parts: otherwise the
/// alignment has already compared like with like.
fn spacing_fallback(
    aligned: f64,
    q: &[&Tok],
    qm: &FormMeta,
    l: &[&Tok],
    lm: &FormMeta,
) -> (f64, Option<f64>) {
    if aligned < 0.9 && q.len() != l.len() {
        if let Some((s, d)) = spaceless(qm, lm) {
            if s > aligned {
                return (s, Some(d));
            }
        }
    }
    (aligned, None)
}

/// Caps a score that rests on too little to identify a party: one part of
/// a person's name, or only common words of two organisations' names.
/// A spaceless match is never capped.
fn apply_caps(
    out: &mut Alignment,
    (q, used_q): (&[&Tok], u32),
    (l, used_l): (&[&Tok], u32),
    parties: Parties,
    (translated, foreign_surname): (bool, bool),
) {
    if out.spacing.is_some() {
        return;
    }
    if parties.any_person()
        && !foreign_surname
        && single_part_only(&out.pairs, q, l)
        && out.score > w::SINGLE_PART_CAP
    {
        out.capped_from = Some(out.score.min(1.0));
        out.score = w::SINGLE_PART_CAP;
    }
    if parties == Parties::Others
        && out.score > w::ONE_WORD_OF_MANY_CAP
        && one_word_of_many(&out.pairs, (q, used_q), l)
    {
        out.capped_from = Some(out.score.min(1.0));
        out.score = w::ONE_WORD_OF_MANY_CAP;
        out.cap = NameCap::OneWordOfMany;
    }
    if parties == Parties::Others && out.score > w::COMMON_WORDS_ONLY_CAP {
        if let Some(cap) = common_words_only(&out.pairs, (q, used_q), (l, used_l), translated) {
            out.capped_from = Some(out.score.min(1.0));
            out.score = w::COMMON_WORDS_ONLY_CAP;
            out.cap = cap;
        }
    }
}

/// Whether the query is a foreign person's family name alone, written in
/// Chinese, Japanese or Korean transcription (普京, プーチン, 푸틴), that
/// meets a word at an end of the listed name (where family names sit):
/// the Chinese, Japanese and Korean press name foreign people by their
/// family name alone, so such a query names the person, not a part of
/// the name.
fn foreign_family_name_alone(pairs: &[Pair], q: &[&Tok], qm: &FormMeta, l: &[&Tok]) -> bool {
    let foreign = matches!(
        qm.method,
        Transliteration::HanForeign | Transliteration::KanaForeign | Transliteration::HangulForeign
    );
    if !foreign || q.len() != 1 || q[0].kind != PartKind::Word || pairs.len() != 1 {
        return false;
    }
    let words: SmallVec<[usize; 16]> = (0..l.len().min(MAX_PARTS))
        .filter(|&i| l[i].kind == PartKind::Word)
        .collect();
    let j = pairs[0].l as usize;
    pairs[0].sim >= w::DISTINCTIVE_AGREEMENT
        && (words.first() == Some(&j) || words.last() == Some(&j))
}

/// Whether one part, or initials alone, of a person's multi-part name
/// matched: that does not identify a person.
fn single_part_only(pairs: &[Pair], q: &[&Tok], l: &[&Tok]) -> bool {
    let named = |t: &Tok| matches!(t.kind, PartKind::Word | PartKind::Initial);
    let words = l.iter().filter(|t| t.kind == PartKind::Word).count();
    // A particle spelling that met a name as its nickname ("Ben" /
    // "Benjamin") is a name part too; a pair that covers two parts
    // written together ("SergeiLavrov") counts both.
    let matched_parts: u32 = pairs
        .iter()
        .filter(|p| {
            !p.out_of_order
                && (p.kind == Kind::Nickname || (named(q[p.q as usize]) && named(l[p.l as usize])))
        })
        .map(|p| p.q_span.count_ones().max(p.l_span.count_ones()))
        .sum();
    // Initials spelling a word ("JT" / "Julija Tymoschenko") are initials
    // still: beside a matched name they count, alone they identify no one.
    let matched_words = pairs.iter().any(|p| {
        !p.out_of_order
            && p.kind != Kind::Acronym
            && q[p.q as usize].kind == PartKind::Word
            && l[p.l as usize].kind == PartKind::Word
    });
    let initials_only = !pairs.is_empty() && pairs.iter().all(|p| p.kind == Kind::Acronym);
    ((matched_parts <= 1 || !matched_words) && words >= 2) || initials_only
}

/// Shorter words left over are more often abbreviations of a place or a
/// kind of firm ("НК" oil company, "РК" Republic of Crimea) than names.
const MIN_NAME_WORD: usize = 4;

/// Whether a listed organisation name of one word ("KHK", an alias) met
/// one word of the query while a distinctive word of the query, not a
/// country's and of four letters or more, is left over ("KhK Ak Bars"):
/// the alias is a word of another name, not that name. Generic words,
/// legal forms and a country left over do not count ("Daesong Trading
/// Co." for "DAESONG").
fn one_word_of_many(pairs: &[Pair], (q, used_q): (&[&Tok], u32), l: &[&Tok]) -> bool {
    let words = |ts: &[&Tok]| ts.iter().filter(|t| t.kind == PartKind::Word).count();
    if words(l) != 1 || pairs.len() != 1 || words(q) < 2 {
        return false;
    }
    let countries = country_words(q);
    q.iter().enumerate().any(|(i, t)| {
        i < MAX_PARTS
            && (used_q | countries) & (1 << i) == 0
            && t.kind == PartKind::Word
            && t.text.len() >= MIN_NAME_WORD
            && t.weight >= w::DISTINCTIVE_WEIGHT
            && interdict_model::countries::by_name(&t.text).is_none()
    })
}

/// Whether two organisations' names agree only on common words (no pair
/// whose parts are both [`w::DISTINCTIVE_WEIGHT`] or more, or the same unit
/// number) while a word of either name is left without a counterpart.
///
/// Two things left over do not count: the words of a country's name
/// written out in the listed name ("Central Bank of the Democratic
/// People's Republic of Korea", the country table of `interdict-model`),
/// and, for a Korean, Chinese or Japanese name read with its generic words
/// translated (`translated`), the query's own qualifiers when the listed
/// name has no distinctive word at all and the query accounts for every
/// one of its words (朝鮮對外貿易銀行, "Korea Foreign Trade Bank", for
/// "Foreign Trade Bank"): such a listed name cannot be told apart by a
/// distinctive word, and all of it is there. Between Latin names the
/// qualifier is what tells two firms apart ("Foreign Trade Bank of
/// Cambodia").
fn common_words_only(
    pairs: &[Pair],
    (q, used_q): (&[&Tok], u32),
    (l, used_l): (&[&Tok], u32),
    translated: bool,
) -> Option<NameCap> {
    let distinctive_word = |t: &Tok| t.kind == PartKind::Word && t.weight >= w::DISTINCTIVE_WEIGHT;
    let distinctive = |t: &Tok| distinctive_word(t) || unit_number(t);
    // A distinctive word agrees when spelt alike (exactly, transliterated,
    // a romanisation variant, an acronym), not merely within some edits.
    let agree = pairs.iter().any(|p| {
        p.sim >= w::DISTINCTIVE_AGREEMENT
            && distinctive(q[p.q as usize])
            && distinctive(l[p.l as usize])
    });
    if agree || pairs.is_empty() {
        return None;
    }
    let left_over = |ts: &[&Tok], used: u32| {
        ts.iter()
            .enumerate()
            .any(|(i, t)| t.kind == PartKind::Word && (i >= MAX_PARTS || used & (1 << i) == 0))
    };
    let listed_left = left_over(l, used_l | country_words(l));
    if translated && !listed_left && !l.iter().any(|t| distinctive_word(t)) {
        return None;
    }
    if listed_left {
        return Some(NameCap::CommonWordsOnly);
    }
    if !left_over(q, used_q) {
        return None;
    }
    Some(
        country_left_over(q, used_q)
            .map_or(NameCap::CommonWordsOnly, NameCap::CommonWordsBesideCountry),
    )
}

/// The country (ISO alpha-2) that the words of `ts` left over name
/// together, when they are one run of words ("Iran", "Republic of
/// Korea") that the country table knows.
fn country_left_over(ts: &[&Tok], used: u32) -> Option<[u8; 2]> {
    let n = ts.len().min(MAX_PARTS);
    let left: SmallVec<[usize; 4]> = (0..n)
        .filter(|&i| ts[i].kind == PartKind::Word && used & (1 << i) == 0)
        .collect();
    let (&first, &last) = (left.first()?, left.last()?);
    // The run may hold particles ("of"), never a word that matched.
    if (first..=last).any(|i| ts[i].kind == PartKind::Word && used & (1 << i) != 0) {
        return None;
    }
    let phrase: Vec<&str> = ts[first..=last].iter().map(|t| &*t.text).collect();
    let country = interdict_model::countries::by_name(&phrase.join(" "))?;
    country.code.as_bytes().try_into().ok()
}

/// A number of two digits or more in an organisation's name ("Office 39",
/// "Bureau 121"): the number of a unit, which tells it from its siblings.
fn unit_number(t: &Tok) -> bool {
    t.kind == PartKind::Number && t.text.len() >= 2 && t.text.bytes().all(|b| b.is_ascii_digit())
}

/// The parts of a name (one bit each) that belong to a country's name
/// of two words or more written out in it, as the country table spells
/// it ("democratic peoples republic of korea", "russian federation").
fn country_words(ts: &[&Tok]) -> u32 {
    const LONGEST: usize = 6;
    let n = ts.len().min(MAX_PARTS);
    let mut bits = 0u32;
    let mut phrase = String::new();
    for start in 0..n {
        phrase.clear();
        phrase.push_str(&ts[start].text);
        for (end, t) in ts
            .iter()
            .enumerate()
            .take(n.min(start + LONGEST))
            .skip(start + 1)
        {
            phrase.push(' ');
            phrase.push_str(&t.text);
            if interdict_model::countries::by_name(&phrase).is_some() {
                bits |= ((1u32 << (end + 1)) - 1) & !((1u32 << start) - 1);
            }
        }
    }
    bits
}

/// What a part one side has and the other lacks costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Extras {
    /// Organisations and vessels: [`w::EXTRA_PART_PENALTY`].
    Plain,
    /// People: more at the ends of the name ([`w::EXTRA_END_PART_FACTOR`]).
    PersonEnds,
    /// Korean, Chinese and Japanese names: [`w::EXTRA_PART_PENALTY_SYLLABIC`].
    NoOptionalParts,
}

/// Combines the aligned pairs into the name score.
///
/// Each matched pair weighs the mean of its two parts' weights and brings
/// its similarity. A part left without a counterpart on one side while the
/// other side also has one left over is a conflict (two different names in
/// the same place: "AL-TIKRITI" / "AL-MOSULI") and counts against the score
/// with its full weight, once for each side. Parts left over beyond that are
/// extras (a middle name or patronymic one side omits) and cost only
/// [`w::EXTRA_PART_PENALTY`] of their share.
fn combine(
    pairs: &[Pair],
    q: &[&Tok],
    l: &[&Tok],
    used_q: u32,
    used_l: u32,
    lineage: bool,
    extras_rule: Extras,
) -> f64 {
    let mut matched = 0.0;
    let mut weight = 0.0;
    let mut uq = 0.0;
    let mut ul = 0.0;
    let span_weight = |ts: &[&Tok], span: u32| -> f64 {
        ts.iter()
            .enumerate()
            .filter(|(i, _)| *i < MAX_PARTS && span & (1 << i) != 0)
            .map(|(_, t)| t.weight)
            .sum()
    };
    for p in pairs {
        let pw = (span_weight(q, p.q_span) + span_weight(l, p.l_span)) / 2.0;
        if p.out_of_order && lineage {
            uq += q[p.q as usize].weight;
            ul += l[p.l as usize].weight;
        } else if p.out_of_order {
            matched += w::OUT_OF_ORDER_FACTOR * p.sim * pw;
            weight += pw;
        } else {
            matched += p.sim * pw;
            weight += pw;
        }
    }
    // Left-over weight of a side, and the part of it at the ends of the
    // name (its first or last word). A patronymic is a middle name even
    // when it ends the name: lists write "PATRUSHEV, Nikolai Platonovich".
    let unused = |ts: &[&Tok], used: u32| -> (f64, f64) {
        let words: SmallVec<[usize; 16]> = (0..ts.len())
            .filter(|&i| ts[i].kind == PartKind::Word)
            .collect();
        let ends = [words.first().copied(), words.last().copied()];
        ts.iter()
            .enumerate()
            .filter(|(i, _)| *i >= MAX_PARTS || used & (1 << i) == 0)
            .fold((0.0, 0.0), |(all, at_ends), (i, t)| {
                let end = ends.contains(&Some(i)) && !interdict_names::is_patronymic(&t.text);
                (all + t.weight, at_ends + if end { t.weight } else { 0.0 })
            })
    };
    let (lq, q_ends) = unused(q, used_q);
    let (ll, l_ends) = unused(l, used_l);
    uq += lq;
    ul += ll;
    let conflict = uq.min(ul);
    let extras = (uq - conflict) + (ul - conflict);
    if weight <= 0.0 {
        return 0.0;
    }
    let base = matched / (weight + 2.0 * conflict);
    let penalty = match extras_rule {
        Extras::NoOptionalParts => w::EXTRA_PART_PENALTY_SYLLABIC,
        Extras::Plain => w::EXTRA_PART_PENALTY,
        Extras::PersonEnds => {
            // The share of the extras that sits at an end of its name costs
            // more (see [`w::EXTRA_END_PART_FACTOR`]).
            let (left, at_ends) = if uq > ul { (lq, q_ends) } else { (ll, l_ends) };
            let end_share = if left > 0.0 { at_ends / left } else { 0.0 };
            w::EXTRA_PART_PENALTY * (1.0 + (w::EXTRA_END_PART_FACTOR - 1.0) * end_share)
        }
    };
    base * (1.0 - (penalty * extras / (weight + extras)).min(1.0))
}

/// Pairs a short word left over on one side with the run of left-over
/// words on the other side whose initials it spells: "PLA" / "People's
/// Liberation Army", "US" / "United States", "JC" / "Jean-Claude". A
/// particle in the run may give its initial or be skipped ("Department of
/// State" is "DOS" or "DS"). Two to six letters for organisations; for
/// people only two (double initials), since a longer short word is more
/// likely a name.
fn acronyms(
    q: &[&Tok],
    l: &[&Tok],
    person: bool,
    used_q: &mut u32,
    used_l: &mut u32,
    pairs: &mut SmallVec<[Pair; 8]>,
) {
    let longest = if person { 2 } else { 6 };
    // First query words against listed runs, then the other way.
    for query_acronym in [true, false] {
        let (a, b) = if query_acronym { (q, l) } else { (l, q) };
        let m = b.len().min(MAX_PARTS);
        for (i, t) in a.iter().enumerate().take(MAX_PARTS) {
            let (used_a, used_b) = if query_acronym {
                (&mut *used_q, &mut *used_l)
            } else {
                (&mut *used_l, &mut *used_q)
            };
            // A person's initials stand beside a name ("JC Juncker"); a
            // lone two-letter name ("So") is no one's initials.
            if *used_a & (1 << i) != 0 || (person && a.len() < 2) {
                continue;
            }
            // A listed organisation's two-letter acronym ("HM") is spelt by
            // the initials of countless unrelated pairs of query words
            // ("Haeundae Motors"); only the user's own acronym may be that short.
            if !query_acronym && !person && t.text.len() < 3 {
                continue;
            }
            let Some(span) = spelled_by(t, longest, b, m, *used_b) else {
                continue;
            };
            *used_a |= 1 << i;
            *used_b |= span;
            let j = span.trailing_zeros() as usize;
            pairs.push(if query_acronym {
                Pair {
                    l_span: span,
                    ..Pair::single(i, j, w::PART_ACRONYM, Kind::Acronym)
                }
            } else {
                Pair {
                    q_span: span,
                    ..Pair::single(j, i, w::PART_ACRONYM, Kind::Acronym)
                }
            });
        }
    }
}

/// Pairs two adjacent left-over parts of one side with a left-over part of
/// the other that spells them written together ("Patr ushev" /
/// "Patrushev", "Abdul Aziz" / "Abdulaziz"), at [`w::SPACING_FACTOR`] of
/// their similarity.
fn split_parts(
    q: &[&Tok],
    l: &[&Tok],
    cx: Context,
    used_q: &mut u32,
    used_l: &mut u32,
    pairs: &mut SmallVec<[Pair; 8]>,
) {
    let free = |used: u32, i: usize| used & (1 << i) == 0;
    // Cheap tests before a joined part is analysed: the same first letter
    // (except between Chinese names: "Tse-tung" / "Zedong") and a length
    // within the edit budget.
    let may_be = |a: &Tok, b: &Tok, whole: &Tok| {
        let len = a.text.len() + b.text.len();
        whole.kind == PartKind::Word
            && (cx.chinese || whole.text.as_bytes().first() == a.text.as_bytes().first())
            && whole.text.len().abs_diff(len) as u32 <= budget(len)
    };
    // First two query parts against one listed part, then the other way.
    for query_split in [true, false] {
        let (a, b) = if query_split { (q, l) } else { (l, q) };
        let (n, m) = (a.len().min(MAX_PARTS), b.len().min(MAX_PARTS));
        for i in 0..n.saturating_sub(1) {
            let (used_a, used_b) = if query_split {
                (*used_q, *used_l)
            } else {
                (*used_l, *used_q)
            };
            if !(free(used_a, i) && free(used_a, i + 1))
                || a[i].kind != PartKind::Word
                || !(0..m).any(|j| free(used_b, j) && may_be(a[i], a[i + 1], b[j]))
            {
                continue;
            }
            let joined = Tok::new(&format!("{}{}", a[i].text, a[i + 1].text), PartKind::Word);
            let found = (0..m)
                .filter(|&j| free(used_b, j) && may_be(a[i], a[i + 1], b[j]))
                .find_map(|j| {
                    let sim = if query_split {
                        part_similarity(&joined, b[j], cx)
                    } else {
                        part_similarity(b[j], &joined, cx)
                    };
                    sim.map(|(s, k)| (j, s, k))
                });
            let Some((j, sim, kind)) = found else {
                continue;
            };
            let kind = Kind::spacing(kind);
            let sim = sim * w::SPACING_FACTOR;
            if query_split {
                *used_q |= 0b11 << i;
                *used_l |= 1 << j;
                pairs.push(Pair {
                    q_span: 0b11 << i,
                    ..Pair::single(i, j, sim, kind)
                });
            } else {
                *used_l |= 0b11 << i;
                *used_q |= 1 << j;
                pairs.push(Pair {
                    l_span: 0b11 << i,
                    ..Pair::single(j, i, sim, kind)
                });
            }
        }
    }
}

/// The run of unused parts of `other` (two or more words) whose initials
/// spell `t`, as a bit set.
fn spelled_by(t: &Tok, longest: usize, other: &[&Tok], m: usize, used: u32) -> Option<u32> {
    let letters = t.text.as_bytes();
    if t.kind != PartKind::Word
        || !(2..=longest).contains(&letters.len())
        || !letters.iter().all(u8::is_ascii_lowercase)
    {
        return None;
    }
    for start in 0..m {
        if used & (1 << start) != 0 || other[start].kind != PartKind::Word {
            continue;
        }
        let (mut k, mut span, mut words) = (0, 0u32, 0);
        for (j, o) in other.iter().enumerate().take(m).skip(start) {
            if k == letters.len() || used & (1 << j) != 0 {
                break;
            }
            let initial = o.text.as_bytes().first() == Some(&letters[k]);
            match o.kind {
                PartKind::Word if initial => {
                    k += 1;
                    words += 1;
                }
                PartKind::Particle if initial => k += 1,
                PartKind::Particle => {}
                _ => break,
            }
            span |= 1 << j;
        }
        if k == letters.len() && words >= 2 {
            return Some(span);
        }
    }
    None
}

/// Whether a name reads as a romanised Korean name: two or more words, each
/// a Korean syllable in some romanisation (and not read from Chinese
/// characters as pinyin). Romanisation variants apply only between such
/// names, so that pinyin "bing" and "ping" stay different.
fn korean_like(ts: &[&Tok], meta: &FormMeta) -> bool {
    if matches!(
        meta.method,
        Transliteration::HanPinyin
            | Transliteration::HanCantonese
            | Transliteration::KanaHepburn
            | Transliteration::KanjiOnyomi
            | Transliteration::KanjiJapaneseReadings
    ) {
        return false;
    }
    let mut words = 0;
    for t in ts {
        match t.kind {
            PartKind::Word if t.korean.is_empty() => return false,
            // A particle's spelling can be a Korean syllable too ("Su Bin").
            PartKind::Particle if t.korean.is_empty() => {}
            PartKind::Word | PartKind::Particle => words += 1,
            _ => {}
        }
    }
    words >= 2
}

/// Whether every word of a name reads as Mandarin syllables (in pinyin or
/// Wade–Giles). Romanisation variants apply only between such names, so
/// that "Jan Smith" and "Ran Smith" stay different (Wade–Giles "jan" is
/// pinyin "ran").
fn chinese_like(ts: &[&Tok]) -> bool {
    let mut words = 0;
    for t in ts.iter().filter(|t| t.kind == PartKind::Word) {
        if t.chinese.is_empty() {
            return false;
        }
        words += 1;
    }
    words > 0
}

/// Marks the pairs that break the order of the names. Names are legitimately
/// rotated (the family name moved from the front to the back: "KIM Jong Un" /
/// "Jong Un Kim", "JO, Yong Chol"); other swaps are doubtful (two given
/// names swapped count [`w::OUT_OF_ORDER_FACTOR`] of their similarity) and,
/// in names whose order is a lineage ("SALMAN BIN MUHAMMAD" / "MUHAMMAD BIN
/// SALMAN": son and father), a conflict. Keeps the heaviest set of pairs that is in order under
/// some rotation of the query; the rest are marked.
fn mark_out_of_order(pairs: &mut [Pair], q: &[&Tok], l: &[&Tok]) {
    let k = pairs.len();
    if k < 3 {
        return;
    }
    pairs.sort_by_key(|p| p.q);
    let seq: SmallVec<[(u8, f64); 16]> = pairs
        .iter()
        .map(|p| (p.l, q[p.q as usize].weight.min(l[p.l as usize].weight)))
        .collect();
    let is_rotation = (0..k).any(|r| (1..k).all(|i| seq[(r + i - 1) % k].0 < seq[(r + i) % k].0));
    if is_rotation {
        return;
    }
    // Heaviest increasing subsequence of l positions, for each rotation.
    let mut best_keep: SmallVec<[bool; 16]> = SmallVec::new();
    let mut best_w = -1.0;
    for r in 0..k {
        let at = |i: usize| seq[(r + i) % k];
        let mut dp: SmallVec<[(f64, usize); 16]> = SmallVec::new();
        for i in 0..k {
            let mut best = (at(i).1, usize::MAX);
            for (j, d) in dp.iter().enumerate() {
                if at(j).0 < at(i).0 && d.0 + at(i).1 > best.0 {
                    best = (d.0 + at(i).1, j);
                }
            }
            dp.push(best);
        }
        let Some((end, &(total, _))) = dp
            .iter()
            .enumerate()
            .max_by(|a, b| a.1 .0.total_cmp(&b.1 .0))
        else {
            continue;
        };
        if total > best_w {
            best_w = total;
            let mut keep: SmallVec<[bool; 16]> = SmallVec::from_elem(false, k);
            let mut i = end;
            while i != usize::MAX {
                keep[(r + i) % k] = true;
                i = dp[i].1;
            }
            best_keep = keep;
        }
    }
    for (p, keep) in pairs.iter_mut().zip(best_keep) {
        p.out_of_order = !keep;
    }
}

/// Similarity of the two names with all spaces removed, and the distance.
/// For a name written in an abjad, whose transliteration lacks the short
/// vowels, the consonants of the joined names are compared ("عبد الله" →
/// "bd llh" / "Abdullah": both "bdlh").
fn spaceless(qm: &FormMeta, lm: &FormMeta) -> Option<(f64, f64)> {
    let (a, b) = (qm.joined.as_bytes(), lm.joined.as_bytes());
    let longer = a.len().max(b.len());
    if longer < 4 {
        return None;
    }
    if qm.abjad != lm.abjad {
        let (sa, sb) = (skeleton(&qm.joined), skeleton(&lm.joined));
        if sa.len() >= 3 && sa == sb {
            return Some((w::SPACING_FACTOR * w::PART_CONSONANT_SKELETON, 0.0));
        }
    }
    // The joined string is a whole name: one edit, two in long names; none
    // for a machine reading of syllables (see `Context::syllabic`).
    let allowed = if qm.syllabic() || lm.syllabic() {
        0
    } else if longer < 16 {
        1
    } else {
        2
    };
    let halves = edit_distance_halves(a, b, 2 * allowed)?;
    let d = f64::from(halves) / 2.0;
    Some((w::SPACING_FACTOR * (1.0 - d / longer as f64), d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse_name, Tok};

    fn score(a: &str, b: &str, person: bool) -> Alignment {
        let parties = if person {
            Parties::People
        } else {
            Parties::Others
        };
        let fa = analyse_name(a, !person);
        let fb = analyse_name(b, !person);
        let ta: Vec<Tok> = fa[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let tb: Vec<Tok> = fb[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let ra: Vec<&Tok> = ta.iter().collect();
        let rb: Vec<&Tok> = tb.iter().collect();
        align(&ra, &fa[0].meta, &rb, &fb[0].meta, parties)
    }

    #[test]
    fn order_does_not_matter() {
        assert_eq!(score("Jong Un Kim", "KIM Jong Un", true).score, 1.0);
    }

    #[test]
    fn unmatched_parts_cost() {
        let s = score("Barack Obama", "Michelle Obama", true);
        assert!(s.score < 0.7, "{s:?}");
        let s = score("Hans Friedrich", "Hans Joachim Friedrich", true).score;
        assert!(s > 0.8 && s < 1.0, "{s}");
    }

    #[test]
    fn a_single_part_of_a_person_is_capped() {
        let s = score("Kim", "Kim Jong Un", true);
        assert!(s.capped_from.is_some());
        assert!(s.score <= w::SINGLE_PART_CAP);
        assert!(score("Kim", "Kim Jong Un", false).capped_from.is_none());
    }

    #[test]
    fn acronyms_spell_the_initials_of_a_run() {
        let s = score("PLA", "People's Liberation Army", false);
        assert!(s.score > 0.85, "{s:?}");
        assert_eq!(s.pairs[0].kind, Kind::Acronym);
        assert!(
            score(
                "U.S. Department of State",
                "United States Department of State",
                false
            )
            .score
                > 0.85
        );
        assert!(score("JC Juncker", "Jean-Claude Juncker", true).score > 0.85);
        // Initials must come in order and cover the whole word.
        assert!(score("PAL", "People's Liberation Army", false).score < 0.5);
        assert!(score("PL", "People's Liberation Army", false).score < 0.85);
        // People: only double initials.
        assert!(score("Ali Khan", "Ahmad Latif Iqbal Khan", true).score < 0.7);
        // A listed two-letter acronym is not spelt out by any two query words.
        assert!(score("Haeundae Motors Garage", "HM", false).score < 0.5);
        assert!(score("US", "United States", false).score > 0.85);
    }

    #[test]
    fn a_unit_number_and_a_country_written_out_are_no_common_words() {
        let cap = w::COMMON_WORDS_ONLY_CAP;
        assert!(score("Workers Party Office 27", "OFFICE 27", false).score > cap);
        // A single digit tells few units apart.
        assert!(score("Workers Party Office 2", "OFFICE 2", false).score <= cap);
        let s = score(
            "Korea Central Bank",
            "CENTRAL BANK OF THE DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA",
            false,
        );
        assert!(s.score > cap, "{s:?}");
        // Between Latin names a qualifier the listed name lacks tells firms apart.
        let s = score("Cambodia Trading Bank", "TRADING BANK", false);
        assert_eq!(s.cap, NameCap::CommonWordsBesideCountry(*b"kh"), "{s:?}");
        assert!(s.score <= cap, "{s:?}");
    }

    #[test]
    fn a_foreign_family_name_alone_in_transcription_names_the_person() {
        let fa = analyse_name("格雷兹洛夫", false);
        let form = fa
            .iter()
            .find(|f| f.meta.method == Transliteration::HanForeign)
            .expect("a Xinhua reading");
        let ta: Vec<Tok> = form.parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let ra: Vec<&Tok> = ta.iter().collect();
        for listed in [
            "GRYZLOV Boris Vyacheslavovich",
            "Boris Vyacheslavovich GRYZLOV",
        ] {
            let fb = analyse_name(listed, false);
            let tb: Vec<Tok> = fb[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
            let rb: Vec<&Tok> = tb.iter().collect();
            let s = align(&ra, &form.meta, &rb, &fb[0].meta, Parties::People);
            assert!(s.score > w::SINGLE_PART_CAP, "{listed}: {s:?}");
        }
        // The same family name typed in Latin letters is one part still.
        let s = score("Gryzlov", "GRYZLOV Boris Vyacheslavovich", true);
        assert!(s.score <= w::SINGLE_PART_CAP, "{s:?}");
    }

    #[test]
    fn initials_alone_identify_no_person() {
        let s = score("Julija Tymoschenko", "EL JT", true);
        assert!(s.score <= w::SINGLE_PART_CAP, "{s:?}");
        assert!(score("JC Juncker", "Jean-Claude Juncker", true).score > 0.85);
    }

    #[test]
    fn a_missing_patronymic_is_a_middle_name_wherever_it_is_written() {
        let last = score("Nikolay Patrushev", "PATRUSHEV Nikolai Platonovich", true).score;
        let middle = score("Nikolay Patrushev", "Nikolai Platonovich PATRUSHEV", true).score;
        assert!((last - middle).abs() < 1e-9, "{last} {middle}");
        // A missing family name at the end still costs more.
        let listed = "Nikolai Platonovich Patrushev";
        assert!(
            score("Nikolai Platonovich", listed, true).score
                < score("Nikolai Patrushev", listed, true).score
        );
    }

    #[test]
    fn a_person_is_no_acronym_of_a_company() {
        let fa = analyse_name("Aaron Carey", false);
        let fb = analyse_name("A.C. International", true);
        let ta: Vec<Tok> = fa[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let tb: Vec<Tok> = fb[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let ra: Vec<&Tok> = ta.iter().collect();
        let rb: Vec<&Tok> = tb.iter().collect();
        let s = align(&ra, &fa[0].meta, &rb, &fb[0].meta, Parties::Mixed);
        assert!(s.score < 0.5, "{s:?}");
    }

    #[test]
    fn a_whole_name_run_together() {
        assert!(score("SergeiLavrov", "Sergei Lavrov", true).score > 0.9);
    }

    #[test]
    fn a_nickname_spelt_like_a_particle_counts() {
        assert!(score("Ben Netanyahu", "Benjamin Netanyahu", true).score > 0.8);
    }

    #[test]
    fn wade_giles_and_pinyin() {
        assert!(score("Hsi Chin-ping", "Xi Jinping", true).score > 0.85);
        assert!(score("Mao Tse-tung", "Mao Zedong", true).score > 0.85);
        // Wade–Giles "jan" is pinyin "ran", but "Smith" is no Mandarin
        // syllable: no variants between these names.
        let s = score("Jan Smith", "Ran Smith", true);
        assert!(s.pairs.iter().all(|p| p.kind != Kind::Variant), "{s:?}");
    }

    #[test]
    fn a_part_split_in_two_meets_the_whole() {
        let s = score("Nikolai Patr ushev", "Nikolai Platonovich Patrushev", true);
        assert!(s.score > 0.75, "{s:?}");
        let s = score("Abdulaziz Nuri", "Abdul Aziz Nuri", true);
        assert!(s.score > 0.9, "{s:?}");
    }

    #[test]
    fn abjad_names_compare_joined_consonants() {
        let s = score("عبد الله", "Abdullah", true);
        assert!(s.score > 0.8, "{s:?}");
        assert!(score("عبد الله", "Abdul Karim", true).score < 0.7);
    }

    #[test]
    fn spacing_only_differences() {
        let s = score("JanDaniel Bothma", "Jan Daniel Bothma", true);
        assert!(s.score > 0.9, "{s:?}");
        assert!(s.pairs.iter().any(|p| matches!(p.kind, Kind::Spacing(_))));
        // The whole name run together: only the spaceless comparison helps.
        let s = score("SiemensAG Berlin", "Siemens A G Berlin", false);
        assert!(s.score > 0.8, "{s:?}");
    }
}
