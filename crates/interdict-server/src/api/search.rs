//! `GET /search/{dataset}`: yente's simple text search over every served
//! entity (parties, addresses, sanctions...), with filters, facets and
//! paging. Parties are also found across scripts by the matcher; other
//! entities when every word of the query is among their values.

use super::matching::{self, Example};
use super::scope::{self, Filters};
use crate::error::{ApiError, ApiResult};
use crate::ftm;
use crate::graph::Record;
use crate::index::Index;
use crate::params::Params;
use interdict_match::MatchConfig;
use interdict_model::countries;
use serde_json::{json, Map, Value};
use std::collections::{BTreeMap, HashMap};

const SEARCH_PAGE: usize = 10;
const MAX_PAGE: usize = 500;
const MAX_OFFSET: usize = 9999 - MAX_PAGE;
const DEFAULT_FACETS: [&str; 3] = ["countries", "topics", "datasets"];
/// Parties the matcher contributes to one search at most.
const MATCHER_HITS: usize = 500;

struct SearchRequest {
    q: String,
    schema: String,
    filters: Filters,
    countries: Vec<String>,
    and: bool,
    target: Option<bool>,
    prop_filters: Vec<(String, String)>,
    facets: Vec<String>,
    limit: usize,
    offset: usize,
    sort: Vec<String>,
}

fn parse(p: &Params) -> ApiResult<SearchRequest> {
    let q = p.get("q").unwrap_or("").trim().to_string();
    if !p.bool("simple", false)? {
        if let Some(why) = query_syntax_error(&q) {
            return Err(ApiError::BadRequest(format!("Invalid query: {why}")));
        }
    }
    let schema = p.get("schema").unwrap_or("Thing").to_string();
    if ftm::schema(&schema).is_none() {
        return Err(ApiError::BadRequest(format!("Invalid schema: {schema}")));
    }
    let mut facets = p.all("facets");
    if facets.is_empty() {
        facets = DEFAULT_FACETS.iter().map(|s| s.to_string()).collect();
    }
    let prop_filters = p
        .all("filter")
        .iter()
        .filter_map(|f| f.split_once(':'))
        .map(|(k, v)| {
            (
                k.trim_start_matches("properties.").to_string(),
                v.to_string(),
            )
        })
        .collect();
    let target = match p.get("target") {
        Some(_) => Some(p.bool("target", false)?),
        None => None,
    };
    Ok(SearchRequest {
        q,
        schema,
        filters: Filters::from_params(p)?,
        countries: p.all("countries"),
        and: p
            .get("filter_op")
            .is_some_and(|o| o.eq_ignore_ascii_case("and")),
        target,
        prop_filters,
        facets,
        limit: p.int("limit", SEARCH_PAGE, 0, MAX_PAGE)?,
        offset: p.int("offset", 0, 0, MAX_OFFSET)?,
        sort: p.all("sort"),
    })
}

/// Query-string syntax a search engine would refuse: an unclosed quote,
/// bracket or `/regex/`. `simple=true` reads the text as plain words.
fn query_syntax_error(q: &str) -> Option<&'static str> {
    let mut depth = 0i32;
    let (mut quotes, mut slashes) = (0, 0);
    let mut escaped = false;
    for c in q.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '"' => quotes += 1,
            '/' => slashes += 1,
            '(' => depth += 1,
            ')' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return Some("unbalanced parentheses");
        }
    }
    if depth != 0 {
        Some("unbalanced parentheses")
    } else if quotes % 2 == 1 {
        Some("unclosed quote")
    } else if slashes % 2 == 1 {
        Some("unclosed regular expression (escape / as \\/ or pass simple=true)")
    } else {
        None
    }
}

fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

pub fn run(index: &Index, dataset: &str, p: &Params) -> ApiResult<Value> {
    let req = parse(p)?;
    let scope = scope::dataset_scope(index, dataset)?;
    let admits = |r: &Record| {
        scope.contains(r, &req.filters) && req.filters.admits(index, r) && passes(&req, r)
    };
    let mut hits: Vec<(f64, Record)> = Vec::new();
    if req.q.is_empty() {
        index.graph.for_each(index.engine.matcher(), |r| {
            if admits(&r) {
                hits.push((0.0, r));
            }
        });
    } else {
        hits = text_hits(index, &req, &scope, &admits);
    }
    sort_hits(&mut hits, &req.sort);
    let facets = facets(index, &req.facets, &hits);
    let total = hits.len();
    let results: Vec<&Record> = hits
        .iter()
        .skip(req.offset)
        .take(req.limit)
        .map(|(_, r)| r)
        .collect();
    Ok(json!({
        "limit": req.limit,
        "offset": req.offset,
        "total": {"value": total, "relation": "eq"},
        "results": results,
        "facets": facets,
    }))
}

