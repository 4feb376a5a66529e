//! Goods line → report: validates the line, resolves the declared HS code,
//! classifies the description, detects declared/described mismatches and
//! gives one verdict per jurisdiction from the rule table. Owns the report
//! shape (fixed by issue 4); must not parse batch formats (see `batch`).

use crate::classify::Classification;
use crate::error::GoodsError;
use crate::hs::ResolvedHs;
use crate::rules::{Direction, Effect, Rule, JURISDICTIONS};
use crate::GoodsScreener;
use interdict_model::{countries, PartialDate};
use serde::{Deserialize, Serialize};

/// One goods line to screen.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GoodsLine {
    /// Plain-language description, any of English, Russian, Chinese, Korean, Japanese.
    pub description: String,
    /// Declared HS code (2–10 digits, dots allowed; HS 2022 or HS 2017).
    #[serde(default)]
    pub hs: Option<String>,
    /// ISO 3166 alpha-2 destination (any case).
    pub destination: String,
    /// ISO 3166 alpha-2 origin, if known.
    #[serde(default)]
    pub origin: Option<String>,
    /// Total declared value of the line.
    #[serde(default)]
    pub value: Option<f64>,
    /// ISO 4217 currency of `value`.
    #[serde(default)]
    pub currency: Option<String>,
    /// Number of units (default 1); unit value = value ÷ quantity.
    #[serde(default)]
    pub quantity: Option<f64>,
    /// Shipment date `YYYY[-MM[-DD]]`.
    #[serde(default)]
    pub date: Option<String>,
    /// A second description of the same goods (e.g. the declared model on
    /// the customs entry) compared with `description` for evasion signals.
    #[serde(default)]
    pub declared_description: Option<String>,
}

/// The outcome for one jurisdiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Prohibited,
    LicenceRequired,
    NotControlled,
    Unknown,
}

impl Status {
    fn rank(self) -> u8 {
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
    pub rule: String,
    pub status: Status,
    pub instrument: String,
    pub provision: String,
    pub verified: String,
    pub reason: String,
}

/// One jurisdiction's verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    pub jurisdiction: String,
    pub status: Status,
    pub rule: Option<String>,
    pub instrument: Option<String>,
    pub provision: Option<String>,
    pub verified: Option<String>,
    pub reason: String,
    /// Other matching rules of the same jurisdiction.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<RuleRef>,
}

/// The HS code the verdicts were computed on.
#[derive(Debug, Clone, Serialize)]
pub struct HsFinding {
    pub code: Option<String>,
    pub heading: Option<String>,
    pub description: Option<String>,
    pub confidence: f64,
    /// "declared" | "description" | "declared+description" | "none".
    pub basis: String,
    /// "hs2022" or "hs2017" for a declared code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<String>,
}

/// Declared and described goods disagree: an evasion signal.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    /// "heading" (declared HS vs description) or "make_model" (luxury make or
    /// model against a lesser one).
    pub kind: String,
    pub declared: String,
    pub described: String,
    pub detail: String,
}

/// The full report for one line.
#[derive(Debug, Clone, Serialize)]
pub struct GoodsReport {
    pub hs: HsFinding,
    pub verdicts: Vec<Verdict>,
    pub warnings: Vec<String>,
    pub luxury: bool,
    pub categories: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<Mismatch>,
    /// Unit value in USD at the bundled reference rate, when a value was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_value_usd: Option<f64>,
    /// How the unit value was converted (rate, year, source, check status).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_value_basis: Option<String>,
    pub classification: Classification,
}

impl GoodsReport {
    /// The verdict for a jurisdiction ("UN", "EU", ...).
    pub fn verdict(&self, jurisdiction: &str) -> Option<&Verdict> {
        self.verdicts
            .iter()
            .find(|v| v.jurisdiction == jurisdiction)
    }
}

/// A validated line, ready for the rules.
struct Facts<'a> {
    codes: Vec<String>,
    categories: &'a [String],
    luxury: bool,
    classified: bool,
    destination: String,
    origin: Option<String>,
    unit_usd: Option<f64>,
    fx_note: Option<String>,
    date: Option<PartialDate>,
}

fn country(field: &'static str, code: &str) -> Result<String, GoodsError> {
    let c = code.trim().to_ascii_lowercase();
    if countries::is_valid_code(&c) {
        Ok(c)
    } else {
        Err(GoodsError::field(
            field,
            code,
            "not an ISO 3166-1 alpha-2 country code",
        ))
    }
}

/// Confidence above which the description overrides a disagreeing declared code.
const OVERRIDE_CONFIDENCE: f64 = 0.6;

