//! Times the year × category aggregate for one destination over a canonical
//! Parquet file or directory (written by the `generate` example).
//!
//! ```sh
//! cargo run --release -p interdict-trade --example bench_flows -- /tmp/trade/kp_mirror_generated_year.parquet
//! ```

use interdict_trade::{flows, By, FlowsQuery, LoadOptions, TradeSession};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args()
        .nth(1)
        .ok_or("usage: bench_flows FILE.parquet")?;
    let s = TradeSession::embedded()?;
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
