//! The one table of error codes across the crates: each stable code
//! (`list_malformed_row`, `goods_bad_hs_code`, ...), the exit status the
//! `interdict` binary gives when the error ends a command, the HTTP status
//! the server answers it with, and what it means in one line.
//!
//! Owns the table and the [`Coded`] trait; each library crate implements
//! [`Coded`] beside its error type, one match arm per variant, so a new
//! variant does not compile until it is given a code. The binary and the
//! server only read the table: neither decides a status of its own.
//!
//! The statuses are numbers (`u8`, `u16`), not types of a CLI or HTTP
//! crate: this crate sits at the bottom of the graph and depends on neither.
//!
//! ```
//! use interdict_model::{Coded, ErrorCode};
//! assert_eq!(ErrorCode::ListUnknownDataset.as_str(), "list_unknown_dataset");
//! assert_eq!(ErrorCode::ListUnknownDataset.http_status(), 404);
//! assert_eq!(ErrorCode::VinMalformed.exit_status(), 2);
//! let e = std::io::Error::new(std::io::ErrorKind::NotFound, "gone");
//! assert_eq!(e.code(), ErrorCode::IoFailed);
//! ```

use serde::{Serialize, Serializer};
use std::fmt;

/// The exit status of a command whose batch answered every record it could
/// and wrote an error record for each of the others; also the status of
/// every code a single record can have (a query, a goods line, a shipment).
pub const EXIT_RECORD_ERRORS: u8 = 3;

/// Builds [`ErrorCode`] and its lookups from one list of
/// `Variant => "code", exit N, http N;` lines, each under a one-line doc
/// comment that is the code's meaning (shown in the docs table).
macro_rules! error_codes {
    ($( #[doc = $meaning:literal] $variant:ident => $name:literal, exit $exit:literal, http $http:literal; )+) => {
        /// A stable error code: the same string in the CLI's
        /// `error[<code>]` line, in batch error records and in the
        /// server's error bodies.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum ErrorCode {
            $( #[doc = $meaning] $variant, )+
        }

        impl ErrorCode {
            /// Every code, in the table's order.
            pub const ALL: &'static [ErrorCode] = &[$( ErrorCode::$variant, )+];

            /// The code as written in messages and bodies (snake case).
            pub fn as_str(self) -> &'static str {
                match self { $( ErrorCode::$variant => $name, )+ }
            }

            /// The `interdict` binary's exit status when this error ends a
            /// command.
            pub fn exit_status(self) -> u8 {
                match self { $( ErrorCode::$variant => $exit, )+ }
            }

            /// The HTTP status the server answers this error with.
            pub fn http_status(self) -> u16 {
                match self { $( ErrorCode::$variant => $http, )+ }
            }

            /// What the code means, in one line.
            pub fn meaning(self) -> &'static str {
                match self { $( ErrorCode::$variant => $meaning.trim(), )+ }
            }
        }
    };
}

