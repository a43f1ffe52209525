//! The rest of the rule book: account and contract state in `check`, `roles`, `diagnose` and
//! `explain`.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{cmd, date, embedded};
use mpn_support::data::{self, CompetencyChoice, Dataset};
use mpn_support::engine::{self as rules, Decision, Verdict};
use mpn_support::engine::{Account, Query};
use mpn_support::matching::best_match;
use predicates::prelude::*;
use predicates::str::contains;
use rstest::rstest;

/// Decides gold + product (current version) on the seed page's day (MPN rules) with the given account state.
fn decide<'a>(data: &'a Dataset, product: &str, account: Account<'a>) -> Decision<'a> {
    let product = data.product(product).expect("product");
    let query = Query {
        tier: data.tier("gold").expect("tier"),
        product,
        support_type: data
            .entitlements
            .support_type_for(product.deployment)
            .expect("support type"),
        version: None,
        competency: CompetencyChoice::Unspecified,
        as_of: date("2021-06-19"),
        account,
    };
    rules::evaluate(&query, data)
}

fn codes(d: &Decision<'_>) -> Vec<&'static str> {
    d.reasons.iter().map(|r| r.code().as_str()).collect()
}

fn has(list: &[&str], wanted: &str) -> bool {
    list.contains(&wanted)
}

/// Each account fact alone: the rule it adds, its verdict, and what stays assumed.
#[rstest]
#[case::not_activated("sql-server", Account { activated: Some(false), ..Account::default() }, false, "not-activated")]
#[case::activated("sql-server", Account { activated: Some(true), ..Account::default() }, true, "activated")]
#[case::no_incidents_remaining("sql-server", Account { incidents_remaining: Some(0), ..Account::default() }, false, "no-incidents-remaining")]
#[case::incidents_remaining("azure", Account { incidents_remaining: Some(4), ..Account::default() }, true, "contract-valid")]
#[case::contract_ended_yesterday("sql-server", Account { contract_end: Some(date("2021-06-18")), ..Account::default() }, false, "contract-expired")]
#[case::contract_last_day_today("sql-server", Account { contract_end: Some(date("2021-06-19")), ..Account::default() }, true, "contract-valid")]
#[case::first_use("azure", Account { ids_associated: Some(false), ..Account::default() }, true, "ids-first-use")]
#[case::ids_linked("sql-server", Account { ids_associated: Some(true), ..Account::default() }, true, "ids-already-linked")]
#[case::first_use_microsoft_365("microsoft-365", Account { ids_associated: Some(false), ..Account::default() }, true, "ids-not-needed")]
#[case::csp_azure("azure", Account { csp: true, ..Account::default() }, true, "csp-support-plan")]
#[case::for_customer("dynamics-365", Account { for_customer: true, ..Account::default() }, true, "admin-agent-request")]
fn account_facts_alone(
    #[case] product: &str,
    #[case] account: Account<'static>,
    #[case] eligible: bool,
    #[case] code: &str,
) {
    let data = Box::leak(Box::new(embedded()));
    let d = decide(data, product, account);
    assert_eq!(d.verdict == Verdict::Eligible, eligible, "{:?}", codes(&d));
    assert!(has(&codes(&d), code), "{code} not in {:?}", codes(&d));
    // What was not stated is listed as assumed, not silently taken.
    let facts: Vec<&str> = d.assumptions.iter().map(|a| a.fact.as_str()).collect();
    assert_eq!(has(&facts, "activated"), account.activated.is_none());
    assert_eq!(
        has(&facts, "contract"),
        account.incidents_remaining.is_none() && account.contract_end.is_none()
    );
}

/// Not activated: who can activate, and whether the requester's role can.
#[test]
fn activation_names_who_can_activate() {
    let data = embedded();
    let agent = data.role("admin-agent").expect("role");
    let admin = data.role("global admin").expect("role");
    let d = decide(
        &data,
        "sql-server",
        Account {
            activated: Some(false),
            role: Some(agent),
            ..Account::default()
        },
    );
    let text = d
        .reasons
        .iter()
        .map(crate::common::said)
        .collect::<Vec<_>>()
        .join(" | ");
    assert!(has(&codes(&d), "not-activated-role-cannot-activate"));
    assert!(
        text.contains("Global Admin or MPN Partner Admin must activate them"),
        "{text}"
    );
    assert!(
        text.contains("Admin Agent cannot (a greyed-out Activate button)"),
        "{text}"
    );
    assert_eq!(
        crate::common::english(&d.next_steps[0]),
        "activate the technical benefits first (a Global Admin or MPN Partner Admin)"
    );
    let d = decide(
        &data,
        "sql-server",
        Account {
            activated: Some(false),
            role: Some(admin),
            ..Account::default()
        },
    );
    assert!(
        d.reasons
            .iter()
            .any(|r| crate::common::said(r).ends_with("as Global Admin you can do it now"))
    );
}

/// An invalid contract is hidden: not eligible, with the paid alternatives (on-premises).
#[test]
fn invalid_contract_offers_paid_alternatives() {
    let data = embedded();
    let d = decide(
        &data,
        "sql-server",
        Account {
            incidents_remaining: Some(0),
            ..Account::default()
        },
    );
    let ids: Vec<&str> = d
        .alternatives(&data)
        .iter()
        .map(|a| a.alternative.id.as_str())
        .collect();
    assert_eq!(ids, ["pay-per-incident", "premier-support-for-partners"]);
    assert!(
        d.reasons
            .iter()
            .any(|r| crate::common::said(r).contains("invalid and hidden"))
    );
}

/// Combined: an expired contract on Microsoft 365 (no IDs needed, still not eligible).
#[test]
fn expired_contract_and_microsoft_365() {
    let data = embedded();
    let d = decide(
        &data,
        "m365",
        Account {
            contract_end: Some(date("2021-01-31")),
            ids_associated: Some(false),
            ..Account::default()
        },
    );
    assert_eq!(d.verdict, Verdict::NotEligible);
    let c = codes(&d);
    assert!(
        has(&c, "contract-expired") && has(&c, "ids-not-needed"),
        "{c:?}"
    );
    assert!(
        !d.next_steps
            .iter()
            .any(|s| crate::common::english(s).contains("Access ID"))
    );
    let ids: Vec<&str> = d
        .alternatives(&data)
        .iter()
        .map(|a| a.alternative.id.as_str())
        .collect();
    assert!(ids.contains(&"advanced-support-for-partners"), "{ids:?}");
}

/// Combined: CSP and Azure, with no competency benefit (Action Pack): the CSP plan is the way.
#[test]
fn csp_and_azure() {
    let data = embedded();
    let product = data.product("azure").expect("azure");
    let query = Query {
        tier: data.tier("maps").expect("tier"),
        product,
        support_type: data
            .entitlements
            .support_type_for(product.deployment)
            .expect("type"),
        version: None,
        competency: CompetencyChoice::Unspecified,
        as_of: date("2021-06-19"),
        account: Account {
            csp: true,
            ..Account::default()
        },
    };
    let d = rules::evaluate(&query, &data);
    assert_eq!(d.verdict, Verdict::NotEligible);
    assert!(has(&codes(&d), "csp-support-plan"));
    let ids: Vec<&str> = d
        .alternatives(&data)
        .iter()
        .map(|a| a.alternative.id.as_str())
        .collect();
    assert_eq!(ids[..2], ["csp-support-plan", "earn-competency"]);
    // Without --csp the plan is only a note for eligible answers, never an alternative.
    let d = decide(&data, "azure", Account::default());
    assert!(
        !d.alternatives(&data)
            .iter()
            .any(|a| a.alternative.id == "csp-support-plan")
    );
    assert!(d.notes.iter().any(|n| n.id == "csp-azure-plan"));
}

/// Combined: first use on Microsoft 365 needs no IDs; on Dynamics 365 it adds the step.
#[test]
fn first_use_and_microsoft_365() {
    let data = embedded();
    let m365 = decide(
        &data,
        "microsoft-365",
        Account {
            ids_associated: Some(false),
            ..Account::default()
        },
    );
    assert!(m365.next_steps.is_empty());
    assert!(m365.notes.iter().any(|n| n.id == "microsoft-365-no-ids"));
    let d365 = decide(
        &data,
        "dynamics-365",
        Account {
            ids_associated: Some(false),
            ..Account::default()
        },
    );
    assert!(
        crate::common::english(&d365.next_steps[0])
            .starts_with("enter the Access ID and Contract ID")
    );
    // Stated facts replace the generic notes about them.
    assert!(!d365.notes.iter().any(|n| n.id == "ids-first-use"));
}

/// A cloud request for a customer goes through Partner Center, by an Admin Agent only.
#[test]
fn customer_requests_need_an_admin_agent() {
    let data = embedded();
    let agent = data.role("admin-agent").expect("role");
    let user = data.role("mpn-user").expect("role");
    let d = decide(
        &data,
        "azure",
        Account {
            for_customer: true,
            role: Some(agent),
            ..Account::default()
        },
    );
    assert_eq!(d.verdict, Verdict::Eligible);
    assert_eq!(d.channel.map(|c| c.id.as_str()), Some("partner-center"));
    let d = decide(
        &data,
        "azure",
        Account {
            for_customer: true,
            role: Some(user),
            ..Account::default()
        },
    );
    assert_eq!(d.verdict, Verdict::NotEligible);
    assert!(has(&codes(&d), "role-cannot-request"));
}

/// The account flags on the command line, and their JSON fields.
#[test]
fn check_account_flags_in_json() {
    let out = cmd()
        .args([
            "check",
            "-t",
            "gold",
            "-p",
            "azure",
            "--as-of",
            "2021-06-19",
            "-f",
            "json",
        ])
        .args([
            "--activated",
            "no",
            "--ids-associated",
            "no",
            "--csp",
            "--role",
            "admin agent",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
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
            "version-policy",
            "activation",
            "access-ids",
            "csp-plan",
            "role"
        ]
    );
    assert_eq!(
        v["next_steps"][0],
        "activate the technical benefits first (a Global Admin or MPN Partner Admin)"
    );
    assert_eq!(
        v["assumptions"],
        serde_json::json!([{"fact": "contract", "assumed": "the contract is valid and has incidents remaining"}])
    );
    cmd()
        .args(["check", "-t", "gold", "-p", "azure", "--activated", "maybe"])
        .assert()
        .code(2)
        .stderr(contains("invalid value 'maybe' for '--activated"));
    cmd()
        .args(["check", "-t", "gold", "-p", "azure", "--role", "admn-agent"])
        .assert()
        .code(2)
        .stderr(contains(
            "unknown role `admn-agent`: did you mean `admin-agent`?",
        ));
}

/// `roles --can` for every role and action, against the source page.
#[rstest]
#[case("global-admin", [true, true, false, true])]
#[case("mpn-partner-admin", [true, true, false, true])]
#[case("mpn-user", [false, true, false, true])]
#[case("admin-agent", [false, false, true, true])]
#[case("any-account", [false, false, false, true])]
fn roles_can(#[case] role: &str, #[case] expected: [bool; 4]) {
    let actions = [
        "activate",
        "view-ids",
        "create-cloud-request",
        "create-on-premises-request",
    ];
    for (action, allowed) in actions.iter().zip(expected) {
        let assert = cmd()
            .args(["roles", "--can", action, "--role", role])
            .assert();
        if allowed {
            assert.code(0).stdout(contains("yes: "));
        } else {
            assert
                .code(1)
                .stdout(contains("no: ").and(contains(" may not ")));
        }
    }
}

/// The role table in every format, and the remedy for a refused activation.
#[test]
fn roles_table_and_remedy() {
    cmd()
        .args(["roles", "--can", "activate", "--role", "admin-agent"])
        .assert()
        .code(1)
        .stdout("no: Admin Agent may not activate the technical benefits (who may: Global Admin or MPN Partner Admin); find a user with the Global Admin or MPN Partner Admin role: Partner Center > User Management, filtered on those roles\n");
    cmd()
        .args(["roles", "-f", "csv"])
        .assert()
        .code(0)
        .stdout(contains("role,activate,view-ids,create-cloud-request,create-on-premises-request\nglobal-admin,yes,yes,no,yes\n"));
    // CSV keys are ids, the same in every language (second review): what `--role` takes.
    cmd()
        .args(["roles", "-f", "csv", "--lang", "ja"])
        .assert()
        .code(0)
        .stdout(contains("\nglobal-admin,yes,yes,no,yes\n"));
    cmd()
        .args(["roles", "-f", "markdown"])
        .assert()
        .code(0)
        .stdout(contains("| Admin Agent | no | no | yes | yes |"));
    let out = cmd().args(["roles", "-f", "json"]).output().expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        v["roles"][3]["can"],
        serde_json::json!(["create-cloud-request", "create-on-premises-request"])
    );
    cmd().args(["roles", "--can", "fly"]).assert().code(2);
    cmd()
        .args(["roles", "--can", "activte", "--role", "admin-agent"])
        .assert()
        .code(2)
        .stderr(contains(
            "unknown action `activte`: did you mean `activate`?",
        ));
}

