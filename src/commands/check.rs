//! `mpn-support check`: one request, or a batch of them (`--batch`), decided by the rules.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::Args;

use crate::app::Outcome;
use crate::cli::args::{DataArgs, InputFormat, RequestArgs, parse_days};
use crate::commands::decide;
use crate::data::{self, Dataset};
use crate::error::AppError;
use crate::exit::Exit;
use crate::input::{self, RowError};
use crate::render::batch::{Counts, Writer, expiry_warning, write_error};
use crate::render::{CheckFormat, Format};
use crate::report::{CheckLine, CheckReport, Report};
use crate::request::{self, Request};

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
    /// Output format; a batch also takes junit and github
    #[arg(long, short, value_enum, default_value = "text")]
    pub format: CheckFormat,
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
    #[arg(long, value_name = "DAYS", value_parser = parse_days)]
    pub fail_within: Option<u32>,
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

/// Which batch rows get a GitHub annotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Annotate {
    /// Not eligible, invalid and soon-to-expire rows
    Problems,
    /// Every row: a notice for each eligible one too
    All,
}

/// How a batch runs and reports.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Forced input format.
    pub input_format: Option<InputFormat>,
    /// Output format.
    pub format: CheckFormat,
    /// Exit 0 even when some request is not eligible.
    pub no_fail: bool,
    /// Warn when an eligible request stops qualifying within this many days.
    pub warn_days: u32,
    /// As-of date for rows without one.
    pub default_as_of: NaiveDate,
    /// Accept an input with no requests.
    pub allow_empty: bool,
    /// Annotate eligible rows too (GitHub).
    pub notices: bool,
    /// Fail rows that stop qualifying within this many days.
    pub fail_within: Option<u32>,
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
            allow_empty: args.allow_empty,
            notices: args.annotate == Annotate::All,
            fail_within: args.fail_within,
        };
        return run_batch(&data, path, &options, out);
    }
    let request = Request::from_args(&args.request, today);
    let format = args
        .format
        .report()
        .ok_or(AppError::FormatNotForSingleCheck {
            format: args.format,
        })?;
    let report = decide(&data, &request)?;
    let mut warnings = report.warnings.clone();
    let line = report.line();
    let expiring = args
        .fail_within
        .filter(|days| report.eligible && line.fails_within(*days));
    if let (Some(days), Some(until)) = (expiring, report.eligible_until) {
        warnings.push(format!(
            "qualifies only until {until}, within the {days} days of --fail-within: exit 1"
        ));
    }
    let exit = Exit::answer(report.eligible && expiring.is_none());
    Ok(Outcome::new(Report::Check(Box::new(report)), format, exit).with_warnings(warnings))
}

/// Runs `check --batch`: decides every row, writing each result to `out` as it goes.
fn run_batch(
    data: &Dataset,
    path: &Path,
    options: &BatchOptions,
    out: &mut dyn Write,
) -> Result<Outcome, AppError> {
    let rows = input::rows(path, options.input_format, input::open(path)?)?;
    let shown = path.display().to_string();
    let mut writer = Writer::new(options.format, options.notices, &shown, out)?;
    let mut counts = Counts::default();
    let mut stale = Vec::new();
    for row in rows {
        let result = row.and_then(|(line, row)| {
            let request = row
                .request(options.default_as_of)
                .map_err(|message| RowError { line, message })?;
            request
                .resolve(data)
                .map(|q| (line, request.as_of, q))
                .map_err(|e| RowError {
                    line,
                    message: e.to_string().replace("\nerror: ", "; "),
                })
        });
        let written = match &result {
            Ok((line, as_of, query)) => {
                let decision = crate::rules::evaluate(query, data);
                let summary = CheckLine::from_decision(&decision);
                let warnings = data.staleness(*as_of);
                // Only JSON and JUnit print the whole report; the others need the line only.
                let full = writer.needs_report().then(|| {
                    let mut report = CheckReport::new(&decision, &data.entitlements);
                    report.warnings.extend(warnings.iter().cloned());
                    report
                });
                // A row the gate fails is always flagged, whatever --warn-days says.
                let warn_days = options.warn_days.max(options.fail_within.unwrap_or(0));
                let warning = expiry_warning(&summary, warn_days);
                let expiring = options
                    .fail_within
                    .is_some_and(|days| summary.eligible && summary.fails_within(days));
                counts.expiring += usize::from(expiring);
                if summary.eligible {
                    counts.eligible += 1;
                } else {
                    counts.not_eligible += 1;
                }
                counts.warnings += usize::from(warning.is_some());
                for w in warnings {
                    if !stale.contains(&w) {
                        stale.push(w);
                    }
                }
                writer.decided(*line, &summary, full.as_ref(), warning.as_deref())
            }
            Err(e) => {
                counts.invalid += 1;
                writer.invalid(e)
            }
        };
        if let Err(e) = written {
            // A closed stdout ends the run quietly; other write errors are errors.
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(batch_outcome(counts, options, stale));
            }
            return Err(write_error(e));
        }
    }
    match writer.finish(&counts) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(write_error(e)),
        _ => {}
    }
    if counts.eligible + counts.not_eligible + counts.invalid == 0 && !options.allow_empty {
        return Err(AppError::BadInput {
            path: shown,
            message:
                "no requests: the input has no rows (give --allow-empty to accept an empty batch)"
                    .into(),
        });
    }
    Ok(batch_outcome(counts, options, stale))
}

fn batch_outcome(counts: Counts, options: &BatchOptions, stale: Vec<String>) -> Outcome {
    let exit = if counts.invalid > 0 {
        Exit::Error
    } else if (counts.not_eligible > 0 || counts.expiring > 0) && !options.no_fail {
        Exit::NotEligible
    } else {
        Exit::Success
    };
    Outcome {
        report: Report::Text(String::new()),
        format: Format::Text,
        exit,
        warnings: stale,
        summary: Some(format!(
            "{} eligible, {} not eligible, {} invalid{}",
            counts.eligible,
            counts.not_eligible,
            counts.invalid,
            options
                .fail_within
                .map(|days| format!(", {} stop qualifying within {days} days", counts.expiring))
                .unwrap_or_default()
        )),
    }
}
