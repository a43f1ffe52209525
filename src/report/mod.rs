//! What each command answers: one plain-data report per command, built once from a decision
//! or the data, read by every printer. Their serde form is the stable JSON contract
//! (docs/json.md): fields are added, never renamed or removed casually. Human strings inside
//! a report (a reason's `detail`, a note's `text`) are in the answer's language; ids, codes and
//! dates never change with it.

pub mod batch;
pub mod check;
pub mod competencies;
pub mod diagnose;
pub mod import;
pub mod matrix;
pub mod products;
pub mod programs;
pub mod roles;
pub mod validate;

use chrono::NaiveDate;
use serde::Serialize;

use crate::data::entitlements::Entitlements;
use crate::data::{DataKind, Dataset, Origin, Stale};
use crate::engine::{Msg, Value};
use crate::i18n::Words;

pub use check::{CheckReport, CheckRow};

/// The answer of one command, ready to print.
#[derive(Debug, Clone)]
pub enum Report {
    /// `check`.
    Check(Box<CheckReport>),
    /// `explain`: the same answer as `check`, told as prose.
    Explain(Box<CheckReport>),
    /// `matrix`.
    Matrix(matrix::MatrixReport),
    /// `products`.
    Products(products::ProductsReport),
    /// `products --format svg`.
    Timeline(products::TimelineReport),
    /// `programs`.
    Programs(programs::ProgramsReport),
    /// `roles`.
    Roles(roles::RolesReport),
    /// `roles --can`.
    RoleAnswer(roles::RoleAnswer),
    /// `diagnose`.
    Diagnose(diagnose::DiagnoseReport),
    /// `competencies`.
    Competencies(competencies::CompetenciesReport),
    /// `validate`.
    Validate(validate::ValidateReport),
    /// `lifecycle import` and `lifecycle update`.
    Import(import::ImportReport),
}

/// A source named by a period.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct SourceOut {
    /// Reference id.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl SourceOut {
    /// The references of these ids, in order.
    pub fn list(ent: &Entitlements, ids: &[String], words: &Words) -> Vec<Self> {
        ids.iter()
            .map(|id| {
                let reference = ent.reference(id);
                SourceOut {
                    id: id.clone(),
                    title: reference
                        .map_or_else(|| id.clone(), |r| words.data(&r.title).into_owned()),
                    url: reference.and_then(|r| r.url.clone()),
                }
            })
            .collect()
    }
}

/// Which data files an answer used.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct DataOut {
    /// The entitlement table.
    pub entitlements: DataFileOut,
    /// The lifecycle data.
    pub lifecycle: DataFileOut,
}

/// One data file an answer used.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, schemars::JsonSchema)]
pub struct DataFileOut {
    /// `built-in` (compiled into the binary), `file` (named by a data flag or
    /// MPN_SUPPORT_DATA_DIR) or `updated` (written by `lifecycle update`).
    pub origin: Origin,
    /// The file's path; omitted for built-in data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// When the file was generated, when it says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<NaiveDate>,
}

impl DataOut {
    /// Where each file of `data` came from, and its date.
    pub fn new(data: &Dataset) -> Self {
        let file = |(origin, name): &(Origin, String), generated| DataFileOut {
            origin: *origin,
            path: (*origin != Origin::BuiltIn).then(|| name.clone()),
            generated,
        };
        DataOut {
            entitlements: file(&data.origins.entitlements, data.entitlements.generated),
            lifecycle: file(&data.origins.lifecycle, data.lifecycle.generated),
        }
    }
}

/// The warning for a data file generated long before the day of an answer.
pub fn stale_message(stale: &Stale, as_of: NaiveDate) -> Msg<'static> {
    let id = match stale.file {
        DataKind::Entitlements => "warning-stale-entitlements",
        DataKind::Lifecycle => "warning-stale-lifecycle",
    };
    Msg::new(
        id,
        vec![
            ("generated", Value::Day(stale.generated)),
            ("days", Value::Count(u64::try_from(stale.days).unwrap_or(0))),
            ("as_of", Value::Day(as_of)),
        ],
    )
}

/// The staleness warnings of an answer's day, in words.
pub fn stale_warnings(data: &Dataset, as_of: NaiveDate, words: &Words) -> Vec<String> {
    data.staleness(as_of)
        .iter()
        .map(|s| words.msg(&stale_message(s, as_of)))
        .collect()
}
