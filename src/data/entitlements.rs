//! The entitlement table: tiers, competencies, support types, the incident matrix, channels,
//! paid alternatives and notes.
//!
//! Two stages: `EntitlementsFile` mirrors the JSON (unknown fields rejected), `validate` turns
//! it into `Entitlements`, whose cross references the rules may trust. Nothing here decides.

use std::collections::HashSet;
use std::fmt;

use serde::{Deserialize, Serialize};

use chrono::NaiveDate;

use super::common::{Deployment, check_date, check_spellings, unique_ids};
use super::error::{At, Problems};
use super::periods::{
    Confidence, Dated, Day, Exclusion, Offered, Program, Reference, Renamed, RuleBook, Span,
    Standing, Term, check_sequence, check_sources, check_span, standing,
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
    /// Whether any incident is granted.
    pub fn is_entitled(self) -> bool {
        self != Incidents::Count(0)
    }
}

impl fmt::Display for Incidents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Incidents::Count(0) => f.write_str("not entitled"),
            Incidents::Count(1) => f.write_str("1 incident"),
            Incidents::Count(n) => write!(f, "{n} incidents"),
            Incidents::Unlimited => f.write_str("unlimited incidents"),
        }
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

/// The spans of days on which a tier and support type have figures, in order.
fn figure_spans(matrix: &[MatrixEntry], tier: &str, support_type: &str) -> Vec<Span> {
    let mut spans: Vec<Span> = matrix
        .iter()
        .filter(|m| m.tier == tier && m.support_type == support_type)
        .map(MatrixEntry::span)
        .collect();
    spans.sort_by_key(|s| s.from);
    spans.dedup();
    spans
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

/// The validated entitlement table: the file as read, once every id it references exists
/// and every period is in order. Reads as the file (`Deref`).
#[derive(Debug, Clone, PartialEq)]
pub struct Entitlements {
    file: EntitlementsFile,
    /// When the file was written.
    pub generated: Option<NaiveDate>,
}

impl std::ops::Deref for Entitlements {
    type Target = EntitlementsFile;

    fn deref(&self) -> &EntitlementsFile {
        &self.file
    }
}

impl Entitlements {
    /// An action by id.
    pub fn action(&self, id: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.id == id)
    }

    /// The roles that may take an action, in data order.
    pub fn roles_that_can(&self, action: &str) -> Vec<&Role> {
        self.roles.iter().filter(|r| r.can(action)).collect()
    }

    /// The support type covering a deployment.
    pub fn support_type_for(&self, deployment: Deployment) -> Option<&SupportType> {
        self.support_types
            .iter()
            .find(|s| s.deployment == deployment)
    }

    /// A channel by id.
    pub fn channel(&self, id: &str) -> Option<&Channel> {
        self.channels.iter().find(|c| c.id == id)
    }

    /// A competency class by id.
    pub fn competency_class(&self, id: &str) -> Option<&CompetencyClass> {
        self.competency_classes.iter().find(|c| c.id == id)
    }

    /// The matrix entries for a tier and support type in force on a day (one `any` entry or
    /// one per class).
    pub fn cells<'a>(
        &'a self,
        tier: &'a str,
        support_type: &'a str,
        day: NaiveDate,
    ) -> impl Iterator<Item = &'a MatrixEntry> + 'a {
        self.matrix.iter().filter(move |m| {
            m.tier == tier && m.support_type == support_type && m.span().contains(day)
        })
    }

    /// The spans of days on which a tier and support type have figures, in order.
    pub fn figure_spans(&self, tier: &str, support_type: &str) -> Vec<Span> {
        figure_spans(&self.matrix, tier, support_type)
    }

    /// The program's name on a day, when the data names programs.
    pub fn program_on(&self, day: NaiveDate) -> Option<&Program> {
        self.programs.iter().find(|p| p.span().contains(day))
    }

    /// Why a product cannot use a support type on a day, if it cannot.
    pub fn exclusion(
        &self,
        product: &str,
        support_type: &str,
        day: NaiveDate,
    ) -> Option<&Exclusion> {
        self.exclusions.iter().find(|e| {
            e.span().contains(day)
                && e.products.iter().any(|p| p == product)
                && e.support_types.iter().any(|s| s == support_type)
        })
    }

    /// Whether the rule book covers a day: `Err(first day)` when the day is before it.
    pub fn check_covered(&self, day: NaiveDate) -> Result<(), NaiveDate> {
        match &self.rule_book {
            Some(book) if day < book.from.0 => Err(book.from.0),
            _ => Ok(()),
        }
    }

    /// A reference by id.
    pub fn reference(&self, id: &str) -> Option<&Reference> {
        self.references.iter().find(|r| r.id == id)
    }
}

