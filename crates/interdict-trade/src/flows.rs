//! Runs the flows query on DataFusion and folds its rows into the report.

use crate::error::TradeError;
use crate::report::{check, drivers, fold, sql, Driver, FlowsQuery, FlowsReport, Row};
use crate::session::TradeSession;
use datafusion::arrow::array::{
    Array, ArrayRef, Float64Array, Int64Array, RecordBatch, StringArray,
};
use datafusion::arrow::compute::cast;
use datafusion::arrow::datatypes::DataType;

fn strings(b: &RecordBatch, i: usize) -> Result<StringArray, TradeError> {
    let a: ArrayRef = cast(b.column(i), &DataType::Utf8)?;
    a.as_any()
        .downcast_ref::<StringArray>()
        .cloned()
        .ok_or_else(|| TradeError::Config("internal: expected text column".into()))
}

fn rows(batches: &[RecordBatch]) -> Result<Vec<Row>, TradeError> {
    let mut out = Vec::new();
    for b in batches {
        let (period, origin, hs, cat, status) = (
            strings(b, 0)?,
            strings(b, 1)?,
            strings(b, 2)?,
            strings(b, 3)?,
            strings(b, 4)?,
        );
        let v = cast(b.column(5), &DataType::Float64)?;
        let n = cast(b.column(6), &DataType::Int64)?;
        let (v, n) = match (
            v.as_any().downcast_ref::<Float64Array>(),
            n.as_any().downcast_ref::<Int64Array>(),
        ) {
            (Some(v), Some(n)) => (v.clone(), n.clone()),
            _ => return Err(TradeError::Config("internal: expected numbers".into())),
        };
        let opt = |a: &StringArray, i: usize| (!a.is_null(i)).then(|| a.value(i).to_string());
        for i in 0..b.num_rows() {
            out.push(Row {
                period: a_or_empty(&period, i),
                origin: opt(&origin, i),
                hs: opt(&hs, i),
                category: opt(&cat, i),
                prohibited: opt(&status, i).as_deref() == Some("prohibited"),
                value: if v.is_null(i) { 0.0 } else { v.value(i) },
                lines: u64::try_from(n.value(i)).unwrap_or(0),
            });
        }
    }
    Ok(out)
}

fn a_or_empty(a: &StringArray, i: usize) -> String {
    if a.is_null(i) {
        String::new()
    } else {
        a.value(i).to_string()
    }
}

/// Runs the flows query; `rejected_rows` is carried into the report.
pub fn flows(
    session: &TradeSession,
    q: &FlowsQuery,
    rejected_rows: usize,
) -> Result<(FlowsReport, Vec<Driver>), TradeError> {
    let c = check(session.tables(), q)?;
    let batches = session.sql(&sql(q, &c))?;
    let rows = rows(&batches)?;
    let report = FlowsReport {
        destination: c.destination,
        by: q.by,
        basket: c.basket,
        jurisdiction: c.jurisdiction,
        periods: fold(&rows),
        rejected_rows,
    };
    Ok((report, drivers(&rows, 5)))
}
