//! Reads trade files in any [`Layout`] into canonical lines, checking every
//! field: numbers, dates, HS codes (against the goods crate's nomenclature)
//! and country codes (against the model crate's country table). A row that
//! fails becomes a [`Rejection`] naming file, line, field and reason.

use crate::error::{Rejection, TradeError};
use crate::layout::{mapping_with, Layout};
use interdict_goods::{FxTable, Nomenclature};
use interdict_model::lines::GuardedRead;
use interdict_model::{countries, PartialDate};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How to read a set of files.
#[derive(Debug, Clone, Default)]
pub struct LoadOptions {
    /// The layout; detected from each file's header when `None`.
    pub layout: Option<Layout>,
    /// Column overrides `field=column` on top of the layout's defaults.
    pub mapping: Vec<String>,
    /// Keep the valid rows and count the rejected ones instead of stopping.
    pub skip_bad_rows: bool,
    /// BACI's country code file (`country_code`, `country_iso3`, ...); without
    /// it BACI's numeric codes resolve as UN M49 through the country table.
    pub baci_countries: Option<PathBuf>,
}

/// One canonical trade line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// Calendar year.
    pub year: i32,
    /// Month 1–12 for monthly data.
    pub month: Option<u32>,
    /// Exporting country, ISO alpha-2 lower case.
    pub origin: Option<String>,
    /// Importing country, ISO alpha-2 lower case.
    pub destination: String,
    /// HS code (2, 4 or 6 digits); `None` for all-commodity totals.
    pub hs: Option<String>,
    /// Value in US dollars.
    pub value_usd: f64,
    /// Quantity as reported.
    pub quantity: Option<f64>,
    /// Declaration id, date, parties and description (declaration layout).
    pub declaration: Option<Declaration>,
}

/// The declaration-only fields of a line.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Declaration {
    /// Declaration id.
    pub id: String,
    /// The declared date `YYYY-MM-DD`.
    pub date: String,
    /// Exporter name.
    pub exporter: String,
    /// Consignee name.
    pub consignee: String,
    /// Goods description.
    pub description: String,
}

impl Line {
    /// `YYYY` or `YYYY-MM`.
    pub fn period(&self) -> String {
        match self.month {
            Some(m) => format!("{}-{m:02}", self.year),
            None => self.year.to_string(),
        }
    }
}

/// Lookup tables the checks need.
pub(crate) struct Checker<'a> {
    pub nomenclature: &'a Nomenclature,
    pub fx: &'a FxTable,
    /// BACI numeric code → ISO alpha-2, from its country file.
    pub numeric: HashMap<u32, String>,
}

/// UN Comtrade's own numeric area codes where they differ from ISO 3166
/// numeric (Comtrade reference table of reporter and partner areas; BACI uses
/// the same codes).
const COMTRADE_AREAS: [(u32, &str); 6] = [
    (842, "us"),
    (251, "fr"),
    (757, "ch"),
    (699, "in"),
    (579, "no"),
    (490, "tw"),
];

type FieldResult<T> = Result<T, (&'static str, String)>;

impl Checker<'_> {
    /// The checks of `tables`, with BACI's country file when `opts` names one.
    fn new<'t>(
        opts: &LoadOptions,
        tables: &'t crate::tables::Tables,
    ) -> Result<Checker<'t>, TradeError> {
        let numeric = match &opts.baci_countries {
            Some(p) => baci_countries(p)?,
            None => HashMap::new(),
        };
        Ok(Checker {
            nomenclature: tables.goods.nomenclature(),
            fx: &tables.fx,
            numeric,
        })
    }

    fn country(&self, field: &'static str, s: &str) -> FieldResult<String> {
        let s = s.trim();
        if let Ok(n) = s.parse::<u32>() {
            let code = self
                .numeric
                .get(&n)
                .cloned()
                .or_else(|| {
                    COMTRADE_AREAS
                        .iter()
                        .find(|(c, _)| *c == n)
                        .map(|(_, a)| a.to_string())
                })
                .or_else(|| {
                    u16::try_from(n)
                        .ok()
                        .and_then(countries::by_numeric)
                        .map(|c| c.code.clone())
                });
            return code.ok_or((field, format!("unknown numeric country code {s:?}")));
        }
        countries::resolve(s)
            .map(|c| c.code.clone())
            .ok_or((field, format!("unknown country {s:?}")))
    }

    /// `None` for the all-commodities aggregate (`TOTAL`); otherwise the
    /// first 6 digits, whose heading must exist in the nomenclature (older
    /// editions' subheadings are kept under an existing heading).
    fn hs(&self, s: &str) -> FieldResult<Option<String>> {
        let s = s.trim();
        if s.eq_ignore_ascii_case("TOTAL") {
            return Ok(None);
        }
        let digits: String = s.chars().filter(|c| !matches!(c, '.' | ' ')).collect();
        if digits.len() < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(("hs", format!("not an HS code: {s:?}")));
        }
        // BACI and spreadsheets drop the leading zero of chapters 01-09.
        let digits = if digits.len() % 2 == 1 {
            format!("0{digits}")
        } else {
            digits
        };
        let code = &digits[..digits.len().min(6)];
        let head = &code[..code.len().min(4)];
        if self.nomenclature.get(head).is_none() {
            return Err((
                "hs",
                format!("HS code {s:?} does not exist (no heading {head})"),
            ));
        }
        Ok(Some(code.to_string()))
    }
}

