//! Shell integration and terminal output: completion scripts, the man page and colour.

#![allow(
    clippy::unwrap_used,
    reason = "a test that cannot run should fail loudly"
)]

use crate::common::cmd;
use predicates::prelude::*;
use predicates::str::contains;

/// Completion scripts for every shell: every subcommand and flag; and where the shell's
/// generator completes values (bash, zsh, fish), the data's tiers (old and new) and products
/// and the formats. (clap_complete's PowerShell and Elvish scripts complete no values: there
/// the data's names appear only inside help texts, so they are not asserted.)
#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = cmd().args(["completions", shell]).output().expect("runs");
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).expect("UTF-8");
        assert!(
            script.len() > 1000,
            "{shell} script is {} bytes",
            script.len()
        );
        for word in ["programs", "batch", "as-of", "contract-end"] {
            assert!(script.contains(word), "{shell} script lacks {word}");
        }
        if matches!(shell, "bash" | "zsh" | "fish") {
            for word in ["sql-server", "action-pack", "partner-launch", "junit"] {
                assert!(script.contains(word), "{shell} script lacks {word}");
            }
        }
    }
    cmd().args(["completions", "tcsh"]).assert().code(2);
}

/// The man page is roff for every command.
#[test]
fn man_page() {
    cmd().arg("man").assert().code(0).stdout(
        contains(".TH mpn-support 1")
            .and(contains("check"))
            .and(contains("verify")),
    );
}

/// Colour only when asked or on a terminal; never in a pipe by default; NO_COLOR respected;
/// `--color` before the subcommand or after it, and after it wins.
#[test]
fn colour_choice() {
    let args = ["check", "-t", "gold", "-p", "sql", "--as-of", "2021-06-19"];
    // (before the subcommand, after it, NO_COLOR set, coloured)
    let cases: [(&[&str], &[&str], bool, bool); 7] = [
        (&[], &[], false, false),
        (&[], &["--color", "always"], true, true),
        (&[], &["--color", "auto"], true, false),
        (&[], &["--color", "never"], false, false),
        (&["--color", "always"], &[], false, true),
        (&["--color", "always"], &["--color", "never"], false, false),
        (&["--color", "never"], &["--color", "always"], false, true),
    ];
    for (before, after, no_color, coloured) in cases {
        let mut command = cmd();
        command.args(before).args(args).args(after);
        if no_color {
            command.env("NO_COLOR", "1");
        }
        let out = command.output().unwrap();
        let text = String::from_utf8_lossy(&out.stdout);
        let case = format!("{before:?} check {after:?}, NO_COLOR {no_color}");
        assert_eq!(text.contains("\u{1b}[1;32mELIGIBLE"), coloured, "{case}");
        assert_eq!(text.contains('\u{1b}'), coloured, "{case}");
    }
}

