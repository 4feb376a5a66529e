//! `flows` on generated files recovers what the generator was given, and
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
#![cfg(feature = "engine")]
//! reproduces the published series' shape.

use interdict_trade::generate::{generate, GenLayout, GenerateOptions, Plan};
use interdict_trade::{
    flows, By, Cluster, FlowsQuery, FlowsReport, LoadOptions, Tables, TradeSession,
};
use std::sync::Arc;

/// Every test runs embedded, and with the `ballista` feature on a
/// standalone Ballista cluster of two executors too: the same assertions.
fn clusters() -> Vec<Cluster> {
    #[allow(unused_mut)]
    let mut c = vec![Cluster::Embedded];
    #[cfg(feature = "ballista")]
    c.push(Cluster::Standalone { executors: 2 });
    c
}

fn session(cluster: &Cluster) -> TradeSession {
    TradeSession::start(cluster, Arc::new(Tables::bundled().unwrap()), None).unwrap()
}

fn run(layout: GenLayout, by: By, lines: u64) -> Vec<(Plan, FlowsReport, std::path::PathBuf)> {
    clusters()
        .iter()
        .map(|c| run_on(c, layout, by, lines))
        .collect()
}

fn run_on(
    cluster: &Cluster,
    layout: GenLayout,
    by: By,
    lines: u64,
) -> (Plan, FlowsReport, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut s = session(cluster);
    let opts = GenerateOptions {
        layout,
        by,
        lines,
        seed: 7,
    };
    let (path, plan) = generate(s.tables(), &opts, &dir).unwrap();
    s.register(
        "trade",
        std::slice::from_ref(&path),
        &LoadOptions::default(),
    )
    .unwrap();
    let q = FlowsQuery {
        table: "trade".into(),
        destination: "KP".into(),
        from: vec![],
        by,
        basket: "kr".into(),
        jurisdiction: "UN".into(),
    };
    let (report, _) = flows(&s, &q, 0).unwrap();
    (plan, report, path)
}

fn close(got: f64, want: f64) -> bool {
    (got - want).abs() <= want.abs() * 0.001 + 1.0
}

fn check_recovery(plan: &Plan, report: &FlowsReport) {
    assert_eq!(plan.periods.len(), report.periods.len());
    for (want, got) in plan.periods.iter().zip(&report.periods) {
        assert_eq!(want.period, got.period);
        assert!(
            close(got.total_usd, want.total_usd),
            "{} total {} vs {}",
            got.period,
            got.total_usd,
            want.total_usd
        );
        assert!(
            close(got.luxury_usd, want.luxury_usd),
            "{} luxury {} vs {}",
            got.period,
            got.luxury_usd,
            want.luxury_usd
        );
        for (cat, v) in &want.by_category {
            let g = got.by_category.get(cat).copied().unwrap_or(0.0);
            assert!(close(g, *v), "{} {cat} {g} vs {v}", got.period);
        }
    }
}

#[test]
fn annual_comtrade_plus_recovers_basket_totals_and_the_published_shape() {
    for (plan, report, path) in run(GenLayout::ComtradePlus, By::Year, 20_000) {
        annual_checks(&plan, &report, &path);
    }
}

fn annual_checks(plan: &Plan, report: &FlowsReport, path: &std::path::Path) {
    assert!(path
        .file_name()
        .unwrap()
        .to_string_lossy()
        .contains("generated"));
    let head = std::fs::read_to_string(path).unwrap();
    assert!(head.starts_with("# GENERATED"));
    check_recovery(plan, report);
    let lux = |y: &str| {
        report
            .periods
            .iter()
            .find(|p| p.period == y)
            .unwrap()
            .luxury_usd
    };
    assert!(lux("2020") > lux("2021"));
    assert!(lux("2023") > lux("2022"));
    // The real 2022 Comtrade total (all reporters) is each file's 2022 total.
    let t2022 = report.periods.iter().find(|p| p.period == "2022").unwrap();
    assert!(close(t2022.total_usd, 903_229_425.0), "{}", t2022.total_usd);
    assert!(t2022.by_partner["cn"] > 0.9 * t2022.total_usd);
    assert_eq!(report.basket, "kr");
}

#[test]
fn annual_baci_recovers_basket_totals() {
    for (plan, report, _) in run(GenLayout::Baci, By::Year, 5_000) {
        check_recovery(&plan, &report);
    }
}

#[test]
fn monthly_comtrade_plus_recovers_basket_totals() {
    for (plan, report, _) in run(GenLayout::ComtradePlus, By::Month, 30_000) {
        check_recovery(&plan, &report);
        assert!(report.periods.iter().any(|p| p.period == "2022-10"));
    }
}

#[test]
fn parquet_recovers_and_json_shape_is_fixed() {
    for (plan, report, _) in run(GenLayout::Parquet, By::Year, 5_000) {
        check_recovery(&plan, &report);
        json_shape(&report);
    }
}

fn json_shape(report: &FlowsReport) {
    // The written document keeps the fields in this order.
    let text = serde_json::to_string(report).unwrap();
    let at = |k: &str| text.find(&format!("\"{k}\":")).unwrap();
    let order = [
        "destination",
        "by",
        "basket",
        "jurisdiction",
        "periods",
        "rejected_rows",
    ];
    assert!(order.windows(2).all(|w| at(w[0]) < at(w[1])), "{text}");
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v.as_object().unwrap().len(), order.len());
    let p = &v["periods"][0];
    for k in [
        "period",
        "total_usd",
        "controlled_usd",
        "luxury_usd",
        "by_category",
        "by_partner",
        "lines",
    ] {
        assert!(p.get(k).is_some(), "{k}");
    }
    assert_eq!(v["destination"], "kp");
    assert_eq!(v["by"], "year");
}

#[test]
fn un_and_kr_baskets_give_different_totals_and_controlled_covers_sectoral_bans() {
    for c in clusters() {
        baskets_on(&c);
    }
}

fn baskets_on(cluster: &Cluster) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session(cluster);
    let opts = GenerateOptions {
        layout: GenLayout::ComtradePlus,
        by: By::Year,
        lines: 5_000,
        seed: 1,
    };
    let (path, _) = generate(s.tables(), &opts, dir.path()).unwrap();
    s.register("trade", &[path], &LoadOptions::default())
        .unwrap();
    let q = |basket: &str| FlowsQuery {
        table: "trade".into(),
        destination: "kp".into(),
        from: vec!["cn".into()],
        by: By::Year,
        basket: basket.into(),
        jurisdiction: "UN".into(),
    };
    let (kr, _) = flows(&s, &q("kr"), 0).unwrap();
    let (un, _) = flows(&s, &q("un"), 0).unwrap();
    let y = |r: &FlowsReport, p: &str| r.periods.iter().find(|x| x.period == p).cloned().unwrap();
    assert!(y(&un, "2016").luxury_usd < y(&kr, "2016").luxury_usd);
    // After the 2017 supply bans on machinery, vehicles and metals, a large
    // part of the generated non-luxury lines is prohibited; before, only luxury.
    assert!(y(&kr, "2019").controlled_usd > y(&kr, "2015").controlled_usd);
    assert!(y(&kr, "2019").controlled_usd > y(&kr, "2019").luxury_usd);
}
