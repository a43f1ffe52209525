//! The real binary, driven with assert_cmd: every command and format, exit statuses 0/1/2, and
//! each class of bad input, on the embedded data and on fixture files. Every test that decides
//! passes `--as-of`, so results do not move with the calendar.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{cmd, cmd_basic, fixture};
use predicates::prelude::*;
use predicates::str::contains;

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.output().expect("runs").stdout).expect("UTF-8 output")
}

fn json_of(cmd: &mut assert_cmd::Command) -> serde_json::Value {
    serde_json::from_str(&stdout_of(cmd)).expect("valid JSON")
}

/// The headline example on the seed page's day: Gold, SQL Server 2019, eligible with 20
/// incidents under the MPN rules, exit 0.
#[test]
fn check_eligible_exits_0() {
    cmd()
        .args(["check", "--tier", "gold", "--product", "sql-server", "--version", "2019"])
        .args(["--as-of", "2021-06-19"])
        .assert()
        .code(0)
        .stdout(contains(
            "ELIGIBLE: Gold competency gets Microsoft Product Support for SQL Server 2019 on 2021-06-19: 20 incidents (Partner support Gold 20pack), qualifies until 2025-02-28 [Microsoft Partner Network (MPN); Gold competency, offered 2017-07-22 to 2022-09-30; quoted]",
        ))
        .stdout(contains("https://support.serviceshub.microsoft.com/supportforbusiness/create"))
        .stderr("");
}

/// N-2 is a decision, not an error: exit 1 with the failed rules named.
#[test]
fn check_not_eligible_exits_1() {
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--version",
            "2019",
        ])
        .args(["--as-of", "2026-11-24"])
        .assert()
        .code(1)
        .stdout(contains("NOT ELIGIBLE").and(contains("n-minus-2-or-older")))
        .stdout(contains("Pay Per Incident"))
        .stderr("");
}

/// The JSON contract of `check`: every documented field, with the documented types.
#[test]
fn check_json_contract() {
    let v = json_of(cmd().args([
        "check",
        "-t",
        "silver",
        "-p",
        "sql-server",
        "--version",
        "2022",
        "--as-of",
        "2024-01-01",
        "-f",
        "json",
    ]));
    assert_eq!(v["eligible"], true);
    assert_eq!(v["tier"], "silver");
    assert_eq!(v["product"], "sql-server");
    assert_eq!(v["version"], "2022");
    assert_eq!(v["support_type"], "product-support");
    assert_eq!(v["incidents"], 15);
    assert_eq!(v["channel"]["id"], "support-for-business");
    assert!(v["channel"]["url"].is_string());
    assert_eq!(v["as_of"], "2024-01-01");
    // Legacy Silver was last sold on 2025-01-21: a year and the 30-day benefits month later,
    // before SQL Server 2022's mainstream end (2028-01-11).
    assert_eq!(v["eligible_until"], "2026-02-20");
    // The rules it was decided under: program, offer period and figures, each with its
    // confidence and sources.
    assert_eq!(v["program"]["id"], "ai-cloud-partner-program");
    assert_eq!(v["program"]["confidence"], "inferred");
    assert_eq!(v["offer"]["status"], "offered");
    assert_eq!(v["offer"]["name"], "Silver (legacy benefits)");
    assert_eq!(v["offer"]["from"], "2022-10-01");
    assert_eq!(v["offer"]["until"], "2025-01-21");
    assert_eq!(v["offer"]["confidence"], "secondary");
    assert!(
        v["offer"]["note"]
            .as_str()
            .expect("note")
            .contains("legacy")
    );
    assert!(v["offer"]["sources"][0]["title"].is_string());
    assert_eq!(v["figures"]["confidence"], "quoted");
    let rules: Vec<&str> = v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| r["rule"].as_str().expect("rule"))
        .collect();
    assert_eq!(
        rules,
        [
            "support-type",
            "tier-offered",
            "tier-entitlement",
            "released",
            "main-track",
            "n-minus-1",
            "mainstream-support"
        ]
    );
    assert!(v["reasons"][0]["passed"].is_boolean());
    assert!(v["reasons"][0]["detail"].is_string());
    assert_eq!(v["alternatives"], serde_json::json!([]));
    assert!(v["notes"].is_array());
}

