//! `lifecycle update` (issue 15) against a loopback HTTP server started by each test, serving
//! recorded endoflife.date API v1 answers (`tests/fixtures/endoflife-api/`, made from the same
//! endoflife.date pages as the built-in data by an independent script). No test touches the
//! internet.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a broken server or fixture should fail the test loudly"
)]

use std::collections::HashMap;
use std::io::{BufRead as _, BufReader, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use predicates::prelude::*;
use predicates::str::contains;
use serde_json::Value;

use crate::common::{cmd, fixture};

/// How the server answers one product.
#[derive(Debug, Clone)]
enum Reply {
    /// 200 with this body.
    Body(String),
    /// This status, empty body.
    Status(u16),
    /// Accepts, then says nothing for longer than any test's timeout.
    Hang,
    /// Announces the whole body, sends half of it, closes.
    CutShort(String),
    /// This status, with this body.
    StatusBody(u16, String),
    /// 200 with this body, after this long.
    Slow(String, Duration),
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    user_agent: Option<String>,
}

struct Server {
    base: String,
    seen: Arc<Mutex<Vec<Seen>>>,
}

/// The address of one server of the recorded answers for the whole test run (the README's
/// `lifecycle update` examples use it).
pub fn recorded_server() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| serve(recorded()).base)
}

/// Every recorded answer, by slug.
fn recorded() -> HashMap<String, Reply> {
    std::fs::read_dir(fixture("endoflife-api"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .map(|p| {
            let slug = p.file_stem().unwrap().to_string_lossy().into_owned();
            (slug, Reply::Body(std::fs::read_to_string(&p).unwrap()))
        })
        .collect()
}

/// Starts a server on 127.0.0.1 answering `/api/v1/products/<slug>` from `replies` (404 for
/// anything else). It lives until the test process ends.
fn serve(replies: HashMap<String, Reply>) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let replies = replies.clone();
            let log = Arc::clone(&log);
            std::thread::spawn(move || answer(stream, &replies, &log));
        }
    });
    Server { base, seen }
}

fn answer(mut stream: TcpStream, replies: &HashMap<String, Reply>, log: &Mutex<Vec<Seen>>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let (mut path, mut user_agent) = read_head(&mut reader);
    // As a proxy: accept the tunnel, then serve the request that comes through it.
    if let Some(target) = path.strip_prefix("CONNECT ") {
        log.lock().unwrap().push(Seen {
            path: format!("CONNECT {target}"),
            user_agent: user_agent.clone(),
        });
        let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
        (path, user_agent) = read_head(&mut reader);
    }
    // A request through a plain HTTP proxy names the whole URL.
    if let Some(rest) = path.strip_prefix("http://") {
        path = rest
            .find('/')
            .map_or("/".into(), |at| rest[at..].to_owned());
    }
    log.lock().unwrap().push(Seen {
        path: path.clone(),
        user_agent,
    });
    let reply = path
        .strip_prefix("/api/v1/products/")
        .and_then(|slug| replies.get(slug))
        .cloned()
        .unwrap_or(Reply::Status(404));
    let head = |status: u16, length: usize| {
        format!(
            "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
        )
    };
    let _ = match reply {
        Reply::Body(body) => stream
            .write_all(head(200, body.len()).as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes())),
        Reply::Status(code) => stream.write_all(head(code, 0).as_bytes()),
        Reply::Slow(body, delay) => {
            std::thread::sleep(delay);
            stream
                .write_all(head(200, body.len()).as_bytes())
                .and_then(|()| stream.write_all(body.as_bytes()))
        }
        Reply::StatusBody(code, body) => stream
            .write_all(head(code, body.len()).as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes())),
        Reply::Hang => {
            std::thread::sleep(Duration::from_secs(20));
            Ok(())
        }
        Reply::CutShort(body) => stream
            .write_all(head(200, body.len()).as_bytes())
            .and_then(|()| stream.write_all(&body.as_bytes()[..body.len() / 2])),
    };
}

/// Reads a request line and headers: the target (`CONNECT host:port` for a tunnel) and the
/// User-Agent.
fn read_head(reader: &mut BufReader<TcpStream>) -> (String, Option<String>) {
    let mut first = String::new();
    let _ = reader.read_line(&mut first);
    let mut words = first.split_whitespace();
    let method = words.next().unwrap_or_default();
    let target = words.next().unwrap_or_default();
    let path = if method == "CONNECT" {
        format!("CONNECT {target}")
    } else {
        target.to_owned()
    };
    let mut user_agent = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("user-agent")
        {
            user_agent = Some(value.trim().to_owned());
        }
    }
    (path, user_agent)
}

/// `lifecycle update` against `server`, writing to `output`, as of a fixed day.
fn update(server: &Server, output: &Path) -> assert_cmd::Command {
    let mut c = cmd();
    c.args([
        "lifecycle",
        "update",
        "--generated",
        "2099-01-01",
        "--output",
    ])
    .arg(output)
    .env("MPN_SUPPORT_ENDOFLIFE_URL", &server.base);
    c
}

fn products(text: &str) -> Value {
    serde_json::from_str::<Value>(text).unwrap()["products"].clone()
}

/// The built-in lifecycle data as a JSON value.
fn builtin() -> Value {
    products(include_str!("../../data/lifecycle.json"))
}

/// The recorded answer of one slug.
fn recorded_text(slug: &str) -> String {
    std::fs::read_to_string(fixture(&format!("endoflife-api/{slug}.json"))).unwrap()
}

