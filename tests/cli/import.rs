//! The committed lifecycle file is exactly what `lifecycle import` makes of the committed
//! sources, so the data can always be regenerated and reviewed as a diff.

#![allow(
    clippy::expect_used,
    reason = "a broken fixture should fail the test loudly"
)]

use crate::common::cmd;
use predicates::prelude::*;
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

fn import_into(sources: &str, out: &std::path::Path, extra: &[&str]) -> assert_cmd::assert::Assert {
    cmd()
        .args([
            "lifecycle",
            "import",
            "--generated",
            "2026-01-01",
            "--sources",
        ])
        .arg(crate::common::fixture(&format!("import/{sources}")))
        .arg("--output")
        .arg(out)
        .args(extra)
        .assert()
}

/// The three endoflife.date formats (page front matter, API v0, API v1) import to the same
/// file: dates, `false` as "continues" (v0's inverted `support` included), service-pack rows
/// rolled up, side tracks, rows without a usable date left out with a warning.
#[test]
fn imports_each_endoflife_format_identically() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut texts = Vec::new();
    for format in ["frontmatter", "api-v0", "api-v1"] {
        let out = dir.path().join(format!("{format}.json"));
        import_into(format, &out, &[]).code(0).stderr(contains(
            "cycle `1999` ended on a date the page does not give: left out",
        ));
        texts.push(std::fs::read_to_string(&out).expect("written"));
    }
    assert_eq!(texts[0], texts[1], "front matter and API v0 differ");
    assert_eq!(texts[0], texts[2], "front matter and API v1 differ");
    let v: serde_json::Value = serde_json::from_str(&texts[0]).expect("JSON");
    let versions = &v["products"][0]["versions"];
    let find = |name: &str| {
        versions
            .as_array()
            .expect("versions")
            .iter()
            .find(|x| x["version"] == name)
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(
        find("Continuous")["mainstream_end"],
        serde_json::Value::Null
    );
    assert_eq!(find("Continuous")["policy"], "modern");
    // 2021 and 2021-sp1 roll up: first release, the last row's end dates.
    assert_eq!(find("2021")["release"], "2021-03-01");
    assert_eq!(find("2021")["mainstream_end"], "2026-03-01");
    assert_eq!(find("24h2-sac")["track"], "sac");
    assert_eq!(find("1999"), serde_json::Value::Null);
}

/// A conflict between source and supplement is reported; `--prefer` picks the side.
#[test]
fn prefer_picks_the_side_of_a_conflict() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("lifecycle.json");
    import_into("api-v1", &out, &[])
        .code(0)
        .stderr(contains("widget-server 2024: mainstream end: kept endoflife.date 2029-03-01, supplement says 2029-06-01"));
    assert!(
        std::fs::read_to_string(&out)
            .expect("file")
            .contains("\"2029-03-01\"")
    );
    import_into("api-v1", &out, &["--prefer", "curated"])
        .code(0)
        .stderr(contains("widget-server 2024: mainstream end: endoflife.date 2029-03-01 replaced by supplement 2029-06-01"));
    let text = std::fs::read_to_string(&out).expect("file");
    assert!(text.contains("\"2029-06-01\"") && !text.contains("\"2029-03-01\""));
}

/// `--dry-run` lists each changed date with old and new values and leaves the file alone.
#[test]
fn dry_run_lists_changes_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("lifecycle.json");
    import_into("frontmatter", &out, &[]).code(0);
    let before = std::fs::read(&out).expect("file");
    import_into("frontmatter", &out, &["--dry-run", "--prefer", "curated"])
        .code(0)
        .stdout(contains(
            "  changed widget-server 2024: mainstream end 2029-03-01 -> 2029-06-01\n",
        ))
        .stdout(contains("would update"));
    assert_eq!(std::fs::read(&out).expect("file"), before);
}

/// An import whose result would not validate fails naming where the bad value came from (issue
/// 21, defect 12: not the output, which was never written), and the old file stays
/// byte-identical.
#[test]
fn failed_import_leaves_the_old_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let sources = dir.path().join("sources");
    std::fs::create_dir_all(sources.join("endoflife")).expect("dirs");
    let src = crate::common::fixture("import/frontmatter");
    for file in ["microsoft-lifecycle-supplement.json", "endoflife/widget.md"] {
        std::fs::copy(src.join(file), sources.join(file)).expect("copy");
    }
    let catalogue = std::fs::read_to_string(src.join("catalogue.json"))
        .expect("catalogue")
        .replace("\"track\": \"sac\"", "\"track\": \"preview\"");
    std::fs::write(sources.join("catalogue.json"), catalogue).expect("write");
    let out = dir.path().join("lifecycle.json");
    std::fs::write(&out, "old contents\n").expect("seed");
    cmd()
        .args(["lifecycle", "import", "--sources"])
        .arg(&sources)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains(
            "\ncatalogue.json: product `widget-server` version `24h2-sac`: track: track `preview` is not one of the product's tracks\n",
        ))
        .stderr(contains("as imported").not())
        .stderr(contains(out.display().to_string()).not());
    assert_eq!(std::fs::read(&out).expect("file"), b"old contents\n");
}

