//! Baskets: named sets of HS codes, each code with the basket's category.
//!
//! The UN and EU luxury baskets are read from the goods crate's control
//! rules (one owner of the lists): the luxury rules' categories, mapped to HS
//! codes through the goods vocabulary's heading categories. The South Korean
//! government's list is bundled as data (`data/trade/kr_luxury_basket.csv`)
//! with its source, because the published luxury series is built on it.

use crate::error::TradeError;
use interdict_goods::{Direction, Effect, GoodsScreener, Rule};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

const KR_CSV: &str = include_str!("../../../data/trade/kr_luxury_basket.csv");
const KR_FILE: &str = "data/trade/kr_luxury_basket.csv";

/// The Unification Ministry notice behind the KR basket, as reported.
pub const KR_SOURCE: &str = "ROK Ministry of Unification, notice on goods subject to \
approval for carrying out to / into North Korea and the approval procedure \
(반출·반입 승인대상 물품 및 승인절차에 관한 고시), amended 9 July 2009, in force \
10 July 2009: 13 luxury categories (liquor, cosmetics, leather goods, fur products, \
carpets, pearls and precious metals, electrical appliances, automobiles, ships, \
optical instruments, watches, musical instruments, works of art and antiques). \
Reported by Korea Economic Daily / WowTV, https://www.hankyung.com/news/article/2009070942365 \
(2009-07-09), and Yonhap via NK Econ Watch, \
http://www.nkeconwatch.com/2009/07/10/south-korea-imposes-export-restrictions-on-dprk/. \
HS codes per category are our reading of the category names.";

/// A named basket of HS codes.
#[derive(Debug, Clone, Serialize)]
pub struct Basket {
    /// Short name used on the command line and in reports (`un`, `eu`, `kr`).
    pub name: String,
    /// What the basket is, in words, with its source.
    pub source: String,
    /// HS code (2, 4 or 6 digits) → the basket's category for it.
    codes: HashMap<String, String>,
}

impl Basket {
    /// The basket's category of an HS code (the longest listed prefix wins).
    pub fn category_of(&self, hs: &str) -> Option<&str> {
        [6, 4, 2]
            .into_iter()
            .filter(|n| hs.len() >= *n)
            .find_map(|n| self.codes.get(&hs[..n]))
            .map(String::as_str)
    }

    /// The category a reported HS code stands for: the basket's category
    /// of the code itself, else the most frequent category among the listed
    /// codes under it ("84" → electronics).
    pub fn category_under(&self, prefix: &str) -> Option<&str> {
        if let Some(c) = self.category_of(prefix) {
            return Some(c);
        }
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for (code, cat) in &self.codes {
            if code.starts_with(prefix) {
                *counts.entry(cat.as_str()).or_default() += 1;
            }
        }
        counts
            .into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
            .map(|(c, _)| c)
    }

    /// The basket's categories, sorted.
    pub fn categories(&self) -> BTreeSet<&str> {
        self.codes.values().map(String::as_str).collect()
    }

    /// Number of listed codes.
    pub fn len(&self) -> usize {
        self.codes.len()
    }

    /// True when no code is listed.
    pub fn is_empty(&self) -> bool {
        self.codes.is_empty()
    }
}

/// A luxury rule of a jurisdiction: a prohibition on supply to the DPRK
/// that is drawn by category (not by HS code) and either needs the goods to
/// read as luxury or comes from a luxury annex of the instrument.
fn is_luxury_rule(r: &Rule, jurisdiction: &str) -> bool {
    r.jurisdiction == jurisdiction
        && r.effect == Effect::Prohibited
        && r.direction != Direction::ImportFromKp
        && r.match_hs.is_empty()
        && !r.match_categories.is_empty()
        && (r.requires_luxury || r.provision.contains("Annex"))
}

/// The luxury basket of `jurisdiction` from the goods crate's rules.
pub fn from_rules(goods: &GoodsScreener, jurisdiction: &str) -> Basket {
    let rules: Vec<&Rule> = goods
        .rules()
        .iter()
        .filter(|r| is_luxury_rule(r, jurisdiction))
        .collect();
    let wanted: BTreeSet<&str> = rules
        .iter()
        .flat_map(|r| r.match_categories.iter().map(String::as_str))
        .collect();
    let vocab = goods.vocabulary();
    let mut codes = HashMap::new();
    for level in [2, 4, 6] {
        for code in goods.nomenclature().codes_of_level(level) {
            let (cats, _) = vocab.categories_of(&code);
            if let Some(c) = cats.iter().rev().find(|c| wanted.contains(**c)) {
                codes.insert(code, (*c).to_string());
            }
        }
    }
    let ids: Vec<&str> = rules.iter().map(|r| r.id.as_str()).collect();
    Basket {
        name: jurisdiction.to_ascii_lowercase(),
        source: format!(
            "{jurisdiction} luxury-goods prohibitions in the goods control rules ({}), \
             categories mapped to HS through the goods vocabulary's heading categories",
            ids.join(", ")
        ),
        codes,
    }
}

/// The South Korean government's luxury list (the published series' basket).
pub fn kr() -> Result<Basket, TradeError> {
    let mut rdr = csv::Reader::from_reader(KR_CSV.as_bytes());
    let mut codes = HashMap::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| TradeError::Bundled {
            file: KR_FILE,
            reason: format!("row {}: {e}", i + 1),
        })?;
        match (rec.get(0), rec.get(1)) {
            (Some(cat), Some(code)) if !cat.is_empty() && !code.is_empty() => {
                codes.insert(code.to_string(), cat.to_string());
            }
            _ => {
                return Err(TradeError::Bundled {
                    file: KR_FILE,
                    reason: format!("row {}: empty category or code", i + 1),
                })
            }
        }
    }
    Ok(Basket {
        name: "kr".into(),
        source: KR_SOURCE.into(),
        codes,
    })
}

/// Every basket: `un`, `eu` (from the rules) and `kr` (bundled list).
pub fn all(goods: &GoodsScreener) -> Result<Vec<Basket>, TradeError> {
    Ok(vec![
        from_rules(goods, "UN"),
        from_rules(goods, "EU"),
        kr()?,
    ])
}

#[cfg(test)]
#[allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod tests {
    use super::*;

    #[test]
    fn kr_basket_has_thirteen_categories_and_longest_prefix_wins() {
        let kr = kr().unwrap();
        assert_eq!(kr.categories().len(), 13);
        assert_eq!(kr.category_of("870323"), Some("cars"));
        assert_eq!(kr.category_of("910111"), Some("watches"));
        assert_eq!(kr.category_of("220830"), Some("liquor"));
        assert_eq!(kr.category_of("100630"), None);
        assert_eq!(kr.category_under("84"), Some("electronics"));
        assert_eq!(kr.category_under("22"), Some("liquor"));
        assert_eq!(kr.category_under("8903"), Some("ships"));
    }

    #[test]
    fn un_basket_comes_from_the_rules_and_differs_from_kr() {
        let goods = GoodsScreener::bundled().unwrap();
        let un = from_rules(&goods, "UN");
        assert_eq!(un.category_of("910111"), Some("watch"));
        assert_eq!(un.category_of("220830"), Some("spirits"));
        // Cars and televisions are on the KR list only; tobacco on the UN's only.
        assert_eq!(un.category_of("870323"), None);
        assert_eq!(un.category_of("852872"), None);
        assert!(un.category_of("240220").is_some());
        assert!(kr().unwrap().category_of("240220").is_none());
        assert!(un.source.contains("un-001"));
    }
}
