//! Loading the two data files (embedded defaults or user files), validating them, and resolving
//! names typed by the user against them.
//!
//! This module owns all data I/O and the one place where user spellings of tiers, products,
//! versions and competencies become data references. It must not decide entitlement.

#[rustfmt::skip]
mod builtin;
pub mod diagnostics;
pub mod entitlements;
pub mod error;
pub mod lifecycle;
pub mod locate;
mod text;

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use serde::de::DeserializeOwned;

pub use entitlements::{Entitlements, Incidents};
pub use error::{At, DataError, Diagnostic, Problem, Problems, Severity};
pub use lifecycle::{Deployment, Lifecycle, Product, Release};
pub use text::{List, Text};

use crate::names::{Candidate, NameIndex, UnknownNameError, resolve};
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
    index: Index,
}

/// Name indexes over the data, each built once its kind of name has been looked up
/// [`INDEX_AFTER`] times: a single check resolves a few names by scanning, a batch resolves
/// millions through the index.
#[derive(Debug, Default)]
struct Index {
    lookups: AtomicU32,
    tiers: OnceLock<NameIndex>,
    products: OnceLock<NameIndex>,
    /// Competency classes first, then competencies.
    competencies: OnceLock<NameIndex>,
    roles: OnceLock<NameIndex>,
    actions: OnceLock<NameIndex>,
    /// One per product, in product order.
    versions: Vec<OnceLock<NameIndex>>,
}

impl Clone for Index {
    /// A copy starts cold: its indexes are rebuilt on demand.
    fn clone(&self) -> Self {
        Index {
            versions: (0..self.versions.len()).map(|_| OnceLock::new()).collect(),
            ..Index::default()
        }
    }
}

/// Lookups (of any kind) after which the indexes are built.
const INDEX_AFTER: u32 = 8;

impl Index {
    /// Counts a lookup; whether the indexes should be used from now on.
    fn warm(&self) -> bool {
        // Relaxed: the count only decides when building the indexes starts to pay.
        self.lookups.fetch_add(1, Ordering::Relaxed) >= INDEX_AFTER
    }
}

