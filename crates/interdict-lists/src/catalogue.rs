//! The catalogue: which datasets interdict knows, their metadata, the
//! bundled snapshots (embedded in the binary with `include_bytes!` and
//! gunzipped in memory) and the dispatch from a dataset name to its parser.
//!
//! Owns the dataset names and where each format's files are found; the
//! format knowledge stays in the parser modules.

use crate::error::ListError;
use crate::snapshot::Snapshot;
use crate::source::{self, Input};
use crate::{eu_fsf_xml, ofac_csv, ofac_enhanced_xml, uk_fcdo, un_xml, us_csl};
use interdict_model::DatasetInfo;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// A bundled file: its name in `data/lists/` and its gzip bytes.
type Bundled = (&'static str, &'static [u8]);

macro_rules! bundled {
    ($name:literal) => {
        (
            $name,
            include_bytes!(concat!("../../../data/lists/", $name)) as &[u8],
        )
    };
}

const UN: Bundled = bundled!("un_sc_sanctions_2026-02-27.xml.gz");
const SDN: Bundled = bundled!("us_ofac_sdn_sdn_2024-05-03.csv.gz");
const SDN_ALT: Bundled = bundled!("us_ofac_sdn_alt_2025-12.csv.gz");
const SDN_ADD: Bundled = bundled!("us_ofac_sdn_add_2025-12.csv.gz");
const SDN_COMMENTS: Bundled = bundled!("us_ofac_sdn_comments_2025-12.csv.gz");
const CONS: Bundled = bundled!("us_ofac_cons_2025-01-10.xml.gz");
const UK: [Bundled; 5] = [
    bundled!("gb_fcdo_sanctions_2026-05/subjects.csv.gz"),
    bundled!("gb_fcdo_sanctions_2026-05/subject_names.csv.gz"),
    bundled!("gb_fcdo_sanctions_2026-05/subject_identifiers.csv.gz"),
    bundled!("gb_fcdo_sanctions_2026-05/subject_dobs.csv.gz"),
    bundled!("gb_fcdo_sanctions_2026-05/subject_countries.csv.gz"),
];
const CSL: Bundled = bundled!("us_trade_csl_2022-05.csv.gz");

/// Static metadata of one known dataset.
struct Known {
    name: &'static str,
    title: &'static str,
    publisher: &'static str,
    /// The bundled snapshot's date, as stated in or derived from its files.
    bundled_date: Option<&'static str>,
    source_url: &'static str,
}

const KNOWN: &[Known] = &[
    Known {
        name: un_xml::DATASET,
        title: "UN Security Council Consolidated List",
        publisher: "United Nations Security Council",
        bundled_date: Some("2026-02-27"),
        source_url: "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
    },
    Known {
        name: ofac_csv::DATASET,
        title: "OFAC Specially Designated Nationals (SDN) List",
        publisher: "U.S. Department of the Treasury, Office of Foreign Assets Control",
        bundled_date: Some("2024-05-03"),
        source_url: "https://www.treasury.gov/ofac/downloads/sdn.csv",
    },
    Known {
        name: ofac_enhanced_xml::DATASET,
        title: "OFAC Consolidated (non-SDN) Sanctions List",
        publisher: "U.S. Department of the Treasury, Office of Foreign Assets Control",
        bundled_date: Some("2025-01-10"),
        source_url: "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/CONS_ENHANCED.XML",
    },
    Known {
        name: uk_fcdo::DATASET,
        title: "UK Sanctions List",
        publisher: "UK Foreign, Commonwealth & Development Office",
        bundled_date: Some("2026-04-29"),
        source_url: "https://www.gov.uk/government/publications/the-uk-sanctions-list",
    },
    Known {
        name: us_csl::DATASET,
        title: "US Consolidated Screening List",
        publisher: "U.S. Department of Commerce, International Trade Administration",
        bundled_date: Some("2022-04-21"),
        source_url: "https://www.trade.gov/consolidated-screening-list",
    },
    Known {
        name: eu_fsf_xml::DATASET,
        title: "EU Financial Sanctions Files (consolidated list)",
        publisher: "European Commission",
        bundled_date: None,
        source_url: "https://webgate.ec.europa.eu/fsd/fsf",
    },
];