/// Parties the matcher finds, best first, then any other entity holding
/// every word of the query, in load order.
fn text_hits(
    index: &Index,
    req: &SearchRequest,
    scope: &scope::Scope,
    admits: &dyn Fn(&Record) -> bool,
) -> Vec<(f64, Record)> {
    let matcher = index.engine.matcher();
    let ex = Example {
        id: None,
        schema: req.schema.clone(),
        properties: BTreeMap::from([("name".to_string(), vec![req.q.clone()])]),
    };
    let config = MatchConfig {
        threshold: interdict_match::weights::DEFAULT_THRESHOLD,
        limit: MATCHER_HITS,
        datasets: scope.datasets_for(&req.filters),
    };
    let mut hits: Vec<(f64, Record)> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for r in matching::search(index, &ex, &config) {
        if let Some(rec) = index.graph.get(matcher, &r.id) {
            if admits(&rec) && seen.insert(rec.id.clone()) {
                hits.push((r.score, rec));
            }
        }
    }
    let wanted = words(&req.q);
    index.graph.for_each_where(
        matcher,
        |caption, props| has_words(caption, props, &wanted),
        |r| {
            if !seen.contains(&r.id) && admits(&r) {
                hits.push((0.0, r));
            }
        },
    );
    hits
}

fn has_words(caption: &str, props: &BTreeMap<String, Vec<String>>, wanted: &[String]) -> bool {
    let mut text: Vec<String> = words(caption);
    for values in props.values() {
        for v in values {
            text.extend(words(v));
        }
    }
    wanted.iter().all(|w| text.contains(w))
}

/// The filters only search has: schema, countries, target, `filter=prop:value`.
fn passes(req: &SearchRequest, r: &Record) -> bool {
    if !ftm::is_a(&r.schema, &req.schema) {
        return false;
    }
    if let Some(t) = req.target {
        if r.target != t {
            return false;
        }
    }
    if !req.countries.is_empty() {
        let have = country_values(r);
        let ok = if req.and {
            req.countries.iter().all(|c| have.contains(c))
        } else {
            req.countries.iter().any(|c| have.contains(c))
        };
        if !ok {
            return false;
        }
    }
    req.prop_filters.iter().all(|(k, v)| match k.as_str() {
        "schema" => &r.schema == v,
        "datasets" => r.datasets.contains(v),
        "countries" => country_values(r).contains(v),
        _ => r.properties.get(k).is_some_and(|vals| vals.contains(v)),
    })
}

fn country_values(r: &Record) -> Vec<String> {
    let props = ftm::schema(&r.schema)
        .map(|s| s.countries.as_slice())
        .unwrap_or(&[]);
    props
        .iter()
        .filter_map(|p| r.properties.get(p))
        .flatten()
        .cloned()
        .collect()
}

/// `field:asc|desc` on first_seen, last_seen, last_change, caption or id;
/// otherwise best score first (load order among equals).
fn sort_hits(hits: &mut [(f64, Record)], sort: &[String]) {
    hits.sort_by(|a, b| b.0.total_cmp(&a.0));
    for spec in sort.iter().rev() {
        let (field, dir) = spec.split_once(':').unwrap_or((spec.as_str(), "asc"));
        let key = |r: &Record| -> Option<String> {
            match field {
                "first_seen" => r.first_seen.clone(),
                "last_seen" => r.last_seen.clone(),
                "last_change" => r.last_change.clone(),
                "caption" => Some(r.caption.clone()),
                "id" => Some(r.id.clone()),
                _ => None,
            }
        };
        let desc = dir.eq_ignore_ascii_case("desc");
        hits.sort_by(|a, b| {
            let o = key(&a.1).cmp(&key(&b.1));
            if desc {
                o.reverse()
            } else {
                o
            }
        });
    }
}

fn facets(index: &Index, wanted: &[String], hits: &[(f64, Record)]) -> Map<String, Value> {
    let mut out = Map::new();
    for facet in wanted {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for (_, r) in hits {
            let values: Vec<String> = match facet.as_str() {
                "countries" => country_values(r),
                "topics" => r.properties.get("topics").cloned().unwrap_or_default(),
                "datasets" => r.datasets.clone(),
                "schema" => vec![r.schema.clone()],
                "genders" => r.properties.get("gender").cloned().unwrap_or_default(),
                _ => continue,
            };
            let mut values = values;
            values.sort();
            values.dedup();
            for v in values {
                *counts.entry(v).or_insert(0) += 1;
            }
        }
        let mut values: Vec<(String, usize)> = counts.into_iter().collect();
        values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let items: Vec<Value> = values
            .into_iter()
            .map(|(name, count)| json!({"name": name, "label": facet_label(index, facet, &name), "count": count}))
            .collect();
        out.insert(
            facet.clone(),
            json!({"label": facet_title(facet), "values": items}),
        );
    }
    out
}

fn facet_title(facet: &str) -> String {
    match facet {
        "countries" => "Countries".into(),
        "topics" => "Topics".into(),
        "datasets" => "Data sources".into(),
        "schema" => "Entity types".into(),
        "genders" => "Genders".into(),
        other => other.to_string(),
    }
}

fn facet_label(index: &Index, facet: &str, name: &str) -> String {
    match facet {
        "countries" => {
            countries::by_code(name).map_or_else(|| name.to_string(), |c| c.name.clone())
        }
        "datasets" => index
            .sources
            .get(name)
            .map_or_else(|| name.to_string(), |d| d.title.clone()),
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_syntax() {
        assert!(query_syntax_error("invalid/query").is_some());
        assert!(query_syntax_error("alexander zakharov").is_none());
        assert!(query_syntax_error("\"open").is_some());
        assert!(query_syntax_error("a\\/b").is_none());
    }
}
