//! The slice of the FollowTheMoney schema model the API needs: schema
//! ancestry, edge schemata, caption properties and entity-typed properties
//! with their reverses (`Sanction.entity` ↔ `Thing.sanctions`). Generated
//! from the `followthemoney` package; see `data/PROVENANCE.md`.

use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

const MODEL_GZ: &[u8] = include_bytes!("../data/ftm_schemata.json.gz");

/// An entity-typed property.
#[derive(Debug, Clone, Deserialize)]
pub struct EntityProp {
    /// The schema its values must be.
    pub range: Option<String>,
    /// `[schema, property]` of the property pointing back.
    pub reverse: Option<(String, String)>,
    /// A stub is only the reverse view of another property; it holds no values.
    pub stub: bool,
}

/// One schema, with inherited properties flattened in.
#[derive(Debug, Clone, Deserialize)]
pub struct SchemaInfo {
    /// Every schema it is, itself included.
    pub ancestors: Vec<String>,
    /// Edges (Ownership, Payment, Sanction...) link other entities.
    pub edge: bool,
    /// Whether its entities can be matched (offered as reconciliation types).
    pub matchable: bool,
    /// Properties whose first value is the entity's caption, in order of preference.
    pub caption: Vec<String>,
    /// Entity-typed property name → where it points and its reverse.
    pub entities: BTreeMap<String, EntityProp>,
    /// Properties of the country type (what a `countries` filter reads).
    pub countries: Vec<String>,
    /// Human-readable name, singular ("Person").
    pub label: String,
    /// Human-readable name, plural ("People").
    pub plural: String,
    /// Properties FtM shows first (proposed for data extension).
    pub featured: Vec<String>,
    /// FtM's description of the schema, if it has one.
    pub description: Option<String>,
    /// Every property it has (inherited ones too), stubs excepted.
    pub properties: Vec<String>,
}

/// One property by qualified name (`Thing:country`): name, label, description.
#[derive(Debug, Clone, Deserialize)]
pub struct PropInfo(pub String, pub String, pub Option<String>);

/// The FtM schema model slice, as generated (`data/gen_ftm_schemata.py`).
#[derive(Debug, Deserialize)]
pub struct Model {
    /// Version of the `followthemoney` package it was generated from.
    pub followthemoney: String,
    /// Schema name → schema.
    pub schemata: BTreeMap<String, SchemaInfo>,
    /// Qualified name → property, each where it is defined.
    pub properties: BTreeMap<String, PropInfo>,
}

/// The model, parsed once. It is compiled in, so it always parses; an
/// empty model would only make every schema unknown.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let mut text = String::new();
        let read =
            std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(MODEL_GZ), &mut text);
        read.ok()
            .and_then(|_| serde_json::from_str(&text).ok())
            .unwrap_or_else(|| Model {
                followthemoney: String::new(),
                schemata: BTreeMap::new(),
                properties: BTreeMap::new(),
            })
    })
}

/// The schema of that name (`Person`, `Sanction`, ...), if FtM has it.
pub fn schema(name: &str) -> Option<&'static SchemaInfo> {
    model().schemata.get(name)
}

/// True when `schema` is `ancestor` or descends from it.
pub fn is_a(schema: &str, ancestor: &str) -> bool {
    self::schema(schema).is_some_and(|s| s.ancestors.iter().any(|a| a == ancestor))
}

/// The entity-typed property `prop` of `schema`, if it is one.
pub fn entity_prop(schema: &str, prop: &str) -> Option<&'static EntityProp> {
    self::schema(schema).and_then(|s| s.entities.get(prop))
}

/// A property of `schema` (own or inherited) by name: its qualified name and info.
pub fn property(schema: &str, name: &str) -> Option<(String, &'static PropInfo)> {
    let info = self::schema(schema)?;
    info.ancestors.iter().find_map(|a| {
        let qname = format!("{a}:{name}");
        model().properties.get(&qname).map(|p| (qname, p))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_knows_edges_and_reverses() {
        assert!(!model().schemata.is_empty());
        assert!(schema("Payment").is_some_and(|s| s.edge));
        let payer = entity_prop("Payment", "payer").and_then(|p| p.reverse.clone());
        assert_eq!(payer, Some(("LegalEntity".into(), "paymentPayer".into())));
        assert!(entity_prop("Person", "sanctions").is_some_and(|p| p.stub));
        assert!(is_a("Company", "LegalEntity"));
        assert!(!is_a("Address", "LegalEntity"));
    }
}
