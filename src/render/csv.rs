//! CSV through the csv crate: the same grids as the text tables, one header row.

use super::{
    Grid, RenderError, check_row_grid, import_lines, matrix_grid, product_grids, validate_grid,
};
use crate::report::Report;

/// Renders a report as CSV.
pub fn render(report: &Report) -> Result<String, RenderError> {
    match report {
        Report::Check(r) => write(&check_row_grid(&[r.line()])),
        Report::Matrix(m) => write(&matrix_grid(m)),
        Report::Products(p) => {
            let grids = product_grids(p);
            let mut out = String::new();
            for g in &grids {
                out.push_str(&write(g)?);
            }
            Ok(out)
        }
        Report::Validate(v) => write(&validate_grid(v)),
        Report::Text(text) => Ok(text.clone()),
        Report::Roles(r) => write(&super::roles_grid(r)),
        Report::Programs(r) => write(&super::periods_grid(r)),
        Report::Competencies(r) => write(&super::competencies_grid(r)),
        Report::Explain(e) => write(&Grid {
            header: ["number", "rule", "title", "passed", "finding"]
                .map(String::from)
                .to_vec(),
            rows: e
                .paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    vec![
                        (i + 1).to_string(),
                        p.rule.to_owned(),
                        p.title.to_owned(),
                        p.passed.to_string(),
                        p.finding.clone(),
                    ]
                })
                .collect(),
        }),
        Report::RoleAnswer(a) => write(&Grid {
            header: ["role", "action", "allowed", "detail"]
                .map(String::from)
                .to_vec(),
            rows: vec![vec![
                a.role.clone(),
                a.action.clone(),
                a.allowed.to_string(),
                a.detail.clone(),
            ]],
        }),
        Report::Diagnose(d) => write(&Grid {
            header: [
                "input", "id", "score", "cause", "action", "portal", "section",
            ]
            .map(String::from)
            .to_vec(),
            rows: vec![match &d.matched {
                Some(m) => vec![
                    d.input.clone(),
                    m.id.clone(),
                    format!("{:.2}", m.score),
                    m.cause.clone(),
                    m.action.clone(),
                    m.portal.clone(),
                    m.section.clone(),
                ],
                None => vec![
                    d.input.clone(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                    String::new(),
                ],
            }],
        }),
        Report::Import(i) => write(&Grid {
            header: vec!["summary".into()],
            rows: import_lines(i).into_iter().map(|l| vec![l]).collect(),
        }),
    }
}

/// A grid as CSV text.
pub fn write(grid: &Grid) -> Result<String, RenderError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let fail = |e: csv::Error| RenderError::Csv(e.to_string());
    // Values from outside may start like a formula: neutralised (OWASP), numbers and dates
    // left as they are.
    let cells = |row: &'_ [String]| {
        row.iter()
            .map(|cell| crate::escape::csv(cell).into_owned())
            .collect::<Vec<_>>()
    };
    w.write_record(cells(&grid.header)).map_err(fail)?;
    for row in &grid.rows {
        w.write_record(cells(row)).map_err(fail)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| RenderError::Csv(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| RenderError::Csv(e.to_string()))
}
