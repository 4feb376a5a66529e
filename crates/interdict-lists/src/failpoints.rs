//! Named fail points in [`update`](crate::update), for the fault tests
//! (docs/RELIABILITY.md). Compiled in only with the `failpoints` feature,
//! which only test builds enable; otherwise [`hit`] is an empty function.
//!
//! `INTERDICT_FAIL_POINTS="update::after_staging=sleep(60000);update::parse=return"`
//! configures them (the `fail` crate's action syntax). A configured point
//! says `fail point <name> reached` on standard error before acting, so a
//! test knows when to kill the process.

use crate::error::ListError;

/// The points, in the order `update` passes them.
pub const POINTS: [&str; 5] = [
    "update::after_download",
    "update::parse",
    "update::after_staging",
    "update::swap",
    "update::after_swap",
];

#[cfg(feature = "failpoints")]
mod active {
    use super::ListError;
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    fn configured() -> &'static BTreeSet<String> {
        static NAMES: OnceLock<BTreeSet<String>> = OnceLock::new();
        NAMES.get_or_init(|| {
            let spec = std::env::var("INTERDICT_FAIL_POINTS").unwrap_or_default();
            let mut names = BTreeSet::new();
            for item in spec.split(';').filter(|s| !s.trim().is_empty()) {
                if let Some((name, actions)) = item.split_once('=') {
                    if fail::cfg(name.trim(), actions.trim()).is_ok() {
                        names.insert(name.trim().to_string());
                    }
                }
            }
            names
        })
    }

    pub fn hit(name: &str) -> Result<(), ListError> {
        if configured().contains(name) {
            eprintln!("fail point {name} reached");
        }
        fail::fail_point!(name, |_| Err(ListError::Injected(name.to_string())));
        Ok(())
    }
}

/// Passes the fail point `name`: an error if it is configured to `return`.
#[cfg(feature = "failpoints")]
pub(crate) fn hit(name: &str) -> Result<(), ListError> {
    active::hit(name)
}

/// Passes the fail point `name` (no fail points in this build).
#[cfg(not(feature = "failpoints"))]
#[inline(always)]
pub(crate) fn hit(_name: &str) -> Result<(), ListError> {
    Ok(())
}
