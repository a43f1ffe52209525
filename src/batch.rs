//! Many requests in one run: `check --batch` and `verify`.
//!
//! Owns reading request rows (CSV with a header, JSON Lines, or a JSON array) one at a time,
//! and writing results as they are decided, so memory stays flat however long the input. The
//! data is loaded once by the caller; every row goes through `commands::check::decide`, the
//! same path as a single check. A bad row is reported with its line and never stops the run.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::cli::InputFormat;
use crate::data::Dataset;
use crate::exit::Exit;
use crate::render::{Format, check_row_cells, check_row_header, table::headline};
use crate::report::{CheckLine, CheckReport, Report};
use crate::request::Request;
use crate::rules;
use crate::{AppError, Outcome};

/// The columns a request row may have; `expect`, `incidents` and `channel` are for `verify`.
pub const COLUMNS: [&str; 8] = [
    "tier",
    "product",
    "version",
    "competency",
    "as_of",
    "expect",
    "incidents",
    "channel",
];

/// One request row as read, before its names are resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// Tier.
    #[serde(default, deserialize_with = "text")]
    pub tier: Option<String>,
    /// Product.
    #[serde(default, deserialize_with = "text")]
    pub product: Option<String>,
    /// Version.
    #[serde(default, deserialize_with = "text")]
    pub version: Option<String>,
    /// Competency.
    #[serde(default, deserialize_with = "text")]
    pub competency: Option<String>,
    /// As-of date, `YYYY-MM-DD`.
    #[serde(default, deserialize_with = "text")]
    pub as_of: Option<String>,
    /// `verify`: `eligible` or `not-eligible`.
    #[serde(default, deserialize_with = "text")]
    pub expect: Option<String>,
    /// `verify`: expected incidents (`20`, `unlimited`).
    #[serde(default, deserialize_with = "text")]
    pub incidents: Option<String>,
    /// `verify`: expected channel id.
    #[serde(default, deserialize_with = "text")]
    pub channel: Option<String>,
}

/// Accepts strings, numbers and null for a text field; empty text counts as absent.
fn text<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    let value = serde_json::Value::deserialize(d)?;
    let text = match value {
        serde_json::Value::Null => None,
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Number(n) => Some(n.to_string()),
        other => {
            return Err(serde::de::Error::custom(format!(
                "expected text, found `{other}`"
            )));
        }
    };
    Ok(text.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()))
}

impl Row {
    /// The request this row asks, with `default_as_of` for rows without a date.
    pub fn request(&self, default_as_of: NaiveDate) -> Result<Request, String> {
        let missing = |what: &str| format!("missing `{what}`");
        let as_of = match &self.as_of {
            Some(text) => crate::cli::parse_date(text).map_err(|e| format!("as_of: {e}"))?,
            None => default_as_of,
        };
        Ok(Request {
            role: None,
            account: Default::default(),
            tier: self.tier.clone().ok_or_else(|| missing("tier"))?,
            product: self.product.clone().ok_or_else(|| missing("product"))?,
            version: self.version.clone(),
            competency: self.competency.clone(),
            as_of,
        })
    }
}

/// A row that could not be read: its line and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowError {
    /// 1-based line in the input.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A row read from the input, or why it could not be.
pub type RowResult = Result<(usize, Row), RowError>;

/// Opens a batch file (`-` for stdin) as buffered input.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, AppError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(io::stdin())));
    }
    if path.is_dir() {
        return Err(AppError::Read {
            path: path.display().to_string(),
            message: "is a directory, not a file".into(),
        });
    }
    let file = File::open(path).map_err(|e| AppError::Read {
        path: path.display().to_string(),
        message: match e.kind() {
            io::ErrorKind::NotFound => "no such file".into(),
            _ => e.to_string(),
        },
    })?;
    Ok(Box::new(BufReader::new(file)))
}

/// Which reader a batch needs: the flag, else the file name, else the first character.
fn input_kind(
    path: &Path,
    forced: Option<InputFormat>,
    input: &mut dyn BufRead,
) -> io::Result<Kind> {
    let by_name = match path.extension().and_then(|e| e.to_str()) {
        Some("csv") => Some(InputFormat::Csv),
        Some("jsonl" | "ndjson" | "json") => Some(InputFormat::Jsonl),
        _ => None,
    };
    let first = input
        .fill_buf()?
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace());
    Ok(match (forced.or(by_name), first) {
        (Some(InputFormat::Csv), _) => Kind::Csv,
        (Some(InputFormat::Jsonl), Some(b'[')) | (None, Some(b'[')) => Kind::JsonArray,
        (Some(InputFormat::Jsonl), _) | (None, Some(b'{')) => Kind::Jsonl,
        (None, _) => Kind::Csv,
    })
}

enum Kind {
    Csv,
    Jsonl,
    JsonArray,
}

