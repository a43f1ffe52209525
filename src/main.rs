//! The binary: parse arguments, read today's date once, run, print, exit.

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;
use mpn_support::{cli::Cli, exit::Exit};

fn main() -> ExitCode {
    // clap prints usage errors itself and exits 2.
    let cli = Cli::parse();
    #[expect(
        clippy::disallowed_methods,
        reason = "main is the one place that reads the clock"
    )]
    let today = chrono::Local::now().date_naive();
    let result = mpn_support::run(&cli, today).and_then(|outcome| Ok((outcome.render()?, outcome)));
    match result {
        Ok((text, outcome)) => {
            for warning in &outcome.warnings {
                eprintln!("warning: {warning}");
            }
            match std::io::stdout().lock().write_all(text.as_bytes()) {
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write output: {e}");
                    Exit::Error.into()
                }
                _ => outcome.exit.into(),
            }
        }
        Err(error) => {
            eprintln!("error: {error}");
            Exit::Error.into()
        }
    }
}
