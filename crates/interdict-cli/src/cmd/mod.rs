//! One module per subcommand. Each turns arguments into engine calls and
//! engine answers into output; none decides anything itself.

pub mod asset;
pub mod audit;
pub mod clear;
#[cfg(feature = "ballista")]
pub mod cluster;
#[cfg(feature = "trade")]
pub mod declarations;
pub mod entity;
#[cfg(feature = "trade")]
pub mod flows;
pub mod goods;
pub mod lists;
pub mod matching;
pub mod record;
pub mod screen;
pub mod serve;
#[cfg(feature = "trade")]
pub mod sql;
pub mod synth;
pub mod watch;

use anyhow::Context as _;
use interdict_engine::{Engine, EngineOptions, Linking};
use std::path::PathBuf;

/// The watchlist of assets in the store directory.
pub const WATCHED_ASSETS: &str = "watched_assets.jsonl";

/// Options every command shares.
pub struct Context {
    pub store: Option<PathBuf>,
    pub dataset_files: Vec<PathBuf>,
    /// `--record`: answers go to the audit log.
    pub record: bool,
    /// `--database`: the audit database.
    pub database: Option<String>,
}

impl Context {
    pub fn store(&self) -> anyhow::Result<interdict_lists::Store> {
        match &self.store {
            Some(dir) => Ok(interdict_lists::Store::new(dir)),
            None => interdict_lists::Store::default_location()
                .context("cannot find a directory for list snapshots; pass --store DIR"),
        }
    }

    pub fn engine_options(&self) -> anyhow::Result<EngineOptions> {
        Ok(EngineOptions {
            store: self.store()?,
            dataset_files: self.dataset_files.clone(),
        })
    }

    /// Loads lists, links each party's records, builds the index and the
    /// goods tables.
    pub fn engine(&self) -> anyhow::Result<&'static Engine> {
        self.engine_merged(true)
    }

    /// The watched assets: `$INTERDICT_HOME/watched_assets.jsonl` (the
    /// store directory) when present, plus `extra` when given.
    pub fn watchlist(
        &self,
        extra: Option<&std::path::Path>,
    ) -> anyhow::Result<interdict_assets::Watchlist> {
        let mut list = interdict_assets::Watchlist::default();
        let home = self.store().ok().map(|s| s.root().join(WATCHED_ASSETS));
        for path in home
            .iter()
            .filter(|p| p.exists())
            .map(|p| p.as_path())
            .chain(extra)
        {
            let file = std::fs::File::open(path)
                .with_context(|| format!("cannot open {}", path.display()))?;
            let read = interdict_assets::Watchlist::from_jsonl(std::io::BufReader::new(file))
                .with_context(|| format!("in {}", path.display()))?;
            list.extend(read);
        }
        Ok(list)
    }

    /// As [`Context::engine`], merged (default) or raw records (`--no-merge`).
    ///
    /// The engine lives until the process exits: it is leaked rather than
    /// dropped, because freeing its million small values one by one takes
    /// a tenth of a command's time and the operating system reclaims them
    /// at exit anyway.
    pub fn engine_merged(&self, merge: bool) -> anyhow::Result<&'static Engine> {
        let linking = if merge {
            Linking::Merged
        } else {
            Linking::Records
        };
        let engine =
            Engine::load_as(&self.engine_options()?, linking).context("loading the engine")?;
        Ok(Box::leak(Box::new(engine)))
    }
}

/// Output format shared by most commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}
