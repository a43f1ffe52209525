//! The entitlement file as written on disk: every type mirrors the JSON (unknown fields
//! rejected), with the small facts a type knows of itself (a tier's standing on a day, a
//! support type's name on a day). Nothing here checks cross references (`validate.rs`) or
//! looks anything up (`query.rs`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::data::common::Deployment;
use crate::data::periods::{
    Confidence, Day, Exclusion, Offered, Program, Reference, Renamed, RuleBook, Span, Standing,
    Term, standing,
};

/// The entitlement file as written on disk.
#[derive(Debug, Clone, PartialEq, schemars::JsonSchema, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EntitlementsFile {
    /// Optional JSON Schema reference for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// When the file was written (`YYYY-MM-DD`).
    #[serde(default)]
    pub generated: Option<String>,
    /// The date of its newest fact: the day of the latest source read, which an answer shows
    /// ("rules as published up to ..."); the file may have been written later.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facts_as_of: Option<Day>,
    /// Where its facts come from.
    #[serde(default)]
    pub sources: Vec<String>,
    /// The sources periods name, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Reference>,
    /// The first day the rule book covers (no limit when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule_book: Option<RuleBook>,
    /// The partner program's names over time, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programs: Vec<Program>,
    /// Membership tiers (offers), lowest first.
    pub tiers: Vec<Tier>,
    /// The competency classes the matrix distinguishes.
    pub competency_classes: Vec<CompetencyClass>,
    /// The competency catalogue.
    pub competencies: Vec<Competency>,
    /// Support types, one per deployment.
    pub support_types: Vec<SupportType>,
    /// Incidents per tier x support type x competency class.
    pub matrix: Vec<MatrixEntry>,
    /// Where requests are opened.
    pub channels: Vec<Channel>,
    /// Paid or other routes when the benefit does not apply.
    pub alternatives: Vec<Alternative>,
    /// Advice attached to answers.
    pub notes: Vec<Note>,
    /// Things a user may need to do in the portals.
    #[serde(default)]
    pub actions: Vec<Action>,
    /// Partner Center roles and what each may do.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// How account and contract state enters the decision.
    #[serde(default)]
    pub account: AccountRules,
    /// Products that cannot use a support type in a period.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
}

/// Something done in the portals: activate, view the IDs, open a request.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable id, e.g. `activate`.
    pub id: String,
    /// What it is, e.g. `activate the technical benefits`.
    pub name: String,
    /// What to do when one's role may not.
    pub remedy: String,
}

/// A Partner Center role (or kind of account) and the actions it may take.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// Stable id, e.g. `admin-agent`.
    pub id: String,
    /// Display name, e.g. `Admin Agent`.
    pub name: String,
    /// Other spellings accepted on the command line.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Ids of the actions it may take.
    pub can: Vec<String>,
}

impl Role {
    /// Whether the role may take an action.
    pub fn can(&self, action: &str) -> bool {
        self.can.iter().any(|a| a == action)
    }
}

/// Which actions and products the account rules refer to.
#[derive(Debug, Clone, Default, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AccountRules {
    /// The action that activates the benefits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activate_action: Option<String>,
    /// The action of creating a cloud request for a customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_cloud_action: Option<String>,
    /// Products that need no Access ID or Contract ID.
    #[serde(default)]
    pub ids_exempt_products: Vec<String>,
    /// Products a CSP partner may open under the Cloud Solution Provider support plan.
    #[serde(default)]
    pub csp_plan_products: Vec<String>,
    /// Channel id for cloud requests made for a customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_channel: Option<String>,
}

/// A membership tier or offer (Action Pack, Gold competency, Solutions Partner designation).
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Tier {
    /// Stable id, e.g. `gold`.
    pub id: String,
    /// Display name, e.g. `Gold competency`.
    pub name: String,
    /// Other spellings accepted on the command line.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// When it could be bought or renewed, in order (offered on every day when empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<Offered>,
    /// How long a grant runs after it is bought or renewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub term: Option<Term>,
}

