//! A DataFusion session with interdict's tables and functions registered.
//! The library is synchronous to its callers: the session owns the tokio
//! runtime that DataFusion needs.

use crate::error::{Rejection, TradeError};
use crate::read::{self, LoadOptions};
use crate::screen_udf::{screen_name, NameScreen};
use crate::table;
use crate::tables::Tables;
use crate::udf;
use datafusion::arrow::array::RecordBatch;
use datafusion::datasource::MemTable;
use datafusion::logical_expr::ScalarUDF;
use datafusion::prelude::{cast, col, lit, DataFrame, ParquetReadOptions, SessionContext};
use datafusion::scalar::ScalarValue;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// What registering a table read.
#[derive(Debug, Clone, Serialize)]
pub struct LoadReport {
    /// The table name.
    pub table: String,
    /// Files read.
    pub files: usize,
    /// Valid rows read from CSV files (Parquet rows are not counted here).
    pub rows: usize,
    /// Rows left out, with file, line, field and reason.
    pub rejected: Vec<Rejection>,
}

/// Where a session's queries run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cluster {
    /// In this process, on Apache DataFusion.
    Embedded,
    /// On Apache DataFusion Ballista, with its scheduler and `executors`
    /// executors started in this process (what the tests use).
    #[cfg(feature = "ballista")]
    Standalone {
        /// Executors to start.
        executors: usize,
    },
    /// On a running Ballista scheduler, `df://host:port`, whose executors
    /// were started by `interdict cluster executor` (so they know the
    /// interdict functions).
    #[cfg(feature = "ballista")]
    Remote(String),
}

impl Cluster {
    /// Whether plans leave this process (tables must then be files every
    /// executor can read, not batches in this process's memory).
    fn distributed(&self) -> bool {
        !matches!(self, Cluster::Embedded)
    }
}

/// A query session: tables, functions and the runtime to run them.
pub struct TradeSession {
    runtime: tokio::runtime::Runtime,
    ctx: SessionContext,
    tables: Arc<Tables>,
    cluster: Cluster,
    /// Parquet files written from CSV input for a distributed session.
    staged: Vec<tempfile::TempDir>,
}

fn runtime() -> Result<tokio::runtime::Runtime, TradeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| TradeError::io("tokio runtime", e))
}

/// The interdict functions over `tables`, and `screen_name` over `names`.
fn all_functions(tables: &Arc<Tables>, names: Option<Arc<dyn NameScreen>>) -> Vec<ScalarUDF> {
    let mut fns = udf::functions(tables);
    fns.extend(names.map(screen_name));
    fns
}

/// A plain DataFusion context holding `functions`; its state is what a
/// Ballista scheduler and its executors are built from.
fn local_context(functions: &[ScalarUDF]) -> SessionContext {
    let ctx = SessionContext::new();
    register(&ctx, functions);
    ctx
}

fn register(ctx: &SessionContext, functions: &[ScalarUDF]) {
    for f in functions {
        ctx.register_udf(f.clone());
    }
}

impl TradeSession {
    /// An embedded (in-process) session with the bundled goods tables.
    pub fn embedded() -> Result<TradeSession, TradeError> {
        TradeSession::start(&Cluster::Embedded, Arc::new(Tables::bundled()?), None)
    }

    /// A session on `cluster` with the interdict functions over `tables`,
    /// and `screen_name` when a name screener is given.
    pub fn start(
        cluster: &Cluster,
        tables: Arc<Tables>,
        names: Option<Arc<dyn NameScreen>>,
    ) -> Result<TradeSession, TradeError> {
        let runtime = runtime()?;
        let functions = all_functions(&tables, names);
        let local = local_context(&functions);
        let ctx = match cluster {
            Cluster::Embedded => local,
            #[cfg(feature = "ballista")]
            Cluster::Standalone { executors } => {
                runtime.block_on(crate::ballista::standalone(local.state(), *executors))?
            }
            #[cfg(feature = "ballista")]
            Cluster::Remote(url) => {
                runtime.block_on(crate::ballista::remote(local.state(), url))?
            }
        };
        // Preparing a state for Ballista resets its functions to Ballista's
        // own: the client plans with ours again.
        register(&ctx, &functions);
        Ok(TradeSession {
            runtime,
            ctx,
            tables,
            cluster: cluster.clone(),
            staged: Vec::new(),
        })
    }

