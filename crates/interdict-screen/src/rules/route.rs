//! Where and how: transshipment chains through DPRK-exposed hubs, circuitous
//! routes, legs that do not connect, declared ports never reached, and dark
//! periods. Rules `route.transshipment_chain`, `route.circuitous`,
//! `route.disconnected`, `route.declared_port_not_reached`, `route.dark_period`.

use super::{km, Ctx};
use crate::decision::{Flag, Severity};
use serde_json::json;

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    if ctx.shipment.legs.is_empty() {
        return;
    }
    transshipment(ctx, flags);
    circuitous(ctx, flags);
    connections(ctx, flags);
    dark(ctx, flags);
}

fn transshipment(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let n = ctx.shipment.legs.len();
    if n < 2 {
        return;
    }
    // Intermediate stops: where each leg after the first starts, and where each leg before the last ends.
    let mut stops = Vec::new();
    let mut exposed = Vec::new();
    for i in 1..n {
        for s in [&ctx.to[i - 1], &ctx.from[i]] {
            if !stops.iter().any(|x: &&super::Stop<'_>| x.same_place(s)) {
                stops.push(s);
                if let Some(h) = s.hub {
                    exposed.push(json!({"place": s.label, "hub": h.name, "exposure": h.exposure, "kind": h.kind, "source": h.source}));
                }
            }
        }
    }
    if exposed.is_empty() {
        return;
    }
    let min = ctx.config.parameters.transshipment_min;
    // A long chain through any exposed hub is the C4ADS pattern; a single
    // stop counts more at a border crossing or DPRK port than at a big
    // regional port such as Dalian that also serves ordinary trade.
    let near = exposed
        .iter()
        .any(|e| matches!(e["exposure"].as_str(), Some("border" | "dprk")));
    let severity = if stops.len() >= min {
        Severity::High
    } else if near {
        Severity::Medium
    } else {
        Severity::Low
    };
    flags.push(ctx.flag_at(
        "route.transshipment_chain",
        severity,
        format!(
            "{} transshipment point(s), {} of them DPRK-exposed ({})",
            stops.len(),
            exposed.len(),
            exposed.iter().filter_map(|e| e["hub"].as_str()).collect::<Vec<_>>().join(", ")
        ),
        json!({
            "transshipments": stops.iter().map(|s| s.label.clone()).collect::<Vec<_>>(),
            "exposed_hubs": exposed,
            "chain_threshold": min,
        }),
    ));
}

fn circuitous(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let mut points = Vec::new();
    for (f, t) in ctx.from.iter().zip(&ctx.to) {
        for c in [f.coords, t.coords].into_iter().flatten() {
            if points.last() != Some(&c) {
                points.push(c);
            }
        }
    }
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return;
    };
    let direct = km(*first, *last);
    if direct < 300.0 {
        return;
    }
    let travelled: f64 = points.windows(2).map(|w| km(w[0], w[1])).sum();
    let ratio = travelled / direct;
    if ratio <= ctx.config.parameters.circuitous_ratio {
        return;
    }
    flags.push(ctx.flag(
        "route.circuitous",
        format!("route covers {travelled:.0} km for a direct distance of {direct:.0} km ({ratio:.1}x)"),
        json!({"travelled_km": travelled.round(), "direct_km": direct.round(), "ratio": (ratio * 100.0).round() / 100.0, "threshold": ctx.config.parameters.circuitous_ratio}),
    ));
}

fn connections(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let legs = &ctx.shipment.legs;
    let slack = ctx.config.parameters.connection_slack_days;
    for i in 1..legs.len() {
        let (prev, cur) = (&legs[i - 1], &legs[i]);
        let place_ok = ctx.to[i - 1].same_place(&ctx.from[i]);
        if prev.arrive.is_none() && !place_ok {
            flags.push(ctx.flag(
                "route.declared_port_not_reached",
                format!(
                    "leg {} declared for {} has no recorded arrival; leg {} departs from {}",
                    i,
                    ctx.to[i - 1].label,
                    i + 1,
                    ctx.from[i].label
                ),
                json!({"leg": i - 1, "declared_port": ctx.to[i - 1].label, "next_leg": i, "next_departs_from": ctx.from[i].label, "vessel": prev.vessel.as_ref().map(|v| &v.name)}),
            ));
            continue;
        }
        let mut problems = Vec::new();
        if !place_ok {
            problems.push(format!(
                "leg {} ends at {} but leg {} starts at {}",
                i,
                ctx.to[i - 1].label,
                i + 1,
                ctx.from[i].label
            ));
        }
        if let (Some(a), Some(d)) = (prev.arrive, cur.depart) {
            if d.day_number() + slack < a.day_number() {
                problems.push(format!(
                    "leg {} departs {d}, before leg {} arrived ({a})",
                    i + 1,
                    i
                ));
            }
        }
        if !problems.is_empty() {
            flags.push(ctx.flag(
                "route.disconnected",
                problems.join("; "),
                json!({"legs": [i - 1, i], "problems": problems}),
            ));
        }
    }
}

fn dark(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let min = ctx.config.parameters.dark_period_days;
    for (i, leg) in ctx.shipment.legs.iter().enumerate() {
        for g in &leg.tracking_gaps {
            let days = g.to.day_number() - g.from.day_number();
            if days < min {
                continue;
            }
            flags.push(ctx.flag(
                "route.dark_period",
                format!(
                    "no tracking for {days} days ({} to {}) on leg {} {} → {}",
                    g.from,
                    g.to,
                    i + 1,
                    ctx.from[i].label,
                    ctx.to[i].label
                ),
                json!({"leg": i, "from": g.from, "to": g.to, "days": days, "threshold_days": min, "vessel": leg.vessel.as_ref().map(|v| &v.name)}),
            ));
        }
    }
}
