//! The labelled set: accuracy targets, and the seed goods (the flagship
//! luxury cases) judged under the UN rules with their provisions.
use super::helpers::*;
use interdict_goods::{evaluate, Status};

const LABELLED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/labelled_goods.csv");

#[test]
fn labelled_set_meets_targets() {
    let rep = evaluate(LABELLED).expect("labelled set evaluates");
    println!("{rep}");
    assert!(rep.lines >= 300, "labelled set has {} lines", rep.lines);
    assert!(rep.errors.is_empty(), "lines failed: {:?}", rep.errors);
    assert!(
        rep.heading_accuracy() >= 0.95,
        "heading accuracy {:.3}",
        rep.heading_accuracy()
    );
    assert!(
        rep.verdict_accuracy("UN") >= 0.98,
        "UN verdict accuracy {:.3}",
        rep.verdict_accuracy("UN")
    );
}

/// (description, a provision that must be named among the UN rules)
const SEED: &[(&str, &str)] = &[
    ("Aurus Senat armoured limousine", "UNSCR 2397 (2017) op. 7"),
    ("Mercedes-Maybach S600 Guard", "UNSCR 2397 (2017) op. 7"),
    ("Lexus LX 570", "UNSCR 2397 (2017) op. 7"),
    ("Rolls-Royce Phantom", "UNSCR 2094 (2013) Annex IV"),
    ("Rolls-Royce Ghost", "UNSCR 2094 (2013) Annex IV"),
    ("vodka, 0.7 l bottles", "UNSCR 1718 (2006) op. 8(a)(iii)"),
    ("Swiss watches", "UNSCR 2270 (2016) op. 39; Annex V"),
    ("fur coats", "UNSCR 1718 (2006) op. 8(a)(iii)"),
    ("cosmetics", "UNSCR 1718 (2006) op. 8(a)(iii)"),
];

#[test]
fn seed_goods_are_prohibited_to_kp_under_un_rules_with_provisions() {
    for (desc, provision) in SEED {
        let r = assess(&line(desc, "kp"));
        assert_eq!(
            status(&r, "UN"),
            Status::Prohibited,
            "{desc}: {:#?}",
            r.verdict("UN")
        );
        let named = provisions(&r, "UN");
        assert!(
            named.iter().any(|p| p.starts_with(provision)),
            "{desc}: expected {provision} among {named:?}"
        );
    }
}

#[test]
fn seed_goods_to_other_destinations_are_not_controlled() {
    for (desc, _) in SEED {
        let r = assess(&line(desc, "cn"));
        for v in &r.verdicts {
            assert_eq!(
                v.status,
                Status::NotControlled,
                "{desc} to cn under {}",
                v.jurisdiction
            );
            assert!(v.reason.contains("not the DPRK"), "{}", v.reason);
        }
    }
}
