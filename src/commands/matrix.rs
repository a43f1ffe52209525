//! `mpn-support matrix`: the entitlement matrix, from the data.

use chrono::NaiveDate;
use clap::Args;

use crate::app::Outcome;
use crate::cli::args::{DataArgs, parse_date};
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{MatrixReport, Report};

/// Print the entitlement matrix: incidents per tier, support type and competency class
#[derive(Debug, Clone, Args)]
pub struct MatrixArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// The matrix in force on this day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the entitlement table and lays out the matrix in force on the day.
pub fn run(args: &MatrixArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let as_of = args.as_of.unwrap_or(today);
    data.entitlements
        .check_covered(as_of)
        .map_err(|first| AppError::BeforeRuleBook { as_of, first })?;
    Ok(Outcome::new(
        Report::Matrix(MatrixReport::new(&data.entitlements, as_of)),
        args.format,
        Exit::Success,
    ))
}
