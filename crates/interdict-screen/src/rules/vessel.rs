//! How: vessels listed by IMO number (or by name when no IMO is given),
//! renamed or reflagged shortly before the leg, flags of convenience, and
//! DPRK carriers on any leg. Rules `vessel.listed`, `vessel.renamed`,
//! `vessel.flag_of_convenience`, `carrier.dprk`.

use super::Ctx;
use crate::decision::{Flag, Severity};
use crate::shipment::{Leg, Party, Role};
use crate::text::{fold, words};
use interdict_model::Schema;
use serde_json::json;

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    for (i, leg) in ctx.shipment.legs.iter().enumerate() {
        if let Some(v) = &leg.vessel {
            listed(ctx, i, leg, flags);
            renamed(ctx, i, leg, flags);
            if let Some(flag) = v.flag.as_deref() {
                if let Some(e) = ctx.reference.flags_of_convenience.get(flag) {
                    flags.push(ctx.flag(
                        "vessel.flag_of_convenience",
                        format!(
                            "vessel {} on leg {} flies the flag of {} (flag of convenience)",
                            v.name,
                            i + 1,
                            e.name
                        ),
                        json!({"leg": i, "vessel": v.name, "flag": flag, "source": e.source}),
                    ));
                }
            }
        }
        dprk_carrier(ctx, i, leg, flags);
    }
    for (i, p) in ctx.shipment.parties.iter().enumerate() {
        if p.role == Role::Carrier || p.role == Role::Forwarder {
            if let Some(c) = carrier_match(ctx, &p.name) {
                flags.push(ctx.flag(
                    "carrier.dprk",
                    format!("{} {:?} is the DPRK carrier {}", p.role, p.name, c.name),
                    json!({"party_index": i, "name": p.name, "carrier": c.name, "source": c.source}),
                ));
            }
        }
    }
}

fn listed(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
    let Some(v) = &leg.vessel else { return };
    let (hits, by, threshold) = match v.imo_digits() {
        Some(imo) => (
            ctx.parties.vessel_by_imo(&imo),
            "imo",
            ctx.config.vessel_threshold,
        ),
        None => {
            let probe = Party {
                role: Role::Carrier,
                schema: Schema::Vessel,
                name: v.name.clone(),
                country: v.flag.clone(),
                address: None,
                identifiers: Default::default(),
                nationality: None,
                position: None,
                birth_date: None,
            };
            (
                ctx.parties.screen_party(&probe),
                "name",
                ctx.config.role_threshold(Role::Carrier),
            )
        }
    };
    let hits: Vec<_> = hits.into_iter().filter(|h| h.score >= threshold).collect();
    let Some(best) = hits.first() else { return };
    let severity = if by == "imo" {
        Severity::Critical
    } else {
        Severity::High
    };
    flags.push(ctx.flag_at(
        "vessel.listed",
        severity,
        format!(
            "vessel {} on leg {} is listed ({}, by {by})",
            v.name,
            i + 1,
            best.caption
        ),
        json!({"leg": i, "vessel": v.name, "imo": v.imo, "matched_by": by, "hits": hits}),
    ));
}

fn renamed(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
    let Some(v) = &leg.vessel else { return };
    let when = leg.depart.unwrap_or(ctx.shipment.date).day_number();
    let window = ctx.config.parameters.rename_window_days;
    let recent = |until: Option<interdict_model::PartialDate>| {
        until.is_some_and(|u| {
            let d = when - u.day_number();
            (0..=window).contains(&d)
        })
    };
    let names: Vec<_> = v.former_names.iter().filter(|n| recent(n.until)).collect();
    let flags_: Vec<_> = v.former_flags.iter().filter(|f| recent(f.until)).collect();
    if names.is_empty() && flags_.is_empty() {
        return;
    }
    let mut what = Vec::new();
    for n in &names {
        let days = n.until.map_or(0, |u| when - u.day_number());
        what.push(format!("renamed from {} {days} days before", n.name));
    }
    for f in &flags_ {
        let days = f.until.map_or(0, |u| when - u.day_number());
        what.push(format!("reflagged from {} {days} days before", f.flag));
    }
    flags.push(ctx.flag(
        "vessel.renamed",
        format!("vessel {} on leg {} was {}", v.name, i + 1, what.join(" and ")),
        json!({"leg": i, "vessel": v.name, "former_names": names, "former_flags": flags_, "window_days": window}),
    ));
}

fn carrier_match<'r>(ctx: &Ctx<'r>, name: &str) -> Option<&'r crate::reference::Carrier> {
    let text = fold(name);
    let w = words(&text);
    ctx.reference
        .carriers
        .iter()
        .find(|c| c.keys.iter().any(|k| k.in_words(&w)))
}

fn dprk_carrier(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
    let mut reasons = Vec::new();
    let mut source = None;
    if let Some(c) = leg.carrier.as_deref().and_then(|n| carrier_match(ctx, n)) {
        reasons.push(format!("carrier is {}", c.name));
        source = Some(c.source.clone());
    }
    if let Some(f) = leg.flight.as_deref() {
        let code: String = f
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase();
        for c in &ctx.reference.carriers {
            let iata = !c.iata.is_empty()
                && code.starts_with(&c.iata)
                && code[c.iata.len()..].starts_with(|ch: char| ch.is_ascii_digit());
            let icao = !c.icao.is_empty()
                && code.starts_with(&c.icao)
                && code[c.icao.len()..].starts_with(|ch: char| ch.is_ascii_digit());
            if iata || icao {
                reasons.push(format!("flight {f} is operated by {}", c.name));
                source = Some(c.source.clone());
            }
        }
    }
    if let Some(v) = &leg.vessel {
        if v.flag.as_deref() == Some("kp") {
            reasons.push(format!("vessel {} is DPRK-flagged", v.name));
        }
    }
    if reasons.is_empty() {
        return;
    }
    flags.push(ctx.flag(
        "carrier.dprk",
        format!("leg {} ({} → {}) is carried by a DPRK carrier: {}", i + 1, ctx.from[i].label, ctx.to[i].label, reasons.join("; ")),
        json!({"leg": i, "mode": leg.mode, "carrier": leg.carrier, "flight": leg.flight, "reasons": reasons, "source": source, "note": leg.note}),
    ));
}
