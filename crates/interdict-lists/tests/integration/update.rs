//! Verified, atomic updates from a local HTTP server on loopback, and diffs.

use crate::data;
use interdict_lists::{diff, load_dataset, update, ListError, Store};
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;

/// Serves `routes` (path → body) on 127.0.0.1 for at most `requests`
/// requests; unknown paths get 404. Returns the base URL.
pub fn serve(routes: Vec<(&'static str, Vec<u8>)>, requests: usize) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().take(requests) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().expect("clone stream"));
            let mut request_line = String::new();
            if reader.read_line(&mut request_line).is_err() {
                continue;
            }
            loop {
                let mut header = String::new();
                match reader.read_line(&mut header) {
                    Ok(0) | Err(_) => break,
                    Ok(_) if header == "\r\n" => break,
                    Ok(_) => {}
                }
            }
            let path = request_line.split_whitespace().nth(1).unwrap_or("/");
            let (status, body) = match routes.iter().find(|(p, _)| *p == path) {
                Some((_, body)) => ("200 OK", body.clone()),
                None => ("404 Not Found", b"not found".to_vec()),
            };
            let head = format!(
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

/// The UN list, gzip-compressed as bundled.
pub fn un_gz() -> Vec<u8> {
    std::fs::read(data("un_sc_sanctions_2026-02-27.xml.gz")).expect("bundled UN list")
}

/// The UN list as plain XML.
pub fn un_xml() -> String {
    let mut out = String::new();
    let gz = un_gz();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut out)
        .expect("gunzip");
    out
}

/// The UN XML with only the first `keep` INDIVIDUAL records (and every entity).
pub fn un_xml_keeping(keep: usize) -> String {
    let xml = un_xml();
    let mut out = String::new();
    let mut rest = xml.as_str();
    let mut seen = 0;
    while let Some(start) = rest.find("<INDIVIDUAL>") {
        let end =
            rest[start..].find("</INDIVIDUAL>").expect("closed") + start + "</INDIVIDUAL>".len();
        out.push_str(&rest[..start]);
        if seen < keep {
            out.push_str(&rest[start..end]);
        }
        seen += 1;
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Pointer and data bytes of the current snapshot, to prove it is untouched.
pub fn current_state(store: &Store, dataset: &str) -> (String, Vec<u8>) {
    let current = store
        .current(dataset)
        .expect("readable store")
        .expect("a current snapshot");
    let pointer =
        std::fs::read_to_string(store.root().join(dataset).join("current")).expect("pointer");
    (pointer, std::fs::read(&current.path).expect("current data"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p.display().to_string()
}

#[test]
fn update_over_http_swaps_atomically_and_keeps_the_previous() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("store"));
    let reduced = un_xml_keeping(700).into_bytes();
    let base = serve(
        vec![
            ("/consolidated.xml.gz", un_gz()),
            ("/consolidated.xml", reduced),
        ],
        3,
    );

    // First update: the same list as bundled, over HTTP.
    let r = update(
        &store,
        "un_sc_sanctions",
        &format!("{base}/consolidated.xml.gz"),
        0.10,
    )
    .expect("accepted");
    assert_eq!((r.old_total, r.new_total), (Some(1003), 1003));
    assert_eq!(r.snapshot_date, "2026-02-27");
    assert!(r
        .diff
        .as_ref()
        .is_some_and(interdict_lists::SnapshotDiff::is_empty));
    let first = store
        .current("un_sc_sanctions")
        .expect("store")
        .expect("current");
    assert!(store.previous("un_sc_sanctions").expect("store").is_none());
    assert_eq!(first.meta.total, 1003);

    // Second: 30 individuals fewer (3%), within the default 10%.
    let r = update(
        &store,
        "un_sc_sanctions",
        &format!("{base}/consolidated.xml"),
        0.10,
    )
    .expect("accepted");
    assert_eq!((r.old_total, r.new_total), (Some(1003), 973));
    let d = r.diff.expect("a diff against the replaced snapshot");
    assert_eq!(
        (d.added.len(), d.removed.len(), d.changed.len()),
        (0, 30, 0)
    );
    let current = store
        .current("un_sc_sanctions")
        .expect("store")
        .expect("current");
    let previous = store
        .previous("un_sc_sanctions")
        .expect("store")
        .expect("previous");
    assert_eq!(previous.version, first.version);
    assert_ne!(current.version, first.version);
    assert_eq!(
        load_dataset("un_sc_sanctions", &store)
            .expect("loads")
            .stats
            .total,
        973
    );

    // A missing file is a fetch error and changes nothing.
    let before = current_state(&store, "un_sc_sanctions");
    let e = update(&store, "un_sc_sanctions", &format!("{base}/nope.xml"), 0.10).expect_err("404");
    assert!(matches!(e, ListError::Fetch { .. }), "{e}");
    assert_eq!(current_state(&store, "un_sc_sanctions"), before);
}

#[test]
fn a_drop_beyond_the_allowed_share_is_refused() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("store"));
    let full = update(
        &store,
        "un_sc_sanctions",
        &data("un_sc_sanctions_2026-02-27.xml.gz")
            .display()
            .to_string(),
        0.10,
    );
    assert_eq!(full.expect("the bundled file is accepted").new_total, 1003);
    let before = current_state(&store, "un_sc_sanctions");
    // 600 of 730 individuals: 1003 → 873, a 13% drop.
    let small = write(tmp.path(), "small.xml", un_xml_keeping(600).as_bytes());
    let e = update(&store, "un_sc_sanctions", &small, 0.10).expect_err("refused");
    match &e {
        ListError::RecordDrop { old, new, .. } => assert_eq!((*old, *new), (1003, 873)),
        other => panic!("expected a record drop, got {other}"),
    }
    assert_eq!(current_state(&store, "un_sc_sanctions"), before);
    // The same file passes when the user allows a larger drop.
    let r = update(&store, "un_sc_sanctions", &small, 0.20).expect("accepted at 20%");
    assert_eq!(r.new_total, 873);
}

#[test]
fn directories_update_multi_file_datasets() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("store"));
    let r = update(
        &store,
        "gb_fcdo_sanctions",
        &data("gb_fcdo_sanctions_2026-05").display().to_string(),
        0.10,
    )
    .expect("the five tables are accepted");
    assert_eq!((r.old_total, r.new_total), (Some(6046), 6046));
    let loaded = interdict_lists::load(&store).expect("load with the store");
    let uk = loaded
        .iter()
        .find(|s| s.info.name == "gb_fcdo_sanctions")
        .expect("uk");
    assert_eq!(uk.stats.dprk, 261);
    assert_eq!(loaded.len(), 5);
}

