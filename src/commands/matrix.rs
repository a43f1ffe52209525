//! `mpn-support matrix`: the entitlement matrix in force on a day, from the data.

use chrono::NaiveDate;
use clap::Args;

use super::Context;
use crate::commands::args::{DataArgs, parse_date};
use crate::data;
use crate::engine::QueryError;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::Report;
use crate::report::matrix::MatrixReport;

/// Print the entitlement matrix: incidents per tier, support type and competency class
#[derive(Debug, Clone, Args)]
pub struct MatrixArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// The matrix in force on this day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the entitlement table and lays out the matrix in force on the day.
pub fn run(args: &MatrixArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let as_of = args.as_of.unwrap_or(ctx.today);
    data.entitlements
        .check_covered(as_of)
        .map_err(|first| QueryError::BeforeRuleBook { as_of, first })?;
    let report = MatrixReport::new(&data.entitlements, as_of, ctx.out.words);
    ctx.answer(&Report::Matrix(report), args.format, &[], Exit::Success)
}
