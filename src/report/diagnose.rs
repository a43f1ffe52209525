//! `diagnose`: what a portal message or symptom means and what to do.

use serde::Serialize;

use crate::data::messages::Catalogue;
use crate::i18n::Words;
use crate::matching::best_match;

/// A catalogue entry that matched.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct MatchOut {
    /// Entry id.
    pub id: String,
    /// The catalogue text that matched.
    pub matched_text: String,
    /// How well, from 0 to 1.
    pub score: f64,
    /// Why it happens.
    pub cause: String,
    /// What to do.
    pub action: String,
    /// Which portal.
    pub portal: String,
    /// The section of Microsoft's page it comes from.
    pub section: String,
}

/// What `diagnose` found.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DiagnoseReport {
    /// The text as given.
    pub input: String,
    /// The best match, or null.
    pub matched: Option<MatchOut>,
    /// Every known message and symptom, when nothing matched.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub known: Vec<String>,
}

impl DiagnoseReport {
    /// Matches a text against the catalogue.
    pub fn new(catalogue: &Catalogue, input: String, words: &Words) -> Self {
        let matched = best_match(catalogue, &input).map(|m| MatchOut {
            id: m.entry.id.clone(),
            matched_text: m.phrase.to_owned(),
            score: (m.score * 100.0).round() / 100.0,
            cause: words.data(&m.entry.cause).into_owned(),
            action: words.data(&m.entry.action).into_owned(),
            portal: words.data(&m.entry.portal).into_owned(),
            section: words.data(&m.entry.section).into_owned(),
        });
        let known = if matched.is_some() {
            Vec::new()
        } else {
            // Each entry by its first message (the portal's own words), or its first symptom; in
            // Japanese, by the portal's Japanese message where the catalogue has one.
            let japanese = words.lang() == crate::i18n::Lang::Ja;
            catalogue
                .entries
                .iter()
                .flat_map(|e| {
                    let first = if japanese { e.japanese.first() } else { None };
                    first
                        .into_iter()
                        .chain(e.messages.iter().chain(&e.symptoms))
                        .take(1)
                })
                .cloned()
                .collect()
        };
        DiagnoseReport {
            input,
            matched,
            known,
        }
    }
}