fn number(field: &'static str, s: &str) -> FieldResult<f64> {
    let v: f64 = s
        .trim()
        .parse()
        .map_err(|_| (field, format!("not a number: {s:?}")))?;
    if !v.is_finite() || v < 0.0 {
        return Err((field, format!("not a non-negative amount: {s:?}")));
    }
    Ok(v)
}

/// Years a trade statistic or declaration can carry.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2100;

fn year(s: &str) -> FieldResult<i32> {
    match s.trim().parse::<i32>() {
        Ok(y) if YEARS.contains(&y) => Ok(y),
        _ => Err(("year", format!("not a year: {s:?}"))),
    }
}

fn month(s: &str) -> FieldResult<u32> {
    match s.trim().parse::<u32>() {
        Ok(m) if (1..=12).contains(&m) => Ok(m),
        _ => Err(("month", format!("not a month: {s:?}"))),
    }
}

/// Export flows put the reporter as origin; import flows as destination.
fn is_export(s: &str) -> FieldResult<bool> {
    match s.trim().to_ascii_lowercase().as_str() {
        "x" | "rx" | "dx" | "export" | "re-export" | "2" | "3" => Ok(true),
        "m" | "rm" | "fm" | "import" | "re-import" | "1" | "4" => Ok(false),
        other => Err(("flow", format!("unknown trade flow {other:?}"))),
    }
}

/// One CSV record seen through the mapping.
struct Row<'r> {
    rec: &'r csv::StringRecord,
    cols: &'r BTreeMap<&'static str, usize>,
}

impl Row<'_> {
    /// The trimmed value of a mapped field; `None` when unmapped or empty.
    fn get(&self, field: &str) -> Option<&str> {
        let v = self.rec.get(*self.cols.get(field)?)?.trim();
        (!v.is_empty()).then_some(v)
    }

    fn need(&self, field: &'static str) -> FieldResult<&str> {
        self.get(field).ok_or((field, "empty".to_string()))
    }

    fn quantity(&self) -> FieldResult<Option<f64>> {
        match self.get("quantity") {
            None | Some("NA") | Some("N/A") => Ok(None),
            Some(q) => number("quantity", q).map(Some),
        }
    }
}

fn interpret(layout: Layout, row: &Row, ck: &Checker) -> FieldResult<Line> {
    match layout {
        Layout::ComtradePlus | Layout::ComtradeBulk => comtrade_line(layout, row, ck),
        Layout::Baci => Ok(Line {
            year: year(row.need("year")?)?,
            origin: Some(ck.country("origin", row.need("origin")?)?),
            destination: ck.country("destination", row.need("destination")?)?,
            hs: ck.hs(row.need("hs")?)?,
            // BACI values are in thousands of US dollars.
            value_usd: number("value", row.need("value")?)? * 1000.0,
            quantity: row.quantity()?,
            ..Line::default()
        }),
        Layout::Declarations => declaration_line(row, ck),
        Layout::Canonical => Ok(Line {
            year: year(row.need("year")?)?,
            month: row.get("month").map(month).transpose()?,
            origin: Some(ck.country("origin", row.need("origin")?)?),
            destination: ck.country("destination", row.need("destination")?)?,
            hs: ck.hs(row.need("hs")?)?,
            value_usd: number("value", row.need("value")?)?,
            quantity: row.quantity()?,
            ..Line::default()
        }),
    }
}

