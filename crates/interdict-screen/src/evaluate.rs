//! Scoring the screener against labelled shipments: a confusion matrix of
//! expected against actual decisions.

use crate::decision::DecisionKind;
use serde::Serialize;
use std::fmt;

/// Counts of (expected, actual) decisions; rows expected, columns actual, in clear/review/block order.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ConfusionMatrix {
    /// `counts[expected][actual]`.
    pub counts: [[usize; 3]; 3],
}

fn idx(k: DecisionKind) -> usize {
    match k {
        DecisionKind::Clear => 0,
        DecisionKind::Review => 1,
        DecisionKind::Block => 2,
    }
}

impl ConfusionMatrix {
    /// How many shipments were counted.
    pub fn total(&self) -> usize {
        self.counts.iter().flatten().sum()
    }

    /// How many got the expected decision.
    pub fn correct(&self) -> usize {
        (0..3).map(|i| self.counts[i][i]).sum()
    }

    /// How many expected `expected` and got `actual`.
    pub fn get(&self, expected: DecisionKind, actual: DecisionKind) -> usize {
        self.counts[idx(expected)][idx(actual)]
    }

    /// Shipments that should have been blocked but were cleared, plus clean ones blocked.
    pub fn severe_errors(&self) -> usize {
        self.counts[2][0] + self.counts[0][2]
    }
}

/// Builds the matrix from (expected, actual) pairs.
pub fn confusion_matrix<I>(pairs: I) -> ConfusionMatrix
where
    I: IntoIterator<Item = (DecisionKind, DecisionKind)>,
{
    let mut m = ConfusionMatrix::default();
    for (e, a) in pairs {
        m.counts[idx(e)][idx(a)] += 1;
    }
    m
}

impl fmt::Display for ConfusionMatrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "expected \\ actual    clear  review   block")?;
        for e in DecisionKind::ALL {
            write!(f, "{:<18}", e.as_str())?;
            for a in DecisionKind::ALL {
                write!(f, "{:>8}", self.get(e, a))?;
            }
            writeln!(f)?;
        }
        write!(f, "correct {}/{}", self.correct(), self.total())
    }
}
