//! The OFAC legacy CSV set (sdn, alt, add, comments files, cut at
//! `FILE_SEPARATOR`), joined as one snapshot; seeds: excerpts of the real files.
#![no_main]

use interdict_fuzz::split_files;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 4] = ["sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"];

fuzz_target!(|data: &[u8]| {
    let parts = split_files(data, NAMES.len());
    let files: Vec<(&str, &[u8])> = NAMES.iter().copied().zip(parts).collect();
    interdict_fuzz::check_list(
        &files,
        interdict_fuzz::Ids::Prefixed,
        interdict_lists::parse_bytes("us_ofac_sdn", &files),
    );
});
