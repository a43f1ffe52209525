//! Issue 22, the rule book as Microsoft wrote it: the designation's 2022-2025 figures, the
//! benefits month, Learning Action Pack, Microsoft 365's inferred first day, the pages that
//! disagreed, and advice that exists on the day. Each fact on both sides of its boundary days,
//! through the real binary on the built-in data; codes, figures and confidence words are
//! asserted, words only where the wording is the requirement.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::cmd;
use predicates::str::contains;
use rstest::rstest;
use serde_json::Value;

/// Runs `check` in JSON: exit status and the answer (null when none).
fn check(tier: &str, product: &str, version: Option<&str>, as_of: &str) -> (i32, Value) {
    let mut command = cmd();
    command.args([
        "check", "-t", tier, "-p", product, "--as-of", as_of, "-f", "json",
    ]);
    if let Some(v) = version {
        command.args(["--version", v]);
    }
    let out = command.output().expect("runs");
    let value = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code().expect("exit code"), value)
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

/// `programs` in JSON.
fn programs() -> Value {
    let out = cmd()
        .args(["programs", "-f", "json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

/// The period of `programs` of a kind, subject and first day (null when there is none).
fn period<'v>(programs: &'v Value, kind: &str, subject: &str, from: &str) -> &'v Value {
    programs["periods"]
        .as_array()
        .expect("periods")
        .iter()
        .find(|p| p["kind"] == kind && p["subject"] == subject && p["from"] == from)
        .unwrap_or(&Value::Null)
}

/// Point 1: the Solutions Partner designation from its first day: 20 on-premises and
/// unlimited cloud incidents, inferred until Microsoft's page of 2023-03-27, quoted from it;
/// from 2025-01-22 20 / 50, the 50 inferred until Microsoft's page of 2026-03-16.
#[rstest]
#[case::on_premises_before_the_designation(
    "sql-server",
    "2019",
    "2022-09-30",
    1,
    Value::Null,
    None
)]
#[case::on_premises_first_day("sql-server", "2019", "2022-10-03", 0, 20.into(), Some("inferred"))]
#[case::on_premises_before_the_page("sql-server", "2019", "2023-03-26", 0, 20.into(), Some("inferred"))]
#[case::on_premises_on_the_page("sql-server", "2019", "2023-03-27", 0, 20.into(), Some("quoted"))]
#[case::on_premises_last_old_day("sql-server", "2022", "2025-01-21", 0, 20.into(), Some("quoted"))]
#[case::on_premises_new_offers("sql-server", "2022", "2025-01-22", 0, 20.into(), Some("secondary"))]
#[case::cloud_before_the_designation("azure", "", "2022-09-30", 1, Value::Null, None)]
#[case::cloud_first_day("azure", "", "2022-10-03", 0, "unlimited".into(), Some("inferred"))]
#[case::cloud_before_the_page("azure", "", "2023-03-26", 0, "unlimited".into(), Some("inferred"))]
#[case::cloud_on_the_page("azure", "", "2023-03-27", 0, "unlimited".into(), Some("quoted"))]
#[case::cloud_last_old_day("azure", "", "2025-01-21", 0, "unlimited".into(), Some("quoted"))]
#[case::cloud_fifty_inferred("azure", "", "2025-01-22", 0, 50.into(), Some("inferred"))]
#[case::cloud_fifty_still_inferred("azure", "", "2026-03-15", 0, 50.into(), Some("inferred"))]
#[case::cloud_fifty_read("azure", "", "2026-03-16", 0, 50.into(), Some("secondary"))]
fn the_designation_on_both_sides_of_its_boundaries(
    #[case] product: &str,
    #[case] version: &str,
    #[case] as_of: &str,
    #[case] exit: i32,
    #[case] incidents: Value,
    #[case] figures: Option<&str>,
) {
    let version = (!version.is_empty()).then_some(version);
    let (code, v) = check("solutions-partner", product, version, as_of);
    assert_eq!(code, exit, "{as_of}: {v}");
    assert_eq!(v["incidents"], incidents, "{as_of}: {:?}", failed(&v));
    match figures {
        Some(confidence) => assert_eq!(v["figures"]["confidence"], confidence, "{as_of}"),
        None => assert_eq!(failed(&v), ["not-yet-offered"]),
    }
    // The answer's period is never surer than its figures.
    if figures == Some("inferred") {
        assert!(
            v["decided_under"]
                .as_str()
                .expect("decided under")
                .ends_with("; inferred"),
            "{v}"
        );
    }
}

