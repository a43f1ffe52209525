//! A batch, row by row (`check --batch`, `verify`): each row's answer as a [`CheckRow`] (and
//! the whole [`CheckReport`] when the printer shows it), what the row's gate or expectation
//! made of it, and the counts of the whole input.

use chrono::NaiveDate;

use super::{CheckReport, CheckRow};
use crate::data::Incidents;
use crate::engine::{Code, Msg, Value};

/// A row that stops qualifying soon after its date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Expiry {
    /// Its last qualifying day.
    pub until: NaiveDate,
    /// Days from its date to then.
    pub days_left: i64,
    /// The limit it is within (`--warn-days` or `--fail-within`).
    pub within: u32,
}

impl Expiry {
    /// The expiry of an eligible row within `days` of its date, if it has one.
    pub fn of(row: &CheckRow<'_>, days: u32) -> Option<Self> {
        let until = row.eligible_until.filter(|_| row.eligible)?;
        let days_left = row.days_left()?;
        (days_left <= i64::from(days)).then_some(Expiry {
            until,
            days_left,
            within: days,
        })
    }

    /// In words: `qualifies only until ..., N days after ...`.
    pub fn message(&self, as_of: NaiveDate) -> Msg<'static> {
        Msg::new(
            "expiry",
            vec![
                ("until", Value::Day(self.until)),
                (
                    "days",
                    Value::Count(u64::try_from(self.days_left).unwrap_or(0)),
                ),
                ("as_of", Value::Day(as_of)),
            ],
        )
    }
}

/// What a `check --batch` row's gate made of its answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gate {
    /// Eligible, and not stopping soon.
    Pass,
    /// Eligible, but stopping within `--warn-days`.
    Warn(Expiry),
    /// Not eligible.
    NotEligible,
    /// Eligible, but stopping within `--fail-within`: the gate fails.
    Expires(Expiry),
}

/// Where an expectation of `verify` and the decision differ.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mismatch {
    /// Eligible or not.
    Verdict {
        /// Expected eligible.
        expected: bool,
        /// Decided eligible.
        decided: bool,
        /// The codes of the rules that failed.
        failed: Vec<Code>,
    },
    /// The incidents.
    Incidents {
        /// Expected.
        expected: Incidents,
        /// Decided.
        decided: Option<Incidents>,
    },
    /// The channel.
    Channel {
        /// Expected channel id.
        expected: String,
        /// Decided channel id.
        decided: Option<String>,
    },
    /// Eligible as expected, but stopping within `--fail-within`.
    Expires(Expiry),
}

impl Mismatch {
    /// In words: `what: expected X, decided Y`.
    pub fn message(&self) -> Msg<'_> {
        let verdict = |e: bool| Value::Word(if e { "eligible" } else { "not-eligible" });
        match self {
            Mismatch::Verdict {
                expected,
                decided,
                failed,
            } => Msg::new(
                if failed.is_empty() {
                    "mismatch-verdict"
                } else {
                    "mismatch-verdict-failed"
                },
                vec![
                    ("expected", verdict(*expected)),
                    ("decided", verdict(*decided)),
                    (
                        "failed",
                        Value::Codes(failed.iter().map(|c| Value::Word(c.as_str())).collect()),
                    ),
                ],
            ),
            Mismatch::Incidents { expected, decided } => Msg::new(
                "mismatch-incidents",
                vec![
                    ("expected", incidents_word(Some(*expected))),
                    ("decided", incidents_word(*decided)),
                ],
            ),
            Mismatch::Channel { expected, decided } => Msg::new(
                "mismatch-channel",
                vec![
                    ("expected", Value::Text(expected)),
                    ("decided", Value::Text(decided.as_deref().unwrap_or("none"))),
                ],
            ),
            Mismatch::Expires(e) => Msg::new(
                "mismatch-expires",
                vec![
                    ("until", Value::Day(e.until)),
                    ("days", Value::Count(u64::from(e.within))),
                ],
            ),
        }
    }
}

