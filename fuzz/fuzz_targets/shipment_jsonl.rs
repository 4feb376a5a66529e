//! Shipments as JSON lines (`interdict screen file.jsonl`); seeds: the
//! bundled real cases. Every line is a shipment or an error naming its line.
#![no_main]

use interdict_screen::{parse_jsonl_line, read_jsonl, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // CR ends a line too: at most one line per CR or LF, plus the last.
    let max_line = 1 + data.iter().filter(|&&b| b == b'\n' || b == b'\r').count();
    let mut last = 0;
    for item in read_jsonl(data) {
        match item {
            Ok(s) => {
                validate(&s).expect("an accepted shipment is valid");
                let json = serde_json::to_string(&s).expect("serialises");
                let back = parse_jsonl_line(&json, 1).expect("its own JSON reads back");
                assert_eq!(
                    (
                        &back.id,
                        back.parties.len(),
                        back.goods.len(),
                        back.legs.len()
                    ),
                    (&s.id, s.parties.len(), s.goods.len(), s.legs.len())
                );
            }
            Err(e) => {
                let line = e.line.expect("a JSONL error names its line");
                assert!((1..=max_line).contains(&line), "line {line} of {max_line}");
                assert!(line > last, "errors in line order");
                last = line;
                assert!(!e.field.is_empty() && !e.reason.is_empty(), "{e}");
            }
        }
    }
});
