//! Where the goods are really going: the final destination inferred from the
//! route (last leg), the consignee's address and the end user, against the
//! declared destination. Rules `destination.mismatch` and
//! `destination.sanctioned`.

use super::{Ctx, Stop};
use crate::config::ScreenConfig;
use crate::decision::Flag;
use crate::evidence::{self, Evidence, Indication, IndicationSource};
use crate::jurisdiction::Jurisdiction;
use crate::reference::Reference;
use crate::shipment::{Party, Role, Shipment};
use interdict_model::countries;

/// The destinations a shipment points to.
#[derive(Debug, Clone)]
pub(crate) struct Destinations {
    pub declared: String,
    /// Route, end user and consignee indications (each with a detail).
    pub indications: Vec<Indication>,
    /// The best single answer: last leg, else end user, else consignee, else declared.
    pub final_country: String,
    /// Every distinct destination to assess goods against (final first).
    pub to_assess: Vec<String>,
    /// Jurisdictions whose goods law reaches the shipment by territory or
    /// persons (parties, nationalities, origin, route), plus the
    /// always-applicable ones (see [`crate::Jurisdiction`]).
    pub nexus: Vec<Jurisdiction>,
    pub origin: Option<String>,
}

/// Where a party is: the country its address ends with, else its country,
/// except a secrecy-jurisdiction registration with no address (it says
/// where the company is filed, not where the goods go).
fn party_location(p: &Party, r: &Reference) -> Option<(String, String)> {
    if let Some(addr) = &p.address {
        if let Some(c) = addr.rsplit(',').next().and_then(countries::resolve) {
            return Some((c.code.clone(), format!("address {addr:?}")));
        }
    }
    let c = p.country.as_ref()?;
    if p.address.is_none() && r.secrecy.contains_key(c) {
        return None;
    }
    Some((c.clone(), format!("country of {:?}", p.name)))
}

/// Route, end-user and consignee indications, in that order.
fn indications(s: &Shipment, to: &[Stop<'_>], r: &Reference) -> Vec<Indication> {
    let mut out = Vec::new();
    if let Some(last) = to.last() {
        out.push(Indication {
            source: IndicationSource::Route,
            country: last.country.clone(),
            detail: Some(format!("last leg ends at {}", last.label)),
        });
    }
    for (role, source) in [
        (Role::EndUser, IndicationSource::EndUser),
        (Role::Consignee, IndicationSource::Consignee),
    ] {
        for p in s.parties_in(role) {
            if let Some((country, detail)) = party_location(p, r) {
                out.push(Indication {
                    source,
                    country,
                    detail: Some(detail),
                });
            }
        }
    }
    out
}

/// The jurisdictions whose goods law reaches the shipment.
fn nexus(s: &Shipment, origin: Option<&str>, config: &ScreenConfig) -> Vec<Jurisdiction> {
    let mut out: Vec<Jurisdiction> = config
        .parameters
        .always_jurisdictions
        .iter()
        .filter_map(|j| Jurisdiction::parse(j))
        .collect();
    let eu = &config.parameters.eu_members;
    let mut add = |c: &str| {
        if let Some(j) = Jurisdiction::of_country(c, eu) {
            if !out.contains(&j) {
                out.push(j);
            }
        }
    };
    for p in &s.parties {
        for c in [&p.country, &p.nationality].into_iter().flatten() {
            add(c);
        }
    }
    if let Some(o) = origin {
        add(o);
    }
    for l in &s.legs {
        add(&l.from.country());
        add(&l.to.country());
    }
    out
}

impl Destinations {
    pub fn infer(
        s: &Shipment,
        to: &[Stop<'_>],
        config: &ScreenConfig,
        r: &Reference,
    ) -> Destinations {
        let indications = indications(s, to, r);
        let pick = |src: IndicationSource| {
            indications
                .iter()
                .find(|i| i.source == src)
                .map(|i| i.country.clone())
        };
        let final_country = pick(IndicationSource::Route)
            .or_else(|| pick(IndicationSource::EndUser))
            .or_else(|| pick(IndicationSource::Consignee))
            .unwrap_or_else(|| s.declared_destination.clone());
        let mut to_assess = vec![final_country.clone()];
        for c in indications
            .iter()
            .map(|i| &i.country)
            .chain(std::iter::once(&s.declared_destination))
        {
            if config.parameters.sanctioned_destinations.contains(c) && !to_assess.contains(c) {
                to_assess.push(c.clone());
            }
        }
        let origin = s
            .legs
            .first()
            .map(|l| l.from.country())
            .or_else(|| s.parties_in(Role::Exporter).find_map(|p| p.country.clone()));
        Destinations {
            declared: s.declared_destination.clone(),
            nexus: nexus(s, origin.as_deref(), config),
            indications,
            final_country,
            to_assess,
            origin,
        }
    }
}

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    destination_mismatch(ctx, flags);
    destination_sanctioned(ctx, flags);
}

/// `destination.mismatch`: route, end user or consignee point elsewhere than declared.
fn destination_mismatch(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let d = &ctx.destinations;
    let disagree: Vec<String> = d
        .indications
        .iter()
        .filter(|i| i.country != d.declared)
        .map(|i| format!("{} says {}", i.source.as_str(), i.country))
        .collect();
    if disagree.is_empty() {
        return;
    }
    flags.push(ctx.flag(
        format!(
            "declared destination {} but {}",
            d.declared,
            disagree.join(", ")
        ),
        Evidence::DestinationMismatch(evidence::DestinationMismatch {
            declared: d.declared.clone(),
            inferred_final: d.final_country.clone(),
            indications: d.indications.clone(),
        }),
    ));
}

/// `destination.sanctioned`: bound for, or leaving from, a sanctioned country.
fn destination_sanctioned(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let d = &ctx.destinations;
    let sanctioned = &ctx.config.parameters.sanctioned_destinations;
    let mut hits: Vec<Indication> = Vec::new();
    if sanctioned.contains(&d.declared) {
        hits.push(Indication {
            source: IndicationSource::Declared,
            country: d.declared.clone(),
            detail: None,
        });
    }
    hits.extend(
        d.indications
            .iter()
            .filter(|i| sanctioned.contains(&i.country))
            .cloned(),
    );
    for stop in &ctx.from {
        if sanctioned.contains(&stop.country) {
            hits.push(Indication {
                source: IndicationSource::Route,
                country: stop.country.clone(),
                detail: Some(format!("a leg departs from {}", stop.label)),
            });
        }
    }
    let Some(first) = hits.first() else { return };
    flags.push(ctx.flag(
        format!(
            "shipment bound for or through a sanctioned country ({})",
            first.country
        ),
        Evidence::DestinationSanctioned(evidence::DestinationSanctioned { indications: hits }),
    ));
}
