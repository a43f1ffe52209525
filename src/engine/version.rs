//! The version family of rules (the N-1 policy), in their order: `version` (no version asked
//! for: N is assumed), `released` (the release day counts), `main-track` (N and N-1 are counted
//! on the main track only), `n-minus-1` (N or N-1), `mainstream-support` (the last day of
//! mainstream support counts), and, when the answer is "no", `extended-support` (whether
//! Microsoft still sells support). Cloud products get `version-policy` instead. All dates are
//! inclusive days.

use chrono::{Days, NaiveDate};

use super::Reason;
use super::finding::{Code, Msg, Rule, RuleId, Value};
use crate::data::{Product, Release};

/// Where a version stands among the main-track versions released by the as-of date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// The newest released version (N).
    Current,
    /// The one before it (N-1).
    Previous,
    /// N-2 or older.
    Older,
}

/// `version`: no version asked for: the current one was assumed, or none exists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionAssumedRule<'a> {
    /// Product display name.
    pub product: &'a str,
    /// The version assumed, or `None` when none is released on the main track.
    pub version: Option<&'a str>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
}

impl Rule for VersionAssumedRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::Version
    }

    fn code(&self) -> Code {
        match self.version {
            Some(_) => Code::CurrentVersionAssumed,
            None => Code::NoReleasedVersion,
        }
    }

    fn passed(&self) -> bool {
        self.version.is_some()
    }

    fn message(&self) -> Msg<'_> {
        let product = ("product", Value::Text(self.product));
        let as_of = ("as_of", Value::Day(self.as_of));
        match self.version {
            Some(v) => Msg::new(
                "finding-current-version-assumed",
                vec![product, as_of, ("version", Value::Text(v))],
            ),
            None => Msg::new("finding-no-released-version", vec![product, as_of]),
        }
    }
}

/// `released`: whether the version is released on the as-of date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleasedRule<'a> {
    /// Version name.
    pub version: &'a str,
    /// Its release day.
    pub release: NaiveDate,
    /// Whether the release day is on or before the as-of date.
    pub released: bool,
}

impl Rule for ReleasedRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::Released
    }

    fn code(&self) -> Code {
        if self.released {
            Code::Released
        } else {
            Code::NotYetReleased
        }
    }

    fn passed(&self) -> bool {
        self.released
    }

    fn message(&self) -> Msg<'_> {
        let id = if self.released {
            "finding-released"
        } else {
            "finding-not-yet-released"
        };
        Msg::new(
            id,
            vec![
                ("version", Value::Text(self.version)),
                ("release", Value::Day(self.release)),
            ],
        )
    }
}

/// `main-track`: whether the version is on the main track.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackRule<'a> {
    /// Version name.
    pub version: &'a str,
    /// Its track's name.
    pub track: &'a str,
    /// The main track's name.
    pub main_track: &'a str,
    /// Whether it is on the main track.
    pub on_main: bool,
}

impl Rule for TrackRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::MainTrack
    }

    fn code(&self) -> Code {
        if self.on_main {
            Code::MainTrack
        } else {
            Code::SideTrack
        }
    }

    fn passed(&self) -> bool {
        self.on_main
    }

    fn message(&self) -> Msg<'_> {
        let version = ("version", Value::Text(self.version));
        let track = ("track", Value::Data(self.track));
        if self.on_main {
            Msg::new("finding-main-track", vec![version, track])
        } else {
            Msg::new(
                "finding-side-track",
                vec![version, track, ("main_track", Value::Data(self.main_track))],
            )
        }
    }
}

/// `n-minus-1`: the version's position among released main-track versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecencyRule<'a> {
    /// Version name.
    pub version: &'a str,
    /// N, N-1 or older.
    pub position: Position,
    /// The current version (N).
    pub current: Option<&'a str>,
    /// The previous version (N-1).
    pub previous: Option<&'a str>,
    /// Of N and N-1, those that qualify on the day (in mainstream support).
    pub qualifying: Vec<&'a str>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
}

impl Rule for RecencyRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::NMinus1
    }

    fn code(&self) -> Code {
        match self.position {
            Position::Current => Code::CurrentVersion,
            Position::Previous => Code::NMinus1,
            Position::Older => Code::NMinus2OrOlder,
        }
    }

    fn passed(&self) -> bool {
        self.position != Position::Older
    }

    fn message(&self) -> Msg<'_> {
        let version = ("version", Value::Text(self.version));
        let current = ("current", Value::Text(self.current.unwrap_or("-")));
        match self.position {
            Position::Current => Msg::new("finding-current-version", vec![version]),
            Position::Previous => Msg::new("finding-n-minus-1", vec![version, current]),
            Position::Older => Msg::new(
                "finding-n-minus-2-or-older",
                vec![
                    version,
                    current,
                    ("previous", Value::Text(self.previous.unwrap_or("-"))),
                    ("as_of", Value::Day(self.as_of)),
                    ("count", Value::Count(self.qualifying.len() as u64)),
                    (
                        "qualifying",
                        Value::AllOf(self.qualifying.iter().map(|v| Value::Text(v)).collect()),
                    ),
                ],
            ),
        }
    }
}

