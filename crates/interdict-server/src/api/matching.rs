//! `POST /match/{dataset}`: yente's query-by-example matcher. Each example
//! is cleaned as FtM would (countries to ISO codes, numbers to strings,
//! unparsable dates dropped), searched with interdict's matcher, filtered
//! by yente's parameters and returned in yente's result shape with the
//! explanation in words beside yente's `explanations` and `features`.

use super::scope::{self, Filters};
use crate::error::{ApiError, ApiResult};
use crate::ftm;
use crate::index::Index;
use crate::params::Params;
use interdict_match::{Explanation, MatchConfig, MatchResult, Query, QueryError};
use interdict_model::{countries, PartialDate, Schema};
use interdict_review::{answers, Answer, ClearBook};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

/// yente's defaults and limits.
pub const MATCH_PAGE: usize = 5;
pub const MAX_MATCHES: usize = 500;
pub const MAX_BATCH: usize = 100;
const MATCH_CANDIDATES: usize = 10;
const MAX_MATCH_CANDIDATES: usize = 500;

/// The one algorithm, under its own name.
pub const ALGORITHM: &str = "interdict-v1";
/// Names clients send that resolve to it: yente's aliases and algorithm
/// names, so a client configured for yente keeps working.
pub const ALIASES: [&str; 8] = [
    "best",
    "default",
    "logic-v2",
    "logic-v1",
    "name-based",
    "name-qualified",
    "regression-v1",
    "ofac-249",
];

/// Country-typed properties whose values are normalised to ISO codes.
const COUNTRY_PROPS: [&str; 6] = [
    "country",
    "nationality",
    "citizenship",
    "jurisdiction",
    "birthCountry",
    "mainCountry",
];
const DATE_PROPS: [&str; 3] = ["birthDate", "incorporationDate", "deathDate"];

/// Options every query of one request shares.
pub struct MatchOptions {
    pub limit: usize,
    pub threshold: f64,
    pub cutoff: f64,
    pub filters: Filters,
}

impl MatchOptions {
    pub fn from_params(p: &Params) -> ApiResult<MatchOptions> {
        let limit = p.int("limit", MATCH_PAGE, 0, MAX_MATCHES)?;
        let threshold = p.unit("threshold", interdict_match::weights::DEFAULT_THRESHOLD)?;
        let cutoff = p.unit("cutoff", threshold)?.min(threshold);
        resolve_algorithm(p.get("algorithm").unwrap_or("best"))?;
        Ok(MatchOptions {
            limit,
            threshold,
            cutoff,
            filters: Filters::from_params(p)?,
        })
    }
}

/// `best`, `default`, yente's names and ours are all this algorithm.
pub fn resolve_algorithm(name: &str) -> ApiResult<&'static str> {
    let clean = name.trim().to_ascii_lowercase();
    if clean == ALGORITHM || ALIASES.contains(&clean.as_str()) {
        Ok(ALGORITHM)
    } else {
        Err(ApiError::BadRequest(format!("Invalid algorithm: {name}")))
    }
}

/// What the audit log asks of one request: the clears to mark (and decide
/// by), and whether to return each answer's audit entry.
#[derive(Default, Clone, Copy)]
pub struct Review<'a> {
    pub clears: Option<&'a ClearBook>,
    pub record: bool,
}

