//! The HTTP routes: yente's API (`matching`, `search`, `entities`,
//! `admin`), interdict's own endpoints, and the middleware every route
//! shares (metrics, CORS, body limit, timeout, request logs).

pub(crate) mod admin;
pub(crate) mod entities;
pub(crate) mod matching;
pub mod openapi;
pub(crate) mod own;
pub(crate) mod reconcile;
pub mod schema;
pub(crate) mod scope;
pub(crate) mod search;
pub(crate) mod ui;
pub(crate) mod work;

use crate::error::{ApiError, ApiResult};
use crate::params::Params;
use crate::state::SharedState;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, RawQuery, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Json;
use axum::Router;
use schema::{
    AlgorithmResponse, AssetAnswer, AssetParams, DataCatalogModel, EntityAdjacentResponse,
    EntityMatchQuery, EntityMatchResponse, EntityParams, EntityResponse, EntityResultsPage,
    ErrorResponse, ErrorResponses, ExtendParams, GoodsAnswer, GoodsLine, GoodsParams,
    HealthzResponse, ListRow, MatchParams, PageParams, ReconcileParams, ScreenParams, ScreenRecord,
    SearchParams, SearchResponse, SuggestParams, UpdateParams,
};
use serde_json::Value;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_http::cors::CorsLayer;
use tower_http::timeout::TimeoutLayer;
use utoipa::OpenApi as _;
use utoipa_axum::{router::OpenApiRouter, routes};

/// Limits applied to every request.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest accepted request body, in bytes.
    pub body_bytes: usize,
    /// A request still running after this is answered 408.
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_bytes: 32 * 1024 * 1024,
            timeout: Duration::from_secs(60),
        }
    }
}

/// Every route with its OpenAPI description. The router and
/// `/openapi.json` are both made from these registrations, so neither can
/// name a route the other lacks.
pub fn routes() -> OpenApiRouter<SharedState> {
    OpenApiRouter::with_openapi(openapi::ApiDoc::openapi())
        .routes(routes!(healthz))
        .routes(routes!(readyz))
        .routes(routes!(catalog))
        .routes(routes!(manifest))
        .routes(routes!(algorithms))
        .routes(routes!(updatez))
        .routes(routes!(match_))
        .routes(routes!(search_))
        .routes(routes!(entity))
        .routes(routes!(adjacent))
        .routes(routes!(adjacent_prop))
        .routes(routes!(reconcile_get, reconcile_post))
        .routes(routes!(suggest_entity))
        .routes(routes!(suggest_type))
        .routes(routes!(suggest_property))
        .routes(routes!(extend_property))
        .routes(routes!(goods))
        .routes(routes!(screen))
        .routes(routes!(lists))
        .routes(routes!(asset))
        .routes(routes!(openapi_json))
        .routes(routes!(metrics_text))
        .routes(routes!(ui::index))
        .routes(routes!(ui::file))
}

/// The whole application.
pub fn router(state: SharedState, limits: Limits) -> Router {
    let (routes, _) = routes().split_for_parts();
    routes
        .layer(middleware::from_fn_with_state(
            state.clone(),
            require_read_key,
        ))
        .layer(middleware::from_fn_with_state(state.clone(), track))
        .layer(DefaultBodyLimit::max(limits.body_bytes))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits.timeout,
        ))
        .layer(CorsLayer::permissive())
        .with_state(state)
}

/// Parses a JSON body whatever its Content-Type says (yente accepts it
/// without one); a body that is not JSON is a 422.
pub fn json_body(body: &[u8]) -> ApiResult<Value> {
    serde_json::from_slice(body)
        .map_err(|e| ApiError::invalid(&["body"], format!("JSON decode error: {e}")))
}

