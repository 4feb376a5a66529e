//! Who: sanctions-list hits for every party (threshold per role), DPRK
//! missions and diplomats among the receiving parties, consignees registered
//! in secrecy jurisdictions, and payers in third countries. Rules
//! `party.listed`, `consignee.dprk_mission`, `consignee.secrecy_jurisdiction`,
//! `payer.third_country`.

use super::Ctx;
use crate::decision::{Flag, Severity};
use crate::reference::Mission;
use crate::shipment::{Party, Role};
use crate::text::{fold, words};
use serde_json::json;

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    listed(ctx, flags);
    missions(ctx, flags);
    secrecy(ctx, flags);
    payer(ctx, flags);
}

fn listed(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let critical = ctx.config.parameters.party_critical_score;
    for (i, p) in ctx.shipment.parties.iter().enumerate() {
        let threshold = ctx.config.role_threshold(p.role);
        let mut hits = ctx.parties.screen_party(p);
        hits.retain(|h| h.score >= threshold);
        if hits.is_empty() {
            continue;
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        let best = &hits[0];
        let severity = if best.score >= critical {
            Severity::Critical
        } else {
            Severity::High
        };
        flags.push(ctx.flag_at(
            "party.listed",
            severity,
            format!(
                "{} {:?} matches {} ({}, score {:.2})",
                p.role, p.name, best.caption, best.entity_id, best.score
            ),
            json!({
                "party_index": i,
                "role": p.role,
                "name": p.name,
                "threshold": threshold,
                "hits": hits,
            }),
        ));
    }
}

const RECEIVING: [Role; 4] = [
    Role::Consignee,
    Role::EndUser,
    Role::NotifyParty,
    Role::IntermediateConsignee,
];

fn missions(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let terms = &ctx.config.terms;
    for (i, p) in ctx.shipment.parties.iter().enumerate() {
        if !RECEIVING.contains(&p.role) {
            continue;
        }
        let text = format!(
            "{} {}",
            fold(&p.name),
            p.address.as_deref().map(fold).unwrap_or_default()
        );
        let w = words(&text);
        let mut reasons = Vec::new();
        let dprk = terms.dprk.iter().find(|t| t.in_words(&w));
        let mission_word = terms.mission.iter().find(|t| t.in_words(&w));
        if let (Some(d), Some(m)) = (dprk, mission_word) {
            reasons.push(format!("name/address mentions \"{m}\" and \"{d}\""));
        }
        let address_match = address_mission(ctx, p);
        if let Some(m) = address_match {
            reasons.push(format!("address matches the {} ({})", m.name, m.address));
        }
        let is_dprk_national =
            p.nationality.as_deref() == Some("kp") || p.country.as_deref() == Some("kp");
        if let (true, Some(pos)) = (is_dprk_national, &p.position) {
            let pos = fold(pos);
            if let Some(t) = terms.diplomat.iter().find(|t| t.in_words(&words(&pos))) {
                reasons.push(format!("DPRK national whose position is \"{t}\""));
            }
        }
        if reasons.is_empty() {
            continue;
        }
        let mission = address_match.or_else(|| city_mission(ctx, p, &w));
        flags.push(ctx.flag(
            "consignee.dprk_mission",
            format!(
                "{} {:?} is a DPRK diplomatic mission or diplomat",
                p.role, p.name
            ),
            json!({
                "party_index": i,
                "role": p.role,
                "name": p.name,
                "address": p.address,
                "reasons": reasons,
                "mission": mission.map(|m| json!({
                    "id": m.id, "name": m.name, "city": m.city, "country": m.country,
                    "address": m.address, "active_until": m.active_until, "source": m.source,
                })),
            }),
        ));
    }
}

/// A mission whose street address (when established) occurs in the party's address.
fn address_mission<'r>(ctx: &Ctx<'r>, p: &Party) -> Option<&'r crate::reference::Mission> {
    let addr = fold(p.address.as_deref()?);
    let w = words(&addr);
    ctx.reference
        .missions
        .iter()
        .find(|m| m.address_key.in_words(&w))
}

/// The mission in the party's country whose city the party's name or address names.
fn city_mission<'r>(ctx: &Ctx<'r>, p: &Party, w: &[&str]) -> Option<&'r Mission> {
    let country = p.country.as_deref()?;
    if !ctx.reference.has_mission_in(country) {
        return None;
    }
    let in_country = || {
        ctx.reference
            .missions
            .iter()
            .filter(move |m| m.country == country)
    };
    in_country()
        .find(|m| m.city_key.in_words(w))
        .or_else(|| in_country().find(|m| m.kind == "embassy"))
}

fn secrecy(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    for (i, p) in ctx.shipment.parties.iter().enumerate() {
        if !matches!(p.role, Role::Consignee | Role::IntermediateConsignee) {
            continue;
        }
        let Some(c) = p.country.as_deref() else {
            continue;
        };
        let Some(entry) = ctx.reference.secrecy.get(c) else {
            continue;
        };
        flags.push(ctx.flag(
            "consignee.secrecy_jurisdiction",
            format!("{} {:?} is registered in {} (secrecy jurisdiction)", p.role, p.name, entry.name),
            json!({"party_index": i, "role": p.role, "name": p.name, "country": c, "listed_as": entry.name, "source": entry.source}),
        ));
    }
}

fn payer(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let s = ctx.shipment;
    let related: Vec<&str> = s
        .parties
        .iter()
        .filter(|p| {
            matches!(
                p.role,
                Role::Exporter | Role::Consignee | Role::EndUser | Role::NotifyParty
            )
        })
        .filter_map(|p| p.country.as_deref())
        .collect();
    if related.is_empty() {
        return;
    }
    for (i, p) in s.parties.iter().enumerate() {
        if p.role != Role::Payer {
            continue;
        }
        let Some(c) = p.country.as_deref() else {
            continue;
        };
        if related.contains(&c) {
            continue;
        }
        flags.push(ctx.flag(
            "payer.third_country",
            format!("payer {:?} is in {c}, a country of none of the trading parties", p.name),
            json!({"party_index": i, "name": p.name, "payer_country": c, "trading_party_countries": related}),
        ));
    }
}
