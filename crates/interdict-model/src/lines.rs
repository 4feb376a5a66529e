//! Reading users' text files line by line, as the tools that wrote them left
//! them: a UTF-8 byte-order mark at the start, CRLF, LF or lone CR line ends
//! (mixed), and a DOS end-of-file byte (0x1A) at the very end are accepted;
//! a line longer than a limit is refused by name, in bounded memory, and the
//! reading goes on at the next line.
//!
//! Owns decoding a line-based file into numbered lines; it knows no record
//! format (JSONL, CSV) and decides nothing about what a line means.

use std::collections::VecDeque;
use std::fmt;
use std::io::{BufRead, Read};

/// Longest line a batch reader accepts, in bytes (8 MiB): far above any
/// real record (a shipment with thousands of goods lines), low enough that
/// a file without line ends cannot exhaust memory.
pub const MAX_LINE_BYTES: usize = 8 * 1024 * 1024;

/// The DOS end-of-file mark some Windows tools still append.
const DOS_EOF: u8 = 0x1A;

/// Why a line could not be read.
#[derive(Debug)]
pub enum LineError {
    /// The line is longer than the limit; it was skipped.
    TooLong {
        /// 1-based line number.
        line: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The line is not UTF-8 text.
    InvalidUtf8 {
        /// 1-based line number.
        line: usize,
        /// 1-based column (characters) of the first invalid byte.
        column: usize,
    },
    /// Reading failed.
    Io {
        /// 1-based line number.
        line: usize,
        /// The reader's error.
        source: std::io::Error,
    },
}

impl LineError {
    /// The 1-based line the error is at.
    pub fn line(&self) -> usize {
        match self {
            LineError::TooLong { line, .. }
            | LineError::InvalidUtf8 { line, .. }
            | LineError::Io { line, .. } => *line,
        }
    }

    /// What is wrong, without the line number (for error records that
    /// carry the line in a field of their own).
    pub fn reason(&self) -> String {
        match self {
            LineError::TooLong { limit, .. } => {
                format!("the line is longer than {limit} bytes (the limit of one record); skipped")
            }
            LineError::InvalidUtf8 { column, .. } => {
                format!("invalid UTF-8 at column {column} (the file must be UTF-8 text)")
            }
            LineError::Io { source, .. } => format!("cannot read: {source}"),
        }
    }
}

impl fmt::Display for LineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line(), self.reason())
    }
}

impl std::error::Error for LineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LineError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Numbered lines of a text file, line ends and the decorations above removed.
pub struct Lines<R> {
    reader: R,
    limit: usize,
    /// Lines already split off a chunk (lone CR ends), not yet handed out.
    queued: VecDeque<(usize, Result<String, LineError>)>,
    /// Number of the last line read.
    line: usize,
    done: bool,
}

impl<R: BufRead> Lines<R> {
    /// Lines of `reader`, each at most [`MAX_LINE_BYTES`].
    pub fn new(reader: R) -> Self {
        Lines::with_limit(reader, MAX_LINE_BYTES)
    }

    /// Lines of `reader`, each at most `limit` bytes.
    pub fn with_limit(reader: R, limit: usize) -> Self {
        Lines {
            reader,
            limit: limit.max(1),
            queued: VecDeque::new(),
            line: 0,
            done: false,
        }
    }

    /// Reads up to the next LF: the raw bytes, or `None` at the end.
    fn next_chunk(&mut self) -> Option<Result<Vec<u8>, LineError>> {
        let mut buf = Vec::new();
        let cap = self.limit as u64 + 2; // room for CRLF after a full line
        let read = self.reader.by_ref().take(cap).read_until(b'\n', &mut buf);
        match read {
            Err(source) => {
                self.done = true;
                Some(Err(LineError::Io {
                    line: self.line + 1,
                    source,
                }))
            }
            Ok(0) => None,
            Ok(_) if !buf.ends_with(b"\n") && buf.len() as u64 == cap => {
                self.skip_rest_of_line();
                Some(Err(LineError::TooLong {
                    line: self.line + 1,
                    limit: self.limit,
                }))
            }
            Ok(_) => Some(Ok(buf)),
        }
    }

    /// Discards up to and including the next LF without holding it in memory.
    fn skip_rest_of_line(&mut self) {
        loop {
            let (used, found) = match self.reader.fill_buf() {
                Ok([]) | Err(_) => return,
                Ok(avail) => match avail.iter().position(|&b| b == b'\n') {
                    Some(i) => (i + 1, true),
                    None => (avail.len(), false),
                },
            };
            self.reader.consume(used);
            if found {
                return;
            }
        }
    }

