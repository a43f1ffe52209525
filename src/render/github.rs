//! GitHub Actions workflow commands for a batch: an `::error` for every row the gate or the
//! expectation fails (naming why) or that cannot be decided, a `::warning` for a row that
//! stops qualifying soon, a `::notice` per eligible row when asked. Values are escaped as the
//! runner decodes them, so no value can start a command of its own.

use std::io::Write;

use super::escape;
use super::{Batch, PrintError, RowPrinter, stdout_error};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::batch::{BatchKind, Gate, Judgement, RowOutcome, RowReport, Summary};

/// Escapes the message of a workflow command: every control and bidi character written
/// visibly first (a line break in a value as `\n`, which the runner leaves as it is), then `%`,
/// CR and LF encoded as the runner decodes them (so none is left to decode into a real line
/// break).
pub fn data(text: &str) -> String {
    escape::text(text)
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Batch rows as workflow commands.
pub struct Rows<'o> {
    out: &'o mut dyn Write,
    words: &'o Words,
    kind: BatchKind,
    file: Option<String>,
    notices: bool,
}

impl<'o> Rows<'o> {
    /// Commands to `out`.
    pub fn new(out: &'o mut dyn Write, words: &'o Words, batch: &Batch<'_>) -> Self {
        Rows {
            out,
            words,
            kind: batch.kind,
            file: batch.file.map(str::to_owned),
            notices: batch.notices,
        }
    }

    fn command(
        &mut self,
        level: &str,
        line: usize,
        title: &str,
        message: &str,
    ) -> Result<(), PrintError> {
        // A line without a file points nowhere: standard input gets neither.
        let at = match &self.file {
            Some(file) => format!("file={},line={line},", property(file)),
            None => String::new(),
        };
        writeln!(
            self.out,
            "::{level} {at}title={}::{}",
            property(title),
            data(message)
        )
        .map_err(stdout_error)
    }
}

impl RowPrinter<'_> for Rows<'_> {
    fn row(&mut self, row: &RowReport<'_>) -> Result<(), PrintError> {
        let words = self.words;
        // The inventory's own columns name the row in its annotation's title.
        let label = row.carried_label();
        let titled = |title: String| {
            if label.is_empty() {
                title
            } else {
                format!("{title} [{label}]")
            }
        };
        match &row.outcome {
            RowOutcome::Invalid(message) => {
                let title = titled(words.text(match self.kind {
                    BatchKind::Check => "title-invalid-request",
                    BatchKind::Verify => "title-invalid-expectation",
                }));
                self.command("error", row.line, &title, message)
            }
            RowOutcome::Decided(d) => {
                let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                let first = problems.first().map_or("", String::as_str);
                match &d.judgement {
                    Judgement::Gate(gate) => {
                        let mut title = format!("{} {}", d.row.tier, d.row.product);
                        if let Some(v) = d.row.version {
                            title.push(' ');
                            title.push_str(v);
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
                            // A notice per eligible row floods a job's annotations: only when
                            // asked.
                            Gate::Pass if !self.notices => return Ok(()),
                            Gate::Pass => ("notice", d.row.headline(words)),
                        };
                        self.command(level, row.line, &titled(title), &message)
                    }
                    Judgement::Expectation {
                        request,
                        mismatches,
                    } => {
                        if mismatches.is_empty() {
                            return Ok(());
                        }
                        self.command(
                            "error",
                            row.line,
                            &titled(request.clone()),
                            &problems.join("; "),
                        )
                    }
                }
            }
        }
    }

    fn finish(&mut self, _: &Summary) -> Result<(), PrintError> {
        self.out.flush().map_err(stdout_error)
    }
}
