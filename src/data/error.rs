//! Errors and warnings of the data layer.
//!
//! Every diagnostic names its file, line and column: syntax and type errors take them from
//! serde_json, semantic problems from the JSON pointer of the entry they are about. All
//! problems of both files are collected and reported together.

use std::fmt;

use serde::Serialize;
use thiserror::Error;

use super::locate::locate;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The file cannot be used.
    Error,
    /// The file can be used but something looks wrong.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }
}

/// Where in a file a problem is: a JSON pointer and a readable label for the same place.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct At {
    /// RFC 6901 pointer, e.g. `/products/3/versions/1/release`.
    pub pointer: String,
    /// Readable form, e.g. ``products[3] (`sql-server`) versions[1] (`2019`) release``.
    pub label: String,
}

impl At {
    /// The whole file.
    pub fn root() -> Self {
        At::default()
    }

    /// A member of this object.
    pub fn field(&self, key: &str) -> Self {
        At {
            pointer: format!(
                "{}/{}",
                self.pointer,
                key.replace('~', "~0").replace('/', "~1")
            ),
            label: if self.label.is_empty() {
                key.to_owned()
            } else {
                format!("{} {key}", self.label)
            },
        }
    }

    /// An element of this array, labelled with its id or name when it has one.
    pub fn item(&self, index: usize, name: &str) -> Self {
        At {
            pointer: format!("{}/{index}", self.pointer),
            label: if name.is_empty() {
                format!("{}[{index}]", self.label)
            } else {
                format!("{}[{index}] (`{name}`)", self.label)
            },
        }
    }
}

/// One semantic finding in a data file, before it is placed at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where it is.
    pub at: At,
    /// What is wrong, e.g. `mainstream end 2020-01-01 before release 2021-01-01`.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at.label, self.message)
    }
}

/// Collects problems while a file is checked.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records an error.
    pub fn error(&mut self, at: &At, message: impl Into<String>) {
        self.0.push(Problem {
            at: at.clone(),
            message: message.into(),
            severity: Severity::Error,
        });
    }

    /// Records a warning.
    pub fn warning(&mut self, at: &At, message: impl Into<String>) {
        self.0.push(Problem {
            at: at.clone(),
            message: message.into(),
            severity: Severity::Warning,
        });
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|p| p.severity == Severity::Error)
    }
}

/// A problem placed in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// Error or warning.
    pub severity: Severity,
    /// The entry, e.g. ``products[3] (`sql-server`)``; empty for the file as a whole.
    pub entry: String,
    /// What is wrong.
    pub message: String,
}

impl Diagnostic {
    /// Places a semantic problem in the file text it was found in.
    pub fn place(file: &str, text: &str, problem: Problem) -> Self {
        let (line, column) = locate(text, &problem.at.pointer).unwrap_or((1, 1));
        Diagnostic {
            file: file.to_owned(),
            line,
            column,
            severity: problem.severity,
            entry: problem.at.label,
            message: problem.message,
        }
    }

    /// A syntax or type error from serde_json, at its own line and column.
    pub fn syntax(file: &str, err: &serde_json::Error) -> Self {
        let text = err.to_string();
        // serde_json appends " at line L column C"; the position moves to the front instead.
        let message = match text.rfind(" at line ") {
            Some(at) => text[..at].to_owned(),
            None => text,
        };
        Diagnostic {
            file: file.to_owned(),
            line: err.line().max(1),
            column: err.column().max(1),
            severity: Severity::Error,
            entry: String::new(),
            message,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}: ",
            self.file, self.line, self.column, self.severity
        )?;
        if !self.entry.is_empty() {
            write!(f, "{}: ", self.entry)?;
        }
        f.write_str(&self.message)
    }
}

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
    /// The files parse badly or say something impossible; every error is listed.
    #[error(
        "invalid data ({} error{}):\n{}",
        errors.len(),
        if errors.len() == 1 { "" } else { "s" },
        errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
    )]
    Invalid {
        /// Each error, in file order.
        errors: Vec<Diagnostic>,
    },
}
