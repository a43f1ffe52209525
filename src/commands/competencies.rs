//! `mpn-support competencies`: the competencies `--competency` takes, with their classes.

use clap::Args;

use super::Context;
use crate::commands::args::DataArgs;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::Report;
use crate::report::competencies::CompetenciesReport;

/// List the competencies --competency takes, with their classes
#[derive(Debug, Clone, Args)]
pub struct CompetenciesArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Lists the competencies of the entitlement table.
pub fn run(args: &CompetenciesArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let report = CompetenciesReport::new(&data.entitlements, ctx.out.words);
    ctx.answer(
        &Report::Competencies(report),
        args.format,
        &[],
        Exit::Success,
    )
}
