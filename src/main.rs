//! The binary: parse arguments, read today's date once, run, print, exit.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use mpn_support::{escape, exit::Exit, render, render::Style};

fn main() -> ExitCode {
    // Usage errors are printed (values escaped) and exit 2; --help and --version exit 0.
    let cli = mpn_support::cli::usage::parse_or_exit();
    #[expect(
        clippy::disallowed_methods,
        reason = "main is the one place that reads the clock"
    )]
    let today = chrono::Local::now().date_naive();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let terminal = std::io::stdout().is_terminal();
    let style = Style {
        color: cli.color.enabled(
            terminal,
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ),
        width: render::output_width(std::env::var("COLUMNS").ok().as_deref(), terminal),
    };
    let result = mpn_support::app::run(&cli, today, &mut out)
        .and_then(|outcome| Ok((outcome.render(style)?, outcome)));
    match result {
        Ok((text, outcome)) => {
            for warning in &outcome.warnings {
                eprintln!("warning: {}", escape::text(warning));
            }
            let written = out.write_all(text.as_bytes()).and_then(|()| out.flush());
            if let Some(summary) = &outcome.summary {
                eprintln!("{summary}");
            }
            match written {
                // A closed pipe (`| head`) is the reader's choice, not an error.
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("error: cannot write output: {e}");
                    Exit::Error.into()
                }
                _ => outcome.exit.into(),
            }
        }
        Err(error) => {
            let _ = out.flush();
            // One message per line, each with its values escaped: a value can make no line of
            // its own on stderr (a CI log would run `::command::` lines).
            for line in error.lines() {
                eprintln!("{}", escape::text(&line));
            }
            Exit::Error.into()
        }
    }
}
