//! Cleared hits: a party recorded as not being a listed party, for a stated
//! reason, until the listed record changes, leaves the list, or the clear
//! expires. Clears and re-openings are entries of the audit log (so they
//! are hash-chained like every decision); the book is rebuilt from it.
//!
//! A clear stores the content it was decided on: the listed party's names,
//! dates and identifiers ([`listed_content`]) and their SHA-256. A later
//! screening compares the party's current content with it and re-opens the
//! clear, saying which properties changed.

use crate::audit::{Entry, NewEntry};
use crate::chain::canonical;
use interdict_model::{prop, text, Entity};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Properties a clear depends on: who the listed party is (names), when
/// (dates) and by which numbers (identifiers). A change to any re-opens it.
const FINGERPRINTED: [&str; 19] = [
    prop::NAME,
    prop::ALIAS,
    prop::WEAK_ALIAS,
    prop::PREVIOUS_NAME,
    prop::FIRST_NAME,
    prop::LAST_NAME,
    prop::MIDDLE_NAME,
    prop::FATHER_NAME,
    prop::BIRTH_DATE,
    "incorporationDate",
    prop::BUILD_DATE,
    prop::PASSPORT_NUMBER,
    prop::ID_NUMBER,
    prop::TAX_NUMBER,
    prop::REGISTRATION_NUMBER,
    prop::SWIFT_BIC,
    prop::IMO_NUMBER,
    prop::MMSI,
    prop::SERIAL_NUMBER,
];

/// The names, dates and identifiers of a listed party, each property's
/// values sorted and deduplicated (their order on the list is not content).
pub fn listed_content(e: &Entity) -> BTreeMap<String, Vec<String>> {
    let mut out = BTreeMap::new();
    for p in FINGERPRINTED {
        let values: BTreeSet<&String> = e.get(p).iter().collect();
        if !values.is_empty() {
            out.insert(p.to_string(), values.into_iter().cloned().collect());
        }
    }
    out
}

/// SHA-256 (hex) of the canonical JSON of `content`.
pub fn fingerprint(content: &BTreeMap<String, Vec<String>>) -> String {
    let digest = Sha256::digest(canonical(&json!(content)).as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// One clear, as recorded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Clear {
    /// The audit entry that recorded it.
    pub seq: i64,
    /// The name of the party cleared, as screened.
    pub query_name: String,
    /// The caller's id of the query, when it had one.
    pub query_id: Option<String>,
    /// The listed id given (a record or party id).
    pub listed: String,
    /// Every list record of the party when cleared.
    pub records: Vec<String>,
    /// Why the party is not the listed one, as the user wrote it.
    pub reason: String,
    /// Last day (YYYY-MM-DD) the clear holds.
    pub expires: Option<String>,
    /// Who cleared it.
    pub by: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// The listed party's properties when cleared: a change to them re-opens
    /// the clear.
    pub content: BTreeMap<String, Vec<String>>,
    /// SHA-256 of `content` ([`fingerprint`]).
    pub fingerprint: String,
}

/// A new clear, before it is recorded.
#[derive(Debug, Clone)]
pub struct ClearRequest {
    /// The name of the party to clear, as screened.
    pub query_name: String,
    /// The caller's id of the query, when it had one.
    pub query_id: Option<String>,
    /// The listed id cleared against (a record or party id).
    pub listed: String,
    /// Why the party is not the listed one.
    pub reason: String,
    /// Last day (YYYY-MM-DD) the clear holds; none: no end date.
    pub expires: Option<String>,
    /// Who clears.
    pub user: String,
}

/// The audit entry recording `req` against `party` as it is listed now.
pub fn clear_entry(req: &ClearRequest, party: &Entity, sources: Value) -> NewEntry {
    let content = listed_content(party);
    let mut records = party.referents.clone();
    if !records.contains(&party.id) {
        records.push(party.id.clone());
    }
    records.sort();
    NewEntry {
        user: req.user.clone(),
        command: "clear".into(),
        parties: vec![req.query_name.clone()],
        query: json!({
            "query_name": req.query_name,
            "query_id": req.query_id,
            "listed": req.listed,
            "reason": req.reason,
            "expires": req.expires,
        }),
        sources,
        results: json!({
            "party": party.id,
            "caption": party.caption(),
            "records": records,
            "fingerprint": fingerprint(&content),
            "content": content,
        }),
        decision: "cleared".into(),
    }
}

/// The audit entry re-opening clear `seq`, with why.
pub fn reopen_entry(clear: &Clear, why: &str, user: &str) -> NewEntry {
    NewEntry {
        user: user.to_string(),
        command: "reopen".into(),
        parties: vec![clear.query_name.clone()],
        query: json!({"clear": clear.seq, "listed": clear.listed}),
        sources: Value::Null,
        results: json!({"why": why}),
        decision: "reopened".into(),
    }
}

/// What holds for a hit.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Clearance {
    /// Cleared: shown, but decided as not this party.
    Cleared {
        /// The audit entry of the clear.
        clear: i64,
        /// Why it was cleared.
        reason: String,
        /// Who cleared it.
        by: String,
        /// When (RFC 3339, UTC).
        at: String,
        /// Last day the clear holds, when it has one.
        expires: Option<String>,
    },
    /// Was cleared, no longer: decided as a hit again.
    Reopened {
        /// The audit entry of the clear.
        clear: i64,
        /// Why it had been cleared.
        reason: String,
        /// Who had cleared it.
        by: String,
        /// Why it no longer holds (the listed party changed, a record left the
        /// list, the clear expired).
        why: String,
    },
}

