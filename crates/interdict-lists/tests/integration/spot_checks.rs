//! Hard records, checked field by field against the source files.

use crate::{dataset, record, values};

#[test]
fn un_individual_with_several_passports() {
    let e = record("un_sc_sanctions:KPi.014");
    assert_eq!(values(e, "name"), ["CHOE SONG IL"]);
    assert_eq!(values(e, "passportNumber"), ["472320665", "563120356"]);
    assert_eq!(values(e, "nationality"), ["kp"]);
    assert_eq!(values(e, "program"), ["DPRK"]);
    assert_eq!(values(e, "createdAt"), ["2016-03-02"]);
    assert!(values(e, "notes").contains(&"Passport 472320665: Expires 26 Sep. 2017"));
}

#[test]
fn un_dates_keep_precision_ranges_and_circa() {
    // EXACT with a full date.
    assert_eq!(
        values(record("un_sc_sanctions:KPi.001"), "birthDate"),
        ["1944-10-13"]
    );
    // EXACT with a year only.
    assert_eq!(
        values(record("un_sc_sanctions:KPi.002"), "birthDate"),
        ["1938"]
    );
    // BETWEEN 1967 and 1969: every year, and the range kept as a note.
    let e = record("un_sc_sanctions:KPi.066");
    assert_eq!(values(e, "birthDate"), ["1967", "1968", "1969"]);
    assert_eq!(values(e, "birthDateNote"), ["between 1967 and 1969"]);
}

#[test]
fn un_alias_quality_is_kept() {
    // QUALITY Low → weakAlias, Good → alias.
    let e = record("un_sc_sanctions:CDi.003");
    assert_eq!(values(e, "weakAlias"), ["Rumuli"]);
    assert!(values(e, "alias").contains(&"Victor Rumuri"));
    // f.k.a. → previousName.
    let e = record("un_sc_sanctions:KPe.002");
    assert_eq!(
        values(e, "previousName"),
        ["LYONGAKSAN GENERAL TRADING CORPORATION"]
    );
    assert_eq!(values(e, "alias"), ["KOREA YONBONG GENERAL CORPORATION"]);
}

#[test]
fn cyrillic_original_script_names_are_kept_as_written() {
    let e = record("un_sc_sanctions:QDi.290");
    assert!(
        values(e, "alias").contains(&"Умаров Доку Хаматович"),
        "{e:?}"
    );
    let e = record("us_ofac_cons:17013");
    assert_eq!(values(e, "name"), ["VTB BANK PUBLIC JOINT STOCK COMPANY"]);
    assert!(values(e, "alias").contains(&"БАНК ВТБ ПУБЛИЧНОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО"));
    assert_eq!(values(e, "swiftBic"), ["VTBRRUMM"]);
}

#[test]
fn ofac_vessel_with_imo_and_former_names() {
    let e = record("us_ofac_sdn:28716");
    assert_eq!(e.schema.as_str(), "Vessel");
    assert_eq!(values(e, "name"), ["STAR 18"]);
    assert_eq!(values(e, "imoNumber"), ["IMO9020015"]);
    assert_eq!(values(e, "previousName"), ["SAM 5", "THINH CUONG"]);
    assert_eq!(values(e, "flag"), ["vn"]);
    assert_eq!(values(e, "program"), ["DPRK4"]);
    assert!(values(e, "notes").contains(&"Linked To: THINH CUONG COMPANY LIMITED"));
}

#[test]
fn ofac_tanker_with_mmsi_call_sign_tonnage_and_past_flags() {
    let e = record("us_ofac_sdn:15036");
    assert_eq!(values(e, "name"), ["ARTAVIL"]);
    assert_eq!(values(e, "callSign"), ["T2EU4"]);
    assert_eq!(values(e, "type"), ["Crude/Oil Products Tanker"]);
    assert_eq!(values(e, "tonnage"), ["99,144"]);
    assert_eq!(values(e, "grossRegisteredTonnage"), ["56,068"]);
    assert_eq!(values(e, "flag"), ["ir"]);
    assert_eq!(values(e, "pastFlags"), ["mt", "tv", "tz"]);
    assert_eq!(values(e, "imoNumber"), ["IMO9187629"]);
    assert_eq!(values(e, "mmsi"), ["572469210"]);
    // f.k.a. in the remarks, then the 2025-12 alt.csv former names.
    assert_eq!(values(e, "previousName"), ["ALPHA", "ABADAN", "SHONA"]);
    // "Former Vessel Flag None Identified" is not a country: kept verbatim.
    assert!(values(e, "notes").contains(&"pastFlags: None Identified"));
}

