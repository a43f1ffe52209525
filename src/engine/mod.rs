//! The entitlement decision: one path from a request to an answer, pure functions over the
//! validated data, a request and a date. No files, no printing, no clock, no environment, no
//! words: what each rule found is typed data ([`finding`]); the words are the catalogues'.
//!
//! [`decide`] is the path every door takes: a single `check`, every batch row, `verify` and
//! `explain`. [`listing`] asks the same rules what qualifies on a day, for `products` and the
//! picture.
//!
//! # Rule order (the trace lists the rules in this order)
//! 1. `support-type`: the product's deployment picks the support type. Always passes.
//! 2. `tier-offered` (only for a tier with dated periods): the tier can be held on the as-of
//!    date: offered then (both ends of a period inclusive), or after its last day sold for as
//!    long as a grant bought that day runs (its term: the membership months, then its benefits
//!    days; an answer in the benefits days says it rests on them). Fails before the first
//!    period and after the run-out; then `tier-entitlement` is skipped and the finding names
//!    the offers of the day that include the support type.
//! 3. `tier-entitlement`: the matrix cell in force on the as-of date for tier x support type x
//!    competency class. With no competency given where the class matters, every class is
//!    stated; the request passes only if every class is entitled, and `incidents` is the
//!    smallest grant.
//! 4. `product-exclusion`: only when the data excludes the product from the support type on
//!    the date; always fails.
//! 5. For a support type with the N-1 version policy (on-premises), the version family
//!    (`version.rs`): `version` (only when none was asked for), `released`, `main-track`,
//!    `n-minus-1`, `mainstream-support`; on a "no", `extended-support`.
//! 6. For a support type without a version policy (cloud): `version-policy` passes.
//! 7. The account family (`account.rs`), each only for a fact the request states:
//!    `activation`, `contract`, `access-ids`, `csp-plan`, `customer-request`, `role`.
//!
//! The verdict is eligible when every rule in the trace passed. `eligible_until` is the last
//! day the answer stays eligible as far as the data knows: the mainstream end, or the day
//! before a release already in the data pushes the version past N-1, whichever comes first;
//! never after the last day the tier's grant can run, nor after a stated contract end.
//!
//! On a "no", [`Decision::alternatives`] lists the routes the rule book offers on the day (an
//! alternative's condition, its `from`/`until` included, must hold); one that leads to tiers
//! only when a tier of its, offered that day, makes the same request eligible, decided again by
//! [`evaluate`] with that tier. It is asked for by the doors that show alternatives only.
//!
//! Before the rule book's first day, for a tier held on a day with no figure in force, and for
//! a contract said to end after any grant could, there is no decision: [`Request::resolve`]
//! refuses (exit 2).

pub mod account;
mod conditions;
pub mod finding;
pub mod query;
pub mod tier;
pub mod version;

use chrono::{Days, NaiveDate};

use crate::data::entitlements::{
    Alternative, Channel, Fact, Note, SupportType, Tier, VersionPolicy,
};
use crate::data::periods::{Confidence, Dated as _, Exclusion, Program, Standing};
use crate::data::{CompetencyChoice, Dataset, Deployment, Incidents, Product, Release};

pub use account::Assumption;
use account::{
    AccessIdsRule, ActivationRule, ContractRule, CspPlanRule, CustomerRequestRule, RoleRule,
};
use conditions::Facts;
pub use finding::{Args, Code, Msg, Rule, RuleId, Value};
pub use query::{Account, Flagged, Given, Query, QueryError, Request, version_shaped};
pub use tier::{ClassGrant, Grant};
use tier::{EntitlementRule, ExclusionRule, OfferRule, SupportTypeRule};
pub use version::Position;
use version::{
    CloudVersionsRule, LifecycleRule, MainTrack, MainstreamRule, RecencyRule, ReleasedRule,
    TrackRule, VersionAssumedRule, check_version,
};

/// Eligible or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Free technical support applies.
    Eligible,
    /// It does not; see the reasons and alternatives.
    NotEligible,
}

