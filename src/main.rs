//! The binary: parse arguments, read today's date and the terminal once, run, report an error
//! once, exit.

use std::io::IsTerminal as _;
use std::process::ExitCode;

use mpn_support::app;
use mpn_support::exit::Exit;
use mpn_support::i18n::{Lang, Words};
use mpn_support::render::escape;
use mpn_support::render::{Output, Style, output_width};

fn main() -> ExitCode {
    // Usage errors are printed (values escaped) and exit 2; --help and --version exit 0.
    let cli = mpn_support::cli::usage::parse_or_exit();
    #[expect(
        clippy::disallowed_methods,
        reason = "main is the one place that reads the clock"
    )]
    let today = chrono::Local::now().date_naive();
    let terminal = std::io::stdout().is_terminal();
    let style = Style {
        color: cli.color.enabled(
            terminal,
            std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()),
        ),
        width: output_width(std::env::var("COLUMNS").ok().as_deref(), terminal),
    };
    // The language: --lang, MPN_SUPPORT_LANG or the locale; one asked for that we do not
    // speak is an error (in English: no language was chosen).
    let lang = match Lang::choose(cli.lang.as_deref(), |name| std::env::var(name).ok()) {
        Ok(lang) => lang,
        Err(e) => {
            eprintln!("error: {}", escape::text(&e.to_string()));
            return Exit::Error.into();
        }
    };
    let words = Words::new(lang);
    let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
    let mut stderr = std::io::stderr().lock();
    let result = app::run(
        &cli,
        today,
        Output::new(&mut stdout, &mut stderr, style, &words),
    );
    drop(stdout);
    match result {
        Ok(exit) => exit.into(),
        Err(error) => {
            // One message per line, each with its values escaped: a value can make no line of
            // its own on stderr (a CI log would run `::command::` lines).
            for line in error.lines(&words) {
                eprintln!("{}", escape::text(&line));
            }
            Exit::Error.into()
        }
    }
}
