//! The transitive closure of accepted links (union-find), with the conflict
//! check: each cluster keeps the UN reference numbers, IMO numbers and full
//! birth dates of its records, and a join whose two sides both state some
//! of one kind and share none is refused; so is a join whose two sides each
//! hold a record of one list that names a party once (two parties).

use crate::keys;
use crate::reason::ConflictKind;
use interdict_lists::UNSC_ID;
use interdict_model::{prop, Entity};

/// The facts a cluster must not contradict.
#[derive(Debug, Default, Clone)]
struct Facts {
    unsc: Vec<String>,
    imo: Vec<String>,
    birth: Vec<String>,
    /// (listing, record id) of the records on once-per-party lists.
    listings: Vec<(String, String)>,
}

impl Facts {
    fn of(e: &Entity) -> Facts {
        let sorted = |mut v: Vec<String>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        Facts {
            unsc: sorted(e.get(UNSC_ID).to_vec()),
            imo: sorted(e.get(prop::IMO_NUMBER).to_vec()),
            birth: sorted(
                keys::full_birth_dates(e)
                    .into_iter()
                    .map(str::to_string)
                    .collect(),
            ),
            listings: crate::rules::listing(e)
                .map(|l| vec![(l, e.id.clone())])
                .unwrap_or_default(),
        }
    }

    fn kinds(&self) -> [(ConflictKind, &Vec<String>); 3] {
        [
            (ConflictKind::UnscId, &self.unsc),
            (ConflictKind::ImoNumber, &self.imo),
            (ConflictKind::BirthDate, &self.birth),
        ]
    }

    /// Every kind of fact on which the two sides contradict each other.
    fn contradictions(&self, other: &Facts) -> Vec<(ConflictKind, String, String)> {
        let mut found: Vec<(ConflictKind, String, String)> = self
            .kinds()
            .into_iter()
            .zip(other.kinds())
            .filter(|((_, a), (_, b))| !a.is_empty() && !b.is_empty() && !keys::share(a, b))
            .map(|((kind, a), (_, b))| (kind, a.join(", "), b.join(", ")))
            .collect();
        found.extend(self.same_listing(other));
        found
    }

    /// A listing both sides hold a record of, with each side's record.
    fn same_listing(&self, other: &Facts) -> Option<(ConflictKind, String, String)> {
        self.listings.iter().find_map(|(l, mine)| {
            let theirs = other.listings.iter().find(|(o, _)| o == l)?;
            Some((ConflictKind::Listing, mine.clone(), theirs.1.clone()))
        })
    }

    fn absorb(&mut self, other: Facts) {
        for (mine, theirs) in [
            (&mut self.unsc, other.unsc),
            (&mut self.imo, other.imo),
            (&mut self.birth, other.birth),
        ] {
            mine.extend(theirs);
            mine.sort_unstable();
            mine.dedup();
        }
        self.listings.extend(other.listings);
    }
}

/// What [`Closure::join`] did.
pub(crate) enum Joined {
    Merged,
    /// Merged on a publisher's own citation although the sides' birth dates
    /// differ: the kind and each side's values.
    MergedDespite(ConflictKind, String, String),
    /// Both records were already in one cluster.
    Already,
    /// The sides contradict each other: the kind and each side's values.
    Refused(ConflictKind, String, String),
}

/// Union-find over record indexes.
pub(crate) struct Closure {
    parent: Vec<usize>,
    facts: Vec<Facts>,
}

impl Closure {
    pub fn new(records: &[&Entity]) -> Closure {
        Closure {
            parent: (0..records.len()).collect(),
            facts: records.iter().map(|e| Facts::of(e)).collect(),
        }
    }

    /// The cluster (its root record) of record `i`.
    pub fn root(&self, mut i: usize) -> usize {
        while self.parent[i] != i {
            i = self.parent[i];
        }
        i
    }

    fn find(&mut self, i: usize) -> usize {
        let root = self.root(i);
        let mut j = i;
        while self.parent[j] != root {
            let next = self.parent[j];
            self.parent[j] = root;
            j = next;
        }
        root
    }

    /// Joins the clusters of records `a` and `b` unless they contradict. The
    /// root is always the smaller index, so the root of a cluster is its
    /// first record in canonical order.
    ///
    /// With `cited` (one list states the other's record or UN reference),
    /// differing birth dates do not refuse the join: the publisher says it is
    /// the same party, so the dates disagree, not the parties (the bundled
    /// UK table's birth dates often differ from the UN's for the very record
    /// it cites). Such joins are reported as [`Joined::MergedDespite`].
    pub fn join(&mut self, a: usize, b: usize, cited: bool) -> Joined {
        self.join_tolerating(a, b, |_, _| cited)
    }

