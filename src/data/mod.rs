//! Loading the two data files (embedded defaults or user files), validating them, and resolving
//! names typed by the user against them.
//!
//! This module owns all data I/O and the one place where user spellings of tiers, products,
//! versions and competencies become data references. It must not decide entitlement.

pub mod common;
pub mod entitlements;
pub mod error;
pub mod lifecycle;
pub mod locate;
pub mod messages;
pub mod periods;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

pub use common::Deployment;
pub use entitlements::{Entitlements, Incidents};
pub use error::{At, DataError, Finding, Problem, Problems, Severity};
pub use lifecycle::{Lifecycle, Product, Release};

use crate::names::{UnknownNameError, normalize, unknown_name};
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

/// Where the data comes from; a file given directly wins over the data directory, and either
/// over the file `lifecycle update` wrote.
#[derive(Debug, Clone, Default)]
pub struct DataPaths {
    /// A directory holding `entitlements.json` and `lifecycle.json`.
    pub data_dir: Option<PathBuf>,
    /// The entitlement table.
    pub entitlements: Option<PathBuf>,
    /// The lifecycle data.
    pub lifecycle: Option<PathBuf>,
    /// The lifecycle file `lifecycle update` writes, used instead of the built-in data when
    /// neither of the above names one and it was generated later than the built-in data.
    pub updated_lifecycle: Option<PathBuf>,
}

/// Where `lifecycle update` writes, and every command looks for, refreshed lifecycle data: the
/// platform's per-user data folder (`$XDG_DATA_HOME/mpn-support/lifecycle.json` on Linux,
/// `~/Library/Application Support/mpn-support/` on macOS, `%APPDATA%\\mpn-support\\data\\` on
/// Windows). `None` when the platform names no home folder.
pub fn updated_lifecycle_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "mpn-support").map(|d| d.data_dir().join(LIFECYCLE_FILE))
}

/// How a data file in use was chosen (`updated`: written by `lifecycle update`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    /// The copy compiled into the binary.
    BuiltIn,
    /// A file named by `--entitlements`, `--lifecycle` or `--data-dir`.
    File,
    /// The file `lifecycle update` wrote to the user's data directory.
    Updated,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Origin::BuiltIn => "built-in",
            Origin::File => "file",
            Origin::Updated => "updated",
        })
    }
}

/// Where each file of a dataset came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origins {
    /// The entitlement table's origin and name as shown to the user.
    pub entitlements: (Origin, String),
    /// The lifecycle data's origin and name as shown to the user.
    pub lifecycle: (Origin, String),
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
    /// Where each file came from.
    pub origins: Origins,
    names: Names,
}

/// Every spelling the user may type, folded (see [`crate::names::normalize`]), mapped to
/// the position of what it names. Built once at load, so a batch resolves each name in one
/// lookup.
#[derive(Debug, Clone, Default)]
struct Names {
    tiers: HashMap<String, usize>,
    products: HashMap<String, usize>,
    /// Competency classes first, then competencies.
    competencies: HashMap<String, usize>,
    roles: HashMap<String, usize>,
    actions: HashMap<String, usize>,
    channels: HashMap<String, usize>,
    /// One per product, in product order.
    versions: Vec<HashMap<String, usize>>,
}