/// Point 5: where Microsoft's pages disagreed (2023), the answer says which it follows and
/// why, beside the figure: in JSON, text and markdown; not once the figure rests on other pages.
#[rstest]
#[case("2022-10-03", true)]
#[case("2023-03-27", true)]
#[case("2025-01-21", true)]
#[case("2026-03-16", false)]
fn the_disagreeing_pages_are_named_beside_the_figure(#[case] as_of: &str, #[case] named: bool) {
    let (_, v) = check("solutions-partner", "azure", None, as_of);
    let notes: Vec<&str> = v["figures"]["notes"]
        .as_array()
        .map(|n| n.iter().map(|s| s.as_str().expect("note")).collect())
        .unwrap_or_default();
    let sources: Vec<&str> = v["figures"]["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["id"].as_str().expect("id"))
        .collect();
    if !named {
        assert!(notes.is_empty(), "{notes:?}");
        return;
    }
    // Both pages are sources of the figure, and the note says which one is followed.
    assert!(sources.contains(&"tech-support-2023"), "{sources:?}");
    assert!(sources.contains(&"escalating-2023"), "{sources:?}");
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(
        notes[0].contains("names only Gold and Silver")
            && notes[0].contains("follows the technical support page"),
        "{}",
        notes[0]
    );
    for format in ["text", "markdown"] {
        cmd()
            .args(["check", "-t", "spd", "-p", "azure", "--as-of", as_of, "-f"])
            .arg(format)
            .assert()
            .code(0)
            .stdout(
                contains("About the figures").and(contains("follows the technical support page")),
            );
    }
}

use predicates::prelude::PredicateBooleanExt as _;

/// Points 1 and 5 in `programs`: each designation figure with its sources and confidence,
/// the pages' disagreement in the detail, both pages among the sources listed.
#[test]
fn programs_shows_the_designation_figures_with_their_sources() {
    let p = programs();
    let cloud = "solutions-partner x signature-cloud-support";
    let on_premises = "solutions-partner x product-support";
    for (subject, from, detail, confidence) in [
        (on_premises, "2022-10-03", "20 incidents", "inferred"),
        (on_premises, "2023-03-27", "20 incidents", "quoted"),
        (on_premises, "2025-01-22", "20 incidents", "secondary"),
        (cloud, "2022-10-03", "unlimited incidents: ", "inferred"),
        (cloud, "2023-03-27", "unlimited incidents: ", "quoted"),
        (cloud, "2025-01-22", "50 incidents: ", "inferred"),
        (cloud, "2026-03-16", "50 incidents", "secondary"),
    ] {
        let row = period(&p, "figure", subject, from);
        assert!(
            row["detail"]
                .as_str()
                .is_some_and(|d| d.starts_with(detail)),
            "{subject} from {from}: {row}"
        );
        assert_eq!(row["confidence"], confidence, "{row}");
        assert!(!row["sources"].as_array().expect("sources").is_empty());
    }
    assert!(
        period(&p, "figure", cloud, "2023-03-27")["detail"]
            .as_str()
            .expect("detail")
            .contains("names only Gold and Silver")
    );
    let references = p["references"].as_array().expect("references");
    for id in ["tech-support-2023", "escalating-2023"] {
        let r = references
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("no reference {id}"));
        let title = r["title"].as_str().expect("title");
        assert!(
            title.contains("quoted (copy of Microsoft's page)")
                && title.contains("85eb3c40f4925934e4e7100d4a97d951aa679052"),
            "{title}"
        );
    }
}

/// The assumption about the contract (the grant's run-out) of an answer, if any.
fn grant_assumption(v: &Value) -> Option<String> {
    v["assumptions"]
        .as_array()
        .expect("assumptions")
        .iter()
        .map(|a| a["assumed"].as_str().expect("assumed"))
        .find(|a| a.starts_with("your "))
        .map(str::to_owned)
}

