//! interdict's own endpoints (goods, shipments, lists, OpenAPI, metrics,
//! the page) and the operational details (CORS, body limit).

mod common;

use axum::body::Body;
use axum::http::Request;
use common::{get, post, post_json};
use serde_json::{json, Value};

const MAYBACH: &str = include_str!("../../../examples/maybach_s600_2018.jsonl");

#[tokio::test]
async fn goods_one_line_and_batches() {
    let line =
        json!({"description": "Mercedes-Maybach S600 armoured limousine", "destination": "kp"});
    let r = post_json("/goods", &line).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let report = r.json();
    assert!(
        report["verdicts"].as_array().is_some_and(|v| !v.is_empty()),
        "{report}"
    );
    assert!(report["hs"].is_object());

    let bad = json!({"description": "cognac"});
    let batch = json!([line, bad]);
    let rows = post_json("/goods", &batch).await.json();
    assert_eq!(rows[0]["line"], 1);
    assert!(rows[0]["report"]["verdicts"].is_array());
    assert_eq!(rows[1]["line"], 2);
    assert!(rows[1]["error"].is_string(), "{rows}");

    let jsonl = format!("{line}\n{line}\n");
    let rows = post("/goods", "application/x-ndjson", jsonl).await.json();
    assert_eq!(rows.as_array().map(Vec::len), Some(2));

    let csv = "description,destination\nfur coats,kp\n";
    let rows = post("/goods", "text/csv", csv).await.json();
    assert!(rows[0]["report"]["verdicts"].is_array(), "{rows}");

    let r = post_json("/goods", &json!({"destination": "kp"})).await;
    assert_eq!(r.status, 422);
    assert!(r.json()["detail"].is_array());
}

fn records(body: &[u8]) -> Vec<Value> {
    String::from_utf8_lossy(body)
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

#[tokio::test]
async fn screen_streams_jsonl_records_and_renders_html() {
    let r = post("/screen", "application/x-ndjson", MAYBACH).await;
    assert_eq!(r.status, 200);
    assert_eq!(
        r.headers.get("content-type").and_then(|h| h.to_str().ok()),
        Some("application/x-ndjson")
    );
    let recs = records(&r.body);
    let expected = MAYBACH
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("//"))
        .count();
    assert_eq!(recs.len(), expected);
    assert!(
        recs.iter()
            .all(|d| d["decision"].is_string() || d["error"].is_object()),
        "{recs:?}"
    );
    assert!(recs.iter().any(|d| d["decision"] == "block"), "{recs:?}");

    let one = MAYBACH
        .lines()
        .find(|l| l.starts_with('{'))
        .unwrap_or_default();
    let r = post("/screen", "application/json", one.to_string()).await;
    assert_eq!(records(&r.body).len(), 1);

    let r = post("/screen?format=html", "application/x-ndjson", MAYBACH).await;
    assert_eq!(r.status, 200);
    let html = String::from_utf8_lossy(&r.body);
    assert!(html.contains("<svg"), "the report draws the route");

    let r = post("/screen", "application/x-ndjson", "{\"id\": 1}\nnot json\n").await;
    let recs = records(&r.body);
    assert_eq!(recs.len(), 2);
    assert!(recs.iter().all(|d| d["error"].is_object()));
    assert_eq!(
        post("/screen?jurisdiction=mars", "application/json", "{}")
            .await
            .status,
        422
    );
}

#[tokio::test]
async fn goods_and_screen_errors_carry_their_codes() {
    let r = post_json(
        "/goods",
        &json!({"description": "cars", "destination": "kp", "hs_code": "8799"}),
    )
    .await;
    assert_eq!(r.status, 400, "{}", String::from_utf8_lossy(&r.body));
    assert!(r.json()["detail"].is_string());
    assert_eq!(r.json()["code"], "goods_bad_hs_code");

    let batch = json!([{"description": "cognac"}, {"description": "cognac", "destination": "zz"}]);
    let rows = post_json("/goods", &batch).await.json();
    assert_eq!(rows[0]["code"], "goods_malformed_line", "{rows}");
    assert_eq!(rows[1]["code"], "goods_bad_field", "{rows}");

    let r = post("/screen", "application/x-ndjson", "not json\n").await;
    let recs = records(&r.body);
    assert_eq!(recs[0]["error"]["code"], "shipment_malformed", "{recs:?}");

    let r = post("/screen?jurisdiction=mars", "application/json", "{}").await;
    assert_eq!(r.status, 422);
    assert_eq!(
        r.json()["detail"][0]["loc"],
        json!(["query", "jurisdiction"])
    );
    assert_eq!(r.json()["code"], "unknown_jurisdiction");
}

#[tokio::test]
async fn lists_rows() {
    let rows = get("/lists").await.json();
    let names: Vec<&str> = rows
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["dataset"].as_str())
        .collect();
    assert_eq!(names, ["zala", "parteispenden"]);
    assert!(rows[0]["total"].as_u64().is_some_and(|t| t > 0));
    assert!(rows[0].get("age_days").is_some() && rows[0]["notes"].is_array());
}

