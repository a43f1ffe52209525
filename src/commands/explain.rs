//! `mpn-support explain`: the same decision as `check`, told as numbered prose, one paragraph
//! per rule with the dates and numbers filled in, ready for an email or a ticket.

use clap::Args;

use super::Context;
use crate::commands::args::{DataArgs, RequestArgs};
use crate::data;
use crate::engine;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::{CheckReport, Report};

/// Explain a check as numbered prose, one paragraph per rule (for emails and tickets)
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg("tier", |a| a.required(true)),
    mut_arg("product", |a| a.required(true)),
    mut_arg("as_of", |a| a.help("Decide as of this day, YYYY-MM-DD [default: today]"))
)]
pub struct ExplainArgs {
    /// The request
    #[command(flatten)]
    pub request: RequestArgs,
    /// Output format (markdown for tickets; json is the same answer as `check --format json`)
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Decides the request as `check` does and tells it; exit status as `check`.
pub fn run(args: &ExplainArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let decision = engine::decide(&args.request.request(ctx.today), &data)?;
    let report = CheckReport::new(&decision, &data, ctx.out.words);
    let exit = Exit::answer(report.eligible);
    let warnings = report.warnings.clone();
    ctx.answer(
        &Report::Explain(Box::new(report)),
        args.format,
        &warnings,
        exit,
    )
}
