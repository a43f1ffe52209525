//! `mpn-support products`: the N-1 "product summary list" on a date, or its picture.

use chrono::NaiveDate;
use clap::Args;

use super::Context;
use crate::commands::args::{DataArgs, parse_date};
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ProductsFormat;
use crate::report::products::{ProductsReport, ProductsView, TimelineReport};
use crate::report::{Report, stale_warnings};

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

/// Loads the data and lists each product's versions on the date, as the rules decide them.
pub fn run(args: &ProductsArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let only = match &args.product {
        Some(p) => Some(data.product(p).map_err(|e| AppError::Unknown(vec![e]))?),
        None => None,
    };
    let as_of = args.as_of.unwrap_or(ctx.today);
    let words = ctx.out.words;
    let report = match args.format {
        ProductsFormat::Svg => Report::Timeline(TimelineReport::new(&data, only, as_of)?),
        _ => {
            let view = if args.versions {
                ProductsView::Versions
            } else {
                ProductsView::Products
            };
            Report::Products(ProductsReport::new(&data, only, as_of, view, words)?)
        }
    };
    let warnings = stale_warnings(&data, as_of, words);
    ctx.answer(&report, args.format, &warnings, Exit::Success)
}
