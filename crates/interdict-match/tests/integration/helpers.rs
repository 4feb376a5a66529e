//! Small builders so the tests read like a specification.

use interdict_match::Query;
use interdict_model::{Entity, Schema};

/// An entity of dataset `test` with the given properties.
pub fn entity(id: &str, schema: Schema, props: &[(&str, &str)]) -> Entity {
    let mut e = Entity::new("test", id, schema);
    for (p, v) in props {
        e.add(p, v);
    }
    e
}

/// A query with the given properties.
pub fn query(schema: Schema, props: &[(&str, &str)]) -> Query {
    let mut q = Query {
        id: "q".into(),
        schema,
        properties: Default::default(),
    };
    for (p, v) in props {
        q.add(p, v);
    }
    q
}
