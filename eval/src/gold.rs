//! Which listed record a yente UN positive stands for.
//!
//! yente's positives carry no list id, only the UN record's name, birth date
//! and nationality as OpenSanctions published them. The gold record is the
//! listed person with the same name (compared as a multiset of lower-case
//! alphanumeric tokens, so order and punctuation don't matter); when several
//! share it, those whose birth dates agree with the row's. The treated file
//! is row-aligned with the untreated one, so both use the untreated row's
//! gold. Rows whose name no listed record carries are reported unresolved.

use crate::sets::yente::Person;
use std::collections::HashMap;

/// A listed person as the gold resolver sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listed {
    pub id: String,
    pub names: Vec<String>,
    pub birth_dates: Vec<String>,
}

pub struct GoldIndex<'a> {
    listed: &'a [Listed],
    by_key: HashMap<String, Vec<usize>>,
}

impl<'a> GoldIndex<'a> {
    pub fn new(listed: &'a [Listed]) -> GoldIndex<'a> {
        let mut by_key: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, l) in listed.iter().enumerate() {
            for n in &l.names {
                let v = by_key.entry(name_key(n)).or_default();
                if !v.contains(&i) {
                    v.push(i);
                }
            }
        }
        GoldIndex { listed, by_key }
    }

    /// The ids of the records `person` stands for (empty when unresolved).
    pub fn resolve(&self, person: &Person) -> Vec<String> {
        let Some(found) = self.by_key.get(&name_key(&person.full_name)) else {
            return Vec::new();
        };
        let agreeing: Vec<usize> = found
            .iter()
            .copied()
            .filter(|&i| {
                let dates = &self.listed[i].birth_dates;
                person.birth_date.is_empty()
                    || dates.is_empty()
                    || dates.iter().any(|d| dates_agree(d, &person.birth_date))
            })
            .collect();
        let chosen = if agreeing.is_empty() {
            found
        } else {
            &agreeing
        };
        chosen.iter().map(|&i| self.listed[i].id.clone()).collect()
    }
}

/// Lower-case alphanumeric tokens, sorted, joined by spaces.
pub fn name_key(name: &str) -> String {
    let lower = name.to_lowercase();
    let mut tokens: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .collect();
    tokens.sort_unstable();
    tokens.join(" ")
}

/// Two ISO dates of any precision agree when one is a prefix of the other.
fn dates_agree(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, dob: &str) -> Person {
        Person {
            key: 0,
            full_name: name.to_string(),
            birth_date: dob.to_string(),
            nationality: String::new(),
            place_of_birth: String::new(),
        }
    }

    fn listed(id: &str, names: &[&str], dobs: &[&str]) -> Listed {
        Listed {
            id: id.to_string(),
            names: names.iter().map(ToString::to_string).collect(),
            birth_dates: dobs.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn resolves_by_name_ignoring_order_case_and_punctuation() {
        let l = vec![
            listed("un:KPi.001", &["HAN YU-RO"], &["1954"]),
            listed("un:QDi.1", &["Abdul Salek"], &[]),
        ];
        let g = GoldIndex::new(&l);
        assert_eq!(g.resolve(&person("han yu ro", "")), ["un:KPi.001"]);
        assert_eq!(g.resolve(&person("SALEK, ABDUL", "")), ["un:QDi.1"]);
        assert!(g.resolve(&person("Somebody Else", "")).is_empty());
    }

    #[test]
    fn birth_dates_break_ties_between_namesakes() {
        let l = vec![
            listed("a", &["Ali Hassan"], &["1960-01-02"]),
            listed("b", &["Ali Hassan"], &["1971"]),
        ];
        let g = GoldIndex::new(&l);
        assert_eq!(g.resolve(&person("Ali Hassan", "1971-05-05")), ["b"]);
        assert_eq!(g.resolve(&person("Ali Hassan", "1960")), ["a"]);
        // No date agrees: both namesakes remain acceptable.
        assert_eq!(g.resolve(&person("Ali Hassan", "1999")), ["a", "b"]);
    }
}
