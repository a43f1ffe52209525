//! The rule book in time, through the real binary on the built-in data: both sides of every
//! boundary (2017-07-21/22, 2022-09-30/10-01, 2022-10-02/03, 2025-01-21/22, 2025-06-22/23,
//! 2026-01-21/22, 2026-02-20/21), the successor offers, Microsoft 365, the matrix and the
//! history listing.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::cmd;
use predicates::str::contains;
use rstest::rstest;
use serde_json::Value;

/// Runs `check` in JSON: exit status, the answer (null when none) and stderr.
fn check(tier: &str, product: &str, version: Option<&str>, as_of: &str) -> (i32, Value, String) {
    let mut command = cmd();
    command.args([
        "check", "-t", tier, "-p", product, "--as-of", as_of, "-f", "json",
    ]);
    if let Some(v) = version {
        command.args(["--version", v]);
    }
    let out = command.output().expect("runs");
    let value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    let stderr = String::from_utf8(out.stderr).expect("UTF-8");
    (out.status.code().expect("exit code"), value, stderr)
}

fn failed(v: &Value) -> Vec<String> {
    v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter(|r| r["passed"] == false)
        .map(|r| r["code"].as_str().expect("code").to_owned())
        .collect()
}

fn reason<'v>(v: &'v Value, rule: &str) -> &'v Value {
    v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["rule"] == rule)
        .unwrap_or(&Value::Null)
}

/// Each side of each boundary: tier, product, version, day -> exit status, offer status,
/// tier name in the period, confidence of the offer, incidents.
#[rstest]
// The rule book's first day.
#[case::before_the_rule_book("gold", "sql-server", "2016", "2017-07-21", (2, "", "", "", Value::Null))]
#[case::first_day_of_the_rule_book("gold", "sql-server", "2016", "2017-07-22", (0, "offered", "Gold competency", "quoted", 20.into()))]
// Gold and Silver competencies end; legacy benefits begin.
#[case::last_day_of_gold_competency("gold", "sql-server", "2017", "2022-09-30", (0, "offered", "Gold competency", "quoted", 20.into()))]
#[case::first_day_of_legacy_gold("gold", "sql-server", "2017", "2022-10-01", (0, "offered", "Gold (legacy benefits)", "secondary", 20.into()))]
#[case::legacy_silver("silver", "sql-server", "2017", "2022-10-01", (0, "offered", "Silver (legacy benefits)", "secondary", 15.into()))]
#[case::action_pack_unchanged("action-pack", "sql-server", "2017", "2022-10-01", (0, "offered", "Action Pack", "quoted", 10.into()))]
// The last day legacy benefits and Action Pack are sold, and the run-out after it.
#[case::last_day_sold("gold", "sql-server", "2022", "2025-01-21", (0, "offered", "Gold (legacy benefits)", "secondary", 20.into()))]
#[case::first_day_not_sold("gold", "sql-server", "2022", "2025-01-22", (0, "grant-may-still-run", "Gold (legacy benefits)", "inferred", 20.into()))]
#[case::action_pack_runs_out("action-pack", "sql-server", "2022", "2025-01-22", (0, "grant-may-still-run", "Action Pack", "inferred", 10.into()))]
// The last day a grant can run, and the day after.
#[case::last_day_of_the_membership_year("gold", "sql-server", "2022", "2026-01-21", (0, "grant-may-still-run", "Gold (legacy benefits)", "inferred", 20.into()))]
#[case::in_the_benefits_month("gold", "sql-server", "2022", "2026-01-22", (0, "grant-may-still-run", "Gold (legacy benefits)", "inferred", 20.into()))]
#[case::last_day_of_the_benefits_month("gold", "sql-server", "2022", "2026-02-20", (0, "grant-may-still-run", "Gold (legacy benefits)", "inferred", 20.into()))]
#[case::no_grant_runs("gold", "sql-server", "2022", "2026-02-21", (1, "no-longer-offered", "Gold competency", "inferred", Value::Null))]
#[case::silver_today("silver", "sql-server", "2022", "2026-12-02", (1, "no-longer-offered", "Silver competency", "inferred", Value::Null))]
// The successor offers.
#[case::designation_before_it_existed("solutions-partner", "sql-server", "2019", "2022-10-02", (1, "not-yet-offered", "Solutions Partner designation", "quoted", Value::Null))]
#[case::designation_on_its_first_day("spd", "sql-server", "2019", "2022-10-03", (0, "offered", "Solutions Partner designation", "quoted", 20.into()))]
#[case::designation_before_the_new_offers("spd", "sql-server", "2022", "2025-01-21", (0, "offered", "Solutions Partner designation", "quoted", 20.into()))]
#[case::designation_with_figures("designation", "sql-server", "2022", "2025-01-22", (0, "offered", "Solutions Partner designation", "quoted", 20.into()))]
#[case::launch_before_it_existed("launch", "azure", "", "2025-01-21", (1, "not-yet-offered", "Partner Launch Benefits", "secondary", Value::Null))]
#[case::launch_has_no_cloud_support("launch", "azure", "", "2025-01-22", (1, "offered", "Partner Launch Benefits", "secondary", Value::Null))]
#[case::core_cloud("core", "azure", "", "2026-12-02", (0, "offered", "Partner Success Core", "secondary", 2.into()))]
#[case::expanded_cloud("expanded", "azure", "", "2026-12-02", (0, "offered", "Partner Success Expanded", "secondary", 5.into()))]
#[case::designation_cloud("spd", "azure", "", "2026-12-02", (0, "offered", "Solutions Partner designation", "quoted", 50.into()))]
#[case::expanded_has_no_on_premises_support("expanded", "sql-server", "2022", "2026-12-02", (1, "offered", "Partner Success Expanded", "secondary", Value::Null))]
fn every_boundary_on_both_sides(
    #[case] tier: &str,
    #[case] product: &str,
    #[case] version: &str,
    #[case] as_of: &str,
    #[case] expected: (i32, &str, &str, &str, Value),
) {
    let (code, status, name, confidence, incidents) = expected;
    let version = (!version.is_empty()).then_some(version);
    let (exit, v, stderr) = check(tier, product, version, as_of);
    assert_eq!(exit, code, "{tier} {product} {as_of}: {v} {stderr}");
    if code == 2 {
        assert!(stderr.starts_with("error: "), "{stderr}");
        return;
    }
    assert_eq!(v["offer"]["status"], status, "{v}");
    assert_eq!(v["offer"]["name"], name);
    assert_eq!(v["offer"]["confidence"], confidence);
    assert!(v["offer"]["sources"][0]["id"].is_string(), "{v}");
    assert_eq!(
        v["incidents"],
        incidents,
        "{tier} {product} {as_of}: {:?}",
        failed(&v)
    );
    // Every answer names the program it was decided under.
    assert!(v["program"]["name"].is_string());
}

