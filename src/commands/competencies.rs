//! `mpn-support competencies`: the competencies `--competency` takes, with their classes.

use clap::Args;

use crate::app::Outcome;
use crate::cli::args::DataArgs;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{CompetencyOut, Report};

/// List the competencies --competency takes, with their classes
#[derive(Debug, Clone, Args)]
pub struct CompetenciesArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the entitlement table and lists its competencies.
pub fn run(args: &CompetenciesArgs) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    Ok(Outcome::new(
        Report::Competencies(CompetencyOut::list(&data.entitlements)),
        args.format,
        Exit::Success,
    ))
}
