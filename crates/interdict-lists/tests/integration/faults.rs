//! Updates under network and integrity faults (docs/RELIABILITY.md): a
//! partial download, a file that is not the published one, a server that
//! stalls mid-body. Each is refused with its reason and leaves the current
//! snapshot and the store as they were. Kills and injected errors at each
//! step of the update are tested on the binary (interdict-cli
//! `update_faults`).

use crate::data;
use crate::update::{current_state, un_gz};
use interdict_lists::{update_with, ListError, Store, UpdateOptions};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// Serves one request on loopback with `respond`; returns the URL.
fn serve_once(respond: impl FnOnce(TcpStream) + Send + 'static) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let url = format!(
        "http://{}/consolidated.xml.gz",
        listener.local_addr().expect("address")
    );
    std::thread::spawn(move || {
        let Ok((stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream.try_clone().expect("clone"));
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok_and(|n| n > 0) && line != "\r\n" {
            line.clear();
        }
        respond(stream);
    });
    url
}

fn head(length: usize) -> String {
    format!("HTTP/1.1 200 OK\r\nContent-Length: {length}\r\nContent-Type: application/octet-stream\r\n\r\n")
}

/// A store whose current UN snapshot is the bundled file.
fn un_store() -> (tempfile::TempDir, Store) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("store"));
    let path = data("un_sc_sanctions_2026-02-27.xml.gz")
        .display()
        .to_string();
    update_with(&store, "un_sc_sanctions", &path, &UpdateOptions::default()).expect("accepted");
    (tmp, store)
}

/// Runs an update from `url`, checks the store is untouched, returns the error.
fn refused(store: &Store, url: &str, options: &UpdateOptions) -> ListError {
    let before = current_state(store, "un_sc_sanctions");
    let entries = || {
        std::fs::read_dir(store.root().join("un_sc_sanctions"))
            .expect("dir")
            .count()
    };
    let n = entries();
    let e = update_with(store, "un_sc_sanctions", url, options).expect_err("refused");
    assert_eq!(current_state(store, "un_sc_sanctions"), before);
    assert_eq!(entries(), n, "nothing left behind");
    e
}

#[test]
fn a_partial_download_is_refused() {
    let (_tmp, store) = un_store();
    let body = un_gz();
    let url = serve_once(move |mut s| {
        let _ = s.write_all(head(body.len()).as_bytes());
        let _ = s.write_all(&body[..body.len() / 2]);
        // The connection closes with half the promised body sent.
    });
    let e = refused(&store, &url, &UpdateOptions::default());
    assert!(matches!(e, ListError::Fetch { .. }), "{e}");
    assert!(
        e.to_string().starts_with(&format!("fetching {url}: ")),
        "{e}"
    );
}

#[test]
fn a_file_that_is_not_the_published_one_is_refused() {
    let (_tmp, store) = un_store();
    let mut body = un_gz();
    let published = "0".repeat(64);
    let url = serve_once(move |mut s| {
        let _ = s.write_all(head(body.len()).as_bytes());
        let _ = s.write_all(&body);
    });
    let options = UpdateOptions {
        sha256: Some(published.clone()),
        ..UpdateOptions::default()
    };
    let e = refused(&store, &url, &options);
    let ListError::Checksum {
        expected, found, ..
    } = &e
    else {
        panic!("expected a checksum error, got {e}");
    };
    assert_eq!(expected, &published);
    assert_eq!(found.len(), 64);
    assert_eq!(
        e.to_string(),
        format!("{url}: SHA-256 {found} is not the published {published}")
    );
    // The right checksum is accepted.
    body = un_gz();
    let url = serve_once(move |mut s| {
        let _ = s.write_all(head(body.len()).as_bytes());
        let _ = s.write_all(&body);
    });
    let options = UpdateOptions {
        sha256: Some(found.to_uppercase()),
        ..UpdateOptions::default()
    };
    update_with(&store, "un_sc_sanctions", &url, &options).expect("the published file");
}

#[test]
fn a_server_that_stalls_mid_body_times_out() {
    let (_tmp, store) = un_store();
    let body = un_gz();
    let url = serve_once(move |mut s| {
        let _ = s.write_all(head(body.len()).as_bytes());
        let _ = s.write_all(&body[..1000]);
        let _ = s.flush();
        // Stalls: never sends the rest, never closes (until the test ends).
        std::thread::sleep(Duration::from_secs(600));
    });
    let options = UpdateOptions {
        timeout: Duration::from_secs(2),
        ..UpdateOptions::default()
    };
    let e = refused(&store, &url, &options);
    assert!(matches!(e, ListError::Fetch { .. }), "{e}");
    assert!(e.to_string().contains("timeout"), "{e}");
}
