//! Everything that moves a score after the names were compared, as one
//! recipe: [`RULES`] lists the rules in the order they apply, each a named
//! function below that returns its effect and, when asked, its reason.
//! [`adjust`] walks the list; the explanation's adjustments are recorded by
//! the same walk, so the code and the words cannot drift apart. Every number
//! comes from [`crate::weights`].
//!
//! This module must not compare names: it reads the name score and the
//! non-name evidence (schema, birth dates, countries, identifiers, numbers
//! in the names, given/family names given apart).

use crate::align::NameCap;
use crate::explain::{Adjustment, Reason};
use crate::facts::{Facts, Ident};
use crate::weights as w;
use interdict_model::{DatePrecision, PartialDate, Schema};

/// The two sides' non-name evidence, and the name score it adjusts.
pub(crate) struct Sides<'a> {
    pub q_schema: Schema,
    pub l_schema: Schema,
    pub q: &'a Facts,
    pub l: &'a Facts,
    pub q_numbers: &'a [u32],
    pub l_numbers: &'a [u32],
    /// The name score before any adjustment.
    pub name_score: f64,
    /// The cap the alignment put on the name score, and why, if it did.
    pub name_cap: Option<(f64, NameCap)>,
    /// The country the query's words left over name, between
    /// organisations (see [`crate::align::Alignment::country_left`]).
    pub q_country_left: Option<[u8; 2]>,
}

/// How a rule moves the score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Effect {
    /// Adds the delta: a bonus when positive, a penalty when negative.
    Add(f64),
    /// Lowers the score to this value.
    Cap(f64),
    /// Raises the score, clamped to [0, 1] first, to at least this value.
    Floor(f64),
    /// The pair cannot match: the score is 0 and no later rule applies.
    Veto,
}

/// A rule that fired: what it does, and why (built only when explaining).
pub(crate) struct Fired {
    pub effect: Effect,
    pub reason: Option<Reason>,
}

