//! Flows to one destination by period: the report types, the query text
//! and the folding of the query's aggregated rows into periods. Running the
//! query is `flows` (DataFusion, feature `engine`).

// The query text and the folding are used by `flows` (feature `engine`).
#![cfg_attr(not(feature = "engine"), allow(dead_code))]

use crate::error::TradeError;
use crate::tables::Tables;
use interdict_goods::JURISDICTIONS;
use interdict_model::countries;
use serde::Serialize;
use std::collections::BTreeMap;

/// Period granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum By {
    /// Calendar years.
    Year,
    /// Months (`YYYY-MM`; annual data stays `YYYY`).
    Month,
}

/// What to aggregate.
#[derive(Debug, Clone)]
pub struct FlowsQuery {
    /// The registered table.
    pub table: String,
    /// Destination country (any code or name the country table knows).
    pub destination: String,
    /// Only these origins (partners reporting the exports); all when empty.
    pub from: Vec<String>,
    /// Period granularity.
    pub by: By,
    /// Basket name (`un`, `eu`, `kr`).
    pub basket: String,
    /// Jurisdiction for `controlled_usd` (`UN`, `EU`, ...).
    pub jurisdiction: String,
}

/// One period's figures.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Period {
    /// `YYYY` or `YYYY-MM`.
    pub period: String,
    /// Every line.
    pub total_usd: f64,
    /// Lines prohibited for the destination under the jurisdiction at their date.
    pub controlled_usd: f64,
    /// Lines in the basket.
    pub luxury_usd: f64,
    /// Basket lines by the basket's category.
    pub by_category: BTreeMap<String, f64>,
    /// Every line by origin (ISO alpha-2).
    pub by_partner: BTreeMap<String, f64>,
    /// Number of input lines.
    pub lines: u64,
}

/// The report; its JSON shape is fixed (other tools read it).
#[derive(Debug, Clone, Serialize)]
pub struct FlowsReport {
    /// ISO alpha-2 of the destination.
    pub destination: String,
    /// Period granularity.
    pub by: By,
    /// The basket behind `luxury_usd`.
    pub basket: String,
    /// The jurisdiction behind `controlled_usd`.
    pub jurisdiction: String,
    /// Periods in order.
    pub periods: Vec<Period>,
    /// Input rows rejected while reading (0 unless bad rows were skipped).
    pub rejected_rows: usize,
}

/// A basket line's contribution to one period, for explaining changes.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Driver {
    /// The period.
    pub period: String,
    /// HS code.
    pub hs: String,
    /// Basket category.
    pub category: String,
    /// Value in the period.
    pub value_usd: f64,
    /// Change from the previous period.
    pub change_usd: f64,
}

/// Checked query parts, safe to place in SQL.
pub(crate) struct Checked {
    pub destination: String,
    pub from: Vec<String>,
    pub basket: String,
    pub jurisdiction: String,
}

pub(crate) fn check(tables: &Tables, q: &FlowsQuery) -> Result<Checked, TradeError> {
    let country = |s: &str| {
        countries::resolve(s)
            .map(|c| c.code.clone())
            .ok_or_else(|| TradeError::Config(format!("unknown country {s:?}")))
    };
    let basket = tables
        .basket(&q.basket)
        .ok_or_else(|| TradeError::Config(format!("unknown basket {:?} (un, eu, kr)", q.basket)))?
        .name
        .clone();
    let jurisdiction = q.jurisdiction.to_ascii_uppercase();
    if !JURISDICTIONS.contains(&jurisdiction.as_str()) {
        return Err(TradeError::Config(format!(
            "unknown jurisdiction {:?} (known: {})",
            q.jurisdiction,
            JURISDICTIONS.join(", ")
        )));
    }
    if !q
        .table
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_')
    {
        return Err(TradeError::Config(format!("bad table name {:?}", q.table)));
    }
    Ok(Checked {
        destination: country(&q.destination)?,
        from: q
            .from
            .iter()
            .map(|s| country(s))
            .collect::<Result<_, _>>()?,
        basket,
        jurisdiction,
    })
}

/// The query: lines are first summed per own period, origin and HS code,
/// so the functions run once per distinct line, not once per input row.
pub(crate) fn sql(q: &FlowsQuery, c: &Checked) -> String {
    let origin_filter = if c.from.is_empty() {
        String::new()
    } else {
        let list: Vec<String> = c.from.iter().map(|o| format!("'{o}'")).collect();
        format!(" AND origin IN ({})", list.join(", "))
    };
    let period = match q.by {
        By::Year => "substr(line_period, 1, 4)",
        By::Month => "line_period",
    };
    format!(
        "WITH g AS (
           SELECT period AS line_period, origin, hs, SUM(value_usd) AS v, COUNT(*) AS n
           FROM {table} WHERE destination = '{dest}'{origin_filter}
           GROUP BY period, origin, hs)
         SELECT {period} AS period, origin, hs,
                luxury_category(hs, '{basket}') AS category,
                controlled(hs, '{dest}', line_period, '{jur}') AS status,
                SUM(v) AS v, SUM(n) AS n
         FROM g GROUP BY 1, 2, 3, 4, 5",
        table = q.table,
        dest = c.destination,
        basket = c.basket,
        jur = c.jurisdiction,
    )
}