/// One rule checked, with what it found, in the order the rules ran.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// `support-type`.
    SupportType(SupportTypeRule<'a>),
    /// `tier-offered`.
    Offer(OfferRule<'a>),
    /// `tier-entitlement`.
    Entitlement(EntitlementRule<'a>),
    /// `product-exclusion`.
    Exclusion(ExclusionRule<'a>),
    /// `version`.
    VersionAssumed(VersionAssumedRule<'a>),
    /// `released`.
    Released(ReleasedRule<'a>),
    /// `main-track`.
    Track(TrackRule<'a>),
    /// `n-minus-1`.
    Recency(RecencyRule<'a>),
    /// `mainstream-support`.
    Mainstream(MainstreamRule<'a>),
    /// `extended-support`.
    Lifecycle(LifecycleRule<'a>),
    /// `version-policy`.
    CloudVersions(CloudVersionsRule<'a>),
    /// `activation`.
    Activation(ActivationRule<'a>),
    /// `contract`.
    Contract(ContractRule),
    /// `access-ids`.
    AccessIds(AccessIdsRule<'a>),
    /// `csp-plan`.
    CspPlan(CspPlanRule<'a>),
    /// `customer-request`.
    CustomerRequest(CustomerRequestRule<'a>),
    /// `role`.
    Role(RoleRule<'a>),
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
            Reason::Role(r) => r,
        }
    }

    /// The rule's stable id.
    pub fn rule(&self) -> RuleId {
        self.finding().id()
    }

    /// What it found (stable code).
    pub fn code(&self) -> Code {
        self.finding().code()
    }

    /// Whether it passed.
    pub fn passed(&self) -> bool {
        self.finding().passed()
    }

    /// What it found, as a message of the catalogues.
    pub fn message(&self) -> Msg<'_> {
        self.finding().message()
    }
}

/// An alternative route to support that exists on the as-of day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion<'a> {
    /// The alternative.
    pub alternative: &'a Alternative,
    /// For an alternative that leads to tiers, what each tier offered on the day would give
    /// for the same request (only tiers that make it eligible); empty otherwise.
    pub gives: Vec<Give<'a>>,
}

/// What a tier an alternative leads to would give for the request decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Give<'a> {
    /// The tier.
    pub tier: &'a Tier,
    /// Its name on the day.
    pub name: &'a str,
    /// What the matrix grants it for the request.
    pub grant: Grant<'a>,
    /// The incidents guaranteed (the smallest grant when the class was not given).
    pub incidents: Incidents,
}

/// The answer to a request.
#[derive(Debug, Clone)]
pub struct Decision<'a> {
    /// The request decided.
    pub query: Query<'a>,
    /// Eligible or not.
    pub verdict: Verdict,
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
    pub warnings: Vec<Msg<'a>>,
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
    /// Whether the version is inside the Microsoft support lifecycle (a cloud product always
    /// is): it decides which paid alternatives apply.
    pub within_lifecycle: bool,
    /// Advice that applies.
    pub notes: Vec<&'a Note>,
    /// What was taken for granted because the request did not say.
    pub assumptions: Vec<Assumption<'a>>,
    /// What to do next beyond the channel's own steps (enter the IDs, ask for activation, ...).
    pub next_steps: Vec<Msg<'a>>,
}

impl Decision<'_> {
    /// Whether free support applies.
    pub fn eligible(&self) -> bool {
        self.verdict == Verdict::Eligible
    }

    /// The support type that applies.
    pub fn support_type(&self) -> &SupportType {
        self.query.support_type
    }

    /// The codes of the rules that failed, in order.
    pub fn failed(&self) -> impl Iterator<Item = Code> + '_ {
        self.reasons
            .iter()
            .filter(|r| !r.passed())
            .map(Reason::code)
    }
}

impl<'a> Decision<'a> {
    /// Other routes to support for a "no", as the rule book offers them on the day: each
    /// alternative whose condition holds (its days included); one that leads to tiers only
    /// when a tier of its offered on the day (not merely running out) would make the same
    /// request eligible, with what each such tier would give. Those tiers are asked through
    /// [`evaluate`], which never looks for alternatives itself. Asked for by the doors that
    /// show alternatives (a CSV batch row never does), so the decision itself stays cheap.
    pub fn alternatives(&self, data: &'a Dataset) -> Vec<Suggestion<'a>> {
        if self.eligible() {
            return Vec::new();
        }
        let query = &self.query;
        let stated = stated_facts(&query.account);
        let facts = Facts {
            tier: &query.tier.id,
            product: query.product,
            support_type: &query.support_type.id,
            eligible: false,
            within_lifecycle: self.within_lifecycle,
            csp: query.account.csp,
            stated: &stated,
            as_of: query.as_of,
        };
        let give = |tier: &'a Tier| {
            // The same request with the other tier: a tier already held gives nothing new.
            if tier.id == query.tier.id
                || !matches!(tier.standing(query.as_of), Standing::Offered(_))
            {
                return None;
            }
            let d = evaluate(&Query { tier, ..*query }, data);
            let incidents = d.incidents.filter(|_| d.eligible())?;
            Some(Give {
                tier,
                name: d.tier_name,
                grant: d.grant,
                incidents,
            })
        };
        data.entitlements
            .alternatives
            .iter()
            .filter(|a| facts.hold(&a.when))
            .filter_map(|alternative| {
                if alternative.tiers.is_empty() {
                    return Some(Suggestion {
                        alternative,
                        gives: Vec::new(),
                    });
                }
                let gives: Vec<Give<'a>> = alternative
                    .tiers
                    .iter()
                    .filter_map(|id| data.entitlements.tiers.iter().find(|t| t.id == *id))
                    .filter_map(give)
                    .collect();
                (!gives.is_empty()).then_some(Suggestion { alternative, gives })
            })
            .collect()
    }
}

/// Resolves a request against the data and decides it: the one path from a question to an
/// answer.
pub fn decide<'a>(request: &Request, data: &'a Dataset) -> Result<Decision<'a>, QueryError> {
    Ok(evaluate(&request.resolve(data)?, data))
}

/// Decides a resolved request. Precedence and date conventions are in the module
/// documentation.
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
                tier::offers_with(data, support_type, as_of)
            },
        }));
    }
    let (grant, figures) = if standing.holds() {
        let grant = tier::grant(data, query.tier, support_type, query.competency, as_of);
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
            exclusion,
        }));
    }

    let mut version = query.version;
    let mut eligible_until = None;
    let mut within_lifecycle = true;
    match support_type.version_policy {
        VersionPolicy::NMinus1 => {
            if version.is_none() {
                version = version::window(product, as_of).next();
                reasons.push(Reason::VersionAssumed(VersionAssumedRule {
                    product: &product.name,
                    version: version.map(|v| v.version.as_str()),
                    as_of,
                }));
            }
            if let Some(v) = version {
                let main = MainTrack::on(product, as_of);
                let check = check_version(product, &main, v, as_of);
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

    // The channels that could take the request, preferred first: for a customer's cloud
    // workload only the customer channel; else the product's own, then the support type's.
    let for_customer = query.account.for_customer && product.deployment == Deployment::Cloud;
    let channel_by_id = |id: Option<&str>| id.and_then(|id| ent.channel(id));
    let channels: Vec<&Channel> = if for_customer {
        channel_by_id(ent.account.customer_channel.as_deref())
            .into_iter()
            .collect()
    } else {
        [
            channel_by_id(product.channel.as_deref()),
            channel_by_id(Some(&support_type.channel)),
        ]
        .into_iter()
        .flatten()
        .collect()
    };
    // A tier still sold but with a last day sold: no grant, renewed on that day at the latest,
    // runs past its term.
    if let Standing::Offered(_) = standing
        && let Some(last) = query.tier.last_grant_day()
    {
        eligible_until = Some(eligible_until.map_or(last, |u: NaiveDate| u.min(last)));
    }
    let (account, channel) = account::account_rules(query, data, &channels);
    reasons.extend(account.reasons);
    let mut assumptions = account.assumptions;
    let mut warnings = Vec::new();
    if let Standing::RunningOut {
        last_sold,
        membership_until,
        runs_until,
        ..
    } = standing
    {
        // No grant runs past the last one sold; without the contract's end, say what the
        // answer rests on: after the membership year, on its benefits days alone.
        eligible_until = Some(eligible_until.map_or(runs_until, |u: NaiveDate| u.min(runs_until)));
        if query.account.contract_end.is_none() {
            let (assumed, warning) = if as_of > membership_until {
                let benefits_month = || {
                    vec![
                        ("tier", Value::Data(tier_name)),
                        ("last_sold", Value::Day(last_sold)),
                        ("membership_until", Value::Day(membership_until)),
                        (
                            "days",
                            Value::Count(benefits_days(membership_until, runs_until)),
                        ),
                        ("runs_until", Value::Day(runs_until)),
                        ("as_of", Value::Day(as_of)),
                    ]
                };
                (
                    Msg::new("assumed-grant-runs-benefits-month", benefits_month()),
                    Msg::new("warning-grant-benefits-month", benefits_month()),
                )
            } else {
                (
                    Msg::new(
                        "assumed-grant-runs",
                        vec![
                            ("tier", Value::Data(tier_name)),
                            ("last_sold", Value::Day(last_sold)),
                            ("as_of", Value::Day(as_of)),
                        ],
                    ),
                    Msg::new(
                        "warning-grant-may-have-run-out",
                        vec![
                            ("tier", Value::Data(tier_name)),
                            ("last_sold", Value::Day(last_sold)),
                            ("runs_until", Value::Day(runs_until)),
                            ("as_of", Value::Day(as_of)),
                        ],
                    ),
                )
            };
            assumptions.push(Assumption {
                fact: Fact::Contract,
                message: assumed,
            });
            warnings.push(warning);
        }
    }
    // A stated contract ends the answer on its last day.
    if let Some(end) = query.account.contract_end {
        eligible_until = Some(eligible_until.map_or(end, |u| u.min(end)));
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

    let stated = stated_facts(&query.account);
    let facts = Facts {
        tier: &query.tier.id,
        product,
        support_type: &support_type.id,
        eligible,
        within_lifecycle,
        csp: query.account.csp,
        stated: &stated,
        as_of,
    };
    let notes = ent.notes.iter().filter(|n| facts.hold(&n.when)).collect();
    Decision {
        query: *query,
        verdict: if eligible {
            Verdict::Eligible
        } else {
            Verdict::NotEligible
        },
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
        channel: channel.filter(|_| eligible),
        eligible_until: eligible_until.filter(|_| eligible),
        reasons,
        within_lifecycle,
        notes,
        assumptions,
        next_steps: account.steps,
    }
}

/// The benefits days after a membership year: from its last day to the benefits' last day.
pub fn benefits_days(membership_until: NaiveDate, runs_until: NaiveDate) -> u64 {
    u64::try_from((runs_until - membership_until).num_days()).unwrap_or(0)
}

/// The facts a request states, as `Condition::unstated` names them.
fn stated_facts(account: &Account<'_>) -> Vec<Fact> {
    let mut stated = Vec::new();
    if account.activated.is_some() {
        stated.push(Fact::Activated);
    }
    if account.ids_associated.is_some() {
        stated.push(Fact::IdsAssociated);
    }
    if account.incidents_remaining.is_some() || account.contract_end.is_some() {
        stated.push(Fact::Contract);
    }
    if account.role.is_some() {
        stated.push(Fact::Role);
    }
    stated
}

/// A version's standing on a day, as the product listing shows it.
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

/// What qualifies for a product on a day, as the rules decide it: its N and N-1, each version's
/// standing, and an exclusion of the product from its support type.
#[derive(Debug, Clone)]
pub struct Listing<'a> {
    /// The product.
    pub product: &'a Product,
    /// The support type that covers it.
    pub support_type: &'a SupportType,
    /// The current version (N) on the main track.
    pub current: Option<&'a Release>,
    /// The previous version (N-1) on the main track.
    pub previous: Option<&'a Release>,
    /// Every version, newest first.
    pub versions: Vec<VersionStatus<'a>>,
    /// Why the product cannot use its support type on the day, if it cannot.
    pub excluded: Option<&'a Exclusion>,
}

impl<'a> Listing<'a> {
    /// The qualifying versions, newest first.
    pub fn entitled(&self) -> impl Iterator<Item = &'a Release> + '_ {
        self.versions
            .iter()
            .filter(|v| v.status == Status::Qualifies)
            .map(|v| v.release)
    }
}

/// Lists a product's versions with their standing on `as_of`, by the same rules as
/// [`decide`]: refused before the rule book's first day; a version of an excluded product does
/// not qualify.
pub fn listing<'a>(
    data: &'a Dataset,
    product: &'a Product,
    as_of: NaiveDate,
) -> Result<Listing<'a>, QueryError> {
    let ent = &data.entitlements;
    ent.check_covered(as_of)
        .map_err(|first| QueryError::BeforeRuleBook { as_of, first })?;
    let support_type =
        ent.support_type_for(product.deployment)
            .ok_or(QueryError::NoSupportType {
                deployment: product.deployment,
            })?;
    let excluded = ent.exclusion(&product.id, &support_type.id, as_of);
    let main = MainTrack::on(product, as_of);
    let versions = product
        .versions
        .iter()
        .map(|v| {
            let check = check_version(product, &main, v, as_of);
            let qualifies = check.eligible && excluded.is_none();
            let status = if v.release > as_of {
                Status::NotYetReleased
            } else if qualifies {
                Status::Qualifies
            } else if v.in_mainstream_on(as_of) {
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
                qualifies_until: qualifies.then_some(check.eligible_until).flatten(),
            }
        })
        .collect();
    Ok(Listing {
        product,
        support_type,
        current: main.current,
        previous: main.previous,
        versions,
        excluded,
    })
}

