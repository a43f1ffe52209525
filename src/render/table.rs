//! Human text: a one-line verdict, comfy-table tables, then sections of steps and advice.
//!
//! Tables have a fixed width and no colour, so output is the same on a terminal, in a pipe and
//! in snapshots.

use std::fmt::Write as _;

use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, presets};

use super::{Grid, Style, import_lines, matrix_grid, product_grids, trace_grid, validate_lines};
use crate::report::{CheckLine, CheckReport, Report};

/// Bold green and bold red, and back to normal.
const GREEN: &str = "\x1b[1;32m";
const RED: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// Width tables wrap at, whatever the terminal.
const WIDTH: u16 = 120;
/// First columns up to this many characters are ids and are never wrapped.
const ID_WIDTH: usize = 32;

/// Renders a report as text.
pub fn render(report: &Report, style: Style) -> String {
    match report {
        Report::Check(check) => render_check(check, style),
        Report::Matrix(matrix) => {
            let mut out = String::from("Technical support entitlement by membership tier\n");
            out.push_str(&table(&matrix_grid(matrix), style));
            out
        }
        Report::Products(products) => {
            let mut out = String::new();
            if let Some(as_of) = products.as_of {
                let _ = writeln!(out, "Products and the versions entitled on {as_of}");
            }
            for grid in product_grids(products) {
                out.push_str(&table(&grid, style));
            }
            if !products.versions_view {
                out.push_str(
                    "Each version's dates and status: add --versions (or --format json).\n",
                );
            }
            out
        }
        Report::Import(import) => import_lines(import).into_iter().map(|l| l + "\n").collect(),
        Report::Validate(v) => validate_lines(v).into_iter().map(|l| l + "\n").collect(),
        Report::Text(text) => text.clone(),
        Report::Explain(e) => super::explain_text(e, false),
        Report::Roles(r) => table(&super::roles_grid(r), style),
        Report::RoleAnswer(a) => format!("{}\n", a.detail),
        Report::Diagnose(d) => super::diagnose_lines(d)
            .into_iter()
            .map(|l| l + "\n")
            .collect(),
    }
}

/// A grid as a comfy-table, ending with a newline. With colour, verdict words are coloured.
pub fn table(grid: &Grid, style: Style) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH)
        .force_no_tty()
        .set_header(grid.header.clone());
    if style.color {
        t.enforce_styling();
    }
    for row in &grid.rows {
        t.add_row(row.iter().map(|text| {
            let cell = Cell::new(text);
            match (style.color, text.as_str()) {
                (true, "pass" | "qualifies") => cell.fg(Color::Green),
                (true, "FAIL" | "out of support") => cell.fg(Color::Red),
                _ => cell,
            }
        }));
    }
    // A short first column holds ids people copy: never wrap it. A long one is prose.
    let first_width = grid
        .rows
        .iter()
        .map(|r| r.first().map_or(0, |c| c.chars().count()))
        .max();
    if first_width.is_some_and(|w| w <= ID_WIDTH)
        && let Some(first) = t.column_mut(0)
    {
        first.set_constraint(ColumnConstraint::ContentWidth);
    }
    format!("{t}\n")
}

fn render_check(r: &CheckReport, style: Style) -> String {
    let mut out = String::new();
    let line = headline(&r.line());
    let line = match (style.color, r.eligible) {
        (false, _) => line,
        (true, true) => format!("{GREEN}{line}{RESET}"),
        (true, false) => format!("{RED}{line}{RESET}"),
    };
    let _ = writeln!(out, "{line}");
    out.push('\n');
    out.push_str("Rules checked\n");
    out.push_str(&table(&trace_grid(r), style));
    if !r.next_steps.is_empty() {
        out.push_str("\nNext steps\n");
        for step in &r.next_steps {
            let _ = writeln!(out, "  - {step}");
        }
    }
    if let Some(channel) = &r.channel {
        let _ = writeln!(
            out,
            "\nOpen the request: {}\n  {}",
            channel.name, channel.url
        );
        for (i, step) in channel.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {step}", i + 1);
        }
    }
    if !r.alternatives.is_empty() {
        out.push_str("\nAlternatives\n");
        for a in &r.alternatives {
            let _ = writeln!(out, "  - {}: {}\n    {}", a.name, a.description, a.url);
        }
    }
    if !r.notes.is_empty() {
        out.push_str("\nNotes\n");
        for n in &r.notes {
            let _ = writeln!(out, "  - {}", n.text);
        }
    }
    if !r.assumptions.is_empty() {
        let assumed: Vec<&str> = r.assumptions.iter().map(|a| a.assumed).collect();
        let _ = writeln!(out, "\nAssumed (not stated): {}", assumed.join("; "));
    }
    out
}

/// The one-line verdict that opens a check.
pub fn headline(l: &CheckLine<'_>) -> String {
    let who = l.tier.1;
    let what = match l.version {
        Some((v, true)) => format!("{} {v} (current version, assumed)", l.product.1),
        Some((v, false)) => format!("{} {v}", l.product.1),
        None => l.product.1.to_owned(),
    };
    if l.eligible {
        let incidents = match (&l.incidents, l.by_class.as_slice()) {
            (_, [_, ..]) => l
                .by_class
                .iter()
                .map(|(class, i)| format!("{class} competency: {i}"))
                .collect::<Vec<_>>()
                .join(", "),
            (Some(i), []) => match l.pack {
                Some(pack) => format!("{i} ({pack})"),
                None => i.to_string(),
            },
            (None, []) => String::new(),
        };
        let until = l
            .eligible_until
            .map(|d| format!(", qualifies until {d}"))
            .unwrap_or_default();
        format!(
            "ELIGIBLE: {who} gets {} for {what} on {}: {incidents}{until}",
            l.support_type.1, l.as_of
        )
    } else {
        format!(
            "NOT ELIGIBLE: {who} gets no {} for {what} on {} ({})",
            l.support_type.1,
            l.as_of,
            l.failed.join(", ")
        )
    }
}
