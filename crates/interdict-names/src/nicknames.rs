//! English given names and their nicknames ("Theodore" / "Ted", "Benjamin"
//! / "Ben"), from the hand-curated `nicknames` dataset
//! (`data/nicknames.csv`, see `data/PROVENANCE.md`).
//!
//! Owns the table and the lookup. A nickname is related to its full name
//! only, not to the other nicknames of that name ("Jamie" is a nickname of
//! both Benjamin and James; it must not make "Ben" and "Jim" alike).

use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../data/nicknames.csv");

/// What the table says about one given name: its id if it is a full name
/// with nicknames, and the ids of the full names it is a nickname of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GivenName {
    /// Set when the name is a full name in the table.
    pub full: Option<u16>,
    /// The full names this name is a nickname of (sorted).
    pub nickname_of: Vec<u16>,
}

impl GivenName {
    /// Whether one of the two is a nickname of the other.
    pub fn related(&self, other: &GivenName) -> bool {
        let of = |a: &GivenName, b: &GivenName| a.full.is_some_and(|f| b.nickname_of.contains(&f));
        of(self, other) || of(other, self)
    }

    /// Whether the table knows the name at all.
    pub fn is_known(&self) -> bool {
        self.full.is_some() || !self.nickname_of.is_empty()
    }
}

fn table() -> &'static HashMap<&'static str, GivenName> {
    static T: OnceLock<HashMap<&'static str, GivenName>> = OnceLock::new();
    T.get_or_init(|| {
        let mut ids: HashMap<&'static str, u16> = HashMap::new();
        let mut out: HashMap<&'static str, GivenName> = HashMap::new();
        for line in TABLE.lines().skip(1) {
            let mut cols = line.trim_end_matches('\r').split(',');
            let (Some(full), Some("has_nickname"), Some(nick)) =
                (cols.next(), cols.next(), cols.next())
            else {
                continue;
            };
            let next = u16::try_from(ids.len()).unwrap_or(u16::MAX);
            let id = *ids.entry(full).or_insert(next);
            out.entry(full).or_default().full = Some(id);
            let n = out.entry(nick).or_default();
            if let Err(at) = n.nickname_of.binary_search(&id) {
                n.nickname_of.insert(at, id);
            }
        }
        out
    })
}

/// What the nickname table knows of a lower-case given name (empty if
/// nothing).
pub fn given_name(name: &str) -> GivenName {
    table().get(name).cloned().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_names_and_nicknames_relate() {
        assert!(given_name("theodore").related(&given_name("ted")));
        assert!(given_name("ben").related(&given_name("benjamin")));
        assert!(given_name("bob").related(&given_name("robert")));
        assert!(!given_name("ben").related(&given_name("jim")));
        assert!(!given_name("jamie").related(&given_name("ben")));
        assert!(!given_name("robert").related(&given_name("benjamin")));
        assert!(!given_name("zzyzx").is_known());
    }
}
