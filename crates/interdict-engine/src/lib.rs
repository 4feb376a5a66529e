//! The facade that wires interdict's crates once, for the CLI and any other
//! front end: it loads the list snapshots, builds the name index and the
//! goods control tables, and hands out the matcher, the goods screener and a
//! shipment screener whose party and goods seams are the real engines.
//!
//! It owns no rule of its own: the adapters below only translate between
//! the shipment model and the matcher's and goods screener's inputs.

mod adapters;

pub use adapters::{GoodsAdapter, PartyAdapter};

use interdict_goods::{GoodsError, GoodsScreener};
use interdict_lists::{ListError, Snapshot, SnapshotStats, Store};
use interdict_match::Matcher;
use interdict_model::DatasetInfo;
use interdict_screen::{Decision, ScreenConfig, Screener, Shipment};
use std::path::PathBuf;

/// What to load.
#[derive(Debug, Clone)]
pub struct EngineOptions {
    /// Where updated snapshots live; bundled ones are used where it has none.
    pub store: Store,
    /// Extra OpenSanctions FtM JSON-lines files.
    pub dataset_files: Vec<PathBuf>,
}

/// Why the engine could not start.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Lists(#[from] ListError),
    #[error(transparent)]
    Goods(#[from] GoodsError),
}

/// One loaded dataset, without its entities (those live in the matcher).
#[derive(Debug, Clone)]
pub struct LoadedDataset {
    pub info: DatasetInfo,
    pub stats: SnapshotStats,
}

/// Everything loaded and indexed.
pub struct Engine {
    datasets: Vec<LoadedDataset>,
    matcher: Matcher,
    goods: GoodsScreener,
    screen_config: ScreenConfig,
}

impl Engine {
    /// Loads the lists (bundled, or updated ones from the store, plus any
    /// extra files) and the goods tables in parallel, then builds the index.
    pub fn load(options: &EngineOptions) -> Result<Engine, EngineError> {
        let (lists, goods) = rayon::join(
            || -> Result<Vec<Snapshot>, ListError> {
                let mut snapshots = interdict_lists::load(&options.store)?;
                for path in &options.dataset_files {
                    snapshots.push(interdict_lists::load_ftm_file(path)?);
                }
                Ok(snapshots)
            },
            GoodsScreener::bundled,
        );
        Ok(Engine::from_parts(lists?, goods?, ScreenConfig::default()))
    }

    /// Builds an engine from already loaded parts (tests, benchmarks).
    pub fn from_parts(
        snapshots: Vec<Snapshot>,
        goods: GoodsScreener,
        screen_config: ScreenConfig,
    ) -> Engine {
        let mut datasets = Vec::with_capacity(snapshots.len());
        let mut entities = Vec::new();
        for s in snapshots {
            datasets.push(LoadedDataset {
                info: s.info,
                stats: s.stats,
            });
            entities.extend(s.entities);
        }
        Engine {
            datasets,
            matcher: Matcher::build(entities),
            goods,
            screen_config,
        }
    }

    pub fn datasets(&self) -> &[LoadedDataset] {
        &self.datasets
    }

    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    pub fn goods(&self) -> &GoodsScreener {
        &self.goods
    }

    /// Runs `f` with a shipment screener whose seams are this engine's
    /// matcher and goods screener.
    pub fn with_screener<R>(&self, f: impl FnOnce(&Screener<'_>) -> R) -> R {
        let parties = PartyAdapter::new(&self.matcher);
        let goods = GoodsAdapter::new(&self.goods);
        let screener = Screener {
            parties: &parties,
            goods: &goods,
            config: self.screen_config.clone(),
        };
        f(&screener)
    }

    /// Screens one shipment (for many, use [`Engine::with_screener`]).
    pub fn screen(&self, shipment: &Shipment) -> Decision {
        self.with_screener(|s| s.screen(shipment))
    }
}
