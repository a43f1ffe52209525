//! The row loop of `check --batch` and `verify`: each row read, decided by the one
//! [`engine::decide`], judged (by the gate, or by the row's expectation), counted and printed.
//! When the reader closes standard output early (`| head`), printing stops but deciding goes
//! on, so the exit status is the one the whole input earns.

use std::path::Path;

use chrono::NaiveDate;

use super::Context;
use crate::data::{Dataset, Incidents, Stale};
use crate::engine::{self, Decision, QueryError};
use crate::error::AppError;
use crate::exit::Exit;
use crate::i18n::Words;
use crate::input::{self, FileError, InputError, InputFormat, Purpose, Row, RowDefaults, values};
use crate::render::{Batch, Format};
use crate::report::batch::{
    BatchKind, DecidedRow, Expiry, Gate, Judgement, Mismatch, RowOutcome, RowReport, Summary,
};
use crate::report::{CheckReport, CheckRow};

/// How a batch runs and reports.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Requests or expectations.
    pub kind: BatchKind,
    /// Forced input format.
    pub input_format: Option<InputFormat>,
    /// Output format.
    pub format: Format,
    /// Exit 0 even when some request is not eligible.
    pub no_fail: bool,
    /// Warn when an eligible request stops qualifying within this many days.
    pub warn_days: u32,
    /// Fail rows that stop qualifying within this many days.
    pub fail_within: Option<u32>,
    /// What rows leave empty: the as-of date, and the account facts given as flags.
    pub defaults: RowDefaults,
    /// Accept an input with no rows.
    pub allow_empty: bool,
    /// Annotate eligible rows too (GitHub).
    pub notices: bool,
}

/// What a `verify` row expects.
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
    /// Reads the expectation columns of a row: `expect`, and when given `incidents` (a number
    /// or `unlimited`, any case) and `channel` (an id or name of the data's, spelt any way a
    /// name may be).
    pub fn from_row(row: &Row, data: &Dataset) -> Result<Self, InputError> {
        let cell = |column: &'static str| move |error| InputError::Cell { column, error };
        let eligible = match row.expect.as_deref() {
            Some(text) => values::verdict(text).map_err(cell("expect"))?,
            None => return Err(InputError::MissingExpect),
        };
        let incidents = row
            .incidents
            .as_deref()
            .map(|n| values::incidents(n).map_err(cell("incidents")))
            .transpose()?;
        let channel = row
            .channel
            .as_deref()
            .map(|c| {
                data.channel(c)
                    .map(|c| c.id.clone())
                    .map_err(|e| InputError::Name(Box::new(e)))
            })
            .transpose()?;
        Ok(Expectation {
            eligible,
            incidents,
            channel,
        })
    }

    /// Where a decision differs from this expectation; with `fail_within`, an eligible answer
    /// that stops qualifying within that many days differs too.
    pub fn mismatches(&self, row: &CheckRow<'_>, fail_within: Option<u32>) -> Vec<Mismatch> {
        let mut out = Vec::new();
        if self.eligible != row.eligible {
            out.push(Mismatch::Verdict {
                expected: self.eligible,
                decided: row.eligible,
                failed: row.failed.clone(),
            });
        }
        if let Some(expected) = self.incidents
            && row.incidents != Some(expected)
        {
            out.push(Mismatch::Incidents {
                expected,
                decided: row.incidents,
            });
        }
        if let Some(expected) = &self.channel
            && row.channel != Some(expected.as_str())
        {
            out.push(Mismatch::Channel {
                expected: expected.clone(),
                decided: row.channel.map(str::to_owned),
            });
        }
        if let Some(days) = fail_within
            && self.eligible
            && let Some(e) = Expiry::of(row, days)
        {
            out.push(Mismatch::Expires(e));
        }
        out
    }
}

/// What a row is judged by: the gate of `check --batch`, or the row's expectation.
fn judge(
    kind: BatchKind,
    row: &Row,
    check: &CheckRow<'_>,
    expectation: Option<&Expectation>,
    options: &BatchOptions,
) -> Judgement {
    match (kind, expectation) {
        (BatchKind::Verify, Some(e)) => Judgement::Expectation {
            request: [&row.tier, &row.product, &row.version, &row.competency]
                .into_iter()
                .flatten()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" "),
            mismatches: e.mismatches(check, options.fail_within),
        },
        _ => {
            if !check.eligible {
                return Judgement::Gate(Gate::NotEligible);
            }
            if let Some(e) = options.fail_within.and_then(|d| Expiry::of(check, d)) {
                return Judgement::Gate(Gate::Expires(e));
            }
            // A row the gate fails is always flagged, whatever --warn-days says.
            match Expiry::of(check, options.warn_days) {
                Some(e) => Judgement::Gate(Gate::Warn(e)),
                None => Judgement::Gate(Gate::Pass),
            }
        }
    }
}

