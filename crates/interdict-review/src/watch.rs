//! The watched set: parties and the parties of open shipments, re-screened
//! when a list changes against the changed records only. Kept as files in
//! the store directory (`watch/`): the watched queries (JSON lines), the
//! current hits of each (`hits.json`, by list record id) and the reports of
//! the updates (`reports.jsonl`).
//!
//! A list update's delta is the records added, removed and changed (by id,
//! and by content within an id). Only those records are indexed and
//! searched; a watched party's other hits cannot have changed.

use crate::clock;
use crate::error::ReviewError;
use interdict_match::{MatchConfig, Matcher, Query};
use interdict_model::{prop, Entity};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

/// Watched id → list record id → score: the hits of every watched party
/// that has any.
pub type Hits = BTreeMap<String, BTreeMap<String, f64>>;

/// One hit as a watched query found it.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// The list record hit.
    pub record: String,
    /// Its caption (the listed name).
    pub caption: String,
    /// The match score.
    pub score: f64,
}

/// What one list update changed: the records as they are now, and the ids
/// removed.
#[derive(Debug, Clone, Default)]
pub struct Delta {
    /// The dataset updated.
    pub dataset: String,
    /// The snapshot date of the new version.
    pub snapshot_date: String,
    /// Records new in this version.
    pub added: Vec<Entity>,
    /// Changed records with the properties that changed.
    pub changed: Vec<(Entity, Vec<String>)>,
    /// Ids of the records no longer listed.
    pub removed: Vec<String>,
}

/// A hit in a watch report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WatchHit {
    /// The watched party's id.
    pub watched: String,
    /// The watched party's name.
    pub name: String,
    /// The list record hit.
    pub listed: String,
    /// Its caption (empty when the record left the list).
    pub caption: String,
    /// The match score (none when the record left the list).
    pub score: Option<f64>,
    /// What happened, in words (the properties that changed, or why it is
    /// gone).
    pub detail: String,
}

/// What a list update meant for the watched set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WatchReport {
    /// The dataset updated.
    pub dataset: String,
    /// The snapshot date of the new version.
    pub snapshot_date: String,
    /// When the report was made (RFC 3339, UTC).
    pub at: String,
    /// How many parties are watched.
    pub watched: usize,
    /// Records added, removed, changed.
    pub delta: [usize; 3],
    /// Hits that are new: a watched party now matches a record.
    pub new: Vec<WatchHit>,
    /// Hits on records whose listing changed.
    pub changed: Vec<WatchHit>,
    /// Hits gone: the record left the list or no longer matches.
    pub gone: Vec<WatchHit>,
}

/// The watch files of a store.
pub struct WatchDir {
    dir: PathBuf,
}

