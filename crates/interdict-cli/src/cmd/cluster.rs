//! `interdict cluster scheduler|executor`: the processes of a Ballista
//! cluster on several machines (`docs/SCALE.md`). Stock Ballista binaries
//! cannot run interdict's plans: these processes hold its SQL functions,
//! `screen_name` over the lists this binary loads among them.

use crate::cmd::declarations::EngineNames;
use crate::cmd::Context;
use anyhow::Context as _;
use clap::{Args, Subcommand};
use interdict_trade::{ExecutorOptions, NameScreen, Tables, TradeSession};
use std::net::SocketAddr;
use std::process::ExitCode;
use std::sync::Arc;

#[derive(Args)]
pub struct ClusterArgs {
    #[command(subcommand)]
    role: Role,
}

#[derive(Subcommand)]
enum Role {
    /// The scheduler: plans queries and hands tasks to executors.
    Scheduler {
        /// Address to listen on.
        #[arg(long, default_value = "0.0.0.0:50050")]
        bind: SocketAddr,
        /// The host name executors and clients reach this machine by.
        #[arg(long, default_value = "localhost")]
        external_host: String,
    },
    /// An executor: runs tasks; start one per machine.
    Executor {
        /// The scheduler, `host:port`.
        #[arg(long, default_value = "localhost:50050")]
        scheduler: String,
        /// Address to bind.
        #[arg(long, default_value = "0.0.0.0")]
        bind_host: String,
        /// The host name the scheduler and other executors reach this one by.
        #[arg(long)]
        external_host: Option<String>,
        /// Arrow Flight port (results and shuffles).
        #[arg(long, default_value_t = 50051)]
        port: u16,
        /// gRPC port.
        #[arg(long, default_value_t = 50052)]
        grpc_port: u16,
        /// Tasks run at once (cores to use).
        #[arg(long, default_value_t = 2)]
        concurrent_tasks: usize,
    },
}

pub fn run(ctx: &Context, args: ClusterArgs) -> anyhow::Result<ExitCode> {
    let tables = Arc::new(Tables::bundled().context("loading goods tables")?);
    let names: Arc<dyn NameScreen> = Arc::new(EngineNames(ctx.engine()?));
    match args.role {
        Role::Scheduler {
            bind,
            external_host,
        } => TradeSession::serve_scheduler(&tables, Some(names), bind, &external_host)?,
        Role::Executor {
            scheduler,
            bind_host,
            external_host,
            port,
            grpc_port,
            concurrent_tasks,
        } => {
            let (host, sport) = scheduler
                .rsplit_once(':')
                .with_context(|| format!("--scheduler {scheduler:?} is not host:port"))?;
            let sport: u16 = sport
                .parse()
                .with_context(|| format!("--scheduler {scheduler:?}: bad port"))?;
            let opts = ExecutorOptions {
                scheduler: (host.to_string(), sport),
                bind_host,
                external_host,
                port,
                grpc_port,
                concurrent_tasks,
            };
            TradeSession::serve_executor(&tables, Some(names), opts)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
