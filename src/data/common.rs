//! What both data files share: the deployment kind, and the checks every section uses (dates,
//! unique ids, spellings that must select one entry). Imports neither file's module.

use std::collections::HashSet;
use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::{At, Problems};

/// Whether a product is installed by the customer or run by Microsoft.
#[derive(Debug, Clone, Copy, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum Deployment {
    /// Installed and run by the customer.
    OnPremises,
    /// Run by Microsoft.
    Cloud,
}

impl Deployment {
    /// In words: the catalogues' `deployment-<word>`.
    pub fn value(self) -> crate::message::Value<'static> {
        crate::message::Value::Message(
            match self {
                Deployment::OnPremises => "deployment-on-premises",
                Deployment::Cloud => "deployment-cloud",
            },
            Vec::new(),
        )
    }
}

impl fmt::Display for Deployment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Deployment::OnPremises => "on-premises",
            Deployment::Cloud => "cloud",
        })
    }
}

/// Parses an optional date field, recording a problem when it is not a real date.
pub(crate) fn check_date(
    problems: &mut Problems,
    at: &At,
    text: Option<&str>,
) -> Option<NaiveDate> {
    match text.map(parse_date) {
        Some(Ok(date)) => Some(date),
        Some(Err(message)) => {
            problems.error(at, message);
            None
        }
        None => None,
    }
}

/// Parses a `YYYY-MM-DD` date, with an error message fit for a data-file problem.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    // Exactly four, two and two digits (chrono's own parser would take `2021-6-1`, and is a
    // tenth of a batch's time), then a real calendar day.
    let digits = |range: std::ops::Range<usize>| {
        let part = text.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    let shaped = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    shaped
        .then(|| {
            // Year 0000 is no day a file means (and chrono's year 0 is 1 BC).
            let year = i32::try_from(digits(0..4)?).ok().filter(|y| *y >= 1)?;
            NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
        })
        .flatten()
        .ok_or_else(|| format!("`{text}` is not a real date in the form YYYY-MM-DD"))
}

/// Collects ids, reporting each empty or duplicate one; returns the set of ids seen.
pub(crate) fn unique_ids<'a>(
    problems: &mut Problems,
    section: &At<'_>,
    ids: impl Iterator<Item = &'a str>,
) -> HashSet<&'a str> {
    let mut seen = HashSet::with_capacity(ids.size_hint().0);
    for (i, id) in ids.enumerate() {
        let item = section.item(i, id);
        let at = item.field("id");
        if id.trim().is_empty() {
            problems.error(&at, "empty id");
        } else if !seen.insert(id) {
            problems.error(&at, format!("duplicate id `{id}`"));
        }
    }
    seen
}

/// Reports a spelling (id, name or alias) that selects two different entries once normalised.
pub(crate) fn check_spellings<'a, S: AsRef<str> + 'a>(
    problems: &mut Problems,
    section: &At<'_>,
    entries: impl Iterator<Item = (&'a str, &'a str, &'a [S])>,
) {
    let mut seen = crate::names::Spellings::default();
    let mut ids: Vec<&str> = Vec::with_capacity(32);
    for (i, (id, name, aliases)) in entries.enumerate() {
        ids.push(id);
        let spellings = [id, name]
            .into_iter()
            .chain(aliases.iter().map(AsRef::as_ref));
        for spelling in spellings {
            match seen.insert(spelling, i) {
                // Duplicate ids are reported by `unique_ids`.
                Some((j, _)) if ids.get(j) == Some(&id) => {}
                Some((j, _)) => problems.error(
                    &section.item(i, id),
                    format!(
                        "name or alias `{spelling}` also names `{}`",
                        ids.get(j).copied().unwrap_or_default()
                    ),
                ),
                None => {}
            }
        }
    }
}
