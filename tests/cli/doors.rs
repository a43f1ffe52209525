//! Issue 20: the same question through every door gets the same answer. One test per
//! disagreement found, each failing before the redesign (`MPN_SUPPORT_TEST_BIN` runs them
//! against an older build), then the property: generated requests asked through every door.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use std::io::{BufRead as _, BufReader, Write as _};
use std::process::Stdio;

use crate::common::{bin, cmd};
use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

fn json_of(cmd: &mut assert_cmd::Command) -> Value {
    let out = cmd.output().expect("runs");
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// Disagreement 1: A JSON Lines batch row carries the same `data` object as the single answer.
#[test]
fn a_batch_row_says_which_data_it_used() {
    let single = json_of(cmd().args([
        "check",
        "-t",
        "spd",
        "-p",
        "sql-server",
        "--as-of",
        "2026-12-02",
        "-f",
        "json",
    ]));
    let (_dir, path) = temp_file("r.csv", "tier,product\nspd,sql-server\n");
    let out = cmd()
        .args(["check", "--as-of", "2026-12-02", "-f", "json", "--batch"])
        .arg(&path)
        .output()
        .expect("runs");
    let row: Value = serde_json::from_slice(&out.stdout).expect("a JSON line");
    assert!(single["data"].is_object(), "{single}");
    assert_eq!(row["data"], single["data"]);
    assert_eq!(row["line"], 2);
}

/// The rows of a gate: one stays eligible for a year, one stops within 90 days (Windows Server
/// 2022's mainstream support ends on 2026-10-13).
const GATE: &str = "tier,product,version,as_of\n\
    spd,sql-server,2022,2026-06-01\n\
    spd,windows-server,2022,2026-08-01\n";

/// Disagreement 2: A row that fails `--fail-within` is a failure in every format, naming the row.
#[test]
fn a_failing_gate_shows_its_row_in_every_format() {
    let (_dir, path) = temp_file("gate.csv", GATE);
    let run = |format: &str| {
        let out = cmd()
            .args(["check", "--fail-within", "90", "-f", format, "--batch"])
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(1), "{format}");
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let junit = run("junit");
    let doc = roxmltree::Document::parse(&junit).expect("XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .expect("suite");
    assert_eq!(suite.attribute("failures"), Some("1"), "{junit}");
    let failed: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .filter(|c| c.children().any(|f| f.has_tag_name("failure")))
        .map(|c| c.attribute("line").expect("line").to_owned())
        .collect();
    assert_eq!(failed, ["3"], "{junit}");
    let github = run("github");
    let errors: Vec<&str> = github
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 1, "{github}");
    assert!(errors[0].contains("line=3,"), "{github}");
    assert!(errors[0].contains("--fail-within"), "{github}");
    // verify on the same row says the same.
    let (_dir2, expectations) = temp_file(
        "gate.jsonl",
        "{\"tier\":\"spd\",\"product\":\"windows-server\",\"version\":\"2022\",\"as_of\":\"2026-08-01\",\"expect\":\"eligible\"}\n",
    );
    let out = cmd()
        .args(["verify", "--fail-within", "90", "-f", "github"])
        .arg(&expectations)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("::error "));
}

/// Disagreement 3: When the reader closes standard output early, the batch is still decided whole: the
/// exit status is the one the whole input earns, and the counts count every row.
#[test]
fn a_gate_does_not_pass_by_accident_when_the_reader_stops() {
    let mut text = String::from("tier,product,version,as_of\n");
    for _ in 0..5000 {
        text.push_str("spd,sql-server,2022,2026-06-01\n");
    }
    text.push_str("spd,sql-server,2017,2026-06-01\n");
    text.push_str("glod,sql-server,2022,2026-06-01\n");
    let (_dir, path) = temp_file("gate.csv", &text);
    let mut child = std::process::Command::new(bin())
        .args(["check", "--batch"])
        .arg(&path)
        .env_remove("MPN_SUPPORT_DATA_DIR")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("a line");
    // The pipe closes here, like `| head -1`.
    let out = child.wait_with_output().expect("ends");
    assert!(first.starts_with("line 2: ELIGIBLE"), "{first}");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "5000 eligible, 1 not eligible, 1 invalid\n"
    );
}

