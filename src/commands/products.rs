//! `mpn-support products`: the N-1 "product summary list" on a date, or its picture.

use chrono::NaiveDate;
use clap::Args;

use super::Context;
use crate::commands::args::{DataArgs, parse_date};
use crate::data;
use crate::engine::{Given, QueryError};
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ProductsFormat;
use crate::report::products::{ProductsReport, ProductsView, TimelineReport};
use crate::report::{Report, stale_warnings};

/// List products with their current (N) and previous (N-1) versions and what qualifies
#[derive(Debug, Clone, Args)]
pub struct ProductsArgs {
    /// Only this product (id, name or alias); a name ending in a version (`SQL Server 2019`)
    /// lists that version
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
    // A product named with its version (`SQL Server 2019`, as `check` reads it) lists that
    // version: the product, one row per version, only the versions the name names.
    let (only, named) = match &args.product {
        Some(p) => match data.product(p) {
            Ok(product) => (Some(product), None),
            Err(e) => match named_versions(&data, p) {
                Some(Ok((product, versions))) => (Some(product), Some(versions)),
                Some(Err(refused)) => return Err(refused),
                None => return Err(AppError::Unknown(vec![e])),
            },
        },
        None => (None, None),
    };
    let as_of = args.as_of.unwrap_or(ctx.today);
    let words = ctx.out.words;
    let report = match args.format {
        ProductsFormat::Svg => {
            let mut timeline = TimelineReport::new(&data, only, as_of)?;
            // The versions named, when the picture has them (it draws the main track).
            if let Some(versions) = &named {
                for product in &mut timeline.products {
                    if product
                        .versions
                        .iter()
                        .any(|v| versions.contains(&v.version))
                    {
                        product.versions.retain(|v| versions.contains(&v.version));
                        product.older = 0;
                    }
                }
            }
            Report::Timeline(timeline)
        }
        _ => {
            let view = if args.versions || named.is_some() {
                ProductsView::Versions
            } else {
                ProductsView::Products
            };
            let mut report = ProductsReport::new(&data, only, as_of, view, words)?;
            if let Some(versions) = &named {
                for product in &mut report.products {
                    product.versions.retain(|v| versions.contains(&v.version));
                }
            }
            Report::Products(report)
        }
    };
    let warnings = stale_warnings(&data, as_of, words);
    ctx.answer(&report, args.format, &warnings, Exit::Success)
}

/// The product and versions a name ending in a version names (`SQL Server 2019`: 2019;
/// `Windows 10`: each `10 ...` version), as `check` reads such a name. `None` when the name
/// does not begin with a product; a version the product does not have, or any version of a
/// cloud product, is refused, as `check` refuses it.
fn named_versions<'a>(
    data: &'a data::Dataset,
    name: &str,
) -> Option<Result<(&'a data::Product, Vec<String>), AppError>> {
    let readings = data.product_readings(name);
    let named = readings.iter().rev().find_map(|&(product, tail)| {
        let versions: Vec<String> = match data.version(product, tail) {
            Ok(release) => vec![release.version.clone()],
            Err(_) => data
                .versions_beginning(product, tail)
                .iter()
                .map(|r| r.version.clone())
                .collect(),
        };
        (!versions.is_empty()).then_some((product, versions))
    });
    match (named, readings.first()) {
        (Some(named), _) => Some(Ok(named)),
        (None, Some(&(product, tail))) if product.deployment == data::Deployment::Cloud => {
            Some(Err(AppError::Query(QueryError::CloudVersion {
                product: product.id.clone(),
                version: tail.to_owned(),
                named: Some(name.to_owned()),
                given: Given::Flags,
            })))
        }
        (None, Some(&(product, tail))) if crate::engine::version_shaped(tail) => data
            .version(product, tail)
            .err()
            .map(|e| Err(AppError::Unknown(vec![e]))),
        (None, _) => None,
    }
}
