//! `mpn-support completions SHELL` and `mpn-support man`: generated from the same clap
//! command as the parser, so they cannot drift from it.

use clap::Args;
use clap::builder::PossibleValuesParser;

use super::Context;
use crate::data::{self, DataPaths};
use crate::error::AppError;
use crate::exit::Exit;

/// The binary's name, as the scripts complete it.
const BIN: &str = "mpn-support";

/// Print a shell completion script (bash, zsh, fish, powershell, elvish)
#[derive(Debug, Clone, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Print the man page (roff)
#[derive(Debug, Clone, Args)]
pub struct ManArgs {}

/// The clap command with the built-in tiers and products offered as completions. Parsing
/// still takes any spelling (aliases, other data files): only the scripts see these lists.
fn command_with_values(mut command: clap::Command) -> Result<clap::Command, AppError> {
    let data = data::load(&DataPaths::default())?;
    let tiers: Vec<String> = data
        .entitlements
        .tiers
        .iter()
        .map(|t| t.id.to_string())
        .collect();
    let products: Vec<String> = data
        .lifecycle
        .products
        .iter()
        .map(|p| p.id.to_string())
        .collect();
    let competencies: Vec<String> = data
        .entitlements
        .competency_classes
        .iter()
        .map(|c| c.id.to_string())
        .chain(
            data.entitlements
                .competencies
                .iter()
                .map(|c| c.id.to_string()),
        )
        .collect();
    let values = |list: &[String]| PossibleValuesParser::new(list.to_vec());
    // Built first, so that the global `--color` reaches every subcommand.
    command.build();
    Ok(command
        .mut_subcommand("check", |c| {
            c.mut_arg("tier", |a| a.value_parser(values(&tiers)))
                .mut_arg("product", |a| a.value_parser(values(&products)))
                .mut_arg("competency", |a| a.value_parser(values(&competencies)))
        })
        .mut_subcommand("products", |c| {
            c.mut_arg("product", |a| a.value_parser(values(&products)))
        }))
}

fn print(bytes: &[u8], ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    ctx.out.raw(&String::from_utf8_lossy(bytes))?;
    Ok(Exit::Success)
}

/// Prints the completion script for the command line `command`.
pub fn run(
    args: &CompletionsArgs,
    command: clap::Command,
    ctx: &mut Context<'_>,
) -> Result<Exit, AppError> {
    let mut command = command_with_values(command)?;
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut command, BIN, &mut out);
    if args.shell == clap_complete::Shell::Bash {
        // clap_complete names the per-command cases of a hyphenated binary `mpn__subcmd__support`
        // but computes `mpn__support` while completing, so no case matched: no option or value
        // was ever offered. Its cases are renamed to what it computes.
        let text = String::from_utf8_lossy(&out)
            .replace(&BIN.replace('-', "__subcmd__"), &BIN.replace('-', "__"));
        out = text.into_bytes();
    }
    print(&out, ctx)
}

/// Prints the roff man page of the command line `command`: one page, whose COMMANDS section
/// lists the subcommands by name (no `mpn-support-check(1)` pages that are never installed) and
/// whose EXIT STATUS is a list, not the wrapped text of `--help`.
pub fn run_man(
    _: &ManArgs,
    command: clap::Command,
    ctx: &mut Context<'_>,
) -> Result<Exit, AppError> {
    let fail = |e: std::io::Error| AppError::Write {
        path: "man page".into(),
        message: e.to_string(),
    };
    let roff = |text: &str| text.replace('\\', "\\\\").replace('-', "\\-");
    let mut out = Vec::new();
    let man = clap_mangen::Man::new(command.clone());
    man.render_title(&mut out).map_err(fail)?;
    man.render_name_section(&mut out).map_err(fail)?;
    man.render_synopsis_section(&mut out).map_err(fail)?;
    man.render_description_section(&mut out).map_err(fail)?;
    man.render_options_section(&mut out).map_err(fail)?;
    let mut text = String::from(".SH COMMANDS\n");
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        text.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff(sub.get_name()),
            roff(&about)
        ));
    }
    text.push_str(&format!(
        ".PP\nEach command's options: \\fB{} help\\fR \\fICOMMAND\\fR.\n",
        roff(BIN)
    ));
    text.push_str(".SH \"EXIT STATUS\"\n");
    for (code, meaning) in crate::exit::MEANINGS {
        text.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff(meaning)));
    }
    out.extend_from_slice(text.as_bytes());
    man.render_version_section(&mut out).map_err(fail)?;
    print(&out, ctx)
}
