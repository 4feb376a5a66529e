//! How: vessels listed by IMO number (or by name when no IMO is given),
//! renamed or reflagged shortly before the leg, flags of convenience, and
//! DPRK carriers on any leg. Rules `vessel.listed`, `vessel.renamed`,
//! `vessel.flag_of_convenience`, `carrier.dprk`.

use super::Ctx;
use crate::decision::{Flag, Severity};
use crate::evidence::{
    DprkCarrierLeg, DprkCarrierParty, Evidence, FlagOfConvenience, LegIndex, MatchedBy, PartyIndex,
    VesselListed, VesselRenamed,
};
use crate::shipment::{Leg, Party, Role};
use crate::text::{fold, words};
use interdict_model::Schema;

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    for (i, leg) in ctx.shipment.legs.iter().enumerate() {
        if leg.vessel.is_some() {
            vessel_listed(ctx, i, leg, flags);
            vessel_renamed(ctx, i, leg, flags);
            vessel_flag_of_convenience(ctx, i, leg, flags);
        }
        carrier_dprk_leg(ctx, i, leg, flags);
    }
    carrier_dprk_party(ctx, flags);
}

/// `vessel.flag_of_convenience`.
fn vessel_flag_of_convenience(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
    let Some(v) = &leg.vessel else { return };
    let Some(flag) = v.flag.as_deref() else {
        return;
    };
    let Some(e) = ctx.reference.flags_of_convenience.get(flag) else {
        return;
    };
    flags.push(ctx.flag(
        format!(
            "vessel {} on leg {} flies the flag of {} (flag of convenience)",
            v.name,
            i + 1,
            e.name
        ),
        Evidence::VesselFlagOfConvenience(FlagOfConvenience {
            leg: LegIndex(i),
            vessel: v.name.clone(),
            flag: flag.to_string(),
            source: e.source.clone(),
        }),
    ));
}

/// `carrier.dprk` for carrier and forwarder parties.
fn carrier_dprk_party(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    for (i, p) in ctx.shipment.parties.iter().enumerate() {
        if p.role != Role::Carrier && p.role != Role::Forwarder {
            continue;
        }
        let Some(c) = carrier_match(ctx, &p.name) else {
            continue;
        };
        flags.push(ctx.flag(
            format!("{} {:?} is the DPRK carrier {}", p.role, p.name, c.name),
            Evidence::CarrierDprkParty(DprkCarrierParty {
                party_index: PartyIndex(i),
                name: p.name.clone(),
                carrier: c.name.clone(),
                source: c.source.clone(),
            }),
        ));
    }
}

/// `vessel.listed`: by IMO number (critical), else by name (high).
fn vessel_listed(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
    let Some(v) = &leg.vessel else { return };
    let (hits, by, threshold) = match v.imo_digits() {
        Some(imo) => (
            ctx.parties.vessel_by_imo(&imo),
            MatchedBy::Imo,
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
                MatchedBy::Name,
                ctx.config.role_threshold(Role::Carrier),
            )
        }
    };
    let hits: Vec<_> = hits.into_iter().filter(|h| h.score >= threshold).collect();
    let Some(best) = hits.first() else { return };
    let (severity, by_words) = match by {
        MatchedBy::Imo => (Severity::Critical, "imo"),
        MatchedBy::Name => (Severity::High, "name"),
    };
    let summary = format!(
        "vessel {} on leg {} is listed ({}, by {by_words})",
        v.name,
        i + 1,
        best.caption
    );
    flags.push(ctx.flag_at(
        severity,
        summary,
        Evidence::VesselListed(VesselListed {
            leg: LegIndex(i),
            vessel: v.name.clone(),
            imo: v.imo.clone(),
            matched_by: by,
            hits,
        }),
    ));
}

/// `vessel.renamed`: renamed or reflagged within the window before the leg.
fn vessel_renamed(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
    let Some(v) = &leg.vessel else { return };
    let when = leg.depart.unwrap_or(ctx.shipment.date).day_number();
    let window = ctx.config.parameters.rename_window_days;
    let recent = |until: Option<interdict_model::PartialDate>| {
        until.is_some_and(|u| {
            let d = when - u.day_number();
            (0..=window).contains(&d)
        })
    };
    let names: Vec<_> = v
        .former_names
        .iter()
        .filter(|n| recent(n.until))
        .cloned()
        .collect();
    let flags_: Vec<_> = v
        .former_flags
        .iter()
        .filter(|f| recent(f.until))
        .cloned()
        .collect();
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
        format!(
            "vessel {} on leg {} was {}",
            v.name,
            i + 1,
            what.join(" and ")
        ),
        Evidence::VesselRenamed(VesselRenamed {
            leg: LegIndex(i),
            vessel: v.name.clone(),
            former_names: names,
            former_flags: flags_,
            window_days: window,
        }),
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

/// `carrier.dprk` for a leg: its carrier, flight code or vessel flag.
fn carrier_dprk_leg(ctx: &Ctx<'_>, i: usize, leg: &Leg, flags: &mut Vec<Flag>) {
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
    let summary = format!(
        "leg {} ({} → {}) is carried by a DPRK carrier: {}",
        i + 1,
        ctx.from[i].label,
        ctx.to[i].label,
        reasons.join("; ")
    );
    flags.push(ctx.flag(
        summary,
        Evidence::CarrierDprkLeg(DprkCarrierLeg {
            leg: LegIndex(i),
            mode: leg.mode,
            carrier: leg.carrier.clone(),
            flight: leg.flight.clone(),
            reasons,
            source,
            note: leg.note.clone(),
        }),
    ));
}
