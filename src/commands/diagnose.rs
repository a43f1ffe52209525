//! `mpn-support diagnose "<message or symptom>"`: what a confusing portal message means and
//! what to do, from the message catalogue (`data/diagnostics.json`).

use std::path::PathBuf;

use clap::Args;

use crate::app::Outcome;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::matching::best_match;
use crate::render::Format;
use crate::report::{DiagnoseReport, MatchOut, Report};

/// Match a portal message or symptom to its cause and what to do
#[derive(Debug, Clone, Args)]
pub struct DiagnoseArgs {
    /// What the portal said or what you see, in English or Japanese; a fragment will do
    #[arg(value_name = "MESSAGE", required = true, num_args = 1..)]
    pub message: Vec<String>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Message catalogue to use instead of the built-in one
    #[arg(long, value_name = "FILE", help_heading = "Data files")]
    pub catalogue: Option<PathBuf>,
    /// Directory holding diagnostics.json
    #[arg(
        long,
        value_name = "DIR",
        env = "MPN_SUPPORT_DATA_DIR",
        help_heading = "Data files"
    )]
    pub data_dir: Option<PathBuf>,
}

/// Matches the message; exit 0 with the answer, or 1 with the known messages.
pub fn run(args: &DiagnoseArgs) -> Result<Outcome, AppError> {
    let catalogue = data::load_catalogue(args.catalogue.as_deref(), args.data_dir.as_deref())?;
    let input = args.message.join(" ");
    let matched = best_match(&catalogue, &input).map(|m| MatchOut {
        id: m.entry.id.clone(),
        matched_text: m.phrase.to_owned(),
        score: (m.score * 100.0).round() / 100.0,
        cause: m.entry.cause.clone(),
        action: m.entry.action.clone(),
        portal: m.entry.portal.clone(),
        section: m.entry.section.clone(),
    });
    let exit = Exit::answer(matched.is_some());
    let known = if matched.is_some() {
        Vec::new()
    } else {
        catalogue
            .entries
            .iter()
            .flat_map(|e| e.messages.iter().chain(&e.symptoms).take(1))
            .cloned()
            .collect()
    };
    Ok(Outcome {
        report: Report::Diagnose(DiagnoseReport {
            input,
            matched,
            known,
        }),
        format: args.format,
        exit,
        warnings: Vec::new(),
        summary: None,
    })
}
