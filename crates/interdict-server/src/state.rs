//! The shared server state: the current index behind an atomic swap (a
//! rebuild never blocks requests; each request keeps the index it started
//! with), the load options to rebuild from, API keys, metrics, the audit
//! log and the watched assets.

use crate::error::{ApiError, ApiResult};
use crate::index::{Index, LoadError, LoadOptions};
use crate::keys::ApiKeys;
use crate::metrics::Metrics;
use crate::review::Review;
use arc_swap::ArcSwapOption;
use interdict_assets::Watchlist;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// What every request handler shares.
pub struct AppState {
    index: ArcSwapOption<Index>,
    /// What each (re)build loads.
    pub load: LoadOptions,
    /// Keys for the write and admin routes (`/updatez`).
    pub keys: ApiKeys,
    /// When not empty, every data route needs one of these keys.
    pub read_keys: ApiKeys,
    /// Request counts and latencies served at `/metrics`.
    pub metrics: Metrics,
    /// When the server started (for the uptime).
    pub started: Instant,
    /// The audit log: answers recorded, clears applied (`None`: no log).
    pub review: Option<Review>,
    /// Assets of interest: a shipment carrying one is flagged.
    pub watched_assets: Arc<Watchlist>,
    building: AtomicBool,
    last_error: Mutex<Option<String>>,
}

/// The state as the router and the handlers hold it.
pub type SharedState = Arc<AppState>;

/// Everything a state is made of besides its index.
pub struct StateOptions {
    /// What each (re)build loads.
    pub load: LoadOptions,
    /// Keys for the write and admin routes.
    pub keys: ApiKeys,
    /// Keys every data route needs (none: open, as in yente).
    pub read_keys: ApiKeys,
    /// The audit log, if answers are recorded or clears applied.
    pub review: Option<Review>,
    /// Assets of interest for `POST /screen`.
    pub watched_assets: Watchlist,
}

impl AppState {
    /// A state with open data routes and `keys` for the write and admin routes.
    pub fn new(load: LoadOptions, keys: ApiKeys) -> SharedState {
        AppState::with_read_keys(load, keys, ApiKeys::default())
    }

    /// A state whose data routes need one of `read_keys` (off when empty, as in yente).
    pub fn with_read_keys(load: LoadOptions, keys: ApiKeys, read_keys: ApiKeys) -> SharedState {
        AppState::from_options(StateOptions {
            load,
            keys,
            read_keys,
            review: None,
            watched_assets: Watchlist::default(),
        })
    }

    /// A state from all its options.
    pub fn from_options(o: StateOptions) -> SharedState {
        Arc::new(AppState {
            index: ArcSwapOption::empty(),
            load: o.load,
            keys: o.keys,
            read_keys: o.read_keys,
            metrics: Metrics::default(),
            started: Instant::now(),
            review: o.review,
            watched_assets: Arc::new(o.watched_assets),
            building: AtomicBool::new(false),
            last_error: Mutex::new(None),
        })
    }

    /// Serves `index`, built elsewhere (several states may share one).
    pub fn install(&self, index: Arc<Index>) {
        self.note_versions();
        self.index.store(Some(index));
    }

    /// Tells the audit log which snapshot versions the lists now served
    /// are; a store that cannot be read leaves them as they were.
    fn note_versions(&self) {
        let Some(review) = &self.review else { return };
        match interdict_review::record::store_versions(&self.load.store) {
            Ok(v) => review.set_versions(v),
            Err(e) => {
                tracing::warn!(error = %e, "cannot read the snapshot versions for the audit log")
            }
        }
    }

    /// The current index, or 503 while the first one is being built.
    pub fn index(&self) -> ApiResult<Arc<Index>> {
        self.index
            .load_full()
            .ok_or_else(|| ApiError::Unavailable("Index not ready.".into()))
    }

    /// Whether an index has been built (`/readyz` answers 200).
    pub fn is_ready(&self) -> bool {
        self.index.load().is_some()
    }

    /// Why the last build failed, if it did (cleared by a good build).
    pub fn last_error(&self) -> Option<String> {
        self.last_error.lock().ok().and_then(|e| e.clone())
    }

    /// Builds an index now and swaps it in (the old one serves until then).
    pub fn build_now(&self) -> Result<(), LoadError> {
        let result = Index::build(&self.load);
        match result {
            Ok(index) => {
                tracing::info!(
                    entities = index.graph.len(),
                    seconds = index.build_time.as_secs_f64(),
                    "index ready"
                );
                self.install(Arc::new(index));
                if let Ok(mut e) = self.last_error.lock() {
                    *e = None;
                }
                Ok(())
            }
            Err(err) => {
                tracing::error!(error = %err, "index build failed; the previous index keeps serving");
                if let Ok(mut e) = self.last_error.lock() {
                    *e = Some(err.to_string());
                }
                Err(err)
            }
        }
    }

    /// Starts a rebuild on its own thread unless one is running; returns
    /// false when one already was.
    pub fn spawn_build(self: &Arc<Self>) -> bool {
        if self.building.swap(true, Ordering::SeqCst) {
            return false;
        }
        let state = Arc::clone(self);
        std::thread::spawn(move || {
            let _ = state.build_now();
            state.building.store(false, Ordering::SeqCst);
        });
        true
    }
}