impl EntitlementsFile {
    /// Checks every cross reference and uniqueness rule, collecting all problems: one check
    /// per section, each given the ids the sections before it defined.
    pub fn validate(self) -> (Option<Entitlements>, Problems) {
        let mut problems = Problems::default();
        let root = At::root();
        let p = &mut problems;
        let generated = check_date(p, &root.field("generated"), self.generated.as_deref());
        let refs = self.check_references(p, &root);
        let tier_ids = self.check_tiers(p, &root, &refs);
        let class_ids = self.check_competencies(p, &root);
        let channel_ids = unique_ids(
            p,
            &root.field("channels"),
            self.channels.iter().map(|c| c.id.as_str()),
        );
        let type_ids = self.check_support_types(p, &root, &channel_ids, &refs);
        self.check_matrix(p, &root, &tier_ids, &type_ids, &class_ids, &refs);
        self.check_exclusions(p, &root, &type_ids, &refs);
        self.check_conditions(p, &root, &tier_ids, &type_ids);
        let action_ids = self.check_roles(p, &root);
        self.check_account(p, &root, &action_ids, &channel_ids);
        if problems.has_errors() {
            return (None, problems);
        }
        let valid = Entitlements {
            file: self,
            generated,
        };
        (Some(valid), problems)
    }
}

impl EntitlementsFile {
    /// References, the rule book's first day and the program periods; returns the
    /// reference ids.
    fn check_references<'a>(&'a self, problems: &mut Problems, root: &At<'_>) -> HashSet<&'a str> {
        let refs = unique_ids(
            problems,
            &root.field("references"),
            self.references.iter().map(|r| r.id.as_str()),
        );
        if let Some(book) = &self.rule_book {
            check_sources(problems, &root.field("rule_book"), &book.sources, &refs);
        }
        let programs = root.field("programs");
        unique_ids(
            problems,
            &programs,
            self.programs.iter().map(|p| p.id.as_str()),
        );
        check_sequence(
            problems,
            &programs,
            self.programs.iter().map(Dated::span).enumerate(),
        );
        for (i, program) in self.programs.iter().enumerate() {
            check_sources(
                problems,
                &programs.item(i, &program.id),
                &program.sources,
                &refs,
            );
        }
        refs
    }