/// The whole request body: the yente answer, and one audit entry per query
/// when recording.
pub fn run(
    index: &Index,
    dataset: &str,
    p: &Params,
    body: &[u8],
    review: Review<'_>,
) -> ApiResult<(MatchAnswer, Vec<Answer>)> {
    let scope = scope::dataset_scope(index, dataset)?;
    let opts = MatchOptions::from_params(p)?;
    let body: Value = super::json_body(body)?;
    if let Some(config) = body.get("config").and_then(Value::as_object) {
        // The algorithm takes no configuration; yente refuses unknown keys.
        if let Some(key) = config.keys().next() {
            return Err(ApiError::BadRequest(format!(
                "Invalid configuration parameter: {key} for algorithm {ALGORITHM}"
            )));
        }
    }
    let queries = body
        .get("queries")
        .and_then(Value::as_object)
        .ok_or_else(|| ApiError::invalid(&["body", "queries"], "Field required"))?;
    if queries.len() > MAX_BATCH {
        return Err(ApiError::BadRequest(format!(
            "Too many queries in one batch (limit: {MAX_BATCH})"
        )));
    }
    let mut parsed = Vec::with_capacity(queries.len());
    for (name, example) in queries {
        if example.is_null() {
            continue;
        }
        parsed.push((name.clone(), parse_example(name, example)?));
    }
    if parsed.is_empty() {
        return Err(ApiError::BadRequest("No queries provided.".into()));
    }
    for (name, ex) in &parsed {
        refuse_over_limits(name, ex)?;
    }
    let answer = |(name, ex): &(String, Example)| {
        let (matches, audit) = answer_one(index, &scope, &opts, ex, review);
        (name.clone(), matches, audit)
    };
    // A batch is split across rayon's pool. The caller runs on the server's
    // work queue, not on a rayon worker, so rayon's workers only ever hold
    // pieces of the few batches in progress (one per queue thread) and a
    // batch never waits behind one that came later.
    let answers: Vec<(String, Matches, Option<Answer>)> = if parsed.len() > 1 {
        use rayon::prelude::*;
        parsed.par_iter().map(answer).collect()
    } else {
        parsed.iter().map(answer).collect()
    };
    let mut responses = BTreeMap::new();
    let mut audits = Vec::new();
    for (name, matches, audit) in answers {
        responses.insert(name, matches);
        audits.extend(audit);
    }
    let answer = MatchAnswer {
        responses,
        limit: opts.limit,
    };
    Ok((answer, audits))
}

/// yente's `EntityMatchResponse`, written straight from the results (no
/// intermediate JSON tree: building and dropping one cost as much as the
/// writing).
#[derive(Serialize)]
pub struct MatchAnswer {
    /// One answer per example, by the example's name.
    pub responses: BTreeMap<String, Matches>,
    pub limit: usize,
}

/// yente's `EntityMatches`: one example's results.
#[derive(Serialize)]
pub struct Matches {
    status: u16,
    results: Vec<Scored>,
    total: Total,
    query: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision: Option<&'static str>,
}

#[derive(Serialize)]
struct Total {
    value: usize,
    relation: &'static str,
}

/// yente's `ScoredEntityResponse` (the record's ten keys, the score, the
/// features), plus interdict's explanation and the clear that applies.
#[derive(Serialize)]
struct Scored {
    #[serde(flatten)]
    record: crate::graph::Record,
    score: f64,
    #[serde(rename = "match")]
    is_match: bool,
    explanations: Map<String, Value>,
    features: Map<String, Value>,
    explanation: Explanation,
    #[serde(skip_serializing_if = "Option::is_none")]
    clearance: Option<Value>,
}

/// One example entity, cleaned.
pub struct Example {
    pub id: Option<String>,
    pub schema: String,
    pub properties: BTreeMap<String, Vec<String>>,
}

/// Parses one example: a missing schema is a validation error (422), an
/// unknown one the caller's bad entity (400), as in yente.
pub fn parse_example(name: &str, v: &Value) -> ApiResult<Example> {
    let schema = v
        .get("schema")
        .and_then(Value::as_str)
        .ok_or_else(|| ApiError::invalid(&["body", "queries", name, "schema"], "Field required"))?;
    if ftm::schema(schema).is_none() {
        return Err(ApiError::BadRequest(format!(
            "Cannot parse example entity: Invalid schema: {schema}"
        )));
    }
    let props = v
        .get("properties")
        .and_then(Value::as_object)
        .ok_or_else(|| {
            ApiError::invalid(&["body", "queries", name, "properties"], "Field required")
        })?;
    let mut properties = BTreeMap::new();
    for (p, values) in props {
        let cleaned: Vec<String> = as_list(values)
            .into_iter()
            .filter_map(|x| clean_value(p, &x))
            .collect();
        if !cleaned.is_empty() {
            properties.insert(p.clone(), cleaned);
        }
    }
    Ok(Example {
        id: v.get("id").and_then(Value::as_str).map(str::to_string),
        schema: schema.to_string(),
        properties,
    })
}

fn as_list(v: &Value) -> Vec<String> {
    let one = |x: &Value| match x {
        Value::String(s) => Some(s.clone()),
        Value::Null => None,
        Value::Array(_) | Value::Object(_) => None,
        other => Some(other.to_string()),
    };
    match v {
        Value::Array(items) => items.iter().filter_map(one).collect(),
        other => one(other).into_iter().collect(),
    }
}

