//! Errors of the data layer: a file that cannot be read, parsed or trusted.
//!
//! Every variant names its file. Syntax and type errors carry serde_json's line and column;
//! semantic problems carry the entry they are about. All semantic problems of a file are
//! collected and reported together.

use std::fmt;

use thiserror::Error;

/// A data file that cannot be used.
#[derive(Debug, Error)]
pub enum DataError {
    /// The file could not be read at all.
    #[error("cannot read `{path}`: {message}")]
    Read {
        /// The file as the user named it.
        path: String,
        /// What the operating system said.
        message: String,
    },
    /// The file is not valid JSON or does not have the expected shape.
    #[error("{path}:{line}:{column}: {message}")]
    Syntax {
        /// The file as the user named it.
        path: String,
        /// 1-based line of the fault.
        line: usize,
        /// 1-based column of the fault.
        column: usize,
        /// serde_json's description, without its own position suffix.
        message: String,
    },
    /// The file parses but says something impossible; every problem is listed.
    #[error("{path}: {} problem{} found\n{}", problems.len(), plural(problems.len()), list(path, problems))]
    Invalid {
        /// The file as the user named it.
        path: String,
        /// Each problem, in file order.
        problems: Vec<Problem>,
    },
}

impl DataError {
    /// Builds a syntax error from serde_json's error, keeping its line and column.
    pub fn syntax(path: &str, err: &serde_json::Error) -> Self {
        let text = err.to_string();
        // serde_json appends " at line L column C"; the position moves to the front instead.
        let message = match text.rfind(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        DataError::Syntax {
            path: path.to_owned(),
            line: err.line(),
            column: err.column(),
            message,
        }
    }
}

/// One semantic fault in a data file: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The entry, e.g. ``products[3] (`sql-server`) versions[1] (`2019`)``.
    pub entry: String,
    /// What is wrong, e.g. `mainstream end 2020-01-01 before release 2021-01-01`.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.entry, self.message)
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn list(path: &str, problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {path}: {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}
