//! A request as typed ([`Request`]: names still spellings) and as resolved against the data
//! ([`Query`]: every name found), and why a request cannot be decided ([`QueryError`]). This
//! is the one place where a request's names meet the data.

use chrono::NaiveDate;
use thiserror::Error;

use crate::data::entitlements::{Role, SupportType, Tier};
use crate::data::periods::{Span, Standing};
use crate::data::{CompetencyChoice, Dataset, Deployment, Incidents, Product, Release};
use crate::message::{Msg, Value};
use crate::names::UnknownNameError;

/// Where a request was written: on the command line, or as a row of a batch file. Advice in
/// an error names the flag or the column accordingly.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Given {
    /// Flags (`--version`).
    #[default]
    Flags,
    /// A batch row's columns (`version`).
    Row,
}

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
    /// Where it was written.
    pub given: Given,
    /// Which account facts of a batch row came from the command line, not its columns: an
    /// error about one names the flag.
    pub flagged: Flagged,
}

/// The account facts of a batch row that the command line gave (the row left them empty).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Flagged {
    /// `--contract-end`.
    pub contract_end: bool,
    /// `--incidents-remaining`.
    pub incidents_remaining: bool,
}

/// Why a request cannot be decided. Each message is one line, lowercase, values in backticks.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum QueryError {
    /// One or more names match nothing in the data.
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\nerror: "))]
    Unknown(Vec<UnknownNameError>),
    /// A version was given for a cloud product.
    #[error(
        "`{product}` is a cloud product and has no versions (cloud products are not affected by the N-1 policy): {}",
        match (named, given) {
            (Some(typed), _) => format!("`{typed}` ends in `{version}`; name the product alone"),
            (None, Given::Flags) => format!("drop `--version {version}`"),
            (None, Given::Row) => "leave the `version` column empty".to_owned(),
        }
    )]
    CloudVersion {
        /// Product id.
        product: String,
        /// The version given.
        version: String,
        /// The product as typed, when the version is the end of its name.
        named: Option<String>,
        /// Where it was given.
        given: Given,
    },
    /// The product's name ends in one version and `--version` names another.
    #[error(
        "`{product}` names version `{tail}`, but {} says `{version}`: give the version once",
        match given { Given::Flags => "--version", Given::Row => "the `version` column" }
    )]
    VersionClash {
        /// The product as typed.
        product: String,
        /// The version its name ends in.
        tail: String,
        /// The version given apart.
        version: String,
        /// Where it was given.
        given: Given,
    },
    /// A version spelling names several versions (a family, a release of several editions).
    #[error(
        "`{spelled}` names {} versions of {product}: give one of them ({}); on {as_of} {}",
        versions.len(),
        versions.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", "),
        if qualifying.is_empty() {
            "none of them qualifies".to_owned()
        } else {
            format!("these qualify: {}", qualifying.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", "))
        }
    )]
    SeveralVersions {
        /// The product's name.
        product: String,
        /// The version as typed.
        spelled: String,
        /// The versions it names, newest first.
        versions: Vec<String>,
        /// Of those, the ones that qualify on the day.
        qualifying: Vec<String>,
        /// The day asked for.
        as_of: NaiveDate,
    },
    /// The entitlement table has no support type for a product's deployment.
    #[error("the entitlement table has no support type for {deployment} products")]
    NoSupportType {
        /// The deployment without a support type.
        deployment: Deployment,
    },
    /// The as-of day is before the first day the rule book covers.
    #[error(
        "the rule book starts on {first}: `{as_of}` is before it, so nothing can be decided (use an as-of date on or after {first})"
    )]
    BeforeRuleBook {
        /// The day asked for.
        as_of: NaiveDate,
        /// The rule book's first day.
        first: NaiveDate,
    },
    /// The tier was held on the day, but no figure for it is published.
    #[error(
        "no published figure for `{tier}` with {support_type} on {as_of}: the rule book has figures for it {}",
        documented.iter().map(ToString::to_string).collect::<Vec<_>>().join(" and ")
    )]
    NoPublishedFigure {
        /// Tier id.
        tier: String,
        /// Support type display name.
        support_type: String,
        /// The day asked for.
        as_of: NaiveDate,
        /// The windows it has figures for.
        documented: Vec<Span>,
    },
    /// The contract is said to end after the last day any grant of the tier held on the day
    /// can run.
    #[error(
        "{} `{end}` is after {last}, the last day a `{tier}` grant held on {as_of} can run: {}",
        match given { Given::Flags => "--contract-end", Given::Row => "contract_end" },
        match given {
            Given::Flags => "check the date, or leave --contract-end out",
            Given::Row => "check the date, or leave the `contract_end` column empty",
        }
    )]
    ContractEndBeyondGrant {
        /// The contract end given.
        end: NaiveDate,
        /// The last day a grant can run.
        last: NaiveDate,
        /// Tier id.
        tier: String,
        /// The day asked for.
        as_of: NaiveDate,
        /// Where it was given.
        given: Given,
    },
    /// More incidents are said to be left than the tier's pack holds.
    #[error(
        "{} `{left}` is more than the {most} incidents a `{tier}` pack holds on {as_of}: {}",
        match given { Given::Flags => "--incidents-remaining", Given::Row => "incidents_remaining" },
        match given {
            Given::Flags => "check the number (Support for Business shows it at step 2), or leave --incidents-remaining out",
            Given::Row => "check the number (Support for Business shows it at step 2), or leave the `incidents_remaining` column empty",
        }
    )]
    IncidentsBeyondPack {
        /// The incidents said to be left.
        left: u32,
        /// The most a pack of the tier holds on the day.
        most: u32,
        /// Tier id.
        tier: String,
        /// The day asked for.
        as_of: NaiveDate,
        /// Where it was given.
        given: Given,
    },
}

