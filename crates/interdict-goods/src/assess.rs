//! Goods line → report: validates the line, resolves the declared HS code,
//! classifies the description, detects declared/described mismatches and
//! gives one verdict per jurisdiction from the rule table. Owns the report
//! shape (the JSON contract of the goods command); must not parse batch formats (see `batch`).

use crate::classify::{Candidate, Classification};
use crate::error::GoodsError;
use crate::hs::{Edition, ResolvedHs};
use crate::rules::JURISDICTIONS;
use crate::verdict::{verdict, Facts, Verdict};
use crate::GoodsScreener;
use interdict_model::{countries, PartialDate};
use serde::{Deserialize, Serialize};

/// One goods line to screen.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct GoodsLine {
    /// Plain-language description, any of English, Russian, Chinese, Korean, Japanese.
    pub description: String,
    /// Declared HS code (2–10 digits, dots allowed; HS 2022 or HS 2017).
    /// Named as in the shipment model; `hs` is read too (the goods
    /// command's original key).
    #[serde(default, alias = "hs")]
    pub hs_code: Option<String>,
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
    /// Unit of `quantity` as declared (`unit`, `kg`, `l`, `bottle`, ...).
    #[serde(default)]
    pub unit: Option<String>,
    /// Shipment date `YYYY[-MM[-DD]]`.
    #[serde(default)]
    pub date: Option<String>,
    /// A second description of the same goods (e.g. the declared model on
    /// the customs entry) compared with `description` for evasion signals.
    #[serde(default)]
    pub declared_description: Option<String>,
}

/// Where the HS code the verdicts use comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum CodeBasis {
    /// The declared code (the description did not say otherwise).
    #[serde(rename = "declared")]
    Declared,
    /// The description (no code declared, or the description overrides it).
    #[serde(rename = "description")]
    Description,
    /// Declared code and description agree.
    #[serde(rename = "declared+description")]
    DeclaredAndDescription,
    /// Neither: the goods are unclassified.
    #[serde(rename = "none")]
    None,
}

impl CodeBasis {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            CodeBasis::Declared => "declared",
            CodeBasis::Description => "description",
            CodeBasis::DeclaredAndDescription => "declared+description",
            CodeBasis::None => "none",
        }
    }
}

impl std::fmt::Display for CodeBasis {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The HS code the verdicts were computed on.
#[derive(Debug, Clone, Serialize)]
pub struct HsFinding {
    /// The most precise HS 2022 code used (6, 4 or 2 digits).
    pub code: Option<String>,
    /// Its 4-digit heading.
    pub heading: Option<String>,
    /// The nomenclature text of `code`.
    pub description: Option<String>,
    /// 0..1: how sure the code is (1 for a declared code the description confirms).
    pub confidence: f64,
    /// Where the code comes from.
    pub basis: CodeBasis,
    /// Edition a declared code was read in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<Edition>,
    /// When no code could be given: the headings the description came
    /// closest to, best first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub candidates: Vec<Candidate>,
}

/// What kind of disagreement a [`Mismatch`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MismatchKind {
    /// The declared HS code and the description name different headings.
    Heading,
    /// A luxury make or model against a lesser one.
    MakeModel,
}

impl MismatchKind {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            MismatchKind::Heading => "heading",
            MismatchKind::MakeModel => "make_model",
        }
    }
}

/// Declared and described goods disagree: an evasion signal.
#[derive(Debug, Clone, Serialize)]
pub struct Mismatch {
    /// Which disagreement.
    pub kind: MismatchKind,
    /// What the declaration says (a code or a make/model).
    pub declared: String,
    /// What the description says.
    pub described: String,
    /// The disagreement in words.
    pub detail: String,
}

