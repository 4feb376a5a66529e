//! Screening throughput with the fixed-table engine doubles: a batch of
//! synthetic shipments (about three goods lines each), parsed from JSONL and
//! screened. The real-engine figures are the lead's (docs/BENCHMARKS.md).

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use interdict_screen::{parse_jsonl_line, synthetic, ScreenConfig, Screener};

#[path = "../tests/integration/doubles.rs"]
#[allow(dead_code)]
mod doubles;

fn bench(c: &mut Criterion) {
    let shipments: Vec<_> = synthetic::generate(1).take(2_000).collect();
    let lines: usize = shipments.iter().map(|s| s.goods.len()).sum();
    let jsonl: Vec<String> = shipments
        .iter()
        .filter_map(|s| serde_json::to_string(s).ok())
        .collect();
    let (p, g) = (doubles::TableParties::new(), doubles::TableGoods);
    let screener = Screener {
        parties: &p,
        goods: &g,
        config: ScreenConfig::default(),
    };
    // Load the reference tables outside the measurement.
    let _ = screener.screen(&shipments[0]);
    let mut group = c.benchmark_group("screen");
    group.throughput(Throughput::Elements(lines as u64));
    group.bench_function("screen_2000_shipments", |b| {
        b.iter(|| {
            shipments
                .iter()
                .map(|s| screener.screen(s).flags.len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse_and_screen_2000_shipments", |b| {
        b.iter(|| {
            jsonl
                .iter()
                .enumerate()
                .filter_map(|(i, l)| parse_jsonl_line(l, i + 1).ok())
                .map(|s| screener.screen(&s).flags.len())
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