impl WatchDir {
    /// The watch files under `store_root` (its `watch/` directory).
    pub fn new(store_root: &Path) -> WatchDir {
        WatchDir {
            dir: store_root.join("watch"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    /// Whether anything is watched.
    pub fn exists(&self) -> bool {
        self.path("watched.jsonl").is_file()
    }

    /// The watched queries.
    pub fn load(&self) -> Result<Vec<Query>, ReviewError> {
        let path = self.path("watched.jsonl");
        if !path.is_file() {
            return Ok(Vec::new());
        }
        let file = std::fs::File::open(&path).map_err(|e| io(&path, e))?;
        let mut out = Vec::new();
        for (i, line) in BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| io(&path, e))?;
            let q = Query::from_json(&line).map_err(|e| ReviewError::Corrupt {
                what: format!("{} line {}", path.display(), i + 1),
                message: e.to_string(),
            })?;
            out.push(q);
        }
        Ok(out)
    }

    /// Adds `queries` (a query whose id is already watched replaces it) with
    /// their current hits; returns how many are watched now.
    pub fn add(&self, queries: Vec<Query>, found: &[Vec<Found>]) -> Result<usize, ReviewError> {
        let mut all: BTreeMap<String, Query> = self
            .load()?
            .into_iter()
            .map(|q| (q.id.clone(), q))
            .collect();
        let mut hits = self.hits()?;
        for (q, f) in queries.into_iter().zip(found) {
            hits.remove(&q.id);
            if !f.is_empty() {
                hits.insert(
                    q.id.clone(),
                    f.iter().map(|h| (h.record.clone(), h.score)).collect(),
                );
            }
            all.insert(q.id.clone(), q);
        }
        let mut text = String::new();
        for q in all.values() {
            let line = serde_json::to_string(q)
                .map_err(|e| ReviewError::invalid("query", e.to_string()))?;
            text.push_str(&line);
            text.push('\n');
        }
        self.write("watched.jsonl", text.as_bytes())?;
        self.save_hits(&hits)?;
        Ok(all.len())
    }

    /// The stored hits of the watched set (none before the first `watch add`).
    pub fn hits(&self) -> Result<Hits, ReviewError> {
        let path = self.path("hits.json");
        match std::fs::read(&path) {
            Ok(raw) => serde_json::from_slice(&raw).map_err(|e| ReviewError::Corrupt {
                what: path.display().to_string(),
                message: e.to_string(),
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Hits::new()),
            Err(e) => Err(io(&path, e)),
        }
    }

    /// Stores the hits of the watched set.
    pub fn save_hits(&self, hits: &Hits) -> Result<(), ReviewError> {
        let raw =
            serde_json::to_vec(hits).map_err(|e| ReviewError::invalid("hits", e.to_string()))?;
        self.write("hits.json", &raw)
    }

    /// Appends the report of one update.
    pub fn save_report(&self, report: &WatchReport) -> Result<(), ReviewError> {
        let path = self.path("reports.jsonl");
        let line = serde_json::to_string(report)
            .map_err(|e| ReviewError::invalid("report", e.to_string()))?;
        let mut f = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&path)
            .map_err(|e| io(&path, e))?;
        writeln!(f, "{line}").map_err(|e| io(&path, e))?;
        f.sync_all().map_err(|e| io(&path, e))
    }

    /// Every update's report, oldest first.
    pub fn reports(&self) -> Result<Vec<WatchReport>, ReviewError> {
        let path = self.path("reports.jsonl");
        let raw = match std::fs::read_to_string(&path) {
            Ok(raw) => raw,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(io(&path, e)),
        };
        raw.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                serde_json::from_str(l).map_err(|e| ReviewError::Corrupt {
                    what: path.display().to_string(),
                    message: e.to_string(),
                })
            })
            .collect()
    }

    /// Writes through a temporary file and a rename: readers see the old
    /// or the new file, never a part.
    fn write(&self, name: &str, bytes: &[u8]) -> Result<(), ReviewError> {
        std::fs::create_dir_all(&self.dir).map_err(|e| io(&self.dir, e))?;
        let path = self.path(name);
        let tmp = self.path(&format!(".{name}.tmp-{}", std::process::id()));
        let write = || -> std::io::Result<()> {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| io(&path, e))
    }
}

fn io(path: &Path, source: std::io::Error) -> ReviewError {
    ReviewError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// The queries of one line of a watch file: a party, in the shape of
/// `interdict match --input`, or a shipment, in the shape of `interdict
/// screen`, whose parties are watched as `<shipment id>/<role>`.
pub fn watch_queries(line: &str, line_no: usize) -> Result<Vec<Query>, ReviewError> {
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| ReviewError::invalid(&format!("line {line_no}"), e.to_string()))?;
    if value.get("parties").is_some() {
        let shipment = interdict_screen::parse_jsonl_line(line, line_no)
            .map_err(|e| ReviewError::invalid(&format!("line {line_no}"), e.to_string()))?;
        return Ok(shipment
            .parties
            .iter()
            .map(|p| {
                let mut q = interdict_engine::party_query(p);
                q.id = format!("{}/{}", shipment.id, p.role.as_str());
                q
            })
            .collect());
    }
    let mut q = Query::from_json(line)
        .map_err(|e| ReviewError::invalid(&format!("line {line_no}"), e.to_string()))?;
    if q.id.is_empty() {
        q.id = format!("line {line_no}");
    }
    q.validate()
        .map_err(|e| ReviewError::invalid(&format!("line {line_no}"), e.to_string()))?;
    Ok(vec![q])
}

