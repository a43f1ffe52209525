//! What changes between two lifecycle files: for `--dry-run` and the closing lines of an
//! import or update.

use std::collections::HashMap;

use thiserror::Error;

use crate::message::{Msg, Value};

use crate::data::lifecycle::{LifecycleFile, ProductEntry, VersionEntry};

/// What changes between two lifecycle files: products and versions added or removed, and each
/// changed field of a version with its old and new value. Linear in the versions (each side is
/// indexed by name).
pub fn changes(old: &LifecycleFile, new: &LifecycleFile) -> Vec<String> {
    let mut out = Vec::new();
    let show = |d: &Option<String>| d.clone().unwrap_or_else(|| "none".into());
    let describe = |v: &VersionEntry| {
        format!(
            "release {}, mainstream end {}, extended end {}",
            v.release,
            show(&v.mainstream_end),
            show(&v.extended_end)
        )
    };
    for (what, before, after) in [
        ("$schema", &old.schema, &new.schema),
        ("generated", &old.generated, &new.generated),
    ] {
        if before != after {
            out.push(format!(
                "changed {what}: {} -> {}",
                show(before),
                show(after)
            ));
        }
    }
    if old.sources != new.sources {
        out.push("changed sources".to_owned());
    }
    let old_products = by_id(&old.products);
    let new_products = by_id(&new.products);
    for np in &new.products {
        let Some(op) = old_products.get(np.id.as_str()) else {
            out.push(format!(
                "added product {} ({} versions)",
                np.id,
                np.versions.len()
            ));
            continue;
        };
        let old_versions = by_name(&op.versions);
        let new_versions = by_name(&np.versions);
        for nv in &np.versions {
            let Some(ov) = old_versions.get(nv.version.as_str()) else {
                out.push(format!("added {} {}: {}", np.id, nv.version, describe(nv)));
                continue;
            };
            let fields = [
                (
                    "release",
                    Some(ov.release.clone()),
                    Some(nv.release.clone()),
                ),
                (
                    "mainstream end",
                    ov.mainstream_end.clone(),
                    nv.mainstream_end.clone(),
                ),
                (
                    "extended end",
                    ov.extended_end.clone(),
                    nv.extended_end.clone(),
                ),
                ("track", Some(ov.track.clone()), Some(nv.track.clone())),
                (
                    "policy",
                    Some(format!("{:?}", ov.policy)),
                    Some(format!("{:?}", nv.policy)),
                ),
            ];
            for (what, before, after) in fields {
                if before != after {
                    out.push(format!(
                        "changed {} {}: {what} {} -> {}",
                        np.id,
                        nv.version,
                        show(&before),
                        show(&after)
                    ));
                }
            }
        }
        for ov in &op.versions {
            if !new_versions.contains_key(ov.version.as_str()) {
                out.push(format!(
                    "removed {} {}: {}",
                    np.id,
                    ov.version,
                    describe(ov)
                ));
            }
        }
    }
    for op in &old.products {
        if !new_products.contains_key(op.id.as_str()) {
            out.push(format!("removed product {}", op.id));
        }
    }
    out
}

fn by_id(products: &[ProductEntry]) -> HashMap<&str, &ProductEntry> {
    products.iter().map(|p| (p.id.as_str(), p)).collect()
}

fn by_name(versions: &[VersionEntry]) -> HashMap<&str, &VersionEntry> {
    versions.iter().map(|v| (v.version.as_str(), v)).collect()
}

/// The versions of one product that a new file no longer has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loss {
    /// The product id.
    pub product: String,
    /// Its versions in the current data.
    pub had: usize,
    /// The versions the new file lacks, in the current data's order.
    pub missing: Vec<String>,
    /// Where the product's new data came from (addresses, file names).
    pub sources: Vec<String>,
}

/// What the current data has and a new file would lose: every version of every product of
/// `old` missing from `new` (a whole product missing loses all its versions). Linear.
pub fn losses(
    old: &LifecycleFile,
    new: &LifecycleFile,
    sources: impl Fn(&str) -> Vec<String>,
) -> Vec<Loss> {
    let new_products = by_id(&new.products);
    old.products
        .iter()
        .filter_map(|op| {
            let kept = new_products
                .get(op.id.as_str())
                .map(|np| by_name(&np.versions));
            let missing: Vec<String> = op
                .versions
                .iter()
                .filter(|v| {
                    kept.as_ref()
                        .is_none_or(|k| !k.contains_key(v.version.as_str()))
                })
                .map(|v| v.version.clone())
                .collect();
            (!missing.is_empty()).then(|| Loss {
                product: op.id.clone(),
                had: op.versions.len(),
                missing,
                sources: sources(&op.id),
            })
        })
        .collect()
}

/// Versions the current data has that an update would remove, refused unless asked for.
#[derive(Debug, Error, PartialEq, Eq)]
#[error(
    "the update would remove {} version{} that {} has, so nothing was written (if upstream really dropped them, run again with --allow-removals; --dry-run lists every change)",
    self.count(),
    if self.count() == 1 { "" } else { "s" },
    self.current_words()
)]
pub struct LossError {
    /// What the comparison was made with: the file replaced, or (none) the built-in data.
    pub current: Option<String>,
    /// What each product would lose.
    pub losses: Vec<Loss>,
}

