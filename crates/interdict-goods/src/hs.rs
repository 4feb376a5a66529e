//! The HS 2022 nomenclature (chapters, headings, subheadings) and the HS 2017
//! codes that changed in 2022. Owns parsing and resolving declared codes; must
//! not know about control rules or descriptions.

use crate::error::GoodsError;
use flate2::read::GzDecoder;
use interdict_model::PartialDate;
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::io::Read;

const HS_CSV_GZ: &[u8] = include_bytes!("../../../data/hs/harmonized-system.csv.gz");
const CHANGES_CSV: &str = include_str!("../../../data/hs/hs2017_2022_changes.csv");

/// One code of the nomenclature.
#[derive(Debug, Clone, Serialize)]
pub struct HsEntry {
    /// 2-, 4- or 6-digit code without dots.
    pub code: String,
    /// The nomenclature text.
    pub description: String,
    /// 2 = chapter, 4 = heading, 6 = subheading.
    pub level: u8,
    /// The section number (Roman numeral).
    pub section: String,
}

/// An HS 2017 code whose meaning changed in HS 2022.
#[derive(Debug, Clone, Serialize)]
pub struct Hs2017Change {
    /// The HS 2017 code.
    pub hs2017: String,
    /// Its HS 2022 targets.
    pub hs2022: Vec<String>,
    /// `split`, `moved`, `deleted`, ...
    pub relation: String,
    /// Which amendment, in words.
    pub note: String,
}

/// Which edition a declared code was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Edition {
    /// HS 2022, in force since 1 January 2022.
    Hs2022,
    /// HS 2017, for lines dated before 2022 and codes that changed.
    Hs2017,
}

/// A declared code resolved to the HS 2022 nomenclature.
#[derive(Debug, Clone, Serialize)]
pub struct ResolvedHs {
    /// The digits as declared (dots and spaces removed).
    pub declared: String,
    /// The HS 2022 code used for screening: 6 digits where known, else 4 or 2.
    pub code: String,
    /// The 4-digit heading, when the code is at least a heading.
    pub heading: Option<String>,
    /// The edition the declared code was read in.
    pub edition: Edition,
    /// Explains an HS 2017 mapping or an ambiguous split.
    pub note: Option<String>,
}

/// The bundled nomenclature with the HS 2017 → 2022 change table.
#[derive(Debug)]
pub struct Nomenclature {
    // Fx hashing: the classifier looks codes up on every line.
    entries: FxHashMap<String, HsEntry>,
    changes: FxHashMap<String, Hs2017Change>,
}

/// Strips dots, spaces and hyphens; checks 2–10 digits.
pub fn normalize_code(input: &str) -> Result<String, GoodsError> {
    let digits: String = input
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '-' | '\u{a0}'))
        .collect();
    if digits.is_empty() {
        return Err(GoodsError::field("hs", input, "empty HS code"));
    }
    if !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(GoodsError::field(
            "hs",
            input,
            "an HS code has only digits (dots allowed)",
        ));
    }
    if !(2..=10).contains(&digits.len()) {
        return Err(GoodsError::field(
            "hs",
            input,
            "an HS code has 2 to 10 digits",
        ));
    }
    Ok(digits)
}

