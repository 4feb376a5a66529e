//! Screening configuration: decision cut-offs, severity weights, rule
//! parameters, role thresholds and the rule table with citations, read from
//! `data/reference/screen/rules.toml` (embedded) or a caller's TOML file.

use crate::decision::Severity;
use crate::jurisdiction::{Jurisdiction, Scope};
use crate::rule_id::RuleId;
use crate::shipment::Role;
use crate::text::{phrases, Phrase};
use serde::Deserialize;
use std::collections::HashMap;

const DEFAULT_RULES: &str = include_str!("../../../data/reference/screen/rules.toml");

/// A rules file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("rules file is not valid TOML for the screening configuration: {0}")]
    Toml(#[from] toml::de::Error),
    #[error("rules file: {0}")]
    Invalid(String),
}

/// Cut-offs of the decision.
#[derive(Debug, Clone, Deserialize)]
pub struct DecisionConfig {
    pub review_score: f64,
    pub block_score: f64,
}

/// Noisy-OR weight of each severity.
#[derive(Debug, Clone, Deserialize)]
pub struct Weights {
    pub info: f64,
    pub low: f64,
    pub medium: f64,
    pub high: f64,
    pub critical: f64,
}

/// Rule parameters (see the comments in `rules.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct Parameters {
    pub party_critical_score: f64,
    pub transshipment_min: usize,
    pub circuitous_ratio: f64,
    pub dark_period_days: i64,
    pub rename_window_days: i64,
    pub undervalue_ratio: f64,
    pub connection_slack_days: i64,
    pub always_jurisdictions: Vec<String>,
    pub eu_members: Vec<String>,
    pub dprk_terms: Vec<String>,
    pub mission_terms: Vec<String>,
    pub diplomat_terms: Vec<String>,
    pub sanctioned_destinations: Vec<String>,
    /// Severity of a DPRK mission receiving goods that are neither luxury
    /// nor blocked by the jurisdiction's law (a red flag, not a prohibition).
    pub mission_ordinary_goods: Severity,
    /// Highest severity of a hit on a list whose law is not the evaluated
    /// jurisdiction's (a red flag there, not its prohibition).
    pub foreign_list_cap: Severity,
}

/// One rule's identity, default severity, statement and citations.
#[derive(Debug, Clone)]
pub struct RuleSpec {
    pub id: RuleId,
    pub severity: Severity,
    pub statement: String,
    pub citations: Vec<String>,
}

/// A `[[rule]]` as written, its id not yet checked against [`RuleId`].
#[derive(Deserialize)]
struct RawRule {
    id: String,
    severity: Severity,
    statement: String,
    citations: Vec<String>,
}

#[derive(Deserialize)]
struct RawConfig {
    decision: DecisionConfig,
    weights: Weights,
    parameters: Parameters,
    role_thresholds: HashMap<String, f64>,
    rule: Vec<RawRule>,
}

/// Every implemented rule described once, and nothing else.
fn rule_table(raw: Vec<RawRule>) -> Result<HashMap<RuleId, RuleSpec>, ConfigError> {
    let missing = RuleId::ALL
        .iter()
        .find(|id| !raw.iter().any(|r| r.id == id.as_str()));
    if let Some(id) = missing {
        return Err(ConfigError::Invalid(format!(
            "no [[rule]] with id {:?}",
            id.as_str()
        )));
    }
    let mut rules = HashMap::new();
    for r in raw {
        let id = RuleId::parse(&r.id).ok_or_else(|| {
            ConfigError::Invalid(format!(
                "[[rule]] id {:?} is not a rule of this build",
                r.id
            ))
        })?;
        let spec = RuleSpec {
            id,
            severity: r.severity,
            statement: r.statement,
            citations: r.citations,
        };
        if rules.insert(id, spec).is_some() {
            return Err(ConfigError::Invalid(format!(
                "two [[rule]] with id {:?}",
                r.id
            )));
        }
    }
    Ok(rules)
}