/// Not eligible in JSON: incidents, channel and eligible_until are null; alternatives listed.
#[test]
fn check_json_not_eligible() {
    let v = json_of(cmd().args([
        "check",
        "-t",
        "maps",
        "-p",
        "azure",
        "--as-of",
        "2021-06-19",
        "--format",
        "json",
    ]));
    assert_eq!(v["eligible"], false);
    assert_eq!(v["incidents"], serde_json::Value::Null);
    assert_eq!(v["channel"], serde_json::Value::Null);
    assert_eq!(v["eligible_until"], serde_json::Value::Null);
    assert_eq!(v["version"], serde_json::Value::Null);
    assert_eq!(v["support_type"], "signature-cloud-support");
    assert_eq!(v["alternatives"][0]["id"], "earn-competency");
}

/// "unlimited" is a string in JSON; a cloud competency gets it.
#[test]
fn check_json_unlimited() {
    let v = json_of(cmd().args([
        "check",
        "-t",
        "gold",
        "-p",
        "azure",
        "-c",
        "Cloud Platform",
        "--as-of",
        "2021-06-19",
        "-f",
        "json",
    ]));
    assert_eq!(v["incidents"], "unlimited");
    assert_eq!(v["competency"], "cloud-platform");
    assert_eq!(v["competency_class"], "cloud");
    assert_eq!(v["channel"]["id"], "azure-portal");
}

/// Markdown and CSV forms of `check`.
#[test]
fn check_markdown_and_csv() {
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "exchange",
            "--as-of",
            "2026-11-24",
            "-f",
            "markdown",
        ])
        .assert()
        .code(0)
        .stdout(
            contains("**ELIGIBLE: Solutions Partner designation")
                .and(contains("| # | rule | result | detail |")),
        );
    cmd()
        .args(["check", "-t", "spd", "-p", "exchange", "--version", "2019", "--as-of", "2026-11-24", "-f", "csv"])
        .assert()
        .code(1)
        .stdout(
            "as_of,tier,product,version,competency_class,eligible,support_type,incidents,channel,eligible_until,failed_rules,decided_under\n\
             2026-11-24,solutions-partner,exchange-server,2019,,false,product-support,,,,mainstream-ended out-of-support,\"Microsoft AI Cloud Partner Program; Solutions Partner designation, offered from 2022-10-03; secondary\"\n",
        );
}

/// Names ignore case, spaces and hyphens: tier, product, version and competency.
#[test]
fn names_ignore_case_spaces_and_hyphens() {
    let v = json_of(cmd().args([
        "check",
        "--tier",
        "Action Pack",
        "--product",
        "WINDOWS server",
        "--version",
        "2012-r2",
        "--as-of",
        "2017-08-01",
        "-f",
        "json",
    ]));
    assert_eq!(v["tier"], "action-pack");
    assert_eq!(v["product"], "windows-server");
    assert_eq!(v["version"], "2012 R2");
    assert_eq!(v["incidents"], 10);
}

/// Bad names: exit 2, every bad value named with a suggestion and the valid choices.
#[test]
fn unknown_names_exit_2_with_suggestions() {
    cmd()
        .args([
            "check",
            "-t",
            "glod",
            "-p",
            "sql-servr",
            "--as-of",
            "2026-11-24",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("error: unknown tier `glod`: did you mean `gold`?"))
        .stderr(contains(
            "error: unknown product `sql-servr`: did you mean `sql-server`?",
        ))
        .stderr(contains(
            "valid: `action-pack`, `learning-action-pack`, `silver`, `gold`",
        ));
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--version",
            "2091",
        ])
        .assert()
        .code(2)
        .stderr(contains(
            "unknown version `2091` of `sql-server`: did you mean `2019`?",
        ));
    cmd()
        .args(["check", "-t", "gold", "-p", "azure", "-c", "clod platfrm"])
        .assert()
        .code(2)
        .stderr(contains(
            "unknown competency `clod platfrm`: did you mean `cloud-platform`?",
        ));
}

/// A version for a cloud product is refused: cloud products have no versions.
#[test]
fn version_on_cloud_product_exits_2() {
    cmd()
        .args(["check", "-t", "gold", "-p", "azure", "--version", "2019"])
        .assert()
        .code(2)
        .stderr(contains("`azure` is a cloud product and has no versions"));
}

/// Dates must be real calendar days: exit 2 from the argument parser.
#[test]
fn bad_dates_exit_2() {
    for bad in ["2026-02-30", "24-11-2026", "tomorrow", "2026-1-5"] {
        cmd()
            .args(["check", "-t", "gold", "-p", "sql-server", "--as-of", bad])
            .assert()
            .code(2)
            .stderr(contains(format!(
                "`{bad}` is not a real date in the form YYYY-MM-DD"
            )));
    }
}

