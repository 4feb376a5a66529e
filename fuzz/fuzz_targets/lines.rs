//! The line reader under every batch input (BOM, CRLF/CR, 0x1A, length
//! limit) and the guarded reader under the CSV ones, with a small limit so
//! the limit paths are reached.
#![no_main]

use interdict_model::lines::{GuardedRead, LineError, Lines};
use libfuzzer_sys::fuzz_target;
use std::io::Read;

const LIMIT: usize = 64;

fuzz_target!(|data: &[u8]| {
    let mut expected = 1;
    for (n, line) in Lines::with_limit(data, LIMIT) {
        assert_eq!(n, expected, "lines are numbered one by one");
        expected += 1;
        match line {
            Ok(text) => {
                assert!(text.len() <= LIMIT);
                assert!(!text.contains(['\n', '\r']), "{text:?}");
            }
            Err(e) => assert_eq!(e.line(), n),
        }
    }
    let mut out = Vec::new();
    match GuardedRead::with_limit(data, LIMIT).read_to_end(&mut out) {
        Ok(_) => {
            let mut end = data.len();
            while end > 0 && data[end - 1] == 0x1A {
                end -= 1;
            }
            assert_eq!(out, &data[..end], "only the final 0x1A bytes are dropped");
        }
        Err(e) => {
            let inner = e.get_ref().and_then(|e| e.downcast_ref::<LineError>());
            assert!(matches!(inner, Some(LineError::TooLong { .. })), "{e}");
        }
    }
});