/// Runs CPU-bound work on the work queue ([`work`]), off the async
/// workers, so health checks and other requests are answered while it
/// runs. Requests are taken first come first served, one thread per core,
/// so concurrent requests queue instead of oversubscribing the cores, and
/// none waits behind requests that came after it.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> ApiResult<T> + Send + 'static,
) -> ApiResult<T> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    let job = Box::new(move || {
        // A panic must become this request's error, not end the worker.
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let _ = tx.send(result);
    });
    if work::workers().submit(job).is_err() {
        return Err(ApiError::Unavailable(
            "Too many requests waiting; retry shortly.".into(),
        ));
    }
    match rx.await {
        Ok(Ok(result)) => result,
        _ => Err(ApiError::Internal("request failed".into())),
    }
}

/// Counts and times every request by route template; logs it.
async fn track(State(state): State<SharedState>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().to_string();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_string(), |m| m.as_str().to_string());
    let response = next.run(req).await;
    let elapsed = started.elapsed();
    let status = response.status().as_u16();
    state.metrics.observe(&method, &route, status, elapsed);
    let ms = elapsed.as_secs_f64() * 1e3;
    // Every request at debug (an access log costs throughput); server
    // errors always.
    if status >= 500 {
        tracing::warn!(method, route, status, ms, "request failed");
    } else {
        tracing::debug!(method, route, status, ms, "request");
    }
    response
}

/// Routes open without a key: probes, the page, and `/updatez` (which
/// checks its own token).
const OPEN_ROUTES: [&str; 5] = ["/healthz", "/readyz", "/", "/ui/{*path}", "/updatez"];

/// The key a request carries: `Authorization: ApiKey K` (OpenSanctions'
/// form), `Authorization: Bearer K`, or `?api_key=K`.
fn request_key(req: &Request) -> Option<String> {
    let header = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|h| h.to_str().ok())
        .and_then(|h| {
            h.strip_prefix("ApiKey ")
                .or_else(|| h.strip_prefix("Bearer "))
        })
        .map(|k| k.trim().to_string());
    header.or_else(|| {
        Params::parse(req.uri().query())
            .get("api_key")
            .map(str::to_string)
    })
}

/// When read keys are configured, data routes need one; otherwise any
/// `Authorization` header or `api_key` is ignored, as yente ignores them.
async fn require_read_key(State(state): State<SharedState>, req: Request, next: Next) -> Response {
    if state.read_keys.is_empty() {
        return next.run(req).await;
    }
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string());
    let open = route.as_deref().is_some_and(|r| OPEN_ROUTES.contains(&r));
    if open || request_key(&req).is_some_and(|k| state.read_keys.allows(&k)) {
        return next.run(req).await;
    }
    ApiError::Forbidden("Invalid or missing API key.".into()).into_response()
}

#[utoipa::path(get, path = "/healthz", tag = "System information", summary = "The process is up", responses((status = 200, body = HealthzResponse)))]
async fn healthz() -> Json<Value> {
    Json(serde_json::json!({"status": "ok"}))
}

#[utoipa::path(get, path = "/readyz", tag = "System information", summary = "The index is built (503 until then)", responses((status = 200, body = HealthzResponse), (status = 503, description = "The index is not built yet", body = ErrorResponse)))]
async fn readyz(State(state): State<SharedState>) -> ApiResult<Json<Value>> {
    admin::readyz(&state).map(Json)
}

/// The catalogue with an ETag, answering 304 to a matching
/// `If-None-Match`, as yente does (clients revalidate it).
#[utoipa::path(get, path = "/catalog", tag = "Data access", summary = "Data catalog: datasets and collections served (ETag; 304 on If-None-Match)", responses((status = 200, body = DataCatalogModel), (status = 304, description = "Not modified")))]
async fn catalog(
    State(state): State<SharedState>,
    headers: axum::http::HeaderMap,
) -> ApiResult<Response> {
    let index = state.index()?;
    let body = admin::catalog(&index);
    let etag = admin::etag_of(&body);
    let cache = [
        (header::ETAG, etag.clone()),
        (header::CACHE_CONTROL, "public, max-age=300".to_string()),
    ];
    let matches = headers
        .get(header::IF_NONE_MATCH)
        .and_then(|h| h.to_str().ok())
        .is_some_and(|h| h.split(',').any(|t| t.trim() == etag || t.trim() == "*"));
    if matches {
        return Ok((StatusCode::NOT_MODIFIED, cache).into_response());
    }
    Ok((cache, Json(body)).into_response())
}

