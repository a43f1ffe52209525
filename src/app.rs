//! Dispatch: runs the parsed command line and returns what to print, in which format, and how
//! the process ends.

use chrono::NaiveDate;
use clap::CommandFactory as _;

use crate::cli::{Cli, Command};
use crate::commands;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::{self, Format};
use crate::report::Report;

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