/// Issue 14: `cargo install --git <url>` (the README's command) searches the repository for
/// every package with binaries and fails when it finds two; it skips hidden folders and
/// `target`. The only package it may find is mpn-support itself.
#[test]
fn cargo_install_finds_one_package() {
    fn manifests(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("readable").flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if path.is_dir() {
                if !name.starts_with('.') && name != "target" {
                    manifests(&path, found);
                }
            } else if name == "Cargo.toml" {
                found.push(path);
            }
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut found = Vec::new();
    manifests(root, &mut found);
    assert_eq!(found, [root.join("Cargo.toml")]);
}

/// Issue 14: bash completion offers options and values for real: the generated script is
/// sourced in bash and its function called as bash would, for `check --tier `,
/// `check --product sql` and `check --fo`. The values come from the data.
#[test]
fn bash_completes_options_and_values() {
    let script = cmd().args(["completions", "bash"]).output().expect("runs");
    let dir = tempfile::tempdir().expect("temporary directory");
    let path = dir.path().join("mpn-support.bash");
    std::fs::write(&path, script.stdout).expect("write");
    // (words typed, the word being completed, the word before it) -> candidates
    let complete = |words: &[&str], cur: &str, prev: &str| {
        let words = words
            .iter()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(" ");
        let program = format!(
            "source '{}'; COMP_WORDS=({words} '{cur}'); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1)); \
             _mpn__support mpn-support '{cur}' '{prev}'; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
            path.display()
        );
        let out = std::process::Command::new("bash")
            .args(["--norc", "--noprofile", "-c", &program])
            .output()
            .expect("bash runs");
        String::from_utf8(out.stdout)
            .expect("UTF-8")
            .lines()
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let tiers = complete(&["mpn-support", "check", "--tier"], "", "--tier");
    assert_eq!(
        tiers,
        [
            "action-pack",
            "learning-action-pack",
            "silver",
            "gold",
            "partner-launch",
            "partner-success-core",
            "partner-success-expanded",
            "solutions-partner"
        ]
    );
    let products = complete(&["mpn-support", "check", "--product"], "sql", "--product");
    assert_eq!(products, ["sql-server"]);
    let options = complete(&["mpn-support", "check"], "--fo", "check");
    assert_eq!(options, ["--for-customer", "--format"]);
}

/// Issue 14: text output fits the terminal: at 60, 80 and 200 columns (`COLUMNS`, as a shell
/// exports it) every line of `matrix` and `check` fits, but a single word longer than the
/// line (a URL), and each table keeps its box whole (all its lines equally wide). (A table
/// whose words cannot all fit, the matrix at 60 columns, is printed as records instead.)
#[test]
fn text_output_fits_the_width() {
    for columns in [60usize, 80, 200] {
        for args in [
            &["matrix", "--as-of", "2021-06-19"][..],
            &["check", "-t", "gold", "-p", "sql", "--as-of", "2021-06-19"][..],
        ] {
            let out = cmd()
                .env("COLUMNS", columns.to_string())
                .args(args)
                .output()
                .expect("runs");
            let text = String::from_utf8(out.stdout).expect("UTF-8");
            for line in text.lines() {
                let long = line.chars().count() > columns;
                let one_word = !line.trim().contains(' ');
                assert!(!long || one_word, "{columns} columns, {args:?}:\n{line}");
            }
            let boxes: Vec<usize> = text
                .lines()
                .filter(|l| l.starts_with(['╭', '│', '╞', '╰']))
                .map(|l| l.chars().count())
                .collect();
            assert!(!boxes.is_empty() || columns < 80, "{columns}: {text}");
            assert!(boxes.windows(2).all(|w| w[0] == w[1]), "{columns}: {text}");
        }
    }
}

/// Runs a command with `COLUMNS` pinned; its standard output.
fn at_width(args: &[&str], columns: usize) -> String {
    let out = cmd()
        .env("COLUMNS", columns.to_string())
        .args(args)
        .output()
        .unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The Latin tokens of a text, as a person reads them: split at spaces, box lines and
/// Japanese (which may break between any two characters), the punctuation around them taken
/// off.
fn latin_tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || !c.is_ascii())
        .map(|t| t.trim_matches(|c: char| "()[],.:;\"'`".contains(c)))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Whether `piece` is `word` or a part of it cut only after a hyphen between two letters
/// (`exchange-` / `server`), as a narrow column may break an id; never inside a date or a
/// number, never inside a word.
fn whole_or_hyphen_part(piece: &str, word: &str) -> bool {
    let breaks = |at: usize| {
        let b = word.as_bytes();
        at == 0
            || at == b.len()
            || b[at - 1] == b'-'
                && at >= 2
                && b[at - 2].is_ascii_alphabetic()
                && b[at].is_ascii_alphabetic()
    };
    word.match_indices(piece)
        .any(|(at, _)| breaks(at) && breaks(at + piece.len()))
}

/// Second review, finding 7: a narrow terminal never cuts a word in a table. At 40 to 200
/// columns, in English and Japanese, every Latin token of the output is a whole word of the
/// same answer printed wide (or a part of an id cut after a hyphen: `sql-` / `server`), every
/// date is on one line as often as in the wide answer, and every line fits the width but a
/// single word longer than it.
#[test]
fn narrow_tables_cut_no_word() {
    let date = |t: &str| {
        t.len() == 10
            && t.char_indices().all(|(i, c)| match i {
                4 | 7 => c == '-',
                _ => c.is_ascii_digit(),
            })
    };
    for args in [
        &["products", "--as-of", "2026-06-01"][..],
        &[
            "products",
            "--as-of",
            "2026-06-01",
            "--versions",
            "-p",
            "sql-server",
        ][..],
        &["matrix"][..],
        &["matrix", "--as-of", "2021-06-01"][..],
        &["--lang", "ja", "matrix"][..],
        &["--lang", "ja", "matrix", "--as-of", "2021-06-01"][..],
        &["--lang", "ja", "products", "--as-of", "2026-06-01"][..],
        &["check", "-t", "gold", "-p", "sql", "--as-of", "2021-06-19"][..],
        &["competencies"][..],
        &["roles"][..],
    ] {
        let wide = at_width(args, 1000);
        let words: std::collections::BTreeSet<&str> = latin_tokens(&wide).into_iter().collect();
        for columns in [40usize, 60, 80, 100, 200] {
            let text = at_width(args, columns);
            let at = format!("COLUMNS={columns} {args:?}:\n{text}");
            for token in latin_tokens(&text) {
                assert!(
                    words.contains(token) || words.iter().any(|w| whole_or_hyphen_part(token, w)),
                    "`{token}` is no whole word, {at}"
                );
            }
            for token in latin_tokens(&wide).into_iter().filter(|t| date(t)) {
                assert_eq!(
                    text.matches(token).count(),
                    wide.matches(token).count(),
                    "{token} cut, {at}"
                );
            }
            for line in text.lines() {
                let long = unicode_width::UnicodeWidthStr::width(line) > columns;
                let one_word = !line.trim().contains(' ');
                assert!(
                    !long || one_word,
                    "a line longer than {columns}: {line}\n{at}"
                );
            }
        }
    }
}

/// Issue 14: the man page lists the commands by name, not `mpn-support-check(1)` pages that
/// are never generated, and has an EXIT STATUS list instead of an "EXTRA" section.
#[test]
fn man_page_lists_commands_and_exit_status() {
    let out = cmd().arg("man").output().expect("runs");
    let roff = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        !roff.contains("(1)\n") && !roff.contains("mpn\\-support\\-check"),
        "{roff}"
    );
    assert!(!roff.contains(".SH EXTRA"));
    assert!(roff.contains(".SH COMMANDS\n.TP\n\\fBcheck\\fR\n"));
    assert!(roff.contains(".SH \"EXIT STATUS\"\n.TP\n\\fB0\\fR\n"));
    assert!(roff.contains("\\fBprograms\\fR"));
}

/// A products list printed as records (a narrow terminal) keeps its closing hint apart from
/// the last record by a blank line, as each record is kept apart from the one before.
#[test]
fn the_hint_after_records_stands_apart() {
    let text = at_width(&["products", "--as-of", "2026-06-01"], 40);
    let hint = "Each version's dates and status:";
    let at = text.find(hint).expect("the hint");
    assert!(text[..at].ends_with("\n\n"), "{text}");
    assert!(
        !text.contains('╭'),
        "records expected at 40 columns: {text}"
    );
}

/// Third review, finding 1: a data name with a no-break space before a hyphenated word
/// (`Partner\u{a0}On-premises Support`), which `validate` accepts, is wrapped at any width; it
/// once sliced the two-byte space in half and panicked.
#[test]
fn a_no_break_space_in_a_data_name_wraps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("entitlements.json");
    let text = include_str!("../../data/entitlements.json").replace(
        "Partner On-premises Support",
        "Partner\u{a0}On-premises Support",
    );
    std::fs::write(&path, text).expect("write");
    for (columns, args) in [
        (80, &["matrix"][..]),
        (
            41,
            &[
                "check",
                "-t",
                "spd",
                "-p",
                "sql-server",
                "--as-of",
                "2026-06-01",
            ][..],
        ),
        (
            40,
            &[
                "check",
                "-t",
                "spd",
                "-p",
                "sql-server",
                "--as-of",
                "2026-06-01",
            ][..],
        ),
    ] {
        let out = cmd()
            .env("COLUMNS", columns.to_string())
            .args(args)
            .arg("--entitlements")
            .arg(&path)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.code().is_some_and(|c| c <= 1),
            "{columns} {args:?}: {stderr}"
        );
        assert!(!stderr.contains("panicked"), "{stderr}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains("On-"), "{stdout}");
    }
}