/// The full report for one line.
#[derive(Debug, Clone, Serialize)]
pub struct GoodsReport {
    /// The HS code the verdicts rest on.
    pub hs: HsFinding,
    /// One verdict per jurisdiction, in [`JURISDICTIONS`] order.
    pub verdicts: Vec<Verdict>,
    /// Notes for the reader: HS 2017 mappings, evasion signals, unclassified goods.
    pub warnings: Vec<String>,
    /// The goods read as luxury (brand, model, word or category).
    pub luxury: bool,
    /// Category tags the control rules match on.
    pub categories: Vec<String>,
    /// Declared and described goods disagree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mismatch: Option<Mismatch>,
    /// Unit value in USD at the bundled reference rate, when a value was given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_value_usd: Option<f64>,
    /// How the unit value was converted (rate, year, source, check status).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit_value_basis: Option<String>,
    /// What the classifier read in the description.
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

/// Confidence above which the description overrides a disagreeing declared
/// code (see [`crate::MIN_CONFIDENCE`] for the scale): the verdicts then
/// rest on the description, and the disagreement is an evasion signal.
pub const OVERRIDE_CONFIDENCE: f64 = 0.5;

/// The line's checked facts before classification.
struct Validated {
    destination: String,
    origin: Option<String>,
    date: Option<PartialDate>,
    unit_usd: Option<f64>,
    fx_note: Option<String>,
}

fn validate(s: &GoodsScreener, line: &GoodsLine) -> Result<Validated, GoodsError> {
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
    let (unit_usd, fx_note) = unit_value(s, line)?;
    Ok(Validated {
        destination,
        origin,
        date,
        unit_usd,
        fx_note,
    })
}

/// Unit value in USD at the reference rate, with how it was converted.
fn unit_value(
    s: &GoodsScreener,
    line: &GoodsLine,
) -> Result<(Option<f64>, Option<String>), GoodsError> {
    let quantity = line.quantity.unwrap_or(1.0);
    if !(quantity.is_finite() && quantity > 0.0) {
        return Err(GoodsError::field(
            "quantity",
            quantity.to_string(),
            "must be a positive number",
        ));
    }
    let Some(v) = line.value else {
        if let Some(c) = line.currency.as_deref().filter(|c| !c.trim().is_empty()) {
            s.fx.to_usd(0.0, c)?;
        }
        return Ok((None, None));
    };
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
    Ok((Some(usd), Some(note)))
}

pub(crate) fn assess(s: &GoodsScreener, line: &GoodsLine) -> Result<GoodsReport, GoodsError> {
    let v = validate(s, line)?;
    let declared: Option<ResolvedHs> = match line.hs_code.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(h) => Some(s.nomenclature.resolve(h, v.date.as_ref())?),
    };
    let mut warnings: Vec<String> = declared.iter().filter_map(|d| d.note.clone()).collect();
    let cls = s.classify(&line.description);
    let (hs, mismatch, codes) = decide_hs(s, declared.as_ref(), &cls, &mut warnings);
    let mismatch =
        mismatch.or_else(|| make_mismatch(s, &cls, line.declared_description.as_deref()));
    if let Some(m) = &mismatch {
        warnings.push(format!("evasion signal: {}", m.detail));
    }
    if hs.code.is_none() {
        warnings.push(unclassified_warning(&cls));
    }
    let (categories, luxury) = line_categories(s, &cls, &hs, &codes);
    let facts = Facts {
        codes,
        categories: &categories,
        luxury,
        classified: hs.code.is_some(),
        destination: v.destination,
        origin: v.origin,
        unit_usd: v.unit_usd,
        fx_note: v.fx_note,
        date: v.date,
    };
    let verdicts = match hs.code {
        None if !cls.candidates.is_empty() => verdicts_over_candidates(s, &cls, &facts),
        _ => JURISDICTIONS
            .iter()
            .map(|j| verdict(s, j, &facts))
            .collect(),
    };
    let (unit_value_usd, unit_value_basis) = (facts.unit_usd, facts.fx_note.clone());
    Ok(GoodsReport {
        hs,
        verdicts,
        warnings,
        luxury,
        categories,
        mismatch,
        unit_value_usd,
        unit_value_basis,
        classification: cls,
    })
}

