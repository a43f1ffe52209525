//! The account family of rules, each only for a fact the request states, in their order:
//! `activation`, `contract`, `access-ids`, `csp-plan`, `customer-request`, `role`. A fact the
//! request does not state is assumed instead, and the answer lists the assumption.

use chrono::NaiveDate;

use super::Reason;
use super::finding::{Code, Msg, Rule, RuleId, Value};
use super::query::Query;
use crate::data::entitlements::{Channel, Fact, Role};
use crate::data::{Dataset, Deployment};

/// Something the decision took for granted because the request did not say.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Assumption<'a> {
    /// The fact.
    pub fact: Fact,
    /// What was assumed (`assumed-<what>`).
    pub message: Msg<'a>,
}

/// Role names as a message argument ("a or b").
fn names<'a>(roles: &[&'a Role]) -> Value<'a> {
    Value::AnyOf(roles.iter().map(|r| Value::Data(&r.name)).collect())
}

/// `activation`: whether the benefits are activated (only when stated).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivationRule<'a> {
    /// As stated.
    pub activated: bool,
    /// Roles that may activate.
    pub who: Vec<&'a Role>,
    /// The requester's role, and whether it may activate.
    pub role: Option<(&'a Role, bool)>,
}

impl Rule for ActivationRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::Activation
    }

    fn code(&self) -> Code {
        match self {
            ActivationRule {
                activated: true, ..
            } => Code::Activated,
            ActivationRule {
                role: Some((_, false)),
                ..
            } => Code::NotActivatedRoleCannotActivate,
            ActivationRule { .. } => Code::NotActivated,
        }
    }

    fn passed(&self) -> bool {
        self.activated
    }

    fn message(&self) -> Msg<'_> {
        let who = ("who", names(&self.who));
        match (self.activated, self.role) {
            (true, _) => Msg::plain("finding-activated"),
            (false, None) => Msg::new("finding-not-activated", vec![who]),
            (false, Some((role, true))) => Msg::new(
                "finding-not-activated-role-can",
                vec![who, ("role", Value::Data(&role.name))],
            ),
            (false, Some((role, false))) => Msg::new(
                "finding-not-activated-role-cannot-activate",
                vec![who, ("role", Value::Data(&role.name))],
            ),
        }
    }
}

/// `contract`: whether the contract is still valid (only when its state is stated).
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
    fn id(&self) -> RuleId {
        RuleId::Contract
    }

    fn code(&self) -> Code {
        match self {
            ContractRule {
                remaining: Some(0), ..
            } => Code::NoIncidentsRemaining,
            ContractRule {
                end: Some(end),
                as_of,
                ..
            } if as_of > end => Code::ContractExpired,
            ContractRule { .. } => Code::ContractValid,
        }
    }

    fn passed(&self) -> bool {
        self.code() == Code::ContractValid
    }

    fn message(&self) -> Msg<'_> {
        match self.code() {
            Code::NoIncidentsRemaining => Msg::plain("finding-no-incidents-remaining"),
            Code::ContractExpired => Msg::new(
                "finding-contract-expired",
                self.end
                    .map(|e| ("end", Value::Day(e)))
                    .into_iter()
                    .collect(),
            ),
            _ => {
                // What is known of a valid contract: its incidents left, its end, or both.
                let mut args = Vec::new();
                if let Some(n) = self.remaining {
                    args.push(("remaining", Value::Count(u64::from(n))));
                }
                if let Some(end) = self.end {
                    args.push(("end", Value::Day(end)));
                }
                let id = match (self.remaining, self.end) {
                    (Some(_), Some(_)) => "finding-contract-valid-remaining-until",
                    (Some(_), None) => "finding-contract-valid-remaining",
                    (None, Some(_)) => "finding-contract-valid-until",
                    (None, None) => "finding-contract-valid",
                };
                Msg::new(id, args)
            }
        }
    }
}

