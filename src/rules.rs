//! The entitlement decision: pure functions over the validated data, a request and a date.
//!
//! No files, no printing, no clock, no environment: the as-of date is an argument. Tiers,
//! incident counts, competencies, channels, alternatives, notes and versions all come from the
//! data; nothing below names one of them.
//!
//! # Rule order (the trace lists the rules in this order)
//! 1. `support-type`: the product's deployment picks the support type (on-premises products get
//!    Microsoft Product Support, cloud products Signature Cloud Support). Always passes.
//! 2. `tier-entitlement`: the matrix cell for tier x support type x competency class. With no
//!    competency given where the class matters, every class is stated; the request passes only
//!    if every class is entitled, and `incidents` is the smallest grant.
//! 3. For a support type with the N-1 version policy (on-premises):
//!    1. `version`: only when no version was asked for: the current version (N) is assumed;
//!       fails when the product has no released version on the main track.
//!    2. `released`: the release day counts as released (inclusive).
//!    3. `main-track`: N and N-1 are counted on the product's main track only; a version on a
//!       side track (semi-annual channel, Mac edition, ...) is neither.
//!    4. `n-minus-1`: among main-track versions released on or before the as-of date, newest
//!       first, position 0 is N and 1 is N-1; N-2 and older fail. Skipped when 2 or 3 failed.
//!    5. `mainstream-support`: the as-of date is on or before the last day of mainstream
//!       support (inclusive). A version with no mainstream end (Modern policy) passes. Applies
//!       to N as well as N-1. Skipped when 2 failed.
//!    6. `extended-support`: only when the answer is already "not eligible": whether the version
//!       is still inside the Microsoft support lifecycle (on or before its extended end, or its
//!       mainstream end when it has no extended phase). It decides which paid alternatives apply;
//!       outside it there is no Microsoft support at all.
//! 4. For a support type without a version policy (cloud): `version-policy` passes.
//!
//! The verdict is eligible when every rule in the trace passed. `eligible_until` is the last day
//! the answer stays eligible as far as the data knows: the mainstream end, or the day before a
//! release already in the data pushes the version past N-1, whichever comes first.

use std::fmt;

use chrono::{Days, NaiveDate};

use crate::data::entitlements::{
    ANY_CLASS, Alternative, Channel, Condition, Note, SupportType, Tier, VersionPolicy,
};
use crate::data::{CompetencyChoice, Dataset, Deployment, Incidents, Product, Release};
pub use crate::request::{Account, Query};

/// Something the decision took for granted because the request did not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Assumption {
    /// The fact, as named in `Condition::unstated` (`activated`, `contract`, ...).
    pub fact: &'static str,
    /// What was assumed, as a sentence fragment.
    pub assumed: &'static str,
}

/// Eligible or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Free technical support applies.
    Eligible,
    /// It does not; see the reasons and alternatives.
    NotEligible,
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Eligible => "eligible",
            Verdict::NotEligible => "not eligible",
        })
    }
}

/// Incidents of one competency class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClassGrant<'a> {
    /// Class id.
    pub class: &'a str,
    /// Class display name.
    pub class_name: &'a str,
    /// Incidents for that class.
    pub incidents: Incidents,
    /// The pack's published name.
    pub pack: Option<&'a str>,
}

/// What the matrix grants for a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Grant<'a> {
    /// One answer: the class does not matter, or is known.
    Single(ClassGrant<'a>),
    /// The class matters and was not given: one answer per class.
    ByClass(Vec<ClassGrant<'a>>),
}

impl Grant<'_> {
    /// Whether every possible class is entitled.
    pub fn entitled(&self) -> bool {
        match self {
            Grant::Single(g) => g.incidents.is_entitled(),
            Grant::ByClass(all) => all.iter().all(|g| g.incidents.is_entitled()),
        }
    }

    /// The incidents guaranteed whatever the class (the smallest grant).
    pub fn guaranteed(&self) -> Incidents {
        match self {
            Grant::Single(g) => g.incidents,
            Grant::ByClass(all) => all
                .iter()
                .map(|g| g.incidents)
                .min()
                .unwrap_or(Incidents::Count(0)),
        }
    }
}

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

