//! Times the year × category aggregate for one destination over a canonical
//! Parquet file or directory (written by the `generate` example).
//!
//! ```sh
//! cargo run --release -p interdict-trade --features engine --example bench_flows -- /tmp/trade/kp_mirror_generated_year.parquet
//! # the same on a standalone Ballista cluster of 2 executors
//! cargo run --release -p interdict-trade --features ballista --example bench_flows -- FILE --ballista 2
//! ```

use interdict_trade::{flows, By, Cluster, FlowsQuery, LoadOptions, Tables, TradeSession};
use std::sync::Arc;
use std::time::Instant;

fn cluster(args: &[String]) -> Result<Cluster, Box<dyn std::error::Error>> {
    match args.iter().position(|a| a == "--ballista") {
        None => Ok(Cluster::Embedded),
        #[cfg(feature = "ballista")]
        Some(i) => Ok(Cluster::Standalone {
            executors: args.get(i + 1).map_or(Ok(2), |n| n.parse())?,
        }),
        #[cfg(not(feature = "ballista"))]
        Some(_) => Err("--ballista needs the ballista feature".into()),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args
        .get(1)
        .cloned()
        .ok_or("usage: bench_flows FILE.parquet [--ballista EXECUTORS]")?;
    let cluster = cluster(&args)?;
    let t = Instant::now();
    let mut s = TradeSession::start(&cluster, Arc::new(Tables::bundled()?), None)?;
    println!("session on {cluster:?}: {:.2?}", t.elapsed());
    s.register("trade", &[path.into()], &LoadOptions::default())?;
    let t = Instant::now();
    let rows = s.sql("SELECT COUNT(*) FROM trade")?;
    println!(
        "count: {}\n{:.2?}",
        interdict_trade::pretty(&rows)?,
        t.elapsed()
    );
    let t = Instant::now();
    let q = "SELECT year, luxury_category(hs, 'kr') AS category, SUM(value_usd) AS usd \
             FROM (SELECT year, hs, SUM(value_usd) AS value_usd FROM trade \
                   WHERE destination = 'kp' GROUP BY year, hs) AS g \
             GROUP BY 1, 2 ORDER BY 1, 2";
    let out = s.sql(q)?;
    let n: usize = out.iter().map(|b| b.num_rows()).sum();
    println!("year x category: {n} groups in {:.2?}", t.elapsed());
    let t = Instant::now();
    let query = FlowsQuery {
        table: "trade".into(),
        destination: "kp".into(),
        from: vec![],
        by: By::Year,
        basket: "kr".into(),
        jurisdiction: "UN".into(),
    };
    let (report, _) = flows(&s, &query, 0)?;
    println!(
        "flows: {} periods in {:.2?}",
        report.periods.len(),
        t.elapsed()
    );
    Ok(())
}
