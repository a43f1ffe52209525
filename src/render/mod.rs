//! Printing: one printer per format. A printer lays a report out; it decides no fact, and its
//! words (headings, column labels) come from the catalogues. Every format prints a whole
//! answer ([`Output::report`]); the batch formats also print a stream of rows
//! ([`RowPrinter`]: `row` per row, `finish` with the counts), as hyperfine's exporters and
//! ripgrep's printers do.
//!
//! [`Output`] is the one place output is written: standard output for answers, standard
//! error for warnings and closing counts.

pub mod annotate;
pub mod azure;
pub mod csv;
pub mod escape;
pub mod github;
pub mod grid;
pub mod json;
pub mod junit;
pub mod markdown;
pub mod svg;
pub mod text;
pub mod wrap;

use std::io::{self, Write};

use thiserror::Error;

use crate::i18n::Words;
use crate::report::Report;
use crate::report::batch::{BatchKind, RowReport, Summary};

/// Every output format. Each command offers the ones that fit it (see the `*Format` enums,
/// the command line's choices).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Human-readable text with tables.
    Text,
    /// Pretty-printed JSON (a batch: JSON Lines).
    Json,
    /// JSON Lines: one compact object per line.
    Jsonl,
    /// GitHub-flavoured markdown.
    Markdown,
    /// Comma-separated values with a header row.
    Csv,
    /// JUnit XML, a test case per row.
    Junit,
    /// GitHub Actions workflow commands.
    Github,
    /// Azure Pipelines logging commands.
    Azure,
    /// An SVG picture.
    Svg,
}

impl Format {
    /// The name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Markdown => "markdown",
            Format::Csv => "csv",
            Format::Junit => "junit",
            Format::Github => "github",
            Format::Azure => "azure",
            Format::Svg => "svg",
        }
    }
}

