//! The blind name sets (`eval/blind/names/{dev,holdout}/*.csv`): queries
//! written apart from the matcher, each with what a correct engine must do
//! (`match`, `shown` or `none`) and the gold record ids.
//!
//! Columns: `id,class,schema,query,birth_date,nationality,expect,gold_ids,
//! gold_name,query_source,label_source,source_checked,notes`. A bad row
//! never stops the reading: it is kept as a [`BadRow`] naming file, line and
//! field, and reported. Holdout rows are never printed one by one (see
//! [`crate::evaluate::blind`]).
//!
//! This module reads files only; it must not score.

use super::{column, csv_reader, parse_schema, Props};
use anyhow::{Context, Result};
use interdict_model::{countries, PartialDate, Schema};
use std::path::{Path, PathBuf};

/// The two parts of a blind set: read case by case while tuning, or never.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Part {
    Dev,
    Holdout,
}

impl Part {
    pub const ALL: [Part; 2] = [Part::Dev, Part::Holdout];

    pub fn dir(self) -> &'static str {
        match self {
            Part::Dev => "dev",
            Part::Holdout => "holdout",
        }
    }
}

/// What a correct engine does with a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expect {
    /// The gold party is the top result and scores as a match.
    Match,
    /// The gold party is the top result shown, whatever its score.
    Shown,
    /// No result scores as a match.
    None,
}

impl Expect {
    fn parse(s: &str) -> Option<Expect> {
        Some(match s {
            "match" => Expect::Match,
            "shown" => Expect::Shown,
            "none" => Expect::None,
            _ => return None,
        })
    }
}

/// One query of a blind set.
#[derive(Debug, Clone, PartialEq)]
pub struct BlindRow {
    pub part: Part,
    pub id: String,
    pub class: String,
    pub schema: Schema,
    pub query: Props,
    pub expect: Expect,
    pub gold_ids: Vec<String>,
    pub gold_name: String,
}

impl BlindRow {
    /// The query's name (for listings).
    pub fn name(&self) -> &str {
        self.query
            .get("name")
            .and_then(|v| v.first())
            .map_or("", String::as_str)
    }
}

/// A row that could not be read: where, and which field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    pub part: Part,
    pub file: PathBuf,
    pub line: u64,
    pub field: &'static str,
    pub problem: String,
}

/// Every row of every CSV file under `dir/dev` and `dir/holdout` (either
/// may be missing), in file-name then line order, and the rows that could
/// not be read.
pub fn read_dir(dir: &Path) -> Result<(Vec<BlindRow>, Vec<BadRow>)> {
    let mut rows = Vec::new();
    let mut bad = Vec::new();
    for part in Part::ALL {
        for file in csv_files(&dir.join(part.dir()))? {
            read_file(&file, part, &mut rows, &mut bad)?;
        }
    }
    Ok((rows, bad))
}

/// The CSV files of a directory, sorted; none if it does not exist.
pub fn csv_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    Ok(files)
}

const COLUMNS: [&str; 8] = [
    "id",
    "class",
    "schema",
    "query",
    "birth_date",
    "nationality",
    "expect",
    "gold_ids",
];

/// Reads one file; a file without the expected columns is an error (it is
/// not a blind set file), a bad row is a [`BadRow`].
fn read_file(
    path: &Path,
    part: Part,
    rows: &mut Vec<BlindRow>,
    bad: &mut Vec<BadRow>,
) -> Result<()> {
    let mut rdr = csv_reader(path)?;
    let h = rdr.headers()?.clone();
    let cols: Vec<usize> = COLUMNS
        .iter()
        .map(|c| column(&h, c, path))
        .collect::<Result<_>>()?;
    let gold_name = column(&h, "gold_name", path).ok();
    for rec in rdr.records() {
        let mut fail = |line: u64, field: &'static str, problem: String| {
            bad.push(BadRow {
                part,
                file: path.to_path_buf(),
                line,
                field,
                problem,
            });
        };
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line());
                fail(line, "(row)", e.to_string());
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| p.line());
        let get = |i: usize| rec.get(cols[i]).unwrap_or("").trim();
        match parse_row(part, &get, gold_name.and_then(|i| rec.get(i))) {
            Ok(row) => rows.push(row),
            Err((field, problem)) => fail(line, field, problem),
        }
    }
    Ok(())
}