impl QueryError {
    /// In words (the catalogues' `error-*`); the `Display` of the error is the English one.
    pub fn message(&self) -> Msg<'_> {
        let row = |g: &Given, flags: &'static str, row: &'static str| match g {
            Given::Flags => flags,
            Given::Row => row,
        };
        fn code(v: &str) -> Value<'_> {
            Value::Message("error-value", vec![("value", Value::Text(v))])
        }
        match self {
            QueryError::Unknown(all) => match all.as_slice() {
                [one] => one.message(),
                all => Msg::new(
                    "error-list",
                    vec![(
                        "errors",
                        Value::Each(
                            all.iter()
                                .map(|e| {
                                    let m = e.message();
                                    Value::Message("error-unknown-name", m.args)
                                })
                                .collect(),
                        ),
                    )],
                ),
            },
            QueryError::CloudVersion {
                product,
                version,
                named,
                given,
            } => match named {
                Some(typed) => Msg::new(
                    "error-cloud-version-in-name",
                    vec![
                        ("product", Value::Text(product)),
                        ("version", Value::Text(version)),
                        ("typed", Value::Text(typed)),
                    ],
                ),
                None => Msg::new(
                    row(given, "error-cloud-version", "error-cloud-version-row"),
                    vec![
                        ("product", Value::Text(product)),
                        ("version", Value::Text(version)),
                    ],
                ),
            },
            QueryError::VersionClash {
                product,
                tail,
                version,
                given,
            } => Msg::new(
                row(given, "error-version-clash", "error-version-clash-row"),
                vec![
                    ("product", Value::Text(product)),
                    ("tail", Value::Text(tail)),
                    ("version", Value::Text(version)),
                ],
            ),
            QueryError::SeveralVersions {
                product,
                spelled,
                versions,
                qualifying,
                as_of,
            } => Msg::new(
                "error-several-versions",
                vec![
                    ("spelled", Value::Text(spelled)),
                    ("count", Value::Count(versions.len() as u64)),
                    ("product", Value::Text(product)),
                    (
                        "versions",
                        Value::Codes(versions.iter().map(|v| code(v)).collect()),
                    ),
                    ("as_of", Value::Day(*as_of)),
                    ("qualifying_count", Value::Count(qualifying.len() as u64)),
                    (
                        "qualifying",
                        Value::Codes(qualifying.iter().map(|v| code(v)).collect()),
                    ),
                ],
            ),
            QueryError::NoSupportType { deployment } => Msg::new(
                "error-no-support-type",
                vec![("deployment", deployment.value())],
            ),
            QueryError::BeforeRuleBook { as_of, first } => Msg::new(
                "error-before-rule-book",
                vec![("as_of", Value::Day(*as_of)), ("first", Value::Day(*first))],
            ),
            QueryError::NoPublishedFigure {
                tier,
                support_type,
                as_of,
                documented,
            } => Msg::new(
                "error-no-published-figure",
                vec![
                    ("tier", Value::Text(tier)),
                    ("support_type", Value::Data(support_type)),
                    ("as_of", Value::Day(*as_of)),
                    (
                        "documented",
                        Value::AllOf(
                            documented
                                .iter()
                                .map(|s| super::tier::span_value(s.from.0, s.until.map(|u| u.0)))
                                .collect(),
                        ),
                    ),
                ],
            ),
            QueryError::ContractEndBeyondGrant {
                end,
                last,
                tier,
                as_of,
                given,
            } => Msg::new(
                row(
                    given,
                    "error-contract-end-beyond",
                    "error-contract-end-beyond-row",
                ),
                vec![
                    ("end", Value::Day(*end)),
                    ("last", Value::Day(*last)),
                    ("tier", Value::Text(tier)),
                    ("as_of", Value::Day(*as_of)),
                ],
            ),
            QueryError::IncidentsBeyondPack {
                left,
                most,
                tier,
                as_of,
                given,
            } => Msg::new(
                row(
                    given,
                    "error-incidents-beyond-pack",
                    "error-incidents-beyond-pack-row",
                ),
                vec![
                    ("left", Value::Count(u64::from(*left))),
                    ("most", Value::Count(u64::from(*most))),
                    ("tier", Value::Text(tier)),
                    ("as_of", Value::Day(*as_of)),
                ],
            ),
        }
    }
}

