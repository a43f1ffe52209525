//! GitHub-flavoured markdown: the same grids as the text tables, every value escaped for
//! markdown (no markup, link or HTML can come from a value); for a batch, a table of rows.

use std::fmt::Write as _;
use std::io::Write;

use super::escape;
use super::grid::{self, Grid};
use super::{PrintError, RowPrinter, stdout_error, text};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::Report;
use crate::report::batch::{Judgement, RowOutcome, RowReport, RowStatus, Summary};

/// Escapes a value for markdown.
pub use super::escape::markdown as escape;

/// A report as markdown.
pub fn report(report: &Report, words: &Words) -> String {
    match report {
        Report::Check(r) => {
            let mut out = format!("**{}**\n\n", escape(&r.headline));
            if let Some(date) = r.rules_as_of {
                let _ = write!(
                    out,
                    "_{}_\n\n",
                    escape(&words.format("rules-as-of-short", &[("date", Value::Day(date))]))
                );
            }
            out.push_str(&table(&grid::trace(words, r)));
            if let Some(figures) = r.figures.as_ref().filter(|f| !f.notes.is_empty()) {
                let _ = write!(out, "\n**{}**\n\n", escape(&words.text("heading-figures")));
                for note in &figures.notes {
                    let _ = writeln!(out, "- {}", escape(note));
                }
            }
            if !r.next_steps.is_empty() {
                let _ = write!(
                    out,
                    "\n**{}**\n\n",
                    escape(&words.text("heading-next-steps"))
                );
                for step in &r.next_steps {
                    let _ = writeln!(out, "- {}", escape(step));
                }
            }
            if let Some(c) = &r.channel {
                let _ = writeln!(
                    out,
                    "\n**{}** [{}]({})\n",
                    escape(&words.text("open-request-label")),
                    escape(&c.name),
                    super::escape::markdown_url(&c.url)
                );
                for (i, step) in c.steps.iter().enumerate() {
                    let _ = writeln!(out, "{}. {}", i + 1, escape(step));
                }
            }
            if !r.alternatives.is_empty() {
                let _ = write!(
                    out,
                    "\n**{}**\n\n",
                    escape(&words.text("heading-alternatives"))
                );
                for a in &r.alternatives {
                    let _ = writeln!(
                        out,
                        "- [{}]({}): {}",
                        escape(&a.name),
                        super::escape::markdown_url(&a.url),
                        escape(&a.description)
                    );
                    if let Some(gives) = text::would_give(a, words) {
                        let _ = writeln!(out, "  {}", escape(&gives));
                    }
                }
            }
            if r.eligible && !r.notes.is_empty() {
                let _ = write!(out, "\n**{}**\n\n", escape(&words.text("heading-notes")));
                for n in &r.notes {
                    let _ = writeln!(out, "- {}", escape(&n.text));
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
                    "\n_{}_",
                    escape(
                        &words.format("assumed-not-stated", &[("assumed", Value::Each(assumed))])
                    )
                );
            }
            out
        }
        Report::Explain(r) => text::explain(r, words, true),
        Report::Matrix(m) => {
            text::matrix_title(m, words)
                .map(|t| format!("**{}**\n\n", escape(&t)))
                .unwrap_or_default()
                + &table(&grid::matrix(words, m))
        }
        Report::Products(p) => table(&grid::listing(words, p)),
        Report::Timeline(t) => super::svg::render(t, words),
        Report::Programs(r) => {
            let mut out = String::new();
            if let Some(from) = r.rule_book_from {
                let _ = write!(
                    out,
                    "**{}**\n\n",
                    escape(&words.format("heading-programs-short", &[("from", Value::Day(from))]))
                );
            }
            out.push_str(&table(&grid::periods(words, r)));
            let _ = write!(out, "\n**{}**\n\n", escape(&words.text("heading-sources")));
            out.push_str(&table(&grid::references(words, r)));
            out
        }
        Report::Roles(r) => table(&grid::roles(words, r)),
        Report::RoleAnswer(a) => format!("{}\n", escape(&a.detail)),
        Report::Competencies(r) => table(&grid::competencies(words, &r.competencies)),
        Report::Diagnose(d) => text::diagnose_lines(d, words)
            .into_iter()
            .map(|l| format!("{}  \n", escape(&l)))
            .collect(),
        Report::Validate(v) => table(&grid::problems(words, v)),
        Report::Import(i) => text::import_lines(i, words)
            .into_iter()
            .map(|l| format!("{}  \n", escape(&l)))
            .collect(),
    }
}

