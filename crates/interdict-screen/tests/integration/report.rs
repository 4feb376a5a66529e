//! The HTML report and the synthetic generator.

use crate::{read_jsonl, repo_root, screen};
use interdict_screen::{render_html, synthetic, validate};

#[test]
fn html_report_draws_routes_and_marks_suspicious_legs() {
    let s = read_jsonl(&repo_root().join("examples/maybach_s600_2018.jsonl")).remove(0);
    let d = screen(&s);
    let html = render_html(&[(s, d)]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"), "route drawn as SVG");
    assert!(
        html.contains("class=\"leg suspicious\""),
        "suspicious legs marked"
    );
    assert!(html.contains("Nakhodka") && html.contains("DN5505"));
    assert!(html.contains("route.dark_period"));
    assert!(!html.contains("<script"), "self-contained, no scripts");
}

#[test]
fn html_escapes_input() {
    let mut s = read_jsonl(&repo_root().join("examples/controls.jsonl")).remove(0);
    s.id = "<b>x</b>".into();
    let d = screen(&s);
    let html = render_html(&[(s, d)]);
    assert!(!html.contains("<b>x</b>") && html.contains("&lt;b&gt;x&lt;/b&gt;"));
}

#[test]
fn synthetic_shipments_are_valid_varied_and_reproducible() {
    let a: Vec<_> = synthetic::generate(7).take(300).collect();
    let b: Vec<_> = synthetic::generate(7).take(300).collect();
    assert_eq!(a, b, "same seed, same shipments");
    for s in &a {
        validate(s).unwrap_or_else(|e| panic!("{e}"));
    }
    let lines: usize = a.iter().map(|s| s.goods.len()).sum();
    assert!(lines > 300);
    let decisions: std::collections::HashSet<_> = a.iter().map(|s| screen(s).decision).collect();
    assert!(
        decisions.len() >= 2,
        "synthetic data should trigger some flags"
    );
    let dests: std::collections::HashSet<_> =
        a.iter().map(|s| s.declared_destination.clone()).collect();
    assert!(dests.len() >= 10);
}
