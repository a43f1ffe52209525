//! `mpn-support programs`: the rule book over time, every period at a glance.

use clap::Args;

use super::Context;
use crate::commands::args::DataArgs;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::Report;
use crate::report::programs::ProgramsReport;

/// Print the rule book over time: programs, offers, figures and names, with sources
#[derive(Debug, Clone, Args)]
pub struct ProgramsArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the entitlement table and lays out its periods.
pub fn run(args: &ProgramsArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let report = ProgramsReport::new(&data.entitlements, ctx.out.words);
    ctx.answer(&Report::Programs(report), args.format, &[], Exit::Success)
}
