//! The product lifecycle file: products, their release tracks and each version's dates.
//!
//! Two stages: `LifecycleFile` mirrors the JSON (unknown fields rejected), `validate` turns it
//! into `Lifecycle`, whose versions are sorted newest first, dated, and each on a known track.
//! Nothing here decides who is entitled.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::common::{Deployment, check_date, check_spellings, unique_ids};
use super::error::{At, Problems, Severity};

/// Microsoft's lifecycle policy for a version.
#[derive(
    Debug, Clone, Copy, Default, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq,
)]
#[serde(rename_all = "kebab-case")]
pub enum Policy {
    /// Fixed Lifecycle Policy: dated mainstream and extended phases.
    #[default]
    Fixed,
    /// Modern Lifecycle Policy: supported while current, no fixed phases.
    Modern,
}

/// The lifecycle file as written on disk.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LifecycleFile {
    /// Optional JSON Schema reference for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// When the file was generated (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated: Option<String>,
    /// Where its facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The products.
    pub products: Vec<ProductEntry>,
}

/// A product as written on disk.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ProductEntry {
    /// Stable id, e.g. `sql-server`.
    pub id: String,
    /// Display name, e.g. `SQL Server`.
    pub name: String,
    /// On-premises or cloud.
    pub deployment: Deployment,
    /// Other spellings accepted on the command line.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Channel id overriding the support type's default (e.g. `azure-portal`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// Release tracks; exactly one is the main track. Empty for cloud products.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tracks: Vec<Track>,
    /// Versions, newest first. Empty for cloud products.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<VersionEntry>,
}

/// A release track (long-term servicing, semi-annual channel, Mac editions, ...).
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Track {
    /// Stable id within the product, e.g. `ltsc`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Whether N and N-1 are counted on this track.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
}

/// A version as written on disk.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct VersionEntry {
    /// Microsoft's name for the version, e.g. `2012 R2`.
    pub version: String,
    /// Other spellings, e.g. `15.0`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Track id.
    pub track: String,
    /// Lifecycle policy.
    #[serde(default, skip_serializing_if = "is_fixed")]
    pub policy: Policy,
    /// First day of availability (`YYYY-MM-DD`).
    pub release: String,
    /// Last day of mainstream support, or null when there is none (Modern policy).
    pub mainstream_end: Option<String>,
    /// Last day of extended support, or null when there is no extended phase.
    pub extended_end: Option<String>,
}

fn is_fixed(policy: &Policy) -> bool {
    *policy == Policy::Fixed
}

/// The validated lifecycle data.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifecycle {
    /// When the file was generated.
    pub generated: Option<NaiveDate>,
    /// Products in file order.
    pub products: Vec<Product>,
}

/// A validated product.
#[derive(Debug, Clone, PartialEq)]
pub struct Product {
    /// Stable id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// On-premises or cloud.
    pub deployment: Deployment,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Channel override.
    pub channel: Option<String>,
    /// Tracks; `main_track` indexes the main one.
    pub tracks: Vec<Track>,
    /// Id of the track N and N-1 are counted on (empty for cloud products).
    pub main_track: String,
    /// Versions sorted newest release first (ties by name).
    pub versions: Vec<Release>,
}

impl Product {
    /// The display name of a track id (the id itself if unknown).
    pub fn track_name<'a>(&'a self, id: &'a str) -> &'a str {
        self.tracks
            .iter()
            .find(|t| t.id == id)
            .map_or(id, |t| t.name.as_str())
    }
}

/// A validated version with its dates. All dates are inclusive days.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Release {
    /// Microsoft's name, e.g. `2019`.
    pub version: String,
    /// Other spellings.
    pub aliases: Vec<String>,
    /// Track id.
    pub track: String,
    /// Lifecycle policy.
    pub policy: Policy,
    /// First day of availability.
    pub release: NaiveDate,
    /// Last day of mainstream support (None: no mainstream end, Modern policy).
    pub mainstream_end: Option<NaiveDate>,
    /// Last day of extended support (None: no extended phase beyond mainstream).
    pub extended_end: Option<NaiveDate>,
}

