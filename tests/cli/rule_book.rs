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
#[case("2025-01-22", false)]
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
        // From 2025-01-22 the figure rests on other pages; until 2026-03-16 its note says the
        // day it changed is inferred.
        assert!(
            notes
                .iter()
                .all(|n| !n.contains("names only Gold and Silver")),
            "{notes:?}"
        );
        assert_eq!(
            notes
                .iter()
                .any(|n| n.contains("The day the figure changed is not found")),
            as_of < "2026-03-16",
            "{notes:?}"
        );
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

/// The alternatives that lead to tiers, of an answer: id -> [(tier, incidents)].
fn tier_alternatives(v: &Value) -> Vec<(String, Vec<(String, Value)>)> {
    v["alternatives"]
        .as_array()
        .expect("alternatives")
        .iter()
        .filter(|a| !a["gives"].as_array().expect("gives").is_empty())
        .map(|a| {
            let gives = a["gives"]
                .as_array()
                .expect("gives")
                .iter()
                .map(|g| {
                    (
                        g["tier"].as_str().expect("tier").to_owned(),
                        g["incidents"].clone(),
                    )
                })
                .collect();
            (a["id"].as_str().expect("id").to_owned(), gives)
        })
        .collect()
}

/// Point 6: what could be done on the day, each with what it would give for this request:
/// earn a competency until 2022-09-30, buy legacy Silver or Gold benefits from 2022-10-01 to
/// 2025-01-21, earn a Solutions Partner designation from 2022-10-03, buy Partner Success Core
/// or Expanded from 2025-01-22. (Action Pack on Azure: no cloud support of its own.)
#[rstest]
#[case::last_day_of_competencies("2022-09-30", &[("earn-competency", &[("silver", 5), ("gold", 10)][..])])]
#[case::legacy_benefits("2022-10-01", &[("buy-legacy-benefits", &[("silver", 5), ("gold", 10)][..])])]
#[case::day_before_the_designation("2022-10-02", &[("buy-legacy-benefits", &[("silver", 5), ("gold", 10)][..])])]
#[case::first_day_of_the_designation("2022-10-03", &[
    ("buy-legacy-benefits", &[("silver", 5), ("gold", 10)][..]),
    ("earn-designation", &[("solutions-partner", -1)][..]),
])]
#[case::last_day_of_legacy_benefits("2025-01-21", &[
    ("buy-legacy-benefits", &[("silver", 5), ("gold", 10)][..]),
    ("earn-designation", &[("solutions-partner", -1)][..]),
])]
#[case::first_day_of_the_new_offers("2025-01-22", &[
    ("earn-designation", &[("solutions-partner", 50)][..]),
    ("buy-partner-success", &[("partner-success-core", 2), ("partner-success-expanded", 5)][..]),
])]
fn alternatives_of_the_day_with_what_they_give(
    #[case] as_of: &str,
    #[case] expected: &[(&str, &[(&str, i64)])],
) {
    let (code, v) = check("action-pack", "azure", None, as_of);
    assert_eq!(code, 1, "{v}");
    let got = tier_alternatives(&v);
    // -1: unlimited.
    let want: Vec<(String, Vec<(String, Value)>)> = expected
        .iter()
        .map(|(id, gives)| {
            (
                (*id).to_owned(),
                gives
                    .iter()
                    .map(|(tier, n)| {
                        let incidents = if *n < 0 {
                            Value::from("unlimited")
                        } else {
                            Value::from(*n)
                        };
                        ((*tier).to_owned(), incidents)
                    })
                    .collect(),
            )
        })
        .collect();
    assert_eq!(got, want, "{as_of}");
}

/// The issue's example: Action Pack on Azure in 2023 is no longer told that "a Silver or Gold
/// competency adds it" (competencies ended on 2022-09-30); the text says what each offer of
/// the day would give.
#[test]
fn no_competency_advice_after_competencies_ended() {
    let args = [
        "check",
        "-t",
        "action-pack",
        "-p",
        "azure",
        "--as-of",
        "2023-06-01",
    ];
    cmd().args(args).assert().code(1).stdout(
        contains("competency adds it")
            .not()
            .and(contains("Earn a Silver or Gold competency").not())
            .and(contains(
                "for this request: Solutions Partner designation (unlimited incidents)",
            )),
    );
    cmd()
        .args(args)
        .args(["-f", "markdown"])
        .assert()
        .code(1)
        .stdout(contains("for this request: Solutions Partner designation"));
    cmd()
        .args([
            "explain",
            "-t",
            "action-pack",
            "-p",
            "azure",
            "--as-of",
            "2023-06-01",
        ])
        .assert()
        .code(1)
        .stdout(contains("for this request: Solutions Partner designation"));
}

