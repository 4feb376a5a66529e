//! The us_ofac_cons parser on arbitrary bytes (seeds: excerpts of the real file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    interdict_fuzz::fuzz_list("us_ofac_cons", &["ofac_enhanced_xml.input"], data);
});