impl Release {
    /// The last day Microsoft supports this version at all, if the data knows one.
    pub fn support_end(&self) -> Option<NaiveDate> {
        self.extended_end.or(self.mainstream_end)
    }

    /// Whether `day` is in its mainstream support: on or before the last day of it, or any day
    /// when it has no mainstream end (Modern policy). Says nothing of its release.
    pub fn in_mainstream_on(&self, day: NaiveDate) -> bool {
        self.mainstream_end.is_none_or(|end| day <= end)
    }

    /// Whether `day` is inside the Microsoft support lifecycle: released by then, and on or
    /// before its last supported day when the data knows one.
    pub fn supported_on(&self, day: NaiveDate) -> bool {
        self.release <= day && self.support_end().is_none_or(|end| day <= end)
    }
}

impl LifecycleFile {
    /// Checks dates, tracks and uniqueness, collecting all problems; sorts versions newest
    /// first. Warnings (a product with nothing released by the file's generation date) do not
    /// stop the file from being used.
    pub fn validate(self) -> (Option<Lifecycle>, Problems) {
        let mut problems = Problems::default();
        let root = At::root();
        let generated = check_date(
            &mut problems,
            &root.field("generated"),
            self.generated.as_deref(),
        );
        let section = root.field("products");
        unique_ids(
            &mut problems,
            &section,
            self.products.iter().map(|p| p.id.as_str()),
        );
        check_spellings(
            &mut problems,
            &section,
            self.products
                .iter()
                .map(|p| (p.id.as_str(), p.name.as_str(), p.aliases.as_slice())),
        );
        let mut products = Vec::with_capacity(self.products.len());
        for (pi, p) in self.products.into_iter().enumerate() {
            let id = p.id.clone();
            let at = section.item(pi, &id);
            if let Some(product) = validate_product(&at, p, &mut problems) {
                if let Some(day) = generated
                    && product.deployment == Deployment::OnPremises
                    && !product
                        .versions
                        .iter()
                        .any(|v| v.track == product.main_track && v.release <= day)
                {
                    problems.warning(
                        &at,
                        format!("no version on the main track is released by {day} (the file's generation date)"),
                    );
                }
                products.push(product);
            }
        }
        if problems.has_errors() {
            return (None, problems);
        }
        (
            Some(Lifecycle {
                generated,
                products,
            }),
            problems,
        )
    }
}

