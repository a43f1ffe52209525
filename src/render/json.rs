//! JSON: the report's own serde form (the stable contract), pretty-printed with a newline.

use super::RenderError;
use crate::report::Report;

/// Renders a report as pretty JSON ending with a newline.
pub fn render(report: &Report) -> Result<String, RenderError> {
    let text = match report {
        Report::Check(r) => serde_json::to_string_pretty(r),
        Report::Matrix(r) => serde_json::to_string_pretty(r),
        Report::Products(r) => serde_json::to_string_pretty(r),
        Report::Import(r) => serde_json::to_string_pretty(r),
        Report::Validate(r) => serde_json::to_string_pretty(r),
        Report::Text(text) => return Ok(text.clone()),
        Report::Explain(r) => serde_json::to_string_pretty(r),
        Report::Roles(r) => serde_json::to_string_pretty(r),
        Report::RoleAnswer(r) => serde_json::to_string_pretty(r),
        Report::Diagnose(r) => serde_json::to_string_pretty(r),
        Report::Programs(r) => serde_json::to_string_pretty(r),
        Report::Competencies(r) => serde_json::to_string_pretty(r),
    }
    .map_err(|e| RenderError::Json(e.to_string()))?;
    Ok(text + "\n")
}