/// `access-ids`: whether the IDs must be entered (only when stated).
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
    fn id(&self) -> RuleId {
        RuleId::AccessIds
    }

    fn code(&self) -> Code {
        match self {
            AccessIdsRule { exempt: true, .. } => Code::IdsNotNeeded,
            AccessIdsRule {
                associated: true, ..
            } => Code::IdsAlreadyLinked,
            AccessIdsRule { .. } => Code::IdsFirstUse,
        }
    }

    fn passed(&self) -> bool {
        true
    }

    fn message(&self) -> Msg<'_> {
        let id = match self.code() {
            Code::IdsNotNeeded => "finding-ids-not-needed",
            Code::IdsAlreadyLinked => "finding-ids-already-linked",
            _ => "finding-ids-first-use",
        };
        Msg::new(id, vec![("product", Value::Text(self.product))])
    }
}

/// `csp-plan`: a CSP partner may use the Cloud Solution Provider plan for this product.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CspPlanRule<'a> {
    /// Product display name.
    pub product: &'a str,
}

impl Rule for CspPlanRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::CspPlan
    }

    fn code(&self) -> Code {
        Code::CspSupportPlan
    }

    fn passed(&self) -> bool {
        true
    }

    fn message(&self) -> Msg<'_> {
        Msg::new(
            "finding-csp-support-plan",
            vec![("product", Value::Text(self.product))],
        )
    }
}

/// `customer-request`: a cloud request for a customer goes through Partner Center, by a role
/// that may create one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomerRequestRule<'a> {
    /// Roles that may do it.
    pub who: Vec<&'a Role>,
    /// The requester's role, and whether it may do it.
    pub role: Option<(&'a Role, bool)>,
}

impl Rule for CustomerRequestRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::CustomerRequest
    }

    fn code(&self) -> Code {
        match self.role {
            Some((_, false)) => Code::RoleCannotRequest,
            _ => Code::AdminAgentRequest,
        }
    }

    fn passed(&self) -> bool {
        !matches!(self.role, Some((_, false)))
    }

    fn message(&self) -> Msg<'_> {
        let who = ("who", names(&self.who));
        match self.role {
            None => Msg::new("finding-admin-agent-request", vec![who]),
            Some((role, true)) => Msg::new(
                "finding-admin-agent-request-role-can",
                vec![who, ("role", Value::Data(&role.name))],
            ),
            Some((role, false)) => Msg::new(
                "finding-role-cannot-request",
                vec![who, ("role", Value::Data(&role.name))],
            ),
        }
    }
}

/// `role`: the stated role can open the request through a channel, or cannot through any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRule<'a> {
    /// The stated role.
    pub role: &'a Role,
    /// The channel it can use, when there is one.
    pub channel: Option<&'a Channel>,
    /// The action the preferred channel needs (its display name), when it cannot.
    pub action: Option<&'a str>,
    /// The roles that may take that action.
    pub who: Vec<&'a Role>,
}

impl Rule for RoleRule<'_> {
    fn id(&self) -> RuleId {
        RuleId::Role
    }

    fn code(&self) -> Code {
        if self.channel.is_some() {
            Code::RoleCanUseChannel
        } else {
            Code::RoleCannotUseChannel
        }
    }

    fn passed(&self) -> bool {
        self.channel.is_some()
    }

    fn message(&self) -> Msg<'_> {
        let role = ("role", Value::Data(&self.role.name));
        match self.channel {
            Some(channel) => Msg::new(
                "finding-role-can-use-channel",
                vec![role, ("channel", Value::Data(&channel.name))],
            ),
            None => Msg::new(
                "finding-role-cannot-use-channel",
                vec![
                    role,
                    ("action", Value::Data(self.action.unwrap_or_default())),
                    ("who", names(&self.who)),
                ],
            ),
        }
    }
}

