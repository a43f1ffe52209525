//! Building the lifecycle file from its sources: endoflife.date product pages (YAML front
//! matter), the Microsoft lifecycle supplement, and our catalogue (ids, names, tracks, how
//! endoflife.date cycles map onto Microsoft version names, curated facts).
//!
//! Pure: it takes the files' text and returns the lifecycle file plus a list of conflicts
//! between sources. Reading and writing files is the `lifecycle import` command's job.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde::{Deserialize, Deserializer};
use thiserror::Error;
use yaml_rust2::{Yaml, YamlLoader};

use crate::data::Deployment;
use crate::data::lifecycle::{LifecycleFile, Policy, ProductEntry, Track, VersionEntry};

/// File name of the catalogue inside the sources directory.
pub const CATALOGUE_FILE: &str = "catalogue.json";
/// File name of the supplement inside the sources directory.
pub const SUPPLEMENT_FILE: &str = "microsoft-lifecycle-supplement.json";
/// Folder of endoflife.date product pages inside the sources directory.
pub const ENDOFLIFE_DIR: &str = "endoflife";

/// The fewest bytes a version takes in the written file (its fields, names, indentation).
pub const MIN_VERSION_BYTES: u64 = 128;

/// The most versions a lifecycle file within [`crate::data::MAX_FILE_BYTES`] can hold: an
/// import with more is refused as soon as it has them, before more is converted, so that its
/// memory stays bounded whatever the sources hold.
pub const MAX_VERSIONS: usize = (crate::data::MAX_FILE_BYTES / MIN_VERSION_BYTES) as usize;

/// The catalogue compiled into the binary, for `lifecycle update`.
pub const EMBEDDED_CATALOGUE: &str = include_str!("../../data/sources/catalogue.json");
/// The Microsoft lifecycle supplement compiled into the binary, for `lifecycle update`.
pub const EMBEDDED_SUPPLEMENT: &str =
    include_str!("../../data/sources/microsoft-lifecycle-supplement.json");

/// A source that cannot be used.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// A JSON source does not parse or has the wrong shape.
    #[error("{file}:{line}:{column}: {message}")]
    Json {
        /// The source file.
        file: String,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong.
        message: String,
    },
    /// An endoflife.date page has no usable front matter.
    #[error("{file}: {message}")]
    Page {
        /// The page's file name.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// The imported file would not load: each problem with the source its value came from.
    #[error(
        "the imported data would not load, so nothing was written ({} error{}):\n{}",
        problems.len() + hidden,
        if problems.len() + hidden == 1 { "" } else { "s" },
        problems.join("\n")
    )]
    Invalid {
        /// The problems listed, each naming its source, product and version.
        problems: Vec<String>,
        /// How many more there are, not listed.
        hidden: usize,
    },
    /// More versions than a lifecycle file every command reads can hold.
    #[error(
        "{sources}: product `{product}` brings the data to {versions} versions, more than a lifecycle file of {} MiB can hold (each takes at least {MIN_VERSION_BYTES} bytes), so nothing was written",
        crate::data::MAX_FILE_BYTES / (1024 * 1024)
    )]
    TooManyVersions {
        /// The product whose versions went over.
        product: String,
        /// Where its data came from.
        sources: String,
        /// The versions so far.
        versions: usize,
    },
    /// The catalogue names a page or supplement entry that is not there.
    #[error("{file}: product `{product}` needs {what}, which is missing")]
    Missing {
        /// The catalogue file.
        file: String,
        /// The catalogue product.
        product: String,
        /// What is missing.
        what: String,
    },
}

/// The text of every source, keyed as the catalogue refers to it.
pub struct Sources<'a> {
    /// The catalogue.
    pub catalogue: &'a str,
    /// The supplement.
    pub supplement: &'a str,
    /// endoflife.date data by slug (file name without extension).
    pub pages: HashMap<String, Page>,
    /// Overrides the catalogue's per-product choice of which source wins a conflict.
    pub prefer: Option<Prefer>,
}

/// One endoflife.date source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// Its file name, for messages.
    pub file: String,
    /// Its text.
    pub text: String,
}

/// The imported file and what the import noticed on the way.
#[derive(Debug)]
pub struct Imported {
    /// The lifecycle file to write.
    pub file: LifecycleFile,
    /// Where each product's data came from, in the order of `file`'s products.
    pub origins: Vec<Origins>,
    /// Conflicts between sources and rows that could not be used, one line each.
    pub warnings: Vec<String>,
}

