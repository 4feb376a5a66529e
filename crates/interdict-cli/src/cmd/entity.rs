//! `interdict entity <id>`: one listed record as FollowTheMoney JSON.

use super::{Context, Format};
use anyhow::Context as _;
use clap::Args;
use std::process::ExitCode;

#[derive(Args)]
pub struct EntityArgs {
    /// Record id, `<dataset>:<source id>`, e.g. un_sc_sanctions:KPi.033.
    id: String,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

pub fn run(ctx: &Context, args: EntityArgs) -> anyhow::Result<ExitCode> {
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
        Format::Table => {
            println!("{} ({})", entity.caption(), entity.schema);
            println!("id: {}", entity.id);
            for (prop, values) in &entity.properties {
                for v in values {
                    println!("  {prop}: {v}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