/// yente's older name for the catalogue, answered the same.
#[utoipa::path(get, path = "/manifest", tag = "Data access", summary = "The data catalog under yente's older name", responses((status = 200, body = DataCatalogModel), (status = 304, description = "Not modified")))]
async fn manifest(
    state: State<SharedState>,
    headers: axum::http::HeaderMap,
) -> ApiResult<Response> {
    catalog(state, headers).await
}

#[utoipa::path(get, path = "/algorithms", tag = "System information", summary = "The scoring algorithm and its features", responses((status = 200, body = AlgorithmResponse)))]
async fn algorithms() -> Json<Value> {
    Json(admin::algorithms())
}

#[utoipa::path(post, path = "/updatez", tag = "System information", summary = "Rebuild the index and swap it in (needs the update token)", params(UpdateParams), responses((status = 200, body = HealthzResponse), (status = 403, description = "Missing or wrong token", body = ErrorResponse)))]
async fn updatez(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    let p = Params::parse(q.as_deref());
    blocking(move || admin::updatez(&state, &p)).await.map(Json)
}

#[utoipa::path(post, path = "/match/{dataset}", tag = "Matching", summary = "Query by example matcher (batch of up to 100 entities)", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), MatchParams, ("x-interdict-user" = Option<String>, Header, description = "Who asks, as recorded in the audit log (default: the server's --by, else $USER)")), request_body(content = EntityMatchQuery, description = "Examples to match; read as JSON whatever the Content-Type"), responses((status = 200, body = EntityMatchResponse, headers(("x-batch-size" = u32, description = "Examples answered"))), ErrorResponses, (status = 503, description = "The audit log fails verification or could not be written (the entry or the error named); nothing was answered", body = ErrorResponse)))]
async fn match_(
    State(state): State<SharedState>,
    Path(dataset): Path<String>,
    RawQuery(q): RawQuery,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    let (json, batch) = blocking(move || {
        let review = state.review.as_ref();
        let clears = review.map(|r| r.clears()).transpose()?;
        let ask = matching::Review {
            clears: clears.as_deref(),
            record: review.is_some_and(|r| r.recording()),
        };
        let (answer, audits) = matching::run(&index, &dataset, &p, &body, ask)?;
        if let Some(r) = review {
            r.record(&r.user_of(&headers), audits)?;
        }
        let batch = answer.responses.len();
        // A batch's answer is large: written here, off the async workers.
        let json = serde_json::to_vec(&answer).map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok((json, batch))
    })
    .await?;
    let headers = [
        (
            header::CONTENT_TYPE.as_str(),
            "application/json".to_string(),
        ),
        ("x-batch-size", batch.to_string()),
    ];
    Ok((headers, json).into_response())
}

#[utoipa::path(get, path = "/search/{dataset}", tag = "Matching", summary = "Simple entity search", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), SearchParams), responses((status = 200, body = SearchResponse), ErrorResponses))]
async fn search_(
    State(state): State<SharedState>,
    Path(dataset): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    blocking(move || search::run(&index, &dataset, &p))
        .await
        .map(Json)
}

#[utoipa::path(get, path = "/entities/{id}", tag = "Data access", summary = "Fetch an entity, nested one hop", params(("id" = String, Path, description = "Entity id (canonical or a merged referent id)"), EntityParams), responses((status = 200, body = EntityResponse), (status = 308, description = "A merged referent id: redirect to the canonical one"), ErrorResponses))]
async fn entity(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    entities::entity(&index, &id, &p, q.as_deref())
}

