//! Batch input for `check --batch` and `verify`: reading request rows (CSV with a header, JSON
//! Lines, or a JSON array) one at a time, so memory stays flat however long the input. A bad
//! row is a [`RowError`] for that row only; a row is bounded while it is read (see
//! [`RowLimit`]). Writing the results is `render::batch`'s.

mod columns;
pub mod error;
mod json;
pub mod values;

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;
use std::rc::Rc;

use chrono::NaiveDate;

pub use columns::{COLUMNS, Purpose, fold_column};
pub use error::{FileError, InputError};

use crate::engine::{Account, Flagged, Given, Request};
use columns::{KeyCache, Reading};
use json::{Cell as JsonCell, JsonRow};

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
    /// The field of a known column, by its position in [`COLUMNS`].
    fn field_mut(&mut self, column: usize) -> Option<&mut Option<String>> {
        Some(match column {
            0 => &mut self.tier,
            1 => &mut self.product,
            2 => &mut self.version,
            3 => &mut self.competency,
            4 => &mut self.as_of,
            5 => &mut self.activated,
            6 => &mut self.ids_associated,
            7 => &mut self.incidents_remaining,
            8 => &mut self.contract_end,
            9 => &mut self.csp,
            10 => &mut self.for_customer,
            11 => &mut self.role,
            12 => &mut self.expect,
            13 => &mut self.incidents,
            14 => &mut self.channel,
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

/// The longest field a row may have, in bytes: names are tens of characters.
pub const MAX_FIELD_BYTES: usize = 4096;

/// What a row leaves empty takes from the command line: the day (`--as-of`, else today) and the
/// account facts given as flags to `check --batch`.
#[derive(Debug, Clone)]
pub struct RowDefaults {
    /// The day for rows without `as_of`.
    pub as_of: NaiveDate,
    /// The account facts for rows that do not state them.
    pub account: Account<'static>,
    /// The role for rows without `role`.
    pub role: Option<String>,
}

impl RowDefaults {
    /// Only a day: every account fact is the row's own.
    pub fn on(as_of: NaiveDate) -> Self {
        RowDefaults {
            as_of,
            account: Account::default(),
            role: None,
        }
    }
}

impl Row {
    /// The request this row asks; what it leaves empty comes from `defaults`.
    pub fn request(&self, defaults: &RowDefaults) -> Result<Request, InputError> {
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
                return Err(InputError::FieldTooLong {
                    column: name.to_owned(),
                    bytes: value.len(),
                });
            }
        }
        let cell = |column: &'static str| {
            move |error: values::ValueError| InputError::Cell { column, error }
        };
        let as_of = match &self.as_of {
            Some(text) => values::date(text).map_err(cell("as_of"))?,
            None => defaults.as_of,
        };
        let flag = |column: &'static str, value: &Option<String>| {
            value
                .as_deref()
                .map(|v| values::yes_no(v).map_err(cell(column)))
                .transpose()
        };
        let given = &defaults.account;
        let account = Account {
            activated: flag("activated", &self.activated)?.or(given.activated),
            ids_associated: flag("ids_associated", &self.ids_associated)?.or(given.ids_associated),
            incidents_remaining: self
                .incidents_remaining
                .as_deref()
                .map(|n| values::count(n).map_err(cell("incidents_remaining")))
                .transpose()?
                .or(given.incidents_remaining),
            contract_end: self
                .contract_end
                .as_deref()
                .map(|d| values::date(d).map_err(cell("contract_end")))
                .transpose()?
                .or(given.contract_end),
            csp: flag("csp", &self.csp)?.unwrap_or(given.csp),
            for_customer: flag("for_customer", &self.for_customer)?.unwrap_or(given.for_customer),
            role: None,
        };
        let missing = |column: &'static str| InputError::Missing { column };
        let flagged = Flagged {
            contract_end: self.contract_end.is_none() && given.contract_end.is_some(),
            incidents_remaining: self.incidents_remaining.is_none()
                && given.incidents_remaining.is_some(),
        };
        Ok(Request {
            flagged,
            role: self.role.clone().or_else(|| defaults.role.clone()),
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
    pub error: InputError,
}

/// A row read from the input, or why it could not be.
pub type RowResult = Result<(usize, Row), RowError>;

/// Opens a batch file (`-` for stdin) as buffered input.
pub fn open(path: &Path) -> Result<Box<dyn BufRead>, FileError> {
    if path.as_os_str() == "-" {
        return Ok(Box::new(BufReader::new(LineEndings::new(io::stdin()))));
    }
    if path.is_dir() {
        return Err(FileError::Read {
            path: path.display().to_string(),
            message: crate::data::reasons::DIRECTORY.into(),
        });
    }
    let file = File::open(path).map_err(|e| FileError::Read {
        path: path.display().to_string(),
        message: match e.kind() {
            io::ErrorKind::NotFound => crate::data::reasons::NOT_FOUND.into(),
            io::ErrorKind::PermissionDenied => crate::data::reasons::PERMISSION_DENIED.into(),
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

/// The longest row read, in bytes: eight fields of [`MAX_FIELD_BYTES`], quoted, with room to
/// spare (real rows are tens of bytes).
pub const MAX_ROW_BYTES: u64 = 64 * 1024;

/// How far past [`MAX_ROW_BYTES`] a row is followed to find its end before the input is taken
/// for no batch at all (endless input such as `/dev/zero`, a binary file): the cap of every
/// file read whole.
pub const MAX_ROW_SKIP_BYTES: u64 = crate::data::MAX_FILE_BYTES;

/// How rows end: at every line end (JSON Lines), or at a line end outside a quoted field (CSV,
/// read the way the csv crate reads it: a quote opens a field only at its start, `""` inside
/// one is a quote).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rows {
    Lines,
    Csv(CsvState),
}

/// Where the CSV reading is within a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CsvState {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the field's end, or the first of `""`.
    QuoteInQuoted,
}

impl Rows {
    /// Reads one byte of a row; whether it ends the row.
    fn ends_row(&mut self, byte: u8) -> bool {
        use CsvState::*;
        let Rows::Csv(state) = self else {
            return byte == b'\n';
        };
        let (next, ends) = match (*state, byte) {
            (Quoted, b'"') => (QuoteInQuoted, false),
            (Quoted, _) => (Quoted, false),
            (FieldStart, b'"') => (Quoted, false),
            (QuoteInQuoted, b'"') => (Quoted, false),
            (_, b',') => (FieldStart, false),
            (_, b'\n') => (FieldStart, true),
            (_, _) => (Unquoted, false),
        };
        *state = next;
        ends
    }

    /// What ends a row that is cut here: a line end, after a quote if a quoted field is open.
    fn end_here(&self) -> &'static [u8] {
        match self {
            Rows::Csv(CsvState::Quoted) => b"\"\n",
            _ => b"\n",
        }
    }

    /// Back to the start of a row.
    fn restart(&mut self) {
        if let Rows::Csv(state) = self {
            *state = CsvState::FieldStart;
        }
    }
}

/// What [`RowLimit`] saw that the reader above cannot tell, for the row iterator to report as
/// the row's error: the length of a row it cut, and a quoted field still open at the end of
/// the input (the csv crate ends such a field there, silently, having read every row after the
/// quote into it).
#[derive(Debug, Default)]
struct Seen {
    cut: Cell<Option<u64>>,
    open_quote: Cell<bool>,
}

impl Seen {
    /// The length of the row cut since the last call, if one was.
    fn take(&self) -> Option<u64> {
        self.cut.take()
    }

    /// Whether the input ended inside a quoted field since the last call.
    fn take_open_quote(&self) -> bool {
        self.open_quote.take()
    }
}

type CutRow = Rc<Seen>;

/// Passes rows through (after [`LineEndings`]) while each is at most [`MAX_ROW_BYTES`] long, so
/// no reader above ever holds more of a row than that. A longer row is cut: the rest of it is
/// read and dropped up to its end, the reader above gets the end of a row (closing a quoted
/// field first), and the row's length is left in `cut` for the row iterator, which makes it
/// that row's error. (The reader above asks for more only while it is inside the cut row, since
/// its buffer is far smaller than the limit.) A row with no end within [`MAX_ROW_SKIP_BYTES`]
/// is a read error, which ends the input.
struct RowLimit<R> {
    inner: R,
    rows: Rows,
    /// The longest row passed on whole: [`MAX_ROW_BYTES`].
    limit: u64,
    /// Bytes of the current row passed on so far.
    row_bytes: u64,
    /// The current row went over the limit: the rest of it is to be dropped.
    cutting: bool,
    /// Bytes to give the reader above before anything else (the end of a cut row).
    pending: &'static [u8],
    cut: CutRow,
}

impl<R: BufRead> RowLimit<R> {
    fn new(inner: R, rows: Rows, limit: u64) -> (Self, CutRow) {
        let cut = CutRow::default();
        let limit = RowLimit {
            inner,
            rows,
            limit,
            row_bytes: 0,
            cutting: false,
            pending: &[],
            cut: Rc::clone(&cut),
        };
        (limit, cut)
    }

    /// Drops the rest of a cut row, up to and with its end (or the end of the input), and
    /// records its whole length.
    fn drop_rest(&mut self) -> io::Result<()> {
        // How the reader above, still inside the row, is to see it end.
        let end = self.rows.end_here();
        let mut dropped = 0u64;
        loop {
            let data = self.inner.fill_buf()?;
            if data.is_empty() {
                break;
            }
            let end = data.iter().position(|&b| self.rows.ends_row(b));
            let used = end.map_or(data.len(), |at| at + 1);
            self.inner.consume(used);
            dropped += used as u64;
            if end.is_some() {
                // The row's end is not part of its length.
                dropped -= 1;
                break;
            }
            if dropped > MAX_ROW_SKIP_BYTES {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidData,
                    format!(
                        "no line end within {} MiB: this is not a batch of rows (endless input, or a binary file?)",
                        MAX_ROW_SKIP_BYTES / (1024 * 1024)
                    ),
                ));
            }
        }
        self.cut.cut.set(Some(self.row_bytes + dropped));
        self.pending = end;
        self.rows.restart();
        self.row_bytes = 0;
        Ok(())
    }
}

impl<R: BufRead> Read for RowLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.cutting {
            self.cutting = false;
            self.drop_rest()?;
        }
        if !self.pending.is_empty() {
            let n = self.pending.len().min(buf.len());
            buf[..n].copy_from_slice(&self.pending[..n]);
            self.pending = &self.pending[n..];
            return Ok(n);
        }
        let data = self.inner.fill_buf()?;
        if data.is_empty() && self.rows == Rows::Csv(CsvState::Quoted) {
            self.cut.open_quote.set(true);
        }
        let mut passed = 0;
        for (&byte, slot) in data.iter().zip(buf.iter_mut()) {
            *slot = byte;
            passed += 1;
            if self.rows.ends_row(byte) {
                self.row_bytes = 0;
                continue;
            }
            self.row_bytes += 1;
            if self.row_bytes > self.limit {
                // The row up to the limit goes on; the rest is dropped at the next read.
                self.cutting = true;
                break;
            }
        }
        self.inner.consume(passed);
        Ok(passed)
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

/// Reads request rows one at a time, with the columns of `purpose`. A fault of the whole input
/// (its encoding, its header, a JSON array) is a `FileError`; a row fault is a `RowError` for
/// that row only.
pub fn rows(
    path: &Path,
    forced: Option<InputFormat>,
    mut input: Box<dyn BufRead>,
    purpose: Purpose,
) -> Result<Box<dyn Iterator<Item = RowResult>>, FileError> {
    let shown = path.display().to_string();
    let read_error = |e: io::Error| FileError::Read {
        path: shown.clone(),
        message: e.to_string(),
    };
    let head = input.fill_buf().map_err(read_error)?;
    // Windows PowerShell writes UTF-16 by default: said so, not read as bytes that are no text.
    if head.starts_with(b"\xff\xfe") || head.starts_with(b"\xfe\xff") {
        return Err(FileError::Input {
            path: shown,
            line: None,
            error: InputError::Utf16,
        });
    }
    // A UTF-8 byte order mark says nothing about the rows: skipped in every format.
    if head.starts_with(b"\xef\xbb\xbf") {
        input.consume(3);
    }
    if input.fill_buf().map_err(read_error)?.is_empty() {
        return Err(FileError::Empty {
            path: shown,
            message: "empty input: expected a CSV header row, JSON Lines or a JSON array".into(),
        });
    }
    match input_kind(path, forced, &mut input).map_err(read_error)? {
        Kind::Csv => {
            let (input, cut) = RowLimit::new(input, Rows::Csv(CsvState::FieldStart), MAX_ROW_BYTES);
            csv_rows(&shown, input, cut, purpose)
        }
        Kind::Jsonl => {
            let (input, cut) = RowLimit::new(input, Rows::Lines, MAX_ROW_BYTES);
            Ok(Box::new(jsonl_rows(
                Box::new(BufReader::new(input)),
                cut,
                purpose,
            )))
        }
        Kind::JsonArray => {
            // An array is read whole, so it is capped; JSON Lines streams without limit.
            let mut text = String::new();
            input
                .take(crate::data::MAX_FILE_BYTES + 1)
                .read_to_string(&mut text)
                .map_err(|e| match e.kind() {
                    io::ErrorKind::InvalidData => FileError::Input {
                        path: shown.clone(),
                        line: None,
                        error: InputError::NotUtf8,
                    },
                    _ => read_error(e),
                })?;
            if text.len() as u64 > crate::data::MAX_FILE_BYTES {
                return Err(FileError::Input {
                    path: shown,
                    line: None,
                    error: InputError::ArrayTooLarge {
                        mib: crate::data::MAX_FILE_BYTES / (1024 * 1024),
                    },
                });
            }
            json_array_rows(&shown, &text, purpose)
        }
    }
}

/// A CSV fault in the tool's words where it has them (the text is not UTF-8, the input cannot
/// be read), else in the csv crate's.
fn csv_error(e: &csv::Error) -> InputError {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => InputError::FieldCount {
            expected: *expected_len,
            found: *len,
        },
        csv::ErrorKind::Utf8 { .. } => InputError::NotUtf8,
        csv::ErrorKind::Io(e) => InputError::CannotRead {
            message: e.to_string(),
        },
        _ => InputError::Csv {
            message: e.to_string(),
        },
    }
}

