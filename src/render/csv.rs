//! CSV through the csv crate: the same grids as the text tables, one header row.

use super::{
    Grid, RenderError, check_row_grid, import_lines, matrix_grid, product_grids, validate_grid,
};
use crate::report::Report;

/// A grid for a program to read: headers as plain identifiers (`current (N)` becomes
/// `current`), and the `-` the text tables show for nothing as an empty cell.
fn plain(grid: Grid) -> Grid {
    let id = |header: &str| {
        let header = header
            .replace("(N)", "")
            .replace("(N-1)", "")
            .replace("N-1 ", "previous ");
        let words: Vec<String> = header
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
            .map(|w| w.to_ascii_lowercase().replace('-', "_"))
            .collect();
        words.join("_")
    };
    Grid {
        header: grid.header.iter().map(|h| id(h)).collect(),
        rows: grid
            .rows
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|cell| if cell == "-" { String::new() } else { cell })
                    .collect()
            })
            .collect(),
    }
}

/// The matrix with a column per tier id and each cell a number of incidents or `unlimited`
/// (no pack names or words).
fn matrix_numbers(report: &crate::report::MatrixReport) -> Grid {
    let mut grid = matrix_grid(report);
    for (header, (id, _)) in grid.header.iter_mut().skip(2).zip(&report.layout.tiers) {
        header.clone_from(id);
    }
    for row in &mut grid.rows {
        for cell in row.iter_mut().skip(2) {
            let first = cell.split(' ').next().unwrap_or_default();
            *cell = match first {
                "not" => "0".to_owned(),
                "unlimited" => "unlimited".to_owned(),
                number => number.to_owned(),
            };
        }
    }
    grid
}

/// Renders a report as CSV.
pub fn render(report: &Report) -> Result<String, RenderError> {
    match report {
        Report::Check(r) => write(&check_row_grid(&[r.line()])),
        Report::Matrix(m) => write(&plain(matrix_numbers(m))),
        Report::Products(p) => {
            let grids = product_grids(p);
            let mut out = String::new();
            for g in grids {
                out.push_str(&write(&plain(g))?);
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
