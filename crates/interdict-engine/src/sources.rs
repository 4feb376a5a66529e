//! The list snapshots an answer rests on, and their staleness: a screening
//! resting on a list older than [`STALE_AFTER_DAYS`] carries a warning.

use crate::LoadedDataset;
use interdict_model::PartialDate;
use serde::Serialize;

/// A snapshot older than this many days makes an answer stale: sanctions
/// lists change weekly, and a quarter without an update means parties
/// designated since are missed.
pub const STALE_AFTER_DAYS: i64 = 90;

/// One source list of an answer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceSnapshot {
    /// Catalogue name of the dataset (e.g. `us_ofac_sdn`).
    pub dataset: String,
    /// ISO date of the snapshot (empty if unknown).
    pub snapshot_date: String,
    /// Days from the snapshot to the day of the answer (None if undated).
    pub age_days: Option<i64>,
    /// Whether `age_days` exceeds [`STALE_AFTER_DAYS`].
    pub stale: bool,
}

impl SourceSnapshot {
    /// The warning an answer resting on this snapshot carries, if stale.
    pub fn warning(&self) -> Option<String> {
        self.stale.then(|| {
            format!(
                "rests on the {} snapshot of {}, {} days old (more than {STALE_AFTER_DAYS}); update it with `interdict lists update {}`",
                self.dataset,
                self.snapshot_date,
                self.age_days.unwrap_or_default(),
                self.dataset
            )
        })
    }
}

fn age(snapshot_date: &str, today: PartialDate) -> Option<i64> {
    let day: PartialDate = snapshot_date.get(..10)?.parse().ok()?;
    Some(today.day_number() - day.day_number())
}

/// The loaded snapshot of each of `wanted` (in the order given, once each).
pub(crate) fn of(
    loaded: &[LoadedDataset],
    wanted: &[String],
    today: PartialDate,
) -> Vec<SourceSnapshot> {
    let mut out: Vec<SourceSnapshot> = Vec::new();
    for name in wanted {
        if out.iter().any(|s| &s.dataset == name) {
            continue;
        }
        let date = loaded
            .iter()
            .find(|d| &d.info.name == name)
            .map_or("", |d| d.info.snapshot_date.as_str());
        let age_days = age(date, today);
        out.push(SourceSnapshot {
            dataset: name.clone(),
            snapshot_date: date.to_string(),
            age_days,
            stale: age_days.is_some_and(|a| a > STALE_AFTER_DAYS),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use interdict_lists::SnapshotStats;
    use interdict_model::DatasetInfo;

    fn loaded(name: &str, date: &str) -> LoadedDataset {
        LoadedDataset {
            info: DatasetInfo {
                name: name.into(),
                title: String::new(),
                publisher: String::new(),
                snapshot_date: date.into(),
                source_url: String::new(),
            },
            stats: SnapshotStats::default(),
        }
    }

    #[test]
    fn snapshots_older_than_ninety_days_are_stale() {
        let lists = [loaded("a", "2026-01-01"), loaded("b", "2025-09-01")];
        let today: PartialDate = "2026-03-31".parse().expect("date");
        let wanted = ["b".to_string(), "a".to_string(), "b".to_string()];
        let s = of(&lists, &wanted, today);
        assert_eq!(s.len(), 2);
        assert_eq!((s[0].dataset.as_str(), s[0].age_days), ("b", Some(211)));
        assert!(s[0].stale);
        assert!(s[0].warning().is_some_and(|w| w.contains("211 days old")));
        assert_eq!(s[1].age_days, Some(89));
        assert!(!s[1].stale);
        assert_eq!(s[1].warning(), None);
    }
}
