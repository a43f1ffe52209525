//! Turning a report into text: the format choice, dispatch, and the grids (header + rows)
//! shared by the table, markdown and CSV renderers so their columns cannot drift.
//!
//! Renderers are pure functions of a report; they decide nothing. Words for verdicts, reasons
//! and statuses come from the report (built from the rules' `Display` impls).

pub(crate) mod batch;
mod csv;
mod json;
pub(crate) mod markdown;
pub mod svg;
pub(crate) mod table;

use thiserror::Error;

use std::borrow::Cow;

use crate::data::periods::Day;
use crate::escape;
use crate::report::{
    CheckReport, ImportReport, MatrixReport, ProductsReport, Report, ValidateReport,
};

/// Output format of a report, the same names on every command.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable text with tables.
    #[value(alias = "table")]
    Text,
    /// Pretty-printed JSON (the stable contract in docs/json.md).
    Json,
    /// GitHub-flavoured markdown.
    #[value(alias = "md")]
    Markdown,
    /// Comma-separated values with a header row.
    Csv,
}

/// Output format of `check`: a report's formats, plus two that only a batch can print.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CheckFormat {
    /// One of the report formats.
    Report(Format),
    /// JUnit XML, a test case per request.
    Junit,
    /// GitHub Actions annotations.
    Github,
}

impl clap::ValueEnum for CheckFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            CheckFormat::Report(Format::Text),
            CheckFormat::Report(Format::Json),
            CheckFormat::Report(Format::Markdown),
            CheckFormat::Report(Format::Csv),
            CheckFormat::Junit,
            CheckFormat::Github,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        use clap::builder::PossibleValue;
        match self {
            CheckFormat::Report(format) => format.to_possible_value(),
            CheckFormat::Junit => Some(
                PossibleValue::new("junit")
                    .help("JUnit XML, a test case per request (check --batch only)"),
            ),
            CheckFormat::Github => Some(
                PossibleValue::new("github")
                    .help("GitHub Actions annotations (check --batch only)"),
            ),
        }
    }
}

impl CheckFormat {
    /// The report format it names; `None` for the batch-only ones.
    pub fn report(self) -> Option<Format> {
        match self {
            CheckFormat::Report(format) => Some(format),
            CheckFormat::Junit | CheckFormat::Github => None,
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> String {
        use clap::ValueEnum as _;
        self.to_possible_value()
            .map(|v| v.get_name().to_owned())
            .unwrap_or_default()
    }
}

/// Output format of `products`: a report's formats, plus a picture of the support windows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductsFormat {
    /// One of the report formats.
    Report(Format),
    /// An SVG picture.
    Svg,
}

impl clap::ValueEnum for ProductsFormat {
    fn value_variants<'a>() -> &'a [Self] {
        &[
            ProductsFormat::Report(Format::Text),
            ProductsFormat::Report(Format::Json),
            ProductsFormat::Report(Format::Markdown),
            ProductsFormat::Report(Format::Csv),
            ProductsFormat::Svg,
        ]
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        match self {
            ProductsFormat::Report(format) => format.to_possible_value(),
            ProductsFormat::Svg => Some(clap::builder::PossibleValue::new("svg").help(
                "An SVG picture of each version's support windows, the entitled stretch highlighted",
            )),
        }
    }
}

/// Rendering failed (only the CSV writer can fail).
#[derive(Debug, Error)]
pub enum RenderError {
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(String),
    /// The JSON writer failed.
    #[error("cannot write JSON: {0}")]
    Json(String),
}

/// How human output looks beyond its format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Style {
    /// Whether to use ANSI colours (text format only).
    pub color: bool,
    /// Columns a text table may take (`None`: the default, 120).
    pub width: Option<u16>,
}

/// The columns text output may take: `COLUMNS` when set (as a shell exports it, or a test
/// pins it), else the terminal's width when standard output is one, else none (the default).
pub fn output_width(columns: Option<&str>, terminal: bool) -> Option<u16> {
    columns
        .and_then(|c| c.trim().parse::<u16>().ok())
        .or_else(|| {
            terminal
                .then(|| comfy_table::Table::new().width())
                .flatten()
        })
        .map(|w| w.max(table::MIN_WIDTH))
}

/// Renders a report in a format; the text ends with a newline.
pub fn render(report: &Report, format: Format, style: Style) -> Result<String, RenderError> {
    match format {
        Format::Text => Ok(table::render(report, style)),
        Format::Json => json::render(report),
        Format::Markdown => Ok(markdown::render(report)),
        Format::Csv => csv::render(report),
    }
}

