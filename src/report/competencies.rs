//! `competencies`: the competencies `--competency` takes, with their classes.

use serde::Serialize;

use crate::data::entitlements::Entitlements;
use crate::i18n::Words;

/// A competency and its class.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CompetencyOut {
    /// Competency id, e.g. `cloud-platform`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Class id, e.g. `cloud`.
    pub class: String,
    /// Class display name, e.g. `cloud competency`.
    pub class_name: String,
    /// Other spellings accepted.
    pub aliases: Vec<String>,
}

/// Every competency of the entitlement table, in its order (the JSON contract: an array).
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(transparent)]
pub struct CompetenciesReport {
    /// The competencies.
    pub competencies: Vec<CompetencyOut>,
}

impl CompetenciesReport {
    /// The competencies of an entitlement table.
    pub fn new(ent: &Entitlements, words: &Words) -> Self {
        CompetenciesReport {
            competencies: ent
                .competencies
                .iter()
                .map(|c| CompetencyOut {
                    id: c.id.clone(),
                    name: words.data(&c.name).into_owned(),
                    class: c.class.clone(),
                    class_name: ent
                        .competency_class(&c.class)
                        .map_or_else(|| c.class.clone(), |k| words.data(&k.name).into_owned()),
                    aliases: c.aliases.clone(),
                })
                .collect(),
        }
    }
}
