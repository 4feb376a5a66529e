//! The match query (`{"id","schema","properties"}`, as in
//! yente's `/match`), its validation, and the search configuration.
//!
//! This module owns the query's shape and what makes it valid; it must not
//! analyse names or score.

use crate::facts::{normalise_identifier, IdKind, COUNTRY_PROPS, ID_PROPS};
use crate::weights;
use interdict_model::limits::{check_name, NameLimit};
use interdict_model::{countries, prop, DateError, PartialDate, Schema};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One party to look for. Properties follow FtM names: `name`, `alias`,
/// `birthDate`, `nationality`, `country`, `passportNumber`, `idNumber`,
/// `imoNumber`, `mmsi`, `registrationNumber`, `swiftBic`, ...
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Query {
    /// The caller's id for the query, echoed in errors and results (may be empty).
    #[serde(default)]
    pub id: String,
    /// The FtM schema of the party looked for (default `LegalEntity`).
    #[serde(default = "default_schema")]
    pub schema: Schema,
    /// FtM property name → values.
    #[serde(default)]
    pub properties: BTreeMap<String, Vec<String>>,
}

fn default_schema() -> Schema {
    Schema::LegalEntity
}

/// What is wrong with a query: always the caller's input, never ours.
#[derive(Debug, thiserror::Error)]
pub enum QueryError {
    /// The line is not a JSON query object.
    #[error("query is not valid JSON of the shape {{\"id\",\"schema\",\"properties\"}}: {0}")]
    Json(#[from] serde_json::Error),
    /// Nothing to search by.
    #[error("query {id:?} has no name and no identifier (give properties.name, or imoNumber, passportNumber, ...)")]
    NothingToMatch {
        /// The query's id.
        id: String,
    },
    /// A birth date that is not `YYYY[-MM[-DD]]`.
    #[error("query {id:?}: {source}")]
    BadDate {
        /// The query's id.
        id: String,
        /// What is wrong with the date.
        #[source]
        source: DateError,
    },
    /// A name over a limit (`interdict_model::limits`): refused, never
    /// searched as nothing.
    #[error("query {id:?}: {property} {index}: {limit}")]
    NameLimit {
        /// The query's id.
        id: String,
        /// The name property holding it (`name`, `alias`, ...).
        property: String,
        /// 0-based position of the name among that property's values.
        index: usize,
        /// Which limit the name exceeds.
        #[source]
        limit: NameLimit,
    },
    /// More names than [`MAX_NAME_VALUES`] in one property.
    #[error("query {id:?}: {found} values of {property}; at most {MAX_NAME_VALUES} are searched")]
    TooManyNames {
        /// The query's id.
        id: String,
        /// The name property with too many values.
        property: String,
        /// How many values it has.
        found: usize,
    },
    /// A country that is neither an ISO 3166-1 code nor a known country name.
    #[error("query {id:?}: unknown country {value:?} in {property} (use an ISO 3166-1 code such as \"kp\")")]
    UnknownCountry {
        /// The query's id.
        id: String,
        /// The property that holds it (`nationality`, `country`, ...).
        property: String,
        /// The value as given.
        value: String,
    },
}

impl interdict_model::Coded for QueryError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            QueryError::Json(_) => ErrorCode::QueryMalformed,
            QueryError::NothingToMatch { .. } => ErrorCode::QueryNothingToMatch,
            QueryError::BadDate { .. } => ErrorCode::QueryBadDate,
            QueryError::NameLimit { .. } => ErrorCode::QueryTooLong,
            QueryError::TooManyNames { .. } => ErrorCode::QueryTooManyNames,
            QueryError::UnknownCountry { .. } => ErrorCode::QueryUnknownCountry,
        }
    }
}

impl Query {
    /// A query with one name.
    pub fn new(id: &str, schema: Schema, name: &str) -> Query {
        let mut q = Query {
            id: id.to_string(),
            schema,
            properties: BTreeMap::new(),
        };
        q.add(prop::NAME, name);
        q
    }

    /// Adds a property value (builder style for tests and callers).
    pub fn with(mut self, property: &str, value: &str) -> Query {
        self.add(property, value);
        self
    }

    /// Adds a property value, trimmed; empty values are ignored.
    pub fn add(&mut self, property: &str, value: &str) {
        let v = value.trim();
        if !v.is_empty() {
            self.properties
                .entry(property.to_string())
                .or_default()
                .push(v.to_string());
        }
    }

    /// The values of a property.
    pub fn get(&self, property: &str) -> &[String] {
        self.properties.get(property).map_or(&[], Vec::as_slice)
    }

    /// Every name given (name, alias, previousName, weakAlias).
    pub fn names(&self) -> impl Iterator<Item = &str> {
        prop::NAME_PROPS
            .into_iter()
            .flat_map(|p| self.get(p).iter().map(String::as_str))
    }

    /// Parses and validates one JSON line.
    pub fn from_json(line: &str) -> Result<Query, QueryError> {
        let q: Query = serde_json::from_str(line)?;
        q.validate()?;
        Ok(q)
    }