/// Where one product's data came from.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    /// Every source read for it: its page's file name or API address, the supplement.
    pub sources: Vec<String>,
    /// The source that first named each version, in the order of the product's versions.
    pub versions: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Catalogue {
    #[serde(default)]
    #[allow(dead_code, reason = "documentation field of the catalogue file")]
    about: String,
    #[serde(default)]
    sources: Vec<String>,
    products: Vec<CatalogueProduct>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogueProduct {
    id: String,
    name: String,
    deployment: Deployment,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    channel: Option<String>,
    #[serde(default)]
    tracks: Vec<Track>,
    #[serde(default)]
    endoflife: Option<PageMapping>,
    #[serde(default)]
    supplement: Option<SupplementMapping>,
    #[serde(default)]
    curated: Vec<Curated>,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
enum NameFrom {
    Cycle,
    Label,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PageMapping {
    slug: String,
    name_from: NameFrom,
    #[serde(default)]
    strip_prefix: Option<String>,
    default_track: String,
    #[serde(default)]
    track_rules: Vec<TrackRule>,
    #[serde(default)]
    versions: Vec<VersionRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TrackRule {
    cycles: Vec<String>,
    track: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct VersionRule {
    cycles: Vec<String>,
    version: String,
    #[serde(default)]
    aliases: Vec<String>,
    #[serde(default)]
    track: Option<String>,
    #[serde(default)]
    policy: Option<Policy>,
}

/// Which source wins when two disagree on a date.
#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum Prefer {
    /// The curated side: the supplement, and the catalogue's curated facts.
    Supplement,
    /// The endoflife.date source.
    Endoflife,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SupplementMapping {
    product: String,
    prefer: Prefer,
    #[serde(default)]
    skip: Vec<String>,
    #[serde(default)]
    only: Option<Vec<String>>,
    #[serde(default)]
    versions: Vec<SupplementRule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SupplementRule {
    version: String,
    #[serde(default)]
    track: Option<String>,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Curated {
    version: String,
    #[serde(default, deserialize_with = "present")]
    mainstream_end: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    extended_end: Option<Option<String>>,
    #[serde(default)]
    #[allow(dead_code, reason = "documentation field of the catalogue file")]
    note: String,
}

/// Tells a field given as `null` (`Some(None)`) from a field left out (`None`).
fn present<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Option<String>>, D::Error> {
    Option::<String>::deserialize(d).map(Some)
}

#[derive(Debug, Deserialize)]
struct Supplement {
    products: HashMap<String, SupplementProduct>,
}

#[derive(Debug, Deserialize)]
struct SupplementProduct {
    #[serde(default)]
    policy: Option<String>,
    versions: Vec<SupplementVersion>,
}

#[derive(Debug, Deserialize)]
struct SupplementVersion {
    version: String,
    #[serde(default)]
    policy: Option<String>,
    #[serde(default)]
    release: Option<String>,
    #[serde(default)]
    mainstream_end: Option<String>,
    #[serde(default)]
    extended_end: Option<String>,
}

/// One endoflife.date release row, as read from a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cycle {
    /// `releaseCycle`.
    pub cycle: String,
    /// `releaseLabel` with the page's placeholders filled in, if any.
    pub label: Option<String>,
    /// `releaseDate`.
    pub release: Option<String>,
    /// `eoas`: `Some(None)` when support continues (`false`), `None` when the page omits it.
    pub eoas: Option<Option<String>>,
    /// `eol`, like `eoas`.
    pub eol: Option<Option<String>>,
}

/// A version being assembled from one or more rows.
#[derive(Debug, Clone)]
struct Draft {
    version: String,
    /// The source that first named the version.
    from: String,
    aliases: Vec<String>,
    track: String,
    policy: Policy,
    release: Option<String>,
    mainstream_end: Option<String>,
    extended_end: Option<String>,
}

/// The endoflife.date slug of every catalogue product fed by it, as (product id, slug), in
/// catalogue order.
pub fn endoflife_slugs(catalogue: &str) -> Result<Vec<(String, String)>, ImportError> {
    let catalogue: Catalogue = json(CATALOGUE_FILE, catalogue)?;
    Ok(catalogue
        .products
        .into_iter()
        .filter_map(|p| p.endoflife.map(|m| (p.id, m.slug)))
        .collect())
}

/// Builds the lifecycle file from the sources.
pub fn import(sources: &Sources<'_>, generated: &str) -> Result<Imported, ImportError> {
    let catalogue: Catalogue = json(CATALOGUE_FILE, sources.catalogue)?;
    let supplement: Supplement = json(SUPPLEMENT_FILE, sources.supplement)?;
    let mut warnings = Vec::new();
    let mut products = Vec::with_capacity(catalogue.products.len());
    let mut origins = Vec::with_capacity(catalogue.products.len());
    let mut total = 0usize;
    for cp in &catalogue.products {
        let main_track = cp
            .tracks
            .iter()
            .find(|t| t.main)
            .map(|t| t.id.clone())
            .unwrap_or_default();
        let mut drafts = Drafts::default();
        let mut read = Vec::new();
        if let Some(mapping) = &cp.endoflife {
            let page = sources
                .pages
                .get(&mapping.slug)
                .ok_or_else(|| ImportError::Missing {
                    file: CATALOGUE_FILE.into(),
                    product: cp.id.clone(),
                    what: format!(
                        "endoflife.date data `{ENDOFLIFE_DIR}/{}.md` or `.json`",
                        mapping.slug
                    ),
                })?;
            read.push(page.file.clone());
            let cycles = parse_source(page, &mapping.slug)?;
            from_page(mapping, &cycles, &page.file, &mut drafts, &mut warnings);
        }
        if let Some(mapping) = &cp.supplement {
            let sp =
                supplement
                    .products
                    .get(&mapping.product)
                    .ok_or_else(|| ImportError::Missing {
                        file: CATALOGUE_FILE.into(),
                        product: cp.id.clone(),
                        what: format!("supplement product `{}`", mapping.product),
                    })?;
            read.push(SUPPLEMENT_FILE.to_owned());
            let prefer = sources.prefer.unwrap_or(mapping.prefer);
            merge_supplement(
                &cp.id,
                mapping,
                prefer,
                sp,
                &main_track,
                &mut drafts,
                &mut warnings,
            );
        }
        for curated in &cp.curated {
            let prefer = sources.prefer.unwrap_or(Prefer::Supplement);
            apply_curated(&cp.id, curated, prefer, &mut drafts, &mut warnings);
        }
        let mut versions: Vec<(VersionEntry, String)> = drafts
            .list
            .into_iter()
            .filter_map(|d| {
                let Some(release) = d.release else {
                    warnings.push(format!(
                        "{}: version `{}` has no release date in any source: left out",
                        cp.id, d.version
                    ));
                    return None;
                };
                let entry = VersionEntry {
                    version: d.version,
                    aliases: d.aliases,
                    track: d.track,
                    policy: d.policy,
                    release,
                    mainstream_end: d.mainstream_end,
                    extended_end: d.extended_end,
                };
                Some((entry, d.from))
            })
            .collect();
        // ISO dates sort as text: newest first, ties by name.
        versions.sort_by(|(a, _), (b, _)| {
            b.release
                .cmp(&a.release)
                .then_with(|| a.version.cmp(&b.version))
        });
        // Refused as soon as the file could not be read back: nothing more is converted.
        total += versions.len();
        if total > MAX_VERSIONS {
            return Err(ImportError::TooManyVersions {
                product: cp.id.clone(),
                sources: read.join(", "),
                versions: total,
            });
        }
        let (versions, from): (Vec<VersionEntry>, Vec<String>) = versions.into_iter().unzip();
        origins.push(Origins {
            sources: read,
            versions: from,
        });
        products.push(ProductEntry {
            id: cp.id.clone(),
            name: cp.name.clone(),
            deployment: cp.deployment,
            aliases: cp.aliases.clone(),
            channel: cp.channel.clone(),
            tracks: cp.tracks.clone(),
            versions,
        });
    }
    Ok(Imported {
        file: LifecycleFile {
            schema: None,
            generated: Some(generated.to_owned()),
            sources: catalogue.sources,
            products,
        },
        origins,
        warnings,
    })
}

/// The versions of one product being assembled, with an index by name, so that each row
/// finds its version in constant time (a linear search made 180,000 rows take 100 s).
#[derive(Debug, Default)]
struct Drafts {
    list: Vec<Draft>,
    /// The release date of the row each draft's end dates come from.
    latest: Vec<Option<String>>,
    by_name: HashMap<String, usize>,
}

impl Drafts {
    /// The draft named `name`.
    fn get_mut(&mut self, name: &str) -> Option<&mut Draft> {
        let i = *self.by_name.get(name)?;
        self.list.get_mut(i)
    }

    /// Adds a draft whose end dates come from a row released on `latest`.
    fn push(&mut self, draft: Draft, latest: Option<String>) {
        self.by_name.insert(draft.version.clone(), self.list.len());
        self.list.push(draft);
        self.latest.push(latest);
    }
}

fn json<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_owned(),
            None => message,
        };
        ImportError::Json {
            file: file.to_owned(),
            line: e.line(),
            column: e.column(),
            message,
        }
    })
}

/// Reads the release rows of an endoflife.date source for the product `slug`: a product page
/// (`.md`, YAML front matter) or an API answer (anything else: a `.json` file or an API
/// address; v0 or v1).
pub fn parse_source(page: &Page, slug: &str) -> Result<Vec<Cycle>, ImportError> {
    if page.file.ends_with(".md") {
        parse_page(&page.file, &page.text)
    } else {
        parse_api(&page.file, &page.text, Some(slug))
    }
}

/// An API v1 answer, as far as it is read. Read into types rather than a map, so that a key
/// given twice (`result`, `releases`) is refused instead of one of its values silently kept.
#[derive(Debug, Deserialize)]
#[serde(expecting = "an endoflife.date API answer (an object or an array)")]
struct AnswerV1 {
    #[serde(default)]
    result: Option<ResultV1>,
}

#[derive(Debug, Deserialize)]
#[serde(expecting = "the answer's `result` object")]
struct ResultV1 {
    #[serde(default)]
    name: Option<serde_json::Value>,
    #[serde(default)]
    releases: Option<Vec<RowV1>>,
}

/// One release of a v1 answer, as far as it is read: the fields used, each of any type (a
/// wrong type reads as absent); the others are skipped, never held, so an answer's memory is
/// that of what is used (a map per row took 650 bytes).
#[derive(Debug, Deserialize)]
#[serde(expecting = "a release object")]
struct RowV1 {
    #[serde(default)]
    name: serde_json::Value,
    #[serde(default)]
    label: serde_json::Value,
    #[serde(default, rename = "releaseDate")]
    release_date: serde_json::Value,
    #[serde(default, rename = "isEoas")]
    is_eoas: serde_json::Value,
    #[serde(default, rename = "eoasFrom")]
    eoas_from: serde_json::Value,
    #[serde(default, rename = "isEol")]
    is_eol: serde_json::Value,
    #[serde(default, rename = "eolFrom")]
    eol_from: serde_json::Value,
}

/// One cycle of a v0 answer, read like [`RowV1`].
#[derive(Debug, Deserialize)]
#[serde(expecting = "a cycle object")]
struct RowV0 {
    #[serde(default)]
    cycle: serde_json::Value,
    #[serde(default, rename = "releaseLabel")]
    release_label: serde_json::Value,
    #[serde(default, rename = "releaseDate")]
    release_date: serde_json::Value,
    #[serde(default)]
    support: serde_json::Value,
    #[serde(default)]
    eol: serde_json::Value,
}

/// Reads an endoflife.date API answer: v0 (`/api/<product>.json`, an array of cycles whose
/// `support` is true while support continues) or v1 (`result.releases[]` with `isEoas` /
/// `eoasFrom`, `isEol` / `eolFrom`). A v1 answer naming a product other than `slug` (when
/// given) is refused: another product's versions would replace this one's.
pub fn parse_api(file: &str, text: &str, slug: Option<&str>) -> Result<Vec<Cycle>, ImportError> {
    let fail = |message: &str| ImportError::Page {
        file: file.to_owned(),
        message: message.to_owned(),
    };
    let word = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    };
    if text.trim_start().starts_with('[') {
        let rows: Vec<RowV0> = json(file, text)?;
        // v0: `support` means "active support continues" when true (the inverse of `eol`).
        return rows
            .iter()
            .enumerate()
            .map(|(i, row)| {
                let cycle =
                    word(&row.cycle).ok_or_else(|| fail(&format!("entry {i} has no `cycle`")))?;
                Ok(Cycle {
                    cycle,
                    label: word(&row.release_label),
                    release: word(&row.release_date),
                    eoas: end_from_v0(&row.support, true),
                    eol: end_from_v0(&row.eol, false),
                })
            })
            .collect();
    }
    let answer: AnswerV1 = json(file, text)?;
    let Some(ResultV1 {
        name,
        releases: Some(rows),
    }) = answer.result
    else {
        return Err(fail(
            "not endoflife.date API data: expected an array of cycles (v0) or `result.releases` (v1)",
        ));
    };
    if let (Some(slug), Some(name)) = (slug, name.as_ref().and_then(word))
        && name != slug
    {
        return Err(fail(&format!(
            "the answer is about product `{name}`, not `{slug}`: its versions are not taken"
        )));
    }
    rows.iter()
        .enumerate()
        .map(|(i, row)| {
            let cycle = word(&row.name)
                .ok_or_else(|| fail(&format!("result.releases[{i}] has no `name`")))?;
            Ok(Cycle {
                cycle,
                label: word(&row.label),
                release: word(&row.release_date),
                eoas: end_from_v1(&row.is_eoas, &row.eoas_from),
                eol: end_from_v1(&row.is_eol, &row.eol_from),
            })
        })
        .collect()
}

/// A v0 end field: a date, or a boolean; `inverted` for `support`, where true means "continues".
fn end_from_v0(v: &serde_json::Value, inverted: bool) -> Option<Option<String>> {
    match v {
        serde_json::Value::String(date) => Some(Some(date.clone())),
        serde_json::Value::Bool(flag) => {
            let ended = *flag != inverted;
            Some(ended.then(String::new))
        }
        _ => None,
    }
}

/// A v1 end: the `...From` date when given, else the `is...` flag.
fn end_from_v1(flag: &serde_json::Value, from: &serde_json::Value) -> Option<Option<String>> {
    match (from.as_str(), flag.as_bool()) {
        (Some(date), _) => Some(Some(date.to_owned())),
        (None, Some(true)) => Some(Some(String::new())),
        (None, Some(false)) => Some(None),
        (None, None) => None,
    }
}

/// Reads the release rows of an endoflife.date product page (YAML front matter).
pub fn parse_page(file: &str, text: &str) -> Result<Vec<Cycle>, ImportError> {
    let fail = |message: String| ImportError::Page {
        file: file.to_owned(),
        message,
    };
    let mut parts = text.splitn(3, "\n---");
    let head = parts.next().unwrap_or_default();
    if head.trim() != "---" && !head.starts_with("---") {
        return Err(fail(
            "no YAML front matter (the file must start with `---`)".into(),
        ));
    }
    let front = head.trim_start_matches("---");
    let front = match parts.next() {
        Some(rest) if front.trim().is_empty() => rest,
        Some(_) => front,
        None => return Err(fail("front matter is not closed by `---`".into())),
    };
    check_yaml(front).map_err(fail)?;
    let docs = YamlLoader::load_from_str(front).map_err(|e| fail(format!("YAML: {e}")))?;
    let doc = docs
        .first()
        .ok_or_else(|| fail("empty front matter".into()))?;
    let template = scalar(&doc["releaseLabel"]);
    let Some(rows) = doc["releases"].as_vec() else {
        return Err(fail("front matter has no `releases:` list".into()));
    };
    let mut cycles = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let cycle = scalar(&row["releaseCycle"])
            .ok_or_else(|| fail(format!("releases[{i}] has no releaseCycle")))?;
        let codename = scalar(&row["codename"]).unwrap_or_default();
        let label = scalar(&row["releaseLabel"])
            .or_else(|| template.clone())
            .map(|l| {
                l.replace("__RELEASE_CYCLE__", &cycle)
                    .replace("__CODENAME__", &codename)
            });
        cycles.push(Cycle {
            cycle,
            label,
            release: scalar(&row["releaseDate"]),
            eoas: support_end(&row["eoas"]),
            eol: support_end(&row["eol"]),
        });
    }
    Ok(cycles)
}

