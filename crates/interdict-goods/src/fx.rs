//! Reference exchange rates used to turn declared values into US dollars for
//! value thresholds. One annual-average rate per currency, each with its
//! source (data/reference/goods/fx_rates.csv). Must not fetch live rates.

use crate::error::GoodsError;
use serde::Serialize;
use std::collections::HashMap;

const FX_CSV: &str = include_str!("../../../data/reference/goods/fx_rates.csv");

/// One reference rate.
#[derive(Debug, Clone, Serialize)]
pub struct FxRate {
    /// ISO 4217 code.
    pub currency: String,
    /// Units of the currency per US dollar.
    pub per_usd: f64,
    /// The year the average covers.
    pub year: u16,
    /// How the rate was obtained (annual average, peg, ...).
    pub basis: String,
    /// Where it comes from.
    pub source: String,
    /// How far it was checked.
    pub checked: String,
}

/// The bundled reference-rate table.
#[derive(Debug)]
pub struct FxTable {
    rates: HashMap<String, FxRate>,
}

impl FxTable {
    /// Loads the bundled rate table.
    pub fn bundled() -> Result<FxTable, GoodsError> {
        const FILE: &str = "data/reference/goods/fx_rates.csv";
        let mut rates = HashMap::new();
        let mut rdr = csv::Reader::from_reader(FX_CSV.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.map_err(|e| GoodsError::data(FILE, i + 1, e.to_string()))?;
            let get = |n: usize| rec.get(n).unwrap_or_default().to_string();
            let per_usd: f64 = get(1)
                .parse()
                .map_err(|_| GoodsError::data(FILE, i + 1, "per_usd is not a number"))?;
            if per_usd <= 0.0 {
                return Err(GoodsError::data(FILE, i + 1, "per_usd must be positive"));
            }
            let year: u16 = get(2)
                .parse()
                .map_err(|_| GoodsError::data(FILE, i + 1, "year is not a number"))?;
            let rate = FxRate {
                currency: get(0),
                per_usd,
                year,
                basis: get(3),
                source: get(4),
                checked: get(5),
            };
            rates.insert(rate.currency.clone(), rate);
        }
        Ok(FxTable { rates })
    }

    /// The rate for an ISO 4217 code (any case).
    pub fn rate(&self, currency: &str) -> Option<&FxRate> {
        self.rates.get(&currency.trim().to_ascii_uppercase())
    }

    /// Converts `amount` in `currency` to USD, or names the field in error.
    pub fn to_usd(&self, amount: f64, currency: &str) -> Result<(f64, &FxRate), GoodsError> {
        let rate = self.rate(currency).ok_or_else(|| {
            let mut known: Vec<&str> = self.rates.keys().map(String::as_str).collect();
            known.sort_unstable();
            GoodsError::field(
                "currency",
                currency,
                format!(
                    "no reference rate for this currency (known: {})",
                    known.join(", ")
                ),
            )
        })?;
        Ok((amount / rate.per_usd, rate))
    }
}
