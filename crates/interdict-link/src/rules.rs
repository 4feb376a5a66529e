//! The linking rules, one function each. Every rule proposes edges between
//! two records of different lists; the closure in `cluster` decides whether
//! each is accepted. Rules see the records in canonical order, so an edge
//! points from the later record to the earlier one ("UK DPR0157 cites UN
//! KPe.001").

use crate::keys::{self, share};
use crate::reason::Rule;
use interdict_lists::{CITED_RECORD, UNSC_ID};
use interdict_model::{prop, Entity, Schema};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap};

/// A proposed link: record `a` is the same party as record `b` (indexes
/// into the canonical order) by `rule`, on the shared `value`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Edge {
    pub rule: Rule,
    pub a: usize,
    pub b: usize,
    pub value: String,
}

/// Every rule's edges, strongest rule first.
pub(crate) fn candidate_edges(records: &[&Entity]) -> Vec<Edge> {
    // The rules are independent; rayon's `collect` keeps their order, which
    // the closure's conflict checks depend on.
    Rule::ALL
        .par_iter()
        .flat_map_iter(|&rule| edges_of(rule, records))
        .collect()
}

fn edges_of(rule: Rule, records: &[&Entity]) -> Vec<Edge> {
    match rule {
        Rule::CitedRecord => cited_record(records),
        Rule::UnscId => unsc_id(records),
        Rule::ImoNumber => imo_number(records),
        Rule::SwiftBic => swift_bic(records),
        Rule::AircraftRegistration => aircraft_registration(records),
        Rule::AircraftSerial => aircraft_serial(records),
        Rule::Passport => passport(records),
        Rule::IdNumber => id_number(records),
        Rule::RegistrationNumber => registration_number(records),
        Rule::NameBirthDateNationality => name_birth_date_nationality(records),
        Rule::NameAddress => name_address(records),
        Rule::CorroboratedName => crate::corroborate::corroborated_name(records),
        Rule::TransliteratedName => crate::corroborate::transliterated_name(records),
        Rule::UndatedPatronymicName => crate::corroborate::undated_patronymic_name(records),
    }
}

/// Two records may be one party only if their schemata may be one thing
/// (FtM's hierarchy: never a person and a vessel) and they come from
/// different lists, or from different regimes of a list that names a party
/// once per regime: a list names each party once per listing.
pub(crate) fn may_link(a: &Entity, b: &Entity) -> bool {
    a.schema.is_compatible(b.schema) && (a.datasets != b.datasets || different_regimes(a, b))
}

/// Lists that name a party once per sanctions regime: the UK Sanctions List
/// gives each designation a unique id headed by its regime's code
/// ("RUS0084" under the Russia regulations, "CHW0014" under chemical
/// weapons), so one person designated under two regimes has two records.
const PER_REGIME_LISTS: [&str; 1] = ["gb_fcdo_sanctions"];

/// Lists that name each party once (the UK once per regime): a UN
/// reference number, an OFAC entry number, a UK unique id per designation.
/// The US Consolidated Screening List is not one: it repeats a party once
/// per source list.
const ONCE_PER_PARTY_LISTS: [&str; 4] = [
    "un_sc_sanctions",
    "us_ofac_sdn",
    "us_ofac_cons",
    "gb_fcdo_sanctions",
];

/// The regime code heading a per-regime list's id ("RUS" of "RUS0084").
fn regime(e: &Entity) -> Option<&str> {
    let per_regime = e.datasets.len() == 1 && PER_REGIME_LISTS.contains(&e.datasets[0].as_str());
    let id = e.source_id();
    let end = id
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(id.len());
    (per_regime && end > 0).then(|| &id[..end])
}

/// Both records are on one per-regime list, under different regimes.
fn different_regimes(a: &Entity, b: &Entity) -> bool {
    a.datasets == b.datasets && matches!((regime(a), regime(b)), (Some(x), Some(y)) if x != y)
}

/// The listing a record is of, on a list that names each party once:
/// `us_ofac_sdn`, or `gb_fcdo_sanctions/RUS` for a per-regime list. A
/// party holding two records of one listing is two parties.
pub(crate) fn listing(e: &Entity) -> Option<String> {
    let [dataset] = e.datasets.as_slice() else {
        return None;
    };
    if !ONCE_PER_PARTY_LISTS.contains(&dataset.as_str()) {
        return None;
    }
    Some(match regime(e) {
        Some(r) => format!("{dataset}/{r}"),
        None => dataset.clone(),
    })
}

