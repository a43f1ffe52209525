//! The N-1 version policy on one product and date: which versions are N and N-1, whether a
//! version qualifies and until when, and the product listing built from the same checks.

use std::fmt;

use chrono::{Days, NaiveDate};

use super::reasons::*;
use super::{Position, Reason};
use crate::data::{Product, Release};

/// The version facts the N-1 policy decides on, shared by `evaluate` and `summarize`.
#[derive(Debug, Clone)]
pub(super) struct VersionCheck<'a> {
    pub(super) reasons: Vec<Reason<'a>>,
    pub(super) eligible: bool,
    pub(super) eligible_until: Option<NaiveDate>,
    pub(super) within_lifecycle: bool,
}

/// The main-track versions released on or before `as_of`, newest first: `[N, N-1, N-2, ...]`.
pub fn window(product: &Product, as_of: NaiveDate) -> Vec<&Release> {
    // Versions are sorted newest first by validation.
    product
        .versions
        .iter()
        .filter(|v| v.track == product.main_track && v.release <= as_of)
        .collect()
}

/// A product's main track on a day: what N and N-1 are, and the later releases that will push
/// them out. Built once per product and day, so a listing checks each version in constant time.
pub(super) struct MainTrack<'a> {
    /// N and N-1 (either absent when not released yet).
    current: Option<&'a Release>,
    previous: Option<&'a Release>,
    /// The main-track releases after the day, earliest first.
    future: Vec<NaiveDate>,
}

impl<'a> MainTrack<'a> {
    pub(super) fn on(product: &'a Product, as_of: NaiveDate) -> Self {
        let mut released = window(product, as_of).into_iter();
        let mut future: Vec<NaiveDate> = product
            .versions
            .iter()
            .filter(|r| r.track == product.main_track && r.release > as_of)
            .map(|r| r.release)
            .collect();
        future.sort_unstable();
        MainTrack {
            current: released.next(),
            previous: released.next(),
            future,
        }
    }
}

pub(super) fn check_version<'a>(
    product: &'a Product,
    main: &MainTrack<'a>,
    v: &'a Release,
    as_of: NaiveDate,
) -> VersionCheck<'a> {
    let mut reasons = Vec::with_capacity(4);
    let released = v.release <= as_of;
    reasons.push(Reason::Released(ReleasedRule {
        version: &v.version,
        release: v.release,
        released,
    }));
    let on_main = v.track == product.main_track;
    reasons.push(Reason::Track(TrackRule {
        version: &v.version,
        track: product.track_name(&v.track),
        main_track: product.track_name(&product.main_track),
        on_main,
    }));
    let mut until_pushed_out = None;
    if released && on_main {
        let is = |r: Option<&Release>| r.is_some_and(|r| r.version == v.version);
        let position = if is(main.current) {
            Position::Current
        } else if is(main.previous) {
            Position::Previous
        } else {
            Position::Older
        };
        let in_mainstream = |r: &&Release| r.mainstream_end.is_none_or(|end| as_of <= end);
        reasons.push(Reason::Recency(RecencyRule {
            version: &v.version,
            position,
            current: main.current.map(|r| r.version.as_str()),
            previous: main.previous.map(|r| r.version.as_str()),
            qualifying: [main.current, main.previous]
                .into_iter()
                .flatten()
                .filter(in_mainstream)
                .map(|r| r.version.as_str())
                .collect(),
            as_of,
        }));
        // N stops qualifying at the second later release, N-1 at the first (day before each).
        let later_needed = match position {
            Position::Current => 2,
            Position::Previous => 1,
            Position::Older => 0,
        };
        if later_needed > 0 {
            until_pushed_out = main
                .future
                .get(later_needed - 1)
                .and_then(|d| d.checked_sub_days(Days::new(1)));
        }
    }
    if released {
        reasons.push(Reason::Mainstream(MainstreamRule {
            version: &v.version,
            end: v.mainstream_end,
            within: v.mainstream_end.is_none_or(|end| as_of <= end),
        }));
    }
    let eligible = reasons.iter().all(Reason::passed);
    let eligible_until = match (v.mainstream_end, until_pushed_out) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    VersionCheck {
        reasons,
        eligible,
        eligible_until,
        within_lifecycle: released && v.support_end().is_none_or(|end| as_of <= end),
    }
}