fn comtrade_line(layout: Layout, row: &Row, ck: &Checker) -> FieldResult<Line> {
    let (y, m) = if layout == Layout::ComtradePlus {
        let annual = row.get("freq").is_some_and(|f| f.eq_ignore_ascii_case("A"));
        let y = year(row.need("year")?)?;
        let m = if annual {
            None
        } else {
            Some(month(row.need("month")?)?)
        };
        (y, m)
    } else {
        // Legacy bulk files carry `YYYY` for annual and `YYYYMM` for monthly data.
        let p = row.need("period")?;
        // Digits only, so that the lengths below count characters.
        let digits = p.bytes().all(|b| b.is_ascii_digit());
        match p.len() {
            4 if digits => (year(p)?, None),
            6 if digits => (year(&p[..4])?, Some(month(&p[4..])?)),
            _ => return Err(("period", format!("not YYYY or YYYYMM: {p:?}"))),
        }
    };
    let reporter = ck.country("reporter", row.need("reporter")?)?;
    let partner = ck.country("partner", row.need("partner")?)?;
    let (origin, destination) = if is_export(row.need("flow")?)? {
        (reporter, partner)
    } else {
        (partner, reporter)
    };
    Ok(Line {
        year: y,
        month: m,
        origin: Some(origin),
        destination,
        hs: ck.hs(row.need("hs")?)?,
        value_usd: number("value", row.need("value")?)?,
        quantity: row.quantity()?,
        declaration: None,
    })
}

fn declaration_line(row: &Row, ck: &Checker) -> FieldResult<Line> {
    let raw_date = row.need("date")?;
    let date: PartialDate = raw_date
        .parse()
        .map_err(|e: interdict_model::DateError| ("date", e.to_string()))?;
    if !YEARS.contains(&i32::from(date.year)) {
        return Err(("date", format!("year out of range: {raw_date:?}")));
    }
    let value = number("value", row.need("value")?)?;
    let value_usd = match row.get("currency") {
        None => value,
        Some(c) if c.eq_ignore_ascii_case("USD") => value,
        Some(c) => ck
            .fx
            .to_usd(value, c)
            .map(|(v, _)| v)
            .map_err(|e| ("currency", e.to_string()))?,
    };
    if !value_usd.is_finite() {
        return Err(("value", format!("too large in US dollars: {value:?}")));
    }
    let text = |f: &str| row.get(f).unwrap_or_default().to_string();
    Ok(Line {
        year: i32::from(date.year),
        month: date.month.map(u32::from),
        origin: row
            .get("origin")
            .map(|o| ck.country("origin", o))
            .transpose()?,
        destination: ck.country("destination", row.need("destination")?)?,
        hs: ck.hs(row.need("hs")?)?,
        value_usd,
        quantity: row.quantity()?,
        declaration: Some(Declaration {
            id: text("declaration_id"),
            date: raw_date.to_string(),
            exporter: text("exporter"),
            consignee: text("consignee"),
            description: text("description"),
        }),
    })
}

/// Opens a file, decompressing `.gz`.
pub(crate) fn open(path: &Path) -> Result<Box<dyn Read>, TradeError> {
    let f = std::fs::File::open(path).map_err(|e| TradeError::io(path, e))?;
    if path.extension().is_some_and(|e| e == "gz") {
        Ok(Box::new(flate2::read::GzDecoder::new(f)))
    } else {
        Ok(Box::new(f))
    }
}

/// The rows of one file: valid lines and rejections.
pub(crate) fn read_file(
    path: &Path,
    opts: &LoadOptions,
    ck: &Checker,
) -> Result<(Vec<Line>, Vec<Rejection>), TradeError> {
    read_input(path, open(path)?, opts, ck)
}

/// The rows of `input`, named `path` in errors and rejections. `#` lines are
/// comments (generated files say so in theirs). A line over the model's
/// line limit, or input that stops being readable (a corrupt `.gz`), refuses
/// the whole file: what follows cannot be counted, so no partial table.
fn read_input(
    path: &Path,
    input: impl Read,
    opts: &LoadOptions,
    ck: &Checker,
) -> Result<(Vec<Line>, Vec<Rejection>), TradeError> {
    let file = path.display().to_string();
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .flexible(true)
        .from_reader(GuardedRead::new(input));
    let header: Vec<String> = rdr
        .headers()
        .map_err(|e| unreadable(path, e))?
        .iter()
        .map(|h| h.trim().to_string())
        .collect();
    let layout = match opts.layout {
        Some(l) => l,
        None => Layout::detect(&header).ok_or_else(|| {
            TradeError::Config(format!(
                "{file}: layout not recognised from the header; pass --layout"
            ))
        })?,
    };
    let mapping = mapping_with(layout, &opts.mapping)?;
    let (cols, missing) = resolve_columns(layout, &mapping, &header, &file);
    if !missing.is_empty() {
        return Ok((Vec::new(), missing));
    }
    let mut lines = Vec::new();
    let mut rejected = Vec::new();
    for rec in rdr.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) if matches!(e.kind(), csv::ErrorKind::Io(_)) => {
                return Err(unreadable(path, e));
            }
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                rejected.push(reject(&file, line, "row", e.to_string()));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let row = Row {
            rec: &rec,
            cols: &cols,
        };
        match interpret(layout, &row, ck) {
            Ok(l) => lines.push(l),
            Err((field, reason)) => rejected.push(reject(&file, line, field, reason)),
        }
    }
    Ok((lines, rejected))
}

