//! `interdict audit`: verify the hash chain of the audit log, and list
//! its entries. Every screening recorded with `--record` (or
//! `INTERDICT_RECORD=1`) is one entry.

use super::{Context, Format};
use crate::output;
use anyhow::bail;
use clap::{Args, Subcommand};
use interdict_review::{audit, AuditLog, Entry};
use serde_json::json;
use std::process::ExitCode;

#[derive(Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    action: AuditAction,
}

#[derive(Subcommand)]
enum AuditAction {
    /// Check every entry against the hash chain; names the first entry
    /// edited, deleted or reordered (exit status 1).
    Verify {
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// List recorded entries, oldest first.
    Log {
        /// Only entries on or after this day (YYYY-MM-DD) or time (RFC 3339).
        #[arg(long)]
        since: Option<String>,
        /// Only entries that screened a party whose name contains this.
        #[arg(long)]
        party: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
}

pub fn run(ctx: &Context, args: AuditArgs) -> anyhow::Result<ExitCode> {
    let db = ctx.database()?;
    let log = AuditLog::open(&db)?;
    match args.action {
        AuditAction::Verify { format } => {
            let v = log.verification();
            match format {
                Format::Json => println!(
                    "{}",
                    serde_json::to_string_pretty(
                        &json!({"database": db.describe(), "verification": v})
                    )?
                ),
                Format::Table => match &v.broken {
                    Some(b) => println!(
                        "FAILED: {b}\n{} entries before it verify; {}",
                        v.verified,
                        db.describe()
                    ),
                    None => println!(
                        "ok: {} entries verify; head {}; {}",
                        v.verified,
                        v.head.as_deref().unwrap_or("(empty)"),
                        db.describe()
                    ),
                },
            }
            Ok(if v.broken.is_some() {
                ExitCode::FAILURE
            } else {
                ExitCode::SUCCESS
            })
        }
        AuditAction::Log {
            since,
            party,
            format,
        } => {
            if let Some(s) = &since {
                if !s
                    .get(..10)
                    .is_some_and(interdict_review::clock::is_iso_date)
                {
                    bail!("--since must be a date YYYY-MM-DD or an RFC 3339 time, not {s:?}");
                }
            }
            let entries = audit::select(log.entries(), since.as_deref(), party.as_deref());
            print_log(&entries, format)?;
            if let Some(b) = &log.verification().broken {
                eprintln!(
                    "warning: the log fails verification at {b}; entries from it on are not shown"
                );
                return Ok(ExitCode::FAILURE);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_log(entries: &[&Entry], format: Format) -> anyhow::Result<()> {
    match format {
        Format::Json => println!("{}", serde_json::to_string_pretty(entries)?),
        Format::Table => {
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    vec![
                        e.seq.to_string(),
                        e.time.get(..19).unwrap_or(&e.time).replace('T', " "),
                        e.user.clone(),
                        e.command.clone(),
                        e.parties.join("; "),
                        e.decision.clone(),
                    ]
                })
                .collect();
            print!(
                "{}",
                output::table(
                    &["#", "time (UTC)", "user", "command", "parties", "decision"],
                    &rows
                )
            );
        }
    }
    Ok(())
}
