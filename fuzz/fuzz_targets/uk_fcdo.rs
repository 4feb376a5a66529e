//! The UK FCDO tables (subjects and the four joined tables, cut at
//! `FILE_SEPARATOR`); seeds: excerpts of the real tables.
#![no_main]

use interdict_fuzz::split_files;
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = [
    "subjects.csv",
    "subject_names.csv",
    "subject_identifiers.csv",
    "subject_dobs.csv",
    "subject_countries.csv",
];

fuzz_target!(|data: &[u8]| {
    let parts = split_files(data, NAMES.len());
    let files: Vec<(&str, &[u8])> = NAMES.iter().copied().zip(parts).collect();
    interdict_fuzz::check_list(
        &files,
        interdict_fuzz::Ids::Prefixed,
        interdict_lists::parse_bytes("gb_fcdo_sanctions", &files),
    );
});
