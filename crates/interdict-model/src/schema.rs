//! FollowTheMoney schemata that interdict's lists use, and which are compatible.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// The kinds of listed party. Names follow FollowTheMoney.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Schema {
    /// Any party whose kind the source does not state.
    LegalEntity,
    /// A natural person.
    Person,
    /// A body that is not a company: a ministry, a party, an armed group.
    Organization,
    /// A company or other commercial undertaking.
    Company,
    /// A ship.
    Vessel,
    /// An aircraft.
    Airplane,
}

impl Schema {
    /// Every schema.
    pub const ALL: [Schema; 6] = [
        Schema::Person,
        Schema::Organization,
        Schema::Company,
        Schema::LegalEntity,
        Schema::Vessel,
        Schema::Airplane,
    ];

    /// The FtM name of the schema (`"Person"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Schema::LegalEntity => "LegalEntity",
            Schema::Person => "Person",
            Schema::Organization => "Organization",
            Schema::Company => "Company",
            Schema::Vessel => "Vessel",
            Schema::Airplane => "Airplane",
        }
    }

    /// Whether a query of schema `self` may be the same thing as a record of
    /// schema `other`. Follows FtM's hierarchy: Company and Organization are
    /// LegalEntities, so a LegalEntity query matches both; a Person never
    /// matches a Vessel.
    pub fn is_compatible(self, other: Schema) -> bool {
        use Schema::*;
        if self == other {
            return true;
        }
        matches!(
            (self, other),
            (LegalEntity, Person | Organization | Company)
                | (Person | Organization | Company, LegalEntity)
                | (Organization, Company)
                | (Company, Organization)
        )
    }

    /// True for schemata whose names are organisation names (legal forms apply).
    pub fn is_organization(self) -> bool {
        matches!(self, Schema::Organization | Schema::Company)
    }
}

impl fmt::Display for Schema {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A schema name that is not one of [`Schema::ALL`].
#[derive(Debug, thiserror::Error)]
#[error("unknown schema {0:?}: expected one of Person, Organization, Company, LegalEntity, Vessel, Airplane")]
pub struct UnknownSchema(pub String);

impl FromStr for Schema {
    type Err = UnknownSchema;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Schema::ALL
            .into_iter()
            .find(|x| x.as_str().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownSchema(s.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compatibility_follows_the_hierarchy() {
        assert!(Schema::LegalEntity.is_compatible(Schema::Company));
        assert!(Schema::Organization.is_compatible(Schema::Company));
        assert!(!Schema::Person.is_compatible(Schema::Vessel));
        assert!(!Schema::Vessel.is_compatible(Schema::Airplane));
    }

    #[test]
    fn parses_case_insensitively_and_rejects_unknown() {
        assert_eq!("vessel".parse::<Schema>().ok(), Some(Schema::Vessel));
        assert!("Ship".parse::<Schema>().is_err());
    }
}
