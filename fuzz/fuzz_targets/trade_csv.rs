//! Trade files in every layout (Comtrade+ API, Comtrade bulk, BACI,
//! customs declarations, the canonical table), detected from the header or
//! forced by the first byte; seeds: the trade crate's test fixtures.
#![no_main]

use interdict_fuzz::line_count;
use interdict_trade::{read_from, Layout, LoadOptions, Tables};
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| Tables::bundled().expect("the bundled goods tables load"))
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, text)) = data.split_first() else {
        return;
    };
    let opts = LoadOptions {
        layout: Layout::ALL.get(usize::from(pick % 8)).copied(),
        ..LoadOptions::default()
    };
    let Ok((lines, rejected)) = read_from(Path::new("fuzz.csv"), text, &opts, tables()) else {
        return;
    };
    let last = line_count(text) as u64;
    for r in &rejected {
        assert_eq!(r.file, "fuzz.csv");
        assert!(
            r.line >= 1 && r.line <= last,
            "line {} of {last}: {r}",
            r.line
        );
        assert!(!r.field.is_empty() && !r.reason.is_empty(), "{r}");
    }
    for l in &lines {
        assert!(l.value_usd.is_finite() && l.value_usd >= 0.0, "{l:?}");
        assert!(l.destination.len() == 2, "{l:?}");
        assert!((1900..=2100).contains(&l.year), "{l:?}");
        if let Some(hs) = &l.hs {
            assert!(
                matches!(hs.len(), 2 | 4 | 6) && hs.bytes().all(|b| b.is_ascii_digit()),
                "{l:?}"
            );
        }
    }
});
