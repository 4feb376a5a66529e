//! The same sessions on Apache DataFusion Ballista (feature `ballista`).
//!
//! Every Ballista process that plans or runs a query must know the interdict
//! functions: plans name them, and the scheduler and executors deserialize
//! plans against their own function registry. So each process is built from
//! a DataFusion session state that already holds them — in this process for
//! the standalone cluster, and in `interdict cluster scheduler|executor`
//! for a cluster on several machines (`docs/SCALE.md`).

use crate::error::TradeError;
use ballista::prelude::SessionContextExt;
use ballista_core::serde::protobuf::scheduler_grpc_client::SchedulerGrpcClient;
use datafusion::execution::SessionState;
use datafusion::prelude::SessionContext;
use std::net::SocketAddr;
use std::time::Duration;

fn failed(what: &str, e: impl std::fmt::Display) -> TradeError {
    TradeError::Cluster(format!("{what}: {e}"))
}

/// Task slots per executor: one, so `executors` executors use as many cores.
const SLOTS_PER_EXECUTOR: usize = 1;

/// A Ballista scheduler and `executors` executors in this process, built
/// from `state` (which holds the interdict functions); the returned context
/// sends its plans to that scheduler.
pub(crate) async fn standalone(
    state: SessionState,
    executors: usize,
) -> Result<SessionContext, TradeError> {
    let addr = ballista_scheduler::standalone::new_standalone_scheduler_from_state(&state)
        .await
        .map_err(|e| failed("starting the standalone scheduler", e))?;
    let url = scheduler_url(addr);
    let client = connect(&url).await?;
    for _ in 0..executors.max(1) {
        ballista_executor::new_standalone_executor_from_state(
            client.clone(),
            SLOTS_PER_EXECUTOR,
            &state,
        )
        .await
        .map_err(|e| failed("starting a standalone executor", e))?;
    }
    let state = ballista_core::extension::SessionStateExt::upgrade_for_ballista(state, url)
        .map_err(|e| failed("preparing the session for Ballista", e))?;
    Ok(SessionContext::new_with_state(state))
}

/// A context that sends its plans to the scheduler at `url`
/// (`df://host:port`).
pub(crate) async fn remote(state: SessionState, url: &str) -> Result<SessionContext, TradeError> {
    SessionContext::remote_with_state(url, state)
        .await
        .map_err(|e| failed(&format!("connecting to the scheduler {url}"), e))
}

fn scheduler_url(addr: SocketAddr) -> String {
    format!("http://localhost:{}", addr.port())
}

/// The in-process scheduler takes a moment to accept connections.
async fn connect(url: &str) -> Result<SchedulerGrpcClient<tonic::transport::Channel>, TradeError> {
    let mut last = None;
    for _ in 0..100 {
        match SchedulerGrpcClient::connect(url.to_string()).await {
            Ok(c) => return Ok(c),
            Err(e) => last = Some(e),
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Err(failed(
        &format!("connecting to the standalone scheduler {url}"),
        last.map(|e| e.to_string()).unwrap_or_default(),
    ))
}

/// A scheduler process for a cluster on several machines
/// (`interdict cluster scheduler`): serves until the process ends.
pub async fn serve_scheduler(
    state: SessionState,
    bind: SocketAddr,
    external_host: &str,
) -> Result<(), TradeError> {
    use ballista_scheduler::cluster::BallistaCluster;
    use ballista_scheduler::config::SchedulerConfig;
    // Every job's plans are resolved against this state, which holds the
    // interdict functions.
    let config = SchedulerConfig {
        bind_host: bind.ip().to_string(),
        bind_port: bind.port(),
        external_host: external_host.to_string(),
        override_session_builder: Some(std::sync::Arc::new(move |_| Ok(state.clone()))),
        ..SchedulerConfig::default()
    };
    let cluster = BallistaCluster::new_from_config(&config)
        .await
        .map_err(|e| failed("configuring the scheduler", e))?;
    ballista_scheduler::scheduler_process::start_server(cluster, bind, std::sync::Arc::new(config))
        .await
        .map_err(|e| failed("running the scheduler", e))
}

/// What an executor process needs (`interdict cluster executor`).
#[derive(Debug, Clone)]
pub struct ExecutorOptions {
    /// The scheduler's host and port.
    pub scheduler: (String, u16),
    /// The address to bind (`0.0.0.0` on a cluster).
    pub bind_host: String,
    /// The host name the scheduler and other executors reach this one by.
    pub external_host: Option<String>,
    /// The Arrow Flight port (results and shuffles).
    pub port: u16,
    /// The gRPC port.
    pub grpc_port: u16,
    /// Tasks run at once.
    pub concurrent_tasks: usize,
}

/// An executor process: registers with the scheduler and runs tasks until
/// the process ends. Its function registry holds the interdict functions.
pub async fn serve_executor(state: SessionState, opts: ExecutorOptions) -> Result<(), TradeError> {
    use ballista_core::registry::BallistaFunctionRegistry;
    use ballista_executor::executor_process::{start_executor_process, ExecutorProcessConfig};
    let config = ExecutorProcessConfig {
        scheduler_host: opts.scheduler.0,
        scheduler_port: opts.scheduler.1,
        bind_host: opts.bind_host,
        external_host: opts.external_host,
        port: opts.port,
        grpc_port: opts.grpc_port,
        vcores: opts.concurrent_tasks.max(1),
        override_function_registry: Some(std::sync::Arc::new(BallistaFunctionRegistry::from(
            &state,
        ))),
        ..ExecutorProcessConfig::default()
    };
    start_executor_process(std::sync::Arc::new(config))
        .await
        .map_err(|e| failed("running the executor", e))
}