/// One rule checked, with what it found. Codes are stable: they appear in JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// The product's deployment picked the support type.
    SupportType {
        /// Product display name.
        product: &'a str,
        /// Its deployment.
        deployment: Deployment,
        /// The support type picked.
        support_type: &'a SupportType,
    },
    /// The matrix cell for the tier.
    Entitlement {
        /// Tier display name.
        tier: &'a str,
        /// Support type display name.
        support_type: &'a str,
        /// What the matrix grants.
        grant: Grant<'a>,
    },
    /// No version asked for: the current one was assumed, or none exists.
    VersionAssumed {
        /// Product display name.
        product: &'a str,
        /// The version assumed, or `None` when none is released on the main track.
        version: Option<&'a str>,
        /// The day the answer is for.
        as_of: NaiveDate,
    },
    /// Whether the version is released on the as-of date.
    Released {
        /// Version name.
        version: &'a str,
        /// Its release day.
        release: NaiveDate,
        /// Whether the release day is on or before the as-of date.
        released: bool,
    },
    /// Whether the version is on the main track.
    Track {
        /// Version name.
        version: &'a str,
        /// Its track's name.
        track: &'a str,
        /// The main track's name.
        main_track: &'a str,
        /// Whether it is on the main track.
        on_main: bool,
    },
    /// Its position among released main-track versions.
    Recency {
        /// Version name.
        version: &'a str,
        /// N, N-1 or older.
        position: Position,
        /// The current version (N).
        current: Option<&'a str>,
        /// The previous version (N-1).
        previous: Option<&'a str>,
    },
    /// Whether mainstream support still runs.
    Mainstream {
        /// Version name.
        version: &'a str,
        /// Last day of mainstream support, if any.
        end: Option<NaiveDate>,
        /// Whether the as-of date is on or before it.
        within: bool,
    },
    /// Whether the version is still inside the Microsoft support lifecycle.
    Lifecycle {
        /// Version name.
        version: &'a str,
        /// Last day of any Microsoft support, if the data knows one.
        end: Option<NaiveDate>,
        /// Whether the as-of date is inside the lifecycle.
        within: bool,
    },
    /// Cloud products have no version rule.
    CloudVersions {
        /// Product display name.
        product: &'a str,
    },
    /// Whether the benefits are activated (only when stated).
    Activation {
        /// As stated.
        activated: bool,
        /// Roles that may activate, joined for a sentence.
        who: String,
        /// The requester's role, and whether it may activate.
        role: Option<(&'a str, bool)>,
    },
    /// Whether the contract is still valid (only when its state is stated).
    Contract {
        /// Incidents left, when stated.
        remaining: Option<u32>,
        /// Last day of the contract, when stated.
        end: Option<NaiveDate>,
        /// The day the answer is for.
        as_of: NaiveDate,
    },
    /// Whether the IDs must be entered (only when stated).
    AccessIds {
        /// Product display name.
        product: &'a str,
        /// Already linked to this account.
        associated: bool,
        /// The product needs no IDs.
        exempt: bool,
    },
    /// A CSP partner may use the Cloud Solution Provider plan for this product.
    CspPlan {
        /// Product display name.
        product: &'a str,
    },
    /// A cloud request for a customer goes through Partner Center by an Admin Agent.
    CustomerRequest {
        /// Roles that may do it, joined for a sentence.
        who: String,
        /// The requester's role, and whether it may do it.
        role: Option<(&'a str, bool)>,
    },
}

impl Reason<'_> {
    /// The rule this reason reports on (stable id).
    pub fn rule(&self) -> &'static str {
        match self {
            Reason::SupportType { .. } => "support-type",
            Reason::Entitlement { .. } => "tier-entitlement",
            Reason::VersionAssumed { .. } => "version",
            Reason::Released { .. } => "released",
            Reason::Track { .. } => "main-track",
            Reason::Recency { .. } => "n-minus-1",
            Reason::Mainstream { .. } => "mainstream-support",
            Reason::Lifecycle { .. } => "extended-support",
            Reason::CloudVersions { .. } => "version-policy",
            Reason::Activation { .. } => "activation",
            Reason::Contract { .. } => "contract",
            Reason::AccessIds { .. } => "access-ids",
            Reason::CspPlan { .. } => "csp-plan",
            Reason::CustomerRequest { .. } => "customer-request",
        }
    }

    /// The rule in the rule book's words: its title and what it says, for `explain`.
    pub fn rule_text(&self) -> (&'static str, &'static str) {
        match self {
            Reason::SupportType { .. } => (
                "Support type",
                "Microsoft Product Support covers on-premises products; Signature Cloud Support covers cloud products.",
            ),
            Reason::Entitlement { .. } => (
                "Entitlement",
                "Each membership tier includes a set number of incidents per support type; for Signature Cloud Support it depends on whether the competency is a cloud competency (see `mpn-support matrix`).",
            ),
            Reason::VersionAssumed { .. } => (
                "Version",
                "When no version is named, the current version (N) is the one that counts.",
            ),
            Reason::Released { .. } => (
                "Release",
                "Only versions released on or before the date count; the release day itself counts.",
            ),
            Reason::Track { .. } => (
                "Track",
                "N and N-1 are counted on the product's main, long-term track; side tracks such as a semi-annual channel or Mac editions do not count.",
            ),
            Reason::Recency { .. } => (
                "N-1 policy",
                "Only recent on-premises products qualify: the current version (N) and the previous version (N-1).",
            ),
            Reason::Mainstream { .. } => (
                "Mainstream support",
                "A version qualifies only while it is in mainstream support; the end date is the last day of it.",
            ),
            Reason::Lifecycle { .. } => (
                "Microsoft support lifecycle",
                "Outside the partner benefit, Microsoft still sells support (Pay Per Incident, Premier) for versions inside the support lifecycle; past the extended end there is no Microsoft support at all.",
            ),
            Reason::CloudVersions { .. } => (
                "Cloud products",
                "The N-1 version policy does not apply to cloud products.",
            ),
            Reason::Activation { .. } => (
                "Activation",
                "Technical benefits must be activated in Partner Center before they can be used.",
            ),
            Reason::Contract { .. } => (
                "Contract",
                "A contract that has expired or has no incidents left is invalid, and the portals hide it.",
            ),
            Reason::AccessIds { .. } => (
                "Access ID and Contract ID",
                "The IDs are needed the first time each account uses the benefit; after that it stays associated with the account.",
            ),
            Reason::CspPlan { .. } => (
                "CSP partners",
                "CSP partners may open Azure requests under the Cloud Solution Provider support plan without adding a support contract.",
            ),
            Reason::CustomerRequest { .. } => (
                "Requests for customers",
                "A cloud request for a customer is created in Partner Center (CSP > Customers > Service management > New request).",
            ),
        }
    }

    /// What the rule found (stable code).
    pub fn code(&self) -> &'static str {
        match self {
            Reason::SupportType {
                deployment: Deployment::OnPremises,
                ..
            } => "on-premises-product",
            Reason::SupportType {
                deployment: Deployment::Cloud,
                ..
            } => "cloud-product",
            Reason::Entitlement { grant, .. } if grant.entitled() => "entitled",
            Reason::Entitlement { .. } => "not-entitled",
            Reason::VersionAssumed {
                version: Some(_), ..
            } => "current-version-assumed",
            Reason::VersionAssumed { version: None, .. } => "no-released-version",
            Reason::Released { released: true, .. } => "released",
            Reason::Released {
                released: false, ..
            } => "not-yet-released",
            Reason::Track { on_main: true, .. } => "main-track",
            Reason::Track { on_main: false, .. } => "side-track",
            Reason::Recency {
                position: Position::Current,
                ..
            } => "current-version",
            Reason::Recency {
                position: Position::Previous,
                ..
            } => "n-minus-1",
            Reason::Recency {
                position: Position::Older,
                ..
            } => "n-minus-2-or-older",
            Reason::Mainstream { end: None, .. } => "no-mainstream-end",
            Reason::Mainstream { within: true, .. } => "in-mainstream-support",
            Reason::Mainstream { within: false, .. } => "mainstream-ended",
            Reason::Lifecycle { within: true, .. } => "within-support-lifecycle",
            Reason::Lifecycle { within: false, .. } => "out-of-support",
            Reason::CloudVersions { .. } => "cloud-not-versioned",
            Reason::Activation {
                activated: true, ..
            } => "activated",
            Reason::Activation {
                role: Some((_, false)),
                ..
            } => "not-activated-role-cannot-activate",
            Reason::Activation { .. } => "not-activated",
            Reason::Contract {
                remaining: Some(0), ..
            } => "no-incidents-remaining",
            Reason::Contract {
                end: Some(end),
                as_of,
                ..
            } if as_of > end => "contract-expired",
            Reason::Contract { .. } => "contract-valid",
            Reason::AccessIds { exempt: true, .. } => "ids-not-needed",
            Reason::AccessIds {
                associated: true, ..
            } => "ids-already-linked",
            Reason::AccessIds { .. } => "ids-first-use",
            Reason::CspPlan { .. } => "csp-support-plan",
            Reason::CustomerRequest {
                role: Some((_, false)),
                ..
            } => "role-cannot-request",
            Reason::CustomerRequest { .. } => "admin-agent-request",
        }
    }

    /// Whether the rule passed.
    pub fn passed(&self) -> bool {
        match self {
            Reason::SupportType { .. } | Reason::CloudVersions { .. } => true,
            Reason::Entitlement { grant, .. } => grant.entitled(),
            Reason::VersionAssumed { version, .. } => version.is_some(),
            Reason::Released { released, .. } => *released,
            Reason::Track { on_main, .. } => *on_main,
            Reason::Recency { position, .. } => *position != Position::Older,
            Reason::Mainstream { within, .. } | Reason::Lifecycle { within, .. } => *within,
            Reason::Activation { activated, .. } => *activated,
            Reason::Contract { .. } => self.code() == "contract-valid",
            Reason::AccessIds { .. } | Reason::CspPlan { .. } => true,
            Reason::CustomerRequest { role, .. } => !matches!(role, Some((_, false))),
        }
    }
}

