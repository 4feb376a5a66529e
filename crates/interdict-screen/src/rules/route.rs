//! Where and how: transshipment chains through DPRK-exposed hubs, circuitous
//! routes, legs that do not connect, declared ports never reached, and dark
//! periods. Rules `route.transshipment_chain`, `route.circuitous`,
//! `route.disconnected`, `route.declared_port_not_reached`, `route.dark_period`.

use super::{km, Ctx, Stop};
use crate::decision::{Flag, Severity};
use crate::evidence::{
    Circuitous, DarkPeriod, Disconnected, Evidence, ExposedHub, LegIndex, PortNotReached,
    TransshipmentChain,
};

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    if ctx.shipment.legs.is_empty() {
        return;
    }
    route_transshipment_chain(ctx, flags);
    route_circuitous(ctx, flags);
    route_connections(ctx, flags);
    route_dark_period(ctx, flags);
}

/// `route.transshipment_chain`.
fn route_transshipment_chain(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let n = ctx.shipment.legs.len();
    if n < 2 {
        return;
    }
    // Intermediate stops: where each leg after the first starts, and where each leg before the last ends.
    let mut stops: Vec<&Stop<'_>> = Vec::new();
    let mut exposed = Vec::new();
    for i in 1..n {
        for s in [&ctx.to[i - 1], &ctx.from[i]] {
            if !stops.iter().any(|x| x.same_place(s)) {
                stops.push(s);
                if let Some(h) = s.hub {
                    exposed.push(ExposedHub {
                        place: s.label.clone(),
                        hub: h.name.clone(),
                        exposure: h.exposure.clone(),
                        kind: h.kind.clone(),
                        source: h.source.clone(),
                    });
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
        .any(|e| matches!(e.exposure.as_str(), "border" | "dprk"));
    let severity = if stops.len() >= min {
        Severity::High
    } else if near {
        Severity::Medium
    } else {
        Severity::Low
    };
    let summary = format!(
        "{} transshipment point(s), {} of them DPRK-exposed ({})",
        stops.len(),
        exposed.len(),
        exposed
            .iter()
            .map(|e| e.hub.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    );
    flags.push(ctx.flag_at(
        severity,
        summary,
        Evidence::RouteTransshipmentChain(TransshipmentChain {
            transshipments: stops.iter().map(|s| s.label.clone()).collect(),
            exposed_hubs: exposed,
            chain_threshold: min,
        }),
    ));
}

/// `route.circuitous`.
fn route_circuitous(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
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
        format!(
            "route covers {travelled:.0} km for a direct distance of {direct:.0} km ({ratio:.1}x)"
        ),
        Evidence::RouteCircuitous(Circuitous {
            travelled_km: travelled.round(),
            direct_km: direct.round(),
            ratio: (ratio * 100.0).round() / 100.0,
            threshold: ctx.config.parameters.circuitous_ratio,
        }),
    ));
}

/// `route.declared_port_not_reached` when a leg's arrival is missing and
/// the next leg starts elsewhere; otherwise `route.disconnected` for legs
/// that do not meet in place or time.
fn route_connections(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let legs = &ctx.shipment.legs;
    let slack = ctx.config.parameters.connection_slack_days;
    for i in 1..legs.len() {
        let (prev, cur) = (&legs[i - 1], &legs[i]);
        let place_ok = ctx.to[i - 1].same_place(&ctx.from[i]);
        if prev.arrive.is_none() && !place_ok {
            flags.push(route_declared_port_not_reached(ctx, i));
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
                problems.join("; "),
                Evidence::RouteDisconnected(Disconnected {
                    legs: [LegIndex(i - 1), LegIndex(i)],
                    problems,
                }),
            ));
        }
    }
}

/// `route.declared_port_not_reached` between leg `i - 1` and leg `i`.
fn route_declared_port_not_reached(ctx: &Ctx<'_>, i: usize) -> Flag {
    let prev = &ctx.shipment.legs[i - 1];
    ctx.flag(
        format!(
            "leg {} declared for {} has no recorded arrival; leg {} departs from {}",
            i,
            ctx.to[i - 1].label,
            i + 1,
            ctx.from[i].label
        ),
        Evidence::RouteDeclaredPortNotReached(PortNotReached {
            leg: LegIndex(i - 1),
            declared_port: ctx.to[i - 1].label.clone(),
            next_leg: LegIndex(i),
            next_departs_from: ctx.from[i].label.clone(),
            vessel: prev.vessel.as_ref().map(|v| v.name.clone()),
        }),
    )
}

/// `route.dark_period`.
fn route_dark_period(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let min = ctx.config.parameters.dark_period_days;
    for (i, leg) in ctx.shipment.legs.iter().enumerate() {
        for g in &leg.tracking_gaps {
            let days = g.to.day_number() - g.from.day_number();
            if days < min {
                continue;
            }
            flags.push(ctx.flag(
                format!(
                    "no tracking for {days} days ({} to {}) on leg {} {} → {}",
                    g.from,
                    g.to,
                    i + 1,
                    ctx.from[i].label,
                    ctx.to[i].label
                ),
                Evidence::RouteDarkPeriod(DarkPeriod {
                    leg: LegIndex(i),
                    from: g.from,
                    to: g.to,
                    days,
                    threshold_days: min,
                    vessel: leg.vessel.as_ref().map(|v| v.name.clone()),
                }),
            ));
        }
    }
}
