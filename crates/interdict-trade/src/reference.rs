//! Bundled real figures: UN Comtrade partner totals with the DPRK as partner
//! and the published luxury-import series (see `data/trade/PROVENANCE.md`).
//! They calibrate the generator and are drawn as context on the chart.

use crate::error::TradeError;
use interdict_model::countries;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Read;

const TOTALS_GZ: &[u8] = include_bytes!("../../../data/trade/comtrade_totals_prk_2014_2023.csv.gz");
const TOTALS_FILE: &str = "data/trade/comtrade_totals_prk_2014_2023.csv.gz";
const PUBLISHED_GZ: &[u8] =
    include_bytes!("../../../data/trade/published_luxury_aggregates.csv.gz");
const PUBLISHED_FILE: &str = "data/trade/published_luxury_aggregates.csv.gz";
const AREAS_CSV: &str = include_str!("../../../data/trade/comtrade_area_names.csv");

/// One real Comtrade partner total: a reporter's exports to the DPRK.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PartnerTotal {
    /// `A` (annual) or `M` (monthly).
    pub freq: String,
    /// `YYYY` or `YYYY-MM`.
    pub period: String,
    /// The reporter as Comtrade names it.
    pub reporter: String,
    /// The reporter's ISO alpha-2 code.
    pub origin: String,
    /// US dollars.
    pub value_usd: f64,
}

/// One published figure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Published {
    /// Series id (`yoon_gacc`, `gacc_alcohol`, ...).
    pub series: String,
    /// First month `YYYY-MM`.
    pub period_start: String,
    /// Last month `YYYY-MM`.
    pub period_end: String,
    /// The basket the figure was computed on, as reported.
    pub basket: String,
    /// `total` or a category.
    pub category: String,
    /// HS codes the category stands for, as reported.
    pub hs_hint: Vec<String>,
    /// US dollars.
    pub value_usd: f64,
    /// `as_reported`, `approx`, `at_least`, ...
    pub qualifier: String,
    /// Who published it.
    pub outlet: String,
    /// Where.
    pub url: String,
    /// A = two or more outlets agree, B = one outlet, C = unverified.
    pub grade: String,
}

fn gunzip(bytes: &[u8], file: &'static str) -> Result<String, TradeError> {
    let mut s = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut s)
        .map_err(|e| TradeError::Bundled {
            file,
            reason: e.to_string(),
        })?;
    Ok(s)
}

/// ISO alpha-2 of a Comtrade reporter name: the country table first, then
/// Comtrade's own abbreviations (`data/trade/comtrade_area_names.csv`).
pub fn comtrade_area(name: &str) -> Option<String> {
    if let Some(c) = countries::resolve(name) {
        return Some(c.code.clone());
    }
    let mut rdr = csv::Reader::from_reader(AREAS_CSV.as_bytes());
    rdr.records()
        .flatten()
        .find(|r| r.get(0) == Some(name))
        .and_then(|r| r.get(1).map(str::to_string))
}

/// Every reporter's exports to the DPRK (Comtrade, all products).
pub fn comtrade_totals() -> Result<Vec<PartnerTotal>, TradeError> {
    let text = gunzip(TOTALS_GZ, TOTALS_FILE)?;
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let bad = |reason: String| TradeError::Bundled {
        file: TOTALS_FILE,
        reason,
    };
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| bad(e.to_string()))?;
        let get = |i: usize| rec.get(i).unwrap_or_default();
        if get(4) != "export_to_PRK" {
            continue;
        }
        let reporter = get(2).to_string();
        let origin = comtrade_area(&reporter)
            .ok_or_else(|| bad(format!("unknown reporter {reporter:?}")))?;
        let value_usd = get(5)
            .parse()
            .map_err(|_| bad(format!("bad value {:?}", get(5))))?;
        out.push(PartnerTotal {
            freq: get(0).to_string(),
            period: get(1).to_string(),
            reporter,
            origin,
            value_usd,
        });
    }
    Ok(out)
}

/// Sum of every reporter's exports to the DPRK per year (annual files).
pub fn annual_totals(totals: &[PartnerTotal]) -> BTreeMap<i32, f64> {
    let mut m = BTreeMap::new();
    for t in totals.iter().filter(|t| t.freq == "A") {
        if let Ok(y) = t.period.parse::<i32>() {
            *m.entry(y).or_insert(0.0) += t.value_usd;
        }
    }
    m
}

/// The published luxury and alcohol figures.
pub fn published() -> Result<Vec<Published>, TradeError> {
    let text = gunzip(PUBLISHED_GZ, PUBLISHED_FILE)?;
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| TradeError::Bundled {
            file: PUBLISHED_FILE,
            reason: e.to_string(),
        })?;
        let get = |i: usize| rec.get(i).unwrap_or_default().to_string();
        let value_usd = get(8).parse().map_err(|_| TradeError::Bundled {
            file: PUBLISHED_FILE,
            reason: format!("bad value {:?}", get(8)),
        })?;
        out.push(Published {
            series: get(0),
            period_start: get(1),
            period_end: get(2),
            basket: get(5),
            category: get(6),
            hs_hint: get(7)
                .split(';')
                .filter(|h| !h.is_empty())
                .map(|h| h.replace('.', ""))
                .collect(),
            value_usd,
            qualifier: get(9),
            outlet: get(10),
            url: get(11),
            grade: get(13),
        });
    }
    Ok(out)
}

/// The lawmaker's luxury totals (`yoon_gacc`, category `total`), by the
/// year of their first month, with the months they cover.
pub fn luxury_series(published: &[Published]) -> Vec<(i32, u32, &Published)> {
    published
        .iter()
        .filter(|p| p.series == "yoon_gacc" && p.category == "total")
        .filter_map(|p| {
            let y = p.period_start.get(..4)?.parse().ok()?;
            let m0: u32 = p.period_start.get(5..7)?.parse().ok()?;
            let m1: u32 = p.period_end.get(5..7)?.parse().ok()?;
            Some((y, m1.saturating_sub(m0) + 1, p))
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn real_totals_load_and_match_the_provenance_sanity_figures() {
        let t = comtrade_totals().unwrap();
        let china_2022: f64 = t
            .iter()
            .filter(|r| r.freq == "A" && r.period == "2022" && r.origin == "cn")
            .map(|r| r.value_usd)
            .sum();
        assert_eq!(china_2022.round(), 894_039_906.0);
        let years = annual_totals(&t);
        assert_eq!(
            years.keys().copied().collect::<Vec<_>>(),
            (2014..=2022).collect::<Vec<_>>()
        );
        assert!(years[&2020] > years[&2021]);
    }

    #[test]
    fn published_series_keeps_grades_and_partial_years() {
        let p = published().unwrap();
        let s = luxury_series(&p);
        let y2023 = s.iter().find(|(y, _, _)| *y == 2023).unwrap();
        assert_eq!(y2023.1, 7);
        assert_eq!(y2023.2.value_usd, 40_600_000.0);
        assert_eq!(y2023.2.grade, "A");
        let y2021 = s.iter().find(|(y, _, _)| *y == 2021).unwrap();
        assert_eq!(y2021.2.grade, "C");
    }
}
