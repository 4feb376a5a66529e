//! The `interdict` binary: parses arguments and hands each command to the
//! engine facade. It holds no business rules: formatting, progress bars and
//! exit codes only. An error that ends a command is printed as
//! `error[<code>]: <message>` and exits with its code's status, both read
//! from the one table of codes (`interdict_model::error_code`).

mod batch;
mod cmd;
mod output;

use clap::{Parser, Subcommand};
use interdict_model::{Coded, ErrorCode};
use std::path::PathBuf;
use std::process::ExitCode;

/// Screens parties, goods and shipments against sanctions lists and DPRK
/// goods controls, offline, with the evidence for every answer.
#[derive(Parser)]
#[command(name = "interdict", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Directory of updated list snapshots (default: $INTERDICT_HOME or
    /// ~/.local/share/interdict). Bundled snapshots are used where it has none.
    #[arg(long, global = true, value_name = "DIR")]
    store: Option<PathBuf>,
    /// Also load an OpenSanctions FollowTheMoney JSON-lines file (repeatable).
    #[arg(long = "dataset-file", global = true, value_name = "PATH")]
    dataset_files: Vec<PathBuf>,
    /// Record every answer of `match`, `goods` and `screen` in the audit log
    /// (also when INTERDICT_RECORD=1).
    #[arg(long, global = true)]
    record: bool,
    /// Audit database: a SQLite path or postgres://… (default: audit.sqlite
    /// in the store directory).
    #[arg(long, global = true, value_name = "URL|PATH")]
    database: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Show the loaded sanctions lists, or update / diff a snapshot.
    Lists(cmd::lists::ListsArgs),
    /// Show one listed record as FollowTheMoney JSON.
    Entity(cmd::entity::EntityArgs),
    /// Screen a party (or a batch of parties) against the lists.
    Match(cmd::matching::MatchArgs),
    /// Decode a VIN, IMO number or aircraft registration; listed and watched assets.
    Asset(cmd::asset::AssetArgs),
    /// Classify goods and give the DPRK control verdict per jurisdiction.
    Goods(cmd::goods::GoodsArgs),
    /// Screen shipments: parties, goods, route and declarations → decision.
    Screen(cmd::screen::ScreenArgs),
    /// Record that a screened party is not a listed one (a cleared hit).
    Clear(cmd::clear::ClearArgs),
    /// Watch parties and shipments; re-screened when a list is updated.
    Watch(cmd::watch::WatchArgs),
    /// Verify the audit log's hash chain, or list its entries.
    Audit(cmd::audit::AuditArgs),
    /// Write realistic synthetic shipments (JSONL) for load tests.
    Synth(cmd::synth::SynthArgs),
    /// Serve yente's HTTP API, interdict's own endpoints and the web page.
    Serve(cmd::serve::ServeArgs),
    #[cfg(feature = "trade")]
    /// Trade flows to a destination by period: total, controlled, basket (luxury).
    Flows(cmd::flows::FlowsArgs),
    #[cfg(feature = "trade")]
    /// Run SQL over trade files with interdict's functions.
    Sql(cmd::sql::SqlArgs),
    #[cfg(feature = "ballista")]
    /// Run a scheduler or an executor of a Ballista cluster that knows
    /// interdict's SQL functions.
    Cluster(cmd::cluster::ClusterArgs),
}

// Loading allocates about a million small values (names, properties,
// index keys); mimalloc's thread-local free lists make that and the
// server's per-request allocations cheaper than glibc's malloc.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let ctx = cmd::Context {
        store: cli.store,
        dataset_files: cli.dataset_files,
        record: cli.record,
        database: cli.database,
    };
    let result = match cli.command {
        Command::Lists(args) => cmd::lists::run(&ctx, args),
        Command::Entity(args) => cmd::entity::run(&ctx, args),
        Command::Match(args) => cmd::matching::run(&ctx, args),
        Command::Goods(args) => cmd::goods::run(&ctx, args),
        Command::Asset(args) => cmd::asset::run(&ctx, args),
        Command::Screen(args) => cmd::screen::run(&ctx, args),
        Command::Audit(args) => cmd::audit::run(&ctx, args),
        Command::Clear(args) => cmd::clear::run(&ctx, args),
        Command::Watch(args) => cmd::watch::run(&ctx, args),
        Command::Synth(args) => cmd::synth::run(args),
        Command::Serve(args) => cmd::serve::run(&ctx, args),
        #[cfg(feature = "trade")]
        Command::Flows(args) => cmd::flows::run(args),
        #[cfg(feature = "trade")]
        Command::Sql(args) => cmd::sql::run(&ctx, args),
        #[cfg(feature = "ballista")]
        Command::Cluster(args) => cmd::cluster::run(&ctx, args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            let code = code_of(&err);
            eprintln!("error[{code}]: {err:#}");
            ExitCode::from(code.exit_status())
        }
    }
}

/// The code of the outermost typed error in the chain: the contexts the
/// commands add say where, the typed error inside says what. A chain of
/// messages only is the binary's own failure.
fn code_of(err: &anyhow::Error) -> ErrorCode {
    err.chain()
        .find_map(library_code)
        .unwrap_or(ErrorCode::CommandFailed)
}

/// The code of one error of the chain when its type is a library's.
fn library_code(e: &(dyn std::error::Error + 'static)) -> Option<ErrorCode> {
    // One downcast per library error type: `anyhow` keeps the concrete type,
    // not the trait, so each type the commands can return is named here.
    macro_rules! first_of {
        ($($t:ty),+ $(,)?) => {
            $(if let Some(x) = e.downcast_ref::<$t>() {
                return Some(x.code());
            })+
        };
    }
    first_of!(
        interdict_engine::EngineError,
        interdict_lists::ListError,
        interdict_lists::ParseError,
        interdict_goods::GoodsError,
        interdict_match::QueryError,
        interdict_screen::ShipmentError,
        interdict_screen::ConfigError,
        interdict_screen::ScopeError,
        interdict_assets::VinError,
        interdict_assets::ImoError,
        interdict_assets::WatchError,
        interdict_review::ReviewError,
        interdict_model::lines::LineError,
        interdict_model::limits::NameLimit,
        interdict_model::DateError,
        std::io::Error,
    );
    #[cfg(feature = "trade")]
    first_of!(interdict_trade::TradeError);
    None
}
