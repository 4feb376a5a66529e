//! API keys for write and admin routes, kept only as SHA-256 digests: from
//! `--update-token`, `INTERDICT_UPDATE_TOKEN` / `YENTE_UPDATE_TOKEN`, or a
//! key file of digests (`sha256:<hex>` or bare hex, one a line; `#` comments).

use sha2::{Digest, Sha256};
use std::path::Path;

/// A set of accepted API keys, kept as SHA-256 digests. Empty write keys
/// refuse every update; empty read keys leave the data routes open.
#[derive(Debug, Clone, Default)]
pub struct ApiKeys {
    digests: Vec<[u8; 32]>,
}

/// Why a key file cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// The key file could not be read.
    #[error("cannot read the key file {path}: {source}")]
    Read {
        /// The key file's path.
        path: String,
        /// The operating system's error.
        #[source]
        source: std::io::Error,
    },
    /// A line of the key file is not a SHA-256 digest.
    #[error("key file {path} line {line}: expected a SHA-256 digest (64 hex digits)")]
    Digest {
        /// The key file's path.
        path: String,
        /// The 1-based line number.
        line: usize,
    },
}

fn digest(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

fn parse_hex(s: &str) -> Option<[u8; 32]> {
    let s = s.strip_prefix("sha256:").unwrap_or(s);
    if s.len() != 64 {
        return None;
    }
    let mut out = [0u8; 32];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(s.get(2 * i..2 * i + 2)?, 16).ok()?;
    }
    Some(out)
}

impl ApiKeys {
    /// Adds a plain token (hashed at once; the plain text is not kept).
    pub fn add_token(&mut self, token: &str) {
        let t = token.trim();
        if !t.is_empty() {
            self.digests.push(digest(t));
        }
    }

    /// Tokens from the environment, as yente reads its own.
    pub fn add_env(&mut self) {
        for var in ["INTERDICT_UPDATE_TOKEN", "YENTE_UPDATE_TOKEN"] {
            if let Ok(t) = std::env::var(var) {
                self.add_token(&t);
            }
        }
    }

    /// Digests from a key file (`sha256:<hex>` or bare hex, one a line;
    /// blank lines and `#` comments skipped).
    pub fn add_file(&mut self, path: &Path) -> Result<(), KeyError> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|source| KeyError::Read {
            path: shown.clone(),
            source,
        })?;
        for (i, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let d = parse_hex(line).ok_or_else(|| KeyError::Digest {
                path: shown.clone(),
                line: i + 1,
            })?;
            self.digests.push(d);
        }
        Ok(())
    }

    /// Whether no key was added.
    pub fn is_empty(&self) -> bool {
        self.digests.is_empty()
    }

    /// True when `token` is one of the keys; compares digests in full, so
    /// timing does not reveal how much of a key matched.
    pub fn allows(&self, token: &str) -> bool {
        if token.trim().is_empty() {
            return false;
        }
        let d = digest(token);
        self.digests.iter().fold(false, |ok, k| {
            let diff = k
                .iter()
                .zip(d.iter())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b));
            ok | (diff == 0)
        })
    }
}

/// The digest line for a token, for writing key files.
pub fn digest_line(token: &str) -> String {
    let hex: String = digest(token).iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_and_digests() {
        let mut k = ApiKeys::default();
        assert!(!k.allows("secret"));
        k.add_token("secret");
        assert!(k.allows("secret"));
        assert!(!k.allows("Secret"));
        assert!(!k.allows(""));
        let line = digest_line("other");
        assert_eq!(parse_hex(&line), Some(digest("other")));
        assert!(parse_hex("sha256:12").is_none());
    }
}
