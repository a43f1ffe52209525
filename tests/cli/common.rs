//! Helpers shared by the integration tests.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use chrono::NaiveDate;
use mpn_support::data::{self, DataPaths, Dataset};

/// The binary under test, with the data-directory variable cleared so tests see the embedded
/// data unless they pass files, and the per-user data folder pointed at one that does not
/// exist, so a `lifecycle update` run on this machine does not change what tests see.
pub fn cmd() -> Command {
    // MPN_SUPPORT_TEST_BIN runs the tests against another build (an older commit's binary, to
    // see a regression test fail before its fix).
    let mut cmd = match std::env::var_os("MPN_SUPPORT_TEST_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::cargo_bin("mpn-support").expect("binary is built"),
    };
    cmd.env_remove("MPN_SUPPORT_DATA_DIR");
    // English unless a test asks for another language, whatever the machine's locale.
    for locale in ["MPN_SUPPORT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(locale);
    }
    cmd.env_remove("MPN_SUPPORT_ENDOFLIFE_URL");
    // `lifecycle update` talks to loopback servers in tests: never through a proxy.
    for proxy in [
        "ALL_PROXY",
        "all_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "HTTP_PROXY",
        "http_proxy",
    ] {
        cmd.env_remove(proxy);
    }
    cmd.env(
        "XDG_DATA_HOME",
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("no-user-data"),
    );
    // Tables take the default width whatever the shell running the tests exports.
    cmd.env_remove("COLUMNS");
    cmd
}

/// A file under `tests/fixtures`.
pub fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path)
}

/// `cmd()` reading both data files from `tests/fixtures/basic`.
pub fn cmd_basic() -> Command {
    let mut cmd = cmd();
    cmd.env("MPN_SUPPORT_DATA_DIR", fixture("basic"));
    cmd
}

/// The embedded data, loaded through the library.
pub fn embedded() -> Dataset {
    data::load(&DataPaths::default()).expect("embedded data loads")
}

/// The data in `tests/fixtures/basic`, loaded through the library.
pub fn basic() -> Dataset {
    data::load(&DataPaths {
        data_dir: Some(fixture("basic")),
        ..DataPaths::default()
    })
    .expect("fixture data loads")
}

/// A `YYYY-MM-DD` date for tests.
pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

/// The seed page's day: the MPN rule book as published, with every tier offered.
pub const SEED: &str = "2021-06-19";

/// The tier with 20 on-premises incidents on a day of the built-in rule book: Gold until its
/// last day sold (2025-01-21), the Solutions Partner designation from the next day.
pub fn on_premises_tier(as_of: NaiveDate) -> &'static str {
    if as_of <= date("2025-01-21") {
        "gold"
    } else {
        "solutions-partner"
    }
}

/// The tiers offered on a day (not merely running out) with figures in force for the
/// product's support type, lowest first.
pub fn offered_tiers<'a>(
    data: &'a Dataset,
    product: &'a mpn_support::data::Product,
    as_of: NaiveDate,
) -> impl Iterator<Item = &'a mpn_support::data::entitlements::Tier> + 'a {
    let support_type = data
        .entitlements
        .support_type_for(product.deployment)
        .expect("support type");
    data.entitlements.tiers.iter().filter(move |t| {
        matches!(
            t.standing(as_of),
            mpn_support::data::periods::Standing::Offered(_)
        ) && data
            .entitlements
            .cells(&t.id, &support_type.id, as_of)
            .next()
            .is_some()
    })
}

/// A data directory like `tests/fixtures/basic` whose product carries `name` as its name.
pub fn data_dir_with_product_name(dir: &Path, name: &str) -> PathBuf {
    let lifecycle = std::fs::read_to_string(fixture("basic/lifecycle.json")).expect("fixture");
    let quoted = serde_json::to_string(name).expect("JSON string");
    let lifecycle = lifecycle.replacen("\"Widget Server\"", &quoted, 1);
    std::fs::write(dir.join("lifecycle.json"), lifecycle).expect("write");
    std::fs::copy(
        fixture("basic/entitlements.json"),
        dir.join("entitlements.json"),
    )
    .expect("copy");
    dir.to_path_buf()
}

/// What a rule found, in English words.
pub fn said(reason: &mpn_support::engine::Reason<'_>) -> String {
    mpn_support::i18n::Words::default().msg(&reason.message())
}

/// A message of the catalogues in English words.
pub fn english(msg: &mpn_support::engine::Msg<'_>) -> String {
    mpn_support::i18n::Words::default().msg(msg)
}

/// The binary's path (MPN_SUPPORT_TEST_BIN when set), for a test that spawns it itself.
pub fn bin() -> PathBuf {
    std::env::var_os("MPN_SUPPORT_TEST_BIN").map_or_else(
        || assert_cmd::cargo::cargo_bin("mpn-support"),
        PathBuf::from,
    )
}

/// A JSON text laid out one value per line with two-space indentation, keys in the order
/// written (an empty array or object stays `[]` or `{}`): how the broken-file corpus is made
/// from a compact fixture, so its line numbers are the pretty form's.
pub fn pretty_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut depth = 0usize;
    let mut chars = text.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        out.push_str(&"  ".repeat(depth));
    };
    while let Some(c) = chars.next() {
        match c {
            '"' => {
                out.push('"');
                while let Some(c) = chars.next() {
                    out.push(c);
                    match c {
                        '\\' => out.extend(chars.next()),
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '{' | '[' => {
                let close = if c == '{' { '}' } else { ']' };
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
                if chars.peek() == Some(&close) {
                    chars.next();
                    out.push(c);
                    out.push(close);
                } else {
                    out.push(c);
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(',');
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    out.push('\n');
    out
}
