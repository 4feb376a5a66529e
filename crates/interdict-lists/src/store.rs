//! The snapshot store: updated snapshots on disk, one directory per dataset,
//! and the verified, atomic update that fills it.
//!
//! Layout of `<root>/<dataset>/`:
//! - `<version>/data/...`: the snapshot's file(s) as fetched or copied, and
//!   `<version>/meta.json` ([`SnapshotMeta`]);
//! - `current`, `previous`: one-line pointer files naming a version.
//!
//! An update writes a new version directory, parses it fully, checks the
//! record count, and only then replaces `current` by writing a temporary
//! pointer file and renaming it over `current` (atomic on POSIX file
//! systems); the replaced version is kept as `previous`. A failed update
//! removes its own version directory and touches nothing else.
//! Owns the layout and the update; parsing is the catalogue's.

use crate::catalogue::{self, catalogue, parse_snapshot};
use crate::dates;
use crate::diff::{diff, SnapshotDiff};
use crate::error::ListError;
use crate::failpoints::hit;
use crate::snapshot::Snapshot;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Largest download accepted (the biggest official lists are ~100 MB).
const MAX_DOWNLOAD: u64 = 512 * 1024 * 1024;

/// How long a download may take by default, end to end.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(300);

/// How an update is checked.
#[derive(Debug, Clone, PartialEq)]
pub struct UpdateOptions {
    /// The largest share of records the new snapshot may lose (0.10 = 10%).
    pub max_drop: f64,
    /// The SHA-256 the publisher states for the file (hex), if any: another
    /// file is refused before it is parsed.
    pub sha256: Option<String>,
    /// How long the download may take, end to end (a stalled server fails
    /// the update when it runs out).
    pub timeout: Duration,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        UpdateOptions {
            max_drop: crate::DEFAULT_MAX_DROP,
            sha256: None,
            timeout: DEFAULT_TIMEOUT,
        }
    }
}

/// A directory of updated snapshots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    root: PathBuf,
}

/// What the store records about a stored snapshot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotMeta {
    /// Catalogue name of the dataset (e.g. `un_sc_sanctions`).
    pub dataset: String,
    /// The URL or path it was taken from.
    pub source: String,
    /// Day it was stored (UTC).
    pub fetched: String,
    /// Source records, as parsed when stored.
    pub total: usize,
    /// Path of the snapshot relative to its version directory.
    pub path: String,
}

/// A stored snapshot: its version, where its data is, and its metadata.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredSnapshot {
    /// Name of its version directory in the store (`v<nanoseconds>-<pid>`).
    pub version: String,
    /// The file or directory to hand to [`parse_snapshot`].
    pub path: PathBuf,
    /// What the store recorded when it stored the snapshot (`meta.json`).
    pub meta: SnapshotMeta,
}

/// What an accepted update did.
#[derive(Debug, Clone, Serialize)]
pub struct UpdateReport {
    /// Catalogue name of the updated dataset.
    pub dataset: String,
    /// The URL or path the new snapshot was taken from.
    pub source: String,
    /// The new current version.
    pub version: String,
    /// Where its data now lives.
    pub path: PathBuf,
    /// Records before (store's current, else the bundled snapshot), if any.
    pub old_total: Option<usize>,
    /// Records in the new snapshot.
    pub new_total: usize,
    /// Date of the new snapshot (as stated in it, else the day it was fetched).
    pub snapshot_date: String,
    /// Changes against the snapshot it replaced, if there was one.
    pub diff: Option<SnapshotDiff>,
}

impl Store {
    /// A store rooted at `root` (created on first update).
    pub fn new(root: impl Into<PathBuf>) -> Self {
        Store { root: root.into() }
    }

    /// `$INTERDICT_HOME`, else `~/.local/share/interdict`.
    pub fn default_location() -> Result<Self, ListError> {
        if let Some(home) = std::env::var_os("INTERDICT_HOME").filter(|h| !h.is_empty()) {
            return Ok(Store::new(home));
        }
        match std::env::var_os("HOME").filter(|h| !h.is_empty()) {
            Some(home) => Ok(Store::new(Path::new(&home).join(".local/share/interdict"))),
            None => Err(ListError::Store {
                path: PathBuf::new(),
                message: "neither INTERDICT_HOME nor HOME is set".into(),
            }),
        }
    }

    /// The directory the store lives in.
    pub fn root(&self) -> &Path {
        &self.root
    }

    fn dataset_dir(&self, dataset: &str) -> PathBuf {
        self.root.join(dataset)
    }

