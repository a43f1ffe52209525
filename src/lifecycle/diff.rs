//! What changes between two lifecycle files: for `--dry-run` and the closing lines of an
//! import or update.

use crate::data::lifecycle::{LifecycleFile, VersionEntry};

/// What changes between two lifecycle files: products and versions added or removed, and each
/// changed field of a version with its old and new value.
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
    for np in &new.products {
        let Some(op) = old.products.iter().find(|p| p.id == np.id) else {
            out.push(format!(
                "added product {} ({} versions)",
                np.id,
                np.versions.len()
            ));
            continue;
        };
        for nv in &np.versions {
            let Some(ov) = op.versions.iter().find(|v| v.version == nv.version) else {
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
            if !np.versions.iter().any(|v| v.version == ov.version) {
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
        if !new.products.iter().any(|p| p.id == op.id) {
            out.push(format!("removed product {}", op.id));
        }
    }
    out
}
