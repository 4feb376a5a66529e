//! Plain-text tables and small formatting helpers for terminal output.

use interdict_model::PartialDate;
use std::time::{SystemTime, UNIX_EPOCH};

/// Renders rows as a left-aligned text table with a header rule.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            if i < widths.len() {
                widths[i] = widths[i].max(cell.chars().count());
            }
        }
    }
    let line = |cells: Vec<&str>| {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            s.push_str(c);
            if i + 1 < cells.len() {
                s.push_str(&" ".repeat(pad + 2));
            }
        }
        s.trim_end().to_string()
    };
    let mut out = line(header.to_vec());
    out.push('\n');
    out.push_str(&line(widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().iter().map(String::as_str).collect()));
    out.push('\n');
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
        out.push('\n');
    }
    out
}

/// Today's date (UTC) from the system clock.
pub fn today() -> PartialDate {
    let days = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() / 86_400);
    civil_from_unix_days(i64::try_from(days).unwrap_or(0))
}

/// Converts days since 1970-01-01 to a calendar date (H. Hinnant's algorithm).
fn civil_from_unix_days(z: i64) -> PartialDate {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    PartialDate {
        year: u16::try_from(year).unwrap_or(0),
        month: u8::try_from(month).ok(),
        day: u8::try_from(day).ok(),
    }
}

/// Days from `date` (an ISO date, any precision) to today, if it parses.
pub fn age_in_days(date: &str) -> Option<i64> {
    let d: PartialDate = date.get(..10.min(date.len()))?.parse().ok()?;
    Some(today().day_number() - d.day_number())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unix_days_convert_to_dates() {
        assert_eq!(civil_from_unix_days(0).to_string(), "1970-01-01");
        assert_eq!(civil_from_unix_days(19_782).to_string(), "2024-02-29");
    }

    #[test]
    fn table_aligns_columns() {
        let t = table(&["a", "bb"], &[vec!["xxx".into(), "y".into()]]);
        assert_eq!(t, "a    bb\n---  --\nxxx  y\n");
    }
}
