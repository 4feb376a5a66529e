//! Our engine behind the harness's traits: `interdict_match::score_pair`
//! for pairs, `interdict_match::Matcher` over `interdict_lists`' bundled
//! snapshots for searches. The only module that knows those crates' APIs.

use crate::engine::{Hit, PairScorer, Searcher};
use crate::gold::Listed;
use crate::names::Engines;
use crate::sets::Props;
use anyhow::{Context, Result};
use interdict_match::{score_pair, MatchConfig, Matcher, Query};
use interdict_model::{prop, Entity, Schema};
use std::time::Instant;

/// The UN Security Council list's dataset name in the bundled catalogue.
const UN: &str = "un_sc_sanctions";

fn query(schema: Schema, props: &Props) -> Query {
    Query {
        id: "eval".to_string(),
        schema,
        properties: props.clone(),
    }
}

fn entity(schema: Schema, props: &Props) -> Entity {
    let mut e = Entity::new("eval", "candidate", schema);
    for (k, values) in props {
        for v in values {
            e.add(k, v);
        }
    }
    e
}

/// The score and explanation of one name pair, as lines of text.
pub fn explain_pair(schema: Schema, query_name: &str, candidate_name: &str) -> Vec<String> {
    let mut e = Entity::new("eval", "candidate", schema);
    e.add(prop::NAME, candidate_name);
    let scored = score_pair(&Query::new("eval", schema, query_name), &e);
    let mut lines = vec![format!("score {:.3}", scored.score)];
    lines.extend(scored.explanation.to_text());
    lines
}

pub struct OurPairs;

impl PairScorer for OurPairs {
    fn score(&self, schema: Schema, q: &Props, candidate: &Props) -> f64 {
        score_pair(&query(schema, q), &entity(schema, candidate)).score
    }
}

/// The index, and the record ids its merged parties stand for (empty when
/// records are indexed one by one).
pub struct OurSearcher(Matcher, std::collections::HashSet<String>);

impl Searcher for OurSearcher {
    fn search(
        &self,
        schema: Schema,
        props: &Props,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<Hit>, String> {
        self.search_in(None, schema, props, limit, threshold)
    }

    fn search_in(
        &self,
        datasets: Option<&[String]>,
        schema: Schema,
        props: &Props,
        limit: usize,
        threshold: f64,
    ) -> Result<Vec<Hit>, String> {
        let q = query(schema, props);
        q.validate().map_err(|e| e.to_string())?;
        let config = MatchConfig {
            threshold,
            limit,
            datasets: datasets.map(<[String]>::to_vec),
        };
        Ok(self
            .0
            .search(&q, &config)
            .into_iter()
            .map(|r| Hit {
                id: r.id,
                caption: r.caption,
                score: r.score,
                is_match: r.is_match,
                referents: r.referents,
            })
            .collect())
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn contains(&self, id: &str) -> bool {
        self.0.get(id).is_some() || self.1.contains(id)
    }
}

pub struct Ours;

/// Writes the bundled UN list as FtM JSON lines for the peer script.
pub fn export_un(path: &std::path::Path) -> Result<()> {
    use std::io::Write as _;
    let snapshot =
        interdict_lists::load_bundled_dataset(UN).context("cannot load the bundled UN list")?;
    let mut out = std::io::BufWriter::new(
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
    );
    for e in &snapshot.entities {
        serde_json::to_writer(&mut out, e)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn build(entities: Vec<Entity>, what: &str) -> OurSearcher {
    let started = Instant::now();
    let n = entities.len();
    let referents = entities
        .iter()
        .filter(|e| e.referents.len() > 1)
        .flat_map(|e| e.referents.iter().cloned())
        .collect();
    let m = Matcher::build(entities);
    eprintln!(
        "index over {what}: {n} entities built in {:.2}s",
        started.elapsed().as_secs_f64()
    );
    OurSearcher(m, referents)
}

impl Engines for Ours {
    fn pair_scorer(&self) -> Result<Box<dyn PairScorer>> {
        Ok(Box::new(OurPairs))
    }

    fn un_searcher(&self) -> Result<(Box<dyn Searcher>, Vec<Listed>)> {
        let snapshot =
            interdict_lists::load_bundled_dataset(UN).context("cannot load the bundled UN list")?;
        let listed = snapshot
            .entities
            .iter()
            .filter(|e| e.schema == Schema::Person)
            .map(|e| Listed {
                id: e.id.clone(),
                names: e.names().map(|(_, n)| n.to_string()).collect(),
                birth_dates: e.get(prop::BIRTH_DATE).to_vec(),
            })
            .collect();
        Ok((Box::new(build(snapshot.entities, "the UN list")), listed))
    }

    fn all_searcher(&self) -> Result<Box<dyn Searcher>> {
        let started = Instant::now();
        let snapshots = interdict_lists::load_bundled().context("cannot load the bundled lists")?;
        eprintln!(
            "bundled lists parsed in {:.2}s",
            started.elapsed().as_secs_f64()
        );
        let entities: Vec<Entity> = snapshots.into_iter().flat_map(|s| s.entities).collect();
        // One merged entity per party, as `interdict match` answers by
        // default; a hit then counts for every record it stands for.
        // INTERDICT_EVAL_LINK=0 indexes every record instead (`--no-merge`).
        if std::env::var("INTERDICT_EVAL_LINK").as_deref() != Ok("0") {
            let started = Instant::now();
            let parties = interdict_link::link(&entities).parties;
            eprintln!(
                "{} records linked into {} parties in {:.2}s",
                entities.len(),
                parties.len(),
                started.elapsed().as_secs_f64()
            );
            return Ok(Box::new(build(parties, "all bundled lists, linked")));
        }
        Ok(Box::new(build(entities, "all bundled lists")))
    }
}
