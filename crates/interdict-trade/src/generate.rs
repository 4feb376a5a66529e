//! A generator of HS-level mirror-trade files, because no HS-level file with
//! the DPRK as partner could be obtained. Each period's total equals the
//! real UN Comtrade total (every reporter's exports to the DPRK) and China's
//! luxury lines follow the published luxury series, split by the published
//! category figures of the nearest year that has them. Every file says
//! "generated" in its name and in its header; the plan (what the generator
//! was given) is returned so tests can check that `flows` recovers it.

use crate::baskets::Basket;
use crate::error::TradeError;
use crate::read::Line;
use crate::reference::{self, PartnerTotal, Published};
use crate::report::By;
use crate::tables::Tables;
use interdict_model::rng::SplitMix64 as Rng;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Output layout of generated files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GenLayout {
    /// UN Comtrade+ API v1 CSV.
    ComtradePlus,
    /// CEPII BACI `t,i,j,k,v,q` (annual only).
    Baci,
    /// Canonical Parquet (for large runs).
    Parquet,
}

impl std::str::FromStr for GenLayout {
    type Err = TradeError;
    fn from_str(s: &str) -> Result<GenLayout, TradeError> {
        match s {
            "comtrade-plus" => Ok(GenLayout::ComtradePlus),
            "baci" => Ok(GenLayout::Baci),
            "parquet" => Ok(GenLayout::Parquet),
            _ => Err(TradeError::Config(format!(
                "unknown generated layout {s:?} (comtrade-plus, baci, parquet)"
            ))),
        }
    }
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct GenerateOptions {
    /// File layout.
    pub layout: GenLayout,
    /// Annual or monthly lines.
    pub by: By,
    /// About how many lines in all.
    pub lines: u64,
    /// Seed of the deterministic generator.
    pub seed: u64,
}

/// What the generator was given for one period.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PeriodTarget {
    /// `YYYY` or `YYYY-MM`.
    pub period: String,
    /// The real Comtrade total (all reporters), USD.
    pub total_usd: f64,
    /// Real totals by reporter (ISO alpha-2), USD.
    pub by_partner: BTreeMap<String, f64>,
    /// China's luxury lines (KR basket), USD.
    pub luxury_usd: f64,
    /// Luxury by KR basket category, USD.
    pub by_category: BTreeMap<String, f64>,
    /// Where the luxury figure comes from.
    pub luxury_basis: String,
}

/// The generator's calibration, period by period.
#[derive(Debug, Clone, Serialize)]
pub struct Plan {
    /// Periods in order.
    pub periods: Vec<PeriodTarget>,
}

/// Luxury USD per year: the published full-year figure, the 2023 partial
/// figure as is, or a straight line between the nearest published years.
fn luxury_by_year(
    series: &[(i32, u32, &Published)],
    years: &[i32],
) -> BTreeMap<i32, (f64, String)> {
    let full: BTreeMap<i32, f64> = series
        .iter()
        .filter(|(_, m, _)| *m == 12)
        .map(|(y, _, p)| (*y, p.value_usd))
        .collect();
    let mut out = BTreeMap::new();
    for &y in years {
        if let Some((_, m, p)) = series.iter().find(|(sy, _, _)| *sy == y) {
            let basis = format!(
                "published {} ({} months, grade {}, {})",
                p.value_usd, m, p.grade, p.outlet
            );
            out.insert(y, (p.value_usd, basis));
            continue;
        }
        let before = full.range(..y).next_back();
        let after = full.range(y + 1..).next();
        if let (Some((&y0, &v0)), Some((&y1, &v1))) = (before, after) {
            let v = v0 + (v1 - v0) * f64::from(y - y0) / f64::from(y1 - y0);
            out.insert(
                y,
                (v, format!("interpolated between published {y0} and {y1}")),
            );
        }
    }
    out
}

