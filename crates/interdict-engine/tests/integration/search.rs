//! Party search over the bundled lists.

use super::support::engine;
use interdict_match::{MatchConfig, Query};
use interdict_model::{prop, Schema};

fn first_hit(name: &str) -> Option<String> {
    let mut q = Query {
        id: "q".into(),
        schema: Schema::Person,
        properties: Default::default(),
    };
    q.add(prop::NAME, name);
    let hits = engine().matcher().search(&q, &MatchConfig::default());
    hits.into_iter().find(|h| h.is_match).map(|h| h.id)
}

#[test]
fn a_frequent_given_name_does_not_crowd_out_the_party() {
    // Many listed names carry "Sulaiman" exactly, several times per party
    // (aliases); the candidate slots are counted per party, so the one
    // whose both parts sound like the query's still reaches scoring.
    for name in ["Sulaiman Kairimov", "苏莱曼・凯里莫弗"] {
        assert_eq!(
            first_hit(name).as_deref(),
            Some("us_ofac_sdn:24325"),
            "{name}"
        );
    }
}