/// Reads request rows one at a time. A header or file-level fault is an `AppError`; a row
/// fault is a `RowError` for that row only.
pub fn rows(
    path: &Path,
    forced: Option<InputFormat>,
    mut input: Box<dyn BufRead>,
) -> Result<Box<dyn Iterator<Item = RowResult>>, AppError> {
    let shown = path.display().to_string();
    let read_error = |e: io::Error| AppError::Read {
        path: shown.clone(),
        message: e.to_string(),
    };
    match input_kind(path, forced, &mut input).map_err(read_error)? {
        Kind::Csv => csv_rows(&shown, input),
        Kind::Jsonl => Ok(Box::new(jsonl_rows(input))),
        Kind::JsonArray => {
            // An array is read whole, so it is capped; JSON Lines streams without limit.
            let mut text = String::new();
            input
                .take(crate::data::MAX_FILE_BYTES + 1)
                .read_to_string(&mut text)
                .map_err(read_error)?;
            if text.len() as u64 > crate::data::MAX_FILE_BYTES {
                return Err(AppError::BadInput {
                    path: shown,
                    message: "a JSON array over 16 MiB: use JSON Lines (one object per line), which is read as it streams".into(),
                });
            }
            json_array_rows(&shown, &text)
        }
    }
}

fn csv_rows(
    shown: &str,
    input: Box<dyn BufRead>,
) -> Result<Box<dyn Iterator<Item = RowResult>>, AppError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| AppError::BadInput {
            path: shown.to_owned(),
            message: format!("line 1: {e}"),
        })?
        .clone();
    let mut columns = Vec::with_capacity(header.len());
    for name in &header {
        let folded = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let Some(index) = COLUMNS.iter().position(|c| *c == folded) else {
            let suggestion = COLUMNS
                .iter()
                .map(|c| (strsim::jaro_winkler(c, &folded), c))
                .filter(|(score, _)| *score >= 0.85)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, c)| format!(": did you mean `{c}`?"))
                .unwrap_or_default();
            return Err(AppError::BadInput {
                path: shown.to_owned(),
                message: format!(
                    "line 1: unknown column `{name}`{suggestion} (valid: {})",
                    COLUMNS.map(|c| format!("`{c}`")).join(", ")
                ),
            });
        };
        columns.push(index);
    }
    for required in ["tier", "product"] {
        if !header
            .iter()
            .any(|h| h.trim().eq_ignore_ascii_case(required))
        {
            return Err(AppError::BadInput {
                path: shown.to_owned(),
                message: format!("line 1: the header has no `{required}` column"),
            });
        }
    }
    let mut record = csv::StringRecord::new();
    let mut next_line = 2;
    let mut done = false;
    Ok(Box::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        match reader.read_record(&mut record) {
            Ok(false) => None,
            Ok(true) => {
                let line = record.position().map_or(next_line, |p| p.line() as usize);
                next_line = line + 1;
                let mut row = Row::default();
                for (value, column) in record.iter().zip(&columns) {
                    let value = (!value.is_empty()).then(|| value.to_owned());
                    match COLUMNS[*column] {
                        "tier" => row.tier = value,
                        "product" => row.product = value,
                        "version" => row.version = value,
                        "competency" => row.competency = value,
                        "as_of" => row.as_of = value,
                        "expect" => row.expect = value,
                        "incidents" => row.incidents = value,
                        _ => row.channel = value,
                    }
                }
                Some(Ok((line, row)))
            }
            Err(e) => {
                let line = e.position().map_or(next_line, |p| p.line() as usize);
                next_line = line + 1;
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => format!("expected {expected_len} fields like the header, found {len}"),
                    _ => e.to_string(),
                };
                // An I/O error ends the input; a malformed record is one bad row.
                done = matches!(e.kind(), csv::ErrorKind::Io(_));
                Some(Err(RowError { line, message }))
            }
        }
    })))
}

