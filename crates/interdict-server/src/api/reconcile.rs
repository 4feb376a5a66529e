//! OpenRefine reconciliation (W3C reconciliation API 0.2) as yente serves
//! it: the service manifest, batch queries scored by the matcher, data
//! extension, and entity / type / property suggestions.

use super::matching::{self, Example};
use super::scope;
use crate::error::{ApiError, ApiResult};
use crate::ftm;
use crate::index::Index;
use crate::params::Params;
use interdict_match::MatchConfig;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, BTreeSet};

const RECON_PAGE: usize = 5;
const SUGGEST_PAGE: usize = 20;
const OPENSANCTIONS: &str = "https://www.opensanctions.org";

fn type_of(schema: &str) -> Value {
    let info = ftm::schema(schema);
    json!({
        "id": schema,
        "name": info.map_or(schema, |s| s.plural.as_str()),
        "description": info.and_then(|s| s.description.clone()).or_else(|| info.map(|s| s.label.clone())),
    })
}

fn label_of(schema: &str) -> String {
    ftm::schema(schema).map_or_else(|| schema.to_string(), |s| s.label.clone())
}

/// Matchable schemata of the entities served under `dataset`, with their
/// matchable ancestors.
fn matchable_schemata(index: &Index, dataset: &str) -> ApiResult<Vec<String>> {
    let scope = scope::dataset_scope(index, dataset)?;
    let mut present = BTreeSet::new();
    let filters = scope::Filters::default();
    index.graph.for_each(index.engine.matcher(), |r| {
        if scope.contains(&r, &filters) {
            present.insert(r.schema);
        }
    });
    let mut out = BTreeSet::new();
    for s in present {
        for a in ftm::schema(&s)
            .map(|i| i.ancestors.clone())
            .unwrap_or_default()
        {
            if ftm::schema(&a).is_some_and(|i| i.matchable) {
                out.insert(a);
            }
        }
    }
    Ok(out.into_iter().collect())
}

pub fn manifest(index: &Index, dataset: &str, base: &str, query: Option<&str>) -> ApiResult<Value> {
    let schemata = matchable_schemata(index, dataset)?;
    let title = index
        .sources
        .get(dataset)
        .map_or(dataset, |s| s.title.as_str());
    let service_url = format!("{base}/reconcile/{dataset}");
    let qs = query
        .filter(|q| !q.is_empty())
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    let service =
        |path: &str| json!({"service_url": service_url, "service_path": format!("{path}{qs}")});
    Ok(json!({
        "versions": ["0.2"],
        "name": format!("{title} (interdict)"),
        "identifierSpace": format!("{OPENSANCTIONS}/reference/#schema"),
        "schemaSpace": format!("{OPENSANCTIONS}/reference/#schema"),
        "view": {"url": format!("{base}/ui/entity.html?id={{{{id}}}}")},
        "documentation": format!("{base}/openapi.json"),
        "batchSize": 3,
        "preview": {"url": format!("{base}/ui/entity.html?id={{{{id}}}}"), "width": 430, "height": 600},
        "suggest": {
            "entity": service("/suggest/entity"),
            "type": service("/suggest/type"),
            "property": service("/suggest/property"),
        },
        "extend": {
            "propose_properties": service("/extend/property"),
            "property_settings": [
                {"name": "limit", "label": "Limit", "type": "number", "default": 0,
                 "help_text": "Maximum number of values to return per row (0 for no limit)."},
                {"name": "render", "label": "Value rendering", "type": "select", "default": "caption",
                 "choices": [{"id": "caption", "name": "User-readable value"}, {"id": "raw", "name": "Machine-readable value"}],
                 "help_text": "Return readable value (e.g. 'Russia') instead of raw value ('ru')."},
            ],
        },
        "defaultTypes": schemata.iter().map(|s| type_of(s)).collect::<Vec<_>>(),
    }))
}

/// `queries=` or `extend=` from a form body (or the query string).
pub fn post(index: &Index, dataset: &str, p: &Params, form: &Params) -> ApiResult<Value> {
    let field = |k: &str| form.get(k).or_else(|| p.get(k)).map(str::to_string);
    if let Some(extend) = field("extend").filter(|e| !e.trim().is_empty()) {
        return extend_rows(index, &extend);
    }
    let Some(queries) = field("queries") else {
        return Err(ApiError::BadRequest(
            "No queries or extend request provided.".into(),
        ));
    };
    scope::dataset_scope(index, dataset)?;
    matching::resolve_algorithm(p.get("algorithm").unwrap_or("best"))?;
    let batch: Map<String, Value> = serde_json::from_str(&queries)
        .map_err(|e| ApiError::BadRequest(format!("Cannot decode queries: {e}")))?;
    if batch.len() > matching::MAX_BATCH {
        return Err(ApiError::BadRequest(format!(
            "Too many queries in one batch (limit: {})",
            matching::MAX_BATCH
        )));
    }
    let mut out = Map::new();
    for (key, q) in &batch {
        out.insert(
            key.clone(),
            json!({"result": reconcile_one(index, dataset, q)?}),
        );
    }
    Ok(Value::Object(out))
}

