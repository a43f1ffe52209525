//! Everything that stops a command from answering, typed: each layer's error wrapped once,
//! printed once by `main` (one line per problem, values escaped).

use thiserror::Error;

use crate::data::DataError;
use crate::engine::QueryError;
use crate::i18n::Words;
use crate::input::FileError;
use crate::lifecycle::sources::ImportError;
use crate::message::{Msg, Value};
use crate::names::UnknownNameError;
use crate::render;

/// Everything that stops a command from answering. Each message is one line per problem,
/// lowercase, with user values in backticks.
#[derive(Debug, Error)]
pub enum AppError {
    /// A data file cannot be used.
    #[error(transparent)]
    Data(#[from] DataError),
    /// One or more names on the command line match nothing in the data.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\nerror: "))]
    Unknown(Vec<UnknownNameError>),
    /// A source file cannot be read.
    #[error("cannot read `{path}`: {message}")]
    Read {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// An output file cannot be written.
    #[error("cannot write `{path}`: {message}")]
    Write {
        /// The file.
        path: String,
        /// Why.
        message: String,
    },
    /// The lifecycle sources cannot be imported.
    #[error(transparent)]
    Import(#[from] crate::lifecycle::sources::ImportError),
    /// An endoflife.date answer cannot be fetched.
    #[error(transparent)]
    Fetch(#[from] crate::lifecycle::fetch::FetchError),
    /// `lifecycle update` took longer than its time limit.
    #[error(transparent)]
    TimedOut(#[from] crate::lifecycle::fetch::TimedOut),
    /// `lifecycle update` would remove versions the current data has.
    #[error(transparent)]
    Loss(#[from] crate::lifecycle::diff::LossError),
    /// The platform names no per-user data folder for `lifecycle update` to write to.
    #[error(
        "this system names no per-user data folder (no home directory): give the file to write with --output"
    )]
    NoDataFolder,
    /// The answer cannot be printed.
    #[error(transparent)]
    Print(#[from] render::PrintError),
    /// A request cannot be decided.
    #[error(transparent)]
    Query(#[from] QueryError),
    /// A batch or expectation file cannot be used at all.
    #[error(transparent)]
    Batch(#[from] FileError),
    /// A batch-only format was asked for a single check.
    #[error("the `{}` format is for `check --batch` only (a single check takes text, json, jsonl, markdown or csv)", format.name())]
    FormatNotForSingleCheck {
        /// The format asked for.
        format: render::Format,
    },
}

impl AppError {
    /// What the error says, one message per problem (several names unknown); `None` for the
    /// errors shown as a head line and a list (a data file's findings, the importer's, the
    /// versions an update would remove).
    fn messages(&self) -> Option<Vec<Msg<'_>>> {
        fn text(s: &str) -> Value<'_> {
            Value::Text(s)
        }
        Some(match self {
            AppError::Unknown(all) | AppError::Query(QueryError::Unknown(all)) => {
                all.iter().map(UnknownNameError::message).collect()
            }
            AppError::Query(e) => vec![e.message()],
            AppError::Read { path, message }
            | AppError::Batch(FileError::Read { path, message })
            | AppError::Data(DataError::Read { path, message }) => {
                vec![Msg::new(
                    "error-cannot-read",
                    vec![("path", text(path)), ("message", reason(message))],
                )]
            }
            AppError::Write { path, message } => vec![Msg::new(
                "error-cannot-write",
                vec![("path", text(path)), ("message", text(message))],
            )],
            AppError::NoDataFolder => vec![Msg::plain("error-no-data-folder")],
            AppError::Batch(FileError::Empty { path, .. }) => {
                vec![Msg::new("error-empty-input", vec![("path", text(path))])]
            }
            AppError::Batch(FileError::Input { path, line, error }) => {
                let (id, args) = error.parts();
                let message = Value::Message(id, args);
                vec![match line {
                    Some(line) => Msg::new(
                        "error-bad-input-line",
                        vec![
                            ("path", text(path)),
                            ("line", Value::Count(*line as u64)),
                            ("message", message),
                        ],
                    ),
                    None => Msg::new(
                        "error-bad-input",
                        vec![("path", text(path)), ("message", message)],
                    ),
                }]
            }
            AppError::FormatNotForSingleCheck { format } => vec![Msg::new(
                "error-format-for-batch",
                vec![("format", Value::Word(format.name()))],
            )],
            AppError::Print(render::PrintError::Unsupported { format, what }) => vec![Msg::new(
                "error-format-unsupported",
                vec![("format", Value::Word(format)), ("what", text(what))],
            )],
            AppError::Print(render::PrintError::Write { what, source }) => vec![Msg::new(
                "error-cannot-write",
                vec![
                    ("path", Value::Word(what)),
                    ("message", Value::Owned(source.to_string())),
                ],
            )],
            AppError::Fetch(e) => vec![e.message()],
            AppError::TimedOut(e) => vec![e.message()],
            AppError::Data(DataError::Invalid { .. }) | AppError::Import(_) | AppError::Loss(_) => {
                return None;
            }
        })
    }

    /// The error as printed on stderr, one line per problem (several names unknown, several
    /// data-file problems): `error: ...`, a data file's problems listed under it. Each is meant
    /// for one line: a newline inside one is part of a value, not a new message.
    pub fn lines(&self, words: &Words) -> Vec<String> {
        let label = words.text("label-error");
        if let Some(messages) = self.messages() {
            return messages
                .iter()
                .map(|m| format!("{label}: {}", words.msg(m)))
                .collect();
        }
        match self {
            AppError::Data(DataError::Invalid { errors }) => {
                let mut lines = vec![format!(
                    "{label}: {}",
                    words.format(
                        "error-invalid-data",
                        &[("count", Value::Count(errors.len() as u64))]
                    )
                )];
                lines.extend(errors.iter().map(ToString::to_string));
                lines
            }
            AppError::Import(ImportError::Invalid { problems, hidden }) => {
                let mut lines = vec![format!(
                    "{label}: {}",
                    words.format(
                        "error-import-invalid",
                        &[("count", Value::Count((problems.len() + hidden) as u64))]
                    )
                )];
                lines.extend(problems.iter().cloned());
                if *hidden > 0 {
                    lines.push(
                        words.format("error-and-more", &[("count", Value::Count(*hidden as u64))]),
                    );
                }
                lines
            }
            AppError::Loss(loss) => {
                let (head, products) = loss.messages();
                std::iter::once(format!("{label}: {}", words.msg(&head)))
                    .chain(products.iter().map(|m| words.msg(m)))
                    .collect()
            }
            other => vec![format!("{label}: {other}")],
        }
    }
}

/// Why a file cannot be read, in the catalogue's words when it is one of the readers' own
/// reasons; what the operating system said is shown as it is.
fn reason(message: &str) -> Value<'_> {
    use crate::data::reasons;
    let id = match message {
        reasons::NOT_FOUND => "reason-not-found",
        reasons::PERMISSION_DENIED => "reason-permission-denied",
        reasons::DIRECTORY => "reason-directory",
        reasons::NOT_REGULAR => "reason-not-regular",
        other => return Value::Text(other),
    };
    Value::Message(id, Vec::new())
}

impl From<UnknownNameError> for AppError {
    fn from(e: UnknownNameError) -> Self {
        AppError::Unknown(vec![e])
    }
}