fn jsonl_rows(input: Box<dyn BufRead>) -> impl Iterator<Item = RowResult> {
    let mut lines = input.lines();
    let mut line = 0;
    std::iter::from_fn(move || {
        loop {
            line += 1;
            let text = match lines.next()? {
                Ok(text) => text,
                Err(e) => {
                    return Some(Err(RowError {
                        line,
                        message: format!("cannot read: {e}"),
                    }));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(
                serde_json::from_str::<Row>(&text)
                    .map(|row| (line, row))
                    .map_err(|e| RowError {
                        line,
                        message: json_message(&e),
                    }),
            );
        }
    })
}

fn json_array_rows(
    shown: &str,
    text: &str,
) -> Result<Box<dyn Iterator<Item = RowResult>>, AppError> {
    let values: Vec<serde_json::Value> =
        serde_json::from_str(text).map_err(|e| AppError::BadInput {
            path: shown.to_owned(),
            message: format!("line {}: {}", e.line(), json_message(&e)),
        })?;
    let text = text.to_owned();
    Ok(Box::new(values.into_iter().enumerate().map(
        move |(i, value)| {
            let line = crate::data::locate::locate(&text, &format!("/{i}")).map_or(0, |(l, _)| l);
            serde_json::from_value::<Row>(value)
                .map(|row| (line, row))
                .map_err(|e| RowError {
                    line,
                    message: json_message(&e),
                })
        },
    )))
}

fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

/// How a batch runs and reports.
#[derive(Debug, Clone)]
pub struct BatchOptions {
    /// Forced input format.
    pub input_format: Option<InputFormat>,
    /// Output format.
    pub format: Format,
    /// Exit 0 even when some request is not eligible.
    pub no_fail: bool,
    /// Warn when an eligible request stops qualifying within this many days.
    pub warn_days: u32,
    /// As-of date for rows without one.
    pub default_as_of: NaiveDate,
}

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
}

/// The warning for an eligible answer that stops qualifying within `days` of its date.
pub fn expiry_warning(line: &CheckLine<'_>, days: u32) -> Option<String> {
    let until = line.eligible_until.filter(|_| line.eligible)?;
    let left = (until - line.as_of).num_days();
    (left <= i64::from(days)).then(|| {
        format!(
            "qualifies only until {until}, {left} day{} after {}",
            if left == 1 { "" } else { "s" },
            line.as_of
        )
    })
}

/// Runs `check --batch`: decides every row, writing each result to `out` as it goes.
pub fn run_batch(
    data: &Dataset,
    path: &Path,
    options: &BatchOptions,
    out: &mut dyn Write,
) -> Result<Outcome, AppError> {
    let rows = rows(path, options.input_format, open(path)?)?;
    let shown = path.display().to_string();
    let mut writer = Writer::new(options.format, &shown, out)?;
    let mut counts = Counts::default();
    let mut stale = Vec::new();
    for row in rows {
        let result = row.and_then(|(line, row)| {
            let request = row
                .request(options.default_as_of)
                .map_err(|message| RowError { line, message })?;
            request
                .resolve(data)
                .map(|q| (line, request.as_of, q))
                .map_err(|e| RowError {
                    line,
                    message: e.to_string().replace("\nerror: ", "; "),
                })
        });
        let written = match &result {
            Ok((line, as_of, query)) => {
                let decision = rules::evaluate(query, data);
                let summary = CheckLine::from_decision(&decision);
                let warnings = data.staleness(*as_of);
                // Only JSON and JUnit print the whole report; the others need the line only.
                let full = writer.needs_report().then(|| {
                    let mut report = CheckReport::new(&decision);
                    report.warnings.clone_from(&warnings);
                    report
                });
                let warning = expiry_warning(&summary, options.warn_days);
                if summary.eligible {
                    counts.eligible += 1;
                } else {
                    counts.not_eligible += 1;
                }
                counts.warnings += usize::from(warning.is_some());
                for w in warnings {
                    if !stale.contains(&w) {
                        stale.push(w);
                    }
                }
                writer.decided(*line, &summary, full.as_ref(), warning.as_deref())
            }
            Err(e) => {
                counts.invalid += 1;
                writer.invalid(e)
            }
        };
        if let Err(e) = written {
            // A closed stdout ends the run quietly; other write errors are errors.
            if e.kind() == io::ErrorKind::BrokenPipe {
                return Ok(batch_outcome(counts, options, stale));
            }
            return Err(write_error(e));
        }
    }
    match writer.finish(&counts) {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(write_error(e)),
        _ => {}
    }
    Ok(batch_outcome(counts, options, stale))
}

fn write_error(e: io::Error) -> AppError {
    AppError::Write {
        path: "standard output".into(),
        message: e.to_string(),
    }
}

fn batch_outcome(counts: Counts, options: &BatchOptions, stale: Vec<String>) -> Outcome {
    let exit = if counts.invalid > 0 {
        Exit::Error
    } else if counts.not_eligible > 0 && !options.no_fail {
        Exit::NotEligible
    } else {
        Exit::Success
    };
    Outcome {
        report: Report::Text(String::new()),
        format: Format::Text,
        exit,
        warnings: stale,
        summary: Some(format!(
            "{} eligible, {} not eligible, {} invalid",
            counts.eligible, counts.not_eligible, counts.invalid
        )),
    }
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
enum Writer<'o> {
    Text(&'o mut dyn Write),
    Json(&'o mut dyn Write),
    Markdown(&'o mut dyn Write),
    Csv(Box<csv::Writer<&'o mut dyn Write>>),
    Github {
        out: &'o mut dyn Write,
        file: String,
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
    fn new(format: Format, file: &str, out: &'o mut dyn Write) -> Result<Self, AppError> {
        Ok(match format {
            Format::Text => Writer::Text(out),
            Format::Json => Writer::Json(out),
            Format::Markdown => {
                let header = ["line", "verdict"];
                writeln!(out, "| {} |\n|---|---|", header.join(" | ")).map_err(write_error)?;
                Writer::Markdown(out)
            }
            Format::Csv => {
                let mut w = csv::Writer::from_writer(out);
                let mut header = vec![EXTRA_COLUMNS[0].to_owned()];
                header.extend(check_row_header().map(str::to_owned));
                header.extend(EXTRA_COLUMNS[1..].iter().map(|s| (*s).to_owned()));
                w.write_record(&header)
                    .map_err(|e| write_error(io::Error::other(e)))?;
                Writer::Csv(Box::new(w))
            }
            Format::Github => Writer::Github {
                out,
                file: file.to_owned(),
            },
            Format::Junit => {
                let (file_handle, path) = tempfile::NamedTempFile::new()
                    .map_err(write_error)?
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
    fn needs_report(&self) -> bool {
        matches!(self, Writer::Json(_) | Writer::Junit { .. })
    }

    fn decided(
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
                writeln!(out, "line {line}: {}{warn}", headline(l))
            }
            Writer::Markdown(out) => {
                let warn = warning
                    .map(|w| format!(" (warning: {w})"))
                    .unwrap_or_default();
                let text = crate::render::markdown::escape(&format!("{}{warn}", headline(l)));
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
                let mut record = Vec::with_capacity(14);
                record.push(line.to_string());
                record.extend(check_row_cells(l));
                record.push(warning.unwrap_or_default().to_owned());
                record.push(String::new());
                w.write_record(&record).map_err(io::Error::other)
            }
            Writer::Github { out, file } => {
                let version = l.version.map(|(v, _)| format!(" {v}")).unwrap_or_default();
                let title = format!("{} {}{version}", l.tier.0, l.product.0);
                let (level, message) = match (l.eligible, warning) {
                    (true, Some(w)) => ("warning", format!("eligible, but {w}")),
                    (true, None) => ("notice", headline(l)),
                    (false, _) => ("error", headline(l)),
                };
                writeln!(
                    out,
                    "::{level} file={},line={line},title={}::{}",
                    gh_property(file),
                    gh_property(&title),
                    gh_data(&message)
                )
            }
            Writer::Junit { cases, file, .. } => {
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
                        xml(&headline(l)),
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
            }
        }
    }

    fn invalid(&mut self, e: &RowError) -> io::Result<()> {
        let line = e.line;
        match self {
            Writer::Text(out) => writeln!(out, "line {line}: error: {}", e.message),
            Writer::Markdown(out) => {
                let text = crate::render::markdown::escape(&format!("error: {}", e.message));
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
                record.push(e.message.clone());
                w.write_record(&record).map_err(io::Error::other)
            }
            Writer::Github { out, file } => writeln!(
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
            ),
        }
    }

    fn finish(self, counts: &Counts) -> io::Result<()> {
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
                cases.into_inner().map_err(|e| e.into_error())?.sync_all()?;
                let total = counts.eligible + counts.not_eligible + counts.invalid;
                writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
                writeln!(
                    out,
                    "<testsuites name=\"mpn-support\" tests=\"{total}\" failures=\"{}\" errors=\"{}\">",
                    counts.not_eligible, counts.invalid
                )?;
                writeln!(
                    out,
                    "  <testsuite name=\"{}\" tests=\"{total}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
                    xml(&file),
                    counts.not_eligible,
                    counts.invalid
                )?;
                io::copy(&mut File::open(&path)?, out)?;
                writeln!(out, "  </testsuite>\n</testsuites>")?;
                out.flush()
            }
        }
    }
}

/// Escapes text for an XML attribute or element.
fn xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// Escapes the message of a GitHub Actions workflow command.
fn gh_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a GitHub Actions workflow command.
fn gh_property(text: &str) -> String {
    gh_data(text).replace(':', "%3A").replace(',', "%2C")
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

    /// A row's text fields accept numbers, ignore blanks and report a bad date with its field.
    #[test]
    fn rows_become_requests() {
        let row: Row = serde_json::from_str(
            r#"{"tier": "gold", "product": "sql", "version": 2019, "competency": " "}"#,
        )
        .unwrap();
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let request = row.request(day).unwrap();
        assert_eq!(request.version.as_deref(), Some("2019"));
        assert_eq!(request.competency, None);
        let bad = Row {
            as_of: Some("2026-13-01".into()),
            ..row
        };
        assert!(bad.request(day).unwrap_err().starts_with("as_of: "));
        assert_eq!(Row::default().request(day).unwrap_err(), "missing `tier`");
    }
}
