//! `link-sample`: a seeded random sample for the blind audit of record
//! linking. Merged clusters (are all these records one party?) and
//! near-miss pairs (two records with the same normalised name that were NOT
//! merged: are they one party?) are written shuffled together, each item
//! with its records' full properties and nothing of how the linker decided
//! (no rule, no reason, no merged/not-merged mark), so a labeller judges
//! from the records alone. Which items are clusters is written to a
//! separate key file, read only when scoring the labels.

use anyhow::{Context, Result};
use interdict_link::Linked;
use interdict_model::rng::SplitMix64 as Rng;
use interdict_model::Entity;
use serde_json::json;
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::Path;

/// A name compared without case, punctuation or word order.
fn name_key(raw: &str) -> Option<String> {
    let n = interdict_names::normalize(raw);
    let mut words: Vec<&str> = n.split_whitespace().collect();
    if words.len() < 2 {
        return None;
    }
    words.sort_unstable();
    Some(words.join(" "))
}

fn record_json(e: &Entity) -> serde_json::Value {
    json!({
        "id": e.id,
        "dataset": e.datasets.first(),
        "schema": e.schema,
        "properties": e.properties,
    })
}

/// Pairs of records of different parties sharing a normalised name (and a
/// compatible schema), one pair per distinct pair of parties.
fn near_misses<'a>(records: &'a [Entity], linked: &Linked) -> Vec<(&'a Entity, &'a Entity)> {
    let mut by_name: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in records.iter().enumerate() {
        let mut keys: Vec<String> = e.names().filter_map(|(_, n)| name_key(n)).collect();
        keys.sort_unstable();
        keys.dedup();
        for k in keys {
            by_name.entry(k).or_default().push(i);
        }
    }
    let mut seen: HashMap<(usize, usize), ()> = HashMap::new();
    let mut out = Vec::new();
    for members in by_name.values().filter(|m| m.len() > 1 && m.len() <= 20) {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (a, b) = (&records[i], &records[j]);
                let (pa, pb) = (linked.party_index(&a.id), linked.party_index(&b.id));
                let (Some(pa), Some(pb)) = (pa, pb) else {
                    continue;
                };
                if pa == pb || !a.schema.is_compatible(b.schema) {
                    continue;
                }
                if seen.insert((pa.min(pb), pa.max(pb)), ()).is_none() {
                    out.push((a, b));
                }
            }
        }
    }
    out
}

/// Writes `n` clusters and `n` near-miss pairs, shuffled, to `out`, and
/// which is which to `out` with `.key.jsonl` in place of `.jsonl`.
pub fn run(out: &Path, n: usize, seed: u64) -> Result<()> {
    let records: Vec<Entity> = interdict_lists::load_bundled()
        .context("cannot load the bundled lists")?
        .into_iter()
        .flat_map(|s| s.entities)
        .collect();
    let linked = interdict_link::link(&records);
    let by_id: HashMap<&str, &Entity> = records.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut rng = Rng::new(seed);
    let mut clusters: Vec<&interdict_link::Cluster> = linked
        .clusters
        .iter()
        .filter(|c| c.members.len() > 1)
        .collect();
    rng.shuffle(&mut clusters);
    let mut pairs = near_misses(&records, &linked);
    rng.shuffle(&mut pairs);
    let mut items: Vec<(&str, Vec<&Entity>)> = Vec::new();
    for c in clusters.iter().take(n) {
        let recs = c
            .members
            .iter()
            .filter_map(|m| by_id.get(m.as_str()).copied());
        items.push(("cluster", recs.collect()));
    }
    for (a, b) in pairs.iter().take(n) {
        items.push(("near_miss", vec![*a, *b]));
    }
    rng.shuffle(&mut items);
    if let Some(dir) = out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let key_path = out.with_extension("key.jsonl");
    let mut sample = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut key = std::io::BufWriter::new(std::fs::File::create(&key_path)?);
    for (i, (kind, recs)) in items.iter().enumerate() {
        let item = format!("L{:04}", i + 1);
        let records: Vec<_> = recs.iter().map(|e| record_json(e)).collect();
        writeln!(sample, "{}", json!({"item": item, "records": records}))?;
        let ids: Vec<&str> = recs.iter().map(|e| e.id.as_str()).collect();
        writeln!(
            key,
            "{}",
            json!({"item": item, "kind": kind, "records": ids})
        )?;
    }
    sample.flush()?;
    key.flush()?;
    eprintln!(
        "{} items ({} clusters of {} merged, {} near-miss pairs of {}) written to {} (key: {})",
        items.len(),
        clusters.len().min(n),
        clusters.len(),
        pairs.len().min(n),
        pairs.len(),
        out.display(),
        key_path.display()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_without_order() {
        assert_eq!(name_key("KIM, Jong Un"), name_key("Jong Un Kim"));
        assert_eq!(name_key("Kim"), None);
    }
}
