//! `mpn-support lifecycle import`: regenerate the lifecycle file from its sources.
//!
//! Reads the sources directory, runs the pure importer, and replaces the output file
//! atomically (a temporary file in the same folder, then a rename), so a failed run leaves the
//! old file untouched.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::cli::parse_date;
use crate::data::read_text;
use crate::exit::Exit;
use crate::import::{CATALOGUE_FILE, ENDOFLIFE_DIR, SUPPLEMENT_FILE, Sources, import};
use crate::render::Format;
use crate::report::{ImportReport, Report};
use crate::{AppError, Outcome};

/// Subcommands of `lifecycle`.
#[derive(Debug, Clone, Subcommand)]
pub enum LifecycleCommand {
    /// Rebuild the lifecycle file from endoflife.date pages, the supplement and the catalogue
    Import(ImportArgs),
}

/// Arguments of `lifecycle import`.
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Sources directory: catalogue.json, microsoft-lifecycle-supplement.json, endoflife/*.md
    #[arg(long, value_name = "DIR", default_value = "data/sources")]
    pub sources: PathBuf,
    /// Lifecycle file to write
    #[arg(
        long,
        short,
        value_name = "FILE",
        default_value = "data/lifecycle.json"
    )]
    pub output: PathBuf,
    /// Generation date recorded in the file, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub generated: Option<NaiveDate>,
    /// Show what would be written without writing
    #[arg(long)]
    pub dry_run: bool,
    /// Output format of the summary
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs a `lifecycle` subcommand.
pub fn run(command: &LifecycleCommand, today: NaiveDate) -> Result<Outcome, AppError> {
    match command {
        LifecycleCommand::Import(args) => run_import(args, today),
    }
}

fn read(path: &Path) -> Result<String, AppError> {
    read_text(path).map_err(|message| AppError::Read {
        path: path.display().to_string(),
        message,
    })
}

/// Reads every `*.md` page of the endoflife folder, keyed by slug.
fn read_pages(dir: &Path) -> Result<HashMap<String, String>, AppError> {
    let entries = std::fs::read_dir(dir).map_err(|e| AppError::Read {
        path: dir.display().to_string(),
        message: e.to_string(),
    })?;
    let mut pages = HashMap::new();
    for entry in entries {
        let path = entry
            .map_err(|e| AppError::Read {
                path: dir.display().to_string(),
                message: e.to_string(),
            })?
            .path();
        if path.extension().is_some_and(|e| e == "md")
            && let Some(slug) = path.file_stem().and_then(|s| s.to_str())
        {
            pages.insert(slug.to_owned(), read(&path)?);
        }
    }
    Ok(pages)
}

fn run_import(args: &ImportArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let catalogue = read(&args.sources.join(CATALOGUE_FILE))?;
    let supplement = read(&args.sources.join(SUPPLEMENT_FILE))?;
    let pages = read_pages(&args.sources.join(ENDOFLIFE_DIR))?;
    let generated = args.generated.unwrap_or(today).to_string();
    let imported = import(
        &Sources {
            catalogue: &catalogue,
            supplement: &supplement,
            pages,
        },
        &generated,
    )?;
    // The result must load like any data file before it may replace one.
    imported
        .file
        .clone()
        .validate()
        .map_err(|problems| crate::data::DataError::Invalid {
            path: "imported lifecycle data".into(),
            problems,
        })?;
    let text = render_file(&imported.file)?;
    let old = std::fs::read_to_string(&args.output).ok();
    let changed = old.as_deref() != Some(text.as_str());
    if changed && !args.dry_run {
        write_atomically(&args.output, &text)?;
    }
    let versions = imported
        .file
        .products
        .iter()
        .map(|p| p.versions.len())
        .sum();
    Ok(Outcome {
        report: Report::Import(ImportReport {
            output: args.output.display().to_string(),
            dry_run: args.dry_run,
            changed,
            products: imported.file.products.len(),
            versions,
            warnings: imported.warnings.clone(),
        }),
        format: args.format,
        exit: Exit::Success,
        warnings: imported.warnings,
    })
}

/// The lifecycle file's text: pretty JSON with a trailing newline.
pub fn render_file(file: &crate::data::lifecycle::LifecycleFile) -> Result<String, AppError> {
    serde_json::to_string_pretty(file)
        .map(|t| t + "\n")
        .map_err(|e| AppError::Write {
            path: "lifecycle data".into(),
            message: e.to_string(),
        })
}

/// Writes `text` to a temporary file beside `path`, then renames it over `path`.
fn write_atomically(path: &Path, text: &str) -> Result<(), AppError> {
    let fail = |e: std::io::Error| AppError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "lifecycle.json".into());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, text).map_err(fail)?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        fail(e)
    })
}