/// A rule reads both sides and the score so far; `explain` asks it for its
/// reason too.
type Rule = fn(&Sides<'_>, f64, bool) -> Option<Fired>;

/// The recipe, in the order the rules apply (the order matters: a veto
/// ends it, additions are summed before the final clamp to [0, 1], and a
/// floor applies to the clamped sum).
pub(crate) const RULES: [(&str, Rule); 12] = [
    ("single part of a person's name", single_part_only),
    ("one word of a longer organisation name", one_word_of_many),
    ("only common words agree", only_common_words),
    ("another country's organisation", another_country),
    ("patronymics differ", patronymics_differ),
    ("kinds of party", schema_incompatible),
    ("given and family names swapped", given_and_family_swapped),
    ("birth date", birth_date),
    ("country", nationality),
    ("numbers in the names", numbers_differ),
    ("identifier conflict", identifier_conflict),
    ("identifier match", identifier_match),
];

/// Applies [`RULES`] to the name score and returns the final score, in
/// [0, 1]. When `sink` is given, each rule that fired is recorded there
/// with its delta.
pub(crate) fn adjust(s: &Sides<'_>, mut sink: Option<&mut Vec<Adjustment>>) -> f64 {
    let explain = sink.is_some();
    let mut score = s.name_score;
    for (_, rule) in RULES {
        let Some(fired) = rule(s, score, explain) else {
            continue;
        };
        let delta = match fired.effect {
            Effect::Add(d) => d,
            Effect::Cap(v) => v - score,
            Effect::Floor(v) => {
                score = score.clamp(0.0, 1.0);
                (v - score).max(0.0)
            }
            Effect::Veto => -score,
        };
        match fired.effect {
            Effect::Cap(v) => score = v,
            _ => score += delta,
        }
        if let (Some(v), Some(reason)) = (sink.as_deref_mut(), fired.reason) {
            v.push(Adjustment { reason, delta });
        }
        if fired.effect == Effect::Veto {
            return 0.0;
        }
    }
    score.clamp(0.0, 1.0)
}

/// The cap the alignment put on the name score when it was for `why`,
/// shown as a penalty with the reason `reason` gives for the cap.
fn alignment_cap(
    s: &Sides<'_>,
    why: NameCap,
    explain: bool,
    reason: fn(f64) -> Reason,
) -> Option<Fired> {
    let (cap, kind) = s.name_cap?;
    (kind == why).then(|| Fired {
        effect: Effect::Cap(cap),
        reason: explain.then(|| reason(cap)),
    })
}

/// A person is rarely identified by one name part: the alignment capped the
/// name score ([`w::SINGLE_PART_CAP`]); the cap is shown as a penalty.
fn single_part_only(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    alignment_cap(s, NameCap::SinglePart, explain, |cap| {
        Reason::SinglePartOnly { cap }
    })
}

/// A one-word listed organisation name ("KHK") met one word of a query
/// with distinctive words of its own ("KhK Ak Bars"): the alignment capped
/// the name score ([`w::ONE_WORD_OF_MANY_CAP`]).
fn one_word_of_many(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    alignment_cap(s, NameCap::OneWordOfMany, explain, |cap| {
        Reason::OneWordOfMany { cap }
    })
}

/// Two organisations' names agree only on words common across the listed
/// organisations ("Korea Development Bank" / "Korea United Development
/// Bank"), and one name has words the other lacks: the alignment capped the
/// name score ([`w::COMMON_WORDS_ONLY_CAP`]). When the query's only extra
/// words name a country and the listed party is of that country ("Iran
/// National Petrochemical Company" for an Iranian "National Petrochemical
/// Company"), the country names the party and the cap does not apply.
fn only_common_words(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    let (cap, kind) = s.name_cap?;
    match kind {
        NameCap::CommonWordsOnly => {}
        // The query's extra words name the listed party's own country.
        NameCap::CommonWordsBesideCountry(code)
            if !s.l.countries.iter().any(|c| c.as_bytes() == code) => {}
        _ => return None,
    }
    Some(Fired {
        effect: Effect::Cap(cap),
        reason: explain.then_some(Reason::CommonWordsOnly { cap }),
    })
}

/// The query's words left over name a country ("Agricultural Bank of
/// *China*" for the listed "Agricultural Bank" of Libya) and the listed
/// party is tied to other countries only: the query names another
/// country's organisation of the same kind, and the score is capped at
/// [`w::ANOTHER_COUNTRY_CAP`]. A listed party that gives no country is
/// left alone: nothing contradicts.
fn another_country(s: &Sides<'_>, score: f64, explain: bool) -> Option<Fired> {
    let code = s.q_country_left?;
    let named = std::str::from_utf8(&code).ok()?;
    let elsewhere = !s.l.countries.is_empty() && !s.l.countries.iter().any(|c| &**c == named);
    (elsewhere && score > w::ANOTHER_COUNTRY_CAP).then(|| Fired {
        effect: Effect::Cap(w::ANOTHER_COUNTRY_CAP),
        reason: explain.then(|| Reason::AnotherCountry {
            query: named.to_string(),
            listed: s.l.countries.iter().map(|c| c.to_string()).collect(),
            cap: w::ANOTHER_COUNTRY_CAP,
        }),
    })
}

/// Two people whose names give different patronymics are two people,
/// whatever else agrees (Vladimir *Sergeyevich* / Vladimir *Rudolfovich*
/// Solovyov): when no patronymic of the query may be a spelling of one of
/// the listed entity's ([`crate::facts::patronymics_differ`]), the score
/// is capped at [`w::PATRONYMIC_CONFLICT_CAP`].
fn patronymics_differ(s: &Sides<'_>, score: f64, explain: bool) -> Option<Fired> {
    let cap = w::PATRONYMIC_CONFLICT_CAP;
    if score <= cap {
        return None;
    }
    let (query, listed) = crate::facts::patronymics_differ(s.q, s.l)?;
    Some(Fired {
        effect: Effect::Cap(cap),
        reason: explain.then(|| Reason::PatronymicsDiffer {
            query: query.to_string(),
            listed: listed.to_string(),
            cap,
        }),
    })
}

/// A person is never a vessel: kinds of party that cannot be the same
/// thing veto the pair.
fn schema_incompatible(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    if s.q_schema.is_compatible(s.l_schema) {
        return None;
    }
    Some(Fired {
        effect: Effect::Veto,
        reason: explain.then(|| Reason::SchemaIncompatible {
            query: s.q_schema.to_string(),
            listed: s.l_schema.to_string(),
        }),
    })
}

/// Both sides give the given and the family name apart, and they are
/// swapped ([`w::GIVEN_FAMILY_SWAPPED`]).
fn given_and_family_swapped(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    let ((qg, qf), (lg, lf)) = (s.q.given_family.as_ref()?, s.l.given_family.as_ref()?);
    if !(qg == lf && qf == lg && qg != qf) {
        return None;
    }
    Some(Fired {
        effect: Effect::Add(w::GIVEN_FAMILY_SWAPPED),
        reason: explain.then(|| Reason::GivenAndFamilyNamesSwapped {
            given: qg.to_string(),
            family: qf.to_string(),
        }),
    })
}

/// Birth dates agree (a bonus by the precision both share) or conflict (a
/// penalty by how far apart the closest pair is): see [`birth_dates`].
fn birth_date(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    let (delta, qd, ld) = birth_dates(&s.q.dates, &s.l.dates)?;
    Some(Fired {
        effect: Effect::Add(delta),
        reason: explain.then(|| {
            let (query, listed) = (qd.to_string(), ld.to_string());
            if delta > 0.0 {
                Reason::BirthDateAgrees { query, listed }
            } else {
                Reason::BirthDateConflict { query, listed }
            }
        }),
    })
}

/// Both sides give countries: one in common is a small bonus
/// ([`w::NATIONALITY_AGREES`]), none a small penalty
/// ([`w::NATIONALITY_CONFLICT`]).
fn nationality(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    if s.q.countries.is_empty() || s.l.countries.is_empty() {
        return None;
    }
    Some(
        match s.q.countries.iter().find(|c| s.l.countries.contains(c)) {
            Some(c) => Fired {
                effect: Effect::Add(w::NATIONALITY_AGREES),
                reason: explain.then(|| Reason::NationalityAgrees {
                    country: c.to_string(),
                }),
            },
            None => Fired {
                effect: Effect::Add(w::NATIONALITY_CONFLICT),
                reason: explain.then(|| Reason::NationalityConflict {
                    query: s.q.countries.iter().map(|c| c.to_string()).collect(),
                    listed: s.l.countries.iter().map(|c| c.to_string()).collect(),
                }),
            },
        },
    )
}

/// The numbers in the names ("Ocean Star 2") are not the same set: a
/// conflict when both sides have numbers ([`w::NUMBERS_CONFLICT`]), less
/// when only one has ([`w::NUMBERS_ONE_SIDED`]).
fn numbers_differ(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    let (q, l) = (s.q_numbers, s.l_numbers);
    let same_set = q.iter().all(|n| l.contains(n)) && l.iter().all(|n| q.contains(n));
    if same_set {
        return None;
    }
    let delta = if q.is_empty() || l.is_empty() {
        w::NUMBERS_ONE_SIDED
    } else {
        w::NUMBERS_CONFLICT
    };
    Some(Fired {
        effect: Effect::Add(delta),
        reason: explain.then(|| Reason::NumbersDiffer {
            query: q.to_vec(),
            listed: l.to_vec(),
        }),
    })
}

/// The first identifier both sides give, if any.
fn shared_identifier<'a>(s: &Sides<'a>) -> Option<&'a Ident> {
    s.q.idents.iter().find(|i| s.l.idents.contains(i))
}