/// The hits of each query that are matches, in `matcher`.
pub fn screen_all(matcher: &Matcher, queries: &[Query], config: &MatchConfig) -> Vec<Vec<Found>> {
    queries
        .par_iter()
        .map(|q| {
            matcher
                .search(q, config)
                .into_iter()
                .filter(|r| r.is_match)
                .map(|r| Found {
                    record: r.id,
                    caption: r.caption,
                    score: r.score,
                })
                .collect()
        })
        .collect()
}

/// Re-screens `watched` against the records of `delta` only, updates `hits`
/// and says what is new, what changed and what is gone.
pub fn rescreen(
    watched: &[Query],
    delta: &Delta,
    hits: &mut Hits,
    config: &MatchConfig,
) -> WatchReport {
    let mut indexed: Vec<Entity> = delta.added.clone();
    indexed.extend(delta.changed.iter().map(|(e, _)| e.clone()));
    let matcher = Matcher::build(indexed);
    let found = screen_all(&matcher, watched, config);
    let added: BTreeSet<&str> = delta.added.iter().map(|e| e.id.as_str()).collect();
    let changed: HashMap<&str, &Vec<String>> = delta
        .changed
        .iter()
        .map(|(e, p)| (e.id.as_str(), p))
        .collect();
    let removed: BTreeSet<&str> = delta.removed.iter().map(String::as_str).collect();
    let mut report = WatchReport {
        dataset: delta.dataset.clone(),
        snapshot_date: delta.snapshot_date.clone(),
        at: clock::now_rfc3339(),
        watched: watched.len(),
        delta: [delta.added.len(), delta.removed.len(), delta.changed.len()],
        new: Vec::new(),
        changed: Vec::new(),
        gone: Vec::new(),
    };
    for (q, found) in watched.iter().zip(&found) {
        let name = q.get(prop::NAME).first().cloned().unwrap_or_default();
        let prior = hits.remove(&q.id).unwrap_or_default();
        let mut now = prior.clone();
        let hit = |f: &Found, detail: String| WatchHit {
            watched: q.id.clone(),
            name: name.clone(),
            listed: f.record.clone(),
            caption: f.caption.clone(),
            score: Some(f.score),
            detail,
        };
        for f in found {
            match (
                prior.contains_key(&f.record),
                changed.get(f.record.as_str()),
            ) {
                (true, Some(props)) => report.changed.push(hit(
                    f,
                    format!("listed record changed: {}", props.join(", ")),
                )),
                (false, _) if added.contains(f.record.as_str()) => {
                    report.new.push(hit(f, "added to the list".into()))
                }
                (false, Some(props)) => report.new.push(hit(
                    f,
                    format!("matches after a change: {}", props.join(", ")),
                )),
                _ => {}
            }
            now.insert(f.record.clone(), f.score);
        }
        for record in prior.keys() {
            let gone = if removed.contains(record.as_str()) {
                Some("removed from the list".to_string())
            } else if let Some(props) = changed.get(record.as_str()) {
                (!found.iter().any(|f| &f.record == record))
                    .then(|| format!("no longer matches after a change: {}", props.join(", ")))
            } else {
                None
            };
            if let Some(detail) = gone {
                now.remove(record);
                report.gone.push(WatchHit {
                    watched: q.id.clone(),
                    name: name.clone(),
                    listed: record.clone(),
                    caption: String::new(),
                    score: None,
                    detail,
                });
            }
        }
        if !now.is_empty() {
            hits.insert(q.id.clone(), now);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::Schema;

    fn person(id: &str, name: &str, birth: &str) -> Entity {
        let mut e = Entity::new("un_sc_sanctions", id, Schema::Person);
        e.add(prop::NAME, name);
        e.add(prop::BIRTH_DATE, birth);
        e
    }

    fn query(id: &str, name: &str) -> Query {
        Query::new(id, Schema::Person, name)
    }

    #[test]
    fn new_changed_and_gone_hits() {
        let config = MatchConfig::default();
        let watched = vec![
            query("w1", "Pak Chol Su"),
            query("w2", "Ri Song Hyok"),
            query("w3", "Jane Doe"),
        ];
        let mut hits = Hits::new();
        hits.insert(
            "w2".into(),
            [("un_sc_sanctions:KPi.2".to_string(), 0.95)].into(),
        );
        hits.insert(
            "w3".into(),
            [("un_sc_sanctions:KPi.9".to_string(), 0.9)].into(),
        );
        let delta = Delta {
            dataset: "un_sc_sanctions".into(),
            snapshot_date: "2026-12-01".into(),
            added: vec![person("KPi.1", "PAK CHOL SU", "1960")],
            changed: vec![(
                person("KPi.2", "RI SONG HYOK", "1965"),
                vec!["birthDate".into()],
            )],
            removed: vec!["un_sc_sanctions:KPi.9".into()],
        };
        let r = rescreen(&watched, &delta, &mut hits, &config);
        assert_eq!(r.new.len(), 1, "{r:?}");
        assert_eq!(
            (r.new[0].watched.as_str(), r.new[0].listed.as_str()),
            ("w1", "un_sc_sanctions:KPi.1")
        );
        assert_eq!(r.changed.len(), 1);
        assert!(r.changed[0].detail.contains("birthDate"));
        assert_eq!(r.gone.len(), 1);
        assert_eq!(
            (r.gone[0].watched.as_str(), r.gone[0].detail.as_str()),
            ("w3", "removed from the list")
        );
        assert!(hits.contains_key("w1") && hits.contains_key("w2") && !hits.contains_key("w3"));
    }

    #[test]
    fn shipments_are_watched_by_their_parties() {
        let line = r#"{"id":"S1","date":"2026-05-01","declared_destination":"kp","parties":[{"role":"consignee","name":"Korea Ryonbong General Corporation"},{"role":"exporter","name":"Acme Ltd","country":"cn"}],"goods":[{"description":"rice"}]}"#;
        let qs = watch_queries(line, 1).expect("a shipment");
        let ids: Vec<&str> = qs.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["S1/consignee", "S1/exporter"]);
        assert_eq!(qs[1].get(prop::COUNTRY), ["cn"]);
        let qs = watch_queries(r#"{"schema":"Person","properties":{"name":["Kim"]}}"#, 7)
            .expect("a party");
        assert_eq!(qs[0].id, "line 7");
        assert!(watch_queries("{not json", 3).is_err_and(|e| e.to_string().contains("line 3")));
    }

    #[test]
    fn the_watched_set_and_its_hits_persist() {
        let dir = tempfile::tempdir().expect("temp dir");
        let w = WatchDir::new(dir.path());
        assert!(!w.exists());
        let found = vec![
            vec![Found {
                record: "x:1".into(),
                caption: "X".into(),
                score: 0.9,
            }],
            vec![],
        ];
        let n = w
            .add(vec![query("a", "A B"), query("b", "C D")], &found)
            .expect("add");
        assert_eq!(n, 2);
        assert_eq!(
            w.add(vec![query("a", "A B C")], &[vec![]]).expect("re-add"),
            2
        );
        assert_eq!(w.load().expect("load").len(), 2);
        assert!(
            w.hits().expect("hits").is_empty(),
            "a re-added query takes its new hits"
        );
    }
}
