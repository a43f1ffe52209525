//! `mpn-support validate`: check the data files the tool would use and list every problem.

use clap::Args;

use super::Context;
use crate::commands::args::DataArgs;
use crate::data::{self, Severity};
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::validate::ValidateReport;
use crate::report::{DataOut, Report};

/// Check the data files and list every problem (exit 2 when any error)
#[derive(Debug, Clone, Args)]
pub struct ValidateArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
    /// Message catalogue of `diagnose` to check instead of the built-in one
    #[arg(long, value_name = "FILE", help_heading = "Data files")]
    pub catalogue: Option<std::path::PathBuf>,
}

/// Checks every file and reports every problem.
pub fn run(args: &ValidateArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
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
        data: checked.dataset.as_ref().map(DataOut::new),
    };
    let exit = if report.errors == 0 {
        Exit::Success
    } else {
        Exit::Error
    };
    ctx.answer(&Report::Validate(report), args.format, &[], exit)
}
