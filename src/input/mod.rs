//! Batch input for `check --batch` and `verify`: reading request rows (CSV with a header, JSON
//! Lines, or a JSON array) one at a time, so memory stays flat however long the input. A bad
//! row is a [`RowError`] for that row only. Writing the results is `render::batch`'s.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;

use crate::engine::{Account, Given, Request};
use crate::error::AppError;

/// The columns a request row may have: the request, then the account facts (as the flags
/// `check` takes), then what `verify` expects. Any other column is the inventory's own, carried
/// through to the output.
pub const COLUMNS: [&str; 15] = [
    "tier",
    "product",
    "version",
    "competency",
    "as_of",
    "activated",
    "ids_associated",
    "incidents_remaining",
    "contract_end",
    "csp",
    "for_customer",
    "role",
    "expect",
    "incidents",
    "channel",
];

/// How a batch file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Comma-separated values with a header row
    Csv,
    /// JSON Lines: one object per line (a JSON array is read too)
    Jsonl,
}

/// One request row as read, before its names are resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    /// Tier.
    pub tier: Option<String>,
    /// Product.
    pub product: Option<String>,
    /// Version.
    pub version: Option<String>,
    /// Competency.
    pub competency: Option<String>,
    /// As-of date, `YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// Whether the benefits are activated: `yes` or `no`.
    pub activated: Option<String>,
    /// Whether the Access ID and Contract ID are linked to the account: `yes` or `no`.
    pub ids_associated: Option<String>,
    /// Incidents left on the contract.
    pub incidents_remaining: Option<String>,
    /// Last day of the contract, `YYYY-MM-DD`.
    pub contract_end: Option<String>,
    /// The partner works through CSP: `yes` or `no`.
    pub csp: Option<String>,
    /// The request is for a customer's cloud workload: `yes` or `no`.
    pub for_customer: Option<String>,
    /// The role of the account making the request.
    pub role: Option<String>,
    /// `verify`: `eligible` or `not-eligible`.
    pub expect: Option<String>,
    /// `verify`: expected incidents (`20`, `unlimited`).
    pub incidents: Option<String>,
    /// `verify`: expected channel id.
    pub channel: Option<String>,
    /// The inventory's own columns (a customer, a ticket), in input order, carried through.
    pub carried: Vec<(String, String)>,
}

impl Row {
    /// The field of a known column.
    fn field_mut(&mut self, column: &str) -> Option<&mut Option<String>> {
        Some(match column {
            "tier" => &mut self.tier,
            "product" => &mut self.product,
            "version" => &mut self.version,
            "competency" => &mut self.competency,
            "as_of" => &mut self.as_of,
            "activated" => &mut self.activated,
            "ids_associated" => &mut self.ids_associated,
            "incidents_remaining" => &mut self.incidents_remaining,
            "contract_end" => &mut self.contract_end,
            "csp" => &mut self.csp,
            "for_customer" => &mut self.for_customer,
            "role" => &mut self.role,
            "expect" => &mut self.expect,
            "incidents" => &mut self.incidents,
            "channel" => &mut self.channel,
            _ => return None,
        })
    }

    /// Every known field, by column name.
    fn fields(&self) -> [(&'static str, &Option<String>); 15] {
        [
            ("tier", &self.tier),
            ("product", &self.product),
            ("version", &self.version),
            ("competency", &self.competency),
            ("as_of", &self.as_of),
            ("activated", &self.activated),
            ("ids_associated", &self.ids_associated),
            ("incidents_remaining", &self.incidents_remaining),
            ("contract_end", &self.contract_end),
            ("csp", &self.csp),
            ("for_customer", &self.for_customer),
            ("role", &self.role),
            ("expect", &self.expect),
            ("incidents", &self.incidents),
            ("channel", &self.channel),
        ]
    }
}

/// A column name as the tool reads it: any case, `-` or a space for `_`.
pub fn fold_column(name: &str) -> String {
    name.trim().to_ascii_lowercase().replace(['-', ' '], "_")
}

/// For a column that is not one of [`COLUMNS`]: the known column it is a near miss of (a typo
/// such as `verison`), if any; a column far from all is the inventory's own.
pub fn near_miss(folded: &str) -> Option<&'static str> {
    COLUMNS
        .iter()
        .map(|c| (strsim::jaro_winkler(c, folded), *c))
        .filter(|(score, _)| *score >= 0.9)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c)
}

/// `yes` or `no` (also `true` or `false`, any case).
fn yes_no(column: &str, text: &str) -> Result<bool, String> {
    match text.to_ascii_lowercase().as_str() {
        "yes" | "true" => Ok(true),
        "no" | "false" => Ok(false),
        _ => Err(format!("{column}: `{text}` is neither `yes` nor `no`")),
    }
}

