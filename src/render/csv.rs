//! CSV through the csv crate, for programs: identifier headers, each cell the plain value of
//! the grid (numbers, dates, ids; empty for nothing), every value that could start a formula
//! neutralised. A batch writes a row per request, with its line and warning.

use std::io::Write;

use super::escape;
use super::grid::{self, CHECK_COLUMNS, Grid};
use super::{PeriodWords, PrintError, RowPrinter, stdout_error};
use crate::i18n::Words;
use crate::report::Report;
use crate::report::batch::{RowOutcome, RowReport, Summary};

/// A report as CSV.
pub fn report(report: &Report, words: &Words) -> Result<String, PrintError> {
    let grid = match report {
        Report::Check(r) => {
            let mut w = csv::Writer::from_writer(Vec::new());
            write_record(&mut w, CHECK_COLUMNS.iter().map(|c| (*c).to_owned()))?;
            let row = crate::report::CheckRow {
                failed: r.failed().collect(),
                ..check_row_of(r)
            };
            let decided = r.decided_under.clone().unwrap_or_default();
            write_record(
                &mut w,
                grid::check_cells(&row, &decided)
                    .iter()
                    .map(|c| c.to_string()),
            )?;
            return finish(w);
        }
        Report::Explain(r) => grid::explanation(words, r),
        Report::Matrix(m) => grid::matrix(words, m),
        Report::Products(p) => grid::listing(words, p),
        Report::Programs(r) => grid::periods(words, r),
        Report::Roles(r) => grid::roles(words, r),
        Report::Competencies(r) => grid::competencies(words, &r.competencies),
        Report::Validate(v) => grid::problems(words, v),
        Report::RoleAnswer(a) => plain_grid(
            &["role", "action", "allowed", "detail"],
            vec![vec![
                a.role.clone(),
                a.action.clone(),
                a.allowed.to_string(),
                a.detail.clone(),
            ]],
        ),
        Report::Diagnose(d) => plain_grid(
            &[
                "input", "id", "score", "cause", "action", "portal", "section",
            ],
            vec![match &d.matched {
                Some(m) => vec![
                    d.input.clone(),
                    m.id.clone(),
                    format!("{:.2}", m.score),
                    m.cause.clone(),
                    m.action.clone(),
                    m.portal.clone(),
                    m.section.clone(),
                ],
                None => {
                    let mut row = vec![d.input.clone()];
                    row.resize(7, String::new());
                    row
                }
            }],
        ),
        Report::Import(i) => plain_grid(
            &["summary"],
            super::text::import_lines(i, words)
                .into_iter()
                .map(|l| vec![l])
                .collect(),
        ),
        Report::Timeline(_) => {
            return Err(PrintError::Unsupported {
                format: "csv",
                what: "reports other than the picture",
            });
        }
    };
    write(&grid)
}

/// The flat facts of a whole check report, as a row borrows them.
fn check_row_of(r: &crate::report::CheckReport) -> crate::report::CheckRow<'_> {
    crate::report::CheckRow {
        eligible: r.eligible,
        as_of: r.as_of,
        tier: &r.tier,
        tier_name: &r.tier_name,
        product: &r.product,
        product_name: &r.product_name,
        version: r.version.as_deref(),
        version_assumed: r.version_assumed,
        competency_class: r.competency_class.as_deref(),
        support_type: &r.support_type,
        support_type_name: &r.support_type_name,
        incidents: r.incidents,
        by_class: Vec::new(),
        pack: r.pack.as_deref(),
        channel: r.channel.as_ref().map(|c| c.id.as_str()),
        eligible_until: r.eligible_until,
        failed: Vec::new(),
        period: None,
    }
}

fn plain_grid(ids: &[&'static str], rows: Vec<Vec<String>>) -> Grid {
    Grid {
        ids: ids.iter().map(|i| std::borrow::Cow::Borrowed(*i)).collect(),
        labels: ids.iter().map(|i| (*i).to_owned()).collect(),
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(grid::Cell::same).collect())
            .collect(),
    }
}

/// A grid as CSV text: the column ids, then each row's plain values.
pub fn write(grid: &Grid) -> Result<String, PrintError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    write_record(&mut w, grid.ids.iter().map(|h| h.to_string()))?;
    for row in &grid.rows {
        write_record(&mut w, row.iter().map(|c| c.plain.clone()))?;
    }
    finish(w)
}