/// Declares a command's choice of formats as a clap value enum that maps onto [`Format`].
macro_rules! formats {
    ($(#[$doc:meta])* $name:ident { $($(#[$vattr:meta])* $variant:ident,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
        pub enum $name {
            $($(#[$vattr])* $variant,)*
        }

        impl From<$name> for Format {
            fn from(f: $name) -> Format {
                match f {
                    $($name::$variant => Format::$variant,)*
                }
            }
        }
    };
}

formats! {
    /// The formats of a report (most commands).
    ReportFormat {
        /// Human-readable text with tables
        #[value(alias = "table")]
        Text,
        /// Pretty-printed JSON (the stable contract in docs/json.md)
        Json,
        /// GitHub-flavoured markdown
        #[value(alias = "md")]
        Markdown,
        /// Comma-separated values with a header row
        Csv,
    }
}

formats! {
    /// The formats of `check`; the CI formats are for `--batch`.
    CheckFormat {
        /// Human-readable text with tables
        #[value(alias = "table")]
        Text,
        /// Pretty-printed JSON (a batch: one object per line)
        Json,
        /// JSON Lines: one compact object per line
        Jsonl,
        /// GitHub-flavoured markdown
        #[value(alias = "md")]
        Markdown,
        /// Comma-separated values with a header row
        Csv,
        /// JUnit XML, a test case per request (check --batch only)
        Junit,
        /// GitHub Actions annotations (check --batch only)
        Github,
        /// Azure Pipelines logging commands (check --batch only)
        Azure,
    }
}

formats! {
    /// The formats of `verify`.
    VerifyFormat {
        /// A line per failed or invalid row, then `N passed, N failed`
        Text,
        /// JSON Lines: an object per row, then `{"passed", "failed"}`
        Json,
        /// JSON Lines, as `json`
        Jsonl,
        /// A markdown table of the failed and invalid rows
        #[value(alias = "md")]
        Markdown,
        /// A CSV row per expectation
        Csv,
        /// JUnit XML: a test case per row
        Junit,
        /// GitHub Actions annotations: an error per failed or invalid row
        Github,
        /// Azure Pipelines logging commands: an error per failed or invalid row
        Azure,
    }
}

formats! {
    /// The formats of `products`.
    ProductsFormat {
        /// Human-readable text with tables
        #[value(alias = "table")]
        Text,
        /// Pretty-printed JSON (the stable contract in docs/json.md)
        Json,
        /// GitHub-flavoured markdown
        #[value(alias = "md")]
        Markdown,
        /// Comma-separated values with a header row
        Csv,
        /// An SVG picture of each version's support windows, the entitled stretch highlighted
        Svg,
    }
}

/// Printing failed.
#[derive(Debug, Error)]
pub enum PrintError {
    /// Standard output (or the JUnit report's temporary file) could not be written.
    #[error("cannot write `{what}`: {source}")]
    Write {
        /// What: `standard output`, `the temporary file of the JUnit report`.
        what: &'static str,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A format that cannot print this kind of answer.
    #[error("the `{format}` format is for {what}")]
    Unsupported {
        /// The format asked for.
        format: &'static str,
        /// What it prints.
        what: &'static str,
    },
}

impl PrintError {
    /// Whether the reader closed standard output (`| head`): not an error.
    pub fn is_closed_pipe(&self) -> bool {
        matches!(self, PrintError::Write { source, what: "standard output" } if source.kind() == io::ErrorKind::BrokenPipe)
    }
}

/// An error writing standard output.
pub(crate) fn stdout_error(source: io::Error) -> PrintError {
    PrintError::Write {
        what: "standard output",
        source,
    }
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
        .map(|w| w.max(text::MIN_WIDTH))
}

/// Prints a stream of batch rows.
pub trait RowPrinter<'d> {
    /// Whether the rows must carry their whole report (JSON, JUnit): building one costs far
    /// more than a row.
    fn wants_report(&self) -> bool {
        false
    }

    /// One row, as it is decided.
    fn row(&mut self, row: &RowReport<'d>) -> Result<(), PrintError>;

    /// After the last row, with the counts of the whole input.
    fn finish(&mut self, summary: &Summary) -> Result<(), PrintError>;
}

/// What a batch is, for its printers.
#[derive(Debug, Clone, Copy)]
pub struct Batch<'a> {
    /// Requests or expectations.
    pub kind: BatchKind,
    /// The input's name as given (`-` for standard input), as a JUnit suite is named.
    pub name: &'a str,
    /// The file annotations and JUnit cases point at; none for standard input.
    pub file: Option<&'a str>,
    /// Whether eligible rows get an annotation too (`--annotate all`).
    pub notices: bool,
}

/// Where answers go: standard output for them, standard error for warnings and counts, with
/// the style and the words of the run.
pub struct Output<'o> {
    out: &'o mut dyn Write,
    err: &'o mut dyn Write,
    /// How human output looks.
    pub style: Style,
    /// The words of the answer's language.
    pub words: &'o Words,
}

impl<'o> Output<'o> {
    /// Output to these writers.
    pub fn new(
        out: &'o mut dyn Write,
        err: &'o mut dyn Write,
        style: Style,
        words: &'o Words,
    ) -> Self {
        Output {
            out,
            err,
            style,
            words,
        }
    }

    /// Prints a whole answer in a format.
    pub fn report(&mut self, report: &Report, format: Format) -> Result<(), PrintError> {
        let words = self.words;
        let text = match format {
            Format::Text => text::report(report, words, self.style),
            Format::Markdown => markdown::report(report, words),
            Format::Csv => csv::report(report, words)?,
            Format::Json => json::report(report, true)?,
            Format::Jsonl => json::report(report, false)?,
            Format::Svg => svg::report(report, words)?,
            Format::Junit | Format::Github | Format::Azure => {
                return Err(PrintError::Unsupported {
                    format: format.name(),
                    what: "`check --batch` and `verify` only",
                });
            }
        };
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(stdout_error)
    }

    /// A printer of batch rows in a format, writing to standard output.
    pub fn rows<'p, 'd: 'p>(
        &'p mut self,
        format: Format,
        batch: &Batch<'_>,
    ) -> Result<Box<dyn RowPrinter<'d> + 'p>, PrintError> {
        let words = self.words;
        let out: &'p mut dyn Write = &mut *self.out;
        Ok(match format {
            Format::Text => Box::new(text::Rows::new(out, words, batch.kind)),
            Format::Markdown => Box::new(markdown::Rows::new(out, words)?),
            Format::Csv => Box::new(csv::Rows::new(out, words)?),
            Format::Json | Format::Jsonl => Box::new(json::Rows::new(out, words, batch.kind)),
            Format::Junit => Box::new(junit::Rows::new(out, words, batch)?),
            Format::Github => Box::new(github::Rows::new(out, words, batch)),
            Format::Azure => Box::new(azure::Rows::new(out, words, batch)),
            Format::Svg => {
                return Err(PrintError::Unsupported {
                    format: format.name(),
                    what: "`products` only",
                });
            }
        })
    }

    /// Text printed as it is: a generated script, a schema, a man page.
    pub fn raw(&mut self, text: &str) -> Result<(), PrintError> {
        self.out
            .write_all(text.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(stdout_error)
    }

    /// A warning on standard error: `warning: ...`, its values escaped.
    pub fn warn(&mut self, text: &str) {
        let label = self.words.text("label-warning");
        let _ = writeln!(self.err, "{label}: {}", escape::text(text));
    }

    /// A line on standard error as it is (a batch's counts).
    pub fn say(&mut self, text: &str) {
        let _ = writeln!(self.err, "{}", escape::text(text));
    }
}

/// The periods of a batch in words, each said once: a batch has a handful, said over and
/// over.
#[derive(Default)]
pub struct PeriodWords<'d>(std::collections::HashMap<crate::report::check::Period<'d>, String>);

impl<'d> PeriodWords<'d> {
    /// The period in words (`None` when the answer has none).
    pub fn of(
        &mut self,
        words: &Words,
        period: Option<crate::report::check::Period<'d>>,
    ) -> Option<&str> {
        let period = period?;
        Some(
            self.0
                .entry(period)
                .or_insert_with(|| words.msg(&period.message())),
        )
    }
}
