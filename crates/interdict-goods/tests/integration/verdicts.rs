//! Verdict rules: direction, dates, thresholds, mismatches, exemptions.
use super::helpers::*;
use interdict_goods::Status;

#[test]
fn car_parts_and_buses_are_chapter_87_and_prohibited() {
    for d in ["brake pads for trucks", "city bus, 12 m"] {
        let r = assess(&line(d, "kp"));
        assert_eq!(status(&r, "UN"), Status::Prohibited, "{d}");
        assert!(provisions(&r, "UN")
            .iter()
            .any(|p| p.contains("2397") && p.contains("op. 7")));
    }
}

#[test]
fn food_and_medicine_are_not_un_controlled() {
    for d in ["wheat flour", "paracetamol tablets"] {
        let r = assess(&line(d, "kp"));
        assert_eq!(status(&r, "UN"), Status::NotControlled, "{d}");
    }
    // Before E.O. 13722 only the EAR applied, and it exempts food.
    let mut l = line("wheat flour", "kp");
    l.date = Some("2015-01-10".into());
    let r = assess(&l);
    assert_eq!(status(&r, "US"), Status::NotControlled);
    assert!(r.verdict("US").unwrap().reason.contains("exempts food"));
    l.description = "steel pipes".into();
    assert_eq!(status(&assess(&l), "US"), Status::LicenceRequired);
}

#[test]
fn rules_apply_from_their_effective_date() {
    let mut l = line("excavator", "kp");
    l.date = Some("2017-06-01".into());
    assert_eq!(status(&assess(&l), "UN"), Status::NotControlled);
    l.date = Some("2018-01-05".into());
    assert_eq!(status(&assess(&l), "UN"), Status::Prohibited);
    // A year covers the adoption date of 2397 (22 Dec 2017).
    l.date = Some("2017".into());
    assert_eq!(status(&assess(&l), "UN"), Status::Prohibited);
}

#[test]
fn value_thresholds_use_unit_value_in_usd() {
    let mut l = line("hand-knotted Persian carpet", "kp");
    assert_eq!(
        status(&assess(&l), "UN"),
        Status::Unknown,
        "no value: unknown"
    );
    l.value = Some(4000.0);
    l.currency = Some("EUR".into());
    l.quantity = Some(10.0); // EUR 400 each ≈ USD 432: under USD 500
    let r = assess(&l);
    assert_eq!(
        status(&r, "UN"),
        Status::NotControlled,
        "{:?}",
        r.verdict("UN")
    );
    assert!(r.verdict("UN").unwrap().reason.contains("500"));
    l.quantity = Some(2.0); // EUR 2000 each
    let r = assess(&l);
    assert_eq!(status(&r, "UN"), Status::Prohibited);
    assert!(r.verdict("UN").unwrap().reason.contains("reference rate"));
}

#[test]
fn imports_from_kp_use_procurement_bans() {
    let mut l = line("anthracite coal", "cn");
    l.origin = Some("kp".into());
    let r = assess(&l);
    assert_eq!(status(&r, "UN"), Status::Prohibited);
    l.description = "anthracite coal".into();
    l.origin = Some("ru".into());
    assert_eq!(status(&assess(&l), "UN"), Status::NotControlled);
}

#[test]
fn declared_code_disagreeing_with_description_is_an_evasion_signal() {
    let mut l = line("Rolls-Royce Phantom limousine", "kp");
    l.hs_code = Some("8708.29".into());
    let r = assess(&l);
    let m = r.mismatch.as_ref().expect("mismatch");
    assert_eq!(m.kind.as_str(), "heading");
    assert_eq!(r.hs.heading.as_deref(), Some("8703"));
    assert!(r.warnings.iter().any(|w| w.contains("evasion")));

    let mut l = line("Rolls-Royce Phantom", "kp");
    l.declared_description = Some("BMW X5 xDrive40i".into());
    let r = assess(&l);
    assert_eq!(
        r.mismatch.as_ref().map(|m| m.kind.as_str()),
        Some("make_model")
    );

    let mut l = line("Toyota Land Cruiser 200", "kp");
    l.hs_code = Some("8703.23".into());
    let r = assess(&l);
    assert!(r.mismatch.is_none());
    assert_eq!(
        r.hs.basis,
        interdict_goods::CodeBasis::DeclaredAndDescription
    );
}

#[test]
fn hs_2017_codes_are_mapped() {
    let s = screener();
    let r = s.resolve_hs("8803.30", None).unwrap();
    assert_eq!(r.code, "880730");
    let d: interdict_model::PartialDate = "2019-05-01".parse().unwrap();
    let r = s.resolve_hs("8903.92", Some(&d)).unwrap();
    assert_eq!(r.heading.as_deref(), Some("8903"));
    assert!(r.note.unwrap().contains("HS 2017"));
    // National 10-digit lines cut to HS-6.
    assert_eq!(s.resolve_hs("8703.24.90.90", None).unwrap().code, "870324");
}

