//! `interdict watch`: register parties and open shipments to re-screen
//! when a list changes (`lists update` re-screens them against the changed
//! records only), and show what the last update meant for them.

use super::{Context, Format};
use crate::output;
use anyhow::Context as _;
use clap::{Args, Subcommand};
use interdict_assets::Watchlist;
use interdict_lists::{SnapshotDiff, Store};
use interdict_match::MatchConfig;
use interdict_model::{Coded, Entity};
use interdict_review::watch::{self, Delta, WatchDir, WatchHit, WatchReport};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct WatchArgs {
    #[command(subcommand)]
    action: WatchAction,
}

#[derive(Subcommand)]
enum WatchAction {
    /// Watch the parties (the `match --input` shape) and shipments (the
    /// `screen` shape) of a JSON-lines file; their current hits are the
    /// baseline. With `--assets FILE`, watch the assets of a watchlist
    /// (JSON lines: kind vin|imo|registration, id, why): `screen` flags any
    /// goods line or leg carrying one.
    Add {
        #[arg(required_unless_present = "assets")]
        file: Option<PathBuf>,
        #[arg(long, value_name = "FILE")]
        assets: Option<PathBuf>,
    },
    /// New hits, hits whose listed record changed, and hits that
    /// disappeared, at the last list update.
    Report {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Every update's report, not only the last.
        #[arg(long)]
        all: bool,
    },
}

pub fn run(ctx: &Context, args: WatchArgs) -> anyhow::Result<ExitCode> {
    let dir = WatchDir::new(ctx.store()?.root());
    match args.action {
        WatchAction::Add { file, assets } => {
            if let Some(assets) = assets {
                add_assets(ctx, &assets)?;
            }
            match file {
                Some(file) => add(ctx, &dir, &file),
                None => Ok(ExitCode::SUCCESS),
            }
        }
        WatchAction::Report { format, all } => report(&dir, format, all),
    }
}

