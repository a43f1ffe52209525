//! The committed lifecycle file is exactly what `lifecycle import` makes of the committed
//! sources, so the data can always be regenerated and reviewed as a diff.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

mod common;

use common::cmd;
use predicates::str::contains;

/// Regenerating into a temporary file reproduces `data/lifecycle.json` byte for byte.
#[test]
fn committed_lifecycle_file_is_regenerable() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let committed =
        std::fs::read_to_string(root.join("data/lifecycle.json")).expect("committed file");
    let generated =
        serde_json::from_str::<serde_json::Value>(&committed).expect("JSON")["generated"]
            .as_str()
            .expect("generated date")
            .to_owned();
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("lifecycle.json");
    cmd()
        .args([
            "lifecycle",
            "import",
            "--generated",
            &generated,
            "--sources",
        ])
        .arg(root.join("data/sources"))
        .arg("--output")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("wrote"));
    let regenerated = std::fs::read_to_string(&out).expect("written");
    assert!(
        regenerated == committed,
        "data/lifecycle.json is stale: run `cargo run -- lifecycle import --generated {generated}`"
    );
}

/// `--dry-run` reports a change without touching the file.
#[test]
fn dry_run_writes_nothing() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("lifecycle.json");
    std::fs::write(&out, "old\n").expect("seed file");
    cmd()
        .args([
            "lifecycle",
            "import",
            "--dry-run",
            "--generated",
            "2026-01-01",
            "--sources",
        ])
        .arg(root.join("data/sources"))
        .arg("--output")
        .arg(&out)
        .assert()
        .code(0)
        .stdout(contains("would update"));
    assert_eq!(std::fs::read_to_string(&out).expect("file"), "old\n");
}

/// A missing sources directory is a clear error and leaves the output alone.
#[test]
fn missing_sources_exit_2() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("lifecycle.json");
    cmd()
        .args([
            "lifecycle",
            "import",
            "--sources",
            "/nonexistent",
            "--output",
        ])
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains(
            "cannot read `/nonexistent/catalogue.json`: no such file",
        ));
    assert!(!out.exists());
}
