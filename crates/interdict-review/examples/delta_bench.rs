//! Delta re-screening at scale: 1,000,000 watched parties against a
//! 500-record list delta (250 records added, 250 changed, taken from the
//! bundled OFAC SDN list). Prints the time of `watch::rescreen` alone (the
//! index over the delta, the searches, the new/changed/gone bookkeeping).
//!
//! `cargo run -p interdict-review --release --example delta_bench [-- N]`

use interdict_match::{MatchConfig, Query};
use interdict_model::Schema;
use interdict_review::watch::{rescreen, Delta, Hits};
use std::time::Instant;

const GIVEN: [&str; 24] = [
    "James", "Maria", "Wei", "Olga", "Ahmed", "Yuki", "Carlos", "Fatima", "Ivan", "Li", "Anna",
    "Jose", "Hyun", "Sara", "Peter", "Aisha", "Chen", "Elena", "Omar", "Mei", "David", "Nadia",
    "Sung", "Laura",
];
const FAMILY: [&str; 24] = [
    "Smith", "Garcia", "Wang", "Ivanova", "Khan", "Tanaka", "Lopez", "Hassan", "Petrov", "Zhang",
    "Muller", "Silva", "Park", "Cohen", "Novak", "Rahman", "Liu", "Popescu", "Ali", "Lin", "Brown",
    "Kowalski", "Choi", "Rossi",
];
const WORDS: [&str; 16] = [
    "Global", "Ocean", "Star", "Pacific", "Golden", "Eastern", "United", "Prime", "Atlas", "Delta",
    "Harbor", "Summit", "Royal", "Metro", "Nova", "Bright",
];
const FORMS: [&str; 6] = [
    "Trading Co",
    "Ltd",
    "Shipping LLC",
    "Logistics",
    "Industries",
    "Group",
];

/// Deterministic watched parties: persons and companies built from common
/// name parts (most match nothing, as in a real customer base).
fn watched(n: usize) -> Vec<Query> {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as usize
    };
    (0..n)
        .map(|i| {
            let id = format!("w{i}");
            if i % 3 == 0 {
                let name = format!(
                    "{} {} {}",
                    WORDS[next() % WORDS.len()],
                    WORDS[next() % WORDS.len()],
                    FORMS[next() % FORMS.len()]
                );
                Query::new(&id, Schema::Organization, &name)
            } else {
                let name = format!(
                    "{} {}",
                    GIVEN[next() % GIVEN.len()],
                    FAMILY[next() % FAMILY.len()]
                );
                Query::new(&id, Schema::Person, &name)
            }
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .map_or(Ok(1_000_000), |a| a.parse())?;
    let sdn = interdict_lists::load_bundled_dataset("us_ofac_sdn")?;
    let mut records = sdn.entities.into_iter();
    let delta = Delta {
        dataset: "us_ofac_sdn".into(),
        snapshot_date: sdn.info.snapshot_date,
        added: records.by_ref().take(250).collect(),
        changed: records
            .by_ref()
            .take(250)
            .map(|e| (e, vec!["birthDate".to_string()]))
            .collect(),
        removed: Vec::new(),
    };
    let built = Instant::now();
    let queries = watched(n);
    let made = built.elapsed();
    let mut hits = Hits::new();
    let started = Instant::now();
    let report = rescreen(&queries, &delta, &mut hits, &MatchConfig::default());
    let took = started.elapsed();
    println!(
        "{} watched parties (built in {:.1} s) vs {} delta records ({} added, {} changed) on {} threads: {:.2} s ({:.0} parties/s); {} new hits, {} changed, {} gone",
        queries.len(),
        made.as_secs_f64(),
        report.delta.iter().sum::<usize>(),
        report.delta[0],
        report.delta[2],
        rayon::current_num_threads(),
        took.as_secs_f64(),
        queries.len() as f64 / took.as_secs_f64(),
        report.new.len(),
        report.changed.len(),
        report.gone.len()
    );
    Ok(())
}
