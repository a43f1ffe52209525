//! What each rule found, one type per rule: its id, title, rule-book text, result codes,
//! whether it passed and its message sit together in the type's [`Rule`] impl. [`Reason`]
//! holds any of them, in the order the rules ran. Codes are stable: they appear in JSON.

use std::fmt;

use chrono::NaiveDate;

use super::{Grant, Position};
use crate::data::Deployment;
use crate::data::entitlements::{ANY_CLASS, SupportType};
use crate::data::periods::Dated as _;
use crate::data::periods::Standing;

/// One rule of the rule book: what it is called and says, and what it found.
pub trait Rule {
    /// The rule's stable id (`n-minus-1`).
    fn id(&self) -> &'static str;
    /// Its title in the rule book's words, for `explain`.
    fn title(&self) -> &'static str;
    /// What the rule says, for `explain`.
    fn text(&self) -> &'static str;
    /// What it found, as a stable code (`n-minus-2-or-older`).
    fn code(&self) -> &'static str;
    /// Whether it passed.
    fn passed(&self) -> bool;
    /// What it found, in words.
    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// One rule checked, with what it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// The product's deployment picked the support type.
    SupportType(SupportTypeRule<'a>),
    /// Whether the tier could be held on the day.
    Offer(OfferRule<'a>),
    /// The matrix cell for the tier.
    Entitlement(EntitlementRule<'a>),
    /// The product cannot use the support type in this period.
    Exclusion(ExclusionRule<'a>),
    /// No version asked for: the current one was assumed, or none exists.
    VersionAssumed(VersionAssumedRule<'a>),
    /// Whether the version is released on the as-of date.
    Released(ReleasedRule<'a>),
    /// Whether the version is on the main track.
    Track(TrackRule<'a>),
    /// Its position among released main-track versions.
    Recency(RecencyRule<'a>),
    /// Whether mainstream support still runs.
    Mainstream(MainstreamRule<'a>),
    /// Whether the version is still inside the Microsoft support lifecycle.
    Lifecycle(LifecycleRule<'a>),
    /// Cloud products have no version rule.
    CloudVersions(CloudVersionsRule<'a>),
    /// Whether the benefits are activated (only when stated).
    Activation(ActivationRule<'a>),
    /// Whether the contract is still valid (only when its state is stated).
    Contract(ContractRule),
    /// Whether the IDs must be entered (only when stated).
    AccessIds(AccessIdsRule<'a>),
    /// A CSP partner may use the Cloud Solution Provider plan for this product.
    CspPlan(CspPlanRule<'a>),
    /// A cloud request for a customer goes through Partner Center by an Admin Agent.
    CustomerRequest(CustomerRequestRule<'a>),
}

impl Reason<'_> {
    /// The rule that found it.
    pub fn finding(&self) -> &dyn Rule {
        match self {
            Reason::SupportType(r) => r,
            Reason::Offer(r) => r,
            Reason::Entitlement(r) => r,
            Reason::Exclusion(r) => r,
            Reason::VersionAssumed(r) => r,
            Reason::Released(r) => r,
            Reason::Track(r) => r,
            Reason::Recency(r) => r,
            Reason::Mainstream(r) => r,
            Reason::Lifecycle(r) => r,
            Reason::CloudVersions(r) => r,
            Reason::Activation(r) => r,
            Reason::Contract(r) => r,
            Reason::AccessIds(r) => r,
            Reason::CspPlan(r) => r,
            Reason::CustomerRequest(r) => r,
        }
    }

    /// The rule this reason reports on (stable id).
    pub fn rule(&self) -> &'static str {
        self.finding().id()
    }

    /// The rule in the rule book's words: its title and what it says, for `explain`.
    pub fn rule_text(&self) -> (&'static str, &'static str) {
        (self.finding().title(), self.finding().text())
    }

    /// What the rule found (stable code).
    pub fn code(&self) -> &'static str {
        self.finding().code()
    }

    /// Whether the rule passed.
    pub fn passed(&self) -> bool {
        self.finding().passed()
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.finding().describe(f)
    }
}

/// `support-type`: The product's deployment picked the support type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupportTypeRule<'a> {
    /// Product display name.
    pub product: &'a str,
    /// Its deployment.
    pub deployment: Deployment,
    /// The support type picked.
    pub support_type: &'a SupportType,
    /// Its display name on the day.
    pub name: &'a str,
}

impl Rule for SupportTypeRule<'_> {
    fn id(&self) -> &'static str {
        "support-type"
    }

    fn title(&self) -> &'static str {
        "Support type"
    }

    fn text(&self) -> &'static str {
        "Microsoft Product Support covers on-premises products; Signature Cloud Support covers cloud products."
    }

    fn code(&self) -> &'static str {
        match self {
            SupportTypeRule {
                deployment: Deployment::OnPremises,
                ..
            } => "on-premises-product",
            SupportTypeRule {
                deployment: Deployment::Cloud,
                ..
            } => "cloud-product",
        }
    }

    fn passed(&self) -> bool {
        true
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let SupportTypeRule {
            product,
            deployment,
            support_type,
            name,
        } = self;
        let article = match deployment {
            Deployment::OnPremises => "an",
            Deployment::Cloud => "a",
        };
        write!(
            f,
            "{product} is {article} {deployment} product: {name} applies ({})",
            support_type.scope
        )
    }
}

/// `tier-entitlement`: The matrix cell for the tier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntitlementRule<'a> {
    /// Tier display name.
    pub tier: &'a str,
    /// Support type display name.
    pub support_type: &'a str,
    /// What the matrix grants.
    pub grant: Grant<'a>,
    /// The named competency given, when one was (`Security`).
    pub competency: Option<&'a str>,
}

impl Rule for EntitlementRule<'_> {
    fn id(&self) -> &'static str {
        "tier-entitlement"
    }

    fn title(&self) -> &'static str {
        "Entitlement"
    }

    fn text(&self) -> &'static str {
        "Each membership tier includes a set number of incidents per support type; for Signature Cloud Support it depends on whether the competency is a cloud competency (see `mpn-support matrix`)."
    }

    fn code(&self) -> &'static str {
        match self {
            EntitlementRule { grant, .. } if grant.entitled() => "entitled",
            EntitlementRule { .. } => "not-entitled",
        }
    }

