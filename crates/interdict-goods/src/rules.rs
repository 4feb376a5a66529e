//! DPRK control rules as data (data/controls/dprk_controls.csv): one row per
//! measure with its instrument, provision, HS coverage, categories, value
//! threshold, direction, dates and verification status. Owns loading and the
//! per-rule match test; choosing the verdict per jurisdiction is `assess`.

use crate::error::GoodsError;
use interdict_model::PartialDate;
use serde::Serialize;

const CONTROLS_CSV: &str = include_str!("../../../data/controls/dprk_controls.csv");
const HUMANITARIAN_CSV: &str = include_str!("../../../data/controls/humanitarian.csv");
const FILE: &str = "data/controls/dprk_controls.csv";

/// The jurisdictions the rules cover, in report order.
pub const JURISDICTIONS: [&str; 6] = ["UN", "EU", "UK", "US", "JP", "KR"];

/// Which way the goods move relative to the DPRK.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Supply, sale or transfer to the DPRK.
    ExportToKp,
    /// Procurement from the DPRK.
    ImportFromKp,
    /// Both directions.
    Both,
}

/// What a matching rule does to the goods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// The rule forbids the goods.
    Prohibited,
    /// The goods need a licence.
    LicenceRequired,
    /// An aggregate cap (petroleum): cannot be decided per line.
    Cap,
    /// Superseded or kept as vocabulary only: never screened.
    Inactive,
}

/// One HS coverage item of a rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum HsPattern {
    /// Chapters `from..=to` ("72-83"; "01-97" is every good).
    Chapters {
        /// First chapter.
        from: u8,
        /// Last chapter.
        to: u8,
    },
    /// A chapter, heading or subheading prefix; `partial` for "ex" codes
    /// (only part of the code is covered).
    Prefix {
        /// The digits.
        code: String,
        /// Only part of the code is covered.
        partial: bool,
    },
}

impl HsPattern {
    fn parse(s: &str, row: usize) -> Result<HsPattern, GoodsError> {
        let s = s.trim();
        if let Some((a, b)) = s.split_once('-') {
            let p = |x: &str| {
                x.trim()
                    .parse::<u8>()
                    .map_err(|_| GoodsError::data(FILE, row, format!("bad chapter range {s:?}")))
            };
            return Ok(HsPattern::Chapters {
                from: p(a)?,
                to: p(b)?,
            });
        }
        let (code, partial) = match s.strip_prefix("ex ") {
            Some(c) => (c.trim(), true),
            None => (s, false),
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) || code.len() % 2 == 1 {
            return Err(GoodsError::data(FILE, row, format!("bad HS pattern {s:?}")));
        }
        Ok(HsPattern::Prefix {
            code: code.to_string(),
            partial,
        })
    }

    /// True when the pattern covers every good (chapters 01–97).
    pub fn is_all_goods(&self) -> bool {
        matches!(
            self,
            HsPattern::Chapters {
                from: 0..=1,
                to: 97..
            }
        )
    }

    /// `Some(partial)` when `code` (2–6 digits) falls under the pattern.
    pub fn covers(&self, code: &str) -> Option<bool> {
        match self {
            HsPattern::Chapters { from, to } => {
                let ch: u8 = code.get(..2)?.parse().ok()?;
                (*from..=*to).contains(&ch).then_some(false)
            }
            HsPattern::Prefix { code: p, partial } => {
                (code.len() >= p.len() && code.starts_with(p.as_str())).then_some(*partial)
            }
        }
    }
}

/// How far a rule's wording was checked (column `status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    /// Codes or threshold not confirmed in any text read: provisional.
    Unverified,
    /// From a reliable secondary source (committee summaries, fact sheets, quotations).
    Secondary,
    /// Read in the legal text itself or a faithful copy.
    Verified,
}

impl Verification {
    fn parse(s: &str) -> Option<Verification> {
        Some(match s {
            "verified" => Verification::Verified,
            "secondary" => Verification::Secondary,
            "unverified" => Verification::Unverified,
            _ => return None,
        })
    }

    /// The name used in the data file and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verification::Verified => "verified",
            Verification::Secondary => "secondary",
            Verification::Unverified => "unverified",
        }
    }
}

impl std::fmt::Display for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Where a rule's HS coverage (`match_hs`) comes from (column `hs_basis`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HsBasis {
    /// The text, or a faithful quotation of it, states the codes.
    Instrument,
    /// Codes as commonly quoted; the text itself was not read.
    InstrumentUnverified,
    /// Our reading of a category the instrument names.
    Interpretation,
    /// The rule matches on categories only.
    None,
}

impl HsBasis {
    fn parse(s: &str) -> Option<HsBasis> {
        Some(match s {
            "instrument" => HsBasis::Instrument,
            "instrument_unverified" => HsBasis::InstrumentUnverified,
            "interpretation" => HsBasis::Interpretation,
            "none" | "" => HsBasis::None,
            _ => return None,
        })
    }

