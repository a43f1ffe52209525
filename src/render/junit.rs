//! JUnit XML for a batch: a test case per row, a `<failure>` for every row the gate or the
//! expectation fails (naming why), an `<error>` for a row that cannot be decided. The counts
//! open the report, so the cases wait in a temporary file until the last row.

use std::fs::File;
use std::io::{self, BufWriter, Write};

use super::escape::xml;
use super::{Batch, PrintError, RowPrinter, stdout_error};
use crate::engine::Value;
use crate::i18n::Words;
use crate::report::batch::{BatchKind, Gate, Judgement, RowOutcome, RowReport, RowStatus, Summary};

/// An error of the temporary file holding the test cases.
fn temp(source: io::Error) -> PrintError {
    PrintError::Write {
        what: "the temporary file of the JUnit report",
        source,
    }
}

/// Batch rows as a JUnit report.
pub struct Rows<'o> {
    out: &'o mut dyn Write,
    words: &'o Words,
    kind: BatchKind,
    name: String,
    file: Option<String>,
    cases: Option<BufWriter<File>>,
    path: tempfile::TempPath,
}

impl<'o> Rows<'o> {
    /// A report to `out`, its cases kept in a temporary file until the end.
    pub fn new(
        out: &'o mut dyn Write,
        words: &'o Words,
        batch: &Batch<'_>,
    ) -> Result<Self, PrintError> {
        let (file, path) = tempfile::NamedTempFile::new().map_err(temp)?.into_parts();
        Ok(Rows {
            out,
            words,
            kind: batch.kind,
            name: batch.name.to_owned(),
            file: batch.file.map(str::to_owned),
            cases: Some(BufWriter::new(file)),
            path,
        })
    }

    fn case(&mut self, text: &str) -> Result<(), PrintError> {
        match self.cases.as_mut() {
            Some(cases) => cases.write_all(text.as_bytes()).map_err(temp),
            None => Ok(()),
        }
    }
}

impl RowPrinter<'_> for Rows<'_> {
    fn wants_report(&self) -> bool {
        self.kind == BatchKind::Check
    }

    fn row(&mut self, row: &RowReport<'_>) -> Result<(), PrintError> {
        let words = self.words;
        let line = row.line;
        let label = row.carried_label();
        // The inventory's own columns: in the case's name, and as its properties.
        let named = |name: String| {
            if label.is_empty() {
                name
            } else {
                format!("{name} [{label}]")
            }
        };
        // A case's children, each on a line of its own.
        let mut children: Vec<String> = Vec::new();
        if !row.carried.is_empty() {
            let mut p = String::from("<properties>");
            for (name, value) in &row.carried {
                p.push_str(&format!(
                    "<property name=\"{}\" value=\"{}\"/>",
                    xml(name),
                    xml(value)
                ));
            }
            p.push_str("</properties>");
            children.push(p);
        }
        // Standard input is no file to point at.
        let file = match &self.file {
            Some(file) => format!(" file=\"{}\"", xml(file)),
            None => String::new(),
        };
        let text = match &row.outcome {
            RowOutcome::Invalid(message) => {
                let (class, what, kind) = match self.kind {
                    BatchKind::Check => ("mpn-support", "junit-invalid-request", "invalid-request"),
                    BatchKind::Verify => (
                        "mpn-support.verify",
                        "junit-invalid-expectation",
                        "invalid-expectation",
                    ),
                };
                let name = named(words.format(what, &[("line", Value::Count(line as u64))]));
                children.push(format!(
                    "<error message=\"{}\" type=\"{kind}\"/>",
                    xml(message)
                ));
                case(
                    &format!(
                        "classname=\"{class}\" name=\"{}\"{file} line=\"{line}\"",
                        xml(&name)
                    ),
                    &children,
                )
            }
            RowOutcome::Decided(d) => {
                let (class, request) = match &d.judgement {
                    Judgement::Gate(_) => {
                        let mut request = format!("{} {}", d.row.tier, d.row.product);
                        if let Some(v) = d.row.version {
                            request.push(' ');
                            request.push_str(v);
                        }
                        (format!("mpn-support.{}", d.row.product), request)
                    }
                    Judgement::Expectation { request, .. } => {
                        ("mpn-support.verify".to_owned(), request.clone())
                    }
                };
                let name = named(words.format(
                    "junit-case",
                    &[
                        ("line", Value::Count(line as u64)),
                        ("request", Value::Text(&request)),
                    ],
                ));
                let attributes = format!(
                    "classname=\"{}\" name=\"{}\"{file} line=\"{line}\"",
                    xml(&class),
                    xml(&name)
                );
                let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
                match (&d.judgement, d.status()) {
                    (Judgement::Gate(Gate::NotEligible), _) => {
                        let failed: Vec<&str> = d
                            .report
                            .iter()
                            .flat_map(|r| r.reasons.iter())
                            .filter(|x| !x.passed)
                            .map(|x| x.detail.as_str())
                            .collect();
                        children.push(format!(
                            "<failure message=\"{}\" type=\"not-eligible\">{}</failure>",
                            xml(&d.row.headline(words)),
                            xml(&failed.join("\n"))
                        ));
                    }
                    (Judgement::Gate(Gate::Expires(_)), _) => {
                        let message = words.format(
                            "eligible-but",
                            &[(
                                "problem",
                                Value::Text(problems.first().map_or("", String::as_str)),
                            )],
                        );
                        children.push(format!(
                            "<failure message=\"{}\" type=\"fail-within\">{}</failure>",
                            xml(&message),
                            xml(&d.row.headline(words))
                        ));
                    }
                    (Judgement::Gate(Gate::Warn(_) | Gate::Pass), _) if !problems.is_empty() => {
                        children.push(format!(
                            "<system-out>{}</system-out>",
                            xml(&words.format(
                                "junit-warning",
                                &[("warning", Value::Text(&problems.join("\n")))]
                            ))
                        ));
                    }
                    (Judgement::Expectation { .. }, RowStatus::Fail) => {
                        children.push(format!(
                            "<failure message=\"{}\" type=\"expectation\"/>",
                            xml(&problems.join(&words.text("list-each-separator")))
                        ));
                    }
                    _ => {}
                }
                case(&attributes, &children)
            }
        };
        self.case(&text)
    }

    fn finish(&mut self, summary: &Summary) -> Result<(), PrintError> {
        if let Some(cases) = self.cases.take() {
            cases
                .into_inner()
                .map_err(|e| e.into_error())
                .and_then(|f| f.sync_all())
                .map_err(temp)?;
        }
        let name = match self.kind {
            BatchKind::Check => "mpn-support",
            BatchKind::Verify => "mpn-support verify",
        };
        let tests = summary.total();
        let errors = summary.invalid;
        let failures = summary.failed - errors;
        let open = format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\">\n  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{errors}\" skipped=\"0\">\n",
            xml(name),
            xml(&self.name)
        );
        self.out.write_all(open.as_bytes()).map_err(stdout_error)?;
        let mut cases = File::open(&self.path).map_err(temp)?;
        io::copy(&mut cases, self.out).map_err(stdout_error)?;
        self.out
            .write_all(b"  </testsuite>\n</testsuites>\n")
            .and_then(|()| self.out.flush())
            .map_err(stdout_error)
    }
}

/// One `<testcase>` element: its attributes, then each child on a line of its own.
fn case(attributes: &str, children: &[String]) -> String {
    let mut text = format!("    <testcase {attributes}>");
    for child in children {
        text.push_str("\n      ");
        text.push_str(child);
    }
    if !children.is_empty() {
        text.push_str("\n    ");
    }
    text.push_str("</testcase>\n");
    text
}
