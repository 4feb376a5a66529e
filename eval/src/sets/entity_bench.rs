//! nomenklatura `entity_bench_checks.yml`: entity pairs with the expected
//! outcome (`checks: [{match, schema, label?, query: {prop: value}, candidate: {…}}]`).

use super::{parse_schema, LabelledPair, Props};
use anyhow::{bail, Context, Result};
use std::path::Path;
use yaml_rust2::{Yaml, YamlLoader};

/// Name parts nomenklatura's entity bench joins into a `name` when an
/// entity has none (contrib/entity_bench/benchmark.py, `make_entity`).
const NAME_PARTS: [&str; 6] = [
    "firstName",
    "secondName",
    "middleName",
    "fatherName",
    "motherName",
    "lastName",
];

/// Reads the checks. Slices: schema, and label when the check has one.
pub fn read(path: &Path) -> Result<Vec<LabelledPair>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    parse(&text).with_context(|| format!("in {}", path.display()))
}

pub fn parse(text: &str) -> Result<Vec<LabelledPair>> {
    let docs = YamlLoader::load_from_str(text).context("invalid YAML")?;
    let Some(checks) = docs.first().and_then(|d| d["checks"].as_vec()) else {
        bail!("no top-level `checks` list");
    };
    let mut out = Vec::with_capacity(checks.len());
    for (key, check) in checks.iter().enumerate() {
        let Some(is_match) = check["match"].as_bool() else {
            bail!("check {key}: `match` must be true or false");
        };
        let Some(schema) = check["schema"].as_str() else {
            bail!("check {key}: no schema");
        };
        let mut slices = vec![("schema", schema.to_string())];
        if let Some(label) = check["label"].as_str() {
            slices.push(("label", label.to_string()));
        }
        out.push(LabelledPair {
            key,
            schema: parse_schema(schema, Path::new("checks"), key as u64)?,
            query: props(&check["query"]).with_context(|| format!("check {key}: query"))?,
            candidate: props(&check["candidate"])
                .with_context(|| format!("check {key}: candidate"))?,
            is_match,
            slices,
        });
    }
    Ok(out)
}

fn props(node: &Yaml) -> Result<Props> {
    let Some(hash) = node.as_hash() else {
        bail!("expected a mapping of properties");
    };
    let mut out = Props::new();
    for (k, v) in hash {
        let Some(prop) = k.as_str() else {
            bail!("property names must be strings");
        };
        let values: Vec<String> = match v {
            Yaml::Array(items) => items.iter().filter_map(scalar).collect(),
            other => scalar(other).into_iter().collect(),
        };
        let values: Vec<String> = values
            .into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        if !values.is_empty() {
            out.entry(prop.to_string()).or_default().extend(values);
        }
    }
    if !out.contains_key("name") {
        let joined: Vec<&str> = NAME_PARTS
            .iter()
            .filter_map(|p| out.get(*p).and_then(|v| v.first()).map(String::as_str))
            .collect();
        if !joined.is_empty() {
            let name = joined.join(" ");
            out.insert("name".to_string(), vec![name]);
        }
    }
    Ok(out)
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_model::Schema;

    #[test]
    fn parses_checks_with_labels_lists_and_name_parts() {
        let yaml = r"checks:
  # comment
  - match: true
    label: Word Joining
    schema: Person
    query:
      firstName: Olaf
      lastName: Scholz
    candidate:
      name: [Olaf Scholz, O. Scholz]
  - match: false
    schema: Company
    query:
      name: Siemens AG
      registrationNumber: 12345
    candidate:
      name: >-
        Volkswagen
        AG
";
        let checks = parse(yaml).expect("parse");
        assert_eq!(checks.len(), 2);
        assert!(checks[0].is_match);
        assert_eq!(checks[0].query["name"], ["Olaf Scholz"]);
        assert_eq!(checks[0].candidate["name"], ["Olaf Scholz", "O. Scholz"]);
        assert!(checks[0]
            .slices
            .contains(&("label", "Word Joining".to_string())));
        assert_eq!(checks[1].schema, Schema::Company);
        assert_eq!(checks[1].query["registrationNumber"], ["12345"]);
        assert_eq!(checks[1].candidate["name"], ["Volkswagen AG"]);
    }

    #[test]
    fn rejects_a_check_without_an_expected_outcome() {
        assert!(parse(
            "checks:\n  - schema: Person\n    query: {name: a}\n    candidate: {name: b}\n"
        )
        .is_err());
        assert!(parse("other: 1\n").is_err());
    }
}