/// Category shares from the published category rows of the year nearest
/// to `year` that reports at least three categories (later year on a tie).
fn category_shares(published: &[Published], kr: &Basket, year: i32) -> BTreeMap<String, f64> {
    let totals: Vec<&Published> = published
        .iter()
        .filter(|p| p.series == "yoon_gacc" && p.category == "total")
        .collect();
    let mut best: Option<(i32, Vec<(&Published, f64)>)> = None;
    for t in &totals {
        let cats: Vec<&Published> = published
            .iter()
            .filter(|p| p.series == "yoon_gacc" && p.category != "total")
            .filter(|p| p.period_start == t.period_start && p.period_end == t.period_end)
            .collect();
        let Some(ty) = t.period_start.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        if cats.len() < 3 {
            continue;
        }
        let better = best.as_ref().is_none_or(|(by, _)| {
            let (d, bd) = ((ty - year).abs(), (by - year).abs());
            d < bd || (d == bd && ty > *by)
        });
        if better {
            best = Some((ty, cats.into_iter().map(|c| (c, t.value_usd)).collect()));
        }
    }
    let mut shares: BTreeMap<String, f64> = BTreeMap::new();
    if let Some((_, cats)) = best {
        for (c, total) in cats {
            if let Some(cat) = c.hs_hint.iter().find_map(|h| kr.category_under(h)) {
                *shares.entry(cat.to_string()).or_default() += c.value_usd / total;
            }
        }
    }
    let named: f64 = shares.values().sum::<f64>().min(1.0);
    let rest: Vec<String> = kr
        .categories()
        .into_iter()
        .filter(|c| !shares.contains_key(*c))
        .map(str::to_string)
        .collect();
    for c in &rest {
        shares.insert(c.clone(), (1.0 - named) / rest.len() as f64);
    }
    let sum: f64 = shares.values().sum();
    shares.values_mut().for_each(|v| *v /= sum);
    shares
}

/// Month weights for splitting an annual total when no monthly figure is
/// bundled: a mild seasonal wave, normalised.
fn season() -> [f64; 12] {
    let mut w = [0.0; 12];
    for (i, x) in w.iter_mut().enumerate() {
        *x = 1.0 + 0.3 * (std::f64::consts::TAU * (i as f64 - 2.0) / 12.0).sin();
    }
    let s: f64 = w.iter().sum();
    w.map(|x| x / s)
}

/// Real totals per period and reporter.
fn period_partners(totals: &[PartnerTotal], by: By) -> BTreeMap<String, BTreeMap<String, f64>> {
    let mut out: BTreeMap<String, BTreeMap<String, f64>> = BTreeMap::new();
    let monthly_years: Vec<&str> = totals
        .iter()
        .filter(|t| t.freq == "M")
        .filter_map(|t| t.period.get(..4))
        .collect();
    for t in totals {
        let year = t.period.get(..4).unwrap_or_default();
        match (by, t.freq.as_str()) {
            (By::Year, "A") => {
                *out.entry(t.period.clone())
                    .or_default()
                    .entry(t.origin.clone())
                    .or_default() += t.value_usd
            }
            // Years with only monthly files (2023) count their months.
            (By::Year, "M") if !totals.iter().any(|a| a.freq == "A" && a.period == year) => {
                *out.entry(year.to_string())
                    .or_default()
                    .entry(t.origin.clone())
                    .or_default() += t.value_usd
            }
            (By::Month, "M") => {
                *out.entry(t.period.clone())
                    .or_default()
                    .entry(t.origin.clone())
                    .or_default() += t.value_usd
            }
            (By::Month, "A") if !monthly_years.contains(&year) => {
                for (m, w) in season().iter().enumerate() {
                    let p = format!("{year}-{:02}", m + 1);
                    *out.entry(p)
                        .or_default()
                        .entry(t.origin.clone())
                        .or_default() += t.value_usd * w;
                }
            }
            _ => {}
        }
    }
    out
}

