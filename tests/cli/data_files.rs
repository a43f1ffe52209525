//! Data you can trust: a corpus of broken data files, one fault each, every one refused with
//! exit 2 and its message at its line and column, by `validate` and by every other command;
//! the embedded data validates clean; the committed schemas match the types.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{cmd, fixture};
use predicates::prelude::*;
use predicates::str::contains;

#[derive(Clone, Copy)]
enum Kind {
    Entitlements,
    Lifecycle,
}

/// File (under tests/fixtures/broken, without `.json`), the file the fault is reported in
/// (the same one unless the fault is a reference between the two), line, column, message.
const CORPUS: &[(Kind, &str, &str, usize, usize, &str)] = &[
    (
        Kind::Lifecycle,
        "bad_deployment",
        "bad_deployment",
        7,
        28,
        "unknown variant `hybrid`, expected `on-premises` or `cloud`",
    ),
    (
        Kind::Lifecycle,
        "bad_policy",
        "bad_policy",
        29,
        29,
        "unknown variant `eternal`, expected `fixed` or `modern`",
    ),
    (
        Kind::Lifecycle,
        "cloud_with_versions",
        "cloud_with_versions",
        46,
        19,
        "products[1] (`beta`) versions: a cloud product has no versions (cloud products are ",
    ),
    (
        Kind::Lifecycle,
        "date_wrong_format",
        "date_wrong_format",
        26,
        22,
        "products[0] (`alpha`) versions[0] (`2`) release: `2021/03/01` is not a real date in",
    ),
    (
        Kind::Lifecycle,
        "duplicate_product_id",
        "duplicate_product_id",
        43,
        13,
        "products[1] (`alpha`) id: duplicate id `alpha`",
    ),
    (
        Kind::Lifecycle,
        "duplicate_track_id",
        "duplicate_track_id",
        18,
        17,
        "products[0] (`alpha`) tracks[1] (`main`) id: duplicate id `main`",
    ),
    (
        Kind::Lifecycle,
        "duplicate_version",
        "duplicate_version",
        31,
        22,
        "products[0] (`alpha`) versions[1] (`2`) version: duplicate version `2`",
    ),
    (Kind::Lifecycle, "empty", "empty", 1, 1, "the file is empty"),
    (
        Kind::Lifecycle,
        "empty_product_id",
        "empty_product_id",
        43,
        13,
        "products[1] id: empty id",
    ),
    (
        Kind::Entitlements,
        "entitlements_any_class_reserved",
        "entitlements_any_class_reserved",
        33,
        13,
        "competency_classes[2] (`any`) id: `any` is reserved for matrix entries that ignore ",
    ),
    (
        Kind::Entitlements,
        "entitlements_bad_incidents",
        "entitlements_bad_incidents",
        69,
        5,
        "invalid incidents `\"lots\"`: expected a non-negative integer or \"unlimited\"",
    ),
    (
        Kind::Entitlements,
        "entitlements_bad_version_policy",
        "entitlements_bad_version_policy",
        51,
        35,
        "unknown variant `n-minus-2`, expected `n-minus-1` or `none`",
    ),
    (
        Kind::Entitlements,
        "entitlements_competency_unknown_class",
        "entitlements_competency_unknown_class",
        37,
        16,
        "competencies[0] (`cloud-platform`) class: unknown competency class `stratosphere`",
    ),
    (
        Kind::Entitlements,
        "entitlements_condition_unknown_tier",
        "entitlements_condition_unknown_tier",
        153,
        11,
        "alternatives[1] (`upgrade`) when tiers[0]: unknown tier `bronze`",
    ),
    (
        Kind::Entitlements,
        "entitlements_duplicate_matrix_entry",
        "entitlements_duplicate_matrix_entry",
        113,
        5,
        "matrix[8]: duplicate entry for tier `starter`, support type `product-support`, clas",
    ),
    (
        Kind::Entitlements,
        "entitlements_duplicate_tier",
        "entitlements_duplicate_tier",
        15,
        13,
        "tiers[1] (`starter`) id: duplicate id `starter`",
    ),
    (
        Kind::Entitlements,
        "entitlements_incomplete_matrix",
        "entitlements_incomplete_matrix",
        63,
        13,
        "matrix: tier `pro` x support type `cloud-support` needs one `any` entry or one entr",
    ),
    (
        Kind::Entitlements,
        "entitlements_missing_matrix",
        "entitlements_missing_matrix",
        129,
        1,
        "missing field `matrix`",
    ),
    (
        Kind::Entitlements,
        "entitlements_negative_incidents",
        "entitlements_negative_incidents",
        69,
        5,
        "invalid incidents `-1`: expected a non-negative integer or \"unlimited\"",
    ),
    (
        Kind::Entitlements,
        "entitlements_no_cloud_support_type",
        "valid_lifecycle_for_entitlement_faults",
        45,
        21,
        "products[1] (`beta`) deployment: no support type in the entitlement table covers cl",
    ),
    (
        Kind::Entitlements,
        "entitlements_support_type_unknown_channel",
        "entitlements_support_type_unknown_channel",
        52,
        18,
        "support_types[0] (`product-support`) channel: channel `fax` is not defined in `chan",
    ),
    (
        Kind::Entitlements,
        "entitlements_tier_alias_collision",
        "entitlements_tier_alias_collision",
        18,
        5,
        "tiers[2] (`elite`): name or alias `Pro` also names `pro`",
    ),
    (
        Kind::Entitlements,
        "entitlements_two_support_types_same_deployment",
        "entitlements_two_support_types_same_deployment",
        58,
        21,
        "support_types[1] (`cloud-support`) deployment: a second support type for on-premise",
    ),
    (
        Kind::Entitlements,
        "entitlements_unknown_class_in_matrix",
        "entitlements_unknown_class_in_matrix",
        92,
        27,
        "matrix[4] competency_class: unknown competency class `hybrid`",
    ),
    (
        Kind::Entitlements,
        "entitlements_unknown_support_type_in_matrix",
        "entitlements_unknown_support_type_in_matrix",
        72,
        23,
        "matrix[1] support_type: unknown support type `phone-support`",
    ),
    (
        Kind::Entitlements,
        "entitlements_unknown_tier_in_matrix",
        "entitlements_unknown_tier_in_matrix",
        65,
        15,
        "matrix[0] tier: unknown tier `platinum`",
    ),
    (
        Kind::Lifecycle,
        "extended_before_mainstream",
        "extended_before_mainstream",
        28,
        27,
        "products[0] (`alpha`) versions[0] (`2`) extended_end: extended end 2026-01-01 befor",
    ),
    (
        Kind::Lifecycle,
        "extended_before_release",
        "extended_before_release",
        28,
        27,
        "products[0] (`alpha`) versions[0] (`2`) extended_end: extended end 2020-01-01 befor",
    ),
    (
        Kind::Lifecycle,
        "extended_without_mainstream",
        "extended_without_mainstream",
        28,
        27,
        "products[0] (`alpha`) versions[0] (`2`) extended_end: an extended end needs a mains",
    ),
    (
        Kind::Lifecycle,
        "generated_not_a_date",
        "generated_not_a_date",
        2,
        16,
        "generated: `last tuesday` is not a real date in the form YYYY-MM-DD",
    ),
    (
        Kind::Lifecycle,
        "invalid_utf8",
        "invalid_utf8",
        1,
        1,
        "cannot read: not UTF-8 text (invalid byte at offset 26)",
    ),
    (
        Kind::Lifecycle,
        "mainstream_before_release",
        "mainstream_before_release",
        4,
        95,
        "products[0] (`x`) versions[0] (`1`) mainstream_end: mainstream end 2019-01-01 befor",
    ),
    (
        Kind::Lifecycle,
        "many_problems",
        "many_problems",
        5,
        52,
        "products[0] (`x`) versions[0] (`1`) release: `2020-02-30` is not a real date in the",
    ),
    (
        Kind::Lifecycle,
        "missing_field",
        "missing_field",
        40,
        5,
        "missing field `deployment`",
    ),
    (
        Kind::Lifecycle,
        "no_main_track",
        "no_main_track",
        11,
        17,
        "products[0] (`alpha`) tracks: needs exactly one main track, found 0",
    ),
    (
        Kind::Lifecycle,
        "not_a_real_date",
        "not_a_real_date",
        26,
        22,
        "products[0] (`alpha`) versions[0] (`2`) release: `2021-02-29` is not a real date in",
    ),
    (
        Kind::Lifecycle,
        "product_alias_collision",
        "product_alias_collision",
        42,
        5,
        "products[1] (`beta`): name or alias `a` also names `alpha`",
    ),
    (
        Kind::Lifecycle,
        "syntax_error",
        "syntax_error",
        3,
        18,
        "trailing comma",
    ),
    (
        Kind::Lifecycle,
        "top_level_array",
        "top_level_array",
        1,
        1,
        "expected a JSON object (`{ ... }`) at the top level",
    ),
    (
        Kind::Lifecycle,
        "truncated",
        "truncated",
        18,
        2,
        "EOF while parsing an object",
    ),
    (
        Kind::Lifecycle,
        "two_main_tracks",
        "two_main_tracks",
        11,
        17,
        "products[0] (`alpha`) tracks: needs exactly one main track, found 2",
    ),
    (
        Kind::Lifecycle,
        "unknown_channel",
        "unknown_channel",
        3,
        65,
        "products[0] (`x`) channel: channel `carrier-pigeon` is not defined in the entitleme",
    ),
    (
        Kind::Lifecycle,
        "unknown_field",
        "unknown_field",
        3,
        61,
        "unknown field `colour`, expected one of `id`, `name`, `deployment`, `aliases`, `cha",
    ),
    (
        Kind::Lifecycle,
        "unknown_track",
        "unknown_track",
        25,
        20,
        "products[0] (`alpha`) versions[0] (`2`) track: track `preview` is not one of the pr",
    ),
    (
        Kind::Lifecycle,
        "unknown_version_field",
        "unknown_version_field",
        29,
        15,
        "unknown field `eol`, expected one of `version`, `aliases`, `track`, `policy`, `rele",
    ),
    (
        Kind::Lifecycle,
        "version_alias_collision",
        "version_alias_collision",
        33,
        13,
        "products[0] (`alpha`) versions[1] (`1`) aliases[0]: alias `2` also names version `2",
    ),
    (
        Kind::Lifecycle,
        "version_name_not_a_string",
        "version_name_not_a_string",
        24,
        22,
        "invalid type: integer `2`, expected a string",
    ),
    (
        Kind::Lifecycle,
        "wrong_type",
        "wrong_type",
        4,
        36,
        "invalid type: integer `2019`, expected a string",
    ),
];