/// FtM's cleaning for the types the matcher reads; other values trimmed.
fn clean_value(prop: &str, value: &str) -> Option<String> {
    let v = value.trim();
    if v.is_empty() {
        return None;
    }
    if COUNTRY_PROPS.contains(&prop) {
        return countries::resolve(v).map(|c| c.code.to_string());
    }
    if DATE_PROPS.contains(&prop) {
        return v.parse::<PartialDate>().ok().map(|d| d.to_string());
    }
    Some(v.to_string())
}

/// The interdict schemata a FtM query schema can find: itself or its
/// nearest kind; `Thing` finds every kind of party.
fn query_schemata(schema: &str) -> Vec<Schema> {
    if let Ok(s) = schema.parse::<Schema>() {
        return vec![s];
    }
    if schema == "Thing" {
        return vec![Schema::LegalEntity, Schema::Vessel, Schema::Airplane];
    }
    [
        Schema::Person,
        Schema::Company,
        Schema::Organization,
        Schema::LegalEntity,
        Schema::Vessel,
        Schema::Airplane,
    ]
    .into_iter()
    .find(|s| ftm::is_a(schema, s.as_str()))
    .into_iter()
    .collect()
}

fn answer_one(
    index: &Index,
    scope: &scope::Scope,
    opts: &MatchOptions,
    ex: &Example,
    review: Review<'_>,
) -> (Matches, Option<Answer>) {
    let candidates = (opts.limit * MATCH_CANDIDATES)
        .clamp(20, 9999)
        .min(MAX_MATCH_CANDIDATES.max(opts.limit));
    let config = MatchConfig {
        threshold: opts.threshold,
        limit: candidates,
        datasets: scope.datasets_for(&opts.filters),
    };
    let (found, records, total) = admitted(index, opts, search(index, ex, &config));
    let today = PartialDate::today();
    let name = ex.properties.get("name").and_then(|n| n.first());
    let clearances = match (review.clears, name) {
        (Some(book), Some(name)) => answers::match_clearances(
            book,
            &index.engine,
            name,
            ex.id.as_deref(),
            &found,
            &today.to_string(),
        ),
        _ => vec![None; found.len()],
    };
    let query = json!({"id": ex.id, "schema": ex.schema, "properties": ex.properties});
    let decision = review
        .clears
        .map(|_| answers::match_decision(&found, &clearances));
    let audit = review.record.then(|| {
        let searched = config
            .datasets
            .clone()
            .unwrap_or_else(|| index.datasets.iter().map(|d| d.info.name.clone()).collect());
        let sources = json!(index.engine.sources(&searched, today));
        let parties = ex.properties.get("name").cloned().unwrap_or_default();
        answers::match_answer(query.clone(), parties, &found, &clearances, sources)
    });
    let results = found
        .into_iter()
        .zip(records)
        .zip(clearances)
        .map(|((r, record), c)| scored(r, record, opts.threshold, c.map(|c| json!(c))))
        .collect();
    let matches = Matches {
        status: 200,
        results,
        total: Total {
            value: total,
            relation: "eq",
        },
        query,
        decision,
    };
    (matches, audit)
}

/// The results above the cutoff that pass the filters, best first, at most
/// `limit` of them with their records, and how many reach the threshold.
/// A record is built only for a result that can be returned or counted.
fn admitted(
    index: &Index,
    opts: &MatchOptions,
    mut results: Vec<MatchResult>,
) -> (Vec<MatchResult>, Vec<crate::graph::Record>, usize) {
    results.retain(|r| r.score > opts.cutoff);
    results.sort_by(|a, b| b.score.total_cmp(&a.score));
    let mut found = Vec::new();
    let mut records = Vec::new();
    let mut total = 0;
    for r in results {
        let counts = r.score >= opts.threshold;
        if !counts && found.len() >= opts.limit {
            break;
        }
        let Some(rec) = index.graph.get(index.engine.matcher(), &r.id) else {
            continue;
        };
        if !opts.filters.admits(index, &rec) {
            continue;
        }
        total += usize::from(counts);
        if found.len() < opts.limit {
            found.push(r);
            records.push(rec);
        }
    }
    (found, records, total)
}

