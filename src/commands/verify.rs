//! `mpn-support verify`: expectation files, like `opa test` for entitlements. Each row is a
//! request with the outcome a team relies on; a mismatch is printed with what was expected and
//! what the rules decided, and the run closes with `N passed, N failed`.

use std::io::Write;
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use crate::app::Outcome;
use crate::cli::args::{DataArgs, InputFormat, parse_date};
use crate::commands::decide;
use crate::data::{self, Dataset, Incidents};
use crate::error::AppError;
use crate::escape;
use crate::exit::Exit;
use crate::input::{self, Row, RowError};
use crate::render::Format;
use crate::render::batch::{JunitSuite, gh_data, gh_property};
use crate::report::{CheckReport, Report};

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
    #[arg(long, value_name = "DAYS", value_parser = crate::cli::args::parse_days)]
    pub fail_within: Option<u32>,
    /// Output format: text, json (JSON Lines), junit or github
    #[arg(long, short, value_enum, default_value_t = VerifyFormat::Text)]
    pub format: VerifyFormat,
    /// Accept a file with no expectations (otherwise exit 2)
    #[arg(long)]
    pub allow_empty: bool,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// What one row expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    /// Eligible or not.
    pub eligible: bool,
    /// Incidents, when pinned.
    pub incidents: Option<Incidents>,
    /// Channel id, when pinned.
    pub channel: Option<String>,
}

impl Expectation {
    /// Reads the expectation columns of a row.
    pub fn from_row(row: &Row) -> Result<Self, String> {
        let eligible = match row
            .expect
            .as_deref()
            .map(crate::names::normalize)
            .as_deref()
        {
            Some("eligible") => true,
            Some("noteligible") => false,
            Some(_) => {
                return Err(format!(
                    "expect: `{}` is neither `eligible` nor `not-eligible`",
                    row.expect.as_deref().unwrap_or_default()
                ));
            }
            None => return Err("missing `expect` (eligible | not-eligible)".into()),
        };
        let incidents = match row.incidents.as_deref() {
            None => None,
            Some("unlimited") => Some(Incidents::Unlimited),
            Some(n) => Some(Incidents::Count(n.parse().map_err(|_| {
                format!("incidents: `{n}` is neither a whole number nor `unlimited`")
            })?)),
        };
        Ok(Expectation {
            eligible,
            incidents,
            channel: row.channel.clone(),
        })
    }

    /// The differences between this expectation and a decision, as `what: expected X, decided Y`.
    pub fn mismatches(&self, report: &CheckReport) -> Vec<String> {
        let word = |e: bool| if e { "eligible" } else { "not-eligible" };
        let mut out = Vec::new();
        if self.eligible != report.eligible {
            let failed: Vec<&str> = report
                .reasons
                .iter()
                .filter(|r| !r.passed)
                .map(|r| r.code)
                .collect();
            let why = if failed.is_empty() {
                String::new()
            } else {
                format!(" ({})", failed.join(", "))
            };
            out.push(format!(
                "expected {}, decided {}{why}",
                word(self.eligible),
                word(report.eligible)
            ));
        }
        if let Some(expected) = self.incidents
            && report.incidents != Some(expected)
        {
            out.push(format!(
                "incidents: expected {expected}, decided {}",
                report
                    .incidents
                    .map_or("none".to_owned(), |i| i.to_string())
            ));
        }
        if let Some(expected) = &self.channel {
            let decided = report.channel.as_ref().map(|c| c.id.as_str());
            if decided != Some(expected.as_str()) {
                out.push(format!(
                    "channel: expected {expected}, decided {}",
                    decided.unwrap_or("none")
                ));
            }
        }
        out
    }
}

/// A row's mismatches, and the rules it was decided under (program, offer period,
/// confidence) when the data is dated.
fn check_row(
    data: &Dataset,
    line: usize,
    row: &Row,
    as_of: NaiveDate,
    fail_within: Option<u32>,
) -> Result<(Vec<String>, Option<String>), RowError> {
    let fail = |message: String| RowError { line, message };
    let expectation = Expectation::from_row(row).map_err(fail)?;
    let request = row.request(as_of).map_err(fail)?;
    let report =
        decide(data, &request).map_err(|e| fail(e.to_string().replace("\nerror: ", "; ")))?;
    let summary = report.line();
    let period = summary.period.map(|p| p.to_string());
    let mut mismatches = expectation.mismatches(&report);
    if let (Some(days), Some(until)) = (fail_within, report.eligible_until)
        && expectation.eligible
        && report.eligible
        && summary.fails_within(days)
    {
        mismatches.push(format!(
            "qualifies only until {until}, within the {days} days of --fail-within"
        ));
    }
    Ok((mismatches, period))
}

