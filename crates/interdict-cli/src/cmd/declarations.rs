//! `interdict screen --engine datafusion|ballista FILE`: customs declaration
//! files screened through SQL (analytics in `interdict-trade`): parties
//! through `screen_name`, goods through `controlled`, so the same query runs
//! in this process or on a Ballista cluster.

use crate::cmd::flows::{register, ReadArgs};
use crate::cmd::Context;
use crate::output;
use anyhow::Context as _;
use clap::ValueEnum;
use interdict_engine::Engine;
use interdict_match::{MatchConfig, Query};
use interdict_model::Schema;
use interdict_screen::{Jurisdiction, Scope};
use interdict_trade::{Cluster, NameHit, NameScreen, Tables, TradeError, TradeSession};
use serde_json::{json, Value};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// Which engine screens: the rules engine on shipment files (default), or
/// SQL on declaration files, in process or on Ballista.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ScreenEngine {
    /// The rules engine, shipment by shipment (JSON lines or flat CSV).
    Rules,
    /// Declaration files through SQL on Apache DataFusion, in process.
    Datafusion,
    /// Declaration files through SQL on Apache DataFusion Ballista: a
    /// standalone cluster in process, or `--cluster df://host:port`.
    Ballista,
}

/// Where SQL runs: `--engine`, `--cluster`, `--executors` (flows, sql, screen).
#[derive(clap::Args, Clone, Debug)]
pub struct ClusterArgs {
    /// `rules` (shipments, the default of `screen`), `datafusion` (SQL in
    /// process, the default of `flows` and `sql`) or `ballista`.
    #[arg(long, value_enum)]
    pub engine: Option<ScreenEngine>,
    /// A running Ballista scheduler, `df://host:port` (with `--engine ballista`);
    /// without it Ballista runs standalone in this process.
    #[arg(long, value_name = "URL")]
    pub cluster: Option<String>,
    /// Executors of the standalone Ballista cluster.
    #[arg(long, default_value_t = 2)]
    pub executors: usize,
}

impl ClusterArgs {
    /// Where `flows` and `sql` run (always SQL).
    pub fn sql_cluster(&self) -> anyhow::Result<Cluster> {
        if self.engine == Some(ScreenEngine::Rules) {
            anyhow::bail!(
                "--engine rules screens shipments; flows and sql run on datafusion or ballista"
            );
        }
        cluster(
            self.engine.unwrap_or(ScreenEngine::Datafusion),
            self.cluster.as_deref(),
            self.executors,
        )
    }
}

/// The engine's matcher as the `screen_name` function's screener.
pub struct EngineNames(pub &'static Engine);

impl NameScreen for EngineNames {
    fn best(&self, name: &str, schema: &str) -> Option<NameHit> {
        let schema = schema.parse::<Schema>().unwrap_or(Schema::LegalEntity);
        let query = Query::new("sql", schema, name);
        query.validate().ok()?;
        let config = MatchConfig {
            limit: 1,
            ..MatchConfig::default()
        };
        let best = self
            .0
            .matcher()
            .search(&query, &config)
            .into_iter()
            .next()?;
        Some(NameHit {
            id: best.id,
            caption: best.caption,
            score: best.score,
            matched: best.is_match,
        })
    }
}

/// Where the SQL runs, from `--engine`, `--cluster` and `--executors`.
pub fn cluster(
    engine: ScreenEngine,
    url: Option<&str>,
    executors: usize,
) -> anyhow::Result<Cluster> {
    match (engine, url) {
        #[cfg(feature = "ballista")]
        (ScreenEngine::Ballista, Some(url)) => Ok(Cluster::Remote(url.to_string())),
        #[cfg(feature = "ballista")]
        (ScreenEngine::Ballista, None) => Ok(Cluster::Standalone { executors }),
        #[cfg(not(feature = "ballista"))]
        (ScreenEngine::Ballista, _) => {
            let _ = executors;
            anyhow::bail!(
                "this binary was built without Ballista: build it with --features ballista"
            )
        }
        (_, Some(_)) => anyhow::bail!("--cluster needs --engine ballista"),
        _ => Ok(Cluster::Embedded),
    }
}

/// The goods rules' name of a jurisdiction (the rules say UK for gb).
fn rules_code(j: Jurisdiction) -> &'static str {
    match j {
        Jurisdiction::Gb => "UK",
        other => other.label(),
    }
}

/// The query: every declaration line with both parties' best listed party
/// and the goods status under each jurisdiction in scope.
fn query(table: &str, scope: &Scope) -> String {
    let goods: Vec<String> = scope
        .jurisdictions()
        .into_iter()
        .map(|j| {
            let code = rules_code(j);
            format!("controlled(hs, destination, date, '{code}') AS \"goods_{code}\"")
        })
        .collect();
    format!(
        "SELECT declaration_id, date, exporter, consignee, origin, destination, hs, value_usd, \
         screen_name(exporter, 'LegalEntity') AS exporter_hit, \
         screen_name(consignee, 'LegalEntity') AS consignee_hit, {} FROM {table}",
        goods.join(", ")
    )
}

