//! Human text: a one-line verdict, comfy-table tables, then sections of steps and advice.
//!
//! Tables have a fixed width and no colour, so output is the same on a terminal, in a pipe and
//! in snapshots.

use std::fmt::Write as _;

use comfy_table::{Cell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets};

use crate::escape;

use super::{Grid, Style, import_lines, matrix_grid, product_grids, trace_grid, validate_lines};
use crate::report::{CheckReport, Report};

/// Bold green and bold red, and back to normal.
const GREEN: &str = "\x1b[1;32m";
const RED: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// Width tables wrap at, whatever the terminal.
const WIDTH: u16 = 120;

/// The narrowest table drawn; a narrower terminal gets this width and wraps.
pub(crate) const MIN_WIDTH: u16 = 40;

/// Renders a report as text; with a width (a terminal, or `COLUMNS`), lines other than the
/// tables' are wrapped to it as well.
pub fn render(report: &Report, style: Style) -> String {
    let text = render_unwrapped(report, style);
    match style.width {
        Some(width) => wrap_lines(&text, usize::from(width)),
        None => text,
    }
}

/// Wraps each line longer than `width` between words; a table line is left as it is, and a
/// continued line is indented like its first (two more under a list item).
fn wrap_lines(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        let (body, end) = line.strip_suffix('\n').map_or((line, ""), |b| (b, "\n"));
        let table = body.starts_with(['╭', '│', '╞', '├', '╰']);
        if table || body.chars().count() <= width {
            out.push_str(line);
            continue;
        }
        let lead = body.len() - body.trim_start().len();
        let rest = &body[lead..];
        let item = rest.starts_with("- ")
            || rest
                .split_once(". ")
                .is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
        let indent = " ".repeat(lead + if item { 2 } else { 0 });
        let mut column = 0;
        out.push_str(&body[..lead]);
        column += lead;
        for (i, word) in rest.split(' ').enumerate() {
            let len = word.chars().count();
            if i > 0 && column + 1 + len > width {
                out.push('\n');
                out.push_str(&indent);
                column = indent.len();
            } else if i > 0 {
                out.push(' ');
                column += 1;
            }
            out.push_str(word);
            column += len;
        }
        out.push_str(end);
    }
    out
}

fn render_unwrapped(report: &Report, style: Style) -> String {
    match report {
        Report::Check(check) => render_check(check, style),
        Report::Matrix(matrix) => {
            let mut out = String::from("Technical support entitlement by membership tier\n");
            if let Some(title) = &matrix.title {
                let _ = writeln!(out, "{}", escape::text(title));
            }
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
        Report::Competencies(r) => {
            let mut out = String::from(
                "Competencies and their classes (they matter only for the cloud support of the MPN tiers)\n",
            );
            out.push_str(&table(&super::competencies_grid(r), style));
            out
        }
        Report::Programs(r) => {
            let mut out = String::new();
            if let Some(from) = r.rule_book_from {
                let _ = writeln!(out, "The rule book from {from}, every period in date order");
            }
            out.push_str(&table(&super::periods_grid(r), style));
            out.push_str("\nSources\n");
            out.push_str(&table(&super::references_grid(r), style));
            out
        }
        Report::RoleAnswer(a) => format!("{}\n", escape::text(&a.detail)),
        Report::Diagnose(d) => super::message_match_lines(d)
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
        .set_width(style.width.unwrap_or(WIDTH))
        .force_no_tty()
        .set_header(grid.header.clone());
    if style.color {
        t.enforce_styling();
    }
    for row in &grid.rows {
        t.add_row(row.iter().map(|text| {
            let cell = Cell::new(escape::text(text));
            match (style.color, text.as_str()) {
                (true, "pass" | "qualifies") => cell.fg(Color::Green),
                (true, "FAIL" | "out of support") => cell.fg(Color::Red),
                _ => cell,
            }
        }));
    }
    // Wrap between words where the width allows: each column at least as wide as its longest
    // word, so ids and dates people copy are not cut in two. (Each column also takes two
    // spaces of padding and one border.)
    let words = longest_words(grid);
    let needed: usize = words.iter().map(|&w| usize::from(w) + 3).sum::<usize>() + 1;
    if needed <= usize::from(style.width.unwrap_or(WIDTH)) {
        for (index, width) in words.into_iter().enumerate() {
            if let Some(column) = t.column_mut(index) {
                // comfy-table's boundaries count the padding.
                let width = width.saturating_add(2);
                column.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(width)));
            }
        }
    }
    format!("{t}\n")
}

