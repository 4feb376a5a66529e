//! What the binary's end-to-end tests share: running `interdict` on a
//! temporary store and reading what it printed.
// Each test file uses a part of this module.
#![allow(dead_code)]

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

/// Runs the binary with `args` on `store` (empty, so only the bundled
/// snapshots are used). List ages are measured on a fixed day: the UN
/// snapshot (2026-02-27) is then 77 days old, the UK one (2026-04-29) 16,
/// and the OFAC and CSL ones stale.
pub fn interdict(args: &[&str], store: &tempfile::TempDir) -> Output {
    interdict_at(args, store.path())
}

/// As [`interdict`], with the store (and audit database) in `home`. A
/// recording switched on in the caller's environment does not leak in.
pub fn interdict_at(args: &[&str], home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_interdict"))
        .env("INTERDICT_TODAY", "2026-05-15")
        .env_remove("INTERDICT_RECORD")
        .args(args)
        .arg("--store")
        .arg(home)
        .output()
        .expect("the binary runs")
}

/// An empty temporary store.
pub fn store() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Standard output as one JSON document.
pub fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

/// Standard output as JSON lines.
pub fn json_lines(o: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&o.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect()
}