/// An alternative that leads to tiers is offered only when one of them would make the same
/// request eligible: a version no tier's support covers gets none, an on-premises product
/// gets no cloud-only offer.
#[test]
fn an_alternative_no_tier_of_which_helps_is_not_offered() {
    let (_, v) = check(
        "solutions-partner",
        "sql-server",
        Some("2012"),
        "2026-12-02",
    );
    assert!(tier_alternatives(&v).is_empty(), "{v}");
    let (_, v) = check("partner-launch", "sql-server", Some("2022"), "2026-12-02");
    let ids: Vec<String> = tier_alternatives(&v)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    assert_eq!(ids, ["earn-designation"]);
}

/// The sweep (points 6 and 7): on every seventh day from the rule book's first day to the end
/// of 2030, and on both sides of every day the rule book changes, for every tier and a spread
/// of products, asked through the library: no alternative is offered outside its own days,
/// every tier it leads to is offered that day and, asked as its own request, is eligible with
/// the incidents the alternative says; and no text of the answer's advice, notes or rule texts
/// names a support type, program or offer that does not exist on the day.
mod sweep {
    use chrono::{Days, NaiveDate};
    use mpn_support::data::periods::Standing;
    use mpn_support::data::{CompetencyChoice, Dataset};
    use mpn_support::engine::{self, Account, Query, Request};
    use mpn_support::i18n::Words;
    use mpn_support::report::CheckReport;

    use crate::common::{date, embedded};

    /// Names and the days they exist on (both ends inclusive), as an answer may use them.
    const NAMES: &[(&str, &str, &str)] = &[
        ("Microsoft Partner Network", "2017-07-22", "2022-10-02"),
        ("MPN-associated", "2017-07-22", "2022-10-02"),
        ("Cloud Partner Program", "2022-10-03", "9999-12-31"),
        ("Microsoft Product Support", "2017-07-22", "2025-06-22"),
        ("Signature Cloud Support", "2017-07-22", "2025-06-22"),
        ("Partner On-premises Support", "2025-06-23", "9999-12-31"),
        ("Partner Cloud Support", "2025-06-23", "9999-12-31"),
        ("a Silver or Gold competency", "2017-07-22", "2022-09-30"),
        ("Silver", "2017-07-22", "2025-01-21"),
        ("Gold", "2017-07-22", "2025-01-21"),
        ("Action Pack", "2017-07-22", "2025-01-21"),
        ("Solutions Partner", "2022-10-03", "9999-12-31"),
        ("Partner Success", "2025-01-22", "9999-12-31"),
        ("Partner Launch", "2025-01-22", "9999-12-31"),
    ];

