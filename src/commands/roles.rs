//! `mpn-support roles`: who may activate the benefits, view the IDs and open requests,
//! from the entitlement table; `--can ACTION --role ROLE` answers one
//! question with exit 0 (yes) or 1 (no) and the remedy.

use clap::Args;

use crate::app::Outcome;
use crate::cli::args::DataArgs;
use crate::data;
use crate::error::AppError;
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{ActionOut, Report, RoleAnswer, RoleOut, RolesReport};

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
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Prints the role table, or answers one question.
pub fn run(args: &RolesArgs) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let ent = &data.entitlements;
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
            let allowed = role.can(&action.id);
            let who = ent.roles_that_can(&action.id);
            let detail = if allowed {
                format!("yes: {} may {}", role.name, action.name)
            } else {
                format!(
                    "no: {} may not {} (who may: {who}); {}",
                    role.name, action.name, action.remedy
                )
            };
            let report = Report::RoleAnswer(RoleAnswer {
                role: role.id.to_string(),
                action: action.id.to_string(),
                allowed,
                detail,
                allowed_roles: ent
                    .roles
                    .iter()
                    .filter(|r| r.can(&action.id))
                    .map(|r| r.id.to_string())
                    .collect(),
            });
            let exit = Exit::answer(allowed);
            (report, exit)
        }
        _ => (
            Report::Roles(RolesReport {
                actions: ent
                    .actions
                    .iter()
                    .map(|a| ActionOut {
                        id: a.id.to_string(),
                        name: a.name.to_string(),
                        remedy: a.remedy.to_string(),
                    })
                    .collect(),
                roles: ent
                    .roles
                    .iter()
                    .map(|r| RoleOut {
                        id: r.id.to_string(),
                        name: r.name.to_string(),
                        can: r.can.iter().map(ToString::to_string).collect(),
                    })
                    .collect(),
            }),
            Exit::Success,
        ),
    };
    Ok(Outcome {
        report,
        format: args.format,
        exit,
        warnings: Vec::new(),
        summary: None,
    })
}