/// Disagreement 4: Microsoft 365 is excluded from partner cloud support in the 2025 program: `products`
/// and the picture say so, as `check` does.
#[test]
fn products_and_the_picture_agree_with_check_on_an_excluded_product() {
    let day = "2026-12-02";
    let check = json_of(cmd().args([
        "check", "-t", "spd", "-p", "m365", "--as-of", day, "-f", "json",
    ]));
    assert_eq!(check["eligible"], false);
    let product = json_of(cmd().args(["products", "-p", "m365", "--as-of", day, "-f", "json"]));
    assert_eq!(product[0]["qualifies"], false, "{product}");
    assert_eq!(
        product[0]["excluded"]["id"],
        "microsoft-365-partner-cloud-support"
    );
    cmd()
        .args(["products", "-p", "m365", "--as-of", day])
        .assert()
        .success()
        .stdout(contains("any (cloud)").not().and(contains("excluded")));
    cmd()
        .args(["products", "-p", "m365", "--as-of", day, "-f", "svg"])
        .assert()
        .success()
        .stdout(
            contains("every use qualifies")
                .not()
                .and(contains("no use qualifies")),
        );
    // Before the exclusion, every door says it qualifies.
    let before = json_of(cmd().args([
        "products",
        "-p",
        "m365",
        "--as-of",
        "2021-06-19",
        "-f",
        "json",
    ]));
    assert_eq!(before[0]["qualifies"], true);
}

/// Disagreement 5: Before the rule book's first day `products` and the picture refuse, as `check` and
/// `matrix` do; the picture draws no entitled day before it.
#[test]
fn no_door_answers_before_the_rule_book() {
    for args in [
        &["check", "-t", "gold", "-p", "sql-server"][..],
        &["matrix"],
        &["products"],
        &["products", "-f", "svg"],
    ] {
        cmd()
            .args(args)
            .args(["--as-of", "2010-01-01"])
            .assert()
            .code(2)
            .stderr(contains("the rule book starts on 2017-07-22"));
    }
    let svg = cmd()
        .args([
            "products",
            "-p",
            "sql-server",
            "-f",
            "svg",
            "--as-of",
            "2026-12-02",
        ])
        .output()
        .expect("runs");
    let svg = String::from_utf8(svg.stdout).expect("UTF-8");
    for title in svg.split("<title>").skip(1) {
        if let Some(at) = title.find("entitled ") {
            let first = &title[at + 9..at + 19];
            assert!(first >= "2017-07-22", "{title}");
        }
    }
}

/// Disagreement 6: A stated contract end bounds "qualifies until", and the gate sees it; a contract said
/// to end after any grant could is refused.
#[test]
fn the_contract_end_bounds_the_answer() {
    let base = [
        "check",
        "-t",
        "spd",
        "-p",
        "sql-server",
        "--version",
        "2022",
        "--as-of",
        "2026-12-03",
    ];
    let v = json_of(
        cmd()
            .args(base)
            .args(["--contract-end", "2026-12-10", "-f", "json"]),
    );
    assert_eq!(v["eligible_until"], "2026-12-10");
    cmd()
        .args(base)
        .args(["--contract-end", "2026-12-10", "--fail-within", "90"])
        .assert()
        .code(1);
    cmd()
        .args(base)
        .args(["--contract-end", "2028-05-01"])
        .assert()
        .code(2)
        .stderr(contains("`2028-05-01`").and(contains("2027-12-03")));
}