    /// How a verdict reason words this basis.
    pub fn describe(self) -> &'static str {
        match self {
            HsBasis::Instrument => "HS coverage stated by the instrument",
            HsBasis::InstrumentUnverified => {
                "HS coverage as commonly quoted, not read in the instrument"
            }
            HsBasis::Interpretation | HsBasis::None => "HS coverage is our reading of the category",
        }
    }
}

/// One control rule.
#[derive(Debug, Clone, Serialize)]
pub struct Rule {
    /// Stable id, `<jurisdiction>-<nnn>`.
    pub id: String,
    /// `UN`, `EU`, `UK`, `US`, `JP` or `KR`.
    pub jurisdiction: String,
    /// The resolution, regulation or measure.
    pub instrument: String,
    /// Its operative paragraph, article or annex item.
    pub provision: String,
    /// The goods or measure, in words.
    pub category: String,
    /// HS codes as the instrument states them (often empty).
    pub hs_codes: String,
    /// HS coverage used for screening.
    pub match_hs: Vec<HsPattern>,
    /// Where `match_hs` comes from.
    pub hs_basis: HsBasis,
    /// Category tags the rule matches on.
    pub match_categories: Vec<String>,
    /// The category matches only goods that read as luxury.
    pub requires_luxury: bool,
    /// Categories the rule exempts (food, medicine).
    pub except_categories: Vec<String>,
    /// The threshold as the source words it.
    pub value_threshold: String,
    /// Unit-value floor: the rule applies above it.
    pub threshold: Option<(f64, String)>,
    /// What a match does.
    pub effect: Effect,
    /// Which way the goods move.
    pub direction: Direction,
    /// First day the rule applies.
    pub effective_from: Option<PartialDate>,
    /// Day the rule stops applying.
    pub effective_until: Option<PartialDate>,
    /// How far the row was checked (column `status`).
    #[serde(rename = "status")]
    pub verification: Verification,
    /// What was read, and what the mapping adds.
    pub verification_note: String,
    /// The page the row was checked against.
    pub source_url: String,
}

fn list(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

fn date(s: &str, row: usize, col: &str) -> Result<Option<PartialDate>, GoodsError> {
    if s.trim().is_empty() {
        return Ok(None);
    }
    s.parse()
        .map(Some)
        .map_err(|e| GoodsError::data(FILE, row, format!("{col}: {e}")))
}

fn parse_effect(s: &str, row: usize) -> Result<Effect, GoodsError> {
    Ok(match s {
        "prohibited" => Effect::Prohibited,
        "licence_required" => Effect::LicenceRequired,
        "cap" => Effect::Cap,
        "superseded" | "reference" => Effect::Inactive,
        other => {
            return Err(GoodsError::data(
                FILE,
                row,
                format!("unknown effect {other:?}"),
            ))
        }
    })
}

fn parse_direction(s: &str, row: usize) -> Result<Direction, GoodsError> {
    Ok(match s {
        "export_to_kp" => Direction::ExportToKp,
        "import_from_kp" => Direction::ImportFromKp,
        "both" => Direction::Both,
        other => {
            return Err(GoodsError::data(
                FILE,
                row,
                format!("unknown direction {other:?}"),
            ))
        }
    })
}

/// Loads the bundled rule table.
pub fn bundled_rules() -> Result<Vec<Rule>, GoodsError> {
    let mut rdr = csv::Reader::from_reader(CONTROLS_CSV.as_bytes());
    let headers = rdr
        .headers()
        .map_err(|e| GoodsError::data(FILE, 0, e.to_string()))?
        .clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let mut idx = std::collections::HashMap::new();
    for name in [
        "rule_id",
        "jurisdiction",
        "instrument",
        "provision",
        "category",
        "hs_codes",
        "match_hs",
        "hs_basis",
        "match_categories",
        "requires_luxury",
        "except_categories",
        "value_threshold",
        "threshold_amount",
        "threshold_currency",
        "effect",
        "direction",
        "effective_from",
        "effective_until",
        "status",
        "verification_note",
        "source_url",
    ] {
        let i =
            col(name).ok_or_else(|| GoodsError::data(FILE, 0, format!("missing column {name}")))?;
        idx.insert(name, i);
    }
    let mut rules = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| GoodsError::data(FILE, row, e.to_string()))?;
        let get = |name: &str| idx.get(name).and_then(|&c| rec.get(c)).unwrap_or_default();
        let effect = parse_effect(get("effect"), row)?;
        let direction = parse_direction(get("direction"), row)?;
        let verification = Verification::parse(get("status")).ok_or_else(|| {
            GoodsError::data(FILE, row, format!("unknown status {:?}", get("status")))
        })?;
        let hs_basis = HsBasis::parse(get("hs_basis")).ok_or_else(|| {
            GoodsError::data(FILE, row, format!("unknown hs_basis {:?}", get("hs_basis")))
        })?;
        let threshold = match get("threshold_amount") {
            "" => None,
            a => {
                let amount: f64 = a
                    .parse()
                    .map_err(|_| GoodsError::data(FILE, row, format!("bad threshold {a:?}")))?;
                Some((amount, get("threshold_currency").to_string()))
            }
        };
        let match_hs = list(get("match_hs"))
            .iter()
            .map(|p| HsPattern::parse(p, row))
            .collect::<Result<Vec<_>, _>>()?;
        rules.push(Rule {
            id: get("rule_id").to_string(),
            jurisdiction: get("jurisdiction").to_string(),
            instrument: get("instrument").to_string(),
            provision: get("provision").to_string(),
            category: get("category").to_string(),
            hs_codes: get("hs_codes").to_string(),
            match_hs,
            hs_basis,
            match_categories: list(get("match_categories")),
            requires_luxury: get("requires_luxury") == "1",
            except_categories: list(get("except_categories")),
            value_threshold: get("value_threshold").to_string(),
            threshold,
            effect,
            direction,
            effective_from: date(get("effective_from"), row, "effective_from")?,
            effective_until: date(get("effective_until"), row, "effective_until")?,
            verification,
            verification_note: get("verification_note").to_string(),
            source_url: get("source_url").to_string(),
        });
    }
    Ok(rules)
}

