//! Prometheus text metrics: requests and latency histograms per route and
//! status, plus index size and list snapshot ages (written at scrape time).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::time::Duration;

/// Upper bounds of the latency buckets, in seconds.
const BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0,
];

#[derive(Default, Clone)]
struct Series {
    count: u64,
    sum: f64,
    buckets: [u64; BUCKETS.len()],
}

#[derive(Default)]
pub struct Metrics {
    /// (method, route template, status) → latencies.
    series: Mutex<BTreeMap<(String, String, u16), Series>>,
}

impl Metrics {
    pub fn observe(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        let Ok(mut map) = self.series.lock() else {
            return;
        };
        let s = map
            .entry((method.to_string(), route.to_string(), status))
            .or_default();
        s.count += 1;
        s.sum += secs;
        for (i, b) in BUCKETS.iter().enumerate() {
            if secs <= *b {
                s.buckets[i] += 1;
            }
        }
    }

    /// The request series in Prometheus text format.
    pub fn render(&self, out: &mut String) {
        let map = match self.series.lock() {
            Ok(m) => m.clone(),
            Err(_) => return,
        };
        out.push_str("# HELP interdict_http_requests_total HTTP requests by route and status.\n");
        out.push_str("# TYPE interdict_http_requests_total counter\n");
        for ((m, r, s), v) in &map {
            let _ = writeln!(
                out,
                "interdict_http_requests_total{{method=\"{m}\",route=\"{r}\",status=\"{s}\"}} {}",
                v.count
            );
        }
        out.push_str("# HELP interdict_http_request_duration_seconds Request latency by route.\n");
        out.push_str("# TYPE interdict_http_request_duration_seconds histogram\n");
        for ((m, r, s), v) in &map {
            let labels = format!("method=\"{m}\",route=\"{r}\",status=\"{s}\"");
            for (i, b) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "interdict_http_request_duration_seconds_bucket{{{labels},le=\"{b}\"}} {}",
                    v.buckets[i]
                );
            }
            let _ = writeln!(
                out,
                "interdict_http_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                v.count
            );
            let _ = writeln!(
                out,
                "interdict_http_request_duration_seconds_sum{{{labels}}} {}",
                v.sum
            );
            let _ = writeln!(
                out,
                "interdict_http_request_duration_seconds_count{{{labels}}} {}",
                v.count
            );
        }
    }
}

/// One gauge line with its help and type.
pub fn gauge(out: &mut String, name: &str, help: &str, rows: &[(String, f64)]) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge");
    for (labels, v) in rows {
        if labels.is_empty() {
            let _ = writeln!(out, "{name} {v}");
        } else {
            let _ = writeln!(out, "{name}{{{labels}}} {v}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histogram_counts_and_buckets() {
        let m = Metrics::default();
        m.observe("POST", "/match/{dataset}", 200, Duration::from_millis(3));
        m.observe("POST", "/match/{dataset}", 200, Duration::from_millis(30));
        let mut out = String::new();
        m.render(&mut out);
        assert!(out.contains(
            "interdict_http_requests_total{method=\"POST\",route=\"/match/{dataset}\",status=\"200\"} 2"
        ));
        assert!(out.contains("le=\"0.005\"} 1"));
        assert!(out.contains("le=\"+Inf\"} 2"));
    }
}
