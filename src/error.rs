//! Everything that stops a command from answering, typed: each layer's error wrapped once,
//! printed once by `main` (one line per problem, values escaped).

use chrono::NaiveDate;
use thiserror::Error;

use crate::data::{DataError, Deployment};
use crate::lifecycle::sources::ImportError;
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
    /// A version was given for a cloud product.
    #[error(
        "`{product}` is a cloud product and has no versions (cloud products are not affected by the N-1 policy): drop `--version {version}`"
    )]
    CloudVersion {
        /// Product id.
        product: String,
        /// The version given.
        version: String,
    },
    /// The entitlement table has no support type for a product's deployment.
    #[error("the entitlement table has no support type for {deployment} products")]
    NoSupportType {
        /// The deployment without a support type.
        deployment: Deployment,
    },
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
    /// The report cannot be rendered.
    #[error(transparent)]
    Render(#[from] render::RenderError),
    /// A batch or expectation file cannot be used at all (its header, or its JSON).
    #[error("`{path}`: {message}")]
    BadInput {
        /// The file.
        path: String,
        /// What is wrong, with its line.
        message: String,
    },
    /// The as-of day is before the first day the rule book covers.
    #[error(
        "the rule book starts on {first}: `{as_of}` is before it, so nothing can be decided (use an as-of date on or after {first})"
    )]
    BeforeRuleBook {
        /// The day asked for.
        as_of: NaiveDate,
        /// The rule book's first day.
        first: NaiveDate,
    },
    /// The tier was offered on the day, but no figure for it is published.
    #[error(
        "no published figure for `{tier}` with {support_type} on {as_of}: the rule book has figures for it {documented}"
    )]
    NoPublishedFigure {
        /// Tier id.
        tier: String,
        /// Support type display name.
        support_type: String,
        /// The day asked for.
        as_of: NaiveDate,
        /// The documented windows, in words.
        documented: String,
    },
    /// A batch-only format was asked for a single check.
    #[error("the `{}` format is for `check --batch` only", format.name())]
    FormatNotForSingleCheck {
        /// The format asked for.
        format: render::CheckFormat,
    },
}

impl AppError {
    /// The error as printed on stderr, one line per problem (several names unknown, several
    /// data-file problems): `error: ...`, a data file's problems listed under it. Each is meant
    /// for one line: a newline inside one is part of a value, not a new message.
    pub fn lines(&self) -> Vec<String> {
        match self {
            AppError::Unknown(all) => all.iter().map(|e| format!("error: {e}")).collect(),
            AppError::Data(DataError::Invalid { errors }) => {
                let mut lines = vec![format!(
                    "error: invalid data ({} error{}):",
                    errors.len(),
                    if errors.len() == 1 { "" } else { "s" }
                )];
                lines.extend(errors.iter().map(ToString::to_string));
                lines
            }
            AppError::Import(ImportError::Invalid { problems, hidden }) => {
                let mut lines = vec![format!(
                    "error: the imported data would not load, so nothing was written ({} error{}):",
                    problems.len() + hidden,
                    if problems.len() + hidden == 1 {
                        ""
                    } else {
                        "s"
                    }
                )];
                lines.extend(problems.iter().cloned());
                if *hidden > 0 {
                    lines.push(format!("and {hidden} more"));
                }
                lines
            }
            AppError::Loss(loss) => std::iter::once(format!("error: {loss}:"))
                .chain(loss.details())
                .collect(),
            other => vec![format!("error: {other}")],
        }
    }
}

impl From<UnknownNameError> for AppError {
    fn from(e: UnknownNameError) -> Self {
        AppError::Unknown(vec![e])
    }
}