/// Disagreement 7: A stated role decides which channel can take the request: a Global Admin cannot open a
/// Dynamics 365 request (only an Admin Agent can, as `roles` says); for Azure the role is
/// looked at too.
#[test]
fn a_stated_role_is_decided_as_roles_says() {
    let day = "2021-06-19";
    let d365 = json_of(cmd().args([
        "check",
        "-t",
        "gold",
        "-p",
        "dynamics-365",
        "--as-of",
        day,
        "--role",
        "global-admin",
        "-f",
        "json",
    ]));
    assert_eq!(d365["eligible"], false, "{d365}");
    let role = d365["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .find(|r| r["rule"] == "role")
        .expect("a role rule");
    assert_eq!(role["code"], "role-cannot-use-channel");
    assert!(
        role["detail"]
            .as_str()
            .expect("detail")
            .contains("Admin Agent")
    );
    cmd()
        .args([
            "roles",
            "--can",
            "create-cloud-request",
            "--role",
            "global-admin",
        ])
        .assert()
        .code(1);
    let azure = json_of(cmd().args([
        "check",
        "-t",
        "gold",
        "-p",
        "azure",
        "--as-of",
        day,
        "--role",
        "global-admin",
        "-f",
        "json",
    ]));
    let codes: Vec<&str> = azure["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .map(|r| r["code"].as_str().expect("code"))
        .collect();
    assert!(codes.contains(&"role-can-use-channel"), "{codes:?}");
}

/// Disagreement 8: `jsonl`, offered by the GitHub action and the docs, is a format of `check`.
#[test]
fn jsonl_is_a_format_of_check() {
    let out = cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "azure",
            "--as-of",
            "2026-12-02",
            "-f",
            "jsonl",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    assert_eq!(text.lines().count(), 1, "{text}");
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["eligible"], true);
    let mut child = std::process::Command::new(bin())
        .args([
            "check",
            "--as-of",
            "2026-12-02",
            "-f",
            "jsonl",
            "--batch",
            "-",
            "--input-format",
            "csv",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"tier,product\nspd,azure\nspd,sql-server\n")
        .expect("write");
    let out = child.wait_with_output().expect("ends");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

/// The property: generated requests (every tier, product and version of the built-in data,
/// competencies, days across every period, account facts) asked through every door get the
/// same decision: eligible, incidents, support type, qualifies-until and failed rule codes.
mod every_door {
    use super::*;
    use crate::common::embedded;
    use proptest::prelude::*;

    /// One generated request, as its fields are written on a command line and in a row.
    #[derive(Debug, Clone)]
    struct Req {
        fields: Vec<(&'static str, String)>,
    }

    impl Req {
        fn get(&self, name: &str) -> Option<&str> {
            self.fields
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.as_str())
        }

        /// The flags of `check` and `explain`.
        fn flags(&self) -> Vec<String> {
            let mut out = Vec::new();
            for (name, value) in &self.fields {
                let flag = format!("--{}", name.replace('_', "-"));
                match *name {
                    "csp" | "for_customer" => {
                        if value == "yes" {
                            out.push(flag);
                        }
                    }
                    _ => {
                        out.push(flag);
                        out.push(value.clone());
                    }
                }
            }
            out
        }
    }

    /// The decision as every door can tell it.
    #[derive(Debug, Clone, PartialEq, Eq)]
    enum Answer {
        /// Not decided (exit 2, an invalid row).
        Refused,
        Decided {
            eligible: bool,
            incidents: String,
            support_type: String,
            until: String,
            failed: Vec<String>,
        },
    }

    fn from_json(v: &Value) -> Answer {
        let text = |v: &Value| match v {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        Answer::Decided {
            eligible: v["eligible"].as_bool().expect("eligible"),
            incidents: text(&v["incidents"]),
            support_type: text(&v["support_type"]),
            until: text(&v["eligible_until"]),
            failed: v["reasons"]
                .as_array()
                .expect("reasons")
                .iter()
                .filter(|r| r["passed"] == false)
                .map(|r| text(&r["code"]))
                .collect(),
        }
    }

    const COLUMNS: [&str; 12] = [
        "tier",
        "product",
        "version",
        "competency",
        "as_of",
        "activated",
        "ids_associated",
        "incidents_remaining",
        "contract_end",
        "csp",
        "for_customer",
        "role",
    ];

    fn requests() -> impl Strategy<Value = Vec<Req>> {
        let data = embedded();
        let tiers: Vec<String> = data
            .entitlements
            .tiers
            .iter()
            .map(|t| t.id.clone())
            .collect();
        let products: Vec<(String, Vec<String>)> = data
            .lifecycle
            .products
            .iter()
            .map(|p| {
                (
                    p.id.clone(),
                    p.versions.iter().map(|v| v.version.clone()).collect(),
                )
            })
            .collect();
        let roles: Vec<String> = data
            .entitlements
            .roles
            .iter()
            .map(|r| r.id.clone())
            .collect();
        let first = chrono::NaiveDate::from_ymd_opt(2017, 7, 22).expect("day");
        let one = (
            prop::sample::select(tiers),
            prop::sample::select(products),
            any::<prop::sample::Index>(),
            prop::option::weighted(0.7, any::<prop::sample::Index>()),
            prop::sample::select(vec![
                None,
                Some("cloud"),
                Some("other"),
                Some("security"),
                Some("data-analytics"),
            ]),
            0u64..4911,
            prop::option::weighted(0.2, prop::bool::ANY),
            prop::option::weighted(0.15, prop::bool::ANY),
            prop::option::weighted(0.15, prop::sample::select(vec![0u32, 3])),
            prop::option::weighted(0.2, -30i64..400),
            (prop::bool::weighted(0.15), prop::bool::weighted(0.15)),
            prop::option::weighted(0.2, prop::sample::select(roles)),
        );
        prop::collection::vec(one, 30..45).prop_map(move |list| {
            list.into_iter()
                .map(
                    |(
                        tier,
                        (product, versions),
                        _,
                        version,
                        competency,
                        day,
                        activated,
                        ids,
                        remaining,
                        end,
                        (csp, customer),
                        role,
                    )| {
                        let as_of = first + chrono::Days::new(day);
                        let yes_no = |b: bool| if b { "yes" } else { "no" }.to_owned();
                        let mut fields = vec![("tier", tier), ("product", product.clone())];
                        if let Some(i) = version.filter(|_| !versions.is_empty()) {
                            fields.push(("version", i.get(&versions).clone()));
                        }
                        if let Some(c) = competency {
                            fields.push(("competency", c.to_owned()));
                        }
                        fields.push(("as_of", as_of.to_string()));
                        if let Some(a) = activated {
                            fields.push(("activated", yes_no(a)));
                        }
                        if let Some(i) = ids {
                            fields.push(("ids_associated", yes_no(i)));
                        }
                        if let Some(n) = remaining {
                            fields.push(("incidents_remaining", n.to_string()));
                        }
                        if let Some(days) = end {
                            let end = if days < 0 {
                                as_of - chrono::Days::new(days.unsigned_abs())
                            } else {
                                as_of + chrono::Days::new(days as u64)
                            };
                            fields.push(("contract_end", end.to_string()));
                        }
                        if csp {
                            fields.push(("csp", "yes".to_owned()));
                        }
                        if customer {
                            fields.push(("for_customer", "yes".to_owned()));
                        }
                        if let Some(r) = role {
                            fields.push(("role", r));
                        }
                        Req { fields }
                    },
                )
                .collect()
        })
    }

    /// A door that answers one request per process.
    fn single(command: &str, req: &Req) -> Answer {
        let out = cmd()
            .arg(command)
            .args(req.flags())
            .args(["-f", "json"])
            .output()
            .expect("runs");
        match out.status.code() {
            Some(2) => Answer::Refused,
            _ => from_json(&serde_json::from_slice(&out.stdout).expect("JSON")),
        }
    }

    fn csv_input(reqs: &[Req]) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(COLUMNS).expect("header");
        for r in reqs {
            w.write_record(COLUMNS.map(|c| r.get(c).unwrap_or("")))
                .expect("row");
        }
        String::from_utf8(w.into_inner().expect("csv")).expect("UTF-8")
    }

    fn jsonl_input(reqs: &[Req]) -> String {
        reqs.iter()
            .map(|r| {
                let map: serde_json::Map<String, Value> = r
                    .fields
                    .iter()
                    .map(|(n, v)| ((*n).to_owned(), Value::String(v.clone())))
                    .collect();
                Value::Object(map).to_string() + "\n"
            })
            .collect()
    }

    /// The CSV batch door: an answer per row, by line.
    fn csv_batch(reqs: &[Req]) -> Vec<Answer> {
        let (_dir, path) = temp_file("requests.csv", &csv_input(reqs));
        let out = cmd()
            .args(["check", "-f", "csv", "--no-fail", "--batch"])
            .arg(&path)
            .output()
            .expect("runs");
        let mut reader = csv::Reader::from_reader(&out.stdout[..]);
        let header = reader.headers().expect("header").clone();
        let col = |name: &str| header.iter().position(|h| h == name).expect("column");
        let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
        assert_eq!(rows.len(), reqs.len());
        rows.iter()
            .map(|r| {
                if !r[col("error")].is_empty() {
                    return Answer::Refused;
                }
                Answer::Decided {
                    eligible: &r[col("eligible")] == "true",
                    incidents: r[col("incidents")].to_owned(),
                    support_type: r[col("support_type")].to_owned(),
                    until: r[col("eligible_until")].to_owned(),
                    failed: r[col("failed_rules")]
                        .split(' ')
                        .filter(|c| !c.is_empty())
                        .map(str::to_owned)
                        .collect(),
                }
            })
            .collect()
    }

    /// The JSON Lines batch door.
    fn jsonl_batch(reqs: &[Req]) -> Vec<Answer> {
        let (_dir, path) = temp_file("requests.jsonl", &jsonl_input(reqs));
        let out = cmd()
            .args(["check", "-f", "jsonl", "--no-fail", "--batch"])
            .arg(&path)
            .output()
            .expect("runs");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        let rows: Vec<Value> = text
            .lines()
            .map(|l| serde_json::from_str(l).expect("a JSON line"))
            .collect();
        assert_eq!(rows.len(), reqs.len());
        rows.iter()
            .map(|v| {
                if v.get("error").is_some() {
                    Answer::Refused
                } else {
                    from_json(v)
                }
            })
            .collect()
    }

    /// The `verify` door: every decided row's answer, written as an expectation, holds.
    fn verify(reqs: &[Req], answers: &[Answer]) {
        let mut text = String::new();
        for (r, a) in reqs.iter().zip(answers) {
            let Answer::Decided {
                eligible,
                incidents,
                ..
            } = a
            else {
                continue;
            };
            let mut v: serde_json::Map<String, Value> = r
                .fields
                .iter()
                .map(|(n, v)| ((*n).to_owned(), Value::String(v.clone())))
                .collect();
            v.insert(
                "expect".into(),
                Value::String(
                    if *eligible {
                        "eligible"
                    } else {
                        "not-eligible"
                    }
                    .into(),
                ),
            );
            if *eligible && !incidents.is_empty() {
                v.insert("incidents".into(), Value::String(incidents.clone()));
            }
            text.push_str(&(Value::Object(v).to_string() + "\n"));
        }
        if text.is_empty() {
            return;
        }
        let (_dir, path) = temp_file("expectations.jsonl", &text);
        let out = cmd().args(["verify"]).arg(&path).output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(out.status.code(), Some(0), "{stdout}");
        assert!(stdout.ends_with(" passed, 0 failed\n"), "{stdout}");
    }

    /// The `products` door: on a day, a version (or a cloud product) qualifies exactly when
    /// a request for it fails no rule but the tier's or the account's.
    fn products(req: &Req, answer: &Answer) {
        let Answer::Decided {
            eligible, failed, ..
        } = answer
        else {
            return;
        };
        let product_rules = [
            "no-released-version",
            "not-yet-released",
            "side-track",
            "n-minus-2-or-older",
            "mainstream-ended",
            "excluded",
        ];
        if failed.iter().any(|c| !product_rules.contains(&c.as_str())) {
            return;
        }
        let day = req.get("as_of").expect("as_of");
        let v = super::json_of(cmd().args([
            "products",
            "-p",
            req.get("product").expect("product"),
            "--as-of",
            day,
            "-f",
            "json",
        ]));
        let p = &v[0];
        let qualifies = match p["version_policy"].as_str() {
            Some("none") => p["qualifies"] == true,
            _ => {
                // The version decided: asked for, or the current one.
                let version = req
                    .get("version")
                    .map(str::to_owned)
                    .or_else(|| p["current"].as_str().map(str::to_owned));
                p["versions"].as_array().expect("versions").iter().any(|x| {
                    Some(x["version"].as_str().expect("version").to_owned()) == version
                        && x["status"] == "qualifies"
                })
            }
        };
        assert_eq!(qualifies, *eligible, "{req:?} on {day}: products says {p}");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(4)
        ))]

        #[test]
        fn every_door_gives_the_same_answer(reqs in requests()) {
            let checked: Vec<Answer> = reqs.iter().map(|r| single("check", r)).collect();
            // Not vacuous: the generated requests are mostly decided, some of them eligible.
            let decided = checked.iter().filter(|a| matches!(a, Answer::Decided { .. })).count();
            prop_assert!(decided * 2 > checked.len(), "{decided} of {} decided", checked.len());
            let explained: Vec<Answer> = reqs.iter().map(|r| single("explain", r)).collect();
            prop_assert_eq!(&explained, &checked, "explain");
            prop_assert_eq!(&csv_batch(&reqs), &checked, "CSV batch");
            prop_assert_eq!(&jsonl_batch(&reqs), &checked, "JSON Lines batch");
            verify(&reqs, &checked);
            for (r, a) in reqs.iter().zip(&checked) {
                products(r, a);
            }
        }
    }
}

