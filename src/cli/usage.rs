//! Usage errors printed like every other error: clap's own messages, with each value they repeat
//! from the command line escaped by [`crate::render::escape::text`] (and a user name and password in an
//! address left out), so an argument can make no line of its own on stderr (a CI log runs
//! `::error::` lines as commands), move the cursor or reorder what is read.
//!
//! clap still decides what is an error and how it reads; only the values are changed. Help and
//! version output are printed by clap as they are (they repeat no value).

use std::io::{IsTerminal as _, Write as _};

use clap::Parser as _;
use clap::error::{ContextValue, ErrorKind};

use crate::cli::Cli;
use crate::render::escape;

/// Parses the process's arguments; on a usage error prints it (values escaped) to stderr and
/// exits 2, on `--help` or `--version` prints to stdout and exits 0, as clap does.
pub fn parse_or_exit() -> Cli {
    match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) if !err.use_stderr() => err.exit(),
        Err(err) => {
            let color = std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let text = escaped(err, color);
            let _ = std::io::stderr().lock().write_all(text.as_bytes());
            std::process::exit(2)
        }
    }
}

/// The error as clap words it, each value from the command line escaped; ANSI styled when
/// `color`.
pub fn escaped(mut err: clap::Error, color: bool) -> String {
    if matches!(
        err.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    ) {
        return err.render().to_string();
    }
    // Every string in the context: the values and arguments typed (our own names are left as
    // they are by the escaping).
    let context: Vec<_> = err
        .context()
        .map(|(kind, value)| (kind, value.clone()))
        .collect();
    for (kind, value) in context {
        let value = match value {
            ContextValue::String(s) => ContextValue::String(shown(&s)),
            ContextValue::Strings(all) => {
                ContextValue::Strings(all.iter().map(|s| shown(s)).collect())
            }
            other => other,
        };
        err.insert(kind, value);
    }
    let styled = err.render();
    let mut text = if color {
        styled.ansi().to_string()
    } else {
        styled.to_string()
    };
    // A value parser's own message (a bad date, a bad address) is clap's `source`, which it
    // cannot be given back changed: its text is replaced where clap wrote it (without colour,
    // clap drops the escape sequences from it first).
    if let Some(source) = std::error::Error::source(&err).map(ToString::to_string) {
        let written = if color {
            source.clone()
        } else {
            clap::builder::StyledStr::from(source.clone()).to_string()
        };
        let safe = shown(&source);
        if safe != written && !written.is_empty() {
            text = text.replace(&written, &safe);
        }
    }
    text
}

/// A value as it may be shown: without user information if it is an address, escaped.
fn shown(value: &str) -> String {
    let value = crate::lifecycle::fetch::redact_user_info(value);
    escape::text(&value).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(args: &[&str]) -> clap::Error {
        match Cli::try_parse_from(std::iter::once("mpn-support").chain(args.iter().copied())) {
            Ok(_) => panic!("{args:?} parsed"),
            Err(err) => err,
        }
    }

    /// A value with a line break and a bidi override is written visibly, in clap's words.
    #[test]
    fn values_are_escaped() {
        let text = escaped(
            error(&["check", "--format", "x\n::error::y\u{202e}"]),
            false,
        );
        assert!(
            text.starts_with("error: invalid value 'x\\n::error::y\\u{202e}' for '--format"),
            "{text}"
        );
        let text = escaped(error(&["check", "--as-of", "x\ny"]), false);
        assert!(text.contains("`x\\ny` is not a real date"), "{text}");
        assert!(!text.contains("x\ny"), "{text}");
    }

    /// In colour too, a value's own escape sequences and line breaks are written visibly.
    #[test]
    fn values_are_escaped_in_colour() {
        for args in [
            ["check", "--as-of", "x\u{1b}[2J\ny"],
            ["check", "--format", "x\u{1b}[2J\ny"],
        ] {
            let text = escaped(error(&args), true);
            assert!(text.contains("x\\x1b[2J\\ny"), "{text:?}");
            assert!(
                !text.contains("\u{1b}[2J") && !text.contains("\ny"),
                "{text:?}"
            );
        }
    }

    /// Help is left as clap writes it.
    #[test]
    fn help_is_unchanged() {
        let err = error(&["--help"]);
        let plain = err.render().to_string();
        assert_eq!(escaped(err, false), plain);
    }
}