fn with_files(command: &mut assert_cmd::Command, kind: Kind, name: &str) {
    let file = fixture(&format!("broken/{name}.json"));
    match kind {
        Kind::Entitlements => {
            command
                .arg("--entitlements")
                .arg(file)
                .arg("--lifecycle")
                .arg(fixture(
                    "broken/valid_lifecycle_for_entitlement_faults.json",
                ));
        }
        Kind::Lifecycle => {
            command.arg("--lifecycle").arg(file);
        }
    }
}

/// Each broken file: `validate` exits 2 and prints the fault at its line and column.
#[test]
fn validate_reports_each_fault_at_its_place() {
    assert!(CORPUS.len() >= 30, "the corpus keeps at least 30 faults");
    for (kind, name, reported, line, column, message) in CORPUS {
        let mut command = cmd();
        command.arg("validate");
        with_files(&mut command, *kind, name);
        command
            .assert()
            .code(2)
            .stdout(contains(format!(
                "{reported}.json:{line}:{column}: error: {message}"
            )))
            .stdout(contains("panicked").not());
    }
}

/// Every other command refuses the same files with the same message, on stderr.
#[test]
fn other_commands_refuse_invalid_data_with_the_same_message() {
    for (kind, name, reported, line, column, message) in CORPUS {
        for args in [&["matrix"][..], &["products", "--as-of", "2026-01-01"][..]] {
            let mut command = cmd();
            command.args(args);
            with_files(&mut command, *kind, name);
            command.assert().code(2).stdout("").stderr(
                contains(format!("{reported}.json:{line}:{column}: error: {message}")).or(
                    // A lone unreadable file reads as one plain sentence.
                    contains("error: cannot read `"),
                ),
            );
        }
    }
}

