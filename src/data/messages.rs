//! The catalogue of portal messages and symptoms that `diagnose` matches against.
//!
//! Two stages like the other data files: `CatalogueFile` mirrors the JSON, `validate` checks
//! ids and that every entry can be matched by something.

use serde::{Deserialize, Serialize};

use super::common::{check_date, unique_ids};
use super::error::{At, Problems};

/// The catalogue file as written on disk.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// Optional JSON Schema reference for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// When the file was written (`YYYY-MM-DD`).
    #[serde(default)]
    pub generated: Option<String>,
    /// Where its facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The known messages and symptoms.
    pub entries: Vec<Entry>,
}

/// One known message or symptom, with its cause and remedy.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Stable id, e.g. `not-authorized`.
    pub id: String,
    /// The message as the portal shows it, in English.
    #[serde(default)]
    pub messages: Vec<String>,
    /// The message or description in Japanese, as the localized page quotes it.
    #[serde(default)]
    pub japanese: Vec<String>,
    /// Ways people describe the situation.
    #[serde(default)]
    pub symptoms: Vec<String>,
    /// Why it happens.
    pub cause: String,
    /// What to do.
    pub action: String,
    /// Which portal it concerns.
    pub portal: String,
    /// The section of Microsoft's page it comes from.
    pub section: String,
}

impl Entry {
    /// Every phrase that may select this entry.
    pub fn phrases(&self) -> impl Iterator<Item = &str> {
        self.messages
            .iter()
            .chain(&self.japanese)
            .chain(&self.symptoms)
            .map(String::as_str)
    }
}

/// The validated catalogue.
#[derive(Debug, Clone)]
pub struct Catalogue {
    /// Entries in file order.
    pub entries: Vec<Entry>,
}

impl CatalogueFile {
    /// Checks ids and phrases, collecting all problems.
    pub fn validate(self) -> (Option<Catalogue>, Problems) {
        let mut problems = Problems::default();
        let root = At::root();
        check_date(
            &mut problems,
            &root.field("generated"),
            self.generated.as_deref(),
        );
        let entries = root.field("entries");
        unique_ids(
            &mut problems,
            &entries,
            self.entries.iter().map(|e| e.id.as_str()),
        );
        for (i, e) in self.entries.iter().enumerate() {
            if e.phrases().all(|p| p.trim().is_empty()) {
                problems.error(
                    &entries.item(i, &e.id),
                    "no message, japanese text or symptom to match",
                );
            }
        }
        if problems.has_errors() {
            return (None, problems);
        }
        (
            Some(Catalogue {
                entries: self.entries,
            }),
            problems,
        )
    }
}
