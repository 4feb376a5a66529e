//! The flat CSV form: one row per goods line, consecutive rows of one id form a shipment.

use crate::screen;
use interdict_screen::{read_csv, DecisionKind, Role};

const CSV: &str = "\
id,date,declared_destination,purpose,exporter_name,exporter_country,consignee_name,consignee_country,consignee_address,description,hs_code,quantity,unit,value,currency,route,leg_modes,leg_departs,leg_arrives,leg_vessels,leg_flags,leg_former_names,leg_tracking_gaps
C-1,2024-03-01,kr,sale,Chubu Auto Parts KK,jp,Haeundae Motors Garage,kr,\"Busan, Korea, Republic of\",brake pads,870830,200,set,4000,USD,JPNGO>KRPUS,sea,2024-03-02,2024-03-04,,,,
C-1,2024-03-01,kr,sale,Chubu Auto Parts KK,jp,Haeundae Motors Garage,kr,\"Busan, Korea, Republic of\",oil filters,842123,500,unit,2500,USD,JPNGO>KRPUS,sea,2024-03-02,2024-03-04,,,,
C-2,2018-09-27,ru,sale,Osaka Trading KK,jp,Pacific Holdings Inc,mh,,Mercedes-Maybach S600 Guard,8703,2,unit,,,JPOSA>KRPUS>RUNJK,sea|sea,2018-09-27|2018-10-01,2018-09-30|,|DN5505,|tg,|Xiang Jin@2018-07-27,|2018-10-01..2018-10-19
C-3,2024-02-30,kr,sale,X,jp,Y,kr,,bolts,731815,1,box,10,USD,,,,,,,,
C-4,2024-03-01,kr,sale,X,jp,Y,kr,,bolts,731815,1,box,10,USD,JPNGO>KRZZZ,sea,,,,,,
";

#[test]
fn rows_group_into_shipments_and_errors_do_not_stop_the_batch() {
    let items: Vec<_> = read_csv(CSV.as_bytes()).collect();
    assert_eq!(items.len(), 4);
    let c1 = items[0].as_ref().expect("C-1 valid");
    assert_eq!(c1.goods.len(), 2);
    assert_eq!(c1.parties_in(Role::Consignee).count(), 1);
    assert_eq!(screen(c1).decision, DecisionKind::Clear);
    let c2 = items[1].as_ref().expect("C-2 valid");
    assert_eq!(c2.legs.len(), 2);
    assert_eq!(
        c2.legs[1].vessel.as_ref().map(|v| v.former_names.len()),
        Some(1)
    );
    let d = screen(c2);
    for rule in [
        "vessel.renamed",
        "route.dark_period",
        "consignee.secrecy_jurisdiction",
    ] {
        assert!(d.has(crate::rule(rule)), "{rule}");
    }
    let e3 = items[2].as_ref().expect_err("impossible date");
    assert_eq!(
        (e3.shipment_id.as_deref(), e3.field.as_str()),
        (Some("C-3"), "date")
    );
    assert_eq!(e3.line, Some(5));
    let e4 = items[3].as_ref().expect_err("unknown LOCODE");
    assert_eq!(e4.field, "legs[0].to");
}

// The goods command's CSV names the declared code `hs`; the shipment CSV reads it too.
#[test]
fn an_hs_column_is_read_as_hs_code() {
    let first_two: String = CSV.lines().take(2).collect::<Vec<_>>().join("\n");
    let renamed = first_two.replacen(",hs_code,", ",hs,", 1);
    let items: Vec<_> = read_csv(renamed.as_bytes()).collect();
    let c1 = items[0].as_ref().expect("C-1 valid");
    assert_eq!(c1.goods[0].hs_code.as_deref(), Some("870830"));
}