/// Every catalogue message is found by its exact text, a fragment, a typo and, where the seed
/// quotes it, its Japanese text.
#[rstest]
#[case::not_authorized(
    "not-authorized",
    "You are not authorized for this action",
    "not authorized for this",
    "You are not authorised for this actoin",
    Some("この操作は許可されていません")
)]
#[case::no_benefits(
    "no-benefits-yet",
    "Looks like you don't have any benefits yet",
    "any benefits yet",
    "Looks like you dont have any benefts yet",
    Some("まだ特典がないようです")
)]
#[case::already_associated(
    "access-id-already-associated",
    "Access ID is already associated",
    "is already associated",
    "Acess ID is alredy associated",
    Some("アクセス ID は既に関連付けられています")
)]
#[case::contact_tam(
    "access-id-contact-tam",
    "This Access ID is already associated to an account. Please contact your Technical Account Manager to obtain a new Access ID",
    "contact your Technical Account Manager",
    "Please contact your Techincal Acount Manager to obtain a new Access ID",
    None
)]
#[case::greyed_out(
    "activate-greyed-out",
    "Activate button is greyed out",
    "button is greyed",
    "Activate buton is greyd out",
    Some("[アクティブ化] ボタンがグレーで表示されている")
)]
#[case::incidents_in_azure(
    "incidents-not-in-azure",
    "no incidents visible in the Azure portal",
    "incidents visible in the Azure",
    "no incidnets visible in the Azure portl",
    Some("クラウドポータル (Azure、LCS など) では、この情報は表示されません")
)]
#[case::contract_missing(
    "contract-missing",
    "Would you like to see unavailable support plans?",
    "unavailable support plans",
    "contract mising from Suport for Business",
    Some("使用できないサポートプランを表示しますか")
)]
fn diagnose_finds_each_message(
    #[case] id: &str,
    #[case] exact: &str,
    #[case] fragment: &str,
    #[case] typo: &str,
    #[case] japanese: Option<&str>,
) {
    let catalogue = data::load_catalogue(None, None).expect("catalogue");
    for input in [Some(exact), Some(fragment), Some(typo), japanese]
        .into_iter()
        .flatten()
    {
        let found = best_match(&catalogue, input).map(|m| m.entry.id.as_str());
        assert_eq!(found, Some(id), "input {input:?}");
    }
    // Case and punctuation do not matter either.
    let shouted = format!("{}!!!", exact.to_uppercase());
    assert_eq!(
        best_match(&catalogue, &shouted).map(|m| m.entry.id.as_str()),
        Some(id)
    );
}