/// Edges between records that share a key: each record is linked to the
/// first earlier record of its key group that may be the same party and on
/// which `agree` holds.
fn by_shared_key(
    records: &[&Entity],
    rule: Rule,
    keys: impl Fn(&Entity) -> Vec<String>,
    agree: impl Fn(&Entity, &Entity) -> bool,
) -> Vec<Edge> {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, e) in records.iter().enumerate() {
        let mut ks = keys(e);
        ks.sort_unstable();
        ks.dedup();
        for k in ks {
            groups.entry(k).or_default().push(i);
        }
    }
    let mut edges = Vec::new();
    for (value, members) in groups {
        for (j, &later) in members.iter().enumerate().skip(1) {
            let (l, earlier) = (records[later], members[..j].iter());
            let found = earlier
                .copied()
                .find(|&e| may_link(records[e], l) && agree(records[e], l));
            if let Some(earlier) = found {
                edges.push(Edge {
                    rule,
                    a: later,
                    b: earlier,
                    value: value.clone(),
                });
            }
        }
    }
    edges
}

fn values(e: &Entity, property: &str, f: impl Fn(&str) -> Option<String>) -> Vec<String> {
    e.get(property).iter().filter_map(|v| f(v)).collect()
}

fn always(_: &Entity, _: &Entity) -> bool {
    true
}

/// A record that names the record it was copied from (CSL rows carry the
/// OFAC entry number) is that record's party.
fn cited_record(records: &[&Entity]) -> Vec<Edge> {
    let by_id: HashMap<&str, usize> = records
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let mut edges = Vec::new();
    for (a, e) in records.iter().enumerate() {
        for cited in e.get(CITED_RECORD) {
            match by_id.get(cited.as_str()) {
                Some(&b) if b != a && e.schema.is_compatible(records[b].schema) => {
                    edges.push(Edge {
                        rule: Rule::CitedRecord,
                        a,
                        b,
                        value: cited.clone(),
                    });
                }
                _ => {}
            }
        }
    }
    edges
}

/// Records carrying the same UN reference number are the UN's party.
fn unsc_id(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(records, Rule::UnscId, |e| e.get(UNSC_ID).to_vec(), always)
}

/// The IMO number is a ship's for life; companies have IMO company numbers
/// of the same shape, so vessels link only to vessels.
fn imo_number(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::ImoNumber,
        |e| e.get(prop::IMO_NUMBER).to_vec(),
        |a, b| (a.schema == Schema::Vessel) == (b.schema == Schema::Vessel),
    )
}

fn swift_bic(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::SwiftBic,
        |e| values(e, prop::SWIFT_BIC, keys::swift_bic),
        always,
    )
}

/// Tail numbers (`EP-MNF`) are unique per aircraft at a time.
fn aircraft_registration(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::AircraftRegistration,
        |e| {
            if e.schema != Schema::Airplane {
                return Vec::new();
            }
            values(e, prop::REGISTRATION_NUMBER, |v| {
                let mark: String = v
                    .chars()
                    .filter(char::is_ascii_alphanumeric)
                    .map(|c| c.to_ascii_uppercase())
                    .collect();
                (mark.len() >= 4).then_some(mark)
            })
        },
        always,
    )
}

/// Manufacturer serial numbers repeat across manufacturers, so the models
/// must share a word when both records state one.
fn aircraft_serial(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::AircraftSerial,
        |e| {
            if e.schema != Schema::Airplane {
                return Vec::new();
            }
            values(e, prop::SERIAL_NUMBER, keys::identifier)
        },
        |a, b| {
            let words = |e: &Entity| -> Vec<String> {
                e.get(prop::MODEL)
                    .iter()
                    .flat_map(|m| {
                        interdict_names::normalize(m)
                            .split_whitespace()
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect()
            };
            let (wa, wb) = (words(a), words(b));
            wa.is_empty() || wb.is_empty() || share(&wa, &wb)
        },
    )
}

/// The lists state a document's number but rarely its issuing country in a
/// structured field; a common nationality stands in for it, or, when one
/// record states no nationality, a common name (a number and a name that
/// agree are one document).
fn same_document(property: &'static str, rule: Rule, records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        rule,
        |e| values(e, property, keys::identifier),
        |a, b| {
            let (ca, cb) = (keys::countries(a), keys::countries(b));
            if ca.is_empty() || cb.is_empty() {
                share(&keys::names(a), &keys::names(b))
            } else {
                share(&ca, &cb)
            }
        },
    )
}

fn passport(records: &[&Entity]) -> Vec<Edge> {
    same_document(prop::PASSPORT_NUMBER, Rule::Passport, records)
}

fn id_number(records: &[&Entity]) -> Vec<Edge> {
    same_document(prop::ID_NUMBER, Rule::IdNumber, records)
}

/// Company registration numbers, where both records' countries (when both
/// state some) have one in common: registers of different countries reuse
/// numbers.
fn registration_number(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::RegistrationNumber,
        |e| {
            if e.schema == Schema::Airplane {
                return Vec::new();
            }
            values(e, prop::REGISTRATION_NUMBER, keys::identifier)
        },
        |a, b| {
            let (ca, cb) = (keys::countries(a), keys::countries(b));
            ca.is_empty() || cb.is_empty() || share(&ca, &cb)
        },
    )
}

