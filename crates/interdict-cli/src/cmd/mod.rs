//! One module per subcommand. Each turns arguments into engine calls and
//! engine answers into output; none decides anything itself.

pub mod audit;
pub mod clear;
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
    pub fn engine(&self) -> anyhow::Result<Engine> {
        Engine::load(&self.engine_options()?).context("loading the engine")
    }

    /// As [`Context::engine`], merged (default) or raw records (`--no-merge`).
    pub fn engine_merged(&self, merge: bool) -> anyhow::Result<Engine> {
        let linking = if merge {
            Linking::Merged
        } else {
            Linking::Records
        };
        Engine::load_as(&self.engine_options()?, linking).context("loading the engine")
    }
}

/// Output format shared by most commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Json,
}
