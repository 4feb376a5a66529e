//! Assets on shipments: watched VINs, IMO numbers and registrations,
//! malformed identifiers, vehicle lines without a chassis number.

use crate::doubles::{TableGoods, TableParties};
use crate::{evidence_json, rules_of, screen};
use interdict_assets::Watchlist;
use interdict_screen::{parse_jsonl_line, Decision, ScreenConfig, Screener, Severity, Shipment};

/// Two armoured cars by sea through Dalian and Busan to Nampo, the VIN and
/// the vessel's IMO number as given.
fn cars(vin: Option<&str>, imo: &str, to: &str) -> Shipment {
    let vin = vin.map_or(String::new(), |v| format!(",\"vin\":\"{v}\""));
    let line = format!(
        r#"{{"id":"A-1","date":"2018-06-14","declared_destination":"ru","purpose":"sale",
        "parties":[{{"role":"exporter","schema":"Company","name":"Rotterdam Car Export BV","country":"nl"}},
                   {{"role":"consignee","schema":"Company","name":"Far East Motors LLC","country":"ru"}}],
        "goods":[{{"description":"used armoured limousine","hs_code":"870324","quantity":1,"unit":"unit","value":500000,"currency":"USD"{vin}}}],
        "legs":[{{"mode":"sea","from":"NLRTM","to":"CNDLC","depart":"2018-06-14","arrive":"2018-07-31"}},
                {{"mode":"sea","from":"CNDLC","to":"{to}","depart":"2018-08-26","arrive":"2018-09-18",
                  "vessel":{{"name":"DN5505","imo":"{imo}","flag":"tg"}}}},
                {{"mode":"air","from":"RUVVO","to":"KPFNJ","depart":"2018-10-07","arrive":"2018-10-07","aircraft":"P-632"}}]}}"#
    );
    parse_jsonl_line(&line, 1).expect("valid shipment")
}

fn screen_watching(s: &Shipment, list: &str) -> Decision {
    let watched = Watchlist::from_jsonl(list.as_bytes()).expect("valid watchlist");
    let (p, g) = (TableParties::new(), TableGoods);
    let screener = Screener {
        parties: &p,
        goods: &g,
        config: ScreenConfig::default().with_watched_assets(watched),
    };
    screener.screen(s)
}

#[test]
fn a_vehicle_without_vin_on_a_dprk_route_gets_a_low_note() {
    let d = screen(&cars(None, "IMO 9300013", "KRPUS"));
    let f = d
        .flags
        .iter()
        .find(|f| f.rule.as_str() == "asset.no_chassis_number")
        .unwrap_or_else(|| panic!("{:?}", rules_of(&d)));
    assert_eq!(f.severity, Severity::Low);
    assert_eq!(evidence_json(f)["heading"], "8703");
    // With a well-formed VIN, no note and nothing malformed.
    let d = screen(&cars(Some("1HGCM82633A004352"), "IMO 9300013", "KRPUS"));
    let r = rules_of(&d);
    assert!(!r.iter().any(|r| r.starts_with("asset.")), "{r:?}");
}

#[test]
fn a_vehicle_on_an_ordinary_route_needs_no_vin() {
    let line = r#"{"id":"A-2","date":"2024-04-01","declared_destination":"jp","purpose":"sale",
      "parties":[{"role":"exporter","schema":"Company","name":"Stuttgart Autohaus GmbH","country":"de"},
                 {"role":"consignee","schema":"Company","name":"Tokyo Motors KK","country":"jp"}],
      "goods":[{"description":"passenger car","hs_code":"870323","quantity":1,"unit":"unit","value":60000,"currency":"USD"}],
      "legs":[{"mode":"sea","from":"DEBRV","to":"JPYOK","depart":"2024-04-01","arrive":"2024-05-10"}]}"#;
    let d = screen(&parse_jsonl_line(line, 1).expect("valid"));
    assert!(!rules_of(&d).contains(&"asset.no_chassis_number"));
}