error_codes! {
    /// The command could not run and no library error says why (a message of the binary's own).
    CommandFailed => "command_failed", exit 1, http 500;
    /// A fault of the server's own: a worker that failed.
    Internal => "internal", exit 1, http 500;
    /// A file or directory could not be read or written.
    IoFailed => "io_failed", exit 1, http 500;
    /// A fail point fired (test builds with the `failpoints` feature only).
    FaultInjected => "fault_injected", exit 1, http 500;
    /// A data file bundled in the binary is malformed: a fault of the release, not of the input.
    BundledDataMalformed => "bundled_data_malformed", exit 1, http 500;
    /// A request parameter or body field fails validation (FastAPI's `{loc, msg, type}` list).
    InvalidRequest => "invalid_request", exit 2, http 422;
    /// A well-formed request that cannot be answered as asked.
    BadRequest => "bad_request", exit 1, http 400;
    /// An API key or admin token missing or refused.
    Forbidden => "forbidden", exit 1, http 403;
    /// No such entity, dataset or route.
    NotFound => "not_found", exit 1, http 404;
    /// The server's index is still being built.
    Unavailable => "unavailable", exit 1, http 503;
    /// A list file is empty, not UTF-8 text (UTF-16, a NUL byte) or cut short.
    ListMalformedFile => "list_malformed_file", exit 1, http 400;
    /// A list file is of another format than its dataset's.
    ListWrongFormat => "list_wrong_format", exit 1, http 400;
    /// A list file declares a DTD or entities: refused, never expanded.
    ListDtdRefused => "list_dtd_refused", exit 1, http 400;
    /// A record of a list file is malformed: XML, CSV or JSON syntax, a field count, a required value.
    ListMalformedRow => "list_malformed_row", exit 1, http 400;
    /// No such dataset in the catalogue, or not for this operation.
    ListUnknownDataset => "list_unknown_dataset", exit 1, http 404;
    /// A list update would lose more records than `--max-drop` allows; the current snapshot is kept.
    ListUpdateRefused => "list_update_refused", exit 1, http 409;
    /// A list file's SHA-256 is not the published one.
    ListChecksumMismatch => "list_checksum_mismatch", exit 1, http 400;
    /// Fetching a list over HTTP failed (transport error or HTTP status).
    ListFetchFailed => "list_fetch_failed", exit 1, http 502;
    /// The snapshot store is in a state this version does not understand.
    ListStoreUnusable => "list_store_unusable", exit 1, http 500;
    /// A line of an input file is longer than one record may be; skipped.
    LineTooLong => "line_too_long", exit 3, http 400;
    /// A line of an input file is not UTF-8 text.
    LineNotUtf8 => "line_not_utf8", exit 3, http 400;
    /// A date that is not `YYYY[-MM[-DD]]`, or a day that does not exist.
    DateMalformed => "date_malformed", exit 3, http 422;
    /// A match query is not JSON of the shape `{id, schema, properties}`.
    QueryMalformed => "query_malformed", exit 3, http 422;
    /// A match query has no name and no identifier to search by.
    QueryNothingToMatch => "query_nothing_to_match", exit 3, http 422;
    /// A match query's birth date is not `YYYY[-MM[-DD]]`.
    QueryBadDate => "query_bad_date", exit 3, http 422;
    /// A name in a match query is over the length or part limit: refused, never searched as nothing.
    QueryTooLong => "query_too_long", exit 3, http 422;
    /// A name property of a match query has more values than are searched.
    QueryTooManyNames => "query_too_many_names", exit 3, http 422;
    /// A country in a match query is neither an ISO 3166-1 code nor a known name.
    QueryUnknownCountry => "query_unknown_country", exit 3, http 422;
    /// A goods line's HS code is not a code of the nomenclature.
    GoodsBadHsCode => "goods_bad_hs_code", exit 3, http 400;
    /// Another field of a goods line is missing or invalid (country, value, currency, date).
    GoodsBadField => "goods_bad_field", exit 3, http 400;
    /// A line of a goods batch (JSONL or CSV) cannot be read at all.
    GoodsMalformedLine => "goods_malformed_line", exit 3, http 400;
    /// A shipment cannot be read or fails validation; the record names the field.
    ShipmentMalformed => "shipment_malformed", exit 3, http 400;
    /// A screening rules file is not TOML of the expected shape, or cannot be used as it stands.
    ScreenRulesMalformed => "screen_rules_malformed", exit 1, http 500;
    /// A `--jurisdiction` value names no known jurisdiction.
    UnknownJurisdiction => "unknown_jurisdiction", exit 2, http 422;
    /// A VIN is malformed: length, a character never used, or a wrong check digit.
    VinMalformed => "vin_malformed", exit 2, http 422;
    /// An IMO number is malformed: not seven digits, or a wrong check digit.
    ImoMalformed => "imo_malformed", exit 2, http 422;
    /// A line of a watchlist of assets cannot be used; the whole file is refused.
    WatchlistMalformed => "watchlist_malformed", exit 1, http 400;
    /// The audit log fails verification: nothing is appended past the break.
    AuditBrokenChain => "audit_broken_chain", exit 1, http 503;
    /// The audit database (SQLite or PostgreSQL) failed.
    AuditDatabaseFailed => "audit_database_failed", exit 1, http 503;
    /// A stored audit row cannot be read back (it is not even JSON).
    AuditRowCorrupt => "audit_row_corrupt", exit 1, http 500;
    /// A database address that is neither a path, `sqlite:PATH` nor `postgres://`.
    AuditUnsupportedDatabase => "audit_unsupported_database", exit 1, http 500;
    /// A value given to the review workflow (a query, an entry, a watch file line) is invalid.
    ReviewInvalid => "review_invalid", exit 1, http 422;
    /// Rows of a trade file were rejected and skipping them was not allowed.
    TradeRejectedRows => "trade_rejected_rows", exit 1, http 400;
    /// A trade file's layout, mapping or option was not understood.
    TradeBadConfig => "trade_bad_config", exit 1, http 400;
    /// The SQL engine refused or failed a query over trade files.
    TradeQueryFailed => "trade_query_failed", exit 1, http 400;
    /// Building or writing Arrow batches or Parquet files failed.
    TradeOutputFailed => "trade_output_failed", exit 1, http 500;
    /// The trade chart could not be drawn.
    TradeChartFailed => "trade_chart_failed", exit 1, http 500;
}

impl ErrorCode {
    /// The code of a string as written (`list_unknown_dataset`).
    pub fn parse(s: &str) -> Option<ErrorCode> {
        ErrorCode::ALL.iter().copied().find(|c| c.as_str() == s)
    }

    /// The table as markdown, one row per code: what the architecture
    /// document shows (a test keeps the two equal).
    pub fn markdown_table() -> String {
        let mut s = String::from("| code | CLI exit | HTTP | meaning |\n|---|---:|---:|---|\n");
        for c in ErrorCode::ALL {
            s.push_str(&format!(
                "| `{}` | {} | {} | {} |\n",
                c.as_str(),
                c.exit_status(),
                c.http_status(),
                c.meaning()
            ));
        }
        s
    }
}

