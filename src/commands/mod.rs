//! One file per subcommand: its argument struct and its `run`, nothing else.

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

use crate::data::Dataset;
use crate::error::AppError;
use crate::report::CheckReport;
use crate::request::Request;
use crate::rules;

/// Resolves a request's names, decides it and reports the decision, with the data's
/// staleness warnings: the path `check`, `explain` and `verify` share.
pub fn decide(data: &Dataset, request: &Request) -> Result<CheckReport, AppError> {
    let decision = rules::evaluate(&request.resolve(data)?, data);
    let mut report = CheckReport::new(&decision, &data.entitlements);
    report.warnings.extend(data.staleness(request.as_of));
    report.data = Some(crate::report::DataOut::new(data));
    Ok(report)
}