/// The deepest nesting of collections a page may have (real pages nest three).
const MAX_YAML_DEPTH: usize = 32;

/// The most values (scalars, lists, mappings) a page may have: real pages have hundreds.
const MAX_YAML_VALUES: usize = 100_000;

/// Checks front matter before it is loaded, reading its events (linear in its length): no
/// alias, since the loader copies what an alias names at each use (586 bytes of aliases grew to
/// 22.9 GB); no nesting deeper than [`MAX_YAML_DEPTH`], since the loaded tree is dropped
/// recursively (a line of `- - - ...` overflowed the stack); and no more than
/// [`MAX_YAML_VALUES`] values, since each takes tens of times its text once loaded (16 MiB of
/// `- {a: 1}` took 900 MB).
fn check_yaml(front: &str) -> Result<(), String> {
    use yaml_rust2::Event;
    let mut parser = yaml_rust2::parser::Parser::new_from_str(front);
    let mut depth = 0usize;
    let mut values = 0usize;
    loop {
        let (event, mark) = parser.next_token().map_err(|e| format!("YAML: {e}"))?;
        let at = || format!("line {}, column {}", mark.line(), mark.col() + 1);
        if matches!(
            event,
            Event::Scalar(..) | Event::SequenceStart(..) | Event::MappingStart(..)
        ) {
            values += 1;
            if values > MAX_YAML_VALUES {
                return Err(format!(
                    "more than {MAX_YAML_VALUES} YAML values, at {} (a page has hundreds)",
                    at()
                ));
            }
        }
        match event {
            Event::StreamEnd => return Ok(()),
            Event::Alias(_) => {
                return Err(format!(
                    "a YAML alias (`*name`) at {}: aliases are not accepted in a page (each use copies what it names, so a few hundred bytes can grow to gigabytes)",
                    at()
                ));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                if depth > MAX_YAML_DEPTH {
                    return Err(format!(
                        "nested deeper than {MAX_YAML_DEPTH} levels at {} (a page nests three)",
                        at()
                    ));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
}

fn scalar(y: &Yaml) -> Option<String> {
    match y {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(i) => Some(i.to_string()),
        _ => None,
    }
}

/// `eoas`/`eol`: a date; `false` (support continues, `Some(None)`); `true` (ended on an
/// unknown date, `Some(Some(""))`); absent (`None`).
fn support_end(y: &Yaml) -> Option<Option<String>> {
    match y {
        Yaml::Boolean(false) => Some(None),
        Yaml::Boolean(true) => Some(Some(String::new())),
        Yaml::BadValue | Yaml::Null => None,
        other => scalar(other).map(Some),
    }
}

/// Whether `text` matches a pattern where `*` stands for any run of characters.
pub fn glob(pattern: &str, text: &str) -> bool {
    let parts: Vec<&str> = pattern.split('*').collect();
    let [first, middle @ .., last] = parts.as_slice() else {
        return pattern == text;
    };
    if parts.len() == 1 {
        return pattern == text;
    }
    let Some(mut rest) = text.strip_prefix(first) else {
        return false;
    };
    for part in middle {
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    rest.len() >= last.len() && rest.ends_with(last)
}

fn from_page(
    mapping: &PageMapping,
    cycles: &[Cycle],
    file: &str,
    drafts: &mut Drafts,
    warnings: &mut Vec<String>,
) {
    for row in cycles {
        if matches!(&row.eoas, Some(Some(d)) if d.is_empty())
            || matches!(&row.eol, Some(Some(d)) if d.is_empty())
        {
            warnings.push(format!(
                "{file}: cycle `{}` ended on a date the page does not give: left out",
                row.cycle
            ));
            continue;
        }
        let rule = mapping
            .versions
            .iter()
            .find(|r| r.cycles.iter().any(|c| glob(c, &row.cycle)));
        let name = match (rule, mapping.name_from) {
            (Some(rule), _) => rule.version.clone(),
            (None, NameFrom::Label) => row.label.clone().unwrap_or_else(|| row.cycle.clone()),
            (None, NameFrom::Cycle) => row.cycle.clone(),
        };
        let name = match &mapping.strip_prefix {
            Some(prefix) => name
                .strip_prefix(prefix.as_str())
                .unwrap_or(&name)
                .to_owned(),
            None => name,
        };
        let end = |e: &Option<Option<String>>| e.clone().flatten();
        match drafts.by_name.entry(name) {
            // Several rows (service packs, updates, minor releases) roll up into one version:
            // the earliest release, and the end dates of the latest row, the last service pack
            // or update, which carries the product's own dates.
            Entry::Occupied(at) => {
                let i = *at.get();
                let (Some(d), Some(latest)) = (drafts.list.get_mut(i), drafts.latest.get_mut(i))
                else {
                    continue;
                };
                d.release = min_date(d.release.take(), row.release.clone());
                if row.release > *latest {
                    latest.clone_from(&row.release);
                    d.mainstream_end = end(&row.eoas);
                    d.extended_end = end(&row.eol);
                }
            }
            Entry::Vacant(at) => {
                let track = rule
                    .and_then(|r| r.track.clone())
                    .or_else(|| {
                        mapping
                            .track_rules
                            .iter()
                            .find(|t| t.cycles.iter().any(|c| glob(c, &row.cycle)))
                            .map(|t| t.track.clone())
                    })
                    .unwrap_or_else(|| mapping.default_track.clone());
                let draft = Draft {
                    version: at.key().clone(),
                    from: file.to_owned(),
                    aliases: rule.map(|r| r.aliases.clone()).unwrap_or_default(),
                    track,
                    policy: rule.and_then(|r| r.policy).unwrap_or_default(),
                    release: row.release.clone(),
                    mainstream_end: end(&row.eoas),
                    extended_end: end(&row.eol),
                };
                at.insert(drafts.list.len());
                drafts.list.push(draft);
                drafts.latest.push(row.release.clone());
            }
        }
    }
}

fn min_date(a: Option<String>, b: Option<String>) -> Option<String> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

fn merge_supplement(
    product: &str,
    mapping: &SupplementMapping,
    prefer: Prefer,
    sp: &SupplementProduct,
    main_track: &str,
    drafts: &mut Drafts,
    warnings: &mut Vec<String>,
) {
    for sv in &sp.versions {
        if mapping.skip.contains(&sv.version)
            || mapping
                .only
                .as_ref()
                .is_some_and(|o| !o.contains(&sv.version))
        {
            continue;
        }
        let modern = sv.policy.as_deref().or(sp.policy.as_deref()) == Some("modern");
        let rule = mapping.versions.iter().find(|r| r.version == sv.version);
        match drafts.get_mut(&sv.version) {
            Some(d) => {
                if modern {
                    d.policy = Policy::Modern;
                }
                let fields = [
                    ("release", &mut d.release, &sv.release),
                    ("mainstream end", &mut d.mainstream_end, &sv.mainstream_end),
                    ("extended end", &mut d.extended_end, &sv.extended_end),
                ];
                for (what, ours, theirs) in fields {
                    let Some(theirs) = theirs else { continue };
                    match ours.as_ref() {
                        None => *ours = Some(theirs.clone()),
                        Some(mine) if mine == theirs => {}
                        Some(mine) => {
                            let kept = match prefer {
                                Prefer::Supplement => {
                                    let old = mine.clone();
                                    *ours = Some(theirs.clone());
                                    format!("endoflife.date {old} replaced by supplement {theirs}")
                                }
                                Prefer::Endoflife => {
                                    format!("kept endoflife.date {mine}, supplement says {theirs}")
                                }
                            };
                            warnings.push(format!("{product} {}: {what}: {kept}", sv.version));
                        }
                    }
                }
                if let Some(rule) = rule {
                    extend_unique(&mut d.aliases, &rule.aliases);
                }
            }
            None => drafts.push(
                Draft {
                    version: sv.version.clone(),
                    from: SUPPLEMENT_FILE.to_owned(),
                    aliases: rule.map(|r| r.aliases.clone()).unwrap_or_default(),
                    track: rule
                        .and_then(|r| r.track.clone())
                        .unwrap_or_else(|| main_track.to_owned()),
                    policy: if modern {
                        Policy::Modern
                    } else {
                        Policy::Fixed
                    },
                    release: sv.release.clone(),
                    mainstream_end: sv.mainstream_end.clone(),
                    extended_end: sv.extended_end.clone(),
                },
                sv.release.clone(),
            ),
        }
    }
}

fn apply_curated(
    product: &str,
    curated: &Curated,
    prefer: Prefer,
    drafts: &mut Drafts,
    warnings: &mut Vec<String>,
) {
    let Some(d) = drafts.get_mut(&curated.version) else {
        warnings.push(format!(
            "{product}: curated version `{}` is in no source: ignored",
            curated.version
        ));
        return;
    };
    let fields = [
        (
            "mainstream end",
            &mut d.mainstream_end,
            &curated.mainstream_end,
        ),
        ("extended end", &mut d.extended_end, &curated.extended_end),
    ];
    for (what, ours, curated_value) in fields {
        let Some(value) = curated_value else { continue };
        match (ours.as_ref(), value.as_ref()) {
            (Some(mine), Some(new)) if mine != new => {
                if prefer == Prefer::Endoflife {
                    warnings.push(format!(
                        "{product} {}: {what}: kept source {mine}, curated says {new}",
                        d.version
                    ));
                    continue;
                }
                warnings.push(format!(
                    "{product} {}: {what}: source {mine} replaced by curated {new}",
                    d.version
                ));
            }
            (Some(_), None) if prefer == Prefer::Endoflife => continue,
            _ => {}
        }
        *ours = value.clone();
    }
}

fn extend_unique(list: &mut Vec<String>, more: &[String]) {
    for m in more {
        if !list.contains(m) {
            list.push(m.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `*` matches any run of characters, anywhere in the pattern.
    #[test]
    fn glob_matches_prefix_suffix_and_middle() {
        assert!(glob("13.0*", "13.0-sp3-acp"));
        assert!(glob("*-sac", "1809-sac"));
        assert!(!glob("*-ac", "1809-sac-x"));
        assert!(glob("10-*-lts", "10-1809-e-lts"));
        assert!(glob("2019", "2019"));
        assert!(!glob("2019", "2019.1"));
        assert!(!glob("17.*", "1.7"));
    }

    /// A page's rows keep dates, `false` as "continues", and fill label placeholders.
    #[test]
    fn parses_front_matter_rows() {
        let page = "---\ntitle: X\nreleaseLabel: \"Server __RELEASE_CYCLE__\"\nreleases:\n  - releaseCycle: \"2019\"\n    releaseDate: 2018-11-13\n    eoas: 2024-01-09\n    eol: false\n---\n\nBody\n";
        let rows = parse_page("x.md", page).unwrap();
        assert_eq!(
            rows,
            vec![Cycle {
                cycle: "2019".into(),
                label: Some("Server 2019".into()),
                release: Some("2018-11-13".into()),
                eoas: Some(Some("2024-01-09".into())),
                eol: Some(None),
            }]
        );
    }

    use proptest::prelude::*;

    proptest! {
        /// An API answer is input from the network: whatever its bytes or the types of its
        /// fields, reading it returns rows or an error naming the address, never a panic.
        #[test]
        fn api_answers_of_any_shape_are_read_or_refused(
            text in "\\PC{0,200}",
            values in proptest::collection::vec(
                prop_oneof![
                    Just("null".to_owned()),
                    Just("true".to_owned()),
                    Just("[]".to_owned()),
                    Just("{}".to_owned()),
                    "-?[0-9]{1,20}(\\.[0-9]{1,5})?",
                    "\"[a-z0-9 .-]{0,12}\"",
                ],
                7,
            ),
        ) {
            let url = "http://127.0.0.1/api/v1/products/x";
            if let Err(e) = parse_api(url, &text, Some("x")) {
                prop_assert!(e.to_string().contains(url));
            }
            let fields = ["name", "label", "releaseDate", "isEoas", "eoasFrom", "isEol", "eolFrom"];
            let row: Vec<String> = fields
                .iter()
                .zip(&values)
                .map(|(f, v)| format!("\"{f}\": {v}"))
                .collect();
            let answer = format!("{{\"result\": {{\"releases\": [{{{}}}]}}}}", row.join(", "));
            match parse_api(url, &answer, Some("x")) {
                Ok(rows) => prop_assert_eq!(rows.len(), 1),
                Err(e) => prop_assert!(e.to_string().contains(url)),
            }
        }
    }

    /// Issue 21, defect 4: an alias is refused at its place, before anything is expanded; so is
    /// nesting deeper than any page has; anchors without aliases are harmless.
    #[test]
    fn refuses_aliases_and_deep_nesting() {
        let page = "---\nbase: &b {eol: false}\nreleases:\n  - *b\n---\n";
        let err = parse_page("endoflife/x.md", page).unwrap_err().to_string();
        assert!(
            err.starts_with("endoflife/x.md: a YAML alias (`*name`) at line 4, column 5"),
            "{err}"
        );
        let deep = format!("---\nreleases:\n{}x\n---\n", "- ".repeat(40));
        let err = parse_page("x.md", &deep).unwrap_err().to_string();
        assert!(err.contains("nested deeper than 32 levels"), "{err}");
        let many = format!("---\nreleases:\n{}---\n", "- {a: 1}\n".repeat(40_000));
        let err = parse_page("x.md", &many).unwrap_err().to_string();
        assert!(err.contains("more than 100000 YAML values"), "{err}");
        let anchored = "---\nreleases:\n  - &r\n    releaseCycle: \"1\"\n---\n";
        assert_eq!(parse_page("x.md", anchored).unwrap().len(), 1);
    }

    /// Issue 21, defect 1: an answer with `result` twice (the second empty) is refused, not
    /// read as its last copy; so is another product's answer.
    #[test]
    fn api_answers_with_a_key_twice_or_for_another_product_are_refused() {
        let url = "http://h/api/v1/products/x";
        let row = r#"{"name": "1", "releaseDate": "2020-01-01"}"#;
        let twice =
            format!(r#"{{"result": {{"releases": [{row}]}}, "result": {{"releases": []}}}}"#);
        let err = parse_api(url, &twice, Some("x")).unwrap_err().to_string();
        assert!(err.contains("duplicate field `result`"), "{err}");
        let other = format!(r#"{{"result": {{"name": "y", "releases": [{row}]}}}}"#);
        let err = parse_api(url, &other, Some("x")).unwrap_err().to_string();
        assert!(
            err.ends_with("the answer is about product `y`, not `x`: its versions are not taken"),
            "{err}"
        );
        let own = format!(r#"{{"result": {{"name": "x", "releases": [{row}]}}}}"#);
        assert_eq!(parse_api(url, &own, Some("x")).unwrap().len(), 1);
        let err = parse_api(url, "5", Some("x")).unwrap_err().to_string();
        assert!(err.contains("an endoflife.date API answer"), "{err}");
    }

    /// Issue 21, defect 5: rows of one version roll up through the name index, and a
    /// product's 100,000 distinct versions are each kept once, in order.
    #[test]
    fn many_rows_roll_up_by_name() {
        let mapping = PageMapping {
            slug: "x".into(),
            name_from: NameFrom::Cycle,
            strip_prefix: None,
            default_track: "main".into(),
            track_rules: Vec::new(),
            versions: vec![VersionRule {
                cycles: vec!["2021*".into()],
                version: "2021".into(),
                aliases: Vec::new(),
                track: None,
                policy: None,
            }],
        };
        let row = |cycle: &str, release: &str, eol: &str| Cycle {
            cycle: cycle.into(),
            label: None,
            release: Some(release.into()),
            eoas: Some(Some(eol.into())),
            eol: Some(Some(eol.into())),
        };
        let mut rows = vec![
            row("2021-sp1", "2022-01-01", "2031-01-01"),
            row("2021", "2021-03-01", "2026-01-01"),
        ];
        rows.extend((0..100_000).map(|i| row(&format!("v{i}"), "2020-01-01", "2030-01-01")));
        let mut drafts = Drafts::default();
        let mut warnings = Vec::new();
        from_page(&mapping, &rows, "x.json", &mut drafts, &mut warnings);
        assert_eq!(drafts.list.len(), 100_001);
        let first = &drafts.list[0];
        assert_eq!(first.version, "2021");
        assert_eq!(first.release.as_deref(), Some("2021-03-01"));
        assert_eq!(first.extended_end.as_deref(), Some("2031-01-01"));
        assert_eq!(drafts.list[100_000].version, "v99999");
    }

    /// The version cap is sound: the smallest version there can be takes at least
    /// [`MIN_VERSION_BYTES`] in the written file, so a file with more than [`MAX_VERSIONS`]
    /// would be over the size every command reads.
    #[test]
    fn the_version_cap_follows_from_the_file_cap() {
        let smallest = VersionEntry {
            version: String::new(),
            aliases: Vec::new(),
            track: String::new(),
            policy: Policy::Fixed,
            release: String::new(),
            mainstream_end: None,
            extended_end: None,
        };
        let file = |versions: Vec<VersionEntry>| LifecycleFile {
            schema: None,
            generated: None,
            sources: Vec::new(),
            products: vec![ProductEntry {
                id: String::new(),
                name: String::new(),
                deployment: Deployment::OnPremises,
                aliases: Vec::new(),
                channel: None,
                tracks: Vec::new(),
                versions,
            }],
        };
        let size = |n| {
            serde_json::to_string_pretty(&file(vec![smallest.clone(); n]))
                .unwrap()
                .len()
        };
        let each = size(2) - size(1);
        assert!(each as u64 >= MIN_VERSION_BYTES, "{each}");
    }

    /// A page without front matter is refused with its file name.
    #[test]
    fn refuses_page_without_front_matter() {
        let err = parse_page("broken.md", "no front matter here").unwrap_err();
        assert!(err.to_string().starts_with("broken.md: "), "{err}");
    }
}
