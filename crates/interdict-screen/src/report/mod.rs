//! The self-contained HTML report: a summary table of every shipment with
//! its decision under each jurisdiction, then each flagged shipment with
//! its route on a map ([`route_svg`]), its flags with their evidence in
//! sentences and small tables ([`evidence`]) and citations, its parties and
//! goods. No scripts, no external resources. Rendering only: it never
//! decides anything.

mod evidence;
mod map;

pub use map::route_svg;

use crate::decision::{Decision, DecisionKind};
use crate::shipment::Shipment;
use std::fmt::Write;

/// Escapes text for HTML element content and attribute values.
pub(crate) fn esc(s: &str) -> String {
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

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222;max-width:1100px}\
table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top}\
table.ev{font-size:90%}.cite{font-size:85%;color:#555}table.ev th{background:#f5f5f5}td p{margin:.2em 0}\
.block{background:#c62828;color:#fff}.review{background:#f9a825}.clear{background:#2e7d32;color:#fff}\
.badge{padding:.1em .5em;border-radius:.3em;font-weight:bold}\
section{border-top:2px solid #444;margin-top:2em;padding-top:1em}\
svg.route{border:1px solid #ddd;max-width:100%;height:auto}\
.sev-critical{color:#c62828;font-weight:bold}.sev-high{color:#d84315;font-weight:bold}.sev-medium{color:#ef6c00}.sev-low,.sev-info{color:#555}";

fn badge(k: DecisionKind) -> String {
    format!("<span class=\"badge {k}\">{k}</span>", k = k.as_str())
}

/// Renders a report of the screened shipments.
pub fn render_html(items: &[(Shipment, Decision)]) -> String {
    let mut h = String::with_capacity(4096 + items.len() * 512);
    let counts = |k: DecisionKind| items.iter().filter(|(_, d)| d.decision == k).count();
    let _ = write!(
        h,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>interdict shipment screening</title><style>{STYLE}</style></head><body>\
<h1>Shipment screening</h1><p>{} shipments: {} block, {} review, {} clear. Each decision is the strictest over the jurisdictions screened; the column \"by law\" gives each one.</p>",
        items.len(),
        counts(DecisionKind::Block),
        counts(DecisionKind::Review),
        counts(DecisionKind::Clear)
    );
    h.push_str("<table><tr><th>shipment</th><th>decision</th><th>score</th><th>by law</th><th>flags</th></tr>");
    for (s, d) in items {
        let rules: Vec<&str> = d.flags.iter().map(|f| f.rule.as_str()).collect();
        let _ = write!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{:.3}</td><td>{}</td><td>{}</td></tr>",
            if d.decision == DecisionKind::Clear {
                esc(&s.id)
            } else {
                format!("<a href=\"#s-{0}\">{0}</a>", esc(&s.id))
            },
            badge(d.decision),
            d.score,
            esc(&d.by_jurisdiction()),
            esc(&rules.join(", "))
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
    let purpose = s
        .purpose
        .and_then(|p| serde_json::to_value(p).ok())
        .and_then(|v| v.as_str().map(|p| format!(" · purpose {}", esc(p))))
        .unwrap_or_default();
    let _ = write!(
        h,
        "<section id=\"s-{id}\"><h2>{id} {} score {:.3}</h2>\
<p>{}.</p><p>Date {} · declared destination <b>{}</b>{purpose}</p>",
        badge(d.decision),
        d.score,
        esc(&d.by_jurisdiction()),
        s.date,
        esc(&s.declared_destination),
        id = esc(&s.id),
    );
    if let Some(n) = &s.note {
        let _ = write!(h, "<p><i>{}</i></p>", esc(n));
    }
    h.push_str(&route_svg(s, d));
    h.push_str("<h3>Flags</h3><table><tr><th>rule</th><th>severity</th><th>what was found, and the sources</th></tr>");
    for f in &d.flags {
        let _ = write!(
            h,
            "<tr><td>{}</td><td class=\"sev-{sev}\">{sev}</td><td><p><b>{}</b></p>{}<p class=\"cite\">Sources: {}</p></td></tr>",
            esc(f.rule.as_str()),
            esc(&f.summary),
            evidence::flag_evidence(f),
            f.citations.iter().map(|c| esc(c)).collect::<Vec<_>>().join("; "),
            sev = f.severity.as_str()
        );
    }
    h.push_str("</table>");
    parties_and_goods(h, s);
    h.push_str("</section>");
}

fn parties_and_goods(h: &mut String, s: &Shipment) {
    h.push_str("<h3>Parties</h3><table><tr><th>role</th><th>name</th><th>country</th><th>address</th></tr>");
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
    h.push_str("</table>");
}
