//! IMO ship identification numbers: "IMO" and seven digits, the last a
//! check digit (SOLAS XI-1/3; IMO Resolution A.1117(30)): the first six
//! digits weighted 7, 6, 5, 4, 3, 2, summed, and the last digit of the sum.

use serde::Serialize;

/// Why a string is not a well-formed IMO number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "error", rename_all = "snake_case")]
pub enum ImoError {
    /// Seven digits, nothing else.
    #[error("an IMO number has 7 digits, {input:?} has {digits}")]
    WrongLength {
        /// As given.
        input: String,
        /// Digits found.
        digits: usize,
    },
    /// Something other than digits after the `IMO` prefix.
    #[error("{input:?} is not \"IMO\" followed by 7 digits")]
    NotDigits {
        /// As given.
        input: String,
    },
    /// The last digit disagrees with the weighted sum of the first six.
    #[error("IMO {number}: check digit is {found}, the first six digits give {expected} (IMO Res. A.1117(30))")]
    BadCheckDigit {
        /// The seven digits.
        number: String,
        /// The last digit as written.
        found: u32,
        /// The digit the first six give.
        expected: u32,
    },
}

impl interdict_model::Coded for ImoError {
    fn code(&self) -> interdict_model::ErrorCode {
        use interdict_model::ErrorCode;
        match self {
            ImoError::WrongLength { .. } => ErrorCode::ImoMalformed,
            ImoError::NotDigits { .. } => ErrorCode::ImoMalformed,
            ImoError::BadCheckDigit { .. } => ErrorCode::ImoMalformed,
        }
    }
}

/// The seven digits of an IMO number written `IMO 9114555`, `IMO9114555`
/// or `9114555`, checked.
pub fn parse(input: &str) -> Result<String, ImoError> {
    let digits = digits_of(input)?;
    let expected = check_digit(&digits);
    let found = digits.chars().last().and_then(|c| c.to_digit(10));
    match (expected, found) {
        (Some(e), Some(f)) if e == f => Ok(digits),
        (Some(e), Some(f)) => Err(ImoError::BadCheckDigit {
            number: digits,
            found: f,
            expected: e,
        }),
        _ => Err(ImoError::NotDigits {
            input: input.to_string(),
        }),
    }
}

/// The digits, without the `IMO` prefix and spacing, before the check.
pub fn digits_of(input: &str) -> Result<String, ImoError> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != ':' && *c != '.')
        .collect();
    let rest = match (compact.get(..3), compact.get(3..)) {
        (Some(prefix), Some(rest)) if prefix.eq_ignore_ascii_case("imo") => rest,
        _ => compact.as_str(),
    };
    if rest.is_empty() || !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(ImoError::NotDigits {
            input: input.to_string(),
        });
    }
    if rest.len() != 7 {
        return Err(ImoError::WrongLength {
            input: input.to_string(),
            digits: rest.len(),
        });
    }
    Ok(rest.to_string())
}

/// The check digit the first six of seven digits give.
pub fn check_digit(digits: &str) -> Option<u32> {
    let mut sum = 0;
    for (c, w) in digits.chars().take(6).zip((2..=7).rev()) {
        sum += c.to_digit(10)? * w;
    }
    Some(sum % 10)
}

/// Looks like an IMO number (the `IMO` prefix, or exactly seven digits),
/// whether or not its check digit is right.
pub fn looks_like(input: &str) -> bool {
    let t = input.trim();
    t.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("imo"))
        || (t.len() == 7 && t.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_resolution_example_and_listed_numbers_check() {
        // The widely published worked example 9074729 (9·7 + 0·6 + 7·5 +
        // 4·4 + 7·3 + 2·2 = 139, last digit 9).
        assert_eq!(parse("IMO 9074729").as_deref(), Ok("9074729"));
        assert_eq!(parse("imo9114555").as_deref(), Ok("9114555"));
        assert_eq!(parse("9114555").as_deref(), Ok("9114555"));
    }

    #[test]
    fn malformed_numbers_are_named() {
        assert_eq!(
            parse("IMO 9074728"),
            Err(ImoError::BadCheckDigit {
                number: "9074728".into(),
                found: 8,
                expected: 9
            })
        );
        assert!(matches!(
            parse("IMO 907472"),
            Err(ImoError::WrongLength { digits: 6, .. })
        ));
        assert!(matches!(
            parse("IMO 90747A9"),
            Err(ImoError::NotDigits { .. })
        ));
        assert!(matches!(parse("IMO"), Err(ImoError::NotDigits { .. })));
    }

    #[test]
    fn every_error_has_its_code() {
        use interdict_model::{Coded, ErrorCode};
        for e in [
            ImoError::WrongLength {
                input: "IMO 911455".into(),
                digits: 6,
            },
            ImoError::NotDigits {
                input: "IMO 91145x5".into(),
            },
            ImoError::BadCheckDigit {
                number: "9114556".into(),
                found: 6,
                expected: 5,
            },
        ] {
            assert_eq!(e.code(), ErrorCode::ImoMalformed, "{e}");
        }
    }
}