/// The days a version qualifies, asked of the rules themselves: `(first, last)`, `last` being
/// `None` when the data knows no end; `None` when it never qualifies within the rule book. A
/// version can start qualifying only on its release day (as N), or on the rule book's first
/// day, and once it stops (its mainstream support ends, or enough later releases push it out)
/// it never qualifies again, so the check on that first day, with its `eligible_until`, gives
/// the whole stretch. An exclusion of the product ends the stretch the day before it starts.
pub fn entitled_span(
    data: &Dataset,
    product: &Product,
    v: &Release,
) -> Option<(NaiveDate, Option<NaiveDate>)> {
    let ent = &data.entitlements;
    let first_day = ent
        .rule_book
        .as_ref()
        .map_or(v.release, |b| v.release.max(b.from.0));
    let main = MainTrack::on(product, first_day);
    let check = check_version(product, &main, v, first_day);
    if !check.eligible {
        return None;
    }
    let support_type = ent.support_type_for(product.deployment)?;
    let mut last = check.eligible_until;
    for e in &ent.exclusions {
        let applies =
            e.products.contains(&product.id) && e.support_types.contains(&support_type.id);
        let span = e.span();
        if !applies || last.is_some_and(|l| l < span.from.0) {
            continue;
        }
        if span.contains(first_day) {
            return None;
        }
        if span.from.0 > first_day {
            let before = span.from.0.checked_sub_days(Days::new(1))?;
            last = Some(last.map_or(before, |l| l.min(before)));
        }
    }
    Some((first_day, last))
}

