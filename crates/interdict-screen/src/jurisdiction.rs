//! Whose law: the jurisdictions a decision can be labelled with, and the
//! scope the user screens under (`--jurisdiction`, default all).
//! What each jurisdiction's verdict means is documented on [`Jurisdiction`].
//! This module owns the names and the scope only: rules decide severities,
//! `decision` combines them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A jurisdiction whose law the engine can cite.
///
/// What each jurisdiction's verdict means (the convention every rule
/// follows, documented once here):
/// - **Lists and state blocking follow the person.** A party on a list of
///   jurisdiction J, or a body of a government J blocks as a whole (the
///   Government of North Korea under E.O. 13722), is prohibited to every
///   person of J wherever the goods go. J's verdict counts it at full
///   severity; a hit on another jurisdiction's list is a red flag under J
///   (at most `high`), not J's prohibition.
/// - **Goods law follows the shipment.** A goods verdict of J counts when
///   J's law reaches the shipment: UN measures always (every member state
///   applies them), another J when a party, a nationality, the origin or a
///   route place is in J (EU members count as `eu`), or when the user names
///   J with `--jurisdiction` (the screener is then J's person). Under the
///   default scope no user nexus is assumed, so a UN agency's food aid is
///   not blocked by a total embargo that binds none of its parties.
///
/// Under [`Scope::All`] every jurisdiction is evaluated and the strictest
/// verdict decides; each is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Jurisdiction {
    /// United Nations Security Council measures.
    Un,
    /// United States.
    Us,
    /// European Union.
    Eu,
    /// United Kingdom (code `gb`; `uk` is read as `gb`).
    Gb,
    /// Japan.
    Jp,
    /// Republic of Korea.
    Kr,
}

impl Jurisdiction {
    /// Every jurisdiction, in report order.
    pub const ALL: [Jurisdiction; 6] = [
        Jurisdiction::Un,
        Jurisdiction::Us,
        Jurisdiction::Eu,
        Jurisdiction::Gb,
        Jurisdiction::Jp,
        Jurisdiction::Kr,
    ];

    /// The lower-case code (`un`, `us`, `eu`, `gb`, `jp`, `kr`).
    pub fn code(self) -> &'static str {
        match self {
            Jurisdiction::Un => "un",
            Jurisdiction::Us => "us",
            Jurisdiction::Eu => "eu",
            Jurisdiction::Gb => "gb",
            Jurisdiction::Jp => "jp",
            Jurisdiction::Kr => "kr",
        }
    }

    /// The name a report shows ("UN", "US", "EU", "UK", "Japan", "South Korea").
    pub fn label(self) -> &'static str {
        match self {
            Jurisdiction::Un => "UN",
            Jurisdiction::Us => "US",
            Jurisdiction::Eu => "EU",
            Jurisdiction::Gb => "UK",
            Jurisdiction::Jp => "Japan",
            Jurisdiction::Kr => "South Korea",
        }
    }

    /// Reads a code in any case; `uk` is `gb`.
    pub fn parse(s: &str) -> Option<Jurisdiction> {
        let s = s.trim().to_ascii_lowercase();
        let s = if s == "uk" { "gb".to_string() } else { s };
        Jurisdiction::ALL.into_iter().find(|j| j.code() == s)
    }

    /// The jurisdiction whose law a country's territory and persons carry
    /// (`eu` for EU members), if the engine has law for it.
    pub fn of_country(country: &str, eu_members: &[String]) -> Option<Jurisdiction> {
        if eu_members.iter().any(|m| m == country) {
            return Some(Jurisdiction::Eu);
        }
        match country {
            "eu" | "un" => None,
            c => Jurisdiction::parse(c),
        }
    }
}

impl fmt::Display for Jurisdiction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Whose law the user screens under.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Scope {
    /// Every jurisdiction; the strictest verdict decides.
    #[default]
    All,
    /// The named jurisdictions only: the user is their person.
    Only(Vec<Jurisdiction>),
}

/// A `--jurisdiction` value that names no known jurisdiction.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown jurisdiction {0:?}: use all, or one or more of un, us, eu, gb (uk), jp, kr separated by commas")]
pub struct ScopeError(pub String);

impl interdict_model::Coded for ScopeError {
    fn code(&self) -> interdict_model::ErrorCode {
        interdict_model::ErrorCode::UnknownJurisdiction
    }
}

impl Scope {
    /// Parses `all` or a comma-separated list of codes (`un,us`).
    pub fn parse(s: &str) -> Result<Scope, ScopeError> {
        if s.trim().eq_ignore_ascii_case("all") {
            return Ok(Scope::All);
        }
        let mut list = Vec::new();
        for part in s.split(',').filter(|p| !p.trim().is_empty()) {
            let j = Jurisdiction::parse(part).ok_or_else(|| ScopeError(part.trim().into()))?;
            if !list.contains(&j) {
                list.push(j);
            }
        }
        if list.is_empty() {
            return Err(ScopeError(s.to_string()));
        }
        Ok(Scope::Only(list))
    }

    /// The jurisdictions evaluated, in report order.
    pub fn jurisdictions(&self) -> Vec<Jurisdiction> {
        match self {
            Scope::All => Jurisdiction::ALL.to_vec(),
            Scope::Only(list) => Jurisdiction::ALL
                .into_iter()
                .filter(|j| list.contains(j))
                .collect(),
        }
    }

    /// Whether the user named `j` (and so is its person).
    pub fn names(&self, j: Jurisdiction) -> bool {
        matches!(self, Scope::Only(list) if list.contains(&j))
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Scope::All => f.write_str("all"),
            Scope::Only(list) => {
                let codes: Vec<&str> = list.iter().map(|j| j.code()).collect();
                f.write_str(&codes.join(","))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_any_case_and_uk_is_gb() {
        assert_eq!(Jurisdiction::parse("UK"), Some(Jurisdiction::Gb));
        assert_eq!(Jurisdiction::parse(" Us "), Some(Jurisdiction::Us));
        assert_eq!(Jurisdiction::parse("fr"), None);
        let eu = vec!["de".to_string()];
        assert_eq!(Jurisdiction::of_country("de", &eu), Some(Jurisdiction::Eu));
        assert_eq!(Jurisdiction::of_country("sg", &eu), None);
    }

    #[test]
    fn scopes_parse_and_refuse_unknown_codes() {
        assert_eq!(Scope::parse("ALL"), Ok(Scope::All));
        assert_eq!(
            Scope::parse("us,un,us"),
            Ok(Scope::Only(vec![Jurisdiction::Us, Jurisdiction::Un]))
        );
        assert_eq!(
            Scope::parse("un,us").map(|s| s.jurisdictions()),
            Ok(vec![Jurisdiction::Un, Jurisdiction::Us])
        );
        assert!(Scope::parse("un,xx").is_err());
        assert!(Scope::parse(",").is_err());
        assert!(Scope::parse("us").is_ok_and(|s| s.names(Jurisdiction::Us)));
        assert!(!Scope::All.names(Jurisdiction::Us));
    }

    #[test]
    fn an_unknown_jurisdiction_has_its_code() {
        use interdict_model::{Coded, ErrorCode};
        let e = Scope::parse("un,xx").expect_err("xx is no jurisdiction");
        assert_eq!(e.code(), ErrorCode::UnknownJurisdiction);
    }
}
