//! The law behind a listing and behind the DPRK Government's status, from
//! two cited tables of `data/reference/screen/`: `list_law.csv` (list
//! dataset + programme → jurisdiction, instrument, provision, effect) and
//! `dprk_state_law.csv` (per jurisdiction: is the Government of the DPRK,
//! its missions included, blocked as a whole?). Look-ups only: the rules
//! decide what a law means for a flag.

use crate::jurisdiction::Jurisdiction;
use serde::Serialize;

const LIST_LAW: &str = include_str!("../../../data/reference/screen/list_law.csv");
const STATE_LAW: &str = include_str!("../../../data/reference/screen/dprk_state_law.csv");

/// What a listing does to dealings with the listed party.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    /// Funds frozen; persons of the jurisdiction may not deal with the party.
    AssetFreeze,
    /// Admission refused; no freeze.
    TravelBan,
    /// Restrictions short of blocking (licences, sectoral directives).
    Restrictions,
}

impl Effect {
    fn parse(s: &str) -> Option<Effect> {
        match s {
            "asset_freeze" => Some(Effect::AssetFreeze),
            "travel_ban" => Some(Effect::TravelBan),
            "restrictions" => Some(Effect::Restrictions),
            _ => None,
        }
    }

    /// Words for reports.
    pub fn words(self) -> &'static str {
        match self {
            Effect::AssetFreeze => "asset freeze",
            Effect::TravelBan => "travel ban",
            Effect::Restrictions => "restrictions",
        }
    }
}

/// The law of one listing programme.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ListLaw {
    /// Whose law the programme is.
    pub jurisdiction: Jurisdiction,
    /// The list (dataset name).
    pub dataset: String,
    /// The programme as the list writes it; `*` for the list's fallback row.
    pub program: String,
    /// The sanctions regime the programme belongs to.
    pub regime: String,
    /// The instrument that makes the listing binding.
    pub instrument: String,
    /// What the instrument does to a listed party.
    pub provision: String,
    /// The effect on dealings with the party.
    pub effect: Effect,
    /// `secondary`, `to verify` or `fallback` (no programme row).
    pub verified: String,
    /// Where the row comes from.
    pub source: String,
}

struct LawRow {
    datasets: Vec<String>,
    law: ListLaw,
}

/// The DPRK Government's status under one jurisdiction.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StateLaw {
    /// Whose law.
    pub jurisdiction: Jurisdiction,
    /// True when the Government (missions included) is blocked as a whole.
    pub blocked: bool,
    /// The instrument.
    pub instrument: String,
    /// Its provision on the DPRK Government.
    pub provision: String,
    /// How far the row was verified against the official text.
    pub verified: String,
    /// Where the row comes from.
    pub source: String,
}

/// Both tables, parsed once with the other reference tables.
pub struct LawTables {
    lists: Vec<LawRow>,
    states: Vec<StateLaw>,
}

fn records(text: &str) -> impl Iterator<Item = csv::StringRecord> + '_ {
    // Embedded and tested (`law_tables_parse_whole`); a malformed row is skipped.
    csv::Reader::from_reader(text.as_bytes())
        .into_records()
        .flatten()
}

fn col(r: &csv::StringRecord, i: usize) -> String {
    r.get(i).unwrap_or_default().trim().to_string()
}

impl LawTables {
    pub(crate) fn load() -> LawTables {
        let lists = records(LIST_LAW)
            .filter_map(|r| {
                Some(LawRow {
                    datasets: col(&r, 0).split('|').map(str::to_string).collect(),
                    law: ListLaw {
                        jurisdiction: Jurisdiction::parse(&col(&r, 2))?,
                        dataset: col(&r, 0),
                        program: col(&r, 1),
                        regime: col(&r, 3),
                        instrument: col(&r, 4),
                        provision: col(&r, 5),
                        effect: Effect::parse(&col(&r, 6))?,
                        verified: col(&r, 7),
                        source: col(&r, 8),
                    },
                })
            })
            .collect();
        let states = records(STATE_LAW)
            .filter_map(|r| {
                Some(StateLaw {
                    jurisdiction: Jurisdiction::parse(&col(&r, 0))?,
                    blocked: col(&r, 1) == "blocked",
                    instrument: col(&r, 2),
                    provision: col(&r, 3),
                    verified: col(&r, 4),
                    source: col(&r, 5),
                })
            })
            .collect();
        LawTables { lists, states }
    }

