//! A request: what the user asks, built once from the command line or a batch row, then
//! resolved against the data into a [`Query`] the rules decide.
//!
//! Arguments -> [`Request`] (names as typed) -> [`Query`] (names resolved) -> decision. This
//! module owns the as-of default and the one place where a request's names meet the data.

use chrono::NaiveDate;

use crate::cli::args::RequestArgs;
use crate::data::entitlements::{Role, SupportType, Tier};
use crate::data::{CompetencyChoice, Dataset, Deployment, Product, Release};
use crate::error::AppError;

/// A request as typed: names still spellings, dates parsed, as-of resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// Tier as given.
    pub tier: String,
    /// Product as given.
    pub product: String,
    /// Version as given.
    pub version: Option<String>,
    /// Competency as given.
    pub competency: Option<String>,
    /// Role as given.
    pub role: Option<String>,
    /// Account and contract state (its `role` is set when the request is resolved).
    pub account: Account<'static>,
    /// The day to decide for.
    pub as_of: NaiveDate,
}

/// The as-of day of a run: `--as-of`, else today. Batch rows without a date use it too.
pub fn as_of(args: &RequestArgs, today: NaiveDate) -> NaiveDate {
    args.as_of.unwrap_or(today)
}

impl Request {
    /// The request the flags describe, as of `today` unless `--as-of` says otherwise.
    pub fn from_args(args: &RequestArgs, today: NaiveDate) -> Self {
        Request {
            tier: args.tier.clone().unwrap_or_default(),
            product: args.product.clone().unwrap_or_default(),
            version: args.version.clone(),
            competency: args.competency.clone(),
            role: args.role.clone(),
            account: Account {
                activated: args.activated,
                ids_associated: args.ids_associated,
                incidents_remaining: args.incidents_remaining,
                contract_end: args.contract_end,
                csp: args.csp,
                for_customer: args.for_customer,
                role: None,
            },
            as_of: as_of(args, today),
        }
    }

    /// Resolves every name against the data. Every bad name is reported, not only the first.
    pub fn resolve<'a>(&self, data: &'a Dataset) -> Result<Query<'a>, AppError> {
        let tier = data.tier(&self.tier);
        let product = data.product(&self.product);
        let competency = self
            .competency
            .as_deref()
            .map(|c| data.competency(c))
            .transpose();
        let role = self.role.as_deref().map(|r| data.role(r)).transpose();
        let mut unknown = Vec::new();
        let version = match (&product, &self.version) {
            (Ok(p), Some(v)) if p.deployment == Deployment::Cloud => {
                return Err(AppError::CloudVersion {
                    product: p.id.clone(),
                    version: v.clone(),
                });
            }
            (Ok(p), Some(v)) => match data.version(p, v) {
                Ok(release) => Some(release),
                Err(e) => {
                    unknown.push(e);
                    None
                }
            },
            _ => None,
        };
        let (tier, product, competency, role) = match (tier, product, competency, role) {
            (Ok(t), Ok(p), Ok(c), Ok(r)) if unknown.is_empty() => (t, p, c, r),
            (t, p, c, r) => {
                let mut all: Vec<_> = [t.err(), p.err(), c.err(), r.err()]
                    .into_iter()
                    .flatten()
                    .collect();
                all.extend(unknown);
                return Err(AppError::Unknown(all));
            }
        };
        let ent = &data.entitlements;
        let support_type =
            ent.support_type_for(product.deployment)
                .ok_or(AppError::NoSupportType {
                    deployment: product.deployment,
                })?;
        ent.check_covered(self.as_of)
            .map_err(|first| AppError::BeforeRuleBook {
                as_of: self.as_of,
                first,
            })?;
        // A tier held on the day with no figure in force: the rule book does not know, and
        // says which days it does know.
        if tier.standing(self.as_of).holds()
            && ent
                .cells(&tier.id, &support_type.id, self.as_of)
                .next()
                .is_none()
        {
            let spans: Vec<String> = ent
                .figure_spans(&tier.id, &support_type.id)
                .iter()
                .map(ToString::to_string)
                .collect();
            return Err(AppError::NoPublishedFigure {
                tier: tier.id.clone(),
                support_type: support_type.name_on(self.as_of).to_owned(),
                as_of: self.as_of,
                documented: spans.join(" and "),
            });
        }
        Ok(Query {
            tier,
            product,
            support_type,
            version,
            competency: competency.unwrap_or(CompetencyChoice::Unspecified),
            as_of: self.as_of,
            account: Account {
                role,
                ..self.account
            },
        })
    }
}

/// A request, resolved against the data.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The partner's membership tier.
    pub tier: &'a Tier,
    /// The product asked about.
    pub product: &'a Product,
    /// The support type covering the product's deployment (`Entitlements::support_type_for`).
    pub support_type: &'a SupportType,
    /// The version asked about; `None` assumes the current version.
    pub version: Option<&'a Release>,
    /// The competency, where given.
    pub competency: CompetencyChoice<'a>,
    /// The day the answer is for.
    pub as_of: NaiveDate,
    /// What the request says about the account and contract; `None` fields are not assumed.
    pub account: Account<'a>,
}

/// Account and contract state a request may state. Nothing here is assumed when absent: the
/// decision lists what it took for granted instead.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Account<'a> {
    /// Whether the benefits are activated.
    pub activated: Option<bool>,
    /// Whether the Access ID and Contract ID are already linked to this account.
    pub ids_associated: Option<bool>,
    /// Incidents left on the contract.
    pub incidents_remaining: Option<u32>,
    /// Last day of the contract.
    pub contract_end: Option<NaiveDate>,
    /// Whether the partner works through the Cloud Solution Provider program.
    pub csp: bool,
    /// Whether the request is made on behalf of a customer.
    pub for_customer: bool,
    /// The role of the account making the request.
    pub role: Option<&'a Role>,
}
