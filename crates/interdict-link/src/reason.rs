//! Merge reasons and conflicts as data, and the sentences they render as
//! ("UK DPR0157 cites UN KPe.001", "same IMO 9114555").

use crate::rules::Edge;
use interdict_model::Entity;
use serde::Serialize;
use std::fmt;

/// The rule that linked two records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// One record states it was copied from the other (CSL → OFAC).
    CitedRecord,
    /// Both carry the same UN reference number.
    UnscId,
    /// Both carry the same IMO ship or company number.
    ImoNumber,
    /// Both carry the same SWIFT/BIC code.
    SwiftBic,
    /// Both carry the same aircraft registration mark (tail number).
    AircraftRegistration,
    /// Both carry the same aircraft manufacturer's serial number.
    AircraftSerial,
    /// Same passport number and a common nationality.
    Passport,
    /// Same national id number and a common nationality.
    IdNumber,
    /// Same company registration number.
    RegistrationNumber,
    /// Persons: same normalised name, full birth date and nationality.
    NameBirthDateNationality,
    /// Organisations: same normalised name and address.
    NameAddress,
    /// Persons and organisations: same name and at least two corroborating
    /// facts (birth date at the coarser precision, country, birth place,
    /// programme family), none contradicting.
    CorroboratedName,
    /// Persons: names that sound the same word for word (transliteration
    /// variants), the same full birth date and a common nationality.
    TransliteratedName,
    /// Persons: full names that sound the same word for word, patronymic
    /// included, one record stating no birth date, with a common country
    /// and the same sanctions regime.
    UndatedPatronymicName,
}

impl Rule {
    /// Every rule, strongest first: the order in which they are applied.
    pub const ALL: [Rule; 14] = [
        Rule::CitedRecord,
        Rule::UnscId,
        Rule::ImoNumber,
        Rule::SwiftBic,
        Rule::AircraftRegistration,
        Rule::AircraftSerial,
        Rule::Passport,
        Rule::IdNumber,
        Rule::RegistrationNumber,
        Rule::NameBirthDateNationality,
        Rule::NameAddress,
        Rule::CorroboratedName,
        Rule::TransliteratedName,
        Rule::UndatedPatronymicName,
    ];

    /// The rule's name as serialised in JSON (`unsc_id`, `imo_number`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::CitedRecord => "cited_record",
            Rule::UnscId => "unsc_id",
            Rule::ImoNumber => "imo_number",
            Rule::SwiftBic => "swift_bic",
            Rule::AircraftRegistration => "aircraft_registration",
            Rule::AircraftSerial => "aircraft_serial",
            Rule::Passport => "passport",
            Rule::IdNumber => "id_number",
            Rule::RegistrationNumber => "registration_number",
            Rule::NameBirthDateNationality => "name_birth_date_nationality",
            Rule::NameAddress => "name_address",
            Rule::CorroboratedName => "corroborated_name",
            Rule::TransliteratedName => "transliterated_name",
            Rule::UndatedPatronymicName => "undated_patronymic_name",
        }
    }

    /// Whether the link is a list's own statement that the records are one
    /// party (a citation), not an inference from shared facts.
    pub fn is_citation(self) -> bool {
        matches!(self, Rule::CitedRecord | Rule::UnscId)
    }

    /// Whether one shared identifier suffices (else several facts agreed).
    pub fn is_strong(self) -> bool {
        !matches!(
            self,
            Rule::NameBirthDateNationality
                | Rule::NameAddress
                | Rule::CorroboratedName
                | Rule::TransliteratedName
                | Rule::UndatedPatronymicName
        )
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why two records were merged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MergeReason {
    /// The rule that linked them.
    pub rule: Rule,
    /// The two record ids the rule linked.
    pub records: [String; 2],
    /// The shared value (identifier, or name / birth date / nationality).
    pub value: String,
}

/// How a list is named in sentences.
pub fn dataset_label(dataset: &str) -> &str {
    match dataset {
        "un_sc_sanctions" => "UN",
        "us_ofac_sdn" => "OFAC SDN",
        "us_ofac_cons" => "OFAC non-SDN",
        "gb_fcdo_sanctions" => "UK",
        "eu_fsf" => "EU",
        "us_trade_csl" => "CSL",
        other => other,
    }
}

/// `gb_fcdo_sanctions:DPR0157` → `UK DPR0157`.
fn label(id: &str) -> String {
    match id.split_once(':') {
        Some((d, s)) => format!("{} {s}", dataset_label(d)),
        None => id.to_string(),
    }
}

impl fmt::Display for MergeReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [a, b] = &self.records;
        let (la, lb) = (label(a), label(b));
        let v = &self.value;
        match self.rule {
            Rule::CitedRecord => write!(f, "{la} copies {lb}"),
            Rule::UnscId if b.starts_with("un_sc_sanctions:") => write!(f, "{la} cites UN {v}"),
            Rule::UnscId if a.starts_with("un_sc_sanctions:") => write!(f, "{lb} cites UN {v}"),
            Rule::UnscId => write!(f, "{la} and {lb} both cite UN {v}"),
            Rule::ImoNumber => write!(f, "same IMO {} ({la}, {lb})", v.trim_start_matches("IMO")),
            Rule::SwiftBic => write!(f, "same SWIFT/BIC {v} ({la}, {lb})"),
            Rule::AircraftRegistration => write!(f, "same aircraft registration {v} ({la}, {lb})"),
            Rule::AircraftSerial => write!(f, "same aircraft serial number {v} ({la}, {lb})"),
            Rule::Passport => write!(f, "same passport {v} ({la}, {lb})"),
            Rule::IdNumber => write!(f, "same national id {v} ({la}, {lb})"),
            Rule::RegistrationNumber => write!(f, "same registration number {v} ({la}, {lb})"),
            Rule::NameBirthDateNationality => {
                write!(f, "same name, birth date and nationality: {v} ({la}, {lb})")
            }
            Rule::NameAddress => write!(f, "same name and address: {v} ({la}, {lb})"),
            Rule::CorroboratedName => match v.split_once("; ") {
                Some((name, facts)) => {
                    write!(f, "same name {name}, corroborated by {facts} ({la}, {lb})")
                }
                None => write!(f, "same name {v} ({la}, {lb})"),
            },
            Rule::TransliteratedName => write!(
                f,
                "same name up to transliteration, birth date and nationality: {v} ({la}, {lb})"
            ),
            Rule::UndatedPatronymicName => write!(
                f,
                "same full name with patronymic up to transliteration, one record undated: {v} ({la}, {lb})"
            ),
        }
    }
}

