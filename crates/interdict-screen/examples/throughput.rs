//! Whole-path throughput with the fixed-table engine doubles: synthetic
//! shipments are serialised to JSONL, parsed, validated and screened on N
//! threads until the requested number of goods lines is reached.
//!
//! `cargo run --release -p interdict-screen --example throughput -- [GOODS_LINES] [THREADS]`
//! (defaults 1,000,000 and 2). Measure memory with `/usr/bin/time -v`.

#[path = "../tests/integration/doubles.rs"]
#[allow(dead_code)]
mod doubles;

use interdict_screen::{parse_jsonl_line, synthetic, DecisionKind, ScreenConfig, Screener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let target: usize = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let threads: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(2).max(1);
    let (p, g) = (doubles::TableParties::new(), doubles::TableGoods);
    let screener = Screener {
        parties: &p,
        goods: &g,
        config: ScreenConfig::default(),
    };
    let t0 = Instant::now();
    let _ = interdict_screen::reference::Reference::get();
    let load = t0.elapsed();
    // Generate the input first so that only parsing and screening are timed.
    let mut lines = Vec::new();
    let mut goods = 0;
    for s in synthetic::generate(42) {
        goods += s.goods.len();
        if let Ok(l) = serde_json::to_string(&s) {
            lines.push(l);
        }
        if goods >= target {
            break;
        }
    }
    let counts: [AtomicUsize; 4] = Default::default();
    let t1 = Instant::now();
    std::thread::scope(|scope| {
        for chunk in lines.chunks(lines.len().div_ceil(threads)) {
            let (screener, counts) = (&screener, &counts);
            scope.spawn(move || {
                for (i, l) in chunk.iter().enumerate() {
                    let k = match parse_jsonl_line(l, i + 1) {
                        Ok(s) => match screener.screen(&s).decision {
                            DecisionKind::Clear => 0,
                            DecisionKind::Review => 1,
                            DecisionKind::Block => 2,
                        },
                        Err(_) => 3,
                    };
                    counts[k].fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    let el = t1.elapsed();
    let c: Vec<usize> = counts.iter().map(|a| a.load(Ordering::Relaxed)).collect();
    println!(
        "reference load {:.2?}; {} shipments, {goods} goods lines on {threads} threads in {:.2?} ({:.0} lines/s); clear {} review {} block {} errors {}",
        load,
        lines.len(),
        el,
        goods as f64 / el.as_secs_f64(),
        c[0],
        c[1],
        c[2],
        c[3]
    );
}
