//! `mpn-support verify`: expectation files, like `opa test` for entitlements. Each row is a
//! request with the outcome a team relies on; a mismatch is printed with what was expected and
//! what the rules decided, and the run closes with `N passed, N failed`. The rows go through
//! the same loop, and the same decision, as `check --batch`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use super::Context;
use super::batch::{self, BatchOptions};
use crate::commands::args::{DataArgs, parse_date};
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::input::{InputFormat, RowDefaults};
use crate::render::VerifyFormat;
use crate::report::batch::BatchKind;

/// Check expectations: each row's request must be decided as the row expects
#[derive(Debug, Clone, Args)]
pub struct VerifyArgs {
    /// Expectation file: CSV or JSON Lines rows of tier, product, version, competency, as_of,
    /// expect (eligible | not-eligible) and optionally incidents and channel; `-` for stdin
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Format of the file [default: from the file name, else from its first character]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// As-of date for rows without one, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Fail a row expected eligible that stops qualifying within DAYS of its date (90 or 90d)
    #[arg(
        long,
        value_name = "DAYS",
        value_parser = crate::commands::args::parse_days,
        allow_negative_numbers = true
    )]
    pub fail_within: Option<u32>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// Accept a file with no expectations (otherwise exit 2)
    #[arg(long)]
    pub allow_empty: bool,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Checks every expectation, printing mismatches as they are found.
pub fn run(args: &VerifyArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let options = BatchOptions {
        kind: BatchKind::Verify,
        input_format: args.input_format,
        format: args.format.into(),
        no_fail: false,
        warn_days: 0,
        fail_within: args.fail_within,
        defaults: RowDefaults::on(args.as_of.unwrap_or(ctx.today)),
        allow_empty: args.allow_empty,
        notices: false,
    };
    batch::run(&data, &args.file, &options, ctx)
}