/// The fact two records contradict each other on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// The two sides carry different UN reference numbers.
    UnscId,
    /// The two sides carry different IMO numbers.
    ImoNumber,
    /// The two sides state different full birth dates.
    BirthDate,
    /// Each side holds a record of a list that names a party once (once per
    /// regime): two records of it are two parties.
    Listing,
}

impl ConflictKind {
    fn noun(self) -> &'static str {
        match self {
            ConflictKind::UnscId => "UN reference numbers",
            ConflictKind::ImoNumber => "IMO numbers",
            ConflictKind::BirthDate => "birth dates",
            ConflictKind::Listing => "records of one list",
        }
    }
}

/// A merge a rule proposed and the conflict check refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Conflict {
    /// The merge that was refused.
    pub proposed: MergeReason,
    /// The fact the two sides contradict each other on.
    pub kind: ConflictKind,
    /// The contradicting values of the two sides (comma-separated).
    pub values: [String; 2],
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let [l, r] = &self.values;
        write!(
            f,
            "not merged: {}, but their parties hold different {} ({l} / {r})",
            self.proposed,
            self.kind.noun()
        )
    }
}

pub(crate) fn reason(records: &[&Entity], edge: &Edge) -> MergeReason {
    MergeReason {
        rule: edge.rule,
        records: [records[edge.a].id.clone(), records[edge.b].id.clone()],
        value: edge.value.clone(),
    }
}

pub(crate) fn conflict(
    records: &[&Entity],
    edge: &Edge,
    kind: ConflictKind,
    left: String,
    right: String,
) -> Conflict {
    Conflict {
        proposed: reason(records, edge),
        kind,
        values: [left, right],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r(rule: Rule, a: &str, b: &str, v: &str) -> String {
        MergeReason {
            rule,
            records: [a.into(), b.into()],
            value: v.into(),
        }
        .to_string()
    }

    #[test]
    fn reasons_read_as_sentences() {
        assert_eq!(
            r(
                Rule::UnscId,
                "gb_fcdo_sanctions:DPR0157",
                "un_sc_sanctions:KPe.001",
                "KPe.001"
            ),
            "UK DPR0157 cites UN KPe.001"
        );
        assert_eq!(
            r(
                Rule::UnscId,
                "gb_fcdo_sanctions:DPR0157",
                "eu_fsf:1",
                "KPe.001"
            ),
            "UK DPR0157 and EU 1 both cite UN KPe.001"
        );
        assert_eq!(
            r(
                Rule::CitedRecord,
                "us_trade_csl:20157",
                "us_ofac_sdn:20157",
                "us_ofac_sdn:20157"
            ),
            "CSL 20157 copies OFAC SDN 20157"
        );
        assert_eq!(
            r(
                Rule::ImoNumber,
                "us_ofac_sdn:1",
                "gb_fcdo_sanctions:DPR0001",
                "IMO9114555"
            ),
            "same IMO 9114555 (OFAC SDN 1, UK DPR0001)"
        );
        assert_eq!(
            r(
                Rule::CorroboratedName,
                "us_ofac_sdn:17321",
                "gb_fcdo_sanctions:SYR0119",
                "eddin kamal tuma; country sy, syria programmes"
            ),
            "same name eddin kamal tuma, corroborated by country sy, syria programmes \
             (OFAC SDN 17321, UK SYR0119)"
        );
    }

    #[test]
    fn rules_are_ordered_strongest_first() {
        let mut sorted = Rule::ALL;
        sorted.sort();
        assert_eq!(sorted, Rule::ALL);
        assert!(Rule::ALL.iter().take(9).all(|r| r.is_strong()));
        assert!(!Rule::NameAddress.is_strong());
    }
}
