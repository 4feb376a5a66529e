//! The OFAC legacy CSV set (sdn, alt, add, comments files, cut at
//! `FILE_SEPARATOR`), joined as one snapshot; seeds: excerpts of the real files.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"];

fuzz_target!(|data: &[u8]| {
    interdict_fuzz::fuzz_list("us_ofac_sdn", &NAMES, data);
});