    fn row(&self, dataset: &str, program: &str) -> Option<&ListLaw> {
        self.lists
            .iter()
            .find(|r| r.law.program == program && r.datasets.iter().any(|d| d == dataset))
            .map(|r| &r.law)
    }

    /// The law of a listing on `dataset` under each of its `programs`: the
    /// programme's row, else the dataset's fallback row; empty when the
    /// dataset is not tabulated (a user-loaded file).
    pub fn of_listing(&self, dataset: &str, programs: &[String]) -> Vec<ListLaw> {
        let mut out: Vec<ListLaw> = Vec::new();
        for p in programs {
            if let Some(l) = self.row(dataset, p).or_else(|| self.row(dataset, "*")) {
                let mut l = l.clone();
                l.dataset = dataset.to_string();
                if l.program == "*" {
                    l.program = p.clone();
                }
                if !out.contains(&l) {
                    out.push(l);
                }
            }
        }
        if out.is_empty() {
            if let Some(l) = self.row(dataset, "*") {
                let mut l = l.clone();
                l.dataset = dataset.to_string();
                out.push(l);
            }
        }
        out
    }

    /// The DPRK Government's status under `j`; jurisdictions without a row
    /// follow the UN row (every member state applies the UN measures).
    pub fn dprk_state(&self, j: Jurisdiction) -> Option<&StateLaw> {
        self.states
            .iter()
            .find(|s| s.jurisdiction == j)
            .or_else(|| {
                self.states
                    .iter()
                    .find(|s| s.jurisdiction == Jurisdiction::Un)
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn law_tables_parse_whole() {
        let t = LawTables::load();
        let rows = LIST_LAW.lines().count() - 1;
        assert_eq!(t.lists.len(), rows, "every list_law.csv row parses");
        assert_eq!(t.states.len(), STATE_LAW.lines().count() - 1);
        assert!(t
            .lists
            .iter()
            .all(|r| !r.law.instrument.is_empty() && !r.law.source.is_empty()));
    }

    #[test]
    fn each_list_cites_its_own_law() {
        let t = LawTables::load();
        let sdn = t.of_listing("us_ofac_sdn", &["DPRK3".into()]);
        assert_eq!(sdn[0].jurisdiction, Jurisdiction::Us);
        assert!(sdn[0].instrument.contains("E.O. 13722"));
        assert!(sdn[0].instrument.contains("31 CFR part 510"));
        let un = t.of_listing("un_sc_sanctions", &["DPRK".into()]);
        assert_eq!(un[0].jurisdiction, Jurisdiction::Un);
        assert!(un[0].instrument.contains("1718") && un[0].provision.contains("8(d)"));
        let uk = t.of_listing("gb_fcdo_sanctions", &["DPR".into()]);
        assert!(uk[0].instrument.contains("SI 2019/411"));
        let libya = t.of_listing("un_sc_sanctions", &["Libya".into()]);
        assert!(libya[0].instrument.contains("1970"));
        let csl = t.of_listing("us_trade_csl", &["DPRK3".into()]);
        assert!(csl[0].instrument.contains("13722"));
        let other = t.of_listing("us_ofac_sdn", &["VENEZUELA".into()]);
        assert_eq!(
            (other[0].program.as_str(), other[0].verified.as_str()),
            ("VENEZUELA", "fallback")
        );
        assert!(t.of_listing("my_own_file", &["X".into()]).is_empty());
    }

    #[test]
    fn only_the_us_blocks_the_dprk_government_as_a_whole() {
        let t = LawTables::load();
        assert!(t.dprk_state(Jurisdiction::Us).is_some_and(|s| s.blocked));
        assert!(t.dprk_state(Jurisdiction::Un).is_some_and(|s| !s.blocked));
        assert_eq!(
            t.dprk_state(Jurisdiction::Gb).map(|s| s.jurisdiction),
            Some(Jurisdiction::Un)
        );
    }
}
