//! Contract tests: the requests of yente's own API tests (test_match.py,
//! test_search.py, test_entity.py, test_app.py) against interdict, on
//! yente's fixtures, plus the details clients depend on.

mod common;

use common::{assert_entity_shape, by_id, get, post, post_json, UPDATE_TOKEN};
use serde_json::{json, Value};

const ZAKHAROV: &str = "NK-aU5ybkbRFJucf8YMwsJvDw";

fn query_zakharov() -> Value {
    json!({
        "schema": "Person",
        "properties": {
            "name": ["Alexander Vyacheslavovich ZAKHAROV"],
            "birthDate": ["1965"],
            "country": "Russia",
        }
    })
}

fn many_names() -> Value {
    json!({
        "schema": "Person",
        "properties": {"name": [
            "Alexander Vyacheslavovich ZAKHAROV",
            "Aleksandr Vyacheslavovich Zakharov",
            "Александр Вячеславович Захаров",
            "Александр ЗАХАРОВ",
            "Захаров Александр Вячеславович",
            "Zakharov Aleksandr Vyacheslavovich",
            "Aleksandr Vjačeslavovič Zacharov"
        ]}
    })
}

async fn match_results(uri: &str, queries: Value) -> Value {
    let r = post_json(uri, &json!({ "queries": queries })).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    r.json()
}

// --- test_app.py ---

#[tokio::test]
async fn health_ready_and_algorithms() {
    assert_eq!(get("/healthz").await.json()["status"], "ok");
    assert_eq!(get("/readyz").await.status, 200);
    let algos = get("/algorithms").await.json();
    let best = algos["best"].as_str().unwrap_or_default();
    assert!(algos["algorithms"]
        .as_array()
        .is_some_and(|a| a.iter().any(|x| x["name"] == best)));
    assert_eq!(algos["default"], algos["best"]);
}

#[tokio::test]
async fn catalog_has_the_datasets_and_default_collections() {
    for path in ["/catalog", "/manifest"] {
        let c = get(path).await.json();
        let names: Vec<&str> = c["datasets"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|d| d["name"].as_str())
            .collect();
        for n in ["zala", "parteispenden", "default", "sanctions"] {
            assert!(names.contains(&n), "{n} in {names:?}");
        }
        assert!(c["current"]
            .as_array()
            .is_some_and(|a| a.contains(&json!("zala"))));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn updatez_needs_the_token() {
    assert_eq!(post_json("/updatez", &json!({})).await.status, 403);
    let r = post_json("/updatez?token=wrong", &json!({})).await;
    assert_eq!(r.status, 403);
    assert!(r.json()["detail"].is_string());
    // Requests keep being answered, from the old index or the new, while
    // the rebuild runs and the swap happens.
    let body = json!({"queries": {"q": query_zakharov()}});
    let readers: Vec<_> = (0..8)
        .map(|_| {
            let body = body.clone();
            tokio::spawn(async move {
                let mut seen = Vec::new();
                for _ in 0..5 {
                    let r = post_json("/match/zala", &body).await;
                    let first = r.json()["responses"]["q"]["results"][0]["id"].clone();
                    seen.push((r.status.as_u16(), first));
                }
                seen
            })
        })
        .collect();
    let r = post_json(
        &format!("/updatez?token={UPDATE_TOKEN}&sync=true"),
        &json!({}),
    )
    .await;
    assert_eq!(r.status, 200);
    for reader in readers {
        let seen = reader.await.unwrap_or_default();
        assert_eq!(seen.len(), 5);
        assert!(
            seen.iter().all(|(s, id)| *s == 200 && id == ZAKHAROV),
            "{seen:?}"
        );
    }
    assert_eq!(get("/readyz").await.status, 200);
}

// --- test_match.py ---

#[tokio::test]
async fn match_zakharov() {
    let q = query_zakharov();
    let data = match_results("/match/zala", json!({"vv": q, "xx": q, "zz": q})).await;
    let res = &data["responses"]["vv"];
    assert_eq!(res["query"]["schema"], "Person");
    assert_eq!(res["query"]["properties"]["country"][0], "ru");
    assert!(
        res["total"]["value"].as_u64().is_some_and(|t| t > 0),
        "{res}"
    );
    let res0 = &res["results"][0];
    assert_eq!(res0["id"], ZAKHAROV);
    assert_entity_shape(res0);
    assert!(data["responses"]["zz"]["results"][0]["id"] == ZAKHAROV);
    assert_eq!(data["limit"], 5);
}

#[tokio::test]
async fn match_algorithms_by_name() {
    let body = json!({"queries": {"vv": query_zakharov()}});
    let r = post_json("/match/zala?algorithm=neural-net", &body).await;
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].is_string());
    for algo in ["name-based", "logic-v1", "logic-v2", "best"] {
        let r = post_json(&format!("/match/zala?algorithm={algo}"), &body).await;
        assert_eq!(r.status, 200, "{algo}");
        let res0 = &r.json()["responses"]["vv"]["results"][0];
        assert_eq!(res0["id"], ZAKHAROV);
        assert!(res0["score"].as_f64().is_some_and(|s| s > 0.70));
    }
}

