//! `interdict lists`: what is loaded, and verified updates and diffs of snapshots.

use super::{Context, Format};
use crate::output;
use anyhow::Context as _;
use clap::{Args, Subcommand};
use interdict_lists::{Snapshot, Store};
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;

/// Snapshots older than this many days get a warning.
const STALE_AFTER_DAYS: i64 = 90;

#[derive(Args)]
pub struct ListsArgs {
    #[command(subcommand)]
    action: Option<ListsAction>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

#[derive(Subcommand)]
enum ListsAction {
    /// Fetch (http/https) or read a new snapshot, verify it, and swap it in atomically.
    Update {
        /// Dataset name, e.g. un_sc_sanctions.
        dataset: String,
        /// URL or path of the new snapshot in the dataset's own format.
        #[arg(long)]
        from: String,
        /// Refuse the snapshot if its record count falls by more than this share.
        #[arg(long, default_value_t = interdict_lists::DEFAULT_MAX_DROP)]
        max_drop: f64,
    },
    /// List records added, removed and changed between two snapshots.
    Diff {
        dataset: String,
        /// A path, or `bundled`, `current` or `previous`.
        old: String,
        /// A path, or `bundled`, `current` or `previous`.
        new: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

pub fn run(ctx: &Context, args: ListsArgs) -> anyhow::Result<ExitCode> {
    match args.action {
        None => show(ctx, args.format),
        Some(ListsAction::Update {
            dataset,
            from,
            max_drop,
        }) => update(ctx, &dataset, &from, max_drop),
        Some(ListsAction::Diff {
            dataset,
            old,
            new,
            format,
        }) => diff(ctx, &dataset, &old, &new, format),
    }
}

fn show(ctx: &Context, format: Format) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let mut snapshots = interdict_lists::load(&store)?;
    for path in &ctx.dataset_files {
        snapshots.push(interdict_lists::load_ftm_file(path)?);
    }
    let rows: Vec<serde_json::Value> = snapshots.iter().map(summary).collect();
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&rows)?),
        Format::Table => {
            let mut table = Vec::new();
            for s in &snapshots {
                let counts = s
                    .stats
                    .counts
                    .iter()
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let age = output::age_in_days(&s.info.snapshot_date)
                    .map_or_else(|| "?".to_string(), |d| format!("{d} d"));
                table.push(vec![
                    s.info.name.clone(),
                    s.info.publisher.clone(),
                    s.info.snapshot_date.clone(),
                    age,
                    s.stats.total.to_string(),
                    s.stats.dprk.to_string(),
                    counts,
                ]);
            }
            print!(
                "{}",
                output::table(
                    &[
                        "dataset",
                        "publisher",
                        "snapshot",
                        "age",
                        "records",
                        "DPRK",
                        "entities by schema"
                    ],
                    &table
                )
            );
            for s in &snapshots {
                for note in &s.stats.notes {
                    println!("note: {}: {note}", s.info.name);
                }
            }
        }
    }
    for s in &snapshots {
        if let Some(age) = output::age_in_days(&s.info.snapshot_date) {
            if age > STALE_AFTER_DAYS {
                eprintln!(
                    "warning: {} snapshot of {} is {age} days old (more than {STALE_AFTER_DAYS}); run `interdict lists update {} --from <url>`",
                    s.info.name, s.info.snapshot_date, s.info.name
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn summary(s: &Snapshot) -> serde_json::Value {
    json!({
        "dataset": s.info.name,
        "title": s.info.title,
        "publisher": s.info.publisher,
        "snapshot_date": s.info.snapshot_date,
        "age_days": output::age_in_days(&s.info.snapshot_date),
        "stale": output::age_in_days(&s.info.snapshot_date).is_some_and(|d| d > STALE_AFTER_DAYS),
        "total": s.stats.total,
        "counts": s.stats.counts,
        "dprk": s.stats.dprk,
        "unjoined": s.stats.unjoined,
        "notes": s.stats.notes,
        "source_url": s.info.source_url,
    })
}

fn update(ctx: &Context, dataset: &str, from: &str, max_drop: f64) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let report = interdict_lists::update(&store, dataset, from, max_drop)
        .with_context(|| format!("the current {dataset} snapshot was kept"))?;
    println!(
        "updated {}: {} records (was {}), snapshot {}, stored as {}",
        report.dataset,
        report.new_total,
        report
            .old_total
            .map_or_else(|| "bundled".to_string(), |n| n.to_string()),
        report.snapshot_date,
        report.path.display()
    );
    if let Some(d) = &report.diff {
        println!(
            "{} added, {} removed, {} changed",
            d.added.len(),
            d.removed.len(),
            d.changed.len()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn resolve(store: &Store, dataset: &str, which: &str) -> anyhow::Result<Snapshot> {
    let stored = |s: Option<interdict_lists::StoredSnapshot>| {
        s.with_context(|| format!("the store has no {which} snapshot of {dataset}"))
    };
    Ok(match which {
        "bundled" => interdict_lists::load_bundled_dataset(dataset)?,
        "current" => {
            interdict_lists::parse_snapshot(dataset, &stored(store.current(dataset)?)?.path)?
        }
        "previous" => {
            interdict_lists::parse_snapshot(dataset, &stored(store.previous(dataset)?)?.path)?
        }
        path => interdict_lists::parse_snapshot(dataset, &PathBuf::from(path))?,
    })
}

fn diff(
    ctx: &Context,
    dataset: &str,
    old: &str,
    new: &str,
    format: Format,
) -> anyhow::Result<ExitCode> {
    let store = ctx.store()?;
    let old = resolve(&store, dataset, old)?;
    let new = resolve(&store, dataset, new)?;
    let d = interdict_lists::diff(&old, &new);
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&d)?),
        Format::Table => {
            for id in &d.added {
                println!("+ {id}");
            }
            for id in &d.removed {
                println!("- {id}");
            }
            for c in &d.changed {
                println!("~ {} ({})", c.id, c.properties.join(", "));
            }
            println!(
                "{} added, {} removed, {} changed, {} unchanged",
                d.added.len(),
                d.removed.len(),
                d.changed.len(),
                d.unchanged
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