/// Maps each folded spelling of each item to the item's position; the first item to claim
/// a spelling keeps it (validation rejects data where two items share one).
fn name_map<'s, T: 's>(
    items: impl IntoIterator<Item = &'s T>,
    spellings: impl Fn(&'s T) -> Vec<&'s str>,
) -> HashMap<String, usize> {
    let mut map = HashMap::new();
    for (position, item) in items.into_iter().enumerate() {
        for spelling in spellings(item) {
            map.entry(normalize(spelling)).or_insert(position);
        }
    }
    map
}

impl Dataset {
    /// Puts validated, cross-checked files together and indexes their names.
    fn new(entitlements: Entitlements, lifecycle: Lifecycle, origins: Origins) -> Self {
        let ent = &entitlements;
        let competencies = ent
            .competency_classes
            .iter()
            .map(|c| vec![c.id.as_str(), c.name.as_str()])
            .chain(
                ent.competencies
                    .iter()
                    .map(|c| spellings(&c.id, &c.name, &c.aliases)),
            )
            .collect::<Vec<_>>();
        let names = Names {
            tiers: name_map(&ent.tiers, |t| spellings(&t.id, &t.name, &t.aliases)),
            products: name_map(&lifecycle.products, |p| {
                spellings(&p.id, &p.name, &p.aliases)
            }),
            competencies: name_map(&competencies, Clone::clone),
            roles: name_map(&ent.roles, |r| spellings(&r.id, &r.name, &r.aliases)),
            actions: name_map(&ent.actions, |a| vec![a.id.as_str(), a.name.as_str()]),
            channels: name_map(&ent.channels, |c| vec![c.id.as_str(), c.name.as_str()]),
            versions: lifecycle
                .products
                .iter()
                .map(|p| name_map(&p.versions, version_spellings))
                .collect(),
        };
        Dataset {
            entitlements,
            lifecycle,
            origins,
            names,
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
        /// The competency's id.
        id: &'a str,
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
    pub findings: Vec<Finding>,
    /// The files checked, as named to the user.
    pub files: Vec<String>,
}

impl Checked {
    /// The errors only.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|d| d.severity == Severity::Error)
    }
}

/// Reads, parses and validates both files, collecting every problem instead of stopping at the
/// first. A file that cannot be read is reported as a problem of that file.
pub fn check(paths: &DataPaths) -> Checked {
    let ent = match paths.pick(&paths.entitlements, ENTITLEMENTS_FILE) {
        Some(path) => Source::file(&path),
        None => Source::built_in("<embedded>/entitlements.json", EMBEDDED_ENTITLEMENTS),
    };
    let life = match paths.pick(&paths.lifecycle, LIFECYCLE_FILE) {
        Some(path) => Source::file(&path),
        None => paths
            .updated_lifecycle
            .as_deref()
            .and_then(updated_source)
            .unwrap_or_else(|| Source::built_in("<embedded>/lifecycle.json", EMBEDDED_LIFECYCLE)),
    };
    check_sources(&ent, &life)
}

/// A lifecycle file's `generated` field without the rest of the work of loading it: `None`
/// when the text does not parse, `Some(None)` when the field is absent.
pub(crate) fn generated_of(text: &str) -> Option<Option<String>> {
    #[derive(serde::Deserialize)]
    struct Generated {
        generated: Option<String>,
    }
    serde_json::from_str::<Generated>(text)
        .ok()
        .map(|g| g.generated)
}

/// The file `lifecycle update` wrote, when it is there and newer than the built-in data; a
/// file that cannot be read or parsed is returned too, so its problem is reported rather than
/// silently passed over.
fn updated_source(path: &Path) -> Option<Source> {
    // Nothing there: the usual case until the first update.
    std::fs::symlink_metadata(path).ok()?;
    // Read like any data file (regular files only, size cap), so a pipe planted there is
    // refused rather than waited on.
    let source = Source {
        origin: Origin::Updated,
        ..Source::file(path)
    };
    let newer = match &source.text {
        // Unreadable or unparseable: the loader says why and where.
        Err(_) => true,
        // ISO dates compare as text.
        Ok(text) => match (generated_of(text), generated_of(EMBEDDED_LIFECYCLE)) {
            (Some(mine), Some(builtin)) => mine > builtin,
            _ => true,
        },
    };
    newer.then_some(source)
}

/// Parses and validates both files given as text (property tests, fuzzing, benchmarks).
pub fn load_texts(entitlements: &str, lifecycle: &str) -> Result<Dataset, DataError> {
    let ent = Source {
        name: "entitlements.json".to_owned(),
        origin: Origin::File,
        text: Ok(Cow::Owned(entitlements.to_owned())),
    };
    let life = Source {
        name: "lifecycle.json".to_owned(),
        origin: Origin::File,
        text: Ok(Cow::Owned(lifecycle.to_owned())),
    };
    into_dataset(check_sources(&ent, &life))
}

/// Checks a lifecycle file's text as every command reads it (`name` for messages): within the
/// size cap of [`read_text`], parsed and validated, and cross-checked against `entitlements`
/// when given (the built-in table, for the file `lifecycle update` writes for it). The
/// lifecycle commands run it on what they would write, so that they never write a file the
/// tool then refuses.
pub fn check_lifecycle_text(
    name: &str,
    text: &str,
    entitlements: Option<&'static str>,
) -> Result<(), DataError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(DataError::Read {
            path: name.to_owned(),
            message: too_large(),
        });
    }
    let life = Source {
        name: name.to_owned(),
        origin: Origin::File,
        text: Ok(Cow::Owned(text.to_owned())),
    };
    if let Some(entitlements) = entitlements {
        let ent = Source::built_in("<embedded>/entitlements.json", entitlements);
        return into_dataset(check_sources(&ent, &life)).map(|_| ());
    }
    let mut findings = Vec::new();
    let valid = stage(&life, &mut findings, LifecycleFile::validate);
    match valid {
        Some(_) => Ok(()),
        None => Err(DataError::Invalid {
            errors: findings
                .into_iter()
                .filter(|f| f.severity == Severity::Error)
                .collect(),
        }),
    }
}