/// The recorded answer of one slug, as JSON to edit.
fn answer_of(slug: &str) -> Value {
    serde_json::from_str(&recorded_text(slug)).unwrap()
}

/// The paths in a folder.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect()
}

/// Success: every catalogue product fetched once at its v1 address with our User-Agent, no
/// progress chatter off a terminal, and the written file holds exactly the built-in products
/// (the recorded answers carry the same facts as the pages the built-in data came from).
#[test]
fn update_fetches_every_product_and_writes_the_same_facts() {
    let server = serve(recorded());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    update(&server, &out)
        .assert()
        .code(0)
        .stdout(contains("wrote ").and(contains("18 products, 147 versions")))
        .stderr(contains("[1/").not());
    let written = std::fs::read_to_string(&out).unwrap();
    assert_eq!(products(&written), builtin());
    let file: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(file["generated"], "2099-01-01");
    let sources = file["sources"].as_array().unwrap();
    assert!(
        sources[0]
            .as_str()
            .unwrap()
            .starts_with(&format!("endoflife.date API v1 at {}", server.base)),
        "{sources:?}"
    );
    let seen = server.seen.lock().unwrap().clone();
    let mut paths: Vec<&str> = seen.iter().map(|s| s.path.as_str()).collect();
    paths.sort_unstable();
    let mut expected: Vec<String> = recorded()
        .keys()
        .map(|slug| format!("/api/v1/products/{slug}"))
        .collect();
    expected.sort();
    assert_eq!(paths, expected);
    let agent = format!("mpn-support/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        seen.iter()
            .all(|s| s.user_agent.as_deref() == Some(agent.as_str())),
        "{seen:?}"
    );
    // The file loads like any lifecycle file.
    cmd()
        .args(["validate", "--lifecycle"])
        .arg(&out)
        .assert()
        .code(0);
}

/// Without --output the file goes to the per-user data folder, and every command then uses
/// it while it is newer than the built-in data, says so, and `--builtin-data` goes back.
#[test]
fn updated_data_is_used_and_reported() {
    let mut replies = recorded();
    let mut sql = answer_of("mssqlserver");
    let new_release = serde_json::json!({
        "name": "18.0", "codename": null, "label": "2028", "releaseDate": "2026-11-03",
        "isLts": false, "ltsFrom": null, "isEoas": false, "eoasFrom": "2033-01-11",
        "isEol": false, "eolFrom": "2038-01-11", "isMaintained": true, "latest": null
    });
    sql["result"]["releases"]
        .as_array_mut()
        .unwrap()
        .insert(0, new_release);
    replies.insert("mssqlserver".into(), Reply::Body(sql.to_string()));
    let server = serve(replies);
    let home = tempfile::tempdir().unwrap();
    let user_file = home.path().join("mpn-support/lifecycle.json");
    let with_home = |args: &[&str]| {
        let mut c = cmd();
        c.env("XDG_DATA_HOME", home.path())
            .env("MPN_SUPPORT_ENDOFLIFE_URL", &server.base)
            .args(args);
        c
    };
    with_home(&["lifecycle", "update", "--generated", "2099-01-01"])
        .assert()
        .code(0)
        .stdout(contains(user_file.display().to_string()))
        // A cycle the built-in catalogue does not map keeps endoflife.date's name.
        .stdout(contains(
            "added sql-server 18.0: release 2026-11-03, mainstream end 2033-01-11, extended end 2038-01-11",
        ));
    assert!(user_file.exists());
    let products_args = [
        "products",
        "-p",
        "sql-server",
        "--as-of",
        "2026-12-01",
        "-f",
        "json",
    ];
    let listed = with_home(&products_args).output().unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed[0]["current"], "18.0", "{listed}");
    with_home(&["validate"])
        .assert()
        .code(0)
        .stdout(contains(format!(
            "data: lifecycle data: updated {}, generated 2099-01-01",
            user_file.display()
        )));
    let validated = with_home(&["validate", "-f", "json"]).output().unwrap();
    let validated: Value = serde_json::from_slice(&validated.stdout).unwrap();
    assert_eq!(validated["data"]["lifecycle"]["origin"], "updated");
    assert_eq!(validated["data"]["entitlements"]["origin"], "built-in");
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "-t",
            "solutions-partner",
            "-p",
            "sql-server",
            "-f",
            "json",
        ];
        args.extend(extra);
        let out = with_home(&args).output().unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["data"]["lifecycle"].clone()
    };
    let used = check(&[]);
    assert_eq!(used["origin"], "updated");
    assert_eq!(used["path"], user_file.display().to_string());
    assert_eq!(used["generated"], "2099-01-01");
    let forced = check(&["--builtin-data"]);
    assert_eq!(forced["origin"], "built-in");
    assert!(forced.get("path").is_none());
    let listed = with_home(&[&products_args[..], &["--builtin-data"]].concat())
        .output()
        .unwrap();
    let listed: Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(listed[0]["current"], "2025");
    // A data flag wins over the updated file.
    let named = check(&["--lifecycle", "data/lifecycle.json"]);
    assert_eq!(named["origin"], "file");

    // An updated file older than the built-in data (after an upgrade) is passed over, and
    // the update says so.
    with_home(&["lifecycle", "update", "--generated", "2020-01-01"])
        .assert()
        .code(0)
        .stderr(contains(
            "is as new as this file (generated 2020-01-01): commands keep using the built-in data",
        ));
    assert_eq!(check(&[])["origin"], "built-in");
    // A data directory in the environment wins over the updated file: the update says so.
    with_home(&["lifecycle", "update", "--generated", "2099-01-01"])
        .env("MPN_SUPPORT_DATA_DIR", "tests/fixtures/basic")
        .assert()
        .code(0)
        .stderr(contains(
            "MPN_SUPPORT_DATA_DIR is set (`tests/fixtures/basic`): commands read the lifecycle data from there",
        ));
    with_home(&["lifecycle", "update", "--generated", "2099-01-02"])
        .assert()
        .code(0)
        .stderr(contains("MPN_SUPPORT_DATA_DIR").not())
        .stderr(contains("keep using the built-in").not());
}

