//! The exit-code contract, in one place: listed in `--help` and the README.

use std::process::ExitCode;

/// How the process ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: eligible (for `check`), or the command succeeded.
    Success,
    /// 1: a decision was made and it is "not eligible".
    NotEligible,
    /// 2: bad request or bad data (clap usage errors also exit 2).
    Error,
}

impl Exit {
    /// 0 for a "yes" (eligible, allowed, matched, all held), 1 for a "no".
    pub fn answer(yes: bool) -> Self {
        if yes {
            Exit::Success
        } else {
            Exit::NotEligible
        }
    }

    /// The numeric status.
    pub fn code(self) -> u8 {
        match self {
            Exit::Success => 0,
            Exit::NotEligible => 1,
            Exit::Error => 2,
        }
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> Self {
        ExitCode::from(exit.code())
    }
}

/// Each status and what it means, as the man page lists them.
pub const MEANINGS: [(u8, &str); 3] = [
    (
        0,
        "eligible (check; in a batch, every request), all expectations hold (verify), no error (validate), or the command succeeded",
    ),
    (
        1,
        "a decision was made: not eligible (in a batch: any request, or one stopping within --fail-within), or an expectation failed",
    ),
    (
        2,
        "error: unknown tier, product, version or competency, bad date, unreadable or invalid data file, a batch row that cannot be decided, an empty batch, or a usage error",
    ),
];

/// The contract as printed at the end of `--help`: [`MEANINGS`], each wrapped under its
/// status.
pub fn help() -> String {
    let mut out = String::from("Exit status:");
    for (code, meaning) in MEANINGS {
        let mut line = format!("\n  {code} ");
        for word in meaning.split(' ') {
            if line.len() + 1 + word.len() > 90 {
                out.push_str(&line);
                line = String::from("\n    ");
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
    }
    out
}
