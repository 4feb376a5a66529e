//! System routes in yente's shapes: `/healthz`, `/readyz` (503 until the
//! index is built), `/catalog` and `/manifest`, `/algorithms`, and
//! `POST /updatez?token=` (403 without a configured token; the rebuilt
//! index is swapped in atomically).

use super::matching::{ALGORITHM, ALIASES};
use crate::catalog::Origin;
use crate::error::{ApiError, ApiResult};
use crate::index::Index;
use crate::params::Params;
use crate::state::AppState;
use serde_json::{json, Value};

pub fn readyz(state: &AppState) -> ApiResult<Value> {
    state.index()?;
    Ok(json!({"status": "ok"}))
}

/// `20260227000000`-style version from a snapshot date, as yente derives
/// versions from timestamps.
fn version_of(date: &str) -> Option<String> {
    let digits: String = date.chars().filter(char::is_ascii_digit).collect();
    (digits.len() >= 8).then(|| format!("{:0<14}", &digits[..digits.len().min(14)]))
}

pub fn catalog(index: &Index) -> Value {
    let mut datasets = Vec::new();
    let mut current = Vec::new();
    for spec in &index.sources.specs {
        let loaded = index.dataset(&spec.name);
        let date = loaded
            .map(|d| d.info.snapshot_date.clone())
            .unwrap_or_default();
        let version = version_of(&date).unwrap_or_else(|| "static".to_string());
        let entities_url = match &spec.origin {
            Some(Origin::File(p)) => Some(format!("file://{}", p.display())),
            _ => None,
        };
        if spec.origin.is_some() {
            current.push(spec.name.clone());
        }
        let title = loaded
            .map(|d| d.info.title.clone())
            .filter(|t| !t.is_empty() && spec.title == spec.name)
            .unwrap_or_else(|| spec.title.clone());
        datasets.push(json!({
            "name": spec.name,
            "title": title,
            "version": version,
            "updated_at": (!date.is_empty()).then(|| crate::graph::timestamp(&date)),
            "last_export": (!date.is_empty()).then(|| crate::graph::timestamp(&date)),
            "children": spec.children,
            "load": spec.origin.is_some(),
            "entities_url": entities_url,
            "namespace": false,
            "index_version": spec.origin.as_ref().map(|_| version.clone()),
            "index_current": spec.origin.is_some(),
            "publisher": loaded
                .filter(|d| !d.info.publisher.is_empty())
                .map(|d| json!({"name": d.info.publisher, "url": d.info.source_url})),
            "entity_count": loaded.map(|d| d.stats.total),
        }));
    }
    json!({"datasets": datasets, "current": current, "outdated": [], "index_stale": false})
}

/// A strong ETag over the catalogue's JSON.
pub fn etag_of(catalog: &Value) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(catalog.to_string().as_bytes());
    let hex: String = digest.iter().take(16).map(|b| format!("{b:02x}")).collect();
    format!("\"{hex}\"")
}

pub fn algorithms() -> Value {
    let features = json!({
        "name_match": {
            "description": "How well the best query name matches the best listed name, part by part, across scripts and romanisations (0-1).",
            "coefficient": 1.0,
            "url": null
        },
        "birth_date_agrees": {"description": "Birth dates agree at the precision both give (bonus).", "coefficient": 1.0, "url": null},
        "birth_date_conflict": {"description": "No birth date agrees (penalty).", "coefficient": 1.0, "url": null},
        "nationality_agrees": {"description": "A country or nationality agrees (bonus).", "coefficient": 1.0, "url": null},
        "nationality_conflict": {"description": "Countries differ (penalty).", "coefficient": 1.0, "url": null},
        "schema_incompatible": {"description": "The kinds of party cannot be the same (penalty).", "coefficient": 1.0, "url": null},
        "identifier_match": {"description": "An identifier (IMO, passport, registration...) is equal (bonus).", "coefficient": 1.0, "url": null},
        "identifier_conflict": {"description": "Unique identifiers of the same kind differ (penalty).", "coefficient": 1.0, "url": null},
        "numbers_differ": {"description": "Numbers in the names differ (penalty).", "coefficient": 1.0, "url": null},
        "single_part_only": {"description": "Only one part of a person's name matched (cap).", "coefficient": 1.0, "url": null},
        "common_words_only": {"description": "Organisation names agree only on common words (cap).", "coefficient": 1.0, "url": null},
        "given_and_family_names_swapped": {"description": "Given and family names are swapped (penalty).", "coefficient": 1.0, "url": null}
    });
    let description = "interdict's matcher: names compared part by part across scripts (Hangul, Hanja, kana, Cyrillic, Arabic...) and romanisations, then adjusted by birth date, nationality and identifiers; every result carries its explanation in words.";
    json!({
        "algorithms": [{
            "name": ALGORITHM,
            "description": description,
            "features": features,
            "docs": {"name": ALGORITHM, "description": description, "features": features, "config": {}},
            "aliases": ALIASES,
        }],
        "default": ALGORITHM,
        "best": ALGORITHM,
    })
}

/// Checks the token and starts a rebuild (or runs it with `sync=true`).
pub fn updatez(state: &std::sync::Arc<AppState>, p: &Params) -> ApiResult<Value> {
    let token = p.get("token").unwrap_or("");
    if state.keys.is_empty() || !state.keys.allows(token) {
        return Err(ApiError::Forbidden("Invalid token.".into()));
    }
    if p.bool("sync", false)? {
        state.build_now().map_err(|e| {
            ApiError::BadRequest(format!(
                "Update failed, the previous index keeps serving: {e}"
            ))
        })?;
    } else {
        state.spawn_build();
    }
    Ok(json!({"status": "ok"}))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_from_dates() {
        assert_eq!(version_of("2026-02-27").as_deref(), Some("20260227000000"));
        assert_eq!(version_of(""), None);
    }
}
