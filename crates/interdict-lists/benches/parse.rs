//! Parsing the bundled lists into the entity model: all at once (in
//! parallel, as `interdict lists` does) and one dataset at a time.
//!
//! Run: `cargo bench -p interdict-lists --bench parse`.

use criterion::{criterion_group, criterion_main, Criterion};
use std::hint::black_box;

fn parse(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse");
    group.sample_size(10);
    group.bench_function("load_bundled", |b| {
        b.iter(|| black_box(interdict_lists::load_bundled().expect("bundled lists parse")));
    });
    for d in interdict_lists::catalogue() {
        group.bench_function(d.name.as_str(), |b| {
            b.iter(|| {
                black_box(
                    interdict_lists::load_bundled_dataset(&d.name).expect("bundled list parses"),
                )
            });
        });
    }
    group.finish();
}

criterion_group!(benches, parse);
criterion_main!(benches);
