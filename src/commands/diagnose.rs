//! `mpn-support diagnose "<message or symptom>"`: what a confusing portal message means and
//! what to do, from the message catalogue (`data/diagnostics.json`).

use std::path::PathBuf;

use clap::Args;

use super::Context;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::Report;
use crate::report::diagnose::DiagnoseReport;

/// Match a portal message or symptom to its cause and what to do
#[derive(Debug, Clone, Args)]
pub struct DiagnoseArgs {
    /// What the portal said or what you see, in English or Japanese; a fragment will do
    #[arg(value_name = "MESSAGE", required = true, num_args = 1.., value_parser = non_blank)]
    pub message: Vec<String>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Message catalogue to use instead of the built-in one
    #[arg(long, value_name = "FILE", help_heading = "Data files")]
    pub catalogue: Option<PathBuf>,
    /// Directory holding diagnostics.json
    #[arg(
        long,
        value_name = "DIR",
        env = "MPN_SUPPORT_DATA_DIR",
        help_heading = "Data files"
    )]
    pub data_dir: Option<PathBuf>,
}

/// Matches the message; exit 0 with the answer, or 1 with the known messages.
pub fn run(args: &DiagnoseArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let catalogue = data::load_catalogue(args.catalogue.as_deref(), args.data_dir.as_deref())?;
    let report = DiagnoseReport::new(&catalogue, args.message.join(" "), ctx.out.words);
    let exit = Exit::answer(report.matched.is_some());
    ctx.answer(&Report::Diagnose(report), args.format, &[], exit)
}

/// A message with something in it: a blank one is a usage error (exit 2), not a "no match".
fn non_blank(text: &str) -> Result<String, String> {
    if text.trim().is_empty() {
        Err("the message is blank: give what the portal said or what you see".to_owned())
    } else {
        Ok(text.to_owned())
    }
}
