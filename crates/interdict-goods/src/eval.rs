//! Accuracy on a labelled goods set (testdata/labelled_goods.csv): heading
//! accuracy and verdict accuracy per jurisdiction, with the misses listed.
//! Owns the labelled-set format; the verdicts come from `assess`.
//!
//! Columns: `id, description, hs, value, currency, quantity, destination,
//! origin, date, expected_heading, UN, EU, UK, US, JP, KR, note`. An empty
//! expected status is not scored.

use crate::batch::line_from_csv;
use crate::error::GoodsError;
use crate::rules::JURISDICTIONS;
use crate::verdict::Status;
use crate::GoodsScreener;
use std::fmt;
use std::path::Path;

/// One wrong answer.
#[derive(Debug, Clone)]
pub struct Miss {
    /// The line id.
    pub id: String,
    /// `heading` or `verdict <jurisdiction>`.
    pub what: String,
    /// The label.
    pub expected: String,
    /// What the screener said.
    pub got: String,
    /// The line description.
    pub description: String,
}

/// Accuracy figures for one labelled set.
#[derive(Debug, Clone, Default)]
pub struct AccuracyReport {
    /// Lines read.
    pub lines: usize,
    /// Lines with the expected heading.
    pub heading_correct: usize,
    /// Lines with a heading label.
    pub heading_total: usize,
    /// (jurisdiction, correct, total) in [`JURISDICTIONS`] order.
    pub verdicts: Vec<(String, usize, usize)>,
    /// Misses, in file order.
    pub misses: Vec<Miss>,
    /// Lines that could not be assessed at all (id, error).
    pub errors: Vec<(String, String)>,
}

impl AccuracyReport {
    /// Heading accuracy (0 when nothing is labelled).
    pub fn heading_accuracy(&self) -> f64 {
        ratio(self.heading_correct, self.heading_total)
    }

    /// Verdict accuracy for "UN", "EU", ...
    pub fn verdict_accuracy(&self, jurisdiction: &str) -> f64 {
        self.verdicts
            .iter()
            .find(|(j, _, _)| j == jurisdiction)
            .map_or(0.0, |(_, c, t)| ratio(*c, *t))
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl fmt::Display for AccuracyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} labelled lines ({} could not be assessed)",
            self.lines,
            self.errors.len()
        )?;
        writeln!(f, "| measure | correct | total | accuracy |")?;
        writeln!(f, "|---|---:|---:|---:|")?;
        writeln!(
            f,
            "| heading | {} | {} | {:.3} |",
            self.heading_correct,
            self.heading_total,
            self.heading_accuracy()
        )?;
        for (j, c, t) in &self.verdicts {
            writeln!(f, "| verdict {j} | {c} | {t} | {:.3} |", ratio(*c, *t))?;
        }
        if !self.misses.is_empty() {
            writeln!(f, "\nmisses:")?;
            for m in &self.misses {
                writeln!(
                    f,
                    "- {} {}: expected {}, got {} — {}",
                    m.id, m.what, m.expected, m.got, m.description
                )?;
            }
        }
        for (id, e) in &self.errors {
            writeln!(f, "- {id}: error {e}")?;
        }
        Ok(())
    }
}

/// Runs the screener over a labelled CSV and scores it.
pub fn evaluate(path: impl AsRef<Path>) -> Result<AccuracyReport, GoodsError> {
    let path = path.as_ref();
    let screener = GoodsScreener::bundled()?;
    let file = std::fs::File::open(path).map_err(|source| GoodsError::Io {
        path: path.display().to_string(),
        source,
    })?;
    evaluate_with(&screener, file)
}

/// Scores a labelled CSV read from `reader` with an existing screener.
pub fn evaluate_with<R: std::io::Read>(
    screener: &GoodsScreener,
    reader: R,
) -> Result<AccuracyReport, GoodsError> {
    let mut rdr = csv::Reader::from_reader(reader);
    let headers = crate::batch::csv_headers(&mut rdr)?;
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut rep = AccuracyReport {
        verdicts: JURISDICTIONS
            .iter()
            .map(|j| (j.to_string(), 0, 0))
            .collect(),
        ..AccuracyReport::default()
    };
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| crate::batch::csv_error(i + 2, &e))?;
        let get = |name: &str| {
            col(name)
                .and_then(|c| rec.get(c))
                .unwrap_or_default()
                .trim()
                .to_string()
        };
        let id = get("id");
        let description = get("description");
        rep.lines += 1;
        let report = match line_from_csv(&headers, &rec).and_then(|l| screener.assess(&l)) {
            Ok(r) => r,
            Err(e) => {
                rep.errors.push((id, e.to_string()));
                continue;
            }
        };
        let expected_heading = get("expected_heading");
        if !expected_heading.is_empty() {
            rep.heading_total += 1;
            let got = report.hs.heading.clone().unwrap_or_else(|| "-".into());
            if got == expected_heading {
                rep.heading_correct += 1;
            } else {
                rep.misses.push(Miss {
                    id: id.clone(),
                    what: "heading".into(),
                    expected: expected_heading,
                    got,
                    description: description.clone(),
                });
            }
        }
        for (j, correct, total) in rep.verdicts.iter_mut() {
            let want = get(j);
            if want.is_empty() {
                continue;
            }
            let Some(want_status) = Status::parse(&want) else {
                return Err(GoodsError::Parse {
                    format: "csv",
                    line: i + 2,
                    reason: format!("unknown expected status {want:?} for {j}"),
                });
            };
            *total += 1;
            let got = report.verdict(j).map(|v| v.status);
            if got == Some(want_status) {
                *correct += 1;
            } else {
                rep.misses.push(Miss {
                    id: id.clone(),
                    what: format!("verdict {j}"),
                    expected: want,
                    got: got.map_or("-", Status::as_str).to_string(),
                    description: description.clone(),
                });
            }
        }
    }
    Ok(rep)
}