    /// Runs a scheduler process of a Ballista cluster whose plans know the
    /// interdict functions over `tables` (and `screen_name` over `names`).
    #[cfg(feature = "ballista")]
    pub fn serve_scheduler(
        tables: &Arc<Tables>,
        names: Option<Arc<dyn NameScreen>>,
        bind: std::net::SocketAddr,
        external_host: &str,
    ) -> Result<(), TradeError> {
        let state = local_context(&all_functions(tables, names)).state();
        runtime()?.block_on(crate::ballista::serve_scheduler(state, bind, external_host))
    }

    /// Runs an executor process of a Ballista cluster that knows the
    /// interdict functions.
    #[cfg(feature = "ballista")]
    pub fn serve_executor(
        tables: &Arc<Tables>,
        names: Option<Arc<dyn NameScreen>>,
        opts: crate::ballista::ExecutorOptions,
    ) -> Result<(), TradeError> {
        let state = local_context(&all_functions(tables, names)).state();
        runtime()?.block_on(crate::ballista::serve_executor(state, opts))
    }

    /// The goods tables and baskets the functions use.
    pub fn tables(&self) -> &Tables {
        &self.tables
    }

    /// The DataFusion context, for callers that build plans themselves.
    pub fn context(&self) -> &SessionContext {
        &self.ctx
    }