/// Japanese typed without the page's spaces, or as a partial phrase, still matches.
#[test]
fn diagnose_japanese_variants() {
    let catalogue = data::load_catalogue(None, None).expect("catalogue");
    for (input, id) in [
        (
            "アクセスIDは既に関連付けられています",
            "access-id-already-associated",
        ),
        ("特典がないようです", "no-benefits-yet"),
        ("許可されていません", "not-authorized"),
    ] {
        assert_eq!(
            best_match(&catalogue, input).map(|m| m.entry.id.as_str()),
            Some(id),
            "{input}"
        );
    }
}

/// The binary: an answer with cause, action, portal and section (exit 0); no match lists the
/// known messages (exit 1).
#[test]
fn diagnose_command() {
    cmd()
        .args([
            "diagnose",
            "You",
            "are",
            "not",
            "authorized",
            "for",
            "this",
            "action",
        ])
        .assert()
        .code(0)
        .stdout(contains(
            "Matched:  \"You are not authorized for this action\" (not-authorized, score 1.00)",
        ))
        .stdout(contains(
            "Do this:  Sign in with an account associated with the partner program membership",
        ))
        .stdout(contains(
            "section: View and activate your Technical support benefits",
        ));
    cmd()
        .args(["diagnose", "my printer is on fire"])
        .assert()
        .code(1)
        .stdout(
            contains("No known portal message or symptom matches")
                .and(contains("  - Looks like you don't have any benefits yet")),
        );
    let out = cmd()
        .args(["diagnose", "-f", "json", "greyed out Activate"])
        .output()
        .expect("runs");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["matched"]["id"], "activate-greyed-out");
    assert_eq!(
        v["matched"]["portal"],
        "Partner Center: Benefits > Technical benefits"
    );
    cmd().args(["diagnose"]).assert().code(2);
}