#[utoipa::path(get, path = "/entities/{id}/adjacent", tag = "Data access", summary = "Adjacent entities by property, paged", params(("id" = String, Path, description = "Entity id (canonical or a merged referent id)"), PageParams), responses((status = 200, body = EntityAdjacentResponse), (status = 308, description = "Redirect to the canonical id"), ErrorResponses))]
async fn adjacent(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    entities::adjacent(&index, &id, &p, q.as_deref())
}

#[utoipa::path(get, path = "/entities/{id}/adjacent/{prop}", tag = "Data access", summary = "Adjacent entities of one property, paged", params(("id" = String, Path, description = "Entity id (canonical or a merged referent id)"), ("prop" = String, Path, description = "Property name"), PageParams), responses((status = 200, body = EntityResultsPage), (status = 308, description = "Redirect to the canonical id"), ErrorResponses))]
async fn adjacent_prop(
    State(state): State<SharedState>,
    Path((id, prop)): Path<(String, String)>,
    RawQuery(q): RawQuery,
) -> ApiResult<Response> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    entities::adjacent_prop(&index, &id, &prop, &p, q.as_deref())
}

/// True when the body is CSV, by its Content-Type or `?input=csv`.
fn is_csv(headers: &axum::http::HeaderMap, p: &Params) -> bool {
    let ct = headers
        .get(header::CONTENT_TYPE)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("");
    ct.starts_with("text/csv")
        || p.get("input")
            .is_some_and(|i| i.eq_ignore_ascii_case("csv"))
}

#[utoipa::path(post, path = "/goods", tag = "Goods and shipments", summary = "HS classification and DPRK control verdicts: one goods line (object) or a batch (array, JSON lines, or CSV as text/csv)", params(GoodsParams, ("x-interdict-user" = Option<String>, Header, description = "Who asks, as recorded in the audit log (default: the server's --by, else $USER)")), request_body(content((GoodsLine = "application/json"), (String = "application/x-ndjson"), (String = "text/csv"))), responses((status = 200, body = GoodsAnswer), ErrorResponses, (status = 503, description = "The audit log fails verification or could not be written (the entry or the error named); nothing was answered", body = ErrorResponse)))]
async fn goods(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    let csv = is_csv(&headers, &Params::parse(q.as_deref()));
    blocking(move || {
        let review = state.review.as_ref().filter(|r| r.recording());
        let (value, audits) = own::goods(&index, &body, csv, review.is_some())?;
        if let Some(r) = review {
            r.record(&r.user_of(&headers), audits)?;
        }
        Ok(value)
    })
    .await
    .map(Json)
}

