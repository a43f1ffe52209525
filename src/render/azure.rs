//! Azure Pipelines logging commands for a batch: a `##vso[task.logissue type=error]` for every
//! row the gate or the expectation fails (naming why) or that cannot be decided, a `warning`
//! for a row that stops qualifying within `--warn-days`. The task's result is left to the exit
//! status (no `##vso[task.complete]`). Values are escaped as the agent decodes them, so no value
//! can end a property, start a line or make a command of its own.

use std::io::Write;

use super::escape;
use super::{Batch, PrintError, RowPrinter, stdout_error};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::batch::{BatchKind, Gate, Judgement, RowOutcome, RowReport, Summary};

/// Escapes a value for a logging command, as the agent decodes it: every control and bidi
/// character written visibly first (a line break in a value as `\n`, which the agent leaves as
/// it is), then `%` as `%AZP25`, CR, LF, `;` and `]` percent-encoded.
pub fn escaped(text: &str) -> String {
    let visible = escape::text(text);
    let mut out = String::with_capacity(visible.len() + 8);
    for c in visible.chars() {
        match c {
            '%' => out.push_str("%AZP25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ';' => out.push_str("%3B"),
            ']' => out.push_str("%5D"),
            c => out.push(c),
        }
    }
    out
}

/// Batch rows as logging commands.
pub struct Rows<'o> {
    out: &'o mut dyn Write,
    words: &'o Words,
    kind: BatchKind,
    file: Option<String>,
}

impl<'o> Rows<'o> {
    /// Commands to `out`.
    pub fn new(out: &'o mut dyn Write, words: &'o Words, batch: &Batch<'_>) -> Self {
        Rows {
            out,
            words,
            kind: batch.kind,
            file: batch.file.map(str::to_owned),
        }
    }

    fn issue(&mut self, level: &str, line: usize, message: &str) -> Result<(), PrintError> {
        // A line without a file points nowhere: standard input gets neither.
        let at = match &self.file {
            Some(file) => format!("sourcepath={};linenumber={line};", escaped(file)),
            None => String::new(),
        };
        writeln!(
            self.out,
            "##vso[task.logissue type={level};{at}]{}",
            escaped(message)
        )
        .map_err(stdout_error)
    }
}

impl RowPrinter<'_> for Rows<'_> {
    fn row(&mut self, row: &RowReport<'_>) -> Result<(), PrintError> {
        let words = self.words;
        // The row as a person names it: the request and the inventory's own columns.
        let label = row.carried_label();
        let named = |what: String, message: &str| {
            let what = if label.is_empty() {
                what
            } else {
                format!("{what} [{label}]")
            };
            words.format(
                "azure-issue",
                &[
                    ("what", Value::Text(&what)),
                    ("message", Value::Text(message)),
                ],
            )
        };
        match &row.outcome {
            RowOutcome::Invalid(message) => {
                let title = words.text(match self.kind {
                    BatchKind::Check => "title-invalid-request",
                    BatchKind::Verify => "title-invalid-expectation",
                });
                let text = named(title, message);
                self.issue("error", row.line, &text)
            }
            RowOutcome::Decided(d) => {
                let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                let first = problems.first().map_or("", String::as_str);
                match &d.judgement {
                    Judgement::Gate(gate) => {
                        let mut what = format!("{} {}", d.row.tier, d.row.product);
                        if let Some(v) = d.row.version {
                            what.push(' ');
                            what.push_str(v);
                        }
                        let but =
                            || words.format("eligible-but", &[("problem", Value::Text(first))]);
                        let (level, message) = match gate {
                            Gate::NotEligible => ("error", d.row.headline(words)),
                            Gate::Expires(_) => ("error", but()),
                            Gate::Warn(_) => ("warning", but()),
                            // An answer that warns of itself (a legacy grant that may have
                            // run out) says so.
                            Gate::Pass if !problems.is_empty() => ("warning", but()),
                            Gate::Pass => return Ok(()),
                        };
                        let text = named(what, &message);
                        self.issue(level, row.line, &text)
                    }
                    Judgement::Expectation {
                        request,
                        mismatches,
                    } => {
                        if mismatches.is_empty() {
                            return Ok(());
                        }
                        let text = named(request.clone(), &problems.join("; "));
                        self.issue("error", row.line, &text)
                    }
                }
            }
        }
    }

    fn finish(&mut self, _: &Summary) -> Result<(), PrintError> {
        self.out.flush().map_err(stdout_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character the agent decodes is encoded; nothing else changes.
    #[test]
    fn escapes_as_the_agent_decodes() {
        assert_eq!(escaped("50% a;b]c\r\nd"), "50%AZP25 a%3Bb%5Dc\\r\\nd");
        assert_eq!(escaped("SQL Server 2019"), "SQL Server 2019");
    }
}
