//! Errors and warnings of the data layer.
//!
//! Every finding names its file, line and column: syntax and type errors take them from
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

/// Where in a file a problem is: a path of fields and array items, borrowed and linked on
/// the stack, so walking a file allocates nothing; it is rendered to a JSON pointer and a
/// readable label only when a problem is recorded.
#[derive(Debug, Clone, Copy)]
pub struct At<'a> {
    parent: Option<&'a At<'a>>,
    seg: Seg<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Seg<'a> {
    Root,
    Field(&'a str),
    Item(usize, &'a str),
}

impl At<'static> {
    /// The whole file.
    pub fn root() -> Self {
        At {
            parent: None,
            seg: Seg::Root,
        }
    }
}

impl<'a> At<'a> {
    /// A member of this object.
    pub fn field<'b>(&'b self, key: &'b str) -> At<'b> {
        At {
            parent: Some(self),
            seg: Seg::Field(key),
        }
    }

    /// An element of this array, labelled with its id or name when it has one.
    pub fn item<'b>(&'b self, index: usize, name: &'b str) -> At<'b> {
        At {
            parent: Some(self),
            seg: Seg::Item(index, name),
        }
    }

    /// The RFC 6901 pointer (`/products/3/versions/1/release`) and the readable label
    /// (``products[3] (`sql-server`) versions[1] (`2019`) release``).
    pub fn render(&self) -> (String, String) {
        let mut segs = Vec::new();
        let mut at = Some(self);
        while let Some(node) = at {
            segs.push(node.seg);
            at = node.parent;
        }
        let (mut pointer, mut label) = (String::new(), String::new());
        for seg in segs.iter().rev() {
            match seg {
                Seg::Root => {}
                Seg::Field(key) => {
                    pointer.push('/');
                    pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                    if !label.is_empty() {
                        label.push(' ');
                    }
                    label.push_str(key);
                }
                Seg::Item(index, name) => {
                    pointer.push_str(&format!("/{index}"));
                    label.push_str(&format!("[{index}]"));
                    if !name.is_empty() {
                        label.push_str(&format!(" (`{name}`)"));
                    }
                }
            }
        }
        (pointer, label)
    }
}

/// One semantic finding in a data file, before it is placed at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// RFC 6901 pointer to the value concerned.
    pub pointer: String,
    /// Readable form of the same place.
    pub label: String,
    /// What is wrong, e.g. `mainstream end 2020-01-01 before release 2021-01-01`.
    pub message: String,
    /// Error or warning.
    pub severity: Severity,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.label, self.message)
    }
}

/// Collects problems while a file is checked.
#[derive(Debug, Default)]
pub struct Problems(pub Vec<Problem>);

impl Problems {
    /// Records an error.
    pub fn error(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.push(at, message.into(), Severity::Error);
    }

    /// Records a warning.
    pub fn warning(&mut self, at: &At<'_>, message: impl Into<String>) {
        self.push(at, message.into(), Severity::Warning);
    }

    fn push(&mut self, at: &At<'_>, message: String, severity: Severity) {
        let (pointer, label) = at.render();
        self.0.push(Problem {
            pointer,
            label,
            message,
            severity,
        });
    }

    /// Whether any error (not warning) was recorded.
    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|p| p.severity == Severity::Error)
    }
}

/// A problem placed in its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
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

impl Finding {
    /// Places a semantic problem in the file text it was found in.
    pub fn place(file: &str, text: &str, problem: Problem) -> Self {
        let (line, column) = locate(text, &problem.pointer).unwrap_or((1, 1));
        Finding {
            file: file.to_owned(),
            line,
            column,
            severity: problem.severity,
            entry: problem.label,
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
        Finding {
            file: file.to_owned(),
            line: err.line().max(1),
            column: err.column().max(1),
            severity: Severity::Error,
            entry: String::new(),
            message,
        }
    }
}

impl fmt::Display for Finding {
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
        errors: Vec<Finding>,
    },
}
