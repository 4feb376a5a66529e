//! Every served entity in yente's response shape, and the links between
//! them: FtM files keep all their entities (sanctions, ownerships, payments,
//! addresses), not only the parties the matcher indexes; bundled lists are
//! parties only and are read from the matcher. Owns referent → canonical id
//! resolution and the one-hop nesting of `/entities` and `/adjacent`.

use crate::ftm;
use interdict_match::Matcher;
use interdict_model::{prop, Entity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// One entity with yente's ten keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub id: String,
    #[serde(default)]
    pub caption: String,
    pub schema: String,
    #[serde(default)]
    pub properties: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub datasets: Vec<String>,
    #[serde(default)]
    pub referents: Vec<String>,
    #[serde(default)]
    pub target: bool,
    #[serde(default)]
    pub first_seen: Option<String>,
    #[serde(default)]
    pub last_seen: Option<String>,
    #[serde(default)]
    pub last_change: Option<String>,
}

/// Why a FtM file cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{path} line {line}: not a FollowTheMoney entity: {source}")]
    Json {
        path: String,
        line: usize,
        #[source]
        source: serde_json::Error,
    },
}

/// The loose FtM line: values may be numbers, ids may lack captions.
#[derive(Deserialize)]
struct Line {
    id: String,
    schema: String,
    #[serde(default)]
    caption: Option<String>,
    #[serde(default)]
    properties: BTreeMap<String, Vec<serde_json::Value>>,
    #[serde(default)]
    referents: Vec<String>,
    #[serde(default)]
    target: Option<bool>,
    #[serde(default)]
    first_seen: Option<String>,
    #[serde(default)]
    last_seen: Option<String>,
    #[serde(default)]
    last_change: Option<String>,
}

/// Reads a FtM JSON-lines file (plain or gzip) as records of `dataset`.
pub fn read_ftm_file(path: &std::path::Path, dataset: &str) -> Result<Vec<Record>, GraphError> {
    let shown = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|source| GraphError::Read {
        path: shown.clone(),
        source,
    })?;
    let text = if bytes.starts_with(&[0x1f, 0x8b]) {
        let mut out = String::new();
        std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut out)
            .map_err(|source| GraphError::Read {
                path: shown.clone(),
                source,
            })?;
        out
    } else {
        String::from_utf8_lossy(&bytes).into_owned()
    };
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let l: Line = serde_json::from_str(line).map_err(|source| GraphError::Json {
            path: shown.clone(),
            line: i + 1,
            source,
        })?;
        out.push(record_of_line(l, dataset));
    }
    Ok(out)
}

fn record_of_line(l: Line, dataset: &str) -> Record {
    let properties: BTreeMap<String, Vec<String>> = l
        .properties
        .into_iter()
        .map(|(k, v)| (k, v.into_iter().filter_map(value_text).collect()))
        .collect();
    let referents = if l.referents.is_empty() {
        vec![l.id.clone()]
    } else {
        l.referents
    };
    let mut r = Record {
        caption: l.caption.unwrap_or_default(),
        schema: l.schema,
        properties,
        // Served under the name it was loaded as, as yente's indexer does.
        datasets: vec![dataset.to_string()],
        referents,
        target: l.target.unwrap_or(false),
        first_seen: l.first_seen.as_deref().and_then(timestamp),
        last_seen: l.last_seen.as_deref().and_then(timestamp),
        last_change: l.last_change.as_deref().and_then(timestamp),
        id: l.id,
    };
    if r.caption.is_empty() {
        r.caption = caption_of(&r.schema, &r.properties, &r.id);
    }
    r
}

