//! `interdict flows`: trade flows to one destination by period, with the
//! controlled and basket (luxury) parts (analytics in `interdict-trade`).

use clap::{Args, ValueEnum};
use interdict_trade::{
    flows, render, By, FlowsQuery, Layout, LoadOptions, LoadReport, TradeError, TradeSession,
};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Period {
    Year,
    Month,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FlowsFormat {
    Table,
    Json,
    Html,
}

/// Options shared by `flows` and `sql` for reading trade files.
#[derive(Args, Clone)]
pub struct ReadArgs {
    /// Input layout (comtrade-plus, comtrade-bulk, baci, declarations, canonical);
    /// detected from the header when omitted. Parquet input is canonical.
    #[arg(long)]
    pub layout: Option<String>,
    /// Column mapping override `field=column` (repeatable), e.g. `value=fobvalue`.
    #[arg(long = "map", value_name = "FIELD=COLUMN")]
    pub mapping: Vec<String>,
    /// Run on the valid rows and count the rejected ones instead of stopping.
    #[arg(long)]
    pub skip_bad_rows: bool,
    /// BACI country code file (numeric code → ISO-3).
    #[arg(long, value_name = "CSV")]
    pub baci_countries: Option<PathBuf>,
}

impl ReadArgs {
    pub fn options(&self) -> anyhow::Result<LoadOptions> {
        Ok(LoadOptions {
            layout: self
                .layout
                .as_deref()
                .map(str::parse::<Layout>)
                .transpose()?,
            mapping: self.mapping.clone(),
            skip_bad_rows: self.skip_bad_rows,
            baci_countries: self.baci_countries.clone(),
        })
    }
}

#[derive(Args)]
pub struct FlowsArgs {
    /// Trade files (CSV in any supported layout, or canonical Parquet).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// Destination country.
    #[arg(long)]
    to: String,
    /// Only flows from these origins (repeatable).
    #[arg(long)]
    from: Vec<String>,
    #[arg(long, value_enum, default_value_t = Period::Year)]
    by: Period,
    /// Basket behind `luxury_usd`: un, eu or kr (the South Korean list).
    #[arg(long, default_value = "un")]
    basket: String,
    /// Jurisdiction behind `controlled_usd`.
    #[arg(long, default_value = "UN")]
    jurisdiction: String,
    #[arg(long, value_enum, default_value_t = FlowsFormat::Table)]
    format: FlowsFormat,
    #[command(flatten)]
    read: ReadArgs,
    #[command(flatten)]
    cluster: crate::cmd::declarations::ClusterArgs,
}

/// Prints the rejected rows (at most 50) to standard error.
fn report_rejections(rows: &[interdict_trade::Rejection]) {
    for r in rows.iter().take(50) {
        eprintln!("rejected: {r}");
    }
    if rows.len() > 50 {
        eprintln!("... and {} more", rows.len() - 50);
    }
    eprintln!("{} rejected row(s)", rows.len());
}

/// Registers `files` as table `name`, printing the rejected rows. None when
/// they stop the run (no `--skip-bad-rows`): the caller exits with failure.
pub fn register(
    session: &mut TradeSession,
    name: &str,
    files: &[PathBuf],
    opts: &LoadOptions,
) -> anyhow::Result<Option<LoadReport>> {
    match session.register(name, files, opts) {
        Err(TradeError::BadRows(rows)) => {
            report_rejections(&rows);
            eprintln!("stopped: pass --skip-bad-rows to run on the valid rows");
            Ok(None)
        }
        Ok(load) => {
            if !load.rejected.is_empty() {
                report_rejections(&load.rejected);
            }
            Ok(Some(load))
        }
        Err(e) => Err(e.into()),
    }
}

pub fn run(args: FlowsArgs) -> anyhow::Result<ExitCode> {
    let mut session = crate::cmd::declarations::session(&args.cluster)?;
    let Some(load) = register(&mut session, "trade", &args.files, &args.read.options()?)? else {
        return Ok(ExitCode::FAILURE);
    };
    let q = FlowsQuery {
        table: "trade".into(),
        destination: args.to,
        from: args.from,
        by: match args.by {
            Period::Year => By::Year,
            Period::Month => By::Month,
        },
        basket: args.basket,
        jurisdiction: args.jurisdiction,
    };
    let (report, drivers) = flows(&session, &q, load.rejected.len())?;
    let names: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let generated = names.iter().any(|n| n.contains("generated"));
    let label = if generated {
        format!("GENERATED input ({})", names.join(", "))
    } else {
        format!("input ({})", names.join(", "))
    };
    let source = session
        .tables()
        .basket(&report.basket)
        .map(|b| b.source.clone())
        .unwrap_or_default();
    match args.format {
        FlowsFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        FlowsFormat::Table => print!(
            "{}",
            render::table(&report, &drivers, &format!(" — {label}"))
        ),
        FlowsFormat::Html => println!("{}", render::html(&report, &drivers, &label, &source)?),
    }
    Ok(ExitCode::SUCCESS)
}
