//! `GET /openapi.json`: the OpenAPI 3.1 description, generated from the
//! code. Each handler carries its `#[utoipa::path]` (method, path, tag,
//! parameters, bodies, answers), the bodies are the types of
//! [`super::schema`], and the paths are collected from the same
//! registrations that build the router ([`super::routes`]).

use std::sync::OnceLock;
use utoipa::openapi::OpenApi as Document;
use utoipa::OpenApi;

/// The document's header: title, description and yente's tags.
#[derive(OpenApi)]
#[openapi(
    info(
        title = "interdict",
        description = "Sanctions screening of parties, goods and shipments. The Matching, Data access, System information and Reconciliation routes follow OpenSanctions' yente API."
    ),
    // The error bodies are named by `ErrorResponses`, whose schemas utoipa
    // does not collect on its own.
    components(schemas(
        super::schema::ErrorResponse,
        super::schema::ValidationErrorResponse,
        super::schema::ValidationErrorItem
    )),
    tags(
        (name = "Matching", description = "yente's query-by-example matcher and search"),
        (name = "Data access", description = "yente's entities and catalogue; interdict's lists"),
        (name = "System information", description = "Probes, algorithms, updates, metrics"),
        (name = "Reconciliation", description = "OpenRefine's reconciliation API, as yente serves it"),
        (name = "Goods and shipments", description = "interdict's goods, shipment and asset checks"),
        (name = "Web page", description = "The analyst page"),
    )
)]
pub struct ApiDoc;

/// The path as OpenAPI writes it: axum's catch-all `{*path}` is `{path}`.
pub fn openapi_path(axum_path: &str) -> String {
    axum_path.replace("{*", "{")
}

/// The whole document, from the routes the router mounts.
pub fn document() -> Document {
    let mut doc = super::routes().split_for_parts().1;
    let paths = std::mem::take(&mut doc.paths.paths);
    doc.paths.paths = paths
        .into_iter()
        .map(|(path, item)| (openapi_path(&path), item))
        .collect();
    doc
}

/// The document as served, serialised once.
pub fn document_json() -> &'static str {
    static JSON: OnceLock<String> = OnceLock::new();
    JSON.get_or_init(|| document().to_json().unwrap_or_else(|_| "{}".to_string()))
}
