//! Dates that carry their precision: a listed birth date may be a day, a
//! month or only a year, and comparing them must respect that.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DatePrecision {
    /// Only the year is known.
    Year,
    /// Year and month are known.
    Month,
    /// The full date is known.
    Day,
}

/// A date known to year, month or day precision, written `YYYY[-MM[-DD]]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// The year.
    pub year: u16,
    /// The month, 1–12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (only with a month).
    pub day: Option<u8>,
}

/// A string that is not a valid `YYYY[-MM[-DD]]` date.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("invalid date {input:?}: {reason}")]
pub struct DateError {
    /// The string as given.
    pub input: String,
    /// What is wrong with it.
    pub reason: &'static str,
}

impl PartialDate {
    /// How much of the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// True when the two dates can be the same day at their shared precision
    /// (`1984` agrees with `1984-01-08`; `1984-02` does not).
    pub fn agrees_with(&self, other: &PartialDate) -> bool {
        self.year == other.year && opt_eq(self.month, other.month) && opt_eq(self.day, other.day)
    }

    /// Whole days from 0000-03-01 to this date (month/day default to the
    /// first), for computing gaps between dated events.
    pub fn day_number(&self) -> i64 {
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month.unwrap_or(1)),
            i64::from(self.day.unwrap_or(1)),
        );
        // Days-from-civil (H. Hinnant), valid for the proleptic Gregorian calendar.
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe
    }

    /// The day-precision date of a [`PartialDate::day_number`] (its inverse),
    /// or `None` outside the years 0000–9999.
    pub fn from_day_number(n: i64) -> Option<PartialDate> {
        // Civil-from-days (H. Hinnant), proleptic Gregorian.
        let era = n.div_euclid(146_097);
        let doe = n - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Some(PartialDate {
            year: u16::try_from(year).ok().filter(|y| *y <= 9999)?,
            month: Some(u8::try_from(month).ok()?),
            day: Some(u8::try_from(day).ok()?),
        })
    }

    /// Today (UTC) from the system clock.
    pub fn today() -> PartialDate {
        /// `day_number` of 1970-01-01.
        const UNIX_EPOCH_DAY: i64 = 719_468;
        let days = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() / 86_400);
        let n = i64::try_from(days).unwrap_or(0) + UNIX_EPOCH_DAY;
        PartialDate::from_day_number(n).unwrap_or(PartialDate {
            year: 1970,
            month: Some(1),
            day: Some(1),
        })
    }
}

fn opt_eq(a: Option<u8>, b: Option<u8>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a == b,
        _ => true,
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl FromStr for PartialDate {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = |reason| DateError {
            input: s.to_string(),
            reason,
        };
        let mut parts = s.trim().splitn(3, '-');
        let year_str = parts.next().unwrap_or_default();
        if year_str.len() != 4 || !year_str.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err("the year must be four digits"));
        }
        let year: u16 = year_str.parse().map_err(|_| err("bad year"))?;
        let month = match parts.next() {
            None => None,
            Some(m) => match m.parse::<u8>() {
                Ok(m @ 1..=12) => Some(m),
                _ => return Err(err("the month must be 01 to 12")),
            },
        };
        let day = match (parts.next(), month) {
            (None, _) => None,
            (Some(d), Some(m)) => match d.parse::<u8>() {
                Ok(d) if d >= 1 && d <= days_in_month(year, m) => Some(d),
                _ => return Err(err("no such day in that month")),
            },
            (Some(_), None) => return Err(err("a day needs a month")),
        };
        Ok(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().expect("valid date")
    }

    #[test]
    fn parses_each_precision() {
        assert_eq!(d("1984").precision(), DatePrecision::Year);
        assert_eq!(d("1984-01").precision(), DatePrecision::Month);
        assert_eq!(d("1984-01-08").precision(), DatePrecision::Day);
        assert_eq!(d("1984-01-08").to_string(), "1984-01-08");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!("2023-02-30".parse::<PartialDate>().is_err());
        assert!("2023-13".parse::<PartialDate>().is_err());
        assert!("84".parse::<PartialDate>().is_err());
        assert!("2024-02-29".parse::<PartialDate>().is_ok());
        assert!("2023-02-29".parse::<PartialDate>().is_err());
    }

    #[test]
    fn agreement_respects_precision() {
        assert!(d("1984").agrees_with(&d("1984-01-08")));
        assert!(!d("1984-02").agrees_with(&d("1984-01-08")));
        assert!(!d("1982").agrees_with(&d("1984")));
    }

    #[test]
    fn day_numbers_round_trip() {
        for s in ["1970-01-01", "2000-02-29", "2018-10-19", "1944-10-13"] {
            assert_eq!(PartialDate::from_day_number(d(s).day_number()), Some(d(s)));
        }
        assert!(PartialDate::today().year >= 2024);
    }

    #[test]
    fn day_numbers_count_days() {
        assert_eq!(
            d("2018-10-19").day_number() - d("2018-10-01").day_number(),
            18
        );
        assert_eq!(
            d("2024-03-01").day_number() - d("2024-02-28").day_number(),
            2
        );
    }
}
