//! Record linking: the records of one party on several lists (a UN-listed
//! bank on the UN, OFAC and UK lists; an OFAC record and its copy on the US
//! Consolidated Screening List) merged into one entity, at load, from the
//! lists' own identifiers, with the reason for every merge.
//!
//! Owns the linking rules (one named function each in `rules`), the
//! transitive closure with its conflict check (`cluster`) and the merged
//! entity (`merge`). It sits between `interdict-lists` and the matcher and
//! knows nothing of scoring.
//!
//! - **Strong rules**, one shared identifier suffices: a UN reference number
//!   ([`UNSC_ID`](interdict_lists::UNSC_ID)) on both records, a record citing
//!   the other ([`CITED_RECORD`](interdict_lists::CITED_RECORD)), the same
//!   IMO number, SWIFT/BIC, aircraft registration or serial number, passport
//!   or national id number (with a common nationality, the lists' nearest
//!   statement of the issuing country), or company registration number.
//! - **Weak rules**, several facts must agree: persons with the same
//!   normalised name (any alias), the same full birth date and a common
//!   nationality; organisations with the same normalised name (acronyms in
//!   parentheses and the spelling of legal forms aside) and the same address
//!   (its country compared as an ISO code).
//! - **Corroborated names** (`corroborate`): the same name (an alias only
//!   with two distinctive words, never a kunya; an alias of both records
//!   needs a third fact) and two facts agreeing at the precision both state:
//!   birth date (a year matches a full date in it), a country, the birth
//!   town, the programme family (the regime across lists), or the name being
//!   both records' primary name. Differing birth years, nationalities, UN
//!   reference, IMO or registration numbers refuse it; full birth dates that
//!   differ within a shared year are merged and reported as a disagreement.
//! - **Transliterated names** (`corroborate::transliterated_name`): persons
//!   whose names sound the same word for word (Double Metaphone codes of
//!   `interdict-names`, patronymics and Arabic articles aside: "PESKOV,
//!   Dmitriy Sergeevich" = "Dmitry Sergeyevich PESKOV"), only with the same
//!   full birth date and a common nationality (when one record states no
//!   nationality: the same birth town, or the same regime and a common
//!   country); patronymics both records state must sound the same. Applied after the exact rules, so it names only the merges
//!   no other rule made.
//! - **Undated patronymic names** (`corroborate::undated_patronymic_name`):
//!   persons whose full names sound the same word for word, patronymic
//!   included ("Alexei Gennadyevich DYUMIN" = "DYUMIN, Alexey
//!   Gennadyevich"), where one record states no birth date (most UK
//!   records of the bundled snapshot), with a common country and the same
//!   regime; a sound that two records of one listing share is left alone.
//!   Applied last.
//! - **Conflicts**: a merge that would put two different UN reference
//!   numbers, two different IMO numbers or two different full birth dates
//!   (each side has some and they share none) into one party is refused and
//!   reported. A list's own citation (a UN reference number, a CSL row's
//!   OFAC record) is not refused for differing birth dates: the publisher
//!   states the party is the same, so the dates are what disagree; such
//!   merges are reported as disagreements.
//!
//! - **Published merges**: a record whose referents name other records (an
//!   OpenSanctions FollowTheMoney export, deduplicated by its publisher) is a
//!   party as published, never linked again: its users look up its ids.
//!
//! The merged entity's id is its canonical record's id: the UN record when
//! the cluster has one, else the first record in the fixed dataset order
//! ([`DATASET_ORDER`], then by dataset name and record id). Linking is
//! deterministic: the input order does not matter.
//!
//! ```
//! use interdict_link::link;
//! use interdict_model::{prop, Entity, Schema};
//!
//! let mut un = Entity::new("un_sc_sanctions", "KPe.001", Schema::Organization);
//! un.add(prop::NAME, "Korea Mining Development Trading Corporation");
//! un.add("unscId", "KPe.001");
//! let mut uk = Entity::new("gb_fcdo_sanctions", "DPR0157", Schema::Organization);
//! uk.add(prop::NAME, "KOREA MINING DEVELOPMENT TRADING CORPORATION");
//! uk.add("unscId", "KPe.001");
//! let linked = link(&[uk, un]);
//! assert_eq!(linked.parties.len(), 1);
//! assert_eq!(linked.parties[0].id, "un_sc_sanctions:KPe.001");
//! assert_eq!(
//!     linked.clusters[0].reasons[0].to_string(),
//!     "UK DPR0157 cites UN KPe.001"
//! );
//! ```

#![warn(missing_docs)]

mod cluster;
mod corroborate;
mod keys;
mod merge;
mod reason;
mod rules;

pub use reason::{dataset_label, Conflict, ConflictKind, MergeReason, Rule};

use interdict_model::Entity;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// The fixed order in which a cluster's records are ranked: the first
/// present gives the merged entity its id and its values come first.
/// Datasets not named here follow, by name.
pub const DATASET_ORDER: [&str; 6] = [
    "un_sc_sanctions",
    "us_ofac_sdn",
    "us_ofac_cons",
    "gb_fcdo_sanctions",
    "eu_fsf",
    "us_trade_csl",
];

