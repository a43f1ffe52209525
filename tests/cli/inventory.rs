//! Issue 23: real inventories in real pipelines. Product and tier names as people write them,
//! the inventory's own columns carried through, the account facts as columns, and Azure
//! Pipelines beside GitHub.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::{cmd, embedded};
use mpn_support::engine::{Given, Request, decide};
use predicates::prelude::*;
use predicates::str::contains;
use proptest::prelude::*;

fn temp_file(name: &str, text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join(name);
    std::fs::write(&path, text).expect("write");
    (dir, path)
}

/// Point 1: "Windows 10" is no Windows 11 (which the alias `windows 10` made it, ELIGIBLE): it
/// names a family of versions, listed; a product name that ends in a version is that version.
#[test]
fn a_product_name_ending_in_a_version_is_that_version() {
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "windows 10",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(
            contains("`10` names")
                .and(contains("`10 22H2`"))
                .and(contains("11 LTSC").not()),
        );
    for (name, version) in [
        ("SQL Server 2019", "2019"),
        ("sql2019", "2019"),
        ("windows server 2022", "2022"),
        ("Office 2021", "2021"),
        ("Office LTSC 2021", "LTSC 2021"),
    ] {
        let out = cmd()
            .args([
                "check",
                "-t",
                "spd",
                "-p",
                name,
                "--as-of",
                "2026-12-03",
                "-f",
                "json",
            ])
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v["version"], version, "{name}");
        assert_eq!(v["version_assumed"], false, "{name}");
    }
    // The same version given apart agrees; another one is refused.
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "SQL Server 2022",
            "--version",
            "2022",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(0);
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "SQL Server 2019",
            "--version",
            "2022",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stderr(contains("names version `2019`, but --version says `2022`"));
    // A name that ends in no version of the product lists the versions; a misspelt product is
    // still an unknown product with its did-you-mean.
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "SQL Server 2031",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stderr(contains("unknown version `2031` of `sql-server`").or(contains("`2031`")));
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "sql servr",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stderr(contains("did you mean `sql-server`?"));
}

