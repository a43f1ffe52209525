//! Hostile input, safe output: any string in a batch field or a data file, in every output
//! format, gives output that parses with a real parser of that format, one record per input
//! row, and no raw control or bidi character in the text and GitHub forms; CSV cells start no
//! formula; stderr gets no line of a value's making.

#![allow(
    clippy::expect_used,
    reason = "a test that cannot run should fail loudly"
)]

use std::path::{Path, PathBuf};

use crate::common::{cmd, fixture};
use proptest::prelude::*;

/// Values that broke an output format once, and some that might.
const HOSTILE: &[&str] = &[
    "x\n::error title=t::injected",
    "::add-mask::secret",
    "\u{1b}[2J\u{1b}]0;title\u{7}\u{1b}]8;;http://evil\u{1b}\\link\u{1b}]8;;\u{1b}\\",
    "abc\u{202e}fed",
    "cr\ronly",
    "nul\u{0}\u{1}\u{1f}\u{fffe}\u{ffff}",
    "`code` [link](http://x) <b>html</b> | pipe",
    "=HYPERLINK(\"http://x\")",
    "+1+1",
    "@SUM(A1)",
    "-2+3",
    // Issue 21, defect 11: Rust reads these as numbers; a spreadsheet may not.
    "-inf",
    "+NaN",
    "-Infinity",
    "\ttab",
    "<![CDATA[x]]> & ' \"",
];

/// A CSV batch of rows, each with the values given (written by the csv crate).
fn batch_file(dir: &Path, rows: &[[&str; 3]]) -> PathBuf {
    let path = dir.join("batch.csv");
    let mut w = csv::Writer::from_path(&path).expect("batch file");
    w.write_record(["tier", "product", "version"])
        .expect("header");
    for row in rows {
        w.write_record(row).expect("row");
    }
    w.flush().expect("flush");
    path
}

fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Runs a batch in one format and checks its output with a parser of that format.
fn check_format(data: &Path, batch: &Path, rows: usize, format: &str) {
    let mut command = cmd();
    command
        .env("MPN_SUPPORT_DATA_DIR", data)
        .args([
            "check",
            "--as-of",
            "2026-01-01",
            "--format",
            format,
            "--batch",
        ])
        .arg(batch);
    // Every row annotated, so that each row's record can be counted.
    if format == "github" {
        command.args(["--annotate", "all"]);
    }
    let out = command.output().expect("runs");
    assert!(
        matches!(out.status.code(), Some(0..=2)),
        "{format}: {:?}",
        out.status
    );
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(
        !stderr.chars().any(is_unsafe),
        "{format}: stderr {stderr:?}"
    );
    match format {
        "azure" => {
            // A command per problem row (an eligible row has none), each one line that starts
            // as a command, with nothing unsafe in it.
            assert!(stdout.lines().count() <= rows, "{stdout:?}");
            assert!(!stdout.chars().any(is_unsafe), "{stdout:?}");
            assert!(
                stdout
                    .lines()
                    .all(|l| l.starts_with("##vso[task.logissue type=")),
                "{stdout:?}"
            );
        }
        "text" | "github" => {
            assert_eq!(stdout.lines().count(), rows, "{format}: {stdout:?}");
            assert!(!stdout.chars().any(is_unsafe), "{format}: {stdout:?}");
            if format == "github" {
                assert!(stdout.lines().all(|l| l.starts_with("::")), "{stdout:?}");
            }
        }
        "json" => {
            assert_eq!(stdout.lines().count(), rows);
            for line in stdout.lines() {
                serde_json::from_str::<serde_json::Value>(line).expect("each line is JSON");
            }
        }
        "csv" => {
            let mut reader = csv::Reader::from_reader(stdout.as_bytes());
            let records: Vec<csv::StringRecord> =
                reader.records().map(|r| r.expect("CSV record")).collect();
            assert_eq!(records.len(), rows);
            for record in &records {
                for cell in record {
                    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
                    assert!(
                        !risky || cell == "-" || is_plain_negative_number(cell),
                        "formula cell {cell:?}"
                    );
                }
            }
        }
        "markdown" => {
            use pulldown_cmark::{Event, Options, Parser, Tag};
            let mut table_rows = 0;
            for event in Parser::new_ext(&stdout, Options::ENABLE_TABLES) {
                let markup = matches!(
                    event,
                    Event::Start(Tag::Link { .. } | Tag::Image { .. })
                        | Event::Html(_)
                        | Event::InlineHtml(_)
                        | Event::Code(_)
                );
                assert!(!markup, "markup from a value: {stdout}");
                if matches!(event, Event::Start(Tag::TableRow | Tag::TableHead)) {
                    table_rows += 1;
                }
            }
            assert_eq!(table_rows, rows + 1, "{stdout}");
        }
        "junit" => {
            let doc = roxmltree::Document::parse(&stdout).expect("well-formed XML");
            let cases = doc
                .descendants()
                .filter(|n| n.has_tag_name("testcase"))
                .count();
            assert_eq!(cases, rows);
        }
        _ => unreachable!("a format this test knows"),
    }
}

/// `-` and decimal digits with at most one `.` between digits: the only cells a formula
/// trigger may start unguarded (not `-inf`, `-1e5` nor `-0x1`).
fn is_plain_negative_number(cell: &str) -> bool {
    let Some(digits) = cell.strip_prefix('-') else {
        return false;
    };
    let mut parts = digits.splitn(2, '.');
    parts.all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
}

const FORMATS: [&str; 7] = [
    "text", "json", "csv", "markdown", "junit", "github", "azure",
];

