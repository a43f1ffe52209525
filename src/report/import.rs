//! `lifecycle import` and `lifecycle update`: what was (or would be) written.

use serde::Serialize;

/// What an import or update did.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ImportReport {
    /// The file written (or that would be written).
    pub output: String,
    /// Whether nothing was written (`--dry-run`).
    pub dry_run: bool,
    /// Whether the file's content changed.
    pub changed: bool,
    /// Products in the file.
    pub products: usize,
    /// Versions in the file.
    pub versions: usize,
    /// What changed against the existing file: added, changed and removed versions.
    pub changes: Vec<String>,
    /// Conflicts between sources and rows left out.
    pub warnings: Vec<String>,
}