/// `explain`: numbered prose, one paragraph per rule with the dates filled in; markdown too.
#[test]
fn explain_tells_the_rules() {
    let out = cmd()
        .args([
            "explain",
            "-t",
            "silver",
            "-p",
            "sql-server",
            "--version",
            "2019",
            "--as-of",
            "2025-06-01",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    // In the run-out of the legacy Silver benefits: the period is named and assumed.
    assert!(text.starts_with(
        "NOT ELIGIBLE: Silver (legacy benefits) gets no Microsoft Product Support for SQL Server 2019"
    ));
    assert!(text.contains("\n2. Offer. A tier counts on the days it could be bought"));
    assert!(text.contains("\n6. N-1 policy. Only recent on-premises products qualify"));
    assert!(text.contains("Here: 2019 mainstream support ended on 2025-02-28"));
    assert!(text.contains("This answer assumes the technical benefits are activated"));
    cmd()
        .args([
            "explain",
            "-t",
            "gold",
            "-p",
            "azure",
            "--as-of",
            "2021-06-19",
            "-f",
            "markdown",
        ])
        .assert()
        .code(0)
        .stdout(
            contains("1. **Support type.**")
                .and(contains("Open the request in Azure portal Help + support")),
        );
    cmd()
        .args(["explain", "-p", "azure"])
        .assert()
        .code(2)
        .stderr(contains("--tier"));
}

/// Issue 14: `--activated` and `--ids-associated` take yes or no (true or false too, any case),
/// and their help shows one spelling, not `[possible values: true, false]`.
#[test]
fn yes_no_flags_agree_with_their_help() {
    for (answer, activated) in [
        ("yes", true),
        ("YES", true),
        ("true", true),
        ("NO", false),
        ("False", false),
    ] {
        cmd()
            .args([
                "check",
                "-t",
                "gold",
                "-p",
                "azure",
                "--as-of",
                "2021-06-19",
            ])
            .args(["--activated", answer])
            .assert()
            .code(if activated { 0 } else { 1 });
    }
    let help = cmd().args(["check", "--help"]).output().expect("runs");
    let help = String::from_utf8(help.stdout).expect("UTF-8");
    assert!(help.contains("--activated <yes|no>"));
    assert!(!help.contains("[possible values: true, false]"), "{help}");
}

/// In a batch, the account flags speak for every row that leaves the column empty: a row's own
/// cell wins. Hand-worked: SPD, SQL Server 2022 on 2026-06-01 is eligible; not activated, no
/// incidents left or a contract ended before the day makes it not eligible (SPEC 4).
#[test]
fn batch_rows_take_the_account_flags_they_leave_empty() {
    let input = "tier,product,version,as_of,activated,incidents_remaining\n\
                 spd,sql-server,2022,2026-06-01,,\n\
                 spd,sql-server,2022,2026-06-01,yes,\n\
                 spd,sql-server,2022,2026-06-01,,5\n";
    let run = |flags: &[&str]| -> Vec<(bool, Vec<String>)> {
        let out = cmd()
            .args(["check", "--batch", "-", "--format", "json"])
            .args(flags)
            .write_stdin(input)
            .output()
            .expect("runs");
        String::from_utf8(out.stdout)
            .expect("UTF-8")
            .lines()
            .map(|l| {
                let v: serde_json::Value = serde_json::from_str(l).expect("JSON row");
                let failed = v["reasons"]
                    .as_array()
                    .expect("reasons")
                    .iter()
                    .filter(|r| r["passed"] == false)
                    .map(|r| r["code"].as_str().expect("code").to_owned())
                    .collect();
                (v["eligible"].as_bool().expect("eligible"), failed)
            })
            .collect()
    };
    let none: Vec<String> = Vec::new();
    // Without flags, every row is eligible.
    assert!(run(&[]).iter().all(|(eligible, _)| *eligible));
    // `--activated no`: rows 1 and 3 are not activated; row 2 says it is.
    let rows = run(&["--activated", "no"]);
    assert_eq!(rows[0], (false, vec!["not-activated".to_owned()]));
    assert_eq!(rows[1], (true, none.clone()));
    assert_eq!(rows[2], (false, vec!["not-activated".to_owned()]));
    // `--incidents-remaining 0`: row 3's own count (5) wins.
    let rows = run(&["--incidents-remaining", "0"]);
    assert_eq!(rows[0], (false, vec!["no-incidents-remaining".to_owned()]));
    assert_eq!(rows[2], (true, none.clone()));
    // A contract that ended before the day, and a role that cannot open the request.
    let rows = run(&["--contract-end", "2026-01-01"]);
    assert!(
        rows.iter()
            .all(|r| r == &(false, vec!["contract-expired".to_owned()])),
        "{rows:?}"
    );
    // The exit status follows: a gate with `--activated no` fails.
    cmd()
        .args(["check", "--batch", "-", "--activated", "no"])
        .write_stdin(input)
        .assert()
        .code(1);
    // A flag's value that a row cannot take is reported as the flag's, not as a column the row
    // left empty (second review): the pack holds 20, and no SPD grant held on 2026-06-01 runs
    // past 2027-06-01 (a year's term).
    let out = cmd()
        .args(["check", "--batch", "-", "--incidents-remaining", "30"])
        .write_stdin(input)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert!(
        text.contains("line 2: error: --incidents-remaining `30` is more than the 20"),
        "{text}"
    );
    assert!(!text.contains("column"), "{text}");
    // Row 3 says 5 itself: its own cell, its own (valid) answer.
    assert!(text.contains("line 4: ELIGIBLE"), "{text}");
    // A role no row can use is refused once, before any row.
    cmd()
        .args(["check", "--batch", "-", "--role", "boss"])
        .write_stdin(input)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::starts_with("error: unknown role `boss`"));
}

/// More incidents left than the pack holds is a misreading, refused with the pack's size
/// (review): Gold's on-premises pack held 20 on 2021-06-19 (SPEC 2); 20 is fine; a grant with
/// an unlimited class bounds nothing.
#[test]
fn incidents_remaining_beyond_the_pack_is_refused() {
    let run = |product: &str, left: &str| {
        cmd()
            .args([
                "check",
                "-t",
                "gold",
                "-p",
                product,
                "--as-of",
                "2021-06-19",
            ])
            .args(["--incidents-remaining", left])
            .assert()
    };
    run("sql-server", "21")
        .code(2)
        .stderr(predicates::str::contains(
            "`21` is more than the 20 incidents",
        ));
    run("sql-server", "20").code(0);
    run("azure", "999").code(0);
    // With the competency class given, its own pack is the bound: Silver's other-competency
    // cloud pack held 5 (SPEC 2), its cloud-competency one is unlimited.
    let silver = |class: &str, left: &str| {
        cmd()
            .args([
                "check",
                "-t",
                "silver",
                "-p",
                "azure",
                "--as-of",
                "2021-06-19",
            ])
            .args(["--competency", class, "--incidents-remaining", left])
            .assert()
    };
    silver("other", "6")
        .code(2)
        .stderr(predicates::str::contains(
            "`6` is more than the 5 incidents",
        ));
    silver("other", "5").code(0);
    silver("cloud", "50").code(0);
    let row =
        "tier,product,version,as_of,incidents_remaining\ngold,sql-server,2019,2021-06-19,21\n";
    cmd()
        .args(["check", "--batch", "-"])
        .write_stdin(row)
        .assert()
        .code(2)
        .stdout(predicates::str::contains(
            "incidents_remaining `21` is more than the 20 incidents",
        ));
}

/// A blank message is a usage error (exit 2), not "no match" (exit 1, second review).
#[test]
fn diagnose_refuses_a_blank_message() {
    for blank in ["", "   "] {
        cmd()
            .args(["diagnose", blank])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains("the message is blank"));
    }
}
