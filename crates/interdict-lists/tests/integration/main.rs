//! Integration tests of interdict-lists: one binary, a module per area, with
//! small helpers so the tests read like the specification.

mod bad_input;
mod counts;
mod formats;
mod hostile;

mod spot_checks;
mod update;

use interdict_lists::Snapshot;
use interdict_model::Entity;
use std::path::PathBuf;
use std::sync::OnceLock;

/// A file of the repository's `data/lists/`.
pub fn data(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists")
        .join(rel)
}

/// A file of this crate's `tests/fixtures/`.
pub fn fixture(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// Every bundled snapshot, parsed once for the whole test binary.
pub fn bundled() -> &'static [Snapshot] {
    static ALL: OnceLock<Vec<Snapshot>> = OnceLock::new();
    ALL.get_or_init(|| interdict_lists::load_bundled().expect("the bundled lists parse"))
}

/// The bundled snapshot of `dataset`.
pub fn dataset(name: &str) -> &'static Snapshot {
    bundled()
        .iter()
        .find(|s| s.info.name == name)
        .unwrap_or_else(|| panic!("{name} is bundled"))
}

/// The bundled record with id `id` (`<dataset>:<source id>`).
pub fn record(id: &str) -> &'static Entity {
    let (name, _) = id.split_once(':').expect("a dataset-prefixed id");
    dataset(name)
        .get(id)
        .unwrap_or_else(|| panic!("{id} is in {name}"))
}

/// The values of `property`, as `&str`s.
pub fn values<'a>(e: &'a Entity, property: &str) -> Vec<&'a str> {
    e.get(property).iter().map(String::as_str).collect()
}
