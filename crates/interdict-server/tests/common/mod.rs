//! A router over yente's two test datasets, built once per test binary,
//! and helpers to send it requests in process (no sockets).

#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use interdict_server::{ApiKeys, AppState, Limits, LoadOptions, SharedState, Sources};
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;
use tower::ServiceExt;

pub const UPDATE_TOKEN: &str = "test-update-token";

pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `zala` and `parteispenden`, as yente's tests serve them.
pub fn sources() -> Sources {
    let mut sources = Sources {
        from_manifest: true,
        ..Sources::default()
    };
    for (name, file) in [
        ("zala", "zala.ftm.json.gz"),
        ("parteispenden", "parteispenden.ftm.json.gz"),
    ] {
        let arg = format!("{name}={}", fixture(file).display());
        if let Err(e) = sources.add_file_arg(&arg) {
            panic!("fixture argument: {e}");
        }
    }
    sources
}

/// The state serving `zala` and `parteispenden` as yente's tests do.
pub fn state() -> SharedState {
    static STATE: OnceLock<SharedState> = OnceLock::new();
    STATE
        .get_or_init(|| {
            let sources = sources();
            let store_dir = std::env::temp_dir().join("interdict-server-tests-store");
            let mut keys = ApiKeys::default();
            keys.add_token(UPDATE_TOKEN);
            let state = AppState::new(
                LoadOptions {
                    store: interdict_lists::Store::new(&store_dir),
                    sources,
                },
                keys,
            );
            if let Err(e) = state.build_now() {
                panic!("building the test index: {e}");
            }
            state
        })
        .clone()
}

pub fn app() -> Router {
    interdict_server::router(state(), Limits::default())
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        match serde_json::from_slice(&self.body) {
            Ok(v) => v,
            Err(e) => panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)),
        }
    }
}

pub async fn send(app: Router, req: Request<Body>) -> Reply {
    let resp = match app.oneshot(req).await {
        Ok(r) => r,
        Err(e) => match e {},
    };
    let status = resp.status();
    let headers = resp.headers().clone();
    let body = match resp.into_body().collect().await {
        Ok(b) => b.to_bytes().to_vec(),
        Err(e) => panic!("reading the body: {e}"),
    };
    Reply {
        status,
        headers,
        body,
    }
}

pub async fn get(uri: &str) -> Reply {
    let req = Request::get(uri).body(Body::empty());
    send(app(), req.unwrap_or_else(|e| panic!("{e}"))).await
}

/// POSTs JSON without a Content-Type, as some yente clients do.
pub async fn post_json(uri: &str, body: &Value) -> Reply {
    let req = Request::post(uri).body(Body::from(body.to_string()));
    send(app(), req.unwrap_or_else(|e| panic!("{e}"))).await
}

pub async fn post(uri: &str, content_type: &str, body: impl Into<Body>) -> Reply {
    let req = Request::post(uri)
        .header("content-type", content_type)
        .body(body.into());
    send(app(), req.unwrap_or_else(|e| panic!("{e}"))).await
}

/// yente's `assert_entity_shape`: the ten keys, their types, timestamps
/// `YYYY-MM-DDTHH:MM:SS`, nested entities shaped alike.
pub fn assert_entity_shape(v: &Value) {
    let keys = [
        "id",
        "caption",
        "schema",
        "properties",
        "datasets",
        "referents",
        "target",
        "first_seen",
        "last_seen",
        "last_change",
    ];
    for k in keys {
        assert!(v.get(k).is_some(), "missing {k} in {v}");
    }
    assert!(v["id"].as_str().is_some_and(|s| !s.is_empty()), "{v}");
    assert!(v["caption"].as_str().is_some_and(|s| !s.is_empty()), "{v}");
    assert!(v["target"].is_boolean());
    for (_, values) in v["properties"].as_object().into_iter().flatten() {
        for value in values.as_array().into_iter().flatten() {
            if value.is_object() {
                assert_entity_shape(value);
            } else {
                assert!(value.is_string(), "{value}");
            }
        }
    }
    for k in ["first_seen", "last_seen", "last_change"] {
        if let Some(ts) = v[k].as_str() {
            let b = ts.as_bytes();
            assert!(
                b.len() == 19 && b[4] == b'-' && b[10] == b'T' && b[13] == b':' && b[16] == b':',
                "{k} = {ts}"
            );
        }
    }
}

pub fn by_id<'a>(list: &'a Value, id: &str) -> &'a Value {
    let found: Vec<&Value> = list
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["id"] == id)
        .collect();
    assert_eq!(found.len(), 1, "{id} in {list}");
    found[0]
}