fn csv_rows(
    shown: &str,
    input: impl Read + 'static,
    cut: CutRow,
    purpose: Purpose,
) -> Result<Box<dyn Iterator<Item = RowResult>>, FileError> {
    let header_error = |error: InputError| FileError::Input {
        path: shown.to_owned(),
        line: Some(1),
        error,
    };
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let header = reader.headers().map_err(|e| header_error(csv_error(&e)));
    if let Some(bytes) = cut.take() {
        return Err(header_error(InputError::RowTooLong { bytes }));
    }
    let header = header?.clone();
    if cut.take_open_quote() {
        return Err(header_error(InputError::OpenQuote {
            field: header.len(),
        }));
    }
    // One column with `;` or a tab in it: the file separates its columns with another
    // character than the batch reads.
    if header.len() == 1
        && let Some(separator) = [';', '\t']
            .into_iter()
            .find(|c| header.get(0).is_some_and(|only| only.contains(*c)))
    {
        return Err(header_error(InputError::Separator { separator }));
    }
    // Each column is a known one (by its position in COLUMNS), or the inventory's own
    // (carried through under its name); a header that plainly means a known one is refused.
    let readings: Vec<Reading> = header.iter().map(|n| columns::read(n, purpose)).collect();
    let present = present(&readings);
    let mut columns: Vec<Result<usize, String>> = Vec::with_capacity(header.len());
    for (position, (name, reading)) in header.iter().zip(readings).enumerate() {
        let column = match reading {
            Reading::Blank => {
                return Err(header_error(InputError::BlankColumn {
                    position: position + 1,
                }));
            }
            Reading::Known(known) => Ok(known),
            Reading::Other(candidates) => match columns::meant(&candidates, present) {
                Some(meant) => return Err(header_error(columns::unknown(name, meant, purpose))),
                None => Err(name.trim().to_owned()),
            },
        };
        if columns.contains(&column) {
            return Err(header_error(InputError::DuplicateColumn {
                name: name.trim().to_owned(),
            }));
        }
        columns.push(column);
    }
    for (position, required) in columns::REQUIRED.into_iter().enumerate() {
        if !columns.contains(&Ok(position)) {
            return Err(header_error(InputError::MissingColumn { column: required }));
        }
    }
    let mut record = csv::StringRecord::new();
    let mut next_line = 2;
    let mut done = false;
    Ok(Box::new(std::iter::from_fn(move || {
        if done {
            return None;
        }
        let read = reader.read_record(&mut record);
        if let Some(bytes) = cut.take() {
            let line = match &read {
                Ok(_) => record.position().map(|p| p.line() as usize),
                Err(e) => e.position().map(|p| p.line() as usize),
            }
            .unwrap_or(next_line);
            next_line = line + 1;
            return Some(Err(RowError {
                line,
                error: InputError::RowTooLong { bytes },
            }));
        }
        if cut.take_open_quote() {
            // The rest of the input went into this row's last field: the row is that error,
            // and there is nothing after it.
            done = true;
            let line = match &read {
                Ok(_) => record.position().map(|p| p.line() as usize),
                Err(e) => e.position().map(|p| p.line() as usize),
            }
            .unwrap_or(next_line);
            return Some(Err(RowError {
                line,
                error: InputError::OpenQuote {
                    field: record.len().max(1),
                },
            }));
        }
        match read {
            Ok(false) => None,
            Ok(true) => {
                let line = record.position().map_or(next_line, |p| p.line() as usize);
                next_line = line + 1;
                let mut row = Row::default();
                for (value, column) in record.iter().zip(&columns) {
                    match column {
                        Ok(known) => {
                            if let Some(field) = row.field_mut(*known) {
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
                // An I/O error ends the input; a malformed record is one bad row.
                done = matches!(e.kind(), csv::ErrorKind::Io(_));
                Some(Err(RowError {
                    line,
                    error: csv_error(&e),
                }))
            }
        }
    })))
}

/// The known columns among these readings, a bit per position in [`COLUMNS`].
fn present(readings: &[Reading]) -> u32 {
    readings.iter().fold(0, |mask, r| match r {
        Reading::Known(i) => mask | 1 << i,
        _ => mask,
    })
}

fn jsonl_rows(
    input: Box<dyn BufRead>,
    cut: CutRow,
    purpose: Purpose,
) -> impl Iterator<Item = RowResult> {
    let mut lines = input.lines();
    let mut line = 0;
    let mut done = false;
    let mut keys = KeyCache::new(purpose);
    std::iter::from_fn(move || {
        loop {
            if done {
                return None;
            }
            line += 1;
            let next = lines.next()?;
            // A cut line may also have been cut inside a character: its length is the error.
            if let Some(bytes) = cut.take() {
                return Some(Err(RowError {
                    line,
                    error: InputError::RowTooLong { bytes },
                }));
            }
            let text = match next {
                Ok(text) => text,
                Err(e) => {
                    // A read error ends the input: reading on would only fail again.
                    done = true;
                    return Some(Err(RowError {
                        line,
                        error: InputError::CannotRead {
                            message: e.to_string(),
                        },
                    }));
                }
            };
            if text.trim().is_empty() {
                continue;
            }
            return Some(
                serde_json::from_str::<JsonRow>(&text)
                    .map_err(|e| match e.classify() {
                        serde_json::error::Category::Eof => InputError::RowCutShort,
                        _ => InputError::Json {
                            message: json_message(&e),
                        },
                    })
                    .and_then(|row| row_from_json(row, &mut keys))
                    .map(|row| (line, row))
                    .map_err(|error| RowError { line, error }),
            );
        }
    })
}

fn json_array_rows(
    shown: &str,
    text: &str,
    purpose: Purpose,
) -> Result<Box<dyn Iterator<Item = RowResult>>, FileError> {
    let values: Vec<JsonRow> = serde_json::from_str(text).map_err(|e| FileError::Input {
        path: shown.to_owned(),
        line: Some(e.line()),
        error: match e.classify() {
            serde_json::error::Category::Eof => InputError::ArrayCutShort,
            _ => InputError::Json {
                message: json_message(&e),
            },
        },
    })?;
    let text = text.to_owned();
    let mut keys = KeyCache::new(purpose);
    Ok(Box::new(values.into_iter().enumerate().map(
        move |(i, value)| {
            let line = crate::data::locate::locate(&text, &format!("/{i}")).map_or(0, |(l, _)| l);
            row_from_json(value, &mut keys)
                .map(|row| (line, row))
                .map_err(|error| RowError { line, error })
        },
    )))
}

/// A row of JSON: an object whose keys are columns (see [`COLUMNS`]), each given once; a key
/// that is none of them is the inventory's own, carried through, unless it plainly means one
/// (see `columns`).
fn row_from_json(row: JsonRow, keys: &mut KeyCache) -> Result<Row, InputError> {
    let entries = match row {
        JsonRow::Object(entries) => entries,
        JsonRow::Other(found) => return Err(InputError::NotAnObject { found }),
    };
    let readings: Vec<Reading> = entries.iter().map(|(key, _)| keys.read(key)).collect();
    let present = present(&readings);
    let mut row = Row::default();
    let mut given = 0u32;
    for ((key, value), reading) in entries.into_iter().zip(readings) {
        let column = match reading {
            Reading::Blank => return Err(InputError::BlankKey),
            Reading::Known(i) => Some(i),
            Reading::Other(candidates) => match columns::meant(&candidates, present) {
                Some(meant) => return Err(columns::unknown(&key, meant, keys.purpose())),
                None => None,
            },
        };
        let text = match value {
            JsonCell::Null => None,
            JsonCell::Text(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
            JsonCell::Number(n) => Some(n),
            JsonCell::Bool(b) => Some(b.to_string()),
            JsonCell::Nested(found) => {
                if column.is_some() {
                    return Err(InputError::NotText { key, found });
                }
                Some(found)
            }
        };
        match column {
            Some(i) => {
                if given & (1 << i) != 0 {
                    return Err(InputError::GivenTwice {
                        column: COLUMNS[i].to_owned(),
                    });
                }
                given |= 1 << i;
                if let Some(field) = row.field_mut(i) {
                    *field = text;
                }
            }
            None => {
                if row.carried.iter().any(|(name, _)| *name == key) {
                    return Err(InputError::GivenTwice { column: key });
                }
                row.carried.push((key, text.unwrap_or_default()));
            }
        }
    }
    Ok(row)
}

/// serde_json's words for a fault, without the position (the line is kept apart).
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
        let rows: Vec<RowResult> =
            jsonl_rows(Box::new(Failing), CutRow::default(), Purpose::Requests)
                .take(10)
                .collect();
        assert_eq!(rows.len(), 1, "{rows:?}");
        assert!(
            rows[0]
                .as_ref()
                .is_err_and(|e| e.error.to_string().contains("EIO"))
        );
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

    /// Everything read through a [`RowLimit`] of `limit`, and the length of each cut row.
    fn through_limit(input: &[u8], rows: Rows, limit: u64) -> (String, Vec<u64>) {
        let (mut reader, cut) = RowLimit::new(input, rows, limit);
        let mut out = Vec::new();
        let mut cuts = Vec::new();
        let mut buf = [0u8; 3];
        loop {
            let n = reader.read(&mut buf).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&buf[..n]);
            cuts.extend(cut.take());
        }
        (String::from_utf8(out).unwrap(), cuts)
    }

    /// Issue 21, defect 3: a row over the limit is cut there and ended (a quoted field closed
    /// first), its whole length recorded; rows within it pass unchanged, a quoted line end
    /// included.
    #[test]
    fn long_rows_are_cut_and_ended() {
        let csv = Rows::Csv(CsvState::FieldStart);
        let (out, cuts) = through_limit(b"a,\"0123456789\n\n\",b\nc,d\n", csv, 8);
        assert_eq!(out, "a,\"012345\"\nc,d\n");
        assert_eq!(cuts, [18]);
        let (out, cuts) = through_limit(b"a,0123456789AB\n\"x\ny\",\"\"\"q\"\n", csv, 11);
        assert_eq!(out, "a,0123456789\n\"x\ny\",\"\"\"q\"\n");
        assert_eq!(cuts, [14]);
        let (out, cuts) = through_limit(b"{\"a\":\"0123456789\"}\n{}\nlast", Rows::Lines, 8);
        assert_eq!(out, "{\"a\":\"012\n{}\nlast");
        assert_eq!(cuts, [18]);
    }

    proptest::proptest! {
        /// Issue 21, defect 3: rows end where the csv crate ends its records: each record
        /// starts where a row does (after the empty lines the csv crate skips), and there are
        /// as many records as rows that are not empty.
        #[test]
        fn csv_rows_end_where_the_csv_crate_ends_records(text in "[a ,\"\n]{0,40}") {
            let bytes = text.as_bytes();
            let mut rows = Rows::Csv(CsvState::FieldStart);
            let mut starts = vec![0];
            for (i, &b) in bytes.iter().enumerate() {
                if rows.ends_row(b) {
                    starts.push(i + 1);
                }
            }
            let filled = starts
                .iter()
                .filter(|&&s| s < bytes.len() && bytes[s] != b'\n')
                .count();
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(bytes);
            let mut record = csv::ByteRecord::new();
            let mut records = Vec::new();
            while let Ok(true) = reader.read_byte_record(&mut record) {
                records.push(record.position().map_or(0, |p| p.byte() as usize));
            }
            proptest::prop_assert_eq!(records.len(), filled, "{:?} {:?}", records, starts);
            for &start in &records {
                let first = (start..bytes.len())
                    .find(|&i| bytes[i] != b'\n')
                    .unwrap_or(bytes.len());
                proptest::prop_assert!(starts.contains(&first), "{:?} {:?}", records, starts);
            }
        }
    }

    /// A JSON row, read as JSON Lines would read it.
    fn json_row(value: serde_json::Value, purpose: Purpose) -> Result<Row, InputError> {
        let row: JsonRow = serde_json::from_str(&value.to_string()).unwrap();
        row_from_json(row, &mut KeyCache::new(purpose))
    }

    /// A row's text fields accept numbers, ignore blanks and report a bad date with its field.
    #[test]
    fn rows_become_requests() {
        let row = json_row(
            serde_json::json!(
                {"tier": "gold", "product": "sql", "version": 2019, "competency": " ", "customer": "Contoso"}
            ),
            Purpose::Requests,
        )
        .unwrap();
        assert_eq!(row.carried, [("customer".to_owned(), "Contoso".to_owned())]);
        let day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        let request = row.request(&RowDefaults::on(day)).unwrap();
        assert_eq!(request.version.as_deref(), Some("2019"));
        assert_eq!(request.competency, None);
        let bad = Row {
            as_of: Some("2026-13-01".into()),
            ..row
        };
        assert!(
            bad.request(&RowDefaults::on(day))
                .unwrap_err()
                .to_string()
                .starts_with("as_of: ")
        );
        assert_eq!(
            Row::default()
                .request(&RowDefaults::on(day))
                .unwrap_err()
                .to_string(),
            "missing `tier`"
        );
        // A row that is not an object, and a near miss of a column, are that row's errors.
        assert!(
            json_row(serde_json::json!(["gold", "sql"]), Purpose::Requests)
                .unwrap_err()
                .to_string()
                .contains("not an array")
        );
        assert!(
            json_row(
                serde_json::json!({"tier": "gold", "verison": "2019"}),
                Purpose::Requests
            )
            .unwrap_err()
            .to_string()
            .contains("did you mean `version`?")
        );
        // `verify`'s columns are the inventory's own in a request row.
        let row = json_row(
            serde_json::json!({"tier": "gold", "product": "sql", "expect": "eligible"}),
            Purpose::Requests,
        )
        .unwrap();
        assert_eq!(row.expect, None);
        assert_eq!(row.carried, [("expect".to_owned(), "eligible".to_owned())]);
        let row = json_row(
            serde_json::json!({"tier": "gold", "product": "sql", "expect": "eligible"}),
            Purpose::Expectations,
        )
        .unwrap();
        assert_eq!(row.expect.as_deref(), Some("eligible"));
    }
}