/// The decision on one line, as the rules engine decides a shipment's
/// parties and goods: a party matching at `critical` or above
/// (`party_critical_score` of the screening rules) or prohibited goods
/// block; a weaker match, or goods that need a licence, are reviewed.
fn decide(row: &Value, critical: f64) -> (&'static str, Vec<String>) {
    let (mut block, mut review) = (Vec::new(), Vec::new());
    for role in ["exporter", "consignee"] {
        let hit = &row[format!("{role}_hit")];
        if hit["matched"] != json!(true) {
            continue;
        }
        let score = hit["score"].as_f64().unwrap_or_default();
        let reason = format!(
            "{role} matches {} ({}, score {score:.2})",
            hit["id"].as_str().unwrap_or_default(),
            hit["caption"].as_str().unwrap_or_default(),
        );
        if score >= critical {
            block.push(reason);
        } else {
            review.push(reason);
        }
    }
    if let Some(obj) = row.as_object() {
        for (k, v) in obj.iter().filter(|(k, _)| k.starts_with("goods_")) {
            let j = k.trim_start_matches("goods_");
            match v.as_str() {
                Some("prohibited") => block.push(format!("goods prohibited under {j}")),
                Some("licence_required") => review.push(format!("licence required under {j}")),
                _ => {}
            }
        }
    }
    if !block.is_empty() {
        block.extend(review);
        ("block", block)
    } else if !review.is_empty() {
        ("review", review)
    } else {
        ("clear", review)
    }
}

/// Options of the SQL path, from `interdict screen`.
pub struct SqlScreen<'a> {
    pub files: &'a [PathBuf],
    pub cluster: Cluster,
    pub scope: &'a Scope,
    pub output: Option<&'a std::path::Path>,
    pub read: &'a ReadArgs,
}

pub fn run(ctx: &Context, args: &SqlScreen<'_>) -> anyhow::Result<ExitCode> {
    let cluster = args.cluster.clone();
    let engine = ctx.engine()?;
    let mut session = start(engine, &cluster)?;
    let critical = engine.with_screener(|s| s.config.parameters.party_critical_score);
    let Some(load) = register(
        &mut session,
        "declarations",
        args.files,
        &args.read.options()?,
    )?
    else {
        return Ok(ExitCode::FAILURE);
    };
    let mut out = output::open(args.output)?;
    let mut counts = [0u64; 3];
    let started = Instant::now();
    session.sql_rows(&query("declarations", args.scope), |row| {
        let (decision, reasons) = decide(&row, critical);
        counts[match decision {
            "block" => 0,
            "review" => 1,
            _ => 2,
        }] += 1;
        let mut line = row;
        line["decision"] = json!(decision);
        line["reasons"] = json!(reasons);
        writeln!(out, "{line}").map_err(|e| TradeError::Config(format!("writing: {e}")))
    })?;
    out.flush()?;
    let n: u64 = counts.iter().sum();
    let secs = started.elapsed().as_secs_f64();
    eprintln!(
        "{n} declaration line(s) on {cluster:?}: {} block, {} review, {} clear, {} rejected; \
         {:.0} lines/s",
        counts[0],
        counts[1],
        counts[2],
        load.rejected.len(),
        n as f64 / secs.max(1e-9)
    );
    // As for shipments: decisions are output, not failures; skipped bad
    // rows are.
    Ok(if load.rejected.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(interdict_model::error_code::EXIT_RECORD_ERRORS)
    })
}

/// A session for `flows` and `sql`: the goods functions, no party screening
/// (it would load every list for queries that do not use it).
pub fn session(args: &ClusterArgs) -> anyhow::Result<TradeSession> {
    let tables = Arc::new(Tables::bundled().context("loading goods tables")?);
    TradeSession::start(&args.sql_cluster()?, tables, None).context("starting the SQL session")
}

/// A session with `screen_name` over the bundled lists too.
pub fn session_with_names(ctx: &Context, args: &ClusterArgs) -> anyhow::Result<TradeSession> {
    start(ctx.engine()?, &args.sql_cluster()?)
}

fn start(engine: &'static Engine, cluster: &Cluster) -> anyhow::Result<TradeSession> {
    let names: Arc<dyn NameScreen> = Arc::new(EngineNames(engine));
    let tables = Arc::new(Tables::bundled().context("loading goods tables")?);
    TradeSession::start(cluster, tables, Some(names)).context("starting the SQL session")
}
