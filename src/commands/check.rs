//! `mpn-support check`: one request, decided by the rules module.

use chrono::NaiveDate;
use clap::Args;

use crate::cli::{DataArgs, parse_date};
use crate::data::{self, CompetencyChoice, Deployment};
use crate::exit::Exit;
use crate::render::Format;
use crate::report::{CheckReport, Report};
use crate::rules::{self, Query};
use crate::{AppError, Outcome};

/// Arguments of `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// Membership tier: action-pack (maps), silver or gold
    #[arg(long, short, value_name = "TIER")]
    pub tier: String,
    /// Product id, name or alias, e.g. sql-server, "Windows Server", m365
    #[arg(long, short, value_name = "PRODUCT")]
    pub product: String,
    /// Version, e.g. 2019 or "2012 R2" [default: the current version on the as-of date]
    #[arg(long, value_name = "VERSION")]
    pub version: Option<String>,
    /// Competency id or name (e.g. cloud-platform), or a class: cloud, other
    #[arg(long, short, value_name = "COMPETENCY")]
    pub competency: Option<String>,
    /// Decide as of this day, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Output format
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Data files
    #[command(flatten)]
    pub data: DataArgs,
}

/// Loads the data, resolves the request and decides it.
pub fn run(args: &CheckArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let data = data::load(&args.data.paths())?;
    let as_of = args.as_of.unwrap_or(today);

    // Resolve every name before failing, so one run reports every bad value.
    let tier = data.tier(&args.tier);
    let product = data.product(&args.product);
    let competency = args
        .competency
        .as_deref()
        .map(|c| data.competency(c))
        .transpose();
    let mut unknown = Vec::new();
    let version = match (&product, &args.version) {
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
    let (tier, product, competency) = match (tier, product, competency) {
        (Ok(t), Ok(p), Ok(c)) if unknown.is_empty() => (t, p, c),
        (t, p, c) => {
            let mut all: Vec<_> = [t.err(), p.err(), c.err()].into_iter().flatten().collect();
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
        as_of,
    };
    let decision = rules::evaluate(&query, &data);
    let mut report = CheckReport::new(&decision, &tier.id, &tier.name, product, as_of);
    report.warnings = data.staleness(as_of);
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
    })
}
