//! Raw input: bytes of one source file, gunzipped if needed, decoded to text,
//! and byte offsets turned into line/column positions for error messages.
//!
//! Owns reading and decoding only; it knows no list format.

use crate::error::{ListError, ParseError, ParseErrorKind};
use flate2::read::MultiGzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// One source file in memory.
#[derive(Debug, Clone)]
pub(crate) struct Input {
    /// How errors name the file.
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Input {
    /// From bytes that may be gzip-compressed (detected by the magic number).
    pub fn from_bytes(name: impl Into<String>, raw: &[u8]) -> Result<Self, ListError> {
        let name = name.into();
        let bytes = if raw.starts_with(&[0x1f, 0x8b]) {
            let mut out = Vec::with_capacity(raw.len() * 6);
            MultiGzDecoder::new(raw)
                .read_to_end(&mut out)
                .map_err(|e| ParseError {
                    file: name.clone(),
                    line: 1,
                    column: 1,
                    field: None,
                    kind: ParseErrorKind::Truncated(format!("gzip stream: {e}")),
                })?;
            out
        } else {
            raw.to_vec()
        };
        Ok(Input { name, bytes })
    }

    /// Reads a file (plain or `.gz`).
    pub fn read(path: &Path) -> Result<Self, ListError> {
        let raw = std::fs::read(path).map_err(|e| ListError::io(path, e))?;
        Input::from_bytes(path.display().to_string(), &raw)
    }

    /// A parse error at byte `offset`.
    pub fn error_at(&self, offset: usize, kind: ParseErrorKind) -> ParseError {
        let (line, column) = line_col(&self.bytes, offset);
        ParseError {
            file: self.name.clone(),
            line,
            column,
            field: None,
            kind,
        }
    }

    /// Refuses an empty (or whitespace-only) file.
    pub fn check_not_empty(&self) -> Result<(), ParseError> {
        if self.bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(self.error_at(self.bytes.len(), ParseErrorKind::Empty));
        }
        Ok(())
    }

    /// Refuses what no list format holds whatever its encoding: UTF-16
    /// (named, so the user knows to re-save it) and NUL bytes (damage).
    fn check_bytes(&self) -> Result<(), ParseError> {
        self.check_not_empty()?;
        if self.bytes.starts_with(b"\xFF\xFE") || self.bytes.starts_with(b"\xFE\xFF") {
            return Err(self.error_at(0, ParseErrorKind::Utf16));
        }
        if let Some(at) = self.bytes.iter().position(|&b| b == 0) {
            return Err(self.error_at(at, ParseErrorKind::NulByte));
        }
        Ok(())
    }

    /// The text, which must be UTF-8 (a leading byte-order mark is skipped).
    pub fn utf8(&self) -> Result<&str, ParseError> {
        self.check_bytes()?;
        let body = self.bytes.strip_prefix(UTF8_BOM).unwrap_or(&self.bytes);
        std::str::from_utf8(without_dos_eof(body)).map_err(|e| {
            let offset = self.bytes.len() - body.len() + e.valid_up_to();
            self.error_at(offset, ParseErrorKind::InvalidUtf8)
        })
    }

    /// The text, decoded from Windows-1252 (OFAC's legacy CSV files); a
    /// file with a UTF-8 byte-order mark was re-saved as UTF-8 and is read so.
    pub fn windows_1252(&self) -> Result<String, ParseError> {
        if self.bytes.starts_with(UTF8_BOM) {
            return self.utf8().map(str::to_string);
        }
        self.check_bytes()?;
        let (text, _, _) = encoding_rs::WINDOWS_1252.decode(without_dos_eof(&self.bytes));
        Ok(text.into_owned())
    }
}

/// The bytes without the DOS end-of-file marks (0x1A) that old Windows
/// tools append, with the line ends around them: such a file is accepted
/// as if they were not there.
fn without_dos_eof(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    while end > 0 && matches!(bytes[end - 1], 0x1A | b'\r' | b'\n') {
        end -= 1;
    }
    if bytes[end..].contains(&0x1A) {
        &bytes[..end]
    } else {
        bytes
    }
}

/// 1-based line and character column of byte `offset` in `bytes`.
pub(crate) fn line_col(bytes: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |p| p + 1);
    // Count characters, not bytes: UTF-8 continuation bytes are 0b10xxxxxx.
    let column = 1 + before[line_start..]
        .iter()
        .filter(|&&b| (b & 0xC0) != 0x80)
        .count();
    (line, column)
}

/// The files of a directory, by lower-case name.
pub(crate) fn dir_files(dir: &Path) -> Result<Vec<(String, PathBuf)>, ListError> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| ListError::io(dir, e))? {
        let entry = entry.map_err(|e| ListError::io(dir, e))?;
        let path = entry.path();
        if path.is_file() {
            let name = entry.file_name().to_string_lossy().to_lowercase();
            out.push((name, path));
        }
    }
    out.sort();
    Ok(out)
}

/// `subject_names.csv.gz` → `subject_names`.
pub(crate) fn stem(name: &str) -> &str {
    let n = name.strip_suffix(".gz").unwrap_or(name);
    n.strip_suffix(".csv").unwrap_or(n)
}

pub(crate) fn optional(path: Option<&PathBuf>) -> Result<Option<Input>, ListError> {
    path.map(|p| Input::read(p)).transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let text = "ab\nçd\nef".as_bytes();
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // after "ç" (2 bytes) we are at column 2
        assert_eq!(line_col(text, 5), (2, 2));
    }

    #[test]
    fn invalid_utf8_is_located() {
        let input = Input::from_bytes("x.xml", b"<a>\n ok \xff</a>").expect("plain");
        let e = input.utf8().expect_err("invalid");
        assert_eq!((e.line, e.column), (2, 5));
        assert_eq!(e.kind, ParseErrorKind::InvalidUtf8);
    }
}