    fn at_end(&mut self) -> bool {
        self.reader.fill_buf().map_or(true, <[u8]>::is_empty)
    }

    /// Splits one LF-terminated chunk into lines (lone CRs end lines too)
    /// and queues them, numbered.
    fn queue_chunk(&mut self, mut chunk: Vec<u8>) {
        if chunk.ends_with(b"\n") {
            chunk.pop();
        }
        if chunk.ends_with(b"\r") {
            chunk.pop();
        }
        if self.line == 0 && chunk.starts_with(b"\xEF\xBB\xBF") {
            chunk.drain(..3);
        }
        let last_of_file = self.at_end();
        let pieces: Vec<&[u8]> = chunk.split(|&b| b == b'\r').collect();
        let n = pieces.len();
        for (i, piece) in pieces.into_iter().enumerate() {
            let mut piece = piece;
            if last_of_file && i + 1 == n && piece.ends_with(&[DOS_EOF]) {
                while let [rest @ .., DOS_EOF] = piece {
                    piece = rest;
                }
                if piece.is_empty() {
                    break;
                }
            }
            self.line += 1;
            let line = self.line;
            if piece.len() > self.limit {
                self.queued.push_back((
                    line,
                    Err(LineError::TooLong {
                        line,
                        limit: self.limit,
                    }),
                ));
                continue;
            }
            let text = String::from_utf8(piece.to_vec()).map_err(|e| {
                let valid = &piece[..e.utf8_error().valid_up_to()];
                LineError::InvalidUtf8 {
                    line,
                    column: 1 + String::from_utf8_lossy(valid).chars().count(),
                }
            });
            self.queued.push_back((line, text));
        }
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    /// The 1-based line number and the line's text (or why it is unreadable).
    type Item = (usize, Result<String, LineError>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.queued.pop_front() {
                return Some(item);
            }
            if self.done {
                return None;
            }
            match self.next_chunk() {
                None => {
                    self.done = true;
                    return None;
                }
                Some(Err(e)) => {
                    self.line += 1;
                    return Some((self.line, Err(e)));
                }
                Some(Ok(chunk)) => self.queue_chunk(chunk),
            }
        }
    }
}

impl<R> fmt::Debug for Lines<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lines")
            .field("line", &self.line)
            .field("limit", &self.limit)
            .finish_non_exhaustive()
    }
}

/// A reader for record parsers that do their own line splitting (CSV): it
/// drops a DOS end-of-file byte at the very end, and stops with an
/// [`std::io::ErrorKind::InvalidData`] error naming the line when a line is
/// longer than the limit (then reads as ended, so a parser cannot loop on it).
pub struct GuardedRead<R> {
    inner: R,
    limit: usize,
    /// Bytes since the last line end.
    run: usize,
    /// Line ends seen (for the error's line number).
    lines: usize,
    /// Bytes read but not yet handed out, from `pos`.
    ready: Vec<u8>,
    pos: usize,
    /// 0x1A bytes held back until it is known whether the file ends there.
    held: usize,
    after_cr: bool,
    failed: bool,
}

impl<R: Read> GuardedRead<R> {
    /// Guards `inner` with [`MAX_LINE_BYTES`].
    pub fn new(inner: R) -> Self {
        GuardedRead::with_limit(inner, MAX_LINE_BYTES)
    }

    /// Guards `inner` with a limit of `limit` bytes per line.
    pub fn with_limit(inner: R, limit: usize) -> Self {
        GuardedRead {
            inner,
            limit: limit.max(1),
            run: 0,
            lines: 0,
            ready: Vec::new(),
            pos: 0,
            held: 0,
            after_cr: false,
            failed: false,
        }
    }