fn write_record<W: Write>(
    w: &mut csv::Writer<W>,
    cells: impl Iterator<Item = String>,
) -> Result<(), PrintError> {
    w.write_record(cells.map(|c| escape::csv(&c).into_owned()))
        .map_err(csv_error)
}

fn csv_error(e: csv::Error) -> PrintError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => stdout_error(io),
        other => stdout_error(std::io::Error::other(format!("{other:?}"))),
    }
}

fn finish(w: csv::Writer<Vec<u8>>) -> Result<String, PrintError> {
    let bytes = w
        .into_inner()
        .map_err(|e| stdout_error(std::io::Error::other(e.to_string())))?;
    String::from_utf8(bytes).map_err(|e| stdout_error(std::io::Error::other(e.to_string())))
}

/// The columns a batch adds around a check's: the line first; the warnings, the error and what
/// the row came to (`pass`, `warn`, `fail`, `invalid`) last.
const LINE: &str = "line";
const AFTER: [&str; 3] = ["warning", "error", "status"];

/// Batch rows as CSV: a header, then a row per request, the inventory's own columns after the
/// answer's. The header waits for the first row, which names those columns (every row of a CSV
/// input has the same; a JSON Lines input's first row sets them, and a later row's other keys
/// are in the JSON formats only).
pub struct Rows<'o, 'd> {
    out: csv::Writer<&'o mut dyn Write>,
    words: &'o Words,
    /// The carried columns of the header, once it is written.
    carried: Option<Vec<String>>,
    /// Each distinct period, in words (a batch has a handful).
    periods: PeriodWords<'d>,
}

impl<'o> Rows<'o, '_> {
    /// Rows to `out`.
    pub fn new(out: &'o mut dyn Write, words: &'o Words) -> Result<Self, PrintError> {
        Ok(Rows {
            out: csv::Writer::from_writer(out),
            words,
            carried: None,
            periods: PeriodWords::default(),
        })
    }

    /// Writes the header once, with the carried columns of `row`; returns them.
    fn header(&mut self, row: Option<&RowReport<'_>>) -> Result<Vec<String>, PrintError> {
        if let Some(carried) = &self.carried {
            return Ok(carried.clone());
        }
        let carried: Vec<String> = row
            .map(|r| r.carried.iter().map(|(name, _)| name.clone()).collect())
            .unwrap_or_default();
        let mut header: Vec<String> = std::iter::once(LINE)
            .chain(CHECK_COLUMNS)
            .chain(AFTER)
            .map(str::to_owned)
            .collect();
        // An inventory column named like one of the answer's (`channel`, `incidents`) gets
        // `input_` before its name, so a reader that takes columns by name gets the answer's.
        for name in &carried {
            let mut shown = name.clone();
            while header.contains(&shown) {
                shown.insert_str(0, "input_");
            }
            header.push(shown);
        }
        write_record(&mut self.out, header.into_iter())?;
        self.carried = Some(carried.clone());
        Ok(carried)
    }
}

impl<'d> RowPrinter<'d> for Rows<'_, 'd> {
    fn row(&mut self, row: &RowReport<'d>) -> Result<(), PrintError> {
        let names = self.header(Some(row))?;
        let carried = names.iter().map(|name| {
            row.carried
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        });
        let line = row.line.to_string();
        match &row.outcome {
            RowOutcome::Invalid(message) => {
                let mut record = vec![line];
                record.resize(1 + CHECK_COLUMNS.len() + 1, String::new());
                record.push(message.clone());
                record.push("invalid".to_owned());
                record.extend(carried);
                write_record(&mut self.out, record.into_iter())
            }
            RowOutcome::Decided(d) => {
                let words = self.words;
                let decided = self.periods.of(words, d.row.period).unwrap_or_default();
                let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                let problems = match problems.as_slice() {
                    [] => String::new(),
                    [one] => one.clone(),
                    all => all.join(&words.text("list-each-separator")),
                };
                let cells = grid::check_cells(&d.row, decided);
                let record = std::iter::once(std::borrow::Cow::Owned(line))
                    .chain(cells)
                    .chain([problems.into(), "".into(), d.status().id().into()])
                    .chain(carried.map(std::borrow::Cow::Owned))
                    .map(|c| escape::csv(&c).into_owned());
                self.out.write_record(record).map_err(csv_error)
            }
        }
    }

    fn finish(&mut self, _: &Summary) -> Result<(), PrintError> {
        self.header(None)?;
        self.out.flush().map_err(stdout_error)
    }
}
