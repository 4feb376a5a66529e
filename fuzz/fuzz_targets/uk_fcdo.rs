//! The UK FCDO tables (subjects and the four joined tables, cut at
//! `FILE_SEPARATOR`); seeds: excerpts of the real tables.
#![no_main]

use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 5] = [
    "subjects.csv",
    "subject_names.csv",
    "subject_identifiers.csv",
    "subject_dobs.csv",
    "subject_countries.csv",
];

fuzz_target!(|data: &[u8]| {
    interdict_fuzz::fuzz_list("gb_fcdo_sanctions", &NAMES, data);
});