fn validate_product(at: &At<'_>, p: ProductEntry, problems: &mut Problems) -> Option<Product> {
    let before = problems.0.len();
    let main_tracks: Vec<usize> = p
        .tracks
        .iter()
        .enumerate()
        .filter(|(_, t)| t.main)
        .map(|(i, _)| i)
        .collect();
    let main_track = match (p.deployment, main_tracks.as_slice()) {
        (Deployment::Cloud, []) => String::new(),
        (Deployment::OnPremises, [one]) => p.tracks[*one].id.to_string(),
        (Deployment::Cloud, _) => {
            problems.error(&at.field("tracks"), "a cloud product has no tracks");
            String::new()
        }
        (Deployment::OnPremises, _) => {
            problems.error(
                &at.field("tracks"),
                format!("needs exactly one main track, found {}", main_tracks.len()),
            );
            String::new()
        }
    };
    if p.deployment == Deployment::Cloud && !p.versions.is_empty() {
        problems.error(
            &at.field("versions"),
            "a cloud product has no versions (cloud products are not affected by the N-1 policy)",
        );
    }
    unique_ids(
        problems,
        &at.field("tracks"),
        p.tracks.iter().map(|t| t.id.as_str()),
    );
    if let Some(channel) = &p.channel
        && channel.trim().is_empty()
    {
        problems.error(&at.field("channel"), "empty channel id");
    }

    // Version names and aliases must select one version only.
    let section = at.field("versions");
    let mut spelled = crate::names::Spellings::default();
    // First pass: check, keeping each good version's parsed dates; the strings are moved
    // into the validated versions afterwards instead of being copied.
    let mut dates = Vec::with_capacity(p.versions.len());
    // A cloud product's versions were refused above; checking them further only repeats that.
    let versions_to_check = if p.deployment == Deployment::Cloud {
        &[][..]
    } else {
        &p.versions[..]
    };
    for (vi, v) in versions_to_check.iter().enumerate() {
        let entry = section.item(vi, &v.version);
        let name_at = entry.field("version");
        let aliases_at = entry.field("aliases");
        let mut alias_ats = Vec::new();
        for ai in 0..v.aliases.len() {
            alias_ats.push(aliases_at.item(ai, ""));
        }
        let spellings =
            std::iter::once((&name_at, &v.version)).chain(alias_ats.iter().zip(&v.aliases));
        for (spot, spelling) in spellings {
            if let Some((owner, first)) = spelled.insert(spelling, vi) {
                let other = p.versions.get(owner).map_or("", |o| o.version.as_str());
                let mine = if *spelling == v.version {
                    "version"
                } else {
                    "alias"
                };
                let theirs = if first == other {
                    format!("version `{other}`")
                } else {
                    format!("alias `{first}` of version `{other}`")
                };
                let message = if first != spelling.as_str() {
                    // Two spellings that differ only in what names ignore: a clash, not a copy.
                    format!(
                        "{mine} `{spelling}` clashes with {theirs}: the two are one name once case, spaces, hyphens and underscores are ignored"
                    )
                } else if mine == "version" && first == other {
                    format!("duplicate version `{spelling}`")
                } else {
                    format!("{mine} `{spelling}` also names {theirs}")
                };
                problems.error(spot, message);
            }
        }
        if v.version.trim().is_empty() {
            problems.error(&entry.field("version"), "empty version name");
        }
        if !p.tracks.iter().any(|t| t.id == v.track) {
            problems.error(
                &entry.field("track"),
                format!("track `{}` is not one of the product's tracks", v.track),
            );
        }
        let errors_before = problems.0.len();
        let release = check_date(problems, &entry.field("release"), Some(&v.release));
        let mainstream_end = check_date(
            problems,
            &entry.field("mainstream_end"),
            v.mainstream_end.as_deref(),
        );
        let extended_end = check_date(
            problems,
            &entry.field("extended_end"),
            v.extended_end.as_deref(),
        );
        let Some(release) = release else { continue };
        if problems.0.len() > errors_before {
            continue;
        }
        if let Some(m) = mainstream_end.filter(|m| *m < release) {
            problems.error(
                &entry.field("mainstream_end"),
                format!("mainstream end {m} before release {release}"),
            );
        }
        if let Some(e) = extended_end.filter(|e| *e < release) {
            problems.error(
                &entry.field("extended_end"),
                format!("extended end {e} before release {release}"),
            );
        }
        if let (Some(m), Some(e)) = (mainstream_end, extended_end)
            && e < m
        {
            problems.error(
                &entry.field("extended_end"),
                format!("extended end {e} before mainstream end {m}"),
            );
        }
        if mainstream_end.is_none() && extended_end.is_some() {
            problems.error(
                &entry.field("extended_end"),
                "an extended end needs a mainstream end before it",
            );
        }
        dates.push((vi, release, mainstream_end, extended_end));
    }
    if problems.0[before..]
        .iter()
        .any(|x| x.severity == Severity::Error)
    {
        return None;
    }
    drop(spelled);
    let mut versions: Vec<Release> = Vec::with_capacity(dates.len());
    let mut entries = p.versions.into_iter().enumerate();
    for (vi, release, mainstream_end, extended_end) in dates {
        let Some((_, v)) = entries.find(|(i, _)| *i == vi) else {
            continue;
        };
        versions.push(Release {
            version: v.version,
            aliases: v.aliases.into_iter().collect(),
            track: v.track,
            policy: v.policy,
            release,
            mainstream_end,
            extended_end,
        });
    }
    // Invariant the rules rely on: newest release first, ties broken by name for stable output.
    versions.sort_by(|a, b| {
        b.release
            .cmp(&a.release)
            .then_with(|| a.version.cmp(&b.version))
    });
    Some(Product {
        id: p.id,
        name: p.name,
        deployment: p.deployment,
        aliases: p.aliases.into_iter().collect(),
        channel: p.channel,
        tracks: p.tracks,
        main_track,
        versions,
    })
}