impl Rule {
    /// True when the rule covers every good.
    pub fn all_goods(&self) -> bool {
        self.match_hs.iter().any(HsPattern::is_all_goods)
    }

    /// `Some(partial)` when any of the HS patterns covers `code`.
    pub fn covers_code(&self, code: &str) -> Option<bool> {
        let mut best = None;
        for p in &self.match_hs {
            match p.covers(code) {
                Some(false) => return Some(false),
                Some(true) => best = Some(true),
                None => {}
            }
        }
        best
    }

    /// The first of `categories` the rule names.
    pub fn category_hit<'a>(&self, categories: &'a [String]) -> Option<&'a str> {
        categories
            .iter()
            .find(|c| self.match_categories.iter().any(|m| m == *c))
            .map(String::as_str)
    }

    /// Whether the rule is in force on a line dated `date` (a year or month
    /// counts as in force if any day of it is). Without a date, rules that
    /// have ended are out and start dates are ignored.
    pub fn in_force(&self, date: Option<&PartialDate>) -> bool {
        match date {
            None => self.effective_until.is_none(),
            Some(d) => {
                let (first, last) = day_span(d);
                let started = self
                    .effective_from
                    .as_ref()
                    .is_none_or(|f| last >= day_span(f).0);
                let ended = self
                    .effective_until
                    .as_ref()
                    .is_some_and(|u| first >= day_span(u).0);
                started && !ended
            }
        }
    }
}

/// First and last day numbers a partial date can stand for.
fn day_span(d: &PartialDate) -> (i64, i64) {
    let first = d.day_number();
    let last = match (d.month, d.day) {
        (_, Some(_)) => first,
        (Some(m), None) => {
            let next = if m == 12 {
                PartialDate {
                    year: d.year + 1,
                    month: Some(1),
                    day: None,
                }
            } else {
                PartialDate {
                    year: d.year,
                    month: Some(m + 1),
                    day: None,
                }
            };
            next.day_number() - 1
        }
        (None, None) => {
            PartialDate {
                year: d.year + 1,
                month: None,
                day: None,
            }
            .day_number()
                - 1
        }
    };
    (first, last)
}

/// A jurisdiction's humanitarian exemption or licence route for categories
/// of goods (food, medicine, medical devices, books), from
/// `data/controls/humanitarian.csv`; quoted on every verdict for such goods.
#[derive(Debug, Clone, Serialize)]
pub struct HumanitarianNote {
    /// `UN`, `EU`, `UK`, `US`, `JP` or `KR`.
    #[serde(skip)]
    pub jurisdiction: String,
    /// The categories it speaks for.
    #[serde(skip)]
    pub categories: Vec<String>,
    /// The exemption or licence route, with its instrument.
    pub note: String,
    /// How far it was checked.
    pub verified: Verification,
    /// Where it was read.
    pub source_url: String,
}

/// Loads the bundled humanitarian notes.
pub fn bundled_humanitarian() -> Result<Vec<HumanitarianNote>, GoodsError> {
    const HFILE: &str = "data/controls/humanitarian.csv";
    let mut rdr = csv::Reader::from_reader(HUMANITARIAN_CSV.as_bytes());
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let row = i + 1;
        let rec = rec.map_err(|e| GoodsError::data(HFILE, row, e.to_string()))?;
        let get = |n: usize| rec.get(n).unwrap_or_default().trim();
        let verified = Verification::parse(get(3))
            .ok_or_else(|| GoodsError::data(HFILE, row, format!("unknown status {:?}", get(3))))?;
        if !JURISDICTIONS.contains(&get(0)) {
            return Err(GoodsError::data(
                HFILE,
                row,
                format!("unknown jurisdiction {:?}", get(0)),
            ));
        }
        out.push(HumanitarianNote {
            jurisdiction: get(0).to_string(),
            categories: list(get(1)),
            note: get(2).to_string(),
            verified,
            source_url: get(4).to_string(),
        });
    }
    Ok(out)
}
