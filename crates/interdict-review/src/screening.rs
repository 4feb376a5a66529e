//! Cleared hits inside shipment screening: a party screening that hands the
//! shipment rules only the hits not cleared, and keeps every cleared or
//! re-opened hit to be shown beside the decision (never hidden).

use crate::clear::{ClearBook, Clearance};
use interdict_model::text;
use interdict_screen::{Party, PartyHit, PartyScreening, Shipment};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::Mutex;

/// A listed party's record ids and current fingerprinted content, by any
/// of its ids (`None`: not listed).
pub type Lookup<'a> =
    dyn Fn(&str) -> Option<(Vec<String>, BTreeMap<String, Vec<String>>)> + Sync + 'a;

/// A hit that a clear applies to, as reported with the decision.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClearedHit {
    /// The shipment party's name.
    pub party: String,
    /// The listed record or party hit.
    pub listed: String,
    /// Its caption (the listed name).
    pub caption: String,
    /// The match score.
    pub score: f64,
    /// Whether the clear holds or was re-opened, and why.
    pub clearance: Clearance,
}

/// Party screening with the clears of a [`ClearBook`] applied.
pub struct ClearingParties<'a> {
    inner: &'a dyn PartyScreening,
    book: &'a ClearBook,
    lookup: &'a Lookup<'a>,
    today: String,
    /// Folded party name → the clears that applied to its hits.
    notes: Mutex<HashMap<String, Vec<ClearedHit>>>,
}

impl<'a> ClearingParties<'a> {
    /// Wraps `inner` with the clears of `book`; `lookup` gives a listed id's
    /// records and content now (to see whether the listing changed), and
    /// `today` (YYYY-MM-DD) decides expiry.
    pub fn new(
        inner: &'a dyn PartyScreening,
        book: &'a ClearBook,
        lookup: &'a Lookup<'a>,
        today: &str,
    ) -> Self {
        ClearingParties {
            inner,
            book,
            lookup,
            today: today.to_string(),
            notes: Mutex::new(HashMap::new()),
        }
    }

    /// The clears that applied to the parties of `shipment`.
    pub fn notes(&self, shipment: &Shipment) -> Vec<ClearedHit> {
        let Ok(notes) = self.notes.lock() else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for p in &shipment.parties {
            for n in notes.get(&text::fold(&p.name)).into_iter().flatten() {
                if !out.contains(n) {
                    out.push(n.clone());
                }
            }
        }
        out
    }

    fn clearance(&self, party: &Party, hit: &PartyHit) -> Option<Clearance> {
        let (mut ids, content) = match (self.lookup)(&hit.entity_id) {
            Some((ids, content)) => (ids, Some(content)),
            None => (Vec::new(), None),
        };
        ids.push(hit.entity_id.clone());
        self.book
            .check(&party.name, None, &ids, content.as_ref(), &self.today)
    }
}

impl PartyScreening for ClearingParties<'_> {
    fn screen_party(&self, party: &Party) -> Vec<PartyHit> {
        let hits = self.inner.screen_party(party);
        if self.book.is_empty() {
            return hits;
        }
        let mut kept = Vec::with_capacity(hits.len());
        let mut noted = Vec::new();
        for hit in hits {
            match self.clearance(party, &hit) {
                None => kept.push(hit),
                Some(clearance) => {
                    let cleared = clearance.is_cleared();
                    noted.push(ClearedHit {
                        party: party.name.clone(),
                        listed: hit.entity_id.clone(),
                        caption: hit.caption.clone(),
                        score: hit.score,
                        clearance,
                    });
                    // A cleared hit is decided as not this party; a
                    // re-opened one is a hit again.
                    if !cleared {
                        kept.push(hit);
                    }
                }
            }
        }
        // The latest screening of a name replaces what an earlier one
        // noted, so a name with no cleared hit now reports none.
        if let Ok(mut notes) = self.notes.lock() {
            let key = text::fold(&party.name);
            if noted.is_empty() {
                notes.remove(&key);
            } else {
                notes.insert(key, noted);
            }
        }
        kept
    }

    fn vessel_by_imo(&self, imo: &str) -> Vec<PartyHit> {
        // Clears name a screened party; a vessel found by its IMO number
        // alone is not one.
        self.inner.vessel_by_imo(imo)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clear::{clear_entry, listed_content, ClearRequest};
    use interdict_model::{prop, Entity, Schema};
    use serde_json::{json, Value};

    fn listed(id: &str, name: &str) -> Entity {
        let mut e = Entity::new("un_sc_sanctions", id, Schema::Person);
        e.add(prop::NAME, name);
        e
    }

    /// Every party hits two listed persons.
    struct TwoHits;

    impl PartyScreening for TwoHits {
        fn screen_party(&self, _: &Party) -> Vec<PartyHit> {
            ["KPi.1", "KPi.2"]
                .iter()
                .map(|id| PartyHit {
                    entity_id: format!("un_sc_sanctions:{id}"),
                    caption: (*id).to_string(),
                    schema: "Person".into(),
                    score: 0.9,
                    datasets: vec!["un_sc_sanctions".into()],
                    programs: Vec::new(),
                    explanation: Vec::new(),
                })
                .collect()
        }

        fn vessel_by_imo(&self, _: &str) -> Vec<PartyHit> {
            Vec::new()
        }
    }

    #[test]
    fn cleared_hits_are_held_back_and_noted() {
        let req = ClearRequest {
            query_name: "Kim Il Song".into(),
            query_id: None,
            listed: "un_sc_sanctions:KPi.1".into(),
            reason: "namesake".into(),
            expires: None,
            user: "ana".into(),
        };
        let new = clear_entry(&req, &listed("KPi.1", "KIM IL SONG"), Value::Null);
        let entry = crate::audit::stamped(1, new);
        let book = ClearBook::from_entries(&[entry]);
        let lookup = |id: &str| {
            let e = listed(id.trim_start_matches("un_sc_sanctions:"), "KIM IL SONG");
            Some((vec![e.id.clone()], listed_content(&e)))
        };
        let clearing = ClearingParties::new(&TwoHits, &book, &lookup, "2026-12-07");
        let party: Party =
            serde_json::from_value(json!({"role": "consignee", "name": "KIM Il-song"}))
                .expect("a party");
        let hits = clearing.screen_party(&party);
        let ids: Vec<&str> = hits.iter().map(|h| h.entity_id.as_str()).collect();
        assert_eq!(
            ids,
            ["un_sc_sanctions:KPi.2"],
            "the cleared hit is held back"
        );
        let shipment: Shipment = serde_json::from_value(json!({
            "id": "S1", "date": "2026-12-01", "declared_destination": "kp",
            "parties": [{"role": "consignee", "name": "KIM Il-song"}], "goods": []
        }))
        .expect("a shipment");
        let notes = clearing.notes(&shipment);
        assert_eq!(notes.len(), 1);
        assert_eq!(notes[0].listed, "un_sc_sanctions:KPi.1");
        assert!(notes[0].clearance.is_cleared());
    }
}
