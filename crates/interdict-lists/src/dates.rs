//! Date spellings the lists use, turned into ISO dates whose length is their
//! precision (`1984`, `1984-01`, `1984-01-08`), validated with
//! [`PartialDate`]. Owns no list format: the parsers pick which helper fits.

use interdict_model::PartialDate;

/// The widest year range expanded into single years; wider ones are kept as
/// notes only (they carry little information and would bloat the entity).
pub(crate) const MAX_RANGE_YEARS: u16 = 30;

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Oct`, `October`, `Sept` → 10 etc.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let pos = MONTHS.iter().position(|m| w.starts_with(m))?;
    u8::try_from(pos + 1).ok()
}

/// Validates `YYYY[-MM[-DD]]` and returns it normalised.
pub(crate) fn iso(s: &str) -> Option<String> {
    s.trim().parse::<PartialDate>().ok().map(|d| d.to_string())
}

/// The date part of an ISO date-time (`2026-02-27T00:00:09Z` → `2026-02-27`).
pub(crate) fn iso_of_datetime(s: &str) -> Option<String> {
    iso(s.trim().get(..10)?)
}

/// `13 Oct 1944`, `Oct 1944`, `1944` (OFAC style) → ISO with precision.
pub(crate) fn day_month_year(s: &str) -> Option<String> {
    let parts: Vec<&str> = s.split_whitespace().collect();
    let out = match parts.as_slice() {
        [y] => (*y).to_string(),
        [m, y] => format!("{y}-{:02}", month_number(m)?),
        [d, m, y] => format!("{y}-{:02}-{:02}", month_number(m)?, d.parse::<u8>().ok()?),
        _ => return None,
    };
    iso(&out)
}

/// `29/06/2012` → `2012-06-29`.
pub(crate) fn dd_mm_yyyy(s: &str) -> Option<String> {
    let mut it = s.trim().split('/');
    let (d, m, y) = (it.next()?, it.next()?, it.next()?);
    if it.next().is_some() {
        return None;
    }
    iso(&format!("{y}-{m:0>2}-{d:0>2}"))
}

/// Every year from `from` to `to`, if the range is sane.
pub(crate) fn year_range(from: u16, to: u16) -> Option<Vec<String>> {
    if from > to || to - from > MAX_RANGE_YEARS || from < 1000 {
        return None;
    }
    Some((from..=to).map(|y| format!("{y:04}")).collect())
}

/// Today's date (UTC) as `YYYY-MM-DD`.
pub(crate) fn today() -> String {
    interdict_model::PartialDate::today().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ofac_dates_keep_their_precision() {
        assert_eq!(day_month_year("13 Oct 1944").as_deref(), Some("1944-10-13"));
        assert_eq!(day_month_year("Oct 1944").as_deref(), Some("1944-10"));
        assert_eq!(day_month_year("1944").as_deref(), Some("1944"));
        assert_eq!(day_month_year("31 Feb 1944"), None);
        assert_eq!(day_month_year("circa 1944"), None);
    }

    #[test]
    fn slashed_dates_and_ranges() {
        assert_eq!(dd_mm_yyyy("9/6/2012").as_deref(), Some("2012-06-09"));
        assert_eq!(dd_mm_yyyy("29/13/2012"), None);
        assert_eq!(year_range(1951, 1953).map(|v| v.len()), Some(3));
        assert_eq!(year_range(1900, 1990), None);
    }

    #[test]
    fn today_is_a_valid_date() {
        assert!(iso(&today()).is_some());
    }
}
