//! The self-contained HTML report: a summary table of every shipment, then
//! each flagged shipment with its route drawn as inline SVG (places and
//! legs; suspicious legs in red, DPRK-exposed hubs in orange), its flags
//! with evidence and citations, its parties and goods. No scripts, no
//! external resources. Rendering only: it never decides anything.

use crate::decision::{Decision, DecisionKind};
use crate::reference::Reference;
use crate::shipment::{Place, Shipment};
use std::collections::BTreeSet;
use std::fmt::Write;

/// Shortens a label for the drawing (the full text stays in the tooltip).
fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max - 1).collect();
        t.push('…');
        t
    }
}

/// Escapes text for HTML element content and attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}\
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\
.block{background:#c62828;color:#fff}.review{background:#f9a825}.clear{background:#2e7d32;color:#fff}\
.badge{padding:.1em .5em;border-radius:.3em;font-weight:bold}\
section{border-top:2px solid #444;margin-top:2em;padding-top:1em}\
pre{background:#f5f5f5;padding:.5em;overflow-x:auto;font-size:85%}\
svg{background:#fafafa;border:1px solid #ddd}\
.leg{stroke:#1565c0;stroke-width:2;fill:none}.leg.suspicious{stroke:#c62828;stroke-width:3;stroke-dasharray:6 3}\
.gap{stroke:#888;stroke-width:1.5;stroke-dasharray:2 4;fill:none}\
.place{fill:#1565c0}.place.hub{fill:#ef6c00}.place.dprk{fill:#000}\
.lbl{font-size:11px;fill:#222}.leglbl{font-size:10px;fill:#555}\
.sev-critical{color:#c62828;font-weight:bold}.sev-high{color:#d84315;font-weight:bold}.sev-medium{color:#ef6c00}.sev-low,.sev-info{color:#555}";

/// Renders a report of the screened shipments.
pub fn render_html(items: &[(Shipment, Decision)]) -> String {
    let mut h = String::with_capacity(4096 + items.len() * 512);
    let counts = |k: DecisionKind| items.iter().filter(|(_, d)| d.decision == k).count();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>interdict shipment screening</title><style>{STYLE}</style></head><body>\
<h1>Shipment screening</h1><p>{} shipments: {} block, {} review, {} clear.</p>",
        items.len(),
        counts(DecisionKind::Block),
        counts(DecisionKind::Review),
        counts(DecisionKind::Clear)
    );
    h.push_str("<table><tr><th>shipment</th><th>decision</th><th>score</th><th>flags</th></tr>");
    for (s, d) in items {
        let rules: Vec<&str> = d.flags.iter().map(|f| f.rule.as_str()).collect();
        let _ = write!(
            h,
            "<tr><td>{}</td><td><span class=\"badge {k}\">{k}</span></td><td>{:.3}</td><td>{}</td></tr>",
            if d.decision == DecisionKind::Clear {
                esc(&s.id)
            } else {
                format!("<a href=\"#s-{0}\">{0}</a>", esc(&s.id))
            },
            d.score,
            esc(&rules.join(", ")),
            k = d.decision.as_str()
        );
    }
    h.push_str("</table>");
    for (s, d) in items
        .iter()
        .filter(|(_, d)| d.decision != DecisionKind::Clear)
    {
        shipment_section(&mut h, s, d);
    }
    h.push_str("</body></html>\n");
    h
}

fn shipment_section(h: &mut String, s: &Shipment, d: &Decision) {
    let _ = write!(
        h,
        "<section id=\"s-{id}\"><h2>{id} <span class=\"badge {k}\">{k}</span> score {:.3}</h2>\
<p>Date {} · declared destination <b>{}</b>{}</p>",
        d.score,
        s.date,
        esc(&s.declared_destination),
        s.purpose
            .map(|p| format!(
                " · purpose {}",
                esc(&serde_json::to_string(&p)
                    .unwrap_or_default()
                    .replace('"', ""))
            ))
            .unwrap_or_default(),
        id = esc(&s.id),
        k = d.decision.as_str()
    );
    if let Some(n) = &s.note {
        let _ = write!(h, "<p><i>{}</i></p>", esc(n));
    }
    if !s.legs.is_empty() {
        route_svg(h, s, &suspicious_legs(d));
    }
    h.push_str("<h3>Flags</h3><table><tr><th>rule</th><th>severity</th><th>summary</th><th>evidence</th><th>citations</th></tr>");
    for f in &d.flags {
        let ev = serde_json::to_string_pretty(&f.evidence).unwrap_or_default();
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"sev-{sev}\">{sev}</td><td>{}</td><td><pre>{}</pre></td><td>{}</td></tr>",
            esc(&f.rule),
            esc(&f.summary),
            esc(&ev),
            f.citations.iter().map(|c| esc(c)).collect::<Vec<_>>().join("<br>"),
            sev = f.severity.as_str()
        );
    }
    h.push_str("</table><h3>Parties</h3><table><tr><th>role</th><th>name</th><th>country</th><th>address</th></tr>");
    for p in &s.parties {
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            p.role,
            esc(&p.name),
            esc(p.country.as_deref().unwrap_or("")),
            esc(p.address.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</table><h3>Goods</h3><table><tr><th>description</th><th>HS</th><th>quantity</th><th>value</th></tr>");
    for g in &s.goods {
        let _ = write!(
            h,
            "<tr><td>{}{}</td><td>{}</td><td>{} {}</td><td>{} {}</td></tr>",
            esc(&g.description),
            g.declared_description
                .as_deref()
                .map(|x| format!("<br><small>declared: {}</small>", esc(x)))
                .unwrap_or_default(),
            esc(g.hs_code.as_deref().unwrap_or("")),
            g.quantity.map(|q| q.to_string()).unwrap_or_default(),
            esc(g.unit.as_deref().unwrap_or("")),
            g.value
                .map(|v| v.to_string())
                .unwrap_or_else(|| "not given".into()),
            esc(g.currency.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</table></section>");
}

/// Legs that some flag's evidence points at (`leg`, `legs`, `next_leg`).
fn suspicious_legs(d: &Decision) -> BTreeSet<usize> {
    let mut set = BTreeSet::new();
    for f in &d.flags {
        let ev = &f.evidence;
        for key in ["leg", "next_leg"] {
            if let Some(i) = ev.get(key).and_then(serde_json::Value::as_u64) {
                set.insert(i as usize);
            }
        }
        if let Some(a) = ev.get("legs").and_then(serde_json::Value::as_array) {
            set.extend(
                a.iter()
                    .filter_map(serde_json::Value::as_u64)
                    .map(|i| i as usize),
            );
        }
    }
    set
}

struct Node {
    label: String,
    coords: Option<(f64, f64)>,
    class: &'static str,
}

fn node(p: &Place, r: &Reference) -> Node {
    let (label, loc, country) = match p {
        Place::Code(c) => {
            let loc = r.location(c);
            (
                loc.map_or_else(|| c.clone(), |l| format!("{} {c}", l.name)),
                loc,
                p.country(),
            )
        }
        Place::Named { name, country } => (
            format!("{name} ({country})"),
            r.location_by_name(country, name),
            country.clone(),
        ),
    };
    let hub = r.hub(p.locode(), &country, loc.map(|l| l.name.as_str()));
    Node {
        label,
        coords: loc.and_then(|l| l.coords()),
        class: if country == "kp" {
            "place dprk"
        } else if hub.is_some() {
            "place hub"
        } else {
            "place"
        },
    }
}

fn route_svg(h: &mut String, s: &Shipment, suspicious: &BTreeSet<usize>) {
    let r = Reference::get();
    let (w, ht, pad) = (900.0_f64, 360.0_f64, 90.0_f64);
    // Stations: a leg starts where the previous one ended when the places agree, else at a new station.
    let mut stations: Vec<Node> = Vec::new();
    let mut ends: Vec<(usize, usize)> = Vec::with_capacity(s.legs.len());
    for leg in &s.legs {
        let from = node(&leg.from, r);
        let start = match stations.last() {
            Some(last) if !ends.is_empty() && last.label == from.label => stations.len() - 1,
            _ => {
                stations.push(from);
                stations.len() - 1
            }
        };
        stations.push(node(&leg.to, r));
        ends.push((start, stations.len() - 1));
    }
    let pos: Vec<(f64, f64)> = if stations.iter().all(|n| n.coords.is_some()) {
        // Equirectangular projection of the route's box; routes across the antimeridian are unwrapped.
        let pts: Vec<(f64, f64)> = stations.iter().filter_map(|n| n.coords).collect();
        let (lo_min, lo_max) = pts
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.1), b.max(p.1)));
        let lon = |x: f64| {
            if lo_max - lo_min > 180.0 && x < 0.0 {
                x + 360.0
            } else {
                x
            }
        };
        let (lo0, lo1) = pts.iter().fold((f64::MAX, f64::MIN), |(a, b), p| {
            (a.min(lon(p.1)), b.max(lon(p.1)))
        });
        let (la0, la1) = pts
            .iter()
            .fold((f64::MAX, f64::MIN), |(a, b), p| (a.min(p.0), b.max(p.0)));
        let k =
            ((w - 2.0 * pad) / (lo1 - lo0).max(1.0)).min((ht - 2.0 * pad) / (la1 - la0).max(1.0));
        // Centre the drawing in the box.
        let dx = (w - 2.0 * pad - (lo1 - lo0) * k) / 2.0;
        let dy = (ht - 2.0 * pad - (la1 - la0) * k) / 2.0;
        pts.iter()
            .map(|&(la, lo)| {
                (
                    pad + dx + (lon(lo) - lo0) * k,
                    ht - pad - dy - (la - la0) * k,
                )
            })
            .collect()
    } else {
        // A schematic chain, left to right, alternating up and down so that labels do not collide.
        let step = (w - 2.0 * pad) / (stations.len().max(2) - 1) as f64;
        (0..stations.len())
            .map(|i| {
                (
                    pad + step * i as f64,
                    if i % 2 == 0 {
                        ht / 2.0 - 50.0
                    } else {
                        ht / 2.0 + 50.0
                    },
                )
            })
            .collect()
    };
    let _ = write!(
        h,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{ht}\" viewBox=\"0 0 {w} {ht}\" role=\"img\" aria-label=\"route of {}\">\
<defs><marker id=\"arr\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"6\" markerHeight=\"6\" orient=\"auto\"><path d=\"M0,0L10,5L0,10z\" fill=\"#555\"/></marker></defs>",
        esc(&s.id)
    );
    for (i, (leg, &(a, b))) in s.legs.iter().zip(&ends).enumerate() {
        let ((x1, y1), (x2, y2)) = (pos[a], pos[b]);
        if i > 0 && ends[i - 1].1 != a {
            let (px, py) = pos[ends[i - 1].1];
            let _ = write!(h, "<line class=\"gap\" x1=\"{px:.1}\" y1=\"{py:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\"><title>legs {} and {} do not connect</title></line>", i, i + 1);
        }
        let class = if suspicious.contains(&i) {
            "leg suspicious"
        } else {
            "leg"
        };
        let what = leg
            .vessel
            .as_ref()
            .map(|v| v.name.clone())
            .or_else(|| leg.flight.clone())
            .or_else(|| leg.carrier.clone())
            .unwrap_or_default();
        let mode = serde_json::to_string(&leg.mode)
            .unwrap_or_default()
            .replace('"', "");
        let _ = write!(
            h,
            "<line class=\"{class}\" x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" marker-end=\"url(#arr)\"><title>leg {} {}: {} → {} {}</title></line>\
<text class=\"leglbl\" text-anchor=\"middle\" x=\"{:.1}\" y=\"{:.1}\">{} {}</text>",
            i + 1,
            esc(&mode),
            esc(&stations[a].label),
            esc(&stations[b].label),
            esc(&what),
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - 4.0,
            esc(&mode),
            esc(&short(&what, 22))
        );
    }
    for (n, (x, y)) in stations.iter().zip(&pos) {
        let _ = write!(
            h,
            "<circle class=\"{}\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"5\"><title>{}</title></circle><text class=\"lbl\" text-anchor=\"middle\" x=\"{x:.1}\" y=\"{:.1}\">{}</text>",
            n.class,
            esc(&n.label),
            if *y < ht / 2.0 { y - 10.0 } else { y + 20.0 },
            esc(&short(&n.label, 30))
        );
    }
    h.push_str("</svg><p><small>Blue: legs; red dashed: legs some flag points at; dotted grey: legs that do not connect; orange: DPRK-exposed hubs; black: places in the DPRK.</small></p>");
}
