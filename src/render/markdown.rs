//! GitHub-flavoured markdown: the same grids as the text tables, `|` escaped in cells.

use std::fmt::Write as _;

use super::{Grid, import_lines, matrix_grid, product_grids, trace_grid, validate_grid};
use crate::report::Report;

/// Renders a report as markdown.
pub fn render(report: &Report) -> String {
    match report {
        Report::Check(r) => {
            let mut out = format!("**{}**\n\n", escape(&r.line().to_string()));
            if let Some(date) = r.rules_as_of {
                out.push_str(&format!("_Rules as published up to {date}._\n\n"));
            }
            out.push_str(&table(&trace_grid(r)));
            if !r.next_steps.is_empty() {
                out.push_str("\n**Next steps**\n\n");
                for step in &r.next_steps {
                    let _ = writeln!(out, "- {}", escape(step));
                }
            }
            if let Some(c) = &r.channel {
                let _ = writeln!(
                    out,
                    "\n**Open the request:** [{}]({})\n",
                    escape(&c.name),
                    crate::escape::markdown_url(&c.url)
                );
                for (i, step) in c.steps.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", i + 1, escape(step));
                }
            }
            if !r.alternatives.is_empty() {
                out.push_str("\n**Alternatives**\n\n");
                for a in &r.alternatives {
                    let _ = writeln!(
                        out,
                        "- [{}]({}): {}",
                        escape(&a.name),
                        crate::escape::markdown_url(&a.url),
                        escape(&a.description)
                    );
                }
            }
            if r.eligible && !r.notes.is_empty() {
                out.push_str("\n**Notes**\n\n");
                for n in &r.notes {
                    let _ = writeln!(out, "- {}", escape(&n.text));
                }
            }
            if r.eligible && !r.assumptions.is_empty() {
                let assumed: Vec<&str> = r.assumptions.iter().map(|a| a.assumed.as_str()).collect();
                let _ = writeln!(
                    out,
                    "\n_Assumed (not stated): {}_",
                    escape(&assumed.join("; "))
                );
            }
            out
        }
        Report::Matrix(m) => {
            let title = m.title.as_ref().map(|t| format!("**{}**\n\n", escape(t)));
            title.unwrap_or_default() + &table(&matrix_grid(m))
        }
        Report::Products(p) => product_grids(p)
            .iter()
            .map(table)
            .collect::<Vec<_>>()
            .join("\n"),
        // Version names come from upstream answers, the output name from the user.
        Report::Import(i) => import_lines(i)
            .into_iter()
            .map(|l| escape(&l) + "\n")
            .collect(),
        Report::Validate(v) => table(&validate_grid(v)),
        Report::Text(text) => text.clone(),
        Report::Explain(e) => super::explain_text(e, true),
        Report::Roles(r) => table(&super::roles_grid(r)),
        Report::Competencies(r) => table(&super::competencies_grid(r)),
        Report::Programs(r) => {
            let mut out = String::new();
            if let Some(from) = r.rule_book_from {
                let _ = writeln!(out, "**The rule book from {from}**\n");
            }
            out.push_str(&table(&super::periods_grid(r)));
            out.push_str("\n**Sources**\n\n");
            out.push_str(&table(&super::references_grid(r)));
            out
        }
        Report::RoleAnswer(a) => format!("{}\n", escape(&a.detail)),
        Report::Diagnose(d) => super::message_match_lines(d)
            .into_iter()
            .map(|l| format!("{}  \n", escape(&l)))
            .collect(),
    }
}

/// A grid as a markdown table.
pub fn table(grid: &Grid) -> String {
    let mut out = String::new();
    let line = |cells: &[String]| {
        let cells: Vec<String> = cells
            .iter()
            .map(|c| crate::escape::markdown_cell(c))
            .collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(&grid.header));
    out.push_str(&format!("|{}\n", "---|".repeat(grid.header.len())));
    for row in &grid.rows {
        out.push_str(&line(row));
    }
    out
}

/// Escapes a value for markdown.
pub use crate::escape::markdown as escape;

#[cfg(test)]
mod tests {
    use super::*;

    /// A `|` inside a cell does not split the cell.
    #[test]
    fn escapes_pipes() {
        let grid = Grid {
            header: vec!["a".into()],
            rows: vec![vec!["x | y".into()]],
        };
        assert_eq!(table(&grid), "| a |\n|---|\n| x \\| y |\n");
    }
}