/// `--dry-run` lists added, changed and removed versions with old and new dates and writes
/// nothing; the real run then writes exactly that.
#[test]
fn dry_run_lists_changes_and_writes_nothing() {
    let mut replies = recorded();
    let mut exchange = answer_of("msexchange");
    let releases = exchange["result"]["releases"].as_array_mut().unwrap();
    let before = releases.len();
    releases.retain(|r| r["name"] != "2003");
    assert_eq!(releases.len(), before - 1, "fixture has 2003");
    for r in releases.iter_mut() {
        if r["name"] == "2010" {
            r["eolFrom"] = "2020-10-14".into();
        }
    }
    replies.insert("msexchange".into(), Reply::Body(exchange.to_string()));
    let server = serve(replies);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    std::fs::write(&out, include_str!("../../data/lifecycle.json")).unwrap();
    let assert = update(&server, &out).arg("--dry-run").assert().code(0);
    let shown = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(
        shown.contains("changed exchange-server 2010: extended end 2020-10-13 -> 2020-10-14"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "removed exchange-server 2003: release 2003-09-28, mainstream end 2009-04-14, extended end 2014-04-08"
        ),
        "{shown}"
    );
    assert!(shown.contains("would update"), "{shown}");
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        include_str!("../../data/lifecycle.json"),
        "dry run wrote"
    );
    // JSON summary, for scripts.
    let json = update(&server, &out)
        .args(["--dry-run", "-f", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["dry_run"], true);
    assert!(json["changes"].as_array().unwrap().len() >= 3, "{json}");
    // Issue 21, defect 1: the removal is refused unless asked for; the dry run said so.
    assert!(
        String::from_utf8_lossy(&assert.get_output().stderr)
            .contains("a real run would refuse this"),
        "{:?}",
        assert.get_output()
    );
    update(&server, &out)
        .assert()
        .code(2)
        .stderr(contains(
            "product `exchange-server` would lose 1 of its 10 versions (from ",
        ))
        .stderr(contains("): `2003`\n"));
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        include_str!("../../data/lifecycle.json"),
        "a refused run wrote"
    );
    update(&server, &out)
        .arg("--allow-removals")
        .assert()
        .code(0)
        .stdout(contains("wrote "));
    assert_ne!(
        std::fs::read_to_string(&out).unwrap(),
        include_str!("../../data/lifecycle.json")
    );
}

/// An upstream name that would be markup in markdown: HTML, a `javascript:` link, a code span,
/// table cells.
pub const MARKUP_NAME: &str = "<img src=x onerror=alert(1)>[l](javascript:alert(1))`c`|x|";

/// Parses markdown as GitHub renders it and checks that no value became markup: no HTML, no
/// link or image, no code span; returns the text it holds.
pub fn markdown_text(markdown: &str) -> String {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let mut text = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        let markup = matches!(
            event,
            Event::Html(_)
                | Event::InlineHtml(_)
                | Event::Code(_)
                | Event::Start(Tag::Link { .. } | Tag::Image { .. })
        );
        assert!(!markup, "markup from a value: {event:?} in {markdown}");
        if let Event::Text(t) = event {
            text.push_str(&t);
        }
    }
    text
}

