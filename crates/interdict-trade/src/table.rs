//! The canonical trade table every layout is read into.

use crate::error::TradeError;
use crate::read::Line;
use datafusion::arrow::array::{ArrayRef, Float64Array, Int32Array, RecordBatch, StringArray};
use datafusion::arrow::datatypes::{DataType, Field, Schema, SchemaRef};
use std::sync::Arc;

/// Column names of the canonical table, in order.
pub const CANONICAL_COLUMNS: [&str; 13] = [
    "year",
    "month",
    "period",
    "origin",
    "destination",
    "hs",
    "value_usd",
    "quantity",
    "declaration_id",
    "date",
    "exporter",
    "consignee",
    "description",
];

/// The canonical schema: `year`, `month` (NULL for annual data), `period`
/// (`YYYY` or `YYYY-MM`), `origin` and `destination` (ISO alpha-2),
/// `hs` (2–6 digits, NULL for all-commodity totals), `value_usd`,
/// `quantity`, then the declaration fields (NULL for statistics).
pub fn schema() -> SchemaRef {
    let f = |name: &str, t: DataType| Field::new(name, t, true);
    Arc::new(Schema::new(
        CANONICAL_COLUMNS
            .iter()
            .map(|c| match *c {
                "year" | "month" => f(c, DataType::Int32),
                "value_usd" | "quantity" => f(c, DataType::Float64),
                _ => f(c, DataType::Utf8),
            })
            .collect::<Vec<_>>(),
    ))
}

/// Lines → one record batch in the canonical schema.
pub fn batch(lines: &[Line]) -> Result<RecordBatch, TradeError> {
    let strings = |f: &dyn Fn(&Line) -> Option<String>| -> ArrayRef {
        Arc::new(lines.iter().map(f).collect::<StringArray>())
    };
    let cols: Vec<ArrayRef> = vec![
        Arc::new(lines.iter().map(|l| Some(l.year)).collect::<Int32Array>()),
        Arc::new(
            lines
                .iter()
                .map(|l| l.month.and_then(|m| i32::try_from(m).ok()))
                .collect::<Int32Array>(),
        ),
        strings(&|l| Some(l.period())),
        strings(&|l| l.origin.clone()),
        strings(&|l| Some(l.destination.clone())),
        strings(&|l| l.hs.clone()),
        Arc::new(
            lines
                .iter()
                .map(|l| Some(l.value_usd))
                .collect::<Float64Array>(),
        ),
        Arc::new(lines.iter().map(|l| l.quantity).collect::<Float64Array>()),
        strings(&|l| l.declaration.as_ref().map(|d| d.id.clone())),
        strings(&|l| l.declaration.as_ref().map(|d| d.date.clone())),
        strings(&|l| l.declaration.as_ref().map(|d| d.exporter.clone())),
        strings(&|l| l.declaration.as_ref().map(|d| d.consignee.clone())),
        strings(&|l| l.declaration.as_ref().map(|d| d.description.clone())),
    ];
    Ok(RecordBatch::try_new(schema(), cols)?)
}