/// The program's name on each side of its changes.
#[rstest]
#[case("2022-10-02", "mpn", "quoted")]
#[case("2022-10-03", "cloud-partner-program", "inferred")]
#[case("2023-10-01", "cloud-partner-program", "inferred")]
#[case("2023-10-02", "ai-cloud-partner-program", "inferred")]
fn the_program_on_each_side_of_its_renames(
    #[case] as_of: &str,
    #[case] program: &str,
    #[case] confidence: &str,
) {
    let (_, v, _) = check("gold", "sql-server", Some("2019"), as_of);
    assert_eq!(v["program"]["id"], program);
    assert_eq!(v["program"]["confidence"], confidence);
}

/// Before 2017-07-22 nothing is decided, and the error says which day the rule book starts.
#[test]
fn before_the_rule_book_is_an_error_naming_its_first_day() {
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--as-of",
            "2017-07-21",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("the rule book starts on 2017-07-22"));
    cmd()
        .args(["matrix", "--as-of", "2017-07-21"])
        .assert()
        .code(2)
        .stderr(contains("the rule book starts on 2017-07-22"));
}

/// A tier held on a day with no figure in force: an error naming the windows the rule book
/// documents (the built-in data, its designation cells before 2025-01-22 taken out).
#[test]
fn a_day_without_a_published_figure_names_the_documented_window() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/entitlements.json");
    let mut data: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("data")).expect("JSON");
    data["matrix"]
        .as_array_mut()
        .expect("matrix")
        .retain(|c| c["tier"] != "solutions-partner" || c["from"].as_str() >= Some("2025-01-22"));
    let dir = tempfile::tempdir().expect("temporary directory");
    let file = dir.path().join("entitlements.json");
    std::fs::write(&file, data.to_string()).expect("write");
    cmd()
        .args(["check", "-t", "solutions-partner", "-p", "sql-server"])
        .args(["--as-of", "2024-01-01", "--entitlements"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(
            "error: no published figure for `solutions-partner` with Microsoft Product Support on 2024-01-01: the rule book has figures for it from 2025-01-22\n",
        );
}

/// Gold today: not eligible, and the reason says when it was last offered, when its last
/// grant ran out, and which offer of today includes the support type.
#[test]
fn gold_today_points_at_the_designation() {
    let (exit, v, _) = check("gold", "sql-server", Some("2022"), "2026-12-02");
    assert_eq!(exit, 1);
    assert_eq!(failed(&v), ["no-longer-offered"]);
    assert_eq!(
        reason(&v, "tier-offered")["detail"],
        "Gold competency was last offered on 2025-01-21 and its last grant ran out on 2026-02-20; on 2026-12-02 Partner On-premises Support comes with: Solutions Partner designation (20 incidents)"
    );
    let (exit, v, _) = check(
        "solutions-partner",
        "sql-server",
        Some("2022"),
        "2026-12-02",
    );
    assert_eq!(exit, 0);
    assert_eq!(v["incidents"], 20);
    assert_eq!(
        reason(&v, "support-type")["detail"],
        "SQL Server is an on-premises product: Partner On-premises Support applies (recent on-premises products only)"
    );
}

/// In the run-out: the answer lists its assumption, warns, and qualifies at most until the
/// last day a grant can run; with `--contract-end` the contract rule decides instead.
#[test]
fn a_legacy_grant_after_its_last_day_sold() {
    let (exit, v, stderr) = check("gold", "sql-server", Some("2022"), "2025-06-01");
    assert_eq!(exit, 0);
    assert_eq!(v["eligible_until"], "2026-02-20");
    let assumed: Vec<&str> = v["assumptions"]
        .as_array()
        .expect("assumptions")
        .iter()
        .map(|a| a["assumed"].as_str().expect("text"))
        .collect();
    assert!(
        assumed.contains(
            &"your Gold (legacy benefits) benefits were bought or renewed on or before 2025-01-21 and run past 2025-06-01"
        ),
        "{assumed:?}"
    );
    assert!(
        stderr.contains(
            "warning: Gold (legacy benefits) could last be bought or renewed on 2025-01-21"
        ),
        "{stderr}"
    );
    assert!(
        v["warnings"][0]
            .as_str()
            .expect("warning")
            .contains("--contract-end")
    );
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--version",
            "2022",
        ])
        .args(["--as-of", "2025-06-01", "--contract-end", "2025-05-31"])
        .assert()
        .code(1)
        .stdout(contains("contract-expired"))
        .stderr("");
}

