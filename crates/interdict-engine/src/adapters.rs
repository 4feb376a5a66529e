//! The two seams of `interdict-screen`, implemented with the real engines:
//! a shipment party becomes a match query; a shipment goods line becomes a
//! goods line of the goods screener. Translation only, no rules.

use interdict_goods::GoodsScreener;
use interdict_match::{MatchConfig, MatchResult, Matcher, Query};
use interdict_model::{prop, PartialDate, Schema};
use interdict_screen::{
    DeclarationMismatch, GoodsAssessment, GoodsLine, GoodsScreening, GoodsVerdict, Party, PartyHit,
    PartyScreening, UsdValue,
};
use std::collections::HashMap;
use std::sync::Mutex;

/// How many list hits a party can bring into a decision.
const HITS_PER_PARTY: usize = 5;

/// Distinct parties remembered per batch before the memo is emptied (bounds
/// memory on very large batches; real trade repeats the same exporters,
/// forwarders and carriers, so most lookups hit the memo).
const MEMO_CAPACITY: usize = 200_000;

/// Party screening through the name index.
pub struct PartyAdapter<'a> {
    matcher: &'a Matcher,
    config: MatchConfig,
    /// Hits per distinct party query: the same party in many shipments is
    /// screened once.
    memo: Mutex<HashMap<String, Vec<PartyHit>>>,
}

impl<'a> PartyAdapter<'a> {
    /// Party screening over `matcher`, returning every hit at or above the
    /// matcher's default threshold (the screen rules apply their own).
    pub fn new(matcher: &'a Matcher) -> Self {
        PartyAdapter {
            matcher,
            memo: Mutex::new(HashMap::new()),
            config: MatchConfig {
                // The screen rules apply their own per-role thresholds; return
                // everything the matcher considers worth showing.
                threshold: interdict_match::weights::DEFAULT_THRESHOLD,
                limit: HITS_PER_PARTY,
                datasets: None,
            },
        }
    }

    fn hit(&self, r: MatchResult) -> PartyHit {
        let programs = self
            .matcher
            .get(&r.id)
            .map(|e| e.get(prop::PROGRAM).to_vec())
            .unwrap_or_default();
        PartyHit {
            explanation: r.explanation.to_text(),
            entity_id: r.id,
            caption: r.caption,
            schema: r.schema.to_string(),
            score: r.score,
            datasets: r.datasets,
            programs,
        }
    }
}

/// The party's shipment fields under their FtM property names.
pub fn party_query(party: &Party) -> Query {
    let mut q = Query::new(party.role.as_str(), party.schema, &party.name);
    if let Some(c) = &party.country {
        q.add(prop::COUNTRY, c);
    }
    if let Some(n) = &party.nationality {
        q.add(prop::NATIONALITY, n);
    }
    if let Some(d) = &party.birth_date {
        q.add(prop::BIRTH_DATE, &d.to_string());
    }
    for (kind, value) in &party.identifiers {
        q.add(identifier_property(kind), value);
    }
    q
}

/// Maps the shipment format's identifier keys to FtM properties.
fn identifier_property(kind: &str) -> &'static str {
    match kind.to_ascii_lowercase().as_str() {
        "imo" | "imo_number" => prop::IMO_NUMBER,
        "mmsi" => prop::MMSI,
        "passport" | "passport_number" => prop::PASSPORT_NUMBER,
        "registration" | "registration_number" | "company_number" => prop::REGISTRATION_NUMBER,
        "swift" | "bic" | "swift_bic" => prop::SWIFT_BIC,
        "tax" | "tax_number" | "vat" | "inn" => prop::TAX_NUMBER,
        _ => prop::ID_NUMBER,
    }
}

