//! `mpn-support schema`: print the JSON Schema of a data file, generated from the types the
//! loader reads it into (committed copies live in `data/schema/`).

use clap::{Args, ValueEnum};

use super::Context;
use crate::data::entitlements::EntitlementsFile;
use crate::data::lifecycle::LifecycleFile;
use crate::data::messages::CatalogueFile;
use crate::error::AppError;
use crate::exit::Exit;

/// Which file: a data file, or an output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DataFile {
    /// data/entitlements.json
    Entitlements,
    /// data/lifecycle.json
    Lifecycle,
    /// data/diagnostics.json
    Diagnostics,
    /// The output of `check --format json` (and of each JSON Lines batch row, which adds
    /// `line` and `warning`)
    CheckOutput,
}

/// Print the JSON Schema of a data file or of check's JSON output
#[derive(Debug, Clone, Args)]
pub struct SchemaArgs {
    /// The file whose schema to print
    #[arg(value_enum)]
    pub file: DataFile,
}

/// The schema as pretty JSON with a trailing newline.
pub fn schema_text(file: DataFile) -> Result<String, AppError> {
    let schema = match file {
        DataFile::Entitlements => schemars::schema_for!(EntitlementsFile),
        DataFile::Lifecycle => schemars::schema_for!(LifecycleFile),
        DataFile::Diagnostics => schemars::schema_for!(CatalogueFile),
        DataFile::CheckOutput => schemars::schema_for!(crate::report::CheckReport),
    };
    serde_json::to_string_pretty(&schema)
        .map(|t| t + "\n")
        .map_err(|e| AppError::Write {
            path: "schema".into(),
            message: e.to_string(),
        })
}

/// Prints the schema.
pub fn run(args: &SchemaArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    ctx.out.raw(&schema_text(args.file)?)?;
    Ok(Exit::Success)
}
