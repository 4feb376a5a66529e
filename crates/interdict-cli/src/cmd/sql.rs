//! `interdict sql`: any SQL over trade files, with interdict's functions
//! (`hs_category`, `luxury`, `luxury_category`, `controlled`, and
//! `screen_name` over the bundled lists).

use crate::cmd::flows::{register, ReadArgs};
use anyhow::Context as _;
use clap::Args;
use interdict_trade::pretty;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct SqlArgs {
    /// The query.
    query: String,
    /// A table `NAME=FILE[,FILE...]` (repeatable).
    #[arg(long = "table", value_name = "NAME=FILE")]
    tables: Vec<String>,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    cluster: crate::cmd::declarations::ClusterArgs,
}

pub fn run(ctx: &crate::cmd::Context, args: SqlArgs) -> anyhow::Result<ExitCode> {
    // The lists are loaded only for a query that screens names.
    let names = args.query.to_ascii_lowercase().contains("screen_name");
    let mut session = if names {
        crate::cmd::declarations::session_with_names(ctx, &args.cluster)?
    } else {
        crate::cmd::declarations::session(&args.cluster)?
    };
    let opts = args.read.options()?;
    for t in &args.tables {
        let (name, files) = t
            .split_once('=')
            .with_context(|| format!("--table {t:?} is not NAME=FILE"))?;
        let files: Vec<PathBuf> = files.split(',').map(PathBuf::from).collect();
        if register(&mut session, name, &files, &opts)?.is_none() {
            return Ok(ExitCode::FAILURE);
        }
    }
    let batches = session.sql(&args.query)?;
    print!("{}", pretty(&batches)?);
    println!();
    Ok(ExitCode::SUCCESS)
}