    /// At least one name or usable identifier; dates parse; countries are
    /// known codes or names.
    pub fn validate(&self) -> Result<(), QueryError> {
        self.check_name_limits()?;
        let has_name = self.names().any(|n| n.chars().any(char::is_alphanumeric));
        let has_id = ID_PROPS.iter().any(|p| {
            let kind = match *p {
                prop::IMO_NUMBER => IdKind::Imo,
                prop::MMSI => IdKind::Mmsi,
                prop::SWIFT_BIC => IdKind::Swift,
                _ => IdKind::Document,
            };
            self.get(p)
                .iter()
                .any(|v| normalise_identifier(kind, v).is_some())
        });
        if !has_name && !has_id {
            return Err(QueryError::NothingToMatch {
                id: self.id.clone(),
            });
        }
        for v in self.get(prop::BIRTH_DATE) {
            v.parse::<PartialDate>()
                .map_err(|source| QueryError::BadDate {
                    id: self.id.clone(),
                    source,
                })?;
        }
        for p in COUNTRY_PROPS {
            for v in self.get(p) {
                if countries::resolve(v).is_none() {
                    return Err(QueryError::UnknownCountry {
                        id: self.id.clone(),
                        property: p.to_string(),
                        value: v.clone(),
                    });
                }
            }
        }
        Ok(())
    }

    fn check_name_limits(&self) -> Result<(), QueryError> {
        if let Some(&p) = prop::NAME_PROPS
            .iter()
            .find(|p| self.get(p).len() > MAX_NAME_VALUES)
        {
            return Err(QueryError::TooManyNames {
                id: self.id.clone(),
                property: p.to_string(),
                found: self.get(p).len(),
            });
        }
        for p in prop::NAME_PROPS {
            for (index, v) in self.get(p).iter().enumerate() {
                check_name(v).map_err(|limit| QueryError::NameLimit {
                    id: self.id.clone(),
                    property: p.to_string(),
                    index,
                    limit,
                })?;
            }
        }
        Ok(())
    }
}

/// Most values of one name property in a query: each name is searched on
/// its own, so this bounds a query's cost with the name limits.
pub const MAX_NAME_VALUES: usize = 100;

/// How a search is run.
#[derive(Debug, Clone, PartialEq)]
pub struct MatchConfig {
    /// `match` is `score >= threshold`.
    pub threshold: f64,
    /// At most this many results.
    pub limit: usize,
    /// Only entities of these datasets (None: all).
    pub datasets: Option<Vec<String>>,
}

impl Default for MatchConfig {
    fn default() -> Self {
        MatchConfig {
            threshold: weights::DEFAULT_THRESHOLD,
            limit: weights::DEFAULT_LIMIT,
            datasets: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_design_shape() {
        let q = Query::from_json(
            r#"{"id":"q1","schema":"Person","properties":{"name":["Kim Jong Un"],"birthDate":["1984-01-08"],"nationality":["kp"]}}"#,
        )
        .expect("valid");
        assert_eq!(q.schema, Schema::Person);
        assert_eq!(q.get("name"), ["Kim Jong Un"]);
    }

    #[test]
    fn rejects_bad_input_with_reasons() {
        assert!(matches!(Query::from_json("{"), Err(QueryError::Json(_))));
        assert!(matches!(
            Query::from_json(r#"{"id":"q","schema":"Person","properties":{"birthDate":["1984"]}}"#),
            Err(QueryError::NothingToMatch { .. })
        ));
        assert!(matches!(
            Query::from_json(
                r#"{"id":"q","schema":"Person","properties":{"name":["A B"],"birthDate":["84"]}}"#
            ),
            Err(QueryError::BadDate { .. })
        ));
        assert!(matches!(
            Query::from_json(
                r#"{"id":"q","schema":"Person","properties":{"name":["A B"],"nationality":["zz"]}}"#
            ),
            Err(QueryError::UnknownCountry { .. })
        ));
        assert!(Query::from_json(
            r#"{"id":"q","schema":"Vessel","properties":{"imoNumber":["IMO 9114555"]}}"#
        )
        .is_ok());
        assert!(
            Query::from_json(r#"{"id":"q","schema":"Ship","properties":{"name":["X"]}}"#).is_err()
        );
    }

    #[test]
    fn every_error_has_its_code() {
        use interdict_model::limits::NameLimit;
        use interdict_model::{Coded, ErrorCode};
        let json = serde_json::from_str::<Query>("{").expect_err("not JSON");
        let date = "1984-02-30"
            .parse::<PartialDate>()
            .expect_err("no such day");
        let id = String::from("q1");
        let cases = [
            (QueryError::Json(json), ErrorCode::QueryMalformed),
            (
                QueryError::NothingToMatch { id: id.clone() },
                ErrorCode::QueryNothingToMatch,
            ),
            (
                QueryError::BadDate {
                    id: id.clone(),
                    source: date,
                },
                ErrorCode::QueryBadDate,
            ),
            (
                QueryError::NameLimit {
                    id: id.clone(),
                    property: "name".into(),
                    index: 0,
                    limit: NameLimit::TooLong { found: 2000 },
                },
                ErrorCode::QueryTooLong,
            ),
            (
                QueryError::TooManyNames {
                    id: id.clone(),
                    property: "alias".into(),
                    found: 1000,
                },
                ErrorCode::QueryTooManyNames,
            ),
            (
                QueryError::UnknownCountry {
                    id,
                    property: "nationality".into(),
                    value: "Atlantis".into(),
                },
                ErrorCode::QueryUnknownCountry,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code, "{e}");
        }
    }
}