/// One value of a merged entity and the records that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourcedValue {
    /// The property value as a list states it.
    pub value: String,
    /// Ids of the member records stating it, in member order.
    pub records: Vec<String>,
}

/// The records merged into one party and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cluster {
    /// Record ids, canonical record first, in the fixed dataset order.
    pub members: Vec<String>,
    /// The merges that joined the members (empty for a single record).
    pub reasons: Vec<MergeReason>,
    /// Per property, each value with the records stating it (only filled
    /// for clusters of several records: a single record states them all).
    pub sources: BTreeMap<String, Vec<SourcedValue>>,
}

impl Cluster {
    /// The records that state `value` under `property`.
    pub fn sources_of(&self, property: &str, value: &str) -> Vec<&str> {
        match self.sources.get(property) {
            Some(values) => values
                .iter()
                .filter(|v| v.value == value)
                .flat_map(|v| v.records.iter().map(String::as_str))
                .collect(),
            None if self.members.len() == 1 => self.members.iter().map(String::as_str).collect(),
            None => Vec::new(),
        }
    }
}

/// Counts for `interdict lists` and the benchmarks.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct LinkStats {
    /// Source records linked (every record of every loaded list).
    pub records: usize,
    /// Parties after linking (merged entities plus records left alone).
    pub parties: usize,
    /// Records that are in a cluster of two or more.
    pub merged_records: usize,
    /// Merges made by each rule (one per union of two clusters).
    pub merges_by_rule: BTreeMap<Rule, usize>,
    /// Merges refused by the conflict check.
    pub conflicts: usize,
    /// Cited merges whose records' birth dates differ.
    pub disagreements: usize,
    /// Records in the largest party.
    pub largest_cluster: usize,
}

/// The result of [`link`].
#[derive(Debug, Clone, Default)]
pub struct Linked {
    /// One merged entity per party, in the order of their canonical records.
    pub parties: Vec<Entity>,
    /// `clusters[i]` is how `parties[i]` was formed.
    pub clusters: Vec<Cluster>,
    /// Merges refused because they would join contradicting records.
    pub conflicts: Vec<Conflict>,
    /// Merges made on a list's own citation although the records' birth
    /// dates differ (kept for review; see the crate documentation).
    pub disagreements: Vec<Conflict>,
    /// The counts over all of the above.
    pub stats: LinkStats,
    by_referent: HashMap<String, usize>,
}

impl Linked {
    /// The index of the party that record (or referent) `id` belongs to.
    pub fn party_index(&self, id: &str) -> Option<usize> {
        self.by_referent.get(id).copied()
    }

    /// The cluster of the party that record (or referent) `id` belongs to
    /// (works after `parties` has been moved out, e.g. into an index).
    pub fn cluster_of(&self, id: &str) -> Option<&Cluster> {
        self.clusters.get(self.party_index(id)?)
    }

    /// The merged party holding record `id`, with its cluster.
    pub fn party_of(&self, id: &str) -> Option<(&Entity, &Cluster)> {
        let i = self.party_index(id)?;
        Some((self.parties.get(i)?, self.clusters.get(i)?))
    }
}

/// A record whose referents name other records was merged by its publisher
/// (an OpenSanctions FollowTheMoney export): its users look up its ids, so it
/// is a party as published and is not linked again.
fn merged_by_publisher(e: &Entity) -> bool {
    e.referents.iter().any(|r| *r != e.id)
}

/// Links `records` into parties. See the crate documentation for the rules.
pub fn link(records: &[Entity]) -> Linked {
    let (published, own): (Vec<&Entity>, Vec<&Entity>) =
        records.iter().partition(|e| merged_by_publisher(e));
    let ordered = merge::canonical_order(own);
    let edges = rules::candidate_edges(&ordered);
    let mut clusters = cluster::Closure::new(&ordered);
    let mut accepted = Vec::new();
    let mut conflicts = Vec::new();
    let mut disagreements = Vec::new();
    for edge in edges {
        let joined = if edge.rule == Rule::CorroboratedName {
            clusters.join_same_year(edge.a, edge.b)
        } else {
            clusters.join(edge.a, edge.b, edge.rule.is_citation())
        };
        match joined {
            cluster::Joined::Merged => accepted.push(edge),
            cluster::Joined::MergedDespite(kind, left, right) => {
                disagreements.push(reason::conflict(&ordered, &edge, kind, left, right));
                accepted.push(edge);
            }
            cluster::Joined::Already => {}
            cluster::Joined::Refused(kind, left, right) => {
                conflicts.push(reason::conflict(&ordered, &edge, kind, left, right));
            }
        }
    }
    let mut linked = merge::build(&ordered, &clusters, &accepted, conflicts, &published);
    linked.stats.disagreements = disagreements.len();
    linked.disagreements = disagreements;
    linked
}