#[tokio::test]
async fn metrics_count_requests_per_route() {
    get("/healthz").await;
    let text = String::from_utf8_lossy(&get("/metrics").await.body).to_string();
    assert!(
        text.contains(
            "interdict_http_requests_total{method=\"GET\",route=\"/healthz\",status=\"200\"}"
        ),
        "{text}"
    );
    assert!(text.contains("interdict_index_entities "));
    assert!(text.contains("interdict_http_request_duration_seconds_bucket"));
}

#[tokio::test]
async fn page_cors_and_body_limit() {
    let r = get("/").await;
    assert_eq!(r.status, 200);
    assert!(String::from_utf8_lossy(&r.body).contains("<"));
    assert_eq!(get("/ui/no-such-file.js").await.status, 404);

    let req = Request::get("/healthz")
        .header("origin", "https://example.org")
        .body(Body::empty());
    let r = common::send(common::app(), req.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(
        r.headers
            .get("access-control-allow-origin")
            .and_then(|h| h.to_str().ok()),
        Some("*")
    );

    let small = interdict_server::router(
        common::state(),
        interdict_server::Limits {
            body_bytes: 1024,
            ..interdict_server::Limits::default()
        },
    );
    let big =
        json!({"queries": {"q": {"schema": "Person", "properties": {"name": ["x".repeat(4096)]}}}});
    let req = Request::post("/match/zala").body(Body::from(big.to_string()));
    let r = common::send(small, req.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(r.status, 413);
}

#[tokio::test]
async fn read_keys_when_configured() {
    let base = common::state();
    let mut read = interdict_server::ApiKeys::default();
    read.add_token("reader");
    let state =
        interdict_server::AppState::with_read_keys(base.load.clone(), base.keys.clone(), read);
    if let Err(e) = state.build_now() {
        panic!("{e}");
    }
    let app = || interdict_server::router(state.clone(), interdict_server::Limits::default());
    let send = |uri: &str, auth: Option<&str>| {
        let mut req = Request::get(uri);
        if let Some(a) = auth {
            req = req.header("authorization", a);
        }
        req.body(Body::empty()).unwrap_or_else(|e| panic!("{e}"))
    };
    assert_eq!(common::send(app(), send("/readyz", None)).await.status, 200);
    assert_eq!(
        common::send(app(), send("/catalog", None)).await.status,
        403
    );
    assert_eq!(
        common::send(app(), send("/catalog", Some("ApiKey wrong")))
            .await
            .status,
        403
    );
    assert_eq!(
        common::send(app(), send("/catalog", Some("ApiKey reader")))
            .await
            .status,
        200
    );
    assert_eq!(
        common::send(app(), send("/catalog?api_key=reader", None))
            .await
            .status,
        200
    );
}

#[tokio::test]
async fn a_yente_manifest_serves_what_it_names() {
    let dir = std::env::temp_dir().join(format!("interdict-manifest-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    let manifest = dir.join("manifest.yml");
    let zala = common::fixture("zala.ftm.json.gz");
    let text = format!(
        "catalogs: []\ndatasets:\n  - name: zala\n    title: Zala Test Dataset\n    entities_url: file://{}\n    load: true\n  - name: un_sc_sanctions\n  - name: mine\n    title: Mine\n    children: [zala]\n",
        zala.display()
    );
    std::fs::write(&manifest, text).unwrap_or_else(|e| panic!("{e}"));
    let sources =
        interdict_server::Sources::from_manifest(&manifest).unwrap_or_else(|e| panic!("{e}"));
    let state = interdict_server::AppState::new(
        interdict_server::LoadOptions {
            store: interdict_lists::Store::new(dir.join("store")),
            sources,
        },
        interdict_server::ApiKeys::default(),
    );
    state.build_now().unwrap_or_else(|e| panic!("{e}"));
    let app = || interdict_server::router(state.clone(), interdict_server::Limits::default());
    let get = |uri: &str| {
        Request::get(uri)
            .body(Body::empty())
            .unwrap_or_else(|e| panic!("{e}"))
    };

    let catalog = common::send(app(), get("/catalog")).await.json();
    let mut names: Vec<&str> = catalog["datasets"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|d| d["name"].as_str())
        .collect();
    names.sort();
    assert_eq!(
        names,
        ["default", "mine", "sanctions", "un_sc_sanctions", "zala"]
    );
    let un = common::send(app(), get("/search/un_sc_sanctions?facets=datasets"))
        .await
        .json();
    assert!(
        un["total"]["value"].as_u64().is_some_and(|t| t > 100),
        "{}",
        un["total"]
    );
    let ds = un["facets"]["datasets"]["values"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(ds.len(), 1, "{ds:?}");
    let mine = common::send(app(), get("/search/mine?q=alexander%20zakharov"))
        .await
        .json();
    assert_eq!(mine["results"][0]["id"], "NK-aU5ybkbRFJucf8YMwsJvDw");
    let _ = std::fs::remove_dir_all(&dir);
}