    fn passed(&self) -> bool {
        self.grant.entitled()
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntitlementRule {
                tier,
                support_type,
                grant: Grant::Single(g),
                competency,
            } => {
                let article = if g.class_name.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                let with = match (g.class, competency) {
                    (ANY_CLASS, _) => String::new(),
                    (_, Some(name)) => format!(" with {name}, {article} {},", g.class_name),
                    (_, None) => format!(" with {article} {}", g.class_name),
                };
                match g.pack {
                    Some(pack) if g.incidents.is_entitled() => write!(
                        f,
                        "{tier}{with} includes {support_type}: {} ({pack})",
                        g.incidents
                    ),
                    _ if g.incidents.is_entitled() => {
                        write!(f, "{tier}{with} includes {support_type}: {}", g.incidents)
                    }
                    _ => write!(f, "{tier}{with} does not include {support_type}"),
                }
            }
            EntitlementRule {
                tier,
                support_type,
                grant: Grant::ByClass(all),
                ..
            } => {
                let parts: Vec<String> = all
                    .iter()
                    .map(|g| format!("{}: {}", g.class_name, g.incidents))
                    .collect();
                write!(
                    f,
                    "{tier} {support_type} depends on the competency (none given): {}",
                    parts.join("; ")
                )
            }
        }
    }
}

/// `version`: No version asked for: the current one was assumed, or none exists.
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
    fn id(&self) -> &'static str {
        "version"
    }

    fn title(&self) -> &'static str {
        "Version"
    }

    fn text(&self) -> &'static str {
        "When no version is named, the current version (N) is the one that counts."
    }

    fn code(&self) -> &'static str {
        match self {
            VersionAssumedRule {
                version: Some(_), ..
            } => "current-version-assumed",
            VersionAssumedRule { version: None, .. } => "no-released-version",
        }
    }

    fn passed(&self) -> bool {
        self.version.is_some()
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VersionAssumedRule {
                product,
                version: Some(v),
                as_of,
            } => write!(
                f,
                "no version given: assumed {v}, the current version of {product} on {as_of}"
            ),
            VersionAssumedRule {
                product,
                version: None,
                as_of,
            } => write!(
                f,
                "{product} has no version released on its main track by {as_of}"
            ),
        }
    }
}

