//! The analyst web page: the files of `assets/`, compiled into the binary
//! (no CDN, works offline), at `/` and under `/ui/`.

use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use include_dir::{include_dir, Dir};

static ASSETS: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/assets");

/// Shown at `/` when the page's files are not built in.
const FALLBACK: &str = "<!doctype html><meta charset=utf-8><title>interdict</title>\
<h1>interdict</h1><p>The API is described at <a href=/openapi.json>/openapi.json</a>.</p>";

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The analyst page.
#[utoipa::path(get, path = "/", tag = "Web page", summary = "The analyst page (search, entity, goods and shipment forms, lists)", responses((status = 200, description = "HTML", content_type = "text/html")))]
pub async fn index() -> Response {
    match ASSETS.get_file("index.html") {
        Some(f) => Html(f.contents()).into_response(),
        None => Html(FALLBACK).into_response(),
    }
}

/// The page's files.
#[utoipa::path(get, path = "/ui/{*path}", tag = "Web page", summary = "The page's scripts, styles and map data", params(("path" = String, Path, description = "File under the page's assets")), responses((status = 200, description = "The file"), (status = 404, description = "No such file", body = super::schema::ErrorResponse)))]
pub async fn file(Path(path): Path<String>) -> Response {
    match ASSETS.get_file(&path) {
        Some(f) if !path.split('/').any(|s| s.starts_with('.')) => {
            ([(header::CONTENT_TYPE, content_type(&path))], f.contents()).into_response()
        }
        _ => (
            StatusCode::NOT_FOUND,
            axum::Json(serde_json::json!({"detail": "No such file."})),
        )
            .into_response(),
    }
}
