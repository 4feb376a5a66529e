//! `GET /openapi.json`: the OpenAPI 3.1 description, generated from the
//! route table below (the same paths the router mounts; a test checks
//! each documented route answers).

use serde_json::{json, Map, Value};

/// A documented route: method, path, tag, summary, query parameters
/// (name, description), and whether it takes a body (and of which type).
pub struct RouteDoc {
    /// HTTP method, lower case (`get`, `post`).
    pub method: &'static str,
    /// Path template as the router mounts it (`/match/{dataset}`).
    pub path: &'static str,
    /// The OpenAPI tag grouping the route (yente's tags for yente's routes).
    pub tag: &'static str,
    /// One line saying what the route does.
    pub summary: &'static str,
    /// Query parameters: (name, description).
    pub params: &'static [(&'static str, &'static str)],
    /// Content type of the request body, if it takes one.
    pub body: Option<&'static str>,
}

const MATCH_PARAMS: &[(&str, &str)] = &[
    (
        "limit",
        "Number of results per query (default 5, at most 500)",
    ),
    (
        "threshold",
        "Score from which a result is a match (default 0.70)",
    ),
    (
        "cutoff",
        "Deprecated: lowest score returned (default: the threshold)",
    ),
    (
        "algorithm",
        "interdict-v1; best, default and yente's names resolve to it",
    ),
    ("include_dataset", "Only these datasets (repeatable)"),
    ("exclude_dataset", "Not these datasets (repeatable)"),
    ("exclude_schema", "Not these schemata (repeatable)"),
    (
        "topics",
        "Only entities with one of these topics (repeatable)",
    ),
    (
        "changed_since",
        "Only entities changed since YYYY-MM-DD[THH[:MM[:SS]]]",
    ),
    (
        "exclude_entity_ids",
        "Not these entities (canonical or referent ids)",
    ),
];

const SEARCH_PARAMS: &[(&str, &str)] = &[
    ("q", "Query text (any script)"),
    (
        "schema",
        "Only entities of this schema or its descendants (default Thing)",
    ),
    (
        "countries",
        "Only entities linked to these countries (repeatable)",
    ),
    ("topics", "Only entities with these topics (repeatable)"),
    ("include_dataset", "Only these datasets (repeatable)"),
    ("exclude_dataset", "Not these datasets (repeatable)"),
    ("exclude_schema", "Not these schemata (repeatable)"),
    ("filter", "prop:value, exact (repeatable)"),
    ("filter_op", "OR (default) or AND for countries and topics"),
    (
        "facets",
        "countries, topics, datasets, schema, genders (repeatable)",
    ),
    (
        "changed_since",
        "Only entities changed since this timestamp",
    ),
    ("target", "Only targets (true) or non-targets (false)"),
    (
        "sort",
        "field:asc|desc on first_seen, last_seen, last_change, caption, id",
    ),
    ("limit", "Page size (default 10, at most 500)"),
    ("offset", "Page start"),
    ("simple", "Read q as plain words"),
];

const PAGE_PARAMS: &[(&str, &str)] = &[
    ("limit", "Page size (default 10)"),
    ("offset", "Page start"),
];

