//! Integration tests of interdict-screen, one binary with a module per area.
//! Engines are the fixed-table doubles of `doubles.rs`.

mod doubles;

mod assets;
mod bad_input;
mod cases;
mod csv_form;
mod hostile;
mod labelled;
mod law;
mod report;
mod rules;

use doubles::{TableGoods, TableParties};
use interdict_screen::{parse_jsonl_line, Decision, ScreenConfig, Screener, Shipment};
use std::path::PathBuf;

pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Reads every shipment of a JSONL file (panics on a bad line: fixtures must be valid).
pub fn read_jsonl(path: &std::path::Path) -> Vec<Shipment> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            parse_jsonl_line(l, i + 1).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        })
        .collect()
}

pub fn screen(s: &Shipment) -> Decision {
    let (p, g) = (TableParties::new(), TableGoods);
    let screener = Screener {
        parties: &p,
        goods: &g,
        config: ScreenConfig::default(),
    };
    screener.screen(s)
}

pub fn rules_of(d: &Decision) -> Vec<&str> {
    d.flags.iter().map(|f| f.rule.as_str()).collect()
}

/// The flags' JSON as `--format jsonl` writes it (the contract consumers read).
pub fn evidence_json(f: &interdict_screen::Flag) -> serde_json::Value {
    serde_json::to_value(&f.evidence).expect("evidence serialises")
}

/// A rule id named in a test.
pub fn rule(id: &str) -> interdict_screen::RuleId {
    interdict_screen::RuleId::parse(id).unwrap_or_else(|| panic!("no rule {id}"))
}