impl Clearance {
    /// True when the clear holds: the hit is shown but not decided on.
    pub fn is_cleared(&self) -> bool {
        matches!(self, Clearance::Cleared { .. })
    }

    /// One line for a terminal.
    pub fn describe(&self) -> String {
        match self {
            Clearance::Cleared { reason, by, at, .. } => {
                format!(
                    "CLEARED by {by} on {}: {reason}",
                    at.get(..10).unwrap_or(at)
                )
            }
            Clearance::Reopened { why, reason, .. } => {
                format!("RE-OPENED ({why}); it had been cleared: {reason}")
            }
        }
    }
}

/// Every clear of the audit log, and the ones re-opened for good.
#[derive(Debug, Clone, Default)]
pub struct ClearBook {
    clears: Vec<Clear>,
    /// Clear number → why it was re-opened (a record left the list).
    reopened: HashMap<i64, String>,
}

impl ClearBook {
    /// The clears and re-openings recorded in `entries`.
    pub fn from_entries(entries: &[Entry]) -> ClearBook {
        let mut book = ClearBook::default();
        for e in entries {
            book.add(e);
        }
        book
    }

    /// Takes in one more entry of the log (a clear or a re-opening; other
    /// entries change nothing).
    pub fn add(&mut self, e: &Entry) {
        match e.command.as_str() {
            "clear" => {
                if let Some(c) = parse_clear(e) {
                    self.clears.push(c);
                }
            }
            "reopen" => {
                if let Some(seq) = e.query["clear"].as_i64() {
                    let why = e.results["why"].as_str().unwrap_or("re-opened");
                    self.reopened.insert(seq, why.to_string());
                }
            }
            _ => {}
        }
    }

    /// Every clear recorded, oldest first.
    pub fn clears(&self) -> &[Clear] {
        &self.clears
    }

    /// True when nothing was ever cleared.
    pub fn is_empty(&self) -> bool {
        self.clears.is_empty()
    }