/// Each hostile value as a product name in the data (decided rows) and as a batch field
/// (rows that cannot be decided), in every format.
#[test]
fn hostile_values_in_every_format() {
    for value in HOSTILE {
        let dir = tempfile::tempdir().expect("temporary directory");
        let data = crate::common::data_dir_with_product_name(dir.path(), value);
        let rows = [
            ["pro", "widget-server", "2021 R2"],
            ["pro", value, ""],
            [value, "widget", value],
        ];
        let batch = batch_file(dir.path(), &rows);
        for format in FORMATS {
            check_format(&data, &batch, rows.len(), format);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Any string, in any field of a batch row or as a product name in a data file: every
    /// format still parses, one record per row.
    #[test]
    fn any_string_in_every_format(value in "\\PC*|[\\x00-\\x1f\\u{202a}-\\u{202e}`|<>\\[\\]=+@-]{0,12}") {
        let dir = tempfile::tempdir().expect("temporary directory");
        let data = crate::common::data_dir_with_product_name(dir.path(), &value);
        let rows = [
            ["pro", "widget-server", &value],
            ["pro", &value, ""],
            [&value, "widget", "2024"],
        ];
        let batch = batch_file(dir.path(), &rows);
        for format in FORMATS {
            check_format(&data, &batch, rows.len(), format);
        }
    }
}

/// A value on the command line cannot make a line of its own on stderr (a CI log runs
/// `::error::` lines as commands) nor move the terminal's cursor.
#[test]
fn stderr_gets_no_line_of_a_values_making() {
    let out = cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "x\n::error title=t::injected\u{1b}[2J",
        ])
        .args(["--as-of", "2021-06-19"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("unknown product `x\\n::error title=t::injected\\x1b[2J`"));
    assert!(!stderr.chars().any(is_unsafe));
}

/// `diagnose` echoes the user's text: escaped in text, neutralised in CSV.
#[test]
fn diagnose_echoes_safely() {
    let out = cmd()
        .args(["diagnose", "=cmd|' /C calc'!A0\n::warning::x"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(!stdout.lines().any(|l| l.starts_with("::")), "{stdout}");
    let out = cmd()
        .args(["diagnose", "=cmd|' /C calc'!A0", "-f", "csv"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    for record in reader.records() {
        for cell in &record.expect("record") {
            assert!(!cell.starts_with('='), "{cell:?}");
        }
    }
}

/// Runs a batch given on stdin: exit status, stdout, stderr.
fn batch_stdin(input: &[u8], extra: &[&str]) -> (Option<i32>, String, String) {
    let out = cmd()
        .args(["check", "--as-of", "2021-06-19", "--batch", "-"])
        .args(extra)
        .write_stdin(input)
        .output()
        .expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
        String::from_utf8(out.stderr).expect("UTF-8"),
    )
}

/// Issue 16, defect 11: a CSV header naming a column twice is refused, naming it.
#[test]
fn duplicate_csv_columns_are_refused() {
    let (code, _, stderr) = batch_stdin(b"tier,product,tier\ngold,sql,silver\n", &[]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: `-`: line 1: duplicate column `tier` (each column once)\n"
    );
}

/// Review finding 4: a JSON row giving a key twice is that row's error, as a CSV header
/// naming a column twice is refused (serde_json's map would keep the last value silently): in
/// JSON Lines and in a JSON array, whatever the key's case, for the inventory's own keys too.
#[test]
fn a_json_key_given_twice_is_the_rows_error() {
    let (code, stdout, stderr) = batch_stdin(
        b"{\"tier\":\"gold\",\"product\":\"sql-server\",\"version\":\"2019\",\"tier\":\"spd\"}\n\
          {\"tier\":\"gold\",\"product\":\"sql-server\",\"version\":\"2019\"}\n\
          {\"tier\":\"gold\",\"Tier\":\"spd\",\"product\":\"sql-server\"}\n\
          {\"tier\":\"gold\",\"product\":\"sql\",\"customer\":\"A\",\"customer\":\"B\"}\n",
        &["--input-format", "jsonl"],
    );
    assert_eq!(code, Some(2), "{stdout}{stderr}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 4, "{stdout}");
    assert_eq!(
        lines[0],
        "line 1: error: `tier` is given twice (each column once)"
    );
    assert!(lines[1].starts_with("line 2: ELIGIBLE"), "{stdout}");
    assert_eq!(
        lines[2],
        "line 3: error: `tier` is given twice (each column once)"
    );
    assert_eq!(
        lines[3],
        "line 4: error: `customer` is given twice (each column once)"
    );
    assert_eq!(stderr, "1 eligible, 0 not eligible, 3 invalid\n");
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("rows.json");
    std::fs::write(
        &path,
        "[\n  {\"tier\": \"gold\", \"product\": \"sql-server\", \"version\": \"2019\"},\n  {\"tier\": \"gold\", \"product\": \"sql-server\", \"version\": \"2019\", \"version\": \"2022\"}\n]\n",
    )
    .expect("write");
    cmd()
        .args(["check", "--as-of", "2021-06-19", "--batch"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(predicates::str::contains(
            "line 3: error: `version` is given twice (each column once)",
        ))
        .stderr("1 eligible, 0 not eligible, 1 invalid\n");
}

/// Review finding 14: numbers on the command line are refused in the tool's words, naming
/// what is valid: a negative one reaches the value parser (not clap's "unexpected argument"),
/// one too large or not a number does not get the number parser's words; `--warn-days` takes
/// `90d` as `--fail-within` does.
#[test]
fn numbers_in_flags_are_refused_in_our_words() {
    let single = [
        "check",
        "-t",
        "gold",
        "-p",
        "sql-server",
        "--as-of",
        "2021-06-19",
    ];
    for (flag, value) in [
        ("--incidents-remaining", "-1"),
        ("--incidents-remaining", "99999999999999999999"),
        ("--incidents-remaining", "4294967296"),
        ("--incidents-remaining", "ten"),
    ] {
        let out = cmd()
            .args(single)
            .args([flag, value])
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            stderr.contains(&format!(
                "`{value}` is not a whole number from 0 to 4294967295"
            )),
            "{flag} {value}: {stderr}"
        );
        for library in ["unexpected argument", "too large", "invalid digit"] {
            assert!(!stderr.contains(library), "{flag} {value}: {stderr}");
        }
    }
    for args in [
        &["--fail-within", "-5"][..],
        &["--fail-within", "4294967296"],
        &["--fail-within", "soon"],
    ] {
        let out = cmd().args(single).args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert!(
            stderr.contains(&format!(
                "`{}` is not a number of days: a whole number from 0 to 4294967295",
                args[1]
            )),
            "{args:?}: {stderr}"
        );
    }
    let (code, _, stderr) = batch_stdin(b"tier,product\ngold,sql\n", &["--warn-days", "-1"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("`-1` is not a number of days: a whole number from 0 to 4294967295"),
        "{stderr}"
    );
    assert!(!stderr.contains("unexpected argument"), "{stderr}");
    // SQL Server 2019 on 2021-06-19 qualifies until 2025-02-28: within 2000 days, not 90.
    let (code, stdout, _) = batch_stdin(
        b"tier,product,version\ngold,sql-server,2019\n",
        &["--warn-days", "2000d", "-f", "github"],
    );
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("::warning "), "{stdout}");
    let (code, stdout, _) = batch_stdin(
        b"tier,product,version\ngold,sql-server,2019\n",
        &["--warn-days", "90d", "-f", "github"],
    );
    assert_eq!((code, stdout.as_str()), (Some(0), ""));
}

/// Review finding 14: a batch cell that is not what its column takes names every accepted
/// form: the whole-number range (for a negative, too large or non-number count) and each
/// spelling of yes and no.
#[test]
fn batch_cells_name_what_is_valid() {
    let (code, stdout, _) = batch_stdin(
        b"tier,product,incidents_remaining,csp,for_customer,activated,ids_associated\n\
          spd,azure,-1,,,,\n\
          spd,azure,99999999999999999999,,,,\n\
          spd,azure,many,,,,\n\
          spd,azure,,1,,,\n\
          spd,azure,,,y,,\n\
          spd,azure,,,,on,\n\
          spd,azure,,,,,0\n",
        &[],
    );
    assert_eq!(code, Some(2));
    let yes_no = "is none of `yes`, `no`, `true`, `false` (any case)";
    let expected = [
        "line 2: error: incidents_remaining: `-1` is not a whole number from 0 to 4294967295".to_owned(),
        "line 3: error: incidents_remaining: `99999999999999999999` is not a whole number from 0 to 4294967295".to_owned(),
        "line 4: error: incidents_remaining: `many` is not a whole number from 0 to 4294967295".to_owned(),
        format!("line 5: error: csp: `1` {yes_no}"),
        format!("line 6: error: for_customer: `y` {yes_no}"),
        format!("line 7: error: activated: `on` {yes_no}"),
        format!("line 8: error: ids_associated: `0` {yes_no}"),
    ];
    assert_eq!(stdout.lines().collect::<Vec<_>>(), expected, "{stdout}");
}

/// Second review, finding 9: a JSON number in a cell is quoted as the file writes it, not as
/// the parser would print its value (`1e0`, not `1.0`); a number naming a version is read as
/// written (SQL Server `7.0`).
#[test]
fn json_numbers_are_quoted_as_written() {
    let (code, stdout, _) = batch_stdin(
        b"{\"tier\":\"spd\",\"product\":\"sql-server\",\"version\":\"2019\",\"incidents_remaining\":1e0}\n\
          {\"tier\":\"spd\",\"product\":\"sql-server\",\"version\":\"2019\",\"incidents_remaining\":2.50}\n\
          {\"tier\":\"gold\",\"product\":\"sql-server\",\"version\":7.0,\"as_of\":\"2017-08-01\"}\n",
        &["--input-format", "jsonl", "--format", "csv"],
    );
    assert_eq!(code, Some(2), "{stdout}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(
        lines[1].contains("incidents_remaining: `1e0` is not a whole number"),
        "{stdout}"
    );
    assert!(
        lines[2].contains("incidents_remaining: `2.50` is not a whole number"),
        "{stdout}"
    );
    assert!(
        lines[3].starts_with("3,2017-08-01,gold,sql-server,7.0,"),
        "{stdout}"
    );
    // Third review, finding 7: a nested value too, every key, repeat and number as written
    // (spaces between tokens left out), in a message and in a carried column.
    let (code, stdout, _) = batch_stdin(
        br#"{"tier":"spd","product":"sql-server","version":"2019","extra":{"z":1.50,"a":1e2,"a":"x \" y"}}
{"tier":"spd","product":"sql-server","version":{"z": 1.50, "a":1e2},"extra":null}
"#,
        &["--input-format", "jsonl", "--format", "csv"],
    );
    assert_eq!(code, Some(2), "{stdout}");
    assert!(
        stdout.contains(r#"`version`: expected text, found `{""z"":1.50,""a"":1e2}`"#),
        "{stdout}"
    );
    assert!(
        stdout.contains(r#""{""z"":1.50,""a"":1e2,""a"":""x \"" y""}""#),
        "{stdout}"
    );
}

/// Second review, finding 9, and the third review, findings 2 to 4: a quote that is never
/// closed takes the rest of the input into its field. That row is the error, named as an open
/// quote, wherever it is: in the last column, where the field count still agrees (the rows
/// swallowed were once answered "eligible", exit 0), in the last row, or in the header. A
/// closed quote in a row that is merely short of a field keeps the plain words.
#[test]
fn an_unclosed_csv_quote_is_named() {
    let open = |field: u32| {
        format!(
            "error: the quote that opens field {field} is never closed, so everything after it up to the end of the input was read into that field: close the quote (a quote inside a field is written `\"\"`)"
        )
    };
    for (input, field) in [
        (&b"tier,product,version\n\"spd,sql-server,2019\ngold,sql-server,2019\n"[..], 1),
        (
            b"tier,product,version,note\nspd,sql-server,2022,\"oops\nspd,sql-server,2008\nspd,windows-server,2012\n",
            4,
        ),
        (b"tier,product,version\nspd,\"sql-server\n", 2),
        (b"tier,product,version\nspd,sql-server,\"2022", 3),
    ] {
        let (code, stdout, _) = batch_stdin(input, &[]);
        assert_eq!(code, Some(2), "{stdout}");
        assert_eq!(
            stdout.lines().collect::<Vec<_>>(),
            [format!("line 2: {}", open(field)).as_str()],
            "{}",
            String::from_utf8_lossy(input)
        );
    }
    let (code, stdout, stderr) = batch_stdin(
        b"tier,product,\"version\nspd,sql-server,2022\n",
        &["--allow-empty"],
    );
    assert_eq!((code, stdout.as_str()), (Some(2), ""));
    assert_eq!(
        stderr,
        format!("error: `-`: line 1: {}\n", &open(3)["error: ".len()..])
    );
    for input in [
        &b"tier,product,version\nspd,\"Windows Server, 2019\"\n"[..],
        b"tier,product,version\nspd,sql-server\n",
    ] {
        let (code, stdout, _) = batch_stdin(input, &[]);
        assert_eq!(code, Some(2));
        assert_eq!(
            stdout.lines().next(),
            Some("line 2: error: expected 3 fields like the header, found 2"),
            "{stdout}"
        );
    }
}

/// Review finding 14: a file of another encoding or separator, and a JSON array cut short,
/// are refused saying so, in plain words.
#[test]
fn encodings_separators_and_cut_short_json_are_named() {
    // Windows PowerShell's `Out-File` writes UTF-16 with a byte order mark, either order.
    for bom in [&b"\xff\xfe"[..], b"\xfe\xff"] {
        let text: Vec<u8> = "tier,product\n"
            .encode_utf16()
            .flat_map(|u| {
                if bom[0] == 0xff {
                    u.to_le_bytes()
                } else {
                    u.to_be_bytes()
                }
            })
            .collect();
        let (code, stdout, stderr) = batch_stdin(&[bom, &text].concat(), &[]);
        assert_eq!(code, Some(2));
        assert_eq!(stdout, "");
        assert_eq!(
            stderr,
            "error: `-`: the file is UTF-16 text (it starts with a UTF-16 byte order mark): save it as UTF-8\n"
        );
    }
    let (code, _, stderr) = batch_stdin(b"tier;product;version\nspd;sql-server;2022\n", &[]);
    assert_eq!(code, Some(2));
    assert_eq!(
        stderr,
        "error: `-`: line 1: the header has no `,` but has `;`: the file separates its columns with `;`, and a batch expects `,` (save it as comma-separated values)\n"
    );
    let (code, _, stderr) = batch_stdin(b"tier\tproduct\nspd\tsql-server\n", &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: `-`: line 1: the header has no `,` but has a tab: the file separates its columns with tabs"),
        "{stderr}"
    );
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("cut.json");
    std::fs::write(
        &path,
        "[\n  {\"tier\": \"spd\", \"product\": \"sql-server\"},\n  {\"tier\": \"spd\",",
    )
    .expect("write");
    cmd()
        .args(["check", "--batch"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::ends_with(
            "cut.json`: line 3: the JSON array is cut short: the file ends before its closing `]`\n",
        ));
    let (code, stdout, _) = batch_stdin(
        b"{\"tier\": \"spd\", \"product\":\n",
        &["--input-format", "jsonl"],
    );
    assert_eq!(code, Some(2));
    assert_eq!(
        stdout,
        "line 1: error: the row is cut short: its JSON object does not end on this line\n"
    );
}

/// Issue 16, defect 12: a byte order mark is skipped in JSON Lines and in a file with no
/// extension; an empty input says so; CR-only line endings keep line numbers; year 0000 is no
/// date; a header-only batch fails a gate unless `--allow-empty`.
#[test]
fn smaller_input_defects() {
    let (code, stdout, _) = batch_stdin(
        b"\xef\xbb\xbf{\"tier\": \"gold\", \"product\": \"sql\"}\n",
        &[],
    );
    assert_eq!(code, Some(0), "{stdout}");
    assert!(stdout.starts_with("line 1: ELIGIBLE"), "{stdout}");
    let (code, stdout, _) = batch_stdin(b"\xef\xbb\xbftier,product\ngold,sql\n", &[]);
    assert_eq!(code, Some(0));
    assert!(stdout.starts_with("line 2: ELIGIBLE"), "{stdout}");
    let (code, _, stderr) = batch_stdin(b"", &[]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("empty input: expected a CSV header row"),
        "{stderr}"
    );
    let (code, stdout, _) = batch_stdin(b"tier,product\rgold,sql\rglod,sql\r", &[]);
    assert_eq!(code, Some(2));
    let starts: Vec<&str> = stdout.lines().map(|l| &l[..7]).collect();
    assert_eq!(starts, ["line 2:", "line 3:"]);
    let (code, stdout, stderr) = batch_stdin(b"tier,product,as_of\ngold,sql,0000-01-01\n", &[]);
    assert_eq!(code, Some(2));
    assert!(
        stdout.contains("`0000-01-01` is not a real date"),
        "{stdout}{stderr}"
    );
    let (code, _, stderr) = batch_stdin(b"tier,product\n", &["--format", "junit"]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("no requests: the input has no rows"),
        "{stderr}"
    );
    let (code, stdout, _) = batch_stdin(b"tier,product\n", &["--format", "junit", "--allow-empty"]);
    assert_eq!(code, Some(0));
    assert!(stdout.contains("tests=\"0\""));
    cmd()
        .args(["verify", "-"])
        .write_stdin("tier,product,expect\n")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no expectations"));
}

/// Issue 16, defect 5: a product with 20,000 versions is listed whole (the listing checks each
/// version against N and N-1 worked out once, not once per version; the benchmark times it).
#[test]
fn a_product_with_many_versions_is_listed_whole() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut lifecycle: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("basic/lifecycle.json")).expect("fixture"),
    )
    .expect("JSON");
    let versions: Vec<serde_json::Value> = (0..20_000)
        .map(|i| {
            serde_json::json!({
                "version": format!("v{i}"),
                "track": "ltsc",
                "release": format!("{:04}-{:02}-{:02}", 2000 + (i / 365) % 900, 1 + (i / 28) % 12, 1 + i % 28),
            })
        })
        .collect();
    lifecycle["products"][0]["versions"] = serde_json::Value::Array(versions);
    std::fs::write(dir.path().join("lifecycle.json"), lifecycle.to_string()).expect("write");
    std::fs::copy(
        fixture("basic/entitlements.json"),
        dir.path().join("entitlements.json"),
    )
    .expect("copy");
    let out = cmd()
        .args([
            "products",
            "--versions",
            "-f",
            "json",
            "--as-of",
            "2026-01-01",
            "--data-dir",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let product = &v[0];
    assert_eq!(
        product["versions"].as_array().expect("versions").len(),
        20_000
    );
    let qualifying = product["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .filter(|v| v["status"] == "qualifies")
        .count();
    assert_eq!(qualifying, 2, "N and N-1 only");
    // Issue 15: the picture of the same product draws the newest versions and counts the rest.
    let out = cmd()
        .args([
            "products",
            "-f",
            "svg",
            "--as-of",
            "2026-01-01",
            "--data-dir",
        ])
        .arg(dir.path())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let svg = String::from_utf8(out.stdout).expect("UTF-8");
    let id = lifecycle["products"][0]["id"].as_str().expect("id");
    let rows = format!("<g class=\"version\" data-product=\"{id}\"");
    assert_eq!(svg.matches(&rows).count(), 12);
    assert!(svg.contains("19988 older versions not shown"), "{svg}");
}

/// Issue 16, defect 6: a huge unknown value is answered at once: a batch field over the cap is
/// one row's error, and a long argument gets no suggestion and is shown cut.
#[test]
fn huge_values_are_bounded() {
    let mut input = b"tier,product\ngold,".to_vec();
    input.extend(std::iter::repeat_n(b'x', 5_000_000));
    input.extend(b"\ngold,sql\n");
    let (code, stdout, stderr) = batch_stdin(&input, &[]);
    assert_eq!(code, Some(2));
    assert_eq!(stderr, "1 eligible, 0 not eligible, 1 invalid\n");
    // Issue 21, defect 3: a row over 64 KiB is refused as it is read, as a whole.
    assert!(
        stdout.starts_with(
            "line 2: error: the row is 5000005 bytes long, more than the 65536 a row may have\n"
        ),
        "{stdout}"
    );
    let mut input = b"tier,product\ngold,".to_vec();
    input.extend(std::iter::repeat_n(b'x', 5_000));
    input.extend(b"\ngold,sql\n");
    let (code, stdout, _) = batch_stdin(&input, &[]);
    assert_eq!(code, Some(2));
    assert!(stdout.starts_with(
        "line 2: error: `product` is 5000 bytes long, more than the 4096 a field may have\n"
    ));
    let long = "y".repeat(100_000);
    let out = cmd()
        .args(["check", "-t", "gold", "-p", &long, "--as-of", "2021-06-19"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert!(stderr.len() < 1000, "{}", stderr.len());
    assert!(stderr.contains("(100000 bytes)") && !stderr.contains("did you mean"));
}

/// Issue 16, defect 9: a FIFO that never writes, named as a data file, is refused at once
/// (without the fix this test never ends).
#[cfg(unix)]
#[test]
fn a_pipe_as_data_file_is_refused() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let fifo = dir.path().join("lifecycle.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    cmd()
        .args(["validate", "--lifecycle"])
        .arg(&fifo)
        .assert()
        .code(2)
        .stdout(predicates::str::contains(
            "not a regular file (a pipe, device or socket)",
        ));
}

/// Issue 16, defect 10: an empty MPN_SUPPORT_DATA_DIR (an unset CI variable) is no data
/// directory: the built-in data answers.
#[test]
fn an_empty_data_dir_variable_is_unset() {
    cmd()
        .env("MPN_SUPPORT_DATA_DIR", "")
        .args(["check", "-t", "gold", "-p", "sql", "--as-of", "2021-06-19"])
        .assert()
        .code(0);
}

/// `verify` repeats a row's values: one line per row, nothing raw.
#[test]
fn verify_lines_are_escaped() {
    let out = cmd()
        .args(["verify", "-", "--as-of", "2021-06-19"])
        .write_stdin("tier,product,version,expect\ngold,sql-server,\"2019\n::error::x\",eligible\ngold,\"sql\u{1b}[2J\",,eligible\n")
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(stdout.lines().count(), 3, "{stdout}");
    assert!(!stdout.chars().any(is_unsafe), "{stdout:?}");
    assert!(stdout.lines().all(|l| !l.starts_with("::")));
}

/// Issue 16, defect 12: when the JUnit report's temporary file cannot be made or written (a
/// full disk, a missing TMPDIR), the error names that file, not standard output.
#[test]
fn a_failing_junit_temporary_file_is_named() {
    let (code, _, stderr) = {
        let out = cmd()
            .env("TMPDIR", "/nonexistent/mpn-support-test")
            .args([
                "check",
                "--as-of",
                "2021-06-19",
                "--batch",
                "-",
                "--format",
                "junit",
            ])
            .write_stdin("tier,product\ngold,sql\n")
            .output()
            .expect("runs");
        (
            out.status.code(),
            out.stdout,
            String::from_utf8(out.stderr).expect("UTF-8"),
        )
    };
    assert_eq!(code, Some(2));
    assert!(
        stderr.starts_with("error: cannot write `the temporary file of the JUnit report`: "),
        "{stderr}"
    );
}

/// A copy of `text` with a UTF-8 byte order mark in front, as Windows editors save it.
fn with_bom(text: &str) -> Vec<u8> {
    [b"\xef\xbb\xbf".as_slice(), text.as_bytes()].concat()
}

/// Issue 21, defect 13: a data file that starts with a byte order mark is read like the same
/// file without one, whichever way it is named: `--lifecycle`, `--entitlements`,
/// `--catalogue`, and the file `lifecycle update` leaves in the data folder.
#[test]
fn a_byte_order_mark_is_skipped_in_every_data_file() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lifecycle = dir.path().join("lifecycle.json");
    let entitlements = dir.path().join("entitlements.json");
    let catalogue = dir.path().join("diagnostics.json");
    for (from, to) in [
        ("data/lifecycle.json", &lifecycle),
        ("data/entitlements.json", &entitlements),
        ("data/diagnostics.json", &catalogue),
    ] {
        let text = std::fs::read_to_string(root.join(from)).expect("data file");
        std::fs::write(to, with_bom(&text)).expect("write");
    }
    cmd()
        .args(["validate", "--lifecycle"])
        .arg(&lifecycle)
        .arg("--entitlements")
        .arg(&entitlements)
        .arg("--catalogue")
        .arg(&catalogue)
        .assert()
        .code(0)
        .stdout(predicates::str::contains("0 errors"));
    cmd()
        .args(["diagnose", "--catalogue"])
        .arg(&catalogue)
        .arg("Activate button is greyed out")
        .assert()
        .code(0);
    // The updated file in the data folder, newer than the built-in data, so it is used.
    let home = tempfile::tempdir().expect("temporary directory");
    let folder = home.path().join("mpn-support");
    std::fs::create_dir_all(&folder).expect("folder");
    let text = std::fs::read_to_string(root.join("data/lifecycle.json")).expect("data file");
    let generated = serde_json::from_str::<serde_json::Value>(&text).expect("JSON")["generated"]
        .as_str()
        .expect("generated")
        .to_owned();
    let newer = text.replacen(&generated, "2099-01-01", 1);
    std::fs::write(folder.join("lifecycle.json"), with_bom(&newer)).expect("write");
    let out = cmd()
        .env("XDG_DATA_HOME", home.path())
        .args(["validate", "-f", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["data"]["lifecycle"]["origin"], "updated", "{json}");
}

/// Issue 21, defect 11: values Rust reads as numbers (`-inf`, `+NaN`, `-Infinity`) are no plain
/// decimal numbers: a CSV cell starting with one gets the formula guard.
#[test]
fn csv_guard_takes_only_plain_numbers() {
    for value in ["-inf", "+NaN", "-Infinity", "-1e5", "-12.5"] {
        let out = cmd()
            .args(["diagnose", "-f", "csv", "--", value])
            .output()
            .expect("runs");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        let mut reader = csv::Reader::from_reader(stdout.as_bytes());
        let record = reader.records().next().expect("a row").expect("CSV record");
        let cell = record.get(0).expect("input cell");
        let expected = if value == "-12.5" {
            value.to_owned()
        } else {
            format!("'{value}")
        };
        assert_eq!(cell, expected, "{stdout}");
    }
}

/// Issue 21, defect 8: the argument parser's own errors escape the values they repeat, as every
/// other error does: a value can make no line of its own on stderr (a CI log runs `::error::`
/// lines) nor reorder it; usage errors still exit 2, `--help` and `--version` 0.
#[test]
fn usage_errors_escape_their_values() {
    let value = |bad: &str| format!("x{bad}::error::pwned\u{202e}");
    for bad in ["\n", "\r", "\u{1b}[2J"] {
        let v = value(bad);
        let cases: Vec<Vec<String>> = vec![
            vec![
                "check".into(),
                "-t".into(),
                "gold".into(),
                "--as-of".into(),
                v.clone(),
            ],
            vec![
                "check".into(),
                "-t".into(),
                "gold".into(),
                "--format".into(),
                v.clone(),
            ],
            vec![
                "check".into(),
                "-t".into(),
                "gold".into(),
                "--warn-days".into(),
                v.clone(),
            ],
            vec![
                "check".into(),
                "-t".into(),
                "gold".into(),
                "--activated".into(),
                v.clone(),
            ],
            vec![
                "lifecycle".into(),
                "update".into(),
                "--timeout".into(),
                v.clone(),
            ],
            vec![
                "lifecycle".into(),
                "update".into(),
                "--base-url".into(),
                format!("http://{v}"),
            ],
            vec![v.clone()],
            vec!["check".into(), format!("--{v}")],
            vec!["check".into(), "-t".into(), "gold".into(), v.clone()],
            vec!["completions".into(), v.clone()],
        ];
        for args in cases {
            let out = cmd().args(&args).output().expect("runs");
            let stderr = String::from_utf8(out.stderr).expect("UTF-8");
            assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
            assert!(
                !stderr.lines().any(|l| l.starts_with("::")),
                "{args:?}: {stderr}"
            );
            assert!(!stderr.chars().any(is_unsafe), "{args:?}: {stderr:?}");
            assert!(stderr.contains("\\u{202e}"), "{args:?}: {stderr}");
            assert!(stderr.starts_with("error: "), "{args:?}: {stderr}");
        }
    }
    // A user name and password in a refused address are not repeated.
    let out = cmd()
        .args(["lifecycle", "update", "--base-url", "http://user:s3cret@"])
        .output()
        .expect("runs");
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("s3cret"), "{stderr}");
    assert!(stderr.contains("http://***@"), "{stderr}");
    // Help and version are no errors.
    for args in [["--help"], ["--version"]] {
        cmd().args(args).assert().code(0);
    }
    cmd().args(["check", "--help"]).assert().code(0);
    cmd().args(["lifecycle"]).assert().code(2);
}

/// Runs the binary under an address-space limit (`ulimit -v`, in KiB) with `stdin` as its
/// input, so input that would take memory without bound fails the test instead of the machine.
#[cfg(unix)]
fn run_limited(limit_kib: u32, args: &[&str], stdin: &Path) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("mpn-support");
    std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -v {limit_kib} && exec \"$@\""))
        .arg("sh")
        .arg(bin)
        .args(args)
        .env_remove("MPN_SUPPORT_DATA_DIR")
        .stdin(std::fs::File::open(stdin).expect("input"))
        .output()
        .expect("sh runs")
}

/// What a command run under a memory limit printed, and how it ended.
#[cfg(unix)]
fn limited(limit_kib: u32, args: &[&str], stdin: &Path) -> (Option<i32>, String, String) {
    let out = run_limited(limit_kib, args, stdin);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A little more than the commands need on small input (about 24 MiB of address space).
#[cfg(unix)]
const LIMIT_KIB: u32 = 40 * 1024;

/// Issue 21, defect 3: a 15 MB row (CSV, a CSV field quoted over many lines, JSON Lines) is
/// that row's error and the rows after it are decided, in flat memory: under a 40 MiB limit
/// (without the bound the row alone took twice its size, and the command aborted).
#[cfg(unix)]
#[test]
fn a_long_batch_row_is_refused_in_bounded_memory() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let long = "x".repeat(15_000_000);
    let quoted = format!("{}\n", "y".repeat(99)).repeat(150_000);
    let inputs = [
        ("long.csv", format!("tier,product\ngold,{long}\ngold,sql\n")),
        (
            "quoted.csv",
            format!("tier,product\ngold,\"{quoted}\"\ngold,sql\n"),
        ),
        (
            "long.jsonl",
            format!(
                "{{\"tier\":\"gold\",\"product\":\"{long}\"}}\n{{\"tier\":\"gold\",\"product\":\"sql\"}}\n"
            ),
        ),
    ];
    for (name, text) in inputs {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("input");
        let format = if name.ends_with("csv") {
            "csv"
        } else {
            "jsonl"
        };
        let args = [
            "check",
            "--as-of",
            "2021-06-19",
            "--input-format",
            format,
            "--batch",
            "-",
        ];
        let (code, stdout, stderr) = limited(LIMIT_KIB, &args, &path);
        assert_eq!(code, Some(2), "{name}: {stderr}");
        assert_eq!(stderr, "1 eligible, 0 not eligible, 1 invalid\n", "{name}");
        let lines: Vec<&str> = stdout.lines().collect();
        assert_eq!(lines.len(), 2, "{name}: {stdout:.300}");
        let first = if format == "csv" { 2 } else { 1 };
        assert!(
            lines[0].starts_with(&format!("line {first}: error: the row is "))
                && lines[0].ends_with("bytes long, more than the 65536 a row may have"),
            "{name}: {}",
            lines[0]
        );
        assert!(lines[1].contains("ELIGIBLE"), "{name}: {}", lines[1]);
    }
}

/// Issue 21, defect 3: input that never ends a line (`/dev/zero`) ends the batch with exit 2
/// and says why, for `check --batch` and `verify`, CSV and JSON Lines, in flat memory.
#[cfg(unix)]
#[test]
fn endless_batch_input_ends_the_batch() {
    let zero = Path::new("/dev/zero");
    for args in [
        &["check", "--as-of", "2021-06-19", "--batch", "/dev/zero"][..],
        &[
            "check",
            "--as-of",
            "2021-06-19",
            "--input-format",
            "jsonl",
            "--batch",
            "-",
        ],
        &["verify", "--as-of", "2021-06-19", "/dev/zero"],
        &[
            "verify",
            "--as-of",
            "2021-06-19",
            "--input-format",
            "jsonl",
            "-",
        ],
    ] {
        let (code, stdout, stderr) = limited(LIMIT_KIB, args, zero);
        assert_eq!(code, Some(2), "{args:?}: {stderr}");
        let said = format!("{stdout}{stderr}");
        assert!(
            said.contains("no line end within 16 MiB"),
            "{args:?}: {said}"
        );
        assert!(!said.contains('\u{0}'), "{args:?}");
    }
}

/// Input for the no-abort property: arbitrary bytes, or a small unit repeated up to a
/// megabyte (deep nesting, long lines, aliases, quotes, NULs, byte order marks, many rows).
fn any_input() -> impl Strategy<Value = Vec<u8>> {
    const UNITS: [&str; 14] = [
        "[",
        "{\"a\":",
        "- ",
        "a: &a [*a, *a]\n",
        "\"",
        ",",
        "\n",
        "\0",
        "\u{feff}",
        "x",
        "gold,sql,2019\n",
        "{\"tier\":\"gold\",\"product\":\"sql\"}\n",
        "---\n",
        "\r",
    ];
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..2000),
        (proptest::sample::select(&UNITS[..]), 1usize..200_000)
            .prop_map(|(unit, n)| unit.repeat(n.min((1 << 20) / unit.len())).into_bytes()),
    ]
}

/// A memory bound far above what any command needs on this input (a megabyte at most), low
/// enough that an unbounded reader hits it.
#[cfg(unix)]
const PROPERTY_LIMIT_KIB: u32 = 256 * 1024;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// Issue 21, the general property: no input makes any command abort (a signal, a panic,
    /// an allocation failure under a memory limit); each ends with 0, 1 or 2. The input goes
    /// to a batch and an expectation file, each data file, and an import's page and API answer.
    #[cfg(unix)]
    #[test]
    fn no_input_makes_a_command_abort(input in any_input()) {
        let dir = tempfile::tempdir().expect("temporary directory");
        let file = dir.path().join("input");
        std::fs::write(&file, &input).expect("input");
        let shown = file.to_str().expect("UTF-8 path");
        let md = import_sources(dir.path(), "md", &input);
        let api = import_sources(dir.path(), "json", &input);
        let out = dir.path().join("out.json");
        let out = out.to_str().expect("UTF-8 path");
        let runs: Vec<Vec<&str>> = vec![
            vec!["check", "--as-of", "2021-06-19", "--batch", "-"],
            vec!["check", "--as-of", "2021-06-19", "--input-format", "jsonl", "--batch", "-"],
            vec!["verify", "--as-of", "2021-06-19", "-"],
            vec!["validate", "--lifecycle", shown],
            vec!["validate", "--entitlements", shown],
            vec!["diagnose", "--catalogue", shown, "x"],
            vec!["lifecycle", "import", "--generated", "2026-01-01", "--sources", &md, "--output", out],
            vec!["lifecycle", "import", "--generated", "2026-01-01", "--sources", &api, "--output", out],
        ];
        for args in runs {
            let (code, _, stderr) = limited(PROPERTY_LIMIT_KIB, &args, &file);
            prop_assert!(matches!(code, Some(0..=2)), "{:?}: {:?} {}", args, code, stderr);
            prop_assert!(!stderr.contains("panicked"), "{:?}: {}", args, stderr);
        }
    }
}

/// A sources folder for `lifecycle import` whose page (`md`) or API answer (`json`) is `input`.
fn import_sources(dir: &Path, kind: &str, input: &[u8]) -> String {
    let sources = dir.join(kind);
    std::fs::create_dir_all(sources.join("endoflife")).expect("dirs");
    let src = fixture("import/frontmatter");
    for file in ["catalogue.json", "microsoft-lifecycle-supplement.json"] {
        std::fs::copy(src.join(file), sources.join(file)).expect("copy");
    }
    std::fs::write(sources.join(format!("endoflife/widget.{kind}")), input).expect("page");
    sources.to_str().expect("UTF-8 path").to_owned()
}

/// Runs `check --batch` on `input`, read from a file named `name` (or standard input when
/// `name` is `-`), with `extra` arguments: exit status and stdout.
fn batch_named(name: &str, input: &[u8], extra: &[&str]) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().expect("temporary directory");
    let mut command = cmd();
    command.args(["check", "--as-of", "2026-06-01", "--batch"]);
    if name == "-" {
        command.arg("-").write_stdin(input);
    } else {
        let path = dir.path().join(name);
        std::fs::write(&path, input).expect("batch file");
        command.arg(&path);
    }
    let out = command.args(extra).output().expect("runs");
    (
        out.status.code(),
        String::from_utf8(out.stdout).expect("UTF-8"),
    )
}

/// Review finding 17: a line break in a value is written `\n` in the GitHub and Azure
/// formats, before their own %-encoding, so the runner or agent never decodes it back into a
/// real line break (`%0A` would be).
#[test]
fn line_breaks_in_ci_formats_are_written_visibly() {
    // A title (the carried column) and a message (the unknown tier), each with a line break.
    let input = b"customer,tier,product,version\nx,\"gl\nod\",sql-server,2022\n\"Con\ntoso\",spd,sql-server,2019\n";
    for format in ["github", "azure"] {
        let (code, stdout) = batch_named("rows.csv", input, &["-f", format]);
        assert_eq!(code, Some(2), "{format}: {stdout}");
        assert!(
            !stdout.contains("%0A") && !stdout.contains("%0D"),
            "{format}: {stdout}"
        );
        assert!(
            stdout.contains("unknown tier `gl\\nod`"),
            "{format}: {stdout}"
        );
        assert!(stdout.contains("customer=Con\\ntoso"), "{format}: {stdout}");
        assert_eq!(stdout.lines().count(), 2, "{format}: {stdout}");
    }
}

/// Review finding 17: an entity reference in a value shows as written in markdown (`&amp;`
/// stays `&amp;`, not `&`).
#[test]
fn markdown_shows_entity_references_as_written() {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let (_, stdout) = batch_named(
        "rows.csv",
        b"customer,tier,product,version\n&amp; &lt;b&gt;,spd,sql-server,2022\n",
        &["-f", "markdown"],
    );
    let mut cells = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(&stdout, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => cells.extend(cell.take()),
            Event::Text(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    assert!(
        cells.iter().any(|c| c == "&amp; &lt;b&gt;"),
        "{cells:?}\n{stdout}"
    );
}

/// Review finding 17: a batch read from standard input points at no file: GitHub annotations
/// have neither `file` nor `line`, Azure issues neither `sourcepath` nor `linenumber`, JUnit
/// cases no `file`; from a file, every one of them names it.
#[test]
fn stdin_batches_point_at_no_file() {
    let input = b"tier,product,version\nspd,sql-server,2019\n";
    let (_, github) = batch_named("-", input, &["-f", "github"]);
    assert!(github.starts_with("::error title="), "{github}");
    assert!(
        !github.contains("file=") && !github.contains("line="),
        "{github}"
    );
    let (_, azure) = batch_named("-", input, &["-f", "azure"]);
    assert!(
        azure.starts_with("##vso[task.logissue type=error;]"),
        "{azure}"
    );
    assert!(
        !azure.contains("sourcepath") && !azure.contains("linenumber"),
        "{azure}"
    );
    let (_, junit) = batch_named("-", input, &["-f", "junit"]);
    let doc = roxmltree::Document::parse(&junit).expect("XML");
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase"))
        .expect("a test case");
    assert_eq!(case.attribute("file"), None, "{junit}");
    // From a file, each format names it and the line.
    let (_, github) = batch_named("rows.csv", input, &["-f", "github"]);
    assert!(github.contains("rows.csv,line=2,title="), "{github}");
    let (_, azure) = batch_named("rows.csv", input, &["-f", "azure"]);
    assert!(azure.contains("rows.csv;linenumber=2;]"), "{azure}");
}

/// Review finding 17: `verify --format junit` cases carry `file` like `check --batch` ones.
#[test]
fn verify_junit_cases_name_the_file() {
    let out = cmd()
        .args(["verify", "-f", "junit"])
        .arg(fixture("batch/expectations.csv"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let junit = String::from_utf8(out.stdout).expect("UTF-8");
    let doc = roxmltree::Document::parse(&junit).expect("XML");
    let files: Vec<Option<&str>> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|n| n.attribute("file"))
        .collect();
    assert_eq!(files.len(), 4, "{junit}");
    assert!(
        files
            .iter()
            .all(|f| f.is_some_and(|f| f.ends_with("batch/expectations.csv"))),
        "{junit}"
    );
}