fn known(name: &str) -> Result<&'static Known, ListError> {
    KNOWN
        .iter()
        .find(|k| k.name == name)
        .ok_or_else(|| ListError::UnknownDataset(name.to_string()))
}

/// Metadata of a known dataset with an empty snapshot date (a parser fills
/// it in when its file states one).
fn info(name: &str) -> DatasetInfo {
    let k = KNOWN.iter().find(|k| k.name == name);
    DatasetInfo {
        name: name.to_string(),
        title: k.map_or(name, |k| k.title).to_string(),
        publisher: k.map_or("", |k| k.publisher).to_string(),
        snapshot_date: String::new(),
        source_url: k.map_or("", |k| k.source_url).to_string(),
    }
}

/// A parsed snapshot with the catalogue's title, publisher and address: the
/// parsers give only the name and the date their file states.
fn described(mut snapshot: Snapshot) -> Snapshot {
    snapshot.info = DatasetInfo {
        snapshot_date: std::mem::take(&mut snapshot.info.snapshot_date),
        ..info(&snapshot.info.name)
    };
    snapshot
}

/// The bundled datasets' metadata, in display order.
pub fn catalogue() -> Vec<DatasetInfo> {
    KNOWN
        .iter()
        .filter_map(|k| {
            k.bundled_date.map(|d| DatasetInfo {
                snapshot_date: d.to_string(),
                ..info(k.name)
            })
        })
        .collect()
}

/// Names of every dataset the parsers understand (bundled or not).
pub fn known_datasets() -> Vec<&'static str> {
    KNOWN.iter().map(|k| k.name).collect()
}

fn bundled_input(b: Bundled) -> Result<Input, ListError> {
    Input::from_bytes(format!("data/lists/{}", b.0), b.1)
}

/// Several bundled files, gunzipped in parallel.
fn bundled_inputs<const N: usize>(files: [Bundled; N]) -> Result<[Input; N], ListError> {
    let inputs: Vec<Input> = files
        .par_iter()
        .map(|&b| bundled_input(b))
        .collect::<Result<_, _>>()?;
    inputs.try_into().map_err(|_: Vec<Input>| ListError::Store {
        path: PathBuf::from("data/lists"),
        message: "bundled file count mismatch".into(),
    })
}

/// Parses one bundled dataset.
pub fn load_bundled_dataset(name: &str) -> Result<Snapshot, ListError> {
    let k = known(name)?;
    let mut snapshot = match name {
        un_xml::DATASET => un_xml::parse(&bundled_input(UN)?)?,
        ofac_csv::DATASET => {
            let [sdn, alt, add, comments] = bundled_inputs([SDN, SDN_ALT, SDN_ADD, SDN_COMMENTS])?;
            ofac_csv::parse(&ofac_csv::Files {
                sdn,
                alt: Some(alt),
                add: Some(add),
                comments: Some(comments),
            })?
        }
        ofac_enhanced_xml::DATASET => ofac_enhanced_xml::parse(&bundled_input(CONS)?)?,
        uk_fcdo::DATASET => {
            let [subjects, names, ids, dobs, countries] = bundled_inputs(UK)?;
            uk_fcdo::parse(&uk_fcdo::Files {
                subjects,
                names: Some(names),
                identifiers: Some(ids),
                dobs: Some(dobs),
                countries: Some(countries),
            })?
        }
        us_csl::DATASET => us_csl::parse(&bundled_input(CSL)?)?,
        _ => return Err(ListError::UnknownDataset(name.to_string())),
    };
    if snapshot.info.snapshot_date.is_empty() {
        snapshot.info.snapshot_date = k.bundled_date.unwrap_or_default().to_string();
    }
    Ok(described(snapshot))
}

/// Every bundled dataset, parsed in parallel.
pub fn load_bundled() -> Result<Vec<Snapshot>, ListError> {
    catalogue()
        .par_iter()
        .map(|d| load_bundled_dataset(&d.name))
        .collect()
}

