//! Decisions: the flags fired on a shipment, combined into one score and a
//! clear / review / block verdict a compliance officer can retrace.
//!
//! Formula (weights and cut-offs in `rules.toml`): each flag has a severity
//! whose weight w is in [0, 1]; `score = 1 - Π(1 - w)` (a noisy-OR: any one
//! strong flag is enough, several weak flags add up but never exceed 1).
//! `block` when any flag is critical or `score >= block_score`; `review`
//! when `score >= review_score`; otherwise `clear`.

use crate::config::ScreenConfig;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a flag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

/// The verdict on a shipment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecisionKind {
    Clear,
    Review,
    Block,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::Clear,
        DecisionKind::Review,
        DecisionKind::Block,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Clear => "clear",
            DecisionKind::Review => "review",
            DecisionKind::Block => "block",
        }
    }

    pub fn parse(s: &str) -> Option<DecisionKind> {
        DecisionKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
    }
}

impl fmt::Display for DecisionKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One fired rule, with what made it fire.
#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    pub rule: String,
    pub severity: Severity,
    pub summary: String,
    pub evidence: serde_json::Value,
    pub citations: Vec<String>,
}

/// The decision on one shipment.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub shipment_id: String,
    pub decision: DecisionKind,
    pub score: f64,
    pub flags: Vec<Flag>,
}

impl Decision {
    /// Combines flags into a decision (see the module docs for the formula).
    pub fn from_flags(shipment_id: &str, mut flags: Vec<Flag>, config: &ScreenConfig) -> Decision {
        flags.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.rule.cmp(&b.rule))
        });
        let keep = flags.iter().fold(1.0_f64, |acc, f| {
            acc * (1.0 - config.weight(f.severity).clamp(0.0, 1.0))
        });
        let score = ((1.0 - keep) * 1000.0).round() / 1000.0;
        let critical = flags.iter().any(|f| f.severity == Severity::Critical);
        let decision = if critical || score >= config.decision.block_score {
            DecisionKind::Block
        } else if score >= config.decision.review_score {
            DecisionKind::Review
        } else {
            DecisionKind::Clear
        };
        Decision {
            shipment_id: shipment_id.to_string(),
            decision,
            score,
            flags,
        }
    }

    /// Whether a flag of rule `id` fired.
    pub fn has(&self, rule: &str) -> bool {
        self.flags.iter().any(|f| f.rule == rule)
    }
}