type FieldError = (&'static str, String);

fn parse_row<'r>(
    part: Part,
    get: &dyn Fn(usize) -> &'r str,
    gold_name: Option<&str>,
) -> Result<BlindRow, FieldError> {
    let [id, class, schema, query, birth_date, nationality, expect, gold_ids] =
        [0, 1, 2, 3, 4, 5, 6, 7].map(get);
    let need = |field: &'static str, v: &str| {
        if v.is_empty() {
            Err((field, "empty".to_string()))
        } else {
            Ok(())
        }
    };
    need("id", id)?;
    need("class", class)?;
    need("query", query)?;
    let schema = parse_schema(schema, Path::new(""), 0)
        .map_err(|_| ("schema", format!("unknown schema {schema:?}")))?;
    let expect = Expect::parse(expect)
        .ok_or(("expect", format!("{expect:?} is not match, shown or none")))?;
    let gold_ids: Vec<String> = gold_ids
        .split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if expect != Expect::None && gold_ids.is_empty() {
        return Err(("gold_ids", "empty for a match or shown row".into()));
    }
    let mut props = Props::new();
    props.insert("name".into(), vec![query.to_string()]);
    if !birth_date.is_empty() {
        birth_date
            .parse::<PartialDate>()
            .map_err(|e| ("birth_date", e.to_string()))?;
        props.insert("birthDate".into(), vec![birth_date.to_string()]);
    }
    if !nationality.is_empty() {
        let c = countries::resolve(nationality)
            .ok_or(("nationality", format!("unknown country {nationality:?}")))?;
        props.insert("nationality".into(), vec![c.code.clone()]);
    }
    Ok(BlindRow {
        part,
        id: id.to_string(),
        class: class.to_string(),
        schema,
        query: props,
        expect,
        gold_ids,
        gold_name: gold_name.unwrap_or("").trim().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id,class,schema,query,birth_date,nationality,expect,gold_ids,gold_name,query_source,label_source,source_checked,notes\n";

    #[test]
    fn reads_both_parts_and_keeps_bad_rows_apart() {
        let dir = tempfile::tempdir().expect("dir");
        let dev = dir.path().join("dev");
        std::fs::create_dir_all(&dev).expect("mkdir");
        std::fs::write(
            dev.join("a.csv"),
            format!(
                "{HEAD}a-1,a,Company,고려항공,,,match,us_ofac_sdn:1|un_sc_sanctions:KPe.1,AIR KORYO,x,x,yes,\n\
                 a-2,a,Person,Ivan,1970,ru,none,,,x,x,no,\n\
                 a-3,a,Person,Ivan,1970-13,ru,none,,,x,x,no,\n\
                 a-4,a,Person,Ivan,,,maybe,,,x,x,no,\n\
                 a-5,a,Person,Ivan,,,match,,,x,x,no,\n"
            ),
        )
        .expect("write");
        let (rows, bad) = read_dir(dir.path()).expect("read");
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].gold_ids.len(), 2);
        assert_eq!(rows[0].part, Part::Dev);
        assert_eq!(
            rows[1].query.get("nationality"),
            Some(&vec!["ru".to_string()])
        );
        let fields: Vec<(u64, &str)> = bad.iter().map(|b| (b.line, b.field)).collect();
        assert_eq!(fields, [(4, "birth_date"), (5, "expect"), (6, "gold_ids")]);
    }

    #[test]
    fn a_missing_part_is_empty() {
        let dir = tempfile::tempdir().expect("dir");
        let (rows, bad) = read_dir(dir.path()).expect("read");
        assert!(rows.is_empty() && bad.is_empty());
    }
}
