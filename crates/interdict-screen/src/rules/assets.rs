//! Assets by their identifiers: a goods line's VIN, a leg's vessel IMO
//! number and aircraft registration against the watchlist of assets of
//! interest; malformed VINs and IMO numbers; vehicle lines without a VIN on
//! a DPRK-exposed route (bound for a sanctioned destination, through a
//! DPRK-exposed hub, or received by a DPRK mission as `consignee.dprk_mission`
//! has already found: this family runs last and reads that flag rather
//! than deciding missions again). Rules `asset.watched`, `asset.malformed_id`,
//! `asset.no_chassis_number`. Whether a vessel is *listed* is
//! `vessel.listed`'s (by IMO number): this family never looks at the lists.

use super::{Ctx, LineFacts};
use crate::decision::Flag;
use crate::evidence::{
    AssetPlace, AssetWatched, Evidence, LegIndex, LineIndex, MalformedId, NoChassisNumber,
};
use crate::rule_id::RuleId;
use crate::shipment::GoodsLine;
use interdict_assets::{imo, vin, AssetKind};

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let exposure = dprk_exposure(ctx, flags);
    for (i, (line, facts)) in ctx.shipment.goods.iter().zip(&ctx.lines).enumerate() {
        let at = AssetPlace::Line { line: LineIndex(i) };
        match written(line.vin.as_deref()) {
            Some(v) => {
                flags.extend(asset_malformed_id(ctx, &at, AssetKind::Vin, v));
                flags.extend(asset_watched(ctx, at, AssetKind::Vin, v));
            }
            None => flags.extend(asset_no_chassis_number(
                ctx,
                LineIndex(i),
                line,
                facts,
                exposure.as_deref(),
            )),
        }
    }
    for (i, leg) in ctx.shipment.legs.iter().enumerate() {
        let at = AssetPlace::Leg { leg: LegIndex(i) };
        if let Some(n) = written(leg.vessel.as_ref().and_then(|v| v.imo.as_deref())) {
            flags.extend(asset_malformed_id(ctx, &at, AssetKind::Imo, n));
            flags.extend(asset_watched(ctx, at.clone(), AssetKind::Imo, n));
        }
        if let Some(r) = written(leg.aircraft.as_deref()) {
            flags.extend(asset_watched(ctx, at, AssetKind::Registration, r));
        }
    }
}

/// A non-blank identifier.
fn written(id: Option<&str>) -> Option<&str> {
    id.map(str::trim).filter(|s| !s.is_empty())
}

/// `asset.watched`: the identifier is on the watchlist, however spelt.
fn asset_watched(ctx: &Ctx<'_>, at: AssetPlace, kind: AssetKind, id: &str) -> Option<Flag> {
    let w = ctx.config.watched_assets.find(kind, id)?;
    Some(ctx.flag(
        format!(
            "{} {} {id} is a watched asset: {}",
            place_words(&at),
            kind.as_str(),
            w.why
        ),
        Evidence::AssetWatched(AssetWatched {
            at,
            kind,
            id: id.to_string(),
            watched_id: w.id.clone(),
            why: w.why.clone(),
        }),
    ))
}

/// `asset.malformed_id`: a VIN or IMO number that cannot be right.
fn asset_malformed_id(ctx: &Ctx<'_>, at: &AssetPlace, kind: AssetKind, id: &str) -> Option<Flag> {
    let reason = match kind {
        AssetKind::Vin => vin::validate(id).err()?.to_string(),
        AssetKind::Imo => imo::parse(id).err()?.to_string(),
        AssetKind::Registration => return None,
    };
    Some(ctx.flag(
        format!(
            "{} {} {id:?} is malformed: {reason}",
            place_words(at),
            kind.as_str()
        ),
        Evidence::AssetMalformedId(MalformedId {
            at: at.clone(),
            kind,
            id: id.to_string(),
            reason,
        }),
    ))
}

/// `asset.no_chassis_number`: a vehicle line without a VIN on a route
/// bound for a sanctioned destination or through a DPRK-exposed hub.
fn asset_no_chassis_number(
    ctx: &Ctx<'_>,
    line: LineIndex,
    goods: &GoodsLine,
    facts: &LineFacts,
    exposure: Option<&str>,
) -> Option<Flag> {
    let exposure = exposure?.to_string();
    let heading = vehicle_heading(ctx, goods, facts)?;
    Some(ctx.flag(
        format!(
            "line {} ({}) is a vehicle (HS {heading}) without a chassis number (VIN); the route {exposure}",
            line.0 + 1,
            goods.description
        ),
        Evidence::AssetNoChassisNumber(NoChassisNumber {
            line,
            description: goods.description.clone(),
            heading,
            exposure,
        }),
    ))
}

/// The line's vehicle heading, declared or as the goods engine classified it.
fn vehicle_heading(ctx: &Ctx<'_>, goods: &GoodsLine, facts: &LineFacts) -> Option<String> {
    let classified = facts
        .assessments
        .iter()
        .flat_map(|(_, a)| [a.heading.as_deref(), a.hs_code.as_deref()]);
    std::iter::once(goods.hs_code.as_deref())
        .chain(classified)
        .flatten()
        .map(|code| {
            code.chars()
                .filter(char::is_ascii_digit)
                .take(4)
                .collect::<String>()
        })
        .find(|h| ctx.config.parameters.vehicle_headings.contains(h))
}

/// Why the route is DPRK-exposed, or `None`.
fn dprk_exposure(ctx: &Ctx<'_>, earlier: &[Flag]) -> Option<String> {
    let sanctioned = &ctx.config.parameters.sanctioned_destinations;
    if let Some(d) = ctx
        .destinations
        .to_assess
        .iter()
        .find(|d| sanctioned.contains(d))
    {
        return Some(format!("points to {d}, a sanctioned destination"));
    }
    let hub = ctx.from.iter().chain(&ctx.to).find_map(|stop| {
        stop.hub.map(|h| {
            format!(
                "passes {} ({}), a DPRK-exposed hub ({})",
                h.name, h.locode, h.exposure
            )
        })
    });
    hub.or_else(|| {
        earlier
            .iter()
            .find(|f| f.rule == RuleId::ConsigneeDprkMission)
            .map(|f| format!("ends with a DPRK mission ({})", f.summary))
    })
}

fn place_words(at: &AssetPlace) -> String {
    match at {
        AssetPlace::Line { line } => format!("line {}", line.0 + 1),
        AssetPlace::Leg { leg } => format!("leg {}", leg.0 + 1),
    }
}