/// `released`: Whether the version is released on the as-of date.
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
    fn id(&self) -> &'static str {
        "released"
    }

    fn title(&self) -> &'static str {
        "Release"
    }

    fn text(&self) -> &'static str {
        "Only versions released on or before the date count; the release day itself counts."
    }

    fn code(&self) -> &'static str {
        match self {
            ReleasedRule { released: true, .. } => "released",
            ReleasedRule {
                released: false, ..
            } => "not-yet-released",
        }
    }

    fn passed(&self) -> bool {
        self.released
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReleasedRule {
                version,
                release,
                released: true,
            } => write!(f, "{version} was released on {release}"),
            ReleasedRule {
                version,
                release,
                released: false,
            } => write!(
                f,
                "{version} is not released yet (release {release}); N and N-1 count released versions only"
            ),
        }
    }
}

/// `main-track`: Whether the version is on the main track.
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
    fn id(&self) -> &'static str {
        "main-track"
    }

    fn title(&self) -> &'static str {
        "Track"
    }

    fn text(&self) -> &'static str {
        "N and N-1 are counted on the product's main, long-term track; side tracks such as a semi-annual channel or Mac editions do not count."
    }

    fn code(&self) -> &'static str {
        match self {
            TrackRule { on_main: true, .. } => "main-track",
            TrackRule { on_main: false, .. } => "side-track",
        }
    }

    fn passed(&self) -> bool {
        self.on_main
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TrackRule {
                version,
                track,
                on_main: true,
                ..
            } => write!(f, "{version} is on the main track ({track})"),
            TrackRule {
                version,
                track,
                main_track,
                on_main: false,
            } => write!(
                f,
                "{version} is on a side track ({track}); N and N-1 are counted on the main track ({main_track}) only"
            ),
        }
    }
}

/// `n-minus-1`: Its position among released main-track versions.
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
    fn id(&self) -> &'static str {
        "n-minus-1"
    }

    fn title(&self) -> &'static str {
        "N-1 policy"
    }

    fn text(&self) -> &'static str {
        "Only recent on-premises products qualify: the current version (N) and the previous version (N-1)."
    }

    fn code(&self) -> &'static str {
        match self {
            RecencyRule {
                position: Position::Current,
                ..
            } => "current-version",
            RecencyRule {
                position: Position::Previous,
                ..
            } => "n-minus-1",
            RecencyRule {
                position: Position::Older,
                ..
            } => "n-minus-2-or-older",
        }
    }

    fn passed(&self) -> bool {
        self.position != Position::Older
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecencyRule {
                version,
                position: Position::Current,
                ..
            } => write!(f, "{version} is the current version (N)"),
            RecencyRule {
                version,
                position: Position::Previous,
                current,
                ..
            } => write!(
                f,
                "{version} is the previous version (N-1); the current version is {}",
                current.unwrap_or("unknown")
            ),
            RecencyRule {
                version,
                position: Position::Older,
                current,
                previous,
                qualifying,
                as_of,
            } => {
                write!(
                    f,
                    "{version} is older than N-1 (N is {}, N-1 is {}); ",
                    current.unwrap_or("none"),
                    previous.unwrap_or("none")
                )?;
                // Say what does qualify: N-1 (or N) out of mainstream support does not.
                match qualifying.as_slice() {
                    [] => write!(f, "on {as_of} no version qualifies"),
                    [one] => write!(f, "on {as_of} only {one} qualifies"),
                    all => write!(f, "on {as_of} {} qualify", all.join(" and ")),
                }
            }
        }
    }
}

/// `mainstream-support`: Whether mainstream support still runs.
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
    fn id(&self) -> &'static str {
        "mainstream-support"
    }

    fn title(&self) -> &'static str {
        "Mainstream support"
    }

    fn text(&self) -> &'static str {
        "A version qualifies only while it is in mainstream support; the end date is the last day of it."
    }

    fn code(&self) -> &'static str {
        match self {
            MainstreamRule { end: None, .. } => "no-mainstream-end",
            MainstreamRule { within: true, .. } => "in-mainstream-support",
            MainstreamRule { within: false, .. } => "mainstream-ended",
        }
    }

    fn passed(&self) -> bool {
        self.within
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MainstreamRule {
                version, end: None, ..
            } => write!(
                f,
                "{version} has no mainstream end date (Modern Lifecycle Policy): supported while current"
            ),
            MainstreamRule {
                version,
                end: Some(end),
                within: true,
            } => write!(f, "{version} is in mainstream support until {end}"),
            MainstreamRule {
                version,
                end: Some(end),
                within: false,
            } => write!(
                f,
                "{version} mainstream support ended on {end}; only versions in mainstream support qualify"
            ),
        }
    }
}

