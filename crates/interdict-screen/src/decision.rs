//! Decisions: the flags fired on a shipment, combined into one score and a
//! clear / review / block verdict a compliance officer can retrace.
//! The formula is documented on [`Decision`].

use crate::config::ScreenConfig;
use crate::evidence::Evidence;
use crate::jurisdiction::Jurisdiction;
use crate::rule_id::RuleId;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How serious a flag is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth noting; weighs little or nothing.
    Info,
    /// A weak red flag.
    Low,
    /// A red flag.
    Medium,
    /// A strong red flag.
    High,
    /// Blocks the shipment on its own.
    Critical,
}

impl Severity {
    /// The lower-case name, as serialised.
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
    /// Nothing, or too little, weighs against the shipment.
    Clear,
    /// A person must look at the shipment before it goes.
    Review,
    /// The shipment must not go as declared.
    Block,
}

impl DecisionKind {
    /// Every decision, mildest first.
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::Clear,
        DecisionKind::Review,
        DecisionKind::Block,
    ];

    /// The lower-case name, as serialised.
    pub fn as_str(self) -> &'static str {
        match self {
            DecisionKind::Clear => "clear",
            DecisionKind::Review => "review",
            DecisionKind::Block => "block",
        }
    }

    /// Reads a decision in any case; `None` for anything else.
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

/// A flag's weight under one jurisdiction, and the law or reason for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Applicability {
    /// The jurisdiction.
    pub jurisdiction: Jurisdiction,
    /// The flag's severity under its law.
    pub severity: Severity,
    /// Why, in words: the instrument, or why the jurisdiction's law does not reach it.
    pub basis: String,
}

/// One fired rule, with what made it fire.
#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    /// The rule that fired.
    pub rule: RuleId,
    /// The strictest severity over the jurisdictions evaluated.
    pub severity: Severity,
    /// What was found, in one sentence.
    pub summary: String,
    /// What made the rule fire, as data.
    pub evidence: Evidence,
    /// The instruments and guidance the rule rests on.
    pub citations: Vec<String>,
    /// Per jurisdiction, when the rule's weight depends on whose law: a
    /// jurisdiction not listed does not count the flag. Empty: the flag is
    /// a red flag under every jurisdiction at `severity`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub under: Vec<Applicability>,
}

impl Flag {
    /// The flag's severity under `j`, `None` when `j`'s law does not count it.
    pub fn severity_under(&self, j: Jurisdiction) -> Option<Severity> {
        if self.under.is_empty() {
            return Some(self.severity);
        }
        self.under
            .iter()
            .find(|a| a.jurisdiction == j)
            .map(|a| a.severity)
    }
}

/// The decision under one jurisdiction's law.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JurisdictionDecision {
    /// The jurisdiction.
    pub jurisdiction: Jurisdiction,
    /// The decision under its law.
    pub decision: DecisionKind,
    /// The noisy-OR score under its law.
    pub score: f64,
}

/// The decision on one shipment.
///
/// Formula (weights and cut-offs in `rules.toml`): each flag has a severity
/// whose weight w is in [0, 1]; `score = 1 - Π(1 - w)` (a noisy-OR: any one
/// strong flag is enough, several weak flags add up but never exceed 1).
/// `block` when any flag is critical or `score >= block_score`; `review`
/// when `score >= review_score`; otherwise `clear`.
///
/// Whose law: the formula runs once per jurisdiction of the scope (see
/// [`Jurisdiction`]). A flag counts under a jurisdiction at its
/// severity there ([`Flag::severity_under`]); the strictest jurisdiction
/// decides and every one is reported in [`Decision::jurisdictions`].
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    /// The shipment's id as declared.
    pub shipment_id: String,
    /// The strictest decision over [`Decision::jurisdictions`].
    pub decision: DecisionKind,
    /// The score of the strictest jurisdiction, in [0, 1].
    pub score: f64,
    /// Every flag fired, most severe first.
    pub flags: Vec<Flag>,
    /// The decision under each jurisdiction of the scope, in report order.
    pub jurisdictions: Vec<JurisdictionDecision>,
}

