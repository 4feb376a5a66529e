//! FollowTheMoney JSON lines (`--dataset-file`); seeds: the FtM fixture.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files = [("entities.ftm.json", data)];
    interdict_fuzz::check_list(
        &files,
        interdict_fuzz::Ids::AsGiven,
        interdict_lists::parse_ftm_bytes(files[0].0, data),
    );
});
