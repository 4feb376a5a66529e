//! The tables interdict's functions read: the goods crate's screener (rules,
//! nomenclature, vocabulary), the baskets and reference exchange rates.

use crate::baskets::Basket;
use crate::error::TradeError;
use interdict_goods::{FxTable, GoodsLine, GoodsScreener, Status};
use std::collections::HashMap;
use std::sync::Mutex;

/// The tables the functions read: goods rules and nomenclature, baskets.
pub struct Tables {
    /// The goods crate's screener (rules, nomenclature, vocabulary).
    pub goods: GoodsScreener,
    /// Every basket by name.
    pub baskets: Vec<Basket>,
    /// Reference exchange rates (declaration values in other currencies).
    pub fx: FxTable,
    /// Verdicts already computed, by `hs|destination|date|jurisdiction`.
    verdicts: Mutex<HashMap<String, &'static str>>,
}

impl Tables {
    /// Loads the bundled goods tables and baskets.
    pub fn bundled() -> Result<Tables, TradeError> {
        let goods = GoodsScreener::bundled()?;
        let baskets = crate::baskets::all(&goods)?;
        Ok(Tables {
            goods,
            baskets,
            fx: FxTable::bundled()?,
            verdicts: Mutex::new(HashMap::new()),
        })
    }

    /// The basket called `name` (case-insensitive).
    pub fn basket(&self, name: &str) -> Option<&Basket> {
        self.baskets
            .iter()
            .find(|b| b.name.eq_ignore_ascii_case(name))
    }

    /// The vocabulary's most specific category of an HS code.
    pub fn hs_category(&self, hs: &str) -> Option<String> {
        let (cats, _) = self.goods.vocabulary().categories_of(hs);
        cats.last().map(|c| c.to_string())
    }

    /// The goods crate's status for supplying `hs` to `destination` on
    /// `date` under `jurisdiction`.
    pub fn controlled(
        &self,
        hs: &str,
        destination: &str,
        date: &str,
        jurisdiction: &str,
    ) -> &'static str {
        let key = format!("{hs}|{destination}|{date}|{jurisdiction}");
        if let Some(s) = self.verdicts.lock().ok().and_then(|m| m.get(&key).copied()) {
            return s;
        }
        let line = GoodsLine {
            hs_code: Some(hs.to_string()),
            destination: destination.to_string(),
            date: (!date.is_empty()).then(|| date.to_string()),
            ..GoodsLine::default()
        };
        let status = match self.goods.assess(&line) {
            Ok(report) => match report.verdict(jurisdiction).map(|v| v.status) {
                Some(Status::Prohibited) => "prohibited",
                Some(Status::LicenceRequired) => "licence_required",
                Some(Status::NotControlled) => "not_controlled",
                Some(Status::Unknown) | None => "unknown",
            },
            Err(_) => "unknown",
        };
        if let Ok(mut m) = self.verdicts.lock() {
            m.insert(key, status);
        }
        status
    }
}