/// Issue 21, defect 9: the markdown report of an update repeats an upstream version name as
/// text: no HTML, no `javascript:` link, no code span.
#[test]
fn markdown_report_escapes_upstream_names() {
    let mut replies = recorded();
    let mut exchange = answer_of("msexchange");
    exchange["result"]["releases"]
        .as_array_mut()
        .unwrap()
        .insert(
            0,
            serde_json::json!({
                "name": MARKUP_NAME, "codename": null, "label": MARKUP_NAME,
                "releaseDate": "2026-11-03", "isLts": false, "ltsFrom": null, "isEoas": false,
                "eoasFrom": "2033-01-11", "isEol": false, "eolFrom": "2038-01-11",
                "isMaintained": true, "latest": null
            }),
        );
    replies.insert("msexchange".into(), Reply::Body(exchange.to_string()));
    let server = serve(replies);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    let run = update(&server, &out)
        .args(["--dry-run", "--format", "markdown"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(run.stdout).unwrap();
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    let text = markdown_text(&stdout);
    assert!(
        text.contains(&format!("added exchange-server {MARKUP_NAME}")),
        "{text}"
    );
}

/// A failed update: exit 2, a message naming the product and address, and the old file
/// byte-identical, no temporary file left beside it.
fn fails_keeping_the_old_file(server: &Server, extra: &[&str], message: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    std::fs::write(&out, "old contents, kept byte for byte\n").unwrap();
    let assert = update(server, &out).args(extra).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    for part in message {
        assert!(stderr.contains(part), "`{part}` not in: {stderr}");
    }
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"old contents, kept byte for byte\n"
    );
    let left = files_in(dir.path());
    assert_eq!(left, vec![out], "temporary file left behind");
}

fn with(slug: &str, reply: Reply) -> Server {
    let mut replies = recorded();
    replies.insert(slug.into(), reply);
    serve(replies)
}

/// A product missing upstream is an error naming it, not a silent drop of its versions.
#[test]
fn product_missing_upstream_fails() {
    let mut replies = recorded();
    replies.remove("sharepoint");
    let server = serve(replies);
    let url = format!("{}/api/v1/products/sharepoint", server.base);
    fails_keeping_the_old_file(
        &server,
        &[],
        &[
            "error: cannot fetch `sharepoint` (product `sharepoint-server`)",
            &url,
            "HTTP 404",
            "nothing was written",
        ],
    );
}

/// Any other HTTP error status names itself.
#[test]
fn http_error_fails() {
    let server = with("msexchange", Reply::Status(503));
    let url = format!("{}/api/v1/products/msexchange", server.base);
    fails_keeping_the_old_file(
        &server,
        &[],
        &["`msexchange` (product `exchange-server`)", &url, "HTTP 503"],
    );
}

/// Issue 21, defect 10: a status outside HTTP's range of successes (999 or 600, with a whole
/// valid answer as its body) is no success: nothing is imported.
#[test]
fn invalid_http_statuses_fail() {
    for code in [999, 600] {
        let server = with(
            "msexchange",
            Reply::StatusBody(code, recorded_text("msexchange")),
        );
        let url = format!("{}/api/v1/products/msexchange", server.base);
        fails_keeping_the_old_file(
            &server,
            &[],
            &[
                "`msexchange` (product `exchange-server`)",
                &url,
                &format!("HTTP {code}"),
            ],
        );
    }
}

/// Issue 21, defect 7: a user name and password in the base address are never stored in the
/// written file nor shown in a message or warning (they are dropped, with a warning saying so).
#[test]
fn a_password_in_the_base_address_is_neither_stored_nor_shown() {
    let server = serve(recorded());
    let with_password = server.base.replace("http://", "http://user:s3cret@");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    let run = update(&server, &out)
        .env("MPN_SUPPORT_ENDOFLIFE_URL", &with_password)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&run.stdout);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(0), "{stdout}{stderr}");
    let written = std::fs::read_to_string(&out).unwrap();
    for shown in [&written, &stdout.to_string(), &stderr.to_string()] {
        assert!(
            !shown.contains("s3cret") && !shown.contains("user:"),
            "{shown}"
        );
    }
    assert!(written.contains(&server.base), "the address is recorded");
    assert!(
        stderr.contains("user name and password") && stderr.contains("left out"),
        "{stderr}"
    );
    // A failure names the address without them.
    let mut replies = recorded();
    replies.remove("sharepoint");
    let failing = serve(replies);
    let run = update(&failing, &out)
        .arg("--base-url")
        .arg(failing.base.replace("http://", "http://user:s3cret@"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("{}/api/v1/products/sharepoint", failing.base)),
        "{stderr}"
    );
    assert!(!stderr.contains("s3cret"), "{stderr}");
}

/// The built-in lifecycle data's text.
const BUILTIN: &str = include_str!("../../data/lifecycle.json");

/// Each product's version names in a lifecycle file.
fn version_names(text: &str) -> HashMap<String, Vec<String>> {
    products(text)
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let names = p["versions"]
                .as_array()
                .map(|vs| {
                    vs.iter()
                        .map(|v| v["version"].as_str().unwrap().to_owned())
                        .collect()
                })
                .unwrap_or_default();
            (p["id"].as_str().unwrap().to_owned(), names)
        })
        .collect()
}

