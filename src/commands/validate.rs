//! `mpn-support validate`: check the data files the tool would use and list every problem.

use clap::Args;

use crate::cli::DataArgs;
use crate::data::{self, Severity};
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{Report, ValidateReport};
use crate::{AppError, Outcome};

/// Arguments of `validate`.
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Checks both files; exit 0 when no error was found (warnings allowed), else 2.
pub fn run(args: &ValidateArgs) -> Result<Outcome, AppError> {
    let checked = data::check(&args.data.paths());
    let count = |s: Severity| {
        checked
            .diagnostics
            .iter()
            .filter(|d| d.severity == s)
            .count()
    };
    let report = ValidateReport {
        files: checked.files.clone(),
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        problems: checked.diagnostics,
    };
    let exit = if report.errors == 0 {
        Exit::Success
    } else {
        Exit::Error
    };
    Ok(Outcome {
        report: Report::Validate(report),
        format: args.format,
        exit,
        warnings: Vec::new(),
        summary: None,
    })
}
