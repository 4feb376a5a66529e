//! Scores one Latin form of the query name against one Latin form of a
//! listed name: aligns parts order-insensitively (greedy best pair first
//! over the small part sets, so "KIM Jong Un" = "Jong Un Kim"), weighs them,
//! penalises parts left over on either side, and falls back to a spaceless
//! comparison for names that differ only in spacing.
//!
//! This module owns the name score; it must not look at dates, countries or
//! identifiers (see `adjust`).

use crate::analyse::{FormMeta, PartKind, Tok};
use crate::similarity::{edit_distance_halves, part_similarity, Kind};
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
}

/// The outcome of comparing two forms.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Alignment {
    pub score: f64,
    pub pairs: SmallVec<[Pair; 8]>,
    /// Some(distance) when the spaceless comparison won over the alignment.
    pub spacing: Option<f64>,
    /// Some(score before the cap) when the score was capped because a single
    /// part of a person's name matched.
    pub capped_from: Option<f64>,
}

/// Compares the query form `q` with the listed form `l`. `person`: either
/// side is a Person, so one matching part is not enough.
pub(crate) fn align(
    q: &[&Tok],
    qm: &FormMeta,
    l: &[&Tok],
    lm: &FormMeta,
    person: bool,
) -> Alignment {
    let translit = qm.method != Transliteration::None;
    let abjad = qm.abjad || lm.abjad;
    let n = q.len().min(MAX_PARTS);
    let m = l.len().min(MAX_PARTS);
    let mut sims = [[None::<(f64, Kind)>; MAX_PARTS]; MAX_PARTS];
    for i in 0..n {
        for j in 0..m {
            sims[i][j] = part_similarity(q[i], l[j], translit, abjad);
        }
    }
    let mut used_q = 0u32;
    let mut used_l = 0u32;
    let mut pairs: SmallVec<[Pair; 8]> = SmallVec::new();
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in (0..n).filter(|i| used_q & (1 << i) == 0) {
            for j in (0..m).filter(|j| used_l & (1 << j) == 0) {
                if let Some((s, _)) = sims[i][j] {
                    // Prefer strong pairs of heavy parts; ties go to the
                    // earlier listed part.
                    let v = s * (q[i].weight + l[j].weight);
                    if best.is_none_or(|(bv, _, _)| v > bv) {
                        best = Some((v, i, j));
                    }
                }
            }
        }
        let Some((_, i, j)) = best else { break };
        used_q |= 1 << i;
        used_l |= 1 << j;
        if let Some((sim, kind)) = sims[i][j] {
            pairs.push(Pair {
                q: i as u8,
                l: j as u8,
                sim,
                kind,
            });
        }
    }
    let q_total: f64 = q.iter().map(|t| t.weight).sum();
    let l_total: f64 = l.iter().map(|t| t.weight).sum();
    let matched: f64 = pairs.iter().map(|p| p.sim * q[p.q as usize].weight).sum();
    let l_unmatched: f64 = l
        .iter()
        .enumerate()
        .filter(|(j, _)| *j >= MAX_PARTS || used_l & (1 << j) == 0)
        .map(|(_, t)| t.weight)
        .sum();
    let mut score = if q_total > 0.0 && l_total > 0.0 {
        (matched / q_total) * (1.0 - w::LISTED_EXTRA_PENALTY * l_unmatched / l_total)
    } else {
        0.0
    };
    let mut spacing = None;
    // Only when the sides split the name into different numbers of parts:
    // otherwise the alignment has already compared like with like.
    if score < 0.9 && q.len() != l.len() {
        if let Some((s, d)) = spaceless(qm, lm) {
            if s > score {
                score = s;
                spacing = Some(d);
            }
        }
    }
    let mut capped_from = None;
    if person && spacing.is_none() {
        let words = |ts: &[&Tok]| ts.iter().filter(|t| t.kind == PartKind::Word).count();
        let matched_words = pairs
            .iter()
            .filter(|p| q[p.q as usize].kind == PartKind::Word && l[p.l as usize].kind == PartKind::Word)
            .count();
        if matched_words <= 1 && words(l) >= 2 && score > w::SINGLE_PART_CAP {
            capped_from = Some(score.min(1.0));
            score = w::SINGLE_PART_CAP;
        }
    }
    Alignment {
        score: score.clamp(0.0, 1.0),
        pairs,
        spacing,
        capped_from,
    }
}

/// Similarity of the two names with all spaces removed, and the distance.
fn spaceless(qm: &FormMeta, lm: &FormMeta) -> Option<(f64, f64)> {
    let (a, b) = (qm.joined.as_bytes(), lm.joined.as_bytes());
    let longer = a.len().max(b.len());
    if longer < 4 {
        return None;
    }
    // The joined string is a whole name: one edit, two in long names.
    let allowed = if longer < 16 { 1 } else { 2 };
    let halves = edit_distance_halves(a, b, 2 * allowed)?;
    let d = f64::from(halves) / 2.0;
    Some((w::SPACING_FACTOR * (1.0 - d / longer as f64), d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyse::{analyse_name, Tok};

    fn score(a: &str, b: &str, person: bool) -> Alignment {
        let fa = analyse_name(a);
        let fb = analyse_name(b);
        let ta: Vec<Tok> = fa[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let tb: Vec<Tok> = fb[0].parts.iter().map(|(t, k)| Tok::new(t, *k)).collect();
        let ra: Vec<&Tok> = ta.iter().collect();
        let rb: Vec<&Tok> = tb.iter().collect();
        align(&ra, &fa[0].meta, &rb, &fb[0].meta, person)
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
    fn spacing_only_differences() {
        let s = score("JanDaniel Bothma", "Jan Daniel Bothma", true);
        assert!(s.score > 0.9, "{s:?}");
        assert!(s.spacing.is_some());
    }
}
