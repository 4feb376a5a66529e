//! From clusters of records to merged entities: the canonical order, the
//! merged entity (id, schema, datasets, referents, properties) and the side
//! table of each value's sources.

use crate::cluster::Closure;
use crate::reason::{self, Conflict, MergeReason};
use crate::rules::Edge;
use crate::{Cluster, LinkStats, Linked, SourcedValue, DATASET_ORDER};
use interdict_model::{Entity, Schema};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// The rank of a dataset in [`DATASET_ORDER`] (unknown ones after).
fn rank(dataset: &str) -> usize {
    DATASET_ORDER
        .iter()
        .position(|d| *d == dataset)
        .unwrap_or(DATASET_ORDER.len())
}

/// The records sorted by dataset rank, dataset name and id: the order every
/// later step works in, whatever the input order.
pub(crate) fn canonical_order<'a>(
    records: impl IntoIterator<Item = &'a Entity>,
) -> Vec<&'a Entity> {
    fn dataset(e: &Entity) -> &str {
        e.datasets
            .first()
            .map(String::as_str)
            .unwrap_or_else(|| e.id.split_once(':').map_or("", |(d, _)| d))
    }
    let mut keyed: Vec<(usize, &str, &Entity)> = records
        .into_iter()
        .map(|e| (rank(dataset(e)), dataset(e), e))
        .collect();
    keyed.sort_unstable_by(|a, b| (a.0, a.1, &a.2.id).cmp(&(b.0, b.1, &b.2.id)));
    keyed.into_iter().map(|(_, _, e)| e).collect()
}

/// The merged entity's schema: the canonical record's, unless it only says
/// `LegalEntity` and another record is more specific.
fn schema(members: &[&Entity]) -> Schema {
    let first = members[0].schema;
    if first != Schema::LegalEntity {
        return first;
    }
    members
        .iter()
        .map(|e| e.schema)
        .find(|s| *s != Schema::LegalEntity)
        .unwrap_or(first)
}

fn push_unique(into: &mut Vec<String>, values: &[String]) {
    for v in values {
        if !into.contains(v) {
            into.push(v.clone());
        }
    }
}

/// One merged entity and its value sources.
fn merge_members(members: &[&Entity]) -> (Entity, BTreeMap<String, Vec<SourcedValue>>) {
    let first = members[0];
    let mut merged = Entity {
        id: first.id.clone(),
        schema: schema(members),
        properties: BTreeMap::new(),
        datasets: Vec::new(),
        referents: Vec::new(),
    };
    let mut sources: BTreeMap<String, Vec<SourcedValue>> = BTreeMap::new();
    for e in members {
        push_unique(&mut merged.datasets, &e.datasets);
        push_unique(&mut merged.referents, &e.referents);
        if !merged.referents.contains(&e.id) {
            merged.referents.push(e.id.clone());
        }
        for (property, values) in &e.properties {
            if !sources.contains_key(property) {
                sources.insert(property.clone(), Vec::new());
            }
            let Some(side) = sources.get_mut(property) else {
                continue;
            };
            for v in values {
                match side.iter_mut().find(|s| &s.value == v) {
                    Some(s) => s.records.push(e.id.clone()),
                    None => side.push(SourcedValue {
                        value: v.clone(),
                        records: vec![e.id.clone()],
                    }),
                }
            }
        }
    }
    // Every value once, in the order first stated (canonical record first).
    for (property, side) in &sources {
        merged.properties.insert(
            property.clone(),
            side.iter().map(|s| s.value.clone()).collect(),
        );
    }
    (merged, sources)
}

/// The merged entities, their clusters and the statistics; `published`
/// (entities their publisher already merged) follow as parties of their own.
pub(crate) fn build(
    records: &[&Entity],
    closure: &Closure,
    accepted: &[Edge],
    conflicts: Vec<Conflict>,
    published: &[&Entity],
) -> Linked {
    // Roots are each cluster's first record, so walking records in order
    // creates clusters in the order of their canonical records.
    let mut slot: HashMap<usize, usize> = HashMap::new();
    let mut groups: Vec<Vec<&Entity>> = Vec::new();
    let mut of_record = Vec::with_capacity(records.len());
    for (i, e) in records.iter().enumerate() {
        let root = closure.root(i);
        let k = *slot.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[k].push(e);
        of_record.push(k);
    }
    let mut reasons: Vec<Vec<_>> = vec![Vec::new(); groups.len()];
    let mut stats = LinkStats {
        records: records.len() + published.len(),
        parties: groups.len() + published.len(),
        conflicts: conflicts.len(),
        ..LinkStats::default()
    };
    for edge in accepted {
        reasons[of_record[edge.a]].push(reason::reason(records, edge));
        *stats.merges_by_rule.entry(edge.rule).or_default() += 1;
    }
    let mut linked = Linked {
        conflicts,
        ..Linked::default()
    };
    // Merging copies every record once: independent per party, so it runs
    // on every core (in order, so party indices do not depend on threads).
    let merged: Vec<_> = groups.par_iter().map(|m| party_of(m)).collect();
    for ((members, reasons), party) in groups.iter().zip(reasons).zip(merged) {
        push_party(&mut linked, &mut stats, members, reasons, party);
    }
    for e in published {
        push_party(&mut linked, &mut stats, &[e], Vec::new(), party_of(&[e]));
    }
    linked.stats = stats;
    linked
}

/// The merged entity of a party's members, with each value's sources (none
/// for a single record: it states them all).
fn party_of(members: &[&Entity]) -> (Entity, BTreeMap<String, Vec<SourcedValue>>) {
    match members {
        [one] => ((*one).clone(), BTreeMap::new()),
        _ => merge_members(members),
    }
}

/// Adds one party: its merged entity, its cluster and the ids it answers to.
fn push_party(
    linked: &mut Linked,
    stats: &mut LinkStats,
    members: &[&Entity],
    reasons: Vec<MergeReason>,
    (entity, sources): (Entity, BTreeMap<String, Vec<SourcedValue>>),
) {
    stats.largest_cluster = stats.largest_cluster.max(members.len());
    if members.len() > 1 {
        stats.merged_records += members.len();
    }
    let index = linked.parties.len();
    for r in &entity.referents {
        linked.by_referent.insert(r.clone(), index);
    }
    for m in members.iter().filter(|m| !entity.referents.contains(&m.id)) {
        linked.by_referent.insert(m.id.clone(), index);
    }
    linked.clusters.push(Cluster {
        members: members.iter().map(|e| e.id.clone()).collect(),
        reasons,
        sources,
    });
    linked.parties.push(entity);
}
