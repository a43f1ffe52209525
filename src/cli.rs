//! The command line, as clap derive types only: no logic, no I/O.
//!
//! Subcommand argument structs live with their commands in `commands/`; this file holds the
//! top level and the option groups they share.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::builder::BoolishValueParser;
use clap::{Args, Parser, Subcommand};

use crate::commands::{
    check::CheckArgs, completions::CompletionsArgs, completions::ManArgs, diagnose::DiagnoseArgs,
    explain::ExplainArgs, lifecycle::LifecycleCommand, matrix::MatrixArgs, products::ProductsArgs,
    roles::RolesArgs, schema::SchemaArgs, validate::ValidateArgs, verify::VerifyArgs,
};
use crate::data::DataPaths;

/// Does our Microsoft partner membership give free technical support for this product?
#[derive(Debug, Parser)]
#[command(
    name = "mpn-support",
    version,
    help_expected = true,
    after_help = crate::exit::HELP,
    long_about = "Does our Microsoft partner membership (Action Pack, Silver or Gold competency) \
give free technical support for this product and version, how many incidents, and where do we \
open the request? Decided by Microsoft's published rules (the N-1 policy for on-premises \
products) on embedded data, or on data files you name."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
    /// Colour human output (auto: on a terminal, unless NO_COLOR is set) [default: auto]
    #[arg(
        long,
        global = true,
        value_enum,
        value_name = "WHEN",
        default_value_t,
        hide_default_value = true
    )]
    pub color: ColorChoice,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide whether a tier gets free support for a product version, with the reasons
    #[command(after_help = crate::exit::HELP)]
    Check(CheckArgs),
    /// Explain a check as numbered prose, one paragraph per rule (for emails and tickets)
    Explain(ExplainArgs),
    /// Who may do what: activate benefits, view the IDs, open requests
    Roles(RolesArgs),
    /// Match a portal message or symptom to its cause and what to do
    Diagnose(DiagnoseArgs),
    /// Print the entitlement matrix: incidents per tier, support type and competency class
    Matrix(MatrixArgs),
    /// List products with their current (N) and previous (N-1) versions and what qualifies
    Products(ProductsArgs),
    /// Check expectations: each row's request must be decided as the row expects
    Verify(VerifyArgs),
    /// Check the data files and list every problem (exit 2 when any error)
    Validate(ValidateArgs),
    /// Maintain the lifecycle data file
    #[command(subcommand)]
    Lifecycle(LifecycleCommand),
    /// Print the JSON Schema of a data file
    Schema(SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man(ManArgs),
}

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
    /// Membership tier: action-pack (maps), silver or gold
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
    #[arg(long, value_name = "yes|no", value_parser = BoolishValueParser::new(), help_heading = "Account and contract (not assumed unless given)")]
    pub activated: Option<bool>,
    /// Whether the Access ID and Contract ID are already linked to this account
    #[arg(long, value_name = "yes|no", value_parser = BoolishValueParser::new(), help_heading = "Account and contract (not assumed unless given)")]
    pub ids_associated: Option<bool>,
    /// Incidents left on the contract (as Support for Business shows at step 2)
    #[arg(
        long,
        value_name = "N",
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

/// Where the data files come from (default: the copies built into the binary).
#[derive(Debug, Clone, Args)]
#[command(next_help_heading = "Data files")]
pub struct DataArgs {
    /// Directory holding entitlements.json and lifecycle.json
    #[arg(long, value_name = "DIR", env = "MPN_SUPPORT_DATA_DIR")]
    pub data_dir: Option<PathBuf>,
    /// Entitlement table to use instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub entitlements: Option<PathBuf>,
    /// Lifecycle data to use instead of the built-in one
    #[arg(long, value_name = "FILE")]
    pub lifecycle: Option<PathBuf>,
}

impl DataArgs {
    /// The paths to load.
    pub fn paths(&self) -> DataPaths {
        DataPaths {
            data_dir: self.data_dir.clone(),
            entitlements: self.entitlements.clone(),
            lifecycle: self.lifecycle.clone(),
        }
    }
}

/// How a batch file is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Comma-separated values with a header row
    Csv,
    /// JSON Lines: one object per line (a JSON array is read too)
    Jsonl,
}

/// Parses `--as-of` and other dates: a real calendar day written `YYYY-MM-DD`.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    crate::data::common::parse_date(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    /// clap's own consistency checks pass (every flag documented, no clashes).
    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Our subcommands at every depth, with their path (`lifecycle import`).
    fn walk(command: &clap::Command, path: &str, out: &mut Vec<(String, clap::Command)>) {
        // clap adds a `help` subcommand when it builds; it is clap's, not ours.
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let name = format!("{path} {}", sub.get_name()).trim().to_string();
            out.push((name.clone(), sub.clone()));
            walk(sub, &name, out);
        }
    }

    fn subcommands(built: bool) -> Vec<(String, clap::Command)> {
        let mut command = Cli::command();
        if built {
            command.build();
        }
        let mut out = Vec::new();
        walk(&command, "", &mut out);
        out
    }

    /// Every subcommand says what it does, in the list and in its own `--help`.
    #[test]
    fn every_subcommand_has_a_description() {
        let listed = subcommands(false);
        let built = subcommands(true);
        assert!(listed.iter().any(|(name, _)| name == "lifecycle import"));
        assert_eq!(listed.len(), built.len());
        for ((name, sub), (_, after)) in listed.iter().zip(&built) {
            assert_eq!(
                sub.get_about().map(ToString::to_string),
                after.get_about().map(ToString::to_string),
                "`{name}`: the description changes when the command is built"
            );
            assert!(sub.get_about().is_some(), "`{name}` has no description");
        }
    }

    /// `--color` is global: every command that runs (no subcommands of its own) takes it.
    #[test]
    fn every_command_takes_color() {
        for (name, mut sub) in subcommands(true) {
            if sub.has_subcommands() {
                continue;
            }
            sub.build();
            assert!(
                sub.get_arguments().any(|a| a.get_long() == Some("color")),
                "`{name}` does not take --color"
            );
        }
    }
}
