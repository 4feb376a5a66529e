//! Each flag's evidence as a compliance officer reads it: a sentence or two
//! and, where there are several items, a small table. One function per
//! kind of evidence; rendering only.

use super::esc;
use crate::decision::Flag;
use crate::evidence::{self as ev, Evidence};
use std::fmt::Write;

/// A small table with a header row.
fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut h = String::from("<table class=\"ev\"><tr>");
    for c in header {
        let _ = write!(h, "<th>{}</th>", esc(c));
    }
    h.push_str("</tr>");
    for r in rows {
        h.push_str("<tr>");
        for c in r {
            let _ = write!(h, "<td>{}</td>", esc(c));
        }
        h.push_str("</tr>");
    }
    h.push_str("</table>");
    h
}

fn p(text: &str) -> String {
    format!("<p>{}</p>", esc(text))
}

/// "Line 2's" / "Leg 3's", for the asset sentences.
fn asset_place(at: &crate::evidence::AssetPlace) -> String {
    match at {
        crate::evidence::AssetPlace::Line { line } => format!("Line {}'s", line.0 + 1),
        crate::evidence::AssetPlace::Leg { leg } => format!("Leg {}'s", leg.0 + 1),
    }
}

fn opt(s: Option<&str>) -> &str {
    s.unwrap_or("not given")
}

/// The evidence of `f`, then how each jurisdiction weighs it.
pub(super) fn flag_evidence(f: &Flag) -> String {
    let mut h = evidence(&f.evidence);
    if !f.under.is_empty() {
        let rows: Vec<Vec<String>> = f
            .under
            .iter()
            .map(|a| {
                vec![
                    a.jurisdiction.label().to_string(),
                    a.severity.as_str().to_string(),
                    a.basis.clone(),
                ]
            })
            .collect();
        h.push_str(&table(&["under the law of", "severity", "why"], &rows));
    }
    h
}

fn evidence(e: &Evidence) -> String {
    match e {
        Evidence::PartyListed(e) => party_listed(e),
        Evidence::ConsigneeDprkMission(e) => dprk_mission(e),
        Evidence::ConsigneeSecrecyJurisdiction(e) => p(&format!(
            "The {} {:?} is registered in {} ({}), an offshore registry without a public register of beneficial owners. Source: {}.",
            e.role, e.name, e.listed_as, e.country, e.source
        )),
        Evidence::PayerThirdCountry(e) => p(&format!(
            "The payer {:?} is in {}; the trading parties are in {}.",
            e.name,
            e.payer_country,
            e.trading_party_countries.join(", ")
        )),
        Evidence::DestinationMismatch(e) => {
            p(&format!(
                "Declared destination: {}. The evidence points to {}:",
                e.declared, e.inferred_final
            )) + &indications(&e.indications)
        }
        Evidence::DestinationSanctioned(e) => {
            p("The shipment is bound for, or leaves from, a sanctioned country:")
                + &indications(&e.indications)
        }
        Evidence::GoodsProhibited(e) | Evidence::GoodsLicenceRequired(e) => goods_verdicts(e),
        Evidence::GoodsLuxuryGift(e) => p(&format!(
            "Line {} ({:?}): purpose {}, declared value {} {}.",
            e.line.0 + 1,
            e.description,
            e.purpose
                .and_then(|p| serde_json::to_value(p).ok())
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_else(|| "not given".into()),
            e.value.map_or_else(|| "not given".into(), |v| v.to_string()),
            opt(e.currency.as_deref())
        )),
        Evidence::GoodsUndervalued(e) => undervalued(e),
        Evidence::GoodsHsMismatch(e) => p(&format!(
            "Line {} ({:?}) is declared under HS {}, but its description reads as HS {}: {}",
            e.line.0 + 1,
            e.description,
            e.declared_hs,
            e.described_hs,
            e.detail
        )),
        _ => route_evidence(e),
    }
}

