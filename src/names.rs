//! Matching names typed on the command line against names the data defines.
//!
//! Owns the one normalisation rule (case, spaces, hyphens and underscores do not count) and the
//! "did you mean" suggestion. It knows nothing about tiers or products: callers hand it
//! candidates. It must not read files or print.

use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::fmt;

use crate::message::{Msg, Value};

/// Folds a name for comparison: lowercase, without spaces, tabs, hyphens or underscores.
pub fn normalize(name: &str) -> String {
    let ignored = |c: char| matches!(c, ' ' | '-' | '_' | '\t');
    if name.is_ascii() {
        // Every name of a batch row goes through here: bytes, no case tables, for ASCII.
        let mut folded = String::with_capacity(name.len());
        folded.extend(
            name.bytes()
                .map(char::from)
                .filter(|c| !ignored(*c))
                .map(|c| c.to_ascii_lowercase()),
        );
        return folded;
    }
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Finds which earlier entry a spelling collides with once folded (validation of data files).
#[derive(Debug, Default)]
pub struct Spellings<'a> {
    seen: HashMap<String, (usize, &'a str)>,
}

impl<'a> Spellings<'a> {
    /// Records `spelling` for entry `owner`; returns the earlier entry and spelling it collides
    /// with, if any (the same entry spelling itself twice is no collision).
    pub fn insert(&mut self, spelling: &'a str, owner: usize) -> Option<(usize, &'a str)> {
        match self.seen.entry(normalize(spelling)) {
            Entry::Occupied(e) => {
                let (first, first_spelling) = *e.get();
                (first != owner).then_some((first, first_spelling))
            }
            Entry::Vacant(e) => {
                e.insert((owner, spelling));
                None
            }
        }
    }
}

/// The error for a name that matches nothing: the valid `ids`, and the id whose spelling (a
/// key of `names`, already folded, mapped to the id's position) is closest, when close enough.
pub fn unknown_name(
    kind: &'static str,
    input: &str,
    names: &HashMap<String, usize>,
    ids: &[&str],
) -> UnknownNameError {
    // A value far longer than every name is no typo of one: no suggestion, and no edit-distance
    // work proportional to its length (a 5 MB value took seconds).
    let longest = names.keys().map(String::len).max().unwrap_or(0);
    let near = input.len() <= 2 * longest + 8;
    let wanted = if near {
        normalize(input)
    } else {
        String::new()
    };
    // A suggestion must be close: Jaro-Winkler 0.85 accepts one or two typos in short names.
    // Sorted first, so that equal scores always suggest the same name.
    let mut spellings: Vec<(&String, &usize)> = names.iter().filter(|_| near).collect();
    spellings.sort();
    let suggestion = spellings
        .into_iter()
        .map(|(spelling, &i)| (strsim::jaro_winkler(spelling, &wanted), i))
        .filter(|(score, _)| *score >= 0.85)
        .fold(None, |best: Option<(f64, usize)>, (score, i)| match best {
            Some((b, _)) if b >= score => best,
            _ => Some((score, i)),
        })
        .and_then(|(_, i)| ids.get(i))
        .map(|id| (*id).to_owned());
    UnknownNameError {
        kind,
        value: input.to_owned(),
        of: None,
        choices: ids.iter().map(|id| (*id).to_owned()).collect(),
        suggestion,
    }
}

/// A name on the command line that matches nothing in the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownNameError {
    /// What was being looked up: `tier`, `product`, `version of sql-server`, ...
    pub kind: &'static str,
    /// The value as the user typed it.
    pub value: String,
    /// What the value belongs to, e.g. the product of a version.
    pub of: Option<String>,
    /// The canonical spellings that would have matched.
    pub choices: Vec<String>,
    /// The closest canonical spelling, when one is close enough to suggest.
    pub suggestion: Option<String>,
}

/// The longest value an error message repeats whole; a longer one is cut, with its length.
const SHOWN: usize = 200;

