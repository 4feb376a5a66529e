//! Shipments as flat CSV (`interdict screen file.csv`); seeds: the CSV form
//! of the test suite. Every record group is a shipment or a located error.
#![no_main]

use interdict_screen::{read_csv, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let max_line = 1 + data.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    for item in read_csv(data) {
        match item {
            Ok(s) => validate(&s).expect("an accepted shipment is valid"),
            Err(e) => {
                let line = e.line.expect("a CSV error names its line");
                assert!(line <= max_line, "line {line} of {max_line}: {e}");
                assert!(!e.field.is_empty() && !e.reason.is_empty(), "{e}");
            }
        }
    }
});
