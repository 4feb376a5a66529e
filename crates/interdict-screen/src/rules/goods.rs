//! What: goods verdicts for every destination the shipment points to, under
//! each jurisdiction whose law reaches it; luxury goods sent as gifts or at
//! zero value; values per unit of quantity far under the reference; luxury
//! goods declared under an unrelated heading. Rules `goods.prohibited`,
//! `goods.licence_required`, `goods.luxury_gift`, `goods.undervalued`,
//! `goods.hs_mismatch`. The goods facts come from the goods engine
//! ([`super::LineFacts`]); quantities are read by [`crate::quantity`].

use super::{Ctx, LineFacts};
use crate::decision::{Applicability, Flag, Severity};
use crate::engines::GoodsVerdict;
use crate::evidence::{
    Evidence, GoodsVerdicts, HsMismatch, LineIndex, LuxuryGift, ReferenceValue, Undervalued,
    VerdictFor,
};
use crate::jurisdiction::Jurisdiction;
use crate::quantity::{self, QuantityUnit};
use crate::reference::UnitValue;
use crate::rule_id::RuleId;
use crate::shipment::{GoodsLine, Purpose};
use crate::text::{fold, join_initials, words};

pub(super) fn run(ctx: &Ctx<'_>, flags: &mut Vec<Flag>) {
    for (i, (line, facts)) in ctx.shipment.goods.iter().zip(&ctx.lines).enumerate() {
        let i = LineIndex(i);
        // A prohibition makes the licence question moot.
        match goods_prohibited(ctx, i, line, facts) {
            Some(flag) => flags.push(flag),
            None => flags.extend(goods_licence_required(ctx, i, line, facts)),
        }
        let reference = reference_value(ctx, line, facts);
        if facts.luxury() || reference.is_some() {
            flags.extend(goods_luxury_gift(ctx, i, line));
        }
        if let Some(rv) = reference {
            flags.extend(goods_undervalued(ctx, i, line, facts, rv));
        }
        flags.extend(goods_hs_mismatch(ctx, i, line, facts));
    }
}

/// Whether a verdict of `j` counts: `j` is evaluated, and its law reaches
/// the shipment (nexus) or the user named it (see [`crate::Jurisdiction`]).
fn counts(ctx: &Ctx<'_>, j: Jurisdiction) -> bool {
    let scope = &ctx.config.scope;
    scope.jurisdictions().contains(&j) && (scope.names(j) || ctx.destinations.nexus.contains(&j))
}

/// The line's verdicts with `status` that count, with their destination.
fn counted_verdicts(ctx: &Ctx<'_>, facts: &LineFacts, status: &str) -> Vec<VerdictFor> {
    let mut out = Vec::new();
    for (dest, a) in &facts.assessments {
        for v in &a.verdicts {
            let counted = Jurisdiction::parse(&v.jurisdiction).is_some_and(|j| counts(ctx, j));
            if counted && v.status == status {
                out.push(VerdictFor {
                    destination: dest.clone(),
                    verdict: v.clone(),
                });
            }
        }
    }
    out
}

/// One applicability per jurisdiction of `verdicts`, at the rule's severity.
fn verdicts_under(ctx: &Ctx<'_>, rule: RuleId, verdicts: &[VerdictFor]) -> Vec<Applicability> {
    let severity = ctx
        .config
        .rule(rule)
        .map_or(Severity::Medium, |s| s.severity);
    let mut under: Vec<Applicability> = Vec::new();
    for v in verdicts {
        let Some(j) = Jurisdiction::parse(&v.verdict.jurisdiction) else {
            continue;
        };
        if under.iter().any(|a| a.jurisdiction == j) {
            continue;
        }
        under.push(Applicability {
            jurisdiction: j,
            severity,
            basis: verdict_basis(&v.verdict, &v.destination),
        });
    }
    under
}

