//! One file per subcommand: its argument struct and its `run` (flags -> request -> engine ->
//! report -> printer), nothing else; `batch.rs` is the row loop `check --batch` and `verify`
//! share.

pub mod args;
pub mod batch;
pub mod check;
pub mod competencies;
pub mod completions;
pub mod diagnose;
pub mod explain;
pub mod lifecycle;
pub mod matrix;
pub mod products;
pub mod programs;
pub mod roles;
pub mod schema;
pub mod validate;
pub mod verify;

use chrono::NaiveDate;

use crate::error::AppError;
use crate::exit::Exit;
use crate::render::{Format, Output};
use crate::report::Report;

/// What a command runs with: today's date (read once, by `main`) and where its output goes.
pub struct Context<'o> {
    /// Today.
    pub today: NaiveDate,
    /// Standard output and error, with the style and words of the run.
    pub out: Output<'o>,
}

impl Context<'_> {
    /// Prints a report, its warnings first on standard error, and ends with `exit`.
    pub fn answer(
        &mut self,
        report: &Report,
        format: impl Into<Format>,
        warnings: &[String],
        exit: Exit,
    ) -> Result<Exit, AppError> {
        for w in warnings {
            self.out.warn(w);
        }
        match self.out.report(report, format.into()) {
            Err(e) if e.is_closed_pipe() => Ok(exit),
            Err(e) => Err(e.into()),
            Ok(()) => Ok(exit),
        }
    }
}