impl Nomenclature {
    /// Loads the embedded HS 2022 file and change table.
    pub fn bundled() -> Result<Nomenclature, GoodsError> {
        const FILE: &str = "data/hs/harmonized-system.csv.gz";
        let mut text = String::new();
        GzDecoder::new(HS_CSV_GZ)
            .read_to_string(&mut text)
            .map_err(|e| GoodsError::data(FILE, 0, e.to_string()))?;
        let mut entries = FxHashMap::default();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| GoodsError::data(FILE, i + 1, e.to_string()))?;
            let (section, code, desc, level) = (
                rec.get(0).unwrap_or_default(),
                rec.get(1).unwrap_or_default(),
                rec.get(2).unwrap_or_default(),
                rec.get(4).unwrap_or_default(),
            );
            let level: u8 = level
                .parse()
                .map_err(|_| GoodsError::data(FILE, i + 1, format!("bad level {level:?}")))?;
            entries.insert(
                code.to_string(),
                HsEntry {
                    code: code.to_string(),
                    description: desc.to_string(),
                    level,
                    section: section.to_string(),
                },
            );
        }
        let mut changes = FxHashMap::default();
        const CFILE: &str = "data/hs/hs2017_2022_changes.csv";
        let mut rdr = csv::Reader::from_reader(CHANGES_CSV.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| GoodsError::data(CFILE, i + 1, e.to_string()))?;
            let hs2017 = rec.get(0).unwrap_or_default().to_string();
            let hs2022: Vec<String> = rec
                .get(1)
                .unwrap_or_default()
                .split(';')
                .map(str::to_string)
                .collect();
            for t in &hs2022 {
                if !entries.contains_key(t) {
                    return Err(GoodsError::data(
                        CFILE,
                        i + 1,
                        format!("target {t} not in HS 2022"),
                    ));
                }
            }
            changes.insert(
                hs2017.clone(),
                Hs2017Change {
                    hs2017,
                    hs2022,
                    relation: rec.get(2).unwrap_or_default().to_string(),
                    note: rec.get(3).unwrap_or_default().to_string(),
                },
            );
        }
        Ok(Nomenclature { entries, changes })
    }

    /// The entry for an exact 2-, 4- or 6-digit HS 2022 code.
    pub fn get(&self, code: &str) -> Option<&HsEntry> {
        self.entries.get(code)
    }

    /// Every code of a level (2 = chapters, 4 = headings, 6 = subheadings), unordered.
    pub fn codes_of_level(&self, level: u8) -> Vec<String> {
        self.entries
            .values()
            .filter(|e| e.level == level)
            .map(|e| e.code.clone())
            .collect()
    }

    /// The HS 2017 change recorded for a 4- or 6-digit HS 2017 code.
    pub fn change_2017(&self, code: &str) -> Option<&Hs2017Change> {
        self.changes.get(code)
    }

    /// Number of codes (chapters + headings + subheadings).
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when nothing is loaded (never for the bundled data).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Resolves a declared code (2–10 digits, dots allowed) to HS 2022.
    /// National tariff lines are cut to their HS-6 prefix. A code that only
    /// exists in HS 2017, or any changed code on a line dated before 2022, is
    /// mapped through the change table with a note. Unknown codes are errors.
    pub fn resolve(
        &self,
        input: &str,
        date: Option<&PartialDate>,
    ) -> Result<ResolvedHs, GoodsError> {
        let declared = normalize_code(input)?;
        let prefix_len = match declared.len() {
            n if n >= 6 => 6,
            4 | 5 => 4,
            _ => 2,
        };
        let prefix = &declared[..prefix_len];
        let before_2022 = date.is_some_and(|d| d.year < 2022);
        let change = self.changes.get(prefix).or_else(|| {
            self.changes
                .get(&prefix[..prefix_len.min(4)])
                .filter(|_| prefix_len == 6 && !self.entries.contains_key(prefix))
        });
        let in_2022 = self.entries.contains_key(prefix);
        if let Some(ch) = change {
            if before_2022 || !in_2022 {
                return Ok(self.map_2017(&declared, prefix, ch));
            }
        }
        if in_2022 {
            return Ok(ResolvedHs {
                declared: declared.clone(),
                code: prefix.to_string(),
                heading: prefix.get(..4).map(str::to_string),
                edition: Edition::Hs2022,
                note: None,
            });
        }
        let heading = prefix
            .get(..4)
            .filter(|h| prefix.len() == 6 && self.entries.contains_key(*h));
        let reason = if let Some(h) = heading {
            format!("subheading {prefix} does not exist in HS 2022 (heading {h} does) nor among the HS 2017 codes that changed")
        } else {
            format!("{prefix} is not an HS 2022 chapter, heading or subheading")
        };
        Err(GoodsError::field("hs", input, reason))
    }

    fn map_2017(&self, declared: &str, prefix: &str, ch: &Hs2017Change) -> ResolvedHs {
        let headings: Vec<&str> = ch.hs2022.iter().map(|t| t.get(..4).unwrap_or(t)).collect();
        let same_heading = headings.windows(2).all(|w| w[0] == w[1]);
        // One target: use it; several: their common heading, or the first
        // target's heading when the split crosses headings (flagged below).
        let code = if ch.hs2022.len() == 1 {
            ch.hs2022[0].clone()
        } else {
            headings[0].to_string()
        };
        let targets = ch.hs2022.join(", ");
        let note = if same_heading || ch.hs2022.len() == 1 {
            format!("HS 2017 {prefix} → HS 2022 {targets} ({})", ch.note)
        } else {
            format!(
                "HS 2017 {prefix} → HS 2022 {targets}: ambiguous, screened as {code}; check the description ({})",
                ch.note
            )
        };
        ResolvedHs {
            declared: declared.to_string(),
            heading: code.get(..4).map(str::to_string),
            code,
            edition: Edition::Hs2017,
            note: Some(note),
        }
    }
}
