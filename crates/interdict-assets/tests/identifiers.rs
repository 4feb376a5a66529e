//! Decoding of identifiers as published: sample VINs with their check
//! digits, IMO numbers of vessels on the bundled UN and OFAC lists, and
//! aircraft marks of the real cases.

use interdict_assets::vin::CheckDigit;
use interdict_assets::{identify, AssetKind, Identified, VinError};

fn vin(s: &str) -> interdict_assets::VinReport {
    match identify(s) {
        Identified::Vin(Ok(r)) => *r,
        other => panic!("{s}: {other:?}"),
    }
}

#[test]
fn sample_north_american_vins_decode_and_check() {
    // The sample VIN of many decoder documents: a 2003 Honda Accord built
    // in the United States (position 7 a digit: the 1980–2009 cycle).
    let r = vin("1HGCM82633A004352");
    assert_eq!(r.check_digit, CheckDigit::Valid { digit: '3' });
    assert_eq!(r.wmi, "1HG");
    let m = r.manufacturer.expect("1HG is in vPIC");
    assert_eq!(m.makes, vec!["Honda".to_string()]);
    assert_eq!(r.model_year.likely, Some(2003));
    assert_eq!(r.serial, "004352");
    assert!(r.flags.is_empty());

    // A 2003 Chevrolet Tahoe: remainder 10, check digit X.
    let r = vin("1GNEK13ZX3R298984");
    assert_eq!(r.check_digit, CheckDigit::Valid { digit: 'X' });
    assert_eq!(r.model_year.likely, Some(2003));
}

#[test]
fn a_japanese_vin_has_no_mandatory_check_digit() {
    // An Acura (Honda's luxury marque) built in Japan: JH4.
    let r = vin("JH4KA7561PC008269");
    assert_eq!(r.country.map(|c| c.code), Some("jp".to_string()));
    assert!(matches!(
        r.check_digit,
        CheckDigit::NotUsed {
            found: '1',
            computed: '1'
        }
    ));
    assert_eq!(r.model_year.candidates, vec![1993, 2023]);
}

#[test]
fn every_malformation_is_reported_not_raised() {
    for (input, expected) in [
        ("1HGCM82633A00435", "17 characters"),
        ("1HGCM82633A0043S2I", "never used"),
        ("1HGCM82633A00435Q", "never used"),
        ("1HGCM82633A004353", "check digit"),
    ] {
        let message = match identify(input) {
            Identified::Vin(Err(e)) => e.to_string(),
            Identified::Vin(Ok(r)) => r.problem().map(|e| e.to_string()).unwrap_or_default(),
            other => panic!("{input}: {other:?}"),
        };
        assert!(message.contains(expected), "{input}: {message}");
    }
    assert_eq!(
        interdict_assets::vin::validate("1HGCM82633A004353"),
        Err(VinError::BadCheckDigit {
            found: '3',
            expected: '5'
        })
    );
}

#[test]
fn imo_numbers_of_listed_vessels_check() {
    // DPRK vessels on the bundled OFAC SDN list (CHONG CHON GANG, DAI HONG
    // DAN, HWANG GUM SAN 2): their IMO numbers carry valid check digits.
    for imo in ["IMO 7937317", "7944695", "IMO 8405270"] {
        match identify(imo) {
            Identified::Imo(Ok(d)) => assert_eq!(d.len(), 7),
            other => panic!("{imo}: {other:?}"),
        }
    }
    assert!(matches!(identify("IMO 7937318"), Identified::Imo(Err(_))));
}

#[test]
fn registrations_name_their_state() {
    let Identified::Aircraft(r) = identify("P-632") else {
        panic!("P-632 is a registration")
    };
    assert_eq!(r.nationality.map(|n| n.country), Some("kp".to_string()));
    assert_eq!(interdict_assets::detect("EP-MNA"), AssetKind::Registration);
}

#[test]
fn models_of_flagged_marques_are_decoded_and_flagged() {
    // Built on vPIC's model patterns (positions 4–8), check digits computed:
    // a 2006 Lexus LX (JTJ, `H***W`) and a 2014 Mercedes-Benz S-Class (WDD, `UG8C`).
    let lx = vin("JTJHT00W864012345");
    assert_eq!(lx.model.as_deref(), Some("LX"));
    let flagged: Vec<&str> = lx.flags.iter().map(|f| f.make.as_str()).collect();
    assert!(flagged.contains(&"Lexus LX"), "{flagged:?}");
    assert!(flagged.contains(&"Lexus"), "{flagged:?}");

    let s = vin("WDDUG8CB0EA000001");
    assert_eq!(s.model.as_deref(), Some("S-Class"));
    let guard = s
        .flags
        .iter()
        .find(|f| f.make == "Mercedes-Benz S-Class")
        .expect("the S-Class is flagged");
    assert!(guard.categories.iter().any(|c| c == "armoured"));
    assert!(guard.source.contains("Lux & Loaded"));

    // A Honda is no flagged marque: no model is decoded for it.
    assert_eq!(vin("1HGCM82633A004352").model, None);
}