    fn pointer(&self, dataset: &str, which: &str) -> Result<Option<StoredSnapshot>, ListError> {
        let dir = self.dataset_dir(dataset);
        let file = dir.join(which);
        let version = match std::fs::read_to_string(&file) {
            Ok(v) => v.trim().to_string(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(ListError::io(file, e)),
        };
        if version.is_empty() || version.contains(['/', '\\']) || version.starts_with('.') {
            return Err(ListError::Store {
                path: file,
                message: format!("bad pointer {version:?}"),
            });
        }
        let meta_path = dir.join(&version).join("meta.json");
        let raw = std::fs::read(&meta_path).map_err(|e| ListError::io(&meta_path, e))?;
        let meta: SnapshotMeta = serde_json::from_slice(&raw).map_err(|e| ListError::Store {
            path: meta_path.clone(),
            message: e.to_string(),
        })?;
        Ok(Some(StoredSnapshot {
            path: dir.join(&version).join(&meta.path),
            version,
            meta,
        }))
    }

    /// The current stored snapshot of `dataset`, if it was ever updated.
    pub fn current(&self, dataset: &str) -> Result<Option<StoredSnapshot>, ListError> {
        self.pointer(dataset, "current")
    }

    /// The snapshot the last update replaced.
    pub fn previous(&self, dataset: &str) -> Result<Option<StoredSnapshot>, ListError> {
        self.pointer(dataset, "previous")
    }

    /// Datasets with a current snapshot in the store.
    pub fn datasets(&self) -> Result<Vec<String>, ListError> {
        let mut out = Vec::new();
        let entries = match std::fs::read_dir(&self.root) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
            Err(e) => return Err(ListError::io(&self.root, e)),
        };
        for entry in entries {
            let entry = entry.map_err(|e| ListError::io(&self.root, e))?;
            if entry.path().join("current").is_file() {
                out.push(entry.file_name().to_string_lossy().into_owned());
            }
        }
        out.sort();
        Ok(out)
    }
}

/// Parses a stored snapshot, dating it by its fetch day when the file states no date.
fn parse_stored(dataset: &str, stored: &StoredSnapshot) -> Result<Snapshot, ListError> {
    let mut s = parse_snapshot(dataset, &stored.path)?;
    if s.info.snapshot_date.is_empty() {
        s.info.snapshot_date.clone_from(&stored.meta.fetched);
    }
    Ok(s)
}

/// One dataset: the store's current snapshot if there is one, else the bundled one.
pub fn load_dataset(name: &str, store: &Store) -> Result<Snapshot, ListError> {
    if let Some(stored) = store.current(name)? {
        return parse_stored(name, &stored);
    }
    if catalogue().iter().any(|d| d.name == name) {
        return catalogue::load_bundled_dataset(name);
    }
    if catalogue::known_datasets().contains(&name) {
        return Err(ListError::Store {
            path: store.root().join(name),
            message: format!("no snapshot of {name}: it is not bundled; run `interdict lists update {name} --from <url-or-path>`"),
        });
    }
    Err(ListError::UnknownDataset(name.to_string()))
}

/// Every bundled dataset, each replaced by the store's snapshot when it has
/// one, plus datasets only the store holds; parsed in parallel.
pub fn load(store: &Store) -> Result<Vec<Snapshot>, ListError> {
    let mut names: Vec<String> = catalogue().into_iter().map(|d| d.name).collect();
    let bundled: BTreeSet<String> = names.iter().cloned().collect();
    names.extend(
        store
            .datasets()?
            .into_iter()
            .filter(|d| !bundled.contains(d)),
    );
    names.par_iter().map(|n| load_dataset(n, store)).collect()
}

fn unique_version() -> String {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    format!("v{nanos}-{}", std::process::id())
}

/// `https://x/y/sdn.csv?a=b` → `sdn.csv`; only safe characters kept.
fn file_name_of(url: &str, dataset: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let last = path.rsplit('/').next().unwrap_or("");
    let clean: String = last
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))
        .collect();
    if clean.is_empty() || clean.starts_with('.') {
        format!("{dataset}.data")
    } else {
        clean
    }
}

fn fetch(url: &str, dest: &Path, timeout: Duration) -> Result<(), ListError> {
    let fetch_err = |message: String| ListError::Fetch {
        url: url.to_string(),
        message,
    };
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .build()
        .into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| fetch_err(e.to_string()))?;
    let bytes = response
        .body_mut()
        .with_config()
        .limit(MAX_DOWNLOAD)
        .read_to_vec()
        .map_err(|e| fetch_err(e.to_string()))?;
    std::fs::write(dest, bytes).map_err(|e| ListError::io(dest, e))
}

