//! The one batch loop of the CLI, shared by `match`, `goods` and `screen`:
//! records are handed to the worker threads in chunks (so the output keeps
//! the input's order and memory stays bounded), a spinner counts them, a bad
//! record becomes an error record in the output (with its code from the one
//! table, `interdict_model::error_code`) and the batch goes on, and the exit
//! status says whether any record was in error.
//!
//! It decides nothing about the records themselves: each command gives the
//! work to do on one record and what to write for its answer.

use interdict_model::{Coded, ErrorCode};
use rayon::prelude::*;
use serde_json::json;
use std::fmt;
use std::path::Path;
use std::process::ExitCode;

/// Exit status when a batch finished but some records were in error.
pub use interdict_model::error_code::EXIT_RECORD_ERRORS;

/// Why one record of a batch could not be answered: where it is, and what.
#[derive(Debug, Clone)]
pub struct RecordError {
    pub file: String,
    pub line: Option<usize>,
    /// The record's own id, when it could be read.
    pub id: Option<String>,
    /// The library error's code.
    pub code: ErrorCode,
    pub message: String,
}

impl RecordError {
    /// The record at `line` of `file` refused with `error`.
    pub fn new<E: Coded + fmt::Display>(
        file: &Path,
        line: Option<usize>,
        id: Option<String>,
        error: &E,
    ) -> Self {
        RecordError {
            file: file.display().to_string(),
            line,
            id,
            code: error.code(),
            message: error.to_string(),
        }
    }

    /// The id a reader can find the record by: its own, else its line.
    pub fn label(&self) -> String {
        match (&self.id, self.line) {
            (Some(id), _) => id.clone(),
            (None, Some(l)) => format!("line {l}"),
            (None, None) => "record".to_string(),
        }
    }

    /// The JSON error record written in place of an answer.
    pub fn to_json(&self) -> serde_json::Value {
        json!({
            "id": self.label(),
            "error": {
                "file": self.file,
                "line": self.line,
                "code": self.code,
                "message": self.message,
            },
        })
    }
}

impl Coded for RecordError {
    fn code(&self) -> ErrorCode {
        self.code
    }
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}: {}", self.file, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// How a batch went.
#[derive(Debug, Default, Clone, Copy)]
pub struct Counts {
    pub answered: usize,
    pub errors: usize,
}

impl Counts {
    /// Success, or [`EXIT_RECORD_ERRORS`] with a note on standard error.
    pub fn exit_code(self, noun: &str) -> ExitCode {
        if self.errors == 0 {
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "{} {noun} were in error; their error records are in the output",
            self.errors
        );
        ExitCode::from(EXIT_RECORD_ERRORS)
    }
}

/// Runs `work` on every item, `chunk` at a time in parallel, and hands each
/// answer to `sink` in input order. Errors are printed to standard error as
/// they come (`error[<code>]: ...`) and counted; `sink` sees them too, to
/// put an error record in the output (each command keeps its own
/// error-record shape and adds the code to it).
pub fn run<I, T, O, E, W, S>(
    items: I,
    chunk: usize,
    noun: &str,
    work: W,
    mut sink: S,
) -> anyhow::Result<Counts>
where
    I: Iterator<Item = T>,
    T: Send,
    O: Send,
    E: fmt::Display + Coded + Send,
    W: Fn(T) -> Result<O, E> + Sync,
    S: FnMut(Result<O, E>) -> anyhow::Result<()>,
{
    let progress = spinner(noun);
    let mut counts = Counts::default();
    let mut items = items.peekable();
    while items.peek().is_some() {
        let batch: Vec<T> = items.by_ref().take(chunk.max(1)).collect();
        let answers: Vec<Result<O, E>> = batch.into_par_iter().map(&work).collect();
        for answer in answers {
            match &answer {
                Ok(_) => counts.answered += 1,
                Err(e) => {
                    counts.errors += 1;
                    progress.suspend(|| eprintln!("error[{}]: {e}", e.code()));
                }
            }
            sink(answer)?;
            progress.inc(1);
        }
    }
    progress.finish_and_clear();
    Ok(counts)
}

fn spinner(noun: &str) -> indicatif::ProgressBar {
    let style =
        indicatif::ProgressStyle::with_template(&format!("{{spinner}} {{pos}} {noun} {{per_sec}}"))
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
    indicatif::ProgressBar::new_spinner().with_style(style)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order_and_counts_errors() {
        let mut seen = Vec::new();
        let counts = run(
            0..10u32,
            3,
            "items",
            |i| {
                if i % 4 == 1 {
                    Err(RecordError::new(
                        Path::new("f"),
                        Some(i as usize),
                        None,
                        &std::io::Error::other("odd"),
                    ))
                } else {
                    Ok(i * 10)
                }
            },
            |a| {
                seen.push(a.map_err(|e| e.line));
                Ok(())
            },
        )
        .expect("a sink that never fails");
        assert_eq!((counts.answered, counts.errors), (7, 3));
        assert_eq!(seen[0], Ok(0));
        assert_eq!(seen[1], Err(Some(1)));
        assert_eq!(seen[9], Err(Some(9)));
        assert_eq!(seen[8], Ok(80));
    }

    #[test]
    fn error_records_name_file_line_id_and_code() {
        let bad_date = "1984-02-30"
            .parse::<interdict_model::PartialDate>()
            .expect_err("no such day");
        let e = RecordError::new(Path::new("q.jsonl"), Some(4), None, &bad_date);
        assert_eq!(
            e.to_string(),
            "q.jsonl:4: invalid date \"1984-02-30\": no such day in that month"
        );
        assert_eq!(e.to_json()["id"], "line 4");
        assert_eq!(e.to_json()["error"]["line"], 4);
        assert_eq!(e.to_json()["error"]["code"], "date_malformed");
        let e = RecordError::new(Path::new("q.jsonl"), Some(4), Some("q9".into()), &bad_date);
        assert_eq!(e.label(), "q9");
    }

    /// A refused record's code exits as a batch with error records does:
    /// the single query, goods line or shipment given is a batch of one.
    #[test]
    fn record_codes_exit_as_a_batch_with_errors() {
        for code in [
            ErrorCode::QueryMalformed,
            ErrorCode::QueryBadDate,
            ErrorCode::GoodsBadHsCode,
            ErrorCode::GoodsBadField,
            ErrorCode::GoodsMalformedLine,
            ErrorCode::ShipmentMalformed,
            ErrorCode::LineTooLong,
            ErrorCode::LineNotUtf8,
        ] {
            assert_eq!(code.exit_status(), EXIT_RECORD_ERRORS, "{code}");
        }
    }
}