fn route_evidence(e: &Evidence) -> String {
    match e {
        Evidence::RouteTransshipmentChain(e) => transshipments(e),
        Evidence::RouteCircuitous(e) => p(&format!(
            "The legs cover {:.0} km between places {:.0} km apart: {:.1} times the direct distance (threshold {:.1}).",
            e.travelled_km, e.direct_km, e.ratio, e.threshold
        )),
        Evidence::RouteDisconnected(e) => p(&format!(
            "Legs {} and {}: {}.",
            e.legs[0].0 + 1,
            e.legs[1].0 + 1,
            e.problems.join("; ")
        )),
        Evidence::RouteDeclaredPortNotReached(e) => p(&format!(
            "Leg {}{} was declared for {}, but no arrival is recorded there; leg {} departs from {}.",
            e.leg.0 + 1,
            e.vessel.as_deref().map(|v| format!(" ({v})")).unwrap_or_default(),
            e.declared_port,
            e.next_leg.0 + 1,
            e.next_departs_from
        )),
        Evidence::RouteDarkPeriod(e) => p(&format!(
            "On leg {}{}, no tracking signal from {} to {}: {} days (threshold {}).",
            e.leg.0 + 1,
            e.vessel.as_deref().map(|v| format!(" ({v})")).unwrap_or_default(),
            e.from,
            e.to,
            e.days,
            e.threshold_days
        )),
        _ => vessel_evidence(e),
    }
}

fn vessel_evidence(e: &Evidence) -> String {
    match e {
        Evidence::VesselListed(e) => {
            p(&format!(
                "The vessel {} on leg {} (IMO {}) is listed, matched by {}:",
                e.vessel,
                e.leg.0 + 1,
                opt(e.imo.as_deref()),
                match e.matched_by {
                    ev::MatchedBy::Imo => "IMO number",
                    ev::MatchedBy::Name => "name",
                }
            )) + &hits_table(e.hits.iter().map(|h| (h, None)))
        }
        Evidence::VesselRenamed(e) => vessel_renamed(e),
        Evidence::VesselFlagOfConvenience(e) => p(&format!(
            "The vessel {} on leg {} flies the flag of {}, a flag of convenience. Source: {}.",
            e.vessel,
            e.leg.0 + 1,
            e.flag,
            e.source
        )),
        Evidence::CarrierDprkLeg(e) => p(&format!(
            "Leg {}: {}.{}{}",
            e.leg.0 + 1,
            e.reasons.join("; "),
            e.source
                .as_deref()
                .map(|s| format!(" Source: {s}."))
                .unwrap_or_default(),
            e.note
                .as_deref()
                .map(|n| format!(" Note: {n}"))
                .unwrap_or_default()
        )),
        Evidence::AssetWatched(e) => p(&format!(
            "{} {} ({}) is on the watchlist as {}: {}.",
            asset_place(&e.at),
            e.kind.as_str(),
            e.id,
            e.watched_id,
            e.why
        )),
        Evidence::AssetMalformedId(e) => p(&format!(
            "{} {} {:?} is malformed: {}.",
            asset_place(&e.at),
            e.kind.as_str(),
            e.id,
            e.reason
        )),
        Evidence::AssetNoChassisNumber(e) => p(&format!(
            "Line {} ({}, heading {}) gives no VIN; the route {}.",
            e.line.0 + 1,
            e.description,
            e.heading,
            e.exposure
        )),
        Evidence::CarrierDprkParty(e) => p(&format!(
            "{:?} is {}, a DPRK carrier. Source: {}.",
            e.name, e.carrier, e.source
        )),
        _ => String::new(),
    }
}

fn indications(list: &[ev::Indication]) -> String {
    let rows: Vec<Vec<String>> = list
        .iter()
        .map(|i| {
            vec![
                i.source.as_str().replace('_', " "),
                i.country.clone(),
                i.detail.clone().unwrap_or_default(),
            ]
        })
        .collect();
    table(&["evidence", "country", "detail"], &rows)
}

fn hits_table<'a>(
    hits: impl Iterator<Item = (&'a crate::engines::PartyHit, Option<String>)>,
) -> String {
    let rows: Vec<Vec<String>> = hits
        .map(|(h, law)| {
            let mut row = vec![
                format!("{} ({})", h.caption, h.entity_id),
                h.datasets.join(", "),
                h.programs.join(", "),
                format!("{:.2}", h.score),
            ];
            row.push(law.unwrap_or_default());
            row.push(h.explanation.join("; "));
            row
        })
        .collect();
    table(
        &[
            "listed entry",
            "list",
            "programme",
            "score",
            "law",
            "why it matched",
        ],
        &rows,
    )
}

fn party_listed(e: &ev::PartyListed) -> String {
    let intro = p(&format!(
        "The {} {:?} matches {} listed entr{} at or above the {} threshold of {:.2}:",
        e.role,
        e.name,
        e.hits.len(),
        if e.hits.len() == 1 { "y" } else { "ies" },
        e.role,
        e.threshold
    ));
    let law = |h: &ev::ListedHit| {
        if h.law.is_empty() {
            return "not tabulated for this list".to_string();
        }
        h.law
            .iter()
            .map(|l| {
                format!(
                    "{}: {}, {} ({}; {})",
                    l.jurisdiction.label(),
                    l.instrument,
                    l.provision,
                    l.effect.words(),
                    l.verified
                )
            })
            .collect::<Vec<_>>()
            .join(" | ")
    };
    intro + &hits_table(e.hits.iter().map(|h| (&h.hit, Some(law(h)))))
}