/// Incidents in words, or `none`.
fn incidents_word(i: Option<Incidents>) -> Value<'static> {
    match i {
        Some(i) => i.value(),
        None => Value::Word("none"),
    }
}

/// What a row came to, for the printers: passed, passed with a warning, or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// Nothing to report.
    Pass,
    /// Passed, with a warning.
    Warn,
    /// Failed: not eligible, stopping within `--fail-within`, or an expectation not met.
    Fail,
}

impl RowStatus {
    /// Its identifier in JSON and CSV: `pass`, `warn`, `fail`.
    pub fn id(self) -> &'static str {
        match self {
            RowStatus::Pass => "pass",
            RowStatus::Warn => "warn",
            RowStatus::Fail => "fail",
        }
    }
}

/// What a decided row is judged by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// `check --batch`: the gate.
    Gate(Gate),
    /// `verify`: the expectation's mismatches (none: it holds).
    Expectation {
        /// The request as the row spells it (`spd sql-server 2019`).
        request: String,
        /// Where the decision differs from the expectation.
        mismatches: Vec<Mismatch>,
    },
}

/// A decided row.
#[derive(Debug, Clone)]
pub struct DecidedRow<'a> {
    /// The answer's flat facts.
    pub row: CheckRow<'a>,
    /// The whole answer, when the printer shows it.
    pub report: Option<CheckReport>,
    /// What the row is judged by.
    pub judgement: Judgement,
    /// What the answer itself warns of (a legacy grant that may have run out): every format
    /// carries it with the row, as a single check prints it.
    pub cautions: Vec<Msg<'a>>,
}

impl DecidedRow<'_> {
    /// Passed, warned or failed.
    pub fn status(&self) -> RowStatus {
        match &self.judgement {
            Judgement::Gate(Gate::Pass) if !self.cautions.is_empty() => RowStatus::Warn,
            Judgement::Gate(Gate::Pass) => RowStatus::Pass,
            Judgement::Gate(Gate::Warn(_)) => RowStatus::Warn,
            Judgement::Gate(Gate::NotEligible | Gate::Expires(_)) => RowStatus::Fail,
            Judgement::Expectation { mismatches, .. } if mismatches.is_empty() => RowStatus::Pass,
            Judgement::Expectation { .. } => RowStatus::Fail,
        }
    }

    /// The warnings and failures that are not the verdict itself, in words: what the gate or
    /// the expectation made of the answer, then the answer's own cautions.
    pub fn problems(&self) -> Vec<Msg<'_>> {
        let mut all = self.gate_problems();
        if matches!(self.judgement, Judgement::Gate(_)) {
            all.extend(self.cautions.iter().cloned());
        }
        all
    }

    /// What the gate or the expectation made of the answer: the expiry of a gate, or the
    /// mismatches of an expectation.
    pub fn gate_problems(&self) -> Vec<Msg<'_>> {
        match &self.judgement {
            Judgement::Gate(Gate::Warn(e)) => vec![e.message(self.row.as_of)],
            Judgement::Gate(Gate::Expires(e)) => vec![Msg::new(
                "expiry-fail-within",
                vec![
                    ("until", Value::Day(e.until)),
                    (
                        "days",
                        Value::Count(u64::try_from(e.days_left).unwrap_or(0)),
                    ),
                    ("as_of", Value::Day(self.row.as_of)),
                    ("within", Value::Count(u64::from(e.within))),
                ],
            )],
            Judgement::Gate(_) => Vec::new(),
            Judgement::Expectation { mismatches, .. } => {
                mismatches.iter().map(Mismatch::message).collect()
            }
        }
    }
}

/// One row of a batch as the printers see it.
#[derive(Debug, Clone)]
pub struct RowReport<'a> {
    /// Its line in the input.
    pub line: usize,
    /// The inventory's own columns of the row (a customer, a ticket), carried through.
    pub carried: Vec<(String, String)>,
    /// What it came to.
    pub outcome: RowOutcome<'a>,
}