/// `extended-support`: Whether the version is still inside the Microsoft support lifecycle.
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
    fn id(&self) -> &'static str {
        "extended-support"
    }

    fn title(&self) -> &'static str {
        "Microsoft support lifecycle"
    }

    fn text(&self) -> &'static str {
        "Outside the partner benefit, Microsoft still sells support (Pay Per Incident, Premier) for versions inside the support lifecycle; past the extended end there is no Microsoft support at all."
    }

    fn code(&self) -> &'static str {
        match self {
            LifecycleRule { within: true, .. } => "within-support-lifecycle",
            LifecycleRule { within: false, .. } => "out-of-support",
        }
    }

    fn passed(&self) -> bool {
        self.within
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LifecycleRule {
                version,
                end,
                within: true,
            } => match end {
                Some(end) => write!(
                    f,
                    "{version} is still supported by Microsoft until {end}: paid support is available"
                ),
                None => write!(
                    f,
                    "{version} is still supported by Microsoft: paid support is available"
                ),
            },
            LifecycleRule {
                version,
                end,
                within: false,
            } => match end {
                Some(end) => write!(
                    f,
                    "{version} left Microsoft support on {end}: there is no Microsoft support at all, paid or free"
                ),
                None => write!(
                    f,
                    "{version} is outside the Microsoft support lifecycle: there is no Microsoft support at all"
                ),
            },
        }
    }
}

/// `version-policy`: Cloud products have no version rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloudVersionsRule<'a> {
    /// Product display name.
    pub product: &'a str,
}

impl Rule for CloudVersionsRule<'_> {
    fn id(&self) -> &'static str {
        "version-policy"
    }

    fn title(&self) -> &'static str {
        "Cloud products"
    }

    fn text(&self) -> &'static str {
        "The N-1 version policy does not apply to cloud products."
    }

    fn code(&self) -> &'static str {
        "cloud-not-versioned"
    }

    fn passed(&self) -> bool {
        true
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let CloudVersionsRule { product } = self;
        write!(
            f,
            "{product} is a cloud product: the N-1 version policy does not apply"
        )
    }
}

/// `activation`: Whether the benefits are activated (only when stated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationRule<'a> {
    /// As stated.
    pub activated: bool,
    /// Roles that may activate, joined for a sentence.
    pub who: String,
    /// The requester's role, and whether it may activate.
    pub role: Option<(&'a str, bool)>,
}

impl Rule for ActivationRule<'_> {
    fn id(&self) -> &'static str {
        "activation"
    }

    fn title(&self) -> &'static str {
        "Activation"
    }

    fn text(&self) -> &'static str {
        "Technical benefits must be activated in Partner Center before they can be used."
    }

    fn code(&self) -> &'static str {
        match self {
            ActivationRule {
                activated: true, ..
            } => "activated",
            ActivationRule {
                role: Some((_, false)),
                ..
            } => "not-activated-role-cannot-activate",
            ActivationRule { .. } => "not-activated",
        }
    }

    fn passed(&self) -> bool {
        self.activated
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ActivationRule {
                activated: true, ..
            } => f.write_str("the technical benefits are activated"),
            ActivationRule {
                activated: false,
                who,
                role,
            } => {
                write!(
                    f,
                    "the technical benefits are not activated yet: {who} must activate them in Partner Center > Benefits > Technical benefits"
                )?;
                match role {
                    Some((name, true)) => write!(f, "; as {name} you can do it now"),
                    Some((name, false)) => write!(
                        f,
                        "; {name} cannot (a greyed-out Activate button): find a {who} in User Management"
                    ),
                    None => Ok(()),
                }
            }
        }
    }
}

/// `contract`: Whether the contract is still valid (only when its state is stated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractRule {
    /// Incidents left, when stated.
    pub remaining: Option<u32>,
    /// Last day of the contract, when stated.
    pub end: Option<NaiveDate>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
}