/// Issue 21, defect 9: the markdown report of an import repeats the output's name as text, even
/// a name that would be markup.
#[test]
fn markdown_report_escapes_the_output_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join(crate::update::MARKUP_NAME);
    let run = cmd()
        .args([
            "lifecycle",
            "import",
            "--generated",
            "2026-01-01",
            "--sources",
        ])
        .arg(crate::common::fixture("import/api-v1"))
        .arg("--output")
        .arg(&out)
        .args(["--format", "markdown"])
        .output()
        .expect("runs");
    let stdout = String::from_utf8(run.stdout).expect("UTF-8");
    assert_eq!(run.status.code(), Some(0), "{stdout}");
    let text = crate::update::markdown_text(&stdout);
    assert!(text.contains(&format!("wrote {}", out.display())), "{text}");
}

/// Issue 21, defect 2: an import into a FIFO or a socket is refused and leaves it as it was.
#[cfg(unix)]
#[test]
fn an_output_that_is_not_a_regular_file_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("fifo.json");
    crate::update::mkfifo(&fifo);
    let socket = dir.path().join("socket.json");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
    for target in [&fifo, &socket] {
        import_into("api-v1", target, &[])
            .code(2)
            .stderr(contains(format!("cannot write `{}`", target.display())))
            .stderr(contains("not a regular file"));
        assert!(crate::update::is_special(target), "{}", target.display());
    }
}

/// A copy of the front-matter sources whose page is `page`.
fn sources_with_page(dir: &std::path::Path, page: &str) -> std::path::PathBuf {
    let sources = dir.join("sources");
    std::fs::create_dir_all(sources.join("endoflife")).expect("dirs");
    let src = crate::common::fixture("import/frontmatter");
    for file in ["catalogue.json", "microsoft-lifecycle-supplement.json"] {
        std::fs::copy(src.join(file), sources.join(file)).expect("copy");
    }
    std::fs::write(sources.join("endoflife/widget.md"), page).expect("page");
    sources
}

/// `lifecycle import` of `sources` into `out` under a 1 GiB address-space limit, so that input
/// which would exhaust memory fails the test instead of the machine.
#[cfg(unix)]
fn import_limited(sources: &std::path::Path, out: &std::path::Path) -> std::process::Output {
    let bin = assert_cmd::cargo::cargo_bin("mpn-support");
    std::process::Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 1048576 && exec \"$0\" lifecycle import --generated 2026-01-01 --sources \"$1\" --output \"$2\"")
        .arg(bin)
        .arg(sources)
        .arg(out)
        .output()
        .expect("sh runs")
}

/// Issue 21, defect 4: a page whose YAML aliases would expand without bound (586 bytes grew
/// to 22.9 GB) is refused at once, naming the page and the alias; so is a page nested deeper
/// than any real one (its drop would overflow the stack); the old file stays.
#[cfg(unix)]
#[test]
fn yaml_alias_bombs_and_deep_nesting_are_refused() {
    let mut bomb =
        String::from("---\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for (name, prev) in ["b", "c", "d", "e", "f", "g", "h", "i"]
        .iter()
        .zip(["a", "b", "c", "d", "e", "f", "g", "h"])
    {
        let refs = vec![format!("*{prev}"); 9].join(",");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    bomb.push_str("releases: *i\n---\n");
    assert!(bomb.len() < 700);
    let deep = format!("---\nreleases:\n{}x\n---\n", "- ".repeat(200_000));
    for (page, message) in [(bomb, "YAML alias"), (deep, "nested deeper than")] {
        let dir = tempfile::tempdir().expect("temp dir");
        let sources = sources_with_page(dir.path(), &page);
        let out = dir.path().join("lifecycle.json");
        std::fs::write(&out, "old\n").expect("seed");
        let run = import_limited(&sources, &out);
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains("endoflife/widget.md"), "{stderr}");
        assert!(stderr.contains(message), "{stderr}");
        assert_eq!(std::fs::read(&out).expect("file"), b"old\n");
    }
}

/// Issue 21: only the pages the catalogue names are read (so a folder's other files cost
/// nothing, and the pages read are capped together): a FIFO beside them is not even opened.
#[cfg(unix)]
#[test]
fn only_the_pages_the_catalogue_names_are_read() {
    let dir = tempfile::tempdir().expect("temp dir");
    let page = std::fs::read_to_string(crate::common::fixture(
        "import/frontmatter/endoflife/widget.md",
    ))
    .expect("page");
    let sources = sources_with_page(dir.path(), &page);
    crate::update::mkfifo(&sources.join("endoflife/unrelated.md"));
    let out = dir.path().join("lifecycle.json");
    let run = import_limited(&sources, &out);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}