    /// The names in a text that do not exist on the day.
    fn out_of_day(text: &str, day: NaiveDate) -> Vec<&'static str> {
        NAMES
            .iter()
            .filter(|(name, from, until)| {
                text.contains(name) && (day < date(from) || date(until) < day)
            })
            .map(|(name, _, _)| *name)
            .collect()
    }

    const PRODUCTS: [(&str, Option<&str>); 4] = [
        ("sql-server", None),
        ("windows-server", Some("2019")),
        ("azure", None),
        ("microsoft-365", None),
    ];

    /// Every seventh day from `first` to `last`, and the day before, of and after each day the
    /// rule book changes (a period, figure, name, program, run-out or condition begins or
    /// ends), in order.
    fn days(data: &Dataset, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
        let ent = &data.entitlements;
        let mut marks: Vec<NaiveDate> = Vec::new();
        let mut mark = |d: Option<NaiveDate>| marks.extend(d);
        for t in &ent.tiers {
            for o in &t.offered {
                mark(Some(o.from.0));
                mark(o.until.map(|u| u.0));
                if let (Some(term), Some(u)) = (&t.term, o.until) {
                    mark(term.membership_last_day(u.0));
                    mark(term.last_day(u.0));
                }
            }
        }
        for m in &ent.matrix {
            mark(m.from.map(|f| f.0));
            mark(m.until.map(|u| u.0));
        }
        for c in ent
            .alternatives
            .iter()
            .map(|a| &a.when)
            .chain(ent.notes.iter().map(|n| &n.when))
        {
            mark(c.from.map(|f| f.0));
            mark(c.until.map(|u| u.0));
        }
        for p in &ent.programs {
            mark(Some(p.from.0));
            mark(p.until.map(|u| u.0));
        }
        for st in &ent.support_types {
            for r in &st.renamed {
                mark(Some(r.from.0));
            }
        }
        let mut days: Vec<NaiveDate> = marks
            .iter()
            .flat_map(|d| [d.pred_opt(), Some(*d), d.succ_opt()])
            .flatten()
            .collect();
        let mut day = first;
        while day <= last {
            days.push(day);
            day = day + Days::new(7);
        }
        days.retain(|d| first <= *d && *d <= last);
        days.sort_unstable();
        days.dedup();
        days
    }

    #[test]
    fn no_answer_advises_what_cannot_be_done_that_day() {
        let data = embedded();
        let words = Words::default();
        let first = date("2017-07-22");
        let (mut checked, mut offered, mut texts) = (0, 0, 0);
        for (index, day) in days(&data, first, date("2030-12-31"))
            .into_iter()
            .enumerate()
        {
            for tier in &data.entitlements.tiers {
                for (product, version) in PRODUCTS {
                    let product = data.product(product).expect("product");
                    let support_type = data
                        .entitlements
                        .support_type_for(product.deployment)
                        .expect("support type");
                    // A tier held on a day without a figure is refused (exit 2): skip it.
                    if tier.standing(day).holds()
                        && data
                            .entitlements
                            .cells(&tier.id, &support_type.id, day)
                            .next()
                            .is_none()
                    {
                        continue;
                    }
                    let competency = if index % 2 == 0 {
                        CompetencyChoice::Unspecified
                    } else {
                        data.competency("cloud").expect("class")
                    };
                    let query = Query {
                        tier,
                        product,
                        support_type,
                        version: version.map(|v| data.version(product, v).expect("version")),
                        competency,
                        as_of: day,
                        account: Account::default(),
                    };
                    let d = engine::evaluate(&query, &data);
                    checked += 1;
                    for s in d.alternatives(&data) {
                        offered += 1;
                        let when = &s.alternative.when;
                        assert!(
                            when.from.is_none_or(|f| f.0 <= day)
                                && when.until.is_none_or(|u| day <= u.0),
                            "{} offered on {day}",
                            s.alternative.id
                        );
                        assert_eq!(s.gives.is_empty(), s.alternative.tiers.is_empty());
                        for g in &s.gives {
                            assert!(
                                matches!(g.tier.standing(day), Standing::Offered(_)),
                                "{} leads to {} on {day}, when it is not offered",
                                s.alternative.id,
                                g.tier.id
                            );
                            assert!(s.alternative.tiers.contains(&g.tier.id));
                            // The same request with that tier, through the one path.
                            if index % 3 != 0 {
                                continue;
                            }
                            let request = Request {
                                tier: g.tier.id.clone(),
                                product: product.id.clone(),
                                version: version.map(str::to_owned),
                                competency: (index % 2 == 1).then(|| "cloud".to_owned()),
                                as_of: day,
                                ..Request::default()
                            };
                            let other = engine::decide(&request, &data).expect("decided");
                            assert!(other.eligible(), "{} on {day}", g.tier.id);
                            assert_eq!(other.incidents, Some(g.incidents));
                        }
                    }
                    if index % 5 == 0 {
                        texts += 1;
                        let r = CheckReport::new(&d, &data, &words);
                        let advice = r
                            .alternatives
                            .iter()
                            .flat_map(|a| {
                                [a.name.clone(), a.description.clone()]
                                    .into_iter()
                                    .chain(a.gives.iter().map(|g| g.detail.clone()))
                            })
                            .chain(r.notes.iter().map(|n| n.text.clone()))
                            .chain(r.next_steps.iter().cloned())
                            .chain(r.channel.iter().flat_map(|c| c.steps.iter().cloned()))
                            .chain(r.reasons.iter().map(|p| p.text.clone()));
                        for text in advice {
                            let wrong = out_of_day(&text, day);
                            assert!(
                                wrong.is_empty(),
                                "{} {} on {day}: {wrong:?} in {text:?}",
                                tier.id,
                                product.id
                            );
                        }
                    }
                }
            }
        }
        // Not vacuous.
        assert!(
            checked > 20_000 && offered > 20_000 && texts * 6 > checked,
            "{checked} {offered} {texts}"
        );
    }
}

