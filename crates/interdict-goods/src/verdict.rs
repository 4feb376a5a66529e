//! One verdict per jurisdiction from the rule table, for a goods line whose
//! facts (HS codes, categories, luxury reading, direction, unit value, date)
//! `assess` has established. Owns rule matching and the precedence between
//! matching rules; must not classify descriptions or validate input.
//!
//! # Precedence
//!
//! For one jurisdiction, every rule in force for the line's direction and
//! date is tested ([`match_rule`]). Among the rules that match:
//!
//! A cap (petroleum) gives `licence_required`: supply is lawful only inside
//! the cap and notified. `unknown` comes only from unclassified goods, an
//! "ex" code the description does not resolve, or a value floor the line
//! gives no value for.
//!
//! 1. the **strictest** status decides: prohibited > licence required >
//!    unknown > not controlled;
//! 2. then the jurisdiction's **own** rule over a UN prohibition that stands
//!    in for its implementing law ([`binds`]);
//! 3. then the **better verified** rule: verified > secondary > unverified;
//! 4. then the **more specific** rule ([`specificity`]): HS codes stated by
//!    the instrument > a short list of categories > codes of our reading >
//!    an all-goods rule.
//!
//! The first rule gives the verdict; the others are listed under
//! [`Verdict::also`]. When no rule matches, the verdict is `not_controlled`
//! with the heading it rests on (and any exemption or value floor that kept
//! a rule out), or `unknown` when the goods could not be classified.

use crate::rules::{Direction, Effect, HsBasis, HumanitarianNote, Rule, Verification};
use crate::GoodsScreener;
use interdict_model::PartialDate;
use serde::{Deserialize, Serialize};

/// The outcome for one jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A rule in force forbids the supply or procurement.
    Prohibited,
    /// A licence is needed (and may be denied as a matter of policy).
    LicenceRequired,
    /// No rule for the destination covers the goods.
    NotControlled,
    /// The goods could not be classified, or a rule needs a fact the line lacks.
    Unknown,
}

impl Status {
    /// Strictness, for the precedence rule: higher is stricter.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Status::Prohibited => 3,
            Status::LicenceRequired => 2,
            Status::Unknown => 1,
            Status::NotControlled => 0,
        }
    }

    /// The snake_case name used in JSON and the labelled set.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Prohibited => "prohibited",
            Status::LicenceRequired => "licence_required",
            Status::NotControlled => "not_controlled",
            Status::Unknown => "unknown",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(s: &str) -> Option<Status> {
        Some(match s.trim() {
            "prohibited" => Status::Prohibited,
            "licence_required" | "license_required" => Status::LicenceRequired,
            "not_controlled" => Status::NotControlled,
            "unknown" => Status::Unknown,
            _ => return None,
        })
    }
}

/// Another rule that also matched, listed under the deciding one.
#[derive(Debug, Clone, Serialize)]
pub struct RuleRef {
    /// The rule's id (`un-034`).
    pub rule: String,
    /// What this rule alone would say.
    pub status: Status,
    /// The resolution, regulation or measure.
    pub instrument: String,
    /// Its operative paragraph, article or annex item.
    pub provision: String,
    /// How far the rule was checked.
    pub verified: Verification,
    /// Why it matched, in words.
    pub reason: String,
}

/// One jurisdiction's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// `UN`, `EU`, `UK`, `US`, `JP` or `KR`.
    pub jurisdiction: String,
    /// The outcome.
    pub status: Status,
    /// The deciding rule's id, when a rule matched.
    pub rule: Option<String>,
    /// The deciding rule's instrument.
    pub instrument: Option<String>,
    /// The deciding rule's provision.
    pub provision: Option<String>,
    /// How far the deciding rule was checked.
    pub verified: Option<Verification>,
    /// Why, in words (rule, coverage, thresholds, exemptions).
    pub reason: String,
    /// Other matching rules of the same jurisdiction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<RuleRef>,
    /// The HS code the verdict rests on (for `not_controlled`: the heading
    /// that no rule covers).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hs_code: Option<String>,
    /// The jurisdiction's humanitarian exemption or licence route, for
    /// food, medicine, medical devices and books.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub humanitarian: Option<HumanitarianNote>,
}