/// Second review, finding 9 (first review, 11): a product named with its version, which
/// `check` reads (`SQL Server 2019`), is read by `products` too, listing the versions it names;
/// a version the product lacks is refused the same way through both doors.
#[test]
fn products_reads_a_name_with_its_version_as_check_does() {
    let listed = |name: &str| -> Vec<String> {
        let json = json_of(cmd().args([
            "products",
            "--product",
            name,
            "--as-of",
            "2026-06-01",
            "--format",
            "json",
        ]));
        let products = json.as_array().expect("an array");
        assert_eq!(products.len(), 1, "{name}: {json}");
        products[0]["versions"]
            .as_array()
            .expect("versions")
            .iter()
            .map(|v| v["version"].as_str().expect("a version").to_owned())
            .collect()
    };
    // Expected by hand: the version each name ends in.
    assert_eq!(listed("SQL Server 2019"), ["2019"]);
    assert_eq!(listed("SQL2019"), ["2019"]);
    assert_eq!(listed("windows server 2022"), ["2022"]);
    // `Windows 10` names every Windows 10 release: each listed version begins `10 `, and
    // there are several (22H2, LTSC 2021, ...).
    let ten = listed("Windows 10");
    assert!(
        ten.len() > 3 && ten.iter().all(|v| v.starts_with("10 ")),
        "{ten:?}"
    );
    assert!(ten.iter().any(|v| v == "10 22H2"), "{ten:?}");
    // And `check` decides the same version from the same name.
    let single = json_of(cmd().args([
        "check",
        "-t",
        "spd",
        "-p",
        "SQL Server 2019",
        "--as-of",
        "2026-06-01",
        "-f",
        "json",
    ]));
    assert_eq!(single["version"], "2019", "{single}");
    // A version the product lacks: the same refusal through both doors.
    let refusal = "error: unknown version `2031` of `sql-server`";
    for args in [
        &["products", "--product", "SQL Server 2031"][..],
        &["check", "-t", "spd", "-p", "SQL Server 2031"],
    ] {
        cmd()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::starts_with(refusal));
    }
}

