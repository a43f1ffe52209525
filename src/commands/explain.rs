//! `mpn-support explain`: the same decision as `check`, told as numbered prose, one paragraph
//! per rule with the dates and numbers filled in, ready for an email or a ticket.

use chrono::NaiveDate;
use clap::Args;

use crate::app::Outcome;
use crate::cli::args::{DataArgs, RequestArgs};
use crate::commands::decide;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{ExplainReport, Report};
use crate::request::Request;

/// Explain a check as numbered prose, one paragraph per rule (for emails and tickets)
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg("tier", |a| a.required(true)),
    mut_arg("product", |a| a.required(true))
)]
pub struct ExplainArgs {
    /// The request
    #[command(flatten)]
    pub request: RequestArgs,
    /// Output format (markdown for tickets)
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Decides the request as `check` does and tells it; exit status as `check`.
pub fn run(args: &ExplainArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let report = decide(&data, &Request::from_args(&args.request, today))?;
    let exit = Exit::answer(report.eligible);
    let explained = Report::Explain(ExplainReport::new(&report));
    Ok(Outcome::new(explained, args.format, exit).with_warnings(report.warnings))
}