impl UnknownNameError {
    /// In words: `unknown tier `glod`: did you mean `gold`? (valid: ...)`; a value far longer
    /// than any name is shown cut, with its length.
    pub fn message(&self) -> Msg<'_> {
        let value = match self.value.char_indices().nth(SHOWN) {
            Some((cut, _)) => Value::Message(
                "error-value-cut",
                vec![
                    ("value", Value::Text(&self.value[..cut])),
                    ("bytes", Value::Count(self.value.len() as u64)),
                ],
            ),
            None => Value::Message("error-value", vec![("value", Value::Text(&self.value))]),
        };
        let of = match &self.of {
            Some(of) => Value::Message("error-unknown-of", vec![("of", Value::Text(of))]),
            None => Value::Text(""),
        };
        let suggestion = match &self.suggestion {
            Some(s) => Value::Message("error-did-you-mean", vec![("suggestion", Value::Text(s))]),
            None => Value::Text(""),
        };
        let valid = if self.choices.is_empty() {
            Value::Text("")
        } else {
            Value::Message(
                "error-valid",
                vec![(
                    "choices",
                    Value::Codes(
                        self.choices
                            .iter()
                            .map(|c| Value::Message("error-value", vec![("value", Value::Text(c))]))
                            .collect(),
                    ),
                )],
            )
        };
        Msg::new(
            "error-unknown-name",
            vec![
                ("kind", Value::Message(self.kind_message(), Vec::new())),
                ("value", value),
                ("of", of),
                ("suggestion", suggestion),
                ("valid", valid),
            ],
        )
    }

    /// The catalogues' word for what was looked up.
    fn kind_message(&self) -> &'static str {
        match self.kind {
            "tier" => "kind-tier",
            "product" => "kind-product",
            "version" => "kind-version",
            "competency" => "kind-competency",
            "role" => "kind-role",
            "action" => "kind-action",
            "channel" => "kind-channel",
            _ => "kind-name",
        }
    }
}

impl fmt::Display for UnknownNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.value.char_indices().nth(SHOWN) {
            Some((cut, _)) => write!(
                f,
                "unknown {} `{}...` ({} bytes)",
                self.kind,
                &self.value[..cut],
                self.value.len()
            )?,
            None => write!(f, "unknown {} `{}`", self.kind, self.value)?,
        }
        if let Some(of) = &self.of {
            write!(f, " of `{of}`")?;
        }
        if let Some(suggestion) = &self.suggestion {
            write!(f, ": did you mean `{suggestion}`?")?;
        }
        if !self.choices.is_empty() {
            let list: Vec<String> = self.choices.iter().map(|c| format!("`{c}`")).collect();
            write!(f, " (valid: {})", list.join(", "))?;
        }
        Ok(())
    }
}

impl std::error::Error for UnknownNameError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiers() -> (HashMap<String, usize>, Vec<&'static str>) {
        let names = [
            ("action-pack", 0),
            ("maps", 0),
            ("Action Pack", 0),
            ("gold", 1),
        ]
        .into_iter()
        .map(|(s, i)| (normalize(s), i))
        .collect();
        (names, vec!["action-pack", "gold"])
    }

    /// Case, spaces, hyphens and underscores are ignored when matching.
    #[test]
    fn matches_ignoring_case_spaces_and_hyphens() {
        let (names, _) = tiers();
        assert_eq!(names.get(&normalize("ACTION_pack")), Some(&0));
        assert_eq!(names.get(&normalize("Action Pack")), Some(&0));
        assert_eq!(names.get(&normalize("MAPS")), Some(&0));
        assert_eq!(normalize("2012-R2"), normalize("2012r2"));
        assert_eq!(normalize("Ärger Über"), "ärgerüber");
        assert_eq!(
            normalize("Windows Server 2012-R2"),
            normalize("windowsserver2012r2")
        );
        assert_eq!(normalize("ÄB-c"), normalize("äbc"));
        let mut s = Spellings::default();
        assert_eq!(s.insert("SQL Server", 0), None);
        assert_eq!(s.insert("sql-server", 0), None);
        assert_eq!(s.insert("sqlserver", 1), Some((0, "SQL Server")));
    }

    /// A near miss is suggested; a far miss lists the choices without a guess.
    #[test]
    fn suggests_close_names_only() {
        let (names, ids) = tiers();
        let err = unknown_name("tier", "glod", &names, &ids);
        assert_eq!(err.suggestion.as_deref(), Some("gold"));
        assert_eq!(
            err.to_string(),
            "unknown tier `glod`: did you mean `gold`? (valid: `action-pack`, `gold`)"
        );
        let err = unknown_name("tier", "platinum", &names, &ids);
        assert_eq!(err.suggestion, None);
        // Issue 16, defect 6: a huge value gets no suggestion and is shown cut.
        let huge = "gold".repeat(1_000_000);
        let err = unknown_name("tier", &huge, &names, &ids);
        assert_eq!(err.suggestion, None);
        let shown = err.to_string();
        assert!(shown.len() < 400, "{}", shown.len());
        assert!(shown.contains("(4000000 bytes)"));
    }
}