#[tokio::test]
async fn match_no_schema_is_422_and_bad_schema_400() {
    let r = post_json(
        "/match/zala",
        &json!({"queries": {"fail": {"properties": {"name": "Banana"}}}}),
    )
    .await;
    assert_eq!(r.status, 422);
    assert!(r.json()["detail"].is_array());
    let body = json!({"queries": {
        "fail": {"schema": "xxx", "properties": {"name": "Banana"}},
        "ok1": {"schema": "Person", "properties": {"name": ["Vladimir Putin"]}},
        "ok2": {"schema": "Person", "properties": {"name": ["John Doe"]}},
    }});
    let r = post_json("/match/zala", &body).await;
    assert_eq!(r.status, 400);
    assert!(r.json()["detail"].is_string());
}

#[tokio::test]
async fn match_refuses_a_name_over_the_limits_by_query_and_property() {
    let long = "KIM ".repeat(2_500);
    let body = json!({"queries": {
        "ok": {"schema": "Person", "properties": {"name": ["Kim Jong Un"]}},
        "huge": {"schema": "Person", "properties": {"name": [long]}},
    }});
    let r = post_json("/match/zala", &body).await;
    assert_eq!(r.status, 422);
    let detail = &r.json()["detail"][0];
    assert_eq!(
        detail["loc"],
        json!(["body", "queries", "huge", "properties", "name"])
    );
    assert!(
        detail["msg"].as_str().is_some_and(|m| !m.is_empty()),
        "{detail}"
    );
}

#[tokio::test]
async fn error_bodies_carry_their_codes_beside_yente_detail() {
    let r = get("/entities/banana").await;
    assert_eq!(r.status, 404);
    assert!(r.json()["detail"].is_string());
    assert_eq!(r.json()["code"], "not_found");
    let no_schema = json!({"queries": {"fail": {"properties": {"name": "Banana"}}}});
    let r = post_json("/match/zala", &no_schema).await;
    assert_eq!(r.status, 422);
    assert!(r.json()["detail"].is_array());
    assert_eq!(r.json()["code"], "invalid_request");
    let long = "KIM ".repeat(2_500);
    let huge = json!({"queries": {"huge": {"schema": "Person", "properties": {"name": [long]}}}});
    let r = post_json("/match/zala", &huge).await;
    assert_eq!(r.status, 422);
    assert!(r.json()["detail"].is_array());
    assert_eq!(r.json()["code"], "query_too_long");
}

#[tokio::test]
async fn match_many_names_fuzzy_ignored() {
    let a = match_results("/match/zala?algorithm=best", json!({"q": many_names()})).await;
    let b = match_results(
        "/match/zala?fuzzy=false&algorithm=best",
        json!({"q": many_names()}),
    )
    .await;
    let n = a["responses"]["q"]["results"]
        .as_array()
        .map_or(0, Vec::len);
    assert!(n > 0);
    assert_eq!(
        Some(n),
        b["responses"]["q"]["results"].as_array().map(Vec::len)
    );
}

