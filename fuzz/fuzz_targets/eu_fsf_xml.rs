//! The eu_fsf parser on arbitrary bytes (seeds: excerpts of the real file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    interdict_fuzz::fuzz_list("eu_fsf", &["eu_fsf_xml.input"], data);
});
