//! Screening configuration: decision cut-offs, severity weights, rule
//! parameters, role thresholds and the rule table with citations, read from
//! `data/reference/screen/rules.toml` (embedded) or a caller's TOML file.

use crate::decision::Severity;
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
}

/// One rule's identity, default severity, statement and citations.
#[derive(Debug, Clone, Deserialize)]
pub struct RuleSpec {
    pub id: String,
    pub severity: Severity,
    pub statement: String,
    pub citations: Vec<String>,
}

#[derive(Deserialize)]
struct RawConfig {
    decision: DecisionConfig,
    weights: Weights,
    parameters: Parameters,
    role_thresholds: HashMap<String, f64>,
    rule: Vec<RuleSpec>,
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
    rules: HashMap<String, RuleSpec>,
}

/// Rule ids the code implements; the rules file must describe each one.
pub const RULE_IDS: [&str; 19] = [
    "party.listed",
    "vessel.listed",
    "goods.prohibited",
    "goods.licence_required",
    "destination.sanctioned",
    "destination.mismatch",
    "consignee.dprk_mission",
    "route.transshipment_chain",
    "route.circuitous",
    "route.disconnected",
    "route.declared_port_not_reached",
    "route.dark_period",
    "vessel.renamed",
    "vessel.flag_of_convenience",
    "carrier.dprk",
    "goods.luxury_gift",
    "goods.undervalued",
    "payer.third_country",
    "consignee.secrecy_jurisdiction",
];

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
        let rules: HashMap<String, RuleSpec> =
            raw.rule.into_iter().map(|r| (r.id.clone(), r)).collect();
        for id in RULE_IDS {
            if !rules.contains_key(id) {
                return Err(ConfigError::Invalid(format!("no [[rule]] with id {id:?}")));
            }
        }
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
        })
    }

    /// Minimum match score for a party in `role`.
    pub fn role_threshold(&self, role: Role) -> f64 {
        self.role_thresholds.get(&role).copied().unwrap_or(0.8)
    }

    /// The spec of rule `id` (every id in [`RULE_IDS`] is present).
    pub fn rule(&self, id: &str) -> Option<&RuleSpec> {
        self.rules.get(id)
    }

    /// All rule specs, sorted by id.
    pub fn rules(&self) -> Vec<&RuleSpec> {
        let mut v: Vec<&RuleSpec> = self.rules.values().collect();
        v.sort_by(|a, b| a.id.cmp(&b.id));
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