/// Reads, decides and judges one row.
fn decide_row<'d>(
    data: &'d Dataset,
    line: usize,
    row: &Row,
    options: &BatchOptions,
    words: &Words,
    full: bool,
    stale: &mut Vec<(Stale, NaiveDate)>,
) -> RowReport<'d> {
    let invalid = |message: String| RowReport {
        line,
        carried: row.carried.clone(),
        outcome: RowOutcome::Invalid(message),
    };
    let expectation = match options.kind {
        BatchKind::Verify => match Expectation::from_row(row, data) {
            Ok(e) => Some(e),
            Err(e) => return invalid(words.msg(&e.message())),
        },
        BatchKind::Check => None,
    };
    let request = match row.request(&options.defaults) {
        Ok(r) => r,
        Err(e) => return invalid(words.msg(&e.message())),
    };
    let decision: Decision<'d> = match engine::decide(&request, data) {
        Ok(d) => d,
        Err(e) => {
            let message = match &e {
                QueryError::Unknown(all) => all
                    .iter()
                    .map(|u| words.msg(&u.message()))
                    .collect::<Vec<_>>()
                    .join("; "),
                other => words.msg(&other.message()),
            };
            return invalid(message);
        }
    };
    for s in data.staleness(request.as_of) {
        if !stale.iter().any(|(seen, _)| seen.file == s.file) {
            stale.push((s, request.as_of));
        }
    }
    let check = CheckRow::new(&decision);
    let judgement = judge(options.kind, row, &check, expectation.as_ref(), options);
    RowReport {
        line,
        carried: row.carried.clone(),
        outcome: RowOutcome::Decided(Box::new(DecidedRow {
            report: full.then(|| CheckReport::new(&decision, data, words)),
            row: check,
            judgement,
            cautions: decision.warnings.clone(),
        })),
    }
}

/// Runs a batch: every row of `path`, printed as it is decided; the counts on standard error
/// (a `verify` in text or JSON prints them on standard output).
pub fn run(
    data: &Dataset,
    path: &Path,
    options: &BatchOptions,
    ctx: &mut Context<'_>,
) -> Result<Exit, AppError> {
    let purpose = match options.kind {
        BatchKind::Check => Purpose::Requests,
        BatchKind::Verify => Purpose::Expectations,
    };
    // An empty file has no rows: accepted with --allow-empty, like a header alone.
    let rows: Box<dyn Iterator<Item = input::RowResult>> =
        match input::rows(path, options.input_format, input::open(path)?, purpose) {
            Err(FileError::Empty { .. }) if options.allow_empty => Box::new(std::iter::empty()),
            other => other?,
        };
    let file = path.display().to_string();
    let batch = Batch {
        kind: options.kind,
        name: &file,
        // Standard input is no file an annotation or a test report can point at.
        file: (path.as_os_str() != "-").then_some(file.as_str()),
        notices: options.notices,
    };
    let words = ctx.out.words;
    let mut summary = Summary::new(options.kind, options.fail_within);
    let mut stale = Vec::new();
    {
        let mut printer = ctx.out.rows(options.format, &batch)?;
        let full = printer.wants_report();
        // Once the reader has closed standard output, rows are still decided and counted.
        let mut closed = false;
        for row in rows {
            let report = match row {
                Ok((line, row)) => decide_row(data, line, &row, options, words, full, &mut stale),
                Err(e) => RowReport {
                    line: e.line,
                    carried: Vec::new(),
                    outcome: RowOutcome::Invalid(words.msg(&e.error.message())),
                },
            };
            summary.count(&report.outcome);
            if !closed {
                match printer.row(&report) {
                    Err(e) if e.is_closed_pipe() => closed = true,
                    Err(e) => return Err(e.into()),
                    Ok(()) => {}
                }
            }
        }
        if !closed {
            match printer.finish(&summary) {
                Err(e) if !e.is_closed_pipe() => return Err(e.into()),
                _ => {}
            }
        }
    }
    if summary.total() == 0 && !options.allow_empty {
        return Err(AppError::Batch(FileError::Input {
            path: file,
            line: None,
            error: InputError::NoRows {
                expectations: options.kind == BatchKind::Verify,
            },
        }));
    }
    for (s, as_of) in &stale {
        ctx.out
            .warn(&words.msg(&crate::report::stale_message(s, *as_of)));
    }
    let counts_on_stdout = options.kind == BatchKind::Verify
        && matches!(options.format, Format::Text | Format::Json | Format::Jsonl);
    if !counts_on_stdout {
        ctx.out.say(&words.msg(&summary.message()));
    }
    Ok(if summary.invalid > 0 {
        Exit::Error
    } else if summary.failed > 0 && !options.no_fail {
        Exit::NotEligible
    } else {
        Exit::Success
    })
}
