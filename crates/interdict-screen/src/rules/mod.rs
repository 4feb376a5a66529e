//! The red-flag rules. Each submodule owns a family of rules; every rule
//! reads the shipment, the reference tables and the configuration, and
//! returns [`Flag`]s with evidence. Rules never decide: `decision` combines.
//! Thresholds, severities, citations and lists come from `rules.toml`.

mod destination;
mod goods;
mod parties;
mod route;
mod vessel;

pub(crate) use destination::Destinations;

use crate::config::ScreenConfig;
use crate::decision::{Flag, Severity};
use crate::engines::{GoodsScreening, PartyScreening};
use crate::reference::{Hub, Reference};
use crate::shipment::{Place, Shipment};
use crate::text::fold;
use serde_json::Value;

/// A place of the route, resolved against the reference tables.
#[derive(Debug, Clone)]
pub(crate) struct Stop<'r> {
    pub label: String,
    pub country: String,
    pub locode: Option<String>,
    pub name_key: String,
    /// Trusted coordinates (used for distances).
    pub coords: Option<(f64, f64)>,
    pub hub: Option<&'r Hub>,
}

impl<'r> Stop<'r> {
    pub fn resolve(place: &Place, r: &'r Reference) -> Stop<'r> {
        match place {
            Place::Code(code) => {
                let loc = r.location(code);
                let country = place.country();
                Stop {
                    label: loc.map_or_else(|| code.clone(), |l| format!("{} ({code})", l.name)),
                    name_key: loc.map(|l| fold(&l.name)).unwrap_or_default(),
                    coords: loc.and_then(|l| l.trusted_coords()),
                    // Hubs without a LOCODE are listed by name; a coded place is a hub only by its code.
                    hub: r.hub(Some(code), &country, None),
                    locode: Some(code.clone()),
                    country,
                }
            }
            Place::Named { name, country } => {
                let loc = r.location_by_name(country, name);
                Stop {
                    label: format!("{name} ({country})"),
                    name_key: fold(name),
                    coords: loc.and_then(|l| l.trusted_coords()),
                    hub: r.hub(loc.map(|l| l.locode.as_str()), country, Some(name)),
                    locode: loc.map(|l| l.locode.clone()),
                    country: country.clone(),
                }
            }
        }
    }

    /// Same place: same LOCODE, same name in the same country, or within 50 km.
    pub fn same_place(&self, other: &Stop<'_>) -> bool {
        if let (Some(a), Some(b)) = (&self.locode, &other.locode) {
            if a == b {
                return true;
            }
        }
        if self.country == other.country
            && !self.name_key.is_empty()
            && self.name_key == other.name_key
        {
            return true;
        }
        match (self.coords, other.coords) {
            (Some(a), Some(b)) => km(a, b) <= 50.0,
            _ => false,
        }
    }
}

/// Great-circle distance in km.
pub(crate) fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (
        a.0.to_radians(),
        a.1.to_radians(),
        b.0.to_radians(),
        b.1.to_radians(),
    );
    let h = ((la2 - la1) / 2.0).sin().powi(2)
        + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().asin()
}

/// Everything a rule may read.
pub(crate) struct Ctx<'a> {
    pub shipment: &'a Shipment,
    pub config: &'a ScreenConfig,
    pub reference: &'static Reference,
    pub parties: &'a dyn PartyScreening,
    pub goods: &'a dyn GoodsScreening,
    /// `stops[i]` and `stops_to[i]`: the resolved from/to of leg i.
    pub from: Vec<Stop<'static>>,
    pub to: Vec<Stop<'static>>,
    pub destinations: Destinations,
}

impl Ctx<'_> {
    /// A flag of rule `id` at its configured severity.
    pub fn flag(&self, id: &str, summary: String, evidence: Value) -> Flag {
        let spec = self.config.rule(id);
        self.flag_at(
            id,
            spec.map_or(Severity::Medium, |s| s.severity),
            summary,
            evidence,
        )
    }

    /// A flag of rule `id` at a severity the rule chose from its evidence.
    pub fn flag_at(&self, id: &str, severity: Severity, summary: String, evidence: Value) -> Flag {
        Flag {
            rule: id.to_string(),
            severity,
            summary,
            evidence,
            citations: self
                .config
                .rule(id)
                .map(|s| s.citations.clone())
                .unwrap_or_default(),
        }
    }
}

/// Runs every rule on one shipment.
pub(crate) fn run(
    shipment: &Shipment,
    config: &ScreenConfig,
    parties: &dyn PartyScreening,
    goods: &dyn GoodsScreening,
) -> Vec<Flag> {
    let reference = Reference::get();
    let from = shipment
        .legs
        .iter()
        .map(|l| Stop::resolve(&l.from, reference))
        .collect();
    let to: Vec<Stop<'static>> = shipment
        .legs
        .iter()
        .map(|l| Stop::resolve(&l.to, reference))
        .collect();
    let destinations = Destinations::infer(shipment, &to, config, reference);
    let ctx = Ctx {
        shipment,
        config,
        reference,
        parties,
        goods,
        from,
        to,
        destinations,
    };
    let mut flags = Vec::new();
    parties::run(&ctx, &mut flags);
    destination::run(&ctx, &mut flags);
    goods::run(&ctx, &mut flags);
    route::run(&ctx, &mut flags);
    vessel::run(&ctx, &mut flags);
    flags
}