/// No identifier is shared, and both sides give a different value of a
/// kind unique to one thing (IMO, MMSI, SWIFT/BIC):
/// [`w::IDENTIFIER_CONFLICT`].
fn identifier_conflict(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    if shared_identifier(s).is_some() {
        return None;
    }
    s.q.idents
        .iter()
        .filter(|i| i.kind.is_unique())
        .find_map(|q| {
            let mut listed = s.l.idents.iter().filter(|i| i.kind == q.kind).peekable();
            listed.peek()?;
            Some(Fired {
                effect: Effect::Add(w::IDENTIFIER_CONFLICT),
                reason: explain.then(|| Reason::IdentifierConflict {
                    property: q.kind.label().to_string(),
                    query: vec![q.value.to_string()],
                    listed: listed.map(|i| i.value.to_string()).collect(),
                }),
            })
        })
}

/// An identifier equal on both sides lifts the score to at least
/// [`w::IDENTIFIER_MATCH_FLOOR`], whatever the names.
fn identifier_match(s: &Sides<'_>, _: f64, explain: bool) -> Option<Fired> {
    let id = shared_identifier(s)?;
    Some(Fired {
        effect: Effect::Floor(w::IDENTIFIER_MATCH_FLOOR),
        reason: explain.then(|| Reason::IdentifierMatch {
            property: id.kind.label().to_string(),
            value: id.value.to_string(),
        }),
    })
}

