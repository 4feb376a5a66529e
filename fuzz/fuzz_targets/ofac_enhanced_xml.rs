//! The us_ofac_cons parser on arbitrary bytes (seeds: excerpts of the real file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = [("ofac_enhanced_xml.input", data)];
    interdict_fuzz::check_list(
        &files,
        interdict_fuzz::Ids::Prefixed,
        interdict_lists::parse_bytes("us_ofac_cons", &files),
    );
});