    /// Counts lines in `bytes`; the error if one grows past the limit.
    fn track(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        for &b in bytes {
            // A line ends at CR, or at LF unless it completes a CRLF.
            let after_cr = std::mem::replace(&mut self.after_cr, b == b'\r');
            if b == b'\n' || b == b'\r' {
                if !(b == b'\n' && after_cr) {
                    self.lines += 1;
                }
                self.run = 0;
                continue;
            }
            self.run += 1;
            if self.run > self.limit {
                self.failed = true;
                let e = LineError::TooLong {
                    line: self.lines + 1,
                    limit: self.limit,
                };
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidData, e));
            }
        }
        Ok(())
    }

    /// Refills `ready` from the inner reader; false at the end of the file
    /// (where held-back 0x1A bytes are dropped).
    fn refill(&mut self) -> std::io::Result<bool> {
        let mut chunk = [0u8; 8192];
        loop {
            let n = match self.inner.read(&mut chunk) {
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                other => other?,
            };
            if n == 0 {
                return Ok(false);
            }
            self.ready.clear();
            self.pos = 0;
            self.ready.resize(self.held, DOS_EOF);
            self.ready.extend_from_slice(&chunk[..n]);
            self.held = self
                .ready
                .iter()
                .rev()
                .take_while(|&&b| b == DOS_EOF)
                .count();
            self.ready.truncate(self.ready.len() - self.held);
            if !self.ready.is_empty() {
                return Ok(true);
            }
        }
    }
}

impl<R: Read> Read for GuardedRead<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.failed || buf.is_empty() {
            return Ok(0);
        }
        if self.pos >= self.ready.len() && !self.refill()? {
            return Ok(0);
        }
        let n = buf.len().min(self.ready.len() - self.pos);
        buf[..n].copy_from_slice(&self.ready[self.pos..self.pos + n]);
        self.pos += n;
        self.track(&buf[..n])?;
        Ok(n)
    }
}

impl<R> fmt::Debug for GuardedRead<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GuardedRead")
            .field("limit", &self.limit)
            .field("lines", &self.lines)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8], limit: usize) -> Vec<(usize, Result<String, String>)> {
        Lines::with_limit(bytes, limit)
            .map(|(n, r)| (n, r.map_err(|e| e.to_string())))
            .collect()
    }

    fn ok(items: &[(usize, &str)]) -> Vec<(usize, Result<String, String>)> {
        items.iter().map(|&(n, s)| (n, Ok(s.to_string()))).collect()
    }

    #[test]
    fn bom_crlf_cr_and_dos_eof_are_accepted() {
        let got = lines(b"\xEF\xBB\xBFa\r\nb\rc\nd\r\n\x1a", 100);
        assert_eq!(got, ok(&[(1, "a"), (2, "b"), (3, "c"), (4, "d")]));
        assert_eq!(lines(b"a\x1a", 100), ok(&[(1, "a")]));
        // 0x1A inside the text is kept: only the file's end mark goes.
        assert_eq!(lines(b"a\x1ab\n", 100), ok(&[(1, "a\x1ab")]));
    }

    #[test]
    fn a_long_line_is_named_and_skipped() {
        let mut bytes = vec![b'x'; 50];
        bytes.extend_from_slice(b"\nok\n");
        let got = lines(&bytes, 10);
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0].1.as_ref().expect_err("too long"),
            "line 1: the line is longer than 10 bytes (the limit of one record); skipped"
        );
        assert_eq!(got[1], (2, Ok("ok".to_string())));
        // Exactly the limit is accepted, with either line end.
        assert_eq!(lines(b"0123456789\r\n0123456789", 10).len(), 2);
        assert!(lines(b"0123456789\r\n0123456789", 10)
            .iter()
            .all(|(_, r)| r.is_ok()));
    }

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let got = lines(b"ok\nab\xffc\nnext", 100);
        assert_eq!(
            got[1].1.as_ref().expect_err("bad"),
            "line 2: invalid UTF-8 at column 3 (the file must be UTF-8 text)"
        );
        assert_eq!(got[2], (3, Ok("next".to_string())));
    }

    fn guarded(bytes: &[u8], limit: usize) -> Result<Vec<u8>, String> {
        let mut out = Vec::new();
        GuardedRead::with_limit(bytes, limit)
            .read_to_end(&mut out)
            .map_err(|e| e.to_string())?;
        Ok(out)
    }

    #[test]
    fn guarded_read_drops_the_final_dos_eof_only() {
        assert_eq!(guarded(b"a,b\r\n\x1a", 100).as_deref(), Ok(&b"a,b\r\n"[..]));
        assert_eq!(
            guarded(b"a\x1a\x1ab\x1a", 100).as_deref(),
            Ok(&b"a\x1a\x1ab"[..])
        );
        assert_eq!(guarded(b"", 100).as_deref(), Ok(&b""[..]));
    }

    #[test]
    fn guarded_read_stops_at_a_long_line() {
        let e = guarded(b"ab\r\ncd\r\n0123456789x\n", 10).expect_err("too long");
        assert_eq!(
            e,
            "line 3: the line is longer than 10 bytes (the limit of one record); skipped"
        );
    }
}