/// Usage errors (missing flag, unknown format) exit 2, never 1. A request needs a tier and a
/// product (`check` unless it reads a batch).
#[test]
fn usage_errors_exit_2() {
    for command in ["check", "explain"] {
        for (given, missing) in [
            (["-t", "gold"], "--product <PRODUCT>"),
            (["-p", "sql-server"], "--tier <TIER>"),
        ] {
            cmd()
                .arg(command)
                .args(given)
                .assert()
                .code(2)
                .stderr(contains(missing));
        }
    }
    cmd()
        .args(["matrix", "--format", "yaml"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'yaml'"));
    cmd().assert().code(2);
}

/// The matrix in every format; JSON is the documented flat array.
#[test]
fn matrix_formats() {
    // The seed page's matrix, on its day.
    let seed = ["matrix", "--as-of", "2021-06-19"];
    let text = stdout_of(cmd().args(seed));
    insta::assert_snapshot!("matrix_text", text);
    let md = stdout_of(cmd().args(seed).args(["-f", "markdown"]));
    insta::assert_snapshot!("matrix_markdown", md);
    let csv = stdout_of(cmd().args(seed).args(["-f", "csv"]));
    // Issue 14: CSV headers are identifiers and cells are numbers or `unlimited`.
    assert!(
        csv.starts_with(
            "support_type,competency,action_pack,learning_action_pack,silver,gold\n\
             product-support,any,10,10,15,20\n"
        ),
        "{csv}"
    );
    assert!(
        csv.contains("signature-cloud-support,cloud,0,0,unlimited,unlimited\n"),
        "{csv}"
    );
    let v = json_of(cmd().args(seed).args(["-f", "json"]));
    let rows = v.as_array().expect("array");
    // Learning Action Pack's two cells beside the seed page's eight.
    assert_eq!(rows.len(), 10);
    for row in rows {
        for key in ["tier", "support_type", "competency_class", "incidents"] {
            assert!(row.get(key).is_some(), "{key} missing in {row}");
        }
    }
    let action_pack_cloud = rows
        .iter()
        .find(|r| r["tier"] == "action-pack" && r["support_type"] == "signature-cloud-support")
        .expect("Action Pack's cloud cell");
    assert_eq!(action_pack_cloud["competency_class"], "any");
    assert_eq!(action_pack_cloud["incidents"], 0);
    // Each cell carries the period it is in force, its confidence and sources.
    assert_eq!(action_pack_cloud["from"], "2021-03-04");
    assert_eq!(action_pack_cloud["until"], "2025-06-22");
    assert_eq!(action_pack_cloud["confidence"], "quoted");
    assert!(action_pack_cloud["sources"][0]["title"].is_string());
}

/// The N-1 product summary list, rebuilt from lifecycle data on the seed page's date.
#[test]
fn products_summary_on_seed_date() {
    let text = stdout_of(cmd().args(["products", "--as-of", "2021-06-17"]));
    insta::assert_snapshot!("products_2021_06_17", text);
}

/// Products in JSON: the documented fields, N and N-1, entitled newest first.
#[test]
fn products_json_contract() {
    let v = json_of(cmd().args([
        "products",
        "--as-of",
        "2026-11-24",
        "-p",
        "sql",
        "-f",
        "json",
    ]));
    let p = &v[0];
    assert_eq!(v.as_array().map(Vec::len), Some(1));
    assert_eq!(p["product"], "sql-server");
    assert_eq!(p["name"], "SQL Server");
    assert_eq!(p["deployment"], "on-premises");
    assert_eq!(p["current"], "2025");
    assert_eq!(p["previous"], "2022");
    assert_eq!(p["entitled"], serde_json::json!(["2025", "2022"]));
    let v2019 = p["versions"]
        .as_array()
        .expect("versions")
        .iter()
        .find(|v| v["version"] == "2019")
        .expect("2019");
    assert_eq!(v2019["status"], "extended");
    assert_eq!(v2019["mainstream_end"], "2025-02-28");
    assert_eq!(v2019["extended_end"], "2030-01-08");
}

/// Every version's status in text, markdown and CSV with --versions.
#[test]
fn products_versions_view() {
    cmd()
        .args([
            "products",
            "--as-of",
            "2026-11-24",
            "-p",
            "windows-server",
            "--versions",
        ])
        .assert()
        .code(0)
        .stdout(contains("2012 R2").and(contains("not yet released").not()))
        .stdout(contains("windows-server ┆ 2025 ").and(contains("qualifies")));
    let csv = stdout_of(
        cmd()
            .args([
                "products",
                "--as-of",
                "2024-01-01",
                "-p",
                "widget",
                "--versions",
                "-f",
                "csv",
            ])
            .env("MPN_SUPPORT_DATA_DIR", fixture("basic")),
    );
    assert!(
        csv.contains(
            "widget-server,2027,ltsc,2027-03-01,2032-03-01,2037-03-01,not-yet-released,\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("widget-server,24H2,sac,2024-10-01"), "{csv}");
    let md = stdout_of(cmd().args(["products", "--as-of", "2026-11-24", "-f", "md"]));
    assert!(md.starts_with(
        "| product | current (N) | previous (N-1) | entitled versions | N-1 mainstream end |\n|---|"
    ));
}

/// Fixture data replaces the embedded data through flags and through the directory variable.
#[test]
fn data_files_replace_embedded_data() {
    cmd()
        .args([
            "check",
            "-t",
            "pro",
            "-p",
            "widget",
            "--as-of",
            "2025-01-01",
            "-f",
            "json",
        ])
        .arg("--entitlements")
        .arg(fixture("basic/entitlements.json"))
        .arg("--lifecycle")
        .arg(fixture("basic/lifecycle.json"))
        .assert()
        .code(0)
        .stdout(contains("\"incidents\": 2").and(contains("\"pack\": \"Pro 2-pack\"")));
    cmd_basic()
        .args([
            "check",
            "-t",
            "starter",
            "-p",
            "cloudy",
            "--as-of",
            "2025-01-01",
        ])
        .assert()
        .code(1)
        .stdout(contains("Upgrade your tier"));
    cmd_basic()
        .args(["matrix", "-f", "csv"])
        .assert()
        .code(0)
        .stdout(contains("product-support,any,1,2,3"));
}

/// Missing files and directories are clear errors, not panics.
#[test]
fn unreadable_data_paths_exit_2() {
    cmd()
        .args(["matrix", "--entitlements", "/nonexistent/e.json"])
        .assert()
        .code(2)
        .stderr("error: cannot read `/nonexistent/e.json`: no such file\n");
    cmd()
        .args(["matrix", "--lifecycle"])
        .arg(fixture("basic"))
        .assert()
        .code(2)
        .stderr(contains("is a directory, not a file"));
}

/// `--help` lists every command, flag and the exit-code contract.
#[test]
fn help_snapshot() {
    insta::assert_snapshot!("help", stdout_of(cmd().arg("--help")));
    insta::assert_snapshot!("check_help", stdout_of(cmd().args(["check", "--help"])));
}

/// A closed stdout (`| head`) ends quietly.
#[test]
fn closed_stdout_is_not_an_error() {
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mpn-support"))
        .args(["products", "--versions", "--as-of", "2026-11-24"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let out = child.wait_with_output().expect("wait");
    assert!(!String::from_utf8_lossy(&out.stderr).contains("panicked"));
    assert_ne!(out.status.code(), Some(101));
}

/// Issue 14: `check`'s usage line says what is required: a tier and a product, or a batch.
#[test]
fn check_usage_names_what_is_required() {
    let help = stdout_of(cmd().args(["check", "--help"]));
    assert!(help.contains(
        "Usage: mpn-support check --tier <TIER> --product <PRODUCT> [OPTIONS]\n       mpn-support check --batch <FILE> [OPTIONS]"
    ), "{help}");
}

/// Issue 14: a "no" shows why and what to do instead, not the notes and assumptions that only
/// matter for a "yes"; JSON keeps them. `incidents_unlimited` says what `incidents` holds.
#[test]
fn a_no_answer_shows_what_helps() {
    let args = [
        "check",
        "-t",
        "spd",
        "-p",
        "sql-server",
        "--version",
        "2019",
        "--as-of",
        "2026-12-02",
    ];
    let text = stdout_of(cmd().args(args));
    assert!(text.starts_with("NOT ELIGIBLE"));
    assert!(text.contains("Alternatives") && text.contains("Pay Per Incident"));
    assert!(
        !text.contains("Notes") && !text.contains("Assumed (not stated)"),
        "{text}"
    );
    let v = json_of(cmd().args(args).args(["-f", "json"]));
    assert!(!v["notes"].as_array().expect("notes").is_empty());
    assert!(!v["assumptions"].as_array().expect("assumptions").is_empty());
    assert_eq!(v["incidents_unlimited"], false);
    let v = json_of(cmd().args([
        "check",
        "-t",
        "gold",
        "-p",
        "azure",
        "-c",
        "cloud",
        "--as-of",
        "2021-06-19",
        "-f",
        "json",
    ]));
    assert_eq!(v["incidents"], "unlimited");
    assert_eq!(v["incidents_unlimited"], true);
}

/// Issue 14: `competencies` lists the competencies `--competency` takes, with their classes.
#[test]
fn competencies_are_listed_with_their_classes() {
    let v = json_of(cmd().args(["competencies", "-f", "json"]));
    let rows = v.as_array().expect("array");
    let security = rows
        .iter()
        .find(|r| r["id"] == "security")
        .expect("security");
    assert_eq!(security["class"], "cloud");
    assert_eq!(security["class_name"], "cloud competency");
    assert!(rows.iter().any(|r| r["class"] == "other"));
    let text = stdout_of(cmd().arg("competencies"));
    assert!(text.contains("Data Platform") && text.contains("other competency"));
}

/// Issue 14: `products` in CSV has identifier headers and empty cells for nothing; in JSON a
/// cloud product says it has no version policy instead of an empty list that reads like
/// "nothing entitled".
#[test]
fn products_for_programs() {
    let csv = stdout_of(cmd().args(["products", "--as-of", "2026-12-02", "-f", "csv"]));
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("product,current,previous,entitled_versions,previous_mainstream_end")
    );
    assert!(csv.lines().any(|l| l.starts_with("azure,,,")), "{csv}");
    assert!(
        !csv.lines().skip(1).any(|l| l.split(',').any(|c| c == "-")),
        "{csv}"
    );
    let v = json_of(cmd().args(["products", "--as-of", "2026-12-02", "-f", "json"]));
    let policy = |id: &str| {
        v.as_array()
            .expect("array")
            .iter()
            .find(|p| p["product"] == id)
            .map(|p| p["version_policy"].clone())
    };
    assert_eq!(policy("azure"), Some("none".into()));
    assert_eq!(policy("sql-server"), Some("n-minus-1".into()));
}

/// Issue 14: `check --format json` output, and each JSON Lines batch row, validate against the
/// committed JSON Schema of the output (`data/schema/check-output.schema.json`, generated from
/// the output types by `mpn-support schema check-output`).
#[test]
fn check_output_matches_its_schema() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("data/schema/check-output.schema.json"))
            .expect("schema"),
    )
    .expect("JSON");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let mut answers = Vec::new();
    for args in [
        &[
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--version",
            "2019",
            "--as-of",
            "2021-06-19",
        ][..],
        &["-t", "gold", "-p", "azure", "--as-of", "2021-06-19"][..],
        &[
            "-t",
            "gold",
            "-p",
            "azure",
            "-c",
            "security",
            "--as-of",
            "2021-06-19",
        ][..],
        &[
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--as-of",
            "2025-06-01",
            "--activated",
            "no",
        ][..],
        &["-t", "gold", "-p", "sql-server", "--as-of", "2026-12-02"][..],
        &["-t", "spd", "-p", "m365", "--as-of", "2026-12-02"][..],
    ] {
        answers.push(json_of(cmd().arg("check").args(args).args(["-f", "json"])));
    }
    let batch = cmd()
        .args([
            "check",
            "--batch",
            "-",
            "-f",
            "json",
            "--as-of",
            "2026-06-01",
        ])
        .write_stdin("tier,product,version\nspd,windows-server,2022\n")
        .output()
        .expect("runs");
    for line in String::from_utf8(batch.stdout).expect("UTF-8").lines() {
        answers.push(serde_json::from_str(line).expect("JSON line"));
    }
    for answer in &answers {
        let errors: Vec<String> = validator
            .iter_errors(answer)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{errors:#?}\n{answer}");
    }
    // The schema is not vacuous: an answer without `eligible` is refused.
    let mut broken = answers[0].clone();
    broken.as_object_mut().expect("object").remove("eligible");
    assert!(!validator.is_valid(&broken));
}

/// Issue 14: an answer says how recent its rules are (the newest fact's date, which the data
/// records apart from the day the file was written), in text and JSON.
#[test]
fn answers_show_the_date_of_their_rules() {
    let args = ["check", "-t", "spd", "-p", "sql", "--as-of", "2026-12-02"];
    let text = stdout_of(cmd().args(args));
    assert!(
        text.contains("\nRules as published up to 2026-08-28:"),
        "{text}"
    );
    let v = json_of(cmd().args(args).args(["-f", "json"]));
    assert_eq!(v["rules_as_of"], "2026-08-28");
}