/// What the rules are tested against: a validated, classified line.
pub(crate) struct Facts<'a> {
    /// HS codes to screen (declared and described when they disagree).
    pub codes: Vec<String>,
    pub categories: &'a [String],
    pub luxury: bool,
    pub classified: bool,
    pub destination: String,
    pub origin: Option<String>,
    pub unit_usd: Option<f64>,
    pub fx_note: Option<String>,
    pub date: Option<PartialDate>,
}

impl Facts<'_> {
    fn supply_to_kp(&self) -> bool {
        self.destination == "kp"
    }

    fn procured_from_kp(&self) -> bool {
        self.origin.as_deref() == Some("kp")
    }
}

/// A rule that matched, with what it says and how specific it is.
struct Hit<'r> {
    rule: &'r Rule,
    /// The rule is the jurisdiction's own, not a UN decision it is bound by.
    own: bool,
    status: Status,
    specificity: u8,
    reason: String,
}

/// Why rules that touched the goods were kept out: exemptions and value
/// floors, quoted in a `not_controlled` reason.
#[derive(Default)]
struct Exclusions {
    exempt: Vec<String>,
    below: Vec<String>,
}

/// The verdict of `jurisdiction` for the line described by `f`, with the
/// code it rests on and the humanitarian note for its categories.
pub(crate) fn verdict(s: &GoodsScreener, jurisdiction: &str, f: &Facts<'_>) -> Verdict {
    let mut v = rule_verdict(s, jurisdiction, f);
    v.hs_code = f.codes.first().cloned();
    if f.supply_to_kp() {
        v.humanitarian = s
            .humanitarian
            .iter()
            .find(|n| {
                n.jurisdiction == jurisdiction
                    && f.categories.iter().any(|c| n.categories.contains(c))
            })
            .cloned();
    }
    v
}

fn rule_verdict(s: &GoodsScreener, jurisdiction: &str, f: &Facts<'_>) -> Verdict {
    if !f.supply_to_kp() && !f.procured_from_kp() {
        return not_controlled(
            jurisdiction,
            format!(
                "destination {} is not the DPRK (kp) and the origin is {}: the DPRK rules apply only to supply to, or procurement from, the DPRK",
                f.destination,
                f.origin.as_deref().unwrap_or("not given")
            ),
        );
    }
    let mut excluded = Exclusions::default();
    let mut hits: Vec<Hit<'_>> = s
        .rules
        .iter()
        .filter(|r| binds(r, jurisdiction) && applies_to_line(r, f))
        .filter_map(|r| match_rule(r, f, &mut excluded))
        .map(|mut h| {
            h.own = h.rule.jurisdiction == jurisdiction;
            if !h.own {
                h.reason.push_str(UN_BAN_NOTE);
            }
            h
        })
        .collect();
    hits.sort_by(precedence);
    let mut it = hits.into_iter();
    match it.next() {
        Some(first) => from_hits(jurisdiction, first, it),
        None => no_rule_matched(jurisdiction, f, &excluded),
    }
}

const UN: &str = "UN";

/// Jurisdictions that implement the UN Security Council's DPRK bans but for
/// which the table holds no item-level implementing rows: Japan (its total
/// export ban covers them anyway) and the Republic of Korea, whose Ministry
/// of Unification approval notice was revised to implement UNSCR 1874 in
/// July 2009 and to follow later Committee designations. EU, UK and US law
/// implement the bans in rows of their own, and a UN resolution binds states,
/// not traders, so the UN rows do not stand in for theirs.
const APPLY_UN_BANS: &[&str] = &["JP", "KR"];

const UN_BAN_NOTE: &str =
    "; a UN Security Council prohibition, which this jurisdiction implements (no item-level national row in the table)";

/// Whether rule `r` holds under `jurisdiction`: its own rules, and for the
/// jurisdictions of [`APPLY_UN_BANS`], the UN's prohibitions.
fn binds(r: &Rule, jurisdiction: &str) -> bool {
    r.jurisdiction == jurisdiction
        || (APPLY_UN_BANS.contains(&jurisdiction)
            && r.jurisdiction == UN
            && r.effect == Effect::Prohibited)
}