fn reconcile_one(index: &Index, dataset: &str, q: &Value) -> ApiResult<Vec<Value>> {
    let schema = match &q["type"] {
        Value::String(s) => s.clone(),
        Value::Array(a) => a
            .first()
            .and_then(Value::as_str)
            .unwrap_or("Thing")
            .to_string(),
        _ => "Thing".to_string(),
    };
    let mut properties: BTreeMap<String, Value> = BTreeMap::new();
    if let Some(text) = q["query"].as_str() {
        properties.insert("name".into(), json!([text]));
    }
    for f in q["properties"].as_array().into_iter().flatten() {
        let pid = f["pid"].as_str().unwrap_or("");
        let name = pid.rsplit(':').next().unwrap_or(pid).to_string();
        let entry = properties.entry(name).or_insert_with(|| json!([]));
        if let Some(list) = entry.as_array_mut() {
            match &f["v"] {
                Value::Array(vs) => list.extend(vs.iter().cloned()),
                v => list.push(v.clone()),
            }
        }
    }
    let example = json!({"schema": schema, "properties": properties});
    let ex: Example = matching::parse_example("query", &example)
        .map_err(|e| ApiError::BadRequest(e.to_string()))?;
    let limit = q["limit"]
        .as_u64()
        .map_or(RECON_PAGE, |l| l as usize)
        .min(matching::MAX_MATCHES);
    let scope = scope::dataset_scope(index, dataset)?;
    let threshold = interdict_match::weights::DEFAULT_THRESHOLD;
    let config = MatchConfig {
        threshold,
        limit: (limit * 10).clamp(20, 500),
        datasets: scope.datasets_for(&scope::Filters::default()),
    };
    let results = matching::search(index, &ex, &config);
    Ok(results
        .into_iter()
        .take(limit)
        .map(|r| {
            let schema = r.schema.to_string();
            json!({
                "id": r.id,
                "name": r.caption,
                "description": label_of(&schema),
                "type": [type_of(&schema)],
                "score": r.score,
                "match": r.score >= threshold,
            })
        })
        .collect())
}