impl fmt::Display for Reason<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::SupportType {
                product,
                deployment,
                support_type,
            } => {
                let article = match deployment {
                    Deployment::OnPremises => "an",
                    Deployment::Cloud => "a",
                };
                write!(
                    f,
                    "{product} is {article} {deployment} product: {} applies ({})",
                    support_type.name, support_type.scope
                )
            }
            Reason::Entitlement {
                tier,
                support_type,
                grant: Grant::Single(g),
            } => {
                let with = match g.class {
                    ANY_CLASS => String::new(),
                    _ => format!(" with a {}", g.class_name),
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
            Reason::Entitlement {
                tier,
                support_type,
                grant: Grant::ByClass(all),
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
            Reason::VersionAssumed {
                product,
                version: Some(v),
                as_of,
            } => write!(
                f,
                "no version given: assumed {v}, the current version of {product} on {as_of}"
            ),
            Reason::VersionAssumed {
                product,
                version: None,
                as_of,
            } => write!(
                f,
                "{product} has no version released on its main track by {as_of}"
            ),
            Reason::Released {
                version,
                release,
                released: true,
            } => write!(f, "{version} was released on {release}"),
            Reason::Released {
                version,
                release,
                released: false,
            } => write!(
                f,
                "{version} is not released yet (release {release}); N and N-1 count released versions only"
            ),
            Reason::Track {
                version,
                track,
                on_main: true,
                ..
            } => write!(f, "{version} is on the main track ({track})"),
            Reason::Track {
                version,
                track,
                main_track,
                on_main: false,
            } => write!(
                f,
                "{version} is on a side track ({track}); N and N-1 are counted on the main track ({main_track}) only"
            ),
            Reason::Recency {
                version,
                position: Position::Current,
                ..
            } => write!(f, "{version} is the current version (N)"),
            Reason::Recency {
                version,
                position: Position::Previous,
                current,
                ..
            } => write!(
                f,
                "{version} is the previous version (N-1); the current version is {}",
                current.unwrap_or("unknown")
            ),
            Reason::Recency {
                version,
                position: Position::Older,
                current,
                previous,
            } => write!(
                f,
                "{version} is older than N-1: only the current version ({}) and the previous one ({}) qualify",
                current.unwrap_or("none"),
                previous.unwrap_or("none")
            ),
            Reason::Mainstream {
                version, end: None, ..
            } => write!(
                f,
                "{version} has no mainstream end date (Modern Lifecycle Policy): supported while current"
            ),
            Reason::Mainstream {
                version,
                end: Some(end),
                within: true,
            } => write!(f, "{version} is in mainstream support until {end}"),
            Reason::Mainstream {
                version,
                end: Some(end),
                within: false,
            } => write!(
                f,
                "{version} mainstream support ended on {end}; only versions in mainstream support qualify"
            ),
            Reason::Lifecycle {
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
            Reason::Lifecycle {
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
            Reason::CloudVersions { product } => write!(
                f,
                "{product} is a cloud product: the N-1 version policy does not apply"
            ),
            Reason::Activation {
                activated: true, ..
            } => f.write_str("the technical benefits are activated"),
            Reason::Activation {
                activated: false,
                who,
                role,
            } => {
                write!(f, "the technical benefits are not activated yet: {who} must activate them in Partner Center > Benefits > Technical benefits")?;
                match role {
                    Some((name, true)) => write!(f, "; as {name} you can do it now"),
                    Some((name, false)) => write!(f, "; {name} cannot (a greyed-out Activate button): find a {who} in User Management"),
                    None => Ok(()),
                }
            }
            Reason::Contract {
                remaining: Some(0),
                ..
            } => f.write_str(
                "no incidents remain: the contract is invalid and hidden in the portals until a new one is bought",
            ),
            Reason::Contract {
                end: Some(end),
                as_of,
                ..
            } if as_of > end => write!(
                f,
                "the contract ended on {end}: it is invalid and hidden in the portals"
            ),
            Reason::Contract { remaining, end, .. } => {
                f.write_str("the contract is valid")?;
                if let Some(n) = remaining {
                    write!(f, ", {n} incident{} remaining", if *n == 1 { "" } else { "s" })?;
                }
                if let Some(end) = end {
                    write!(f, ", until {end}")?;
                }
                Ok(())
            }
            Reason::AccessIds {
                product,
                exempt: true,
                ..
            } => write!(f, "{product} needs no Access ID or Contract ID"),
            Reason::AccessIds {
                associated: true, ..
            } => f.write_str(
                "the Access ID and Contract ID are already linked to this account: no need to enter them again (an \"Access ID is already associated\" error can be ignored)",
            ),
            Reason::AccessIds { .. } => f.write_str(
                "first use on this account: enter the Access ID and Contract ID when opening the request",
            ),
            Reason::CspPlan { product } => write!(
                f,
                "as a CSP partner you may open {product} requests under the \"Cloud Solution Provider\" support plan, with no support contract"
            ),
            Reason::CustomerRequest { who, role } => {
                write!(f, "a request for a customer's cloud workload is created in Partner Center by an {who}")?;
                match role {
                    Some((name, true)) => write!(f, "; as {name} you can"),
                    Some((name, false)) => write!(f, "; {name} cannot: ask an {who}"),
                    None => Ok(()),
                }
            }
        }
    }
}

/// The answer to a request.
#[derive(Debug, Clone)]
pub struct Decision<'a> {
    /// The request decided.
    pub request: Query<'a>,
    /// Eligible or not.
    pub verdict: Verdict,
    /// The support type that applies.
    pub support_type: &'a SupportType,
    /// The version decided on (asked for or assumed).
    pub version: Option<&'a Release>,
    /// Whether the version was assumed rather than asked for.
    pub version_assumed: bool,
    /// What the matrix grants.
    pub grant: Grant<'a>,
    /// Incidents when eligible (the smallest grant when the class was not given).
    pub incidents: Option<Incidents>,
    /// Where to open the request, when eligible.
    pub channel: Option<&'a Channel>,
    /// The last day the answer stays eligible, as far as the data knows.
    pub eligible_until: Option<NaiveDate>,
    /// Every rule checked, in order.
    pub reasons: Vec<Reason<'a>>,
    /// Other routes to support, when not eligible.
    pub alternatives: Vec<&'a Alternative>,
    /// Advice that applies.
    pub notes: Vec<&'a Note>,
    /// What was taken for granted because the request did not say.
    pub assumptions: Vec<Assumption>,
    /// What to do next beyond the channel's own steps (enter the IDs, ask for activation, ...).
    pub next_steps: Vec<String>,
}

/// The version facts the N-1 policy decides on, shared by `evaluate` and `summarize`.
#[derive(Debug, Clone)]
struct VersionCheck<'a> {
    reasons: Vec<Reason<'a>>,
    eligible: bool,
    eligible_until: Option<NaiveDate>,
    within_lifecycle: bool,
}

