//! The facade that wires interdict's crates once, for the CLI and any other
//! front end: it loads the list snapshots, links the records of one party
//! across lists into one merged entity (`interdict-link`), builds the name
//! index over those parties and the goods control tables, and hands out the
//! matcher, the goods screener and a shipment screener whose party and goods
//! seams are the real engines. [`Linking::Records`] indexes the raw records
//! instead (`--no-merge`).
//!
//! Every answer can say which list snapshots it rests on
//! ([`Engine::sources`]) and warns when one is older than
//! [`STALE_AFTER_DAYS`].
//!
//! It owns no rule of its own: the adapters below only translate between
//! the shipment model and the matcher's and goods screener's inputs.

#![warn(missing_docs)]

mod adapters;
mod asset_answer;
mod assets;
mod sources;

pub use adapters::{party_query, GoodsAdapter, PartyAdapter};
pub use asset_answer::AssetAnswer;
pub use assets::ListedAsset;
pub use sources::{SourceSnapshot, STALE_AFTER_DAYS};

use interdict_goods::{GoodsError, GoodsScreener};
use interdict_link::{Cluster, LinkStats, Linked};
use interdict_lists::{ListError, Snapshot, SnapshotStats, Store};
use interdict_match::Matcher;
use interdict_model::{DatasetInfo, Entity, PartialDate};
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
    /// A list snapshot could not be found, read or parsed.
    #[error(transparent)]
    Lists(#[from] ListError),
    /// The goods nomenclature or control tables could not be loaded.
    #[error(transparent)]
    Goods(#[from] GoodsError),
}

impl interdict_model::Coded for EngineError {
    fn code(&self) -> interdict_model::ErrorCode {
        match self {
            EngineError::Lists(e) => e.code(),
            EngineError::Goods(e) => e.code(),
        }
    }
}

/// What the matcher indexes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Linking {
    /// One merged entity per party (the default).
    #[default]
    Merged,
    /// Every list record as it is (`--no-merge`).
    Records,
}

/// One loaded dataset, without its entities (those live in the matcher).
#[derive(Debug, Clone)]
pub struct LoadedDataset {
    /// Name, title, publisher and file date of the dataset.
    pub info: DatasetInfo,
    /// Record counts of the snapshot as parsed (before linking).
    pub stats: SnapshotStats,
}

/// Everything loaded and indexed.
pub struct Engine {
    datasets: Vec<LoadedDataset>,
    matcher: Matcher,
    /// The clusters behind the merged parties (their entities live in the
    /// matcher); `None` when records are indexed unmerged.
    linked: Option<Linked>,
    goods: GoodsScreener,
    screen_config: ScreenConfig,
    /// Vessel and aircraft records by identifier.
    assets: assets::AssetIndex,
}

impl Engine {
    /// Loads the lists (bundled, or updated ones from the store, plus any
    /// extra files) and the goods tables in parallel, links the records into
    /// parties, then builds the index.
    pub fn load(options: &EngineOptions) -> Result<Engine, EngineError> {
        Engine::load_as(options, Linking::Merged)
    }

    /// As [`Engine::load`], indexing merged parties or raw records.
    pub fn load_as(options: &EngineOptions, linking: Linking) -> Result<Engine, EngineError> {
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
        Ok(Engine::from_parts_as(
            lists?,
            goods?,
            ScreenConfig::default(),
            linking,
        ))
    }

    /// Builds an engine from already loaded parts (tests, benchmarks),
    /// merging the records of each party.
    pub fn from_parts(
        snapshots: Vec<Snapshot>,
        goods: GoodsScreener,
        screen_config: ScreenConfig,
    ) -> Engine {
        Engine::from_parts_as(snapshots, goods, screen_config, Linking::Merged)
    }

    /// As [`Engine::from_parts`], indexing merged parties or raw records.
    pub fn from_parts_as(
        snapshots: Vec<Snapshot>,
        goods: GoodsScreener,
        screen_config: ScreenConfig,
        linking: Linking,
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
        let assets = assets::AssetIndex::build(&entities);
        let (indexed, linked) = match linking {
            Linking::Records => (entities, None),
            Linking::Merged => {
                let mut linked = interdict_link::link(&entities);
                let parties = std::mem::take(&mut linked.parties);
                (parties, Some(linked))
            }
        };
        Engine {
            datasets,
            matcher: Matcher::build(indexed),
            linked,
            goods,
            screen_config,
            assets,
        }
    }

    /// How the lists were linked (`None` with [`Linking::Records`]).
    pub fn link_stats(&self) -> Option<&LinkStats> {
        self.linked.as_ref().map(|l| &l.stats)
    }

    /// The linking result: clusters, conflicts, statistics (its `parties`
    /// are empty: the merged entities live in the matcher).
    pub fn linked(&self) -> Option<&Linked> {
        self.linked.as_ref()
    }

    /// The indexed entity holding record (or referent) `id`, with its
    /// cluster when records are merged: any source id of a party finds the
    /// merged party.
    pub fn entity(&self, id: &str) -> Option<(&Entity, Option<&Cluster>)> {
        match &self.linked {
            Some(linked) => {
                let cluster = linked.cluster_of(id)?;
                let party = self.matcher.get(cluster.members.first()?)?;
                Some((party, Some(cluster)))
            }
            None => self.matcher.get(id).map(|e| (e, None)),
        }
    }

    /// The listed vessels or aircraft carrying identifier `id` of `kind`
    /// (an IMO number; an aircraft registration or serial number), one per
    /// party with the list records that carry it. A VIN finds nothing: the
    /// bundled lists name no vehicle by VIN.
    pub fn listed_assets(&self, kind: interdict_assets::AssetKind, id: &str) -> Vec<ListedAsset> {
        let mut by_party: Vec<(&Entity, Vec<String>)> = Vec::new();
        for record in self.assets.records(kind, id) {
            // A record of a published FtM export is indexed as it is, outside
            // any cluster.
            let party = self
                .entity(record)
                .map(|(e, _)| e)
                .or_else(|| self.matcher.get(record));
            let Some(party) = party else { continue };
            match by_party.iter_mut().find(|(p, _)| p.id == party.id) {
                Some((_, records)) => records.push(record.clone()),
                None => by_party.push((party, vec![record.clone()])),
            }
        }
        by_party
            .into_iter()
            .map(|(party, records)| ListedAsset::of(party, records))
            .collect()
    }

    /// The snapshot of each of `datasets` an answer rests on, with its age
    /// on `today` and whether it is stale.
    pub fn sources(&self, datasets: &[String], today: PartialDate) -> Vec<SourceSnapshot> {
        sources::of(&self.datasets, datasets, today)
    }

    /// The loaded datasets, in load order.
    pub fn datasets(&self) -> &[LoadedDataset] {
        &self.datasets
    }

    /// The name index over the parties (or the raw records with
    /// [`Linking::Records`]).
    pub fn matcher(&self) -> &Matcher {
        &self.matcher
    }

    /// The goods screener over the loaded nomenclature and control tables.
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

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Coded, ErrorCode};

    #[test]
    fn every_error_has_the_code_of_the_error_inside() {
        let lists = EngineError::Lists(ListError::UnknownDataset("x".into()));
        assert_eq!(lists.code(), ErrorCode::ListUnknownDataset);
        let goods = EngineError::Goods(GoodsError::Io {
            path: "x".into(),
            source: std::io::Error::other("x"),
        });
        assert_eq!(goods.code(), ErrorCode::IoFailed);
    }
}