/// Verdicts for goods that no heading reached with confidence: every
/// candidate heading is screened. Where all candidates give one status the
/// verdict is firm even though the heading is not; where they disagree the
/// strictest stands and the reason asks for review, naming each candidate's
/// status.
fn verdicts_over_candidates(
    s: &GoodsScreener,
    cls: &Classification,
    f: &Facts<'_>,
) -> Vec<Verdict> {
    let per_candidate: Vec<(&str, Vec<Verdict>)> = cls
        .candidates
        .iter()
        .map(|c| {
            let (cats, inherent) = s.vocab.categories_of(&c.code);
            let categories: Vec<String> = f
                .categories
                .iter()
                .cloned()
                .chain(cats.iter().map(|c| c.to_string()))
                .collect();
            let cf = Facts {
                codes: vec![c.code.clone()],
                categories: &categories,
                luxury: f.luxury || inherent,
                classified: true,
                destination: f.destination.clone(),
                origin: f.origin.clone(),
                unit_usd: f.unit_usd,
                fx_note: f.fx_note.clone(),
                date: f.date,
            };
            let v = JURISDICTIONS.iter().map(|j| verdict(s, j, &cf)).collect();
            (c.code.as_str(), v)
        })
        .collect();
    (0..JURISDICTIONS.len())
        .filter_map(|k| {
            let each: Vec<(&str, &Verdict)> = per_candidate
                .iter()
                .filter_map(|(code, v)| v.get(k).map(|v| (*code, v)))
                .collect();
            settle(&each)
        })
        .collect()
}

/// One verdict from the candidates' verdicts of one jurisdiction: the
/// strictest, with a reason that says whether the candidates agree.
fn settle(each: &[(&str, &Verdict)]) -> Option<Verdict> {
    let (_, strictest) = each.iter().max_by_key(|(_, v)| v.status.rank())?;
    let agree = each.iter().all(|(_, v)| v.status == strictest.status);
    let list: Vec<String> = each
        .iter()
        .map(|(code, v)| format!("{code}: {}", v.status.as_str()))
        .collect();
    let mut v = (*strictest).clone();
    v.reason = if agree {
        format!(
            "no heading is certain, but every candidate heading gives this verdict ({}); {}",
            list.join(", "),
            v.reason
        )
    } else {
        format!(
            "review: no heading is certain and the candidate headings disagree ({}); the strictest is shown; {}",
            list.join(", "),
            v.reason
        )
    };
    Some(v)
}

fn unclassified_warning(cls: &Classification) -> String {
    let mut w = "the goods could not be classified: give an HS code or a more precise description"
        .to_string();
    if !cls.candidates.is_empty() {
        let c: Vec<String> = cls
            .candidates
            .iter()
            .map(|c| {
                format!(
                    "{} ({})",
                    c.code,
                    c.description.as_deref().unwrap_or("heading")
                )
            })
            .collect();
        w.push_str(&format!("; candidates: {}", c.join("; ")));
    }
    w
}

/// The description's categories, plus those of a declared code the verdict
/// rests on (2208 → spirits); luxury when either says so.
fn line_categories(
    s: &GoodsScreener,
    cls: &Classification,
    hs: &HsFinding,
    codes: &[String],
) -> (Vec<String>, bool) {
    let mut categories = cls.categories.clone();
    let mut luxury = cls.luxury;
    for c in codes {
        let (cats, inherent) = s.vocab.categories_of(c);
        luxury |= inherent && hs.basis != CodeBasis::Description;
        for cat in cats {
            if !categories.iter().any(|x| x == cat) {
                categories.push(cat.to_string());
            }
        }
    }
    (categories, luxury)
}

fn finding(
    code: Option<String>,
    heading: Option<String>,
    description: Option<String>,
    confidence: f64,
    basis: CodeBasis,
    declared: Option<&ResolvedHs>,
) -> HsFinding {
    HsFinding {
        code,
        heading,
        description,
        confidence,
        basis,
        edition: declared.map(|d| d.edition),
        candidates: Vec::new(),
    }
}

