//! The pair files: nomenklatura `name_bench_cases.csv` and its frozen
//! logic-v2 scores, Watchman `cross_script_pairs.csv`, and the OFAC
//! Sanctions List Search parity fixtures.

use super::{column, csv_reader, name_props, parse_schema, LabelledPair};
use anyhow::{bail, Context, Result};
use interdict_model::Schema;
use std::path::Path;

/// Reads `name_bench_cases.csv` (case_group, schema, name1, name2,
/// is_match, quality, category, notes). Slices: group, schema, quality and
/// category (when the row has one).
pub fn name_bench(path: &Path) -> Result<Vec<LabelledPair>> {
    let mut rdr = csv_reader(path)?;
    let h = rdr.headers()?.clone();
    let [group, schema, n1, n2, is_match, quality, category] = [
        "case_group",
        "schema",
        "name1",
        "name2",
        "is_match",
        "quality",
        "category",
    ]
    .map(|c| column(&h, c, path));
    let (group, schema, n1, n2, is_match, quality, category) =
        (group?, schema?, n1?, n2?, is_match?, quality?, category?);
    let mut out = Vec::new();
    for (key, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), key + 2))?;
        let line = rec.position().map_or(0, csv::Position::line);
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let quality_value = match get(quality).to_uppercase() {
            // nomenklatura's run.py treats a blank quality as MEDIUM.
            q if q.is_empty() => "MEDIUM".to_string(),
            q => q,
        };
        let mut slices = vec![
            ("group", get(group)),
            ("schema", get(schema)),
            ("quality", quality_value),
        ];
        if !get(category).is_empty() {
            slices.push(("category", get(category)));
        }
        out.push(LabelledPair {
            key,
            schema: parse_schema(&get(schema), path, line)?,
            query: name_props(&get(n1)),
            candidate: name_props(&get(n2)),
            is_match: parse_bool(&get(is_match), path, line)?,
            slices,
        });
    }
    Ok(out)
}

/// A logic-v2 score frozen by nomenklatura for one name_bench case.
#[derive(Debug, Clone, PartialEq)]
pub struct FrozenScore {
    pub case_group: String,
    pub schema: String,
    pub name1: String,
    pub name2: String,
    pub score: f64,
}

/// Reads `name_bench_logicv2_frozen_scores.csv`.
pub fn frozen_scores(path: &Path) -> Result<Vec<FrozenScore>> {
    let mut rdr = csv_reader(path)?;
    let h = rdr.headers()?.clone();
    let cols = ["case_group", "schema", "name1", "name2", "score"].map(|c| column(&h, c, path));
    let [g, s, n1, n2, sc] = cols;
    let (g, s, n1, n2, sc) = (g?, s?, n1?, n2?, sc?);
    let mut out = Vec::new();
    for rec in rdr.records() {
        let rec = rec.with_context(|| format!("{}: bad row", path.display()))?;
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        out.push(FrozenScore {
            case_group: get(g),
            schema: get(s),
            name1: get(n1),
            name2: get(n2),
            score: get(sc)
                .parse()
                .with_context(|| format!("{}: bad score {:?}", path.display(), get(sc)))?,
        });
    }
    Ok(out)
}

/// One Watchman cross-script pair: every pair is a gold match.
#[derive(Debug, Clone, PartialEq)]
pub struct CrossScriptPair {
    pub pair: LabelledPair,
    /// Watchman's own minimum score for its embedding model.
    pub min_score: f64,
    pub description: String,
    /// The language of the file's section comment ("Chinese", "Korean (Hangul)"…).
    pub section: String,
}

/// Reads `cross_script_pairs.csv`: `#` comment lines, the header is a
/// comment, rows are `Query,Expected Match,Min Score,Description`. A
/// comment `# X to Latin (…)` opens section X.
pub fn cross_script(path: &Path) -> Result<Vec<CrossScriptPair>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let mut section = String::new();
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix('#') {
            if let Some((lang, _)) = comment.split_once(" to Latin") {
                section = lang.trim().to_string();
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(line.as_bytes());
        let rec = rdr
            .records()
            .next()
            .with_context(|| format!("{}:{}: empty row", path.display(), i + 1))??;
        if rec.len() < 3 {
            bail!("{}:{}: expected 4 columns", path.display(), i + 1);
        }
        let field = |j: usize| rec.get(j).unwrap_or("").trim().to_string();
        let key = out.len();
        out.push(CrossScriptPair {
            pair: LabelledPair {
                key,
                schema: Schema::Person,
                query: name_props(&field(0)),
                candidate: name_props(&field(1)),
                is_match: true,
                slices: vec![("section", section.clone())],
            },
            min_score: field(2)
                .parse()
                .with_context(|| format!("{}:{}: bad min score", path.display(), i + 1))?,
            description: field(3),
            section: section.clone(),
        });
    }
    Ok(out)
}