/// Builds the plan from the bundled real figures.
pub fn plan(tables: &Tables, by: By) -> Result<Plan, TradeError> {
    let totals = reference::comtrade_totals()?;
    let published = reference::published()?;
    let series = reference::luxury_series(&published);
    let kr = tables
        .basket("kr")
        .ok_or_else(|| TradeError::Config("no kr basket".into()))?;
    let mut partners = period_partners(&totals, by);
    let years: Vec<i32> = partners
        .keys()
        .filter_map(|p| p.get(..4)?.parse().ok())
        .collect();
    let lux = luxury_by_year(&series, &years);
    // 2023: the published figure covers January–July; China's own total for
    // those months is not bundled, so its lines are the luxury lines alone.
    if let Some((_, m, p)) = series.iter().find(|(y, _, _)| *y == 2023) {
        let months: Vec<String> = (1..=*m).map(|i| format!("2023-{i:02}")).collect();
        let w = season();
        let wsum: f64 = (0..*m as usize).map(|i| w[i]).sum();
        for (i, period) in months.iter().enumerate() {
            let key = if by == By::Year {
                "2023".to_string()
            } else {
                period.clone()
            };
            let share = if by == By::Year {
                1.0 / f64::from(*m)
            } else {
                w[i] / wsum
            };
            *partners
                .entry(key)
                .or_default()
                .entry("cn".into())
                .or_default() += p.value_usd * share;
        }
    }
    let mut china_year: BTreeMap<String, f64> = BTreeMap::new();
    for (p, parts) in &partners {
        *china_year.entry(p[..4].to_string()).or_default() +=
            parts.get("cn").copied().unwrap_or(0.0);
    }
    let mut periods = Vec::new();
    for (period, by_partner) in partners {
        let Some(year) = period.get(..4).and_then(|y| y.parse::<i32>().ok()) else {
            continue;
        };
        let china = by_partner.get("cn").copied().unwrap_or(0.0);
        let (year_lux, basis) = lux
            .get(&year)
            .cloned()
            .unwrap_or((0.0, "no published figure".into()));
        // Monthly luxury follows China's own monthly totals.
        let cy = china_year.get(&period[..4]).copied().unwrap_or(0.0);
        let luxury_usd = match by {
            By::Year => year_lux,
            By::Month if cy > 0.0 => year_lux * china / cy,
            By::Month => 0.0,
        }
        .min(china);
        let shares = category_shares(&published, kr, year);
        let by_category = shares
            .iter()
            .map(|(c, s)| (c.clone(), luxury_usd * s))
            .collect();
        periods.push(PeriodTarget {
            total_usd: by_partner.values().sum(),
            period,
            by_partner,
            luxury_usd,
            by_category,
            luxury_basis: basis,
        });
    }
    Ok(Plan { periods })
}

/// Splits `amount` into `n` positive parts that add up to it.
fn split(rng: &mut Rng, amount: f64, n: usize) -> Vec<f64> {
    let w: Vec<f64> = (0..n.max(1)).map(|_| 0.2 + rng.unit()).collect();
    let s: f64 = w.iter().sum();
    w.iter().map(|x| amount * x / s).collect()
}

/// HS-6 pools: per KR category, and codes in no basket at all.
struct Pools {
    luxury: BTreeMap<String, Vec<String>>,
    other: Vec<String>,
}

fn pools(tables: &Tables, kr: &Basket) -> Pools {
    let mut luxury: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut other = Vec::new();
    for code in tables.goods.nomenclature().codes_of_level(6) {
        if let Some(c) = kr.category_of(&code) {
            luxury.entry(c.to_string()).or_default().push(code);
        } else if tables
            .baskets
            .iter()
            .all(|b| b.category_of(&code).is_none())
            && !code.starts_with("98")
            && !code.starts_with("99")
        {
            other.push(code);
        }
    }
    Pools { luxury, other }
}