/// A name over the matcher's limits (length, parts, values) is refused with
/// 422, naming the query and property: searched as nothing, it would read as
/// "not listed".
fn refuse_over_limits(name: &str, ex: &Example) -> ApiResult<()> {
    for schema in query_schemata(&ex.schema) {
        let q = Query {
            id: ex.id.clone().unwrap_or_default(),
            schema,
            properties: ex.properties.clone(),
        };
        let Err(e) = q.validate() else { continue };
        let property = match &e {
            QueryError::NameLimit { property, .. } | QueryError::TooManyNames { property, .. } => {
                property.clone()
            }
            _ => continue,
        };
        let loc = ["body", "queries", name, "properties", property.as_str()];
        return Err(ApiError::invalid_coded(&loc, &e));
    }
    Ok(())
}

/// The matcher's results for every interdict schema the example can be.
pub fn search(index: &Index, ex: &Example, config: &MatchConfig) -> Vec<MatchResult> {
    let mut out: Vec<MatchResult> = Vec::new();
    for schema in query_schemata(&ex.schema) {
        let q = Query {
            id: ex.id.clone().unwrap_or_default(),
            schema,
            properties: ex.properties.clone(),
        };
        match q.validate() {
            Ok(()) => out.extend(index.engine.matcher().search(&q, config)),
            // Nothing to search by finds nothing; other faults were cleaned away.
            Err(QueryError::NothingToMatch { .. }) => {}
            Err(_) => {}
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score));
    out.dedup_by(|a, b| a.id == b.id);
    out
}

/// One result as yente's `ScoredEntityResponse`, with interdict's
/// explanation and the clear that applies.
fn scored(
    r: MatchResult,
    record: crate::graph::Record,
    threshold: f64,
    clearance: Option<Value>,
) -> Scored {
    let (explanations, features) = feature_scores(&r.explanation);
    Scored {
        record,
        score: r.score,
        is_match: r.score >= threshold,
        explanations,
        features,
        explanation: r.explanation,
        clearance,
    }
}

/// The explanation as yente's per-feature results: the name comparison and
/// each adjustment by its kind, each with a numeric score and the words.
pub fn feature_scores(e: &Explanation) -> (Map<String, Value>, Map<String, Value>) {
    let text = e.to_text();
    let n = e.adjustments.len();
    let split = text.len().saturating_sub(n + 1);
    let adjustment_text = text.get(split..text.len().saturating_sub(1)).unwrap_or(&[]);
    let mut explanations = Map::new();
    let mut features = Map::new();
    let name_detail = text.get(..split).unwrap_or(&[]).join("; ");
    explanations.insert(
        "name_match".into(),
        json!({"score": e.name_score, "detail": name_detail}),
    );
    features.insert("name_match".into(), json!(e.name_score));
    for (i, a) in e.adjustments.iter().enumerate() {
        let kind = serde_json::to_value(&a.reason)
            .ok()
            .and_then(|r| r.get("kind").and_then(Value::as_str).map(snake_case))
            .unwrap_or_else(|| "adjustment".into());
        let detail = adjustment_text.get(i).cloned().unwrap_or_default();
        let prev = features.get(&kind).and_then(Value::as_f64).unwrap_or(0.0);
        features.insert(kind.clone(), json!(prev + a.delta));
        explanations.insert(kind, json!({"score": prev + a.delta, "detail": detail}));
    }
    (explanations, features)
}

fn snake_case(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn examples_are_cleaned_like_ftm() {
        let v = json!({"schema": "Person", "properties": {"name": "A B", "country": "Russia", "birthDate": [1965, "nonsense"]}});
        let ex = parse_example("q", &v).expect("valid");
        assert_eq!(ex.properties["country"], ["ru"]);
        assert_eq!(ex.properties["birthDate"], ["1965"]);
        assert_eq!(ex.properties["name"], ["A B"]);
        assert!(matches!(
            parse_example("q", &json!({"properties": {}})),
            Err(ApiError::Invalid { .. })
        ));
        assert!(matches!(
            parse_example("q", &json!({"schema": "xxx", "properties": {}})),
            Err(ApiError::BadRequest(_))
        ));
    }

    #[test]
    fn algorithm_names() {
        assert!(resolve_algorithm("best").is_ok());
        assert!(resolve_algorithm("Name-Based").is_ok());
        assert!(resolve_algorithm("neural-net").is_err());
        assert_eq!(snake_case("BirthDateAgrees"), "birth_date_agrees");
    }

    #[test]
    fn thing_finds_every_kind() {
        assert_eq!(query_schemata("Thing").len(), 3);
        assert_eq!(query_schemata("Person"), [Schema::Person]);
        assert!(query_schemata("Address").is_empty());
    }
}
