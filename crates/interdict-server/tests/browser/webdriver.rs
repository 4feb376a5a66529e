//! A small WebDriver client over plain HTTP/1.1 on loopback, enough to drive
//! chromedriver: sessions, navigation, elements, keys, scripts. It uses the
//! standard library only, so the browser test adds no dependency to the
//! crate; the W3C WebDriver protocol is JSON over HTTP.

use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// The W3C key code of Enter (WebDriver's private-use code point).
pub const ENTER: &str = "\u{E007}";
/// The W3C key code of Escape.
pub const ESCAPE: &str = "\u{E00C}";

/// How long one HTTP exchange may take before the test gives up on it.
const IO_TIMEOUT: Duration = Duration::from_secs(120);

/// One HTTP answer: status and body.
pub struct Reply {
    pub status: u16,
    pub body: String,
}

/// Sends one request with `Connection: close` and reads the whole answer.
pub fn http(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<Reply, String> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))
        .map_err(|e| format!("connect {addr}: {e}"))?;
    stream
        .set_read_timeout(Some(IO_TIMEOUT))
        .map_err(|e| e.to_string())?;
    stream
        .set_write_timeout(Some(IO_TIMEOUT))
        .map_err(|e| e.to_string())?;
    let payload = body.map(Value::to_string).unwrap_or_default();
    let head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nAccept: application/json\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        payload.len()
    );
    stream
        .write_all(head.as_bytes())
        .and_then(|()| stream.write_all(payload.as_bytes()))
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let raw = read_reply(&mut stream).map_err(|e| format!("{method} {path}: {e}"))?;
    parse_reply(&raw).ok_or_else(|| format!("{method} {path}: malformed HTTP answer"))
}

/// Reads one answer: chromedriver keeps the connection open whatever the
/// request says, so the body ends where its length or last chunk says.
fn read_reply(stream: &mut impl Read) -> std::io::Result<Vec<u8>> {
    let mut raw = Vec::new();
    let mut buf = [0u8; 16 * 1024];
    loop {
        if reply_complete(&raw) {
            return Ok(raw);
        }
        let n = stream.read(&mut buf)?;
        if n == 0 {
            return Ok(raw);
        }
        raw.extend_from_slice(&buf[..n]);
    }
}

fn reply_complete(raw: &[u8]) -> bool {
    let Some(split) = raw.windows(4).position(|w| w == b"\r\n\r\n") else {
        return false;
    };
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    let body = &raw[split + 4..];
    if let Some(len) = header(&head, "content-length").and_then(|v| v.parse::<usize>().ok()) {
        return body.len() >= len;
    }
    if header(&head, "transfer-encoding").is_some_and(|v| v.contains("chunked")) {
        return body.ends_with(b"0\r\n\r\n");
    }
    false
}

/// A header's value in a lower-cased head.
fn header<'a>(head: &'a str, name: &str) -> Option<&'a str> {
    head.lines().find_map(|l| {
        let (k, v) = l.split_once(':')?;
        (k.trim() == name).then(|| v.trim())
    })
}

fn parse_reply(raw: &[u8]) -> Option<Reply> {
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&raw[..split])
        .ok()?
        .to_ascii_lowercase();
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let body = &raw[split + 4..];
    let chunked = header(&head, "transfer-encoding").is_some_and(|v| v.contains("chunked"));
    let body = if chunked {
        dechunk(body)?
    } else {
        body.to_vec()
    };
    Some(Reply {
        status,
        body: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// Decodes a chunked body (sizes in hex, each chunk followed by CRLF).
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = data.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size + 2..)?;
    }
}

