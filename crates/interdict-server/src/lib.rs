//! interdict over HTTP. A drop-in for OpenSanctions' yente API (`/match`,
//! `/search`, `/entities`, `/catalog`, `/algorithms`, `/updatez`,
//! `/reconcile`), in yente's shapes, so yente clients work unchanged; plus
//! interdict's own goods, shipment and list endpoints.
//!
//! The server is thin over `interdict-engine`: it owns only HTTP concerns
//! (parameters, shapes, errors, limits), the catalogue of what is served
//! (yente's manifest format), and the FtM entity graph that yente's entity
//! routes need. The index is built once off the request path and swapped
//! atomically on update.

#![warn(missing_docs)]

pub mod api;
pub(crate) mod catalog;
pub(crate) mod error;
pub mod ftm;
pub(crate) mod graph;
pub(crate) mod index;
pub mod keys;
pub(crate) mod metrics;
pub(crate) mod params;
pub mod review;
pub(crate) mod state;

pub use api::{router, Limits};
pub use catalog::{CatalogError, Sources};
pub use index::{Index, LoadError, LoadOptions};
pub use keys::ApiKeys;
pub use review::Review;
pub use state::{AppState, SharedState, StateOptions};

use std::net::SocketAddr;

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound (in use, or not allowed).
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// Accepting or serving connections failed after the server started.
    #[error("server error: {0}")]
    Io(#[from] std::io::Error),
}

/// Listens on `addr`, starts building the index in the background
/// (`/readyz` answers 503 until it is ready) and serves until Ctrl-C or
/// SIGTERM, then stops accepting and drains the requests in flight.
pub async fn serve(addr: SocketAddr, state: SharedState, limits: Limits) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    let local = listener.local_addr()?;
    tracing::info!(%local, "listening; building the index");
    state.spawn_build();
    axum::serve(listener, router(state, limits))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
    tracing::info!("shutting down: draining requests in flight");
}
