//! The corroborated-name rule: the same party on lists that share no
//! identifier (an OFAC record and its UK or UN counterpart) is recognised
//! by its name and at least two other facts that agree at the precision
//! both records state them, with no fact that contradicts.
//!
//! A shared alias alone does not suffice: kunyas and short aliases ("Abu
//! Muhammad") are carried by many people, so an alias counts only when it
//! holds two distinctive words, and a name that is an alias of both records
//! needs one more fact.

use crate::keys::{self, share};
use crate::reason::Rule;
use crate::rules::Edge;
use interdict_lists::UNSC_ID;
use interdict_model::{countries, prop, Entity, Schema};
use interdict_names::{is_patronymic, normalize, phonetic_key};
use rayon::prelude::*;
use std::collections::BTreeMap;

/// Corroborating facts a person needs beside the name.
const PERSON_FACTS: usize = 2;

/// Distinctive words from which a name shared as both records' primary
/// name counts as a fact of its own (a kunya or a single word never does).
const LONG_NAME: usize = 2;

/// Words that make up kunyas, honorifics and patronymic links rather than
/// a person's own name: an alias of them and one name says little.
const GENERIC_WORDS: [&str; 22] = [
    "abu", "abou", "umm", "um", "ibn", "bin", "ben", "bint", "al", "el", "haji", "hajji", "mullah",
    "mulla", "sheikh", "shaykh", "mawlawi", "maulvi", "qari", "mufti", "sayyid", "said",
];

/// Sanctions programmes grouped by the regime they implement, from each
/// list's programme codes (OFAC's programme tags, the UK's regime codes,
/// the UN's committees): the same party is listed under one regime on
/// every list. Codes are matched by prefix, upper-cased.
const PROGRAMME_FAMILIES: [(&str, &[&str]); 17] = [
    ("russia", &["RUSSIA-", "UKRAINE-", "CAATSA - RUSSIA", "RUS"]),
    ("syria", &["SYRIA", "HRIT-SY", "SYR"]),
    ("iran", &["IRAN", "IFSR", "IRGC", "INU", "IRN"]),
    ("proliferation", &["NPWMD", "E.O. 13382"]),
    ("north korea", &["DPRK", "DPR"]),
    (
        "terrorism",
        &["SDGT", "FTO", "AQD", "CTI", "AL-QAIDA", "TALIBAN", "AFG"],
    ),
    ("iraq", &["IRAQ", "IRQ"]),
    ("libya", &["LIBYA", "LIB"]),
    ("venezuela", &["VENEZUELA", "VEN"]),
    ("belarus", &["BELARUS", "BEL"]),
    ("burma", &["BURMA", "MYA"]),
    ("human rights", &["GLOMAG", "MAGNIT", "GHR", "GAC"]),
    ("cyber", &["CYBER", "CYB"]),
    ("congo", &["DRCONGO", "DRC"]),
    ("central african republic", &["CAR", "CAF"]),
    ("nicaragua", &["NICARAGUA", "NIC"]),
    ("sudan", &["DARFUR", "SOUTH SUDAN", "SUD"]),
];

