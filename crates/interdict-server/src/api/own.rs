//! interdict's own endpoints, in the same error style as the yente routes:
//! `POST /goods` (the `interdict goods --format json` shapes), `POST
//! /screen` (the `interdict screen --format jsonl` records, streamed, or
//! the HTML report with `?format=html`), `GET /lists` (the `interdict
//! lists --format json` rows) and `GET /assets/{id}` (the `interdict asset
//! --format json` answer). Goods and shipment answers are recorded in the
//! audit log when the server records, one entry per line or shipment.

use crate::error::{ApiError, ApiResult};
use crate::index::Index;
use crate::params::Params;
use crate::state::SharedState;
use axum::body::{Body, Bytes};
use interdict_assets::{AssetKind, Watchlist};
use interdict_engine::AssetAnswer;
use interdict_goods::{GoodsLine, GoodsReport};
use interdict_model::{Coded, ErrorCode, PartialDate};
use interdict_review::{answers, Answer, ClearBook, ClearedHit, ClearingParties};
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

/// One goods line as assessed: its number in the batch, the line when the
/// body gave it as JSON, and its report or why it has none.
type Assessed = (usize, Option<GoodsLine>, Result<GoodsReport, Refused>);

/// Why a goods line has no report: its code and the words.
type Refused = (ErrorCode, String);

fn refused(e: interdict_goods::GoodsError) -> Refused {
    (e.code(), e.to_string())
}

/// One goods line (an object) gives its report; a batch (an array, JSON
/// lines, or CSV as `text/csv`) gives `{"line", "report"}` or
/// `{"line", "error"}` per line, in order. With `record`, also the audit
/// entry of each line assessed.
pub fn goods(
    index: &Index,
    body: &[u8],
    csv: bool,
    record: bool,
) -> ApiResult<(Value, Vec<Answer>)> {
    let (one, rows) = assess_goods(index, body, csv)?;
    let audits = if record {
        rows.iter()
            .filter_map(|(n, line, r)| {
                let report = r.as_ref().ok()?;
                let parties = line.iter().map(|l| l.description.clone()).collect();
                let query = match line {
                    Some(l) => json!(l),
                    None => json!({"line": n}),
                };
                Some(answers::goods_answer(query, parties, report))
            })
            .collect()
    } else {
        Vec::new()
    };
    if one {
        return match rows.into_iter().next() {
            Some((_, _, Ok(report))) => Ok((json!(report), audits)),
            Some((_, _, Err((code, message)))) => Err(ApiError::with_code(code, message)),
            None => Err(ApiError::invalid(&["body"], "expected a goods line")),
        };
    }
    let rows = rows
        .into_iter()
        .map(|(n, _, r)| match r {
            Ok(report) => json!({"line": n, "report": report}),
            Err((code, e)) => json!({"line": n, "error": e, "code": code}),
        })
        .collect();
    Ok((Value::Array(rows), audits))
}

/// Every line of the body assessed; true when the body was one line (an
/// object), whose failure is the request's.
fn assess_goods(index: &Index, body: &[u8], csv: bool) -> ApiResult<(bool, Vec<Assessed>)> {
    let screener = index.engine.goods();
    let numbered = |rows: Vec<interdict_goods::NumberedResult>| -> Vec<Assessed> {
        rows.into_iter()
            .map(|(n, r)| (n, None, r.map_err(refused)))
            .collect()
    };
    if csv {
        let rows = screener
            .assess_csv(body)
            .map_err(|e| ApiError::from_coded(&e))?;
        return Ok((false, numbered(rows)));
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(o)) => {
            let line: GoodsLine = serde_json::from_value(Value::Object(o))
                .map_err(|e| ApiError::invalid(&["body"], e.to_string()))?;
            let report = screener.assess(&line).map_err(refused);
            Ok((true, vec![(1, Some(line), report)]))
        }
        Ok(Value::Array(items)) => {
            let rows = items
                .into_iter()
                .enumerate()
                .map(|(i, v)| match serde_json::from_value::<GoodsLine>(v) {
                    Ok(l) => {
                        let report = screener.assess(&l).map_err(refused);
                        (i + 1, Some(l), report)
                    }
                    Err(e) => (
                        i + 1,
                        None,
                        Err((ErrorCode::GoodsMalformedLine, e.to_string())),
                    ),
                })
                .collect();
            Ok((false, rows))
        }
        Ok(_) => Err(ApiError::invalid(
            &["body"],
            "expected a goods line object or a batch",
        )),
        Err(_) => Ok((false, numbered(screener.assess_jsonl(body)))),
    }
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

/// How one `POST /screen` request screens: under whose law, with which
/// clears held back from the rules, which assets watched, and as whom its
/// answers are recorded (`None`: not recorded).
pub struct ScreenRequest {
    pub scope: Scope,
    pub clears: Option<Arc<ClearBook>>,
    pub watched: Arc<Watchlist>,
    pub recorded_as: Option<(SharedState, String)>,
}

/// A shipment, its decision and the clears that applied to its parties' hits.
type Screened = (Shipment, Decision, Vec<ClearedHit>);

