//! mpn-support: does a Microsoft partner membership give free technical support for a
//! product version, how many incidents, and where is the request opened?
//!
//! `run` takes parsed arguments and today's date (read once, by `main`) and returns a typed
//! [`Outcome`]: the report to render, its format and the exit status. Errors are typed here
//! and printed once, by `main`.

pub mod args;
pub mod batch;
pub mod cli;
pub mod commands;
pub mod data;
pub mod endoflife;
pub mod escape;
pub mod exit;
pub(crate) mod import;
pub mod matching;
pub mod names;
pub mod render;
pub mod report;
pub mod request;
pub mod rules;

use chrono::NaiveDate;
use clap::CommandFactory as _;
use thiserror::Error;

use cli::{Cli, Command};
use data::{DataError, Deployment};
use exit::Exit;
use names::UnknownNameError;
use render::Format;
use report::Report;

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
    Import(#[from] import::ImportError),
    /// An endoflife.date answer cannot be fetched.
    #[error(transparent)]
    Fetch(#[from] endoflife::FetchError),
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
            other => vec![format!("error: {other}")],
        }
    }
}

impl From<UnknownNameError> for AppError {
    fn from(e: UnknownNameError) -> Self {
        AppError::Unknown(vec![e])
    }
}

/// A command's result: what to show, how, and how the process ends.
#[derive(Debug)]
pub struct Outcome {
    /// The report.
    pub report: Report,
    /// The format asked for.
    pub format: Format,
    /// The exit status the report implies.
    pub exit: Exit,
    /// Warnings for stderr (printed before the report, each after `warning: `).
    pub warnings: Vec<String>,
    /// A closing line for stderr, printed as it is (the batch counts).
    pub summary: Option<String>,
}

impl Outcome {
    /// A report to print in `format`, ending the process with `exit`, no warnings.
    pub fn new(report: Report, format: Format, exit: Exit) -> Self {
        Outcome {
            report,
            format,
            exit,
            warnings: Vec::new(),
            summary: None,
        }
    }

    /// The same, with warnings for stderr.
    pub fn with_warnings(self, warnings: Vec<String>) -> Self {
        Outcome { warnings, ..self }
    }

    /// Renders the report in its format, coloured or not.
    pub fn render(&self, style: render::Style) -> Result<String, AppError> {
        Ok(render::render(&self.report, self.format, style)?)
    }
}

/// Runs a parsed command line as of `today`. Commands that stream (`check --batch`, `verify`)
/// write to `out` as they go; the others return their report in the outcome.
pub fn run(cli: &Cli, today: NaiveDate, out: &mut dyn std::io::Write) -> Result<Outcome, AppError> {
    match &cli.command {
        Command::Check(args) => commands::check::run(args, today, out),
        Command::Matrix(args) => commands::matrix::run(args, today),
        Command::Competencies(args) => commands::competencies::run(args),
        Command::Products(args) => commands::products::run(args, today),
        Command::Programs(args) => commands::programs::run(args),
        Command::Lifecycle(command) => commands::lifecycle::run(command, today),
        Command::Validate(args) => commands::validate::run(args),
        Command::Explain(args) => commands::explain::run(args, today),
        Command::Roles(args) => commands::roles::run(args),
        Command::Diagnose(args) => commands::diagnose::run(args),
        Command::Verify(args) => commands::verify::run(args, today, out),
        Command::Completions(args) => commands::completions::run(args, Cli::command()),
        Command::Man(args) => commands::completions::run_man(args, Cli::command()),
        Command::Schema(args) => commands::schema::run(args),
    }
}