/// What a rule says, in the rule book's words of the day: its title and its text. The text
/// names the support types by their names on the day, and speaks of competencies only when
/// the tier's figures of the day depend on them.
pub fn rule_text<'a>(rule: RuleId, data: &'a Dataset, query: &Query<'a>) -> (Msg<'a>, Msg<'a>) {
    let ent = &data.entitlements;
    let as_of = query.as_of;
    let title = Msg {
        id: format!("rule-{rule}-title").into(),
        args: Vec::new(),
    };
    let name =
        |d: Deployment| Value::Data(ent.support_type_for(d).map_or("-", |s| s.name_on(as_of)));
    let text = match rule {
        RuleId::SupportType => Msg::new(
            "rule-support-type-text",
            vec![
                ("on_premises", name(Deployment::OnPremises)),
                ("cloud", name(Deployment::Cloud)),
            ],
        ),
        RuleId::TierEntitlement => {
            let by_class = ent.matrix.iter().any(|m| {
                m.tier == query.tier.id
                    && m.competency_class != crate::data::entitlements::ANY_CLASS
                    && m.span().contains(as_of)
            });
            if by_class {
                Msg::new(
                    "rule-tier-entitlement-text-by-class",
                    vec![("cloud", name(Deployment::Cloud))],
                )
            } else {
                Msg::plain("rule-tier-entitlement-text")
            }
        }
        other => Msg {
            id: format!("rule-{other}-text").into(),
            args: Vec::new(),
        },
    };
    (title, text)
}
