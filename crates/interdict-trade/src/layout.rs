//! Input layouts and their column mappings.
//!
//! Every layout is read into one canonical table (see [`crate::CANONICAL_COLUMNS`]).
//! A layout names, for each canonical field, the column of the source file
//! that holds it; any entry can be overridden with `field=column`.

use crate::error::TradeError;
use std::collections::BTreeMap;

/// A trade-file layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// UN Comtrade+ API v1 CSV (`refYear`, `reporterISO`, `cmdCode`, `primaryValue`, ...).
    ComtradePlus,
    /// The legacy UN Comtrade bulk CSV (`Year`, `Period`, `Trade Flow`, `Reporter ISO`,
    /// `Commodity Code`, `Trade Value (US$)`, ...).
    ComtradeBulk,
    /// CEPII BACI: `t,i,j,k,v,q` (year, exporter, importer, HS-6, value in
    /// thousands of USD, quantity in tonnes), with its country code file.
    Baci,
    /// Customs declarations: one line per declared good.
    Declarations,
    /// The canonical table itself (what the generator writes and Parquet input uses).
    Canonical,
}

impl Layout {
    /// Every layout, for help texts.
    pub const ALL: [Layout; 5] = [
        Layout::ComtradePlus,
        Layout::ComtradeBulk,
        Layout::Baci,
        Layout::Declarations,
        Layout::Canonical,
    ];

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Layout::ComtradePlus => "comtrade-plus",
            Layout::ComtradeBulk => "comtrade-bulk",
            Layout::Baci => "baci",
            Layout::Declarations => "declarations",
            Layout::Canonical => "canonical",
        }
    }

    /// Default mapping: canonical field → source column.
    pub fn default_mapping(self) -> BTreeMap<&'static str, String> {
        let pairs: &[(&str, &str)] = match self {
            Layout::ComtradePlus => &[
                ("freq", "freqCode"),
                ("year", "refYear"),
                ("month", "refMonth"),
                ("flow", "flowCode"),
                ("reporter", "reporterISO"),
                ("partner", "partnerISO"),
                ("hs", "cmdCode"),
                ("value", "primaryValue"),
                ("quantity", "qty"),
            ],
            Layout::ComtradeBulk => &[
                ("period", "Period"),
                ("flow", "Trade Flow"),
                ("reporter", "Reporter ISO"),
                ("partner", "Partner ISO"),
                ("hs", "Commodity Code"),
                ("value", "Trade Value (US$)"),
                ("quantity", "Qty"),
            ],
            Layout::Baci => &[
                ("year", "t"),
                ("origin", "i"),
                ("destination", "j"),
                ("hs", "k"),
                ("value", "v"),
                ("quantity", "q"),
            ],
            Layout::Declarations => &[
                ("declaration_id", "declaration_id"),
                ("date", "date"),
                ("exporter", "exporter"),
                ("consignee", "consignee"),
                ("origin", "origin"),
                ("destination", "destination"),
                ("hs", "hs_code"),
                ("description", "description"),
                ("value", "value"),
                ("currency", "currency"),
                ("quantity", "quantity"),
                ("unit", "unit"),
            ],
            Layout::Canonical => &[
                ("year", "year"),
                ("month", "month"),
                ("origin", "origin"),
                ("destination", "destination"),
                ("hs", "hs"),
                ("value", "value_usd"),
                ("quantity", "quantity"),
            ],
        };
        pairs.iter().map(|(f, c)| (*f, c.to_string())).collect()
    }

    /// Fields the layout cannot do without (a missing column stops the file).
    pub fn required(self) -> &'static [&'static str] {
        match self {
            Layout::ComtradePlus => &["year", "flow", "reporter", "partner", "hs", "value"],
            Layout::ComtradeBulk => &["period", "flow", "reporter", "partner", "hs", "value"],
            Layout::Baci => &["year", "origin", "destination", "hs", "value"],
            Layout::Declarations => &["date", "destination", "hs", "value"],
            Layout::Canonical => &["year", "origin", "destination", "hs", "value"],
        }
    }

    /// Recognises a layout from its header: the first layout whose required
    /// columns are all present.
    pub fn detect(header: &[String]) -> Option<Layout> {
        Layout::ALL.into_iter().find(|l| {
            let m = l.default_mapping();
            l.required()
                .iter()
                .all(|f| m.get(f).is_some_and(|c| header.iter().any(|h| h == c)))
        })
    }
}

impl std::str::FromStr for Layout {
    type Err = TradeError;
    fn from_str(s: &str) -> Result<Layout, TradeError> {
        Layout::ALL
            .into_iter()
            .find(|l| l.name() == s)
            .ok_or_else(|| {
                let names: Vec<&str> = Layout::ALL.iter().map(|l| l.name()).collect();
                TradeError::Config(format!(
                    "unknown layout {s:?} (known: {})",
                    names.join(", ")
                ))
            })
    }
}

/// The canonical fields a mapping may name.
pub const FIELDS: [&str; 19] = [
    "freq",
    "year",
    "month",
    "period",
    "date",
    "flow",
    "reporter",
    "partner",
    "origin",
    "destination",
    "hs",
    "value",
    "currency",
    "quantity",
    "declaration_id",
    "exporter",
    "consignee",
    "description",
    "unit",
];

/// Parses overrides `field=column` (e.g. `value=fobvalue`) onto a layout's defaults.
pub fn mapping_with(
    layout: Layout,
    overrides: &[String],
) -> Result<BTreeMap<&'static str, String>, TradeError> {
    let mut m = layout.default_mapping();
    for o in overrides {
        let (field, column) = o.split_once('=').ok_or_else(|| {
            TradeError::Config(format!("column mapping {o:?} is not field=column"))
        })?;
        let field = field.trim();
        let known = FIELDS.iter().find(|f| **f == field).ok_or_else(|| {
            TradeError::Config(format!(
                "unknown field {field:?} in mapping (known: {})",
                FIELDS.join(", ")
            ))
        })?;
        m.insert(*known, column.trim().to_string());
    }
    Ok(m)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn detects_each_layout_from_its_header() {
        for l in Layout::ALL {
            let header: Vec<String> = l.default_mapping().into_values().collect();
            assert_eq!(Layout::detect(&header), Some(l), "{}", l.name());
        }
        assert_eq!(Layout::detect(&["a".into(), "b".into()]), None);
    }

    #[test]
    fn overrides_replace_one_column_and_reject_unknown_fields() {
        let m = mapping_with(Layout::ComtradePlus, &["value=fobvalue".into()]).unwrap();
        assert_eq!(m["value"], "fobvalue");
        assert_eq!(m["hs"], "cmdCode");
        assert!(mapping_with(Layout::Baci, &["colour=x".into()]).is_err());
        assert!(mapping_with(Layout::Baci, &["novalue".into()]).is_err());
    }
}
