//! Matching names typed on the command line against names the data defines.
//!
//! Owns the one normalisation rule (case, spaces, hyphens and underscores do not count) and the
//! "did you mean" suggestion. It knows nothing about tiers or products: callers hand it
//! candidates. It must not read files or print.

use std::fmt;

/// Folds a name for comparison: lowercase, without spaces, hyphens or underscores.
pub fn normalize(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '\t'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One thing a user may name: its canonical id or name plus the other spellings it answers to.
pub struct Candidate<'a, T> {
    /// The canonical spelling, shown in error messages.
    pub canonical: &'a str,
    /// Every spelling that selects this candidate (the canonical one included).
    pub spellings: Vec<&'a str>,
    /// The value returned on a match.
    pub value: T,
}

/// Picks the candidate one of whose spellings equals `input` once both are normalised.
///
/// On a miss the error lists the canonical spellings and, when one is close, suggests it.
pub fn resolve<'a, T>(
    kind: &'static str,
    input: &str,
    candidates: Vec<Candidate<'a, T>>,
) -> Result<T, UnknownNameError> {
    let wanted = normalize(input);
    let mut best: Option<(f64, &str)> = None;
    let mut choices = Vec::with_capacity(candidates.len());
    for candidate in candidates {
        let mut matched = false;
        for spelling in &candidate.spellings {
            let folded = normalize(spelling);
            if folded == wanted {
                matched = true;
                break;
            }
            let score = strsim::jaro_winkler(&folded, &wanted);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, candidate.canonical));
            }
        }
        if matched {
            return Ok(candidate.value);
        }
        choices.push(candidate.canonical.to_owned());
    }
    // A suggestion must be close: Jaro-Winkler 0.85 accepts one or two typos in short names.
    let suggestion = best
        .filter(|(score, _)| *score >= 0.85)
        .map(|(_, name)| name.to_owned());
    Err(UnknownNameError {
        kind,
        value: input.to_owned(),
        of: None,
        choices,
        suggestion,
    })
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

impl fmt::Display for UnknownNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`", self.kind, self.value)?;
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

    fn tiers() -> Vec<Candidate<'static, u8>> {
        vec![
            Candidate {
                canonical: "action-pack",
                spellings: vec!["action-pack", "maps", "Action Pack"],
                value: 1,
            },
            Candidate {
                canonical: "gold",
                spellings: vec!["gold"],
                value: 3,
            },
        ]
    }

    /// Case, spaces, hyphens and underscores are ignored when matching.
    #[test]
    fn matches_ignoring_case_spaces_and_hyphens() {
        assert_eq!(resolve("tier", "ACTION_pack", tiers()), Ok(1));
        assert_eq!(resolve("tier", "Action Pack", tiers()), Ok(1));
        assert_eq!(resolve("tier", "MAPS", tiers()), Ok(1));
        assert_eq!(normalize("2012-R2"), normalize("2012r2"));
    }

    /// A near miss is suggested; a far miss lists the choices without a guess.
    #[test]
    fn suggests_close_names_only() {
        let err = resolve("tier", "glod", tiers()).unwrap_err();
        assert_eq!(err.suggestion.as_deref(), Some("gold"));
        assert_eq!(
            err.to_string(),
            "unknown tier `glod`: did you mean `gold`? (valid: `action-pack`, `gold`)"
        );
        let err = resolve("tier", "platinum", tiers()).unwrap_err();
        assert_eq!(err.suggestion, None);
    }
}