fn check_sources(ent: &Source, life: &Source) -> Checked {
    let files = vec![ent.name.clone(), life.name.clone()];
    let mut findings = Vec::new();
    let entitlements = stage(ent, &mut findings, EntitlementsFile::validate);
    let lifecycle = stage(life, &mut findings, LifecycleFile::validate);
    let dataset = match (entitlements, lifecycle) {
        (Some(entitlements), Some(lifecycle)) => {
            let problems = cross_check(&entitlements, &lifecycle);
            let clean = !problems.has_errors();
            if let Ok(text) = &life.text {
                findings.extend(
                    problems
                        .0
                        .into_iter()
                        .map(|p| Finding::place(&life.name, text, p)),
                );
            }
            let origins = Origins {
                entitlements: (ent.origin, ent.name.clone()),
                lifecycle: (life.origin, life.name.clone()),
            };
            clean.then(|| Dataset::new(entitlements, lifecycle, origins))
        }
        _ => None,
    };
    Checked {
        dataset,
        findings,
        files,
    }
}

/// The message catalogue compiled into the binary.
pub const EMBEDDED_MESSAGES: &str = include_str!("../../data/diagnostics.json");
/// File name of the message catalogue inside a data directory.
pub const MESSAGES_FILE: &str = "diagnostics.json";