/// Writes one destination's generated lines, calling `emit` per line.
fn lines_of(
    plan: &Plan,
    pools: &Pools,
    opts: &GenerateOptions,
    emit: &mut dyn FnMut(Line) -> Result<(), TradeError>,
) -> Result<(), TradeError> {
    let mut rng = Rng::new(opts.seed);
    let per_period = (opts.lines / plan.periods.len().max(1) as u64).max(1);
    for p in &plan.periods {
        let (year, month) = parse_period(&p.period);
        let line = |origin: &str, hs: &str, v: f64| Line {
            year,
            month,
            origin: Some(origin.to_string()),
            destination: "kp".into(),
            hs: Some(hs.to_string()),
            value_usd: v,
            quantity: None,
            declaration: None,
        };
        let lux_lines = ((per_period as f64 * 0.1) as usize).max(p.by_category.len());
        for (cat, v) in &p.by_category {
            let codes = pools.luxury.get(cat).map(Vec::as_slice).unwrap_or_default();
            let n = (lux_lines / p.by_category.len().max(1)).max(1);
            for part in split(&mut rng, *v, n) {
                if let Some(hs) = rng.pick(codes) {
                    emit(line("cn", hs, part))?;
                }
            }
        }
        let rest_lines = per_period.saturating_sub(lux_lines as u64).max(1) as f64;
        for (origin, total) in &p.by_partner {
            let own = if origin == "cn" {
                total - p.luxury_usd
            } else {
                *total
            };
            if own <= 0.0 {
                continue;
            }
            let n = ((rest_lines * own / p.total_usd).round() as usize).max(1);
            for part in split(&mut rng, own, n) {
                if let Some(hs) = rng.pick(&pools.other) {
                    emit(line(origin, hs, part))?;
                }
            }
        }
    }
    Ok(())
}

fn parse_period(p: &str) -> (i32, Option<u32>) {
    let y = p.get(..4).and_then(|y| y.parse().ok()).unwrap_or_default();
    let m = p.get(5..7).and_then(|m| m.parse().ok());
    (y, m)
}

/// The header of a real Comtrade+ API v1 CSV file (the bundled fixture's).
const COMTRADE_PLUS_HEADER: &str = ",typeCode,freqCode,refPeriodId,refYear,refMonth,period,reporterCode,reporterISO,reporterDesc,flowCode,flowDesc,partnerCode,partnerISO,partnerDesc,partner2Code,partner2ISO,partner2Desc,classificationCode,classificationSearchCode,isOriginalClassification,cmdCode,cmdDesc,aggrLevel,isLeaf,customsCode,customsDesc,mosCode,motCode,motDesc,qtyUnitCode,qtyUnitAbbr,qty,isQtyEstimated,altQtyUnitCode,altQtyUnitAbbr,altQty,isAltQtyEstimated,netWgt,isNetWgtEstimated,grossWgt,isGrossWgtEstimated,cifvalue,fobvalue,primaryValue,legacyEstimationFlag,isReported,isAggregate";

fn comtrade_plus_row(i: u64, l: &Line) -> String {
    let origin = l.origin.as_deref().unwrap_or_default();
    let iso3 = |c: &str| {
        interdict_model::countries::by_code(c)
            .map(|c| c.alpha3.clone())
            .unwrap_or_default()
    };
    let num = |c: &str| interdict_model::countries::numeric_of(c).unwrap_or_default();
    let (freq, month, period) = match l.month {
        Some(m) => ("M", m.to_string(), format!("{}{m:02}", l.year)),
        None => ("A", "52".to_string(), l.year.to_string()),
    };
    let ref_period = format!("{}{:02}01", l.year, l.month.unwrap_or(1));
    let hs = l.hs.as_deref().unwrap_or("TOTAL");
    format!(
        "{i},C,{freq},{ref_period},{y},{month},{period},{rc},{r3},,X,Export,{pc},{p3},,0,W00,World,H6,HS,True,{hs},,6,True,C00,TOTAL CPC,0,0,TOTAL MOT,-1,N/A,0.0,False,-1,N/A,0.0,False,0.0,False,0.0,False,,{v:.3},{v:.3},0,False,False",
        y = l.year,
        rc = num(origin),
        r3 = iso3(origin),
        pc = num(&l.destination),
        p3 = iso3(&l.destination),
        v = l.value_usd,
    )
}

fn baci_row(l: &Line) -> String {
    let num = |c: &str| interdict_model::countries::numeric_of(c).unwrap_or_default();
    format!(
        "{},{},{},{},{:.6},NA",
        l.year,
        num(l.origin.as_deref().unwrap_or_default()),
        num(&l.destination),
        l.hs.as_deref().unwrap_or_default(),
        l.value_usd / 1000.0
    )
}

