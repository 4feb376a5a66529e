//! Output of a flows report: a text table with the change per period and
//! the lines that drive it, and an HTML page with the series drawn as SVG
//! (plotters, SVG backend) beside the real Comtrade totals and the published
//! figures, each labelled with its source and grade.

use crate::error::TradeError;
use crate::reference::{self, Published};
use crate::report::{By, Driver, FlowsReport};
use plotters::prelude::*;
use std::collections::BTreeMap;
use std::fmt::Write as _;

fn money(v: f64) -> String {
    let a = v.abs();
    let s = if a >= 1e9 {
        format!("{:.2} bn", v / 1e9)
    } else if a >= 1e6 {
        format!("{:.2} M", v / 1e6)
    } else if a >= 1e3 {
        format!("{:.1} k", v / 1e3)
    } else {
        format!("{v:.0}")
    };
    format!("{s} USD")
}

fn change(now: f64, before: Option<f64>) -> String {
    match before {
        Some(b) if b > 0.0 => format!("{:+.1}%", (now - b) / b * 100.0),
        _ => "-".into(),
    }
}

/// The text table: one row per period with changes, then the basket lines
/// that moved most in each period.
pub fn table(report: &FlowsReport, drivers: &[Driver], source_note: &str) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Flows to {} by {} — basket {}, controlled under {}{}",
        report.destination,
        match report.by {
            By::Year => "year",
            By::Month => "month",
        },
        report.basket,
        report.jurisdiction,
        source_note
    );
    let _ = writeln!(
        out,
        "{:<9} {:>16} {:>9} {:>16} {:>16} {:>9} {:>9}",
        "period", "total", "change", "controlled", "luxury", "change", "lines"
    );
    let mut prev: Option<(f64, f64)> = None;
    for p in &report.periods {
        let _ = writeln!(
            out,
            "{:<9} {:>16} {:>9} {:>16} {:>16} {:>9} {:>9}",
            p.period,
            money(p.total_usd),
            change(p.total_usd, prev.map(|x| x.0)),
            money(p.controlled_usd),
            money(p.luxury_usd),
            change(p.luxury_usd, prev.map(|x| x.1)),
            p.lines
        );
        prev = Some((p.total_usd, p.luxury_usd));
    }
    if !drivers.is_empty() {
        let _ = writeln!(out, "\nBasket lines that moved most, per period:");
        for d in drivers {
            let _ = writeln!(
                out,
                "  {:<9} HS {:<6} {:<20} {:>16} ({:+.0} USD)",
                d.period,
                d.hs,
                d.category,
                money(d.value_usd),
                d.change_usd
            );
        }
    }
    if report.rejected_rows > 0 {
        let _ = writeln!(
            out,
            "\n{} input row(s) rejected and skipped",
            report.rejected_rows
        );
    }
    out
}

/// X position of a period: the year, plus the month's fraction.
fn x_of(period: &str) -> Option<f64> {
    let y: f64 = period.get(..4)?.parse().ok()?;
    Some(match period.get(5..7).and_then(|m| m.parse::<f64>().ok()) {
        Some(m) => y + (m - 1.0) / 12.0,
        None => y,
    })
}

/// A labelled series of points.
struct Series {
    label: String,
    color: RGBColor,
    points: Vec<(f64, f64)>,
    line: bool,
}

fn context_series(by: By) -> Result<Vec<Series>, TradeError> {
    let totals = reference::comtrade_totals()?;
    let mut real: BTreeMap<String, f64> = BTreeMap::new();
    for t in &totals {
        let keep = match by {
            By::Year => t.freq == "A",
            By::Month => t.freq == "M",
        };
        if keep {
            *real.entry(t.period.clone()).or_default() += t.value_usd;
        }
    }
    let mut out = vec![Series {
        label: "UN Comtrade: all reporters' exports to the DPRK, all products (real, bundled)"
            .into(),
        color: RGBColor(90, 90, 90),
        points: real
            .iter()
            .filter_map(|(p, v)| Some((x_of(p)?, *v)))
            .collect(),
        line: true,
    }];
    if by == By::Year {
        let published = reference::published()?;
        for grade in ["A", "B", "C"] {
            let pts: Vec<(f64, f64)> = reference::luxury_series(&published)
                .iter()
                .filter(|(_, _, p)| p.grade == grade)
                .map(|(y, _, p): &(i32, u32, &Published)| (f64::from(*y), p.value_usd))
                .collect();
            if !pts.is_empty() {
                out.push(Series {
                    label: format!(
                        "Published luxury imports from China (lawmaker's series, ROK list; partial years as reported), grade {grade}"
                    ),
                    color: match grade {
                        "A" => RGBColor(200, 30, 30),
                        "B" => RGBColor(230, 140, 20),
                        _ => RGBColor(160, 160, 160),
                    },
                    points: pts,
                    line: false,
                });
            }
        }
    }
    Ok(out)
}