/// Polls `probe` until it returns `Some`, or fails with `what` after `limit`.
pub fn poll<T>(
    limit: Duration,
    what: &str,
    mut probe: impl FnMut() -> Option<T>,
) -> Result<T, String> {
    let end = Instant::now() + limit;
    loop {
        if let Some(v) = probe() {
            return Ok(v);
        }
        if Instant::now() >= end {
            return Err(format!("gave up waiting for {what} after {limit:?}"));
        }
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// One browser session on a chromedriver.
pub struct Session {
    driver: SocketAddr,
    id: String,
}

impl Session {
    /// Opens a session of the Chromium at `binary` with `args`.
    pub fn start(driver: SocketAddr, binary: &str, args: &[String]) -> Result<Session, String> {
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": binary, "args": args},
        }}});
        let v = call(driver, "POST", "/session", Some(&caps))?;
        let id = v["sessionId"]
            .as_str()
            .ok_or("chromedriver gave no session id")?
            .to_string();
        Ok(Session { driver, id })
    }

    fn cmd(&self, method: &str, tail: &str, body: Option<&Value>) -> Result<Value, String> {
        call(
            self.driver,
            method,
            &format!("/session/{}{tail}", self.id),
            body,
        )
    }

    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.cmd("POST", "/url", Some(&json!({ "url": url })))
            .map(drop)
    }

    /// The first element matching `css`, if any.
    pub fn find(&self, css: &str) -> Result<Option<String>, String> {
        match self.cmd(
            "POST",
            "/element",
            Some(&json!({"using": "css selector", "value": css})),
        ) {
            Ok(v) => Ok(v
                .as_object()
                .and_then(|o| o.values().next())
                .and_then(Value::as_str)
                .map(str::to_string)),
            Err(e) if e.contains("no such element") => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Waits for an element matching `css`.
    pub fn wait_for(&self, css: &str, limit: Duration) -> Result<String, String> {
        poll(limit, css, || self.find(css).ok().flatten())
    }

    /// Types `text` into the element (a file input takes a path).
    pub fn type_into(&self, element: &str, text: &str) -> Result<(), String> {
        self.cmd(
            "POST",
            &format!("/element/{element}/value"),
            Some(&json!({ "text": text })),
        )
        .map(drop)
    }

    pub fn click(&self, element: &str) -> Result<(), String> {
        self.cmd(
            "POST",
            &format!("/element/{element}/click"),
            Some(&json!({})),
        )
        .map(drop)
    }

    /// Presses and releases keys on whatever has the focus.
    pub fn press(&self, keys: &str) -> Result<(), String> {
        let mut actions = Vec::new();
        for k in keys.chars() {
            actions.push(json!({"type": "keyDown", "value": k.to_string()}));
            actions.push(json!({"type": "keyUp", "value": k.to_string()}));
        }
        let body = json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]});
        self.cmd("POST", "/actions", Some(&body)).map(drop)
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub fn script(&self, script: &str, args: Value) -> Result<Value, String> {
        self.cmd(
            "POST",
            "/execute/sync",
            Some(&json!({"script": script, "args": args})),
        )
    }

    /// The text content of the first element matching `css`, or `None`.
    pub fn text(&self, css: &str) -> Result<Option<String>, String> {
        let v = self.script(
            "const e = document.querySelector(arguments[0]); return e ? e.textContent : null;",
            json!([css]),
        )?;
        Ok(v.as_str().map(str::to_string))
    }

    pub fn quit(&self) {
        let _ = self.cmd("DELETE", "", None);
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        self.quit();
    }
}

/// One WebDriver command: the answer's `value`, or the driver's error.
fn call(
    driver: SocketAddr,
    method: &str,
    path: &str,
    body: Option<&Value>,
) -> Result<Value, String> {
    let reply = http(driver, method, path, body)?;
    let v: Value = serde_json::from_str(&reply.body)
        .map_err(|e| format!("{method} {path}: not JSON ({e}): {}", reply.body))?;
    if reply.status != 200 {
        let err = &v["value"];
        return Err(format!(
            "{method} {path}: {} {}",
            err["error"].as_str().unwrap_or("error"),
            err["message"].as_str().unwrap_or("")
        ));
    }
    Ok(v["value"].clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_chunked_answer() {
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{\"a\"\r\n3\r\n:1}\r\n0\r\n\r\n";
        let r = parse_reply(raw).expect("a well-formed answer");
        assert_eq!(r.status, 200);
        assert_eq!(r.body, "{\"a\":1}");
    }

    #[test]
    fn reads_a_sized_answer_and_its_status() {
        let raw = b"HTTP/1.1 404 Not Found\r\nContent-Length:2\r\n\r\n{}";
        assert!(reply_complete(raw));
        assert!(!reply_complete(&raw[..raw.len() - 1]));
        let r = parse_reply(raw).expect("a well-formed answer");
        assert_eq!((r.status, r.body.as_str()), (404, "{}"));
        assert!(parse_reply(b"garbage").is_none());
    }
}