pub(crate) fn assess(s: &GoodsScreener, line: &GoodsLine) -> Result<GoodsReport, GoodsError> {
    let destination = country("destination", &line.destination)?;
    let origin = match line.origin.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(o) => Some(country("origin", o)?),
    };
    let date: Option<PartialDate> = match line.date.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(d) => Some(
            d.parse()
                .map_err(|e: interdict_model::DateError| GoodsError::field("date", d, e.reason))?,
        ),
    };
    let quantity = line.quantity.unwrap_or(1.0);
    if !(quantity.is_finite() && quantity > 0.0) {
        return Err(GoodsError::field(
            "quantity",
            quantity.to_string(),
            "must be a positive number",
        ));
    }
    let mut warnings = Vec::new();
    let (unit_usd, fx_note) = match line.value {
        None => {
            if let Some(c) = line.currency.as_deref().filter(|c| !c.trim().is_empty()) {
                s.fx.to_usd(0.0, c)?;
            }
            (None, None)
        }
        Some(v) => {
            if !v.is_finite() || v < 0.0 {
                return Err(GoodsError::field(
                    "value",
                    v.to_string(),
                    "must be a non-negative number",
                ));
            }
            let cur = line
                .currency
                .as_deref()
                .filter(|c| !c.trim().is_empty())
                .ok_or_else(|| GoodsError::field("currency", "", "a value needs its currency"))?;
            let (usd, rate) = s.fx.to_usd(v / quantity, cur)?;
            let note = format!(
                "unit value {:.2} {} = USD {:.2} at the {} reference rate ({}; {})",
                v / quantity,
                rate.currency,
                usd,
                rate.year,
                rate.basis,
                rate.checked
            );
            (Some(usd), Some(note))
        }
    };
    let declared: Option<ResolvedHs> = match line.hs.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(h) => Some(s.nomenclature.resolve(h, date.as_ref())?),
    };
    if let Some(note) = declared.as_ref().and_then(|d| d.note.clone()) {
        warnings.push(note);
    }
    let cls = s.classify(&line.description);
    let (hs, mismatch, codes) = decide_hs(s, declared.as_ref(), &cls);
    let mut mismatch = mismatch;
    if mismatch.is_none() {
        mismatch = make_mismatch(s, &cls, line.declared_description.as_deref());
    }
    if let Some(m) = &mismatch {
        warnings.push(format!("evasion signal: {}", m.detail));
    }
    if hs.code.is_none() {
        warnings.push(
            "the goods could not be classified: give an HS code or a more precise description"
                .to_string(),
        );
    }
    let mut categories = cls.categories.clone();
    let mut luxury = cls.luxury;
    // A declared code adds its own categories (e.g. 2208 → spirits).
    for c in &codes {
        let (cats, inherent) = s.vocab.categories_of(c);
        luxury |= inherent && hs.basis != "description";
        for cat in cats {
            if !categories.iter().any(|x| x == cat) {
                categories.push(cat.to_string());
            }
        }
    }
    let facts = Facts {
        codes,
        categories: &categories,
        luxury,
        classified: hs.code.is_some(),
        destination,
        origin,
        unit_usd,
        fx_note,
        date,
    };
    let verdicts = JURISDICTIONS
        .iter()
        .map(|j| verdict(s, j, &facts))
        .collect();
    let unit_value_basis = facts.fx_note;
    Ok(GoodsReport {
        hs,
        verdicts,
        warnings,
        luxury,
        categories,
        mismatch,
        unit_value_usd: unit_usd,
        unit_value_basis,
        classification: cls,
    })
}

