//! `interdict serve --record` refuses to start on an audit log that fails
//! verification, naming the entry (the requests it records are tested in
//! interdict-server's tests/review.rs).

mod common;

use common::{interdict, stderr, store};
use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Long enough for any machine to reach the refusal; a server that starts
/// instead is stopped and fails the test.
const HANG_GUARD: Duration = Duration::from_secs(300);

#[test]
fn a_broken_log_stops_the_server_before_it_listens() {
    let home = store();
    let o = interdict(
        &["goods", "cognac", "--destination", "kp", "--record"],
        &home,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let conn = rusqlite::Connection::open(home.path().join("audit.sqlite")).expect("open");
    conn.execute_batch(
        "DROP TRIGGER audit_no_update; UPDATE audit SET body = replace(body, 'cognac', 'brandy') WHERE seq = 1;",
    )
    .expect("edit");

    let mut server = Command::new(env!("CARGO_BIN_EXE_interdict"))
        .env_remove("INTERDICT_RECORD")
        .args(["serve", "--record", "--addr", "127.0.0.1:0", "--store"])
        .arg(home.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = server.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > HANG_GUARD {
            let _ = server.kill();
            panic!("the server started on a broken audit log");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let mut err = String::new();
    if let Some(mut pipe) = server.stderr.take() {
        pipe.read_to_string(&mut err).expect("stderr");
    }
    assert_eq!(status.code(), Some(1), "{err}");
    assert!(err.contains("entry 1: edited"), "{err}");
}
