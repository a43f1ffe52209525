//! `products`: the N-1 "product summary list" on a day, and its picture (`--format svg`),
//! both from [`crate::engine::listing`]: the same rules `check` decides by.

use chrono::NaiveDate;
use serde::Serialize;

use crate::data::entitlements::VersionPolicy;
use crate::data::lifecycle::Policy;
use crate::data::periods::Confidence;
use crate::data::{Dataset, Deployment, Product};
use crate::engine::{self, Listing, QueryError};
use crate::i18n::Words;

/// One version in the product listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct VersionOut {
    /// Microsoft's version name.
    pub version: String,
    /// Track id.
    pub track: String,
    /// Whether the track is the product's main track.
    pub main_track: bool,
    /// Lifecycle policy: `fixed` or `modern`.
    pub policy: Policy,
    /// First day of availability.
    pub release: NaiveDate,
    /// Last day of mainstream support.
    pub mainstream_end: Option<NaiveDate>,
    /// Last day of extended support.
    pub extended_end: Option<NaiveDate>,
    /// `qualifies`, `mainstream`, `extended`, `out-of-support` or `not-yet-released`.
    pub status: &'static str,
    /// For a qualifying version, the last day it qualifies as far as the data knows.
    pub qualifies_until: Option<NaiveDate>,
}

/// Why a product cannot use its support type on the day.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ExcludedOut {
    /// Exclusion id.
    pub id: String,
    /// The support type it cannot use, by its name on the day.
    pub support_type: String,
    /// Why.
    pub reason: String,
    /// First day of the exclusion.
    pub from: NaiveDate,
    /// `quoted`, `secondary` or `inferred`.
    pub confidence: Confidence,
}

/// One product in the listing.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct ProductOut {
    /// Product id.
    pub product: String,
    /// Display name.
    pub name: String,
    /// `on-premises` or `cloud`.
    pub deployment: Deployment,
    /// `n-minus-1` (on-premises: only `entitled` versions qualify) or `none` (cloud: no
    /// versions; every use qualifies unless `excluded`).
    pub version_policy: VersionPolicy,
    /// The current version (N) on the as-of date.
    pub current: Option<String>,
    /// The previous version (N-1) on the as-of date.
    pub previous: Option<String>,
    /// The qualifying versions, newest first.
    pub entitled: Vec<String>,
    /// Whether a request for the product qualifies at all on the day: false for a product
    /// excluded from its support type, or with no qualifying version.
    pub qualifies: bool,
    /// Why the product cannot use its support type on the day; omitted when it can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded: Option<ExcludedOut>,
    /// Every version with its dates and status, newest first.
    pub versions: Vec<VersionOut>,
}

impl ProductOut {
    /// A product's entry from its listing.
    pub fn new(listing: &Listing<'_>, as_of: NaiveDate, words: &Words) -> Self {
        let p = listing.product;
        let entitled: Vec<String> = listing.entitled().map(|v| v.version.clone()).collect();
        let cloud = listing.support_type.version_policy == VersionPolicy::None;
        ProductOut {
            product: p.id.clone(),
            name: p.name.clone(),
            deployment: p.deployment,
            version_policy: listing.support_type.version_policy,
            current: listing.current.map(|v| v.version.clone()),
            previous: listing.previous.map(|v| v.version.clone()),
            qualifies: listing.excluded.is_none() && (cloud || !entitled.is_empty()),
            entitled,
            excluded: listing.excluded.map(|e| ExcludedOut {
                id: e.id.clone(),
                support_type: words.data(listing.support_type.name_on(as_of)).into_owned(),
                reason: words.data(&e.reason).into_owned(),
                from: e.from.0,
                confidence: e.confidence,
            }),
            versions: listing
                .versions
                .iter()
                .map(|v| VersionOut {
                    version: v.release.version.clone(),
                    track: v.release.track.clone(),
                    main_track: v.release.track == p.main_track,
                    policy: v.release.policy,
                    release: v.release.release,
                    mainstream_end: v.release.mainstream_end,
                    extended_end: v.release.extended_end,
                    status: v.status.code(),
                    qualifies_until: v.qualifies_until,
                })
                .collect(),
        }
    }
}

/// How a listing is shown by the human formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProductsView {
    /// One row per product.
    Products,
    /// One row per version.
    Versions,
}