    /// Runs a future on the session's runtime.
    pub fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
        self.runtime.block_on(f)
    }

    /// Reads `files` (CSV in any layout, or canonical Parquet) and registers
    /// them as one table `name`. Stops with [`TradeError::BadRows`] on any
    /// rejected row unless `opts.skip_bad_rows`.
    pub fn register(
        &mut self,
        name: &str,
        files: &[PathBuf],
        opts: &LoadOptions,
    ) -> Result<LoadReport, TradeError> {
        let (parquet, csv): (Vec<&PathBuf>, Vec<&PathBuf>) =
            files.iter().partition(|p| is_parquet(p));
        // One canonical Parquet file or directory is registered as is: a
        // plain listing table, which scans in parallel and which a Ballista
        // cluster can read too.
        if let ([path], []) = (parquet.as_slice(), csv.as_slice()) {
            let path = path.display().to_string();
            self.block_on(
                self.ctx
                    .register_parquet(name, &path, ParquetReadOptions::default()),
            )?;
            return Ok(LoadReport {
                table: name.to_string(),
                files: 1,
                rows: 0,
                rejected: Vec::new(),
            });
        }
        let csv: Vec<PathBuf> = csv.into_iter().cloned().collect();
        let (per_file, rejected) = read::read_files(&csv, opts, &self.tables)?;
        let rows = per_file.iter().map(Vec::len).sum();
        let batches = per_file
            .iter()
            .map(|l| table::batch(l))
            .collect::<Result<Vec<_>, _>>()?;
        if !rejected.is_empty() && !opts.skip_bad_rows {
            return Err(TradeError::BadRows(rejected));
        }
        let mut frame = None;
        let mut parquet: Vec<PathBuf> = parquet.into_iter().cloned().collect();
        if !batches.is_empty() && self.cluster.distributed() {
            // Executors in other processes cannot see this process's
            // memory: checked rows go to a Parquet file they read.
            parquet.push(self.stage(&batches)?);
        } else if !batches.is_empty() {
            let partitions = batches.into_iter().map(|b| vec![b]).collect();
            let mem = MemTable::try_new(table::schema(), partitions)?;
            frame = Some(self.ctx.read_table(Arc::new(mem))?);
        }
        if !parquet.is_empty() {
            let refs: Vec<&PathBuf> = parquet.iter().collect();
            let df = self.block_on(self.read_parquet(&refs))?;
            frame = Some(match frame {
                Some(f) => f.union(df)?,
                None => df,
            });
        }
        let frame = frame.ok_or_else(|| TradeError::Config("no input files".into()))?;
        self.ctx.register_table(name, frame.into_view())?;
        Ok(LoadReport {
            table: name.to_string(),
            files: files.len(),
            rows,
            rejected,
        })
    }

    /// Canonical Parquet files, with every canonical column cast to its
    /// canonical type (absent declaration columns become NULL).
    async fn read_parquet(&self, files: &[&PathBuf]) -> Result<DataFrame, TradeError> {
        let paths: Vec<String> = files.iter().map(|p| p.display().to_string()).collect();
        let df = self
            .ctx
            .read_parquet(paths, ParquetReadOptions::default())
            .await?;
        let present: Vec<String> = df
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        let schema = table::schema();
        let mut exprs = Vec::new();
        for field in schema.fields() {
            let name = field.name();
            let e = if present.iter().any(|p| p == name) {
                cast(col(name.as_str()), field.data_type().clone())
            } else if ["year", "destination", "value_usd"].contains(&name.as_str()) {
                return Err(TradeError::Config(format!(
                    "Parquet input must be in the canonical layout: column {name} is missing"
                )));
            } else {
                let null = ScalarValue::try_from(field.data_type())?;
                cast(lit(null), field.data_type().clone())
            };
            exprs.push(e.alias(name.as_str()));
        }
        Ok(df.select(exprs)?)
    }

    /// Writes checked rows to a Parquet file kept for the session's life.
    fn stage(&mut self, batches: &[RecordBatch]) -> Result<PathBuf, TradeError> {
        use datafusion::parquet::arrow::ArrowWriter;
        let dir = tempfile::Builder::new()
            .prefix("interdict-trade-")
            .tempdir()
            .map_err(|e| TradeError::io("staging directory", e))?;
        let path = dir.path().join("staged.parquet");
        let file = std::fs::File::create(&path).map_err(|e| TradeError::io(&path, e))?;
        let mut w = ArrowWriter::try_new(file, table::schema(), None)?;
        for b in batches {
            w.write(b)?;
        }
        w.close()?;
        self.staged.push(dir);
        Ok(path)
    }

    /// Runs `query` and hands each result row to `f` as a JSON object,
    /// batch by batch, so a large result is never held at once.
    pub fn sql_rows(
        &self,
        query: &str,
        mut f: impl FnMut(serde_json::Value) -> Result<(), TradeError>,
    ) -> Result<(), TradeError> {
        use futures::StreamExt;
        self.block_on(async {
            let mut stream = self.ctx.sql(query).await?.execute_stream().await?;
            while let Some(batch) = stream.next().await {
                let mut w = arrow_json::LineDelimitedWriter::new(Vec::new());
                w.write(&batch?)?;
                w.finish()?;
                for line in w.into_inner().split(|b| *b == b'\n') {
                    if line.is_empty() {
                        continue;
                    }
                    let row = serde_json::from_slice(line)
                        .map_err(|e| TradeError::Config(format!("internal: result row: {e}")))?;
                    f(row)?;
                }
            }
            Ok(())
        })
    }

    /// Runs any SQL over the registered tables.
    pub fn sql(&self, query: &str) -> Result<Vec<RecordBatch>, TradeError> {
        self.block_on(async {
            let df = self.ctx.sql(query).await?;
            Ok(df.collect().await?)
        })
    }
}

fn is_parquet(p: &Path) -> bool {
    p.extension().is_some_and(|e| e == "parquet")
}

/// Batches as a text table.
pub fn pretty(batches: &[RecordBatch]) -> Result<String, TradeError> {
    Ok(datafusion::arrow::util::pretty::pretty_format_batches(batches)?.to_string())
}
