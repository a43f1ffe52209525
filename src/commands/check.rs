//! `mpn-support check`: one request, or a batch of them (`--batch`), decided by the engine.

use std::path::PathBuf;

use clap::Args;

use super::Context;
use super::batch::{self, BatchOptions};
use crate::commands::args::{DataArgs, RequestArgs, parse_days};
use crate::data;
use crate::engine;
use crate::error::AppError;
use crate::exit::Exit;
use crate::input::InputFormat;
use crate::render::{CheckFormat, Format};
use crate::report::batch::{BatchKind, Expiry};
use crate::report::{CheckReport, CheckRow, Report};

/// Decide whether a tier gets free support for a product version, with the reasons
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg("tier", |a| a.required_unless_present("batch")),
    mut_arg("product", |a| a.required_unless_present("batch")),
    override_usage = "mpn-support check --tier <TIER> --product <PRODUCT> [OPTIONS]\n       \
                      mpn-support check --batch <FILE> [OPTIONS]"
)]
pub struct CheckArgs {
    /// The request
    #[command(flatten)]
    pub request: RequestArgs,
    /// Output format; a batch also takes junit, github and azure
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: CheckFormat,
    /// Check every request in FILE (CSV with a header, or JSON Lines; `-` for stdin); --as-of
    /// and the account options speak for rows that leave those columns empty
    #[arg(long, value_name = "FILE", conflicts_with_all = ["tier", "product", "version", "competency"], help_heading = "Batch")]
    pub batch: Option<PathBuf>,
    /// Format of the batch input [default: from the file name, else from its first character]
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        requires = "batch",
        help_heading = "Batch"
    )]
    pub input_format: Option<InputFormat>,
    /// In a batch, exit 0 even when some request is not eligible (errors still exit 2)
    #[arg(long, requires = "batch", help_heading = "Batch")]
    pub no_fail: bool,
    /// With --format github, which rows get an annotation: problems (not eligible, invalid,
    /// soon to expire) or all (a notice for each eligible row too)
    #[arg(
        long,
        value_enum,
        value_name = "WHICH",
        default_value_t = Annotate::Problems,
        requires = "batch",
        help_heading = "Batch"
    )]
    pub annotate: Annotate,
    /// In a batch, accept an input with no requests (otherwise exit 2: a CI gate must not pass
    /// on an empty file)
    #[arg(long, requires = "batch", help_heading = "Batch")]
    pub allow_empty: bool,
    /// Exit 1 when a request is not eligible or stops qualifying within DAYS of its date
    /// (90 or 90d): the CI gate "fail if anything expires within 90 days"
    #[arg(long, value_name = "DAYS", value_parser = parse_days, allow_negative_numbers = true)]
    pub fail_within: Option<u32>,
    /// In a batch, warn about eligible requests that stop qualifying within this many days
    /// (180 or 180d)
    #[arg(
        long,
        value_name = "DAYS",
        default_value = "180",
        value_parser = parse_days,
        allow_negative_numbers = true,
        help_heading = "Batch"
    )]
    pub warn_days: u32,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Which batch rows get a GitHub annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Annotate {
    /// Not eligible, invalid and soon-to-expire rows
    Problems,
    /// Every row: a notice for each eligible one too
    All,
}

/// Decides the request, or streams the batch.
pub fn run(args: &CheckArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let format = Format::from(args.format);
    if let Some(path) = &args.batch {
        // A flag speaks for every row: a role no row can use is refused once, up front.
        if let Some(role) = &args.request.role {
            data.role(role)?;
        }
        let options = BatchOptions {
            kind: BatchKind::Check,
            input_format: args.input_format,
            format,
            no_fail: args.no_fail,
            warn_days: args.warn_days,
            fail_within: args.fail_within,
            defaults: args.request.row_defaults(ctx.today),
            allow_empty: args.allow_empty,
            notices: args.annotate == Annotate::All,
        };
        return batch::run(&data, path, &options, ctx);
    }
    if matches!(format, Format::Junit | Format::Github | Format::Azure) {
        return Err(AppError::FormatNotForSingleCheck { format });
    }
    let decision = engine::decide(&args.request.request(ctx.today), &data)?;
    let report = CheckReport::new(&decision, &data, ctx.out.words);
    let mut warnings = report.warnings.clone();
    let expiring = args
        .fail_within
        .filter(|days| CheckRow::new(&decision).fails_within(*days) && decision.eligible());
    if let Some(days) = expiring
        && let Some(e) = Expiry::of(&CheckRow::new(&decision), days)
    {
        warnings.push(ctx.out.words.msg(&crate::engine::Msg::new(
            "warning-fail-within",
            vec![
                ("until", crate::engine::Value::Day(e.until)),
                ("days", crate::engine::Value::Count(u64::from(days))),
            ],
        )));
    }
    let exit = Exit::answer(report.eligible && expiring.is_none());
    ctx.answer(&Report::Check(Box::new(report)), format, &warnings, exit)
}