    /// Clears still open that name one of `removed` records: a record that
    /// left the list re-opens its clear even if it comes back unchanged.
    pub fn touched_by_removal<'a>(
        &'a self,
        removed: &'a BTreeSet<String>,
    ) -> impl Iterator<Item = (&'a Clear, String)> + 'a {
        self.clears
            .iter()
            .filter(|c| !self.reopened.contains_key(&c.seq))
            .filter_map(move |c| {
                let gone: Vec<&String> =
                    c.records.iter().filter(|r| removed.contains(*r)).collect();
                (!gone.is_empty()).then(|| {
                    let names: Vec<&str> = gone.iter().map(|s| s.as_str()).collect();
                    (c, format!("{} was removed from its list", names.join(", ")))
                })
            })
    }

    /// What holds for a hit of the query (`name`, `id`) on the listed party
    /// whose ids are `party_ids` (its id and its records') and whose content
    /// is now `current` (`None`: no longer listed), on `today`.
    pub fn check(
        &self,
        name: &str,
        id: Option<&str>,
        party_ids: &[String],
        current: Option<&BTreeMap<String, Vec<String>>>,
        today: &str,
    ) -> Option<Clearance> {
        let folded = text::fold(name);
        let clear = self
            .clears
            .iter()
            .filter(|c| text::fold(&c.query_name) == folded)
            .filter(|c| c.query_id.is_none() || c.query_id.as_deref() == id)
            .filter(|c| {
                party_ids
                    .iter()
                    .any(|p| *p == c.listed || c.records.contains(p))
            })
            .max_by_key(|c| c.seq)?;
        let why = self
            .reopened
            .get(&clear.seq)
            .cloned()
            .or_else(|| expired(clear, today))
            .or_else(|| changed(clear, current));
        Some(match why {
            None => Clearance::Cleared {
                clear: clear.seq,
                reason: clear.reason.clone(),
                by: clear.by.clone(),
                at: clear.at.clone(),
                expires: clear.expires.clone(),
            },
            Some(why) => Clearance::Reopened {
                clear: clear.seq,
                reason: clear.reason.clone(),
                by: clear.by.clone(),
                why,
            },
        })
    }
}

fn parse_clear(e: &Entry) -> Option<Clear> {
    let s = |v: &Value| v.as_str().map(str::to_string);
    Some(Clear {
        seq: e.seq,
        query_name: s(&e.query["query_name"])?,
        query_id: s(&e.query["query_id"]),
        listed: s(&e.query["listed"])?,
        records: serde_json::from_value(e.results["records"].clone()).ok()?,
        reason: s(&e.query["reason"]).unwrap_or_default(),
        expires: s(&e.query["expires"]),
        by: e.user.clone(),
        at: e.time.clone(),
        content: serde_json::from_value(e.results["content"].clone()).ok()?,
        fingerprint: s(&e.results["fingerprint"])?,
    })
}

fn expired(clear: &Clear, today: &str) -> Option<String> {
    let last = clear.expires.as_deref()?;
    (today > last).then(|| format!("the clear expired on {last}"))
}