#[test]
fn malformed_identifiers_are_flagged_and_the_line_still_screened() {
    let d = screen(&cars(Some("1HGCM82633A0O4352"), "IMO 9300012", "KRPUS"));
    let malformed: Vec<_> = d
        .flags
        .iter()
        .filter(|f| f.rule.as_str() == "asset.malformed_id")
        .collect();
    assert_eq!(malformed.len(), 2, "{:?}", rules_of(&d));
    assert!(
        malformed[0].summary.contains("letter O"),
        "{}",
        malformed[0].summary
    );
    assert_eq!(evidence_json(malformed[0])["line"], 0);
    assert!(
        malformed[1].summary.contains("check digit"),
        "{}",
        malformed[1].summary
    );
    assert_eq!(evidence_json(malformed[1])["leg"], 1);
    // The goods line is still assessed: prohibited for the DPRK leg.
    assert!(
        rules_of(&d).contains(&"goods.prohibited"),
        "{:?}",
        rules_of(&d)
    );
    // A malformed VIN is not "no VIN".
    assert!(!rules_of(&d).contains(&"asset.no_chassis_number"));
}

#[test]
fn watched_assets_on_lines_and_legs_are_named_with_why() {
    let list = r#"{"kind":"vin","id":"1HGCM82633A004352","why":"car of the 2018 case"}
{"kind":"imo","id":"9300013","why":"renamed two months before the voyage"}
{"kind":"registration","id":"P632","why":"Air Koryo cargo aircraft"}"#;
    let d = screen_watching(
        &cars(Some("1hgcm82633a004352"), "IMO9300013", "KRPUS"),
        list,
    );
    let watched: Vec<_> = d
        .flags
        .iter()
        .filter(|f| f.rule.as_str() == "asset.watched")
        .collect();
    assert_eq!(watched.len(), 3, "{:?}", rules_of(&d));
    assert!(watched[0].summary.contains("car of the 2018 case"));
    assert_eq!(evidence_json(watched[1])["kind"], "imo");
    assert_eq!(evidence_json(watched[2])["leg"], 2);
    assert_eq!(evidence_json(watched[2])["why"], "Air Koryo cargo aircraft");
    assert!(watched.iter().all(|f| f.severity == Severity::High));
    // Nothing watched: no flag.
    let d = screen_watching(&cars(Some("1HGCM82633A004352"), "IMO9300013", "KRPUS"), "");
    assert!(!rules_of(&d).contains(&"asset.watched"));
}

#[test]
fn the_csv_form_reads_vins_and_aircraft() {
    let csv = "\
id,date,declared_destination,exporter_name,exporter_country,consignee_name,consignee_country,description,hs_code,vin,route,leg_modes,leg_aircraft
V-1,2024-03-01,cn,A GmbH,de,B Ltd,cn,limousine,870324,WDB2201761A123456,DEHAM>CNDLC>KPFNJ,sea|air,|P-632
V-1,2024-03-01,cn,A GmbH,de,B Ltd,cn,limousine,870324,,DEHAM>CNDLC>KPFNJ,sea|air,|P-632
";
    let items: Vec<_> = interdict_screen::read_csv(csv.as_bytes()).collect();
    let s = items[0].as_ref().expect("valid");
    assert_eq!(s.goods[0].vin.as_deref(), Some("WDB2201761A123456"));
    assert_eq!(s.goods[1].vin, None);
    assert_eq!(s.legs[1].aircraft.as_deref(), Some("P-632"));
    let d = screen_watching(
        s,
        r#"{"kind":"registration","id":"P-632","why":"Air Koryo"}"#,
    );
    let r = rules_of(&d);
    assert!(r.contains(&"asset.watched"), "{r:?}");
    // Only the second line lacks a VIN.
    let notes: Vec<_> = d
        .flags
        .iter()
        .filter(|f| f.rule.as_str() == "asset.no_chassis_number")
        .collect();
    assert_eq!(notes.len(), 1, "{r:?}");
    assert_eq!(evidence_json(notes[0])["line"], 1);
}

#[test]
fn the_html_report_says_why_an_asset_is_watched() {
    let s = cars(Some("1HGCM82633A004352"), "IMO 9300013", "KRPUS");
    let d = screen_watching(
        &s,
        r#"{"kind":"vin","id":"1HGCM82633A004352","why":"car of the 2018 case"}"#,
    );
    let html = interdict_screen::render_html(&[(s, d)]);
    assert!(
        html.contains("is on the watchlist as 1HGCM82633A004352: car of the 2018 case"),
        "{html}"
    );
}
