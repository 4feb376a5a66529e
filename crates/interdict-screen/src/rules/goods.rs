//! What: goods verdicts for every destination the shipment points to, under
//! each jurisdiction that applies to it; luxury goods sent as gifts or at
//! zero value; unit values far under the reference. Rules
//! `goods.prohibited`, `goods.licence_required`, `goods.luxury_gift`,
//! `goods.undervalued`.

use super::Ctx;
use crate::decision::Flag;
use crate::engines::{GoodsVerdict, UsdValue};
use crate::reference::UnitValue;
use crate::shipment::{GoodsLine, Purpose};
use crate::text::{fold, words};
use serde_json::json;

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    let d = &ctx.destinations;
    for (i, line) in ctx.shipment.goods.iter().enumerate() {
        let mut luxury = false;
        let mut prohibited: Vec<(String, GoodsVerdict)> = Vec::new();
        let mut licence: Vec<(String, GoodsVerdict)> = Vec::new();
        let mut hs = None;
        let mut unit_usd = None;
        for dest in &d.to_assess {
            let a = ctx
                .goods
                .assess(line, dest, d.origin.as_deref(), Some(ctx.shipment.date));
            luxury |= a.luxury;
            if hs.is_none() {
                hs = a.hs_code.clone();
            }
            if unit_usd.is_none() {
                unit_usd = a.unit_value_usd.clone();
            }
            for v in a.verdicts {
                if !d.applies(&v.jurisdiction) {
                    continue;
                }
                match v.status.as_str() {
                    "prohibited" => prohibited.push((dest.clone(), v)),
                    "licence_required" => licence.push((dest.clone(), v)),
                    _ => {}
                }
            }
        }
        let verdicts = |list: &[(String, GoodsVerdict)]| {
            list.iter()
                .map(|(dest, v)| json!({"destination": dest, "verdict": v}))
                .collect::<Vec<_>>()
        };
        let names = |list: &[(String, GoodsVerdict)]| {
            let mut j: Vec<String> = list
                .iter()
                .map(|(dest, v)| format!("{} to {dest}", v.jurisdiction))
                .collect();
            j.dedup();
            j.join(", ")
        };
        if !prohibited.is_empty() {
            flags.push(ctx.flag(
                "goods.prohibited",
                format!("goods line {} ({:?}) is prohibited: {}", i + 1, line.description, names(&prohibited)),
                json!({"line": i, "description": line.description, "hs_code": hs, "verdicts": verdicts(&prohibited)}),
            ));
        } else if !licence.is_empty() {
            flags.push(ctx.flag(
                "goods.licence_required",
                format!("goods line {} ({:?}) needs a licence: {}", i + 1, line.description, names(&licence)),
                json!({"line": i, "description": line.description, "hs_code": hs, "verdicts": verdicts(&licence)}),
            ));
        }
        let reference = reference_value(ctx, line);
        if luxury || reference.is_some() {
            gift(ctx, i, line, flags);
        }
        if let (Some(rv), Some(unit)) = (reference, &unit_usd) {
            undervalued(ctx, i, line, rv, unit, flags);
        }
    }
}

/// The most specific reference unit value whose HS prefix and keywords fit the line.
fn reference_value<'r>(ctx: &Ctx<'r>, line: &GoodsLine) -> Option<&'r UnitValue> {
    let text = fold(&line.description);
    let w = words(&text);
    let hs: String = line
        .hs_code
        .as_deref()
        .unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    ctx.reference
        .unit_values
        .iter()
        .filter(|u| hs.is_empty() || hs.starts_with(&u.hs_prefix))
        .filter(|u| u.keywords.iter().all(|k| k.in_words(&w)))
        .max_by_key(|u| u.keywords.len())
}

fn gift(ctx: &Ctx<'_>, i: usize, line: &GoodsLine, flags: &mut Vec<Flag>) {
    let is_gift = ctx.shipment.purpose == Some(Purpose::Gift);
    let why = match line.value {
        _ if is_gift => "declared as a gift",
        Some(0.0) => "declared at zero value",
        _ => return,
    };
    flags.push(ctx.flag(
        "goods.luxury_gift",
        format!("luxury goods line {} ({:?}) {why}", i + 1, line.description),
        json!({"line": i, "description": line.description, "purpose": ctx.shipment.purpose, "value": line.value, "currency": line.currency}),
    ));
}

fn undervalued(
    ctx: &Ctx<'_>,
    i: usize,
    line: &GoodsLine,
    rv: &UnitValue,
    unit: &UsdValue,
    flags: &mut Vec<Flag>,
) {
    let (Some(value), Some(currency)) = (line.value, line.currency.as_deref()) else {
        return;
    };
    if value <= 0.0 {
        return; // zero value is the gift rule's case
    }
    let qty = line.quantity.filter(|q| *q > 0.0).unwrap_or(1.0);
    let (unit_usd, fx_source) = (unit.usd, unit.basis.as_str());
    let ratio = unit_usd / rv.unit_value_usd;
    if ratio >= ctx.config.parameters.undervalue_ratio {
        return;
    }
    flags.push(ctx.flag(
        "goods.undervalued",
        format!(
            "goods line {} ({:?}) declared at {:.0} USD per unit, {:.0}% of the reference {:.0} USD",
            i + 1,
            line.description,
            unit_usd,
            ratio * 100.0,
            rv.unit_value_usd
        ),
        json!({
            "line": i, "description": line.description, "declared_value": value, "currency": currency,
            "quantity": qty, "unit_value_usd": unit_usd, "fx_source": fx_source,
            "reference": {"id": rv.id, "unit_value_usd": rv.unit_value_usd, "basis": rv.basis, "source": rv.source},
            "ratio": ratio, "threshold_ratio": ctx.config.parameters.undervalue_ratio,
        }),
    ));
}
