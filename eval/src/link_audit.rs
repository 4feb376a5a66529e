//! `link-audit`: re-scores the blind link audit (`eval/link/labels.jsonl`)
//! against the current linker. For every labelled item it asks whether the
//! linker now puts all the item's records in one party, then reports, per
//! part, merge precision (merged items labelled same / merged items) and
//! recall (labelled-same items merged / labelled-same items). Only the dev
//! part's misses may be listed; the holdout part is counted, never shown.

use anyhow::{Context, Result};
use interdict_link::Linked;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

#[derive(Deserialize)]
struct KeyLine {
    item: String,
    kind: String,
    records: Vec<String>,
}

#[derive(Deserialize)]
struct LabelLine {
    item: String,
    same: serde_json::Value,
    part: String,
}

/// Counts for one part of the audit.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Tally {
    /// Items whose records the linker merges into one party.
    pub merged: usize,
    /// Of those, labelled the same party.
    pub merged_same: usize,
    /// Items labelled the same party.
    pub same: usize,
    /// Near-miss items (not merged when the sample was drawn).
    pub near_misses: usize,
    /// Of those, labelled the same party and still not merged.
    pub still_missed: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.merged_same, self.merged)
    }

    pub fn recall(&self) -> f64 {
        ratio(self.merged_same, self.same)
    }

    /// The audit's recall estimate: the linker's merged links against
    /// them plus the still-missed share of the near misses scaled to the
    /// whole pool of `pool` near misses the sample was drawn from.
    pub fn estimated_recall(&self, merged_links: usize, pool: usize) -> f64 {
        let missed = ratio(self.still_missed, self.near_misses) * pool as f64;
        merged_links as f64 / (merged_links as f64 + missed)
    }

    fn add(&mut self, merged: bool, same: bool) {
        self.merged += usize::from(merged);
        self.same += usize::from(same);
        self.merged_same += usize::from(merged && same);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Whether all the records are in one party of `linked`.
fn all_merged(linked: &Linked, records: &[String]) -> bool {
    let mut parties = records.iter().map(|r| linked.party_index(r));
    match parties.next() {
        Some(Some(first)) => parties.all(|p| p == Some(first)),
        _ => false,
    }
}

fn read_jsonl<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<Vec<T>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    text.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).with_context(|| format!("{}: {l}", path.display())))
        .collect()
}

/// Tallies per part, and the dev part's errors.
type Scored = (Vec<(String, Tally)>, Vec<String>);

/// Tallies per part (`dev`, `holdout`) and, for the dev part only, the
/// items the linker gets wrong (labelled same but not merged, or merged but
/// labelled different). Items labelled `unsure` are left out.
pub fn score(linked: &Linked, key: &Path, labels: &Path) -> Result<Scored> {
    let keys: HashMap<String, (String, Vec<String>)> = read_jsonl::<KeyLine>(key)?
        .into_iter()
        .map(|k| (k.item, (k.kind, k.records)))
        .collect();
    let mut parts: Vec<(String, Tally)> = Vec::new();
    let mut dev_errors = Vec::new();
    for label in read_jsonl::<LabelLine>(labels)? {
        let Some(same) = label.same.as_bool() else {
            continue;
        };
        let (kind, records) = keys
            .get(&label.item)
            .with_context(|| format!("{} is not in the key", label.item))?;
        let merged = all_merged(linked, records);
        let at = match parts.iter().position(|(p, _)| *p == label.part) {
            Some(at) => at,
            None => {
                parts.push((label.part.clone(), Tally::default()));
                parts.len() - 1
            }
        };
        parts[at].1.add(merged, same);
        if kind == "near_miss" {
            parts[at].1.near_misses += 1;
            parts[at].1.still_missed += usize::from(same && !merged);
        }
        if label.part == "dev" && merged != same {
            let what = if same { "missed" } else { "WRONG MERGE" };
            dev_errors.push(format!("{} {what}: {}", label.item, records.join(" + ")));
        }
    }
    Ok((parts, dev_errors))
}

/// Near-miss pairs in the pool the audit sample was drawn from.
const NEAR_MISS_POOL: usize = 2_848;

/// Writes every party of more than one record as a JSON line: its
/// members, their source records and the merge reasons, for auditing what
/// a linker change merges.
fn write_parties(linked: &Linked, records: &[interdict_model::Entity], path: &Path) -> Result<()> {
    let by_id: HashMap<&str, &interdict_model::Entity> =
        records.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut out = String::new();
    for c in linked.clusters.iter().filter(|c| c.members.len() > 1) {
        let reasons: Vec<String> = c.reasons.iter().map(|r| r.to_string()).collect();
        let sources: Vec<_> = c
            .members
            .iter()
            .filter_map(|m| by_id.get(m.as_str()))
            .collect();
        // `merges` is each reason as data (rule, the two records, the shared
        // value), so that the merges of one rule can be drawn for an audit.
        let line = serde_json::json!({
            "members": c.members,
            "reasons": reasons,
            "merges": c.reasons,
            "records": sources,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))
}

pub fn run(dir: &Path, show_errors: bool, parties: Option<&Path>) -> Result<()> {
    let records: Vec<interdict_model::Entity> = interdict_lists::load_bundled()
        .context("cannot load the bundled lists")?
        .into_iter()
        .flat_map(|s| s.entities)
        .collect();
    let linked = interdict_link::link(&records);
    if let Some(path) = parties {
        write_parties(&linked, &records, path)?;
    }
    let (parts, dev_errors) = score(
        &linked,
        &dir.join("sample.key.jsonl"),
        &dir.join("labels.jsonl"),
    )?;
    println!(
        "linker: {} records -> {} parties",
        linked.stats.records, linked.stats.parties
    );
    let links = linked.stats.records - linked.stats.parties;
    println!(
        "| part | merged items labelled same | precision | labelled-same items merged | recall \
         | near misses labelled same, still not merged | estimated recall |"
    );
    println!("|---|---|---|---|---|---|---|");
    let mut all = Tally::default();
    for (part, t) in &parts {
        println!(
            "| {part} | {} / {} | {:.3} | {} / {} | {:.3} | {} / {} | {:.3} |",
            t.merged_same,
            t.merged,
            t.precision(),
            t.merged_same,
            t.same,
            t.recall(),
            t.still_missed,
            t.near_misses,
            t.estimated_recall(links, NEAR_MISS_POOL)
        );
        all.merged += t.merged;
        all.merged_same += t.merged_same;
        all.same += t.same;
        all.near_misses += t.near_misses;
        all.still_missed += t.still_missed;
    }
    println!(
        "| all | {} / {} | {:.3} | {} / {} | {:.3} | {} / {} | {:.3} |",
        all.merged_same,
        all.merged,
        all.precision(),
        all.merged_same,
        all.same,
        all.recall(),
        all.still_missed,
        all.near_misses,
        all.estimated_recall(links, NEAR_MISS_POOL)
    );
    if show_errors {
        for e in &dev_errors {
            println!("{e}");
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn precision_and_recall_count_only_merged_and_same_items() {
        let mut t = Tally::default();
        t.add(true, true);
        t.add(true, false);
        t.add(false, true);
        t.add(false, false);
        assert_eq!((t.merged, t.merged_same, t.same), (2, 1, 2));
        assert!((t.precision() - 0.5).abs() < 1e-9);
        assert!((t.recall() - 0.5).abs() < 1e-9);
    }
}