/// Chooses the code the verdicts rest on. The description decides when it
/// disagrees with the declared code at heading level with at least
/// [`OVERRIDE_CONFIDENCE`]: the verdicts rest on it and the mismatch names
/// both codes. A weaker disagreement keeps the declared code, with a warning.
fn decide_hs(
    s: &GoodsScreener,
    declared: Option<&ResolvedHs>,
    cls: &Classification,
    warnings: &mut Vec<String>,
) -> (HsFinding, Option<Mismatch>, Vec<String>) {
    let described = cls.code().map(str::to_string);
    let desc_of = |code: &str| s.nomenclature.get(code).map(|e| e.description.clone());
    let from_description = |code: String| {
        finding(
            Some(code),
            cls.heading.clone(),
            cls.description.clone(),
            cls.confidence,
            CodeBasis::Description,
            declared,
        )
    };
    match (declared, described) {
        (None, None) => {
            let mut f = finding(None, None, None, cls.confidence, CodeBasis::None, None);
            f.candidates = cls.candidates.clone();
            (f, None, Vec::new())
        }
        (None, Some(code)) => (from_description(code.clone()), None, vec![code]),
        (Some(d), None) => (
            finding(
                Some(d.code.clone()),
                d.heading.clone(),
                desc_of(&d.code),
                1.0,
                CodeBasis::Declared,
                declared,
            ),
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
                    code
                };
                let f = finding(
                    Some(best.clone()),
                    d.heading.clone(),
                    desc_of(&best),
                    1.0,
                    CodeBasis::DeclaredAndDescription,
                    declared,
                );
                return (f, None, vec![best]);
            }
            let detail = format!(
                "declared HS {} but the description reads as {} ({}; words: {})",
                d.code,
                code,
                cls.description.as_deref().unwrap_or("?"),
                cls.decisive.join(", ")
            );
            if cls.confidence >= OVERRIDE_CONFIDENCE {
                let m = Mismatch {
                    kind: MismatchKind::Heading,
                    declared: d.code.clone(),
                    described: code.clone(),
                    detail,
                };
                return (from_description(code.clone()), Some(m), vec![code]);
            }
            warnings.push(format!(
                "{detail}; the description is not clear enough (confidence {:.2} < {OVERRIDE_CONFIDENCE}) to override the declaration",
                cls.confidence
            ));
            let f = finding(
                Some(d.code.clone()),
                d.heading.clone(),
                desc_of(&d.code),
                1.0 - cls.confidence,
                CodeBasis::Declared,
                declared,
            );
            (f, None, vec![d.code.clone()])
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
        kind: MismatchKind::MakeModel,
        declared: lesser.term.clone(),
        described: lux.term.clone(),
        detail: format!(
            "luxury make/model '{}' appears with the lesser '{}': goods may be declared under another model",
            lux.term, lesser.term
        ),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;
    use crate::verdict::Status;

    fn v(status: Status) -> Verdict {
        Verdict {
            jurisdiction: "UN".into(),
            status,
            rule: None,
            instrument: None,
            provision: None,
            verified: None,
            reason: "r".into(),
            also: Vec::new(),
            hs_code: None,
            humanitarian: None,
        }
    }

    #[test]
    fn candidates_that_agree_give_a_firm_verdict() {
        let (a, b) = (v(Status::NotControlled), v(Status::NotControlled));
        let s = settle(&[("1006", &a), ("1904", &b)]).unwrap();
        assert_eq!(s.status, Status::NotControlled);
        assert!(s
            .reason
            .starts_with("no heading is certain, but every candidate"));
    }

    #[test]
    fn candidates_that_disagree_give_the_strictest_for_review() {
        let (a, b) = (v(Status::NotControlled), v(Status::Prohibited));
        let s = settle(&[("8516", &a), ("8418", &b)]).unwrap();
        assert_eq!(s.status, Status::Prohibited);
        assert!(s.reason.starts_with("review:"), "{}", s.reason);
        assert!(s.reason.contains("8516: not_controlled"));
        assert!(settle(&[]).is_none());
    }
}
