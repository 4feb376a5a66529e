//! What a front end records of each answer, and which of a match's results
//! a clear covers: the same entry shapes and the same decisions whether the
//! answer was asked for on the command line or over HTTP.

use crate::clear::{listed_content, ClearBook, Clearance};
use crate::error::ReviewError;
use crate::record::Answer;
use crate::screening::ClearedHit;
use interdict_engine::{Engine, SourceSnapshot};
use interdict_goods::GoodsReport;
use interdict_match::MatchResult;
use interdict_screen::{Decision, DecisionKind, Shipment};
use serde_json::{json, Value};
use std::collections::BTreeMap;

/// The clear, if any, that covers each result of the query named `name`
/// (with the caller's `query_id`, if it gave one), judged against each
/// listed party as loaded now, on `today` (YYYY-MM-DD).
pub fn match_clearances(
    book: &ClearBook,
    engine: &Engine,
    name: &str,
    query_id: Option<&str>,
    results: &[MatchResult],
    today: &str,
) -> Vec<Option<Clearance>> {
    if book.is_empty() {
        return vec![None; results.len()];
    }
    let query_id = query_id.filter(|i| !i.is_empty());
    results
        .iter()
        .map(|r| {
            let mut ids = r.referents.clone();
            ids.push(r.id.clone());
            let current = engine.entity(&r.id).map(|(e, _)| listed_content(e));
            book.check(name, query_id, &ids, current.as_ref(), today)
        })
        .collect()
}

/// `hit` when a match is not cleared, `cleared` when every match is, else
/// `no hit`.
pub fn match_decision(results: &[MatchResult], clearances: &[Option<Clearance>]) -> &'static str {
    let matches: Vec<bool> = results
        .iter()
        .zip(clearances)
        .filter(|(r, _)| r.is_match)
        .map(|(_, c)| c.as_ref().is_some_and(Clearance::is_cleared))
        .collect();
    if matches.is_empty() {
        "no hit"
    } else if matches.iter().all(|cleared| *cleared) {
        "cleared"
    } else {
        "hit"
    }
}

/// The audit entry of one match: the query as given, each result with its
/// score and clear, the snapshots searched, and the decision.
pub fn match_answer(
    query: Value,
    parties: Vec<String>,
    results: &[MatchResult],
    clearances: &[Option<Clearance>],
    sources: Value,
) -> Answer {
    let rows: Vec<Value> = results
        .iter()
        .zip(clearances)
        .map(|(r, c)| {
            json!({
                "id": r.id,
                "caption": r.caption,
                "score": r.score,
                "match": r.is_match,
                "datasets": r.datasets,
                "clearance": c,
            })
        })
        .collect();
    Answer {
        user: String::new(),
        command: "match".into(),
        parties,
        query,
        sources,
        results: json!(rows),
        decision: match_decision(results, clearances).to_string(),
    }
}

/// The audit entry of one goods line: its verdicts, and the statuses by
/// jurisdiction as the decision (`un: prohibited, us: ...`).
pub fn goods_answer(query: Value, parties: Vec<String>, report: &GoodsReport) -> Answer {
    let verdicts: Vec<Value> = report
        .verdicts
        .iter()
        .map(|v| {
            json!({
                "jurisdiction": v.jurisdiction,
                "status": v.status.as_str(),
                "rule": v.rule,
                "instrument": v.instrument,
                "provision": v.provision,
            })
        })
        .collect();
    let decision = report
        .verdicts
        .iter()
        .map(|v| format!("{}: {}", v.jurisdiction, v.status.as_str()))
        .collect::<Vec<_>>()
        .join(", ");
    Answer {
        user: String::new(),
        command: "goods".into(),
        parties,
        query,
        // Goods verdicts rest on the bundled control tables, not on a list.
        sources: json!({"goods": "bundled control rules", "hs": report.hs.code}),
        results: json!({"verdicts": verdicts, "luxury": report.luxury, "confidence": report.hs.confidence}),
        decision,
    }
}

/// The audit entry of one shipment: its parties and goods as screened, the
/// decision with its flags and the clears that applied, and the snapshots
/// it rests on.
pub fn screen_answer(
    shipment: &Shipment,
    decision: &Decision,
    cleared: &[ClearedHit],
    sources: &[SourceSnapshot],
) -> Result<Answer, ReviewError> {
    let json_err = |e: serde_json::Error| ReviewError::invalid("entry", e.to_string());
    let mut results = serde_json::to_value(decision).map_err(json_err)?;
    results["clearances"] = serde_json::to_value(cleared).map_err(json_err)?;
    Ok(Answer {
        user: String::new(),
        command: "screen".into(),
        parties: shipment.parties.iter().map(|p| p.name.clone()).collect(),
        query: json!({
            "shipment": shipment.id,
            "date": shipment.date.to_string(),
            "destination": shipment.declared_destination,
            "parties": shipment.parties,
            "goods": shipment.goods,
        }),
        sources: serde_json::to_value(sources).map_err(json_err)?,
        results,
        decision: decision_word(decision.decision).to_string(),
    })
}

/// A shipment decision as recorded.
fn decision_word(k: DecisionKind) -> &'static str {
    match k {
        DecisionKind::Block => "block",
        DecisionKind::Review => "review",
        DecisionKind::Clear => "clear",
    }
}

/// A listed party's names, dates and identifiers, by property.
type Content = BTreeMap<String, Vec<String>>;

/// A listed party's record ids and current fingerprinted content, by any of
/// its ids, as [`crate::ClearingParties`] needs them from `engine`.
pub fn listed_lookup(engine: &Engine, id: &str) -> Option<(Vec<String>, Content)> {
    engine
        .entity(id)
        .map(|(e, _)| (e.referents.clone(), listed_content(e)))
}
