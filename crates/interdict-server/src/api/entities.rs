//! `GET /entities/{id}` (nested one hop unless `nested=false`; a merged
//! referent id redirects with 308 to its canonical id) and
//! `GET /entities/{id}/adjacent[/{prop}]` (paged neighbours per property).

use crate::error::{ApiError, ApiResult};
use crate::ftm;
use crate::graph::{Page, Record};
use crate::index::Index;
use crate::params::Params;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};

const ADJACENT_PAGE: usize = 10;
const MAX_PAGE: usize = 500;

/// The entity, or a 308 to where a merged id now lives.
enum Found {
    Entity(Record),
    Moved(String),
}

fn find(index: &Index, id: &str) -> ApiResult<Found> {
    let matcher = index.engine.matcher();
    if let Some(r) = index.graph.get(matcher, id) {
        return Ok(Found::Entity(r));
    }
    match index.graph.canonical_of(id) {
        Some(c) => Ok(Found::Moved(c.to_string())),
        None => Err(ApiError::NotFound("No such entity.".into())),
    }
}

fn redirect(location: String) -> Response {
    (
        StatusCode::PERMANENT_REDIRECT,
        [(header::LOCATION, location)],
    )
        .into_response()
}

/// Keeps the query string on a redirect, so `nested=false` survives it.
fn moved_to(path: String, query: Option<&str>) -> Response {
    match query {
        Some(q) if !q.is_empty() => redirect(format!("{path}?{q}")),
        _ => redirect(path),
    }
}

pub fn entity(index: &Index, id: &str, p: &Params, query: Option<&str>) -> ApiResult<Response> {
    let rec = match find(index, id)? {
        Found::Moved(c) => return Ok(moved_to(format!("/entities/{c}"), query)),
        Found::Entity(r) => r,
    };
    if !p.bool("nested", true)? {
        return Ok(Json(rec).into_response());
    }
    let page = Page {
        prop: None,
        limit: usize::MAX,
        offset: 0,
    };
    let nested = index.graph.nest(index.engine.matcher(), &rec, &page);
    Ok(Json(nested.nested).into_response())
}

fn paging(p: &Params) -> ApiResult<(usize, usize)> {
    Ok((
        p.int("limit", ADJACENT_PAGE, 0, MAX_PAGE)?,
        p.int("offset", 0, 0, 9999)?,
    ))
}

fn page_body(results: Value, total: usize, limit: usize, offset: usize) -> Value {
    json!({
        "results": results,
        "total": {"value": total, "relation": "eq"},
        "limit": limit,
        "offset": offset,
    })
}

/// Every entity-typed property of the root's schema that has neighbours.
pub fn adjacent(index: &Index, id: &str, p: &Params, query: Option<&str>) -> ApiResult<Response> {
    let rec = match find(index, id)? {
        Found::Moved(c) => return Ok(moved_to(format!("/entities/{c}/adjacent"), query)),
        Found::Entity(r) => r,
    };
    let (limit, offset) = paging(p)?;
    let props: Vec<&String> = ftm::schema(&rec.schema)
        .map(|s| s.entities.keys().collect())
        .unwrap_or_default();
    let mut adjacent = Map::new();
    for prop in props {
        let (results, total) = one_prop(index, &rec, prop, limit, offset);
        if total > 0 {
            adjacent.insert(prop.clone(), page_body(results, total, limit, offset));
        }
    }
    Ok(Json(json!({"entity": rec, "adjacent": adjacent})).into_response())
}

pub fn adjacent_prop(
    index: &Index,
    id: &str,
    prop: &str,
    p: &Params,
    query: Option<&str>,
) -> ApiResult<Response> {
    let rec = match find(index, id)? {
        Found::Moved(c) => {
            return Ok(moved_to(format!("/entities/{c}/adjacent/{prop}"), query));
        }
        Found::Entity(r) => r,
    };
    if ftm::entity_prop(&rec.schema, prop).is_none() {
        return Err(ApiError::NotFound(format!(
            "Property {prop} is not an entity property of {}.",
            rec.schema
        )));
    }
    let (limit, offset) = paging(p)?;
    let (results, total) = one_prop(index, &rec, prop, limit, offset);
    Ok(Json(page_body(results, total, limit, offset)).into_response())
}

fn one_prop(
    index: &Index,
    rec: &Record,
    prop: &str,
    limit: usize,
    offset: usize,
) -> (Value, usize) {
    let page = Page {
        prop: Some(prop.to_string()),
        limit,
        offset,
    };
    let a = index.graph.nest(index.engine.matcher(), rec, &page);
    let results = a
        .nested
        .get("properties")
        .and_then(|p| p.get(prop))
        .filter(|v| v.as_array().is_some_and(|l| l.iter().any(Value::is_object)))
        .cloned()
        .unwrap_or_else(|| json!([]));
    (results, a.total)
}