/// Every error of a file is listed, not only the first.
#[test]
fn all_problems_are_reported_together() {
    cmd()
        .args(["validate", "--lifecycle"])
        .arg(fixture("broken/many_problems.json"))
        .assert()
        .code(2)
        .stdout(contains("many_problems.json:5:52: error: products[0] (`x`) versions[0] (`1`) release: `2020-02-30` is not a real date"))
        .stdout(contains("many_problems.json:6:36: error: products[0] (`x`) versions[1] (`2`) track: track `nope` is not one of the product's tracks"))
        .stdout(contains("many_problems.json:6:117: error: products[0] (`x`) versions[1] (`2`) extended_end: extended end 2025-01-01 before mainstream end 2026-01-01"))
        .stdout(contains("many_problems.json:7:22: error: products[0] (`x`) versions[2] (`2`) version: duplicate version `2`"))
        .stdout(contains(": 4 errors, 0 warnings"));
}

/// Problems of both files are reported in one run.
#[test]
fn both_files_are_checked_in_one_run() {
    cmd()
        .args(["validate", "--entitlements"])
        .arg(fixture("broken/entitlements_duplicate_tier.json"))
        .arg("--lifecycle")
        .arg(fixture("broken/duplicate_version.json"))
        .assert()
        .code(2)
        .stdout(contains("entitlements_duplicate_tier.json:15:13: error:"))
        .stdout(contains("duplicate_version.json:31:22: error:"));
}

