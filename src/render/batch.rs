//! Batch output: streaming writers for `check --batch`, one result at a time, in text, JSON
//! Lines, CSV, markdown, JUnit XML or GitHub Actions annotations.

use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};

use serde::Serialize;

use crate::error::AppError;
use crate::escape::{self, xml};
use crate::input::RowError;
use crate::render::{CheckFormat, Format, check_row_cells, check_row_header};
use crate::report::{CheckLine, CheckReport};

/// Counts of a batch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Eligible requests.
    pub eligible: usize,
    /// Requests decided "not eligible".
    pub not_eligible: usize,
    /// Rows that could not be decided.
    pub invalid: usize,
    /// Eligible requests close to losing eligibility.
    pub warnings: usize,
    /// Eligible requests that stop qualifying within `--fail-within`.
    pub expiring: usize,
}

/// The warning for an eligible answer that stops qualifying within `days` of its date.
pub fn expiry_warning(line: &CheckLine<'_>, days: u32) -> Option<String> {
    let until = line.eligible_until?;
    let left = line.days_left()?;
    (left <= i64::from(days)).then(|| {
        format!(
            "qualifies only until {until}, {left} day{} after {}",
            if left == 1 { "" } else { "s" },
            line.as_of
        )
    })
}

/// One JSON Lines result: the single-check contract plus `line` and an optional `warning`.
#[derive(Serialize)]
struct JsonRow<'a> {
    line: usize,
    #[serde(flatten)]
    report: &'a CheckReport,
    #[serde(skip_serializing_if = "Option::is_none")]
    warning: Option<&'a str>,
}

/// A JSON Lines entry for a row that could not be decided.
#[derive(Serialize)]
struct JsonInvalid<'a> {
    line: usize,
    error: &'a str,
}

