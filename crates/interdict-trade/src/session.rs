//! A DataFusion session with interdict's tables and functions registered.
//! The library is synchronous to its callers: the session owns the tokio
//! runtime that DataFusion needs.

use crate::error::{Rejection, TradeError};
use crate::read::{self, LoadOptions};
use crate::table;
use crate::tables::Tables;
use crate::udf;
use datafusion::arrow::array::RecordBatch;
use datafusion::datasource::MemTable;
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

/// A query session: tables, functions and the runtime to run them.
pub struct TradeSession {
    runtime: tokio::runtime::Runtime,
    ctx: SessionContext,
    tables: Arc<Tables>,
}

fn runtime() -> Result<tokio::runtime::Runtime, TradeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| TradeError::io("tokio runtime", e))
}

impl TradeSession {
    /// An embedded (in-process) session with the bundled goods tables.
    pub fn embedded() -> Result<TradeSession, TradeError> {
        TradeSession::with_context(SessionContext::new(), Arc::new(Tables::bundled()?))
    }

    /// A session over an existing context (e.g. a Ballista one); registers
    /// the interdict functions on it.
    pub fn with_context(
        ctx: SessionContext,
        tables: Arc<Tables>,
    ) -> Result<TradeSession, TradeError> {
        for f in udf::functions(&tables) {
            ctx.register_udf(f);
        }
        Ok(TradeSession {
            runtime: runtime()?,
            ctx,
            tables,
        })
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
        &self,
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
        if !batches.is_empty() {
            let partitions = batches.into_iter().map(|b| vec![b]).collect();
            let mem = MemTable::try_new(table::schema(), partitions)?;
            frame = Some(self.ctx.read_table(Arc::new(mem))?);
        }
        if !parquet.is_empty() {
            let df = self.block_on(self.read_parquet(&parquet))?;
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
