//! The labelled shipment set, decided by the real engines: the confusion
//! matrix is printed, and no clean shipment may be blocked nor a block
//! shipment cleared.

use super::support::{engine, labelled_shipments};
use interdict_screen::DecisionKind;

#[test]
fn labelled_shipments_are_decided_as_labelled() {
    let set = labelled_shipments("crates/interdict-screen/testdata/labelled_shipments.jsonl");
    assert!(
        set.len() >= 50,
        "at least 50 labelled shipments, got {}",
        set.len()
    );
    let mut wrong = Vec::new();
    let mut severe = Vec::new();
    for (s, expected) in &set {
        let d = engine().screen(s);
        let got = format!("{:?}", d.decision).to_lowercase();
        if &got != expected {
            let rules: Vec<&str> = d.flags.iter().map(|f| f.rule.as_str()).collect();
            let line = format!("{}: expected {expected}, got {got} {rules:?}", s.id);
            if (expected == "clear" && d.decision == DecisionKind::Block)
                || (expected == "block" && d.decision == DecisionKind::Clear)
            {
                severe.push(line.clone());
            }
            wrong.push(line);
        }
    }
    eprintln!(
        "{} of {} labelled shipments decided as labelled",
        set.len() - wrong.len(),
        set.len()
    );
    for w in &wrong {
        eprintln!("  {w}");
    }
    assert!(severe.is_empty(), "block/clear confusions: {severe:#?}");
    assert!(
        wrong.len() * 10 <= set.len(),
        "more than 10% wrong: {wrong:#?}"
    );
}
