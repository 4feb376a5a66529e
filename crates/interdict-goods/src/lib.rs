//! Goods screening for interdict: what may not go to (or come from) the DPRK.
//!
//! [`GoodsScreener`] bundles the HS 2022 nomenclature (with the HS 2017 codes
//! that changed), the DPRK control rules of the UN, EU, UK, US, Japan and
//! South Korea with their citations and verification status, and a
//! description classifier that knows the luxury vocabulary (makes, models,
//! watch makers, spirits, furs, cosmetics, yachts) in English, Russian,
//! Chinese, Korean and Japanese. All data is embedded at build time from the
//! repository's `data/` folder.
//!
//! ```
//! use interdict_goods::{GoodsScreener, GoodsLine, Status};
//! let s = GoodsScreener::bundled().unwrap();
//! let line = GoodsLine {
//!     description: "Aurus Senat armoured limousine".into(),
//!     destination: "kp".into(),
//!     date: Some("2024-02-18".into()),
//!     ..GoodsLine::default()
//! };
//! let report = s.assess(&line).unwrap();
//! assert_eq!(report.hs.heading.as_deref(), Some("8703"));
//! assert_eq!(report.verdict("UN").unwrap().status, Status::Prohibited);
//! ```
//!
//! This crate knows nothing about parties or shipments; the shipment rules
//! call [`GoodsScreener::assess`] per goods line.

#![warn(missing_docs)]

// Modules are private: every public type has one path, at the crate root.
mod assess;
mod batch;
mod classify;
mod deciding;
mod error;
mod eval;
mod fx;
mod glossary;
mod hs;
mod index;
mod rules;
mod terms;
mod verdict;
mod vocab;
mod zh;

pub use assess::{
    CodeBasis, GoodsLine, GoodsReport, HsFinding, Mismatch, MismatchKind, OVERRIDE_CONFIDENCE,
};
pub use batch::{
    csv_records, jsonl_lines, line_from_csv, NumberedRecord, NumberedResult, CSV_COLUMNS,
};
pub use classify::{Candidate, Classification, MakeHit, MIN_CONFIDENCE};
pub use deciding::DecidingRule;
pub use error::GoodsError;
pub use eval::{evaluate, evaluate_with, AccuracyReport, Miss};
pub use fx::{FxRate, FxTable};
pub use hs::{normalize_code, Edition, Hs2017Change, HsEntry, Nomenclature, ResolvedHs};
pub use index::IndexStats;
pub use rules::{
    Direction, Effect, HsBasis, HsPattern, HumanitarianNote, Rule, Verification, JURISDICTIONS,
};
pub use verdict::{RuleRef, Status, Verdict};
pub use vocab::{normalize, HeadingCategory, Hit, Term, TermKind, Vocabulary};

/// The loaded nomenclature, rules, vocabulary and exchange rates.
#[derive(Debug)]
pub struct GoodsScreener {
    pub(crate) nomenclature: hs::Nomenclature,
    pub(crate) rules: Vec<rules::Rule>,
    pub(crate) vocab: vocab::Vocabulary,
    pub(crate) fx: fx::FxTable,
    pub(crate) index: index::HsIndex,
    pub(crate) deciding: Vec<deciding::DecidingRule>,
    pub(crate) humanitarian: Vec<rules::HumanitarianNote>,
}

impl GoodsScreener {
    /// Loads everything bundled in the binary.
    pub fn bundled() -> Result<GoodsScreener, GoodsError> {
        let nomenclature = hs::Nomenclature::bundled()?;
        let index = index::HsIndex::build(&nomenclature)?;
        Ok(GoodsScreener {
            index,
            deciding: deciding::bundled()?,
            humanitarian: rules::bundled_humanitarian()?,
            nomenclature,
            rules: rules::bundled_rules()?,
            vocab: vocab::Vocabulary::bundled()?,
            fx: fx::FxTable::bundled()?,
        })
    }

    /// Description → heading (and subheading when known), confidence and the
    /// deciding words.
    pub fn classify(&self, description: &str) -> Classification {
        let tables = classify::Tables {
            vocab: &self.vocab,
            nomenclature: &self.nomenclature,
            index: &self.index,
            deciding: &self.deciding,
        };
        classify::classify(&tables, description)
    }

    /// One verdict per jurisdiction for a goods line, or an error naming the
    /// bad field (unknown HS code or country, negative value, unknown
    /// currency, bad date).
    pub fn assess(&self, line: &GoodsLine) -> Result<GoodsReport, GoodsError> {
        assess::assess(self, line)
    }

    /// Resolves a declared HS code (2–10 digits, HS 2022 or 2017).
    pub fn resolve_hs(
        &self,
        code: &str,
        date: Option<&interdict_model::PartialDate>,
    ) -> Result<ResolvedHs, GoodsError> {
        self.nomenclature.resolve(code, date)
    }

    /// The control rules, in file order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// The HS 2022 nomenclature.
    pub fn nomenclature(&self) -> &Nomenclature {
        &self.nomenclature
    }

    /// The nomenclature's deciding rules (material, construction, capacity,
    /// GIR 2(a)), in file order.
    pub fn deciding_rules(&self) -> &[DecidingRule] {
        &self.deciding
    }

    /// Sizes of the retrieval index over the nomenclature.
    pub fn index_stats(&self) -> IndexStats {
        self.index.stats()
    }

    /// The classifier vocabulary.
    pub fn vocabulary(&self) -> &Vocabulary {
        &self.vocab
    }
}