/// Chooses the code the verdicts use and flags a declared/described
/// disagreement. Returns every code to screen (declared and described when
/// they disagree, so the stricter reading wins).
fn decide_hs(
    s: &GoodsScreener,
    declared: Option<&ResolvedHs>,
    cls: &Classification,
) -> (HsFinding, Option<Mismatch>, Vec<String>) {
    let described = cls.code().map(str::to_string);
    let edition = declared.map(|d| match d.edition {
        crate::hs::Edition::Hs2022 => "hs2022".to_string(),
        crate::hs::Edition::Hs2017 => "hs2017".to_string(),
    });
    let desc_of = |code: &str| s.nomenclature.get(code).map(|e| e.description.clone());
    match (declared, described) {
        (None, None) => (
            HsFinding {
                code: None,
                heading: None,
                description: None,
                confidence: 0.0,
                basis: "none".into(),
                edition,
            },
            None,
            Vec::new(),
        ),
        (None, Some(code)) => (
            HsFinding {
                heading: cls.heading.clone(),
                description: cls.description.clone(),
                code: Some(code.clone()),
                confidence: cls.confidence,
                basis: "description".into(),
                edition,
            },
            None,
            vec![code],
        ),
        (Some(d), None) => (
            HsFinding {
                code: Some(d.code.clone()),
                heading: d.heading.clone(),
                description: desc_of(&d.code),
                confidence: 1.0,
                basis: "declared".into(),
                edition,
            },
            None,
            vec![d.code.clone()],
        ),
        (Some(d), Some(code)) => {
            let agree = d.heading.as_deref() == cls.heading.as_deref()
                || (d.code.len() == 2 && code.starts_with(&d.code));
            if agree {
                // Keep the more precise of the two codes.
                let best = if d.code.len() >= code.len() {
                    d.code.clone()
                } else {
                    code.clone()
                };
                return (
                    HsFinding {
                        description: desc_of(&best),
                        code: Some(best.clone()),
                        heading: d.heading.clone(),
                        confidence: 1.0,
                        basis: "declared+description".into(),
                        edition,
                    },
                    None,
                    vec![best],
                );
            }
            let mismatch = (cls.confidence >= OVERRIDE_CONFIDENCE).then(|| Mismatch {
                kind: "heading".into(),
                declared: d.code.clone(),
                described: code.clone(),
                detail: format!(
                    "declared HS {} but the description reads as {} ({}; words: {})",
                    d.code,
                    cls.heading.as_deref().unwrap_or(&code),
                    cls.description.as_deref().unwrap_or("?"),
                    cls.decisive.join(", ")
                ),
            });
            let finding = if mismatch.is_some() {
                HsFinding {
                    heading: cls.heading.clone(),
                    description: cls.description.clone(),
                    code: Some(code.clone()),
                    confidence: cls.confidence,
                    basis: "description".into(),
                    edition,
                }
            } else {
                HsFinding {
                    code: Some(d.code.clone()),
                    heading: d.heading.clone(),
                    description: desc_of(&d.code),
                    confidence: 1.0 - cls.confidence,
                    basis: "declared".into(),
                    edition,
                }
            };
            (finding, mismatch, vec![d.code.clone(), code])
        }
    }
}

/// A luxury make or model against a lesser one, in the description itself
/// ("Rolls-Royce Phantom declared as BMW X5") or against the declared
/// description.
fn make_mismatch(
    s: &GoodsScreener,
    cls: &Classification,
    declared_description: Option<&str>,
) -> Option<Mismatch> {
    let lux = cls.makes.iter().find(|m| m.luxury)?;
    let other_makes = match declared_description {
        Some(d) if !d.trim().is_empty() => s.classify(d).makes,
        _ => cls.makes.clone(),
    };
    let lesser = other_makes
        .iter()
        .find(|m| !m.luxury && m.family != lux.family && m.hs[..2] == lux.hs[..2])?;
    Some(Mismatch {
        kind: "make_model".into(),
        declared: lesser.term.clone(),
        described: lux.term.clone(),
        detail: format!(
            "luxury make/model '{}' appears with the lesser '{}': goods may be declared under another model",
            lux.term, lesser.term
        ),
    })
}

struct Hit<'r> {
    rule: &'r Rule,
    status: Status,
    specificity: u8,
    reason: String,
}

fn verified_rank(status: &str) -> u8 {
    match status {
        "verified" => 2,
        "secondary" => 1,
        _ => 0,
    }
}

fn verdict(s: &GoodsScreener, jurisdiction: &str, f: &Facts<'_>) -> Verdict {
    let to_kp = f.destination == "kp";
    let from_kp = f.origin.as_deref() == Some("kp");
    let not_controlled = |reason: String| Verdict {
        jurisdiction: jurisdiction.to_string(),
        status: Status::NotControlled,
        rule: None,
        instrument: None,
        provision: None,
        verified: None,
        reason,
        also: Vec::new(),
    };
    if !to_kp && !from_kp {
        return not_controlled(format!(
            "destination {} is not the DPRK (kp) and the origin is {}: the DPRK rules apply only to supply to, or procurement from, the DPRK",
            f.destination,
            f.origin.as_deref().unwrap_or("not given")
        ));
    }
    let mut hits: Vec<Hit<'_>> = Vec::new();
    let mut exempt: Vec<String> = Vec::new();
    let mut below: Vec<String> = Vec::new();
    for r in s.rules.iter().filter(|r| r.jurisdiction == jurisdiction) {
        if r.effect == Effect::Inactive || !r.in_force(f.date.as_ref()) {
            continue;
        }
        let direction_ok = match r.direction {
            Direction::ExportToKp => to_kp,
            Direction::ImportFromKp => from_kp,
            Direction::Both => true,
        };
        if !direction_ok {
            continue;
        }
        if let Some(h) = match_rule(r, f, &mut exempt, &mut below) {
            hits.push(h);
        }
    }
    hits.sort_by(|a, b| {
        b.status
            .rank()
            .cmp(&a.status.rank())
            .then(verified_rank(&b.rule.status).cmp(&verified_rank(&a.rule.status)))
            .then(b.specificity.cmp(&a.specificity))
    });
    let mut it = hits.into_iter();
    let Some(first) = it.next() else {
        let what = match f.codes.first() {
            Some(c) => format!("heading {c}"),
            None => "these goods".to_string(),
        };
        if !f.classified {
            return Verdict {
                status: Status::Unknown,
                ..not_controlled(format!(
                    "the goods could not be classified, so the {jurisdiction} HS-based rules cannot be checked"
                ))
            };
        }
        let mut reason = format!(
            "no {jurisdiction} DPRK rule in force covers {what} ({})",
            f.categories.join(", ")
        );
        for e in exempt.iter().chain(below.iter()) {
            reason.push_str("; ");
            reason.push_str(e);
        }
        return not_controlled(reason);
    };
    let also = it
        .map(|h| RuleRef {
            rule: h.rule.id.clone(),
            status: h.status,
            instrument: h.rule.instrument.clone(),
            provision: h.rule.provision.clone(),
            verified: h.rule.status.clone(),
            reason: h.reason,
        })
        .collect();
    Verdict {
        jurisdiction: jurisdiction.to_string(),
        status: first.status,
        rule: Some(first.rule.id.clone()),
        instrument: Some(first.rule.instrument.clone()),
        provision: Some(first.rule.provision.clone()),
        verified: Some(first.rule.status.clone()),
        reason: first.reason,
        also,
    }
}