/// The days a version qualifies, asked of the rules themselves: `(first, last)`, `last` being
/// `None` when the data knows no end; `None` when it never qualifies. A version can start
/// qualifying only on its release day (as N), and once it stops (its mainstream support ends,
/// or enough later releases push it out) it never qualifies again, so the check on its release
/// day, with its `eligible_until`, gives the whole stretch.
pub fn entitled_span(product: &Product, v: &Release) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let main = MainTrack::on(product, v.release);
    let check = check_version(product, &main, v, v.release);
    check.eligible.then_some((v.release, check.eligible_until))
}

/// A version's standing on a date, as the product listing shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Free partner support applies (N or N-1 on the main track, in mainstream support).
    Qualifies,
    /// In mainstream support but not N or N-1 on the main track.
    Mainstream,
    /// In extended support only.
    Extended,
    /// Past every Microsoft support date.
    OutOfSupport,
    /// Released after the as-of date.
    NotYetReleased,
}

impl Status {
    /// Stable kebab-case code, as emitted in JSON.
    pub fn code(self) -> &'static str {
        match self {
            Status::Qualifies => "qualifies",
            Status::Mainstream => "mainstream",
            Status::Extended => "extended",
            Status::OutOfSupport => "out-of-support",
            Status::NotYetReleased => "not-yet-released",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Status::Qualifies => "qualifies",
            Status::Mainstream => "mainstream",
            Status::Extended => "extended",
            Status::OutOfSupport => "out of support",
            Status::NotYetReleased => "not yet released",
        })
    }
}

/// One version in a product listing.
#[derive(Debug, Clone)]
pub struct VersionStatus<'a> {
    /// The version.
    pub release: &'a Release,
    /// Its track's display name.
    pub track: &'a str,
    /// Its standing on the date.
    pub status: Status,
    /// For a qualifying version, the last day it qualifies as far as the data knows.
    pub qualifies_until: Option<NaiveDate>,
}

/// A product's N, N-1 and each version's standing on a date: the N-1 "product summary list".
#[derive(Debug, Clone)]
pub struct ProductSummary<'a> {
    /// The product.
    pub product: &'a Product,
    /// The current version (N) on the main track.
    pub current: Option<&'a Release>,
    /// The previous version (N-1) on the main track.
    pub previous: Option<&'a Release>,
    /// Every version, newest first.
    pub versions: Vec<VersionStatus<'a>>,
}

impl<'a> ProductSummary<'a> {
    /// The qualifying versions, newest first.
    pub fn entitled(&self) -> impl Iterator<Item = &'a Release> + '_ {
        self.versions
            .iter()
            .filter(|v| v.status == Status::Qualifies)
            .map(|v| v.release)
    }
}

/// Lists a product's versions with their standing on `as_of`, using the same version rules as
/// `evaluate`, so the listing and `check` always agree.
pub fn summarize(product: &Product, as_of: NaiveDate) -> ProductSummary<'_> {
    let main = MainTrack::on(product, as_of);
    let versions = product
        .versions
        .iter()
        .map(|v| {
            let check = check_version(product, &main, v, as_of);
            let status = if v.release > as_of {
                Status::NotYetReleased
            } else if check.eligible {
                Status::Qualifies
            } else if v.mainstream_end.is_none_or(|end| as_of <= end) {
                Status::Mainstream
            } else if check.within_lifecycle {
                Status::Extended
            } else {
                Status::OutOfSupport
            };
            VersionStatus {
                release: v,
                track: product.track_name(&v.track),
                status,
                qualifies_until: check.eligible.then_some(check.eligible_until).flatten(),
            }
        })
        .collect();
    ProductSummary {
        product,
        current: main.current,
        previous: main.previous,
        versions,
    }
}