/// People: the same name (any alias), the same full birth date and a common
/// nationality, all at once.
fn name_birth_date_nationality(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::NameBirthDateNationality,
        |e| {
            if e.schema != Schema::Person {
                return Vec::new();
            }
            let (dates, countries) = (keys::full_birth_dates(e), keys::countries(e));
            // Names are the costly part: only worth reading when the other
            // two facts are there.
            if dates.is_empty() || countries.is_empty() {
                return Vec::new();
            }
            let names = keys::names(e);
            let mut out = Vec::new();
            for n in &names {
                for d in &dates {
                    for c in &countries {
                        out.push(format!("{n}, {d}, {c}"));
                    }
                }
            }
            out
        },
        always,
    )
}

/// Organisations: the same name and the same full address.
fn name_address(records: &[&Entity]) -> Vec<Edge> {
    by_shared_key(
        records,
        Rule::NameAddress,
        |e| {
            if matches!(e.schema, Schema::Person | Schema::Vessel | Schema::Airplane) {
                return Vec::new();
            }
            let addresses: Vec<String> = values(e, prop::ADDRESS, keys::address);
            if addresses.is_empty() {
                return Vec::new();
            }
            let names = keys::org_names(e);
            let mut out = Vec::new();
            for n in &names {
                for a in &addresses {
                    out.push(format!("{n}, {a}"));
                }
            }
            out
        },
        always,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(id: &str, schema: Schema, props: &[(&str, &str)]) -> Entity {
        let (d, s) = id.split_once(':').expect("dataset:id");
        let mut e = Entity::new(d, s, schema);
        for (p, v) in props {
            e.add(p, v);
        }
        e
    }

    #[test]
    fn vessel_imo_does_not_link_a_company_imo() {
        let v = rec("a:1", Schema::Vessel, &[(prop::IMO_NUMBER, "IMO1234567")]);
        let c = rec(
            "b:1",
            Schema::Organization,
            &[(prop::IMO_NUMBER, "IMO1234567")],
        );
        let w = rec("c:1", Schema::Vessel, &[(prop::IMO_NUMBER, "IMO1234567")]);
        let edges = imo_number(&[&v, &c, &w]);
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].a, edges[0].b), (2, 0));
    }

    #[test]
    fn passports_need_a_common_nationality() {
        let p = |id, nat| {
            rec(
                id,
                Schema::Person,
                &[
                    (prop::PASSPORT_NUMBER, "PD 123456"),
                    (prop::NATIONALITY, nat),
                ],
            )
        };
        let (a, b, c) = (p("a:1", "kp"), p("b:1", "ir"), p("c:1", "kp"));
        let edges = passport(&[&a, &b, &c]);
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].a, edges[0].b), (2, 0));
        assert_eq!(edges[0].value, "PD123456");
    }

    #[test]
    fn one_uk_designation_per_regime_may_link_one_regime_never_twice() {
        let uk = |sid| Entity::new("gb_fcdo_sanctions", sid, Schema::Person);
        let (chw, rus, rus2) = (uk("CHW0014"), uk("RUS0084"), uk("RUS0085"));
        assert!(may_link(&chw, &rus));
        assert!(!may_link(&rus, &rus2));
        let ofac = |sid| Entity::new("us_ofac_sdn", sid, Schema::Person);
        assert!(!may_link(&ofac("1"), &ofac("2")));
    }

    #[test]
    fn without_a_nationality_a_passport_needs_a_common_name() {
        let p = |id, name| {
            rec(
                id,
                Schema::Person,
                &[(prop::PASSPORT_NUMBER, "511528697"), (prop::NAME, name)],
            )
        };
        let a = p("a:1", "ARTYAKOV, Vladimir Vladimirovich");
        let b = p("b:1", "Vladimir Vladimirovich ARTYAKOV");
        let c = p("c:1", "Ivan Petrov");
        let edges = passport(&[&a, &b, &c]);
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].a, edges[0].b), (1, 0));
    }

    #[test]
    fn people_need_name_full_birth_date_and_nationality() {
        let p = |id, dob| {
            rec(
                id,
                Schema::Person,
                &[
                    (prop::NAME, "KIM, Jong Un"),
                    (prop::BIRTH_DATE, dob),
                    (prop::NATIONALITY, "kp"),
                ],
            )
        };
        let (a, b, c) = (
            p("a:1", "1984-01-08"),
            p("b:1", "1984"),
            p("c:1", "1984-01-08"),
        );
        let edges = name_birth_date_nationality(&[&a, &b, &c]);
        assert_eq!(edges.len(), 1);
        assert_eq!(edges[0].value, "jong kim un, 1984-01-08, kp");
    }

    #[test]
    fn records_of_one_list_are_not_linked() {
        let a = rec("a:1", Schema::Vessel, &[(prop::IMO_NUMBER, "IMO1234567")]);
        let b = rec("a:2", Schema::Vessel, &[(prop::IMO_NUMBER, "IMO1234567")]);
        assert!(imo_number(&[&a, &b]).is_empty());
    }
}