/// The precedence rule of the module docs, as an ordering (first = decides).
fn precedence(a: &Hit<'_>, b: &Hit<'_>) -> std::cmp::Ordering {
    b.status
        .rank()
        .cmp(&a.status.rank())
        .then(b.own.cmp(&a.own))
        .then(b.rule.verification.cmp(&a.rule.verification))
        .then(b.specificity.cmp(&a.specificity))
}

/// In force on the line's date and for its direction.
fn applies_to_line(r: &Rule, f: &Facts<'_>) -> bool {
    if r.effect == Effect::Inactive || !r.in_force(f.date.as_ref()) {
        return false;
    }
    match r.direction {
        Direction::ExportToKp => f.supply_to_kp(),
        Direction::ImportFromKp => f.procured_from_kp(),
        Direction::Both => true,
    }
}

fn not_controlled(jurisdiction: &str, reason: String) -> Verdict {
    Verdict {
        jurisdiction: jurisdiction.to_string(),
        status: Status::NotControlled,
        rule: None,
        instrument: None,
        provision: None,
        verified: None,
        reason,
        also: Vec::new(),
        hs_code: None,
        humanitarian: None,
    }
}

/// No rule matched: `unknown` for unclassified goods, else `not_controlled`
/// naming the heading it rests on and what kept rules out.
fn no_rule_matched(jurisdiction: &str, f: &Facts<'_>, excluded: &Exclusions) -> Verdict {
    if !f.classified {
        return Verdict {
            status: Status::Unknown,
            ..not_controlled(
                jurisdiction,
                format!(
                    "the goods could not be classified, so the {jurisdiction} HS-based rules cannot be checked"
                ),
            )
        };
    }
    let what = match f.codes.first() {
        Some(c) => format!("heading {c}"),
        None => "these goods".to_string(),
    };
    let mut reason = format!(
        "no {jurisdiction} DPRK rule in force covers {what} ({})",
        f.categories.join(", ")
    );
    for e in excluded.exempt.iter().chain(excluded.below.iter()) {
        reason.push_str("; ");
        reason.push_str(e);
    }
    not_controlled(jurisdiction, reason)
}

fn from_hits<'r>(
    jurisdiction: &str,
    first: Hit<'r>,
    rest: impl Iterator<Item = Hit<'r>>,
) -> Verdict {
    let also = rest
        .map(|h| RuleRef {
            rule: h.rule.id.clone(),
            status: h.status,
            instrument: h.rule.instrument.clone(),
            provision: h.rule.provision.clone(),
            verified: h.rule.verification,
            reason: h.reason,
        })
        .collect();
    Verdict {
        jurisdiction: jurisdiction.to_string(),
        status: first.status,
        rule: Some(first.rule.id.clone()),
        instrument: Some(first.rule.instrument.clone()),
        provision: Some(first.rule.provision.clone()),
        verified: Some(first.rule.verification),
        reason: first.reason,
        also,
        hs_code: None,
        humanitarian: None,
    }
}

/// How the line touches a rule: by HS code, by category, or both.
struct Coverage<'a> {
    /// A screened code under the rule, and whether only part of it is ("ex").
    code: Option<(&'a str, bool)>,
    category: Option<&'a str>,
    /// An "ex" code matched and no category says which part: undecidable.
    partial_only: bool,
}

/// Tests one rule against the facts: coverage, luxury requirement,
/// exemptions, effect and value floor. `None` when the rule does not apply
/// (exemptions and floors are recorded in `excluded` for the reason).
fn match_rule<'r>(r: &'r Rule, f: &Facts<'_>, excluded: &mut Exclusions) -> Option<Hit<'r>> {
    let cov = coverage(r, f);
    let mut reason = coverage_reason(r, f, &cov)?;
    if r.requires_luxury && !f.luxury {
        return None;
    }
    if r.requires_luxury {
        reason.push_str("; the goods read as luxury");
    }
    if let Some(ex) = f
        .categories
        .iter()
        .find(|c| r.except_categories.contains(c))
    {
        excluded
            .exempt
            .push(format!("{} {} exempts {ex}", r.instrument, r.provision));
        return None;
    }
    let mut status = effect_status(r, &mut reason)?;
    if let Some((amount, currency)) = &r.threshold {
        status = value_floor(r, f, *amount, currency, status, &mut reason, excluded)?;
    }
    if cov.partial_only && status == Status::Prohibited {
        status = Status::Unknown;
    }
    if r.verification == Verification::Unverified {
        reason.push_str("; rule not verified against the primary text");
    }
    Some(Hit {
        rule: r,
        own: true,
        status,
        specificity: specificity(r, &cov),
        reason,
    })
}