    fn check_tiers<'a>(
        &'a self,
        problems: &mut Problems,
        root: &At<'_>,
        refs: &HashSet<&str>,
    ) -> HashSet<&'a str> {
        let tiers = root.field("tiers");
        let ids = unique_ids(problems, &tiers, self.tiers.iter().map(|t| t.id.as_str()));
        for (i, tier) in self.tiers.iter().enumerate() {
            let at = tiers.item(i, &tier.id);
            let offered = at.field("offered");
            check_sequence(
                problems,
                &offered,
                tier.offered.iter().map(Dated::span).enumerate(),
            );
            for (j, period) in tier.offered.iter().enumerate() {
                check_sources(problems, &offered.item(j, ""), &period.sources, refs);
            }
            if let Some(term) = &tier.term {
                let at = at.field("term");
                check_sources(problems, &at, &term.sources, refs);
                if term.months == 0 {
                    problems.error(&at.field("months"), "a grant must run at least one month");
                }
            }
        }
        check_spellings(
            problems,
            &tiers,
            self.tiers
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str(), t.aliases.as_slice())),
        );
        ids
    }

    /// Competency classes and competencies; returns the class ids.
    fn check_competencies<'a>(
        &'a self,
        problems: &mut Problems,
        root: &At<'_>,
    ) -> HashSet<&'a str> {
        let classes = root.field("competency_classes");
        let class_ids = unique_ids(
            problems,
            &classes,
            self.competency_classes.iter().map(|c| c.id.as_str()),
        );
        if let Some(i) = self
            .competency_classes
            .iter()
            .position(|c| c.id == ANY_CLASS)
        {
            problems.error(
                &classes.item(i, ANY_CLASS).field("id"),
                format!("`{ANY_CLASS}` is reserved for matrix entries that ignore the class"),
            );
        }
        let competencies = root.field("competencies");
        unique_ids(
            problems,
            &competencies,
            self.competencies.iter().map(|c| c.id.as_str()),
        );
        // A competency may share its class's id (`cloud`), so classes are checked apart.
        check_spellings(
            problems,
            &competencies,
            self.competencies
                .iter()
                .map(|c| (c.id.as_str(), c.name.as_str(), c.aliases.as_slice())),
        );
        for (i, c) in self.competencies.iter().enumerate() {
            if !class_ids.contains(c.class.as_str()) {
                problems.error(
                    &competencies.item(i, &c.id).field("class"),
                    format!("unknown competency class `{}`", c.class),
                );
            }
        }
        class_ids
    }

    /// Support types: unique, one per deployment, each with a defined channel.
    fn check_support_types<'a>(
        &'a self,
        problems: &mut Problems,
        root: &At<'_>,
        channel_ids: &HashSet<&str>,
        refs: &HashSet<&str>,
    ) -> HashSet<&'a str> {
        let types = root.field("support_types");
        let type_ids = unique_ids(
            problems,
            &types,
            self.support_types.iter().map(|s| s.id.as_str()),
        );
        let mut deployments = HashSet::new();
        for (i, s) in self.support_types.iter().enumerate() {
            let at = types.item(i, &s.id);
            if !channel_ids.contains(s.channel.as_str()) {
                problems.error(
                    &at.field("channel"),
                    format!("channel `{}` is not defined in `channels`", s.channel),
                );
            }
            if !deployments.insert(s.deployment) {
                problems.error(
                    &at.field("deployment"),
                    format!("a second support type for {} products", s.deployment),
                );
            }
            let renamed = at.field("renamed");
            for (j, r) in s.renamed.iter().enumerate() {
                check_sources(problems, &renamed.item(j, ""), &r.sources, refs);
                if j > 0
                    && s.renamed
                        .get(j - 1)
                        .is_some_and(|before| before.from >= r.from)
                {
                    problems.error(
                        &renamed.item(j, "").field("from"),
                        "names out of order: each must start after the one before",
                    );
                }
            }
        }
        type_ids
    }

    fn check_matrix(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        tier_ids: &HashSet<&str>,
        type_ids: &HashSet<&str>,
        class_ids: &HashSet<&str>,
        refs: &HashSet<&str>,
    ) {
        let matrix = root.field("matrix");
        for (i, m) in self.matrix.iter().enumerate() {
            let at = matrix.item(i, "");
            if !tier_ids.contains(m.tier.as_str()) {
                problems.error(&at.field("tier"), format!("unknown tier `{}`", m.tier));
            }
            if !type_ids.contains(m.support_type.as_str()) {
                problems.error(
                    &at.field("support_type"),
                    format!("unknown support type `{}`", m.support_type),
                );
            }
            if m.competency_class != ANY_CLASS && !class_ids.contains(m.competency_class.as_str()) {
                problems.error(
                    &at.field("competency_class"),
                    format!("unknown competency class `{}`", m.competency_class),
                );
            }
            if m.is_dated() {
                check_span(problems, &at, &m.span());
                check_sources(problems, &at, &m.sources, refs);
                if m.confidence.is_none() {
                    problems.error(&at, "a dated entry needs a `confidence`");
                }
            }
            let earlier = self.matrix.iter().take(i).find(|o| {
                (&o.tier, &o.support_type, &o.competency_class)
                    == (&m.tier, &m.support_type, &m.competency_class)
                    && o.span().overlaps(&m.span())
            });
            match earlier {
                Some(o) if !o.is_dated() && !m.is_dated() => problems.error(
                    &at,
                    format!(
                        "duplicate entry for tier `{}`, support type `{}`, class `{}`",
                        m.tier, m.support_type, m.competency_class
                    ),
                ),
                Some(o) => problems.error(
                    &at.field("from"),
                    format!(
                        "overlaps the entry for tier `{}`, support type `{}`, class `{}` in force {}",
                        m.tier,
                        m.support_type,
                        m.competency_class,
                        o.span()
                    ),
                ),
                None => {}
            }
        }
        // Each tier x support type needs, in each period, one `any` cell or one cell per
        // class, not a mix; and its periods must not overlap.
        for tier in &self.tiers {
            for st in &self.support_types {
                let spans = figure_spans(&self.matrix, &tier.id, &st.id);
                let complete = |span: &Span| {
                    let mut classes: Vec<&str> = self
                        .matrix
                        .iter()
                        .filter(|m| m.tier == tier.id && m.support_type == st.id)
                        .filter(|m| m.span() == *span)
                        .map(|m| m.competency_class.as_str())
                        .collect();
                    // Duplicates are reported above; count each class once here.
                    classes.sort_unstable();
                    classes.dedup();
                    classes == [ANY_CLASS]
                        || (!classes.contains(&ANY_CLASS)
                            && self
                                .competency_classes
                                .iter()
                                .all(|c| classes.contains(&c.id.as_str())))
                };
                if spans.is_empty() || !spans.iter().all(complete) {
                    problems.error(
                        &matrix,
                        format!(
                            "tier `{}` x support type `{}` needs one `any` entry or one entry per competency class",
                            tier.id, st.id
                        ),
                    );
                }
                if let Some(pair) = spans.windows(2).find(|w| w[0].overlaps(&w[1])) {
                    problems.error(
                        &matrix,
                        format!(
                            "tier `{}` x support type `{}`: entries in force {} and {} overlap",
                            tier.id, st.id, pair[0], pair[1]
                        ),
                    );
                }
            }
        }
    }

    /// Exclusions name known support types, with sources.
    fn check_exclusions(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        type_ids: &HashSet<&str>,
        refs: &HashSet<&str>,
    ) {
        let section = root.field("exclusions");
        unique_ids(
            problems,
            &section,
            self.exclusions.iter().map(|e| e.id.as_str()),
        );
        for (i, e) in self.exclusions.iter().enumerate() {
            let at = section.item(i, &e.id);
            check_span(problems, &at, &e.span());
            check_sources(problems, &at, &e.sources, refs);
            let types = at.field("support_types");
            for (j, t) in e.support_types.iter().enumerate() {
                if !type_ids.contains(t.as_str()) {
                    problems.error(&types.item(j, ""), format!("unknown support type `{t}`"));
                }
            }
        }
    }

    fn check_conditions(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        tier_ids: &HashSet<&str>,
        type_ids: &HashSet<&str>,
    ) {
        let alternatives = root.field("alternatives");
        unique_ids(
            problems,
            &alternatives,
            self.alternatives.iter().map(|a| a.id.as_str()),
        );
        let notes = root.field("notes");
        unique_ids(problems, &notes, self.notes.iter().map(|n| n.id.as_str()));
        let alternatives_when = self
            .alternatives
            .iter()
            .enumerate()
            .map(|(i, a)| (&alternatives, i, a.id.as_str(), &a.when));
        let notes_when = self
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| (&notes, i, n.id.as_str(), &n.when));
        for (section, i, id, when) in alternatives_when.chain(notes_when) {
            let item = section.item(i, id);
            let at = item.field("when");
            let tiers_at = at.field("tiers");
            for (j, t) in when.tiers.iter().flatten().enumerate() {
                if !tier_ids.contains(t.as_str()) {
                    problems.error(&tiers_at.item(j, ""), format!("unknown tier `{t}`"));
                }
            }
            let types_at = at.field("support_types");
            for (j, s) in when.support_types.iter().flatten().enumerate() {
                if !type_ids.contains(s.as_str()) {
                    problems.error(&types_at.item(j, ""), format!("unknown support type `{s}`"));
                }
            }
        }
    }

    fn check_roles<'a>(&'a self, problems: &mut Problems, root: &At<'_>) -> HashSet<&'a str> {
        let actions = root.field("actions");
        let action_ids = unique_ids(
            problems,
            &actions,
            self.actions.iter().map(|a| a.id.as_str()),
        );
        let roles = root.field("roles");
        unique_ids(problems, &roles, self.roles.iter().map(|r| r.id.as_str()));
        check_spellings(
            problems,
            &roles,
            self.roles
                .iter()
                .map(|r| (r.id.as_str(), r.name.as_str(), r.aliases.as_slice())),
        );
        for (i, r) in self.roles.iter().enumerate() {
            let item = roles.item(i, &r.id);
            let can = item.field("can");
            for (j, a) in r.can.iter().enumerate() {
                if !action_ids.contains(a.as_str()) {
                    problems.error(&can.item(j, ""), format!("unknown action `{a}`"));
                }
            }
        }
        action_ids
    }

    fn check_account(
        &self,
        problems: &mut Problems,
        root: &At<'_>,
        action_ids: &HashSet<&str>,
        channel_ids: &HashSet<&str>,
    ) {
        let account = root.field("account");
        for (key, value) in [
            ("activate_action", &self.account.activate_action),
            ("customer_cloud_action", &self.account.customer_cloud_action),
        ] {
            if let Some(a) = value
                && !action_ids.contains(a.as_str())
            {
                problems.error(&account.field(key), format!("unknown action `{a}`"));
            }
        }
        let channels = root.field("channels");
        for (i, c) in self.channels.iter().enumerate() {
            if let Some(a) = &c.action
                && !action_ids.contains(a.as_str())
            {
                problems.error(
                    &channels.item(i, &c.id).field("action"),
                    format!("unknown action `{a}`"),
                );
            }
        }
        if let Some(c) = &self.account.customer_channel
            && !channel_ids.contains(c.as_str())
        {
            problems.error(
                &account.field("customer_channel"),
                format!("channel `{c}` is not defined in `channels`"),
            );
        }
    }
}
