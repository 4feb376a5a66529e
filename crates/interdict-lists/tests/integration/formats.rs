//! The formats that are not bundled (FtM JSON lines, EU FSF XML) and
//! `parse_snapshot` on files and directories.

use crate::{data, fixture, values};
use interdict_lists::{load_ftm_file, parse_snapshot, ParseErrorKind};

#[test]
fn ftm_json_lines_keep_their_ids_and_names() {
    let s = load_ftm_file(&fixture("yente_fixture_t1_eu_fsf.entities.ftm.json")).expect("parses");
    assert_eq!(s.info.name, "eu_fsf");
    assert_eq!(s.info.snapshot_date, "2024-03-28");
    // 7 lines: 4 Person, 2 Organization and 1 Address (folded into its party).
    assert_eq!(s.stats.total, 6);
    assert_eq!(s.stats.counts.get("Person"), Some(&4));
    assert_eq!(s.stats.counts.get("Organization"), Some(&2));
    let e = s.get("NK-2Ka3UvopqbpZmVDFjWd4LA").expect("kept id");
    assert!(values(e, "name").contains(&"Виталий Юрьевич КУЗЬМЕНКО"));
    assert_eq!(values(e, "birthDate"), ["1971-01-22"]);
    assert_eq!(values(e, "nationality"), ["ru"]);
    assert!(e.referents.contains(&"eu-fsf-eu-11179-96".to_string()));
    // This sample's two addressEntity references point outside the file.
    assert!(s
        .stats
        .notes
        .contains(&"2 addressEntity references not found in the file".to_string()));
}

#[test]
fn ftm_address_entities_are_folded_into_their_parties() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("two.ftm.json");
    let lines = [
        r#"{"id":"addr-1","schema":"Address","properties":{"full":["Majengo area, Mombasa, KENYA"]},"datasets":["x"]}"#,
        r#"{"id":"org-1","schema":"Company","properties":{"name":["Acme"],"addressEntity":["addr-1"]},"datasets":["x"]}"#,
        r#"{"id":"san-1","schema":"Sanction","properties":{"entity":["org-1"]},"datasets":["x"]}"#,
    ];
    std::fs::write(&path, lines.join("\n")).expect("write");
    let s = load_ftm_file(&path).expect("parses");
    assert_eq!(s.stats.total, 1);
    let e = s.get("org-1").expect("company");
    assert_eq!(values(e, "address"), ["Majengo area, Mombasa, KENYA"]);
    assert!(e.get("addressEntity").is_empty());
    assert!(s
        .stats
        .notes
        .contains(&"1 Sanction entities skipped (not a party)".to_string()));
}

#[test]
fn ftm_errors_are_located() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let path = tmp.path().join("bad.ftm.json");
    std::fs::write(
        &path,
        "{\"id\": \"a\", \"schema\": \"Person\"}\n{\"id\": \"b\", \"schema\": \n",
    )
    .expect("write");
    let e = load_ftm_file(&path).expect_err("truncated line 2");
    let p = e.as_parse().expect("parse error");
    assert_eq!(p.line, 2);
    assert!(matches!(p.kind, ParseErrorKind::Truncated(_)), "{p}");
}

#[test]
fn eu_fsf_xml_follows_the_schema() {
    let s = parse_snapshot("eu_fsf", &fixture("eu_fsf_sample.xml")).expect("parses");
    assert_eq!(s.info.snapshot_date, "2024-03-28");
    assert_eq!(s.stats.total, 3);
    assert_eq!(s.stats.dprk, 2);
    let p = s.get("eu_fsf:13001").expect("person");
    assert_eq!(p.schema.as_str(), "Person");
    assert_eq!(values(p, "name"), ["CHOE Song Il"]);
    assert_eq!(values(p, "alias"), ["최성일"]);
    assert_eq!(values(p, "weakAlias"), ["Choe Song-il"]);
    assert_eq!(values(p, "lastName"), ["CHOE"]);
    assert_eq!(values(p, "nationality"), ["kp"]);
    assert_eq!(values(p, "birthDate"), ["1966"]);
    assert_eq!(values(p, "birthDateNote"), ["circa 1966"]);
    assert_eq!(values(p, "birthPlace"), ["Pyongyang, NORTH KOREA"]);
    assert_eq!(values(p, "passportNumber"), ["472320665", "563120356"]);
    assert_eq!(values(p, "unscId"), ["KPi.014"]);
    assert_eq!(values(p, "program"), ["PRK"]);
    assert_eq!(values(p, "createdAt"), ["2016-03-04"]);
    assert_eq!(values(p, "gender"), ["male"]);
    let o = s.get("eu_fsf:13101").expect("enterprise");
    assert_eq!(o.schema.as_str(), "Organization");
    assert_eq!(values(o, "country"), ["kp"]);
    assert_eq!(values(o, "registrationNumber"), ["KP-TANGUN-0001"]);
    assert_eq!(values(o, "email"), ["tangun@star-co.net.kp"]);
    let r = s.get("eu_fsf:13201").expect("range");
    assert_eq!(
        values(r, "birthDate"),
        ["1970", "1971", "1972", "1971-05-02"]
    );
    assert_eq!(values(r, "alias"), ["Иван ПЕТРОВ"]);
}

#[test]
fn multi_file_datasets_parse_from_directories() {
    let uk =
        parse_snapshot("gb_fcdo_sanctions", &data("gb_fcdo_sanctions_2026-05")).expect("uk tables");
    assert_eq!((uk.stats.total, uk.stats.dprk), (6046, 261));
    assert_eq!(uk.info.snapshot_date, "2026-04-29");

    let tmp = tempfile::tempdir().expect("tempdir");
    for (from, to) in [
        ("us_ofac_sdn_sdn_2024-05-03.csv.gz", "sdn.csv.gz"),
        ("us_ofac_sdn_alt_2025-12.csv.gz", "alt.csv.gz"),
        ("us_ofac_sdn_add_2025-12.csv.gz", "add.csv.gz"),
        ("us_ofac_sdn_comments_2025-12.csv.gz", "sdn_comments.csv.gz"),
    ] {
        std::fs::copy(data(from), tmp.path().join(to)).expect("copy");
    }
    let set = parse_snapshot("us_ofac_sdn", tmp.path()).expect("the CSV set");
    assert_eq!(set.stats, crate::dataset("us_ofac_sdn").stats);
    // sdn.csv alone parses too, and says what is missing.
    let alone = parse_snapshot("us_ofac_sdn", &tmp.path().join("sdn.csv.gz")).expect("sdn.csv");
    assert_eq!(alone.stats.total, 14_965);
    assert!(alone
        .stats
        .notes
        .iter()
        .any(|n| n.starts_with("no alt.csv")));
}

#[test]
fn unknown_datasets_are_refused() {
    let e = parse_snapshot("xx_nowhere", &fixture("eu_fsf_sample.xml")).expect_err("unknown");
    assert!(matches!(e, interdict_lists::ListError::UnknownDataset(_)));
}