/// Checks every expectation, printing mismatches as they are found.
pub fn run(args: &VerifyArgs, today: NaiveDate, out: &mut dyn Write) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let as_of = args.as_of.unwrap_or(today);
    let rows = input::rows(&args.file, args.input_format, input::open(&args.file)?)?;
    let file = args.file.display().to_string();
    let (mut passed, mut failed, mut invalid) = (0usize, 0usize, 0usize);
    // JUnit needs the counts first: its test cases wait here (expectation files are short).
    let mut cases = String::new();
    for row in rows {
        let result = row.and_then(|(line, row)| {
            check_row(&data, line, &row, as_of, args.fail_within).map(|m| (line, row, m))
        });
        let outcome = match result {
            Ok((line, row, (mismatches, period))) => {
                let what = [row.tier, row.product, row.version, row.competency]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                if mismatches.is_empty() {
                    passed += 1;
                } else {
                    failed += 1;
                }
                RowOutcome::Checked {
                    line,
                    what,
                    mismatches,
                    period,
                }
            }
            Err(e) => {
                failed += 1;
                invalid += 1;
                RowOutcome::Invalid {
                    line: e.line,
                    message: e.message,
                }
            }
        };
        let written = outcome.write(args.format, &file, out, &mut cases);
        match written {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => break,
            other => other.map_err(crate::render::batch::write_error)?,
        }
    }
    if passed + failed == 0 && !args.allow_empty {
        return Err(AppError::BadInput {
            path: file,
            message:
                "no expectations: the file has no rows (give --allow-empty to accept an empty file)"
                    .into(),
        });
    }
    let exit = match (invalid, failed) {
        (0, 0) => Exit::Success,
        (0, _) => Exit::NotEligible,
        _ => Exit::Error,
    };
    let counts = format!("{passed} passed, {failed} failed");
    let (closing, summary) = match args.format {
        VerifyFormat::Text => (format!("{counts}\n"), None),
        VerifyFormat::Json => (
            format!(
                "{}\n",
                serde_json::json!({"passed": passed, "failed": failed})
            ),
            None,
        ),
        VerifyFormat::Github => (String::new(), Some(counts)),
        VerifyFormat::Junit => {
            let suite = JunitSuite {
                name: "mpn-support verify",
                file: &file,
                tests: passed + failed,
                failures: failed - invalid,
                errors: invalid,
            };
            (
                format!("{}{cases}{}", suite.open(), JunitSuite::CLOSE),
                Some(counts),
            )
        }
    };
    let mut outcome = Outcome::new(Report::Text(closing), Format::Text, exit)
        .with_warnings(data.staleness(as_of));
    outcome.summary = summary;
    Ok(outcome)
}

/// How `verify` prints each row.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum VerifyFormat {
    /// A line per failed or invalid row, then `N passed, N failed`
    #[default]
    Text,
    /// JSON Lines: an object per row, then `{"passed", "failed"}`
    Json,
    /// JUnit XML: a test case per row
    Junit,
    /// GitHub Actions annotations: an error per failed or invalid row
    Github,
}

/// What one row came to.
enum RowOutcome {
    /// Decided, and compared with what it expects.
    Checked {
        line: usize,
        what: String,
        mismatches: Vec<String>,
        period: Option<String>,
    },
    /// Could not be read or decided.
    Invalid { line: usize, message: String },
}

impl RowOutcome {
    /// Writes the row in `format` (JUnit test cases go to `cases`).
    fn write(
        &self,
        format: VerifyFormat,
        file: &str,
        out: &mut dyn Write,
        cases: &mut String,
    ) -> std::io::Result<()> {
        use std::fmt::Write as _;
        match (self, format) {
            (RowOutcome::Checked { mismatches, .. }, VerifyFormat::Text | VerifyFormat::Github)
                if mismatches.is_empty() =>
            {
                Ok(())
            }
            (
                RowOutcome::Checked {
                    line,
                    what,
                    mismatches,
                    period,
                },
                VerifyFormat::Text,
            ) => {
                let under = period
                    .as_ref()
                    .map(|p| format!(" [{p}]"))
                    .unwrap_or_default();
                let text = format!("{what}: {}{under}", mismatches.join("; "));
                writeln!(out, "FAIL line {line}: {}", escape::text(&text))
            }
            (RowOutcome::Invalid { line, message }, VerifyFormat::Text) => {
                writeln!(out, "ERROR line {line}: {}", escape::text(message))
            }
            (
                RowOutcome::Checked {
                    line,
                    what,
                    mismatches,
                    period,
                },
                VerifyFormat::Json,
            ) => {
                let row = serde_json::json!({
                    "line": line,
                    "request": what,
                    "passed": mismatches.is_empty(),
                    "mismatches": mismatches,
                    "decided_under": period,
                });
                writeln!(out, "{row}")
            }
            (RowOutcome::Invalid { line, message }, VerifyFormat::Json) => {
                writeln!(
                    out,
                    "{}",
                    serde_json::json!({"line": line, "error": message})
                )
            }
            (
                RowOutcome::Checked {
                    line,
                    what,
                    mismatches,
                    ..
                },
                VerifyFormat::Github,
            ) => writeln!(
                out,
                "::error file={},line={line},title={}::{}",
                gh_property(file),
                gh_property(what),
                gh_data(&mismatches.join("; "))
            ),
            (RowOutcome::Invalid { line, message }, VerifyFormat::Github) => writeln!(
                out,
                "::error file={},line={line},title=invalid expectation::{}",
                gh_property(file),
                gh_data(message)
            ),
            (
                RowOutcome::Checked {
                    line,
                    what,
                    mismatches,
                    ..
                },
                VerifyFormat::Junit,
            ) => {
                let _ = write!(
                    cases,
                    "    <testcase classname=\"mpn-support.verify\" name=\"line {line}: {}\" line=\"{line}\">",
                    escape::xml(what)
                );
                if !mismatches.is_empty() {
                    let _ = write!(
                        cases,
                        "\n      <failure message=\"{}\" type=\"expectation\"/>\n    ",
                        escape::xml(&mismatches.join("; "))
                    );
                }
                cases.push_str("</testcase>\n");
                Ok(())
            }
            (RowOutcome::Invalid { line, message }, VerifyFormat::Junit) => {
                let _ = writeln!(
                    cases,
                    "    <testcase classname=\"mpn-support.verify\" name=\"line {line}: invalid expectation\" line=\"{line}\">\n      <error message=\"{}\" type=\"invalid-expectation\"/>\n    </testcase>",
                    escape::xml(message)
                );
                Ok(())
            }
        }
    }
}
