//! OFAC Sanctions List Search parity: how far a scorer's score (×100) sits
//! from the score OFAC's own tool showed, and whether both call the pair a
//! match.
//!
//! OFAC's tool was captured with its slider at 80: rows with a known score
//! (0–100) give the numeric distance; rows marked -1 only say "below 80".
//! Agreement is counted at slider 80 (OFAC match = score >= 80, -1 = no;
//! scorer match = score >= 0.80) over every row, and at the engine threshold
//! T over the rows where OFAC's decision at T is known (a -1 row is known
//! only when 100·T >= 80).

use super::Column;
use crate::report::{f3, Table};
use crate::sets::pairs::OfacFixture;
use std::fmt::Write as _;

/// The tool's slider setting when the fixtures were captured.
const SLIDER: f64 = 0.80;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Parity {
    /// Rows with a known OFAC score and a scorer score.
    pub known: usize,
    pub mean_delta: f64,
    pub mean_abs_delta: f64,
    pub within_10: usize,
    pub agree_slider: (usize, usize),
    pub agree_threshold: (usize, usize),
}

pub fn parity(rows: &[OfacFixture], col: &Column, threshold: f64) -> Parity {
    let mut deltas = Vec::new();
    let mut agree_slider = (0, 0);
    let mut agree_threshold = (0, 0);
    for (i, r) in rows.iter().enumerate() {
        let Some(ours) = col.scores[i] else { continue };
        if let Some(o) = r.ofac_score {
            deltas.push(100.0 * ours - f64::from(o));
        }
        let ofac = r.ofac_score.map(|o| f64::from(o) / 100.0);
        let ofac_at_slider = ofac.is_some_and(|o| o + 1e-9 >= SLIDER);
        agree_slider.1 += 1;
        if ofac_at_slider == (ours + 1e-9 >= SLIDER) {
            agree_slider.0 += 1;
        }
        let ofac_at_t = match ofac {
            Some(o) => Some(o + 1e-9 >= threshold),
            None if threshold + 1e-9 >= SLIDER => Some(false),
            None => None,
        };
        if let Some(decision) = ofac_at_t {
            agree_threshold.1 += 1;
            if decision == (ours + 1e-9 >= threshold) {
                agree_threshold.0 += 1;
            }
        }
    }
    let n = deltas.len().max(1) as f64;
    Parity {
        known: deltas.len(),
        mean_delta: deltas.iter().sum::<f64>() / n,
        mean_abs_delta: deltas.iter().map(|d| d.abs()).sum::<f64>() / n,
        within_10: deltas.iter().filter(|d| d.abs() <= 10.0).count(),
        agree_slider,
        agree_threshold,
    }
}

pub fn section(rows: &[OfacFixture], columns: &[Column], threshold: f64) -> String {
    let below = rows.iter().filter(|r| r.ofac_score.is_none()).count();
    let mut out = String::new();
    let _ = writeln!(
        out,
        "### OFAC Sanctions List Search parity\n\n{} captures, {} with OFAC's score, {below} below its slider (80). Δ = 100·score − OFAC score.\n",
        rows.len(),
        rows.len() - below
    );
    let mut t = Table::new(&[
        "scorer",
        "mean Δ",
        "mean abs Δ",
        "abs Δ <= 10",
        "agree at 0.80",
        &format!("agree at {threshold:.2}"),
    ]);
    for c in columns {
        let p = parity(rows, c, threshold);
        t.row(&[
            c.header(),
            format!("{:+.1}", p.mean_delta),
            format!("{:.1}", p.mean_abs_delta),
            format!("{}/{}", p.within_10, p.known),
            format!(
                "{}/{} ({})",
                p.agree_slider.0,
                p.agree_slider.1,
                f3(ratio(p.agree_slider))
            ),
            format!(
                "{}/{} ({})",
                p.agree_threshold.0,
                p.agree_threshold.1,
                f3(ratio(p.agree_threshold))
            ),
        ]);
    }
    out.push_str(&t.render());
    out
}

fn ratio((a, b): (usize, usize)) -> f64 {
    crate::metrics::ratio(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fx(score: Option<u8>) -> OfacFixture {
        OfacFixture {
            key: 0,
            query: "q".into(),
            result: "r".into(),
            ofac_score: score,
        }
    }

    #[test]
    fn measures_distance_and_agreement() {
        let rows = vec![fx(Some(100)), fx(Some(84)), fx(None)];
        let col = Column::full("ours", vec![0.9, 0.7, 0.85]);
        let p = parity(&rows, &col, 0.70);
        assert_eq!(p.known, 2);
        assert!((p.mean_delta - (-10.0 - 14.0) / 2.0).abs() < 1e-9);
        assert!((p.mean_abs_delta - 12.0).abs() < 1e-9);
        assert_eq!(p.within_10, 1);
        // At 0.80: 100≥80 & 0.9 agree; 84≥80 vs 0.7 disagree; -1 (no) vs 0.85 disagree.
        assert_eq!(p.agree_slider, (1, 3));
        // At 0.70 the -1 row is undetermined; both others agree.
        assert_eq!(p.agree_threshold, (2, 2));
        let p = parity(&rows, &col, 0.90);
        assert_eq!(p.agree_threshold, (3, 3));
    }
}
