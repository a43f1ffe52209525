//! Human text: a one-line answer, comfy-table tables, then sections of steps and advice; for a
//! batch, a line per row. Values from outside are written with their control characters made
//! visible; colour (on a terminal) follows a cell's tone, never its words.

use std::fmt::Write as _;
use std::io::Write;

use comfy_table::{
    Cell as TableCell, Color, ColumnConstraint, ContentArrangement, Table, Width, presets,
};

use super::escape;
use super::grid::{self, Grid, Tone};
use super::{PeriodWords, PrintError, RowPrinter, Style, stdout_error, wrap};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::batch::{BatchKind, Judgement, RowOutcome, RowReport, RowStatus, Summary};
use crate::report::check::AlternativeOut;
use crate::report::diagnose::DiagnoseReport;
use crate::report::import::ImportReport;
use crate::report::matrix::MatrixReport;
use crate::report::validate::ValidateReport;
use crate::report::{CheckReport, DataOut, Report};

/// Bold green and bold red, and back to normal.
const GREEN: &str = "\x1b[1;32m";
const RED: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

/// Width tables wrap at, whatever the terminal.
const WIDTH: u16 = 120;

/// The narrowest table drawn; a narrower terminal gets this width and wraps.
pub(crate) const MIN_WIDTH: u16 = 40;

/// A report as text; with a width (a terminal, or `COLUMNS`), lines other than the tables'
/// are wrapped to it as well.
pub fn report(report: &Report, words: &Words, style: Style) -> String {
    // `validate`'s problems are `file:line:column: error: ...` lines, which editors and problem
    // matchers read one per line: never wrapped, as every other command prints them.
    if let (Report::Validate(v), Some(width)) = (report, style.width) {
        let all = validate_lines(v, words);
        let (problems, rest) = all.split_at(v.problems.len().min(all.len()));
        return lines(problems.to_vec()) + &wrap::lines(&lines(rest.to_vec()), usize::from(width));
    }
    let text = unwrapped(report, words, style);
    match style.width {
        Some(width) => wrap::lines(&text, usize::from(width)),
        None => text,
    }
}

fn lines(lines: Vec<String>) -> String {
    lines.into_iter().map(|l| l + "\n").collect()
}

fn unwrapped(report: &Report, words: &Words, style: Style) -> String {
    match report {
        Report::Check(check) => check_text(check, words, style),
        Report::Explain(check) => explain(check, words, false),
        Report::Matrix(matrix) => {
            let mut out = words.text("heading-matrix") + "\n";
            if let Some(title) = matrix_title(matrix, words) {
                let _ = writeln!(out, "{}", escape::text(&title));
            }
            out.push_str(&table(&grid::matrix(words, matrix), style));
            out
        }
        Report::Products(products) => {
            let mut out =
                words.format("heading-products", &[("as_of", Value::Day(products.as_of))]) + "\n";
            let listing = table(&grid::listing(words, products), style);
            out.push_str(&listing);
            if products.view == crate::report::products::ProductsView::Products {
                // Records (a narrow terminal) are set apart by blank lines; so is the hint.
                if listing.starts_with('\n') {
                    out.push('\n');
                }
                out.push_str(&(words.text("hint-versions") + "\n"));
            }
            out
        }
        Report::Timeline(timeline) => super::svg::render(timeline, words),
        Report::Programs(r) => {
            let mut out = String::new();
            if let Some(from) = r.rule_book_from {
                let _ = writeln!(
                    out,
                    "{}",
                    words.format("heading-programs", &[("from", Value::Day(from))])
                );
            }
            out.push_str(&table(&grid::periods(words, r), style));
            let _ = writeln!(out, "\n{}", words.text("heading-sources"));
            out.push_str(&table(&grid::references(words, r), style));
            out
        }
        Report::Roles(r) => table(&grid::roles(words, r), style),
        Report::RoleAnswer(a) => format!("{}\n", escape::text(&a.detail)),
        Report::Competencies(r) => {
            let mut out = words.text("heading-competencies") + "\n";
            out.push_str(&table(&grid::competencies(words, &r.competencies), style));
            out
        }
        Report::Diagnose(d) => lines(diagnose_lines(d, words)),
        Report::Validate(v) => lines(validate_lines(v, words)),
        Report::Import(i) => lines(import_lines(i, words)),
    }
}