/// Score and verdict of a set of severities (the noisy-OR documented on [`Decision`]).
fn combine(severities: &[Severity], config: &ScreenConfig) -> (DecisionKind, f64) {
    let keep = severities.iter().fold(1.0_f64, |acc, s| {
        acc * (1.0 - config.weight(*s).clamp(0.0, 1.0))
    });
    let score = ((1.0 - keep) * 1000.0).round() / 1000.0;
    let critical = severities.contains(&Severity::Critical);
    let decision = if critical || score >= config.decision.block_score {
        DecisionKind::Block
    } else if score >= config.decision.review_score {
        DecisionKind::Review
    } else {
        DecisionKind::Clear
    };
    (decision, score)
}

impl Decision {
    /// "block under US; review under UN, EU": each decision with the
    /// jurisdictions that reach it, strictest first.
    pub fn by_jurisdiction(&self) -> String {
        let mut parts = Vec::new();
        for k in DecisionKind::ALL.into_iter().rev() {
            let names: Vec<&str> = self
                .jurisdictions
                .iter()
                .filter(|j| j.decision == k)
                .map(|j| j.jurisdiction.label())
                .collect();
            if !names.is_empty() {
                parts.push(format!("{k} under {}", names.join(", ")));
            }
        }
        parts.join("; ")
    }

    /// Combines flags into a decision per jurisdiction of `config.scope`
    /// (see the module docs); the strictest one is the decision.
    pub fn from_flags(shipment_id: &str, mut flags: Vec<Flag>, config: &ScreenConfig) -> Decision {
        flags.sort_by(|a, b| {
            b.severity
                .cmp(&a.severity)
                .then_with(|| a.rule.as_str().cmp(b.rule.as_str()))
        });
        let jurisdictions: Vec<JurisdictionDecision> = config
            .scope
            .jurisdictions()
            .into_iter()
            .map(|j| {
                let severities: Vec<Severity> =
                    flags.iter().filter_map(|f| f.severity_under(j)).collect();
                let (decision, score) = combine(&severities, config);
                JurisdictionDecision {
                    jurisdiction: j,
                    decision,
                    score,
                }
            })
            .collect();
        let (decision, score) = jurisdictions
            .iter()
            .map(|j| (j.decision, j.score))
            .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .unwrap_or_else(|| {
                let all: Vec<Severity> = flags.iter().map(|f| f.severity).collect();
                combine(&all, config)
            });
        Decision {
            shipment_id: shipment_id.to_string(),
            decision,
            score,
            flags,
            jurisdictions,
        }
    }

    /// Whether a flag of rule `id` fired.
    pub fn has(&self, rule: RuleId) -> bool {
        self.flags.iter().any(|f| f.rule == rule)
    }

    /// The flags of rule `id`.
    pub fn flags_of(&self, rule: RuleId) -> impl Iterator<Item = &Flag> {
        self.flags.iter().filter(move |f| f.rule == rule)
    }

    /// The decision under `j`, when `j` was evaluated.
    pub fn under(&self, j: Jurisdiction) -> Option<DecisionKind> {
        self.jurisdictions
            .iter()
            .find(|d| d.jurisdiction == j)
            .map(|d| d.decision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn under(jurisdiction: Jurisdiction, decision: DecisionKind) -> JurisdictionDecision {
        JurisdictionDecision {
            jurisdiction,
            decision,
            score: 0.0,
        }
    }

    #[test]
    fn by_jurisdiction_names_the_strictest_first() {
        let d = Decision {
            shipment_id: "s1".into(),
            decision: DecisionKind::Block,
            score: 1.0,
            flags: Vec::new(),
            jurisdictions: vec![
                under(Jurisdiction::Un, DecisionKind::Review),
                under(Jurisdiction::Us, DecisionKind::Block),
                under(Jurisdiction::Eu, DecisionKind::Review),
            ],
        };
        let un = Jurisdiction::Un.label();
        let us = Jurisdiction::Us.label();
        let eu = Jurisdiction::Eu.label();
        assert_eq!(
            d.by_jurisdiction(),
            format!("block under {us}; review under {un}, {eu}")
        );
    }
}