/// A header and rows of cells: one column list for table, markdown and CSV.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grid {
    /// Column headers.
    pub header: Vec<String>,
    /// Rows, each as long as the header.
    pub rows: Vec<Vec<String>>,
}

/// A column: its header and how to get its cell from a row.
type Column<'h, R> = (&'h str, fn(&R) -> String);

fn grid<R, const N: usize>(columns: [Column<'_, R>; N], items: &[R]) -> Grid {
    grid_of(&columns, items)
}

fn grid_of<R>(columns: &[Column<'_, R>], items: &[R]) -> Grid {
    Grid {
        header: columns.iter().map(|(h, _)| (*h).to_owned()).collect(),
        rows: items
            .iter()
            .map(|item| columns.iter().map(|(_, cell)| cell(item)).collect())
            .collect(),
    }
}

fn date_or_dash(date: Option<chrono::NaiveDate>) -> String {
    date.map_or_else(|| "-".to_owned(), |d| d.to_string())
}

/// The rule trace of a check: one row per rule.
pub fn trace_grid(report: &CheckReport) -> Grid {
    let numbered: Vec<(usize, &crate::report::ReasonOut)> = report
        .reasons
        .iter()
        .enumerate()
        .map(|(i, r)| (i + 1, r))
        .collect();
    grid(
        [
            ("#", |(i, _): &(usize, &crate::report::ReasonOut)| {
                i.to_string()
            }),
            ("rule", |(_, r)| r.rule.to_owned()),
            ("result", |(_, r)| {
                if r.passed { "pass" } else { "FAIL" }.to_owned()
            }),
            ("detail", |(_, r)| r.detail.clone()),
        ],
        &numbered,
    )
}

/// A column of the flat check row: its header, and its cell (borrowed where the line holds
/// the text, so a batch row allocates only what it formats).
type LineColumn = (
    &'static str,
    for<'l> fn(&'l crate::report::CheckLine<'_>) -> Cow<'l, str>,
);

/// The columns of a check as one flat row: the CSV form of `check` and of each batch result.
const CHECK_COLUMNS: [LineColumn; 12] = [
    ("as_of", |l| Day(l.as_of).to_string().into()),
    ("tier", |l| l.tier.0.into()),
    ("product", |l| l.product.0.into()),
    ("version", |l| {
        l.version.map(|v| v.0).unwrap_or_default().into()
    }),
    ("competency_class", |l| {
        l.competency_class.unwrap_or_default().into()
    }),
    ("eligible", |l| {
        if l.eligible { "true" } else { "false" }.into()
    }),
    ("support_type", |l| l.support_type.0.into()),
    ("incidents", |l| {
        l.incidents.map(plain_incidents).unwrap_or_default().into()
    }),
    ("channel", |l| l.channel.unwrap_or_default().into()),
    ("eligible_until", |l| {
        l.eligible_until
            .map(|d| Day(d).to_string())
            .unwrap_or_default()
            .into()
    }),
    ("failed_rules", |l| l.failed.join(" ").into()),
    ("decided_under", |l| {
        l.period.map(|p| p.to_string()).unwrap_or_default().into()
    }),
];

/// Checks as flat rows, with a header.
pub fn check_row_grid(lines: &[crate::report::CheckLine<'_>]) -> Grid {
    Grid {
        header: check_row_header().map(str::to_owned).collect(),
        rows: lines
            .iter()
            .map(|l| check_row_cells(l).map(Cow::into_owned).collect())
            .collect(),
    }
}

/// The header of the flat check row.
pub fn check_row_header() -> impl Iterator<Item = &'static str> {
    CHECK_COLUMNS.iter().map(|(header, _)| *header)
}

/// One check's cells, in header order (batches write these row by row).
pub fn check_row_cells<'l>(
    line: &'l crate::report::CheckLine<'_>,
) -> impl Iterator<Item = Cow<'l, str>> + 'l {
    CHECK_COLUMNS.iter().map(move |(_, cell)| cell(line))
}

fn plain_incidents(i: crate::data::Incidents) -> String {
    match i {
        crate::data::Incidents::Count(n) => n.to_string(),
        crate::data::Incidents::Unlimited => "unlimited".to_owned(),
    }
}

/// The entitlement matrix of the source page: a row per support type and competency class,
/// a column per tier.
pub fn matrix_grid(report: &MatrixReport) -> Grid {
    let layout = &report.layout;
    let mut header = vec!["support type".to_owned(), "competency".to_owned()];
    header.extend(layout.tiers.iter().map(|(_, name)| name.clone()));
    let mut rows = Vec::new();
    for (st, st_name, scope) in &layout.support_types {
        let per_class = report.rows.iter().any(|r| {
            &r.support_type == st && r.competency_class != crate::data::entitlements::ANY_CLASS
        });
        let classes: Vec<(&str, &str)> = if per_class {
            layout
                .classes
                .iter()
                .map(|(id, name)| (id.as_str(), name.as_str()))
                .collect()
        } else {
            vec![(crate::data::entitlements::ANY_CLASS, "any")]
        };
        for (class, class_name) in classes {
            let mut row = vec![format!("{st_name} ({scope})"), class_name.to_owned()];
            for (tier, _) in &layout.tiers {
                row.push(report.cell(tier, st, class).map_or_else(
                    || "-".to_owned(),
                    |c| match &c.pack {
                        Some(pack) if c.incidents.is_entitled() => {
                            format!("{} ({pack})", c.incidents)
                        }
                        _ => c.incidents.to_string(),
                    },
                ));
            }
            rows.push(row);
        }
    }
    Grid { header, rows }
}

/// One row per product: N, N-1 and what qualifies.
pub fn products_grid(report: &ProductsReport) -> Grid {
    grid(
        [
            ("product", |p: &crate::report::ProductOut| p.product.clone()),
            ("current (N)", |p| {
                p.current.clone().unwrap_or_else(|| "-".into())
            }),
            ("previous (N-1)", |p| {
                p.previous.clone().unwrap_or_else(|| "-".into())
            }),
            ("entitled versions", |p| {
                if p.deployment == "cloud" {
                    "any (cloud)".to_owned()
                } else if p.entitled.is_empty() {
                    "none".to_owned()
                } else {
                    p.entitled.join(", ")
                }
            }),
            ("N-1 mainstream end", |p| {
                let previous = p
                    .previous
                    .as_ref()
                    .and_then(|n1| p.versions.iter().find(|v| &v.version == n1));
                date_or_dash(previous.and_then(|v| v.mainstream_end))
            }),
        ],
        &report.products,
    )
}

/// One row per version of every listed product.
pub fn versions_grid(report: &ProductsReport) -> Grid {
    let rows: Vec<(&crate::report::ProductOut, &crate::report::VersionOut)> = report
        .products
        .iter()
        .flat_map(|p| p.versions.iter().map(move |v| (p, v)))
        .collect();
    type Row<'a> = (&'a crate::report::ProductOut, &'a crate::report::VersionOut);
    grid(
        [
            ("product", |(p, _): &Row<'_>| p.product.clone()),
            ("version", |(_, v)| v.version.clone()),
            ("track", |(_, v)| {
                if v.main_track && v.track != "main" {
                    format!("{} (main)", v.track)
                } else {
                    v.track.clone()
                }
            }),
            ("release", |(_, v)| v.release.to_string()),
            ("mainstream end", |(_, v)| date_or_dash(v.mainstream_end)),
            ("extended end", |(_, v)| date_or_dash(v.extended_end)),
            ("status", |(_, v)| v.status_text.clone()),
            ("qualifies until", |(_, v)| date_or_dash(v.qualifies_until)),
        ],
        &rows,
    )
}

/// The grids a products report shows in human formats.
pub fn product_grids(report: &ProductsReport) -> Vec<Grid> {
    if report.versions_view {
        vec![versions_grid(report)]
    } else {
        vec![products_grid(report)]
    }
}

/// What `lifecycle import` did, as lines: each change, then a summary.
pub fn import_lines(report: &ImportReport) -> Vec<String> {
    let verb = match (report.dry_run, report.changed) {
        (true, true) => "would update",
        (true, false) | (false, false) => "unchanged:",
        (false, true) => "wrote",
    };
    let mut lines: Vec<String> = report
        .changes
        .iter()
        .map(|c| format!("  {}", escape::text(c)))
        .collect();
    lines.push(format!(
        "{verb} {} ({} products, {} versions, {} change{}, {} source warning{})",
        escape::text(&report.output),
        report.products,
        report.versions,
        report.changes.len(),
        plural(report.changes.len()),
        report.warnings.len(),
        plural(report.warnings.len())
    ));
    lines
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// What `validate` found, as lines: one per problem, then a summary.
pub fn validate_lines(report: &ValidateReport) -> Vec<String> {
    let mut lines: Vec<String> = report
        .problems
        .iter()
        .map(|p| escape::text(&p.to_string()).into_owned())
        .collect();
    lines.push(format!(
        "checked {}: {} error{}, {} warning{}",
        escape::text(&report.files.join(", ")),
        report.errors,
        plural(report.errors),
        report.warnings,
        plural(report.warnings)
    ));
    if let Some(data) = &report.data {
        lines.extend(
            data.lines()
                .iter()
                .map(|l| format!("data: {}", escape::text(l))),
        );
    }
    lines
}

/// The role table: a row per role, a column per action.
pub fn roles_grid(report: &crate::report::RolesReport) -> Grid {
    let mut header = vec!["role".to_owned()];
    header.extend(report.actions.iter().map(|a| a.id.clone()));
    let rows = report
        .roles
        .iter()
        .map(|r| {
            let mut row = vec![r.name.clone()];
            row.extend(
                report
                    .actions
                    .iter()
                    .map(|a| if r.can.contains(&a.id) { "yes" } else { "no" }.to_owned()),
            );
            row
        })
        .collect();
    Grid { header, rows }
}

/// The rule book's periods, one row each, in date order.
pub fn periods_grid(report: &crate::report::ProgramsReport) -> Grid {
    grid(
        [
            ("kind", |p: &crate::report::PeriodRow| p.kind.to_owned()),
            ("subject", |p| p.subject.clone()),
            ("detail", |p| p.detail.clone()),
            ("from", |p| p.from.to_string()),
            ("until", |p| {
                p.until.map(|d| d.to_string()).unwrap_or_default()
            }),
            ("confidence", |p| p.confidence.to_string()),
            ("sources", |p| p.sources.join(" ")),
        ],
        &report.periods,
    )
}

/// Competencies with their classes, one row each.
pub fn competencies_grid(rows: &[crate::report::CompetencyOut]) -> Grid {
    grid(
        [
            ("competency", |c: &crate::report::CompetencyOut| {
                c.id.clone()
            }),
            ("name", |c| c.name.clone()),
            ("class", |c| c.class_name.clone()),
            ("aliases", |c| c.aliases.join(", ")),
        ],
        rows,
    )
}

/// The references of the rule book, one row each.
pub fn references_grid(report: &crate::report::ProgramsReport) -> Grid {
    grid(
        [
            ("source", |r: &crate::report::SourceOut| r.id.clone()),
            ("title", |r| r.title.clone()),
            ("url", |r| r.url.clone().unwrap_or_default()),
        ],
        &report.references,
    )
}

/// `explain` as numbered paragraphs; `markdown` bolds the titles.
pub fn explain_text(report: &crate::report::ExplainReport, markdown: bool) -> String {
    let esc = |s: &str| {
        if markdown {
            markdown::escape(s)
        } else {
            escape::text(s).into_owned()
        }
    };
    let mut out = if markdown {
        format!("**{}**\n\n", esc(&report.headline))
    } else {
        format!("{}\n\n", esc(&report.headline))
    };
    for (i, p) in report.paragraphs.iter().enumerate() {
        let verdict = if p.passed { "Met." } else { "Not met." };
        let title = if markdown {
            format!("**{}.**", p.title)
        } else {
            format!("{}.", p.title)
        };
        out.push_str(&format!(
            "{}. {title} {} Here: {}. {verdict}\n\n",
            i + 1,
            esc(p.text),
            esc(&p.finding)
        ));
    }
    for line in &report.closing {
        out.push_str(&esc(line));
        out.push('\n');
    }
    out
}

/// `diagnose` as lines.
pub fn message_match_lines(report: &crate::report::DiagnoseReport) -> Vec<String> {
    let lines = match &report.matched {
        Some(m) => vec![
            format!(
                "Matched:  \"{}\" ({}, score {:.2})",
                m.matched_text, m.id, m.score
            ),
            format!("Cause:    {}", m.cause),
            format!("Do this:  {}", m.action),
            format!("Portal:   {}", m.portal),
            format!(
                "Source:   Microsoft, \"Technical Support for On-premises or Cloud products\", section: {}",
                m.section
            ),
        ],
        None => {
            let mut lines = vec![format!(
                "No known portal message or symptom matches \"{}\". Known ones:",
                report.input
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

/// Problems found by `validate`, one row each.
pub fn validate_grid(report: &ValidateReport) -> Grid {
    grid(
        [
            ("file", |d: &crate::data::Finding| d.file.clone()),
            ("line", |d| d.line.to_string()),
            ("column", |d| d.column.to_string()),
            ("severity", |d| d.severity.to_string()),
            ("entry", |d| d.entry.clone()),
            ("message", |d| d.message.clone()),
        ],
        &report.problems,
    )
}
