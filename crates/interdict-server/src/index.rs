//! One immutable, fully built index: the engine (lists, name index, goods
//! tables), the entity graph and the catalogue it was built from. Built
//! off the request path and swapped in whole; requests hold an `Arc` to the
//! one they started with.

use crate::catalog::{CatalogError, Origin, Sources};
use crate::graph::{self, GraphError, Record};
use interdict_engine::{Engine, LoadedDataset};
use interdict_goods::{GoodsError, GoodsScreener};
use interdict_lists::{ListError, Snapshot, Store};
use interdict_screen::ScreenConfig;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::time::{Duration, Instant, SystemTime};

/// What to build an index from.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// The snapshot store whose updates replace the bundled lists.
    pub store: Store,
    /// The datasets and collections to load and serve.
    pub sources: Sources,
}

/// Why an index could not be built.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The catalogue names a dataset that cannot be loaded.
    #[error(transparent)]
    Catalog(#[from] CatalogError),
    /// A list snapshot could not be read or parsed.
    #[error(transparent)]
    Lists(#[from] ListError),
    /// The goods tables could not be loaded.
    #[error(transparent)]
    Goods(#[from] GoodsError),
    /// An FtM file could not be read into the entity graph.
    #[error(transparent)]
    Graph(#[from] GraphError),
}

/// Everything a request reads, built once and never changed.
pub struct Index {
    /// Lists, name index and goods tables.
    pub engine: Engine,
    /// The FtM entities with their nesting and adjacency, for the entity routes.
    pub graph: graph::Graph,
    /// The catalogue the index was built from.
    pub sources: Sources,
    /// Per leaf dataset: its metadata and counts.
    pub datasets: Vec<LoadedDataset>,
    /// When the build finished.
    pub built_at: SystemTime,
    /// How long the build took.
    pub build_time: Duration,
}

/// One file dataset: its records for the graph, its parties for the matcher.
struct FileDataset {
    records: Vec<Record>,
    snapshot: Snapshot,
}

impl Index {
    /// Loads every dataset the sources name and builds the index.
    pub fn build(options: &LoadOptions) -> Result<Index, LoadError> {
        let started = Instant::now();
        // The goods tables load while the lists parse.
        let (lists, goods) = rayon::join(
            || -> Result<_, LoadError> {
                let (bundled, sources) = load_bundled(options)?;
                let files = load_files(&sources)?;
                Ok((bundled, sources, files))
            },
            GoodsScreener::bundled,
        );
        let (bundled, sources, files) = lists?;
        let goods = goods?;
        let mut snapshot_dates = HashMap::new();
        let mut parties = Vec::new();
        for s in &bundled {
            snapshot_dates.insert(s.info.name.clone(), s.info.snapshot_date.clone());
            parties.extend(
                s.entities
                    .iter()
                    .map(|e| (e.id.clone(), e.referents.clone())),
            );
        }
        let mut records = Vec::new();
        let mut snapshots = bundled;
        for f in files {
            records.extend(f.records);
            snapshots.push(f.snapshot);
        }
        let engine = Engine::from_parts(snapshots, goods, ScreenConfig::default());
        let graph = graph::Graph::build(records, parties, snapshot_dates);
        Ok(Index {
            datasets: engine.datasets().to_vec(),
            engine,
            graph,
            sources,
            built_at: SystemTime::now(),
            build_time: started.elapsed(),
        })
    }

    /// The leaf datasets of a dataset or collection name.
    pub fn scope(&self, name: &str) -> Option<BTreeSet<String>> {
        self.sources.scope(name)
    }

    /// The loaded leaf dataset of that name, if any.
    pub fn dataset(&self, name: &str) -> Option<&LoadedDataset> {
        self.datasets.iter().find(|d| d.info.name == name)
    }
}

/// The bundled snapshots to serve, and the sources resolved against them.
fn load_bundled(options: &LoadOptions) -> Result<(Vec<Snapshot>, Sources), LoadError> {
    let sources = options.sources.clone();
    if !sources.from_manifest {
        // Every bundled list, each replaced by the store's update if any.
        let snapshots = interdict_lists::load(&options.store)?;
        let names: Vec<&str> = snapshots.iter().map(|s| s.info.name.as_str()).collect();
        let sources = sources.resolve(&names)?;
        return Ok((snapshots, sources));
    }
    let sources = sources.resolve(&interdict_lists::known_datasets())?;
    let wanted: Vec<&str> = sources
        .specs
        .iter()
        .filter(|s| s.origin == Some(Origin::Bundled))
        .map(|s| s.name.as_str())
        .collect();
    let snapshots = wanted
        .par_iter()
        .map(|n| interdict_lists::load_dataset(n, &options.store))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((snapshots, sources))
}

/// Every FtM file dataset, its entities served under the dataset's name.
fn load_files(sources: &Sources) -> Result<Vec<FileDataset>, LoadError> {
    let files: Vec<(&str, &str, &std::path::Path)> = sources
        .specs
        .iter()
        .filter_map(|s| match &s.origin {
            Some(Origin::File(p)) => Some((s.name.as_str(), s.title.as_str(), p.as_path())),
            _ => None,
        })
        .collect();
    files
        .par_iter()
        .map(|(name, title, path)| -> Result<FileDataset, LoadError> {
            let records = graph::read_ftm_file(path, name)?;
            let mut snapshot = interdict_lists::load_ftm_file(path)?;
            snapshot.info.name = name.to_string();
            snapshot.info.title = title.to_string();
            for e in &mut snapshot.entities {
                e.datasets = vec![name.to_string()];
            }
            Ok(FileDataset { records, snapshot })
        })
        .collect()
}
