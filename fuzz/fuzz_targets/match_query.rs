//! Match queries, one JSON line each (`interdict match --input`, yente's
//! `/match` body); seeds: queries of the test suite. An accepted query
//! round-trips equal and stays within the name limits.
#![no_main]

use interdict_match::Query;
use interdict_model::limits::check_name;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(q) = Query::from_json(text) {
        for name in q.names() {
            check_name(name).expect("an accepted query is within the limits");
        }
        let json = serde_json::to_string(&q).expect("serialises");
        let back = Query::from_json(&json).expect("its own JSON reads back");
        assert_eq!(back, q);
    }
});
