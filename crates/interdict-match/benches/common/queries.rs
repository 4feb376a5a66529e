//! The benchmark's queries, shared with `examples/profile_search.rs`:
//! made from the lists themselves, deterministically (half listed names,
//! some with a letter doubled, half names recombined from two people).

use interdict_match::Query;
use interdict_model::{prop, Entity, Schema};

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

pub fn queries(entities: &[Entity], n: usize, with_dob: bool) -> Vec<Query> {
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
