//! The command line, as clap derive types only: no logic, no I/O.
//!
//! Subcommand argument structs live with their commands in `commands/`, the groups they share
//! in `args.rs`; this file puts them together under the top level.

pub mod usage;

use clap::{Parser, Subcommand};

use crate::commands::args::ColorChoice;
use crate::commands::{
    check::CheckArgs, competencies::CompetenciesArgs, completions::CompletionsArgs,
    completions::ManArgs, diagnose::DiagnoseArgs, explain::ExplainArgs,
    lifecycle::LifecycleCommand, matrix::MatrixArgs, products::ProductsArgs,
    programs::ProgramsArgs, roles::RolesArgs, schema::SchemaArgs, validate::ValidateArgs,
    verify::VerifyArgs,
};

/// Does our Microsoft partner membership give free technical support for this product?
#[derive(Debug, Parser)]
#[command(
    name = "mpn-support",
    version,
    help_expected = true,
    after_help = crate::exit::help(),
    long_about = "Does our Microsoft partner membership give free technical support for this \
product and version, how many incidents, and where do we open the request? Decided by \
Microsoft's published rules as they stood on the as-of day (the MPN tiers Action Pack, Silver \
and Gold until their last grants ran out; the Solutions Partner designation and the Partner \
Launch, Success Core and Success Expanded offers since), with the N-1 policy for on-premises \
products, on embedded data or on data files you name."
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
    /// Language of the answers: en, ja [default: MPN_SUPPORT_LANG, else the locale (LC_ALL,
    /// LC_MESSAGES, LANG), else en]
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Decide whether a tier gets free support for a product version, with the reasons
    #[command(after_help = crate::exit::help())]
    Check(CheckArgs),
    /// Explain a check as numbered prose, one paragraph per rule (for emails and tickets)
    Explain(ExplainArgs),
    /// Who may do what: activate benefits, view the IDs, open requests
    Roles(RolesArgs),
    /// Match a portal message or symptom to its cause and what to do
    Diagnose(DiagnoseArgs),
    /// Print the entitlement matrix: incidents per tier, support type and competency class
    Matrix(MatrixArgs),
    /// List the competencies --competency takes, with their classes
    Competencies(CompetenciesArgs),
    /// List products with their current (N) and previous (N-1) versions and what qualifies
    Products(ProductsArgs),
    /// Print the rule book over time: programs, offers, figures and names, with sources
    Programs(ProgramsArgs),
    /// Check expectations: each row's request must be decided as the row expects
    Verify(VerifyArgs),
    /// Check the data files and list every problem (exit 2 when any error)
    Validate(ValidateArgs),
    /// Refresh the lifecycle data: `update` from the endoflife.date API, `import` from a source tree
    #[command(subcommand)]
    Lifecycle(LifecycleCommand),
    /// Print the JSON Schema of a data file or of check's JSON output
    Schema(SchemaArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print the man page (roff)
    Man(ManArgs),
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
