//! `interdict lists`: what is loaded, how its records link into parties
//! (merges by rule, conflicts), and verified updates and diffs of snapshots.

use super::{Context, Format};
use crate::output;
use anyhow::Context as _;
use clap::{Args, Subcommand};
use interdict_engine::STALE_AFTER_DAYS;
use interdict_link::Linked;
use interdict_lists::{Snapshot, Store};
use interdict_model::Entity;
use serde_json::json;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
    let started = Instant::now();
    let store = ctx.store()?;
    let mut snapshots = interdict_lists::load(&store)?;
    for path in &ctx.dataset_files {
        snapshots.push(interdict_lists::load_ftm_file(path)?);
    }
    let loaded = started.elapsed().as_secs_f64();
    let records: Vec<Entity> = snapshots
        .iter()
        .flat_map(|s| s.entities.iter().cloned())
        .collect();
    let linking = Instant::now();
    let linked = interdict_link::link(&records);
    let linked_in = linking.elapsed().as_secs_f64();
    match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = snapshots.iter().map(summary).collect();
            let out = json!({
                "datasets": rows,
                "linking": linking_json(&linked),
            });
            println!("{}", serde_json::to_string_pretty(&out)?);
        }
        Format::Table => {
            print_datasets(&snapshots);
            print_linking(&linked);
            println!("loaded in {loaded:.2} s, linked in {linked_in:.2} s");
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

fn print_datasets(snapshots: &[Snapshot]) {
    let mut table = Vec::new();
    for s in snapshots {
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
    for s in snapshots {
        for note in &s.stats.notes {
            println!("note: {}: {note}", s.info.name);
        }
    }
}

/// Records → parties, the merges each rule made, and every conflict.
fn print_linking(linked: &Linked) {
    let s = &linked.stats;
    println!(
        "\nlinking: {} records -> {} parties ({} records merged, largest party {} records)",
        s.records, s.parties, s.merged_records, s.largest_cluster
    );
    let rows: Vec<Vec<String>> = s
        .merges_by_rule
        .iter()
        .map(|(rule, n)| vec![rule.to_string(), n.to_string()])
        .collect();
    print!("{}", output::table(&["merge rule", "merges"], &rows));
    println!(
        "{} conflicts (merges refused), {} cited merges whose birth dates differ",
        s.conflicts, s.disagreements
    );
    for c in &linked.conflicts {
        println!("conflict: {c}");
    }
}

fn linking_json(linked: &Linked) -> serde_json::Value {
    json!({
        "stats": linked.stats,
        "conflicts": linked.conflicts.iter().map(|c| json!({
            "text": c.to_string(),
            "conflict": c,
        })).collect::<Vec<_>>(),
        "disagreements": linked.disagreements.iter().map(ToString::to_string).collect::<Vec<_>>(),
    })
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
    // Checked before the swap: an update re-opens clears in the audit log,
    // and a log that fails verification stops it before anything changes.
    let mut writer = match ctx.audit_exists()? {
        true => Some(ctx.writer(&super::record::By::default())?),
        false => None,
    };
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
        if let Some(w) = writer.as_mut() {
            super::record::reopen_removed(w, d)?;
        }
        super::watch::after_update(&store, dataset, d)?;
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