/// Point 2: a legacy grant bought on the last day sold runs a membership year and a 30-day
/// benefits month, to 2026-02-20; the days of the benefits month say that is what the answer
/// rests on (a distinct assumption, warning and finding), the days before it do not.
#[rstest]
#[case::action_pack("action-pack", 10)]
#[case::silver("silver", 15)]
#[case::gold("gold", 20)]
fn a_legacy_grant_runs_its_benefits_month(#[case] tier: &str, #[case] incidents: u32) {
    for (as_of, exit, benefits_month) in [
        ("2026-01-21", 0, false),
        ("2026-01-22", 0, true),
        ("2026-02-20", 0, true),
        ("2026-02-21", 1, false),
    ] {
        let (code, v) = check(tier, "sql-server", Some("2022"), as_of);
        assert_eq!(code, exit, "{tier} {as_of}: {v}");
        let offered = v["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .find(|r| r["rule"] == "tier-offered")
            .expect("tier-offered")["detail"]
            .as_str()
            .expect("detail")
            .to_owned();
        if exit == 1 {
            assert_eq!(failed(&v), ["no-longer-offered"]);
            assert!(offered.contains("ran out on 2026-02-20"), "{offered}");
            assert_eq!(v["offer"]["status"], "no-longer-offered");
            continue;
        }
        assert_eq!(v["incidents"], incidents);
        assert_eq!(v["eligible_until"], "2026-02-20");
        assert_eq!(v["offer"]["status"], "grant-may-still-run");
        assert_eq!(v["offer"]["until"], "2026-02-20");
        assert_eq!(v["offer"]["confidence"], "inferred");
        let assumed = grant_assumption(&v).expect("an assumption about the grant");
        let warning = v["warnings"][0].as_str().expect("a warning").to_owned();
        for text in [&assumed, &warning] {
            assert_eq!(
                text.contains("rests on the benefits month after"),
                benefits_month,
                "{as_of}: {text}"
            );
        }
        assert_eq!(
            offered.contains("ended on 2026-01-21, and its benefits run 30 days more"),
            benefits_month,
            "{offered}"
        );
    }
}

/// Point 2 in `programs`: each legacy grant's run-out ends on 2026-02-20 (inferred), resting on
/// Microsoft's quoted rules ("Benefits end date: Membership date + 30 days").
#[test]
fn programs_shows_the_benefits_month() {
    let p = programs();
    for (tier, page) in [
        ("action-pack", "action-pack-2023"),
        ("silver", "silver-gold-2023"),
        ("gold", "silver-gold-2023"),
    ] {
        let row = period(&p, "grant", tier, "2025-01-22");
        assert_eq!(row["until"], "2026-02-20", "{row}");
        assert_eq!(row["confidence"], "inferred", "{row}");
        assert!(
            row["detail"]
                .as_str()
                .is_some_and(|d| d.contains("12 months and 30 days")),
            "{row}"
        );
        let sources: Vec<&str> = row["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| s.as_str().expect("id"))
            .collect();
        assert!(sources.contains(&page), "{sources:?}");
    }
}

/// A contract said to end after the benefits month is refused: no grant runs past it.
#[test]
fn a_contract_end_after_the_benefits_month_is_refused() {
    let base = [
        "check",
        "-t",
        "gold",
        "-p",
        "sql-server",
        "--as-of",
        "2026-01-22",
    ];
    cmd()
        .args(base)
        .args(["--contract-end", "2026-02-20"])
        .assert()
        .code(0);
    cmd()
        .args(base)
        .args(["--contract-end", "2026-02-21"])
        .assert()
        .code(2)
        .stderr(contains("2026-02-20"));
}

/// Point 3: Learning Action Pack, a tier of its own: 10 product support incidents (quoted from
/// Microsoft's page of 2023-09-13, inferred before it, from the rule book's first day), last
/// sold on 2025-01-21, its grant running as Action Pack's does; no cloud support.
#[rstest]
#[case::before_the_rule_book("2017-07-21", "2016", 2, "", "")]
#[case::first_day("2017-07-22", "2016", 0, "offered", "inferred")]
#[case::before_its_page("2023-09-12", "2022", 0, "offered", "inferred")]
#[case::on_its_page("2023-09-13", "2022", 0, "offered", "quoted")]
#[case::last_day_sold("2025-01-21", "2022", 0, "offered", "quoted")]
#[case::first_day_not_sold("2025-01-22", "2022", 0, "grant-may-still-run", "inferred")]
#[case::membership_year_ends("2026-01-21", "2022", 0, "grant-may-still-run", "inferred")]
#[case::benefits_month("2026-01-22", "2022", 0, "grant-may-still-run", "inferred")]
#[case::benefits_month_ends("2026-02-20", "2022", 0, "grant-may-still-run", "inferred")]
#[case::ran_out("2026-02-21", "2022", 1, "no-longer-offered", "inferred")]
fn learning_action_pack_on_both_sides_of_its_boundaries(
    #[case] as_of: &str,
    #[case] version: &str,
    #[case] exit: i32,
    #[case] status: &str,
    #[case] confidence: &str,
) {
    let (code, v) = check("learning-action-pack", "sql-server", Some(version), as_of);
    assert_eq!(code, exit, "{as_of}: {v}");
    if exit == 2 {
        return;
    }
    assert_eq!(v["tier"], "learning-action-pack");
    assert_eq!(v["offer"]["status"], status, "{as_of}");
    assert!(
        v["decided_under"]
            .as_str()
            .is_some_and(|d| d.ends_with(&format!("; {confidence}"))),
        "{as_of}: {}",
        v["decided_under"]
    );
    if exit == 0 {
        assert_eq!(v["incidents"], 10, "{as_of}");
        let figures = if as_of < "2023-09-13" {
            "inferred"
        } else {
            "quoted"
        };
        assert_eq!(v["figures"]["confidence"], figures, "{as_of}");
    } else {
        assert_eq!(failed(&v), ["no-longer-offered"]);
    }
}

/// Learning Action Pack has no cloud support (inferred: its page lists product support
/// incidents only), and is found by its common names.
#[test]
fn learning_action_pack_has_no_cloud_support_and_answers_to_its_names() {
    let (code, v) = check("lap", "azure", None, "2024-01-01");
    assert_eq!(code, 1);
    assert_eq!(v["tier"], "learning-action-pack");
    assert_eq!(failed(&v), ["not-entitled"]);
    assert_eq!(v["figures"]["confidence"], "inferred");
    let (code, v) = check(
        "learning action pack",
        "sql-server",
        Some("2022"),
        "2024-01-01",
    );
    assert_eq!(code, 0);
    assert_eq!(v["tier"], "learning-action-pack");
}

/// Point 3 in `programs`: the offer periods with their confidence, the figures, the run-out.
#[test]
fn programs_shows_learning_action_pack() {
    let p = programs();
    let tier = "learning-action-pack";
    for (kind, subject, from, confidence) in [
        ("offer", tier, "2017-07-22", "inferred"),
        ("offer", tier, "2023-09-13", "quoted"),
        ("grant", tier, "2025-01-22", "inferred"),
        (
            "figure",
            "learning-action-pack x product-support",
            "2017-07-22",
            "inferred",
        ),
        (
            "figure",
            "learning-action-pack x product-support",
            "2023-09-13",
            "quoted",
        ),
        (
            "figure",
            "learning-action-pack x signature-cloud-support",
            "2017-07-22",
            "inferred",
        ),
    ] {
        let row = period(&p, kind, subject, from);
        assert_eq!(
            row["confidence"], confidence,
            "{kind} {subject} {from}: {row}"
        );
        assert!(
            row["sources"]
                .as_array()
                .is_some_and(|s| s.iter().any(|s| s == "action-pack-2023")),
            "{row}"
        );
    }
    assert_eq!(
        period(&p, "offer", tier, "2023-09-13")["until"],
        "2025-01-21"
    );
    assert_eq!(
        period(&p, "grant", tier, "2025-01-22")["until"],
        "2026-02-20"
    );
}

/// Point 4: Microsoft 365's exclusion from partner cloud support keeps its first day
/// (2025-01-22), but that day is inferred, and the answer says so.
#[rstest]
#[case::gold_before("gold", "2025-01-21", 0)]
#[case::gold_after("gold", "2025-01-22", 1)]
#[case::designation_before("solutions-partner", "2025-01-21", 0)]
#[case::designation_after("solutions-partner", "2025-01-22", 1)]
fn microsoft_365_excluded_from_an_inferred_first_day(
    #[case] tier: &str,
    #[case] as_of: &str,
    #[case] exit: i32,
) {
    let (code, v) = check(tier, "microsoft-365", None, as_of);
    assert_eq!(code, exit, "{tier} {as_of}: {v}");
    let exclusion = v["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["rule"] == "product-exclusion");
    if exit == 0 {
        assert!(exclusion.is_none());
        return;
    }
    assert_eq!(failed(&v), ["excluded"]);
    let detail = exclusion.expect("the exclusion")["detail"]
        .as_str()
        .expect("detail");
    assert!(detail.contains("(from 2025-01-22; inferred"), "{detail}");
    assert!(detail.contains("2023-03-27"), "{detail}");
}

/// Point 4 in `programs`: the exclusion with its sources (the 2025 page, secondary; the 2023
/// page, quoted) and its confidence, inferred.
#[test]
fn programs_shows_the_exclusion_as_inferred() {
    let p = programs();
    let row = period(
        &p,
        "exclusion",
        "microsoft-365 x signature-cloud-support",
        "2025-01-22",
    );
    assert_eq!(row["confidence"], "inferred", "{row}");
    assert_eq!(
        row["sources"],
        serde_json::json!(["m365-2025-07-24", "tech-support-2023"])
    );
}