/// Decides a request. Precedence and date conventions are in the module documentation.
pub fn evaluate<'a>(query: &Query<'a>, data: &'a Dataset) -> Decision<'a> {
    let ent = &data.entitlements;
    let product = query.product;
    let mut reasons = Vec::with_capacity(8);

    let support_type = query.support_type;
    reasons.push(Reason::SupportType {
        product: &product.name,
        deployment: product.deployment,
        support_type,
    });

    let grant = grant(data, query.tier, support_type, query.competency);
    reasons.push(Reason::Entitlement {
        tier: &query.tier.name,
        support_type: &support_type.name,
        grant: grant.clone(),
    });

    let mut version = query.version;
    let mut eligible_until = None;
    let mut within_lifecycle = true;
    match support_type.version_policy {
        VersionPolicy::NMinus1 => {
            if version.is_none() {
                version = window(product, query.as_of).first().copied();
                reasons.push(Reason::VersionAssumed {
                    product: &product.name,
                    version: version.map(|v| v.version.as_str()),
                    as_of: query.as_of,
                });
            }
            if let Some(v) = version {
                let check = check_version(product, v, query.as_of);
                reasons.extend(check.reasons);
                eligible_until = check.eligible_until;
                within_lifecycle = check.within_lifecycle;
            } else {
                within_lifecycle = false;
            }
        }
        VersionPolicy::None => reasons.push(Reason::CloudVersions {
            product: &product.name,
        }),
    }
    let (account_reasons, assumptions, next_steps) = account_rules(query, data);
    reasons.extend(account_reasons);

    let eligible = reasons.iter().all(Reason::passed);
    if !eligible
        && let Some(v) = version
        && reasons
            .iter()
            .any(|r| matches!(r, Reason::Released { released: true, .. }))
    {
        reasons.push(Reason::Lifecycle {
            version: &v.version,
            end: v.support_end(),
            within: within_lifecycle,
        });
    }

    let facts = Facts {
        tier: &query.tier.id,
        product,
        support_type: &support_type.id,
        eligible,
        within_lifecycle,
        csp: query.account.csp,
        stated: stated_facts(&query.account),
    };
    let customer_channel = (query.account.for_customer && product.deployment == Deployment::Cloud)
        .then_some(ent.account.customer_channel.as_deref())
        .flatten()
        .and_then(|id| ent.channel(id));
    let verdict = if eligible {
        Verdict::Eligible
    } else {
        Verdict::NotEligible
    };
    Decision {
        request: *query,
        verdict,
        support_type,
        version,
        version_assumed: query.version.is_none() && version.is_some(),
        incidents: eligible.then(|| grant.guaranteed()),
        grant,
        channel: if eligible {
            customer_channel
                .or_else(|| product.channel.as_deref().and_then(|id| ent.channel(id)))
                .or_else(|| ent.channel(&support_type.channel))
        } else {
            None
        },
        eligible_until: if eligible { eligible_until } else { None },
        reasons,
        alternatives: if eligible {
            Vec::new()
        } else {
            ent.alternatives
                .iter()
                .filter(|a| facts.matches(&a.when))
                .collect()
        },
        notes: ent
            .notes
            .iter()
            .filter(|n| facts.matches(&n.when))
            .collect(),
        assumptions,
        next_steps,
    }
}