fn dprk_mission(e: &ev::DprkMission) -> String {
    let mut h = p(&format!(
        "The {} {:?}{} reads as a DPRK mission or diplomat: {}.",
        e.role,
        e.name,
        e.address
            .as_deref()
            .map(|a| format!(" ({a})"))
            .unwrap_or_default(),
        e.reasons.join("; ")
    ));
    if let Some(m) = &e.mission {
        h += &p(&format!(
            "Mission on record: {} in {}{}{}. Source: {}.",
            m.name,
            m.city,
            if m.address.is_empty() {
                String::new()
            } else {
                format!(", {}", m.address)
            },
            if m.active_until.is_empty() {
                String::new()
            } else {
                format!(" (closed {})", m.active_until)
            },
            m.source
        ));
    }
    h += &p(if e.luxury_goods {
        "The goods include luxury goods: supplying them to an organ of the DPRK is supplying the DPRK."
    } else {
        "No goods line is luxury."
    });
    let rows: Vec<Vec<String>> = e
        .state_law
        .iter()
        .map(|s| {
            vec![
                s.jurisdiction.label().to_string(),
                if s.blocked {
                    "blocked as a whole"
                } else {
                    "not blocked as a whole"
                }
                .to_string(),
                format!("{}: {}", s.instrument, s.provision),
            ]
        })
        .collect();
    h + &table(&["law of", "DPRK Government", "instrument"], &rows)
}

fn goods_verdicts(e: &ev::GoodsVerdicts) -> String {
    let intro = p(&format!(
        "Line {} ({:?}), HS {}:",
        e.line.0 + 1,
        e.description,
        opt(e.hs_code.as_deref())
    ));
    let rows: Vec<Vec<String>> = e
        .verdicts
        .iter()
        .map(|v| {
            let law = [
                v.verdict.instrument.as_deref(),
                v.verdict.provision.as_deref(),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
            vec![
                v.verdict.jurisdiction.clone(),
                v.destination.clone(),
                v.verdict.status.replace('_', " "),
                law,
                v.verdict.reason.clone(),
            ]
        })
        .collect();
    intro + &table(&["law of", "to", "verdict", "instrument", "reason"], &rows)
}

fn undervalued(e: &ev::Undervalued) -> String {
    p(&format!(
        "Line {} ({:?}): {} {} declared for {} ({}), that is {:.0} USD per {} ({}). The reference {} is {:.0} USD per {} ({}; {}), so the declared value is {:.0}% of it, under the {:.0}% threshold.",
        e.line.0 + 1,
        e.description,
        e.declared_value,
        e.currency,
        e.quantity,
        e.per.how,
        e.unit_value_usd,
        e.per.per.words(),
        e.fx_source,
        e.reference.id,
        e.reference.unit_value_usd,
        e.per.per.words(),
        e.reference.basis,
        e.reference.source,
        e.ratio * 100.0,
        e.threshold_ratio * 100.0
    ))
}

fn transshipments(e: &ev::TransshipmentChain) -> String {
    let intro = p(&format!(
        "{} transshipment point(s): {} (a chain counts from {}). DPRK-exposed among them:",
        e.transshipments.len(),
        e.transshipments.join(" → "),
        e.chain_threshold
    ));
    let rows: Vec<Vec<String>> = e
        .exposed_hubs
        .iter()
        .map(|x| {
            vec![
                x.place.clone(),
                x.kind.clone(),
                x.exposure.clone(),
                x.source.clone(),
            ]
        })
        .collect();
    intro + &table(&["place", "kind", "exposure", "source"], &rows)
}

fn vessel_renamed(e: &ev::VesselRenamed) -> String {
    let mut rows: Vec<Vec<String>> = e
        .former_names
        .iter()
        .map(|n| {
            vec![
                "name".into(),
                n.name.clone(),
                n.until.map(|d| d.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    rows.extend(e.former_flags.iter().map(|f| {
        vec![
            "flag".into(),
            f.flag.clone(),
            f.until.map(|d| d.to_string()).unwrap_or_default(),
        ]
    }));
    p(&format!(
        "The vessel {} on leg {} changed identity within {} days before the leg:",
        e.vessel,
        e.leg.0 + 1,
        e.window_days
    )) + &table(&["former", "was", "until"], &rows)
}
