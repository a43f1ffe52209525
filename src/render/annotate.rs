//! What a CI annotation says about a batch row, the same for GitHub Actions and Azure
//! Pipelines: its level, the row as a person names it, and the message. Each format only
//! writes it in its own syntax, so the two never disagree on which row failed.

use crate::engine::Value;
use crate::i18n::Words;
use crate::report::batch::{BatchKind, Gate, Judgement, RowOutcome, RowReport};

/// How loud an annotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    /// The row fails: not eligible, failing `--fail-within`, an expectation not met, or
    /// unreadable.
    Error,
    /// The row passes with a warning: it stops qualifying soon, or the answer warns of itself.
    Warning,
    /// An eligible row, annotated only when asked (`--annotate all`).
    Notice,
}

impl Level {
    /// The word both CI systems use.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        }
    }
}

/// One annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// How loud.
    pub level: Level,
    /// The row as a person names it: the request (`spd sql-server 2019`) and the inventory's
    /// own columns (`[customer=Contoso]`).
    pub subject: String,
    /// What is wrong, or the answer.
    pub message: String,
}

/// The annotation of a row, or `None` when it gets none (a row that passes, unless
/// `notices`).
pub fn annotation(
    row: &RowReport<'_>,
    words: &Words,
    kind: BatchKind,
    notices: bool,
) -> Option<Annotation> {
    let label = row.carried_label();
    let subject = |what: String| {
        if label.is_empty() {
            what
        } else {
            format!("{what} [{label}]")
        }
    };
    let d = match &row.outcome {
        RowOutcome::Invalid(message) => {
            return Some(Annotation {
                level: Level::Error,
                subject: subject(words.text(match kind {
                    BatchKind::Check => "title-invalid-request",
                    BatchKind::Verify => "title-invalid-expectation",
                })),
                message: message.clone(),
            });
        }
        RowOutcome::Decided(d) => d,
    };
    let problems: Vec<String> = d.problems().iter().map(|m| words.msg(m)).collect();
    match &d.judgement {
        Judgement::Gate(gate) => {
            let mut request = format!("{} {}", d.row.tier, d.row.product);
            if let Some(v) = d.row.version {
                request.push(' ');
                request.push_str(v);
            }
            let first = problems.first().map_or("", String::as_str);
            let but = || words.format("eligible-but", &[("problem", Value::Text(first))]);
            let (level, message) = match gate {
                Gate::NotEligible => (Level::Error, d.row.headline(words)),
                Gate::Expires(_) => (Level::Error, but()),
                Gate::Warn(_) => (Level::Warning, but()),
                // An answer that warns of itself (a legacy grant that may have run out) says so.
                Gate::Pass if !problems.is_empty() => (Level::Warning, but()),
                // A notice per eligible row floods a job's annotations: only when asked.
                Gate::Pass if !notices => return None,
                Gate::Pass => (Level::Notice, d.row.headline(words)),
            };
            Some(Annotation {
                level,
                subject: subject(request),
                message,
            })
        }
        Judgement::Expectation {
            request,
            mismatches,
        } => (!mismatches.is_empty()).then(|| Annotation {
            level: Level::Error,
            subject: subject(request.clone()),
            message: problems.join(&words.text("list-each-separator")),
        }),
    }
}