impl Rule for ContractRule {
    fn id(&self) -> &'static str {
        "contract"
    }

    fn title(&self) -> &'static str {
        "Contract"
    }

    fn text(&self) -> &'static str {
        "A contract that has expired or has no incidents left is invalid, and the portals hide it."
    }

    fn code(&self) -> &'static str {
        match self {
            ContractRule {
                remaining: Some(0), ..
            } => "no-incidents-remaining",
            ContractRule {
                end: Some(end),
                as_of,
                ..
            } if as_of > end => "contract-expired",
            ContractRule { .. } => "contract-valid",
        }
    }

    fn passed(&self) -> bool {
        self.code() == "contract-valid"
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
        ContractRule {
            remaining: Some(0),
            ..
        } => f.write_str(
            "no incidents remain: the contract is invalid and hidden in the portals until a new one is bought",
        ),
        ContractRule {
            end: Some(end),
            as_of,
            ..
        } if as_of > end => write!(
            f,
            "the contract ended on {end}: it is invalid and hidden in the portals"
        ),
        ContractRule { remaining, end, .. } => {
            f.write_str("the contract is valid")?;
            if let Some(n) = remaining {
                write!(f, ", {n} incident{} remaining", if *n == 1 { "" } else { "s" })?;
            }
            if let Some(end) = end {
                write!(f, ", until {end}")?;
            }
            Ok(())
        }
        }
    }
}

/// `access-ids`: Whether the IDs must be entered (only when stated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessIdsRule<'a> {
    /// Product display name.
    pub product: &'a str,
    /// Already linked to this account.
    pub associated: bool,
    /// The product needs no IDs.
    pub exempt: bool,
}

impl Rule for AccessIdsRule<'_> {
    fn id(&self) -> &'static str {
        "access-ids"
    }

    fn title(&self) -> &'static str {
        "Access ID and Contract ID"
    }

    fn text(&self) -> &'static str {
        "The IDs are needed the first time each account uses the benefit; after that it stays associated with the account."
    }

    fn code(&self) -> &'static str {
        match self {
            AccessIdsRule { exempt: true, .. } => "ids-not-needed",
            AccessIdsRule {
                associated: true, ..
            } => "ids-already-linked",
            AccessIdsRule { .. } => "ids-first-use",
        }
    }

    fn passed(&self) -> bool {
        true
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
        AccessIdsRule {
            product,
            exempt: true,
            ..
        } => write!(f, "{product} needs no Access ID or Contract ID"),
        AccessIdsRule {
            associated: true, ..
        } => f.write_str(
            "the Access ID and Contract ID are already linked to this account: no need to enter them again (an \"Access ID is already associated\" error can be ignored)",
        ),
        AccessIdsRule { .. } => f.write_str(
            "first use on this account: enter the Access ID and Contract ID when opening the request",
        ),
        }
    }
}

/// `csp-plan`: A CSP partner may use the Cloud Solution Provider plan for this product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspPlanRule<'a> {
    /// Product display name.
    pub product: &'a str,
}

impl Rule for CspPlanRule<'_> {
    fn id(&self) -> &'static str {
        "csp-plan"
    }

    fn title(&self) -> &'static str {
        "CSP partners"
    }

    fn text(&self) -> &'static str {
        "CSP partners may open Azure requests under the Cloud Solution Provider support plan without adding a support contract."
    }

    fn code(&self) -> &'static str {
        "csp-support-plan"
    }

    fn passed(&self) -> bool {
        true
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let CspPlanRule { product } = self;
        write!(
            f,
            "as a CSP partner you may open {product} requests under the \"Cloud Solution Provider\" support plan, with no support contract"
        )
    }
}

/// `customer-request`: A cloud request for a customer goes through Partner Center by an Admin Agent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRequestRule<'a> {
    /// Roles that may do it, joined for a sentence.
    pub who: String,
    /// The requester's role, and whether it may do it.
    pub role: Option<(&'a str, bool)>,
}