#[utoipa::path(post, path = "/screen", tag = "Goods and shipments", summary = "Screen shipments (one JSON object, an array, JSON lines, or CSV as text/csv): JSON-lines decisions, streamed; the HTML report with format=html", params(ScreenParams, ("x-interdict-user" = Option<String>, Header, description = "Who asks, as recorded in the audit log (default: the server's --by, else $USER)")), request_body(content((Object = "application/json"), (String = "application/x-ndjson"), (String = "text/csv")), description = "Shipments in the `interdict screen` input shape"), responses((status = 200, description = "One record per shipment, in order", content((ScreenRecord = "application/x-ndjson"), (String = "text/html"))), ErrorResponses, (status = 503, description = "The audit log fails verification or could not be written (the entry or the error named); nothing was answered", body = ErrorResponse)))]
async fn screen(
    State(state): State<SharedState>,
    RawQuery(q): RawQuery,
    headers: axum::http::HeaderMap,
    body: Bytes,
) -> ApiResult<Response> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    let shipments = own::parse_shipments(&body, is_csv(&headers, &p));
    let format = p.get("format").unwrap_or("jsonl").to_string();
    if !matches!(format.as_str(), "html" | "jsonl" | "json") {
        return Err(ApiError::invalid(
            &["query", "format"],
            format!("expected jsonl or html, got {format:?}"),
        ));
    }
    let req = screen_request(&state, &p, &headers).await?;
    if format == "html" {
        let html = blocking(move || own::screen_html(&index, &req, shipments)).await?;
        return Ok(([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response());
    }
    Ok((
        [(header::CONTENT_TYPE, "application/x-ndjson")],
        own::screen_stream(index, req, shipments),
    )
        .into_response())
}

/// Whose law, the clears as they stand (a broken audit log answers 503
/// before anything is screened), the watched assets and who records.
async fn screen_request(
    state: &SharedState,
    p: &Params,
    headers: &axum::http::HeaderMap,
) -> ApiResult<own::ScreenRequest> {
    let scope = own::scope_of(p)?;
    let review_state = Arc::clone(state);
    let clears =
        blocking(move || review_state.review.as_ref().map(|r| r.clears()).transpose()).await?;
    let recorded_as = state
        .review
        .as_ref()
        .filter(|r| r.recording())
        .map(|r| (Arc::clone(state), r.user_of(headers)));
    Ok(own::ScreenRequest {
        scope,
        clears,
        watched: Arc::clone(&state.watched_assets),
        recorded_as,
    })
}

#[utoipa::path(get, path = "/assets/{id}", tag = "Goods and shipments", summary = "An asset identifier (VIN, IMO number, aircraft registration or serial): decoded, the listed vessels or aircraft carrying it, whether it is watched; 422 with the reason when malformed", params(("id" = String, Path, description = "VIN, IMO number, aircraft registration or serial"), AssetParams), responses((status = 200, body = AssetAnswer), ErrorResponses))]
async fn asset(
    State(state): State<SharedState>,
    Path(id): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    blocking(move || own::asset(&index, &state.watched_assets, &id, &p))
        .await
        .map(Json)
}

#[utoipa::path(get, path = "/lists", tag = "Data access", summary = "Loaded lists: snapshot dates, ages, counts, DPRK records", responses((status = 200, body = Vec<ListRow>)))]
async fn lists(State(state): State<SharedState>) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    Ok(Json(own::lists(&index)))
}

#[utoipa::path(get, path = "/openapi.json", tag = "System information", summary = "This description (OpenAPI 3.1)", responses((status = 200, description = "The OpenAPI document", content_type = "application/json")))]
async fn openapi_json() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        openapi::document_json(),
    )
        .into_response()
}

/// The server's own base URL as the client reached it.
fn base_url(headers: &axum::http::HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("localhost");
    format!("http://{host}")
}

#[utoipa::path(get, path = "/reconcile/{dataset}", tag = "Reconciliation", summary = "OpenRefine reconciliation service manifest, or queries / extend in the query", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), ReconcileParams), responses((status = 200, description = "Service manifest, or the answers", body = Object), ErrorResponses))]
async fn reconcile_get(
    State(state): State<SharedState>,
    Path(dataset): Path<String>,
    RawQuery(q): RawQuery,
    headers: axum::http::HeaderMap,
) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    if p.get("queries").is_some() || p.get("extend").is_some() {
        let form = Params::default();
        return blocking(move || reconcile::post(&index, &dataset, &p, &form))
            .await
            .map(Json);
    }
    reconcile::manifest(&index, &dataset, &base_url(&headers), q.as_deref()).map(Json)
}

#[utoipa::path(post, path = "/reconcile/{dataset}", tag = "Reconciliation", summary = "Reconciliation queries or data extension (form fields queries / extend)", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)")), request_body(content = String, content_type = "application/x-www-form-urlencoded", description = "Form fields `queries` or `extend` (JSON)"), responses((status = 200, description = "The answers by query id", body = Object), ErrorResponses))]
async fn reconcile_post(
    State(state): State<SharedState>,
    Path(dataset): Path<String>,
    RawQuery(q): RawQuery,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    let form = Params::parse(std::str::from_utf8(&body).ok());
    blocking(move || reconcile::post(&index, &dataset, &p, &form))
        .await
        .map(Json)
}