fn match_rule<'r>(
    r: &'r Rule,
    f: &Facts<'_>,
    exempt: &mut Vec<String>,
    below: &mut Vec<String>,
) -> Option<Hit<'r>> {
    let code_hit = f
        .codes
        .iter()
        .find_map(|c| r.covers_code(c).map(|p| (c, p)));
    let all_goods = r.all_goods();
    let cat_hit = r.category_hit(f.categories);
    let mut partial_only = false;
    let mut reason = match (code_hit, cat_hit) {
        (Some((c, true)), None) if !all_goods => {
            // An "ex" code covers only part of the heading; without a
            // category match the description does not say which part.
            partial_only = true;
            format!("HS {c} is only partly covered ('ex' code for '{}'); the description does not show which part", r.category)
        }
        (Some((c, partial)), _) => {
            let basis = match r.hs_basis.as_str() {
                "instrument" => "HS coverage stated by the instrument",
                "instrument_unverified" => {
                    "HS coverage as commonly quoted, not read in the instrument"
                }
                _ => "HS coverage is our reading of the category",
            };
            let ex = if partial {
                "; 'ex' code: only part of it is covered"
            } else {
                ""
            };
            if all_goods {
                format!("applies to all goods (HS {c}){ex}")
            } else {
                format!("HS {c} is covered ({basis}){ex}")
            }
        }
        (None, Some(cat)) => format!("description matches category '{cat}' of '{}'", r.category),
        (None, None) if all_goods && !f.classified => "applies to all goods".to_string(),
        (None, None) => return None,
    };
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
        exempt.push(format!("{} {} exempts {ex}", r.instrument, r.provision));
        return None;
    }
    let mut status = match r.effect {
        Effect::Prohibited => Status::Prohibited,
        Effect::LicenceRequired => Status::LicenceRequired,
        Effect::Cap => {
            reason.push_str(&format!(
                "; subject to an aggregate cap ({}), not decidable per line",
                r.value_threshold
            ));
            Status::Unknown
        }
        Effect::Inactive => return None,
    };
    if let Some((amount, cur)) = &r.threshold {
        match (f.unit_usd, cur.as_str()) {
            (Some(v), "USD") if v > *amount => {
                reason.push_str(&format!(
                    "; {} exceeds the USD {amount} floor",
                    f.fx_note.as_deref().unwrap_or("unit value")
                ));
            }
            (Some(_), "USD") => {
                below.push(format!(
                    "{} {} applies only above USD {amount}, and the {}",
                    r.instrument,
                    r.provision,
                    f.fx_note.as_deref().unwrap_or("unit value is lower")
                ));
                return None;
            }
            _ => {
                reason.push_str(&format!(
                    "; no value given, and the rule applies only above {amount} {cur}"
                ));
                status = Status::Unknown;
            }
        }
    }
    if partial_only && status == Status::Prohibited {
        status = Status::Unknown;
    }
    if r.status == "unverified" {
        reason.push_str("; rule not verified against the primary text");
    }
    let specificity = match (
        code_hit.is_some(),
        r.hs_basis.as_str(),
        r.match_categories.len(),
    ) {
        (true, "instrument", _) if !all_goods => 4,
        (false, _, n) if n <= 4 => 3,
        (true, _, _) if !all_goods => 2,
        _ => 1,
    };
    Some(Hit {
        rule: r,
        status,
        specificity,
        reason,
    })
}
