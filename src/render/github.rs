//! GitHub Actions workflow commands for a batch: an `::error` for every row the gate or the
//! expectation fails (naming why) or that cannot be decided, a `::warning` for a row that
//! stops qualifying soon, a `::notice` per eligible row when asked. Values are escaped as the
//! runner decodes them, so no value can start a command of its own.

use std::io::Write;

use super::annotate::annotation;
use super::escape;
use super::{Batch, PrintError, RowPrinter, stdout_error};
use crate::i18n::Words;
use crate::report::batch::{BatchKind, RowReport, Summary};

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
        match annotation(row, self.words, self.kind, self.notices) {
            Some(a) => self.command(a.level.as_str(), row.line, &a.subject, &a.message),
            None => Ok(()),
        }
    }

    fn finish(&mut self, _: &Summary) -> Result<(), PrintError> {
        self.out.flush().map_err(stdout_error)
    }
}
