//! Integration tests of interdict-match, one binary with a module per area.

#[path = "integration/cases.rs"]
mod cases;
#[path = "integration/explain.rs"]
mod explain;
#[path = "integration/helpers.rs"]
mod helpers;
#[path = "integration/hostile.rs"]
mod hostile;
#[path = "integration/search.rs"]
mod search;
