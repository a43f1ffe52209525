//! `validate`: every problem of the data files the tool would use.

use serde::Serialize;

use super::DataOut;
use crate::data::Finding;

/// What `validate` found.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ValidateReport {
    /// The files checked, as named to the user.
    pub files: Vec<String>,
    /// Number of errors.
    pub errors: usize,
    /// Number of warnings.
    pub warnings: usize,
    /// Every problem, each with file, line, column, severity, entry and message.
    pub problems: Vec<Finding>,
    /// Which data the other commands would use; omitted when the files have errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<DataOut>,
}