fn value_text(v: serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// `YYYY-MM-DDTHH:MM:SS`, the shape yente emits, from any ISO timestamp
/// or date (a date is its midnight).
pub fn timestamp(s: &str) -> Option<String> {
    let s = s.trim();
    let date = s.get(..10)?;
    let ok = date.len() == 10 && date.as_bytes()[4] == b'-' && date.as_bytes()[7] == b'-';
    if !ok {
        return None;
    }
    let time: String = s
        .get(11..19)
        .filter(|t| t.len() == 8 && t.as_bytes()[2] == b':')
        .unwrap_or("00:00:00")
        .to_string();
    Some(format!("{date}T{time}"))
}

/// FtM's caption: the first value of the first caption property the
/// entity has, else its id.
fn caption_of(schema: &str, properties: &BTreeMap<String, Vec<String>>, id: &str) -> String {
    let captions = ftm::schema(schema)
        .map(|s| s.caption.as_slice())
        .unwrap_or(&[]);
    captions
        .iter()
        .chain(std::iter::once(&prop::NAME.to_string()))
        .find_map(|p| properties.get(p.as_str()).and_then(|v| v.first()))
        .cloned()
        .unwrap_or_else(|| id.to_string())
}

/// A bundled list's party as a record, dated by its snapshot.
pub fn record_of_party(e: &Entity, snapshot_date: Option<&str>) -> Record {
    let seen = snapshot_date.and_then(timestamp);
    let first = e
        .first(prop::LISTING_DATE)
        .and_then(timestamp)
        .or(seen.clone());
    let changed = e
        .first(prop::MODIFIED_AT)
        .and_then(timestamp)
        .or(first.clone());
    Record {
        id: e.id.clone(),
        caption: e.caption().to_string(),
        schema: e.schema.to_string(),
        properties: e.properties.clone(),
        datasets: e.datasets.clone(),
        referents: e.referents.clone(),
        target: true,
        first_seen: first,
        last_seen: seen,
        last_change: changed,
    }
}

/// Where a served entity lives.
#[derive(Debug, Clone, Copy)]
enum Slot {
    Record(u32),
    Party,
}

/// All served entities and their links.
#[derive(Debug, Default)]
pub struct Graph {
    records: Vec<Record>,
    /// Ids of the bundled parties, in list order (their bodies are in the matcher).
    party_ids: Vec<String>,
    slots: HashMap<String, Slot>,
    /// Referent id → canonical id, where they differ.
    canonical: HashMap<String, String>,
    /// Entity id → records whose entity-typed properties name it.
    inbound: HashMap<String, Vec<u32>>,
    /// Dataset → snapshot date, to date bundled parties.
    snapshot_dates: HashMap<String, String>,
}

impl Graph {
    pub fn build(
        records: Vec<Record>,
        parties: Vec<(String, Vec<String>)>,
        snapshot_dates: HashMap<String, String>,
    ) -> Graph {
        let mut g = Graph {
            snapshot_dates,
            ..Graph::default()
        };
        for (id, referents) in parties {
            for r in referents.into_iter().filter(|r| *r != id) {
                g.canonical.insert(r, id.clone());
            }
            g.slots.insert(id.clone(), Slot::Party);
            g.party_ids.push(id);
        }
        for (i, r) in records.iter().enumerate() {
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            g.slots.insert(r.id.clone(), Slot::Record(i));
            for referent in r.referents.iter().filter(|x| **x != r.id) {
                g.canonical.insert(referent.clone(), r.id.clone());
            }
            for (p, values) in &r.properties {
                if ftm::entity_prop(&r.schema, p).is_none() {
                    continue;
                }
                for v in values {
                    let list = g.inbound.entry(v.clone()).or_default();
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
            }
        }
        g.records = records;
        g
    }

    pub fn len(&self) -> usize {
        self.records.len() + self.party_ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The canonical id a merged referent id now lives under.
    pub fn canonical_of(&self, id: &str) -> Option<&str> {
        self.canonical.get(id).map(String::as_str)
    }

    /// The entity `id` (canonical ids only).
    pub fn get(&self, matcher: &Matcher, id: &str) -> Option<Record> {
        match self.slots.get(id)? {
            Slot::Record(i) => self.records.get(*i as usize).cloned(),
            Slot::Party => matcher.get(id).map(|e| self.party_record(e)),
        }
    }

    fn party_record(&self, e: &Entity) -> Record {
        let date = e
            .datasets
            .first()
            .and_then(|d| self.snapshot_dates.get(d))
            .map(String::as_str);
        record_of_party(e, date)
    }

    /// Every entity in load order (file records first, then bundled parties).
    pub fn for_each(&self, matcher: &Matcher, mut f: impl FnMut(Record)) {
        for r in &self.records {
            f(r.clone());
        }
        for id in &self.party_ids {
            if let Some(e) = matcher.get(id) {
                f(self.party_record(e));
            }
        }
    }

    /// Like [`Graph::for_each`], but `keep` sees the caption and
    /// properties first, borrowed, so most entities are never copied.
    pub fn for_each_where(
        &self,
        matcher: &Matcher,
        keep: impl Fn(&str, &BTreeMap<String, Vec<String>>) -> bool,
        mut f: impl FnMut(Record),
    ) {
        for r in &self.records {
            if keep(&r.caption, &r.properties) {
                f(r.clone());
            }
        }
        for id in &self.party_ids {
            if let Some(e) = matcher.get(id) {
                if keep(e.caption(), &e.properties) {
                    f(self.party_record(e));
                }
            }
        }
    }

    /// Every file record in load order, borrowed (cheap filters first).
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    pub fn party_ids(&self) -> &[String] {
        &self.party_ids
    }

    /// The records that name `id` in an entity-typed property, in load order.
    fn referencing(&self, id: &str) -> impl Iterator<Item = (u32, &Record)> {
        self.inbound
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|&i| self.records.get(i as usize).map(|r| (i, r)))
    }

    fn order_of(&self, id: &str) -> usize {
        match self.slots.get(id) {
            Some(Slot::Record(i)) => *i as usize,
            _ => usize::MAX,
        }
    }
}

/// An entity and everything nested into it, as JSON.
pub type Nested = serde_json::Value;

/// One page of the entities directly adjacent to a root.
pub struct Adjacent {
    pub nested: Nested,
    pub total: usize,
}

/// Which first-hop entities a nesting considers.
pub struct Page {
    /// Only this property of the root (forward or reverse); None: all.
    pub prop: Option<String>,
    pub limit: usize,
    pub offset: usize,
}

impl Graph {
    /// The root with entities one hop away nested into its properties, and
    /// the other side of edge entities (a payment's beneficiary) nested into
    /// those; as yente's `get_nested_entity`.
    pub fn nest(&self, matcher: &Matcher, root: &Record, page: &Page) -> Adjacent {
        let first = self.first_hop(matcher, root, page.prop.as_deref());
        let total = first.len();
        let mut found: HashMap<String, Record> = HashMap::new();
        found.insert(root.id.clone(), root.clone());
        let mut inverted: HashMap<String, Vec<(String, String)>> = HashMap::new();
        let mut round: Vec<Record> = first
            .into_iter()
            .skip(page.offset)
            .take(page.limit)
            .collect();
        while !round.is_empty() {
            let mut next: Vec<String> = Vec::new();
            for adj in &round {
                found.insert(adj.id.clone(), adj.clone());
            }
            for adj in round {
                let edge = ftm::schema(&adj.schema).is_some_and(|s| s.edge);
                for (p, values) in &adj.properties {
                    let Some(info) = ftm::entity_prop(&adj.schema, p) else {
                        continue;
                    };
                    for v in values {
                        // Beyond an edge found from the root, not beyond a thing.
                        if edge && !found.contains_key(v) && !next.contains(v) {
                            next.push(v.clone());
                        }
                        if let Some((_, reverse)) = &info.reverse {
                            let list = inverted.entry(v.clone()).or_default();
                            let pair = (reverse.clone(), adj.id.clone());
                            if !list.contains(&pair) {
                                list.push(pair);
                            }
                        }
                    }
                }
            }
            round = next.iter().filter_map(|id| self.get(matcher, id)).collect();
        }
        let nested = nest_one(root, &found, &inverted, &[]);
        Adjacent { nested, total }
    }

    /// The first-hop neighbours of `root`, in load order.
    fn first_hop(&self, matcher: &Matcher, root: &Record, only: Option<&str>) -> Vec<Record> {
        let mut ids: Vec<String> = Vec::new();
        let wanted = only.and_then(|p| ftm::entity_prop(&root.schema, p));
        for (p, values) in &root.properties {
            if ftm::entity_prop(&root.schema, p).is_none() || only.is_some_and(|o| o != p) {
                continue;
            }
            ids.extend(values.iter().filter(|v| **v != root.id).cloned());
        }
        for (_, r) in self.referencing(&root.id) {
            let keep = match (only, wanted) {
                (None, _) => true,
                (Some(_), Some(info)) => info.reverse.as_ref().is_some_and(|(schema, name)| {
                    r.schema == *schema
                        && r.properties.get(name).is_some_and(|v| v.contains(&root.id))
                }),
                (Some(_), None) => false,
            };
            if keep && r.id != root.id {
                ids.push(r.id.clone());
            }
        }
        ids.sort_by_key(|id| self.order_of(id));
        ids.dedup();
        ids.iter().filter_map(|id| self.get(matcher, id)).collect()
    }
}

/// yente's `nest_entity`: reverse links only near the root, forward links
/// expanded where the target was retrieved, never back along the path.
fn nest_one(
    entity: &Record,
    found: &HashMap<String, Record>,
    inverted: &HashMap<String, Vec<(String, String)>>,
    path: &[&str],
) -> Nested {
    let mut next_path: Vec<&str> = path.to_vec();
    next_path.push(&entity.id);
    let mut props: BTreeMap<String, Vec<Nested>> = BTreeMap::new();
    if path.len() <= 1 {
        for (p, adj_id) in inverted.get(&entity.id).into_iter().flatten() {
            if path.contains(&adj_id.as_str()) {
                continue;
            }
            if let Some(adj) = found.get(adj_id) {
                props
                    .entry(p.clone())
                    .or_default()
                    .push(nest_one(adj, found, inverted, &next_path));
            }
        }
    }
    for (p, values) in &entity.properties {
        if ftm::entity_prop(&entity.schema, p).is_none() {
            continue;
        }
        let nested: Vec<Nested> = values
            .iter()
            .filter(|v| !path.contains(&v.as_str()))
            .filter_map(|v| found.get(v))
            .map(|adj| nest_one(adj, found, inverted, &next_path))
            .collect();
        if !nested.is_empty() {
            props.insert(p.clone(), nested);
        }
    }
    let mut value = serde_json::to_value(entity).unwrap_or_default();
    if let Some(obj) = value.get_mut("properties").and_then(|v| v.as_object_mut()) {
        for (p, list) in props {
            obj.insert(p, serde_json::Value::Array(list));
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_seconds_without_zone() {
        assert_eq!(
            timestamp("2024-05-03T10:11:12.123Z").as_deref(),
            Some("2024-05-03T10:11:12")
        );
        assert_eq!(
            timestamp("2024-05-03").as_deref(),
            Some("2024-05-03T00:00:00")
        );
        assert_eq!(timestamp("soon"), None);
    }
}