impl Tier {
    /// Where the tier stands on a day.
    pub fn standing(&self, day: NaiveDate) -> Standing<'_> {
        standing(&self.offered, self.term.as_ref(), day)
    }

    /// The last day any grant of the tier can run, when it has a last day sold and a term: a
    /// grant bought or renewed on that day, benefits days included. `None` while it is sold
    /// with no end in sight.
    pub fn last_grant_day(&self) -> Option<NaiveDate> {
        let last_sold = self.offered.last()?.until?.0;
        self.term.as_ref()?.last_day(last_sold)
    }

    /// Its display name on a day: the name of the period it was last offered in.
    pub fn name_on(&self, day: NaiveDate) -> &str {
        self.name_in(&self.standing(day))
    }

    /// Its display name where it stands: the name of the period it was last offered in.
    pub fn name_in<'a>(&'a self, standing: &Standing<'a>) -> &'a str {
        let named = match standing {
            Standing::Offered(o) | Standing::RunningOut { last: o, .. } => o.name.as_deref(),
            _ => None,
        };
        named.unwrap_or(&self.name)
    }
}

/// A class of competencies that the matrix tells apart (`cloud`, `other`).
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CompetencyClass {
    /// Stable id, e.g. `cloud`.
    pub id: String,
    /// Display name, e.g. `cloud competency`.
    pub name: String,
}

/// One MPN competency and its class.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    /// Stable id, e.g. `cloud-platform`.
    pub id: String,
    /// Display name, e.g. `Cloud Platform`.
    pub name: String,
    /// Id of its competency class.
    pub class: String,
    /// Other spellings accepted on the command line.
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Whether a support type limits product versions.
#[derive(Debug, Clone, Copy, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case")]
pub enum VersionPolicy {
    /// Only the current (N) and previous (N-1) version, the latter within mainstream support.
    #[serde(rename = "n-minus-1")]
    NMinus1,
    /// Any version (cloud products have none).
    None,
}

/// A support benefit (Microsoft Product Support, Signature Cloud Support).
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SupportType {
    /// Stable id, e.g. `product-support`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What it covers, e.g. `recent on-premises products only`.
    pub scope: String,
    /// The products it covers.
    pub deployment: Deployment,
    /// Which versions qualify.
    pub version_policy: VersionPolicy,
    /// Id of the default channel for requests.
    pub channel: String,
    /// Later display names, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub renamed: Vec<Renamed>,
}

impl SupportType {
    /// Its display name on a day.
    pub fn name_on(&self, day: NaiveDate) -> &str {
        self.renamed
            .iter()
            .rev()
            .find(|r| r.from.0 <= day)
            .map_or(&self.name, |r| &r.name)
    }
}

/// Incidents a pack grants: a count (0 = not entitled) or unlimited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Incidents {
    /// A fixed number of incidents; 0 means not entitled.
    Count(u32),
    /// No limit.
    Unlimited,
}

impl Incidents {
    /// As a message argument.
    pub fn value(self) -> crate::message::Value<'static> {
        match self {
            Incidents::Count(count) => crate::message::Value::Incidents {
                count,
                unlimited: false,
            },
            Incidents::Unlimited => crate::message::Value::Incidents {
                count: 0,
                unlimited: true,
            },
        }
    }

    /// Whether any incident is granted.
    pub fn is_entitled(self) -> bool {
        self != Incidents::Count(0)
    }
}

impl Serialize for Incidents {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Incidents::Count(n) => serializer.serialize_u32(*n),
            Incidents::Unlimited => serializer.serialize_str("unlimited"),
        }
    }
}

impl schemars::JsonSchema for Incidents {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Incidents".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A number of incidents (0 = not entitled) or \"unlimited\".",
            "oneOf": [
                { "type": "integer", "minimum": 0 },
                { "const": "unlimited" }
            ]
        })
    }
}

impl<'de> Deserialize<'de> for Incidents {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(deserializer)?;
        match &value {
            serde_json::Value::Number(n) => {
                if let Some(count) = n.as_u64().and_then(|c| u32::try_from(c).ok()) {
                    return Ok(Incidents::Count(count));
                }
            }
            serde_json::Value::String(w) if w == "unlimited" => return Ok(Incidents::Unlimited),
            _ => {}
        }
        Err(serde::de::Error::custom(format!(
            "invalid incidents `{value}`: expected a non-negative integer or \"unlimited\""
        )))
    }
}