/// Term lists of the parameters, split into words once.
#[derive(Debug, Clone)]
pub struct Terms {
    pub dprk: Vec<Phrase>,
    pub mission: Vec<Phrase>,
    pub diplomat: Vec<Phrase>,
}

/// The whole configuration.
#[derive(Debug, Clone)]
pub struct ScreenConfig {
    pub terms: Terms,
    pub decision: DecisionConfig,
    pub weights: Weights,
    pub parameters: Parameters,
    role_thresholds: HashMap<Role, f64>,
    /// Threshold for a vessel's IMO hit.
    pub vessel_threshold: f64,
    rules: HashMap<RuleId, RuleSpec>,
    /// Whose law the user screens under (default: all, strictest wins).
    pub scope: Scope,
}

impl ScreenConfig {
    /// Parses a rules file; every implemented rule and every role must be present.
    pub fn from_toml(text: &str) -> Result<ScreenConfig, ConfigError> {
        let raw: RawConfig = toml::from_str(text)?;
        let mut role_thresholds = HashMap::new();
        for role in Role::ALL {
            let t = raw.role_thresholds.get(role.as_str()).ok_or_else(|| {
                ConfigError::Invalid(format!("role_thresholds has no entry for {role}"))
            })?;
            role_thresholds.insert(role, *t);
        }
        let vessel_threshold = raw.role_thresholds.get("vessel").copied().unwrap_or(0.9);
        let rules = rule_table(raw.rule)?;
        if raw.decision.review_score >= raw.decision.block_score
            || raw.decision.review_score.is_nan()
        {
            return Err(ConfigError::Invalid(
                "decision.review_score must be below decision.block_score".into(),
            ));
        }
        Ok(ScreenConfig {
            terms: Terms {
                dprk: phrases(&raw.parameters.dprk_terms),
                mission: phrases(&raw.parameters.mission_terms),
                diplomat: phrases(&raw.parameters.diplomat_terms),
            },
            decision: raw.decision,
            weights: raw.weights,
            parameters: raw.parameters,
            role_thresholds,
            vessel_threshold,
            rules,
            scope: Scope::All,
        })
    }

    /// The same configuration screening under `scope`.
    pub fn with_scope(mut self, scope: Scope) -> ScreenConfig {
        self.scope = scope;
        self
    }

    /// The jurisdictions evaluated under the scope.
    pub fn jurisdictions(&self) -> Vec<Jurisdiction> {
        self.scope.jurisdictions()
    }

    /// Minimum match score for a party in `role`.
    pub fn role_threshold(&self, role: Role) -> f64 {
        self.role_thresholds.get(&role).copied().unwrap_or(0.8)
    }

    /// The spec of rule `id` (every [`RuleId`] has one: `from_toml` checks).
    pub fn rule(&self, id: RuleId) -> Option<&RuleSpec> {
        self.rules.get(&id)
    }

    /// All rule specs, sorted by id.
    pub fn rules(&self) -> Vec<&RuleSpec> {
        let mut v: Vec<&RuleSpec> = self.rules.values().collect();
        v.sort_by(|a, b| a.id.as_str().cmp(b.id.as_str()));
        v
    }

    pub fn weight(&self, s: Severity) -> f64 {
        match s {
            Severity::Info => self.weights.info,
            Severity::Low => self.weights.low,
            Severity::Medium => self.weights.medium,
            Severity::High => self.weights.high,
            Severity::Critical => self.weights.critical,
        }
    }
}

impl Default for ScreenConfig {
    /// The bundled `rules.toml` (checked by the tests).
    fn default() -> Self {
        match ScreenConfig::from_toml(DEFAULT_RULES) {
            Ok(c) => c,
            // The bundled file is compiled in and tested; failing here is a build defect.
            Err(e) => panic!("bundled rules.toml is invalid: {e}"),
        }
    }
}