/// What a matrix is, when the data names programs: the day, the program and how sure the
/// figures are.
pub fn matrix_title(matrix: &MatrixReport, words: &Words) -> Option<String> {
    let p = matrix.program.as_ref()?;
    let confidences: Vec<Value<'_>> = p.confidences.iter().map(|c| (*c).value()).collect();
    Some(words.format(
        "matrix-title",
        &[
            ("as_of", Value::Day(matrix.as_of)),
            ("program", Value::Text(&p.name)),
            (
                "period",
                crate::engine::tier::span_value(p.span.from.0, p.span.until.map(|u| u.0)),
            ),
            ("count", Value::Count(confidences.len() as u64)),
            ("confidences", Value::AllOf(confidences)),
        ],
    ))
}

/// A grid as a comfy-table, ending with a newline. With colour, cells are coloured by tone.
///
/// No word is cut: each column is at least as wide as its longest word (an id may break
/// after a hyphen between letters, Japanese between characters, four at least). When the
/// columns cannot all be that wide within the width, the grid is printed as records instead,
/// a `label: value` line per cell.
pub fn table(grid: &Grid, style: Style) -> String {
    let width = usize::from(style.width.unwrap_or(WIDTH));
    let Some(bounds) = bounds(grid, width) else {
        return records(grid, style, width);
    };
    let drawn = draw(grid, style, &bounds, None).to_string();
    // comfy-table breaks a cell's line only at spaces, and cuts a word longer than its column:
    // a run of Japanese (which has no spaces) or an id that may only break after a hyphen.
    // Such a table is drawn again at the widths comfy-table chose, its cells wrapped by the
    // wrapper, which breaks there as the lines outside tables do.
    let widths: Vec<usize> = drawn
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches('╭')
        .trim_end_matches('╮')
        .split('┬')
        .map(|border| border.chars().count().saturating_sub(2))
        .collect();
    let cut = |column: usize, text: &str| {
        let width = widths.get(column).copied().unwrap_or(usize::MAX);
        wrap::has_wide(text)
            || text
                .split(' ')
                .any(|word| textwrap::core::display_width(word) > width)
    };
    let header = grid.labels.iter().enumerate();
    let cells = grid
        .rows
        .iter()
        .flat_map(|r| r.iter().map(|c| &c.text).enumerate());
    if !header.chain(cells).any(|(i, t)| cut(i, &escape::text(t))) {
        return format!("{drawn}\n");
    }
    format!("{}\n", draw(grid, style, &bounds, Some(&widths)))
}

/// The least width of each column, so that no word is cut, if the columns fit `width` at
/// those: words whole, Japanese in pieces of four characters; or, when that is too wide, ids
/// broken after their hyphens too. (Each column also takes two spaces of padding and one
/// border, and the table one more border.)
fn bounds(grid: &Grid, width: usize) -> Option<Vec<u16>> {
    let fits = |words: &[u16]| words.iter().map(|&w| usize::from(w) + 3).sum::<usize>() < width;
    [false, true]
        .into_iter()
        .map(|hyphens| longest_words(grid, wrap::JAPANESE_PIECE, hyphens))
        .find(|words| fits(words))
}

/// The table of a grid: its columns at least their least widths, as wide as comfy-table
/// arranges them; or, given content widths, exactly those, with the cells wrapped to them.
fn draw(grid: &Grid, style: Style, bounds: &[u16], widths: Option<&[usize]>) -> Table {
    let text = |column: usize, text: &str| {
        let text = escape::text(text);
        match widths.and_then(|w| w.get(column)) {
            Some(&width) => wrap::cell(&text, width),
            None => text.into_owned(),
        }
    };
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width.unwrap_or(WIDTH))
        .force_no_tty()
        .set_header(grid.labels.iter().enumerate().map(|(i, l)| text(i, l)));
    if style.color {
        t.enforce_styling();
    }
    for row in &grid.rows {
        t.add_row(row.iter().enumerate().map(|(i, cell)| {
            let c = TableCell::new(text(i, &cell.text));
            match (style.color, cell.tone) {
                (true, Tone::Good) => c.fg(Color::Green),
                (true, Tone::Bad) => c.fg(Color::Red),
                _ => c,
            }
        }));
    }
    for (index, column) in t.column_iter_mut().enumerate() {
        // comfy-table's widths count the padding.
        let constraint = match widths.and_then(|w| w.get(index)) {
            Some(&width) => {
                let width = u16::try_from(width.saturating_add(2)).unwrap_or(u16::MAX);
                ColumnConstraint::Absolute(Width::Fixed(width))
            }
            None => {
                let width = bounds.get(index).copied().unwrap_or(0).saturating_add(2);
                ColumnConstraint::LowerBoundary(Width::Fixed(width))
            }
        };
        column.set_constraint(constraint);
    }
    t
}