/// The chart as an SVG string.
pub fn svg(report: &FlowsReport, input_label: &str) -> Result<String, TradeError> {
    let mut series = vec![
        Series {
            label: format!("{input_label}: total"),
            color: RGBColor(30, 90, 200),
            points: report
                .periods
                .iter()
                .filter_map(|p| Some((x_of(&p.period)?, p.total_usd)))
                .collect(),
            line: true,
        },
        Series {
            label: format!("{input_label}: {} basket", report.basket),
            color: RGBColor(20, 150, 60),
            points: report
                .periods
                .iter()
                .filter_map(|p| Some((x_of(&p.period)?, p.luxury_usd)))
                .collect(),
            line: true,
        },
    ];
    series.extend(context_series(report.by)?);
    let all: Vec<(f64, f64)> = series
        .iter()
        .flat_map(|s| s.points.iter().copied())
        .filter(|p| p.1 > 0.0)
        .collect();
    let (x0, x1) = all
        .iter()
        .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.0), a.1.max(p.0)));
    let (y0, y1) = all
        .iter()
        .fold((f64::MAX, f64::MIN), |a, p| (a.0.min(p.1), a.1.max(p.1)));
    if all.is_empty() {
        return Err(TradeError::Chart("nothing to draw".into()));
    }
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, (960, 560)).into_drawing_area();
        let chart_err = |e: &dyn std::fmt::Display| TradeError::Chart(e.to_string());
        root.fill(&WHITE).map_err(|e| chart_err(&e))?;
        let mut chart = ChartBuilder::on(&root)
            .caption(
                format!("Flows to {} (USD, log scale)", report.destination),
                ("sans-serif", 20),
            )
            .margin(12)
            .x_label_area_size(30)
            .y_label_area_size(80)
            .build_cartesian_2d((x0 - 0.5)..(x1 + 0.5), ((y0 / 2.0)..(y1 * 2.0)).log_scale())
            .map_err(|e| chart_err(&e))?;
        chart
            .configure_mesh()
            .x_label_formatter(&|x| format!("{x:.0}"))
            .y_label_formatter(&|y| money(*y))
            .draw()
            .map_err(|e| chart_err(&e))?;
        for s in &series {
            let color = s.color;
            let pts: Vec<(f64, f64)> = s.points.iter().copied().filter(|p| p.1 > 0.0).collect();
            let drawn = if s.line {
                chart.draw_series(LineSeries::new(pts.clone(), color.stroke_width(2)))
            } else {
                chart.draw_series(pts.iter().map(|p| Circle::new(*p, 5, color.filled())))
            };
            drawn
                .map_err(|e| chart_err(&e))?
                .label(s.label.clone())
                .legend(move |(x, y)| {
                    Rectangle::new([(x, y - 4), (x + 12, y + 4)], color.filled())
                });
        }
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.85))
            .border_style(BLACK)
            .position(SeriesLabelPosition::LowerLeft)
            .draw()
            .map_err(|e| chart_err(&e))?;
        root.present().map_err(|e| chart_err(&e))?;
    }
    Ok(out)
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// A self-contained HTML page (no scripts, no external resources).
pub fn html(
    report: &FlowsReport,
    drivers: &[Driver],
    input_label: &str,
    basket_source: &str,
) -> Result<String, TradeError> {
    let chart = svg(report, input_label)?;
    let mut rows = String::new();
    for p in &report.periods {
        let _ = write!(
            rows,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            p.period,
            money(p.total_usd),
            money(p.controlled_usd),
            money(p.luxury_usd),
            p.lines
        );
    }
    let table = table(report, drivers, "");
    Ok(format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title></head><body>\
<h1>{title}</h1><p><b>Input:</b> {input}. <b>Basket:</b> {basket} — {source}. \
<b>Controlled</b> under {jur} at each line's date.</p>{chart}\
<table border=\"1\" cellpadding=\"4\"><tr><th>period</th><th>total</th><th>controlled</th><th>luxury</th><th>lines</th></tr>{rows}</table>\
<pre>{table}</pre>\
<p>Context series: UN Comtrade partner totals (real, bundled); published luxury figures transcribed from press reports, \
graded A (two or more outlets agree), B (one outlet), C (unverified). See data/trade/PROVENANCE.md.</p></body></html>",
        title = escape(&format!("Flows to {} by period", report.destination)),
        input = escape(input_label),
        basket = escape(&report.basket),
        source = escape(basket_source),
        jur = escape(&report.jurisdiction),
        table = escape(&table),
    ))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;
    use crate::report::Period;

    fn report() -> FlowsReport {
        let period = |p: &str, total: f64, lux: f64| Period {
            period: p.into(),
            total_usd: total,
            controlled_usd: lux,
            luxury_usd: lux,
            by_category: BTreeMap::from([("watches".to_string(), lux)]),
            by_partner: BTreeMap::from([("cn".to_string(), total)]),
            lines: 10,
        };
        FlowsReport {
            destination: "kp".into(),
            by: By::Year,
            basket: "kr".into(),
            jurisdiction: "UN".into(),
            periods: vec![period("2021", 285e6, 2e6), period("2022", 903e6, 28.5e6)],
            rejected_rows: 1,
        }
    }

    #[test]
    fn table_shows_changes_and_drivers() {
        let d = vec![Driver {
            period: "2022".into(),
            hs: "910111".into(),
            category: "watches".into(),
            value_usd: 28.5e6,
            change_usd: 26.5e6,
        }];
        let t = table(&report(), &d, "");
        assert!(t.contains("+1325.0%"), "{t}");
        assert!(t.contains("910111"));
        assert!(t.contains("1 input row(s) rejected"));
    }

    #[test]
    fn html_draws_the_series_with_sources_and_grades() {
        let h = html(
            &report(),
            &[],
            "GENERATED input (x_generated.csv)",
            "ROK list",
        )
        .unwrap();
        assert!(h.contains("<svg"));
        assert!(h.contains("GENERATED input"));
        assert!(h.contains("UN Comtrade"));
        assert!(h.contains("grade A") && h.contains("grade C"));
        assert!(!h.contains("<script"));
    }
}
