//! Limits on what one query or record may hold, so a hostile input is
//! refused by name, quickly, instead of making the matcher slow.
//!
//! Owns the figures and the check; the query and shipment validators call it
//! so a name over a limit is refused (an error record), never silently
//! searched as nothing.

/// Longest name searched, in characters: 2.6 times the longest name on the
/// bundled lists (383 characters, an OFAC entry naming the Russian Ministry
/// of Defence with its units).
pub const MAX_NAME_CHARS: usize = 1_000;

/// Most whitespace-separated parts in one name: nearly twice the most on the
/// bundled lists (56, the same entry).
pub const MAX_NAME_PARTS: usize = 100;

/// Why a name is over a limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameLimit {
    /// Too many characters.
    #[error("the name has {found} characters; at most {MAX_NAME_CHARS} are searched")]
    TooLong {
        /// Characters in the name.
        found: usize,
    },
    /// Too many parts.
    #[error("the name has {found} parts; at most {MAX_NAME_PARTS} are searched")]
    TooManyParts {
        /// Whitespace-separated parts in the name.
        found: usize,
    },
}

/// Checks one name against [`MAX_NAME_CHARS`] and [`MAX_NAME_PARTS`].
pub fn check_name(name: &str) -> Result<(), NameLimit> {
    // Counting stops just past the limit: the check costs the same on a
    // gigabyte name as on a short one.
    let chars = name.chars().take(MAX_NAME_CHARS + 1).count();
    if chars > MAX_NAME_CHARS {
        return Err(NameLimit::TooLong {
            found: name.chars().count(),
        });
    }
    let parts = name.split_whitespace().count();
    if parts > MAX_NAME_PARTS {
        return Err(NameLimit::TooManyParts { found: parts });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_at_the_limits_pass_and_over_them_fail() {
        assert_eq!(check_name(&"a".repeat(MAX_NAME_CHARS)), Ok(()));
        assert_eq!(
            check_name(&"a".repeat(10_000)),
            Err(NameLimit::TooLong { found: 10_000 })
        );
        assert_eq!(check_name(&vec!["ab"; MAX_NAME_PARTS].join(" ")), Ok(()));
        let many = vec!["a"; 101].join(" ");
        assert_eq!(
            check_name(&many),
            Err(NameLimit::TooManyParts { found: 101 })
        );
        assert_eq!(
            check_name(&many).map_err(|e| e.to_string()),
            Err("the name has 101 parts; at most 100 are searched".into())
        );
    }
}
