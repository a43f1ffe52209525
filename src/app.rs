//! Dispatch: runs the parsed command line with today's date and the run's output, and says
//! how the process ends. Every command writes through the one [`Output`].

use chrono::NaiveDate;
use clap::CommandFactory as _;

use crate::cli::{Cli, Command};
use crate::commands::{self, Context};
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Output;

/// Runs a parsed command line as of `today`, writing to `out`.
pub fn run(cli: &Cli, today: NaiveDate, out: Output<'_>) -> Result<Exit, AppError> {
    let ctx = &mut Context { today, out };
    match &cli.command {
        Command::Check(args) => commands::check::run(args, ctx),
        Command::Explain(args) => commands::explain::run(args, ctx),
        Command::Matrix(args) => commands::matrix::run(args, ctx),
        Command::Competencies(args) => commands::competencies::run(args, ctx),
        Command::Products(args) => commands::products::run(args, ctx),
        Command::Programs(args) => commands::programs::run(args, ctx),
        Command::Lifecycle(command) => commands::lifecycle::run(command, ctx),
        Command::Validate(args) => commands::validate::run(args, ctx),
        Command::Roles(args) => commands::roles::run(args, ctx),
        Command::Diagnose(args) => commands::diagnose::run(args, ctx),
        Command::Verify(args) => commands::verify::run(args, ctx),
        Command::Completions(args) => commands::completions::run(args, Cli::command(), ctx),
        Command::Man(args) => commands::completions::run_man(args, Cli::command(), ctx),
        Command::Schema(args) => commands::schema::run(args, ctx),
    }
}