#[tokio::test]
async fn match_include_and_exclude_dataset() {
    let q = json!({"vv": query_zakharov()});
    let count = |v: &Value| {
        v["responses"]["vv"]["results"]
            .as_array()
            .map_or(0, Vec::len)
    };
    let r = match_results("/match/zala?exclude_dataset=zala", q.clone()).await;
    assert_eq!(count(&r), 0);
    let r = match_results(
        "/match/zala?include_dataset=ae_local_terrorists&include_dataset=mx_governors",
        q.clone(),
    )
    .await;
    assert_eq!(count(&r), 0);
    let r = match_results(
        "/match/zala?include_dataset=zala&include_dataset=ae_local_terrorists",
        q.clone(),
    )
    .await;
    assert!(count(&r) > 0);
    let r = match_results(
        "/match/zala?include_dataset=zala&include_dataset=mx_governors&exclude_dataset=zala",
        q,
    )
    .await;
    assert_eq!(count(&r), 0);
}

#[tokio::test]
async fn match_config_keys_are_checked() {
    let body = json!({"queries": {"vv": query_zakharov()}, "config": {"invalid_option": 0.4}});
    assert_eq!(
        post_json("/match/zala?algorithm=logic-v2", &body)
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn match_filter_topic() {
    let r = match_results(
        "/match/zala?algorithm=name-based&topics=crime.cyber",
        json!({"vv": query_zakharov()}),
    )
    .await;
    assert_eq!(
        r["responses"]["vv"]["results"].as_array().map(Vec::len),
        Some(0)
    );
}

#[tokio::test]
async fn match_id_pass_through_and_numbers() {
    let mut body = many_names();
    body["id"] = json!("zakharov");
    let r = match_results("/match/zala", json!({"no1": body})).await;
    assert_eq!(r["responses"]["no1"]["query"]["id"], "zakharov");
    assert_eq!(r["responses"]["no1"]["query"]["schema"], "Person");
    let q = json!({"schema": "Person", "properties": {"name": ["Alexander Zakharov"], "birthDate": [1965]}});
    let r = match_results("/match/zala", json!({"q": q})).await;
    assert!(r["responses"]["q"]["query"]["properties"]["birthDate"]
        .as_array()
        .is_some_and(|a| a.contains(&json!("1965"))));
}

#[tokio::test]
async fn match_exclude_entity_ids_canonical_and_referent() {
    let q = json!({"q": query_zakharov()});
    let r = match_results("/match/zala", q.clone()).await;
    assert_eq!(r["responses"]["q"]["results"][0]["id"], ZAKHAROV);
    for id in [ZAKHAROV, "ofac-45937"] {
        let r = match_results(&format!("/match/zala?exclude_entity_ids={id}"), q.clone()).await;
        assert_eq!(
            r["responses"]["q"]["results"].as_array().map(Vec::len),
            Some(0),
            "{id}"
        );
    }
}

#[tokio::test]
async fn match_results_carry_explanations_and_features() {
    let r = match_results("/match/default", json!({"q": query_zakharov()})).await;
    let res0 = &r["responses"]["q"]["results"][0];
    assert_eq!(res0["match"], true);
    assert!(
        res0["explanations"]["name_match"]["score"].is_number(),
        "{res0}"
    );
    assert!(res0["features"]["name_match"].is_number());
    assert!(res0["explanation"]["text"]
        .as_array()
        .is_some_and(|t| !t.is_empty()));
    // total counts matches only, and the default cutoff is the threshold.
    let res = &r["responses"]["q"];
    let matches = res["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|x| x["match"] == true)
        .count();
    assert_eq!(res["total"]["value"].as_u64(), Some(matches as u64));
    assert!(res["results"]
        .as_array()
        .into_iter()
        .flatten()
        .all(|x| x["score"].as_f64().is_some_and(|s| s > 0.70)));
}

#[tokio::test]
async fn match_tolerates_what_clients_send() {
    let body = json!({"queries": {"q": query_zakharov()}});
    let req = axum::http::Request::post("/match/default?api_key=x&fuzzy=True&unknown=1")
        .header("authorization", "ApiKey whatever")
        .header("content-type", "application/json")
        .body(axum::body::Body::from(body.to_string()));
    let r = common::send(common::app(), req.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(r.status, 200);
    let r = post("/match/default", "text/plain", "not json").await;
    assert_eq!(r.status, 422);
    assert!(r.json()["detail"].is_array());
    assert_eq!(post_json("/match/banana", &body).await.status, 404);
    assert_eq!(
        post_json("/match/default?limit=abc", &body).await.status,
        422
    );
    let r = post_json("/match/default", &json!({"queries": {}})).await;
    assert_eq!(r.status, 400);
}

// --- test_search.py ---

#[tokio::test]
async fn search_zakharov() {
    let r = get("/search/zala?q=alexander%20zakharov").await;
    assert_eq!(r.status, 200);
    let data = r.json();
    let z = &data["results"][0];
    assert_entity_shape(z);
    assert_eq!(z["id"], ZAKHAROV);
    assert!(!z["first_seen"].is_null() && !z["last_seen"].is_null());
    let ds = z["datasets"].as_array().cloned().unwrap_or_default();
    assert!(!ds.contains(&json!("sanctions")) && !ds.contains(&json!("default")));
}

#[tokio::test]
async fn search_basics_and_errors() {
    assert!(get("/search/zala").await.json()["results"]
        .as_array()
        .is_some_and(|r| r.len() > 9));
    assert_eq!(get("/search/zala?q=invalid/query").await.status, 400);
    assert_eq!(
        get("/search/zala?q=invalid/query&simple=true").await.status,
        200
    );
    assert_eq!(get("/search/banana").await.status, 404);
    assert_eq!(
        get("/search/zala?q=angela%20merkel&schema=Banana")
            .await
            .status,
        400
    );
    let r = get("/search/zala?q=angela%20merkel&schema=Vessel")
        .await
        .json();
    assert_eq!(r["results"].as_array().map(Vec::len), Some(0));
    let r = get("/search/zala?q=alexander%20zakharov&schema=Person")
        .await
        .json();
    assert!(r["results"].as_array().is_some_and(|a| !a.is_empty()));
}

fn total(v: &Value) -> u64 {
    v["total"]["value"].as_u64().unwrap_or(u64::MAX)
}

#[tokio::test]
async fn search_filters() {
    let all = total(&get("/search/zala?q=moscow").await.json());
    assert!(all > 5 && all != u64::MAX, "{all}");
    assert!(
        total(
            &get("/search/zala?q=moscow&exclude_schema=Address")
                .await
                .json()
        ) < all
    );
    let q = "/search/zala?q=alexander%20zakharov";
    assert!(total(&get(q).await.json()) > 0);
    assert_eq!(
        total(&get(&format!("{q}&exclude_dataset=zala")).await.json()),
        0
    );
    assert_eq!(
        total(
            &get(&format!("{q}&include_dataset=mx_senators"))
                .await
                .json()
        ),
        0
    );
    assert!(total(&get(&format!("{q}&include_dataset=zala")).await.json()) > 0);
    assert_eq!(
        total(
            &get(&format!("{q}&include_dataset=zala&exclude_dataset=zala"))
                .await
                .json()
        ),
        0
    );
    assert_eq!(
        total(
            &get(&format!("{q}&changed_since=2099-01-01T00:00"))
                .await
                .json()
        ),
        0
    );
    let n = |v: Value| v["results"].as_array().map_or(0, Vec::len);
    assert!(n(get(&format!("{q}&countries=ru")).await.json()) > 0);
    assert_eq!(n(get(&format!("{q}&countries=ke")).await.json()), 0);
    assert!(n(get(&format!("{q}&countries=ke&countries=ru")).await.json()) > 0);
    assert_eq!(
        n(get(&format!("{q}&filter_op=AND&countries=ke&countries=ru"))
            .await
            .json()),
        0
    );
    assert_eq!(
        n(
            get(&format!("{q}&filter=properties.birthDate:1972-01-26%C2%A7"))
                .await
                .json()
        ),
        0
    );
    assert!(
        n(get("/search/zala?schema=LegalEntity&target=true")
            .await
            .json())
            > 0
    );
    assert!(
        n(get("/search/zala?schema=LegalEntity&target=false")
            .await
            .json())
            > 0
    );
}

fn facet_names(v: &Value, facet: &str) -> Vec<String> {
    v["facets"][facet]["values"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|c| c["name"].as_str().map(str::to_string))
        .collect()
}

#[tokio::test]
async fn search_facets() {
    let v = get("/search/zala").await.json();
    assert!(facet_names(&v, "datasets").contains(&"zala".to_string()));
    assert!(!facet_names(&v, "datasets").contains(&"parteispenden".to_string()));
    assert!(facet_names(&v, "topics").contains(&"sanction".to_string()));
    assert_eq!(v["facets"].as_object().map(|f| f.len()), Some(3));
    let v = get("/search/parteispenden").await.json();
    assert!(facet_names(&v, "datasets").contains(&"parteispenden".to_string()));
    let v = get("/search/zala?q=alexander%20zakharov&countries=ru")
        .await
        .json();
    let c = facet_names(&v, "countries");
    assert!(c.contains(&"ru".to_string()) && !c.contains(&"ke".to_string()));
    assert!(total(&get("/search/zala?topics=sanction").await.json()) > 0);
    assert!(total(&get("/search/zala?schema=Address").await.json()) > 0);
    let v = get("/search/zala?facets=schema&facets=topics").await.json();
    assert_eq!(v["facets"].as_object().map(|f| f.len()), Some(2));
    assert!(facet_names(&v, "schema").contains(&"Address".to_string()));
}

#[tokio::test]
async fn search_sorted() {
    let v = get("/search/zala?sort=first_seen:desc").await.json();
    let seen: Vec<&str> = v["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["first_seen"].as_str())
        .collect();
    assert!(seen.len() > 1);
    assert!(seen.windows(2).all(|w| w[0] >= w[1]), "{seen:?}");
}

// --- test_entity.py ---

const KAHL: &str = "281d01c426ce39ddf80aa0e46574843c1ba8bfc9";
const CDU: &str = "c326dd8021ee75fe9608f31ecb4e2e7388144102";

#[tokio::test]
async fn entity_404_fetch_and_redirect() {
    let r = get("/entities/banana").await;
    assert_eq!(r.status, 404);
    assert!(r.json()["detail"].is_string());
    let data = get(&format!("/entities/{ZAKHAROV}")).await.json();
    assert_entity_shape(&data);
    assert_eq!(data["schema"], "Person");
    assert!(data["datasets"]
        .as_array()
        .is_some_and(|d| d.contains(&json!("zala"))));
    assert!(data["referents"].as_array().is_some_and(|r| r.len() > 5));
    assert!(data["properties"]["birthDate"][0].is_string());
    let sanc = &data["properties"]["sanctions"][0];
    assert!(sanc.is_object(), "{data}");
    assert_entity_shape(sanc);
    assert_eq!(sanc["schema"], "Sanction");
    let r = get("/entities/ofac-45937?nested=False").await;
    assert_eq!(r.status, 308);
    let location = r
        .headers
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("");
    assert_eq!(location, format!("/entities/{ZAKHAROV}?nested=False"));
}

#[tokio::test]
async fn entity_not_nested_and_nested() {
    let data = get(&format!("/entities/{KAHL}?nested=false")).await.json();
    let props = &data["properties"];
    assert!(props["addressEntity"].as_array().is_some_and(
        |a| a.len() == 2 && a.contains(&json!("012a13cddb445def96357093c4ebb30c3c5ab41d"))
    ));
    assert!(props.get("paymentPayer").is_none());

    let data = get(&format!("/entities/{KAHL}")).await.json();
    let props = &data["properties"];
    let addr = by_id(
        &props["addressEntity"],
        "012a13cddb445def96357093c4ebb30c3c5ab41d",
    );
    assert_eq!(addr["schema"], "Address");
    assert!(addr["properties"]["full"][0]
        .as_str()
        .is_some_and(|f| f.contains("Pferdmengesstr")));
    assert_eq!(props["paymentPayer"].as_array().map(Vec::len), Some(2));
    let pmt = by_id(
        &props["paymentPayer"],
        "98a5b377dffde7307e265a7cc928297e318daaef",
    );
    assert_eq!(pmt["schema"], "Payment");
    assert_eq!(pmt["properties"]["payer"], json!([KAHL]));
    let cdu = by_id(&pmt["properties"]["beneficiary"], CDU);
    assert_eq!(cdu["properties"]["name"], json!(["CDU"]));

    let data = get("/entities/98a5b377dffde7307e265a7cc928297e318daaef")
        .await
        .json();
    assert_eq!(data["schema"], "Payment");
    assert_eq!(data["properties"]["payer"][0]["id"], KAHL);
    assert_eq!(
        data["properties"]["beneficiary"].as_array().map(Vec::len),
        Some(2)
    );
}

#[tokio::test]
async fn adjacent_pages() {
    let data = get(&format!("/entities/{KAHL}/adjacent")).await.json();
    assert_eq!(data["entity"]["caption"], "Herr Christoph Alexander Kahl");
    let adj = &data["adjacent"];
    assert_eq!(adj["addressEntity"]["total"]["value"], 2);
    assert_eq!(adj["addressEntity"]["limit"], 10);
    assert_eq!(adj["addressEntity"]["offset"], 0);
    assert_eq!(adj["paymentPayer"]["total"]["value"], 2);
    let pmt = by_id(
        &adj["paymentPayer"]["results"],
        "98a5b377dffde7307e265a7cc928297e318daaef",
    );
    assert_eq!(pmt["properties"]["payer"], json!([KAHL]));
    assert_eq!(
        pmt["properties"]["beneficiary"].as_array().map(Vec::len),
        Some(2)
    );

    let data = get("/entities/98a5b377dffde7307e265a7cc928297e318daaef/adjacent")
        .await
        .json();
    let payer = &data["adjacent"]["payer"]["results"][0];
    assert_eq!(payer["id"], KAHL);
    let keys: Vec<&String> = payer["properties"]
        .as_object()
        .map(|o| o.keys().collect())
        .unwrap_or_default();
    assert_eq!(keys, ["addressEntity", "country", "name"]);
    assert!(payer["properties"]["addressEntity"]
        .as_array()
        .is_some_and(|a| a.iter().all(Value::is_string)));

    let data = get(&format!("/entities/{KAHL}/adjacent?limit=1"))
        .await
        .json();
    let adj = &data["adjacent"];
    by_id(
        &adj["addressEntity"]["results"],
        "582e64e961eaf537d8a80856520d601519a5fb98",
    );
    assert_eq!(adj["addressEntity"]["total"]["value"], 2);
    let pmt = by_id(
        &adj["paymentPayer"]["results"],
        "98a5b377dffde7307e265a7cc928297e318daaef",
    );
    let fake = by_id(&pmt["properties"]["beneficiary"], "fake-org");
    assert_eq!(fake["properties"]["name"], json!(["Fake"]));

    let data = get(&format!("/entities/{KAHL}/adjacent?limit=1&offset=1"))
        .await
        .json();
    by_id(
        &data["adjacent"]["addressEntity"]["results"],
        "012a13cddb445def96357093c4ebb30c3c5ab41d",
    );
    by_id(
        &data["adjacent"]["paymentPayer"]["results"],
        "8928105b8d3748805295a0fb01ae57cc37be30a5",
    );
}

#[tokio::test]
async fn adjacent_by_prop() {
    assert_eq!(
        get(&format!("/entities/{KAHL}/adjacent/address"))
            .await
            .status,
        404
    );
    let data = get(&format!("/entities/{KAHL}/adjacent/addressEntity"))
        .await
        .json();
    assert_eq!(data["limit"], 10);
    assert_eq!(data["total"]["value"], 2);
    assert_eq!(data["results"].as_array().map(Vec::len), Some(2));
    let data = get(&format!(
        "/entities/{KAHL}/adjacent/paymentPayer?limit=1&offset=1"
    ))
    .await
    .json();
    assert_eq!(data["total"]["value"], 2);
    let pmt = by_id(&data["results"], "8928105b8d3748805295a0fb01ae57cc37be30a5");
    by_id(&pmt["properties"]["beneficiary"], CDU);
}

// --- test_reconcile.py ---

#[tokio::test]
async fn reconcile_manifest_and_queries() {
    let data = get("/reconcile/zala").await.json();
    assert!(data["identifierSpace"]
        .as_str()
        .is_some_and(|s| s.starts_with("https://www.opensanctions.org")));
    assert!(
        data["defaultTypes"].as_array().is_some_and(|t| t.len() > 3),
        "{data}"
    );
    assert!(data.get("suggest").is_some() && data.get("extend").is_some());

    let queries = json!({"mutti": {"query": "Alexander ZAKHAROV"}}).to_string();
    let form: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("queries", &queries)
        .finish();
    let r = post("/reconcile/zala", "application/x-www-form-urlencoded", form).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["mutti"]["result"][0]["id"], ZAKHAROV);

    let bad = json!({"mutti": {"type": "Banana"}}).to_string();
    let form: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("queries", &bad)
        .finish();
    assert_eq!(
        post("/reconcile/zala", "application/x-www-form-urlencoded", form)
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn reconcile_extend() {
    let q =
        json!({"ids": [ZAKHAROV], "properties": [{"id": "name"}, {"id": "birthDate"}]}).to_string();
    let form: String = form_urlencoded::Serializer::new(String::new())
        .append_pair("extend", &q)
        .finish();
    let data = post("/reconcile/zala", "application/x-www-form-urlencoded", form)
        .await
        .json();
    assert_eq!(data["meta"].as_array().map(Vec::len), Some(2));
    assert_eq!(data["meta"][0]["id"], "name");
    let names: String = data["rows"][ZAKHAROV]["name"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|n| n["str"].as_str())
        .collect();
    assert!(names.to_lowercase().contains("zakharov"), "{data}");
    let props = get("/reconcile/zala/extend/property?limit=5&type=LegalEntity")
        .await
        .json();
    assert_eq!(props["type"], "LegalEntity");
    assert_eq!(props["limit"], 5);
    let ids: Vec<&str> = props["properties"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert_eq!(ids.len(), 5);
    assert!(ids.contains(&"name") && ids.contains(&"country"), "{ids:?}");
    assert_eq!(
        get("/reconcile/zala/extend/property?limit=5&type=Banana")
            .await
            .status,
        400
    );
}

#[tokio::test]
async fn reconcile_suggestions() {
    let n = |v: Value| v["result"].as_array().map_or(usize::MAX, Vec::len);
    assert_eq!(n(get("/reconcile/zala/suggest/entity").await.json()), 0);
    let res = get("/reconcile/zala/suggest/entity?prefix=alexander%20zak")
        .await
        .json();
    assert_eq!(res["result"][0]["id"], ZAKHAROV, "{res}");
    assert_eq!(
        n(get("/reconcile/zala/suggest/entity?prefix=banana%20man")
            .await
            .json()),
        0
    );
    assert_eq!(n(get("/reconcile/zala/suggest/property").await.json()), 0);
    let res = get("/reconcile/zala/suggest/property?prefix=country")
        .await
        .json();
    let ids: Vec<&str> = res["result"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|p| p["id"].as_str())
        .collect();
    assert!(
        ids.contains(&"LegalEntity:mainCountry") && ids.contains(&"Thing:country"),
        "{ids:?}"
    );
    assert_eq!(
        n(get("/reconcile/zala/suggest/property?prefix=banana")
            .await
            .json()),
        0
    );
    assert_eq!(n(get("/reconcile/zala/suggest/type").await.json()), 0);
    let res = get("/reconcile/zala/suggest/type?prefix=organ")
        .await
        .json();
    assert_eq!(n(res.clone()), 1);
    assert_eq!(res["result"][0]["id"], "Organization");
    assert_eq!(
        n(get("/reconcile/zala/suggest/type?prefix=banana")
            .await
            .json()),
        0
    );
}

#[tokio::test]
async fn catalog_revalidates_with_its_etag() {
    let r = get("/catalog").await;
    let etag = r
        .headers
        .get("etag")
        .and_then(|h| h.to_str().ok())
        .unwrap_or("")
        .to_string();
    assert!(etag.starts_with('"') && etag.len() > 2, "{etag}");
    let req = axum::http::Request::get("/catalog")
        .header("if-none-match", &etag)
        .body(axum::body::Body::empty());
    let r = common::send(common::app(), req.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(r.status, 304);
    let req = axum::http::Request::get("/catalog")
        .header("if-none-match", "\"other\"")
        .body(axum::body::Body::empty());
    let r = common::send(common::app(), req.unwrap_or_else(|e| panic!("{e}"))).await;
    assert_eq!(r.status, 200);
}
