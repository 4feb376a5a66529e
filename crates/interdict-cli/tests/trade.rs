//! "How much" and SQL from the binary: `flows`, `sql` with interdict's
//! functions, and declaration files screened through SQL, in process and on
//! a standalone Ballista cluster (the same answers).
#![cfg(feature = "ballista")]

use serde_json::Value;
use std::path::PathBuf;
mod common;
use common::{interdict, json, json_lines, stderr, stdout, store};

fn fixture(name: &str) -> String {
    let p: PathBuf = [
        env!("CARGO_MANIFEST_DIR"),
        "..",
        "interdict-trade",
        "tests",
        "fixtures",
        name,
    ]
    .iter()
    .collect();
    p.display().to_string()
}

#[test]
fn flows_on_a_real_comtrade_plus_file_gives_the_fixed_json_shape() {
    let s = store();
    let out = interdict(
        &[
            "flows",
            &fixture("comtradeplus_2023M_PRK.csv"),
            "--to",
            "kp",
            "--by",
            "month",
            "--format",
            "json",
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let v = json(&out);
    assert_eq!(v["destination"], "kp");
    assert_eq!(v["basket"], "un");
    assert_eq!(v["rejected_rows"], 0);
    let periods = v["periods"].as_array().expect("periods");
    assert!(!periods.is_empty());
    assert!(periods.iter().all(|p| p["total_usd"].as_f64().is_some()));
}

#[test]
fn sql_runs_the_goods_and_name_functions() {
    let s = store();
    let out = interdict(
        &[
            "sql",
            "SELECT hs_category('9101.11') AS c, controlled('9101.11', 'kp', '2023-01-01', 'UN') AS s, \
             screen_name('Korea Kwangson Banking Corporation', 'Company')['matched'] AS m",
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("prohibited"), "{text}");
    assert!(text.contains("true"), "{text}");
}

fn screen_declarations(engine: &str) -> Vec<Value> {
    let s = store();
    let out = interdict(
        &[
            "screen",
            "--engine",
            engine,
            "--jurisdiction",
            "un",
            &fixture("declarations_sample.csv"),
        ],
        &s,
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut rows = json_lines(&out);
    rows.sort_by_key(|r| r["declaration_id"].as_str().unwrap_or_default().to_string());
    rows
}

#[test]
fn declarations_are_screened_through_sql_the_same_in_process_and_on_ballista() {
    let local = screen_declarations("datafusion");
    assert_eq!(local.len(), 3);
    let by_id = |id: &str| local.iter().find(|r| r["declaration_id"] == id).expect(id);
    // Watches to the DPRK: a luxury good under the UN ban.
    assert_eq!(by_id("D-1")["decision"], "block");
    assert_eq!(by_id("D-1")["goods_UN"], "prohibited");
    // A UN-listed bank as consignee.
    let d2 = by_id("D-2");
    assert_eq!(d2["decision"], "block");
    assert_eq!(d2["consignee_hit"]["matched"], true);
    assert!(d2["reasons"].to_string().contains("consignee matches"));
    // Rice is not controlled.
    assert_eq!(by_id("D-3")["goods_UN"], "not_controlled");
    let distributed = screen_declarations("ballista");
    assert_eq!(local, distributed);
}

#[test]
fn bad_declaration_rows_stop_the_run_naming_file_line_and_field() {
    let s = store();
    let path = fixture("bad_rows.csv");
    let out = interdict(&["screen", "--engine", "datafusion", &path], &s);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("bad_rows.csv:"), "{err}");
    assert!(err.contains("--skip-bad-rows"), "{err}");
}

/// A free TCP port on the loopback interface.
fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// Ends a cluster process when the test ends, passed or failed.
struct Killed(std::process::Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The binary with `args` on `store`, as `common::interdict` runs it.
fn command(args: &[&str], store: &tempfile::TempDir) -> std::process::Command {
    let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_interdict"));
    c.env("INTERDICT_TODAY", "2026-05-15")
        .env_remove("INTERDICT_RECORD")
        .args(args)
        .arg("--store")
        .arg(store.path());
    c
}

fn spawn(args: &[&str], store: &tempfile::TempDir) -> Killed {
    Killed(
        command(args, store)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("the binary starts"),
    )
}

#[test]
fn flows_on_a_cluster_of_separate_processes_equal_flows_in_process() {
    let s = store();
    let sched = free_port();
    let mut scheduler = spawn(
        &[
            "cluster",
            "scheduler",
            "--bind",
            &format!("127.0.0.1:{sched}"),
            "--external-host",
            "127.0.0.1",
        ],
        &s,
    );
    // The processes load the lists before they listen; the executor
    // registers with the scheduler as it starts, so it starts once the
    // scheduler listens. A loaded machine can take minutes to start a debug
    // build; a process that exits ends the wait at once.
    wait_listening(&[sched], &mut [("scheduler", &mut scheduler)]);
    let (flight, grpc) = (free_port(), free_port());
    let mut executor = spawn(
        &[
            "cluster",
            "executor",
            "--scheduler",
            &format!("127.0.0.1:{sched}"),
            "--bind-host",
            "127.0.0.1",
            "--external-host",
            "127.0.0.1",
            "--port",
            &flight.to_string(),
            "--grpc-port",
            &grpc.to_string(),
            "--concurrent-tasks",
            "2",
        ],
        &s,
    );
    let file = fixture("comtradeplus_2023M_PRK.csv");
    let args = [
        "flows", &file, "--to", "kp", "--by", "month", "--format", "json",
    ];
    let local = interdict(&args, &s);
    assert!(local.status.success(), "{}", stderr(&local));
    let url = format!("df://127.0.0.1:{sched}");
    let mut remote_args = args.to_vec();
    remote_args.extend(["--engine", "ballista", "--cluster", &url]);
    // A query with no executor yet would wait: ask once the executor listens.
    wait_listening(
        &[flight, grpc],
        &mut [("scheduler", &mut scheduler), ("executor", &mut executor)],
    );
    std::thread::sleep(std::time::Duration::from_secs(2));
    let out = output_within(&remote_args, &s, std::time::Duration::from_secs(600));
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(json(&out), json(&local));
}

/// Waits until every port of `ports` on 127.0.0.1 accepts a connection;
/// fails at once if one of `processes` exits, and after ten minutes.
fn wait_listening(ports: &[u16], processes: &mut [(&str, &mut Killed)]) {
    let listening = |p: &u16| std::net::TcpStream::connect(("127.0.0.1", *p)).is_ok();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(600);
    while !ports.iter().all(listening) {
        for (name, p) in processes.iter_mut() {
            let exited = p.0.try_wait().expect("the process's state");
            assert!(exited.is_none(), "the {name} exited: {exited:?}");
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the cluster never listened"
        );
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

/// Runs the binary like `interdict`, killing it after `limit`.
fn output_within(
    args: &[&str],
    store: &tempfile::TempDir,
    limit: std::time::Duration,
) -> std::process::Output {
    let mut child = command(args, store)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let started = std::time::Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if started.elapsed() > limit {
            let _ = child.kill();
            panic!("no answer from the cluster within {limit:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    child.wait_with_output().expect("output")
}
