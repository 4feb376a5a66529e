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
    pub listed: String,
    pub caption: String,
    pub score: f64,
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
        if !noted.is_empty() {
            if let Ok(mut notes) = self.notes.lock() {
                notes.insert(text::fold(&party.name), noted);
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