impl fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An error that has a code in the table.
pub trait Coded {
    /// The error's code.
    fn code(&self) -> ErrorCode;
}

impl<T: Coded + ?Sized> Coded for &T {
    fn code(&self) -> ErrorCode {
        (**self).code()
    }
}

impl<T: Coded + ?Sized> Coded for Box<T> {
    fn code(&self) -> ErrorCode {
        (**self).code()
    }
}

/// Every crate reads and writes files; an I/O error is the environment's,
/// whichever crate met it.
impl Coded for std::io::Error {
    fn code(&self) -> ErrorCode {
        ErrorCode::IoFailed
    }
}

impl Coded for crate::DateError {
    fn code(&self) -> ErrorCode {
        ErrorCode::DateMalformed
    }
}

impl Coded for crate::limits::NameLimit {
    fn code(&self) -> ErrorCode {
        match self {
            crate::limits::NameLimit::TooLong { .. } => ErrorCode::QueryTooLong,
            crate::limits::NameLimit::TooManyParts { .. } => ErrorCode::QueryTooLong,
        }
    }
}

impl Coded for crate::lines::LineError {
    fn code(&self) -> ErrorCode {
        use crate::lines::LineError;
        match self {
            LineError::TooLong { .. } => ErrorCode::LineTooLong,
            LineError::InvalidUtf8 { .. } => ErrorCode::LineNotUtf8,
            LineError::Io { .. } => ErrorCode::IoFailed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_snake_case_and_parse_back() {
        let mut seen = HashSet::new();
        for c in ErrorCode::ALL {
            let s = c.as_str();
            assert!(seen.insert(s), "{s} twice");
            assert!(
                s.chars()
                    .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_'),
                "{s} is not snake case"
            );
            assert_eq!(ErrorCode::parse(s), Some(*c));
            assert!(!c.meaning().is_empty(), "{s} has no meaning");
        }
        assert_eq!(ErrorCode::parse("no_such_code"), None);
    }

    #[test]
    fn statuses_are_the_documented_ones() {
        for c in ErrorCode::ALL {
            assert!(
                (1..=3).contains(&c.exit_status()),
                "{c}: exit {}",
                c.exit_status()
            );
            assert!(
                (400..600).contains(&c.http_status()),
                "{c}: HTTP {}",
                c.http_status()
            );
        }
        // The 422 of a validation error is FastAPI's, as yente's clients expect.
        assert_eq!(ErrorCode::InvalidRequest.http_status(), 422);
        assert_eq!(ErrorCode::NotFound.http_status(), 404);
        assert_eq!(
            ErrorCode::ShipmentMalformed.exit_status(),
            EXIT_RECORD_ERRORS
        );
    }

    #[test]
    fn serializes_as_its_string() {
        let v = serde_json::to_value(ErrorCode::QueryTooLong).expect("serialize");
        assert_eq!(v, "query_too_long");
        assert_eq!(ErrorCode::QueryTooLong.to_string(), "query_too_long");
    }

    #[test]
    fn model_errors_have_their_codes() {
        use crate::limits::NameLimit;
        use crate::lines::LineError;
        let cases: Vec<(Box<dyn Coded>, ErrorCode)> = vec![
            (Box::new(std::io::Error::other("x")), ErrorCode::IoFailed),
            (
                Box::new(
                    "1984-02-30"
                        .parse::<crate::PartialDate>()
                        .expect_err("no such day"),
                ),
                ErrorCode::DateMalformed,
            ),
            (
                Box::new(NameLimit::TooLong { found: 2000 }),
                ErrorCode::QueryTooLong,
            ),
            (
                Box::new(NameLimit::TooManyParts { found: 200 }),
                ErrorCode::QueryTooLong,
            ),
            (
                Box::new(LineError::TooLong { line: 1, limit: 8 }),
                ErrorCode::LineTooLong,
            ),
            (
                Box::new(LineError::InvalidUtf8 { line: 1, column: 2 }),
                ErrorCode::LineNotUtf8,
            ),
            (
                Box::new(LineError::Io {
                    line: 1,
                    source: std::io::Error::other("x"),
                }),
                ErrorCode::IoFailed,
            ),
        ];
        for (e, code) in cases {
            assert_eq!(e.code(), code);
        }
    }

    /// The architecture document's table is this one: a code added, removed
    /// or renumbered here fails until the document says the same.
    #[test]
    fn the_architecture_document_shows_this_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/ARCHITECTURE.md");
        let doc = std::fs::read_to_string(path).expect("docs/ARCHITECTURE.md");
        let start = "<!-- error-codes:start -->\n";
        let end = "<!-- error-codes:end -->";
        let shown = doc
            .split_once(start)
            .and_then(|(_, rest)| rest.split_once(end))
            .map(|(table, _)| table)
            .unwrap_or_default();
        let expected = ErrorCode::markdown_table();
        assert!(
            shown == expected,
            "docs/ARCHITECTURE.md, between {start:?} and {end:?}, must read:\n\n{expected}"
        );
    }
}