impl Rule for CustomerRequestRule<'_> {
    fn id(&self) -> &'static str {
        "customer-request"
    }

    fn title(&self) -> &'static str {
        "Requests for customers"
    }

    fn text(&self) -> &'static str {
        "A cloud request for a customer is created in Partner Center (CSP > Customers > Service management > New request)."
    }

    fn code(&self) -> &'static str {
        match self {
            CustomerRequestRule {
                role: Some((_, false)),
                ..
            } => "role-cannot-request",
            CustomerRequestRule { .. } => "admin-agent-request",
        }
    }

    fn passed(&self) -> bool {
        !matches!(self.role, Some((_, false)))
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let CustomerRequestRule { who, role } = self;
        write!(
            f,
            "a request for a customer's cloud workload is created in Partner Center by an {who}"
        )?;
        match role {
            Some((name, true)) => write!(f, "; as {name} you can"),
            Some((name, false)) => write!(f, "; {name} cannot: ask an {who}"),
            None => Ok(()),
        }
    }
}

/// `tier-offered`: whether the tier could be held on the day: offered then, or no longer sold
/// but a grant bought on its last day may still run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferRule<'a> {
    /// Tier display name on the day.
    pub tier: &'a str,
    /// Where the tier stands on the day.
    pub standing: Standing<'a>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
    /// The support type's display name on the day.
    pub support_type: &'a str,
    /// The offers of the day that include the support type, with what they grant.
    pub offers_now: Vec<(&'a str, String)>,
}

impl Rule for OfferRule<'_> {
    fn id(&self) -> &'static str {
        "tier-offered"
    }

    fn title(&self) -> &'static str {
        "Offer"
    }

    fn text(&self) -> &'static str {
        "A tier counts on the days it could be bought or renewed, and after its last day for as long as a grant bought then runs."
    }

    fn code(&self) -> &'static str {
        match self.standing {
            Standing::Timeless | Standing::Offered(_) => "offered",
            Standing::RunningOut { .. } => "grant-may-still-run",
            Standing::Ended { .. } => "no-longer-offered",
            Standing::NotYetOffered { .. } => "not-yet-offered",
        }
    }

    fn passed(&self) -> bool {
        self.standing.holds()
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let OfferRule {
            tier,
            standing,
            as_of,
            support_type,
            offers_now,
        } = self;
        let instead = |f: &mut fmt::Formatter<'_>| -> fmt::Result {
            if offers_now.is_empty() {
                return write!(f, "; no offer of {as_of} includes {support_type}");
            }
            let offers: Vec<String> = offers_now
                .iter()
                .map(|(name, grant)| format!("{name} ({grant})"))
                .collect();
            write!(
                f,
                "; on {as_of} {support_type} comes with: {}",
                offers.join(", ")
            )
        };
        match standing {
            Standing::Timeless => write!(f, "{tier} is offered"),
            Standing::Offered(period) => {
                write!(f, "{tier} was offered on {as_of} ({})", period.span())?;
                match &period.note {
                    Some(note) => write!(f, ": {note}"),
                    None => Ok(()),
                }
            }
            Standing::RunningOut {
                last_sold,
                runs_until,
                ..
            } => write!(
                f,
                "{tier} could last be bought or renewed on {last_sold}; a grant bought or renewed by then runs until {runs_until}"
            ),
            Standing::Ended {
                last_sold,
                ran_until,
            } => {
                write!(f, "{tier} was last offered on {last_sold}")?;
                if let Some(ran_until) = ran_until {
                    write!(f, " and its last grant ran out on {ran_until}")?;
                }
                instead(f)
            }
            Standing::NotYetOffered { first } => {
                write!(f, "{tier} was first offered on {first}, after {as_of}")?;
                instead(f)
            }
        }
    }
}

/// `product-exclusion`: the product cannot use the support type in this period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExclusionRule<'a> {
    /// Product display name.
    pub product: &'a str,
    /// The support type's display name on the day.
    pub support_type: &'a str,
    /// Why, as the end of a sentence.
    pub reason: &'a str,
}

impl Rule for ExclusionRule<'_> {
    fn id(&self) -> &'static str {
        "product-exclusion"
    }

    fn title(&self) -> &'static str {
        "Products a support type cannot serve"
    }

    fn text(&self) -> &'static str {
        "Some products cannot use a support type at all, whatever the tier."
    }

    fn code(&self) -> &'static str {
        "excluded"
    }

    fn passed(&self) -> bool {
        false
    }

    fn describe(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ExclusionRule {
            product,
            support_type,
            reason,
        } = self;
        write!(f, "{product} requests cannot use {support_type}: {reason}")
    }
}
