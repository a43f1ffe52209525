//! Why a batch, or one of its rows, cannot be read: typed, with its words in the catalogues
//! (`input-*`). A fault of the whole input (its encoding, its header, a JSON array) stops the
//! batch; a fault of a row is that row's error. The line is kept beside the error, not in it.

use std::fmt;

use super::values::ValueError;
use crate::message::{Args, Msg, Value};
use crate::names::UnknownNameError;

/// Why a batch or a row cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The file starts with a UTF-16 byte order mark.
    Utf16,
    /// The text is not UTF-8.
    NotUtf8,
    /// A CSV header of one column with `;` or a tab in it: another separator.
    Separator {
        /// `;` or a tab.
        separator: char,
    },
    /// A header cell with no name.
    BlankColumn {
        /// Its position, from 1.
        position: usize,
    },
    /// A header that plainly means a known column but is not one.
    UnknownColumn {
        /// The header as written.
        name: String,
        /// The column it means.
        meant: &'static str,
        /// The columns the batch reads.
        known: &'static [&'static str],
    },
    /// A CSV header naming a column twice.
    DuplicateColumn {
        /// The column as written.
        name: String,
    },
    /// A CSV header without a required column.
    MissingColumn {
        /// The column.
        column: &'static str,
    },
    /// A row over the length a row may have.
    RowTooLong {
        /// Its length.
        bytes: u64,
    },
    /// A field over the length a field may have.
    FieldTooLong {
        /// Its column.
        column: String,
        /// Its length.
        bytes: usize,
    },
    /// A CSV row with another number of fields than the header.
    FieldCount {
        /// The header's.
        expected: u64,
        /// The row's.
        found: u64,
    },
    /// A quote opened a field of this row and was never closed: the rest of the input was
    /// read into that field.
    OpenQuote {
        /// The field it opens, from 1.
        field: usize,
    },
    /// A CSV fault in the csv crate's own words.
    Csv {
        /// What it says.
        message: String,
    },
    /// A JSON fault in serde_json's own words.
    Json {
        /// What it says.
        message: String,
    },
    /// A JSON array that ends before its closing `]`.
    ArrayCutShort,
    /// A JSON Lines row whose JSON does not end on its line.
    RowCutShort,
    /// A JSON array larger than a file read whole may be.
    ArrayTooLarge {
        /// The limit, in MiB.
        mib: u64,
    },
    /// A JSON row that is not an object.
    NotAnObject {
        /// What it is: `array`, `string`, `number`, `boolean` or `null`.
        found: &'static str,
    },
    /// A JSON key that is blank.
    BlankKey,
    /// A JSON row giving a column twice.
    GivenTwice {
        /// The column.
        column: String,
    },
    /// A known column given as JSON that is no text, number or boolean.
    NotText {
        /// The key.
        key: String,
        /// The value, as JSON.
        found: String,
    },
    /// A row without a column it needs.
    Missing {
        /// The column.
        column: &'static str,
    },
    /// A `verify` row without `expect`.
    MissingExpect,
    /// A cell whose value is not what its column takes.
    Cell {
        /// The column.
        column: &'static str,
        /// What is wrong with the value.
        error: ValueError,
    },
    /// A name that matches nothing in the data (a `verify` row's channel).
    Name(Box<UnknownNameError>),
    /// The input could not be read further.
    CannotRead {
        /// The system's words.
        message: String,
    },
    /// An input with no rows.
    NoRows {
        /// Expectations (`verify`), not requests.
        expectations: bool,
    },
}

/// The English words of an error are its `Display`, so the two cannot drift.
impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::Words::default().msg(&self.message()))
    }
}

impl std::error::Error for InputError {}

/// A name in backticks, as the catalogues quote values.
fn code(value: &str) -> Value<'_> {
    Value::Message("error-value", vec![("value", Value::Text(value))])
}

