//! `interdict clear`: record that a screened party is not a listed party,
//! with the reason. The clear is an audit entry holding the listed party's
//! names, dates and identifiers as they are now; later screenings show the
//! hit marked cleared until that content changes, the record leaves its
//! list or the clear expires.

use super::record::By;
use super::Context;
use crate::output;
use anyhow::{bail, Context as _};
use clap::Args;
use interdict_review::clear::{clear_entry, ClearRequest};
use std::process::ExitCode;

#[derive(Args)]
pub struct ClearArgs {
    /// The screened party's name, as screened.
    #[arg(long = "query-name", value_name = "NAME")]
    query_name: String,
    /// Only for the query with this id (batch ids).
    #[arg(long = "query-id", value_name = "ID")]
    query_id: Option<String>,
    /// The listed record or party id the hit was on.
    #[arg(long, value_name = "ID")]
    listed: String,
    /// Why the party is not the listed one.
    #[arg(long)]
    reason: String,
    /// Last day (YYYY-MM-DD) the clear holds.
    #[arg(long, value_name = "DATE")]
    expires: Option<String>,
    #[command(flatten)]
    by: By,
}

pub fn run(ctx: &Context, args: ClearArgs) -> anyhow::Result<ExitCode> {
    if args.reason.trim().is_empty() {
        bail!("--reason must say why the party is not the listed one");
    }
    if let Some(e) = &args.expires {
        if !interdict_review::clock::is_iso_date(e) {
            bail!("--expires must be a date YYYY-MM-DD, not {e:?}");
        }
    }
    // Verified before the engine loads: a broken log stops at once.
    let mut writer = ctx.writer(&args.by)?;
    let engine = ctx.engine()?;
    let Some((party, _)) = engine.entity(&args.listed) else {
        bail!("no listed record or party has id {:?}", args.listed);
    };
    let sources = engine.sources(&party.datasets, output::today());
    let req = ClearRequest {
        query_name: args.query_name.clone(),
        query_id: args.query_id.clone(),
        listed: args.listed.clone(),
        reason: args.reason.clone(),
        expires: args.expires.clone(),
        user: writer.user().to_string(),
    };
    let entry = clear_entry(&req, party, serde_json::to_value(&sources)?);
    let seq = writer
        .append(entry)
        .context("recording the clear in the audit log")?;
    println!(
        "cleared: {:?} is not {} ({}): {}{}; audit entry {seq}",
        args.query_name,
        args.listed,
        party.caption(),
        args.reason,
        args.expires
            .as_deref()
            .map(|e| format!(" (until {e})"))
            .unwrap_or_default()
    );
    Ok(ExitCode::SUCCESS)
}