/// The display width of each column's longest word, header included, Japanese counted in
/// pieces of `piece` columns, ids broken after their hyphens with `hyphens`.
fn longest_words(grid: &Grid, piece: usize, hyphens: bool) -> Vec<u16> {
    let mut widths = vec![0u16; grid.labels.len()];
    let texts = std::iter::once(grid.labels.iter().map(String::as_str).collect::<Vec<_>>()).chain(
        grid.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect()),
    );
    for row in texts {
        for (width, text) in widths.iter_mut().zip(row) {
            let text = escape::text(text);
            let longest = wrap::longest_word(&text, piece, hyphens);
            *width = (*width).max(u16::try_from(longest).unwrap_or(u16::MAX));
        }
    }
    widths
}

/// A grid too wide for `width` as records, one per row, each after a blank line: a
/// `label: value` line per cell, wrapped to the width and continued two spaces in.
fn records(grid: &Grid, style: Style, width: usize) -> String {
    let mut out = String::new();
    for row in &grid.rows {
        out.push('\n');
        for (label, cell) in grid.labels.iter().zip(row) {
            let label = format!("{}: ", escape::text(label));
            let field = wrap::field(&label, &escape::text(&cell.text), width, "  ");
            let colour = match (style.color, cell.tone) {
                (true, Tone::Good) => Some(GREEN),
                (true, Tone::Bad) => Some(RED),
                _ => None,
            };
            if field.is_empty() {
                let _ = writeln!(out, "{}", label.trim_end());
            }
            for (i, line) in field.lines().enumerate() {
                let lead = if i == 0 { label.as_str() } else { "  " };
                match (colour, line.strip_prefix(lead)) {
                    (Some(colour), Some(value)) => {
                        let _ = writeln!(out, "{lead}{colour}{value}{RESET}");
                    }
                    _ => {
                        let _ = writeln!(out, "{}", line.trim_end());
                    }
                }
            }
        }
    }
    out
}

fn check_text(r: &CheckReport, words: &Words, style: Style) -> String {
    let mut out = String::new();
    let line = escape::text(&r.headline).into_owned();
    let line = match (style.color, r.eligible) {
        (false, _) => line,
        (true, true) => format!("{GREEN}{line}{RESET}"),
        (true, false) => format!("{RED}{line}{RESET}"),
    };
    let _ = writeln!(out, "{line}");
    if let Some(date) = r.rules_as_of {
        let _ = writeln!(
            out,
            "{}",
            words.format("rules-as-of", &[("date", Value::Day(date))])
        );
    }
    let _ = writeln!(out, "\n{}", words.text("heading-rules-checked"));
    out.push_str(&table(&grid::trace(words, r), style));
    if let Some(figures) = r.figures.as_ref().filter(|f| !f.notes.is_empty()) {
        let _ = writeln!(out, "\n{}", words.text("heading-figures"));
        for note in &figures.notes {
            let _ = writeln!(out, "  - {}", escape::text(note));
        }
    }
    if !r.next_steps.is_empty() {
        let _ = writeln!(out, "\n{}", words.text("heading-next-steps"));
        for step in &r.next_steps {
            let _ = writeln!(out, "  - {}", escape::text(step));
        }
    }
    if let Some(channel) = &r.channel {
        let _ = writeln!(
            out,
            "\n{}\n  {}",
            words.format(
                "open-request",
                &[("channel", Value::Text(&escape::text(&channel.name)))]
            ),
            escape::text(&channel.url)
        );
        for (i, step) in channel.steps.iter().enumerate() {
            let _ = writeln!(out, "  {}. {}", i + 1, escape::text(step));
        }
    }
    if !r.alternatives.is_empty() {
        let _ = writeln!(out, "\n{}", words.text("heading-alternatives"));
        for a in &r.alternatives {
            let _ = writeln!(
                out,
                "  - {}: {}\n    {}",
                escape::text(&a.name),
                escape::text(&a.description),
                escape::text(&a.url)
            );
            if let Some(gives) = would_give(a, words) {
                let _ = writeln!(out, "    {}", escape::text(&gives));
            }
        }
    }
    // A "no" shows why and what to do instead; the notes and assumptions of a "yes" are in the
    // JSON form too.
    if r.eligible && !r.notes.is_empty() {
        let _ = writeln!(out, "\n{}", words.text("heading-notes"));
        for n in &r.notes {
            let _ = writeln!(out, "  - {}", escape::text(&n.text));
        }
    }
    if r.eligible && !r.assumptions.is_empty() {
        let assumed: Vec<Value<'_>> = r
            .assumptions
            .iter()
            .map(|a| Value::Text(&a.assumed))
            .collect();
        let _ = writeln!(
            out,
            "\n{}",
            escape::text(&words.format("assumed-not-stated", &[("assumed", Value::Each(assumed))]))
        );
    }
    out
}