/// Support types and packs carry their new names from 2025-06-23.
#[rstest]
#[case(
    "2025-06-22",
    "Microsoft Product Support",
    "Partner support Gold 20pack"
)]
#[case(
    "2025-06-23",
    "Partner On-premises Support",
    "Partner On-premises support 20"
)]
fn names_on_each_side_of_the_rename(#[case] as_of: &str, #[case] name: &str, #[case] pack: &str) {
    cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "sql-server",
            "--version",
            "2022",
            "--as-of",
            as_of,
        ])
        .assert()
        .code(0)
        .stdout(
            contains(format!("gets {name} for SQL Server 2022")).and(contains(format!("({pack})"))),
        );
}

use predicates::prelude::PredicateBooleanExt as _;

/// Microsoft 365: the exception that needs no IDs under MPN; from the successor period partner
/// cloud support cannot be used for it at all, with the paid alternatives.
#[test]
fn microsoft_365_in_each_period() {
    let (exit, v, _) = check("gold", "microsoft-365", None, "2025-01-21");
    assert_eq!(exit, 0, "{v}");
    let (exit, v, _) = check("spd", "microsoft-365", None, "2025-01-22");
    assert_eq!(exit, 1);
    assert_eq!(failed(&v), ["excluded"]);
    assert!(
        reason(&v, "product-exclusion")["detail"]
            .as_str()
            .expect("detail")
            .contains("cannot link a support plan by Access ID and Contract ID")
    );
    let alternatives: Vec<&str> = v["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .map(|a| a["id"].as_str().expect("id"))
        .collect();
    assert!(
        alternatives.contains(&"advanced-support-for-partners"),
        "{alternatives:?}"
    );
}

/// Cloud incidents of the successor offers do not depend on a competency: one given is
/// accepted, and changes nothing.
#[test]
fn competency_is_accepted_and_not_needed_for_the_new_offers() {
    let (_, without, _) = check("expanded", "azure", None, "2026-12-02");
    let out = cmd()
        .args([
            "check",
            "-t",
            "expanded",
            "-p",
            "azure",
            "-c",
            "security",
            "--as-of",
            "2026-12-02",
            "-f",
            "json",
        ])
        .output()
        .expect("runs");
    let with: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(with["incidents"], without["incidents"]);
    assert_eq!(with["incidents"], 5);
}

/// An unknown tier gets a "did you mean" over old and new tier ids.
#[rstest]
#[case("golld", "gold")]
#[case("solution-partner", "solutions-partner")]
#[case("partner-success-cor", "partner-success-core")]
fn unknown_tiers_get_a_suggestion_over_old_and_new_ids(#[case] typed: &str, #[case] meant: &str) {
    cmd()
        .args([
            "check",
            "-t",
            typed,
            "-p",
            "sql-server",
            "--as-of",
            "2026-12-02",
        ])
        .assert()
        .code(2)
        .stderr(contains(format!("did you mean `{meant}`?")).and(contains("`partner-launch`")));
}

/// `matrix` prints the matrix in force on the day: the seed's on 2021-06-19, the successor
/// offers today, each titled with its program.
#[test]
fn the_matrix_in_force_on_the_day() {
    let text = |as_of: &str| {
        let out = cmd()
            .args(["matrix", "--as-of", as_of, "-f", "csv"])
            .output()
            .expect("runs");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    assert!(
        text("2021-06-19")
            .starts_with("support_type,competency,action_pack,learning_action_pack,silver,gold\n")
    );
    assert!(text("2026-12-02").starts_with(
        "support_type,competency,partner_launch,partner_success_core,partner_success_expanded,solutions_partner\n"
    ));
    cmd()
        .args(["matrix", "--as-of", "2026-12-02"])
        .assert()
        .code(0)
        .stdout(contains(
            "Entitlement matrix on 2026-12-02: Microsoft AI Cloud Partner Program",
        ));
}

/// `programs` lists every period with its dates, confidence and sources, in date order.
#[test]
fn programs_lists_the_whole_history() {
    let out = cmd()
        .args(["programs", "-f", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["rule_book_from"], "2017-07-22");
    let periods = v["periods"].as_array().expect("periods");
    let froms: Vec<&str> = periods
        .iter()
        .map(|p| p["from"].as_str().expect("from"))
        .collect();
    assert!(froms.windows(2).all(|w| w[0] <= w[1]), "not in date order");
    let find = |kind: &str, subject: &str, from: &str| {
        periods
            .iter()
            .find(|p| p["kind"] == kind && p["subject"] == subject && p["from"] == from)
            .unwrap_or_else(|| panic!("no {kind} {subject} from {from}"))
    };
    assert_eq!(find("grant", "gold", "2025-01-22")["until"], "2026-02-20");
    assert_eq!(
        find("grant", "gold", "2025-01-22")["confidence"],
        "inferred"
    );
    assert_eq!(
        find("offer", "solutions-partner", "2022-10-03")["confidence"],
        "quoted"
    );
    assert_eq!(
        find(
            "figure",
            "solutions-partner x product-support",
            "2025-01-22"
        )["detail"],
        "20 incidents"
    );
    assert_eq!(
        find(
            "figure",
            "solutions-partner x product-support",
            "2025-01-22"
        )["confidence"],
        "secondary"
    );
    assert_eq!(
        find("name", "product-support", "2025-06-23")["detail"],
        "Partner On-premises Support"
    );
    // Every source a period names is listed.
    let ids: Vec<&str> = v["references"]
        .as_array()
        .expect("references")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    for p in periods {
        for s in p["sources"].as_array().expect("sources") {
            assert!(ids.contains(&s.as_str().expect("id")), "{s}");
        }
    }
    for format in ["text", "markdown", "csv"] {
        cmd()
            .args(["programs", "-f", format])
            .assert()
            .code(0)
            .stdout(contains("secondary"));
    }
}
