//! The un_sc_sanctions parser on arbitrary bytes (seeds: excerpts of the real file).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    interdict_fuzz::fuzz_list("un_sc_sanctions", &["un_xml.input"], data);
});