/// Writes results as they come, in the chosen format.
pub(crate) enum Writer<'o> {
    Text(&'o mut dyn Write),
    Json(&'o mut dyn Write),
    Markdown(&'o mut dyn Write),
    Csv(Box<csv::Writer<&'o mut dyn Write>>),
    Github {
        out: &'o mut dyn Write,
        file: String,
        /// Whether eligible rows get a `::notice` (`--annotate all`).
        notices: bool,
    },
    /// JUnit needs the counts in its opening tag: test cases go to a temporary file first.
    Junit {
        out: &'o mut dyn Write,
        cases: io::BufWriter<File>,
        path: tempfile::TempPath,
        file: String,
    },
}

const EXTRA_COLUMNS: [&str; 3] = ["line", "warning", "error"];

impl<'o> Writer<'o> {
    pub(crate) fn new(
        format: CheckFormat,
        notices: bool,
        file: &str,
        out: &'o mut dyn Write,
    ) -> Result<Self, AppError> {
        Ok(match format {
            CheckFormat::Report(Format::Text) => Writer::Text(out),
            CheckFormat::Report(Format::Json) => Writer::Json(out),
            CheckFormat::Report(Format::Markdown) => {
                let header = ["line", "verdict"];
                writeln!(out, "| {} |\n|---|---|", header.join(" | ")).map_err(write_error)?;
                Writer::Markdown(out)
            }
            CheckFormat::Report(Format::Csv) => {
                let mut w = csv::Writer::from_writer(out);
                let mut header = vec![EXTRA_COLUMNS[0].to_owned()];
                header.extend(check_row_header().map(str::to_owned));
                header.extend(EXTRA_COLUMNS[1..].iter().map(|s| (*s).to_owned()));
                w.write_record(&header)
                    .map_err(|e| write_error(io::Error::other(e)))?;
                Writer::Csv(Box::new(w))
            }
            CheckFormat::Github => Writer::Github {
                out,
                file: file.to_owned(),
                notices,
            },
            CheckFormat::Junit => {
                let (file_handle, path) = tempfile::NamedTempFile::new()
                    .map_err(|e| write_error(temp(e)))?
                    .into_parts();
                Writer::Junit {
                    out,
                    cases: io::BufWriter::new(file_handle),
                    path,
                    file: file.to_owned(),
                }
            }
        })
    }

    /// Whether this format prints the whole report of each row.
    pub(crate) fn needs_report(&self) -> bool {
        matches!(self, Writer::Json(_) | Writer::Junit { .. })
    }

    pub(crate) fn decided(
        &mut self,
        line: usize,
        l: &CheckLine<'_>,
        full: Option<&CheckReport>,
        warning: Option<&str>,
    ) -> io::Result<()> {
        match self {
            Writer::Text(out) => {
                let warn = warning
                    .map(|w| format!(" [warning: {w}]"))
                    .unwrap_or_default();
                let text = format!("{l}{warn}");
                writeln!(out, "line {line}: {}", escape::text(&text))
            }
            Writer::Markdown(out) => {
                let warn = warning
                    .map(|w| format!(" (warning: {w})"))
                    .unwrap_or_default();
                let text = escape::markdown_cell(&format!("{l}{warn}"));
                writeln!(out, "| {line} | {text} |")
            }
            Writer::Json(out) => {
                let Some(report) = full else {
                    return Err(io::Error::other("internal: JSON row without its report"));
                };
                let row = JsonRow {
                    line,
                    report,
                    warning,
                };
                serde_json::to_writer(&mut **out, &row).map_err(io::Error::other)?;
                out.write_all(b"\n")
            }
            Writer::Csv(w) => {
                let record = std::iter::once(Cow::Owned(line.to_string()))
                    .chain(check_row_cells(l))
                    .chain([
                        Cow::Borrowed(warning.unwrap_or_default()),
                        Cow::Borrowed(""),
                    ]);
                w.write_record(record.map(bytes)).map_err(io::Error::other)
            }
            Writer::Github { out, file, notices } => {
                let version = l.version.map(|(v, _)| format!(" {v}")).unwrap_or_default();
                let title = format!("{} {}{version}", l.tier.0, l.product.0);
                let (level, message) = match (l.eligible, warning) {
                    (true, Some(w)) => ("warning", format!("eligible, but {w}")),
                    // A notice per eligible row floods a job's annotations: only when asked.
                    (true, None) if !*notices => return Ok(()),
                    (true, None) => ("notice", l.to_string()),
                    (false, _) => ("error", l.to_string()),
                };
                writeln!(
                    out,
                    "::{level} file={},line={line},title={}::{}",
                    gh_property(file),
                    gh_property(&title),
                    gh_data(&message)
                )
            }
            Writer::Junit { cases, file, .. } => (|| -> io::Result<()> {
                let version = l.version.map(|(v, _)| format!(" {v}")).unwrap_or_default();
                let name = format!("line {line}: {} {}{version}", l.tier.0, l.product.0);
                write!(
                    cases,
                    "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\" line=\"{line}\">",
                    xml(&format!("mpn-support.{}", l.product.0)),
                    xml(&name),
                    xml(file)
                )?;
                if !l.eligible {
                    let failed: Vec<&str> = full
                        .iter()
                        .flat_map(|r| r.reasons.iter())
                        .filter(|x| !x.passed)
                        .map(|x| x.detail.as_str())
                        .collect();
                    write!(
                        cases,
                        "\n      <failure message=\"{}\" type=\"not-eligible\">{}</failure>\n    ",
                        xml(&l.to_string()),
                        xml(&failed.join("\n"))
                    )?;
                } else if let Some(w) = warning {
                    write!(
                        cases,
                        "\n      <system-out>warning: {}</system-out>\n    ",
                        xml(w)
                    )?;
                }
                writeln!(cases, "</testcase>")
            })()
            .map_err(temp),
        }
    }

    pub(crate) fn invalid(&mut self, e: &RowError) -> io::Result<()> {
        let line = e.line;
        match self {
            Writer::Text(out) => {
                writeln!(out, "line {line}: error: {}", escape::text(&e.message))
            }
            Writer::Markdown(out) => {
                let text = escape::markdown_cell(&format!("error: {}", e.message));
                writeln!(out, "| {line} | {text} |")
            }
            Writer::Json(out) => {
                let row = JsonInvalid {
                    line,
                    error: &e.message,
                };
                serde_json::to_writer(&mut **out, &row).map_err(io::Error::other)?;
                out.write_all(b"\n")
            }
            Writer::Csv(w) => {
                let width = check_row_header().count();
                let mut record = vec![line.to_string()];
                record.extend(std::iter::repeat_n(String::new(), width + 1));
                record.push(escape::csv(&e.message).into_owned());
                w.write_record(&record).map_err(io::Error::other)
            }
            Writer::Github { out, file, .. } => writeln!(
                out,
                "::error file={},line={line},title=invalid request::{}",
                gh_property(file),
                gh_data(&e.message)
            ),
            Writer::Junit { cases, file, .. } => writeln!(
                cases,
                "    <testcase classname=\"mpn-support\" name=\"line {line}: invalid request\" file=\"{}\" line=\"{line}\">\n      <error message=\"{}\" type=\"invalid-request\"/>\n    </testcase>",
                xml(file),
                xml(&e.message)
            )
            .map_err(temp),
        }
    }

    pub(crate) fn finish(self, counts: &Counts) -> io::Result<()> {
        match self {
            Writer::Text(out) | Writer::Json(out) | Writer::Markdown(out) => out.flush(),
            Writer::Github { out, .. } => out.flush(),
            Writer::Csv(mut w) => w.flush(),
            Writer::Junit {
                out,
                cases,
                path,
                file,
            } => {
                cases
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .and_then(|f| f.sync_all())
                    .map_err(temp)?;
                let total = counts.eligible + counts.not_eligible + counts.invalid;
                let suite = JunitSuite {
                    name: "mpn-support",
                    file: &file,
                    tests: total,
                    failures: counts.not_eligible,
                    errors: counts.invalid,
                };
                out.write_all(suite.open().as_bytes())?;
                let mut cases = File::open(&path).map_err(temp)?;
                io::copy(&mut cases, out)?;
                out.write_all(JunitSuite::CLOSE.as_bytes())?;
                out.flush()
            }
        }
    }
}

/// A cell as the bytes the CSV writer takes, a formula neutralised, without copying a
/// borrowed one that needs nothing.
fn bytes(cell: Cow<'_, str>) -> Cow<'_, [u8]> {
    match cell {
        Cow::Borrowed(text) => match escape::csv(text) {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        },
        Cow::Owned(text) => Cow::Owned(escape::csv(&text).into_owned().into_bytes()),
    }
}

/// The envelope of a JUnit report: one suite of test cases (`check --batch`, `verify`).
pub(crate) struct JunitSuite<'a> {
    /// The suites' name.
    pub(crate) name: &'a str,
    /// The input file, the suite's name.
    pub(crate) file: &'a str,
    /// Test cases.
    pub(crate) tests: usize,
    /// Failed ones.
    pub(crate) failures: usize,
    /// Ones in error.
    pub(crate) errors: usize,
}

impl JunitSuite<'_> {
    /// What follows the test cases.
    pub(crate) const CLOSE: &'static str = "  </testsuite>\n</testsuites>\n";

    /// What comes before the test cases.
    pub(crate) fn open(&self) -> String {
        let JunitSuite {
            name,
            file,
            tests,
            failures,
            errors,
        } = self;
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n",
            xml(name),
            xml(file)
        )
    }
}

/// Escapes the message of a GitHub Actions workflow command: `%`, CR and LF encoded as the
/// runner decodes them, any other control or bidi character written visibly.
pub(crate) fn gh_data(text: &str) -> String {
    let encoded = text
        .replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A");
    escape::text(&encoded).into_owned()
}

/// Escapes a property value of a GitHub Actions workflow command.
pub(crate) fn gh_property(text: &str) -> String {
    gh_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// A failure of the JUnit report's temporary file (a full disk, say), told apart from a failure
/// to write standard output.
#[derive(Debug)]
struct TempFileError(io::Error);

impl std::fmt::Display for TempFileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for TempFileError {}

fn temp(e: io::Error) -> io::Error {
    io::Error::new(e.kind(), TempFileError(e))
}

/// The error for output that cannot be written: standard output, or the JUnit report's
/// temporary file.
pub(crate) fn write_error(e: io::Error) -> AppError {
    let temp = e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<TempFileError>());
    match temp {
        Some(TempFileError(inner)) => AppError::Write {
            path: "the temporary file of the JUnit report".into(),
            message: inner.to_string(),
        },
        None => AppError::Write {
            path: "standard output".into(),
            message: e.to_string(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Workflow-command and XML escaping keep messages on one line and markup intact.
    #[test]
    fn escapes_for_github_and_junit() {
        assert_eq!(gh_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(gh_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(
            xml("<a href=\"x\">&'"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;"
        );
    }
}