/// What the tiers an alternative leads to would give, as a message argument ("a or b").
fn gives_value(a: &AlternativeOut) -> Value<'_> {
    Value::AnyOf(a.gives.iter().map(|g| Value::Text(&g.detail)).collect())
}

/// `for this request: ...`, for an alternative that leads to tiers.
pub fn would_give(a: &AlternativeOut, words: &Words) -> Option<String> {
    (!a.gives.is_empty())
        .then(|| words.format("alternative-would-give", &[("gives", gives_value(a))]))
}

/// `explain`: the answer as numbered paragraphs, one per rule, then what to do; `markdown`
/// bolds the titles and escapes for markdown.
pub fn explain(r: &CheckReport, words: &Words, markdown: bool) -> String {
    let esc = |s: &str| {
        if markdown {
            escape::markdown(s)
        } else {
            escape::text(s).into_owned()
        }
    };
    let mut out = if markdown {
        format!("**{}**\n\n", esc(&r.headline))
    } else {
        format!("{}\n\n", esc(&r.headline))
    };
    for (i, p) in r.reasons.iter().enumerate() {
        let title = if markdown {
            format!(
                "**{}**",
                esc(&words.format("explain-title", &[("title", Value::Text(&p.title))]))
            )
        } else {
            words.format("explain-title", &[("title", Value::Text(&p.title))])
        };
        let paragraph = words.format(
            if p.passed {
                "explain-paragraph-met"
            } else {
                "explain-paragraph-not-met"
            },
            &[
                ("text", Value::Text(&p.text)),
                ("finding", Value::Text(&p.detail)),
            ],
        );
        let _ = write!(out, "{}. {title} {}\n\n", i + 1, esc(&paragraph));
    }
    let mut closing = Vec::new();
    if !r.next_steps.is_empty() {
        let steps: Vec<Value<'_>> = r.next_steps.iter().map(|s| Value::Text(s)).collect();
        closing.push(words.format("explain-next", &[("steps", Value::Each(steps))]));
    }
    if let Some(c) = &r.channel {
        closing.push(words.format(
            "explain-open",
            &[
                ("channel", Value::Text(&c.name)),
                ("url", Value::Text(&c.url)),
            ],
        ));
    }
    if !r.alternatives.is_empty() {
        let alternatives: Vec<Value<'_>> = r
            .alternatives
            .iter()
            .map(|a| {
                let mut args = vec![
                    ("name", Value::Text(&a.name)),
                    ("url", Value::Text(&a.url)),
                    ("description", Value::Text(&a.description)),
                ];
                if a.gives.is_empty() {
                    return Value::Message("explain-alternative", args);
                }
                args.push(("gives", gives_value(a)));
                Value::Message("explain-alternative-gives", args)
            })
            .collect();
        closing.push(words.format(
            "explain-instead",
            &[("alternatives", Value::Each(alternatives))],
        ));
    }
    closing.extend(r.figures.iter().flat_map(|f| f.notes.iter().cloned()));
    closing.extend(r.notes.iter().map(|n| n.text.clone()));
    if !r.assumptions.is_empty() {
        let assumed: Vec<Value<'_>> = r
            .assumptions
            .iter()
            .map(|a| Value::Text(&a.assumed))
            .collect();
        closing.push(words.format("explain-assumes", &[("assumed", Value::Each(assumed))]));
    }
    for line in closing {
        out.push_str(&esc(&line));
        out.push('\n');
    }
    out
}

