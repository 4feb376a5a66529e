//! The us_trade_csl parser on arbitrary bytes (seeds: excerpts of the real file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = [("us_csl.input", data)];
    interdict_fuzz::check_list(
        &files,
        interdict_fuzz::Ids::Prefixed,
        interdict_lists::parse_bytes("us_trade_csl", &files),
    );
});
