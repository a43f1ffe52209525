//! Loading the two data files (embedded defaults or user files), validating them, and resolving
//! names typed by the user against them.
//!
//! This module owns all data I/O and the one place where user spellings of tiers, products,
//! versions and competencies become data references. It must not decide entitlement.

pub mod entitlements;
pub mod error;
pub mod lifecycle;

use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub use entitlements::{Entitlements, Incidents};
pub use error::{DataError, Problem};
pub use lifecycle::{Deployment, Lifecycle, Product, Release};

use crate::names::{Candidate, UnknownNameError, resolve};
use entitlements::{CompetencyClass, EntitlementsFile, Tier};
use lifecycle::LifecycleFile;

/// The entitlement table compiled into the binary.
pub const EMBEDDED_ENTITLEMENTS: &str = include_str!("../../data/entitlements.json");
/// The lifecycle data compiled into the binary.
pub const EMBEDDED_LIFECYCLE: &str = include_str!("../../data/lifecycle.json");
/// File name of the entitlement table inside a data directory.
pub const ENTITLEMENTS_FILE: &str = "entitlements.json";
/// File name of the lifecycle data inside a data directory.
pub const LIFECYCLE_FILE: &str = "lifecycle.json";

/// Where the data comes from; a file given directly wins over the data directory.
#[derive(Debug, Clone, Default)]
pub struct DataPaths {
    /// A directory holding `entitlements.json` and `lifecycle.json`.
    pub data_dir: Option<PathBuf>,
    /// The entitlement table.
    pub entitlements: Option<PathBuf>,
    /// The lifecycle data.
    pub lifecycle: Option<PathBuf>,
}

impl DataPaths {
    fn pick(&self, direct: &Option<PathBuf>, name: &str) -> Option<PathBuf> {
        direct
            .clone()
            .or_else(|| self.data_dir.as_ref().map(|d| d.join(name)))
    }
}

/// Both data files, validated and cross-checked.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The entitlement table.
    pub entitlements: Entitlements,
    /// The lifecycle data.
    pub lifecycle: Lifecycle,
}

/// A competency as the user gave it: a named competency, a bare class, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompetencyChoice<'a> {
    /// Not given.
    Unspecified,
    /// A class given directly (`cloud`, `other`).
    Class(&'a CompetencyClass),
    /// A named competency, with its class.
    Named {
        /// The competency's display name.
        name: &'a str,
        /// Its class.
        class: &'a CompetencyClass,
    },
}

impl<'a> CompetencyChoice<'a> {
    /// The class, when known.
    pub fn class(self) -> Option<&'a CompetencyClass> {
        match self {
            CompetencyChoice::Unspecified => None,
            CompetencyChoice::Class(class) | CompetencyChoice::Named { class, .. } => Some(class),
        }
    }
}

/// Loads, parses and validates both files.
pub fn load(paths: &DataPaths) -> Result<Dataset, DataError> {
    let (ent_path, ent_text) = read(paths.pick(&paths.entitlements, ENTITLEMENTS_FILE), || {
        ("<embedded>/entitlements.json", EMBEDDED_ENTITLEMENTS)
    })?;
    let (life_path, life_text) = read(paths.pick(&paths.lifecycle, LIFECYCLE_FILE), || {
        ("<embedded>/lifecycle.json", EMBEDDED_LIFECYCLE)
    })?;
    let entitlements = parse::<EntitlementsFile>(&ent_path, &ent_text)?
        .validate()
        .map_err(|problems| DataError::Invalid {
            path: ent_path.clone(),
            problems,
        })?;
    let lifecycle = parse::<LifecycleFile>(&life_path, &life_text)?
        .validate()
        .map_err(|problems| DataError::Invalid {
            path: life_path.clone(),
            problems,
        })?;
    let problems = cross_check(&entitlements, &lifecycle);
    if !problems.is_empty() {
        return Err(DataError::Invalid {
            path: life_path,
            problems,
        });
    }
    Ok(Dataset {
        entitlements,
        lifecycle,
    })
}

fn read(
    path: Option<PathBuf>,
    embedded: impl FnOnce() -> (&'static str, &'static str),
) -> Result<(String, String), DataError> {
    match path {
        None => {
            let (name, text) = embedded();
            Ok((name.to_owned(), text.to_owned()))
        }
        Some(path) => {
            let shown = path.display().to_string();
            let text = read_text(&path).map_err(|message| DataError::Read {
                path: shown.clone(),
                message,
            })?;
            Ok((shown, text))
        }
    }
}