/// Point 7: `explain` speaks the day's language: the support types by their names of the day
/// (renamed on 2025-06-23), and cloud incidents by competency only for a tier whose figures
/// of the day depend on it.
#[rstest]
#[case(
    "solutions-partner",
    "2025-06-22",
    "Microsoft Product Support",
    "Signature Cloud Support",
    false
)]
#[case(
    "solutions-partner",
    "2025-06-23",
    "Partner On-premises Support",
    "Partner Cloud Support",
    false
)]
#[case(
    "gold",
    "2022-09-30",
    "Microsoft Product Support",
    "Signature Cloud Support",
    true
)]
fn explain_speaks_the_language_of_the_day(
    #[case] tier: &str,
    #[case] as_of: &str,
    #[case] on_premises: &str,
    #[case] cloud: &str,
    #[case] by_class: bool,
) {
    let out = cmd()
        .args(["explain", "-t", tier, "-p", "azure", "--as-of", as_of])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let first = text
        .lines()
        .find(|l| l.starts_with("1. "))
        .expect("paragraph 1");
    assert!(
        first.contains(&format!(
            "{on_premises} covers on-premises products; {cloud} covers cloud products"
        )),
        "{first}"
    );
    assert_eq!(
        text.contains("whether the competency is a cloud competency"),
        by_class,
        "{text}"
    );
    // Its notes name no program that is gone (the MPN ended on 2022-10-02).
    if as_of > "2022-10-02" {
        assert!(!text.contains("MPN-associated"), "{text}");
    }
}

/// Point 7: `diagnose` on "no benefits yet" names the offers of today, not only retired ones,
/// and no diagnosis names the MPN as the program of every day.
#[test]
fn diagnose_names_the_offers_of_the_day() {
    let out = cmd()
        .args([
            "diagnose",
            "Looks like you don't have any benefits yet",
            "-f",
            "json",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["matched"]["id"], "no-benefits-yet");
    let cause = v["matched"]["cause"].as_str().expect("cause");
    for offer in [
        "from 2025-01-22 a Solutions Partner designation",
        "Partner Success Core",
        "Partner Success Expanded",
    ] {
        assert!(cause.contains(offer), "{offer}: {cause}");
    }
    let out = cmd()
        .args([
            "diagnose",
            "You are not authorized for this action",
            "-f",
            "json",
        ])
        .output()
        .expect("runs");
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let action = v["matched"]["action"].as_str().expect("action");
    assert!(!action.contains("MPN"), "{action}");
}

/// Point 8: the README's "run the main job" command is the user's own example shown on a day
/// Gold existed, and answers ELIGIBLE with exit 0; today's command beside it asks for the offer
/// that replaced Gold.
#[test]
fn the_readme_main_job_is_eligible_on_its_day() {
    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
            .expect("README");
    let commands: Vec<&str> = readme
        .lines()
        .filter_map(|l| l.strip_prefix("cargo run --release -- "))
        .collect();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert_eq!(
        commands[0],
        "check --tier gold --product sql-server --version 2019 --as-of 2021-06-19"
    );
    cmd()
        .args(commands[0].split(' '))
        .assert()
        .code(0)
        .stdout(contains("ELIGIBLE: Gold competency"));
    assert!(commands[1].starts_with("check --tier solutions-partner"));
    assert!(!commands[1].contains("--as-of"));
}

/// While a tier with a last day sold is still sold, "qualifies until" stops where a grant
/// renewed on that last day runs out. Hand-worked from SPEC 9: legacy Gold was last sold on
/// 2025-01-21; a membership year to 2026-01-21, then the 30-day benefits month to 2026-02-20.
/// SQL Server 2022's mainstream end (2028-01-11) is later, so the grant is the bound; the
/// designation, sold with no end, keeps the mainstream end. The `--fail-within` gate follows.
#[rstest]
#[case::gold_a_year_before("gold", "2024-06-01", "2026-02-20")]
#[case::gold_last_day_sold("gold", "2025-01-21", "2026-02-20")]
#[case::gold_running_out("gold", "2025-01-22", "2026-02-20")]
#[case::silver_last_day_sold("silver", "2025-01-21", "2026-02-20")]
#[case::designation("solutions-partner", "2024-06-01", "2028-01-11")]
fn qualifies_until_stops_with_the_last_grant(
    #[case] tier: &str,
    #[case] as_of: &str,
    #[case] until: &str,
) {
    let (code, v) = check(tier, "sql-server", Some("2022"), as_of);
    assert_eq!(code, 0, "{v}");
    assert_eq!(v["eligible_until"], until, "{tier} on {as_of}");
}

/// The gate: on 2025-01-21 a 400-day `--fail-within` fails legacy Gold (2026-02-20 is 395
/// days later) and passes the designation.
#[test]
fn fail_within_sees_the_last_grant() {
    for (tier, status) in [("gold", 1), ("solutions-partner", 0)] {
        cmd()
            .args(["check", "-t", tier, "-p", "sql-server", "--version", "2022"])
            .args(["--as-of", "2025-01-21", "--fail-within", "400"])
            .assert()
            .code(status);
    }
}