#[test]
fn diff_names_added_removed_and_changed_properties() {
    let old = crate::dataset("un_sc_sanctions").clone();
    let mut new = old.clone();
    new.entities.retain(|e| e.id != "un_sc_sanctions:KPi.001");
    let kpi2 = new
        .entities
        .iter_mut()
        .find(|e| e.id == "un_sc_sanctions:KPi.002")
        .expect("KPi.002");
    kpi2.add("alias", "RI JE SON");
    let mut added = old.entities[0].clone();
    added.id = "un_sc_sanctions:KPi.999".into();
    new.entities.push(added);
    let d = diff(&old, &new);
    assert_eq!(d.added, ["un_sc_sanctions:KPi.999"]);
    assert_eq!(d.removed, ["un_sc_sanctions:KPi.001"]);
    assert_eq!(d.changed.len(), 1);
    assert_eq!(d.changed[0].id, "un_sc_sanctions:KPi.002");
    assert_eq!(d.changed[0].properties, ["alias"]);
    assert_eq!(d.unchanged, 1001);
}

#[test]
fn only_current_and_previous_versions_are_kept() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let store = Store::new(tmp.path().join("store"));
    let file = data("un_sc_sanctions_2026-02-27.xml.gz")
        .display()
        .to_string();
    let versions: Vec<String> = (0..3)
        .map(|_| {
            update(&store, "un_sc_sanctions", &file, 0.10)
                .expect("accepted")
                .version
        })
        .collect();
    let mut entries: Vec<String> = std::fs::read_dir(store.root().join("un_sc_sanctions"))
        .expect("dataset dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    entries.sort();
    let mut expected = vec![
        "current".to_string(),
        "previous".to_string(),
        versions[1].clone(),
        versions[2].clone(),
    ];
    expected.sort();
    assert_eq!(entries, expected);
    assert_eq!(store.datasets().expect("datasets"), ["un_sc_sanctions"]);
}