/// The file name of generated output: always contains "generated".
pub fn file_name(opts: &GenerateOptions) -> String {
    let by = match opts.by {
        By::Year => "year",
        By::Month => "month",
    };
    match opts.layout {
        GenLayout::ComtradePlus => format!("kp_mirror_generated_comtradeplus_{by}.csv"),
        GenLayout::Baci => format!("kp_mirror_generated_baci_{by}.csv"),
        GenLayout::Parquet => format!("kp_mirror_generated_{by}.parquet"),
    }
}

const NOTICE: &str = "GENERATED mirror-trade lines, not customs data: period totals equal the real UN Comtrade totals of exports to the DPRK; luxury lines follow the published series (see data/trade/PROVENANCE.md)";

/// Generates the file into `dir`; returns its path and the plan.
pub fn generate(
    tables: &Tables,
    opts: &GenerateOptions,
    dir: &Path,
) -> Result<(PathBuf, Plan), TradeError> {
    if opts.layout == GenLayout::Baci && opts.by == By::Month {
        return Err(TradeError::Config("BACI is annual: use --by year".into()));
    }
    let plan = plan(tables, opts.by)?;
    let kr = tables
        .basket("kr")
        .ok_or_else(|| TradeError::Config("no kr basket".into()))?;
    let pools = pools(tables, kr);
    let path = dir.join(file_name(opts));
    match opts.layout {
        #[cfg(feature = "engine")]
        GenLayout::Parquet => write_parquet(&path, &plan, &pools, opts)?,
        #[cfg(not(feature = "engine"))]
        GenLayout::Parquet => {
            return Err(TradeError::Config(
                "Parquet output needs the `engine` feature".into(),
            ))
        }
        GenLayout::ComtradePlus | GenLayout::Baci => {
            let f = std::fs::File::create(&path).map_err(|e| TradeError::io(&path, e))?;
            let mut w = std::io::BufWriter::new(f);
            let io = |e| TradeError::io(&path, e);
            writeln!(w, "# {NOTICE}").map_err(io)?;
            let baci = opts.layout == GenLayout::Baci;
            writeln!(
                w,
                "{}",
                if baci {
                    "t,i,j,k,v,q"
                } else {
                    COMTRADE_PLUS_HEADER
                }
            )
            .map_err(io)?;
            let mut i = 0u64;
            lines_of(&plan, &pools, opts, &mut |l| {
                i += 1;
                let row = if baci {
                    baci_row(&l)
                } else {
                    comtrade_plus_row(i, &l)
                };
                writeln!(w, "{row}").map_err(|e| TradeError::io(&path, e))
            })?;
            w.flush().map_err(io)?;
        }
    }
    Ok((path, plan))
}

#[cfg(feature = "engine")]
/// Canonical Parquet, written in batches of a million lines; the notice is
/// in the file's key-value metadata.
fn write_parquet(
    path: &Path,
    plan: &Plan,
    pools: &Pools,
    opts: &GenerateOptions,
) -> Result<(), TradeError> {
    use datafusion::parquet::arrow::ArrowWriter;
    use datafusion::parquet::file::metadata::KeyValue;
    use datafusion::parquet::file::properties::WriterProperties;
    let f = std::fs::File::create(path).map_err(|e| TradeError::io(path, e))?;
    let props = WriterProperties::builder()
        .set_key_value_metadata(Some(vec![KeyValue::new(
            "generated".into(),
            NOTICE.to_string(),
        )]))
        .build();
    let mut w = ArrowWriter::try_new(f, crate::table::schema(), Some(props))?;
    let mut buf = Vec::with_capacity(1 << 20);
    lines_of(plan, pools, opts, &mut |l| {
        buf.push(l);
        if buf.len() >= 1 << 20 {
            w.write(&crate::table::batch(&buf)?)?;
            buf.clear();
        }
        Ok(())
    })?;
    if !buf.is_empty() {
        w.write(&crate::table::batch(&buf)?)?;
    }
    w.close()?;
    Ok(())
}
