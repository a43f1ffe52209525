//! Argument groups several commands share (the request, the data files, the colour), as clap
//! derive types, and the one place flags become a [`Request`]. `cli/` puts the commands
//! together above them; nothing here imports a command.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::Args;
use clap::builder::{PossibleValuesParser, TypedValueParser as _};

use crate::data::DataPaths;
use crate::engine::{Account, Flagged, Given, Request};
use crate::input::RowDefaults;

/// When to colour human output.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set
    #[default]
    Auto,
    /// Always, even in a pipe
    Always,
    /// Never
    Never,
}

impl ColorChoice {
    /// Whether to colour, given whether stdout is a terminal and whether NO_COLOR is set.
    pub fn enabled(self, terminal: bool, no_color: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        }
    }
}

/// What a request asks: shared by `check` and `explain`.
#[derive(Debug, Clone, Default, Args)]
pub struct RequestArgs {
    /// Tier or offer id, name or alias, e.g. solutions-partner, gold (`programs` lists when each was offered)
    #[arg(long, short, value_name = "TIER")]
    pub tier: Option<String>,
    /// Product id, name or alias, e.g. sql-server, "Windows Server", m365
    #[arg(long, short, value_name = "PRODUCT")]
    pub product: Option<String>,
    /// Version, e.g. 2019 or "2012 R2" [default: the current version on the as-of date]
    #[arg(long, value_name = "VERSION")]
    pub version: Option<String>,
    /// Competency id or name (e.g. cloud-platform), or a class: cloud, other
    #[arg(long, short, value_name = "COMPETENCY")]
    pub competency: Option<String>,
    /// Decide as of this day, YYYY-MM-DD [default: today; in a batch, for rows without as_of]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
    /// Whether the technical benefits are activated [default: assumed yes]
    #[arg(long, value_name = "yes|no", value_parser = yes_no(), ignore_case = true, hide_possible_values = true, help_heading = "Account and contract (not assumed unless given)")]
    pub activated: Option<bool>,
    /// Whether the Access ID and Contract ID are already linked to this account
    #[arg(long, value_name = "yes|no", value_parser = yes_no(), ignore_case = true, hide_possible_values = true, help_heading = "Account and contract (not assumed unless given)")]
    pub ids_associated: Option<bool>,
    /// Incidents left on the contract (as Support for Business shows at step 2)
    // A negative number reaches the value parser, which says what is valid (clap would call
    // `-1` an unexpected argument).
    #[arg(
        long,
        value_name = "N",
        value_parser = crate::input::values::count,
        allow_negative_numbers = true,
        help_heading = "Account and contract (not assumed unless given)"
    )]
    pub incidents_remaining: Option<u32>,
    /// Last day of the contract, YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = parse_date, help_heading = "Account and contract (not assumed unless given)")]
    pub contract_end: Option<NaiveDate>,
    /// The partner works through the Cloud Solution Provider program
    #[arg(long, help_heading = "Account and contract (not assumed unless given)")]
    pub csp: bool,
    /// The request is for a customer's cloud workload
    #[arg(long, help_heading = "Account and contract (not assumed unless given)")]
    pub for_customer: bool,
    /// Role of the account making the request, e.g. admin-agent, global-admin (see `roles`)
    #[arg(
        long,
        value_name = "ROLE",
        help_heading = "Account and contract (not assumed unless given)"
    )]
    pub role: Option<String>,
}

impl RequestArgs {
    /// The day to decide for: `--as-of`, else today. Batch rows without a date use it too.
    pub fn as_of(&self, today: NaiveDate) -> NaiveDate {
        self.as_of.unwrap_or(today)
    }

    /// What batch rows leave empty: `--as-of` (else today) and the account flags.
    pub fn row_defaults(&self, today: NaiveDate) -> RowDefaults {
        let request = self.request(today);
        RowDefaults {
            as_of: request.as_of,
            account: request.account,
            role: request.role,
        }
    }

    /// The request the flags describe, as of `today` unless `--as-of` says otherwise.
    pub fn request(&self, today: NaiveDate) -> Request {
        Request {
            tier: self.tier.clone().unwrap_or_default(),
            product: self.product.clone().unwrap_or_default(),
            version: self.version.clone(),
            competency: self.competency.clone(),
            role: self.role.clone(),
            account: Account {
                activated: self.activated,
                ids_associated: self.ids_associated,
                incidents_remaining: self.incidents_remaining,
                contract_end: self.contract_end,
                csp: self.csp,
                for_customer: self.for_customer,
                role: None,
            },
            as_of: self.as_of(today),
            given: Given::Flags,
            flagged: Flagged::default(),
        }
    }
}

/// Where the data files come from (default: the copies built into the binary).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Data files")]
pub struct DataArgs {
    /// Directory holding entitlements.json and lifecycle.json
    // The OS-string parser takes an empty value (an empty MPN_SUPPORT_DATA_DIR, a CI variable
    // left unset), which clap's path parser refuses; `paths` reads it as none.
    #[arg(long, value_name = "DIR", env = "MPN_SUPPORT_DATA_DIR", value_parser = clap::builder::OsStringValueParser::new().map(PathBuf::from))]
    pub data_dir: Option<PathBuf>,
    /// Entitlement table to use instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub entitlements: Option<PathBuf>,
    /// Lifecycle data to use instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub lifecycle: Option<PathBuf>,
    /// Use the data built into the binary, even where `lifecycle update` wrote newer data
    /// (MPN_SUPPORT_DATA_DIR is ignored too)
    #[arg(long, conflicts_with_all = ["entitlements", "lifecycle"])]
    pub builtin_data: bool,
}

impl DataArgs {
    /// The paths to load.
    pub fn paths(&self) -> DataPaths {
        if self.builtin_data {
            return DataPaths::default();
        }
        DataPaths {
            // An empty MPN_SUPPORT_DATA_DIR (a CI variable left unset) means none.
            data_dir: self.data_dir.clone().filter(|d| !d.as_os_str().is_empty()),
            entitlements: self.entitlements.clone(),
            lifecycle: self.lifecycle.clone(),
            updated_lifecycle: crate::data::updated_lifecycle_path(),
        }
    }
}

/// `yes` or `no` (also `true` or `false`, any case), shown in help as `yes|no`.
fn yes_no() -> impl clap::builder::TypedValueParser<Value = bool> {
    PossibleValuesParser::new(["yes", "no", "true", "false"])
        .map(|answer| matches!(answer.to_ascii_lowercase().as_str(), "yes" | "true"))
}

/// Parses a number of days: `90` or `90d`.
pub fn parse_days(text: &str) -> Result<u32, crate::input::values::ValueError> {
    crate::input::values::days(text)
}

/// Parses `--as-of` and other dates: a real calendar day written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::data::common::parse_date(text)
}
