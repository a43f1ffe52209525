//! `mpn-support products`: the N-1 "product summary list" on a date.

use chrono::NaiveDate;
use clap::Args;

use crate::args::{DataArgs, parse_date};
use crate::data;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{Report, products_report};
use crate::{AppError, Outcome};

/// List products with their current (N) and previous (N-1) versions and what qualifies
#[derive(Debug, Clone, Args)]
pub struct ProductsArgs {
    /// Only this product (id, name or alias)
    #[arg(long, short, value_name = "PRODUCT")]
    pub product: Option<String>,
    /// List every version with its dates and status, not one row per product
    #[arg(long)]
    pub versions: bool,
    /// List as of this day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the data and lists each product's versions on the date.
pub fn run(args: &ProductsArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let only = match &args.product {
        Some(p) => Some(data.product(p).map_err(|e| AppError::Unknown(vec![e]))?),
        None => None,
    };
    let as_of = args.as_of.unwrap_or(today);
    let report = products_report(&data, only, as_of, args.versions);
    Ok(
        Outcome::new(Report::Products(report), args.format, Exit::Success)
            .with_warnings(data.staleness(as_of)),
    )
}