/// Issue 21, defect 1: a partial answer (no releases, an empty API v0 array, a `result` key
/// given twice, a single release, another product's answer) is refused, naming the product
/// and what would go missing, and the old file stays byte-identical; `--dry-run` lists the
/// removals, and `--allow-removals` takes them.
#[test]
fn partial_answers_never_lose_versions() {
    let windows = recorded_text("windows");
    let duplicate = format!(
        "{{\"result\": {}, \"result\": {{\"releases\": []}}}}",
        answer_of("windows")["result"]
    );
    let mut single = answer_of("windows-server");
    single["result"]["releases"]
        .as_array_mut()
        .unwrap()
        .truncate(1);
    let cases = [
        (
            "azure-devops-server",
            r#"{"result":{"releases":[]}}"#.to_owned(),
            "product `azure-devops-server` would lose ",
        ),
        (
            "visual-studio",
            "[]".to_owned(),
            "product `visual-studio` would lose all 8 of its versions",
        ),
        ("windows", duplicate, "duplicate field `result`"),
        (
            "windows-server",
            single.to_string(),
            "product `windows-server` would lose 12 of its 18 versions",
        ),
        (
            "windows-server",
            windows,
            "the answer is about product `windows`, not `windows-server`",
        ),
    ];
    for (slug, body, message) in cases {
        let server = with(slug, Reply::Body(body));
        let url = format!("{}/api/v1/products/{slug}", server.base);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("lifecycle.json");
        std::fs::write(&out, BUILTIN).unwrap();
        let run = update(&server, &out).output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{slug}: {stderr}");
        assert!(stderr.contains(message), "{slug}: {stderr}");
        assert!(stderr.contains(&url), "{slug}: {stderr}");
        assert_eq!(std::fs::read_to_string(&out).unwrap(), BUILTIN, "{slug}");
        assert_eq!(
            files_in(dir.path()),
            vec![out],
            "{slug}: temporary file left"
        );
    }
    // With no file yet, the built-in data is what would be lost.
    let server = with(
        "azure-devops-server",
        Reply::Body(r#"{"result":{"releases":[]}}"#.into()),
    );
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    update(&server, &out)
        .assert()
        .code(2)
        .stderr(contains("that the built-in data has"))
        .stderr(contains("product `azure-devops-server` would lose "));
    assert!(!out.exists());
    // A dry run lists the removals and says the real run would refuse them.
    update(&server, &out)
        .arg("--dry-run")
        .assert()
        .code(0)
        .stdout(contains("removed azure-devops-server 2022: release "))
        .stderr(contains("a real run would refuse this"))
        .stderr(contains("--allow-removals"));
    // Asked for, the removals are written, and the file is read by every command.
    update(&server, &out)
        .arg("--allow-removals")
        .assert()
        .code(0)
        .stdout(contains("wrote "));
    let written = std::fs::read_to_string(&out).unwrap();
    let names = version_names(&written);
    let builtin = version_names(BUILTIN);
    assert!(names["azure-devops-server"].len() < builtin["azure-devops-server"].len());
    assert_eq!(names["sql-server"], builtin["sql-server"]);
    cmd()
        .args(["validate", "--lifecycle"])
        .arg(&out)
        .assert()
        .code(0);
}

/// An API v1 answer for `slug` with `count` releases named `<prefix><i>`, dated over 30 years.
fn answer_with(slug: &str, count: usize, prefix: &str) -> String {
    let releases: Vec<String> = (0..count)
        .map(|i| {
            format!(
                r#"{{"name":"{prefix}{i}","releaseDate":"{:04}-{:02}-{:02}"}}"#,
                1990 + (i / 336) % 30,
                1 + (i / 28) % 12,
                1 + i % 28
            )
        })
        .collect();
    format!(
        r#"{{"result":{{"name":"{slug}","releases":[{}]}}}}"#,
        releases.join(",")
    )
}

/// Issue 21, defects 5 and 6: an answer of 180,000 releases (7.8 MB, under the 8 MiB cap) is
/// converted in linear time (it took 100 s after the download) and refused as soon as it is
/// clear that the file could not be read back (more versions than 16 MiB can hold); answers
/// whose versions fit but whose text would not (three products of 35,000 versions with long
/// names) are refused before the write. Nothing is written. The kill switch is far above what
/// the linear conversion takes in a debug build.
#[test]
fn a_huge_answer_is_refused_in_time_not_written() {
    let body = answer_with("windows", 180_000, "r");
    assert!(body.len() < 8 << 20, "{}", body.len());
    let server = with("windows", Reply::Body(body));
    let url = format!("{}/api/v1/products/windows", server.base);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    std::fs::write(&out, BUILTIN).unwrap();
    update(&server, &out)
        .args(["--timeout", "600", "--allow-removals"])
        .timeout(Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(contains(&url))
        .stderr(contains("product `windows` brings the data to "))
        .stderr(contains("more than a lifecycle file of 16 MiB can hold"));
    let long = "n".repeat(120);
    let mut replies = recorded();
    for slug in ["windows", "office", "visual-studio"] {
        let body = answer_with(slug, 35_000, &long);
        assert!(body.len() < 8 << 20, "{}", body.len());
        replies.insert(slug.into(), Reply::Body(body));
    }
    let server = serve(replies);
    update(&server, &out)
        .args(["--timeout", "600", "--allow-removals"])
        .timeout(Duration::from_secs(120))
        .assert()
        .code(2)
        .stderr(contains(format!("cannot write `{}`", out.display())))
        .stderr(contains("more than the 16 MiB every command reads"));
    assert_eq!(std::fs::read_to_string(&out).unwrap(), BUILTIN);
    assert_eq!(files_in(dir.path()), vec![out]);
}

/// Issue 21, defect 5: `--timeout` bounds the whole update, not each answer: two answers of
/// 1.5 s each do not fit in 2 s (each alone did).
#[test]
fn the_timeout_covers_the_whole_update() {
    let mut replies = recorded();
    for slug in ["mssqlserver", "windows-server"] {
        replies.insert(
            slug.into(),
            Reply::Slow(recorded_text(slug), Duration::from_millis(1500)),
        );
    }
    let server = serve(replies);
    fails_keeping_the_old_file(
        &server,
        &["--timeout", "2"],
        &[
            "within 2 s, the time the whole update may take",
            "--timeout",
        ],
    );
}

/// Issue 21, defect 12: a bad value from upstream is reported with the address it came from,
/// the product and the version (not a line of a file never written), and a name clash as a
/// clash between the two spellings.
#[test]
fn bad_upstream_values_name_their_source() {
    let mut sql = answer_of("mssqlserver");
    sql["result"]["releases"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "name": "20-22", "label": null, "releaseDate": "2023-01-01", "isEoas": false,
            "eoasFrom": "2028-01-11", "isEol": false, "eolFrom": "2033-01-11"
        }));
    let mut windows = answer_of("windows");
    windows["result"]["releases"][0]["releaseDate"] = "2022-13-01".into();
    let mut replies = recorded();
    replies.insert("mssqlserver".into(), Reply::Body(sql.to_string()));
    replies.insert("windows".into(), Reply::Body(windows.to_string()));
    let server = serve(replies);
    let sql_url = format!("{}/api/v1/products/mssqlserver", server.base);
    let windows_url = format!("{}/api/v1/products/windows", server.base);
    fails_keeping_the_old_file(
        &server,
        &[],
        &[
            "error: the imported data would not load, so nothing was written (2 errors):\n",
            &format!(
                "\n{sql_url}: product `sql-server` version `2022`: version `2022` clashes with version `20-22`: the two are one name once case, spaces, hyphens and underscores are ignored\n"
            ),
            &format!(
                "\n{windows_url}: product `windows` version `11 26H1 (E)`: release: `2022-13-01` is not a real date in the form YYYY-MM-DD"
            ),
        ],
    );
    let run = update(&server, &tempfile::tempdir().unwrap().path().join("x.json"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(!stderr.contains("as imported"), "{stderr}");
    assert!(!stderr.contains("duplicate version"), "{stderr}");
}

/// Nothing listening (no network): the address and what to check.
#[test]
fn connection_refused_fails() {
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = Server {
        base: format!("http://127.0.0.1:{port}"),
        seen: Arc::default(),
    };
    fails_keeping_the_old_file(
        &server,
        &[],
        &[
            &format!("http://127.0.0.1:{port}/api/v1/products/mssqlserver"),
            "cannot connect",
            "check the address and the network",
        ],
    );
}

/// A server that never answers is given up on after --timeout seconds.
#[test]
fn timeout_fails() {
    let server = with("office", Reply::Hang);
    let started = std::time::Instant::now();
    fails_keeping_the_old_file(
        &server,
        &["--timeout", "1"],
        &["`office`", "/api/v1/products/office", "within 1 s"],
    );
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "did not time out"
    );
}

/// An answer cut short by a closed connection.
#[test]
fn truncated_answer_fails() {
    let body = recorded_text("windows");
    let server = with("windows", Reply::CutShort(body));
    fails_keeping_the_old_file(
        &server,
        &[],
        &["`windows`", "/api/v1/products/windows", "cut short"],
    );
}

/// A complete answer that is not the API's JSON names the address, line and column; one of
/// the wrong shape says what was expected.
#[test]
fn malformed_answers_fail() {
    let server = with(
        "visual-studio",
        Reply::Body("<html>maintenance</html>".into()),
    );
    let url = format!("{}/api/v1/products/visual-studio", server.base);
    fails_keeping_the_old_file(&server, &[], &[&format!("{url}:1:1: expected value")]);
    let body = recorded_text("office");
    let cut = body[..body.len() / 3].to_owned();
    let server = with("office", Reply::Body(cut));
    fails_keeping_the_old_file(&server, &[], &["/api/v1/products/office:", "EOF"]);
    let server = with(
        "azure-devops-server",
        Reply::Body(r#"{"result": {}}"#.into()),
    );
    fails_keeping_the_old_file(
        &server,
        &[],
        &[
            "/api/v1/products/azure-devops-server",
            "expected an array of cycles (v0) or `result.releases` (v1)",
        ],
    );
}

/// A write that cannot complete (the rename onto the target fails: here the target is a
/// folder) leaves the target as it was and no temporary file behind.
#[test]
fn interrupted_write_keeps_the_target() {
    let server = serve(recorded());
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("lifecycle.json");
    std::fs::create_dir(&target).unwrap();
    std::fs::write(target.join("keep.txt"), "kept\n").unwrap();
    update(&server, &target)
        .assert()
        .code(2)
        .stderr(contains(format!("cannot write `{}`", target.display())));
    assert_eq!(
        std::fs::read_to_string(target.join("keep.txt")).unwrap(),
        "kept\n"
    );
    let left = files_in(dir.path());
    assert_eq!(left, vec![target], "temporary file left behind");
}

/// Bad options are refused before any request, naming the value and what is valid; the long
/// help says what the command does and what a failure leaves.
#[test]
fn bad_options_are_refused() {
    cmd()
        .args(["lifecycle", "update", "--help"])
        .assert()
        .code(0)
        .stdout(contains("/api/v1/products/<slug>"))
        .stdout(contains("leaves the old file as it was"))
        .stdout(contains("MPN_SUPPORT_ENDOFLIFE_URL"));
    cmd()
        .args(["lifecycle", "update", "--base-url", "endoflife.date"])
        .assert()
        .code(2)
        .stderr(contains(
            "`endoflife.date` is not an http:// or https:// address",
        ))
        .stderr(contains("https://endoflife.date"));
    cmd()
        .args(["lifecycle", "update", "--timeout", "0"])
        .assert()
        .code(2)
        .stderr(contains("0 is not in 1..=600"));
    cmd()
        .args(["lifecycle", "update", "--generated", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(contains("2026-02-30"));
}

/// On a terminal, a progress line per product goes to stderr (run under `script`, which
/// gives the command a pseudo-terminal).
#[cfg(target_os = "linux")]
#[test]
fn progress_lines_on_a_terminal() {
    let server = serve(recorded());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    let bin = assert_cmd::cargo::cargo_bin("mpn-support");
    let line = format!(
        "{} lifecycle update --output {} --base-url {} --dry-run",
        bin.display(),
        out.display(),
        server.base
    );
    let run = std::process::Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env("XDG_DATA_HOME", dir.path())
        .output()
        .expect("`script` (util-linux) runs");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(run.status.success(), "{text}");
    let count = recorded().len();
    assert!(
        text.contains(&format!(
            "[1/{count}] {}/api/v1/products/mssqlserver ... ok",
            server.base
        )),
        "{text}"
    );
    assert!(text.contains(&format!("[{count}/{count}] ")), "{text}");
}

/// Behind a proxy (HTTP_PROXY here; HTTPS_PROXY and ALL_PROXY alike): the requests go to the
/// proxy, which reaches a host this machine could not resolve itself.
#[test]
fn update_goes_through_a_proxy() {
    let proxy = serve(recorded());
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    cmd()
        .args([
            "lifecycle",
            "update",
            "--generated",
            "2099-01-01",
            "--output",
        ])
        .arg(&out)
        .args(["--base-url", "http://endoflife.invalid"])
        .env("HTTP_PROXY", &proxy.base)
        .assert()
        .code(0);
    assert_eq!(products(&std::fs::read_to_string(&out).unwrap()), builtin());
    let seen = proxy.seen.lock().unwrap().clone();
    assert!(
        seen.iter()
            .any(|s| s.path == "/api/v1/products/mssqlserver"),
        "{seen:?}"
    );
    assert!(
        seen.iter()
            .any(|s| s.path.starts_with("CONNECT endoflife.invalid")),
        "went through the proxy: {seen:?}"
    );
}

/// An answer larger than any real one is refused, not read into memory without end.
#[test]
fn oversized_answer_fails() {
    let huge = format!(
        "{{\"result\": {{\"releases\": [], \"pad\": \"{}\"}}}}",
        "x".repeat(9 << 20)
    );
    let server = with("windows", Reply::Body(huge));
    fails_keeping_the_old_file(
        &server,
        &[],
        &["`windows`", "/api/v1/products/windows", "larger than 8 MiB"],
    );
}

/// The updated file is read like any data file: a pipe planted where it belongs is refused at
/// once, naming the path, never waited on.
#[cfg(unix)]
#[test]
fn a_pipe_in_place_of_the_updated_file_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("mpn-support");
    std::fs::create_dir_all(&folder).unwrap();
    let fifo = folder.join("lifecycle.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    cmd()
        .env("XDG_DATA_HOME", home.path())
        .args(["products", "--as-of", "2026-12-02"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains(fifo.display().to_string()))
        .stderr(contains("not a regular file"));
}

/// A FIFO at `path`.
#[cfg(unix)]
pub fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

/// Whether `path` is still what it was made as: a FIFO or a socket, not a regular file.
#[cfg(unix)]
pub fn is_special(path: &Path) -> bool {
    use std::os::unix::fs::FileTypeExt as _;
    let kind = std::fs::symlink_metadata(path).unwrap().file_type();
    kind.is_fifo() || kind.is_socket() || kind.is_char_device()
}

/// An output path that is a pipe is not read (the old text is read like any data file): a dry
/// run finishes at once, refusing it (issue 21, defect 2), and leaves the pipe as it was.
#[cfg(unix)]
#[test]
fn a_pipe_as_output_is_not_waited_on() {
    let server = serve(recorded());
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("lifecycle.json");
    mkfifo(&fifo);
    update(&server, &fifo)
        .arg("--dry-run")
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains("not a regular file"));
    assert!(is_special(&fifo));
}

/// Issue 21, defect 2: an output that exists and is not a regular file (a FIFO, a socket; a
/// device such as /dev/null alike) is refused, naming it, and left as it was, whether named by
/// `--output` or found at the data-folder path.
#[cfg(unix)]
#[test]
fn an_output_that_is_not_a_regular_file_is_refused() {
    let server = serve(recorded());
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("fifo.json");
    mkfifo(&fifo);
    let socket = dir.path().join("socket.json");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    for target in [&fifo, &socket] {
        update(&server, target)
            .timeout(Duration::from_secs(20))
            .assert()
            .code(2)
            .stderr(contains(format!("cannot write `{}`", target.display())))
            .stderr(contains("not a regular file"));
        assert!(is_special(target), "{} replaced", target.display());
    }
    let home = tempfile::tempdir().unwrap();
    let folder = home.path().join("mpn-support");
    std::fs::create_dir_all(&folder).unwrap();
    let fifo = folder.join("lifecycle.json");
    mkfifo(&fifo);
    cmd()
        .env("XDG_DATA_HOME", home.path())
        .env("MPN_SUPPORT_ENDOFLIFE_URL", &server.base)
        .args(["lifecycle", "update"])
        .timeout(Duration::from_secs(20))
        .assert()
        .code(2)
        .stderr(contains("not a regular file"));
    assert!(is_special(&fifo));
    let left: Vec<_> = files_in(&folder);
    assert_eq!(left, vec![fifo], "temporary file left behind");
}

/// The slugs the built-in catalogue asks for.
const SLUGS: [&str; 8] = [
    "mssqlserver",
    "windows-server",
    "msexchange",
    "sharepoint",
    "office",
    "visual-studio",
    "windows",
    "azure-devops-server",
];

/// An answer the update server may give for one product: the recorded one, part of it, in
/// another order, cut short, another product's, empty, with thousands of releases more, a
/// release with an arbitrary value, or any of these under an odd status.
fn any_answer() -> impl Strategy<Value = (&'static str, Reply)> {
    let slug = proptest::sample::select(&SLUGS[..]);
    let releases = |slug: &str| answer_of(slug)["result"]["releases"].clone();
    let with_releases = move |slug: &str, rows: Vec<Value>| {
        let mut answer = answer_of(slug);
        answer["result"]["releases"] = Value::Array(rows);
        answer.to_string()
    };
    let body = (slug, 0usize..8, 0usize..4000, "\\PC{0,12}").prop_map(
        move |(slug, kind, n, text)| {
            let rows = releases(slug).as_array().cloned().unwrap_or_default();
            let body = match kind {
                0 => recorded_text(slug),
                1 => with_releases(slug, rows.iter().take(n % (rows.len() + 1)).cloned().collect()),
                2 => {
                    let mut rows = rows;
                    let len = rows.len().max(1);
                    rows.rotate_left(n % len);
                    rows.reverse();
                    with_releases(slug, rows)
                }
                3 => {
                    let text = recorded_text(slug);
                    let mut cut = n * text.len() / 4000;
                    while !text.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    text[..cut].to_owned()
                }
                4 => recorded_text(SLUGS[n % SLUGS.len()]),
                5 => ["", "[]", "{}", "null", r#"{"result":{"releases":[]}}"#][n % 5].to_owned(),
                6 => {
                    let mut rows = rows;
                    rows.extend((0..n).map(|i| {
                        serde_json::json!({
                            "name": format!("extra-{i}"),
                            "releaseDate": format!("{:04}-{:02}-{:02}", 1990 + i % 30, 1 + i % 12, 1 + i % 28),
                            "isEoas": false, "eoasFrom": null, "isEol": false, "eolFrom": null
                        })
                    }));
                    with_releases(slug, rows)
                }
                _ => {
                    let mut rows = rows;
                    if !rows.is_empty() {
                        let at = n % rows.len();
                        let field = ["name", "releaseDate", "eoasFrom", "eolFrom", "label"][n % 5];
                        rows[at][field] = Value::String(text);
                    }
                    with_releases(slug, rows)
                }
            };
            (slug, body)
        },
    );
    let status = proptest::sample::select(
        &[
            200u16, 200, 200, 201, 204, 299, 301, 404, 418, 500, 600, 999,
        ][..],
    );
    (body, status).prop_map(|((slug, body), status)| {
        let reply = if status == 200 {
            Reply::Body(body)
        } else {
            Reply::StatusBody(status, body)
        };
        (slug, reply)
    })
}

use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    /// Issue 21, the general property: whatever the server answers, `lifecycle update` either
    /// writes a file that every command then reads, with every version the old file had (unless
    /// --allow-removals), or exits 2 leaving the old file byte-identical and nothing beside it.
    #[test]
    fn any_answer_writes_a_readable_file_or_keeps_the_old_one(
        (slug, reply) in any_answer(),
        fresh in proptest::bool::weighted(0.2),
        allow_removals in proptest::bool::weighted(0.2),
    ) {
        let server = with(slug, reply);
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("lifecycle.json");
        if !fresh {
            std::fs::write(&out, BUILTIN).unwrap();
        }
        let mut command = update(&server, &out);
        if allow_removals {
            command.arg("--allow-removals");
        }
        let run = command.timeout(Duration::from_secs(60)).output().unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
        prop_assert!(!stderr.contains("panicked"), "{}", stderr);
        match run.status.code() {
            Some(0) => {
                let written = std::fs::read_to_string(&out).unwrap();
                for args in [&["validate"][..], &["products", "--as-of", "2026-01-01"][..]] {
                    let read = cmd().args(args).arg("--lifecycle").arg(&out).output().unwrap();
                    prop_assert_eq!(read.status.code(), Some(0), "{:?}: {:?}", args, read);
                }
                if !allow_removals {
                    let now = version_names(&written);
                    for (product, had) in version_names(BUILTIN) {
                        for version in had {
                            prop_assert!(
                                now.get(&product).is_some_and(|v| v.contains(&version)),
                                "{} {} lost: {}", product, version, stderr
                            );
                        }
                    }
                }
            }
            Some(2) => {
                if fresh {
                    prop_assert!(!out.exists(), "{}", stderr);
                } else {
                    prop_assert_eq!(std::fs::read_to_string(&out).unwrap(), BUILTIN);
                }
                prop_assert!(stderr.starts_with("error: "), "{}", stderr);
            }
            other => prop_assert!(false, "exit {:?}: {}", other, stderr),
        }
        let left: Vec<PathBuf> = files_in(dir.path()).into_iter().filter(|p| *p != out).collect();
        prop_assert!(left.is_empty(), "left behind: {:?}", left);
    }
}

/// Second review, finding 5: with `--lang ja` an update that cannot fetch, or would remove
/// versions, says so in Japanese (the values, the address and what the client said, as they
/// are), and keeps the file as it was.
#[test]
fn update_failures_speak_japanese() {
    let server = with("msexchange", Reply::Status(503));
    let url = format!("{}/api/v1/products/msexchange", server.base);
    fails_keeping_the_old_file(
        &server,
        &["--lang", "ja"],
        &[
            &format!("エラー: {url} から `msexchange` (製品 `exchange-server`) を取得できません: "),
            "サーバーの応答は HTTP 503 で、成功 (2xx) ではありません",
        ],
    );
    let server = with("visual-studio", Reply::Body("[]".into()));
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("lifecycle.json");
    let run = update(&server, &out)
        .args(["--lang", "ja"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(2), "{stderr}");
    let lines: Vec<&str> = stderr.lines().collect();
    assert!(
        lines[0].starts_with("エラー: 更新すると組み込みデータにあるバージョンが 8 個削除されるため、何も書き込んでいません"),
        "{stderr}"
    );
    assert!(
        lines[1].starts_with("製品 `visual-studio` は 8 個のバージョンすべてを失います ("),
        "{stderr}"
    );
    assert!(!out.exists());
    assert!(!stderr.is_ascii() && !stderr.contains("would"), "{stderr}");
}
