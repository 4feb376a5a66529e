//! The us_trade_csl parser on arbitrary bytes (seeds: excerpts of the real file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    interdict_fuzz::fuzz_list("us_trade_csl", &["us_csl.input"], data);
});
