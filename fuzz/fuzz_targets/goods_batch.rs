//! Goods batch lines, read as JSONL and as CSV (`interdict goods --input`),
//! and their HS codes; seeds: goods lines of the test suite.
#![no_main]

use interdict_goods::{line_from_csv, normalize_code, GoodsLine};
use interdict_model::lines::{GuardedRead, Lines};
use libfuzzer_sys::fuzz_target;

fn check_hs(code: Option<&str>) {
    if let Some(Ok(n)) = code.map(normalize_code) {
        assert!(
            (2..=10).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()),
            "{n}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    for (_, line) in Lines::new(data) {
        if let Ok(Ok(goods)) = line.map(|l| serde_json::from_str::<GoodsLine>(&l)) {
            check_hs(goods.hs_code.as_deref());
            let json = serde_json::to_string(&goods).expect("serialises");
            let back: GoodsLine = serde_json::from_str(&json).expect("reads back");
            assert_eq!(back.description, goods.description);
        }
    }
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(GuardedRead::new(data));
    let Ok(headers) = rdr.headers().cloned() else {
        return;
    };
    for record in rdr.records().flatten() {
        if let Ok(goods) = line_from_csv(&headers, &record) {
            assert!(!goods.description.trim().is_empty() && !goods.destination.trim().is_empty());
            check_hs(goods.hs_code.as_deref());
        }
    }
});
