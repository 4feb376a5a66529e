//! The red-flag rules. Each submodule owns a family of rules
//! ([`crate::rule_id::Family`]) and each rule is one function named after
//! its id (`route.dark_period` → `route::route_dark_period`). A rule reads
//! the shipment, the reference tables, the goods facts and the
//! configuration, and returns [`Flag`]s with typed [`Evidence`]. Rules never
//! decide: `decision` combines. Thresholds, severities, citations and lists
//! come from `rules.toml`; whose law counts a flag is
//! [`crate::Jurisdiction`]'s convention.

mod assets;
mod destination;
mod goods;
mod parties;
mod route;
mod vessel;

pub(crate) use destination::Destinations;

use crate::config::ScreenConfig;
use crate::decision::{Applicability, Flag, Severity};
use crate::engines::{GoodsAssessment, GoodsScreening, PartyScreening};
use crate::evidence::Evidence;
use crate::reference::{Hub, Reference};
use crate::shipment::{Place, Shipment};
use crate::text::fold;

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

/// What the goods engine said about one goods line, per destination assessed.
pub(crate) struct LineFacts {
    /// `(destination, assessment)`, final destination first.
    pub assessments: Vec<(String, GoodsAssessment)>,
}

impl LineFacts {
    /// Luxury by any assessment.
    pub fn luxury(&self) -> bool {
        self.assessments.iter().any(|(_, a)| a.luxury)
    }
}

/// Everything a rule may read.
pub(crate) struct Ctx<'a> {
    pub shipment: &'a Shipment,
    pub config: &'a ScreenConfig,
    pub reference: &'static Reference,
    pub parties: &'a dyn PartyScreening,
    /// `from[i]` and `to[i]`: the resolved places of leg i.
    pub from: Vec<Stop<'static>>,
    pub to: Vec<Stop<'static>>,
    pub destinations: Destinations,
    /// `lines[i]`: the goods engine's facts on goods line i.
    pub lines: Vec<LineFacts>,
}

impl Ctx<'_> {
    /// A flag at its rule's configured severity, under every jurisdiction.
    pub fn flag(&self, summary: String, evidence: Evidence) -> Flag {
        let severity = self
            .config
            .rule(evidence.rule())
            .map_or(Severity::Medium, |s| s.severity);
        self.flag_at(severity, summary, evidence)
    }

    /// A flag at a severity the rule chose from its evidence, under every jurisdiction.
    pub fn flag_at(&self, severity: Severity, summary: String, evidence: Evidence) -> Flag {
        self.flag_under(severity, Vec::new(), summary, evidence)
    }

    /// A flag whose weight depends on whose law (`under`, one entry per
    /// jurisdiction that counts it); `severity` is the strictest of them.
    pub fn flag_under(
        &self,
        severity: Severity,
        under: Vec<Applicability>,
        summary: String,
        evidence: Evidence,
    ) -> Flag {
        let rule = evidence.rule();
        let severity = under.iter().map(|a| a.severity).max().unwrap_or(severity);
        Flag {
            rule,
            severity,
            summary,
            evidence,
            citations: self
                .config
                .rule(rule)
                .map(|s| s.citations.clone())
                .unwrap_or_default(),
            under,
        }
    }
}

/// The goods engine's facts on every line, for every destination to assess.
fn assess_lines(
    shipment: &Shipment,
    destinations: &Destinations,
    goods: &dyn GoodsScreening,
) -> Vec<LineFacts> {
    shipment
        .goods
        .iter()
        .map(|line| LineFacts {
            assessments: destinations
                .to_assess
                .iter()
                .map(|dest| {
                    let a = goods.assess(
                        line,
                        dest,
                        destinations.origin.as_deref(),
                        Some(shipment.date),
                    );
                    (dest.clone(), a)
                })
                .collect(),
        })
        .collect()
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
    let lines = assess_lines(shipment, &destinations, goods);
    let ctx = Ctx {
        shipment,
        config,
        reference,
        parties,
        from,
        to,
        destinations,
        lines,
    };
    let mut flags = Vec::new();
    parties::run(&ctx, &mut flags);
    destination::run(&ctx, &mut flags);
    goods::run(&ctx, &mut flags);
    route::run(&ctx, &mut flags);
    vessel::run(&ctx, &mut flags);
    assets::run(&ctx, &mut flags);
    flags
}
