//! Where the goods are really going: the final destination inferred from the
//! route (last leg), the consignee's address and the end user, against the
//! declared destination. Rules `destination.mismatch` and
//! `destination.sanctioned`.

use super::{Ctx, Stop};
use crate::config::ScreenConfig;
use crate::decision::Flag;
use crate::reference::Reference;
use crate::shipment::{Party, Role, Shipment};
use interdict_model::countries;
use serde_json::json;

/// One piece of evidence about the destination.
#[derive(Debug, Clone)]
pub(crate) struct Indication {
    pub source: &'static str,
    pub country: String,
    pub detail: String,
}

/// The destinations a shipment points to.
#[derive(Debug, Clone)]
pub(crate) struct Destinations {
    pub declared: String,
    pub indications: Vec<Indication>,
    /// The best single answer: last leg, else end user, else consignee, else declared.
    pub final_country: String,
    /// Every distinct destination to assess goods against (final first).
    pub to_assess: Vec<String>,
    /// Countries whose rules apply (parties, origin, route territory), plus the always-applicable ones.
    pub jurisdictions: Vec<String>,
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

fn jurisdiction_of(country: &str, config: &ScreenConfig) -> String {
    if config.parameters.eu_members.iter().any(|m| m == country) {
        "eu".into()
    } else {
        country.to_string()
    }
}

impl Destinations {
    pub fn infer(
        s: &Shipment,
        to: &[Stop<'_>],
        config: &ScreenConfig,
        r: &Reference,
    ) -> Destinations {
        let mut indications = Vec::new();
        if let Some(last) = to.last() {
            indications.push(Indication {
                source: "route",
                country: last.country.clone(),
                detail: format!("last leg ends at {}", last.label),
            });
        }
        for (role, source) in [(Role::EndUser, "end_user"), (Role::Consignee, "consignee")] {
            for p in s.parties_in(role) {
                if let Some((country, detail)) = party_location(p, r) {
                    indications.push(Indication {
                        source,
                        country,
                        detail,
                    });
                }
            }
        }
        let pick = |src: &str| {
            indications
                .iter()
                .find(|i| i.source == src)
                .map(|i| i.country.clone())
        };
        let final_country = pick("route")
            .or_else(|| pick("end_user"))
            .or_else(|| pick("consignee"))
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
        let mut jurisdictions: Vec<String> = config.parameters.always_jurisdictions.clone();
        let mut add = |c: &str| {
            let j = jurisdiction_of(c, config);
            if !jurisdictions.contains(&j) {
                jurisdictions.push(j);
            }
        };
        for p in &s.parties {
            for c in [&p.country, &p.nationality].into_iter().flatten() {
                add(c);
            }
        }
        if let Some(o) = &origin {
            add(o);
        }
        for l in &s.legs {
            add(&l.from.country());
            add(&l.to.country());
        }
        Destinations {
            declared: s.declared_destination.clone(),
            indications,
            final_country,
            to_assess,
            jurisdictions,
            origin,
        }
    }

    /// Whether verdicts under `jurisdiction` apply to this shipment.
    pub fn applies(&self, jurisdiction: &str) -> bool {
        let j = jurisdiction.trim().to_ascii_lowercase();
        let j = if j == "uk" { "gb".to_string() } else { j };
        self.jurisdictions.contains(&j)
    }
}

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let d = &ctx.destinations;
    let disagree: Vec<_> = d
        .indications
        .iter()
        .filter(|i| i.country != d.declared)
        .collect();
    if !disagree.is_empty() {
        let list: Vec<String> = disagree
            .iter()
            .map(|i| format!("{} says {}", i.source, i.country))
            .collect();
        flags.push(ctx.flag(
            "destination.mismatch",
            format!("declared destination {} but {}", d.declared, list.join(", ")),
            json!({
                "declared": d.declared,
                "inferred_final": d.final_country,
                "indications": d.indications.iter().map(|i| json!({"source": i.source, "country": i.country, "detail": i.detail})).collect::<Vec<_>>(),
            }),
        ));
    }
    let sanctioned = &ctx.config.parameters.sanctioned_destinations;
    let mut hits: Vec<serde_json::Value> = Vec::new();
    if sanctioned.contains(&d.declared) {
        hits.push(json!({"source": "declared", "country": d.declared}));
    }
    for i in &d.indications {
        if sanctioned.contains(&i.country) {
            hits.push(json!({"source": i.source, "country": i.country, "detail": i.detail}));
        }
    }
    for stop in &ctx.from {
        if sanctioned.contains(&stop.country) {
            hits.push(json!({"source": "route", "country": stop.country, "detail": format!("a leg departs from {}", stop.label)}));
        }
    }
    if !hits.is_empty() {
        let country = hits[0]["country"].as_str().unwrap_or_default().to_string();
        flags.push(ctx.flag(
            "destination.sanctioned",
            format!("shipment bound for or through a sanctioned country ({country})"),
            json!({"indications": hits}),
        ));
    }
}