impl PartyScreening for PartyAdapter<'_> {
    fn screen_party(&self, party: &Party) -> Vec<PartyHit> {
        let query = party_query(party);
        // A query the matcher refuses (e.g. no usable name) has no hits; the
        // shipment parser has already validated the fields it owns.
        if query.validate().is_err() {
            return Vec::new();
        }
        // The role is the query id only; it does not change the hits.
        let key = format!("{}|{:?}", query.schema, query.properties);
        if let Some(hits) = self.memo.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return hits;
        }
        let hits: Vec<PartyHit> = self
            .matcher
            .search(&query, &self.config)
            .into_iter()
            .map(|r| self.hit(r))
            .collect();
        if let Ok(mut memo) = self.memo.lock() {
            if memo.len() >= MEMO_CAPACITY {
                memo.clear();
            }
            memo.insert(key, hits.clone());
        }
        hits
    }

    fn vessel_by_imo(&self, imo: &str) -> Vec<PartyHit> {
        let digits: String = imo.chars().filter(char::is_ascii_digit).collect();
        if digits.len() != 7 {
            return Vec::new();
        }
        // `Query::new` ignores the empty name: the IMO number is the only key.
        let query = Query::new("imo", Schema::Vessel, "").with(prop::IMO_NUMBER, &digits);
        self.matcher
            .search(&query, &self.config)
            .into_iter()
            .filter(|r| {
                self.matcher.get(&r.id).is_some_and(|e| {
                    e.get(prop::IMO_NUMBER).iter().any(|v| {
                        v.chars().filter(char::is_ascii_digit).collect::<String>() == digits
                    })
                })
            })
            .map(|r| self.hit(r))
            .collect()
    }
}

/// Goods assessment through the goods screener.
pub struct GoodsAdapter<'a> {
    goods: &'a GoodsScreener,
}

impl<'a> GoodsAdapter<'a> {
    /// Goods screening through `goods`.
    pub fn new(goods: &'a GoodsScreener) -> Self {
        GoodsAdapter { goods }
    }
}

impl GoodsScreening for GoodsAdapter<'_> {
    fn assess(
        &self,
        line: &GoodsLine,
        destination: &str,
        origin: Option<&str>,
        date: Option<PartialDate>,
    ) -> GoodsAssessment {
        let input = interdict_goods::GoodsLine {
            description: line.description.clone(),
            hs_code: line.hs_code.clone(),
            destination: destination.to_string(),
            origin: origin.map(str::to_string),
            value: line.value,
            currency: line.currency.clone(),
            quantity: line.quantity,
            unit: line.unit.clone(),
            date: date.map(|d| d.to_string()),
            declared_description: line.declared_description.clone(),
        };
        match self.goods.assess(&input) {
            Ok(report) => {
                let mut warnings = report.warnings;
                if let Some(m) = &report.mismatch {
                    warnings.push(format!(
                        "declared {:?} but described {:?}: {}",
                        m.declared, m.described, m.detail
                    ));
                }
                let mismatch = report.mismatch.map(|m| DeclarationMismatch {
                    kind: m.kind.as_str().to_string(),
                    declared: m.declared,
                    described: m.described,
                    detail: m.detail,
                });
                GoodsAssessment {
                    hs_code: report.hs.code,
                    heading: report.hs.heading,
                    luxury: report.luxury,
                    unit_value_usd: report.unit_value_usd.map(|usd| UsdValue {
                        usd,
                        basis: report.unit_value_basis.unwrap_or_default(),
                    }),
                    verdicts: report
                        .verdicts
                        .into_iter()
                        .map(|v| GoodsVerdict {
                            jurisdiction: v.jurisdiction,
                            status: v.status.as_str().to_string(),
                            rule: v.rule,
                            instrument: v.instrument,
                            provision: v.provision,
                            verified: v.verified.map(|x| x.as_str().to_string()),
                            reason: v.reason,
                        })
                        .collect(),
                    warnings,
                    mismatch,
                }
            }
            // A goods line the screener cannot assess is never "not
            // controlled": every jurisdiction says unknown, with the reason.
            Err(e) => GoodsAssessment {
                hs_code: line.hs_code.clone(),
                heading: None,
                luxury: false,
                unit_value_usd: None,
                verdicts: interdict_goods::JURISDICTIONS
                    .iter()
                    .map(|j| GoodsVerdict {
                        jurisdiction: (*j).to_string(),
                        status: "unknown".to_string(),
                        rule: None,
                        instrument: None,
                        provision: None,
                        verified: None,
                        reason: format!("goods line could not be assessed: {e}"),
                    })
                    .collect(),
                warnings: vec![format!("goods line could not be assessed: {e}")],
                mismatch: None,
            },
        }
    }
}