/// Copies `from` (a file, or the files of a directory) into `data`; returns
/// the snapshot path relative to the version directory.
fn copy_in(from: &Path, data: &Path) -> Result<String, ListError> {
    if from.is_dir() {
        for entry in std::fs::read_dir(from).map_err(|e| ListError::io(from, e))? {
            let entry = entry.map_err(|e| ListError::io(from, e))?;
            let src = entry.path();
            if src.is_file() {
                let dst = data.join(entry.file_name());
                std::fs::copy(&src, &dst).map_err(|e| ListError::io(&src, e))?;
            }
        }
        return Ok("data".to_string());
    }
    let name = from.file_name().map_or_else(
        || "snapshot".to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    std::fs::copy(from, data.join(&name)).map_err(|e| ListError::io(from, e))?;
    Ok(format!("data/{name}"))
}

/// Writes `contents` to `path` through a temporary file and a rename, so
/// readers see either the old or the new contents, never a partial file.
fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), ListError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".tmp-{name}-{}", unique_version()));
    let write = || -> std::io::Result<()> {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(contents)?;
        f.sync_all()
    };
    if let Err(e) = write() {
        let _ = std::fs::remove_file(&tmp);
        return Err(ListError::io(&tmp, e));
    }
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        ListError::io(path, e)
    })
}

/// Fetches (http/https) or reads (path) a new snapshot of `dataset`, parses
/// it fully, refuses it if it fails to parse or has more than `max_drop`
/// (a share, e.g. 0.10) fewer records than the current snapshot, and
/// otherwise makes it current atomically, keeping the replaced one as
/// `previous`.
pub fn update(
    store: &Store,
    dataset: &str,
    from: &str,
    max_drop: f64,
) -> Result<UpdateReport, ListError> {
    let options = UpdateOptions {
        max_drop,
        ..UpdateOptions::default()
    };
    update_with(store, dataset, from, &options)
}

/// [`update`] with every check configurable: the record drop, the
/// published checksum, the download timeout.
pub fn update_with(
    store: &Store,
    dataset: &str,
    from: &str,
    options: &UpdateOptions,
) -> Result<UpdateReport, ListError> {
    let max_drop = options.max_drop;
    if !catalogue::known_datasets().contains(&dataset) {
        return Err(ListError::UnknownDataset(dataset.to_string()));
    }
    if !(0.0..=1.0).contains(&max_drop) {
        return Err(ListError::Store {
            path: store.root().to_path_buf(),
            message: format!("max_drop must be a share between 0 and 1, not {max_drop}"),
        });
    }
    let dir = store.dataset_dir(dataset);
    let version = unique_version();
    let version_dir = dir.join(&version);
    let data = version_dir.join("data");
    std::fs::create_dir_all(&data).map_err(|e| ListError::io(&data, e))?;
    let result = stage_and_swap(store, dataset, from, options, &version, &version_dir);
    let ours_is_current = || {
        store
            .current(dataset)
            .is_ok_and(|c| c.is_some_and(|c| c.version == version))
    };
    if result.is_err() && !ours_is_current() {
        // Only our own, never-referenced version directory is removed.
        let _ = std::fs::remove_dir_all(&version_dir);
    }
    result
}

/// Brings the new file(s) into the version directory and checks the
/// published checksum; returns the snapshot path relative to the directory.
fn stage_download(
    dataset: &str,
    from: &str,
    options: &UpdateOptions,
    version_dir: &Path,
) -> Result<String, ListError> {
    let data = version_dir.join("data");
    let rel = if from.starts_with("http://") || from.starts_with("https://") {
        let name = file_name_of(from, dataset);
        fetch(from, &data.join(&name), options.timeout)?;
        format!("data/{name}")
    } else {
        copy_in(Path::new(from), &data)?
    };
    hit("update::after_download")?;
    if let Some(expected) = &options.sha256 {
        check_sha256(from, &version_dir.join(&rel), expected)?;
    }
    Ok(rel)
}

/// Refuses a file whose SHA-256 is not the published one.
fn check_sha256(from: &str, path: &Path, expected: &str) -> Result<(), ListError> {
    use sha2::{Digest, Sha256};
    if path.is_dir() {
        return Err(ListError::Store {
            path: path.to_path_buf(),
            message: "a published checksum can only be checked on a single file".into(),
        });
    }
    let mut hasher = Sha256::new();
    let mut file = std::fs::File::open(path).map_err(|e| ListError::io(path, e))?;
    std::io::copy(&mut file, &mut hasher).map_err(|e| ListError::io(path, e))?;
    let found: String = hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    if found.eq_ignore_ascii_case(expected.trim()) {
        return Ok(());
    }
    Err(ListError::Checksum {
        source_name: from.to_string(),
        expected: expected.trim().to_ascii_lowercase(),
        found,
    })
}