/// Every route `/openapi.json` documents (a test checks each one is routed).
pub const ROUTES: &[RouteDoc] = &[
    RouteDoc { method: "post", path: "/match/{dataset}", tag: "Matching", summary: "Query by example matcher (batch of up to 100 entities)", params: MATCH_PARAMS, body: Some("application/json") },
    RouteDoc { method: "get", path: "/search/{dataset}", tag: "Matching", summary: "Simple entity search", params: SEARCH_PARAMS, body: None },
    RouteDoc { method: "get", path: "/entities/{id}", tag: "Data access", summary: "Fetch an entity, nested one hop (308 from a merged referent id)", params: &[("nested", "Nest adjacent entities (default true)")], body: None },
    RouteDoc { method: "get", path: "/entities/{id}/adjacent", tag: "Data access", summary: "Adjacent entities by property, paged", params: PAGE_PARAMS, body: None },
    RouteDoc { method: "get", path: "/entities/{id}/adjacent/{prop}", tag: "Data access", summary: "Adjacent entities of one property, paged", params: PAGE_PARAMS, body: None },
    RouteDoc { method: "get", path: "/catalog", tag: "Data access", summary: "Data catalog: datasets and collections served", params: &[], body: None },
    RouteDoc { method: "get", path: "/algorithms", tag: "System information", summary: "The scoring algorithm and its features", params: &[], body: None },
    RouteDoc { method: "get", path: "/healthz", tag: "System information", summary: "The process is up", params: &[], body: None },
    RouteDoc { method: "get", path: "/readyz", tag: "System information", summary: "The index is built (503 until then)", params: &[], body: None },
    RouteDoc { method: "post", path: "/updatez", tag: "System information", summary: "Rebuild the index and swap it in (needs the update token)", params: &[("token", "Update token"), ("sync", "Wait until the new index serves")], body: None },
    RouteDoc { method: "get", path: "/reconcile/{dataset}", tag: "Reconciliation", summary: "OpenRefine reconciliation service manifest", params: &[], body: None },
    RouteDoc { method: "post", path: "/reconcile/{dataset}", tag: "Reconciliation", summary: "Reconciliation queries or data extension (form fields queries / extend)", params: &[], body: Some("application/x-www-form-urlencoded") },
    RouteDoc { method: "get", path: "/reconcile/{dataset}/suggest/entity", tag: "Reconciliation", summary: "Suggest entities by name prefix", params: &[("prefix", "Name prefix")], body: None },
    RouteDoc { method: "get", path: "/reconcile/{dataset}/suggest/type", tag: "Reconciliation", summary: "Suggest schemata", params: &[("prefix", "Prefix")], body: None },
    RouteDoc { method: "get", path: "/reconcile/{dataset}/suggest/property", tag: "Reconciliation", summary: "Suggest properties", params: &[("prefix", "Prefix")], body: None },
    RouteDoc { method: "get", path: "/reconcile/{dataset}/extend/property", tag: "Reconciliation", summary: "Properties to propose for data extension", params: &[("type", "Schema"), ("limit", "At most this many")], body: None },
    RouteDoc { method: "post", path: "/goods", tag: "Goods and shipments", summary: "HS classification and DPRK control verdicts: one goods line (object) or a batch (array, JSON lines, or CSV as text/csv)", params: &[], body: Some("application/json") },
    RouteDoc { method: "post", path: "/screen", tag: "Goods and shipments", summary: "Screen shipments (one JSON object, an array, JSON lines, or CSV as text/csv): JSON-lines decisions, streamed; the HTML report with format=html", params: &[("format", "jsonl (default) or html"), ("jurisdiction", "all (default) or codes: un,us,eu,gb,jp,kr")], body: Some("application/x-ndjson") },
    RouteDoc { method: "get", path: "/assets/{id}", tag: "Goods and shipments", summary: "An asset identifier (VIN, IMO number, aircraft registration or serial): decoded, the listed vessels or aircraft carrying it, whether it is watched; 422 with the reason when malformed", params: &[("kind", "Read the id as vin, imo or registration instead of detecting it")], body: None },
    RouteDoc { method: "get", path: "/lists", tag: "Data access", summary: "Loaded lists: snapshot dates, ages, counts, DPRK records", params: &[], body: None },
    RouteDoc { method: "get", path: "/metrics", tag: "System information", summary: "Prometheus metrics", params: &[], body: None },
    RouteDoc { method: "get", path: "/openapi.json", tag: "System information", summary: "This description", params: &[], body: None },
];

/// Routes whose answers `interdict serve --record` records in the audit
/// log, one entry per query, goods line or shipment.
const RECORDED: [&str; 3] = ["/match/{dataset}", "/goods", "/screen"];

fn path_params(path: &str) -> Vec<Value> {
    path.split('/')
        .filter_map(|seg| seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
        .map(|name| json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}}))
        .collect()
}

fn operation(r: &RouteDoc) -> Value {
    let mut params = path_params(r.path);
    params.extend(r.params.iter().map(|(name, desc)| {
        json!({"name": name, "in": "query", "required": false, "description": desc, "schema": {"type": "string"}})
    }));
    let error = json!({"description": "Error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}});
    let mut op = json!({
        "tags": [r.tag],
        "summary": r.summary,
        "parameters": params,
        "responses": {
            "200": {"description": "OK"},
            "400": error,
            "404": error,
            "422": {"description": "Validation error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidationError"}}}},
        },
    });
    if RECORDED.contains(&r.path) {
        if let Some(params) = op["parameters"].as_array_mut() {
            params.push(json!({"name": crate::review::USER_HEADER, "in": "header", "required": false,
                "description": "Who asks, as recorded in the audit log (default: the server's --by, else $USER)",
                "schema": {"type": "string"}}));
        }
        op["responses"]["503"] = json!({"description": "The audit log fails verification or could not be written (the entry or the error named); nothing was answered",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorResponse"}}}});
    }
    if let Some(ct) = r.body {
        op["requestBody"] = json!({"required": true, "content": {ct: {"schema": {}}}});
    }
    op
}

pub(crate) fn document() -> Value {
    let mut paths: Map<String, Value> = Map::new();
    for r in ROUTES {
        let entry = paths.entry(r.path.to_string()).or_insert_with(|| json!({}));
        entry[r.method] = operation(r);
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "interdict",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Sanctions screening of parties, goods and shipments. The Matching, Data access, System information and Reconciliation routes follow OpenSanctions' yente API.",
        },
        "paths": paths,
        "components": {"schemas": {
            "ErrorResponse": {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]},
            "ValidationError": {"type": "object", "properties": {"detail": {"type": "array", "items": {"type": "object", "properties": {
                "loc": {"type": "array", "items": {"type": "string"}}, "msg": {"type": "string"}, "type": {"type": "string"}}}}}},
        }},
    })
}