/// The birth-date delta and the pair of dates it rests on: the best-agreeing
/// pair if any agree, else the closest pair.
fn birth_dates(q: &[PartialDate], l: &[PartialDate]) -> Option<(f64, PartialDate, PartialDate)> {
    let mut best_agree: Option<(f64, PartialDate, PartialDate)> = None;
    let mut closest: Option<(u16, PartialDate, PartialDate)> = None;
    for qd in q {
        for ld in l {
            if qd.agrees_with(ld) {
                let delta = match qd.precision().min(ld.precision()) {
                    DatePrecision::Day => w::DOB_AGREES_DAY,
                    DatePrecision::Month => w::DOB_AGREES_MONTH,
                    DatePrecision::Year => w::DOB_AGREES_YEAR,
                };
                if best_agree.is_none_or(|(b, _, _)| delta > b) {
                    best_agree = Some((delta, *qd, *ld));
                }
            } else {
                let gap = qd.year.abs_diff(ld.year);
                if closest.is_none_or(|(g, _, _)| gap < g) {
                    closest = Some((gap, *qd, *ld));
                }
            }
        }
    }
    if best_agree.is_some() {
        return best_agree;
    }
    closest.map(|(gap, qd, ld)| {
        let delta = match gap {
            0 => w::DOB_CONFLICT_SAME_YEAR,
            1 => w::DOB_CONFLICT_ONE_YEAR,
            g if g >= w::DOB_GENERATION_YEARS => w::DOB_CONFLICT_GENERATION,
            _ => w::DOB_CONFLICT,
        };
        (delta, qd, ld)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::IdKind;

    fn d(s: &str) -> PartialDate {
        s.parse().expect("date")
    }

    fn run(
        q: &Facts,
        l: &Facts,
        qn: &[u32],
        ln: &[u32],
        qs: Schema,
        ls: Schema,
    ) -> (f64, Vec<Adjustment>) {
        let mut v = Vec::new();
        let sides = Sides {
            q_schema: qs,
            l_schema: ls,
            q,
            l,
            q_numbers: qn,
            l_numbers: ln,
            name_score: 0.8,
            name_cap: None,
            q_country_left: None,
        };
        let s = adjust(&sides, Some(&mut v));
        // Scoring without explaining gives the same score.
        assert_eq!(adjust(&sides, None), s);
        (s, v)
    }

    fn facts_with_dates(ds: &[&str]) -> Facts {
        Facts {
            dates: ds.iter().map(|s| d(s)).collect(),
            ..Facts::default()
        }
    }

    #[test]
    fn birth_dates_respect_precision() {
        let p = Schema::Person;
        let (s, _) = run(
            &facts_with_dates(&["1984-01-08"]),
            &facts_with_dates(&["1984"]),
            &[],
            &[],
            p,
            p,
        );
        assert!((s - (0.8 + w::DOB_AGREES_YEAR)).abs() < 1e-9);
        let (s, _) = run(
            &facts_with_dates(&["1984-01-08"]),
            &facts_with_dates(&["1984-01-08"]),
            &[],
            &[],
            p,
            p,
        );
        assert!((s - (0.8 + w::DOB_AGREES_DAY)).abs() < 1e-9);
        let (s, a) = run(
            &facts_with_dates(&["1984"]),
            &facts_with_dates(&["1982"]),
            &[],
            &[],
            p,
            p,
        );
        assert!((s - (0.8 + w::DOB_CONFLICT)).abs() < 1e-9);
        assert!(matches!(a[0].reason, Reason::BirthDateConflict { .. }));
        // A generation apart: a namesake, not an approximate year.
        let (s, _) = run(
            &facts_with_dates(&["1976-03-12"]),
            &facts_with_dates(&["1952-09-16"]),
            &[],
            &[],
            p,
            p,
        );
        assert!((s - (0.8 + w::DOB_CONFLICT_GENERATION)).abs() < 1e-9);
        let (s, _) = run(
            &facts_with_dates(&["1984-02"]),
            &facts_with_dates(&["1984-01-08"]),
            &[],
            &[],
            p,
            p,
        );
        assert!((s - (0.8 + w::DOB_CONFLICT_SAME_YEAR)).abs() < 1e-9);
        // One agreeing date among several listed is enough.
        let (s, _) = run(
            &facts_with_dates(&["1983"]),
            &facts_with_dates(&["1982", "1983"]),
            &[],
            &[],
            p,
            p,
        );
        assert!(s > 0.8);
    }

    #[test]
    fn nationality_agrees_or_conflicts() {
        let mut q = Facts::default();
        q.countries.push("kp".into());
        let mut l = Facts::default();
        l.countries.push("kp".into());
        let p = Schema::Person;
        assert!(run(&q, &l, &[], &[], p, p).0 > 0.8);
        l.countries[0] = "kr".into();
        assert!(run(&q, &l, &[], &[], p, p).0 < 0.8);
    }

    #[test]
    fn different_patronymics_cap_the_score() {
        let mut q = Facts::default();
        let mut l = Facts::default();
        q.patronymics.push("sergeyevich".into());
        l.patronymics.push("rudolfovich".into());
        let p = Schema::Person;
        let (s, v) = run(&q, &l, &[], &[], p, p);
        assert_eq!(s, w::PATRONYMIC_CONFLICT_CAP);
        assert!(matches!(v[0].reason, Reason::PatronymicsDiffer { .. }));
        // The same patronymic spelt another way, or none on one side.
        l.patronymics[0] = "sergeevich".into();
        assert_eq!(run(&q, &l, &[], &[], p, p).0, 0.8);
        l.patronymics[0] = "serhiiovych".into();
        assert_eq!(run(&q, &l, &[], &[], p, p).0, 0.8);
        l.patronymics.clear();
        assert_eq!(run(&q, &l, &[], &[], p, p).0, 0.8);
    }

    #[test]
    fn a_single_part_cap_is_shown_first_and_set_exactly() {
        let f = Facts::default();
        let sides = Sides {
            q_schema: Schema::Person,
            l_schema: Schema::Person,
            q: &f,
            l: &f,
            q_numbers: &[],
            l_numbers: &[],
            name_score: 0.93,
            name_cap: Some((w::SINGLE_PART_CAP, NameCap::SinglePart)),
            q_country_left: None,
        };
        let mut v = Vec::new();
        assert_eq!(adjust(&sides, Some(&mut v)), w::SINGLE_PART_CAP);
        assert!(matches!(v[0].reason, Reason::SinglePartOnly { .. }));
        assert!((v[0].delta - (w::SINGLE_PART_CAP - 0.93)).abs() < 1e-12);
    }

    #[test]
    fn every_rule_has_its_own_name() {
        for (i, (a, _)) in RULES.iter().enumerate() {
            assert!(RULES[..i].iter().all(|(b, _)| a != b), "{a}");
        }
    }

    #[test]
    fn schema_incompatible_is_zero() {
        let f = Facts::default();
        let (s, a) = run(&f, &f, &[], &[], Schema::Person, Schema::Vessel);
        assert_eq!(s, 0.0);
        assert!(matches!(a[0].reason, Reason::SchemaIncompatible { .. }));
    }

    #[test]
    fn numbers_differ() {
        let f = Facts::default();
        let v = Schema::Vessel;
        assert!((run(&f, &f, &[2], &[1], v, v).0 - (0.8 + w::NUMBERS_CONFLICT)).abs() < 1e-9);
        assert!((run(&f, &f, &[], &[2], v, v).0 - (0.8 + w::NUMBERS_ONE_SIDED)).abs() < 1e-9);
        assert_eq!(run(&f, &f, &[2], &[2], v, v).0, 0.8);
    }

    #[test]
    fn identifiers_match_or_conflict() {
        let imo = |v: &str| Ident {
            kind: IdKind::Imo,
            value: v.into(),
        };
        let mut q = Facts::default();
        q.idents.push(imo("9114555"));
        let mut l = Facts::default();
        l.idents.push(imo("9114555"));
        let v = Schema::Vessel;
        let (s, a) = run(&q, &l, &[], &[], v, v);
        assert_eq!(s, w::IDENTIFIER_MATCH_FLOOR);
        assert!(matches!(a[0].reason, Reason::IdentifierMatch { .. }));
        l.idents[0] = imo("9999999");
        assert!((run(&q, &l, &[], &[], v, v).0 - (0.8 + w::IDENTIFIER_CONFLICT)).abs() < 1e-9);
    }
}
