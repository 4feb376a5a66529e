//! Screening configuration: decision cut-offs, severity weights, rule
//! parameters, role thresholds and the rule table with citations, read from
//! `data/reference/screen/rules.toml` (embedded) or a caller's TOML file.

use crate::decision::Severity;
use crate::jurisdiction::{Jurisdiction, Scope};
use crate::rule_id::RuleId;
use crate::shipment::Role;
use crate::text::{phrases, Phrase};
use interdict_assets::Watchlist;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::Arc;

const DEFAULT_RULES: &str = include_str!("../../../data/reference/screen/rules.toml");

/// A rules file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file is not TOML of the expected shape.
    #[error("rules file is not valid TOML for the screening configuration: {0}")]
    Toml(#[from] toml::de::Error),
    /// The file parses but cannot be used as it stands; the message says why.
    #[error("rules file: {0}")]
    Invalid(String),
}

impl interdict_model::Coded for ConfigError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            ConfigError::Toml(_) => ErrorCode::ScreenRulesMalformed,
            ConfigError::Invalid(_) => ErrorCode::ScreenRulesMalformed,
        }
    }
}

/// Cut-offs of the decision.
#[derive(Debug, Clone, Deserialize)]
pub struct DecisionConfig {
    /// Score from which a shipment is reviewed.
    pub review_score: f64,
    /// Score from which a shipment is blocked.
    pub block_score: f64,
}

/// Noisy-OR weight of each severity.
#[derive(Debug, Clone, Deserialize)]
pub struct Weights {
    /// Weight of an `info` flag.
    pub info: f64,
    /// Weight of a `low` flag.
    pub low: f64,
    /// Weight of a `medium` flag.
    pub medium: f64,
    /// Weight of a `high` flag.
    pub high: f64,
    /// Weight of a `critical` flag (a critical flag blocks in any case).
    pub critical: f64,
}

/// Rule parameters (see the comments in `rules.toml`).
#[derive(Debug, Clone, Deserialize)]
pub struct Parameters {
    /// Match score from which a listed party is critical, not high.
    pub party_critical_score: f64,
    /// How many intermediate stops (one at least a DPRK-exposed hub) make a chain.
    pub transshipment_min: usize,
    /// Travelled ÷ direct distance above which a route is circuitous.
    pub circuitous_ratio: f64,
    /// Length of a tracking gap, in days, from which it counts.
    pub dark_period_days: i64,
    /// Days before departure within which a change of name or flag counts.
    pub rename_window_days: i64,
    /// Declared ÷ reference unit value below which a line is undervalued.
    pub undervalue_ratio: f64,
    /// Days a leg may leave before the previous one arrives (dates as declared are rough).
    pub connection_slack_days: i64,
    /// Jurisdictions whose goods law always reaches a shipment (`un`).
    pub always_jurisdictions: Vec<String>,
    /// EU member states, ISO alpha-2: their nexus counts as `eu`.
    pub eu_members: Vec<String>,
    /// Words that name the DPRK in a name or address.
    pub dprk_terms: Vec<String>,
    /// Words that name a diplomatic mission.
    pub mission_terms: Vec<String>,
    /// Words that name a diplomat in a position.
    pub diplomat_terms: Vec<String>,
    /// Destinations under a comprehensive embargo, ISO alpha-2.
    pub sanctioned_destinations: Vec<String>,
    /// Severity of a DPRK mission receiving goods that are neither luxury
    /// nor blocked by the jurisdiction's law (a red flag, not a prohibition).
    pub mission_ordinary_goods: Severity,
    /// Highest severity of a hit on a list whose law is not the evaluated
    /// jurisdiction's (a red flag there, not its prohibition).
    pub foreign_list_cap: Severity,
    /// HS headings of vehicles that carry a VIN (4 digits).
    pub vehicle_headings: Vec<String>,
}

/// One rule's identity, default severity, statement and citations.
#[derive(Debug, Clone)]
pub struct RuleSpec {
    /// The rule.
    pub id: RuleId,
    /// Its default severity.
    pub severity: Severity,
    /// What it checks, in one sentence.
    pub statement: String,
    /// The instruments and guidance it rests on.
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
    /// The `dprk_terms` as phrases.
    pub dprk: Vec<Phrase>,
    /// The `mission_terms` as phrases.
    pub mission: Vec<Phrase>,
    /// The `diplomat_terms` as phrases.
    pub diplomat: Vec<Phrase>,
}

/// The whole configuration.
#[derive(Debug, Clone)]
pub struct ScreenConfig {
    /// The term lists, split into words.
    pub terms: Terms,
    /// The decision's cut-offs.
    pub decision: DecisionConfig,
    /// The weight of each severity.
    pub weights: Weights,
    /// The rules' parameters.
    pub parameters: Parameters,
    role_thresholds: HashMap<Role, f64>,
    /// Threshold for a vessel's IMO hit.
    pub vessel_threshold: f64,
    rules: HashMap<RuleId, RuleSpec>,
    /// Whose law the user screens under (default: all, strictest wins).
    pub scope: Scope,
    /// Assets of interest (shared: the configuration is cloned per batch).
    pub watched_assets: Arc<Watchlist>,
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
            watched_assets: Arc::default(),
        })
    }

    /// The same configuration screening under `scope`.
    pub fn with_scope(mut self, scope: Scope) -> ScreenConfig {
        self.scope = scope;
        self
    }

    /// The same configuration watching `assets`.
    pub fn with_watched_assets(mut self, assets: Watchlist) -> ScreenConfig {
        self.watched_assets = Arc::new(assets);
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

    /// The noisy-OR weight of a severity.
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

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::{Coded, ErrorCode};

    #[test]
    fn every_error_has_its_code() {
        let toml = ScreenConfig::from_toml("= not toml").expect_err("not TOML");
        assert!(matches!(toml, ConfigError::Toml(_)), "{toml}");
        assert_eq!(toml.code(), ErrorCode::ScreenRulesMalformed);
        let invalid = ConfigError::Invalid("x".into());
        assert_eq!(invalid.code(), ErrorCode::ScreenRulesMalformed);
    }
}