/// Reads a UTF-8 text file, describing failures in words a user can act on.
pub fn read_text(path: &Path) -> Result<String, String> {
    if path.is_dir() {
        return Err("is a directory, not a file".into());
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    })?;
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn parse<T: DeserializeOwned>(path: &str, text: &str) -> Result<T, DataError> {
    if text.trim().is_empty() {
        return Err(DataError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: "the file is empty".into(),
        });
    }
    serde_json::from_str(text).map_err(|e| DataError::syntax(path, &e))
}

/// References from the lifecycle data into the entitlement table.
fn cross_check(ent: &Entitlements, life: &Lifecycle) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (i, p) in life.products.iter().enumerate() {
        let entry = format!("products[{i}] (`{}`)", p.id);
        if let Some(channel) = &p.channel
            && ent.channel(channel).is_none()
        {
            problems.push(Problem {
                entry: entry.clone(),
                message: format!("channel `{channel}` is not defined in the entitlement table"),
            });
        }
        if ent.support_type_for(p.deployment).is_none() {
            problems.push(Problem {
                entry,
                message: format!(
                    "no support type in the entitlement table covers {} products",
                    p.deployment
                ),
            });
        }
    }
    problems
}

impl Dataset {
    /// Resolves a tier by id, name or alias.
    pub fn tier(&self, input: &str) -> Result<&Tier, UnknownNameError> {
        let candidates = self
            .entitlements
            .tiers
            .iter()
            .map(|t| Candidate {
                canonical: t.id.as_str(),
                spellings: spellings(&t.id, &t.name, &t.aliases),
                value: t,
            })
            .collect();
        resolve("tier", input, candidates)
    }

    /// Resolves a product by id, name or alias.
    pub fn product(&self, input: &str) -> Result<&Product, UnknownNameError> {
        let candidates = self
            .lifecycle
            .products
            .iter()
            .map(|p| Candidate {
                canonical: p.id.as_str(),
                spellings: spellings(&p.id, &p.name, &p.aliases),
                value: p,
            })
            .collect();
        resolve("product", input, candidates)
    }

    /// Resolves a version of a product by name or alias (`2012r2` finds `2012 R2`).
    pub fn version<'a>(
        &self,
        product: &'a Product,
        input: &str,
    ) -> Result<&'a Release, UnknownNameError> {
        let candidates = product
            .versions
            .iter()
            .map(|v| Candidate {
                canonical: v.version.as_str(),
                spellings: std::iter::once(v.version.as_str())
                    .chain(v.aliases.iter().map(String::as_str))
                    .collect(),
                value: v,
            })
            .collect();
        resolve("version", input, candidates).map_err(|mut e| {
            e.of = Some(product.id.clone());
            e
        })
    }

    /// Resolves a competency id, name or alias, or a competency class id or name.
    pub fn competency(&self, input: &str) -> Result<CompetencyChoice<'_>, UnknownNameError> {
        let ent = &self.entitlements;
        let classes = ent.competency_classes.iter().map(|c| Candidate {
            canonical: c.id.as_str(),
            spellings: vec![c.id.as_str(), c.name.as_str()],
            value: CompetencyChoice::Class(c),
        });
        let named = ent.competencies.iter().filter_map(|c| {
            let class = ent.competency_class(&c.class)?;
            Some(Candidate {
                canonical: c.id.as_str(),
                spellings: spellings(&c.id, &c.name, &c.aliases),
                value: CompetencyChoice::Named {
                    name: c.name.as_str(),
                    class,
                },
            })
        });
        resolve("competency", input, classes.chain(named).collect())
    }
}

fn spellings<'a>(id: &'a str, name: &'a str, aliases: &'a [String]) -> Vec<&'a str> {
    [id, name]
        .into_iter()
        .chain(aliases.iter().map(String::as_str))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded files load and validate clean.
    #[test]
    fn embedded_data_is_valid() {
        let data = load(&DataPaths::default()).expect("embedded data must validate");
        assert_eq!(data.entitlements.tiers.len(), 3);
        assert!(data.lifecycle.products.len() >= 18);
    }

    /// Versions are sorted newest first after validation.
    #[test]
    fn versions_are_sorted_newest_first() {
        let data = load(&DataPaths::default()).expect("embedded data");
        for p in &data.lifecycle.products {
            assert!(
                p.versions.windows(2).all(|w| w[0].release >= w[1].release),
                "{}",
                p.id
            );
        }
    }
}
