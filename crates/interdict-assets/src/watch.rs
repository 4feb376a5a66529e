//! The watchlist of assets of interest: one JSON object per line, `{"kind":
//! "vin"|"imo"|"registration", "id": "...", "why": "..."}`. Assets are
//! compared by a canonical key (a VIN upper case without separators, an
//! IMO number's seven digits, a registration's letters and digits), so the
//! spelling on a shipment need not match the watchlist's.

use crate::{aircraft, imo, vin};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::BufRead;

/// What kind of identifier an asset is followed by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AssetKind {
    /// A vehicle identification number.
    Vin,
    /// An IMO ship identification number.
    Imo,
    /// An aircraft registration mark or manufacturer's serial number.
    #[serde(alias = "aircraft", alias = "msn", alias = "serial")]
    Registration,
}

impl AssetKind {
    /// The snake-case name.
    pub fn as_str(self) -> &'static str {
        match self {
            AssetKind::Vin => "vin",
            AssetKind::Imo => "imo",
            AssetKind::Registration => "registration",
        }
    }
}

/// One watched asset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WatchedAsset {
    /// Its kind.
    pub kind: AssetKind,
    /// Its identifier as the watchlist writes it.
    pub id: String,
    /// Why it is watched.
    pub why: String,
}

/// A watchlist line that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("watchlist line {line}: {reason}")]
pub struct WatchError {
    /// 1-based line number.
    pub line: usize,
    /// Why.
    pub reason: String,
}

impl interdict_model::Coded for WatchError {
    fn code(&self) -> interdict_model::ErrorCode {
        interdict_model::ErrorCode::WatchlistMalformed
    }
}

/// Watched assets by canonical key.
#[derive(Debug, Clone, Default)]
pub struct Watchlist {
    assets: HashMap<(AssetKind, String), WatchedAsset>,
}

/// The canonical key of an identifier, or why it is malformed (a watched
/// VIN or IMO number must be well formed, check digit included).
pub fn canonical(kind: AssetKind, id: &str) -> Result<String, String> {
    match kind {
        AssetKind::Vin => vin::validate(id).map_err(|e| e.to_string()),
        AssetKind::Imo => imo::parse(id).map_err(|e| e.to_string()),
        AssetKind::Registration => {
            let k = aircraft::key(id);
            if k.is_empty() {
                Err(format!("{id:?} has no letters or digits"))
            } else {
                Ok(k)
            }
        }
    }
}

impl Watchlist {
    /// Reads JSON lines; blank lines and `//` comments are skipped. The
    /// first unusable line stops the read: a watchlist that silently lost
    /// an asset would hide what it exists to catch.
    pub fn from_jsonl(reader: impl BufRead) -> Result<Watchlist, WatchError> {
        let mut list = Watchlist::default();
        for (i, line) in reader.lines().enumerate() {
            let fail = |reason: String| WatchError {
                line: i + 1,
                reason,
            };
            let line = line.map_err(|e| fail(format!("cannot read: {e}")))?;
            let t = line.trim();
            if t.is_empty() || t.starts_with("//") {
                continue;
            }
            let asset: WatchedAsset = serde_json::from_str(t).map_err(|e| fail(e.to_string()))?;
            list.add(asset).map_err(fail)?;
        }
        Ok(list)
    }

    /// Adds one asset (a later entry for the same asset replaces it).
    pub fn add(&mut self, asset: WatchedAsset) -> Result<(), String> {
        let key = canonical(asset.kind, &asset.id)?;
        self.assets.insert((asset.kind, key), asset);
        Ok(())
    }

    /// Every asset of `other` too.
    pub fn extend(&mut self, other: Watchlist) {
        self.assets.extend(other.assets);
    }

    /// The watched asset with this identifier, however it is spelt.
    pub fn find(&self, kind: AssetKind, id: &str) -> Option<&WatchedAsset> {
        let key = match kind {
            AssetKind::Vin => vin::normalise(id),
            AssetKind::Imo => imo::digits_of(id).ok()?,
            AssetKind::Registration => aircraft::key(id),
        };
        self.assets.get(&(kind, key))
    }

    /// Writes the list as JSON lines, in a stable order (by kind, then
    /// identifier), so that a stored watchlist reads back as it was.
    pub fn write_jsonl(&self, mut out: impl std::io::Write) -> std::io::Result<()> {
        let mut keys: Vec<&(AssetKind, String)> = self.assets.keys().collect();
        keys.sort_by(|a, b| (a.0.as_str(), &a.1).cmp(&(b.0.as_str(), &b.1)));
        for key in keys {
            if let Some(asset) = self.assets.get(key) {
                serde_json::to_writer(&mut out, asset)?;
                out.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    /// How many assets are watched.
    pub fn len(&self) -> usize {
        self.assets.len()
    }

    /// Nothing is watched.
    pub fn is_empty(&self) -> bool {
        self.assets.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_list_reads_back_the_same() {
        let list = Watchlist::from_jsonl(LIST.as_bytes()).expect("list");
        let mut out = Vec::new();
        list.write_jsonl(&mut out).expect("written");
        let again = Watchlist::from_jsonl(out.as_slice()).expect("read back");
        assert_eq!(again.len(), list.len());
        let mut twice = Vec::new();
        again.write_jsonl(&mut twice).expect("written");
        assert_eq!(out, twice);
    }

    const LIST: &str = r#"
// assets of the 2018 case
{"kind":"imo","id":"IMO 9114555","why":"renamed vessel"}
{"kind":"vin","id":"1M8GDM9AXKP042788","why":"seen in Pyongyang"}
{"kind":"aircraft","id":"P-632","why":"Air Koryo Il-76"}
"#;

    #[test]
    fn finds_assets_however_spelt() {
        let w = Watchlist::from_jsonl(LIST.as_bytes()).expect("valid");
        assert_eq!(w.len(), 3);
        assert!(w.find(AssetKind::Imo, "9114555").is_some());
        assert!(w.find(AssetKind::Vin, "1m8gdm9a xkp042788").is_some());
        let p = w.find(AssetKind::Registration, "P632").expect("watched");
        assert_eq!(p.why, "Air Koryo Il-76");
        assert!(w.find(AssetKind::Imo, "9074729").is_none());
    }

    #[test]
    fn a_malformed_entry_names_its_line() {
        let bad = "{\"kind\":\"imo\",\"id\":\"IMO 9114556\",\"why\":\"x\"}\n";
        let e = Watchlist::from_jsonl(bad.as_bytes()).expect_err("bad check digit");
        assert_eq!(e.line, 1);
        assert!(e.reason.contains("check digit"), "{}", e.reason);
        let e = Watchlist::from_jsonl("\n{\"kind\":\"boat\"}".as_bytes()).expect_err("bad kind");
        assert_eq!(e.line, 2);
    }

    #[test]
    fn a_bad_line_has_its_code() {
        use interdict_model::{Coded, ErrorCode};
        let e = WatchError {
            line: 2,
            reason: "x".into(),
        };
        assert_eq!(e.code(), ErrorCode::WatchlistMalformed);
    }
}
