//! One engine for all tests (loading and indexing is the slow part).

use interdict_engine::{Engine, EngineOptions};
use interdict_screen::Shipment;
use std::path::PathBuf;
use std::sync::OnceLock;

pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        // An empty store: the bundled snapshots, never a user's updates.
        let store = tempfile::tempdir().expect("temp dir").keep();
        Engine::load(&EngineOptions {
            store: interdict_lists::Store::new(store),
            dataset_files: Vec::new(),
        })
        .expect("engine loads the bundled data")
    })
}

pub fn repo_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

/// Every shipment of a JSONL file with its `expected` decision.
pub fn labelled_shipments(relative: &str) -> Vec<(Shipment, String)> {
    let path = repo_path(relative);
    let text = std::fs::read_to_string(&path).expect("fixture readable");
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let raw: serde_json::Value = serde_json::from_str(l).expect("fixture line is JSON");
            let expected = raw["expected"]
                .as_str()
                .expect("fixture line has expected")
                .to_string();
            let shipment = interdict_screen::parse_jsonl_line(l, i + 1)
                .unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), i + 1));
            (shipment, expected)
        })
        .collect()
}
