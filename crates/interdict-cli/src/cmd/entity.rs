//! `interdict entity <id>`: a listed party as FollowTheMoney JSON. Any
//! record id of a party finds the merged party, shown with the records each
//! value comes from and the reasons its records were merged; `--no-merge`
//! shows the one record as its list has it.

use super::{Context, Format};
use anyhow::Context as _;
use clap::Args;
use interdict_link::Cluster;
use interdict_model::Entity;
use serde_json::json;
use std::process::ExitCode;

#[derive(Args)]
pub struct EntityArgs {
    /// Record id, `<dataset>:<source id>`, e.g. un_sc_sanctions:KPi.033.
    id: String,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// The record alone, as its list has it, not the merged party.
    #[arg(long = "no-merge")]
    no_merge: bool,
}

pub fn run(ctx: &Context, args: EntityArgs) -> anyhow::Result<ExitCode> {
    if args.no_merge {
        return record(ctx, &args);
    }
    let engine = ctx.engine()?;
    let (entity, cluster) = engine
        .entity(&args.id)
        .with_context(|| format!("no record {} in the loaded lists", args.id))?;
    let sources = engine.sources(&entity.datasets, crate::output::today());
    match args.format {
        Format::Json => {
            let mut v = json!(entity);
            if let Some(c) = cluster {
                v["merge"] = json!({
                    "members": c.members,
                    "reasons": c.reasons.iter().map(ToString::to_string).collect::<Vec<_>>(),
                    "value_sources": c.sources,
                });
            }
            let (s, w) = crate::output::sources_json(&sources);
            v["sources"] = s;
            v["warnings"] = w;
            println!("{}", serde_json::to_string_pretty(&v)?);
        }
        Format::Table => {
            print_entity(entity, cluster);
            println!("lists: {}", crate::output::sources_text(&sources));
            for w in sources.iter().filter_map(|s| s.warning()) {
                println!("warning: {w}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_entity(entity: &Entity, cluster: Option<&Cluster>) {
    println!("{} ({})", entity.caption(), entity.schema);
    println!("id: {}", entity.id);
    if let Some(c) = cluster.filter(|c| c.members.len() > 1) {
        println!("records: {}", c.members.join(", "));
        for r in &c.reasons {
            println!("merged: {r}");
        }
    }
    for (prop, values) in &entity.properties {
        for v in values {
            match cluster.filter(|c| c.members.len() > 1) {
                Some(c) => println!("  {prop}: {v}  [{}]", c.sources_of(prop, v).join(", ")),
                None => println!("  {prop}: {v}"),
            }
        }
    }
}

/// One record as its list has it.
fn record(ctx: &Context, args: &EntityArgs) -> anyhow::Result<ExitCode> {
    let (dataset, _) = args.id.split_once(':').with_context(|| {
        format!(
            "{:?} is not an id of the form <dataset>:<source id>",
            args.id
        )
    })?;
    let store = ctx.store()?;
    let mut snapshots = Vec::new();
    if interdict_lists::known_datasets().contains(&dataset) {
        snapshots.push(interdict_lists::load_dataset(dataset, &store)?);
    }
    for path in &ctx.dataset_files {
        snapshots.push(interdict_lists::load_ftm_file(path)?);
    }
    let entity = snapshots
        .iter()
        .find_map(|s| s.get(&args.id))
        .with_context(|| format!("no record {} in the loaded lists", args.id))?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(entity)?),
        Format::Table => print_entity(entity, None),
    }
    Ok(ExitCode::SUCCESS)
}