    /// Joins like [`Closure::join`] for a link inferred from agreeing facts
    /// whose birth dates agree at the year: full dates that differ within a
    /// year the sides share do not refuse it (lists write an unknown day as
    /// the first of January), but differing years do.
    pub fn join_same_year(&mut self, a: usize, b: usize) -> Joined {
        self.join_tolerating(a, b, |x, y| {
            let year = |d: &String| d.get(..4).map(str::to_string);
            x.birth
                .iter()
                .any(|d| y.birth.iter().any(|e| year(d) == year(e)))
        })
    }

    /// The join, with differing birth dates tolerated when `tolerate` says
    /// so for the two sides' facts.
    fn join_tolerating(
        &mut self,
        a: usize,
        b: usize,
        tolerate: impl Fn(&Facts, &Facts) -> bool,
    ) -> Joined {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return Joined::Already;
        }
        let found = self.facts[ra].contradictions(&self.facts[rb]);
        let dates_tolerated = tolerate(&self.facts[ra], &self.facts[rb]);
        let blocking = found
            .iter()
            .find(|(kind, _, _)| !dates_tolerated || *kind != ConflictKind::BirthDate);
        if let Some((kind, l, r)) = blocking {
            return Joined::Refused(*kind, l.clone(), r.clone());
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.facts[gone]);
        self.facts[keep].absorb(moved);
        match found.into_iter().next() {
            Some((kind, l, r)) => Joined::MergedDespite(kind, l, r),
            None => Joined::Merged,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::Schema;

    fn person(id: &str, dob: &str) -> Entity {
        let mut e = Entity::new("t", id, Schema::Person);
        e.add(prop::BIRTH_DATE, dob);
        e
    }

    #[test]
    fn contradicting_birth_dates_refuse_the_join_even_transitively() {
        let (a, b, c) = (
            person("a", "1960-01-01"),
            person("b", "1960"),
            person("c", "1971-05-05"),
        );
        let mut cl = Closure::new(&[&a, &b, &c]);
        assert!(matches!(cl.join(1, 0, false), Joined::Merged));
        assert!(matches!(cl.join(0, 1, false), Joined::Already));
        match cl.join(2, 1, false) {
            Joined::Refused(ConflictKind::BirthDate, l, r) => {
                assert_eq!((l.as_str(), r.as_str()), ("1971-05-05", "1960-01-01"));
            }
            _ => panic!("expected a birth date conflict"),
        }
        assert_eq!(cl.root(1), 0);
        assert_eq!(cl.root(2), 2);
        // A list's own citation merges them all the same, and says so.
        assert!(matches!(
            cl.join(2, 1, true),
            Joined::MergedDespite(ConflictKind::BirthDate, _, _)
        ));
        assert_eq!(cl.root(2), 0);
    }

    #[test]
    fn two_records_of_a_once_per_party_list_are_never_one_party() {
        let rec = |d: &str, id: &str| Entity::new(d, id, Schema::Organization);
        let (un, x, y, csl) = (
            rec("un_sc_sanctions", "CDe.003"),
            rec("us_ofac_sdn", "10117"),
            rec("us_ofac_sdn", "10118"),
            rec("us_trade_csl", "10118"),
        );
        let mut cl = Closure::new(&[&un, &x, &y, &csl]);
        assert!(matches!(cl.join(1, 0, true), Joined::Merged));
        assert!(matches!(cl.join(3, 2, true), Joined::Merged));
        // Even a citation cannot put both OFAC entries in one party.
        match cl.join(2, 0, true) {
            Joined::Refused(ConflictKind::Listing, l, r) => {
                assert_eq!(
                    (l.as_str(), r.as_str()),
                    ("us_ofac_sdn:10118", "us_ofac_sdn:10117")
                );
            }
            _ => panic!("expected a listing conflict"),
        }
        // One UK person under two regimes is fine; twice under one is not.
        let uk = |id: &str| rec("gb_fcdo_sanctions", id);
        let (a, b, c) = (uk("RUS0084"), uk("CHW0014"), uk("RUS0085"));
        let mut cl = Closure::new(&[&a, &b, &c]);
        assert!(matches!(cl.join(1, 0, false), Joined::Merged));
        assert!(matches!(
            cl.join(2, 1, false),
            Joined::Refused(ConflictKind::Listing, _, _)
        ));
    }

    #[test]
    fn an_inferred_link_tolerates_differing_days_within_one_year_only() {
        let (a, b, c) = (
            person("a", "1973-01-01"),
            person("b", "1973-01-24"),
            person("c", "1974-01-05"),
        );
        let mut cl = Closure::new(&[&a, &b, &c]);
        assert!(matches!(
            cl.join_same_year(1, 0),
            Joined::MergedDespite(ConflictKind::BirthDate, _, _)
        ));
        assert!(matches!(
            cl.join_same_year(2, 0),
            Joined::Refused(ConflictKind::BirthDate, _, _)
        ));
    }
}