#[utoipa::path(get, path = "/reconcile/{dataset}/suggest/entity", tag = "Reconciliation", summary = "Suggest entities by name prefix", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), SuggestParams), responses((status = 200, body = Object), ErrorResponses))]
async fn suggest_entity(
    State(state): State<SharedState>,
    Path(dataset): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    let index = state.index()?;
    let p = Params::parse(q.as_deref());
    blocking(move || reconcile::suggest_entity(&index, &dataset, &p))
        .await
        .map(Json)
}

#[utoipa::path(get, path = "/reconcile/{dataset}/suggest/type", tag = "Reconciliation", summary = "Suggest schemata", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), SuggestParams), responses((status = 200, body = Object)))]
async fn suggest_type(Path(_dataset): Path<String>, RawQuery(q): RawQuery) -> Json<Value> {
    Json(reconcile::suggest_type(&Params::parse(q.as_deref())))
}

#[utoipa::path(get, path = "/reconcile/{dataset}/suggest/property", tag = "Reconciliation", summary = "Suggest properties", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), SuggestParams), responses((status = 200, body = Object)))]
async fn suggest_property(Path(_dataset): Path<String>, RawQuery(q): RawQuery) -> Json<Value> {
    Json(reconcile::suggest_property(&Params::parse(q.as_deref())))
}

#[utoipa::path(get, path = "/reconcile/{dataset}/extend/property", tag = "Reconciliation", summary = "Properties to propose for data extension", params(("dataset" = String, Path, description = "Dataset or collection (`default`, `sanctions`, a dataset name)"), ExtendParams), responses((status = 200, body = Object), ErrorResponses))]
async fn extend_property(
    Path(_dataset): Path<String>,
    RawQuery(q): RawQuery,
) -> ApiResult<Json<Value>> {
    reconcile::extend_properties(&Params::parse(q.as_deref())).map(Json)
}

#[utoipa::path(get, path = "/metrics", tag = "System information", summary = "Prometheus metrics: requests and latency per route, index size, list ages", responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")))]
async fn metrics_text(State(state): State<SharedState>) -> Response {
    let mut out = String::new();
    state.metrics.render(&mut out);
    crate::metrics::gauge(
        &mut out,
        "interdict_index_ready",
        "1 once the index is built.",
        &[(String::new(), f64::from(u8::from(state.is_ready())))],
    );
    if let Ok(index) = state.index() {
        let (forms, parts, keys) = index.engine.matcher().stats();
        crate::metrics::gauge(
            &mut out,
            "interdict_index_entities",
            "Entities served.",
            &[(String::new(), index.graph.len() as f64)],
        );
        crate::metrics::gauge(
            &mut out,
            "interdict_index_name_forms",
            "Indexed name forms, name parts and keys.",
            &[
                ("kind=\"forms\"".into(), forms as f64),
                ("kind=\"parts\"".into(), parts as f64),
                ("kind=\"keys\"".into(), keys as f64),
            ],
        );
        let today = interdict_model::PartialDate::today().day_number();
        let ages: Vec<(String, f64)> = index
            .datasets
            .iter()
            .filter_map(|d| {
                let date: interdict_model::PartialDate =
                    d.info.snapshot_date.get(..10)?.parse().ok()?;
                Some((
                    format!("dataset=\"{}\"", d.info.name),
                    (today - date.day_number()) as f64,
                ))
            })
            .collect();
        crate::metrics::gauge(
            &mut out,
            "interdict_list_snapshot_age_days",
            "Age of each list snapshot in days.",
            &ages,
        );
        crate::metrics::gauge(
            &mut out,
            "interdict_index_build_seconds",
            "Time the current index took to build.",
            &[(String::new(), index.build_time.as_secs_f64())],
        );
    }
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        out,
    )
        .into_response()
}
