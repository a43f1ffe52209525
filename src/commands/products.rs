//! `mpn-support products`: the N-1 "product summary list" on a date.

use chrono::NaiveDate;
use clap::Args;

use crate::app::Outcome;
use crate::cli::args::{DataArgs, parse_date};
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::{Format, ProductsFormat, svg};
use crate::report::{Report, products_report, timeline_report};

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
    /// Output format; `svg` draws every on-premises product (or the one given) as a timeline
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: ProductsFormat,
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
    let (report, format) = match args.format {
        ProductsFormat::Report(format) => (
            Report::Products(products_report(&data, only, as_of, args.versions)),
            format,
        ),
        // A picture has one form: it is rendered here and printed as it is.
        ProductsFormat::Svg => (
            Report::Text(svg::render(&timeline_report(&data, only, as_of))),
            Format::Text,
        ),
    };
    Ok(Outcome::new(report, format, Exit::Success).with_warnings(data.staleness(as_of)))
}