#[test]
fn unverified_rules_say_so() {
    let r = assess(&line("hot rolled steel coils", "kp"));
    let v = r.verdict("UN").unwrap();
    assert_eq!(v.status, Status::Prohibited);
    assert_eq!(v.verified, Some(interdict_goods::Verification::Unverified));
    assert!(v.reason.contains("not verified"));
}

#[test]
fn report_json_has_the_fixed_shape() {
    let r = assess(&line("Aurus Senat", "kp"));
    let v: serde_json::Value = serde_json::to_value(&r).unwrap();
    for k in ["code", "heading", "confidence", "basis"] {
        assert!(v["hs"].get(k).is_some(), "hs.{k}");
    }
    for k in [
        "jurisdiction",
        "status",
        "rule",
        "instrument",
        "provision",
        "verified",
        "reason",
    ] {
        assert!(v["verdicts"][0].get(k).is_some(), "verdicts[].{k}");
    }
    assert!(v["warnings"].is_array());
    assert_eq!(v["verdicts"][0]["status"], "prohibited");
}

#[test]
fn the_description_overrides_a_wrong_declared_code() {
    let mut l = line("Lexus LX 570 sport utility vehicle", "kp");
    l.hs_code = Some("8708.99".into());
    let r = assess(&l);
    assert_eq!(r.hs.basis, interdict_goods::CodeBasis::Description);
    assert_eq!(r.hs.heading.as_deref(), Some("8703"));
    let m = r.mismatch.as_ref().expect("mismatch raised");
    assert_eq!(m.declared, "870899");
    assert!(m.described.starts_with("8703"), "{m:?}");
    assert_eq!(
        r.verdict("UN").unwrap().hs_code.as_deref(),
        r.hs.code.as_deref()
    );
    // Tyres declared as vehicle parts are tyres: outside chapter 87.
    let mut l = line(
        "new pneumatic radial tyres for passenger cars, rubber",
        "kp",
    );
    l.hs_code = Some("8708.70".into());
    let r = assess(&l);
    assert_eq!(
        r.hs.heading.as_deref(),
        Some("4011"),
        "{:?}",
        r.classification.basis
    );
    assert_eq!(status(&r, "UN"), Status::NotControlled);
}

#[test]
fn not_controlled_names_its_heading_and_humanitarian_routes() {
    let mut l = line("rice, milled, 25 kg bags", "kp");
    l.date = Some("2025-03-01".into());
    let r = assess(&l);
    let un = r.verdict("UN").unwrap();
    assert_eq!(un.status, Status::NotControlled);
    assert_eq!(un.hs_code.as_deref().map(|c| &c[..4]), Some("1006"));
    assert!(un.reason.contains("1006"), "{}", un.reason);
    assert!(un.humanitarian.is_some(), "UN humanitarian note");
    let us = r.verdict("US").unwrap();
    assert_eq!(us.status, Status::LicenceRequired);
    assert!(us
        .humanitarian
        .as_ref()
        .unwrap()
        .note
        .contains("89 FR 12233"));
    // Books are informational materials.
    let r = assess(&line("printed books, novels", "kp"));
    assert_eq!(status(&r, "US"), Status::NotControlled);
}

#[test]
fn petroleum_under_the_cap_needs_authorisation() {
    let mut l = line("diesel fuel", "kp");
    l.hs_code = Some("2710.19".into());
    l.date = Some("2025-01-01".into());
    let r = assess(&l);
    let un = r.verdict("UN").unwrap();
    assert_eq!(un.status, Status::LicenceRequired);
    assert!(un.reason.contains("cap"), "{}", un.reason);
}

#[test]
fn korea_needs_approval_for_everything_and_applies_the_un_bans() {
    // Everyday goods: Ministry of Unification approval (Act art. 13), not a ban.
    let r = assess(&line("wheat flour", "kp"));
    assert_eq!(status(&r, "KR"), Status::LicenceRequired);
    assert_eq!(r.verdict("KR").unwrap().rule.as_deref(), Some("kr-002"));
    // A UN ban stands for Korea's implementing notice, and says so.
    let r = assess(&line("brake pads for trucks", "kp"));
    assert_eq!(status(&r, "KR"), Status::Prohibited);
    let kr = r.verdict("KR").unwrap();
    assert!(kr.rule.as_deref().unwrap().starts_with("un-"), "{kr:?}");
    assert!(kr.reason.contains("UN Security Council prohibition"));
    // The US has rules of its own: the UN row never stands in for them.
    let mut l = line("black caviar", "kp");
    l.date = Some("2015-01-10".into());
    let us = assess(&l);
    let rule = us.verdict("US").unwrap().rule.as_deref().unwrap_or("");
    assert!(!rule.starts_with("un-"), "{rule}");
}
