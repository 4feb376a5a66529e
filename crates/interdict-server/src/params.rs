//! Query-string parameters read the way yente's (FastAPI's) parser reads
//! them: repeated keys are lists, booleans in any case (`True`, `false`,
//! `1`, `yes`), unknown keys ignored; a value that does not parse is a 422.

use crate::error::{ApiError, ApiResult};

/// The decoded pairs of one query string, in order.
#[derive(Debug, Default, Clone)]
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    pub fn parse(query: Option<&str>) -> Params {
        let pairs = query
            .map(|q| form_urlencoded::parse(q.as_bytes()).into_owned().collect())
            .unwrap_or_default();
        Params { pairs }
    }

    /// The last value of `key` (FastAPI keeps the last of repeated scalars).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of `key`, in order.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.pairs
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    }

    pub fn bool(&self, key: &str, default: bool) -> ApiResult<bool> {
        let Some(v) = self.get(key) else {
            return Ok(default);
        };
        match v.trim().to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" | "on" | "t" | "y" => Ok(true),
            "false" | "0" | "no" | "off" | "f" | "n" => Ok(false),
            _ => Err(ApiError::invalid(
                &["query", key],
                format!("Input should be a valid boolean, unable to interpret input {v:?}"),
            )),
        }
    }

    /// An integer within `min..=max`.
    pub fn int(&self, key: &str, default: usize, min: usize, max: usize) -> ApiResult<usize> {
        let Some(v) = self.get(key) else {
            return Ok(default);
        };
        let n: usize = v.trim().parse().map_err(|_| {
            ApiError::invalid(
                &["query", key],
                format!("Input should be a valid non-negative integer, got {v:?}"),
            )
        })?;
        if n < min || n > max {
            return Err(ApiError::invalid(
                &["query", key],
                format!("Input should be between {min} and {max}, got {n}"),
            ));
        }
        Ok(n)
    }

    /// A number within `[0, 1]`.
    pub fn unit(&self, key: &str, default: f64) -> ApiResult<f64> {
        let Some(v) = self.get(key) else {
            return Ok(default);
        };
        match v.trim().parse::<f64>() {
            Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
            _ => Err(ApiError::invalid(
                &["query", key],
                format!("Input should be a number between 0 and 1, got {v:?}"),
            )),
        }
    }

    /// A timestamp `YYYY-MM-DD[THH[:MM[:SS]]]` (yente's pattern).
    pub fn timestamp(&self, key: &str) -> ApiResult<Option<String>> {
        let Some(v) = self.get(key) else {
            return Ok(None);
        };
        if is_timestamp(v) {
            Ok(Some(v.to_string()))
        } else {
            Err(ApiError::invalid(
                &["query", key],
                format!("String should match pattern YYYY-MM-DD[THH[:MM[:SS]]], got {v:?}"),
            ))
        }
    }
}

fn is_timestamp(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    let date = b.len() >= 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10);
    match b.len() {
        10 => date,
        13 => date && b[10] == b'T' && digits(11..13),
        16 => date && b[10] == b'T' && digits(11..13) && b[13] == b':' && digits(14..16),
        19 => {
            date && b[10] == b'T'
                && digits(11..13)
                && b[13] == b':'
                && digits(14..16)
                && b[16] == b':'
                && digits(17..19)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn booleans_in_any_case_and_lists() {
        let p = Params::parse(Some("nested=True&x=1&x=2&fuzzy=FALSE"));
        assert!(p.bool("nested", false).is_ok_and(|b| b));
        assert!(p.bool("fuzzy", true).is_ok_and(|b| !b));
        assert_eq!(p.all("x"), ["1", "2"]);
        assert!(Params::parse(Some("nested=maybe"))
            .bool("nested", true)
            .is_err());
    }

    #[test]
    fn timestamps_follow_the_pattern() {
        assert!(is_timestamp("2099-01-01T00:00"));
        assert!(is_timestamp("2024-05-03"));
        assert!(!is_timestamp("2024-5-3"));
    }
}