/// What the account rules found: the reasons, the assumptions and the next steps.
#[derive(Debug, Default)]
pub(super) struct AccountFindings<'a> {
    pub(super) reasons: Vec<Reason<'a>>,
    pub(super) assumptions: Vec<Assumption<'a>>,
    pub(super) steps: Vec<Msg<'a>>,
}

/// The account and contract rules, for the facts the request states; the rest are assumed.
/// `channels` are the channels that could take the request, preferred first.
pub(super) fn account_rules<'a>(
    query: &Query<'a>,
    data: &'a Dataset,
    channels: &[&'a Channel],
) -> (AccountFindings<'a>, Option<&'a Channel>) {
    let ent = &data.entitlements;
    let rules = &ent.account;
    let account = &query.account;
    let product = query.product;
    let mut found = AccountFindings::default();
    let role_can = |action: &Option<String>| {
        let action = action.as_deref().unwrap_or_default();
        account.role.map(|r| (r, r.can(action)))
    };

    match account.activated {
        Some(activated) => {
            let who = ent.roles_that_can(rules.activate_action.as_deref().unwrap_or_default());
            if !activated {
                found
                    .steps
                    .push(Msg::new("step-activate", vec![("who", names(&who))]));
            }
            found.reasons.push(Reason::Activation(ActivationRule {
                activated,
                who,
                role: role_can(&rules.activate_action),
            }));
        }
        None => found.assumptions.push(Assumption {
            fact: Fact::Activated,
            message: Msg::plain("assumed-activated"),
        }),
    }

    if account.incidents_remaining.is_some() || account.contract_end.is_some() {
        found.reasons.push(Reason::Contract(ContractRule {
            remaining: account.incidents_remaining,
            end: account.contract_end,
            as_of: query.as_of,
        }));
    } else {
        found.assumptions.push(Assumption {
            fact: Fact::Contract,
            message: Msg::plain("assumed-contract-valid"),
        });
    }

    let exempt = rules.ids_exempt_products.contains(&product.id);
    match account.ids_associated {
        Some(associated) => {
            if !associated && !exempt {
                found.steps.push(Msg::plain("step-enter-ids"));
            }
            found.reasons.push(Reason::AccessIds(AccessIdsRule {
                product: &product.name,
                associated,
                exempt,
            }));
        }
        None if !exempt => found.assumptions.push(Assumption {
            fact: Fact::IdsAssociated,
            message: Msg::plain("assumed-ids-at-hand"),
        }),
        None => {}
    }

    if account.csp && rules.csp_plan_products.contains(&product.id) {
        found.steps.push(Msg::plain("step-csp-plan"));
        found.reasons.push(Reason::CspPlan(CspPlanRule {
            product: &product.name,
        }));
    }

    let for_customer = account.for_customer && product.deployment == Deployment::Cloud;
    if for_customer {
        found
            .reasons
            .push(Reason::CustomerRequest(CustomerRequestRule {
                who: ent.roles_that_can(rules.customer_cloud_action.as_deref().unwrap_or_default()),
                role: role_can(&rules.customer_cloud_action),
            }));
    }

    // The channel: the first the stated role may use (any, when no role is stated).
    let usable = |c: &&Channel| {
        account
            .role
            .is_none_or(|r| c.action.as_deref().is_none_or(|a| r.can(a)))
    };
    let channel = channels.iter().copied().find(usable);
    // A stated role is a fact to decide on; for a customer's cloud request the
    // `customer-request` rule has already decided it.
    if let Some(role) = account.role
        && !for_customer
        && let Some(preferred) = channels.first()
    {
        let action = preferred.action.as_deref();
        found.reasons.push(Reason::Role(RoleRule {
            role,
            channel,
            action: channel
                .is_none()
                .then(|| action.and_then(|a| ent.action(a)).map(|a| a.name.as_str()))
                .flatten(),
            who: action.map(|a| ent.roles_that_can(a)).unwrap_or_default(),
        }));
    }
    (found, channel)
}
