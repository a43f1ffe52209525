//! The entitlement decision: pure functions over the validated data, a request and a date.
//!
//! No files, no printing, no clock, no environment: the as-of date is an argument. Tiers,
//! incident counts, competencies, channels, alternatives, notes and versions all come from the
//! data; nothing below names one of them.
//!
//! # Rule order (the trace lists the rules in this order)
//! 1. `support-type`: the product's deployment picks the support type (on-premises products get
//!    Microsoft Product Support, cloud products Signature Cloud Support). Always passes.
//! 2. `tier-offered` (only for a tier with dated periods): the tier can be held on the as-of
//!    date: offered then (both ends of a period inclusive), or after its last day sold for as
//!    long as a grant bought that day runs (its term). Fails before the first period and after
//!    the run-out; then `tier-entitlement` is skipped and the reason names the offers of the
//!    day that include the support type.
//! 3. `tier-entitlement`: the matrix cell in force on the as-of date for tier x support type x
//!    competency class. With no competency given where the class matters, every class is
//!    stated; the request passes only if every class is entitled, and `incidents` is the
//!    smallest grant.
//! 4. `product-exclusion`: only when the data excludes the product from the support type on
//!    the date (Microsoft 365 from 2025-01-22); always fails.
//! 5. For a support type with the N-1 version policy (on-premises):
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
//! 6. For a support type without a version policy (cloud): `version-policy` passes.
//! 7. Account and contract rules, each only for a fact the request states.
//!
//! Each rule is one type in `reasons.rs`, with its id, title, result codes and messages
//! together; the N-1 checks and the product listing are in `versions.rs`.
//!
//! The verdict is eligible when every rule in the trace passed. `eligible_until` is the last day
//! the answer stays eligible as far as the data knows: the mainstream end, or the day before a
//! release already in the data pushes the version past N-1, whichever comes first; after a
//! tier's last day sold, no later than the last day its grant can run.
//!
//! Before the rule book's first day, and for a tier held on a day with no figure in force,
//! there is no decision: `Request::resolve` refuses both (exit 2).

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;

use crate::data::entitlements::{
    ANY_CLASS, Alternative, Channel, Condition, MatrixEntry, Note, SupportType, Tier, VersionPolicy,
};
use crate::data::periods::{Confidence, Program, Standing};
use crate::data::{CompetencyChoice, Dataset, Deployment, Incidents, Product, Release};
pub use crate::request::{Account, Query};

mod reasons;
mod versions;

pub use reasons::*;
use versions::{MainTrack, check_version};
pub use versions::{ProductSummary, Status, VersionStatus, entitled_span, summarize, window};

/// Something the decision took for granted because the request did not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption {
    /// The fact, as named in `Condition::unstated` (`activated`, `contract`, ...).
    pub fact: &'static str,
    /// What was assumed, as a sentence fragment.
    pub assumed: Cow<'static, str>,
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

impl ClassGrant<'_> {
    /// Nothing granted, whatever the class.
    pub const NONE: ClassGrant<'static> = ClassGrant {
        class: ANY_CLASS,
        class_name: ANY_CLASS,
        incidents: Incidents::Count(0),
        pack: None,
    };
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

/// The answer to a request.
#[derive(Debug, Clone)]
pub struct Decision<'a> {
    /// The request decided.
    pub request: Query<'a>,
    /// Eligible or not.
    pub verdict: Verdict,
    /// The support type that applies.
    pub support_type: &'a SupportType,
    /// The support type's display name on the day.
    pub support_type_name: &'a str,
    /// The tier's display name on the day.
    pub tier_name: &'a str,
    /// Where the tier stood on the day.
    pub standing: Standing<'a>,
    /// The program's name on the day, when the data names programs.
    pub program: Option<&'a Program>,
    /// The weakest confidence of the matrix cells the grant was read from, when they are
    /// dated (none when no cell applied).
    pub figures: Option<Confidence>,
    /// Warnings about the answer itself (a grant that may have run out).
    pub warnings: Vec<String>,
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

