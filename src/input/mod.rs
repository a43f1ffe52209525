//! Batch input for `check --batch` and `verify`: reading request rows (CSV with a header, JSON
//! Lines, or a JSON array) one at a time, so memory stays flat however long the input. A bad
//! row is a [`RowError`] for that row only. Writing the results is `render::batch`'s.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::cli::args::InputFormat;
use crate::engine::{Given, Request};
use crate::error::AppError;

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

/// The longest field a row may have, in bytes: names are tens of characters.
pub const MAX_FIELD_BYTES: usize = 4096;

impl Row {
    /// The request this row asks, with `default_as_of` for rows without a date.
    pub fn request(&self, default_as_of: NaiveDate) -> Result<Request, String> {
        let fields = [
            ("tier", &self.tier),
            ("product", &self.product),
            ("version", &self.version),
            ("competency", &self.competency),
            ("as_of", &self.as_of),
            ("expect", &self.expect),
            ("incidents", &self.incidents),
            ("channel", &self.channel),
        ];
        for (name, value) in fields {
            if let Some(value) = value
                && value.len() > MAX_FIELD_BYTES
            {
                return Err(format!(
                    "`{name}` is {} bytes long, more than the {MAX_FIELD_BYTES} a field may have",
                    value.len()
                ));
            }
        }
        let missing = |what: &str| format!("missing `{what}`");
        let as_of = match &self.as_of {
            Some(text) => crate::cli::args::parse_date(text).map_err(|e| format!("as_of: {e}"))?,
            None => default_as_of,
        };
        Ok(Request {
            role: None,
            account: Default::default(),
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
        return Err(AppError::BadInput {
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
    let mut columns = Vec::with_capacity(header.len());
    for name in &header {
        let folded = name.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        let index = COLUMNS.iter().position(|c| *c == folded);
        if let Some(index) = index
            && columns.contains(&index)
        {
            return Err(AppError::BadInput {
                path: shown.to_owned(),
                message: format!("line 1: duplicate column `{name}` (each column once)"),
            });
        }
        let Some(index) = index else {
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