fn coverage<'a>(r: &Rule, f: &'a Facts<'_>) -> Coverage<'a> {
    let code = f
        .codes
        .iter()
        .find_map(|c| r.covers_code(c).map(|p| (c.as_str(), p)));
    let category = r.category_hit(f.categories);
    let partial_only = matches!(code, Some((_, true))) && category.is_none() && !r.all_goods();
    Coverage {
        code,
        category,
        partial_only,
    }
}

/// Words for how the rule covers the goods; `None` when it does not.
fn coverage_reason(r: &Rule, f: &Facts<'_>, cov: &Coverage<'_>) -> Option<String> {
    let all_goods = r.all_goods();
    Some(match (cov.code, cov.category) {
        (Some((c, true)), None) if !all_goods => format!(
            "HS {c} is only partly covered ('ex' code for '{}'); the description does not show which part",
            r.category
        ),
        (Some((c, partial)), _) => {
            let ex = if partial {
                "; 'ex' code: only part of it is covered"
            } else {
                ""
            };
            if all_goods {
                format!("applies to all goods (HS {c}){ex}")
            } else {
                format!("HS {c} is covered ({}){ex}", r.hs_basis.describe())
            }
        }
        (None, Some(cat)) => format!("description matches category '{cat}' of '{}'", r.category),
        (None, None) if all_goods && !f.classified => "applies to all goods".to_string(),
        (None, None) => return None,
    })
}

/// The status a matching rule gives before value floors.
fn effect_status(r: &Rule, reason: &mut String) -> Option<Status> {
    Some(match r.effect {
        Effect::Prohibited => Status::Prohibited,
        Effect::LicenceRequired => Status::LicenceRequired,
        // Supply is lawful only inside an aggregate cap, and each delivery
        // is notified: an authorisation, not a ban and not an unknown.
        Effect::Cap => {
            reason.push_str(&format!(
                "; allowed only within the aggregate cap ({}), each supply notified",
                r.value_threshold
            ));
            Status::LicenceRequired
        }
        Effect::Inactive => return None,
    })
}

/// A rule that applies only above a unit value: out when the line is below
/// it, `unknown` when the line gives no value.
fn value_floor(
    r: &Rule,
    f: &Facts<'_>,
    amount: f64,
    currency: &str,
    status: Status,
    reason: &mut String,
    excluded: &mut Exclusions,
) -> Option<Status> {
    match (f.unit_usd, currency) {
        (Some(v), "USD") if v > amount => {
            reason.push_str(&format!(
                "; {} exceeds the USD {amount} floor",
                f.fx_note.as_deref().unwrap_or("unit value")
            ));
            Some(status)
        }
        (Some(_), "USD") => {
            excluded.below.push(format!(
                "{} {} applies only above USD {amount}, and the {}",
                r.instrument,
                r.provision,
                f.fx_note.as_deref().unwrap_or("unit value is lower")
            ));
            None
        }
        _ => {
            reason.push_str(&format!(
                "; no value given, and the rule applies only above {amount} {currency}"
            ));
            Some(Status::Unknown)
        }
    }
}

/// Step 4 of the precedence: HS codes stated by the instrument (4) beat a
/// short category list (3), which beats codes of our reading (2), which
/// beat all-goods and long-list rules (1).
fn specificity(r: &Rule, cov: &Coverage<'_>) -> u8 {
    let all_goods = r.all_goods();
    match (cov.code.is_some(), r.hs_basis, r.match_categories.len()) {
        (true, HsBasis::Instrument, _) if !all_goods => 4,
        (false, _, n) if n <= 4 => 3,
        (true, _, _) if !all_goods => 2,
        _ => 1,
    }
}