/// `diagnose` as lines.
pub fn diagnose_lines(report: &DiagnoseReport, words: &Words) -> Vec<String> {
    let lines = match &report.matched {
        Some(m) => vec![
            words.format(
                "diagnose-matched",
                &[
                    ("text", Value::Text(&m.matched_text)),
                    ("id", Value::Text(&m.id)),
                    ("score", Value::Text(&format!("{:.2}", m.score))),
                ],
            ),
            words.format("diagnose-cause", &[("cause", Value::Text(&m.cause))]),
            words.format("diagnose-action", &[("action", Value::Text(&m.action))]),
            words.format("diagnose-portal", &[("portal", Value::Text(&m.portal))]),
            words.format("diagnose-source", &[("section", Value::Text(&m.section))]),
        ],
        None => {
            let mut lines = vec![words.format(
                "diagnose-no-match",
                &[("input", Value::Text(&report.input))],
            )];
            lines.extend(report.known.iter().map(|k| format!("  - {k}")));
            lines
        }
    };
    // The user's text and the catalogue's, each shown on its own line.
    lines
        .into_iter()
        .map(|l| escape::text(&l).into_owned())
        .collect()
}

/// Which data files were used, one line each.
pub fn data_lines(data: &DataOut, words: &Words) -> Vec<String> {
    [
        ("data-entitlements", &data.entitlements),
        ("data-lifecycle", &data.lifecycle),
    ]
    .into_iter()
    .map(|(what, f)| {
        let what = words.text(what);
        let origin = words.text(&format!("origin-{}", f.origin));
        let path = f.path.clone().unwrap_or_default();
        let id = match (&f.path, f.generated) {
            (Some(_), Some(_)) => "data-line-path-generated",
            (Some(_), None) => "data-line-path",
            (None, Some(_)) => "data-line-generated",
            (None, None) => "data-line",
        };
        words.format(
            id,
            &[
                ("what", Value::Text(&what)),
                ("origin", Value::Text(&origin)),
                ("path", Value::Text(&path)),
                ("generated", f.generated.map_or(Value::Text(""), Value::Day)),
            ],
        )
    })
    .collect()
}

/// What `validate` found, as lines: one per problem, then a summary and the data used.
pub fn validate_lines(report: &ValidateReport, words: &Words) -> Vec<String> {
    let mut lines: Vec<String> = report
        .problems
        .iter()
        .map(|p| escape::text(&p.to_string()).into_owned())
        .collect();
    lines.push(
        escape::text(&words.format(
            "validate-summary",
            &[
                ("files", Value::Text(&report.files.join(", "))),
                ("errors", Value::Count(report.errors as u64)),
                ("warnings", Value::Count(report.warnings as u64)),
            ],
        ))
        .into_owned(),
    );
    if let Some(data) = &report.data {
        lines.extend(
            data_lines(data, words)
                .iter()
                .map(|l| format!("data: {}", escape::text(l))),
        );
    }
    lines
}

/// What `lifecycle import` did, as lines: each change, then a summary.
pub fn import_lines(report: &ImportReport, words: &Words) -> Vec<String> {
    let id = match (report.dry_run, report.changed) {
        (true, true) => "import-would-update",
        (true, false) | (false, false) => "import-unchanged",
        (false, true) => "import-wrote",
    };
    let mut lines: Vec<String> = report
        .changes
        .iter()
        .map(|c| format!("  {}", escape::text(c)))
        .collect();
    lines.push(
        escape::text(&words.format(
            id,
            &[
                ("output", Value::Text(&report.output)),
                ("products", Value::Count(report.products as u64)),
                ("versions", Value::Count(report.versions as u64)),
                ("changes", Value::Count(report.changes.len() as u64)),
                ("warnings", Value::Count(report.warnings.len() as u64)),
            ],
        ))
        .into_owned(),
    );
    lines
}

/// Batch rows as text: a line per request (`check --batch`), or per failed or invalid
/// expectation (`verify`), then the counts.
pub struct Rows<'o, 'd> {
    out: &'o mut dyn Write,
    words: &'o Words,
    kind: BatchKind,
    periods: PeriodWords<'d>,
}

impl<'o> Rows<'o, '_> {
    /// Rows to `out`.
    pub fn new(out: &'o mut dyn Write, words: &'o Words, kind: BatchKind) -> Self {
        Rows {
            out,
            words,
            kind,
            periods: PeriodWords::default(),
        }
    }
}

