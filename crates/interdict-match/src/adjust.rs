//! Everything that moves a score after the names were compared: birth dates
//! (respecting their precision), countries, identifiers, numbers in names
//! and schema compatibility. Each rule adds one explainable delta from
//! `weights`.
//!
//! This module must not compare names.

use crate::explain::{Adjustment, Reason};
use crate::facts::{Facts, Ident};
use crate::weights as w;
use interdict_model::{DatePrecision, PartialDate, Schema};

/// The two sides' non-name evidence.
pub(crate) struct Sides<'a> {
    pub q_schema: Schema,
    pub l_schema: Schema,
    pub q: &'a Facts,
    pub l: &'a Facts,
    pub q_numbers: &'a [u32],
    pub l_numbers: &'a [u32],
}

/// Applies every rule to `name_score` and returns the final score. When
/// `sink` is given, each rule that fired is recorded there.
pub(crate) fn adjust(
    name_score: f64,
    s: &Sides<'_>,
    mut sink: Option<&mut Vec<Adjustment>>,
) -> f64 {
    let mut record = |reason: &dyn Fn() -> Reason, delta: f64| {
        if let Some(v) = sink.as_deref_mut() {
            v.push(Adjustment {
                reason: reason(),
                delta,
            });
        }
    };
    if !s.q_schema.is_compatible(s.l_schema) {
        record(
            &|| Reason::SchemaIncompatible {
                query: s.q_schema.to_string(),
                listed: s.l_schema.to_string(),
            },
            -name_score,
        );
        return 0.0;
    }
    let mut score = name_score;
    if let (Some((qg, qf)), Some((lg, lf))) = (&s.q.given_family, &s.l.given_family) {
        if qg == lf && qf == lg && qg != qf {
            score += w::GIVEN_FAMILY_SWAPPED;
            record(
                &|| Reason::GivenAndFamilyNamesSwapped {
                    given: qg.to_string(),
                    family: qf.to_string(),
                },
                w::GIVEN_FAMILY_SWAPPED,
            );
        }
    }
    if let Some((delta, qd, ld)) = birth_dates(&s.q.dates, &s.l.dates) {
        let agrees = delta > 0.0;
        score += delta;
        record(
            &|| {
                if agrees {
                    Reason::BirthDateAgrees {
                        query: qd.to_string(),
                        listed: ld.to_string(),
                    }
                } else {
                    Reason::BirthDateConflict {
                        query: qd.to_string(),
                        listed: ld.to_string(),
                    }
                }
            },
            delta,
        );
    }
    if !s.q.countries.is_empty() && !s.l.countries.is_empty() {
        match s.q.countries.iter().find(|c| s.l.countries.contains(c)) {
            Some(c) => {
                score += w::NATIONALITY_AGREES;
                record(
                    &|| Reason::NationalityAgrees {
                        country: c.to_string(),
                    },
                    w::NATIONALITY_AGREES,
                );
            }
            None => {
                score += w::NATIONALITY_CONFLICT;
                record(
                    &|| Reason::NationalityConflict {
                        query: s.q.countries.iter().map(|c| c.to_string()).collect(),
                        listed: s.l.countries.iter().map(|c| c.to_string()).collect(),
                    },
                    w::NATIONALITY_CONFLICT,
                );
            }
        }
    }
    if s.q_numbers != s.l_numbers && !(s.q_numbers.is_empty() && s.l_numbers.is_empty()) {
        let same_set = s.q_numbers.iter().all(|n| s.l_numbers.contains(n))
            && s.l_numbers.iter().all(|n| s.q_numbers.contains(n));
        if !same_set {
            let delta = if s.q_numbers.is_empty() || s.l_numbers.is_empty() {
                w::NUMBERS_ONE_SIDED
            } else {
                w::NUMBERS_CONFLICT
            };
            score += delta;
            record(
                &|| Reason::NumbersDiffer {
                    query: s.q_numbers.to_vec(),
                    listed: s.l_numbers.to_vec(),
                },
                delta,
            );
        }
    }
    let matched: Option<&Ident> = s.q.idents.iter().find(|i| s.l.idents.contains(i));
    if matched.is_none() {
        for q in s.q.idents.iter().filter(|i| i.kind.is_unique()) {
            let listed: Vec<&Ident> = s.l.idents.iter().filter(|i| i.kind == q.kind).collect();
            if !listed.is_empty() {
                score += w::IDENTIFIER_CONFLICT;
                record(
                    &|| Reason::IdentifierConflict {
                        property: q.kind.label().to_string(),
                        query: vec![q.value.to_string()],
                        listed: listed.iter().map(|i| i.value.to_string()).collect(),
                    },
                    w::IDENTIFIER_CONFLICT,
                );
                break;
            }
        }
    }
    score = score.clamp(0.0, 1.0);
    if let Some(id) = matched {
        let delta = (w::IDENTIFIER_MATCH_FLOOR - score).max(0.0);
        score += delta;
        record(
            &|| Reason::IdentifierMatch {
                property: id.kind.label().to_string(),
                value: id.value.to_string(),
            },
            delta,
        );
    }
    score.clamp(0.0, 1.0)
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
        };
        let s = adjust(0.8, &sides, Some(&mut v));
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