/// The longest field a row may have, in bytes: names are tens of characters.
pub const MAX_FIELD_BYTES: usize = 4096;

impl Row {
    /// The request this row asks, with `default_as_of` for rows without a date.
    pub fn request(&self, default_as_of: NaiveDate) -> Result<Request, String> {
        let carried = self
            .carried
            .iter()
            .map(|(name, value)| (name.as_str(), value));
        let fields = self
            .fields()
            .into_iter()
            .filter_map(|(name, value)| value.as_ref().map(|v| (name, v)))
            .chain(carried);
        for (name, value) in fields {
            if value.len() > MAX_FIELD_BYTES {
                return Err(format!(
                    "`{name}` is {} bytes long, more than the {MAX_FIELD_BYTES} a field may have",
                    value.len()
                ));
            }
        }
        let missing = |what: &str| format!("missing `{what}`");
        let as_of = match &self.as_of {
            Some(text) => {
                crate::data::common::parse_date(text).map_err(|e| format!("as_of: {e}"))?
            }
            None => default_as_of,
        };
        let flag = |column: &str, value: &Option<String>| {
            value.as_deref().map(|v| yes_no(column, v)).transpose()
        };
        let account = Account {
            activated: flag("activated", &self.activated)?,
            ids_associated: flag("ids_associated", &self.ids_associated)?,
            incidents_remaining: self
                .incidents_remaining
                .as_deref()
                .map(|n| {
                    n.parse::<u32>().map_err(|_| {
                        format!("incidents_remaining: `{n}` is not a whole number of incidents")
                    })
                })
                .transpose()?,
            contract_end: self
                .contract_end
                .as_deref()
                .map(|d| {
                    crate::data::common::parse_date(d).map_err(|e| format!("contract_end: {e}"))
                })
                .transpose()?,
            csp: flag("csp", &self.csp)?.unwrap_or(false),
            for_customer: flag("for_customer", &self.for_customer)?.unwrap_or(false),
            role: None,
        };
        Ok(Request {
            role: self.role.clone(),
            account,
            given: Given::Row,
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
        return Ok(Box::new(BufReader::new(LineEndings::new(io::stdin()))));
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
    Ok(Box::new(BufReader::new(LineEndings::new(file))))
}

/// Reads text with every line ending (`\r\n`, `\n`, a lone `\r`) as `\n`, so that line numbers
/// count the lines a person sees whatever system wrote the file.
pub struct LineEndings<R> {
    inner: R,
    /// The last byte read was a `\r`, already written as `\n`: a `\n` next belongs to it.
    after_cr: bool,
}

impl<R: Read> LineEndings<R> {
    /// Wraps a reader.
    pub fn new(inner: R) -> Self {
        LineEndings {
            inner,
            after_cr: false,
        }
    }
}

impl<R: Read> Read for LineEndings<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let n = self.inner.read(buf)?;
            let mut kept = 0;
            for i in 0..n {
                let byte = buf[i];
                let skip = byte == b'\n' && self.after_cr;
                self.after_cr = byte == b'\r';
                if !skip {
                    buf[kept] = if byte == b'\r' { b'\n' } else { byte };
                    kept += 1;
                }
            }
            // A read that was all skipped `\n` is not the end of the input.
            if kept > 0 || n == 0 {
                return Ok(kept);
            }
        }
    }
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
    // A UTF-8 byte order mark says nothing about the rows: skipped in every format.
    if input
        .fill_buf()
        .map_err(read_error)?
        .starts_with(b"\xef\xbb\xbf")
    {
        input.consume(3);
    }
    if input.fill_buf().map_err(read_error)?.is_empty() {
        return Err(AppError::EmptyInput {
            path: shown,
            message: "empty input: expected a CSV header row, JSON Lines or a JSON array".into(),
        });
    }
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
    // Each column is a known one, or the inventory's own (carried through under its name).
    let mut columns: Vec<Result<&'static str, String>> = Vec::with_capacity(header.len());
    for name in &header {
        let folded = fold_column(name);
        let column = match COLUMNS.iter().find(|c| **c == folded) {
            Some(known) => Ok(*known),
            None => match near_miss(&folded) {
                Some(meant) => {
                    return Err(AppError::BadInput {
                        path: shown.to_owned(),
                        message: format!(
                            "line 1: unknown column `{name}`: did you mean `{meant}`? (a column that is none of {} is carried through as the inventory's own)",
                            COLUMNS.map(|c| format!("`{c}`")).join(", ")
                        ),
                    });
                }
                None => Err(name.trim().to_owned()),
            },
        };
        if columns.contains(&column) {
            return Err(AppError::BadInput {
                path: shown.to_owned(),
                message: format!("line 1: duplicate column `{name}` (each column once)"),
            });
        }
        columns.push(column);
    }
    for required in ["tier", "product"] {
        if !columns.contains(&Ok(required)) {
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
                    match column {
                        Ok(known) => {
                            if let Some(field) = row.field_mut(known) {
                                *field = (!value.is_empty()).then(|| value.to_owned());
                            }
                        }
                        Err(name) => row.carried.push((name.clone(), value.to_owned())),
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
    let mut done = false;
    std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            line += 1;
            let text = match lines.next()? {
                Ok(text) => text,
                Err(e) => {
                    // A read error ends the input: reading on would only fail again.
                    done = true;
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
                serde_json::from_str::<serde_json::Value>(&text)
                    .map_err(|e| json_message(&e))
                    .and_then(row_from_json)
                    .map(|row| (line, row))
                    .map_err(|message| RowError { line, message }),
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
            row_from_json(value)
                .map(|row| (line, row))
                .map_err(|message| RowError { line, message })
        },
    )))
}

/// A row of JSON: an object whose keys are columns (see [`COLUMNS`]); a key that is none of
/// them is the inventory's own, carried through, unless it is a near miss of one.
fn row_from_json(value: serde_json::Value) -> Result<Row, String> {
    let serde_json::Value::Object(map) = value else {
        let found = match value {
            serde_json::Value::Array(_) => "an array",
            serde_json::Value::String(_) => "a string",
            serde_json::Value::Number(_) => "a number",
            serde_json::Value::Bool(_) => "`true` or `false`",
            _ => "`null`",
        };
        return Err(format!(
            "a row is a JSON object of columns (`{{\"tier\": ..., \"product\": ...}}`), not {found}"
        ));
    };
    let mut row = Row::default();
    for (key, value) in map {
        let folded = fold_column(&key);
        let text = match value {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            serde_json::Value::Bool(b) => Some(b.to_string()),
            other => {
                if COLUMNS.contains(&folded.as_str()) {
                    return Err(format!("`{key}`: expected text, found `{other}`"));
                }
                Some(other.to_string())
            }
        };
        match row.field_mut(&folded) {
            Some(field) => *field = text,
            None => match near_miss(&folded) {
                Some(meant) => {
                    return Err(format!("unknown column `{key}`: did you mean `{meant}`?"));
                }
                None => row.carried.push((key, text.unwrap_or_default())),
            },
        }
    }
    Ok(row)
}

fn json_message(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An input whose every read fails.
    struct Failing;

    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("EIO"))
        }
    }

    impl BufRead for Failing {
        fn fill_buf(&mut self) -> io::Result<&[u8]> {
            Err(io::Error::other("EIO"))
        }

        fn consume(&mut self, _: usize) {}
    }

    /// Issue 16, defect 1: a persistent read error ends JSON Lines input after one error row,
    /// instead of an error row for every retry, forever.
    #[test]
    fn a_read_error_ends_json_lines_input() {
        let rows: Vec<RowResult> = jsonl_rows(Box::new(Failing)).take(10).collect();
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(rows[0].as_ref().is_err_and(|e| e.message.contains("EIO")));
    }

    /// Every line ending counts as one, a CR-LF pair included, also across reads.
    #[test]
    fn line_endings_are_normalised() {
        let read = |input: &[u8], chunk: usize| {
            struct Chunks<'a>(&'a [u8], usize);
            impl Read for Chunks<'_> {
                fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                    let n = self.0.len().min(self.1).min(buf.len());
                    buf[..n].copy_from_slice(&self.0[..n]);
                    self.0 = &self.0[n..];
                    Ok(n)
                }
            }
            let mut out = String::new();
            LineEndings::new(Chunks(input, chunk))
                .read_to_string(&mut out)
                .unwrap();
            out
        };
        for chunk in [1, 2, 3, 64] {
            assert_eq!(
                read(b"a\r\nb\rc\nd\r\r\ne", chunk),
                "a\nb\nc\nd\n\ne",
                "{chunk}"
            );
        }
    }

    /// A row's text fields accept numbers, ignore blanks and report a bad date with its field.
    #[test]
    fn rows_become_requests() {
        let row = row_from_json(serde_json::json!(
            {"tier": "gold", "product": "sql", "version": 2019, "competency": " ", "customer": "Contoso"}
        ))
        .unwrap();
        assert_eq!(row.carried, [("customer".to_owned(), "Contoso".to_owned())]);
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
        // A row that is not an object, and a near miss of a column, are that row's errors.
        assert!(
            row_from_json(serde_json::json!(["gold", "sql"]))
                .unwrap_err()
                .contains("not an array")
        );
        assert!(
            row_from_json(serde_json::json!({"tier": "gold", "verison": "2019"}))
                .unwrap_err()
                .contains("did you mean `version`?")
        );
    }
}
