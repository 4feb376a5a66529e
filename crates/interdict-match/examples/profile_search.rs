//! Runs the benchmark's name-only queries once over every bundled list, for
//! an instruction count that machine load does not change:
//!
//! ```sh
//! cargo build --release -p interdict-match --example profile_search
//! valgrind --tool=callgrind --toggle-collect='*Matcher*search*' \
//!     target/release/examples/profile_search 1000
//! ```
use interdict_match::{MatchConfig, Matcher};
use interdict_model::Entity;
use std::hint::black_box;

#[path = "../benches/common/queries.rs"]
mod queries;

fn main() {
    let ents: Vec<Entity> = match interdict_lists::load_bundled() {
        Ok(snapshots) => snapshots.into_iter().flat_map(|s| s.entities).collect(),
        Err(e) => {
            eprintln!("bundled lists unavailable: {e}");
            std::process::exit(1);
        }
    };
    let matcher = Matcher::build(ents.clone());
    let n = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let qs = queries::queries(&ents, n, false);
    let config = MatchConfig::default();
    let t = std::time::Instant::now();
    for q in &qs {
        black_box(matcher.search(q, &config));
    }
    eprintln!("{} queries in {:.2?}", qs.len(), t.elapsed());
}