fn screen_all(
    index: &Index,
    req: &ScreenRequest,
    shipments: Vec<Parsed>,
) -> Vec<Result<Screened, ShipmentError>> {
    let no_clears = ClearBook::default();
    let book = req.clears.as_deref().unwrap_or(&no_clears);
    let lookup = |id: &str| answers::listed_lookup(&index.engine, id);
    let today = PartialDate::today().to_string();
    index.engine.with_screener(|s| {
        // Cleared hits never reach the rules; they are reported beside the decision.
        let clearing = ClearingParties::new(s.parties, book, &lookup, &today);
        let mut config = s.config.clone().with_scope(req.scope.clone());
        config.watched_assets = Arc::clone(&req.watched);
        let screener = Screener {
            parties: &clearing,
            goods: s.goods,
            config,
        };
        shipments
            .into_par_iter()
            .map(|p| {
                p.map(|shipment| {
                    let d = screener.screen(&shipment);
                    let cleared = clearing.notes(&shipment);
                    (shipment, d, cleared)
                })
            })
            .collect()
    })
}

/// Records one audit entry per shipment screened, when the request is
/// recorded; a failure is the request's (503).
fn record_screened(
    index: &Index,
    req: &ScreenRequest,
    screened: &[Result<Screened, ShipmentError>],
) -> ApiResult<()> {
    let Some((state, user)) = &req.recorded_as else {
        return Ok(());
    };
    let Some(review) = &state.review else {
        return Ok(());
    };
    let loaded: Vec<String> = index.datasets.iter().map(|d| d.info.name.clone()).collect();
    let sources = index.engine.sources(&loaded, PartialDate::today());
    let audits = screened
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|(s, d, c)| answers::screen_answer(s, d, c, &sources))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    review.record(user, audits)
}

/// The whole HTML report (routes drawn on maps) for the shipments.
pub fn screen_html(
    index: &Index,
    req: &ScreenRequest,
    shipments: Vec<Parsed>,
) -> ApiResult<String> {
    let screened = screen_all(index, req, shipments);
    record_screened(index, req, &screened)?;
    let kept: Vec<(Shipment, Decision)> = screened
        .into_iter()
        .filter_map(Result::ok)
        .map(|(s, d, _)| (s, d))
        .collect();
    Ok(interdict_screen::render_html(&kept))
}

/// One JSON line: the decision (with the clears that applied, as `interdict
/// screen --format jsonl` gives them), or the error record.
fn jsonl_record(r: Result<Screened, ShipmentError>) -> String {
    let line = match r {
        Ok((_, d, cleared)) => {
            let mut v = serde_json::to_value(&d).unwrap_or_default();
            if !cleared.is_empty() {
                v["clearances"] = serde_json::to_value(&cleared).unwrap_or_default();
            }
            v.to_string()
        }
        Err(e) => {
            let mut record = json!({ "error": e });
            record["error"]["code"] = json!(e.code());
            record.to_string()
        }
    };
    line + "\n"
}

/// JSON-lines decisions, written chunk by chunk as they are screened (and
/// recorded), so a large batch starts answering at once and is never held
/// whole. A recording that fails mid-stream ends the stream with an error
/// line naming why: nothing after it is answered.
pub fn screen_stream(index: Arc<Index>, req: ScreenRequest, shipments: Vec<Parsed>) -> Body {
    let (tx, rx) = tokio::sync::mpsc::channel::<Result<Bytes, std::io::Error>>(4);
    std::thread::spawn(move || {
        let mut rest = shipments;
        while !rest.is_empty() {
            let tail = rest.split_off(SCREEN_CHUNK.min(rest.len()));
            let chunk = std::mem::replace(&mut rest, tail);
            let screened = screen_all(&index, &req, chunk);
            let text: String = match record_screened(&index, &req, &screened) {
                Ok(()) => screened.into_iter().map(jsonl_record).collect(),
                Err(e) => {
                    let line =
                        json!({"error": {"status": e.status().as_u16(), "detail": e.to_string()}});
                    let _ = tx.blocking_send(Ok(Bytes::from(line.to_string() + "\n")));
                    return;
                }
            };
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

/// What `interdict asset ID --format json` answers: the decoded VIN, IMO
/// number or aircraft registration, the listed vessels or aircraft carrying
/// it, and whether it is watched. A malformed identifier is refused with
/// 422 giving the reason (the CLI's exit status 2); `?kind=` reads it as
/// `vin`, `imo` or `registration` instead of detecting its kind.
pub fn asset(index: &Index, watched: &Watchlist, id: &str, p: &Params) -> ApiResult<Value> {
    let kind = match p.get("kind") {
        None => None,
        Some("vin") => Some(AssetKind::Vin),
        Some("imo") => Some(AssetKind::Imo),
        Some("registration") => Some(AssetKind::Registration),
        Some(other) => {
            return Err(ApiError::invalid(
                &["query", "kind"],
                format!("expected vin, imo or registration, got {other:?}"),
            ))
        }
    };
    let mut answer = AssetAnswer::identify(id, kind, watched);
    if let Some((_, problem)) = &answer.problem {
        return Err(ApiError::invalid(&["path", "id"], problem.clone()));
    }
    answer.look_up(&index.engine, id, PartialDate::today());
    Ok(answer.to_json())
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