/// A row decided, or why it could not be.
#[derive(Debug, Clone)]
pub enum RowOutcome<'a> {
    /// Decided.
    Decided(Box<DecidedRow<'a>>),
    /// Not decided: the error, in words.
    Invalid(String),
}

/// What kind of batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchKind {
    /// `check --batch`: requests.
    Check,
    /// `verify`: expectations.
    Verify,
}

/// The counts of a whole batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// What kind of batch.
    pub kind: BatchKind,
    /// Eligible rows.
    pub eligible: usize,
    /// Rows decided "not eligible".
    pub not_eligible: usize,
    /// Rows that could not be decided.
    pub invalid: usize,
    /// Rows that passed (`verify`: the expectation held).
    pub passed: usize,
    /// Rows that failed (not eligible or expiring within `--fail-within`; `verify`: an
    /// expectation not met, or invalid).
    pub failed: usize,
    /// Eligible rows stopping within `--warn-days`.
    pub warnings: usize,
    /// Eligible rows stopping within `--fail-within`.
    pub expiring: usize,
    /// `--fail-within`, when given.
    pub fail_within: Option<u32>,
}

impl Summary {
    /// An empty count.
    pub fn new(kind: BatchKind, fail_within: Option<u32>) -> Self {
        Summary {
            kind,
            eligible: 0,
            not_eligible: 0,
            invalid: 0,
            passed: 0,
            failed: 0,
            warnings: 0,
            expiring: 0,
            fail_within,
        }
    }

    /// Counts one row.
    pub fn count(&mut self, outcome: &RowOutcome<'_>) {
        let decided = match outcome {
            RowOutcome::Invalid(_) => {
                self.invalid += 1;
                self.failed += 1;
                return;
            }
            RowOutcome::Decided(d) => d,
        };
        if decided.row.eligible {
            self.eligible += 1;
        } else {
            self.not_eligible += 1;
        }
        match &decided.judgement {
            Judgement::Gate(Gate::Warn(_)) => self.warnings += 1,
            Judgement::Gate(Gate::Expires(_)) => self.expiring += 1,
            Judgement::Expectation { mismatches, .. }
                if mismatches.iter().any(|m| matches!(m, Mismatch::Expires(_))) =>
            {
                self.expiring += 1;
            }
            _ => {}
        }
        match decided.status() {
            RowStatus::Fail => self.failed += 1,
            RowStatus::Pass | RowStatus::Warn => self.passed += 1,
        }
    }

    /// Rows in all.
    pub fn total(&self) -> usize {
        self.eligible + self.not_eligible + self.invalid
    }

    /// The closing line, in words: `N eligible, N not eligible, N invalid` or `N passed, N
    /// failed`.
    pub fn message(&self) -> Msg<'static> {
        let count = |n: usize| Value::Count(n as u64);
        match (self.kind, self.fail_within) {
            (BatchKind::Verify, _) => Msg::new(
                "summary-verify",
                vec![
                    ("passed", count(self.passed)),
                    ("failed", count(self.failed)),
                ],
            ),
            (BatchKind::Check, None) => Msg::new(
                "summary-check",
                vec![
                    ("eligible", count(self.eligible)),
                    ("not_eligible", count(self.not_eligible)),
                    ("invalid", count(self.invalid)),
                ],
            ),
            (BatchKind::Check, Some(days)) => Msg::new(
                "summary-check-fail-within",
                vec![
                    ("eligible", count(self.eligible)),
                    ("not_eligible", count(self.not_eligible)),
                    ("invalid", count(self.invalid)),
                    ("expiring", count(self.expiring)),
                    ("days", Value::Count(u64::from(days))),
                ],
            ),
        }
    }
}

impl RowReport<'_> {
    /// The carried columns as one label (`customer=Contoso, ticket=T-1`); empty when none.
    pub fn carried_label(&self) -> String {
        self.carried
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}