/// The account and contract rules, for the facts the request states; the rest are assumed.
fn account_rules<'a>(
    query: &Query<'a>,
    data: &'a Dataset,
) -> (Vec<Reason<'a>>, Vec<Assumption>, Vec<String>) {
    let ent = &data.entitlements;
    let rules = &ent.account;
    let account = &query.account;
    let product = query.product;
    let mut reasons = Vec::new();
    let mut assumptions = Vec::new();
    let mut steps = Vec::new();
    let role_can = |action: &Option<String>| {
        let action = action.as_deref().unwrap_or_default();
        account.role.map(|r| (r.name.as_str(), r.can(action)))
    };

    match account.activated {
        Some(activated) => {
            let who = ent.roles_that_can(rules.activate_action.as_deref().unwrap_or_default());
            let role = role_can(&rules.activate_action);
            if !activated {
                steps.push(format!("activate the technical benefits first (a {who})"));
            }
            reasons.push(Reason::Activation {
                activated,
                who,
                role,
            });
        }
        None => assumptions.push(Assumption {
            fact: "activated",
            assumed: "the technical benefits are activated",
        }),
    }

    if account.incidents_remaining.is_some() || account.contract_end.is_some() {
        reasons.push(Reason::Contract {
            remaining: account.incidents_remaining,
            end: account.contract_end,
            as_of: query.as_of,
        });
    } else {
        assumptions.push(Assumption {
            fact: "contract",
            assumed: "the contract is valid and has incidents remaining",
        });
    }

    let exempt = rules.ids_exempt_products.contains(&product.id);
    match account.ids_associated {
        Some(associated) => {
            if !associated && !exempt {
                steps.push(
                    "enter the Access ID and Contract ID (Support for Business: Add Contract; Azure portal: Link support benefits)"
                        .to_owned(),
                );
            }
            reasons.push(Reason::AccessIds {
                product: &product.name,
                associated,
                exempt,
            });
        }
        None if !exempt => assumptions.push(Assumption {
            fact: "ids-associated",
            assumed: "the Access ID and Contract ID are at hand if this account has not used the benefit before",
        }),
        None => {}
    }

    if account.csp && rules.csp_plan_products.contains(&product.id) {
        steps.push("or open it under the \"Cloud Solution Provider\" support plan".to_owned());
        reasons.push(Reason::CspPlan {
            product: &product.name,
        });
    }

    if account.for_customer && product.deployment == Deployment::Cloud {
        reasons.push(Reason::CustomerRequest {
            who: ent.roles_that_can(rules.customer_cloud_action.as_deref().unwrap_or_default()),
            role: role_can(&rules.customer_cloud_action),
        });
    }
    (reasons, assumptions, steps)
}

