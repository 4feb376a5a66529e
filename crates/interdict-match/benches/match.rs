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
use interdict_model::{prop, Entity, Schema};
use std::hint::black_box;
use std::time::Instant;

fn entities() -> Vec<Entity> {
    match interdict_lists::load_bundled() {
        Ok(snapshots) => snapshots.into_iter().flat_map(|s| s.entities).collect(),
        Err(e) => {
            eprintln!("bundled lists unavailable ({e}); benchmarking without entities");
            Vec::new()
        }
    }
}

/// A small deterministic generator (xorshift), so runs are comparable.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn queries(entities: &[Entity], n: usize, with_dob: bool) -> Vec<Query> {
    let people: Vec<&Entity> = entities
        .iter()
        .filter(|e| e.schema == Schema::Person && e.first(prop::NAME).is_some())
        .collect();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let Some(e) = people.get(rng.below(people.len())) else {
            break;
        };
        let name = e.first(prop::NAME).unwrap_or_default().to_string();
        let name = if i % 2 == 0 {
            if i % 4 == 0 {
                // A typo: double one letter.
                let cut = rng.below(name.len());
                let cut = (0..=cut)
                    .rev()
                    .find(|c| name.is_char_boundary(*c))
                    .unwrap_or(0);
                let ch: String = name[cut..].chars().take(1).collect();
                format!("{}{}{}", &name[..cut], ch, &name[cut..])
            } else {
                name
            }
        } else {
            // Parts of two different people: mostly nobody.
            let other = people[rng.below(people.len())]
                .first(prop::NAME)
                .unwrap_or_default();
            let a = name.split_whitespace().next().unwrap_or_default();
            let b = other.split_whitespace().last().unwrap_or_default();
            format!("{a} {b}")
        };
        let mut q = Query::new(&format!("q{i}"), Schema::Person, &name);
        if with_dob {
            let dob = e
                .first(prop::BIRTH_DATE)
                .unwrap_or("1970-01-01")
                .to_string();
            q.add(prop::BIRTH_DATE, &dob);
        }
        out.push(q);
    }
    out
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
