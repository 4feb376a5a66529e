//! Confusion counts, precision/recall/F1 and precision/recall curves.
//!
//! Owns only arithmetic over (label, score) observations; it knows nothing
//! about files, matchers or the peer.

/// The thresholds of every precision/recall curve: 0.50, 0.55, … 0.95.
pub fn curve_thresholds() -> Vec<f64> {
    (0..10).map(|i| 0.50 + 0.05 * f64::from(i)).collect()
}

/// One labelled, scored observation: `is_match` is the gold label.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Observation {
    pub is_match: bool,
    pub score: f64,
}

/// Confusion counts at one threshold. A pair is predicted a match when
/// `score >= threshold` (the engine's own `match` rule).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Confusion {
    pub tp: usize,
    pub fp: usize,
    pub tn: usize,
    pub fn_: usize,
}

impl Confusion {
    pub fn at(observations: &[Observation], threshold: f64) -> Confusion {
        let mut c = Confusion::default();
        for o in observations {
            // Scores are printed to 4 decimals elsewhere; compare with a tiny
            // tolerance so 0.7 stored as 0.69999999 still counts as 0.70.
            let predicted = o.score + 1e-9 >= threshold;
            match (o.is_match, predicted) {
                (true, true) => c.tp += 1,
                (false, true) => c.fp += 1,
                (false, false) => c.tn += 1,
                (true, false) => c.fn_ += 1,
            }
        }
        c
    }

    pub fn n(&self) -> usize {
        self.tp + self.fp + self.tn + self.fn_
    }

    /// TP / (TP + FP); 0 when nothing was predicted a match.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// TP / (TP + FN); 0 when there are no gold matches.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    pub fn accuracy(&self) -> f64 {
        ratio(self.tp + self.tn, self.n())
    }
}

/// `num / den`, or 0 when `den` is 0.
pub fn ratio(num: usize, den: usize) -> f64 {
    if den == 0 {
        0.0
    } else {
        num as f64 / den as f64
    }
}

/// One point of a precision/recall curve.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurvePoint {
    pub threshold: f64,
    pub confusion: Confusion,
}

pub fn curve(observations: &[Observation]) -> Vec<CurvePoint> {
    curve_thresholds()
        .into_iter()
        .map(|threshold| CurvePoint {
            threshold,
            confusion: Confusion::at(observations, threshold),
        })
        .collect()
}

/// The threshold of the curve with the best F1 (first one on ties).
pub fn best_f1(observations: &[Observation]) -> Option<CurvePoint> {
    curve(observations)
        .into_iter()
        .fold(None, |best: Option<CurvePoint>, p| match best {
            Some(b) if b.confusion.f1() >= p.confusion.f1() => Some(b),
            _ => Some(p),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obs(pairs: &[(bool, f64)]) -> Vec<Observation> {
        pairs
            .iter()
            .map(|&(is_match, score)| Observation { is_match, score })
            .collect()
    }

    #[test]
    fn confusion_counts_each_quadrant() {
        let o = obs(&[
            (true, 0.9),
            (true, 0.5),
            (false, 0.8),
            (false, 0.1),
            (true, 0.7),
        ]);
        let c = Confusion::at(&o, 0.70);
        assert_eq!(
            c,
            Confusion {
                tp: 2,
                fp: 1,
                tn: 1,
                fn_: 1
            }
        );
        assert!((c.precision() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.recall() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.f1() - 2.0 / 3.0).abs() < 1e-12);
        assert!((c.accuracy() - 0.6).abs() < 1e-12);
    }

    #[test]
    fn empty_denominators_give_zero_not_nan() {
        let c = Confusion::at(&obs(&[(false, 0.1)]), 0.7);
        assert_eq!(c.precision(), 0.0);
        assert_eq!(c.recall(), 0.0);
        assert_eq!(c.f1(), 0.0);
    }

    #[test]
    fn curve_has_ten_points_and_recall_never_rises_with_threshold() {
        let o = obs(&[
            (true, 0.52),
            (true, 0.66),
            (true, 0.93),
            (false, 0.61),
            (false, 0.97),
        ]);
        let points = curve(&o);
        assert_eq!(points.len(), 10);
        assert!((points[0].threshold - 0.50).abs() < 1e-9);
        assert!((points[9].threshold - 0.95).abs() < 1e-9);
        for w in points.windows(2) {
            assert!(w[1].confusion.recall() <= w[0].confusion.recall());
        }
        let best = best_f1(&o).expect("non-empty curve");
        assert!(best.confusion.f1() >= points[9].confusion.f1());
    }
}