/// The facts a request states, as `Condition::unstated` names them.
fn stated_facts(account: &Account<'_>) -> Vec<&'static str> {
    let mut stated = Vec::new();
    if account.activated.is_some() {
        stated.push("activated");
    }
    if account.ids_associated.is_some() {
        stated.push("ids-associated");
    }
    if account.incidents_remaining.is_some() || account.contract_end.is_some() {
        stated.push("contract");
    }
    if account.role.is_some() {
        stated.push("role");
    }
    stated
}

/// What conditions on alternatives and notes are matched against.
struct Facts<'a> {
    tier: &'a str,
    product: &'a Product,
    support_type: &'a str,
    eligible: bool,
    within_lifecycle: bool,
    csp: bool,
    stated: Vec<&'static str>,
}

impl Facts<'_> {
    fn matches(&self, when: &Condition) -> bool {
        let within = |list: &Option<Vec<String>>, value: &str| {
            list.as_ref().is_none_or(|l| l.iter().any(|x| x == value))
        };
        when.deployments
            .as_ref()
            .is_none_or(|d| d.contains(&self.product.deployment))
            && within(&when.support_types, self.support_type)
            && within(&when.tiers, self.tier)
            && within(&when.products, &self.product.id)
            && when
                .except_products
                .as_ref()
                .is_none_or(|l| !l.contains(&self.product.id))
            && when.eligible.is_none_or(|e| e == self.eligible)
            && when
                .within_lifecycle
                .is_none_or(|w| w == self.within_lifecycle)
            && when.csp.is_none_or(|c| c == self.csp)
            && when
                .unstated
                .as_ref()
                .is_none_or(|facts| !facts.iter().any(|f| self.stated.contains(&f.as_str())))
    }
}

