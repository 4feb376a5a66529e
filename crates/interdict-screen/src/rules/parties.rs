//! Who: sanctions-list hits for every party (threshold per role, each hit
//! with the law of its list), DPRK missions and diplomats among the
//! receiving parties, consignees registered in secrecy jurisdictions, and
//! payers in third countries. Rules `party.listed`,
//! `consignee.dprk_mission`, `consignee.secrecy_jurisdiction`,
//! `payer.third_country`.

use super::Ctx;
use crate::decision::{Applicability, Flag, Severity};
use crate::evidence::{
    DprkMission, Evidence, ListedHit, MissionRef, PartyIndex, PartyListed, SecrecyJurisdiction,
    ThirdCountryPayer,
};
use crate::jurisdiction::Jurisdiction;
use crate::law::ListLaw;
use crate::reference::Mission;
use crate::shipment::{Party, Role};
use crate::text::{fold, words};

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    party_listed(ctx, flags);
    consignee_dprk_mission(ctx, flags);
    consignee_secrecy_jurisdiction(ctx, flags);
    payer_third_country(ctx, flags);
}

/// `party.listed`: every party's hits above its role's threshold, each
/// with the law of its list; weighed per jurisdiction by [`listing_under`].
fn party_listed(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    for (i, p) in ctx.shipment.parties.iter().enumerate() {
        let threshold = ctx.config.role_threshold(p.role);
        let mut hits = ctx.parties.screen_party(p);
        hits.retain(|h| h.score >= threshold);
        if hits.is_empty() {
            continue;
        }
        hits.sort_by(|a, b| b.score.total_cmp(&a.score));
        let hits: Vec<ListedHit> = hits
            .into_iter()
            .map(|hit| {
                let law = hit
                    .datasets
                    .iter()
                    .flat_map(|d| ctx.reference.law.of_listing(d, &hit.programs))
                    .collect();
                ListedHit { hit, law }
            })
            .collect();
        let under = ctx
            .config
            .jurisdictions()
            .into_iter()
            .map(|j| listing_under(ctx, j, &hits))
            .collect();
        let best = &hits[0].hit;
        let summary = format!(
            "{} {:?} matches {} ({}, score {:.2})",
            p.role, p.name, best.caption, best.entity_id, best.score
        );
        let evidence = Evidence::PartyListed(PartyListed {
            party_index: PartyIndex(i),
            role: p.role,
            name: p.name.clone(),
            threshold,
            hits,
        });
        let mut flag = ctx.flag_under(Severity::High, under, summary, evidence);
        if let Evidence::PartyListed(e) = &flag.evidence {
            // The law of the lists the party is on comes first: that is the
            // legal basis; the rules file adds the red-flag guidance.
            let mut citations = hit_citations(&e.hits);
            citations.append(&mut flag.citations);
            flag.citations = citations;
        }
        flags.push(flag);
    }
}

