//! `mpn-support matrix`: the entitlement matrix, from the data.

use clap::Args;

use crate::args::DataArgs;
use crate::data;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{MatrixReport, Report};
use crate::{AppError, Outcome};

/// Print the entitlement matrix: incidents per tier, support type and competency class
#[derive(Debug, Clone, Args)]
pub struct MatrixArgs {
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the entitlement table and lays out its matrix.
pub fn run(args: &MatrixArgs) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    Ok(Outcome::new(
        Report::Matrix(MatrixReport::new(&data.entitlements)),
        args.format,
        Exit::Success,
    ))
}