/// The embedded data validates clean: exit 0, no errors, no warnings.
#[test]
fn embedded_data_validates_clean() {
    cmd().arg("validate").assert().code(0).stdout(
        "checked <embedded>/entitlements.json, <embedded>/lifecycle.json, <embedded>/diagnostics.json: 0 errors, 0 warnings\n",
    );
}

/// Warnings do not fail validation: a product with nothing released by the generation date.
#[test]
fn warnings_do_not_fail() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = std::fs::read_to_string(fixture("basic/lifecycle.json"))
        .expect("fixture")
        .replace(
            "\"generated\": \"2026-01-01\"",
            "\"generated\": \"2014-01-01\"",
        );
    let path = dir.path().join("lifecycle.json");
    std::fs::write(&path, text).expect("write");
    cmd()
        .args(["validate", "--entitlements"])
        .arg(fixture("basic/entitlements.json"))
        .arg("--lifecycle")
        .arg(&path)
        .assert()
        .code(0)
        .stdout(contains(
            "lifecycle.json:24:5: warning: products[1] (`gadget`): no version on the main track is released by 2014-01-01",
        ))
        .stdout(contains("0 errors, 2 warnings"));
}

/// `validate --format json` lists the problems as objects.
#[test]
fn validate_json() {
    let out = cmd()
        .args(["validate", "--format", "json", "--lifecycle"])
        .arg(fixture("broken/unknown_track.json"))
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["errors"], 1);
    assert_eq!(v["warnings"], 0);
    let p = &v["problems"][0];
    assert!(
        p["file"]
            .as_str()
            .expect("file")
            .ends_with("unknown_track.json")
    );
    assert_eq!(p["line"], 25);
    assert_eq!(p["column"], 20);
    assert_eq!(p["severity"], "error");
    assert_eq!(p["entry"], "products[0] (`alpha`) versions[0] (`2`) track");
    assert_eq!(
        p["message"],
        "track `preview` is not one of the product's tracks"
    );
}

/// The committed JSON Schemas are exactly what the types generate.
#[test]
fn committed_schemas_match_the_types() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["entitlements", "lifecycle", "diagnostics"] {
        let committed =
            std::fs::read_to_string(root.join(format!("data/schema/{file}.schema.json")))
                .expect("committed schema");
        let out = cmd().args(["schema", file]).output().expect("runs");
        assert_eq!(
            String::from_utf8(out.stdout).expect("UTF-8"),
            committed,
            "data/schema/{file}.schema.json drifted: run `cargo run -- schema {file} > data/schema/{file}.schema.json`"
        );
    }
}

/// The data files point editors at the committed schemas.
#[test]
fn data_files_reference_their_schemas() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["entitlements", "lifecycle", "diagnostics"] {
        let text = std::fs::read_to_string(root.join(format!("data/{file}.json"))).expect("data");
        let v: serde_json::Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(v["$schema"], format!("schema/{file}.schema.json"));
        assert!(
            root.join("data")
                .join(v["$schema"].as_str().expect("path"))
                .exists()
        );
    }
}