/// The matrix grant for a tier, support type and competency.
pub fn grant<'a>(
    data: &'a Dataset,
    tier: &'a Tier,
    support_type: &'a SupportType,
    competency: CompetencyChoice<'a>,
) -> Grant<'a> {
    let ent = &data.entitlements;
    let cell = |class: &'a str| {
        ent.cells(&tier.id, &support_type.id)
            .find(|m| m.competency_class == class)
            .map(|m| ClassGrant {
                class,
                class_name: ent
                    .competency_class(class)
                    .map_or(class, |c| c.name.as_str()),
                incidents: m.incidents,
                pack: m.pack.as_deref(),
            })
    };
    if let Some(any) = cell(ANY_CLASS) {
        return Grant::Single(any);
    }
    if let Some(class) = competency.class() {
        return Grant::Single(cell(&class.id).unwrap_or(ClassGrant {
            class: &class.id,
            class_name: &class.name,
            incidents: Incidents::Count(0),
            pack: None,
        }));
    }
    let all: Vec<ClassGrant<'a>> = ent
        .competency_classes
        .iter()
        .filter_map(|c| cell(&c.id))
        .collect();
    match all.as_slice() {
        [first, rest @ ..] if rest.iter().all(|g| g.incidents == first.incidents) => {
            Grant::Single(ClassGrant {
                class: ANY_CLASS,
                ..*first
            })
        }
        _ => Grant::ByClass(all),
    }
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

