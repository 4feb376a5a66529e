//! Real yente clients against the real binary: starts `interdict serve` on
//! a free loopback port with yente's `zala` fixture beside the bundled
//! lists, then runs `clients/test_clients.py` (OpenSanctions' `yente-client`
//! SDK and nomenklatura's `YenteEnricher`: match, fetch, follow a referent).
//!
//! Needs the `interdict` binary beside this test's (`cargo build -p
//! interdict-cli`, or `INTERDICT_BIN`) and a Python with `yente-client` and
//! `nomenklatura` (`INTERDICT_PYTHON`, default `python3`). When either is
//! missing the test says so and passes, unless `INTERDICT_REQUIRE_CLIENTS=1`
//! (set by CI after installing them): then it fails.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How long the server may take to load and index the bundled lists (a
/// debug build on a busy machine is slow; this bounds a hang only).
const STARTUP: Duration = Duration::from_secs(300);
/// The client script's exit code for "a client package is missing".
const SKIP: i32 = 77;

struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn required() -> bool {
    std::env::var("INTERDICT_REQUIRE_CLIENTS").is_ok_and(|v| v == "1")
}

fn skip(why: &str) {
    assert!(!required(), "INTERDICT_REQUIRE_CLIENTS=1 but {why}");
    eprintln!("skipping the client test: {why}");
}

fn binary() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("INTERDICT_BIN") {
        return Some(PathBuf::from(p));
    }
    let exe = std::env::current_exe().ok()?;
    let dir = exe.parent()?.parent()?;
    let bin = dir.join(format!("interdict{}", std::env::consts::EXE_SUFFIX));
    bin.exists().then_some(bin)
}

fn free_port() -> Option<u16> {
    TcpListener::bind("127.0.0.1:0")
        .ok()?
        .local_addr()
        .ok()
        .map(|a| a.port())
}

/// GET over a plain TCP socket; the status code, if any answer came.
fn status(port: u16, path: &str) -> Option<u16> {
    use std::io::{Read, Write};
    let mut s = std::net::TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut head = [0u8; 12];
    s.read_exact(&mut head).ok()?;
    std::str::from_utf8(&head[9..12]).ok()?.parse().ok()
}

#[test]
fn yente_clients_work_unchanged() {
    let Some(bin) = binary() else {
        return skip("the interdict binary is not built (cargo build -p interdict-cli)");
    };
    let python = std::env::var("INTERDICT_PYTHON").unwrap_or_else(|_| "python3".into());
    let Some(port) = free_port() else {
        return skip("no free loopback port");
    };
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let zala = manifest_dir.join("tests/fixtures/zala.ftm.json.gz");
    let store = std::env::temp_dir().join(format!("interdict-clients-store-{port}"));
    let server = Command::new(&bin)
        .arg("--store")
        .arg(&store)
        .arg("--dataset-file")
        .arg(format!("zala={}", zala.display()))
        .args(["serve", "--addr", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    let _server = match server {
        Ok(c) => Child(c),
        Err(e) => panic!("cannot start {}: {e}", bin.display()),
    };
    let started = Instant::now();
    while status(port, "/readyz") != Some(200) {
        assert!(
            started.elapsed() < STARTUP,
            "the server was not ready within {STARTUP:?}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let script = manifest_dir.join("tests/clients/test_clients.py");
    let out = Command::new(&python)
        .arg(&script)
        .env("INTERDICT_URL", format!("http://127.0.0.1:{port}"))
        .output();
    let out = match out {
        Ok(o) => o,
        Err(e) => return skip(&format!("cannot run {python}: {e}")),
    };
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    if out.status.code() == Some(SKIP) {
        return skip(&format!("a client package is missing: {text}"));
    }
    assert!(out.status.success(), "client checks failed:\n{text}");
    assert!(text.contains("all client checks passed"), "{text}");
    let _ = std::fs::remove_dir_all(&store);
}
