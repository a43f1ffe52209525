//! `mpn-support validate`: check the data files the tool would use and list every problem.

use clap::Args;

use crate::app::Outcome;
use crate::cli::args::DataArgs;
use crate::data::{self, Severity};
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{Report, ValidateReport};

/// Check the data files and list every problem (exit 2 when any error)
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
    /// Message catalogue of `diagnose` to check instead of the built-in one
    #[arg(long, value_name = "FILE", help_heading = "Data files")]
    pub catalogue: Option<std::path::PathBuf>,
}

/// Checks the data files and the message catalogue; exit 0 when no error was found (warnings
/// allowed), else 2.
pub fn run(args: &ValidateArgs) -> Result<Outcome, AppError> {
    let checked = data::check(&args.data.paths());
    let (_, catalogue_problems, catalogue) =
        data::check_catalogue(args.catalogue.as_deref(), args.data.data_dir.as_deref());
    let mut files = checked.files;
    files.push(catalogue);
    let mut problems = checked.findings;
    problems.extend(catalogue_problems);
    let count = |s: Severity| problems.iter().filter(|d| d.severity == s).count();
    let report = ValidateReport {
        files,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        problems,
        data: checked.dataset.as_ref().map(crate::report::DataOut::new),
    };
    let exit = if report.errors == 0 {
        Exit::Success
    } else {
        Exit::Error
    };
    Ok(Outcome::new(Report::Validate(report), args.format, exit))
}