/// A name and a version given apart, read together (review): "Office LTSC" with 2024 is Office
/// LTSC 2024, not the retail Office 2024 the alias `office ltsc` made it; an alias of the named
/// version agrees (`16` is SQL Server 2022); a family and one of its versions agree
/// (`Windows 10` with `LTSC 2021`); a version of another family clashes. Expected versions are
/// the product's own names in Microsoft's lifecycle pages.
#[test]
fn a_name_and_a_version_are_read_together() {
    let version = |product: &str, version: Option<&str>| -> (i32, serde_json::Value, String) {
        let mut c = cmd();
        c.args([
            "check",
            "-t",
            "spd",
            "-p",
            product,
            "--as-of",
            "2026-06-01",
            "-f",
            "json",
        ]);
        if let Some(v) = version {
            c.args(["--version", v]);
        }
        let out = c.output().expect("runs");
        (
            out.status.code().expect("status"),
            serde_json::from_slice(&out.stdout).unwrap_or_default(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    for (product, given, expected) in [
        ("Office LTSC", Some("2024"), "LTSC 2024"),
        ("office ltsc", Some("2021"), "LTSC 2021"),
        ("OfficeLTSC 2024", None, "LTSC 2024"),
        ("Office 2024", None, "2024"),
        ("SQL Server 2022", Some("16"), "2022"),
        ("Windows 10", Some("LTSC 2021"), "10 LTSC 2021"),
        ("Windows 10", Some("10 LTSC 2021"), "10 LTSC 2021"),
        ("Windows 11", Some("LTSC"), "11 LTSC 2024"),
    ] {
        let (_, v, err) = version(product, given);
        assert_eq!(v["version"], expected, "{product} {given:?}: {err}");
    }
    // A release of several editions, named by the product's tail and the version together:
    // the editions listed, not a clash.
    let (code, _, err) = version("Windows 11", Some("24H2"));
    assert_eq!(code, 2);
    assert!(err.contains("`11 24H2` names 2 versions"), "{err}");
    let (code, _, err) = version("Windows 10", Some("11 LTSC 2024"));
    assert_eq!(code, 2);
    assert!(
        err.contains("names version `10`, but --version says `11 LTSC 2024`"),
        "{err}"
    );
    // A cloud product with a version at the end of its name: the advice is about the name,
    // not a `--version` nobody gave.
    let (code, _, err) = version("Azure 2022", None);
    assert_eq!(code, 2);
    assert!(err.contains("`Azure 2022` ends in `2022`"), "{err}");
    assert!(!err.contains("--version"), "{err}");
}

/// Point 2: `--version 10` for Windows lists the family with what qualifies; a release without
/// its edition lists the editions.
#[test]
fn a_version_family_or_edition_is_listed() {
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "windows",
            "--version",
            "11",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stderr(contains("`11` names").and(contains("these qualify: `11 LTSC 2024`")));
    cmd()
        .args([
            "check",
            "-t",
            "spd",
            "-p",
            "windows",
            "--version",
            "11 25H2",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stderr(
            contains("`11 25H2` names 2 versions").and(contains("`11 25H2 (E)`, `11 25H2 (W)`")),
        );
}

/// Point 3: tier names as Microsoft writes them.
#[test]
fn tier_names_as_microsoft_writes_them() {
    for (name, id, day) in [
        (
            "Solutions Partner for Infrastructure",
            "solutions-partner",
            "2026-12-03",
        ),
        (
            "Solutions Partner for Data & AI (Azure)",
            "solutions-partner",
            "2026-12-03",
        ),
        (
            "Solutions Partner for Digital and App Innovation",
            "solutions-partner",
            "2026-12-03",
        ),
        (
            "Solutions Partner for Modern Work",
            "solutions-partner",
            "2026-12-03",
        ),
        (
            "Solutions Partner for Security",
            "solutions-partner",
            "2026-12-03",
        ),
        (
            "Solutions Partner for Business Applications",
            "solutions-partner",
            "2026-12-03",
        ),
        ("legacy gold", "gold", "2024-06-01"),
        ("Legacy Silver", "silver", "2024-06-01"),
        ("success core", "partner-success-core", "2026-12-03"),
        ("Success Expanded", "partner-success-expanded", "2026-12-03"),
        ("launch", "partner-launch", "2026-12-03"),
    ] {
        let out = cmd()
            .args([
                "check",
                "-t",
                name,
                "-p",
                "sql-server",
                "--as-of",
                day,
                "-f",
                "json",
            ])
            .output()
            .expect("runs");
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        assert_eq!(v["tier"], id, "{name}");
    }
    cmd()
        .args([
            "check",
            "-t",
            "solutions partner for cheese",
            "-p",
            "sql",
            "--as-of",
            "2026-12-03",
        ])
        .assert()
        .code(2)
        .stderr(contains("unknown tier").and(contains("did you mean")));
}

/// Point 4: in a batch, advice names the column, not the flag.
#[test]
fn batch_advice_names_the_column() {
    let (_dir, path) = temp_file(
        "rows.csv",
        "tier,product,version,as_of,contract_end\nspd,azure,2022,2026-12-03,\nspd,sql-server,2022,2026-12-03,2030-01-01\n",
    );
    cmd()
        .args(["check", "--batch"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(
            contains("leave the `version` column empty")
                .and(contains("--version").not())
                .and(contains("contract_end `2030-01-01`"))
                .and(contains("--contract-end").not()),
        );
}

/// Points 5 and 6: the inventory's own columns come back with every row in every format; the
/// account facts are columns; a near miss of a column is an error with its did-you-mean.
#[test]
fn inventory_columns_are_carried_through_every_format() {
    let (_dir, path) = temp_file(
        "inventory.csv",
        "customer,ticket,tier,product,version,as_of,contract_end\n\
         Contoso,T-1,spd,sql-server,2022,2026-12-03,\n\
         Fabrikam,T-2,spd,sql-server,2022,2026-12-03,2027-03-31\n",
    );
    let run = |format: &str| {
        let out = cmd()
            .args(["check", "--fail-within", "180", "-f", format, "--batch"])
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{format}: the contract ends within 180 days"
        );
        String::from_utf8(out.stdout).expect("UTF-8")
    };
    let csv = run("csv");
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().expect("header").clone();
    let last_two = |r: &csv::StringRecord| -> Vec<String> {
        r.iter().skip(r.len() - 2).map(str::to_owned).collect()
    };
    assert_eq!(last_two(&header), ["customer", "ticket"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(last_two(&rows[1]), ["Fabrikam", "T-2"]);
    let until = header
        .iter()
        .position(|h| h == "eligible_until")
        .expect("column");
    assert_eq!(
        &rows[1][until], "2027-03-31",
        "the contract's end bounds the answer"
    );
    let json = run("json");
    let second: serde_json::Value =
        serde_json::from_str(json.lines().nth(1).expect("row")).expect("JSON");
    assert_eq!(
        second["columns"],
        serde_json::json!({"customer": "Fabrikam", "ticket": "T-2"})
    );
    let junit = run("junit");
    assert!(
        !junit.lines().any(|l| !l.is_empty() && l.trim().is_empty()),
        "a case with properties and a failure has no blank line between them:\n{junit}"
    );
    let doc = roxmltree::Document::parse(&junit).expect("XML");
    let names: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .map(|n| n.attribute("name").expect("name"))
        .collect();
    assert!(
        names[1].contains("customer=Fabrikam, ticket=T-2"),
        "{names:?}"
    );
    assert!(doc.descendants().any(|n| n.has_tag_name("property")
        && n.attribute("name") == Some("customer")
        && n.attribute("value") == Some("Fabrikam")));
    assert!(
        run("github")
            .contains("title=solutions-partner sql-server 2022 [customer=Fabrikam%2C ticket=T-2]")
    );
    assert!(
        run("azure")
            .contains("solutions-partner sql-server 2022 [customer=Fabrikam, ticket=T-2%5D")
    );
    assert!(run("text").contains("line 3 [customer=Fabrikam, ticket=T-2]: ELIGIBLE"));
    assert!(run("markdown").starts_with("| line | customer | ticket | verdict |"));
    let (_dir2, typo) = temp_file("typo.csv", "tier,product,verison\nspd,sql,2022\n");
    cmd()
        .args(["check", "--batch"])
        .arg(&typo)
        .assert()
        .code(2)
        .stderr(contains(
            "unknown column `verison`: did you mean `version`?",
        ));
}

/// Review finding 3: a header that plainly means a known column (misspelt, its words in another
/// order, a common other name, or the column's name inside a longer one while the column is
/// absent) is refused with "did you mean", in CSV and JSON Lines alike, rather than carried
/// through unread while the row is decided without it.
#[test]
fn headers_that_mean_a_known_column_are_refused() {
    for (header, meant) in [
        ("verison", "version"),
        ("remaining_incidents", "incidents_remaining"),
        ("end_contract", "contract_end"),
        ("date", "as_of"),
        ("day", "as_of"),
        ("asof", "as_of"),
        ("ver", "version"),
        ("release", "version"),
        ("product_version", "version"),
        ("Product Version", "version"),
        ("sql_version", "version"),
        ("expiry", "contract_end"),
        ("expires", "contract_end"),
        ("contract_expiry", "contract_end"),
        ("end_date", "contract_end"),
        ("activation", "activated"),
        ("incidents_left", "incidents_remaining"),
        ("remaining", "incidents_remaining"),
        // The second review's: longer names holding the fact, camelCase, Japanese.
        ("contract_expiry_date", "contract_end"),
        ("contract_expires", "contract_end"),
        ("valid_until", "contract_end"),
        ("incidents_available", "incidents_remaining"),
        ("incident_count", "incidents_remaining"),
        ("asof_date", "as_of"),
        ("effective_date", "as_of"),
        ("productVersion", "version"),
        ("バージョン", "version"),
        ("契約終了日", "contract_end"),
    ] {
        let wanted = format!("unknown column `{header}`: did you mean `{meant}`?");
        let out = cmd()
            .args([
                "check",
                "--as-of",
                "2026-06-01",
                "--batch",
                "-",
                "--input-format",
                "csv",
            ])
            .write_stdin(format!("tier,product,{header}\nspd,sql-server,x\n"))
            .output()
            .expect("runs");
        let stderr = String::from_utf8(out.stderr).expect("UTF-8");
        assert_eq!(out.status.code(), Some(2), "{header}: {stderr}");
        assert!(out.stdout.is_empty(), "{header}");
        assert!(
            stderr.starts_with(&format!("error: `-`: line 1: {wanted}")),
            "{header}: {stderr}"
        );
        assert!(
            stderr.contains("is carried through as the inventory's own"),
            "{header}: {stderr}"
        );
        let out = cmd()
            .args([
                "check",
                "--as-of",
                "2026-06-01",
                "--batch",
                "-",
                "--input-format",
                "jsonl",
            ])
            .write_stdin(format!(
                "{{\"tier\":\"spd\",\"product\":\"sql-server\",\"{header}\":\"x\"}}\n"
            ))
            .output()
            .expect("runs");
        let stdout = String::from_utf8(out.stdout).expect("UTF-8");
        assert_eq!(out.status.code(), Some(2), "{header}: {stdout}");
        assert!(
            stdout.starts_with(&format!("line 1: error: {wanted}")),
            "{header}: {stdout}"
        );
    }
    // A suggestion is a column the command reads: `check --batch` never suggests `verify`'s
    // `incidents`, and names only its own columns as the known ones.
    cmd()
        .args(["check", "--batch", "-"])
        .write_stdin("tier,product,incidents_left\nspd,sql-server,3\n")
        .assert()
        .code(2)
        .stderr(
            contains("did you mean `incidents_remaining`?")
                .and(contains("`role` is carried through"))
                .and(contains("`expect`").not()),
        );
}

/// Review finding 3: a blank header cell, or a blank JSON key, is an error, not an extra
/// column that shifts the version out of the row (which was then answered for the current
/// version, one the row did not name).
#[test]
fn blank_headers_and_keys_are_refused() {
    for header in ["tier,product,,as_of", "tier,product, ,as_of"] {
        cmd()
            .args(["check", "--batch", "-", "--input-format", "csv"])
            .write_stdin(format!("{header}\nspd,sql-server,2019,2026-06-01\n"))
            .assert()
            .code(2)
            .stdout("")
            .stderr(contains(
                "error: `-`: line 1: column 3 of the header has no name",
            ));
    }
    for key in ["", " "] {
        cmd()
            .args(["check", "--batch", "-", "--input-format", "jsonl"])
            .write_stdin(format!(
                "{{\"tier\":\"spd\",\"product\":\"sql-server\",\"{key}\":\"2019\",\"as_of\":\"2026-06-01\"}}\n"
            ))
            .assert()
            .code(2)
            .stdout("line 1: error: a key is blank: every column needs a name\n");
    }
}

/// Review finding 3: columns that are genuinely the inventory's own are still carried through:
/// names that mean no known column, a longer name holding a column the header has already
/// (`customer_tier` beside `tier`), another name for a column that is there (`date` beside
/// `as_of`).
#[test]
fn the_inventorys_own_columns_are_still_carried_through() {
    cmd()
        .args(["check", "--batch", "-"])
        .write_stdin(
            "customer,ticket,customer_tier,owner,date,contract_id,purchase_date,tier,product,version,as_of\n\
             Contoso,T-1,premier,ana,2026-01-05,C-9,2025-03-01,spd,sql-server,2022,2026-06-01\n",
        )
        .assert()
        .code(0)
        .stdout(contains(
            "line 2 [customer=Contoso, ticket=T-1, customer_tier=premier, owner=ana, date=2026-01-05, contract_id=C-9, purchase_date=2025-03-01]: ELIGIBLE",
        ));
    // A known column spelt in full-width letters, as a Japanese input method types it, is
    // that column: the row is decided for version 2019, not the current one.
    cmd()
        .args(["check", "--batch", "-", "--format", "csv"])
        .write_stdin("tier,product,ｖｅｒｓｉｏｎ,as_of\nspd,sql-server,2019,2026-06-01\n")
        .assert()
        .code(1)
        .stdout(contains(",sql-server,2019,"));
}

/// Point 7: JSON Lines rows that are not objects report their own line in the tool's words.
#[test]
fn json_lines_rows_that_are_not_objects() {
    let (_dir, path) = temp_file(
        "rows.jsonl",
        "{\"tier\":\"spd\",\"product\":\"azure\",\"as_of\":\"2026-12-03\"}\n[\"spd\",\"azure\"]\n\"spd\"\n",
    );
    cmd()
        .args(["check", "--batch"])
        .arg(&path)
        .assert()
        .code(2)
        .stdout(
            contains("line 2: error: a row is a JSON object of columns")
                .and(contains("not an array"))
                .and(contains("line 3: error: a row is a JSON object of columns")),
        );
}

/// Point 8: `--allow-empty` accepts a 0-byte file too.
#[test]
fn allow_empty_accepts_an_empty_file() {
    let (_dir, path) = temp_file("empty.csv", "");
    cmd()
        .args(["check", "--allow-empty", "--batch"])
        .arg(&path)
        .assert()
        .code(0);
    cmd()
        .args(["verify", "--allow-empty"])
        .arg(&path)
        .assert()
        .code(0);
    cmd()
        .args(["check", "--batch"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(contains("empty input"));
}

/// Point 9: `--format azure` writes one logging command per problem row, escaped as the agent
/// decodes them: no value starts a command of its own or ends a property early.
#[test]
fn azure_logging_commands() {
    let (_dir, path) = temp_file(
        "rows.csv",
        "customer,tier,product,version,as_of\n\
         \"a;b]c%\nd\",spd,sql-server,2019,2026-12-03\n\
         soon,spd,windows-server,2022,2026-08-01\n\
         x,glod,sql-server,2022,2026-12-03\n",
    );
    let out = cmd()
        .args(["check", "-f", "azure", "--batch"])
        .arg(&path)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with("##vso[task.logissue type=")),
        "{text}"
    );
    assert!(lines[0].contains("linenumber=2;]"), "{text}");
    // A line break is written `\n` (review finding 17): the agent decodes no `%0A` into one.
    assert!(lines[0].contains("a%3Bb%5Dc%AZP25\\nd"), "{text}");
    assert!(
        lines[1].starts_with("##vso[task.logissue type=warning;"),
        "{text}"
    );
    assert!(lines[2].contains("invalid request"), "{text}");
    assert!(!text.contains("task.complete"));
    let (_dir2, verify) = temp_file(
        "expect.csv",
        "tier,product,version,as_of,expect\nspd,sql-server,2019,2026-12-03,eligible\n",
    );
    let out = cmd()
        .args(["verify", "-f", "azure"])
        .arg(&verify)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("##vso[task.logissue type=error;"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any value in a row, in the Azure format: one command per problem row, each a single
    /// line that starts as a command and has no unescaped `;` or `]` in its properties.
    #[test]
    fn azure_commands_hold_any_value(value in "\\PC*|[;\\]%\\r\\n#\\[]{0,12}") {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["customer", "tier", "product", "version", "as_of"]).expect("header");
        w.write_record([value.as_str(), "spd", "sql-server", "2019", "2026-12-03"]).expect("row");
        w.write_record(["c", value.as_str(), "sql-server", "2019", "2026-12-03"]).expect("row");
        let (_dir, path) = temp_file("rows.csv", &String::from_utf8(w.into_inner().expect("csv")).expect("UTF-8"));
        let out = cmd().args(["check", "-f", "azure", "--batch"]).arg(&path).output().expect("runs");
        let text = String::from_utf8(out.stdout).expect("UTF-8");
        prop_assert_eq!(text.lines().count(), 2, "{}", text);
        for line in text.lines() {
            prop_assert!(line.starts_with("##vso[task.logissue type="), "{}", line);
            let properties = &line[..line.find(";]").expect("the properties end")];
            prop_assert!(!properties.contains(']'), "{}", line);
            prop_assert_eq!(line.matches("##vso[").count(), 1 + value.matches("##vso[").count() * usize::from(line.contains("customer=")), "{}", line);
        }
    }

    /// A product written with a version at its end, in every spelling the data has for the
    /// product and the version and every way people join them: the answer is for exactly that
    /// version, or an error, never another version.
    #[test]
    fn a_named_version_is_never_another(index in any::<prop::sample::Index>(), joiner in prop::sample::select(vec![" ", "", "-", "  "])) {
        let data = embedded();
        let pairs: Vec<(String, &str, String)> = data
            .lifecycle
            .products
            .iter()
            .flat_map(|p| {
                let names: Vec<String> = std::iter::once(p.id.clone())
                    .chain(std::iter::once(p.name.clone()))
                    .chain(p.aliases.iter().cloned())
                    .collect();
                p.versions.iter().flat_map(move |v| {
                    let spellings: Vec<String> = std::iter::once(v.version.clone()).chain(v.aliases.iter().cloned()).collect();
                    let names = names.clone();
                    spellings.into_iter().flat_map(move |s| {
                        names.clone().into_iter().map(move |n| (n, v.version.as_str(), s.clone()))
                    })
                })
            })
            .collect();
        let (name, version, spelling) = index.get(&pairs);
        let request = Request {
            tier: "solutions-partner".into(),
            product: format!("{name}{joiner}{spelling}"),
            as_of: chrono::NaiveDate::from_ymd_opt(2026, 12, 3).expect("day"),
            given: Given::Flags,
            ..Request::default()
        };
        if let Ok(d) = decide(&request, &data) {
            prop_assert_eq!(d.version.map(|v| v.version.as_str()), Some(*version), "{:?}", request.product);
        }
        // The product with only the first word of the version (`Windows 10`, `Windows 11`):
        // an answer is for a version of that family, or an error.
        let family = version.split(' ').next().unwrap_or_default();
        let request = Request {
            product: format!("{name}{joiner}{family}"),
            ..request
        };
        if let Ok(d) = decide(&request, &data) {
            let answered = d.version.map(|v| v.version.as_str()).unwrap_or_default();
            prop_assert!(
                answered == family || answered.starts_with(&format!("{family} ")),
                "{:?} answered for {answered}", request.product
            );
        }
    }
}
