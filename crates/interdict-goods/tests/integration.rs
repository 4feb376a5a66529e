//! One integration-test binary for interdict-goods; one module per area.
mod integration {
    mod bad_input;
    mod classify;
    mod data;
    pub mod helpers;
    mod labelled;
    mod verdicts;
}
