//! Goods: the committed labelled set (`interdict_goods::evaluate`) and the
//! blind set (`eval/blind/goods/{dev,holdout}/<language>.csv`, or any
//! directory in the same layout given with `--blind`), scored per part and
//! per language: HS-6, heading and chapter accuracy, verdict accuracy per
//! jurisdiction, and the share of lines left unclassified.
//!
//! Blind-set columns: `id, language, description, declared_hs, value,
//! currency, quantity, unit, date, expected_hs6, everyday, UN, EU, UK, US,
//! JP, KR, ...`; every line goes to the DPRK (`kp`); an empty verdict cell is
//! not scored. Row-by-row misses are printed only for a part named `dev`
//! (`--show-errors N`): held-back parts are reported in aggregate only.

use anyhow::{Context as _, Result};
use interdict_goods::{GoodsLine, GoodsReport, GoodsScreener, Status, JURISDICTIONS};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// Counts for one (part, language) cell, or a total.
#[derive(Debug, Default, Clone)]
pub struct Tally {
    pub lines: usize,
    pub hs6: usize,
    /// Lines whose 2-digit chapter is right.
    pub chapter: usize,
    pub heading: usize,
    pub unclassified: usize,
    pub un_unknown: usize,
    pub errors: usize,
    /// (correct, total) per jurisdiction, in `JURISDICTIONS` order.
    pub verdicts: [(usize, usize); 6],
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.lines += o.lines;
        self.hs6 += o.hs6;
        self.chapter += o.chapter;
        self.heading += o.heading;
        self.unclassified += o.unclassified;
        self.un_unknown += o.un_unknown;
        self.errors += o.errors;
        for (a, b) in self.verdicts.iter_mut().zip(o.verdicts.iter()) {
            a.0 += b.0;
            a.1 += b.1;
        }
    }
}

/// One scored line that went wrong somewhere (dev only).
struct Miss {
    id: String,
    what: Vec<String>,
    description: String,
}

fn ratio(a: usize, b: usize) -> String {
    if b == 0 {
        "—".into()
    } else {
        format!("{:.3}", a as f64 / b as f64)
    }
}