/// "UNSCR 1718 (2006), op. 8(d) ..." for each distinct law of the hits.
fn hit_citations(hits: &[ListedHit]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for l in hits.iter().flat_map(|h| &h.law) {
        let c = format!(
            "{}: {}, {} ({})",
            l.jurisdiction.label(),
            l.instrument,
            l.provision,
            l.regime
        );
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The weight of a party's hits under `j`: the score-based severity for a
/// hit on one of `j`'s lists or on a list whose law is not tabulated; a red
/// flag capped at `foreign_list_cap` for hits on other jurisdictions' lists.
fn listing_under(ctx: &Ctx<'_>, j: Jurisdiction, hits: &[ListedHit]) -> Applicability {
    let by_score = |score: f64| {
        if score >= ctx.config.parameters.party_critical_score {
            Severity::Critical
        } else {
            Severity::High
        }
    };
    let own = hits.iter().find(|h| {
        let js = h.jurisdictions();
        js.is_empty() || js.contains(&j)
    });
    match own {
        Some(h) => {
            let laws: Vec<&ListLaw> = h.law.iter().filter(|l| l.jurisdiction == j).collect();
            let basis = if laws.is_empty() {
                format!(
                    "listed in {} (the law of this list is not tabulated)",
                    h.hit.datasets.join(", ")
                )
            } else {
                let cited: Vec<String> = laws
                    .iter()
                    .map(|l| format!("{} ({})", l.instrument, l.effect.words()))
                    .collect();
                format!("listed under {} law: {}", j.label(), cited.join("; "))
            };
            Applicability {
                jurisdiction: j,
                severity: by_score(h.hit.score),
                basis,
            }
        }
        None => {
            let best = hits.iter().map(|h| h.hit.score).fold(0.0, f64::max);
            let mut lists: Vec<&str> = hits
                .iter()
                .flat_map(|h| h.jurisdictions())
                .map(Jurisdiction::label)
                .collect();
            lists.sort_unstable();
            lists.dedup();
            Applicability {
                jurisdiction: j,
                severity: by_score(best).min(ctx.config.parameters.foreign_list_cap),
                basis: format!(
                    "listed by {} only: a red flag, not a prohibition under {} law",
                    lists.join(", "),
                    j.label()
                ),
            }
        }
    }
}

const RECEIVING: [Role; 4] = [
    Role::Consignee,
    Role::EndUser,
    Role::NotifyParty,
    Role::IntermediateConsignee,
];

/// Why a receiving party reads as a DPRK mission or diplomat (empty: it does not).
fn mission_reasons(ctx: &Ctx<'_>, p: &Party, w: &[&str]) -> Vec<String> {
    let terms = &ctx.config.terms;
    let mut reasons = Vec::new();
    let dprk = terms.dprk.iter().find(|t| t.in_words(w));
    let mission_word = terms.mission.iter().find(|t| t.in_words(w));
    if let (Some(d), Some(m)) = (dprk, mission_word) {
        reasons.push(format!("name/address mentions \"{m}\" and \"{d}\""));
    }
    if let Some(m) = address_mission(ctx, p) {
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
    reasons
}

/// `consignee.dprk_mission`: a receiving party that is a DPRK mission or
/// diplomat, weighed per jurisdiction by [`mission_under`].
fn consignee_dprk_mission(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let luxury = ctx.lines.iter().any(|l| l.luxury());
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
        let reasons = mission_reasons(ctx, p, &w);
        if reasons.is_empty() {
            continue;
        }
        let mission = address_mission(ctx, p).or_else(|| city_mission(ctx, p, &w));
        let jurisdictions = ctx.config.jurisdictions();
        let state_law = jurisdictions
            .iter()
            .filter_map(|j| ctx.reference.law.dprk_state(*j).cloned())
            .collect();
        let under = jurisdictions
            .into_iter()
            .map(|j| mission_under(ctx, j, luxury))
            .collect();
        let summary = format!(
            "{} {:?} is a DPRK diplomatic mission or diplomat",
            p.role, p.name
        );
        let evidence = Evidence::ConsigneeDprkMission(DprkMission {
            party_index: PartyIndex(i),
            role: p.role,
            name: p.name.clone(),
            address: p.address.clone(),
            reasons,
            mission: mission.map(mission_ref),
            luxury_goods: luxury,
            state_law,
        });
        flags.push(ctx.flag_under(Severity::High, under, summary, evidence));
    }
}

/// A DPRK mission under `j`: critical where `j` blocks the DPRK Government
/// as a whole or the goods are luxury (supply to a DPRK organ); otherwise
/// the configured red-flag severity.
fn mission_under(ctx: &Ctx<'_>, j: Jurisdiction, luxury: bool) -> Applicability {
    let critical = ctx
        .config
        .rule(crate::rule_id::RuleId::ConsigneeDprkMission)
        .map_or(Severity::Critical, |s| s.severity);
    let state = ctx.reference.law.dprk_state(j);
    let (severity, basis) = match state {
        Some(s) if s.blocked => (
            critical,
            format!(
                "the Government of North Korea is blocked under {} law: {}",
                j.label(),
                s.provision
            ),
        ),
        _ if luxury => (
            critical,
            "luxury goods for a DPRK organ: supply to the DPRK (UNSCR 1718 (2006) op. 8(a)(iii))"
                .to_string(),
        ),
        Some(s) => (
            ctx.config.parameters.mission_ordinary_goods,
            format!(
                "not blocked as a whole under {} law ({}: {}); a red flag to review",
                j.label(),
                s.instrument,
                s.provision
            ),
        ),
        None => (
            ctx.config.parameters.mission_ordinary_goods,
            format!(
                "no DPRK state law tabulated for {}; a red flag to review",
                j.label()
            ),
        ),
    };
    Applicability {
        jurisdiction: j,
        severity,
        basis,
    }
}

fn mission_ref(m: &Mission) -> MissionRef {
    MissionRef {
        id: m.id.clone(),
        name: m.name.clone(),
        city: m.city.clone(),
        country: m.country.clone(),
        address: m.address.clone(),
        active_until: m.active_until.clone(),
        source: m.source.clone(),
    }
}

/// A mission whose street address (when established) occurs in the party's address.
fn address_mission<'r>(ctx: &Ctx<'r>, p: &Party) -> Option<&'r Mission> {
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

/// `consignee.secrecy_jurisdiction`.
fn consignee_secrecy_jurisdiction(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
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
            format!(
                "{} {:?} is registered in {} (secrecy jurisdiction)",
                p.role, p.name, entry.name
            ),
            Evidence::ConsigneeSecrecyJurisdiction(SecrecyJurisdiction {
                party_index: PartyIndex(i),
                role: p.role,
                name: p.name.clone(),
                country: c.to_string(),
                listed_as: entry.name.clone(),
                source: entry.source.clone(),
            }),
        ));
    }
}

/// `payer.third_country`.
fn payer_third_country(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
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
            format!(
                "payer {:?} is in {c}, a country of none of the trading parties",
                p.name
            ),
            Evidence::PayerThirdCountry(ThirdCountryPayer {
                party_index: PartyIndex(i),
                name: p.name.clone(),
                payer_country: c.to_string(),
                trading_party_countries: related.iter().map(|c| (*c).to_string()).collect(),
            }),
        ));
    }
}
