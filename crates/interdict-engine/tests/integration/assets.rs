//! Listed vessels and aircraft found by identifier on the bundled lists.

use super::support::engine;
use interdict_assets::AssetKind;

#[test]
fn a_dprk_vessel_is_found_by_its_imo_number_on_every_list() {
    let found = engine().listed_assets(AssetKind::Imo, "IMO 7937317");
    assert_eq!(found.len(), 1, "{found:#?}");
    let v = &found[0];
    assert_eq!(v.schema, "Vessel");
    assert!(
        v.names.iter().any(|n| n.to_uppercase().contains("CHON")),
        "{v:#?}"
    );
    assert!(v.datasets.iter().any(|d| d == "us_ofac_sdn"), "{v:#?}");
    // Spelt without the prefix, the same party.
    let again = engine().listed_assets(AssetKind::Imo, "7937317");
    assert_eq!(again.first().map(|a| &a.id), Some(&v.id));
}

#[test]
fn an_aircraft_is_found_by_registration_and_by_serial() {
    let by_mark = engine().listed_assets(AssetKind::Registration, "EP-MMH");
    // OFAC's Mahan Air A340 (MSN 391), on the SDN list and the CSL copy.
    assert_eq!(by_mark.len(), 1, "{by_mark:#?}");
    assert_eq!(by_mark[0].schema, "Airplane");
    assert_eq!(by_mark[0].records.len(), 2, "{by_mark:#?}");
    let by_serial = engine().listed_assets(AssetKind::Registration, "391");
    assert_eq!(by_serial.first().map(|a| &a.id), Some(&by_mark[0].id));
}

#[test]
fn a_renamed_vessel_comes_with_its_former_name() {
    let found = engine().listed_assets(AssetKind::Imo, "IMO 9010022");
    let v = found.first().expect("ASIA BRIDGE is listed");
    assert!(
        v.former_names.iter().any(|n| n == "ASIA BRIDGE 2"),
        "{v:#?}"
    );
}

#[test]
fn an_unlisted_number_finds_nothing() {
    assert!(engine()
        .listed_assets(AssetKind::Imo, "IMO 9074729")
        .is_empty());
}

#[test]
fn vessel_imo_numbers_on_the_bundled_lists_carry_valid_check_digits() {
    let store = tempfile::tempdir().expect("temp dir");
    let snapshots = interdict_lists::load(&interdict_lists::Store::new(store.path()))
        .expect("bundled lists load");
    let mut checked = 0;
    let mut bad = Vec::new();
    for s in &snapshots {
        for e in &s.entities {
            if e.schema != interdict_model::Schema::Vessel {
                continue;
            }
            for imo in e.get(interdict_model::prop::IMO_NUMBER) {
                checked += 1;
                if let Err(err) = interdict_assets::imo::parse(imo) {
                    bad.push(format!("{} {}: {err}", e.id, e.caption()));
                }
            }
        }
    }
    eprintln!(
        "{checked} vessel IMO numbers checked, {} malformed",
        bad.len()
    );
    assert!(checked > 1000, "only {checked} vessel IMO numbers");
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

#[test]
fn the_real_cases_ask_for_the_chassis_number() {
    // Maybach: bound for the DPRK; Lexus: received by the DPRK embassy in
    // Dhaka (the route itself never touches the DPRK).
    for file in [
        "examples/maybach_s600_2018.jsonl",
        "examples/lexus_dhaka_2023.jsonl",
    ] {
        for (s, _) in super::support::labelled_shipments(file) {
            let d = engine().screen(&s);
            let note = d
                .flags
                .iter()
                .find(|f| f.rule.as_str() == "asset.no_chassis_number")
                .unwrap_or_else(|| panic!("{}: {:?}", s.id, d.flags));
            assert_eq!(note.severity, interdict_screen::Severity::Low);
        }
    }
}