fn extend_rows(index: &Index, data: &str) -> ApiResult<Value> {
    let q: Value = serde_json::from_str(data)
        .map_err(|_| ApiError::BadRequest("Cannot decode extension request".into()))?;
    let ids: Vec<&str> = q["ids"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if ids.len() > matching::MAX_BATCH {
        return Err(ApiError::BadRequest(format!(
            "Too many queries in one batch (limit: {})",
            matching::MAX_BATCH
        )));
    }
    let mut metas: Vec<Value> = Vec::new();
    let mut rows = Map::new();
    for id in ids {
        let Some(rec) = index.graph.get(index.engine.matcher(), id) else {
            if index.graph.canonical_of(id).is_some() {
                return Err(ApiError::BadRequest(
                    "Please specify the canonical entity ID, not a referent".into(),
                ));
            }
            rows.insert(id.to_string(), json!({}));
            continue;
        };
        let mut row = Map::new();
        for qp in q["properties"].as_array().into_iter().flatten() {
            let Some(pid) = qp["id"].as_str() else {
                continue;
            };
            let Some((_, info)) = ftm::property(&rec.schema, pid) else {
                continue;
            };
            if !metas.iter().any(|m| m["id"] == pid) {
                metas.push(json!({"id": pid, "name": info.1}));
            }
            let limit = qp["settings"]["limit"].as_u64().unwrap_or(0) as usize;
            let values = rec.properties.get(pid).cloned().unwrap_or_default();
            let take = if limit > 0 { limit } else { values.len() };
            let cells: Vec<Value> = values
                .iter()
                .take(take)
                .map(|v| json!({"str": v}))
                .collect();
            row.insert(pid.to_string(), Value::Array(cells));
        }
        rows.insert(id.to_string(), Value::Object(row));
    }
    Ok(json!({"meta": metas, "rows": rows}))
}

fn prefix_words(p: &Params) -> Vec<String> {
    p.get("prefix")
        .unwrap_or("")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub fn suggest_entity(index: &Index, dataset: &str, p: &Params) -> ApiResult<Value> {
    let scope = scope::dataset_scope(index, dataset)?;
    let prefix = p.get("prefix").unwrap_or("").trim().to_string();
    let wanted = prefix_words(p);
    if wanted.is_empty() {
        return Ok(
            json!({"code": "/api/status/ok", "status": "200 OK", "prefix": prefix, "result": []}),
        );
    }
    let filters = scope::Filters::default();
    let mut hits: Vec<(f64, crate::graph::Record)> = Vec::new();
    let ex = Example {
        id: None,
        schema: "Thing".into(),
        properties: BTreeMap::from([("name".to_string(), vec![prefix.clone()])]),
    };
    let config = MatchConfig {
        threshold: 0.7,
        limit: 50,
        datasets: scope.datasets_for(&filters),
    };
    let scores: BTreeMap<String, f64> = matching::search(index, &ex, &config)
        .into_iter()
        .map(|r| (r.id, r.score))
        .collect();
    index.graph.for_each(index.engine.matcher(), |r| {
        let matchable = ftm::schema(&r.schema).is_some_and(|s| s.matchable);
        if !matchable || !scope.contains(&r, &filters) {
            return;
        }
        let names: Vec<String> = r
            .properties
            .get("name")
            .into_iter()
            .flatten()
            .chain(std::iter::once(&r.caption))
            .flat_map(|n| {
                n.split(|c: char| !c.is_alphanumeric())
                    .map(str::to_lowercase)
                    .collect::<Vec<_>>()
            })
            .collect();
        if wanted
            .iter()
            .all(|w| names.iter().any(|n| n.starts_with(w.as_str())))
        {
            hits.push((scores.get(&r.id).copied().unwrap_or(0.0), r));
        }
    });
    hits.sort_by(|a, b| b.0.total_cmp(&a.0));
    let result: Vec<Value> = hits
        .into_iter()
        .take(SUGGEST_PAGE)
        .map(|(_, r)| json!({"id": r.id, "name": r.caption, "description": label_of(&r.schema), "type": [type_of(&r.schema)]}))
        .collect();
    Ok(json!({"code": "/api/status/ok", "status": "200 OK", "prefix": prefix, "result": result}))
}

pub fn suggest_type(p: &Params) -> Value {
    let wanted = prefix_words(p);
    let result: Vec<Value> = if wanted.is_empty() {
        Vec::new()
    } else {
        ftm::model()
            .schemata
            .iter()
            .filter(|(_, s)| s.matchable)
            .filter(|(name, s)| {
                let text = format!("{} {}", name, s.label).to_lowercase();
                let words: Vec<&str> = text.split_whitespace().collect();
                wanted
                    .iter()
                    .all(|w| words.iter().any(|x| x.starts_with(w.as_str())))
            })
            .map(|(name, _)| type_of(name))
            .collect()
    };
    json!({"code": "/api/status/ok", "status": "200 OK", "prefix": p.get("prefix").unwrap_or(""), "result": result})
}

pub fn suggest_property(p: &Params) -> Value {
    let wanted = prefix_words(p);
    let result: Vec<Value> = if wanted.is_empty() {
        Vec::new()
    } else {
        ftm::model()
            .properties
            .iter()
            .filter(|(_, info)| {
                let text = format!("{} {}", info.0, info.1).to_lowercase();
                wanted.iter().all(|w| text.contains(w.as_str()))
            })
            .map(|(qname, info)| json!({"id": qname, "name": info.1, "description": info.2}))
            .collect()
    };
    json!({"code": "/api/status/ok", "status": "200 OK", "prefix": p.get("prefix").unwrap_or(""), "result": result})
}

/// Properties to propose for data extension: featured first, then the
/// other non-entity properties, cut at `limit`, sorted by label.
pub fn extend_properties(p: &Params) -> ApiResult<Value> {
    let schema = p.get("type").unwrap_or("Thing");
    let info = ftm::schema(schema)
        .ok_or_else(|| ApiError::BadRequest(format!("Invalid type: {schema}")))?;
    let limit = p.int("limit", 0, 0, 10_000)?;
    let mut names: Vec<&String> = info.featured.iter().collect();
    names.extend(
        info.properties
            .iter()
            .filter(|n| !info.entities.contains_key(*n) && !info.featured.contains(n)),
    );
    let mut props: Vec<(String, String)> = names
        .into_iter()
        .filter_map(|n| ftm::property(schema, n).map(|(_, pi)| (n.clone(), pi.1.clone())))
        .collect();
    if limit > 0 {
        props.truncate(limit);
    }
    props.sort_by(|a, b| a.1.cmp(&b.1));
    let properties: Vec<Value> = props
        .into_iter()
        .map(|(id, name)| json!({"id": id, "name": name}))
        .collect();
    Ok(json!({"limit": limit, "type": schema, "properties": properties}))
}
