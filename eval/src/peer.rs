//! The peer's scores: nomenklatura logic-v2 run by `eval/peer/run_peer.sh`
//! into a CSV of `set,key,score[,candidate]` (keys as in [`crate::sets`]),
//! plus the `<csv>.meta.json` with versions and the pair-scoring speed.
//! Rows with a `candidate` are ranked search results (best first) for the
//! query `key`; rows without are pair scores.

use anyhow::{bail, Context, Result};
use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

#[derive(Debug, Default)]
pub struct PeerScores {
    scores: HashMap<(String, usize), f64>,
    ranked: HashMap<(String, usize), Vec<(String, f64)>>,
    pub meta: Option<serde_json::Value>,
}

impl PeerScores {
    pub fn read(path: &Path) -> Result<PeerScores> {
        // Pair rows have 3 fields, ranked rows 4.
        let mut rdr = csv::ReaderBuilder::new()
            .flexible(true)
            .from_path(path)
            .with_context(|| format!("cannot open peer scores {}", path.display()))?;
        let mut scores = HashMap::new();
        let mut ranked: HashMap<(String, usize), Vec<(String, f64)>> = HashMap::new();
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
            let (Some(set), Some(key), Some(score)) = (rec.get(0), rec.get(1), rec.get(2)) else {
                bail!("{}: row {}: expected set,key,score", path.display(), i + 2);
            };
            let key: usize = key
                .parse()
                .with_context(|| format!("{}: row {}: bad key", path.display(), i + 2))?;
            let score: f64 = score
                .parse()
                .with_context(|| format!("{}: row {}: bad score", path.display(), i + 2))?;
            match rec.get(3).filter(|c| !c.is_empty()) {
                Some(candidate) => ranked
                    .entry((set.to_string(), key))
                    .or_default()
                    .push((candidate.to_string(), score)),
                None => {
                    scores.insert((set.to_string(), key), score);
                }
            }
        }
        let meta_path = format!("{}.meta.json", path.display());
        let meta = std::fs::read_to_string(&meta_path)
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok());
        Ok(PeerScores {
            scores,
            ranked,
            meta,
        })
    }

    pub fn get(&self, set: &str, key: usize) -> Option<f64> {
        self.scores.get(&(set.to_string(), key)).copied()
    }

    /// The peer's scores of `keys` in `set`, `None` where it has none.
    pub fn column(&self, set: &str, keys: impl Iterator<Item = usize>) -> Vec<Option<f64>> {
        keys.map(|k| self.get(set, k)).collect()
    }

    pub fn has_set(&self, set: &str) -> bool {
        self.scores
            .keys()
            .chain(self.ranked.keys())
            .any(|(s, _)| s == set)
    }

    /// The peer's ranked results for query `key` of a search set, best first.
    pub fn ranked(&self, set: &str, key: usize) -> &[(String, f64)] {
        self.ranked
            .get(&(set.to_string(), key))
            .map_or(&[], Vec::as_slice)
    }

    /// "nomenklatura 4.17.4, 1995 pairs/s" or what of it the metadata holds.
    pub fn describe(&self) -> String {
        let Some(m) = &self.meta else {
            return "logic-v2 (no metadata)".to_string();
        };
        let version = m["nomenklatura"].as_str().unwrap_or("?");
        match m["speed"]["pairs_per_second"].as_f64() {
            Some(pps) => {
                format!("nomenklatura {version} logic-v2, {pps:.0} pairs/s on this machine")
            }
            None => format!("nomenklatura {version} logic-v2"),
        }
    }
}

/// Runs the peer script (creates its virtualenv on first use). With
/// `un_entities` (FtM JSON lines of the UN list) it also ranks yente's UN
/// positives.
pub fn run_script(
    script: &Path,
    data: &Path,
    out: &Path,
    un_entities: Option<&Path>,
) -> Result<()> {
    eprintln!(
        "running the peer: {} (first run installs nomenklatura)",
        script.display()
    );
    let status = Command::new("bash")
        .arg(script)
        .arg("--data")
        .arg(data)
        .arg("--out")
        .arg(out)
        .args(
            un_entities
                .map(|p| ["--un-entities".as_ref(), p.as_os_str()])
                .into_iter()
                .flatten(),
        )
        .status()
        .with_context(|| format!("cannot run {}", script.display()))?;
    if !status.success() {
        bail!("{} failed: {status}", script.display());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_scores_and_metadata() {
        let dir = tempfile::tempdir().expect("dir");
        let csv_path = dir.path().join("peer.csv");
        let mut f = std::fs::File::create(&csv_path).expect("create");
        f.write_all(b"set,key,score,candidate\nname_bench,0,0.9286\ncross_script,8,0.0000,\nun_treated,3,0.91,un:KPi.1\nun_treated,3,0.55,un:KPi.2\n")
            .expect("write");
        std::fs::write(
            dir.path().join("peer.csv.meta.json"),
            r#"{"nomenklatura":"4.17.4","speed":{"pairs_per_second":1995.4}}"#,
        )
        .expect("meta");
        let p = PeerScores::read(&csv_path).expect("read");
        assert_eq!(p.get("name_bench", 0), Some(0.9286));
        assert_eq!(p.get("name_bench", 1), None);
        assert!(p.has_set("cross_script"));
        assert_eq!(
            p.column("cross_script", [8, 9].into_iter()),
            [Some(0.0), None]
        );
        assert_eq!(
            p.ranked("un_treated", 3),
            [
                ("un:KPi.1".to_string(), 0.91),
                ("un:KPi.2".to_string(), 0.55)
            ]
        );
        assert!(p.ranked("un_treated", 4).is_empty());
        assert!(p.has_set("un_treated"));
        assert!(p.describe().contains("4.17.4"));
        assert!(p.describe().contains("1995 pairs/s"));
    }

    #[test]
    fn rejects_a_malformed_row() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("peer.csv");
        std::fs::write(&path, "set,key,score\nname_bench,x,0.5\n").expect("write");
        assert!(PeerScores::read(&path).is_err());
    }
}