/// One aggregated row of the query.
pub(crate) struct Row {
    pub period: String,
    pub origin: Option<String>,
    pub hs: Option<String>,
    pub category: Option<String>,
    pub prohibited: bool,
    pub value: f64,
    pub lines: u64,
}

fn round(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

pub(crate) fn fold(rows: &[Row]) -> Vec<Period> {
    let mut periods: BTreeMap<String, Period> = BTreeMap::new();
    for r in rows {
        let p = periods.entry(r.period.clone()).or_insert_with(|| Period {
            period: r.period.clone(),
            total_usd: 0.0,
            controlled_usd: 0.0,
            luxury_usd: 0.0,
            by_category: BTreeMap::new(),
            by_partner: BTreeMap::new(),
            lines: 0,
        });
        p.total_usd += r.value;
        p.lines += r.lines;
        if r.prohibited {
            p.controlled_usd += r.value;
        }
        if let Some(c) = &r.category {
            p.luxury_usd += r.value;
            *p.by_category.entry(c.clone()).or_default() += r.value;
        }
        let partner = r.origin.clone().unwrap_or_else(|| "unknown".into());
        *p.by_partner.entry(partner).or_default() += r.value;
    }
    periods
        .into_values()
        .map(|mut p| {
            p.total_usd = round(p.total_usd);
            p.controlled_usd = round(p.controlled_usd);
            p.luxury_usd = round(p.luxury_usd);
            p.by_category.values_mut().for_each(|v| *v = round(*v));
            p.by_partner.values_mut().for_each(|v| *v = round(*v));
            p
        })
        .collect()
}

/// The basket lines whose change from the previous period is largest,
/// `top` per period.
pub(crate) fn drivers(rows: &[Row], top: usize) -> Vec<Driver> {
    let mut by: BTreeMap<String, BTreeMap<(String, String), f64>> = BTreeMap::new();
    for r in rows {
        if let (Some(c), Some(h)) = (&r.category, &r.hs) {
            *by.entry(r.period.clone())
                .or_default()
                .entry((h.clone(), c.clone()))
                .or_default() += r.value;
        }
    }
    let mut out = Vec::new();
    let mut prev: BTreeMap<(String, String), f64> = BTreeMap::new();
    for (period, lines) in &by {
        let mut keys: Vec<&(String, String)> = lines.keys().chain(prev.keys()).collect();
        keys.sort();
        keys.dedup();
        let mut changes: Vec<Driver> = keys
            .into_iter()
            .map(|k| {
                let now = lines.get(k).copied().unwrap_or(0.0);
                Driver {
                    period: period.clone(),
                    hs: k.0.clone(),
                    category: k.1.clone(),
                    value_usd: round(now),
                    change_usd: round(now - prev.get(k).copied().unwrap_or(0.0)),
                }
            })
            .collect();
        changes.sort_by(|a, b| b.change_usd.abs().total_cmp(&a.change_usd.abs()));
        out.extend(changes.into_iter().take(top));
        prev = lines.clone();
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    fn row(
        period: &str,
        origin: &str,
        hs: &str,
        cat: Option<&str>,
        prohibited: bool,
        value: f64,
    ) -> Row {
        Row {
            period: period.into(),
            origin: Some(origin.into()),
            hs: Some(hs.into()),
            category: cat.map(str::to_string),
            prohibited,
            value,
            lines: 2,
        }
    }

    #[test]
    fn fold_sums_totals_controlled_luxury_by_category_and_partner() {
        let rows = vec![
            row("2021", "cn", "910111", Some("watches"), true, 100.0),
            row("2021", "ru", "100630", None, false, 50.0),
            row("2022", "cn", "910111", Some("watches"), true, 300.0),
            row("2022", "cn", "870323", Some("cars"), false, 20.0),
        ];
        let p = fold(&rows);
        assert_eq!(p.len(), 2);
        assert_eq!(
            (p[0].total_usd, p[0].controlled_usd, p[0].luxury_usd),
            (150.0, 100.0, 100.0)
        );
        assert_eq!(p[0].by_partner["ru"], 50.0);
        assert_eq!(p[1].by_category["cars"], 20.0);
        assert_eq!(p[1].lines, 4);
        let d = drivers(&rows, 1);
        assert_eq!(
            (d[1].period.as_str(), d[1].hs.as_str(), d[1].change_usd),
            ("2022", "910111", 200.0)
        );
    }

    #[test]
    fn query_checks_its_parts_and_filters_origins() {
        let t = Tables::bundled().unwrap();
        let mut q = FlowsQuery {
            table: "trade".into(),
            destination: "North Korea".into(),
            from: vec!["CHN".into()],
            by: By::Month,
            basket: "KR".into(),
            jurisdiction: "un".into(),
        };
        let c = check(&t, &q).unwrap();
        assert_eq!(
            (
                c.destination.as_str(),
                c.basket.as_str(),
                c.jurisdiction.as_str()
            ),
            ("kp", "kr", "UN")
        );
        let text = sql(&q, &c);
        assert!(text.contains("origin IN ('cn')"));
        assert!(text.contains("luxury_category(hs, 'kr')"));
        q.basket = "xx".into();
        assert!(check(&t, &q).is_err());
        q.basket = "un".into();
        q.table = "t; DROP".into();
        assert!(check(&t, &q).is_err());
    }
}