impl Request {
    /// Resolves every name against the data. Every bad name is reported, not only the first.
    pub fn resolve<'a>(&self, data: &'a Dataset) -> Result<Query<'a>, QueryError> {
        let tier = data.tier(&self.tier);
        // A product's name may end in its version (`SQL Server 2019`): that is the version
        // asked for, and a version given apart must agree with it or complete it
        // (`Windows 10` with `LTSC 2021`, `Office LTSC` with `2024`).
        let (product, version, named) = match self.product_reading(data) {
            Some((p, tail)) => {
                let version = match &self.version {
                    None => tail.to_owned(),
                    Some(v) => Self::agreeing_version(data, p, tail, v).ok_or_else(|| {
                        QueryError::VersionClash {
                            product: self.product.clone(),
                            tail: tail.to_owned(),
                            version: v.clone(),
                            given: self.given,
                        }
                    })?,
                };
                (Ok(p), Some(version), Some(self.product.clone()))
            }
            None => (data.product(&self.product), self.version.clone(), None),
        };
        let competency = self
            .competency
            .as_deref()
            .map(|c| data.competency(c))
            .transpose();
        let role = self.role.as_deref().map(|r| data.role(r)).transpose();
        let mut unknown = Vec::new();
        let mut several = None;
        let version = match (&product, &version) {
            (Ok(p), Some(v)) if p.deployment == Deployment::Cloud => {
                return Err(QueryError::CloudVersion {
                    product: p.id.clone(),
                    version: v.clone(),
                    named,
                    given: self.given,
                });
            }
            (Ok(p), Some(v)) => match data.version(p, v) {
                Ok(release) => Some(release),
                Err(e) => match data.versions_beginning(p, v).as_slice() {
                    // The one version it begins (`11 LTSC` of `11 LTSC 2024`).
                    [one] => Some(*one),
                    [] => {
                        unknown.push(e);
                        None
                    }
                    all => {
                        several = Some((*p, v.clone(), all.to_vec()));
                        None
                    }
                },
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
                return Err(QueryError::Unknown(all));
            }
        };
        if let Some((p, spelled, versions)) = several {
            let listed = super::listing(data, p, self.as_of).ok();
            let qualifies = |v: &Release| {
                listed
                    .as_ref()
                    .is_some_and(|l| l.entitled().any(|e| e.version == v.version))
            };
            return Err(QueryError::SeveralVersions {
                product: p.name.clone(),
                spelled,
                qualifying: versions
                    .iter()
                    .filter(|v| qualifies(v))
                    .map(|v| v.version.clone())
                    .collect(),
                versions: versions.iter().map(|v| v.version.clone()).collect(),
                as_of: self.as_of,
            });
        }
        let ent = &data.entitlements;
        let support_type =
            ent.support_type_for(product.deployment)
                .ok_or(QueryError::NoSupportType {
                    deployment: product.deployment,
                })?;
        ent.check_covered(self.as_of)
            .map_err(|first| QueryError::BeforeRuleBook {
                as_of: self.as_of,
                first,
            })?;
        let standing = tier.standing(self.as_of);
        // A tier held on the day with no figure in force: the rule book does not know, and
        // says which days it does know.
        if standing.holds()
            && ent
                .cells(&tier.id, &support_type.id, self.as_of)
                .next()
                .is_none()
        {
            return Err(QueryError::NoPublishedFigure {
                tier: tier.id.clone(),
                support_type: support_type.name_on(self.as_of).to_owned(),
                as_of: self.as_of,
                documented: ent.figure_spans(&tier.id, &support_type.id),
            });
        }
        if let (Some(end), Some(last)) = (
            self.account.contract_end,
            last_grant_day(tier, &standing, self.as_of),
        ) && end > last
        {
            return Err(QueryError::ContractEndBeyondGrant {
                end,
                last,
                tier: tier.id.clone(),
                as_of: self.as_of,
                given: if self.flagged.contract_end {
                    Given::Flags
                } else {
                    self.given
                },
            });
        }
        // A pack holds at most its grant: more left than the cell in force for the competency
        // class given (or, with none given, the largest) is a misreading; an unlimited or empty
        // grant bounds nothing.
        let class = competency.and_then(CompetencyChoice::class);
        let most = ent
            .cells(&tier.id, &support_type.id, self.as_of)
            .filter(|c| {
                class.is_none_or(|class| {
                    c.competency_class == class.id
                        || c.competency_class == crate::data::entitlements::ANY_CLASS
                })
            })
            .map(|c| c.incidents)
            .max();
        if let (Some(left), Some(Incidents::Count(most))) = (self.account.incidents_remaining, most)
            && most > 0
            && left > most
        {
            return Err(QueryError::IncidentsBeyondPack {
                left,
                most,
                tier: tier.id.clone(),
                as_of: self.as_of,
                given: if self.flagged.incidents_remaining {
                    Given::Flags
                } else {
                    self.given
                },
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

impl Request {
    /// How the product's name reads when it is no product as a whole: a product and the
    /// version its name ends in. Of the readings whose end is a version (or an alias of one),
    /// the one whose version covers the most of the name (`Office LTSC 2021` is Office's
    /// `LTSC 2021`, not the `Office LTSC` product's `2021`); with none, the longest product,
    /// its end then read as a version family or refused with the versions.
    fn product_reading<'a, 'r>(&'r self, data: &'a Dataset) -> Option<(&'a Product, &'r str)> {
        let readings = data.product_readings(&self.product);
        readings
            .iter()
            .rev()
            .find(|(p, tail)| data.version(p, tail).is_ok())
            .or(readings.first().filter(|(p, tail)| {
                version_shaped(tail) || !data.versions_beginning(p, tail).is_empty()
            }))
            .copied()
    }

    /// The version meant when a product's name ends in `tail` and `version` is given apart:
    /// the two together when they name a version (`10` and `LTSC 2021`: `10 LTSC 2021`) or
    /// begin some (`11` and `24H2`), else
    /// `version` when it is the same release as `tail` (`2022` and its alias `16`) or one of the
    /// versions `tail` begins (`10` and `10 22H2`). `None` when they disagree.
    fn agreeing_version(
        data: &Dataset,
        product: &Product,
        tail: &str,
        version: &str,
    ) -> Option<String> {
        let together = format!("{tail} {version}");
        if let Ok(release) = data.version(product, &together) {
            return Some(release.version.clone());
        }
        // Together they begin some versions (`11` and `24H2`: the editions of `11 24H2`): read
        // as one spelling, to be listed or, when it is one, decided.
        if !data.versions_beginning(product, &together).is_empty() {
            return Some(together);
        }
        let given = data.version(product, version).ok()?;
        let agrees = match data.version(product, tail) {
            Ok(named) => named.version == given.version,
            Err(_) => data
                .versions_beginning(product, tail)
                .iter()
                .any(|r| r.version == given.version),
        };
        agrees.then(|| given.version.clone())
    }
}

/// The last day a grant of the tier held on `as_of` can run: one bought or renewed that day
/// (or, after the tier's last day sold, on that last day), for the tier's term. `None` when the
/// data gives the tier no term, or the tier cannot be held on the day.
pub fn last_grant_day(tier: &Tier, standing: &Standing<'_>, as_of: NaiveDate) -> Option<NaiveDate> {
    match standing {
        Standing::Offered(_) => tier.term.as_ref().and_then(|t| t.last_day(as_of)),
        Standing::RunningOut { runs_until, .. } => Some(*runs_until),
        Standing::Timeless | Standing::Ended { .. } | Standing::NotYetOffered { .. } => None,
    }
}

/// A request, resolved against the data.
#[derive(Debug, Clone, Copy)]
pub struct Query<'a> {
    /// The partner's membership tier.
    pub tier: &'a Tier,
    /// The product asked about.
    pub product: &'a Product,
    /// The support type covering the product's deployment.
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

/// Whether the rest of a name, after a product, reads as a version asked for (`2031`, `10 23H2`)
/// when it names none: it starts with a digit. Else (`Server, 2019` after `Windows`) the name
/// as a whole is the unknown one, and "did you mean" looks at all of it.
pub fn version_shaped(tail: &str) -> bool {
    tail.starts_with(|c: char| c.is_ascii_digit())
}
