//! Helpers shared by the integration tests.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use std::path::PathBuf;

use assert_cmd::Command;
use chrono::NaiveDate;
use mpn_support::data::{self, DataPaths, Dataset};

/// The binary under test, with the data-directory variable cleared so tests see the embedded
/// data unless they pass files.
pub fn cmd() -> Command {
    let mut cmd = Command::cargo_bin("mpn-support").expect("binary is built");
    cmd.env_remove("MPN_SUPPORT_DATA_DIR");
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