/// Third review, findings 5, 6 and 10: through `products` and `check` alike, a cloud product
/// named with a version is told it has none; a name whose rest is no version of the shorter
/// product it begins with (`Windows Server, 2019` is not Windows client `Server, 2019`) is an
/// unknown product, with "did you mean" the one meant; a name ending in a version that is
/// no version but begins some (`Windows Vista`) is still read; and the picture of a product
/// named with its version draws that version.
#[test]
fn names_with_versions_are_refused_alike_through_products_and_check() {
    let doors = |name: &str| -> [Vec<String>; 2] {
        [
            vec!["products".into(), "--product".into(), name.into()],
            vec![
                "check".into(),
                "-t".into(),
                "spd".into(),
                "-p".into(),
                name.into(),
            ],
        ]
    };
    for (name, refusal) in [
        (
            "azure 2020",
            "error: `azure` is a cloud product and has no versions (cloud products are not affected by the N-1 policy): `azure 2020` ends in `2020`; name the product alone\n",
        ),
        (
            "Windows Server, 2019",
            "error: unknown product `Windows Server, 2019`: did you mean `windows-server`?",
        ),
    ] {
        for args in doors(name) {
            cmd()
                .args(&args)
                .assert()
                .code(2)
                .stderr(predicate::str::starts_with(refusal));
        }
    }
    for args in doors("Windows Vista") {
        cmd()
            .args(&args)
            .args(["--as-of", "2026-06-01", "--format", "json"])
            .assert()
            .stdout(contains("Vista SP2"));
    }
    let picture = cmd()
        .args([
            "products",
            "--product",
            "SQL Server 2019",
            "--as-of",
            "2026-06-01",
        ])
        .args(["--format", "svg"])
        .output()
        .expect("runs");
    let svg = String::from_utf8(picture.stdout).expect("UTF-8");
    let whole = cmd()
        .args([
            "products",
            "--product",
            "sql-server",
            "--as-of",
            "2026-06-01",
        ])
        .args(["--format", "svg"])
        .output()
        .expect("runs");
    let whole = String::from_utf8(whole.stdout).expect("UTF-8");
    // The whole product's picture names 2017 and 2016; the one of 2019 does not.
    assert!(
        whole.contains(">2017<") && whole.contains(">2016<"),
        "{whole}"
    );
    assert!(
        svg.contains(">2019<") && !svg.contains(">2017<") && !svg.contains(">2016<"),
        "{svg}"
    );
}
