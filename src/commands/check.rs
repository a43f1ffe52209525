//! `mpn-support check`: one request, or a batch of them (`--batch`), decided by the rules.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;

use crate::batch::{self, BatchOptions};
use crate::cli::{ColorArg, DataArgs, InputFormat, RequestArgs};
use crate::data::{self, CompetencyChoice, Dataset, Deployment};
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{CheckReport, Report};
use crate::rules::{self, Account, Query};
use crate::{AppError, Outcome};

/// Decide whether a tier gets free support for a product version, with the reasons
#[derive(Debug, Clone, Args)]
#[command(
    mut_arg("tier", |a| a.required_unless_present("batch")),
    mut_arg("product", |a| a.required_unless_present("batch"))
)]
pub struct CheckArgs {
    /// The request
    #[command(flatten)]
    pub request: RequestArgs,
    /// Output format; a batch also takes junit and github
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Colour
    #[command(flatten)]
    pub color: ColorArg,
    /// Check every request in FILE (CSV with a header, or JSON Lines; `-` for stdin)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["tier", "product", "version", "competency"], help_heading = "Batch")]
    pub batch: Option<PathBuf>,
    /// Format of the batch input [default: from the file name, else from its first character]
    #[arg(
        long,
        value_enum,
        value_name = "FORMAT",
        requires = "batch",
        help_heading = "Batch"
    )]
    pub input_format: Option<InputFormat>,
    /// In a batch, exit 0 even when some request is not eligible (errors still exit 2)
    #[arg(long, requires = "batch", help_heading = "Batch")]
    pub no_fail: bool,
    /// In a batch, warn about eligible requests that stop qualifying within this many days
    #[arg(
        long,
        value_name = "DAYS",
        default_value_t = 180,
        help_heading = "Batch"
    )]
    pub warn_days: u32,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// One request as typed on the command line or read from a batch row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Request {
    /// Account and contract state as given (role still a spelling).
    pub account: AccountArgs,
    /// Tier as given.
    pub tier: String,
    /// Product as given.
    pub product: String,
    /// Version as given.
    pub version: Option<String>,
    /// Competency as given.
    pub competency: Option<String>,
    /// The day to decide for.
    pub as_of: NaiveDate,
}

/// Account and contract facts as typed, before the role is resolved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AccountArgs {
    /// `--activated`.
    pub activated: Option<bool>,
    /// `--ids-associated`.
    pub ids_associated: Option<bool>,
    /// `--incidents-remaining`.
    pub incidents_remaining: Option<u32>,
    /// `--contract-end`.
    pub contract_end: Option<NaiveDate>,
    /// `--csp`.
    pub csp: bool,
    /// `--for-customer`.
    pub for_customer: bool,
    /// `--role`, as typed.
    pub role: Option<String>,
}

impl Request {
    /// The request the flags describe, as of `today` unless `--as-of` says otherwise.
    pub fn from_args(args: &RequestArgs, today: NaiveDate) -> Self {
        Request {
            account: AccountArgs {
                activated: args.activated,
                ids_associated: args.ids_associated,
                incidents_remaining: args.incidents_remaining,
                contract_end: args.contract_end,
                csp: args.csp,
                for_customer: args.for_customer,
                role: args.role.clone(),
            },
            tier: args.tier.clone().unwrap_or_default(),
            product: args.product.clone().unwrap_or_default(),
            version: args.version.clone(),
            competency: args.competency.clone(),
            as_of: args.as_of.unwrap_or(today),
        }
    }
}

/// Resolves every name of a request against the data, then decides it. Every bad name is
/// reported, not only the first.
pub fn decide(data: &Dataset, request: &Request) -> Result<CheckReport, AppError> {
    let query = query(data, request)?;
    let decision = rules::evaluate(&query, data);
    let mut report = CheckReport::new(&decision, query.tier, query.product, request.as_of);
    report.warnings = data.staleness(request.as_of);
    Ok(report)
}

/// Resolves every name of a request against the data into a query for the rules. Every bad
/// name is reported, not only the first.
pub fn query<'a>(data: &'a Dataset, request: &Request) -> Result<Query<'a>, AppError> {
    let tier = data.tier(&request.tier);
    let product = data.product(&request.product);
    let competency = request
        .competency
        .as_deref()
        .map(|c| data.competency(c))
        .transpose();
    let role = request
        .account
        .role
        .as_deref()
        .map(|r| data.role(r))
        .transpose();
    let mut unknown = Vec::new();
    let version = match (&product, &request.version) {
        (Ok(p), Some(v)) if p.deployment == Deployment::Cloud => {
            return Err(AppError::CloudVersion {
                product: p.id.to_string(),
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
    let support_type = data
        .entitlements
        .support_type_for(product.deployment)
        .ok_or(AppError::NoSupportType {
            deployment: product.deployment,
        })?;
    let query = Query {
        tier,
        product,
        support_type,
        version,
        competency: competency.unwrap_or(CompetencyChoice::Unspecified),
        as_of: request.as_of,
        account: Account {
            activated: request.account.activated,
            ids_associated: request.account.ids_associated,
            incidents_remaining: request.account.incidents_remaining,
            contract_end: request.account.contract_end,
            csp: request.account.csp,
            for_customer: request.account.for_customer,
            role,
        },
    };
    Ok(query)
}

/// Loads the data once and decides the request, or streams the batch to `out`.
pub fn run(
    args: &CheckArgs,
    today: NaiveDate,
    out: &mut dyn std::io::Write,
) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let as_of = args.request.as_of.unwrap_or(today);
    if let Some(path) = &args.batch {
        let options = BatchOptions {
            input_format: args.input_format,
            format: args.format,
            no_fail: args.no_fail,
            warn_days: args.warn_days,
            default_as_of: as_of,
        };
        return batch::run_batch(&data, path, &options, out);
    }
    let request = Request::from_args(&args.request, today);
    if matches!(args.format, Format::Junit | Format::Github) {
        return Err(AppError::FormatNotForSingleCheck {
            format: args.format,
        });
    }
    let report = decide(&data, &request)?;
    let exit = if report.eligible {
        Exit::Success
    } else {
        Exit::NotEligible
    };
    let warnings = report.warnings.clone();
    Ok(Outcome {
        report: Report::Check(Box::new(report)),
        format: args.format,
        exit,
        warnings,
        summary: None,
    })
}