/// Decides a request. Precedence and date conventions are in the module documentation.
pub fn evaluate<'a>(query: &Query<'a>, data: &'a Dataset) -> Decision<'a> {
    let ent = &data.entitlements;
    let product = query.product;
    let as_of = query.as_of;
    let mut reasons = Vec::with_capacity(8);

    let support_type = query.support_type;
    let support_type_name = support_type.name_on(as_of);
    let standing = query.tier.standing(as_of);
    let tier_name = query.tier.name_in(&standing);
    reasons.push(Reason::SupportType(SupportTypeRule {
        product: &product.name,
        deployment: product.deployment,
        support_type,
        name: support_type_name,
    }));

    if standing != Standing::Timeless {
        reasons.push(Reason::Offer(OfferRule {
            tier: tier_name,
            standing,
            as_of,
            support_type: support_type_name,
            offers_now: if standing.holds() {
                Vec::new()
            } else {
                offers_with(data, support_type, as_of)
            },
        }));
    }
    let (grant, figures) = if standing.holds() {
        let grant = grant(data, query.tier, support_type, query.competency, as_of);
        reasons.push(Reason::Entitlement(EntitlementRule {
            tier: tier_name,
            support_type: support_type_name,
            grant: grant.clone(),
            competency: match query.competency {
                CompetencyChoice::Named { name, .. } => Some(name),
                _ => None,
            },
        }));
        let figures = ent
            .cells(&query.tier.id, &support_type.id, as_of)
            .filter_map(|c| c.confidence)
            .max();
        (grant, figures)
    } else {
        (Grant::Single(ClassGrant::NONE), None)
    };
    if let Some(exclusion) = ent.exclusion(&product.id, &support_type.id, as_of) {
        reasons.push(Reason::Exclusion(ExclusionRule {
            product: &product.name,
            support_type: support_type_name,
            reason: &exclusion.reason,
        }));
    }

    let mut version = query.version;
    let mut eligible_until = None;
    let mut within_lifecycle = true;
    match support_type.version_policy {
        VersionPolicy::NMinus1 => {
            if version.is_none() {
                version = window(product, query.as_of).first().copied();
                reasons.push(Reason::VersionAssumed(VersionAssumedRule {
                    product: &product.name,
                    version: version.map(|v| v.version.as_str()),
                    as_of: query.as_of,
                }));
            }
            if let Some(v) = version {
                let main = MainTrack::on(product, query.as_of);
                let check = check_version(product, &main, v, query.as_of);
                reasons.extend(check.reasons);
                eligible_until = check.eligible_until;
                within_lifecycle = check.within_lifecycle;
            } else {
                within_lifecycle = false;
            }
        }
        VersionPolicy::None => reasons.push(Reason::CloudVersions(CloudVersionsRule {
            product: &product.name,
        })),
    }
    let (account_reasons, mut assumptions, next_steps) = account_rules(query, data);
    reasons.extend(account_reasons);
    let mut warnings = Vec::new();
    if let Standing::RunningOut {
        last_sold,
        runs_until,
        ..
    } = standing
    {
        // No grant runs past the last one sold; without the contract's end, say what the
        // answer rests on.
        eligible_until = Some(eligible_until.map_or(runs_until, |u: NaiveDate| u.min(runs_until)));
        if query.account.contract_end.is_none() {
            assumptions.push(Assumption {
                fact: "contract",
                assumed: format!(
                    "your {tier_name} benefits were bought or renewed on or before {last_sold} and run past {as_of}"
                )
                .into(),
            });
            warnings.push(format!(
                "{tier_name} could last be bought or renewed on {last_sold} and no grant runs past {runs_until}: this answer holds only if yours still runs on {as_of} (give --contract-end to decide on it)"
            ));
        }
    }

    let eligible = reasons.iter().all(Reason::passed);
    if !eligible
        && let Some(v) = version
        && reasons
            .iter()
            .any(|r| matches!(r, Reason::Released(ReleasedRule { released: true, .. })))
    {
        reasons.push(Reason::Lifecycle(LifecycleRule {
            version: &v.version,
            end: v.support_end(),
            within: within_lifecycle,
        }));
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
        support_type_name,
        tier_name,
        standing,
        program: ent.program_on(as_of),
        figures,
        warnings,
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
            reasons.push(Reason::Activation(ActivationRule {
                activated,
                who,
                role,
            }));
        }
        None => assumptions.push(Assumption {
            fact: "activated",
            assumed: "the technical benefits are activated".into(),
        }),
    }

    if account.incidents_remaining.is_some() || account.contract_end.is_some() {
        reasons.push(Reason::Contract(ContractRule {
            remaining: account.incidents_remaining,
            end: account.contract_end,
            as_of: query.as_of,
        }));
    } else {
        assumptions.push(Assumption {
            fact: "contract",
            assumed: "the contract is valid and has incidents remaining".into(),
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
            reasons.push(Reason::AccessIds(AccessIdsRule {
                product: &product.name,
                associated,
                exempt,
            }));
        }
        None if !exempt => assumptions.push(Assumption {
            fact: "ids-associated",
            assumed: "the Access ID and Contract ID are at hand if this account has not used the benefit before".into(),
        }),
        None => {}
    }

    if account.csp && rules.csp_plan_products.contains(&product.id) {
        steps.push("or open it under the \"Cloud Solution Provider\" support plan".to_owned());
        reasons.push(Reason::CspPlan(CspPlanRule {
            product: &product.name,
        }));
    }

    if account.for_customer && product.deployment == Deployment::Cloud {
        reasons.push(Reason::CustomerRequest(CustomerRequestRule {
            who: ent.roles_that_can(rules.customer_cloud_action.as_deref().unwrap_or_default()),
            role: role_can(&rules.customer_cloud_action),
        }));
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
    as_of: NaiveDate,
) -> Grant<'a> {
    let ent = &data.entitlements;
    // The cells in force, read once: at most one per competency class.
    let cells: Vec<&MatrixEntry> = ent.cells(&tier.id, &support_type.id, as_of).collect();
    let cell = |class: &'a str| {
        cells
            .iter()
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
        // No figure in force on the day: nothing granted.
        [] => Grant::Single(ClassGrant::NONE),
        [first, rest @ ..] if rest.iter().all(|g| g.incidents == first.incidents) => {
            Grant::Single(ClassGrant {
                class: ANY_CLASS,
                ..*first
            })
        }
        _ => Grant::ByClass(all),
    }
}

/// The offers of a day that hold a grant of a support type, with what they grant, for a
/// "what instead" list.
fn offers_with<'a>(
    data: &'a Dataset,
    support_type: &'a SupportType,
    as_of: NaiveDate,
) -> Vec<(&'a str, String)> {
    data.entitlements
        .tiers
        .iter()
        .filter(|t| matches!(t.standing(as_of), Standing::Offered(_)))
        .filter_map(|t| {
            let grant = grant(data, t, support_type, CompetencyChoice::Unspecified, as_of);
            let what = match &grant {
                Grant::Single(g) if g.incidents.is_entitled() => g.incidents.to_string(),
                Grant::ByClass(_) if grant.guaranteed().is_entitled() || grant.entitled() => {
                    "depending on the competency".to_owned()
                }
                _ => return None,
            };
            Some((t.name_on(as_of), what))
        })
        .collect()
}