/// Parses a snapshot of `dataset` from files in memory (plain or gzip),
/// each with the name errors give it: the single-file formats read the
/// first; `us_ofac_sdn` and `gb_fcdo_sanctions` pick their files by name as
/// [`parse_snapshot`] does in a directory (the first file is `sdn.csv` or
/// `subjects.csv` when no name says so). For callers that hold the bytes
/// already (fuzzing, uploads).
pub fn parse_bytes(dataset: &str, files: &[(&str, &[u8])]) -> Result<Snapshot, ListError> {
    known(dataset)?;
    parse_inputs(dataset, files).map(described)
}

fn parse_inputs(dataset: &str, files: &[(&str, &[u8])]) -> Result<Snapshot, ListError> {
    let input = |i: usize| -> Result<Option<Input>, ListError> {
        files
            .get(i)
            .map(|(name, bytes)| Input::from_bytes(*name, bytes))
            .transpose()
    };
    let named = |want: &str| -> Result<Option<Input>, ListError> {
        files
            .iter()
            .skip(1)
            .find(|(n, _)| source::stem(&n.to_lowercase()).contains(want))
            .map(|(name, bytes)| Input::from_bytes(*name, bytes))
            .transpose()
    };
    let Some(first) = input(0)? else {
        return Err(ListError::Store {
            path: PathBuf::new(),
            message: format!("no file given for {dataset}"),
        });
    };
    match dataset {
        un_xml::DATASET => un_xml::parse(&first),
        ofac_enhanced_xml::DATASET => ofac_enhanced_xml::parse(&first),
        us_csl::DATASET => us_csl::parse(&first),
        eu_fsf_xml::DATASET => eu_fsf_xml::parse(&first),
        ofac_csv::DATASET => ofac_csv::parse(&ofac_csv::Files {
            sdn: first,
            alt: named("alt")?,
            add: named("add")?,
            comments: named("comments")?,
        }),
        uk_fcdo::DATASET => uk_fcdo::parse(&uk_fcdo::Files {
            subjects: first,
            names: named("subject_names")?,
            identifiers: named("subject_identifiers")?,
            dobs: named("subject_dobs")?,
            countries: named("subject_countries")?,
        }),
        _ => Err(ListError::UnknownDataset(dataset.to_string())),
    }
}

/// Parses a snapshot of `dataset` from `path`: a file (plain or `.gz`), or a
/// directory for the multi-file formats (`gb_fcdo_sanctions`: the five
/// tables; `us_ofac_sdn`: `sdn.csv` with `alt.csv`, `add.csv`,
/// `sdn_comments.csv` beside it).
pub fn parse_snapshot(dataset: &str, path: &Path) -> Result<Snapshot, ListError> {
    known(dataset)?;
    parse_files(dataset, path).map(described)
}

fn parse_files(dataset: &str, path: &Path) -> Result<Snapshot, ListError> {
    match dataset {
        un_xml::DATASET => un_xml::parse(&Input::read(path)?),
        ofac_enhanced_xml::DATASET => ofac_enhanced_xml::parse(&Input::read(path)?),
        us_csl::DATASET => us_csl::parse(&Input::read(path)?),
        eu_fsf_xml::DATASET => eu_fsf_xml::parse(&Input::read(path)?),
        ofac_csv::DATASET => ofac_csv::parse(&ofac_csv::Files::at(path)?),
        uk_fcdo::DATASET => uk_fcdo::parse(&uk_fcdo::Files::in_dir(path)?),
        _ => Err(ListError::UnknownDataset(dataset.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::snapshot::SnapshotStats;

    #[test]
    fn described_adds_the_catalogue_metadata_and_keeps_the_file_date() {
        let snapshot = described(Snapshot::parsed(
            un_xml::DATASET,
            Some("2026-02-27".into()),
            Vec::new(),
            SnapshotStats::default(),
        ));
        assert_eq!(snapshot.info.title, "UN Security Council Consolidated List");
        assert_eq!(snapshot.info.publisher, "United Nations Security Council");
        assert_eq!(snapshot.info.snapshot_date, "2026-02-27");
        assert!(snapshot
            .info
            .source_url
            .starts_with("https://scsanctions.un.org/"));
    }
}