impl InputError {
    /// In words (the catalogues' `input-*`).
    pub fn message(&self) -> Msg<'_> {
        let (id, args) = self.parts();
        Msg::new(id, args)
    }

    /// The message id and its arguments.
    pub fn parts(&self) -> (&'static str, Args<'_>) {
        let count = |n: u64| Value::Count(n);
        match self {
            InputError::Utf16 => ("input-utf16", Vec::new()),
            InputError::NotUtf8 => ("input-not-utf8", Vec::new()),
            InputError::Separator { separator } => (
                "input-separator",
                vec![(
                    "separator",
                    Value::Word(if *separator == '\t' { "tab" } else { ";" }),
                )],
            ),
            InputError::BlankColumn { position } => (
                "input-blank-column",
                vec![("position", count(*position as u64))],
            ),
            InputError::UnknownColumn { name, meant, known } => (
                "input-unknown-column",
                vec![
                    ("name", Value::Text(name)),
                    ("meant", Value::Text(meant)),
                    (
                        "known",
                        Value::Codes(known.iter().map(|c| code(c)).collect()),
                    ),
                ],
            ),
            InputError::DuplicateColumn { name } => {
                ("input-duplicate-column", vec![("name", Value::Text(name))])
            }
            InputError::MissingColumn { column } => (
                "input-missing-column",
                vec![("column", Value::Text(column))],
            ),
            InputError::RowTooLong { bytes } => (
                "input-row-too-long",
                vec![
                    ("bytes", count(*bytes)),
                    ("max", count(super::MAX_ROW_BYTES)),
                ],
            ),
            InputError::FieldTooLong { column, bytes } => (
                "input-field-too-long",
                vec![
                    ("column", Value::Text(column)),
                    ("bytes", count(*bytes as u64)),
                    ("max", count(super::MAX_FIELD_BYTES as u64)),
                ],
            ),
            InputError::FieldCount { expected, found } => (
                "input-field-count",
                vec![("expected", count(*expected)), ("found", count(*found))],
            ),
            InputError::OpenQuote { field } => {
                ("input-open-quote", vec![("field", count(*field as u64))])
            }
            InputError::Csv { message } | InputError::Json { message } => {
                ("input-parser", vec![("message", Value::Text(message))])
            }
            InputError::ArrayCutShort => ("input-array-cut-short", Vec::new()),
            InputError::RowCutShort => ("input-row-cut-short", Vec::new()),
            InputError::ArrayTooLarge { mib } => {
                ("input-array-too-large", vec![("mib", count(*mib))])
            }
            InputError::NotAnObject { found } => {
                ("input-not-an-object", vec![("found", Value::Word(found))])
            }
            InputError::BlankKey => ("input-blank-key", Vec::new()),
            InputError::GivenTwice { column } => {
                ("input-given-twice", vec![("column", Value::Text(column))])
            }
            InputError::NotText { key, found } => (
                "input-not-text",
                vec![("key", Value::Text(key)), ("found", Value::Text(found))],
            ),
            InputError::Missing { column } => {
                ("input-missing", vec![("column", Value::Text(column))])
            }
            InputError::MissingExpect => ("input-missing-expect", Vec::new()),
            InputError::Cell { column, error } => {
                let (problem, args) = error.parts();
                (
                    "input-cell",
                    vec![
                        ("column", Value::Text(column)),
                        ("problem", Value::Message(problem, args)),
                    ],
                )
            }
            InputError::Name(e) => ("error-unknown-name", e.message().args),
            InputError::CannotRead { message } => {
                ("input-cannot-read", vec![("message", Value::Text(message))])
            }
            InputError::NoRows { expectations } => (
                if *expectations {
                    "input-no-expectations"
                } else {
                    "input-no-requests"
                },
                Vec::new(),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::values::Expected;

    /// Every error has its words in every catalogue (a missing message shows as its id).
    #[test]
    fn every_error_has_words() {
        let value = ValueError {
            value: "x".into(),
            expected: Expected::YesNo,
        };
        let all = [
            InputError::Utf16,
            InputError::NotUtf8,
            InputError::Separator { separator: ';' },
            InputError::Separator { separator: '\t' },
            InputError::BlankColumn { position: 3 },
            InputError::UnknownColumn {
                name: "release".into(),
                meant: "version",
                known: &["tier", "version"],
            },
            InputError::DuplicateColumn { name: "x".into() },
            InputError::MissingColumn { column: "tier" },
            InputError::RowTooLong { bytes: 70000 },
            InputError::FieldTooLong {
                column: "x".into(),
                bytes: 5000,
            },
            InputError::FieldCount {
                expected: 3,
                found: 2,
            },
            InputError::OpenQuote { field: 2 },
            InputError::Csv {
                message: "x".into(),
            },
            InputError::ArrayCutShort,
            InputError::RowCutShort,
            InputError::ArrayTooLarge { mib: 16 },
            InputError::NotAnObject { found: "array" },
            InputError::BlankKey,
            InputError::GivenTwice {
                column: "tier".into(),
            },
            InputError::NotText {
                key: "k".into(),
                found: "[]".into(),
            },
            InputError::Missing { column: "tier" },
            InputError::MissingExpect,
            InputError::Cell {
                column: "csp",
                error: value,
            },
            InputError::CannotRead {
                message: "EIO".into(),
            },
            InputError::NoRows { expectations: true },
            InputError::NoRows {
                expectations: false,
            },
        ];
        for lang in crate::i18n::Lang::ALL {
            let words = crate::i18n::Words::new(lang);
            for e in &all {
                let text = words.msg(&e.message());
                assert!(
                    !text.starts_with("input-") && !text.contains("value-not-"),
                    "{lang}: {text}"
                );
            }
        }
        assert_eq!(
            InputError::Cell {
                column: "csp",
                error: ValueError {
                    value: "1".into(),
                    expected: Expected::YesNo
                }
            }
            .to_string(),
            "csp: `1` is none of `yes`, `no`, `true`, `false` (any case)"
        );
    }
}

/// Why a batch or expectation file cannot be used at all: it cannot be read, it is empty, or a
/// fault of the whole input (its encoding, its header, a JSON array). `AppError` wraps it.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    /// The file cannot be read.
    #[error("cannot read `{path}`: {message}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// The file is empty (0 bytes, or a byte order mark only).
    #[error("`{path}`: {message}")]
    Empty {
        /// The file.
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A fault of the whole input, at its line when it has one.
    #[error("`{path}`: {}{error}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
    Input {
        /// The file.
        path: String,
        /// The line, when the fault has one.
        line: Option<usize>,
        /// What is wrong.
        error: InputError,
    },
}