/// Refuses a snapshot that lost more than `max_drop` of the old one's records.
fn check_drop(
    dataset: &str,
    old: Option<usize>,
    new: usize,
    max_drop: f64,
) -> Result<(), ListError> {
    let Some(old_total) = old else {
        return Ok(());
    };
    let floor = (old_total as f64) * (1.0 - max_drop);
    if (new as f64) < floor {
        return Err(ListError::RecordDrop {
            dataset: dataset.to_string(),
            old: old_total,
            new,
            drop_pct: 100.0 * (1.0 - new as f64 / old_total.max(1) as f64),
            max_pct: 100.0 * max_drop,
        });
    }
    Ok(())
}

fn stage_and_swap(
    store: &Store,
    dataset: &str,
    from: &str,
    options: &UpdateOptions,
    version: &str,
    version_dir: &Path,
) -> Result<UpdateReport, ListError> {
    let rel = stage_download(dataset, from, options, version_dir)?;
    let path = version_dir.join(&rel);
    hit("update::parse")?;
    let new = parse_snapshot(dataset, &path)?;
    // A current snapshot that no longer parses (damaged on disk) must not
    // block its own replacement: the new one is then checked on its own.
    let old = load_dataset(dataset, store).ok();
    let old_total = old.as_ref().map(|o| o.stats.total);
    check_drop(dataset, old_total, new.stats.total, options.max_drop)?;
    let fetched = dates::today();
    let meta = SnapshotMeta {
        dataset: dataset.to_string(),
        source: from.to_string(),
        fetched: fetched.clone(),
        total: new.stats.total,
        path: rel,
    };
    let meta_json = serde_json::to_vec_pretty(&meta).map_err(|e| ListError::Store {
        path: version_dir.to_path_buf(),
        message: e.to_string(),
    })?;
    write_atomic(&version_dir.join("meta.json"), &meta_json)?;
    hit("update::after_staging")?;

    let dir = store.dataset_dir(dataset);
    let replaced = store.current(dataset)?;
    swap_pointers(&dir, version, replaced.as_ref().map(|r| r.version.as_str()))?;
    hit("update::after_swap")?;
    remove_unreferenced(&dir, version, replaced.as_ref().map(|r| r.version.as_str()));

    let snapshot_date = if new.info.snapshot_date.is_empty() {
        fetched
    } else {
        new.info.snapshot_date.clone()
    };
    Ok(UpdateReport {
        dataset: dataset.to_string(),
        source: from.to_string(),
        version: version.to_string(),
        path,
        old_total,
        new_total: new.stats.total,
        snapshot_date,
        diff: old.as_ref().map(|o| diff(o, &new)),
    })
}

/// Points `previous` at the replaced version, then `current` at the new
/// one, each by an atomic rename. If `current` cannot be written, `previous`
/// is put back, so a failed update leaves both pointers as they were.
fn swap_pointers(dir: &Path, version: &str, replaced: Option<&str>) -> Result<(), ListError> {
    let previous = dir.join("previous");
    let old_previous = std::fs::read(&previous).ok();
    if let Some(r) = replaced {
        write_atomic(&previous, format!("{r}\n").as_bytes())?;
    }
    let result = hit("update::swap")
        .and_then(|()| write_atomic(&dir.join("current"), format!("{version}\n").as_bytes()));
    if result.is_err() && replaced.is_some() {
        let _ = match old_previous {
            Some(bytes) => write_atomic(&previous, &bytes),
            None => std::fs::remove_file(&previous).map_err(|e| ListError::io(&previous, e)),
        };
    }
    result
}

/// Deletes complete version directories that are neither current nor
/// previous, and what killed updates left behind (best effort: a leftover
/// costs disk space, never correctness, since only the pointers are read).
/// A directory without `meta.json` may be another update in progress and is
/// left alone unless the process that wrote it is gone.
fn remove_unreferenced(dir: &Path, current: &str, previous: Option<&str>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        if name.starts_with(".tmp-") && writer_is_gone(&name) {
            let _ = std::fs::remove_file(&path);
            continue;
        }
        if !name.starts_with('v') || name == current || Some(name.as_str()) == previous {
            continue;
        }
        if path.join("meta.json").is_file() || writer_is_gone(&name) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// True when the process named at the end of `name` (`…-<pid>`, as
/// [`unique_version`] writes it) no longer runs. Only where `/proc` says so
/// (Linux); elsewhere nothing is taken as gone.
fn writer_is_gone(name: &str) -> bool {
    let Some(pid) = name
        .rsplit('-')
        .next()
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
    else {
        return false;
    };
    let proc = Path::new("/proc");
    proc.join("self").exists() && !proc.join(pid).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_urls_are_safe() {
        assert_eq!(file_name_of("https://x.org/a/sdn.csv?x=1", "d"), "sdn.csv");
        assert_eq!(file_name_of("http://127.0.0.1:8080/", "d"), "d.data");
        assert_eq!(file_name_of("http://h/../..", "d"), "d.data");
    }
}
