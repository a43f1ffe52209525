//! Azure Pipelines logging commands for a batch: a `##vso[task.logissue type=error]` for every
//! row the gate or the expectation fails (naming why) or that cannot be decided, a `warning`
//! for a row that stops qualifying within `--warn-days`. The task's result is left to the exit
//! status (no `##vso[task.complete]`). Values are escaped as the agent decodes them, so no value
//! can end a property, start a line or make a command of its own.

use std::io::Write;

use super::annotate::annotation;
use super::escape;
use super::{Batch, PrintError, RowPrinter, stdout_error};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::batch::{BatchKind, RowReport, Summary};

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
        // Azure has no title: the row as a person names it starts the message.
        match annotation(row, self.words, self.kind, false) {
            Some(a) => {
                let text = self.words.format(
                    "azure-issue",
                    &[
                        ("what", Value::Text(&a.subject)),
                        ("message", Value::Text(&a.message)),
                    ],
                );
                self.issue(a.level.as_str(), row.line, &text)
            }
            None => Ok(()),
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
