//! interdict's own endpoints, in the same error style as the yente routes:
//! `POST /goods` (the `interdict goods --format json` shapes), `POST
//! /screen` (the `interdict screen --format jsonl` records, streamed, or
//! the HTML report with `?format=html`) and `GET /lists` (the `interdict
//! lists --format json` rows).

use crate::error::{ApiError, ApiResult};
use crate::index::Index;
use crate::params::Params;
use axum::body::{Body, Bytes};
use interdict_goods::GoodsLine;
use interdict_model::{Coded, ErrorCode, PartialDate};
use interdict_screen::{Decision, Scope, Screener, Shipment, ShipmentError};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};

/// Snapshots older than this many days are marked stale (as `interdict lists`).
const STALE_AFTER_DAYS: i64 = 90;
/// Shipments screened in parallel per chunk of the streamed answer.
const SCREEN_CHUNK: usize = 256;

/// One goods line (an object) gives its report; a batch (an array, JSON
/// lines, or CSV as `text/csv`) gives `{"line", "report"}` or
/// `{"line", "error"}` per line, in order.
pub fn goods(index: &Index, body: &[u8], csv: bool) -> ApiResult<Value> {
    let screener = index.engine.goods();
    if csv {
        let rows = screener
            .assess_csv(body)
            .map_err(|e| ApiError::from_coded(&e))?;
        return Ok(numbered(rows));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => {
            let line: GoodsLine = serde_json::from_value(Value::Object(o))
                .map_err(|e| ApiError::invalid(&["body"], e.to_string()))?;
            let report = screener
                .assess(&line)
                .map_err(|e| ApiError::from_coded(&e))?;
            Ok(json!(report))
        }
        Ok(Value::Array(items)) => {
            let rows = items
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    let r = serde_json::from_value::<GoodsLine>(v)
                        .map_err(|e| (ErrorCode::GoodsMalformedLine, e.to_string()))
                        .and_then(|l| screener.assess(&l).map_err(|e| (e.code(), e.to_string())));
                    match r {
                        Ok(report) => json!({"line": i + 1, "report": report}),
                        Err((code, e)) => json!({"line": i + 1, "error": e, "code": code}),
                    }
                })
                .collect();
            Ok(Value::Array(rows))
        }
        Ok(_) => Err(ApiError::invalid(
            &["body"],
            "expected a goods line object or a batch",
        )),
        Err(_) => Ok(numbered(screener.assess_jsonl(body))),
    }
}

fn numbered(rows: Vec<interdict_goods::NumberedResult>) -> Value {
    Value::Array(
        rows.into_iter()
            .map(|(n, r)| match r {
                Ok(report) => json!({"line": n, "report": report}),
                Err(e) => json!({"line": n, "error": e.to_string(), "code": e.code()}),
            })
            .collect(),
    )
}

type Parsed = Result<Shipment, ShipmentError>;

/// Shipments from the body: CSV, one JSON object, a JSON array, or JSON lines.
pub fn parse_shipments(body: &[u8], csv: bool) -> Vec<Parsed> {
    if csv {
        return interdict_screen::read_csv(body).collect();
    }
    let text = String::from_utf8_lossy(body);
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(o)) => vec![interdict_screen::parse_jsonl_line(
            &Value::Object(o).to_string(),
            1,
        )],
        Ok(Value::Array(items)) => items
            .iter()
            .enumerate()
            .map(|(i, v)| interdict_screen::parse_jsonl_line(&v.to_string(), i + 1))
            .collect(),
        _ => text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with("//"))
            .map(|(i, l)| interdict_screen::parse_jsonl_line(l, i + 1))
            .collect(),
    }
}

pub fn scope_of(p: &Params) -> ApiResult<Scope> {
    Scope::parse(p.get("jurisdiction").unwrap_or("all"))
        .map_err(|e| ApiError::invalid_coded(&["query", "jurisdiction"], &e))
}

fn screen_all(
    index: &Index,
    scope: &Scope,
    shipments: Vec<Parsed>,
) -> Vec<Result<(Shipment, Decision), ShipmentError>> {
    index.engine.with_screener(|s| {
        let screener = Screener {
            parties: s.parties,
            goods: s.goods,
            config: s.config.clone().with_scope(scope.clone()),
        };
        shipments
            .into_par_iter()
            .map(|p| {
                p.map(|shipment| {
                    let d = screener.screen(&shipment);
                    (shipment, d)
                })
            })
            .collect()
    })
}

/// The whole HTML report (routes drawn on maps) for the shipments.
pub fn screen_html(index: &Index, scope: &Scope, shipments: Vec<Parsed>) -> String {
    let kept: Vec<(Shipment, Decision)> = screen_all(index, scope, shipments)
        .into_iter()
        .filter_map(Result::ok)
        .collect();
    interdict_screen::render_html(&kept)
}

fn record(r: Result<(Shipment, Decision), ShipmentError>) -> String {
    let line = match r {
        Ok((_, d)) => serde_json::to_string(&d).unwrap_or_default(),
        Err(e) => {
            let mut record = json!({ "error": e });
            record["error"]["code"] = json!(e.code());
            record.to_string()
        }
    };
    line + "\n"
}

/// JSON-lines decisions, written chunk by chunk as they are screened, so a
/// large batch starts answering at once and is never held whole.
pub fn screen_stream(index: Arc<Index>, scope: Scope, shipments: Vec<Parsed>) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    std::thread::spawn(move || {
        let mut rest = shipments;
        while !rest.is_empty() {
            let tail = rest.split_off(SCREEN_CHUNK.min(rest.len()));
            let chunk = std::mem::replace(&mut rest, tail);
            let text: String = screen_all(&index, &scope, chunk)
                .into_iter()
                .map(record)
                .collect();
            if tx.blocking_send(Ok(Bytes::from(text))).is_err() {
                // The client went away; stop screening for it.
                return;
            }
        }
    });
    Body::from_stream(Lines(rx))
}

struct Lines(tokio::sync::mpsc::Receiver<Result<Bytes, std::io::Error>>);

impl futures_core::Stream for Lines {
    type Item = Result<Bytes, std::io::Error>;
    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.0.poll_recv(cx)
    }
}

fn age_in_days(date: &str) -> Option<i64> {
    let d: PartialDate = date.get(..10.min(date.len()))?.parse().ok()?;
    Some(PartialDate::today().day_number() - d.day_number())
}

/// One row per loaded dataset, as `interdict lists --format json`.
pub fn lists(index: &Index) -> Value {
    let rows: Vec<Value> = index
        .datasets
        .iter()
        .map(|d| {
            let age = age_in_days(&d.info.snapshot_date);
            json!({
                "dataset": d.info.name,
                "title": d.info.title,
                "publisher": d.info.publisher,
                "snapshot_date": d.info.snapshot_date,
                "age_days": age,
                "stale": age.is_some_and(|a| a > STALE_AFTER_DAYS),
                "total": d.stats.total,
                "counts": d.stats.counts,
                "dprk": d.stats.dprk,
                "unjoined": d.stats.unjoined,
                "notes": d.stats.notes,
                "source_url": d.info.source_url,
            })
        })
        .collect();
    Value::Array(rows)
}