/// Second review, finding 10, and the third, finding 8: `diagnose`'s labels stay a column when
/// its lines wrap, in both languages and for every label (`ポータル:` too): each continuation
/// line starts under the text, as far in as the first line's text starts.
#[test]
fn diagnose_wraps_under_its_labels() {
    for lang in ["en", "ja"] {
        let text = at_width(
            &[
                "--lang",
                lang,
                "diagnose",
                "Access ID is already associated",
            ],
            60,
        );
        let lines: Vec<&str> = text.lines().collect();
        let indent = |l: &str| l.len() - l.trim_start().len();
        let first = lines[0];
        // Where the first line's text starts: after the label and its padding.
        let colon = first.find(':').expect("a label");
        let hang = unicode_display_width(&first[..colon + 1]) + indent(&first[colon + 1..]);
        let mut continued = 0;
        for line in &lines[1..] {
            if line.starts_with(' ') {
                continued += 1;
                assert_eq!(indent(line), hang, "{lang}:\n{text}");
            }
        }
        assert!(
            continued >= 5,
            "{lang}: nothing wrapped at 60 columns:\n{text}"
        );
        // Every label line has its text at that column too.
        for line in lines.iter().filter(|l| !l.starts_with(' ')) {
            let colon = line.find(':').expect("a label");
            let at = unicode_display_width(&line[..colon + 1]) + indent(&line[colon + 1..]);
            assert_eq!(at, hang, "{lang}: {line}");
        }
    }
}

/// Display columns of a label: two for each Japanese character.
fn unicode_display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
        .sum()
}