/// The product summary list on a day (JSON: the array of products).
#[derive(Debug, Clone, PartialEq)]
pub struct ProductsReport {
    /// The day listed.
    pub as_of: NaiveDate,
    /// One row per product, or per version.
    pub view: ProductsView,
    /// The products, in data order.
    pub products: Vec<ProductOut>,
}

impl ProductsReport {
    /// The listing of some products (every one when `only` is none) on a day; refused before
    /// the rule book's first day, as `check` is.
    pub fn new(
        data: &Dataset,
        only: Option<&Product>,
        as_of: NaiveDate,
        view: ProductsView,
        words: &Words,
    ) -> Result<Self, QueryError> {
        let products = data
            .lifecycle
            .products
            .iter()
            .filter(|p| only.is_none_or(|o| o.id == p.id))
            .map(|p| engine::listing(data, p, as_of).map(|l| ProductOut::new(&l, as_of, words)))
            .collect::<Result<_, _>>()?;
        Ok(ProductsReport {
            as_of,
            view,
            products,
        })
    }
}

/// When each version of some products is supported and entitled (`products --format svg`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineReport {
    /// The day the picture marks.
    pub as_of: NaiveDate,
    /// The rule book's first day, when the data says: nothing is entitled before it.
    pub rule_book_from: Option<NaiveDate>,
    /// The products, in data order.
    pub products: Vec<TimelineProduct>,
}

/// One product's versions on a timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineProduct {
    /// Product id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Main-track versions, newest first.
    pub versions: Vec<TimelineVersion>,
    /// Older versions left out of the picture.
    pub older: usize,
    /// A cloud product: not versioned.
    pub cloud: bool,
    /// A product its support type cannot serve on the as-of day.
    pub excluded: bool,
}

/// One version's support windows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimelineVersion {
    /// Microsoft's version name.
    pub version: String,
    /// First day of availability.
    pub release: NaiveDate,
    /// Last day of mainstream support, when known.
    pub mainstream_end: Option<NaiveDate>,
    /// Last day of extended support, when known.
    pub extended_end: Option<NaiveDate>,
    /// The days it qualifies for partner support (first, last when known), per the rules.
    pub entitled: Option<(NaiveDate, Option<NaiveDate>)>,
}

/// Versions a timeline shows per product, at most: the newest that were still supported in
/// the [`TIMELINE_YEARS`] before the as-of date.
pub const TIMELINE_VERSIONS: usize = 12;
/// How far back a timeline looks, in years before the as-of date.
pub const TIMELINE_YEARS: u32 = 10;

impl TimelineReport {
    /// The timeline of the on-premises products (or of `only`) on a day: each product's
    /// main-track versions still supported in the ten years before it, newest first, with the
    /// stretch each qualifies as the rules decide it; refused before the rule book's first
    /// day, as `check` is.
    pub fn new(
        data: &Dataset,
        only: Option<&Product>,
        as_of: NaiveDate,
    ) -> Result<Self, QueryError> {
        let horizon = as_of
            .checked_sub_months(chrono::Months::new(12 * TIMELINE_YEARS))
            .unwrap_or(NaiveDate::MIN);
        let products = data
            .lifecycle
            .products
            .iter()
            .filter(|p| match only {
                Some(o) => o.id == p.id,
                None => p.deployment == Deployment::OnPremises,
            })
            .map(|p| {
                let listing = engine::listing(data, p, as_of)?;
                let main: Vec<_> = p
                    .versions
                    .iter()
                    .filter(|v| v.track == p.main_track)
                    .collect();
                let relevant: Vec<_> = main
                    .iter()
                    .filter(|v| v.support_end().is_none_or(|end| end >= horizon))
                    .collect();
                let older = main.len() - relevant.len().min(TIMELINE_VERSIONS);
                Ok(TimelineProduct {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    versions: relevant
                        .into_iter()
                        .take(TIMELINE_VERSIONS)
                        .map(|v| TimelineVersion {
                            version: v.version.clone(),
                            release: v.release,
                            mainstream_end: v.mainstream_end,
                            extended_end: v.extended_end,
                            entitled: engine::entitled_span(data, p, v),
                        })
                        .collect(),
                    older,
                    cloud: listing.support_type.version_policy == VersionPolicy::None,
                    excluded: listing.excluded.is_some(),
                })
            })
            .collect::<Result<_, QueryError>>()?;
        Ok(TimelineReport {
            as_of,
            rule_book_from: data.entitlements.rule_book.as_ref().map(|b| b.from.0),
            products,
        })
    }
}
