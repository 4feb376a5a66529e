//! `lists update` under faults (docs/RELIABILITY.md): at every fail point of
//! the update, an injected error and a SIGKILL each leave the previous
//! snapshot serving, nothing a later run trips on, and a re-run succeeds.
//! The binary is a test build, so its fail points are compiled in
//! (`interdict-lists/failpoints`) and set by `INTERDICT_FAIL_POINTS`.

use interdict_lists::FAIL_POINTS;
use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const DATASET: &str = "un_sc_sanctions";

fn bundled_un() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/lists/un_sc_sanctions_2026-02-27.xml.gz")
}

fn command(store: &Path, args: &[&str]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_interdict"));
    c.env("INTERDICT_TODAY", "2026-05-15")
        .env_remove("INTERDICT_FAIL_POINTS")
        .args(args)
        .arg("--store")
        .arg(store);
    c
}

fn update_args(from: &Path) -> Vec<String> {
    ["lists", "update", DATASET, "--from"]
        .iter()
        .map(|s| s.to_string())
        .chain([from.display().to_string()])
        .collect()
}

fn run(store: &Path, args: &[String], fail_points: Option<&str>) -> Output {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let mut c = command(store, &args);
    if let Some(f) = fail_points {
        c.env("INTERDICT_FAIL_POINTS", f);
    }
    c.output().expect("the binary runs")
}

/// A store whose current UN snapshot is the bundled file (version A), and
/// a second copy of it to update from.
fn store_with_a_current_snapshot() -> (tempfile::TempDir, PathBuf, PathBuf, String) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let store = tmp.path().join("store");
    let next = tmp.path().join("next.xml.gz");
    std::fs::copy(bundled_un(), &next).expect("copy");
    let out = run(&store, &update_args(&bundled_un()), None);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let a = pointer(&store, "current").expect("a current version");
    (tmp, store, next, a)
}

fn pointer(store: &Path, which: &str) -> Option<String> {
    std::fs::read_to_string(store.join(DATASET).join(which))
        .ok()
        .map(|s| s.trim().to_string())
}

/// Names in the dataset directory, sorted.
fn entries(store: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(store.join(DATASET))
        .expect("dataset dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The snapshot in use serves: `lists` answers with the UN list's records.
fn assert_serves(store: &Path) {
    let out = command(store, &["lists", "--format", "json"])
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let answer: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let un = answer["datasets"]
        .as_array()
        .expect("datasets")
        .iter()
        .find(|r| r["dataset"] == DATASET)
        .cloned()
        .expect("un");
    assert_eq!(un["total"], 1003);
}

/// Only the two pointers and the two versions they name remain.
fn assert_clean(store: &Path) {
    let current = pointer(store, "current").expect("current");
    let previous = pointer(store, "previous").expect("previous");
    let mut want = vec![
        "current".to_string(),
        "previous".to_string(),
        current,
        previous,
    ];
    want.sort();
    want.dedup();
    assert_eq!(entries(store), want);
}

#[test]
fn an_error_at_each_fail_point_keeps_the_current_snapshot() {
    let (_tmp, store, next, a) = store_with_a_current_snapshot();
    for point in FAIL_POINTS.iter().filter(|p| **p != "update::after_swap") {
        let before = entries(&store);
        let out = run(
            &store,
            &update_args(&next),
            Some(&format!("{point}=return")),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{point}: {stderr}");
        assert!(
            stderr.contains(&format!(
                "error[fault_injected]: the current {DATASET} snapshot was kept: fault injected at {point}"
            )),
            "{point}: {stderr}"
        );
        assert_eq!(
            pointer(&store, "current").as_deref(),
            Some(a.as_str()),
            "{point}"
        );
        assert_eq!(entries(&store), before, "{point}: the store is untouched");
        assert_serves(&store);
    }
    let out = run(&store, &update_args(&next), None);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(pointer(&store, "previous").as_deref(), Some(a.as_str()));
    assert_clean(&store);
}

#[test]
fn a_kill_at_each_fail_point_leaves_a_store_that_serves_and_updates() {
    for point in FAIL_POINTS {
        let (_tmp, store, next, a) = store_with_a_current_snapshot();
        let args = update_args(&next);
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let mut child = command(&store, &args)
            .env("INTERDICT_FAIL_POINTS", format!("{point}=sleep(600000)"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let stderr = child.stderr.take().expect("stderr");
        let reached = BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .any(|l| l == format!("fail point {point} reached"));
        assert!(reached, "{point} was never reached");
        child.kill().expect("SIGKILL");
        child.wait().expect("reaped");

        // The swap is one rename: before it the old version is current,
        // after it the new one, complete.
        let current = pointer(&store, "current").expect("a current version");
        if point == "update::after_swap" {
            assert_ne!(current, a, "{point}");
        } else {
            assert_eq!(current, a, "{point}");
        }
        assert!(store
            .join(DATASET)
            .join(&current)
            .join("meta.json")
            .is_file());
        assert_serves(&store);

        let out = run(&store, &update_args(&next), None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{point}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_serves(&store);
        assert_clean(&store);
    }
}

#[test]
fn a_full_disk_keeps_the_current_snapshot() {
    // A file-size limit stands in for a full disk (no root needed): writes
    // past it fail with EFBIG, as they would with ENOSPC.
    let (_tmp, store, next, a) = store_with_a_current_snapshot();
    let before = entries(&store);
    let script = "trap '' XFSZ; ulimit -f 64; exec \"$0\" \"$@\"";
    let out = Command::new("sh")
        .arg("-c")
        .arg(script)
        .arg(env!("CARGO_BIN_EXE_interdict"))
        .args(update_args(&next))
        .arg("--store")
        .arg(&store)
        .env_remove("INTERDICT_FAIL_POINTS")
        .output()
        .expect("sh runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "error[io_failed]: the current {DATASET} snapshot was kept: "
        )),
        "{stderr}"
    );
    assert!(stderr.contains("File too large"), "{stderr}");
    assert_eq!(pointer(&store, "current").as_deref(), Some(a.as_str()));
    assert_eq!(entries(&store), before);
    assert_serves(&store);
}
