//! `mpn-support check`: one request, or a batch of them (`--batch`), decided by the rules.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use crate::batch::{self, BatchOptions};
use crate::cli::{DataArgs, InputFormat, RequestArgs};
use crate::commands::decide;
use crate::data;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::Report;
use crate::request::{self, Request};
use crate::{AppError, Outcome};

/// Decide whether a tier gets free support for a product version, with the reasons
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg("tier", |a| a.required_unless_present("batch")),
    mut_arg("product", |a| a.required_unless_present("batch"))
)]
pub struct CheckArgs {
    /// The request
    #[command(flatten)]
    pub request: RequestArgs,
    /// Output format; a batch also takes junit and github
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Check every request in FILE (CSV with a header, or JSON Lines; `-` for stdin)
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
    /// In a batch, warn about eligible requests that stop qualifying within this many days
    #[arg(
        long,
        value_name = "DAYS",
        default_value_t = 180,
        help_heading = "Batch"
    )]
    pub warn_days: u32,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the data once and decides the request, or streams the batch to `out`.
pub fn run(
    args: &CheckArgs,
    today: NaiveDate,
    out: &mut dyn std::io::Write,
) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let as_of = request::as_of(&args.request, today);
    if let Some(path) = &args.batch {
        let options = BatchOptions {
            input_format: args.input_format,
            format: args.format,
            no_fail: args.no_fail,
            warn_days: args.warn_days,
            default_as_of: as_of,
        };
        return batch::run_batch(&data, path, &options, out);
    }
    let request = Request::from_args(&args.request, today);
    if matches!(args.format, Format::Junit | Format::Github) {
        return Err(AppError::FormatNotForSingleCheck {
            format: args.format,
        });
    }
    let report = decide(&data, &request)?;
    let exit = if report.eligible {
        Exit::Success
    } else {
        Exit::NotEligible
    };
    let warnings = report.warnings.clone();
    Ok(Outcome {
        report: Report::Check(Box::new(report)),
        format: args.format,
        exit,
        warnings,
        summary: None,
    })
}