/// One cell of the entitlement matrix.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct MatrixEntry {
    /// Tier id.
    pub tier: String,
    /// Support type id.
    pub support_type: String,
    /// Competency class id, or `any` when the class does not matter.
    pub competency_class: String,
    /// Incidents granted (0 = not entitled).
    pub incidents: Incidents,
    /// The pack's published name, e.g. `Partner support Gold 20pack`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<String>,
    /// The first day the cell is in force (every day when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Day>,
    /// The last day the cell is in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
    /// Ids of `references` the figure comes from (required for a dated cell).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
    /// How sure the figure is (required for a dated cell).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// What an answer resting on this figure should say about it: which of two disagreeing
    /// sources it follows and why, or what its date rests on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl MatrixEntry {
    /// Whether it is dated at all.
    pub fn is_dated(&self) -> bool {
        self.from.is_some() || self.until.is_some()
    }

    /// Its days; an undated cell is in force on every day.
    pub fn span(&self) -> Span {
        Span {
            from: self.from.unwrap_or(Day(NaiveDate::MIN)),
            until: self.until,
        }
    }
}

/// The competency class id meaning "whatever the competency".
pub const ANY_CLASS: &str = "any";

/// A place where a support request is opened.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    /// Stable id, e.g. `support-for-business`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where to go.
    pub url: String,
    /// What to do there, in order.
    #[serde(default)]
    pub steps: Vec<String>,
    /// The action (of `actions`) a role needs to open a request here; any role may when
    /// absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
}

/// When an alternative or note applies; every field that is set must match.
#[derive(Debug, Clone, Default, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// Only for products of these deployments.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deployments: Option<Vec<Deployment>>,
    /// Only for these support types.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support_types: Option<Vec<String>>,
    /// Only for these tiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tiers: Option<Vec<String>>,
    /// Only for these products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub products: Option<Vec<String>>,
    /// Never for these products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub except_products: Option<Vec<String>>,
    /// Only when the answer is (true) or is not (false) eligible.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligible: Option<bool>,
    /// Only when the version is (true) or is not (false) inside the Microsoft support lifecycle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within_lifecycle: Option<bool>,
    /// Only when the partner does (true) or does not (false) work through CSP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub csp: Option<bool>,
    /// Only when these facts were not stated: `activated`, `ids-associated`, `contract`,
    /// `role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unstated: Option<Vec<Fact>>,
    /// Only on or after this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Day>,
    /// Only on or before this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Day>,
}

/// An account fact a request may state; what is not stated is assumed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, schemars::JsonSchema, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fact {
    /// Whether the benefits are activated.
    Activated,
    /// Whether the Access ID and Contract ID are linked to the account.
    IdsAssociated,
    /// The contract's end and incidents remaining.
    Contract,
    /// The role of the account making the request.
    Role,
}

impl Fact {
    /// The stable word, as data files and JSON name it.
    pub fn as_str(self) -> &'static str {
        match self {
            Fact::Activated => "activated",
            Fact::IdsAssociated => "ids-associated",
            Fact::Contract => "contract",
            Fact::Role => "role",
        }
    }
}

/// Another route to support when the benefit does not apply.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    /// Stable id, e.g. `pay-per-incident`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Where to get it.
    pub url: String,
    /// One line on what it is.
    pub description: String,
    /// When it is offered (always when empty).
    #[serde(default)]
    pub when: Condition,
    /// The tiers it leads to (earning or buying one of them). When set, it is offered only
    /// if one of them, offered on the day, would make the same request eligible, and the
    /// answer says what each such tier would give.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tiers: Vec<String>,
}

/// Advice attached to an answer.
#[derive(Debug, Clone, schemars::JsonSchema, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Note {
    /// Stable id, e.g. `ids-first-use`.
    pub id: String,
    /// The advice.
    pub text: String,
    /// When it is shown (always when empty).
    #[serde(default)]
    pub when: Condition,
}