fn add(ctx: &Context, dir: &WatchDir, file: &PathBuf) -> anyhow::Result<ExitCode> {
    let reader = BufReader::new(
        std::fs::File::open(file).with_context(|| format!("cannot open {}", file.display()))?,
    );
    let mut queries = Vec::new();
    let mut errors = 0;
    for (i, line) in reader.lines().enumerate() {
        let line = line.with_context(|| format!("cannot read {}", file.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        match watch::watch_queries(&line, i + 1) {
            Ok(q) => queries.extend(q),
            Err(e) => {
                errors += 1;
                eprintln!("error[{}]: {}: {e}", e.code(), file.display());
            }
        }
    }
    // Hits are kept by list record, as list deltas name them.
    let engine = ctx.engine_merged(false)?;
    let found = watch::screen_all(engine.matcher(), &queries, &MatchConfig::default());
    let hits: usize = found.iter().map(Vec::len).sum();
    let added = queries.len();
    let total = dir.add(queries, &found)?;
    println!("watching {total} parties ({added} from this file, {hits} current hits)");
    Ok(if errors > 0 {
        eprintln!("{errors} lines were in error and are not watched");
        ExitCode::from(crate::batch::EXIT_RECORD_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

/// Adds a watchlist's assets to the stored one
/// (`$INTERDICT_HOME/watched_assets.jsonl`). The file is read whole first: a
/// line in error refuses it, naming the line, and the stored list is
/// replaced atomically, so it is never left half-written.
fn add_assets(ctx: &Context, file: &Path) -> anyhow::Result<()> {
    let open = |p: &Path| {
        std::fs::File::open(p)
            .map(BufReader::new)
            .with_context(|| format!("cannot open {}", p.display()))
    };
    let new =
        Watchlist::from_jsonl(open(file)?).with_context(|| format!("in {}", file.display()))?;
    let store = ctx.store()?;
    let path = store.root().join(super::WATCHED_ASSETS);
    let mut list = if path.exists() {
        Watchlist::from_jsonl(open(&path)?).with_context(|| format!("in {}", path.display()))?
    } else {
        Watchlist::default()
    };
    let (before, added) = (list.len(), new.len());
    list.extend(new);
    std::fs::create_dir_all(store.root())
        .with_context(|| format!("cannot create {}", store.root().display()))?;
    let tmp = path.with_extension("jsonl.tmp");
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(&tmp).with_context(|| format!("cannot write {}", tmp.display()))?,
    );
    list.write_jsonl(&mut out)
        .and_then(|()| out.flush())
        .and_then(|()| out.get_ref().sync_all())
        .with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
    println!(
        "watching {} assets ({added} from this file, {} new)",
        list.len(),
        list.len() - before
    );
    Ok(())
}

/// After `lists update`: re-screens the watched set against the records the
/// update added or changed, and records the report.
pub fn after_update(store: &Store, dataset: &str, diff: &SnapshotDiff) -> anyhow::Result<()> {
    let dir = WatchDir::new(store.root());
    if !dir.exists() {
        return Ok(());
    }
    let snapshot = interdict_lists::load_dataset(dataset, store)?;
    let mut by_id: HashMap<&str, &Entity> = snapshot
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e))
        .collect();
    let mut take = |id: &str| by_id.remove(id).cloned();
    let delta = Delta {
        dataset: dataset.to_string(),
        snapshot_date: snapshot.info.snapshot_date.clone(),
        added: diff.added.iter().filter_map(|id| take(id)).collect(),
        changed: diff
            .changed
            .iter()
            .filter_map(|c| take(&c.id).map(|e| (e, c.properties.clone())))
            .collect(),
        removed: diff.removed.clone(),
    };
    let watched = dir.load()?;
    let mut hits = dir.hits()?;
    let report = watch::rescreen(&watched, &delta, &mut hits, &MatchConfig::default());
    dir.save_hits(&hits)?;
    dir.save_report(&report)?;
    println!(
        "watch: {} parties re-screened against {} changed records: {} new hits, {} changed, {} gone (interdict watch report)",
        report.watched,
        report.delta.iter().sum::<usize>(),
        report.new.len(),
        report.changed.len(),
        report.gone.len()
    );
    Ok(())
}

fn report(dir: &WatchDir, format: Format, all: bool) -> anyhow::Result<ExitCode> {
    let mut reports = dir.reports()?;
    if !all && reports.len() > 1 {
        reports.drain(..reports.len() - 1);
    }
    match format {
        Format::Json if all => println!("{}", serde_json::to_string_pretty(&reports)?),
        Format::Json => println!("{}", serde_json::to_string_pretty(&reports.last())?),
        Format::Table => {
            if reports.is_empty() {
                println!("no list update since the watched set was added");
            }
            for r in &reports {
                print_report(r);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(r: &WatchReport) {
    println!(
        "{} {} ({}): {} watched; {} added, {} removed, {} changed records",
        r.dataset,
        r.snapshot_date,
        r.at.get(..19).unwrap_or(&r.at).replace('T', " "),
        r.watched,
        r.delta[0],
        r.delta[1],
        r.delta[2]
    );
    for (title, hits) in [
        ("new hits", &r.new),
        ("changed hits", &r.changed),
        ("gone hits", &r.gone),
    ] {
        println!("\n{title}: {}", hits.len());
        if hits.is_empty() {
            continue;
        }
        let rows: Vec<Vec<String>> = hits.iter().map(row).collect();
        print!(
            "{}",
            output::table(&["watched", "name", "listed", "score", "why"], &rows)
        );
    }
}

fn row(h: &WatchHit) -> Vec<String> {
    vec![
        h.watched.clone(),
        h.name.clone(),
        if h.caption.is_empty() {
            h.listed.clone()
        } else {
            format!("{} ({})", h.listed, h.caption)
        },
        h.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
        h.detail.clone(),
    ]
}