fn check_version<'a>(product: &'a Product, v: &'a Release, as_of: NaiveDate) -> VersionCheck<'a> {
    let mut reasons = Vec::with_capacity(4);
    let released = v.release <= as_of;
    reasons.push(Reason::Released {
        version: &v.version,
        release: v.release,
        released,
    });
    let on_main = v.track == product.main_track;
    reasons.push(Reason::Track {
        version: &v.version,
        track: product.track_name(&v.track),
        main_track: product.track_name(&product.main_track),
        on_main,
    });
    let mut until_pushed_out = None;
    if released && on_main {
        let released_versions = window(product, as_of);
        let index = released_versions
            .iter()
            .position(|r| r.version == v.version)
            .unwrap_or(usize::MAX);
        let position = match index {
            0 => Position::Current,
            1 => Position::Previous,
            _ => Position::Older,
        };
        reasons.push(Reason::Recency {
            version: &v.version,
            position,
            current: released_versions.first().map(|r| r.version.as_str()),
            previous: released_versions.get(1).map(|r| r.version.as_str()),
        });
        // N stops qualifying at the second later release, N-1 at the first (day before each).
        let later_needed = match position {
            Position::Current => 2,
            Position::Previous => 1,
            Position::Older => 0,
        };
        if later_needed > 0 {
            let mut future: Vec<NaiveDate> = product
                .versions
                .iter()
                .filter(|r| r.track == product.main_track && r.release > as_of)
                .map(|r| r.release)
                .collect();
            future.sort_unstable();
            until_pushed_out = future
                .get(later_needed - 1)
                .and_then(|d| d.checked_sub_days(Days::new(1)));
        }
    }
    if released {
        reasons.push(Reason::Mainstream {
            version: &v.version,
            end: v.mainstream_end,
            within: v.mainstream_end.is_none_or(|end| as_of <= end),
        });
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
    let released = window(product, as_of);
    let versions = product
        .versions
        .iter()
        .map(|v| {
            let check = check_version(product, v, as_of);
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
        current: released.first().copied(),
        previous: released.get(1).copied(),
        versions,
    }
}