/// `mainstream-support`: whether mainstream support still runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MainstreamRule<'a> {
    /// Version name.
    pub version: &'a str,
    /// Last day of mainstream support, if any.
    pub end: Option<NaiveDate>,
    /// Whether the as-of date is on or before it.
    pub within: bool,
}

impl Rule for MainstreamRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::MainstreamSupport
    }

    fn code(&self) -> Code {
        match self {
            MainstreamRule { end: None, .. } => Code::NoMainstreamEnd,
            MainstreamRule { within: true, .. } => Code::InMainstreamSupport,
            MainstreamRule { within: false, .. } => Code::MainstreamEnded,
        }
    }

    fn passed(&self) -> bool {
        self.within
    }

    fn message(&self) -> Msg<'_> {
        let version = ("version", Value::Text(self.version));
        match self.end {
            None => Msg::new("finding-no-mainstream-end", vec![version]),
            Some(end) if self.within => Msg::new(
                "finding-in-mainstream-support",
                vec![version, ("end", Value::Day(end))],
            ),
            Some(end) => Msg::new(
                "finding-mainstream-ended",
                vec![version, ("end", Value::Day(end))],
            ),
        }
    }
}

/// `extended-support`: whether the version is still inside the Microsoft support lifecycle
/// (only on a "no": it decides which paid alternatives apply).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LifecycleRule<'a> {
    /// Version name.
    pub version: &'a str,
    /// Last day of any Microsoft support, if the data knows one.
    pub end: Option<NaiveDate>,
    /// Whether the as-of date is inside the lifecycle.
    pub within: bool,
}

impl Rule for LifecycleRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::ExtendedSupport
    }

    fn code(&self) -> Code {
        if self.within {
            Code::WithinSupportLifecycle
        } else {
            Code::OutOfSupport
        }
    }

    fn passed(&self) -> bool {
        self.within
    }

    fn message(&self) -> Msg<'_> {
        let version = ("version", Value::Text(self.version));
        let id = match (self.within, self.end) {
            (true, Some(_)) => "finding-within-support-lifecycle",
            (true, None) => "finding-within-support-lifecycle-open",
            (false, Some(_)) => "finding-out-of-support",
            (false, None) => "finding-out-of-support-open",
        };
        match self.end {
            Some(end) => Msg::new(id, vec![version, ("end", Value::Day(end))]),
            None => Msg::new(id, vec![version]),
        }
    }
}

/// `version-policy`: cloud products have no version rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudVersionsRule<'a> {
    /// Product display name.
    pub product: &'a str,
}

impl Rule for CloudVersionsRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::VersionPolicy
    }

    fn code(&self) -> Code {
        Code::CloudNotVersioned
    }

    fn passed(&self) -> bool {
        true
    }

    fn message(&self) -> Msg<'_> {
        Msg::new(
            "finding-cloud-not-versioned",
            vec![("product", Value::Text(self.product))],
        )
    }
}

/// The main-track versions released on or before `as_of`, newest first: `[N, N-1, N-2, ...]`.
pub fn window(product: &Product, as_of: NaiveDate) -> impl Iterator<Item = &Release> {
    // Versions are sorted newest first by validation.
    product
        .versions
        .iter()
        .filter(move |v| v.track == product.main_track && v.release <= as_of)
}

/// A product's main track on a day: what N and N-1 are, and the later releases that will push
/// them out. Built once per product and day, so a listing checks each version in constant time.
pub(super) struct MainTrack<'a> {
    /// N and N-1 (either absent when not released yet).
    pub(super) current: Option<&'a Release>,
    pub(super) previous: Option<&'a Release>,
    /// The main-track releases after the day, earliest first.
    future: Vec<NaiveDate>,
}

impl<'a> MainTrack<'a> {
    pub(super) fn on(product: &'a Product, as_of: NaiveDate) -> Self {
        let mut released = window(product, as_of);
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

/// What the N-1 policy found for one version on one day.
#[derive(Debug, Clone)]
pub(super) struct VersionCheck<'a> {
    pub(super) reasons: Vec<Reason<'a>>,
    pub(super) eligible: bool,
    pub(super) eligible_until: Option<NaiveDate>,
    pub(super) within_lifecycle: bool,
}

/// The N-1 rules for one version on one day, in order.
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
        reasons.push(Reason::Recency(RecencyRule {
            version: &v.version,
            position,
            current: main.current.map(|r| r.version.as_str()),
            previous: main.previous.map(|r| r.version.as_str()),
            qualifying: [main.current, main.previous]
                .into_iter()
                .flatten()
                .filter(|r| r.in_mainstream_on(as_of))
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
            within: v.in_mainstream_on(as_of),
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
        within_lifecycle: v.supported_on(as_of),
    }
}
