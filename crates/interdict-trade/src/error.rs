//! The crate's typed errors. Bad input rows are not errors one by one: they
//! are collected as [`Rejection`]s and become [`TradeError::BadRows`] only
//! when the caller did not ask to skip them.

use serde::Serialize;
use std::path::PathBuf;

/// One input row that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rejection {
    /// The file the row came from.
    pub file: String,
    /// 1-based line number in that file (the header is line 1).
    pub line: u64,
    /// The canonical field that failed (`hs`, `value_usd`, `destination`, ...).
    pub field: String,
    /// Why, in words, with the offending text.
    pub reason: String,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}:{}: {}: {}",
            self.file, self.line, self.field, self.reason
        )
    }
}

/// Everything that can go wrong in the analytics crate.
#[derive(Debug, thiserror::Error)]
pub enum TradeError {
    /// A file could not be opened or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Rows were rejected and skipping them was not allowed.
    #[error("{} rejected row(s); first: {}", .0.len(), .0.first().map(|r| r.to_string()).unwrap_or_default())]
    BadRows(Vec<Rejection>),
    /// A layout, mapping or option was not understood.
    #[error("{0}")]
    Config(String),
    /// The query engine failed (planning or execution).
    #[cfg(feature = "engine")]
    #[error("query: {0}")]
    Query(#[from] datafusion::error::DataFusionError),
    /// Arrow or Parquet failed while building or writing batches.
    #[cfg(feature = "engine")]
    #[error("arrow: {0}")]
    Arrow(#[from] datafusion::arrow::error::ArrowError),
    /// Parquet writing failed.
    #[cfg(feature = "engine")]
    #[error("parquet: {0}")]
    Parquet(#[from] datafusion::parquet::errors::ParquetError),
    /// The goods tables (nomenclature, rules) failed to load.
    #[error("goods tables: {0}")]
    Goods(#[from] interdict_goods::GoodsError),
    /// A bundled reference table is malformed.
    #[error("bundled data {file}: {reason}")]
    Bundled {
        /// The bundled file.
        file: &'static str,
        /// What was wrong.
        reason: String,
    },
    /// The chart could not be drawn.
    #[error("chart: {0}")]
    Chart(String),
    /// A Ballista scheduler or executor could not be started or reached.
    #[error("cluster: {0}")]
    Cluster(String),
}

impl interdict_model::Coded for TradeError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            TradeError::Io { .. } => ErrorCode::IoFailed,
            TradeError::BadRows(_) => ErrorCode::TradeRejectedRows,
            TradeError::Config(_) => ErrorCode::TradeBadConfig,
            #[cfg(feature = "engine")]
            TradeError::Query(_) => ErrorCode::TradeQueryFailed,
            #[cfg(feature = "engine")]
            TradeError::Arrow(_) => ErrorCode::TradeOutputFailed,
            #[cfg(feature = "engine")]
            TradeError::Parquet(_) => ErrorCode::TradeOutputFailed,
            TradeError::Goods(e) => e.code(),
            TradeError::Bundled { .. } => ErrorCode::BundledDataMalformed,
            TradeError::Chart(_) => ErrorCode::TradeChartFailed,
            TradeError::Cluster(_) => ErrorCode::TradeQueryFailed,
        }
    }
}

impl TradeError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> TradeError {
        TradeError::Io {
            path: path.into(),
            source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Coded, ErrorCode};

    #[test]
    fn every_error_has_its_code() {
        let rejection = Rejection {
            file: "t.csv".into(),
            line: 2,
            field: "hs".into(),
            reason: "x".into(),
        };
        let cases = vec![
            (
                TradeError::io("t.csv", std::io::Error::other("x")),
                ErrorCode::IoFailed,
            ),
            (
                TradeError::BadRows(vec![rejection]),
                ErrorCode::TradeRejectedRows,
            ),
            (TradeError::Config("x".into()), ErrorCode::TradeBadConfig),
            (
                TradeError::Goods(interdict_goods::GoodsError::Io {
                    path: "x".into(),
                    source: std::io::Error::other("x"),
                }),
                ErrorCode::IoFailed,
            ),
            (
                TradeError::Bundled {
                    file: "data/x.csv",
                    reason: "x".into(),
                },
                ErrorCode::BundledDataMalformed,
            ),
            (TradeError::Chart("x".into()), ErrorCode::TradeChartFailed),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code, "{e}");
        }
    }

    #[cfg(feature = "engine")]
    #[test]
    fn every_engine_error_has_its_code() {
        use datafusion::arrow::error::ArrowError;
        use datafusion::error::DataFusionError;
        use datafusion::parquet::errors::ParquetError;
        let cases = [
            (
                TradeError::Query(DataFusionError::Plan("x".into())),
                ErrorCode::TradeQueryFailed,
            ),
            (
                TradeError::Arrow(ArrowError::ComputeError("x".into())),
                ErrorCode::TradeOutputFailed,
            ),
            (
                TradeError::Parquet(ParquetError::General("x".into())),
                ErrorCode::TradeOutputFailed,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code, "{e}");
        }
    }
}
