//! `mpn-support programs`: the rule book over time, every period at a glance.

use clap::Args;

use crate::app::Outcome;
use crate::cli::args::DataArgs;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{ProgramsReport, Report};

/// Print the rule book over time: programs, offers, figures and names, with sources
#[derive(Debug, Clone, Args)]
pub struct ProgramsArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the entitlement table and lists its periods.
pub fn run(args: &ProgramsArgs) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    Ok(Outcome::new(
        Report::Programs(ProgramsReport::new(&data.entitlements)),
        args.format,
        Exit::Success,
    ))
}