/// Why the listed party's content differs from what was cleared, if it does.
fn changed(clear: &Clear, current: Option<&BTreeMap<String, Vec<String>>>) -> Option<String> {
    let Some(current) = current else {
        return Some(format!("{} is no longer listed", clear.listed));
    };
    if fingerprint(current) == clear.fingerprint {
        return None;
    }
    let props: BTreeSet<&String> = clear.content.keys().chain(current.keys()).collect();
    let diffs: Vec<String> = props
        .into_iter()
        .filter_map(|p| {
            let was: BTreeSet<&String> = clear.content.get(p).into_iter().flatten().collect();
            let now: BTreeSet<&String> = current.get(p).into_iter().flatten().collect();
            let added: Vec<&str> = now.difference(&was).map(|s| s.as_str()).collect();
            let removed: Vec<&str> = was.difference(&now).map(|s| s.as_str()).collect();
            let mut parts = Vec::new();
            if !added.is_empty() {
                parts.push(format!("+{}", added.join(" +")));
            }
            if !removed.is_empty() {
                parts.push(format!("-{}", removed.join(" -")));
            }
            (!parts.is_empty()).then(|| format!("{p} {}", parts.join(" ")))
        })
        .collect();
    Some(format!(
        "the listed record changed since it was cleared: {}",
        diffs.join("; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audit::Entry;
    use interdict_model::Schema;

    fn party(birth: &str) -> Entity {
        let mut e = Entity::new("un_sc_sanctions", "KPi.001", Schema::Person);
        e.add(prop::NAME, "KIM Il Song");
        e.add(prop::BIRTH_DATE, birth);
        e.add(prop::PROGRAM, "DPRK");
        e.referents = vec![e.id.clone(), "us_ofac_sdn:1".into()];
        e
    }

    fn entry(seq: i64, new: NewEntry) -> Entry {
        crate::audit::stamped(seq, new)
    }

    fn book(expires: Option<&str>) -> ClearBook {
        let req = ClearRequest {
            query_name: "Kim Il-song".into(),
            query_id: None,
            listed: "us_ofac_sdn:1".into(),
            reason: "our customer was born in 1980".into(),
            expires: expires.map(str::to_string),
            user: "ana".into(),
        };
        ClearBook::from_entries(&[entry(1, clear_entry(&req, &party("1950"), Value::Null))])
    }

    fn ids() -> Vec<String> {
        vec!["un_sc_sanctions:KPi.001".into(), "us_ofac_sdn:1".into()]
    }

    #[test]
    fn a_clear_holds_while_the_record_is_unchanged() {
        let now = listed_content(&party("1950"));
        let c = book(None).check("KIM IL SONG", None, &ids(), Some(&now), "2026-12-07");
        assert!(c.as_ref().is_some_and(Clearance::is_cleared), "{c:?}");
        assert_eq!(
            book(None).check("Other Name", None, &ids(), Some(&now), "2026-12-07"),
            None
        );
    }

    #[test]
    fn a_changed_record_reopens_and_says_what_changed() {
        let now = listed_content(&party("1951"));
        let c = book(None).check("Kim Il-song", None, &ids(), Some(&now), "2026-12-07");
        let Some(Clearance::Reopened { why, .. }) = c else {
            panic!("re-opened expected: {c:?}");
        };
        assert!(why.contains("birthDate +1951 -1950"), "{why}");
        // Programmes are not part of the fingerprint.
        let mut p = party("1950");
        p.add(prop::PROGRAM, "DPRK3");
        let c = book(None).check(
            "Kim Il-song",
            None,
            &ids(),
            Some(&listed_content(&p)),
            "2026-12-07",
        );
        assert!(c.as_ref().is_some_and(Clearance::is_cleared));
    }

    #[test]
    fn expiry_and_removal_reopen() {
        let now = listed_content(&party("1950"));
        let c =
            book(Some("2026-12-06")).check("Kim Il-song", None, &ids(), Some(&now), "2026-12-07");
        assert!(
            matches!(c, Some(Clearance::Reopened { ref why, .. }) if why.contains("expired on 2026-12-06"))
        );
        let b = book(None);
        let removed: BTreeSet<String> = ["us_ofac_sdn:1".to_string()].into();
        let touched: Vec<(i64, String)> = b
            .touched_by_removal(&removed)
            .map(|(c, w)| (c.seq, w))
            .collect();
        assert_eq!(touched.len(), 1);
        let reopen = entry(2, reopen_entry(&b.clears()[0], &touched[0].1, "system"));
        let clear = entry(
            1,
            clear_entry(
                &ClearRequest {
                    query_name: "Kim Il-song".into(),
                    query_id: None,
                    listed: "us_ofac_sdn:1".into(),
                    reason: "r".into(),
                    expires: None,
                    user: "ana".into(),
                },
                &party("1950"),
                Value::Null,
            ),
        );
        let b = ClearBook::from_entries(&[clear, reopen]);
        // Re-listed unchanged, it stays re-opened.
        let c = b.check("Kim Il-song", None, &ids(), Some(&now), "2026-12-07");
        assert!(matches!(c, Some(Clearance::Reopened { ref why, .. }) if why.contains("removed")));
    }

    #[test]
    fn a_clear_with_a_query_id_applies_to_that_query_only() {
        let req = ClearRequest {
            query_name: "Kim Il-song".into(),
            query_id: Some("cust-7".into()),
            listed: "us_ofac_sdn:1".into(),
            reason: "r".into(),
            expires: None,
            user: "ana".into(),
        };
        let b =
            ClearBook::from_entries(&[entry(1, clear_entry(&req, &party("1950"), Value::Null))]);
        let now = listed_content(&party("1950"));
        assert!(b
            .check(
                "Kim Il-song",
                Some("cust-8"),
                &ids(),
                Some(&now),
                "2026-12-07"
            )
            .is_none());
        assert!(b
            .check(
                "Kim Il-song",
                Some("cust-7"),
                &ids(),
                Some(&now),
                "2026-12-07"
            )
            .is_some());
    }
}
