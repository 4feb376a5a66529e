//! Integration tests of the wired engine: the real lists, the real matcher,
//! the real goods rules and the real shipment rules together.

mod integration {
    pub mod assets;
    pub mod cases;
    pub mod labelled;
    pub mod search;
    pub mod support;
}