/// A file the CSV reader cannot go on reading (an I/O error, a line over the
/// limit), with the position where it stopped.
fn unreadable(path: &Path, e: csv::Error) -> TradeError {
    let at = e
        .position()
        .map(|p| format!("line {}: ", p.line()))
        .unwrap_or_default();
    let kind = match e.kind() {
        csv::ErrorKind::Io(io) => io.kind(),
        _ => std::io::ErrorKind::InvalidData,
    };
    TradeError::io(path, std::io::Error::new(kind, format!("{at}{e}")))
}

/// Reads trade rows from `input` as if from the file `name` (standard input,
/// an upload): valid lines and rejections, as [`read_files`] gives per file.
pub fn read_from(
    name: &Path,
    input: impl Read,
    opts: &LoadOptions,
    tables: &crate::tables::Tables,
) -> Result<(Vec<Line>, Vec<Rejection>), TradeError> {
    let ck = Checker::new(opts, tables)?;
    read_input(name, input, opts, &ck)
}

fn reject(file: &str, line: u64, field: &str, reason: String) -> Rejection {
    Rejection {
        file: file.to_string(),
        line,
        field: field.to_string(),
        reason,
    }
}

/// Column index per mapped field; required fields whose column is absent
/// are returned as rejections of the header line.
fn resolve_columns(
    layout: Layout,
    mapping: &BTreeMap<&'static str, String>,
    header: &[String],
    file: &str,
) -> (BTreeMap<&'static str, usize>, Vec<Rejection>) {
    let mut cols = BTreeMap::new();
    let mut missing = Vec::new();
    for (field, column) in mapping {
        match header.iter().position(|h| h == column) {
            Some(i) => {
                cols.insert(*field, i);
            }
            None if layout.required().contains(field) => missing.push(reject(
                file,
                1,
                field,
                format!("unknown column {column:?} (layout {})", layout.name()),
            )),
            None => {}
        }
    }
    (cols, missing)
}

/// Reads and checks `files` (CSV in any layout): valid lines and rejections.
pub fn read_files(
    files: &[PathBuf],
    opts: &LoadOptions,
    tables: &crate::tables::Tables,
) -> Result<(Vec<Vec<Line>>, Vec<Rejection>), TradeError> {
    let ck = Checker::new(opts, tables)?;
    let mut lines = Vec::new();
    let mut rejected = Vec::new();
    for path in files {
        let (l, bad) = read_file(path, opts, &ck)?;
        lines.push(l);
        rejected.extend(bad);
    }
    Ok((lines, rejected))
}

/// BACI's country file: numeric code → ISO alpha-2 through the ISO-3 column.
pub(crate) fn baci_countries(path: &Path) -> Result<HashMap<u32, String>, TradeError> {
    let file = path.display().to_string();
    let mut rdr = csv::Reader::from_reader(open(path)?);
    let header = rdr
        .headers()
        .map_err(|e| TradeError::Config(format!("{file}: {e}")))?
        .clone();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.trim()));
    let (code, iso3) = match (
        col(&["country_code"]),
        col(&["country_iso3", "iso_3digit_alpha"]),
    ) {
        (Some(c), Some(i)) => (c, i),
        _ => {
            return Err(TradeError::Config(format!(
                "{file}: BACI country file needs country_code and country_iso3 columns"
            )))
        }
    };
    let mut map = HashMap::new();
    for rec in rdr.records() {
        let rec = rec.map_err(|e| TradeError::Config(format!("{file}: {e}")))?;
        let n = rec.get(code).and_then(|c| c.trim().parse::<u32>().ok());
        let c = rec.get(iso3).and_then(countries::by_code);
        if let (Some(n), Some(c)) = (n, c) {
            map.insert(n, c.code.clone());
        }
    }
    Ok(map)
}
