//! Matching speed against every bundled list: index build time, batch
//! search throughput (name only, and name + birth date) at limit 5, and
//! `score_pair` throughput.
//!
//! Queries are made from the lists themselves, deterministically: half are
//! listed names (some with a letter doubled, as a typo), half are names
//! recombined from parts of different entities (mostly non-matches). No
//! evaluation data is read. Run with `cargo bench -p interdict-match`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use interdict_match::{score_pair, MatchConfig, Matcher, Query};
use interdict_model::Entity;
use std::hint::black_box;
use std::time::Instant;

#[path = "common/queries.rs"]
mod queries;
use queries::queries;

fn entities() -> Vec<Entity> {
    match interdict_lists::load_bundled() {
        Ok(snapshots) => snapshots.into_iter().flat_map(|s| s.entities).collect(),
        Err(e) => {
            eprintln!("bundled lists unavailable ({e}); benchmarking without entities");
            Vec::new()
        }
    }
}

fn bench(c: &mut Criterion) {
    let ents = entities();
    let t = Instant::now();
    let matcher = Matcher::build(ents.clone());
    let (forms, parts, keys) = matcher.stats();
    eprintln!(
        "index: {} entities, {forms} name forms, {parts} distinct parts, {keys} keys, built in {:.2?}",
        matcher.len(),
        t.elapsed()
    );

    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("index_all_bundled_lists", |b| {
        b.iter_batched(
            || ents.clone(),
            |e| black_box(Matcher::build(e)),
            BatchSize::LargeInput,
        )
    });
    g.finish();

    let config = MatchConfig::default();
    for (label, with_dob) in [("name_only", false), ("name_and_birth_date", true)] {
        let qs = queries(&ents, 2000, with_dob);
        let mut g = c.benchmark_group("search");
        g.throughput(Throughput::Elements(qs.len() as u64));
        g.bench_function(label, |b| {
            b.iter(|| {
                for q in &qs {
                    black_box(matcher.search(q, &config));
                }
            })
        });
        g.finish();
    }

    let qs = queries(&ents, 500, true);
    let pairs: Vec<(&Query, &Entity)> = qs
        .iter()
        .zip(ents.iter().step_by((ents.len() / 500).max(1)))
        .collect();
    let mut g = c.benchmark_group("score_pair");
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("with_explanation", |b| {
        b.iter(|| {
            for (q, e) in &pairs {
                black_box(score_pair(q, e));
            }
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
