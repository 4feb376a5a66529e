//! `/openapi.json` against the router and the real answers: every
//! documented operation is routed to the handler of that path, the router
//! answers no method a path does not document, and real responses of the
//! data routes validate against the schemas the document gives them.

mod common;

use axum::body::Body;
use axum::extract::MatchedPath;
use axum::http::Request;
use interdict_server::api::openapi::openapi_path;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};

const KAHL: &str = "281d01c426ce39ddf80aa0e46574843c1ba8bfc9";
const MAYBACH: &str = include_str!("../../../examples/maybach_s600_2018.jsonl");

async fn document() -> Value {
    let doc = common::get("/openapi.json").await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    doc
}

/// A concrete URI for a documented path template.
fn concrete(template: &str) -> String {
    template
        .replace("{dataset}", "zala")
        .replace("{id}", KAHL)
        .replace("{prop}", "addressEntity")
        .replace("{path}", "app.js")
}

/// Sends one request and says which route template the router matched
/// (`None`: no route, the fallback answered) and the status.
async fn matched(method: &str, uri: &str) -> (Option<String>, u16) {
    let seen: Arc<Mutex<Option<String>>> = Arc::default();
    let record = Arc::clone(&seen);
    let app = common::app().layer(axum::middleware::from_fn(
        move |req: axum::extract::Request, next: axum::middleware::Next| {
            let record = Arc::clone(&record);
            async move {
                let path = req.extensions().get::<MatchedPath>();
                if let (Some(p), Ok(mut slot)) = (path, record.lock()) {
                    *slot = Some(p.as_str().to_string());
                }
                next.run(req).await
            }
        },
    ));
    let req = Request::builder()
        .method(method)
        .uri(uri)
        .body(Body::from("{}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let reply = common::send(app, req).await;
    let path = seen.lock().ok().and_then(|s| s.clone());
    (path.map(|p| openapi_path(&p)), reply.status.as_u16())
}

#[tokio::test]
async fn document_and_router_agree() {
    let doc = document().await;
    let paths = doc["paths"].as_object().cloned().unwrap_or_default();
    assert!(paths.len() >= 24, "{} paths", paths.len());
    for (template, item) in &paths {
        let uri = concrete(template);
        for method in ["get", "post", "put", "delete"] {
            let (route, status) = matched(&method.to_uppercase(), &uri).await;
            if item.get(method).is_some() {
                assert_eq!(route.as_deref(), Some(template.as_str()), "{method} {uri}");
                assert_ne!(status, 405, "{method} {uri}");
                let tags = &item[method]["tags"];
                assert!(tags.as_array().is_some_and(|t| !t.is_empty()), "{template}");
            } else {
                assert_eq!(status, 405, "{method} {uri} is routed but not documented");
            }
        }
    }
    for yente in ["/match/{dataset}", "/search/{dataset}", "/entities/{id}"] {
        assert!(paths.contains_key(yente), "{yente}");
    }
}

#[tokio::test]
async fn recorded_routes_document_the_user_header_and_503() {
    let doc = document().await;
    for path in ["/match/{dataset}", "/goods", "/screen"] {
        let op = &doc["paths"][path]["post"];
        let header = op["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["in"] == "header");
        assert_eq!(
            header.map(|h| &h["name"]),
            Some(&json!("x-interdict-user")),
            "{path}"
        );
        assert!(op["responses"]["503"].is_object(), "{path}");
    }
    let params = doc["paths"]["/match/{dataset}"]["post"]["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for name in ["limit", "threshold", "cutoff", "algorithm", "topics"] {
        assert!(params.iter().any(|p| p["name"] == name), "{name}");
    }
}

/// The schema the document gives `status` of `method path`, for
/// `content_type`, made self-contained with the document's components.
fn response_schema(doc: &Value, path: &str, method: &str, status: u16, ct: &str) -> Value {
    let response = &doc["paths"][path][method]["responses"][status.to_string()];
    let mut schema = response["content"][ct]["schema"].clone();
    assert!(
        schema.is_object(),
        "no {ct} schema for {status} of {method} {path}"
    );
    schema["components"] = doc["components"].clone();
    schema
}

fn assert_valid(doc: &Value, path: &str, method: &str, status: u16, body: &Value) {
    assert_valid_as(doc, path, method, status, "application/json", body);
}

fn assert_valid_as(doc: &Value, path: &str, method: &str, status: u16, ct: &str, body: &Value) {
    let schema = response_schema(doc, path, method, status, ct);
    let validator = match jsonschema::draft202012::new(&schema) {
        Ok(v) => v,
        Err(e) => panic!("schema of {method} {path} {status}: {e}"),
    };
    let errors: Vec<String> = validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "{method} {path} {status}: {errors:#?}\n{body}"
    );
}

#[tokio::test]
async fn yente_responses_validate_against_their_schemas() {
    let doc = document().await;
    let query = json!({"queries": {
        "q1": {"schema": "Person", "properties": {"name": ["Alexander ZAKHAROV"], "country": "Russia"}},
        "q2": {"schema": "Company", "properties": {"name": "Banana"}},
    }});
    let r = common::post_json("/match/zala", &query).await;
    assert_eq!(r.status, 200);
    let body = r.json();
    assert!(body["responses"]["q1"]["results"][0]["explanations"].is_object());
    assert_valid(&doc, "/match/{dataset}", "post", 200, &body);
    // The schema has teeth: an answer without its total is refused.
    let mut broken = body.clone();
    if let Some(q1) = broken["responses"]["q1"].as_object_mut() {
        q1.remove("total");
    }
    let schema = response_schema(&doc, "/match/{dataset}", "post", 200, "application/json");
    let validator = jsonschema::draft202012::new(&schema).unwrap_or_else(|e| panic!("{e}"));
    assert!(!validator.is_valid(&broken));

    let cases = [
        (
            "/search/{dataset}",
            "/search/zala?q=zakharov&facets=countries",
        ),
        ("/entities/{id}", &format!("/entities/{KAHL}")),
        (
            "/entities/{id}/adjacent",
            &format!("/entities/{KAHL}/adjacent"),
        ),
        (
            "/entities/{id}/adjacent/{prop}",
            &format!("/entities/{KAHL}/adjacent/addressEntity"),
        ),
        ("/catalog", "/catalog"),
        ("/manifest", "/manifest"),
        ("/algorithms", "/algorithms"),
        ("/healthz", "/healthz"),
        ("/readyz", "/readyz"),
    ];
    for (template, uri) in cases {
        let r = common::get(uri).await;
        assert_eq!(r.status, 200, "{uri}");
        assert_valid(&doc, template, "get", 200, &r.json());
    }
}

#[tokio::test]
async fn own_responses_validate_against_their_schemas() {
    let doc = document().await;
    let line =
        json!({"description": "Mercedes-Maybach S600 armoured limousine", "destination": "kp"});
    let one = common::post_json("/goods", &line).await;
    assert_eq!(one.status, 200);
    assert_valid(&doc, "/goods", "post", 200, &one.json());
    let batch = common::post_json("/goods", &json!([line, {"description": "cognac"}])).await;
    assert_valid(&doc, "/goods", "post", 200, &batch.json());

    let r = common::post("/screen", "application/x-ndjson", MAYBACH).await;
    assert_eq!(r.status, 200);
    let text = String::from_utf8_lossy(&r.body).to_string();
    let mut records = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: Value = serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
        assert_valid_as(
            &doc,
            "/screen",
            "post",
            200,
            "application/x-ndjson",
            &record,
        );
        records += 1;
    }
    assert!(records > 0);

    let lists = common::get("/lists").await;
    assert_valid(&doc, "/lists", "get", 200, &lists.json());
    let asset = common::get("/assets/9114555").await;
    assert_eq!(asset.status, 200);
    assert_valid(&doc, "/assets/{id}", "get", 200, &asset.json());
}

#[tokio::test]
async fn error_bodies_validate_against_their_schemas() {
    let doc = document().await;
    let r = common::post_json("/match/zala", &json!({})).await;
    assert_eq!(r.status, 422);
    assert_valid(&doc, "/match/{dataset}", "post", 422, &r.json());
    let body = json!({"queries": {"q": {"schema": "Person", "properties": {"name": "x"}}}});
    let r = common::post_json("/match/zala?algorithm=neural-net", &body).await;
    assert_eq!(r.status, 400);
    assert_valid(&doc, "/match/{dataset}", "post", 400, &r.json());
    let r = common::get("/search/banana?q=x").await;
    assert_eq!(r.status, 404);
    assert_valid(&doc, "/search/{dataset}", "get", 404, &r.json());
    let r = common::get("/entities/banana").await;
    assert_eq!(r.status, 404);
    assert_valid(&doc, "/entities/{id}", "get", 404, &r.json());
    let r = common::post_json("/goods", &json!({"destination": "kp"})).await;
    assert_eq!(r.status, 422);
    assert_valid(&doc, "/goods", "post", 422, &r.json());
}
