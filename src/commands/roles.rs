//! `mpn-support roles`: who may activate the benefits, view the IDs and open requests,
//! from the entitlement table; `--can ACTION --role ROLE` answers one question with exit 0
//! (yes) or 1 (no) and the remedy. `check --role` decides by the same table.

use clap::Args;

use super::Context;
use crate::commands::args::DataArgs;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::ReportFormat;
use crate::report::Report;
use crate::report::roles::{RoleAnswer, RolesReport};

/// Who may do what: activate benefits, view the IDs, open requests
#[derive(Debug, Clone, Args)]
pub struct RolesArgs {
    /// Ask whether ROLE may take this action: activate, view-ids, create-cloud-request,
    /// create-on-premises-request
    #[arg(long, value_name = "ACTION", requires = "role")]
    pub can: Option<String>,
    /// The role asked about, e.g. admin-agent, global-admin
    #[arg(long, value_name = "ROLE", requires = "can")]
    pub role: Option<String>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Prints the role table, or answers one question.
pub fn run(args: &RolesArgs, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let data = data::load(&args.data.paths())?;
    let ent = &data.entitlements;
    let words = ctx.out.words;
    let (report, exit) = match (&args.can, &args.role) {
        (Some(action), Some(role)) => {
            let (action, role) = match (data.action(action), data.role(role)) {
                (Ok(a), Ok(r)) => (a, r),
                (a, r) => {
                    return Err(AppError::Unknown(
                        [a.err(), r.err()].into_iter().flatten().collect(),
                    ));
                }
            };
            let answer = RoleAnswer::new(ent, role, action, words);
            let exit = Exit::answer(answer.allowed);
            (Report::RoleAnswer(answer), exit)
        }
        _ => (Report::Roles(RolesReport::new(ent, words)), Exit::Success),
    };
    ctx.answer(&report, args.format, &[], exit)
}