impl<'d> RowPrinter<'d> for Rows<'_, 'd> {
    fn row(&mut self, row: &RowReport<'d>) -> Result<(), PrintError> {
        let words = self.words;
        let label = row.carried_label();
        let line = Value::Message(
            if label.is_empty() {
                "row-number"
            } else {
                "row-number-carried"
            },
            vec![
                ("line", Value::Count(row.line as u64)),
                ("carried", Value::Text(&label)),
            ],
        );
        let text = match &row.outcome {
            RowOutcome::Invalid(message) => Some(words.format(
                match self.kind {
                    BatchKind::Check => "row-invalid",
                    BatchKind::Verify => "verify-invalid",
                },
                &[("line", line.clone()), ("message", Value::Text(message))],
            )),
            RowOutcome::Decided(d) => match &d.judgement {
                Judgement::Gate(_) => {
                    let period = self.periods.of(words, d.row.period);
                    let headline = d.row.headline_with(words, period);
                    let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                    let id = match d.status() {
                        RowStatus::Fail => "row-with-failure",
                        _ => "row-with-warning",
                    };
                    let text = if problems.is_empty() {
                        headline
                    } else {
                        words.format(
                            id,
                            &[
                                ("line", Value::Text(&headline)),
                                (
                                    "warning",
                                    Value::Text(&problems.join(&words.text("list-each-separator"))),
                                ),
                            ],
                        )
                    };
                    Some(words.format(
                        "row-line",
                        &[("line", line.clone()), ("text", Value::Text(&text))],
                    ))
                }
                Judgement::Expectation { request, .. } => {
                    if d.status() != RowStatus::Fail {
                        None
                    } else {
                        let messages: Vec<String> =
                            d.problems().iter().map(|m| words.msg(m)).collect();
                        let problems = messages.iter().map(|m| Value::Text(m)).collect();
                        let period = d.row.period.map(|p| words.msg(&p.message()));
                        let mut args = vec![
                            ("line", line.clone()),
                            ("request", Value::Text(request)),
                            ("mismatches", Value::Each(problems)),
                        ];
                        let id = match &period {
                            Some(p) => {
                                args.push(("period", Value::Text(p)));
                                "verify-fail-period"
                            }
                            None => "verify-fail",
                        };
                        Some(words.format(id, &args))
                    }
                }
            },
        };
        match text {
            Some(text) => writeln!(self.out, "{}", escape::text(&text)).map_err(stdout_error),
            None => Ok(()),
        }
    }

    fn finish(&mut self, summary: &Summary) -> Result<(), PrintError> {
        if summary.kind == BatchKind::Verify {
            writeln!(self.out, "{}", self.words.msg(&summary.message())).map_err(stdout_error)?;
        }
        self.out.flush().map_err(stdout_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::grid::Cell;

    fn grid(labels: &[&str], rows: &[&[&str]]) -> Grid {
        Grid {
            ids: labels.iter().map(|l| (*l).to_owned().into()).collect(),
            labels: labels.iter().map(|l| (*l).to_owned()).collect(),
            rows: rows
                .iter()
                .map(|r| r.iter().map(|c| Cell::same(*c)).collect())
                .collect(),
        }
    }

    fn at(width: u16) -> Style {
        Style {
            color: false,
            width: Some(width),
        }
    }

    /// A narrow table breaks an id after its hyphen, keeps dates whole, and fits its width.
    #[test]
    fn narrow_tables_break_between_words() {
        let g = grid(
            &["product", "current (N)", "N-1 mainstream end"],
            &[&["sharepoint-server", "Subscription Edition", "2024-01-09"]],
        );
        let text = table(&g, at(46));
        for line in text.lines() {
            assert!(line.chars().count() <= 46, "{text}");
        }
        assert!(
            text.contains("│ sharepoint- ") && text.contains("2024-01-09"),
            "{text}"
        );
        assert!(
            text.contains("Subscription") && text.contains("mainstream"),
            "{text}"
        );
    }

    /// Columns whose words cannot all fit are printed as records: `label: value` lines, a
    /// blank line before each, continued two spaces in.
    #[test]
    fn too_wide_tables_become_records() {
        let g = grid(
            &[
                "product",
                "entitled versions",
                "N-1 mainstream end",
                "status",
            ],
            &[
                &[
                    "sharepoint-server",
                    "Subscription Edition",
                    "2024-01-09",
                    "qualifies",
                ],
                &["sql-server", "2025, 2022", "", "out-of-support"],
            ],
        );
        assert_eq!(
            table(&g, at(40)),
            "\nproduct: sharepoint-server\nentitled versions: Subscription Edition\n\
             N-1 mainstream end: 2024-01-09\nstatus: qualifies\n\
             \nproduct: sql-server\nentitled versions: 2025, 2022\nN-1 mainstream end:\n\
             status: out-of-support\n"
        );
        assert!(table(&g, at(80)).starts_with('╭'));
    }
}