fn verdict_basis(v: &GoodsVerdict, destination: &str) -> String {
    let law = [v.instrument.as_deref(), v.provision.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let status = v.status.replace('_', " ");
    if law.is_empty() {
        format!("{status} to {destination}: {}", v.reason)
    } else {
        format!("{status} to {destination} under {law}")
    }
}

fn verdict_names(list: &[VerdictFor]) -> String {
    let mut j: Vec<String> = list
        .iter()
        .map(|v| format!("{} to {}", v.verdict.jurisdiction, v.destination))
        .collect();
    j.dedup();
    j.join(", ")
}

fn verdict_evidence(
    i: LineIndex,
    line: &GoodsLine,
    facts: &LineFacts,
    verdicts: Vec<VerdictFor>,
) -> GoodsVerdicts {
    GoodsVerdicts {
        line: i,
        description: line.description.clone(),
        hs_code: facts
            .assessments
            .iter()
            .find_map(|(_, a)| a.hs_code.clone()),
        verdicts,
    }
}

/// A rule that flags a line by the status of its verdicts.
struct VerdictFlag {
    rule: RuleId,
    /// The verdict status that fires it.
    status: &'static str,
    severity: Severity,
    /// The finding in words, after "goods line N (description)".
    finding: &'static str,
    evidence: fn(GoodsVerdicts) -> Evidence,
}

/// A flag when any counted verdict of the line has the rule's status.
fn verdict_flag(
    ctx: &Ctx<'_>,
    kind: &VerdictFlag,
    i: LineIndex,
    line: &GoodsLine,
    facts: &LineFacts,
) -> Option<Flag> {
    let verdicts = counted_verdicts(ctx, facts, kind.status);
    if verdicts.is_empty() {
        return None;
    }
    let under = verdicts_under(ctx, kind.rule, &verdicts);
    let summary = format!(
        "goods line {} ({:?}) {}: {}",
        i.0 + 1,
        line.description,
        kind.finding,
        verdict_names(&verdicts)
    );
    let evidence = (kind.evidence)(verdict_evidence(i, line, facts, verdicts));
    Some(ctx.flag_under(kind.severity, under, summary, evidence))
}

/// `goods.prohibited`.
fn goods_prohibited(ctx: &Ctx<'_>, i: LineIndex, line: &GoodsLine, f: &LineFacts) -> Option<Flag> {
    const RULE: VerdictFlag = VerdictFlag {
        rule: RuleId::GoodsProhibited,
        status: "prohibited",
        severity: Severity::Critical,
        finding: "is prohibited",
        evidence: Evidence::GoodsProhibited,
    };
    verdict_flag(ctx, &RULE, i, line, f)
}

/// `goods.licence_required`.
fn goods_licence_required(
    ctx: &Ctx<'_>,
    i: LineIndex,
    line: &GoodsLine,
    f: &LineFacts,
) -> Option<Flag> {
    const RULE: VerdictFlag = VerdictFlag {
        rule: RuleId::GoodsLicenceRequired,
        status: "licence_required",
        severity: Severity::Medium,
        finding: "needs a licence",
        evidence: Evidence::GoodsLicenceRequired,
    };
    verdict_flag(ctx, &RULE, i, line, f)
}

/// Digits of an HS code.
fn digits(code: Option<&str>) -> String {
    code.unwrap_or_default()
        .chars()
        .filter(char::is_ascii_digit)
        .collect()
}

/// The most specific reference value (most keywords, then first row) whose keywords all occur in the
/// description and whose HS prefix fits the declared code or the code the
/// goods engine read from the description (a car declared as trailers is
/// still a car; used vehicles are vehicles).
fn reference_value<'r>(
    ctx: &Ctx<'r>,
    line: &GoodsLine,
    facts: &LineFacts,
) -> Option<&'r UnitValue> {
    let text = fold(&line.description);
    let joined = join_initials(&text);
    let (w, wj) = (words(&text), words(&joined));
    let declared = digits(line.hs_code.as_deref());
    let described: Vec<String> = facts
        .assessments
        .iter()
        .map(|(_, a)| digits(a.hs_code.as_deref()))
        .filter(|c| !c.is_empty())
        .collect();
    let fits = |prefix: &str| {
        declared.is_empty()
            || declared.starts_with(prefix)
            || described.iter().any(|c| c.starts_with(prefix))
    };
    ctx.reference
        .unit_values
        .iter()
        .filter(|u| fits(&u.hs_prefix))
        .filter(|u| {
            let all_in = |ws: &[&str]| u.keywords.iter().all(|k| k.in_words(ws));
            all_in(&w) || all_in(&wj)
        })
        // Most keywords wins; on a tie the earlier row (the table lists a
        // brand's own row before a generic one).
        .fold(None, |best: Option<&UnitValue>, u| match best {
            Some(b) if b.keywords.len() >= u.keywords.len() => Some(b),
            _ => Some(u),
        })
}