/// Indexes the spellings of each entry of a list, by position.
fn index_of<'s, T: 's>(
    items: impl Iterator<Item = &'s T>,
    spellings: impl Fn(&'s T) -> Vec<&'s str>,
) -> NameIndex {
    let lists: Vec<Vec<&str>> = items.map(spellings).collect();
    NameIndex::new(
        lists
            .iter()
            .enumerate()
            .flat_map(|(i, l)| l.iter().map(move |s| (i, *s))),
    )
}

impl Dataset {
    /// The built-in data, from the snapshot compiled in from `data/` (validated when it was
    /// generated): no parsing, validating or copying. `None` when the snapshot is stale.
    pub fn builtin() -> Option<Dataset> {
        BUILTIN_IS_CURRENT
            .then(|| Dataset::new(builtin::ENTITLEMENTS.clone(), builtin::LIFECYCLE.clone()))
    }

    /// Puts validated, cross-checked files together.
    fn new(entitlements: Entitlements, lifecycle: Lifecycle) -> Self {
        let index = Index {
            versions: (0..lifecycle.products.len())
                .map(|_| OnceLock::new())
                .collect(),
            ..Index::default()
        };
        Dataset {
            entitlements,
            lifecycle,
            index,
        }
    }
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

/// Both files checked: the dataset when usable, and everything found on the way.
#[derive(Debug)]
pub struct Checked {
    /// The validated data, when neither file has an error.
    pub dataset: Option<Dataset>,
    /// Every error and warning, entitlements first, each in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The files checked, as named to the user.
    pub files: Vec<String>,
}

impl Checked {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

/// Reads, parses and validates both files, collecting every problem instead of stopping at the
/// first. A file that cannot be read is reported as a problem of that file.
pub fn check(paths: &DataPaths) -> Checked {
    let ent = source(paths.pick(&paths.entitlements, ENTITLEMENTS_FILE), || {
        ("<embedded>/entitlements.json", EMBEDDED_ENTITLEMENTS)
    });
    let life = source(paths.pick(&paths.lifecycle, LIFECYCLE_FILE), || {
        ("<embedded>/lifecycle.json", EMBEDDED_LIFECYCLE)
    });
    check_sources(&ent, &life)
}

/// Parses and validates both files given as text (property tests, fuzzing, benchmarks).
pub fn load_texts(entitlements: &str, lifecycle: &str) -> Result<Dataset, DataError> {
    let ent = (
        "entitlements.json".to_owned(),
        Ok(Cow::Owned(entitlements.to_owned())),
    );
    let life = (
        "lifecycle.json".to_owned(),
        Ok(Cow::Owned(lifecycle.to_owned())),
    );
    into_dataset(check_sources(&ent, &life))
}

fn check_sources(ent: &Source, life: &Source) -> Checked {
    let files = vec![ent.0.clone(), life.0.clone()];
    let mut diagnostics = Vec::new();
    let entitlements = stage(ent, &mut diagnostics, EntitlementsFile::validate);
    let lifecycle = stage(life, &mut diagnostics, LifecycleFile::validate);
    let dataset = match (entitlements, lifecycle) {
        (Some(entitlements), Some(lifecycle)) => {
            let problems = cross_check(&entitlements, &lifecycle);
            let clean = !problems.has_errors();
            if let Ok(text) = &life.1 {
                diagnostics.extend(
                    problems
                        .0
                        .into_iter()
                        .map(|p| Diagnostic::place(&life.0, text, p)),
                );
            }
            clean.then(|| Dataset::new(entitlements, lifecycle))
        }
        _ => None,
    };
    Checked {
        dataset,
        diagnostics,
        files,
    }
}

/// The message catalogue compiled into the binary.
pub const EMBEDDED_DIAGNOSTICS: &str = include_str!("../../data/diagnostics.json");
/// File name of the message catalogue inside a data directory.
pub const DIAGNOSTICS_FILE: &str = "diagnostics.json";

/// Loads the message catalogue (`diagnose`): the file given, else the data directory's, else
/// the built-in one. Problems are reported like those of the other data files.
pub fn load_catalogue(
    file: Option<&Path>,
    data_dir: Option<&Path>,
) -> Result<diagnostics::Catalogue, DataError> {
    let (catalogue, diagnostics, _) = check_catalogue(file, data_dir);
    match catalogue {
        Some(c) => Ok(c),
        None => {
            let errors: Vec<Diagnostic> = diagnostics
                .into_iter()
                .filter(|d| d.severity == Severity::Error)
                .collect();
            Err(DataError::Invalid { errors })
        }
    }
}

/// Checks the message catalogue: the catalogue when usable, every problem, and its name.
pub fn check_catalogue(
    file: Option<&Path>,
    data_dir: Option<&Path>,
) -> (Option<diagnostics::Catalogue>, Vec<Diagnostic>, String) {
    let path = file
        .map(Path::to_path_buf)
        .or_else(|| data_dir.map(|d| d.join(DIAGNOSTICS_FILE)));
    let src = source(path, || {
        ("<embedded>/diagnostics.json", EMBEDDED_DIAGNOSTICS)
    });
    let mut diagnostics = Vec::new();
    let catalogue = stage(&src, &mut diagnostics, diagnostics::CatalogueFile::validate);
    (catalogue, diagnostics, src.0)
}

/// Loads both files for a command: the dataset, or every error found. Without a file named,
/// this is the built-in data, ready-made.
pub fn load(paths: &DataPaths) -> Result<Dataset, DataError> {
    if paths.data_dir.is_none()
        && paths.entitlements.is_none()
        && paths.lifecycle.is_none()
        && let Some(dataset) = Dataset::builtin()
    {
        return Ok(dataset);
    }
    into_dataset(check(paths))
}

/// FNV-1a over both data texts: names the data a built-in snapshot was generated from.
pub const fn fingerprint(entitlements: &str, lifecycle: &str) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let texts = [entitlements.as_bytes(), lifecycle.as_bytes()];
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut t = 0;
    while t < texts.len() {
        let bytes = texts[t];
        let mut i = 0;
        while i < bytes.len() {
            hash = (hash ^ bytes[i] as u64).wrapping_mul(PRIME);
            i += 1;
        }
        // A byte no UTF-8 text holds separates the two texts.
        hash = (hash ^ 0xff).wrapping_mul(PRIME);
        t += 1;
    }
    hash
}

/// Whether `builtin.rs` was generated from the embedded files as they are in this build. If not
/// (a data file edited, the snapshot not yet regenerated), the embedded files are parsed
/// instead, so the binary never answers from stale data; a test fails until it is regenerated.
pub const BUILTIN_IS_CURRENT: bool =
    builtin::FINGERPRINT == fingerprint(EMBEDDED_ENTITLEMENTS, EMBEDDED_LIFECYCLE);

fn into_dataset(checked: Checked) -> Result<Dataset, DataError> {
    if let Some(dataset) = checked.dataset {
        return Ok(dataset);
    }
    let errors: Vec<Diagnostic> = checked.errors().cloned().collect();
    // A single unreadable file reads best as one plain sentence.
    if let [only] = errors.as_slice()
        && let Some(message) = only.message.strip_prefix(READ_PREFIX)
    {
        return Err(DataError::Read {
            path: only.file.clone(),
            message: message.to_owned(),
        });
    }
    Err(DataError::Invalid { errors })
}

const READ_PREFIX: &str = "cannot read: ";

type Source = (String, Result<Cow<'static, str>, String>);

fn source(
    path: Option<PathBuf>,
    embedded: impl FnOnce() -> (&'static str, &'static str),
) -> Source {
    match path {
        None => {
            let (name, text) = embedded();
            (name.to_owned(), Ok(Cow::Borrowed(text)))
        }
        Some(path) => (path.display().to_string(), read_text(&path).map(Cow::Owned)),
    }
}

/// Parses and validates one file, placing its problems; returns the valid value if any.
fn stage<F: DeserializeOwned, V>(
    (name, text): &Source,
    diagnostics: &mut Vec<Diagnostic>,
    validate: impl FnOnce(F) -> (Option<V>, Problems),
) -> Option<V> {
    let text = match text {
        Ok(text) => text,
        Err(message) => {
            diagnostics.push(Diagnostic {
                file: name.clone(),
                line: 1,
                column: 1,
                severity: Severity::Error,
                entry: String::new(),
                message: format!("{READ_PREFIX}{message}"),
            });
            return None;
        }
    };
    let file = match parse::<F>(name, text) {
        Ok(file) => file,
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let (valid, problems) = validate(file);
    diagnostics.extend(
        problems
            .0
            .into_iter()
            .map(|p| Diagnostic::place(name, text, p)),
    );
    valid
}

/// The largest data file read, in bytes. The real files are tens of kilobytes; the cap keeps
/// time and memory bounded whatever is pointed at (a huge file, `/dev/zero`, a pipe).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Reads a UTF-8 text file of at most [`MAX_FILE_BYTES`], describing failures in words a user
/// can act on.
pub fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    if path.is_dir() {
        return Err("is a directory, not a file".into());
    }
    let describe = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        _ => e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(describe)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(describe)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(format!(
            "too large: more than {} MiB (data files are tens of kilobytes)",
            MAX_FILE_BYTES / (1024 * 1024)
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic {
            file: name.to_owned(),
            line: 1,
            column: 1,
            severity: Severity::Error,
            entry: String::new(),
            message: "the file is empty".into(),
        });
    }
    // serde would read a top-level array as a struct's fields in order; say what is expected.
    if let Some(first) = text.trim_start().chars().next()
        && first != '{'
    {
        let (line, column) = locate::locate(text, "").unwrap_or((1, 1));
        return Err(Diagnostic {
            file: name.to_owned(),
            line,
            column,
            severity: Severity::Error,
            entry: String::new(),
            message: "expected a JSON object (`{ ... }`) at the top level".into(),
        });
    }
    serde_json::from_str(text).map_err(|e| Diagnostic::syntax(name, &e))
}

/// References from the lifecycle data into the entitlement table.
fn cross_check(ent: &Entitlements, life: &Lifecycle) -> Problems {
    let mut problems = Problems::default();
    // Product ids the entitlement table names must exist; reported in the lifecycle file's
    // terms, at its top, since that is where the product would have to be added.
    let known = |id: &str| life.products.iter().any(|p| p.id == id);
    let account = &ent.account;
    let named = account
        .ids_exempt_products
        .iter()
        .chain(&account.csp_plan_products)
        .chain(
            ent.alternatives
                .iter()
                .flat_map(|a| a.when.products.iter().flatten()),
        )
        .chain(
            ent.notes
                .iter()
                .flat_map(|n| n.when.products.iter().flatten()),
        );
    let mut missing: Vec<&Text> = named.filter(|id| !known(id)).collect();
    missing.sort();
    missing.dedup();
    for id in missing {
        problems.error(
            &At::root().field("products"),
            format!(
                "the entitlement table names product `{id}`, which is not in the lifecycle data"
            ),
        );
    }
    let root = At::root();
    let products = root.field("products");
    for (i, p) in life.products.iter().enumerate() {
        let at = products.item(i, &p.id);
        if let Some(channel) = &p.channel
            && ent.channel(channel).is_none()
        {
            problems.error(
                &at.field("channel"),
                format!("channel `{channel}` is not defined in the entitlement table"),
            );
        }
        if ent.support_type_for(p.deployment).is_none() {
            problems.error(
                &at.field("deployment"),
                format!(
                    "no support type in the entitlement table covers {} products",
                    p.deployment
                ),
            );
        }
    }
    problems
}

/// Days after a file's generation date beyond which answers may be stale.
pub const STALE_AFTER_DAYS: i64 = 180;

impl Dataset {
    /// Warnings for answers given more than [`STALE_AFTER_DAYS`] after a file was generated.
    pub fn staleness(&self, as_of: chrono::NaiveDate) -> Vec<String> {
        [
            ("entitlement table", self.entitlements.generated),
            ("lifecycle data", self.lifecycle.generated),
        ]
        .into_iter()
        .filter_map(|(what, generated)| {
            let generated = generated?;
            let age = (as_of - generated).num_days();
            (age > STALE_AFTER_DAYS).then(|| {
                format!(
                    "the {what} was generated on {generated}, {age} days before {as_of}: the answer may be stale (newer data: see `mpn-support lifecycle import`)"
                )
            })
        })
        .collect()
    }

    /// Resolves a tier by id, name or alias.
    pub fn tier(&self, input: &str) -> Result<&Tier, UnknownNameError> {
        let index = self.index.warm().then(|| {
            self.index.tiers.get_or_init(|| {
                index_of(self.entitlements.tiers.iter(), |t| {
                    spellings(&t.id, &t.name, &t.aliases)
                })
            })
        });
        if let Some(tier) = index
            .and_then(|x| x.find(input))
            .and_then(|i| self.entitlements.tiers.get(i))
        {
            return Ok(tier);
        }
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

    /// Resolves a role by id, name or alias.
    pub fn role(&self, input: &str) -> Result<&entitlements::Role, UnknownNameError> {
        let index = self.index.warm().then(|| {
            self.index.roles.get_or_init(|| {
                index_of(self.entitlements.roles.iter(), |r| {
                    spellings(&r.id, &r.name, &r.aliases)
                })
            })
        });
        if let Some(role) = index
            .and_then(|x| x.find(input))
            .and_then(|i| self.entitlements.roles.get(i))
        {
            return Ok(role);
        }
        let candidates = self
            .entitlements
            .roles
            .iter()
            .map(|r| Candidate {
                canonical: r.id.as_str(),
                spellings: spellings(&r.id, &r.name, &r.aliases),
                value: r,
            })
            .collect();
        resolve("role", input, candidates)
    }

    /// Resolves an action by id or name.
    pub fn action(&self, input: &str) -> Result<&entitlements::Action, UnknownNameError> {
        let index = self.index.warm().then(|| {
            self.index.actions.get_or_init(|| {
                index_of(self.entitlements.actions.iter(), |a| {
                    vec![a.id.as_str(), a.name.as_str()]
                })
            })
        });
        if let Some(action) = index
            .and_then(|x| x.find(input))
            .and_then(|i| self.entitlements.actions.get(i))
        {
            return Ok(action);
        }
        let candidates = self
            .entitlements
            .actions
            .iter()
            .map(|a| Candidate {
                canonical: a.id.as_str(),
                spellings: vec![a.id.as_str(), a.name.as_str()],
                value: a,
            })
            .collect();
        resolve("action", input, candidates)
    }

    /// Resolves a product by id, name or alias.
    pub fn product(&self, input: &str) -> Result<&Product, UnknownNameError> {
        let index = self.index.warm().then(|| {
            self.index.products.get_or_init(|| {
                index_of(self.lifecycle.products.iter(), |p| {
                    spellings(&p.id, &p.name, &p.aliases)
                })
            })
        });
        if let Some(product) = index
            .and_then(|x| x.find(input))
            .and_then(|i| self.lifecycle.products.get(i))
        {
            return Ok(product);
        }
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
        let position = self
            .lifecycle
            .products
            .iter()
            .position(|p| p.id == product.id);
        let found = position
            .filter(|_| self.index.warm())
            .and_then(|i| self.index.versions.get(i))
            .map(|cell| {
                cell.get_or_init(|| {
                    index_of(product.versions.iter(), |v| {
                        std::iter::once(v.version.as_str())
                            .chain(v.aliases.iter().map(Text::as_str))
                            .collect()
                    })
                })
            })
            .and_then(|index| index.find(input))
            .and_then(|i| product.versions.get(i));
        if let Some(release) = found {
            return Ok(release);
        }
        let candidates = product
            .versions
            .iter()
            .map(|v| Candidate {
                canonical: v.version.as_str(),
                spellings: std::iter::once(v.version.as_str())
                    .chain(v.aliases.iter().map(Text::as_str))
                    .collect(),
                value: v,
            })
            .collect();
        resolve("version", input, candidates).map_err(|mut e| {
            e.of = Some(product.id.to_string());
            e
        })
    }

    /// Resolves a competency id, name or alias, or a competency class id or name.
    pub fn competency(&self, input: &str) -> Result<CompetencyChoice<'_>, UnknownNameError> {
        let ent = &self.entitlements;
        let index = self.index.warm().then(|| {
            self.index.competencies.get_or_init(|| {
                let classes = ent
                    .competency_classes
                    .iter()
                    .map(|c| vec![c.id.as_str(), c.name.as_str()]);
                let named = ent
                    .competencies
                    .iter()
                    .map(|c| spellings(&c.id, &c.name, &c.aliases));
                let lists: Vec<Vec<&str>> = classes.chain(named).collect();
                NameIndex::new(
                    lists
                        .iter()
                        .enumerate()
                        .flat_map(|(i, l)| l.iter().map(move |s| (i, *s))),
                )
            })
        });
        if let Some(i) = index.and_then(|x| x.find(input)) {
            let classes = ent.competency_classes.len();
            if let Some(class) = ent.competency_classes.get(i) {
                return Ok(CompetencyChoice::Class(class));
            }
            if let Some(c) = ent.competencies.get(i - classes)
                && let Some(class) = ent.competency_class(&c.class)
            {
                return Ok(CompetencyChoice::Named {
                    name: c.name.as_str(),
                    class,
                });
            }
        }
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

fn spellings<'a>(id: &'a str, name: &'a str, aliases: &'a [Text]) -> Vec<&'a str> {
    [id, name]
        .into_iter()
        .chain(aliases.iter().map(Text::as_str))
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
