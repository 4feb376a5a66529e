//! `interdict serve`: the HTTP server (yente's API plus interdict's own
//! endpoints and the web page). Parses options, opens the audit log and the
//! watched assets, sets up logs and the runtime, and hands over to
//! `interdict-server`.

use super::Context;
use anyhow::Context as _;
use clap::Args;
use interdict_server::{ApiKeys, AppState, Limits, LoadOptions, Review, Sources, StateOptions};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

#[derive(Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:8000")]
    addr: SocketAddr,
    /// yente's manifest YAML: serve exactly the datasets and collections it
    /// names (a bundled list by its dataset name, a file by entities_url or path).
    #[arg(long, value_name = "FILE")]
    manifest: Option<PathBuf>,
    /// Token for POST /updatez (also $INTERDICT_UPDATE_TOKEN or $YENTE_UPDATE_TOKEN).
    #[arg(long, value_name = "TOKEN")]
    update_token: Option<String>,
    /// File of API key digests (`sha256:<hex>` per line) for admin routes.
    #[arg(long, value_name = "FILE")]
    api_keys: Option<PathBuf>,
    /// File of API key digests (`sha256:<hex>` per line) that every data
    /// route then requires (off by default, as in yente).
    #[arg(long, value_name = "FILE")]
    read_api_keys: Option<PathBuf>,
    /// Largest request body accepted, in MiB.
    #[arg(long, default_value_t = 32)]
    max_body_mib: usize,
    /// Requests running longer than this many seconds are answered 408.
    #[arg(long, default_value_t = 60)]
    timeout_secs: u64,
    /// Watched assets (JSON lines: kind, id, why), besides
    /// `$INTERDICT_HOME/watched_assets.jsonl`: `POST /screen` flags a goods
    /// line or leg carrying one.
    #[arg(long = "assets", value_name = "FILE")]
    assets: Option<PathBuf>,
    /// Who is recorded when a request has no `X-Interdict-User` header
    /// (default: $USER); with `--record` or INTERDICT_RECORD=1.
    #[command(flatten)]
    by: super::record::By,
}

pub fn run(ctx: &Context, args: ServeArgs) -> anyhow::Result<ExitCode> {
    init_logs();
    let mut sources = match &args.manifest {
        Some(path) => Sources::from_manifest(path)?,
        None => Sources::default(),
    };
    // With serve, `--dataset-file` takes NAME=PATH; a bare path is named
    // after its file.
    for f in &ctx.dataset_files {
        let text = f.to_string_lossy();
        if text.contains('=') && !f.exists() {
            sources.add_file_arg(&text)?;
        } else {
            sources.add_file_arg(&format!("{}={}", name_of(f), f.display()))?;
        }
    }
    let mut keys = ApiKeys::default();
    if let Some(t) = &args.update_token {
        keys.add_token(t);
    }
    keys.add_env();
    if let Some(path) = &args.api_keys {
        keys.add_file(path)?;
    }
    let load = LoadOptions {
        store: ctx.store()?,
        sources,
    };
    let limits = Limits {
        body_bytes: args.max_body_mib * 1024 * 1024,
        timeout: Duration::from_secs(args.timeout_secs),
    };
    let mut read_keys = ApiKeys::default();
    if let Some(path) = &args.read_api_keys {
        read_keys.add_file(path)?;
    }
    let state = AppState::from_options(StateOptions {
        load,
        keys,
        read_keys,
        review: review(ctx, &args.by)?,
        watched_assets: ctx.watchlist(args.assets.as_deref())?,
    });
    let runtime = tokio::runtime::Runtime::new().context("starting the async runtime")?;
    // The audit log's PostgreSQL client blocks on a runtime of its own: the
    // state is dropped here, outside this one, once the server has stopped.
    let kept = std::sync::Arc::clone(&state);
    let served = runtime.block_on(interdict_server::serve(args.addr, state, limits));
    drop(runtime);
    drop(kept);
    served?;
    Ok(ExitCode::SUCCESS)
}

/// The audit log, verified before the server starts (a log that fails
/// verification stops it, naming the entry): written to with `--record`,
/// else read for its clears when there is one.
fn review(ctx: &Context, by: &super::record::By) -> anyhow::Result<Option<Review>> {
    let recording = ctx.recording();
    if !recording && !ctx.audit_exists()? {
        return Ok(None);
    }
    let recorder = ctx.writer(by)?;
    let database = ctx.database()?.describe();
    let what = if recording {
        "recording in"
    } else {
        "clears from"
    };
    eprintln!("audit log verified; {what} {database}");
    Ok(Some(Review::new(recorder, recording, database)))
}

/// `.../zala/entities.ftm.json` → `zala`; `sdn.ftm.json` → `sdn`.
fn name_of(path: &Path) -> String {
    let stem = path
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let first = stem.split('.').next().unwrap_or("").to_string();
    if first == "entities" || first.is_empty() {
        if let Some(dir) = path.parent().and_then(Path::file_name) {
            return dir.to_string_lossy().to_string();
        }
    }
    first
}

/// Logs to standard error; `RUST_LOG=interdict_server=debug` adds every request.
fn init_logs() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_dataset_files_are_named_after_the_file() {
        assert_eq!(name_of(Path::new("/d/zala/entities.ftm.json")), "zala");
        assert_eq!(name_of(Path::new("sdn.ftm.json")), "sdn");
    }
}