/// The most version names listed per product in a message.
const NAMES_SHOWN: usize = 12;

impl LossError {
    /// What the comparison was made with, in English: `` `path` `` or "the built-in data".
    pub fn current_words(&self) -> String {
        match &self.current {
            Some(path) => format!("`{path}`"),
            None => "the built-in data".to_owned(),
        }
    }

    /// How many versions would be lost.
    pub fn count(&self) -> usize {
        self.losses.iter().map(|l| l.missing.len()).sum()
    }
}

impl LossError {
    /// The refusal in the catalogue's words, then one message per product: what it would
    /// lose, and where its new data came from.
    pub fn messages(&self) -> (Msg<'_>, Vec<Msg<'_>>) {
        let head = Msg::new(
            "error-loss",
            vec![
                ("count", Value::Count(self.count() as u64)),
                (
                    "current",
                    match &self.current {
                        Some(path) => Value::Owned(format!("`{path}`")),
                        None => Value::Message("data-built-in", Vec::new()),
                    },
                ),
            ],
        );
        let lines = self
            .losses
            .iter()
            .map(|l| {
                let mut names: Vec<Value<'_>> = l
                    .missing
                    .iter()
                    .take(NAMES_SHOWN)
                    .map(|v| Value::Owned(format!("`{v}`")))
                    .collect();
                if l.missing.len() > NAMES_SHOWN {
                    names.push(Value::Message(
                        "error-and-more",
                        vec![(
                            "count",
                            Value::Count((l.missing.len() - NAMES_SHOWN) as u64),
                        )],
                    ));
                }
                Msg::new(
                    "error-loss-product",
                    vec![
                        ("product", Value::Text(&l.product)),
                        (
                            "all",
                            Value::Word(if l.missing.len() == l.had {
                                "all"
                            } else {
                                "some"
                            }),
                        ),
                        ("lost", Value::Count(l.missing.len() as u64)),
                        ("had", Value::Count(l.had as u64)),
                        (
                            "sourced",
                            Value::Word(if l.sources.is_empty() { "no" } else { "yes" }),
                        ),
                        (
                            "from",
                            Value::Codes(l.sources.iter().map(|s| Value::Text(s)).collect()),
                        ),
                        ("names", Value::Codes(names)),
                    ],
                )
            })
            .collect();
        (head, lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::lifecycle::Policy;

    fn file(products: &[(&str, &[&str])]) -> LifecycleFile {
        LifecycleFile {
            schema: None,
            generated: None,
            sources: Vec::new(),
            products: products
                .iter()
                .map(|(id, versions)| ProductEntry {
                    id: (*id).into(),
                    name: (*id).into(),
                    deployment: crate::data::Deployment::OnPremises,
                    aliases: Vec::new(),
                    channel: None,
                    tracks: Vec::new(),
                    versions: versions
                        .iter()
                        .map(|v| VersionEntry {
                            version: (*v).into(),
                            aliases: Vec::new(),
                            track: "main".into(),
                            policy: Policy::Fixed,
                            release: "2020-01-01".into(),
                            mainstream_end: None,
                            extended_end: None,
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Issue 21, defect 1: every version the old file has and the new one lacks is a loss, a
    /// whole product's too; added versions are none.
    #[test]
    fn losses_are_versions_gone_missing() {
        let old = file(&[("a", &["3", "2", "1"]), ("b", &["9"]), ("c", &["1"])]);
        let new = file(&[("a", &["4", "3", "1"]), ("c", &["1"])]);
        let found = losses(&old, &new, |id| vec![format!("{id}.json")]);
        assert_eq!(
            found,
            [
                Loss {
                    product: "a".into(),
                    had: 3,
                    missing: vec!["2".into()],
                    sources: vec!["a.json".into()],
                },
                Loss {
                    product: "b".into(),
                    had: 1,
                    missing: vec!["9".into()],
                    sources: vec!["b.json".into()],
                },
            ]
        );
        let error = LossError {
            current: None,
            losses: found,
        };
        assert_eq!(error.count(), 2);
        let english = crate::i18n::Words::new(crate::i18n::Lang::En);
        let (_, lines) = error.messages();
        assert_eq!(
            lines.iter().map(|m| english.msg(m)).collect::<Vec<_>>(),
            [
                "product `a` would lose 1 of its 3 versions (from a.json): `2`",
                "product `b` would lose all 1 of its versions (from b.json): `9`",
            ]
        );
        assert!(losses(&old, &old, |_| Vec::new()).is_empty());
    }

    /// Changes are found by name, whatever the order of either file.
    #[test]
    fn changes_pair_versions_by_name() {
        let old = file(&[("a", &["1", "2"])]);
        let new = file(&[("a", &["3", "2"])]);
        let found = changes(&old, &new);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].starts_with("added a 3: "), "{found:?}");
        assert!(found[1].starts_with("removed a 1: "), "{found:?}");
    }
}
