//! Shipment decisions against labels, decided by the real engines (lists,
//! matcher, goods rules, shipment rules), as a confusion matrix.

use anyhow::{Context, Result};
use interdict_engine::{Engine, EngineOptions};
use interdict_screen::DecisionKind;
use std::path::{Path, PathBuf};

fn kind(s: &str) -> Option<DecisionKind> {
    match s {
        "clear" => Some(DecisionKind::Clear),
        "review" => Some(DecisionKind::Review),
        "block" => Some(DecisionKind::Block),
        _ => None,
    }
}

pub fn run(mut files: Vec<PathBuf>, eval_dir: &Path) -> Result<()> {
    if files.is_empty() {
        let root = eval_dir.join("..");
        files.push(root.join("crates/interdict-screen/testdata/labelled_shipments.jsonl"));
        for case in [
            "aurus_senat_2024",
            "maybach_s600_2018",
            "lexus_dhaka_2023",
            "controls",
        ] {
            files.push(root.join(format!("examples/{case}.jsonl")));
        }
    }
    let store = std::env::temp_dir().join("interdict-eval-empty-store");
    let engine = Engine::load(&EngineOptions {
        store: interdict_lists::Store::new(store),
        dataset_files: Vec::new(),
    })?;
    let mut pairs = Vec::new();
    let mut misses = Vec::new();
    for file in &files {
        let text =
            std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))?;
        for (i, line) in text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.trim().is_empty())
        {
            let raw: serde_json::Value = serde_json::from_str(line)
                .with_context(|| format!("{}:{}", file.display(), i + 1))?;
            let expected = raw["expected"]
                .as_str()
                .and_then(kind)
                .with_context(|| format!("{}:{}: no expected decision", file.display(), i + 1))?;
            let shipment = interdict_screen::parse_jsonl_line(line, i + 1)
                .map_err(|e| anyhow::anyhow!("{}:{}: {e}", file.display(), i + 1))?;
            let decision = engine.screen(&shipment);
            if decision.decision != expected {
                let rules: Vec<&str> = decision.flags.iter().map(|f| f.rule.as_str()).collect();
                misses.push(format!(
                    "{}: expected {expected:?}, got {:?} {rules:?}",
                    shipment.id, decision.decision
                ));
            }
            pairs.push((expected, decision.decision));
        }
    }
    let n = pairs.len();
    let matrix = interdict_screen::confusion_matrix(pairs);
    println!("{n} labelled shipments, real engines\n{matrix}");
    for m in &misses {
        println!("  {m}");
    }
    Ok(())
}