#[test]
fn ofac_person_remarks_and_joined_aliases() {
    let e = record("us_ofac_sdn:12211");
    assert_eq!(values(e, "name"), ["KIM, Yong Chol"]);
    assert_eq!(values(e, "birthDate"), ["1947", "1946"]);
    assert_eq!(values(e, "birthDateNote"), ["circa 1947", "circa 1946"]);
    assert_eq!(values(e, "birthPlace"), ["Pyongan-Pukto, North Korea"]);
    // Strong aliases come from the joined 2025-12 alt.csv.
    assert!(values(e, "alias").contains(&"KIM, Young-Chol"));
    // Weak aliases are the quoted a.k.a. of the remarks; strong ones from alt.csv.
    let bank = record("us_ofac_sdn:306");
    assert_eq!(values(bank, "weakAlias"), ["BNC"]);
    assert!(values(bank, "alias").contains(&"NATIONAL BANK OF CUBA"));
    assert!(values(bank, "address").iter().any(|a| a.contains("Zurich")));
    assert!(values(bank, "country").contains(&"ch"));
}

#[test]
fn ofac_aircraft_registration_model_and_serial() {
    let e = record("us_ofac_sdn:15431");
    assert_eq!(e.schema.as_str(), "Airplane");
    assert_eq!(values(e, "registrationNumber"), ["EP-GOM"]);
    assert_eq!(values(e, "model"), ["IL76-TD"]);
    assert_eq!(values(e, "serialNumber"), ["1023409321"]);
    assert_eq!(values(e, "buildDate"), ["1992"]);
}

#[test]
fn uk_dprk_ship() {
    let e = record("gb_fcdo_sanctions:DPR0075");
    assert_eq!(e.schema.as_str(), "Vessel");
    assert_eq!(values(e, "name"), ["Petrel 8"]);
    assert_eq!(values(e, "imoNumber"), ["IMO9562233"]);
    assert!(values(e, "alias").contains(&"Tian Tai 36"));
    assert_eq!(values(e, "program"), ["DPR"]);
    assert_eq!(values(e, "createdAt"), ["2017-10-03"]);
}

#[test]
fn uk_individual_names_dates_and_countries() {
    let e = record("gb_fcdo_sanctions:DPR0001");
    assert_eq!(values(e, "name"), ["Jong Hyuk An"]);
    assert_eq!(values(e, "alias"), ["Jong Hyok An"]);
    assert_eq!(values(e, "lastName"), ["An"]);
    let e = record("gb_fcdo_sanctions:AFG0006");
    assert!(values(e, "birthDate").contains(&"1967-01-01"));
    assert!(values(e, "birthDate").contains(&"1968"));
    assert!(values(e, "birthPlace").contains(&"Afghanistan"));
}

#[test]
fn csl_vessel_ids_column_is_unpacked() {
    let e = record("us_trade_csl:23156");
    assert_eq!(values(e, "imoNumber"), ["IMO8898831"]);
    assert_eq!(values(e, "flag"), ["kp"]);
    assert_eq!(values(e, "program"), ["DPRK4"]);
    // The same party on two lists keeps one record per row.
    assert!(crate::dataset("us_trade_csl")
        .get("us_trade_csl:18741-SSI")
        .is_some());
}

#[test]
fn un_reference_numbers_are_carried_by_the_un_record_and_its_copies() {
    assert_eq!(
        values(record("un_sc_sanctions:KPe.001"), "unscId"),
        ["KPe.001"]
    );
    assert_eq!(
        values(record("gb_fcdo_sanctions:DPR0157"), "unscId"),
        ["KPe.001"]
    );
    assert_eq!(
        values(record("gb_fcdo_sanctions:DPR0270"), "unscId"),
        ["KPi.033"]
    );
    // The UK writes some in upper case; the UN's spelling is kept.
    assert_eq!(
        values(record("gb_fcdo_sanctions:AQD0031"), "unscId"),
        ["QDe.145"]
    );
}

#[test]
fn csl_rows_copied_from_ofac_cite_the_ofac_record() {
    assert_eq!(
        values(record("us_trade_csl:20157"), "citedRecord"),
        ["us_ofac_sdn:20157"]
    );
    let el = dataset("us_trade_csl")
        .entities
        .iter()
        .filter(|e| e.get("notes").iter().any(|n| n.contains("(EL)")));
    assert!(el.clone().count() > 1000);
    assert!(el.into_iter().all(|e| e.get("citedRecord").is_empty()));
}