/// Loads the message catalogue (`diagnose`): the file given, else the data directory's, else
/// the built-in one. Problems are reported like those of the other data files.
pub fn load_catalogue(
    file: Option<&Path>,
    data_dir: Option<&Path>,
) -> Result<messages::Catalogue, DataError> {
    let (catalogue, findings, _) = check_catalogue(file, data_dir);
    match catalogue {
        Some(c) => Ok(c),
        None => {
            let errors: Vec<Finding> = findings
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
) -> (Option<messages::Catalogue>, Vec<Finding>, String) {
    let path = file
        .map(Path::to_path_buf)
        .or_else(|| data_dir.map(|d| d.join(MESSAGES_FILE)));
    let src = match path {
        Some(path) => Source::file(&path),
        None => Source::built_in("<embedded>/diagnostics.json", EMBEDDED_MESSAGES),
    };
    let mut findings = Vec::new();
    let catalogue = stage(&src, &mut findings, messages::CatalogueFile::validate);
    (catalogue, findings, src.name)
}

/// Loads both files for a command (the built-in ones unless a path is given): the dataset, or
/// every error found.
pub fn load(paths: &DataPaths) -> Result<Dataset, DataError> {
    into_dataset(check(paths))
}

fn into_dataset(checked: Checked) -> Result<Dataset, DataError> {
    if let Some(dataset) = checked.dataset {
        return Ok(dataset);
    }
    let errors: Vec<Finding> = checked.errors().cloned().collect();
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

/// One data file's text (or why it could not be read), its name and origin.
struct Source {
    name: String,
    origin: Origin,
    text: Result<Cow<'static, str>, String>,
}

impl Source {
    fn built_in(name: &str, text: &'static str) -> Self {
        Source {
            name: name.to_owned(),
            origin: Origin::BuiltIn,
            text: Ok(Cow::Borrowed(text)),
        }
    }

    fn file(path: &Path) -> Self {
        Source {
            name: path.display().to_string(),
            origin: Origin::File,
            text: read_text(path).map(Cow::Owned),
        }
    }
}

/// Parses and validates one file, placing its problems; returns the valid value if any.
fn stage<F: DeserializeOwned, V>(
    Source { name, text, .. }: &Source,
    findings: &mut Vec<Finding>,
    validate: impl FnOnce(F) -> (Option<V>, Problems),
) -> Option<V> {
    let text = match text {
        Ok(text) => text,
        Err(message) => {
            findings.push(Finding {
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
        Err(finding) => {
            findings.push(finding);
            return None;
        }
    };
    let (valid, problems) = validate(file);
    findings.extend(
        problems
            .0
            .into_iter()
            .map(|p| Finding::place(name, text, p)),
    );
    valid
}

/// The largest data file read, in bytes. The real files are tens of kilobytes; the cap keeps
/// time and memory bounded whatever is pointed at (a huge file, `/dev/zero`, a pipe).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Why a file cannot be read, in the words every reader uses (the error printer says them in
/// the answer's language).
pub mod reasons {
    /// The file does not exist.
    pub const NOT_FOUND: &str = "no such file";
    /// The file may not be read.
    pub const PERMISSION_DENIED: &str = "permission denied";
    /// A folder was named.
    pub const DIRECTORY: &str = "is a directory, not a file";
    /// A pipe, device or socket was named.
    pub const NOT_REGULAR: &str =
        "not a regular file (a pipe, device or socket): save the data to a file first";
}

/// Reads a UTF-8 text file of at most [`MAX_FILE_BYTES`] (a leading byte order mark is
/// skipped), describing failures in words a user can act on.
pub fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    if path.is_dir() {
        return Err(reasons::DIRECTORY.into());
    }
    // A pipe or device could block for ever or never end: only regular files are read (a
    // symbolic link to one is followed).
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
    {
        return Err(reasons::NOT_REGULAR.into());
    }
    let describe = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => reasons::NOT_FOUND.to_owned(),
        std::io::ErrorKind::PermissionDenied => reasons::PERMISSION_DENIED.to_owned(),
        _ => e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(describe)?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(describe)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // A UTF-8 byte order mark (Windows editors write one) says nothing about the data: skipped,
    // as batch input skips it. Offsets in messages count from after it.
    let text = bytes.strip_prefix(UTF8_BOM).unwrap_or(&bytes);
    std::str::from_utf8(text).map(str::to_owned).map_err(|e| {
        format!(
            "not UTF-8 text (invalid byte at offset {})",
            e.valid_up_to()
        )
    })
}

/// Why a file over [`MAX_FILE_BYTES`] is refused.
fn too_large() -> String {
    format!(
        "too large: more than {} MiB (data files are tens of kilobytes)",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// The UTF-8 byte order mark.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

fn parse<T: DeserializeOwned>(name: &str, text: &str) -> Result<T, Finding> {
    if text.trim().is_empty() {
        return Err(Finding {
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
        return Err(Finding {
            file: name.to_owned(),
            line,
            column,
            severity: Severity::Error,
            entry: String::new(),
            message: "expected a JSON object (`{ ... }`) at the top level".into(),
        });
    }
    serde_json::from_str(text).map_err(|e| Finding::syntax(name, &e))
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
    let mut missing: Vec<&String> = named.filter(|id| !known(id)).collect();
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

/// A data file an answer may be too old for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataKind {
    /// The entitlement table.
    Entitlements,
    /// The lifecycle data.
    Lifecycle,
}

/// A data file generated long before the day of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stale {
    /// Which file.
    pub file: DataKind,
    /// When it was generated.
    pub generated: chrono::NaiveDate,
    /// Days from then to the answer's day.
    pub days: i64,
}

impl Dataset {
    /// The files generated more than [`STALE_AFTER_DAYS`] before `as_of`.
    pub fn staleness(&self, as_of: chrono::NaiveDate) -> Vec<Stale> {
        [
            (DataKind::Entitlements, self.entitlements.generated),
            (DataKind::Lifecycle, self.lifecycle.generated),
        ]
        .into_iter()
        .filter_map(|(file, generated)| {
            let generated = generated?;
            let days = (as_of - generated).num_days();
            (days > STALE_AFTER_DAYS).then_some(Stale {
                file,
                generated,
                days,
            })
        })
        .collect()
    }

    /// Resolves a tier by id, name or alias.
    pub fn tier(&self, input: &str) -> Result<&Tier, UnknownNameError> {
        let tiers = &self.entitlements.tiers;
        lookup("tier", input, &self.names.tiers, tiers, |t| &t.id)
    }

    /// Resolves a role by id, name or alias.
    pub fn role(&self, input: &str) -> Result<&entitlements::Role, UnknownNameError> {
        let roles = &self.entitlements.roles;
        lookup("role", input, &self.names.roles, roles, |r| &r.id)
    }

    /// Resolves an action by id or name.
    pub fn action(&self, input: &str) -> Result<&entitlements::Action, UnknownNameError> {
        let actions = &self.entitlements.actions;
        lookup("action", input, &self.names.actions, actions, |a| &a.id)
    }

    /// Resolves a channel by id or name (`azure-portal`, `Azure Portal`, `azure_portal`).
    pub fn channel(&self, input: &str) -> Result<&entitlements::Channel, UnknownNameError> {
        let channels = &self.entitlements.channels;
        lookup("channel", input, &self.names.channels, channels, |c| &c.id)
    }

    /// Resolves a product by id, name or alias.
    pub fn product(&self, input: &str) -> Result<&Product, UnknownNameError> {
        let products = &self.lifecycle.products;
        lookup("product", input, &self.names.products, products, |p| &p.id)
    }

    /// The ways a name that is no product reads as a product and the rest of the name, as
    /// people write them in an inventory (`SQL Server 2019`, `windows server 2022`, `SQL2019`,
    /// `Windows 10`): each beginning of the name that is a product, longest first, with the
    /// rest as typed (trimmed). Only a rest with a digit in it counts; a name that is a product
    /// as a whole has no such readings.
    pub fn product_readings<'i>(&self, input: &'i str) -> Vec<(&Product, &'i str)> {
        // Names are tens of characters; a longer one has no version in it worth reading, and
        // each reading costs a lookup.
        const LONGEST: usize = 256;
        if input.len() > LONGEST || self.product(input).is_ok() {
            return Vec::new();
        }
        let separator = |c: char| matches!(c, ' ' | '-' | '_' | '\t');
        // Where a version may begin: after a separator, where letters give way to a digit
        // (`SQL2019`), or where a lower-case letter gives way to an upper-case one
        // (`OfficeLTSC`).
        let mut cuts = Vec::new();
        let mut previous: Option<char> = None;
        for (at, c) in input.char_indices() {
            if let Some(p) = previous
                && !separator(c)
                && (separator(p)
                    || (p.is_alphabetic() && c.is_ascii_digit())
                    || (p.is_lowercase() && c.is_uppercase()))
            {
                cuts.push(at);
            }
            previous = Some(c);
        }
        cuts.into_iter()
            .rev()
            .map(|at| input.split_at(at))
            .filter_map(|(head, tail)| Some((self.product(head).ok()?, tail.trim())))
            // An end with a digit reads as a version, to be found or refused with the list;
            // one without (`LTSC`) only where it is a version or begins some.
            .filter(|(product, tail)| {
                tail.chars().any(|c| c.is_ascii_digit())
                    || self.version(product, tail).is_ok()
                    || !self.versions_beginning(product, tail).is_empty()
            })
            .collect()
    }

    /// The versions of a product a spelling names as a family or a release without its
    /// edition: those whose name begins with it and a space (`10` names `10 22H2` and
    /// `10 LTSC 2021`; `11 25H2` names `11 25H2 (E)` and `11 25H2 (W)`), newest first.
    pub fn versions_beginning<'a>(&self, product: &'a Product, input: &str) -> Vec<&'a Release> {
        let words: Vec<String> = input.split_whitespace().map(str::to_lowercase).collect();
        let prefix = words.join(" ") + " ";
        if prefix.trim().is_empty() {
            return Vec::new();
        }
        product
            .versions
            .iter()
            .filter(|v| v.version.to_lowercase().starts_with(&prefix))
            .collect()
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
        let empty = HashMap::new();
        let names = position
            .and_then(|i| self.names.versions.get(i))
            .unwrap_or(&empty);
        lookup("version", input, names, &product.versions, |v| &v.version).map_err(|mut e| {
            e.of = Some(product.id.clone());
            e
        })
    }

    /// Resolves a competency id, name or alias, or a competency class id or name.
    pub fn competency(&self, input: &str) -> Result<CompetencyChoice<'_>, UnknownNameError> {
        let ent = &self.entitlements;
        let classes = ent.competency_classes.len();
        let names = &self.names.competencies;
        let found = names
            .get(&normalize(input))
            .and_then(|&i| match i.checked_sub(classes) {
                None => ent.competency_classes.get(i).map(CompetencyChoice::Class),
                Some(c) => ent.competencies.get(c).and_then(|c| {
                    Some(CompetencyChoice::Named {
                        id: c.id.as_str(),
                        name: c.name.as_str(),
                        class: ent.competency_class(&c.class)?,
                    })
                }),
            });
        found.ok_or_else(|| {
            let ids: Vec<&str> = ent
                .competency_classes
                .iter()
                .map(|c| c.id.as_str())
                .chain(ent.competencies.iter().map(|c| c.id.as_str()))
                .collect();
            unknown_name("competency", input, names, &ids)
        })
    }
}

/// The one name resolver: the item a folded spelling names, or an error listing the valid
/// ids with a "did you mean".
fn lookup<'d, T>(
    kind: &'static str,
    input: &str,
    names: &HashMap<String, usize>,
    items: &'d [T],
    id: impl Fn(&'d T) -> &'d String,
) -> Result<&'d T, UnknownNameError> {
    if let Some(item) = names.get(&normalize(input)).and_then(|&i| items.get(i)) {
        return Ok(item);
    }
    let ids: Vec<&str> = items.iter().map(|item| id(item).as_str()).collect();
    Err(unknown_name(kind, input, names, &ids))
}

fn version_spellings(v: &Release) -> Vec<&str> {
    std::iter::once(v.version.as_str())
        .chain(v.aliases.iter().map(String::as_str))
        .collect()
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
        // The MPN tiers of the seed, Learning Action Pack and the four offers that followed.
        assert_eq!(data.entitlements.tiers.len(), 8);
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