/// One OFAC Sanctions List Search capture.
#[derive(Debug, Clone, PartialEq)]
pub struct OfacFixture {
    pub key: usize,
    pub query: String,
    pub result: String,
    /// OFAC's score 0–100; `None` when the fixture says -1: the result did
    /// not appear with the tool's slider at 80, so OFAC scored it below 80.
    pub ofac_score: Option<u8>,
}

/// Reads `ofac_sls_parity_fixtures.csv` (query_name, result_name, ofac_score).
pub fn ofac_parity(path: &Path) -> Result<Vec<OfacFixture>> {
    let mut rdr = csv_reader(path)?;
    let h = rdr.headers()?.clone();
    let [q, r, s] = ["query_name", "result_name", "ofac_score"].map(|c| column(&h, c, path));
    let (q, r, s) = (q?, r?, s?);
    let mut out = Vec::new();
    for (key, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), key + 2))?;
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        let raw: i32 = get(s)
            .parse()
            .with_context(|| format!("{}: row {}: bad score", path.display(), key + 2))?;
        out.push(OfacFixture {
            key,
            query: get(q),
            result: get(r),
            ofac_score: u8::try_from(raw).ok().filter(|v| *v <= 100),
        });
    }
    Ok(out)
}

fn parse_bool(s: &str, path: &Path, line: u64) -> Result<bool> {
    match s.to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Ok(true),
        "false" | "0" | "no" => Ok(false),
        _ => bail!("{}:{line}: expected true/false, got {s:?}", path.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn file(text: &str) -> tempfile::NamedTempFile {
        let mut f = tempfile::NamedTempFile::new().expect("temp file");
        f.write_all(text.as_bytes()).expect("write");
        f
    }

    #[test]
    fn name_bench_reads_labels_and_slices() {
        let f = file(
            "case_group,schema,name1,name2,is_match,quality,category,notes\n\
             nk_checks,Person,Olaf Scholze,Olaf Scholz,true,STRONG,,\n\
             synth,Company,\"Acme, Ltd\",Acme Limited,false,,Abbreviation,x\n",
        );
        let pairs = name_bench(f.path()).expect("parse");
        assert_eq!(pairs.len(), 2);
        assert!(pairs[0].is_match);
        assert_eq!(pairs[1].query["name"], ["Acme, Ltd"]);
        assert_eq!(pairs[1].schema, Schema::Company);
        assert!(pairs[1].slices.contains(&("quality", "MEDIUM".to_string())));
        assert!(pairs[1]
            .slices
            .contains(&("category", "Abbreviation".to_string())));
        assert!(!pairs[0].slices.iter().any(|(k, _)| *k == "category"));
    }

    #[test]
    fn name_bench_rejects_a_bad_label() {
        let f = file("case_group,schema,name1,name2,is_match,quality,category,notes\ng,Person,a,b,maybe,,,\n");
        assert!(name_bench(f.path()).is_err());
    }

    #[test]
    fn cross_script_tracks_sections_and_skips_comments() {
        let f = file(
            "# Format: Query,Expected Match,Min Score,Description\n\n\
             # Cyrillic to Latin (good)\nИван Иванов,Ivan Ivanov,0.95,Common\n\
             # Korean (Hangul) to Latin\n김정은,Kim Jong Un,0.70,Korean name\n",
        );
        let pairs = cross_script(f.path()).expect("parse");
        assert_eq!(pairs.len(), 2);
        assert_eq!(pairs[0].section, "Cyrillic");
        assert_eq!(pairs[1].section, "Korean (Hangul)");
        assert_eq!(pairs[1].pair.key, 1);
        assert!((pairs[1].min_score - 0.70).abs() < 1e-9);
    }

    #[test]
    fn ofac_minus_one_means_below_the_slider() {
        let f = file("query_name,result_name,ofac_score\nA,\"B, C\",100\nA,D,-1\n");
        let rows = ofac_parity(f.path()).expect("parse");
        assert_eq!(rows[0].ofac_score, Some(100));
        assert_eq!(rows[0].result, "B, C");
        assert_eq!(rows[1].ofac_score, None);
    }
}