/// The width of each column's longest word, header included, in characters.
fn longest_words(grid: &Grid) -> Vec<u16> {
    let mut widths = vec![0u16; grid.header.len()];
    for row in std::iter::once(&grid.header).chain(&grid.rows) {
        for (width, text) in widths.iter_mut().zip(row) {
            let longest = text.split_whitespace().map(|w| w.chars().count()).max();
            let longest = u16::try_from(longest.unwrap_or(0)).unwrap_or(u16::MAX);
            *width = (*width).max(longest);
        }
    }
    widths
}

fn render_check(r: &CheckReport, style: Style) -> String {
    let mut out = String::new();
    let line = escape::text(&r.line().to_string()).into_owned();
    let line = match (style.color, r.eligible) {
        (false, _) => line,
        (true, true) => format!("{GREEN}{line}{RESET}"),
        (true, false) => format!("{RED}{line}{RESET}"),
    };
    let _ = writeln!(out, "{line}");
    if let Some(date) = r.rules_as_of {
        let _ = writeln!(
            out,
            "Rules as published up to {date}: `mpn-support programs` lists each fact's source."
        );
    }
    out.push('\n');
    out.push_str("Rules checked\n");
    out.push_str(&table(&trace_grid(r), style));
    if !r.next_steps.is_empty() {
        out.push_str("\nNext steps\n");
        for step in &r.next_steps {
            let _ = writeln!(out, "  - {}", escape::text(step));
        }
    }
    if let Some(channel) = &r.channel {
        let _ = writeln!(
            out,
            "\nOpen the request: {}\n  {}",
            escape::text(&channel.name),
            escape::text(&channel.url)
        );
        for (i, step) in channel.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, escape::text(step));
        }
    }
    if !r.alternatives.is_empty() {
        out.push_str("\nAlternatives\n");
        for a in &r.alternatives {
            let _ = writeln!(
                out,
                "  - {}: {}\n    {}",
                escape::text(&a.name),
                escape::text(&a.description),
                escape::text(&a.url)
            );
        }
    }
    // A "no" shows why and what to do instead; the notes and assumptions of a "yes" are in the
    // JSON form.
    if r.eligible && !r.notes.is_empty() {
        out.push_str("\nNotes\n");
        for n in &r.notes {
            let _ = writeln!(out, "  - {}", escape::text(&n.text));
        }
    }
    if r.eligible && !r.assumptions.is_empty() {
        let assumed: Vec<&str> = r.assumptions.iter().map(|a| a.assumed.as_str()).collect();
        let _ = writeln!(
            out,
            "\nAssumed (not stated): {}",
            escape::text(&assumed.join("; "))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(header: &[&str], rows: &[&[&str]]) -> Grid {
        let owned = |r: &[&str]| r.iter().map(ToString::to_string).collect();
        Grid {
            header: owned(header),
            rows: rows.iter().map(|r| owned(r)).collect(),
        }
    }

    #[test]
    fn longest_words_counts_characters_per_column() {
        let g = grid(
            &["product", "mainstream end"],
            &[&["sql-server", "2031-01-06"], &["Größe über", "-"]],
        );
        assert_eq!(longest_words(&g), vec![10, 10]);
    }

    /// With only the id column kept whole, comfy-table wrapped "out of support" here although
    /// every word fits in the width.
    #[test]
    fn words_are_not_cut_when_they_fit() {
        let g = grid(
            &[
                "product",
                "version",
                "track",
                "release",
                "mainstream end",
                "extended end",
                "status",
                "qualifies until",
            ],
            &[
                &[
                    "sharepoint-server",
                    "Subscription Edition",
                    "main",
                    "2021-11-02",
                    "-",
                    "-",
                    "qualifies",
                    "-",
                ],
                &[
                    "sharepoint-server",
                    "2019",
                    "main",
                    "2018-10-22",
                    "2024-01-09",
                    "2026-07-14",
                    "out of support",
                    "-",
                ],
            ],
        );
        let text = table(&g, Style::default());
        for word in g.rows.iter().flatten().flat_map(|c| c.split_whitespace()) {
            assert!(text.contains(word), "`{word}` is cut:\n{text}");
        }
        assert!(text.contains("out of support"), "{text}");
        assert!(
            text.lines()
                .all(|l| l.chars().count() <= usize::from(WIDTH)),
            "{text}"
        );
    }
}
