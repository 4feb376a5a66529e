//! One integration-test binary for interdict-goods; one module per area.
#![allow(clippy::unwrap_used)] // tests may unwrap: a panic is the failure report
mod integration {
    mod bad_input;
    mod classify;
    mod data;
    pub mod helpers;
    mod hostile;
    mod labelled;
    mod verdicts;
}
