//! yente's candidate-generation fixtures: person rows
//! (full_name, first_name, middle_name, last_name, gender, date_of_birth,
//! place_of_birth, nationality). The UN positives carry ISO codes as
//! nationality, the synthetic negatives country names ("Iraq").

use super::{column, csv_reader, Props};
use anyhow::{Context, Result};
use interdict_model::{countries, PartialDate};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// 0-based data row index: row i of the treated file is row i of the untreated one.
    pub key: usize,
    pub full_name: String,
    pub birth_date: String,
    pub nationality: String,
    pub place_of_birth: String,
}

impl Person {
    /// The query properties: name, birthDate when it is a valid ISO date
    /// (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the treated positives contain
    /// impossible ones such as `1968-13-30`, which a screening client would
    /// have to fix before sending), nationality when it resolves to an ISO
    /// 3166 country. Place of birth is left out: the matcher's query
    /// contract has no use for it.
    pub fn query_props(&self) -> Props {
        let mut p = Props::new();
        p.insert("name".to_string(), vec![self.full_name.clone()]);
        if self.has_valid_birth_date() {
            p.insert("birthDate".to_string(), vec![self.birth_date.clone()]);
        }
        let codes: Vec<String> = self
            .nationality
            .split(';')
            .filter_map(|n| countries::resolve(n.trim()))
            .map(|c| c.code.clone())
            .collect();
        if !codes.is_empty() {
            p.insert("nationality".to_string(), codes);
        }
        p
    }
}

impl Person {
    /// True when the row's birth date is a real date of some precision.
    pub fn has_valid_birth_date(&self) -> bool {
        is_iso_date(&self.birth_date) && self.birth_date.parse::<PartialDate>().is_ok()
    }

    /// True when the row has a birth date that is not a real date.
    pub fn has_invalid_birth_date(&self) -> bool {
        !self.birth_date.is_empty() && !self.has_valid_birth_date()
    }
}

pub fn read(path: &Path) -> Result<Vec<Person>> {
    let mut rdr = csv_reader(path)?;
    let h = rdr.headers()?.clone();
    let [n, d, nat, pob] = [
        "full_name",
        "date_of_birth",
        "nationality",
        "place_of_birth",
    ]
    .map(|c| column(&h, c, path));
    let (n, d, nat, pob) = (n?, d?, nat?, pob?);
    let mut out = Vec::new();
    for (key, rec) in rdr.records().enumerate() {
        let rec = rec.with_context(|| format!("{}: row {}", path.display(), key + 2))?;
        let get = |i: usize| rec.get(i).unwrap_or("").trim().to_string();
        out.push(Person {
            key,
            full_name: get(n),
            birth_date: get(d),
            nationality: get(nat),
            place_of_birth: get(pob),
        });
    }
    Ok(out)
}

fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn reads_rows_and_builds_queries() {
        let mut f = tempfile::NamedTempFile::new().expect("temp");
        f.write_all(
            "full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n\
             HAN YU-RO,,,,,1954,\"Pyongyang, DPRK\",kp\n\
             Patricia Wheeler,Patricia,,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia\n\
             No Date,,,,,circa 1960,,Atlantis\n\
             Bad Date,,,,,1968-13-30,,\n"
                .as_bytes(),
        )
        .expect("write");
        let people = read(f.path()).expect("parse");
        assert_eq!(people.len(), 4);
        let q = people[0].query_props();
        assert_eq!(q["name"], ["HAN YU-RO"]);
        assert_eq!(q["birthDate"], ["1954"]);
        assert_eq!(q["nationality"], ["kp"]);
        assert_eq!(people[1].query_props()["nationality"], ["et"]);
        let q = people[2].query_props();
        assert!(!q.contains_key("birthDate"));
        assert!(!q.contains_key("nationality"));
        assert!(people[2].has_invalid_birth_date());
        assert!(people[3].has_invalid_birth_date());
        assert!(!people[3].query_props().contains_key("birthDate"));
        assert!(!people[0].has_invalid_birth_date());
    }
}