/// A grid as a markdown table.
pub fn table(grid: &Grid) -> String {
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = &str>| {
        let cells: Vec<String> = cells.map(super::escape::markdown_cell).collect();
        format!("| {} |\n", cells.join(" | "))
    };
    out.push_str(&line(&mut grid.labels.iter().map(String::as_str)));
    let _ = writeln!(out, "|{}", "---|".repeat(grid.labels.len()));
    for row in &grid.rows {
        out.push_str(&line(&mut row.iter().map(|c| c.text.as_str())));
    }
    out
}

/// Batch rows as a markdown table: the line, the inventory's own columns, and the answer (or
/// the error), a failure named as one; `verify` shows only the rows that failed or could not
/// be read. The header waits for the first row, which names those columns.
pub struct Rows<'o> {
    out: &'o mut dyn Write,
    words: &'o Words,
    carried: Option<Vec<String>>,
}

impl<'o> Rows<'o> {
    /// Rows to `out`.
    pub fn new(out: &'o mut dyn Write, words: &'o Words) -> Result<Self, PrintError> {
        Ok(Rows {
            out,
            words,
            carried: None,
        })
    }

    fn header(&mut self, row: Option<&RowReport<'_>>) -> Result<Vec<String>, PrintError> {
        if let Some(carried) = &self.carried {
            return Ok(carried.clone());
        }
        let carried: Vec<String> = row
            .map(|r| r.carried.iter().map(|(name, _)| name.clone()).collect())
            .unwrap_or_default();
        let mut labels = vec![escape::markdown_cell(&self.words.text("column-line"))];
        labels.extend(carried.iter().map(|c| escape::markdown_cell(c)));
        labels.push(escape::markdown_cell(&self.words.text("column-verdict")));
        writeln!(
            self.out,
            "| {} |\n|{}",
            labels.join(" | "),
            "---|".repeat(labels.len())
        )
        .map_err(stdout_error)?;
        self.carried = Some(carried.clone());
        Ok(carried)
    }
}

impl RowPrinter<'_> for Rows<'_> {
    fn row(&mut self, row: &RowReport<'_>) -> Result<(), PrintError> {
        let names = self.header(Some(row))?;
        let words = self.words;
        let text = match &row.outcome {
            RowOutcome::Invalid(message) => {
                words.format("row-error", &[("message", Value::Text(message))])
            }
            RowOutcome::Decided(d) => match &d.judgement {
                Judgement::Expectation { request, .. } => {
                    if d.status() != RowStatus::Fail {
                        return Ok(());
                    }
                    let messages: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                    let mismatches = messages.iter().map(|m| Value::Text(m)).collect();
                    words.format(
                        "row-expectation-failed",
                        &[
                            ("request", Value::Text(request)),
                            ("mismatches", Value::Each(mismatches)),
                        ],
                    )
                }
                Judgement::Gate(_) => {
                    let headline = d.row.headline(words);
                    let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                    match problems.as_slice() {
                        [] => headline,
                        all => {
                            let all: Vec<Value<'_>> = all.iter().map(|p| Value::Text(p)).collect();
                            words.format(
                                match d.status() {
                                    RowStatus::Fail => "row-with-failures",
                                    RowStatus::Pass | RowStatus::Warn => "row-with-problems",
                                },
                                &[
                                    ("line", Value::Text(&headline)),
                                    ("problems", Value::Each(all)),
                                ],
                            )
                        }
                    }
                }
            },
        };
        let mut cells = vec![row.line.to_string()];
        cells.extend(names.iter().map(|name| {
            let value = row
                .carried
                .iter()
                .find(|(n, _)| n == name)
                .map_or("", |(_, v)| v.as_str());
            escape::markdown_cell(value)
        }));
        cells.push(escape::markdown_cell(&text));
        writeln!(self.out, "| {} |", cells.join(" | ")).map_err(stdout_error)
    }

    fn finish(&mut self, _: &Summary) -> Result<(), PrintError> {
        self.header(None)?;
        self.out.flush().map_err(stdout_error)
    }
}