/// Answers more than 180 days after the data's generation date warn on stderr and in JSON,
/// without changing the exit status.
#[test]
fn stale_data_warns() {
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--as-of",
            "2027-06-01",
            "-f",
            "json",
        ])
        .assert()
        .code(0)
        .stdout(contains("\"warnings\": [").and(contains("189 days before 2027-06-01")))
        .stderr(contains(
            "warning: the lifecycle data was generated on 2026-11-24, 189 days before 2027-06-01",
        ));
    cmd()
        .args(["products", "--as-of", "2027-06-01"])
        .assert()
        .code(0)
        .stderr(contains("the answer may be stale"));
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--as-of",
            "2027-05-23",
            "-f",
            "json",
        ])
        .assert()
        .code(0)
        .stdout(contains("\"warnings\"").not())
        .stderr("");
}

/// Hostile data paths: each a clear error with exit 2, in bounded time and memory.
#[test]
fn hostile_data_files_are_refused_cleanly() {
    let dir = tempfile::tempdir().expect("temp dir");
    // 100 MB, sparse: refused by size before it is read.
    let big = dir.path().join("big.json");
    std::fs::File::create(&big)
        .and_then(|f| f.set_len(100 * 1024 * 1024))
        .expect("sparse file");
    // 100,000 levels of nesting.
    let deep = dir.path().join("deep.json");
    std::fs::write(
        &deep,
        format!("{{\"products\": [{{\"id\": \"x\", \"name\": \"x\", \"deployment\": \"cloud\", \"aliases\": {}{}}}]}}", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .expect("write");
    let cases: [(&std::path::Path, &str); 4] = [
        (&big, "too large: more than 16 MiB"),
        (&deep, "deep.json:1:"),
        (dir.path(), "is a directory, not a file"),
        (
            std::path::Path::new("/nonexistent/lifecycle.json"),
            "no such file",
        ),
    ];
    for (path, message) in cases {
        let started = std::time::Instant::now();
        cmd()
            .args(["products", "--lifecycle"])
            .arg(path)
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(message).and(contains("panicked").not()));
        assert!(
            started.elapsed().as_secs() < 20,
            "{} took too long",
            path.display()
        );
    }
}

/// `validate` checks the `diagnose` message catalogue too, at line and column.
#[test]
fn validate_checks_the_message_catalogue() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("diagnostics.json");
    std::fs::write(
        &path,
        "{\n  \"entries\": [\n    { \"id\": \"a\", \"cause\": \"c\", \"action\": \"a\", \"portal\": \"p\", \"section\": \"s\" }\n  ]\n}\n",
    )
    .expect("write");
    cmd()
        .args(["validate", "--catalogue"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(contains("diagnostics.json:3:5: error: entries[0] (`a`): no message, japanese text or symptom to match"));
    cmd()
        .args(["diagnose", "anything", "--catalogue"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("no message, japanese text or symptom to match"));
}

/// The built-in data is the JSON in `data/`, read through the same loader as a user's file:
/// naming the two files gives the same answers, byte for byte, in every format.
#[test]
fn builtin_data_answers_like_the_files_in_data() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let files = [
        "--entitlements".to_owned(),
        root.join("entitlements.json").display().to_string(),
        "--lifecycle".to_owned(),
        root.join("lifecycle.json").display().to_string(),
    ];
    for format in ["text", "json"] {
        for args in [
            &[
                "check",
                "-t",
                "gold",
                "-p",
                "sql-server",
                "--version",
                "2019",
                "--as-of",
                "2021-06-19",
            ][..],
            &["matrix"][..],
            &["products", "--versions", "--as-of", "2021-06-19"][..],
        ] {
            let args: Vec<&str> = args.iter().copied().chain(["--format", format]).collect();
            let builtin = cmd().args(&args).output().expect("runs");
            let named = cmd().args(&args).args(&files).output().expect("runs");
            assert!(!builtin.stdout.is_empty(), "{args:?}");
            assert_eq!(builtin.stdout, named.stdout, "{args:?}");
            assert_eq!(builtin.status.code(), named.status.code(), "{args:?}");
        }
    }
}
