//! Partial dates (`YYYY[-MM[-DD]]`), as every reader parses them; seeds:
//! real and impossible dates. An accepted date prints and reads back equal.
#![no_main]

use interdict_model::PartialDate;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(d) = text.parse::<PartialDate>() {
        let printed = d.to_string();
        let back: PartialDate = printed.parse().expect("a printed date reads back");
        assert_eq!(back, d, "{text:?} -> {printed}");
        let _ = d.day_number();
    }
});
