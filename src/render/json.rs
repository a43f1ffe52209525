//! JSON: each report's serde form (the stable contract in docs/json.md), pretty or on one
//! line; for a batch, JSON Lines, an object per row.

use std::io::Write;

use serde::Serialize;

use super::{PrintError, RowPrinter, stdout_error};
use crate::i18n::Words;
use crate::report::batch::{BatchKind, Judgement, RowOutcome, RowReport, Summary};
use crate::report::{CheckReport, Report};

fn to_text<T: Serialize + ?Sized>(value: &T, pretty: bool) -> Result<String, PrintError> {
    let text = if pretty {
        serde_json::to_string_pretty(value)
    } else {
        serde_json::to_string(value)
    };
    text.map(|t| t + "\n")
        .map_err(|e| stdout_error(std::io::Error::other(e)))
}

/// A report as JSON: pretty, or on one line (JSON Lines).
pub fn report(report: &Report, pretty: bool) -> Result<String, PrintError> {
    match report {
        Report::Check(r) | Report::Explain(r) => to_text(r, pretty),
        Report::Matrix(r) => to_text(&r.rows, pretty),
        Report::Products(r) => to_text(&r.products, pretty),
        Report::Programs(r) => to_text(r, pretty),
        Report::Roles(r) => to_text(r, pretty),
        Report::RoleAnswer(r) => to_text(r, pretty),
        Report::Diagnose(r) => to_text(r, pretty),
        Report::Competencies(r) => to_text(r, pretty),
        Report::Validate(r) => to_text(r, pretty),
        Report::Import(r) => to_text(r, pretty),
        Report::Timeline(_) => Err(PrintError::Unsupported {
            format: "json",
            what: "reports other than the picture",
        }),
    }
}

/// The inventory's own columns of a row, as a JSON object in input order.
struct Columns<'a>(&'a [(String, String)]);

impl Serialize for Columns<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap as _;
        let mut map = s.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Columns<'_> {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One `check --batch` result: the single-check contract plus `line`, the row's own `columns`
/// and an optional `warning`.
#[derive(Serialize)]
struct CheckRowOut<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Columns::is_empty")]
    columns: Columns<'a>,
    #[serde(flatten)]
    report: &'a CheckReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<String>,
    /// What the gate made of the row: `pass`, `warn` or `fail`.
    status: &'static str,
}

/// One `verify` result.
#[derive(Serialize)]
struct VerifyRowOut<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Columns::is_empty")]
    columns: Columns<'a>,
    request: &'a str,
    passed: bool,
    /// `pass` or `fail`.
    status: &'static str,
    mismatches: Vec<String>,
    decided_under: Option<String>,
}

/// A row that could not be read or decided.
#[derive(Serialize)]
struct InvalidOut<'a> {
    line: usize,
    #[serde(skip_serializing_if = "Columns::is_empty")]
    columns: Columns<'a>,
    error: &'a str,
    /// Always `invalid`.
    status: &'static str,
}

/// Batch rows as JSON Lines.
pub struct Rows<'o> {
    out: &'o mut dyn Write,
    words: &'o Words,
    kind: BatchKind,
}

impl<'o> Rows<'o> {
    /// Rows to `out`.
    pub fn new(out: &'o mut dyn Write, words: &'o Words, kind: BatchKind) -> Self {
        Rows { out, words, kind }
    }

    fn line<T: Serialize>(&mut self, value: &T) -> Result<(), PrintError> {
        let text = to_text(value, false)?;
        self.out.write_all(text.as_bytes()).map_err(stdout_error)
    }
}

impl RowPrinter<'_> for Rows<'_> {
    fn wants_report(&self) -> bool {
        self.kind == BatchKind::Check
    }

    fn row(&mut self, row: &RowReport<'_>) -> Result<(), PrintError> {
        let words = self.words;
        match &row.outcome {
            RowOutcome::Invalid(error) => self.line(&InvalidOut {
                line: row.line,
                columns: Columns(&row.carried),
                error,
                status: "invalid",
            }),
            RowOutcome::Decided(d) => match (&d.judgement, &d.report) {
                (
                    Judgement::Expectation {
                        request,
                        mismatches,
                    },
                    _,
                ) => {
                    let out = VerifyRowOut {
                        line: row.line,
                        columns: Columns(&row.carried),
                        request,
                        passed: mismatches.is_empty(),
                        status: d.status().id(),
                        mismatches: mismatches.iter().map(|m| words.msg(&m.message())).collect(),
                        decided_under: d.row.period.map(|p| words.msg(&p.message())),
                    };
                    self.line(&out)
                }
                (Judgement::Gate(_), Some(report)) => {
                    let out = CheckRowOut {
                        line: row.line,
                        columns: Columns(&row.carried),
                        report,
                        warning: d.gate_problems().first().map(|m| words.msg(m)),
                        status: d.status().id(),
                    };
                    self.line(&out)
                }
                (Judgement::Gate(_), None) => Err(stdout_error(std::io::Error::other(
                    "internal: a JSON row without its report",
                ))),
            },
        }
    }

    fn finish(&mut self, summary: &Summary) -> Result<(), PrintError> {
        if summary.kind == BatchKind::Verify {
            let counts = serde_json::json!({"passed": summary.passed, "failed": summary.failed});
            self.line(&counts)?;
        }
        self.out.flush().map_err(stdout_error)
    }
}
