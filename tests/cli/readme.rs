//! Every `$ mpn-support ...` line in a ```console block of README.md, README.ja.md and docs/*.md is run and
//! its output compared with the lines under it, so the examples stay true. With README_UPDATE=1
//! the files are rewritten with the current output instead. `lifecycle update` examples are
//! answered by a loopback server of recorded endoflife.date answers.

#![allow(
    clippy::expect_used,
    reason = "a broken README should fail the test loudly"
)]

use std::path::Path;

/// Splits a command line the way a shell would for our examples: spaces, and double quotes.
fn split(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            ' ' if !quoted => {
                if any {
                    words.push(std::mem::take(&mut word));
                    any = false;
                }
            }
            _ => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

fn run(command: &str) -> String {
    let words = split(command);
    let mut cmd = crate::common::cmd();
    if command.contains(" lifecycle update") {
        // Recorded endoflife.date answers from a loopback server, never the internet.
        cmd.env(
            "MPN_SUPPORT_ENDOFLIFE_URL",
            crate::update::recorded_server(),
        );
    }
    let out = cmd
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(&words[1..])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8");
    if stdout.is_empty() {
        String::from_utf8(out.stderr).expect("UTF-8")
    } else {
        stdout
    }
}

/// The console examples of the READMEs (English and Japanese) and of docs/ are the binary's
/// real output.
#[test]
fn readme_and_docs_examples_are_real_output() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("README.md"), root.join("README.ja.md")];
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    let mut examples = 0;
    let mut mismatches = Vec::new();
    for path in &files {
        let (n, wrong) = check_file(path);
        examples += n;
        mismatches.extend(
            wrong
                .into_iter()
                .map(|c| format!("{}: {c}", path.display())),
        );
    }
    assert!(examples >= 10, "only {examples} examples found");
    assert!(
        mismatches.is_empty(),
        "examples differ from the binary (run README_UPDATE=1 cargo test --test cli readme): {mismatches:#?}"
    );
}

/// Runs one file's examples: how many, and the commands whose output differs. With
/// README_UPDATE set, rewrites the file with the real output instead.
fn check_file(path: &Path) -> (usize, Vec<String>) {
    let text = std::fs::read_to_string(path).expect("readable");
    let mut rebuilt = String::new();
    let mut mismatches = Vec::new();
    let mut examples = 0;
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        rebuilt.push_str(line);
        rebuilt.push('\n');
        if line != "```console" {
            continue;
        }
        // Inside a console block: commands and their recorded output, up to the fence.
        while let Some(line) = lines.next() {
            if line == "```" {
                rebuilt.push_str("```\n");
                break;
            }
            let Some(command) = line.strip_prefix("$ ") else {
                continue;
            };
            examples += 1;
            let mut recorded = String::new();
            while let Some(next) = lines.peek() {
                if *next == "```" || next.starts_with("$ ") {
                    break;
                }
                recorded.push_str(next);
                recorded.push('\n');
                lines.next();
            }
            let actual = run(command);
            if actual.trim_end() != recorded.trim_end() {
                mismatches.push(command.to_owned());
            }
            rebuilt.push_str(line);
            rebuilt.push('\n');
            rebuilt.push_str(&actual);
            if !actual.ends_with('\n') {
                rebuilt.push('\n');
            }
        }
    }
    if std::env::var_os("README_UPDATE").is_some() {
        std::fs::write(path, rebuilt).expect("writable");
        return (examples, Vec::new());
    }
    (examples, mismatches)
}

/// docs/json.md names every rule id and result code the engine can emit: the JSON contract is
/// the table a consumer reads, so a rule added without its row fails here.
#[test]
fn json_doc_names_every_rule_and_code() {
    let doc = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/json.md"),
    )
    .expect("docs/json.md");
    let missing: Vec<&str> = mpn_support::engine::RuleId::ALL
        .iter()
        .map(|r| r.as_str())
        .chain(mpn_support::engine::Code::ALL.iter().map(|c| c.as_str()))
        .filter(|word| !doc.contains(&format!("`{word}`")))
        .collect();
    assert!(missing.is_empty(), "not in docs/json.md: {missing:?}");
}