/// The regime families of a record's programmes.
pub(crate) fn programme_families(e: &Entity) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = e
        .get(prop::PROGRAM)
        .iter()
        .filter_map(|p| {
            let code = p.trim().to_uppercase();
            PROGRAMME_FAMILIES
                .iter()
                .find(|(_, prefixes)| prefixes.iter().any(|pre| code.starts_with(pre)))
                .map(|(family, _)| *family)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// An alias worth linking on: two or more words that are not kunya or
/// honorific particles.
fn distinctive(key: &str) -> bool {
    key.split_whitespace()
        .filter(|w| !GENERIC_WORDS.contains(w))
        .count()
        >= 2
}

/// Whether a name key has at least [`LONG_NAME`] distinctive words.
fn long(key: &str) -> bool {
    key.split_whitespace()
        .filter(|w| !GENERIC_WORDS.contains(w))
        .count()
        >= LONG_NAME
}

/// Name keys of a record with whether each is a primary name. A key that
/// is both is primary.
fn name_keys(e: &Entity) -> Vec<(String, bool)> {
    let key = |raw: &str| {
        if e.schema == Schema::Person {
            keys::name(raw)
        } else {
            keys::org_name(raw)
        }
    };
    let mut out: BTreeMap<String, bool> = BTreeMap::new();
    for (property, raw) in e.names() {
        let Some(k) = key(raw) else { continue };
        let primary = property == prop::NAME;
        if primary || distinctive(&k) {
            *out.entry(k).or_insert(primary) |= primary;
        }
    }
    out.into_iter().collect()
}

/// How two stated birth dates compare at the precision both state.
fn dates_agree(a: &str, b: &str) -> bool {
    let n = a.len().min(b.len());
    n >= 4 && a.get(..n) == b.get(..n)
}

/// Birth dates: `Some(true)` when a pair agrees at the coarser precision,
/// `Some(false)` when both state some and none agree, `None` when either
/// states none.
fn birth_dates(a: &Entity, b: &Entity) -> Option<bool> {
    let (da, db) = (a.get(prop::BIRTH_DATE), b.get(prop::BIRTH_DATE));
    if da.is_empty() || db.is_empty() {
        return None;
    }
    Some(da.iter().any(|x| db.iter().any(|y| dates_agree(x, y))))
}

/// The countries tied to a record: nationality, citizenship, country, and
/// the country its birth place ends with.
fn all_countries(e: &Entity) -> Vec<String> {
    let mut out: Vec<String> = [prop::NATIONALITY, prop::CITIZENSHIP, prop::COUNTRY]
        .iter()
        .flat_map(|p| e.get(p).iter().cloned())
        .collect();
    for place in e.get(prop::BIRTH_PLACE) {
        let last = place.rsplit(',').next().unwrap_or(place);
        if let Some(c) = countries::resolve(last.trim()) {
            out.push(c.code.to_string());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The birth places' towns (the first part, when the place has more than a
/// country), normalised.
fn birth_towns(e: &Entity) -> Vec<String> {
    e.get(prop::BIRTH_PLACE)
        .iter()
        .filter(|p| p.contains(','))
        .filter_map(|p| p.split(',').next())
        .map(normalize)
        .filter(|t| !t.is_empty())
        .collect()
}

/// Identifiers that differ between two records stating some of one kind.
/// Numbers of different lengths come from different registers (a Russian
/// OGRN has 13 digits, its INN 10; a VAT number carries a country prefix),
/// so only numbers of one length can contradict each other.
fn identifiers_conflict(a: &Entity, b: &Entity) -> bool {
    [prop::REGISTRATION_NUMBER, prop::IMO_NUMBER, UNSC_ID]
        .iter()
        .any(|p| {
            let ka: Vec<String> = a
                .get(p)
                .iter()
                .filter_map(|v| keys::identifier(v))
                .collect();
            let kb: Vec<String> = b
                .get(p)
                .iter()
                .filter_map(|v| keys::identifier(v))
                .collect();
            let comparable = ka.iter().any(|x| kb.iter().any(|y| x.len() == y.len()));
            comparable && !share(&ka, &kb)
        })
}

/// Both records state nationalities or citizenships and share none: two
/// people (a dual national's other nationality is usually on both lists).
fn nationalities_conflict(a: &Entity, b: &Entity) -> bool {
    let of = |e: &Entity| -> Vec<String> {
        [prop::NATIONALITY, prop::CITIZENSHIP]
            .iter()
            .flat_map(|p| e.get(p).iter().cloned())
            .collect()
    };
    let (na, nb) = (of(a), of(b));
    !na.is_empty() && !nb.is_empty() && !share(&na, &nb)
}

/// An address of `a` that agrees with one of `b`'s ([`keys::addresses_agree`]).
fn shared_address<'a>(a: &'a Entity, b: &Entity) -> Option<&'a str> {
    let bs = b.get(prop::ADDRESS);
    a.get(prop::ADDRESS)
        .iter()
        .find(|x| bs.iter().any(|y| keys::addresses_agree(x, y)))
        .map(String::as_str)
}

/// The facts two records agree on, or `None` when one contradicts.
fn corroboration(a: &Entity, b: &Entity) -> Option<Vec<String>> {
    if identifiers_conflict(a, b) || nationalities_conflict(a, b) {
        return None;
    }
    let mut facts = Vec::new();
    match birth_dates(a, b) {
        Some(false) => return None,
        Some(true) => facts.push("birth date".to_string()),
        None => {}
    }
    let (ca, cb) = (all_countries(a), all_countries(b));
    if let Some(c) = ca.iter().find(|c| cb.contains(c)) {
        facts.push(format!("country {c}"));
    }
    let (ta, tb) = (birth_towns(a), birth_towns(b));
    if let Some(t) = ta.iter().find(|t| tb.contains(t)) {
        facts.push(format!("birth place {t}"));
    }
    let (pa, pb) = (programme_families(a), programme_families(b));
    if let Some(p) = pa.iter().find(|p| pb.contains(p)) {
        facts.push(format!("{p} programmes"));
    }
    if let Some(address) = shared_address(a, b) {
        facts.push(format!("address {address}"));
    }
    Some(facts)
}

/// How much a shared name says about two records.
#[derive(Clone, Copy, PartialEq)]
enum NameStanding {
    /// An alias of both: one fact more is needed.
    AliasOfBoth,
    /// A primary name of one of them.
    PrimaryOfOne,
    /// A primary name of both with at least [`LONG_NAME`] distinctive words:
    /// itself rarer than a birth year, so one fact less is needed.
    PrimaryOfBoth,
}

/// Whether the corroborating facts suffice. People need
/// [`PERSON_FACTS`]; organisations as many, one of them a shared country when
/// `need_country` ([`branch_question`]); both adjusted by the name's standing.
fn sufficient(schema: Schema, facts: &[String], name: NameStanding, need_country: bool) -> bool {
    let needed = match name {
        NameStanding::AliasOfBoth => PERSON_FACTS + 1,
        NameStanding::PrimaryOfOne => PERSON_FACTS,
        NameStanding::PrimaryOfBoth => PERSON_FACTS - 1,
    };
    let placed = || facts.iter().any(|f| f.starts_with("country "));
    match schema {
        Schema::Person => facts.len() >= needed,
        _ => facts.len() >= needed && (!need_country || placed()),
    }
}

/// Whether an organisation pair must share a country: when both state one
/// (branches in different countries stay apart), or when records of their
/// name are placed in different countries (a record that states none could
/// otherwise join the branches through itself). A record that states none,
/// under a name no two countries share, raises no branch question.
fn branch_question(a: &Entity, b: &Entity, branched: bool) -> bool {
    branched || (!all_countries(a).is_empty() && !all_countries(b).is_empty())
}

/// Whether the records of one name state different countries.
fn placed_apart(records: &[&Entity], members: &[(usize, bool)]) -> bool {
    let mut seen: Vec<Vec<String>> = members
        .iter()
        .map(|&(i, _)| all_countries(records[i]))
        .filter(|c| !c.is_empty())
        .collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len() > 1
}

/// Persons and organisations with the same name and enough corroborating
/// facts for the name's standing.
pub(crate) fn corroborated_name(records: &[&Entity]) -> Vec<Edge> {
    // Name keys and each group's pairs are independent, so both run on
    // every core; rayon's `collect` keeps the sequential order, so the
    // closure sees the edges in the same order whatever the thread count.
    let keyed: Vec<Vec<(String, bool)>> = records
        .par_iter()
        .map(|e| {
            if matches!(e.schema, Schema::Vessel | Schema::Airplane) {
                Vec::new()
            } else {
                name_keys(e)
            }
        })
        .collect();
    key_groups(keyed)
        .par_iter()
        .flat_map_iter(|(name, members)| group_edges(records, name, members))
        .collect()
}

/// A key shared by more records than this is too common to corroborate
/// anything (a frequent name): its group is not compared pair by pair.
const MAX_GROUP: usize = 50;

/// Records grouped by key, in key order, each member with its index and
/// payload; groups over [`MAX_GROUP`] are left out.
fn key_groups<T>(keyed: Vec<Vec<(String, T)>>) -> Vec<(String, Vec<(usize, T)>)> {
    let mut groups: BTreeMap<String, Vec<(usize, T)>> = BTreeMap::new();
    for (i, keys) in keyed.into_iter().enumerate() {
        for (k, payload) in keys {
            groups.entry(k).or_default().push((i, payload));
        }
    }
    groups
        .into_iter()
        .filter(|(_, m)| m.len() <= MAX_GROUP)
        .collect()
}

/// The corroborated pairs among the records sharing the name key `name`.
fn group_edges(records: &[&Entity], name: &str, members: &[(usize, bool)]) -> Vec<Edge> {
    let mut edges = Vec::new();
    let branched = placed_apart(records, members);
    for (j, &(later, later_primary)) in members.iter().enumerate().skip(1) {
        let l = records[later];
        // Every agreeing earlier record, not just the first: the
        // closure may refuse one join (a contradiction elsewhere in its
        // cluster) and accept another.
        let found = members[..j].iter().filter_map(|&(earlier, primary)| {
            let e = records[earlier];
            if !crate::rules::may_link(e, l) {
                return None;
            }
            let facts = corroboration(e, l)?;
            let standing = match (primary, later_primary) {
                (true, true) if long(name) => NameStanding::PrimaryOfBoth,
                (false, false) => NameStanding::AliasOfBoth,
                _ => NameStanding::PrimaryOfOne,
            };
            let schema = if e.schema == Schema::Person {
                e.schema
            } else {
                l.schema
            };
            let need_country = branch_question(e, l, branched);
            sufficient(schema, &facts, standing, need_country).then_some((earlier, facts))
        });
        for (earlier, facts) in found {
            edges.push(Edge {
                rule: Rule::CorroboratedName,
                a: later,
                b: earlier,
                value: format!("{name}; {}", facts.join(", ")),
            });
        }
    }
    edges
}

/// Arabic articles that one list writes as a word of their own ("AL
/// ZAWAHIRI"), another joins to the next word or leaves out: no part of a
/// name's sound.
const ARTICLES: [&str; 2] = ["al", "el"];

/// One person name as it sounds, for the transliterated-name rule.
#[derive(Debug, Clone, PartialEq)]
struct SoundedName {
    /// The Double Metaphone codes of its words (patronymics and articles
    /// left out), sorted: "Dmitriy PESKOV" and "PESKOV, Dmitry" agree.
    key: String,
    /// The codes of its patronymics: two names that both state one must
    /// share it ("Sergeevich" = "Sergeyevich", never "Nikolaevich").
    patronymics: Vec<String>,
    /// The name as normalised, for the merge reason.
    written: String,
    /// Its normalised words, sorted: two names with the same words are one
    /// spelling.
    words: String,
}

/// A person name's [`SoundedName`]; `None` when it has a word of another
/// script (the encoder only reads Latin letters, and half a name's sound is
/// not its sound) or fewer than two words to compare.
fn sounded(raw: &str) -> Option<SoundedName> {
    sounded_normalised(normalize(raw))
}

fn sounded_normalised(written: String) -> Option<SoundedName> {
    let mut codes = Vec::new();
    let mut patronymics = Vec::new();
    for word in written.split_whitespace() {
        if ARTICLES.contains(&word) {
            continue;
        }
        let code = phonetic_key(word);
        if code.is_empty() {
            return None;
        }
        if is_patronymic(word) {
            patronymics.push(code);
        } else {
            codes.push(code);
        }
    }
    if codes.len() < 2 {
        return None;
    }
    codes.sort_unstable();
    patronymics.sort_unstable();
    let mut words: Vec<&str> = written.split_whitespace().collect();
    words.sort_unstable();
    let words = words.join(" ");
    Some(SoundedName {
        key: codes.join(" "),
        patronymics,
        written,
        words,
    })
}

/// A person's sounded names with each full birth date: the keys the
/// transliterated-name rule groups records by. Empty for a record stating
/// no full birth date (the rule needs one).
fn sound_keys(e: &Entity) -> Vec<(String, SoundedName)> {
    if e.schema != Schema::Person {
        return Vec::new();
    }
    let dates = keys::full_birth_dates(e);
    if dates.is_empty() {
        return Vec::new();
    }
    let mut names: Vec<SoundedName> = e.names().filter_map(|(_, n)| sounded(n)).collect();
    names.sort_by(|a, b| a.key.cmp(&b.key).then(a.written.cmp(&b.written)));
    names.dedup_by(|a, b| a.key == b.key && a.patronymics == b.patronymics);
    let mut out = Vec::with_capacity(names.len() * dates.len());
    for name in &names {
        for date in &dates {
            out.push((format!("{}, {date}", name.key), name.clone()));
        }
    }
    out
}

/// The strong fact that carries a sounded name with its full birth date:
/// the nationality both records state (the first in code order). When one
/// of them states none, and so cannot contradict, a fact of the same
/// strength stands in: the birth town both state, or the regime both are
/// listed under (UN Al-Qaida = OFAC SDGT) with a country both are tied to.
/// `None` when nationalities differ or nothing agrees.
fn strong_fact(a: &Entity, b: &Entity) -> Option<String> {
    let (na, nb) = (keys::countries(a), keys::countries(b));
    if let Some(c) = na.iter().find(|c| nb.contains(c)) {
        return Some(format!("nationality {c}"));
    }
    if !na.is_empty() && !nb.is_empty() {
        return None;
    }
    let (ta, tb) = (birth_towns(a), birth_towns(b));
    if let Some(t) = ta.iter().find(|t| tb.contains(t)) {
        return Some(format!("birth place {t}"));
    }
    let (pa, pb) = (programme_families(a), programme_families(b));
    let (ca, cb) = (all_countries(a), all_countries(b));
    let regime = pa.iter().find(|p| pb.contains(p));
    let country = ca.iter().find(|c| cb.contains(c));
    match (regime, country) {
        (Some(p), Some(c)) => Some(format!("{p} programmes, country {c}")),
        _ => None,
    }
}

/// Persons whose names sound the same word for word (one list's
/// "Dmitriy", another's "Dmitry"; "Sergeevich" and "Sergeyevich"), with
/// the same full birth date and a common nationality ([`strong_fact`]:
/// when one record states none, a birth town or the regime and a country).
/// The name alone is weaker than the exact name of
/// [`Rule::NameBirthDateNationality`]; the full date and the nationality,
/// which namesakes rarely share, carry the merge, and the closure's
/// conflict checks still apply.
pub(crate) fn transliterated_name(records: &[&Entity]) -> Vec<Edge> {
    // Keys are independent per record and groups per key: both run on
    // every core, and rayon's `collect` keeps the sequential order.
    let keyed: Vec<Vec<(String, SoundedName)>> =
        records.par_iter().map(|e| sound_keys(e)).collect();
    key_groups(keyed)
        .par_iter()
        .flat_map_iter(|(key, members)| sounded_edges(records, key, members))
        .collect()
}

/// The pairs of one sound key (name and birth date) that may be one party
/// and agree on a [`strong_fact`], with no patronymics that differ.
fn sounded_edges(records: &[&Entity], key: &str, members: &[(usize, SoundedName)]) -> Vec<Edge> {
    let date = key.rsplit(", ").next().unwrap_or_default();
    let mut edges: Vec<Edge> = Vec::new();
    for (j, (later, later_name)) in members.iter().enumerate().skip(1) {
        let l = records[*later];
        for (earlier, name) in &members[..j] {
            let e = records[*earlier];
            // A record with two names of one sound is in the group twice.
            let seen = edges.iter().any(|x| x.a == *later && x.b == *earlier);
            if earlier == later || seen || !crate::rules::may_link(e, l) {
                continue;
            }
            // The same words in another order are the exact-name rules'
            // to link (and copies of one record repeat them): only
            // spellings that differ are this rule's.
            if name.words == later_name.words {
                continue;
            }
            let (pa, pb) = (&name.patronymics, &later_name.patronymics);
            if !pa.is_empty() && !pb.is_empty() && !share(pa, pb) {
                continue;
            }
            let Some(fact) = strong_fact(e, l) else {
                continue;
            };
            edges.push(Edge {
                rule: Rule::TransliteratedName,
                a: *later,
                b: *earlier,
                value: format!(
                    "{} ~ {}, birth date {date}, {fact}",
                    later_name.written, name.written
                ),
            });
        }
    }
    edges
}

/// A person's sounded names that carry a patronymic, keyed by the sound of
/// the whole name, patronymic included: the keys the undated-patronymic
/// rule groups records by.
fn patronymic_sound_keys(e: &Entity) -> Vec<(String, SoundedName)> {
    if e.schema != Schema::Person {
        return Vec::new();
    }
    // Most names carry no patronymic: they are passed over before their
    // sound is encoded.
    let mut names: Vec<SoundedName> = e
        .names()
        .map(|(_, n)| normalize(n))
        .filter(|n| n.split_whitespace().any(is_patronymic))
        .filter_map(sounded_normalised)
        .collect();
    names.sort_by(|a, b| a.key.cmp(&b.key).then(a.written.cmp(&b.written)));
    names.dedup_by(|a, b| a.key == b.key && a.patronymics == b.patronymics);
    names
        .into_iter()
        .map(|n| (format!("{} / {}", n.key, n.patronymics.join(" ")), n))
        .collect()
}

/// Persons whose full names, patronymic included, sound the same word for
/// word, where one record states no birth date at all (a UK record often
/// gives none), placed in a common country and listed under the same
/// regime: given name, patronymic and family name together are rarely
/// shared by two people of one country sanctioned under one regime, and the
/// record without a date cannot contradict the other's. A sound that two
/// records of one listing share is left alone (two people, or the list's
/// own duplicate), as is a pair that both state birth dates: those are
/// [`transliterated_name`]'s, which needs the same date.
pub(crate) fn undated_patronymic_name(records: &[&Entity]) -> Vec<Edge> {
    let keyed: Vec<Vec<(String, SoundedName)>> = records
        .par_iter()
        .map(|e| patronymic_sound_keys(e))
        .collect();
    key_groups(keyed)
        .par_iter()
        .filter(|(_, members)| !listing_repeated(records, members))
        .flat_map_iter(|(_, members)| undated_edges(records, members))
        .collect()
}

/// Whether two members of a group are records of one listing.
fn listing_repeated<T>(records: &[&Entity], members: &[(usize, T)]) -> bool {
    let mut listings: Vec<String> = members
        .iter()
        .filter_map(|(i, _)| crate::rules::listing(records[*i]))
        .collect();
    let n = listings.len();
    listings.sort_unstable();
    listings.dedup();
    listings.len() < n
}

/// The pairs of one patronymic sound key with one record undated, a common
/// country and a common regime, and nothing that contradicts.
fn undated_edges(records: &[&Entity], members: &[(usize, SoundedName)]) -> Vec<Edge> {
    let mut edges: Vec<Edge> = Vec::new();
    for (j, (later, later_name)) in members.iter().enumerate().skip(1) {
        let l = records[*later];
        for (earlier, name) in &members[..j] {
            let e = records[*earlier];
            let undated = e.get(prop::BIRTH_DATE).is_empty() || l.get(prop::BIRTH_DATE).is_empty();
            // The same words are the exact-name rules' to link.
            if !undated || name.words == later_name.words || !crate::rules::may_link(e, l) {
                continue;
            }
            if identifiers_conflict(e, l) || nationalities_conflict(e, l) {
                continue;
            }
            let (ca, cb) = (all_countries(e), all_countries(l));
            let (pa, pb) = (programme_families(e), programme_families(l));
            let (Some(c), Some(p)) = (
                ca.iter().find(|c| cb.contains(c)),
                pa.iter().find(|p| pb.contains(p)),
            ) else {
                continue;
            };
            edges.push(Edge {
                rule: Rule::UndatedPatronymicName,
                a: *later,
                b: *earlier,
                value: format!(
                    "{} ~ {}, country {c}, {p} programmes",
                    later_name.written, name.written
                ),
            });
        }
    }
    edges
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(id: &str, props: &[(&str, &str)]) -> Entity {
        let (d, s) = id.split_once(':').unwrap_or(("t", id));
        let mut e = Entity::new(d, s, Schema::Person);
        for (p, v) in props {
            e.add(p, v);
        }
        e
    }

    #[test]
    fn a_birth_year_a_country_and_a_programme_corroborate_a_name() {
        let ofac = person(
            "us_ofac_sdn:1",
            &[
                (prop::NAME, "TU'MA, Kamal Eddin"),
                (prop::BIRTH_DATE, "1959"),
                (prop::BIRTH_PLACE, "Damascus, Syria"),
                (prop::PROGRAM, "SYRIA"),
            ],
        );
        let uk = person(
            "gb_fcdo_sanctions:SYR0119",
            &[
                (prop::NAME, "Kamal Eddin Tu'ma"),
                (prop::BIRTH_DATE, "1959-03-01"),
                (prop::NATIONALITY, "sy"),
                (prop::PROGRAM, "SYR"),
            ],
        );
        let edges = corroborated_name(&[&ofac, &uk]);
        assert_eq!(edges.len(), 1);
        assert_eq!(
            edges[0].value,
            "eddin kamal tuma; birth date, country sy, syria programmes"
        );
    }

    #[test]
    fn differing_birth_years_keep_namesakes_apart() {
        let a = person(
            "us_ofac_sdn:1",
            &[
                (prop::NAME, "MOHAMMAD, Haji Baz"),
                (prop::BIRTH_DATE, "1958"),
                (prop::NATIONALITY, "af"),
                (prop::PROGRAM, "SDNTK"),
            ],
        );
        let b = person(
            "gb_fcdo_sanctions:1",
            &[
                (prop::NAME, "Haji Baz Mohammad"),
                (prop::BIRTH_DATE, "1964-03-12"),
                (prop::NATIONALITY, "af"),
                (prop::PROGRAM, "SDNTK"),
            ],
        );
        assert!(corroborated_name(&[&a, &b]).is_empty());
    }

    #[test]
    fn a_shared_kunya_is_not_a_name_to_link_on() {
        let p = |id, name, nat| {
            person(
                id,
                &[
                    (prop::NAME, name),
                    (prop::ALIAS, "Abu Muhammad"),
                    (prop::NATIONALITY, nat),
                    (prop::BIRTH_DATE, "1966"),
                    (prop::PROGRAM, "SDGT"),
                ],
            )
        };
        let (a, b) = (
            p("us_ofac_sdn:1", "AL-ARURI, Salih", "ps"),
            p("un_sc_sanctions:1", "JABER AL-JALAHMAH", "ps"),
        );
        assert!(corroborated_name(&[&a, &b]).is_empty());
        assert!(!distinctive("abu muhammad"));
        assert!(distinctive("abu muhammad jawlani"));
    }

    #[test]
    fn one_fact_does_not_suffice_for_a_name_only_one_record_holds_as_primary() {
        let a = person(
            "a:1",
            &[(prop::NAME, "Ali Hassan"), (prop::NATIONALITY, "iq")],
        );
        let b = person(
            "b:1",
            &[
                (prop::NAME, "Ali Hassan al-Tikriti"),
                (prop::ALIAS, "HASSAN, Ali"),
                (prop::COUNTRY, "iq"),
            ],
        );
        assert!(corroborated_name(&[&a, &b]).is_empty());
        // With a second agreeing fact the alias is corroborated.
        let mut b = b;
        b.add(prop::BIRTH_DATE, "1960");
        let mut a = a;
        a.add(prop::BIRTH_DATE, "1960-05-01");
        assert_eq!(corroborated_name(&[&a, &b]).len(), 1);
    }

    #[test]
    fn organisation_branches_in_different_countries_stay_apart() {
        let org = |id: &str, country: &str| {
            let (d, s) = id.split_once(':').unwrap_or(("t", id));
            let mut e = Entity::new(d, s, Schema::Organization);
            e.add(prop::NAME, "AL-HARAMAIN ISLAMIC FOUNDATION");
            e.add(prop::COUNTRY, country);
            e.add(prop::PROGRAM, "SDGT");
            e
        };
        let (a, b, c) = (
            org("us_ofac_sdn:1", "so"),
            org("gb_fcdo_sanctions:1", "sa"),
            org("un_sc_sanctions:1", "so"),
        );
        let edges = corroborated_name(&[&a, &b, &c]);
        assert_eq!(edges.len(), 1);
        assert_eq!((edges[0].a, edges[0].b), (2, 0));
    }

    #[test]
    fn an_organisation_stating_no_country_links_unless_its_name_has_branches() {
        let org = |id: &str, country: Option<&str>| {
            let (d, s) = id.split_once(':').unwrap_or(("t", id));
            let mut e = Entity::new(d, s, Schema::Organization);
            e.add(prop::NAME, "EASTERN TURKISTAN ISLAMIC MOVEMENT");
            if let Some(c) = country {
                e.add(prop::COUNTRY, c);
            }
            e.add(prop::PROGRAM, "SDGT");
            e
        };
        let (a, b) = (
            org("us_ofac_sdn:1", None),
            org("gb_fcdo_sanctions:1", Some("cn")),
        );
        assert_eq!(corroborated_name(&[&a, &b]).len(), 1);
        // With branches in two countries, the unplaced record joins neither.
        let c = org("un_sc_sanctions:1", Some("af"));
        let edges = corroborated_name(&[&a, &b, &c]);
        assert!(edges.is_empty(), "{edges:?}");
    }

    #[test]
    fn programme_codes_fall_into_their_regime() {
        let p = person(
            "a:1",
            &[
                (prop::PROGRAM, "RUSSIA-EO14024"),
                (prop::PROGRAM, "UKRAINE-EO13661"),
                (prop::PROGRAM, "Al-Qaida"),
                (prop::PROGRAM, "unknown"),
            ],
        );
        assert_eq!(programme_families(&p), vec!["russia", "terrorism"]);
    }

    #[test]
    fn a_name_primary_on_both_records_needs_one_fact_less() {
        let a = person(
            "us_ofac_sdn:1",
            &[
                (prop::NAME, "MIKHEEV, Danila Yurievich"),
                (prop::NATIONALITY, "ru"),
            ],
        );
        let b = person(
            "gb_fcdo_sanctions:1",
            &[
                (prop::NAME, "Danila Yurievich MIKHEEV"),
                (prop::NATIONALITY, "ru"),
            ],
        );
        assert_eq!(corroborated_name(&[&a, &b]).len(), 1);
        // As an alias of one of them, the same name needs two facts.
        let c = person(
            "un_sc_sanctions:1",
            &[
                (prop::NAME, "Danila MIKHEEV"),
                (prop::ALIAS, "Danila Yurievich Mikheev"),
                (prop::NATIONALITY, "ru"),
            ],
        );
        assert!(corroborated_name(&[&a, &c]).is_empty());
    }

    #[test]
    fn an_alias_of_both_records_needs_three_facts() {
        let p = |id, name: &str, extra: &[(&str, &str)]| {
            let mut props = vec![
                (prop::NAME, name),
                (prop::ALIAS, "Ayman al-Zawahiri"),
                (prop::BIRTH_DATE, "1951-06-19"),
                (prop::PROGRAM, "SDGT"),
            ];
            props.extend_from_slice(extra);
            person(id, &props)
        };
        let a = p("un_sc_sanctions:1", "AIMAN MUHAMMED RABI AL-ZAWAHIRI", &[]);
        let b = p("us_ofac_sdn:1", "AL ZAWAHIRI, Dr. Ayman", &[]);
        assert!(corroborated_name(&[&a, &b]).is_empty());
        let place = [(prop::BIRTH_PLACE, "Giza, Egypt")];
        let a = p(
            "un_sc_sanctions:1",
            "AIMAN MUHAMMED RABI AL-ZAWAHIRI",
            &place,
        );
        let b = p("us_ofac_sdn:1", "AL ZAWAHIRI, Dr. Ayman", &place);
        assert_eq!(corroborated_name(&[&a, &b]).len(), 1);
    }

    fn dated(id: &str, name: &str, dob: &str, nat: &str) -> Entity {
        person(
            id,
            &[
                (prop::NAME, name),
                (prop::BIRTH_DATE, dob),
                (prop::NATIONALITY, nat),
            ],
        )
    }

    #[test]
    fn transliterations_of_one_name_with_one_birth_date_and_nationality_link() {
        let ofac = dated(
            "us_ofac_sdn:1",
            "PESKOV, Dmitriy Sergeevich",
            "1967-10-17",
            "ru",
        );
        let uk = dated(
            "gb_fcdo_sanctions:RUS1",
            "Dmitry Sergeyevich PESKOV",
            "1967-10-17",
            "ru",
        );
        let edges = transliterated_name(&[&ofac, &uk]);
        assert_eq!(edges.len(), 1, "{edges:?}");
        assert_eq!(edges[0].rule, Rule::TransliteratedName);
        assert_eq!((edges[0].a, edges[0].b), (1, 0));
        assert_eq!(
            edges[0].value,
            "dmitry sergeyevich peskov ~ peskov dmitriy sergeevich, birth date 1967-10-17, nationality ru"
        );
        // A name without its patronymic still sounds the same.
        let short = dated(
            "gb_fcdo_sanctions:RUS2",
            "Dmitri PESKOV",
            "1967-10-17",
            "ru",
        );
        assert_eq!(transliterated_name(&[&ofac, &short]).len(), 1);
    }

    #[test]
    fn a_sounded_name_needs_the_full_birth_date_the_nationality_and_the_patronymic() {
        let ofac = dated(
            "us_ofac_sdn:1",
            "PESKOV, Dmitriy Sergeevich",
            "1967-10-17",
            "ru",
        );
        let other_day = dated("gb:1", "Dmitry PESKOV", "1967-10-18", "ru");
        let year_only = dated("gb:2", "Dmitry PESKOV", "1967", "ru");
        let other_country = dated("gb:3", "Dmitry PESKOV", "1967-10-17", "ua");
        let other_father = dated("gb:4", "Dmitry Nikolaevich PESKOV", "1967-10-17", "ru");
        let same_list = dated("us_ofac_sdn:2", "Dmitry PESKOV", "1967-10-17", "ru");
        // One spelling in another word order is the exact-name rules' to link.
        let same_words = dated("gb:6", "Dmitriy Sergeevich PESKOV", "1967-10-17", "ru");
        let no_nationality = person(
            "gb:5",
            &[
                (prop::NAME, "Dmitry PESKOV"),
                (prop::BIRTH_DATE, "1967-10-17"),
            ],
        );
        for other in [
            &other_day,
            &year_only,
            &other_country,
            &other_father,
            &same_list,
            &same_words,
            &no_nationality,
        ] {
            assert!(
                transliterated_name(&[&ofac, other]).is_empty(),
                "{}",
                other.id
            );
        }
        // A record stating no nationality cannot contradict one: the
        // regime and a country, or the birth town, stand in for it.
        let mut unplaced = no_nationality.clone();
        unplaced.add(prop::PROGRAM, "UKRAINE-EO13660");
        unplaced.add(prop::COUNTRY, "ru");
        let mut ofac = ofac;
        ofac.add(prop::PROGRAM, "RUSSIA-EO14024");
        let edges = transliterated_name(&[&ofac, &unplaced]);
        assert_eq!(edges.len(), 1);
        assert!(edges[0].value.ends_with("russia programmes, country ru"));
        // One word of the name is not a name to link on.
        assert_eq!(sounded("PESKOV"), None);
        // Nor is a name in another script, which the encoder cannot read.
        assert_eq!(sounded("Дмитрий Песков"), None);
    }

    #[test]
    fn an_undated_record_links_on_the_full_name_with_patronymic_a_country_and_the_regime() {
        let mut ofac = dated(
            "us_ofac_sdn:1",
            "DYUMIN, Alexey Gennadyevich",
            "1972-08-28",
            "ru",
        );
        ofac.add(prop::PROGRAM, "UKRAINE-EO13661");
        let uk = |id: &str, name: &str, country: &str, programme: &str| {
            person(
                id,
                &[
                    (prop::NAME, name),
                    (prop::COUNTRY, country),
                    (prop::PROGRAM, programme),
                ],
            )
        };
        let full = "Alexei Gennadyevich DYUMIN";
        let same = uk("gb_fcdo_sanctions:RUS1", full, "ru", "RUS");
        let edges = undated_patronymic_name(&[&ofac, &same]);
        assert_eq!(edges.len(), 1, "{edges:?}");
        assert_eq!(edges[0].rule, Rule::UndatedPatronymicName);
        assert_eq!(
            edges[0].value,
            "alexei gennadyevich dyumin ~ dyumin alexey gennadyevich, country ru, russia programmes"
        );
        // Without the patronymic, or with another, the name is not enough;
        // another regime or no common country may be a namesake.
        let bare = uk("gb_fcdo_sanctions:RUS2", "Alexei DYUMIN", "ru", "RUS");
        let other_father = uk(
            "gb_fcdo_sanctions:RUS3",
            "Alexei Petrovich DYUMIN",
            "ru",
            "RUS",
        );
        let other_regime = uk("gb_fcdo_sanctions:GHR1", full, "ru", "GHR");
        let elsewhere = uk("gb_fcdo_sanctions:RUS4", full, "ua", "RUS");
        // Both dated: the dated rule's, which needs the same date.
        let mut dated_too = uk("gb_fcdo_sanctions:RUS5", full, "ru", "RUS");
        dated_too.add(prop::BIRTH_DATE, "1970-01-01");
        for other in [&bare, &other_father, &other_regime, &elsewhere, &dated_too] {
            assert!(
                undated_patronymic_name(&[&ofac, other]).is_empty(),
                "{}",
                other.id
            );
        }
        // Two records of one listing sharing the sound: none is linked.
        let twin = uk(
            "gb_fcdo_sanctions:RUS6",
            "Aleksei Gennadievich Diumin",
            "ru",
            "RUS",
        );
        assert!(undated_patronymic_name(&[&ofac, &same, &twin]).is_empty());
    }

    #[test]
    fn arabic_articles_are_no_part_of_a_names_sound() {
        let a = sounded("AL-ZAWAHIRI, Ayman").map(|n| n.key);
        let b = sounded("Aiman Zawahiri").map(|n| n.key);
        assert!(a.is_some());
        assert_eq!(a, b);
    }

    #[test]
    fn the_closure_still_refuses_a_sounded_name_across_two_un_references() {
        let mut a = dated(
            "un_sc_sanctions:QDi.1",
            "Aiman Zawahiri",
            "1951-06-19",
            "eg",
        );
        a.add(UNSC_ID, "QDi.1");
        let mut b = dated("us_ofac_sdn:1", "AL-ZAWAHIRI, Ayman", "1951-06-19", "eg");
        b.add(UNSC_ID, "QDi.2");
        let linked = crate::link(&[a, b]);
        assert_eq!(linked.parties.len(), 2);
        assert_eq!(linked.conflicts.len(), 1);
        assert_eq!(linked.conflicts[0].proposed.rule, Rule::TransliteratedName);
    }
}