/// `goods.luxury_gift`.
fn goods_luxury_gift(ctx: &Ctx<'_>, i: LineIndex, line: &GoodsLine) -> Option<Flag> {
    let is_gift = ctx.shipment.purpose == Some(Purpose::Gift);
    let why = match line.value {
        _ if is_gift => "declared as a gift",
        Some(0.0) => "declared at zero value",
        _ => return None,
    };
    Some(ctx.flag(
        format!(
            "luxury goods line {} ({:?}) {why}",
            i.0 + 1,
            line.description
        ),
        Evidence::GoodsLuxuryGift(LuxuryGift {
            line: i,
            description: line.description.clone(),
            purpose: ctx.shipment.purpose,
            value: line.value,
            currency: line.currency.clone(),
        }),
    ))
}

/// `goods.undervalued`: the declared value per reference unit (per article,
/// per litre) under `undervalue_ratio` of the reference.
fn goods_undervalued(
    ctx: &Ctx<'_>,
    i: LineIndex,
    line: &GoodsLine,
    facts: &LineFacts,
    rv: &UnitValue,
) -> Option<Flag> {
    let (value, currency) = (line.value?, line.currency.as_deref()?);
    if value <= 0.0 {
        return None; // zero value is the gift rule's case
    }
    let per_quantity = facts
        .assessments
        .iter()
        .find_map(|(_, a)| a.unit_value_usd.clone())?;
    let qty = line.quantity.filter(|q| *q > 0.0).unwrap_or(1.0);
    let per = quantity::convert(
        line.quantity,
        line.unit.as_deref(),
        &line.description,
        rv.per,
        rv.bottle_l,
    )?;
    // The goods engine divides by the quantity (1 when absent): undo it, then
    // divide by the quantity in the reference's unit.
    let unit_usd = per_quantity.usd * qty / per.amount;
    let ratio = unit_usd / rv.unit_value_usd;
    let threshold = ctx.config.parameters.undervalue_ratio;
    if ratio >= threshold {
        return None;
    }
    let summary = format!(
        "goods line {} ({:?}) declared at {:.0} USD per {}, {:.0}% of the reference {:.0} USD",
        i.0 + 1,
        line.description,
        unit_usd,
        rv.per.words(),
        ratio * 100.0,
        rv.unit_value_usd
    );
    Some(ctx.flag(
        summary,
        Evidence::GoodsUndervalued(Undervalued {
            line: i,
            description: line.description.clone(),
            declared_value: value,
            currency: currency.to_string(),
            quantity: qty,
            unit_value_usd: unit_usd,
            fx_source: per_quantity.basis,
            reference: ReferenceValue {
                id: rv.id.clone(),
                unit_value_usd: rv.unit_value_usd,
                basis: rv.basis.clone(),
                source: rv.source.clone(),
            },
            ratio,
            threshold_ratio: threshold,
            quantity_unit: line.unit.as_deref().map(QuantityUnit::parse),
            per,
        }),
    ))
}

/// `goods.hs_mismatch`: the goods engine reads a luxury description under
/// another heading than the declared one, controlled or not.
fn goods_hs_mismatch(
    ctx: &Ctx<'_>,
    i: LineIndex,
    line: &GoodsLine,
    facts: &LineFacts,
) -> Option<Flag> {
    if !facts.luxury() {
        return None;
    }
    let m = facts
        .assessments
        .iter()
        .find_map(|(_, a)| a.mismatch.as_ref().filter(|m| m.kind == "heading"))?;
    Some(ctx.flag(
        format!(
            "goods line {} ({:?}) is declared under HS {} but reads as HS {}",
            i.0 + 1,
            line.description,
            m.declared,
            m.described
        ),
        Evidence::GoodsHsMismatch(HsMismatch {
            line: i,
            description: line.description.clone(),
            declared_hs: m.declared.clone(),
            described_hs: m.described.clone(),
            detail: m.detail.clone(),
        }),
    ))
}
