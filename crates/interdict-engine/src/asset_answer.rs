//! The whole answer about one asset identifier, for every front end
//! (`interdict asset`, the server's `GET /assets/{id}`): what the
//! identifier says, why it is malformed if it is, the listed vessels or
//! aircraft carrying it, and whether it is watched. A malformed identifier
//! is still looked up by what it gives.

use crate::{Engine, ListedAsset, SourceSnapshot};
use interdict_assets::{AssetKind, Identified, WatchedAsset, Watchlist};
use interdict_model::{Coded, ErrorCode, PartialDate};
use serde_json::{json, Value};

/// Everything found about one identifier.
#[derive(Debug, Clone)]
pub struct AssetAnswer {
    /// The identifier as decoded (or the reason it is malformed).
    pub identified: Identified,
    /// Why the identifier is malformed: its code and the words (`None`:
    /// well formed).
    pub problem: Option<(ErrorCode, String)>,
    /// The listed vessels or aircraft carrying it.
    pub listed: Vec<ListedAsset>,
    /// Its entry in the watchlist of assets, if watched.
    pub watched: Option<WatchedAsset>,
    /// The snapshots the listed lookup rests on (none for a VIN).
    pub sources: Vec<SourceSnapshot>,
}

impl AssetAnswer {
    /// Identifies `id` (as `kind` when given, else detected) and looks it
    /// up in `watchlist`; [`AssetAnswer::look_up`] adds the lists.
    pub fn identify(id: &str, kind: Option<AssetKind>, watchlist: &Watchlist) -> AssetAnswer {
        let identified = match kind {
            Some(k) => interdict_assets::identify_as(k, id),
            None => interdict_assets::identify(id),
        };
        AssetAnswer {
            problem: problem(&identified),
            watched: watchlist.find(identified.kind(), id).cloned(),
            identified,
            listed: Vec::new(),
            sources: Vec::new(),
        }
    }

    /// Whether the lists can name the asset: the bundled lists name no
    /// vehicle by VIN, so a VIN needs no list loaded.
    pub fn needs_lists(&self) -> bool {
        self.identified.kind() != AssetKind::Vin
    }

    /// Adds the listed vessels or aircraft carrying identifier `id` on the
    /// lists `engine` loaded, and the snapshots that rests on.
    pub fn look_up(&mut self, engine: &Engine, id: &str, today: PartialDate) {
        if !self.needs_lists() {
            return;
        }
        let datasets: Vec<String> = engine
            .datasets()
            .iter()
            .map(|d| d.info.name.clone())
            .collect();
        self.listed = engine.listed_assets(self.identified.kind(), id);
        self.sources = engine.sources(&datasets, today);
    }

    /// The JSON answer (`interdict asset --format json`, `GET /assets/{id}`).
    pub fn to_json(&self) -> Value {
        let decoded = match &self.identified {
            Identified::Vin(Ok(r)) => json!(r),
            Identified::Imo(Ok(digits)) => json!({ "imo": digits }),
            Identified::Aircraft(r) => json!(r),
            Identified::Vin(Err(_)) | Identified::Imo(Err(_)) => Value::Null,
        };
        let warnings: Vec<String> = self
            .sources
            .iter()
            .filter_map(SourceSnapshot::warning)
            .collect();
        json!({
            "kind": self.identified.kind().as_str(),
            "valid": self.problem.is_none(),
            "problem": self.problem.as_ref().map(|(_, message)| message),
            "code": self.problem.as_ref().map(|(code, _)| code),
            "decoded": decoded,
            "listed": self.listed,
            "watched": self.watched,
            "sources": self.sources,
            "warnings": warnings,
        })
    }
}

/// Why the identifier is malformed: its code, and why in words.
fn problem(identified: &Identified) -> Option<(ErrorCode, String)> {
    match identified {
        Identified::Vin(Err(e)) => Some((e.code(), e.to_string())),
        Identified::Vin(Ok(r)) => r.problem().map(|e| (e.code(), e.to_string())),
        Identified::Imo(Err(e)) => Some((
            e.code(),
            format!("{e}; not a ship identification number as written (company and owner numbers carry no such check digit)"),
        )),
        Identified::Imo(Ok(_)) | Identified::Aircraft(_) => None,
    }
}