fn number(s: &str) -> Option<f64> {
    let s = s.trim().replace([',', '_', ' '], "");
    (!s.is_empty()).then(|| s.parse().ok()).flatten()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// The goods line a blind-set row describes, bound for the DPRK. A value
/// without a currency cannot be converted: the line is scored without it
/// rather than failed.
fn line_of(get: impl Fn(&str) -> String) -> GoodsLine {
    let currency = opt(&get("currency"));
    GoodsLine {
        description: get("description"),
        hs_code: opt(&get("declared_hs")),
        destination: "kp".into(),
        value: number(&get("value")).filter(|_| currency.is_some()),
        currency,
        quantity: number(&get("quantity")).filter(|q| *q > 0.0),
        unit: opt(&get("unit")),
        date: opt(&get("date")),
        ..GoodsLine::default()
    }
}

/// Counts the classification of one line against its expected HS-6
/// (none expected: only whether it was classified), noting a wrong heading.
fn score_heading(t: &mut Tally, expected: &str, report: &GoodsReport, what: &mut Vec<String>) {
    let expected = expected.trim().replace('.', "");
    let got = report.hs.code.clone().unwrap_or_default();
    if report.hs.code.is_none() {
        t.unclassified += 1;
    }
    if expected.is_empty() {
        return;
    }
    if got == expected {
        t.hs6 += 1;
    }
    if got.get(..2) == expected.get(..2) {
        t.chapter += 1;
    }
    if got.get(..4) == expected.get(..4) {
        t.heading += 1;
    } else {
        what.push(format!(
            "heading {} → got {} ({})",
            expected,
            if got.is_empty() { "-" } else { &got },
            report.classification.basis
        ));
    }
}

/// Counts each labelled verdict of one line, noting a wrong UN verdict;
/// an unknown verdict label is an error of the set, named by `at`.
fn score_verdicts(
    t: &mut Tally,
    get: impl Fn(&str) -> String,
    report: &GoodsReport,
    what: &mut Vec<String>,
    at: &str,
) -> Result<()> {
    for (k, j) in JURISDICTIONS.iter().enumerate() {
        let want = get(j);
        let want = want.trim();
        if want.is_empty() {
            continue;
        }
        let Some(want) = Status::parse(want) else {
            anyhow::bail!("{at}: unknown verdict {want:?} for {j}");
        };
        let got = report.verdict(j).map(|v| v.status);
        if *j == "UN" && got == Some(Status::Unknown) {
            t.un_unknown += 1;
        }
        t.verdicts[k].1 += 1;
        if got == Some(want) {
            t.verdicts[k].0 += 1;
        } else if *j == "UN" {
            what.push(format!(
                "UN {} → got {}",
                want.as_str(),
                got.map_or("-", Status::as_str)
            ));
        }
    }
    Ok(())
}

/// Scores one CSV file of the blind layout.
fn score_file(
    screener: &GoodsScreener,
    path: &Path,
    keep_misses: bool,
) -> Result<(Tally, Vec<Miss>)> {
    let mut rdr = csv::Reader::from_path(path).with_context(|| format!("{}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let mut t = Tally::default();
    let mut misses = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let at = format!("{} line {}", path.display(), i + 2);
        let rec = rec.with_context(|| at.clone())?;
        let get = |name: &str| {
            col(name)
                .and_then(|c| rec.get(c))
                .unwrap_or_default()
                .to_string()
        };
        t.lines += 1;
        let line = line_of(get);
        let mut what = Vec::new();
        match screener.assess(&line) {
            Ok(report) => {
                score_heading(&mut t, &get("expected_hs6"), &report, &mut what);
                score_verdicts(&mut t, get, &report, &mut what, &at)?;
            }
            Err(e) => {
                t.errors += 1;
                what.push(format!("error: {e}"));
            }
        }
        if keep_misses && !what.is_empty() {
            misses.push(Miss {
                id: get("id"),
                what,
                description: line.description,
            });
        }
    }
    Ok((t, misses))
}

fn header(out: &mut String) {
    let _ = write!(
        out,
        "| part | language | lines | HS-6 | heading | chapter | unclassified | UN unknown |"
    );
    for j in JURISDICTIONS {
        let _ = write!(out, " {j} |");
    }
    out.push('\n');
    out.push_str("|---|---|---:|---:|---:|---:|---:|---:|");
    for _ in JURISDICTIONS {
        out.push_str("---:|");
    }
    out.push('\n');
}

fn row(out: &mut String, part: &str, lang: &str, t: &Tally) {
    let _ = write!(
        out,
        "| {part} | {lang} | {} | {} | {} | {} | {} | {} |",
        t.lines,
        ratio(t.hs6, t.lines),
        ratio(t.heading, t.lines),
        ratio(t.chapter, t.lines),
        ratio(t.unclassified, t.lines),
        ratio(t.un_unknown, t.lines),
    );
    for (c, n) in t.verdicts {
        let _ = write!(out, " {} |", ratio(c, n));
    }
    out.push('\n');
}

/// Scores every part folder (`dev`, `holdout`, ...) of a blind-set
/// directory. Misses are listed for `dev` only, at most `show_errors`.
pub fn blind(screener: &GoodsScreener, dir: &Path, show_errors: usize) -> Result<String> {
    let mut parts: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("blind set directory {}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .map(|e| e.path())
        .collect();
    parts.sort();
    let mut out = String::new();
    let _ = writeln!(out, "blind goods set: {}\n", dir.display());
    header(&mut out);
    let mut dev_misses: Vec<(String, Miss)> = Vec::new();
    for part_dir in parts {
        let part = part_dir
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let mut files: Vec<_> = std::fs::read_dir(&part_dir)?
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "csv"))
            .collect();
        files.sort();
        let mut total = Tally::default();
        let mut per_lang: BTreeMap<String, Tally> = BTreeMap::new();
        for f in files {
            let lang = f
                .file_stem()
                .map(|n| n.to_string_lossy().to_string())
                .unwrap_or_default();
            let keep = part == "dev" && show_errors > 0;
            let (t, misses) = score_file(screener, &f, keep)?;
            total.add(&t);
            per_lang.insert(lang.clone(), t);
            dev_misses.extend(misses.into_iter().map(|m| (lang.clone(), m)));
        }
        for (lang, t) in &per_lang {
            row(&mut out, &part, lang, t);
        }
        row(&mut out, &part, "**all**", &total);
    }
    if !dev_misses.is_empty() {
        let _ = writeln!(out, "\ndev misses (first {show_errors}):");
        for (lang, m) in dev_misses.iter().take(show_errors) {
            let _ = writeln!(
                out,
                "- {lang} {}: {} — {}",
                m.id,
                m.what.join("; "),
                m.description
            );
        }
    }
    Ok(out)
}
