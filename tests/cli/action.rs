//! The GitHub Action (`action.yml`) and the release workflow `dist` generated (issue 15). No
//! workflow can run here, so the YAML is checked for shape and required keys, its inputs are
//! checked against every use, and the action's run step (plain bash) is run for real against
//! the binary under test.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    reason = "a broken action file should fail the test loudly"
)]

use std::path::{Path, PathBuf};

use yaml_rust2::{Yaml, YamlLoader};

use crate::common::fixture;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn load(path: &str) -> Yaml {
    let text = std::fs::read_to_string(root().join(path)).expect(path);
    YamlLoader::load_from_str(&text)
        .expect("valid YAML")
        .into_iter()
        .next()
        .expect("one document")
}

fn action() -> Yaml {
    load("action.yml")
}

fn text(y: &Yaml) -> &str {
    y.as_str().unwrap_or_default()
}

/// Every `${{ inputs.NAME }}` in a text.
fn input_uses(text: &str) -> Vec<String> {
    text.match_indices("inputs.")
        .map(|(at, _)| {
            text[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
                .collect()
        })
        .collect()
}

/// The action's metadata has what GitHub requires, and a composite action's rules hold: every
/// `run` step names its shell, every `uses` is pinned, every input is described.
#[test]
fn action_has_the_required_shape() {
    let action = action();
    for key in ["name", "description"] {
        assert!(!text(&action[key]).is_empty(), "{key}");
    }
    assert_eq!(text(&action["runs"]["using"]), "composite");
    let inputs = action["inputs"].as_hash().expect("inputs");
    let names: Vec<&str> = inputs.keys().map(text).collect();
    for wanted in ["batch", "verify", "format", "args", "version"] {
        assert!(names.contains(&wanted), "input {wanted}");
    }
    for (name, input) in inputs {
        assert!(
            !text(&input["description"]).is_empty(),
            "input {} needs a description",
            text(name)
        );
        assert!(
            input["default"].as_str().is_some(),
            "input {} needs a default",
            text(name)
        );
    }
    let steps = action["runs"]["steps"].as_vec().expect("steps");
    assert!(steps.len() >= 3);
    for step in steps {
        let name = text(&step["name"]);
        assert!(!name.is_empty(), "every step is named");
        let (run, uses) = (step["run"].as_str(), step["uses"].as_str());
        assert!(
            run.is_some() != uses.is_some(),
            "`{name}` needs exactly one of run and uses"
        );
        if let Some(script) = run {
            assert!(!text(&step["shell"]).is_empty(), "`{name}` needs shell");
            // Inputs reach scripts through env only: `${{ }}` in a script is pasted into it
            // before bash reads it (script injection).
            assert!(
                !script.contains("${{"),
                "`{name}` expands an expression in its script"
            );
        }
        if let Some(uses) = uses {
            let (_, version) = uses.split_once('@').expect("pinned");
            assert!(version.starts_with('v'), "`{uses}` pinned to a release");
        }
    }
    // The output refers to a step that exists.
    let output = text(&action["outputs"]["version"]["value"]);
    assert!(output.contains("steps.install."), "{output}");
    assert!(steps.iter().any(|s| text(&s["id"]) == "install"));
}

/// Every input used anywhere in the action is declared.
#[test]
fn action_uses_only_declared_inputs() {
    let raw = std::fs::read_to_string(root().join("action.yml")).unwrap();
    let action = action();
    let declared: Vec<&str> = action["inputs"]
        .as_hash()
        .unwrap()
        .keys()
        .map(text)
        .collect();
    let used = input_uses(&raw);
    assert!(!used.is_empty());
    for name in used {
        assert!(declared.contains(&name.as_str()), "undeclared input {name}");
    }
}

/// The action's run step, as bash runs it on a runner, with `mpn-support` on the PATH: a
/// batch passes or fails with the binary's exit status, extra arguments arrive as separate
/// words, and giving both files or neither is an error.
#[test]
fn action_run_step_runs_the_binary() {
    let action = action();
    let steps = action["runs"]["steps"].as_vec().unwrap();
    let script = steps
        .iter()
        .find(|s| text(&s["name"]) == "Run mpn-support")
        .and_then(|s| s["run"].as_str())
        .expect("the run step");
    let bin = assert_cmd::cargo::cargo_bin("mpn-support");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let dir = tempfile::tempdir().unwrap();
    let passing = dir.path().join("ok.csv");
    std::fs::write(
        &passing,
        "tier,product,version,as_of\nsolutions-partner,sql-server,2022,2026-11-24\n",
    )
    .unwrap();
    let run = |batch: &Path, verify: &Path, args: &str| {
        let out = std::process::Command::new("bash")
            .args(["-e", "-c", script])
            .env("PATH", &path)
            .env("BATCH", batch)
            .env("VERIFY", verify)
            .env("FORMAT", "github")
            .env("ARGS", args)
            .env("XDG_DATA_HOME", dir.path().join("none"))
            .env_remove("MPN_SUPPORT_DATA_DIR")
            .output()
            .expect("bash runs");
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    };
    let none = PathBuf::new();
    assert_eq!(run(&passing, &none, "").0, Some(0));
    // A mixed batch has a not-eligible row and a bad one: exit 2, annotated.
    let (code, stdout) = run(&fixture("batch/mixed.csv"), &none, "");
    assert_eq!(code, Some(2), "{stdout}");
    assert!(stdout.contains("::error"), "{stdout}");
    // Extra arguments are passed as words: --fail-within turns an eligible row that stops
    // qualifying soon into a failure.
    assert_eq!(run(&passing, &none, "--fail-within 500").0, Some(1));
    assert_eq!(run(&passing, &none, "--fail-within 5").0, Some(0));
    assert_eq!(
        run(&none, &fixture("batch/expectations.csv"), "").0,
        Some(0)
    );
    let wrong = dir.path().join("wrong.csv");
    std::fs::write(
        &wrong,
        "tier,product,version,as_of,expect\nsolutions-partner,sql-server,2022,2026-11-24,not-eligible\n",
    )
    .unwrap();
    let (code, stdout) = run(&none, &wrong, "");
    assert_eq!(code, Some(1), "{stdout}");
    assert!(stdout.contains("::error file="), "{stdout}");
    let (code, stdout) = run(&passing, &fixture("batch/expectations.csv"), "");
    assert_eq!(code, Some(2));
    assert!(stdout.contains("not both"), "{stdout}");
    let (code, stdout) = run(&none, &none, "");
    assert_eq!(code, Some(2));
    assert!(stdout.contains("give batch"), "{stdout}");
}

/// The workflow example in the docs uses the action with inputs it declares.
#[test]
fn docs_workflow_uses_the_action() {
    let docs = std::fs::read_to_string(root().join("docs/commands.md")).unwrap();
    let block = docs
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("a yaml block");
    let workflow = YamlLoader::load_from_str(block).expect("valid YAML");
    let steps = workflow[0]["jobs"]["check"]["steps"]
        .as_vec()
        .expect("steps");
    let declared: Vec<String> = action()["inputs"]
        .as_hash()
        .unwrap()
        .keys()
        .map(|k| text(k).to_owned())
        .collect();
    let ours: Vec<&Yaml> = steps
        .iter()
        .filter(|s| text(&s["uses"]).starts_with("mpn-support/mpn-support@"))
        .collect();
    assert!(ours.len() >= 2, "the example uses the action");
    for step in ours {
        for key in step["with"].as_hash().expect("with").keys() {
            assert!(declared.contains(&text(key).to_owned()), "{}", text(key));
        }
    }
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.contains("uses: mpn-support/mpn-support@v"),
        "README shows the action"
    );
}

/// The release workflow `dist` generated is valid YAML with its jobs, and builds the targets
/// the dist config names.
#[test]
fn release_workflow_matches_the_dist_config() {
    let workflow = load(".github/workflows/release.yml");
    let jobs = workflow["jobs"].as_hash().expect("jobs");
    let names: Vec<&str> = jobs.keys().map(text).collect();
    for job in [
        "plan",
        "build-local-artifacts",
        "build-global-artifacts",
        "host",
        "announce",
    ] {
        assert!(names.contains(&job), "job {job}");
    }
    let config = std::fs::read_to_string(root().join("dist-workspace.toml")).unwrap();
    for target in [
        "x86_64-unknown-linux-gnu",
        "aarch64-unknown-linux-gnu",
        "x86_64-apple-darwin",
        "aarch64-apple-darwin",
        "x86_64-pc-windows-msvc",
    ] {
        assert!(config.contains(&format!("\"{target}\"")), "target {target}");
    }
    assert!(config.contains("\"shell\""), "shell installer");
}

/// The action's install step, run in bash with `curl` replaced by a stub that serves a fake
/// release folder (no network): the release the action was referenced at, else the latest, is
/// fetched from the server's release URLs; its installer's `bin` folder goes on the PATH; and a
/// version with no release falls back to the source build.
#[cfg(unix)]
#[test]
fn action_install_step_finds_the_release() {
    use std::os::unix::fs::PermissionsExt as _;
    let action = action();
    let script = action["runs"]["steps"]
        .as_vec()
        .unwrap()
        .iter()
        .find(|s| text(&s["id"]) == "release")
        .and_then(|s| s["run"].as_str())
        .expect("the install step")
        .to_owned();
    let dir = tempfile::tempdir().unwrap();
    let stubs = dir.path().join("stubs");
    let releases = dir.path().join("server/acme/mpn-support/releases");
    std::fs::create_dir_all(&stubs).unwrap();
    // Two releases: a tagged one and "latest"; each installer copies the binary as dist's does.
    let installer = format!(
        "mkdir -p \"$MPN_SUPPORT_INSTALL_DIR/bin\" && cp {} \"$MPN_SUPPORT_INSTALL_DIR/bin/\" && echo \"$MPN_SUPPORT_NO_MODIFY_PATH\" > \"$MPN_SUPPORT_INSTALL_DIR/no-modify-path\"\n",
        assert_cmd::cargo::cargo_bin("mpn-support").display()
    );
    for release in ["download/v0.1.0", "latest/download"] {
        std::fs::create_dir_all(releases.join(release)).unwrap();
        std::fs::write(
            releases.join(release).join("mpn-support-installer.sh"),
            &installer,
        )
        .unwrap();
    }
    // `curl ... URL -o FILE`: copies the file under the fake server, or fails like curl -f.
    let curl = stubs.join("curl");
    std::fs::write(
        &curl,
        format!(
            "#!/bin/sh\nout=''; url=''\nwhile [ $# -gt 0 ]; do case \"$1\" in -o) out=\"$2\"; shift;; http*) url=\"$1\";; esac; shift; done\necho \"$url\" >> {log}\nfile={root}/${{url#https://example.test/}}\n[ -f \"$file\" ] || exit 22\ncp \"$file\" \"$out\"\n",
            log = dir.path().join("requests").display(),
            root = dir.path().join("server").display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&curl, std::fs::Permissions::from_mode(0o755)).unwrap();
    let run = |case: &str, action_ref: &str, wanted: &str| {
        let temp = dir.path().join(case);
        std::fs::create_dir_all(&temp).unwrap();
        let (path_file, output_file) = (temp.join("path"), temp.join("output"));
        let out = std::process::Command::new("bash")
            .args(["-e", "-c", &script])
            .env(
                "PATH",
                format!(
                    "{}:{}",
                    stubs.display(),
                    std::env::var("PATH").unwrap_or_default()
                ),
            )
            .env("SERVER", "https://example.test")
            .env("REPO", "acme/mpn-support")
            .env("ACTION_REF", action_ref)
            .env("WANTED", wanted)
            .env("RUNNER_OS", "Linux")
            .env("RUNNER_TEMP", &temp)
            .env("GITHUB_PATH", &path_file)
            .env("GITHUB_OUTPUT", &output_file)
            .output()
            .expect("bash runs");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let read = |p: &Path| std::fs::read_to_string(p).unwrap_or_default();
        (
            read(&path_file),
            read(&output_file),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            temp,
        )
    };
    let requests = || std::fs::read_to_string(dir.path().join("requests")).unwrap();

    let (path, output, _, temp) = run("tagged", "v0.1.0", "");
    assert_eq!(output, "installed=true\n");
    let bin = temp.join("mpn-support/bin");
    assert_eq!(path, format!("{}\n", bin.display()));
    assert!(bin.join("mpn-support").exists());
    assert_eq!(
        std::fs::read_to_string(temp.join("mpn-support/no-modify-path")).unwrap(),
        "1\n",
        "the installer must not edit shell profiles on a runner"
    );
    assert!(requests().ends_with(
        "https://example.test/acme/mpn-support/releases/download/v0.1.0/mpn-support-installer.sh\n"
    ));

    let (_, output, _, _) = run("branch", "main", "");
    assert_eq!(output, "installed=true\n");
    assert!(requests().ends_with(
        "https://example.test/acme/mpn-support/releases/latest/download/mpn-support-installer.sh\n"
    ));

    let (path, output, stdout, _) = run("missing", "v0.1.0", "v9.9.9");
    assert_eq!(output, "installed=false\n");
    assert_eq!(path, "", "nothing on the PATH");
    assert!(
        stdout.contains("::notice::no mpn-support release"),
        "{stdout}"
    );
    assert!(requests().ends_with("/releases/download/v9.9.9/mpn-support-installer.sh\n"));
}

/// Issue 23: the Azure Pipelines example in the docs. No pipeline can run here, so its YAML
/// is parsed and checked for shape (a `bash` install step that puts the released binary on the
/// PATH, a `--format azure` gate, a JUnit report published by PublishTestResults), and its bash
/// steps are run in order, as the agent would, with `curl` a stub serving a fake release and
/// `##vso[task.prependpath]` honoured.
#[cfg(unix)]
#[test]
fn docs_azure_pipeline_runs_its_steps() {
    use std::os::unix::fs::PermissionsExt as _;
    let docs = std::fs::read_to_string(root().join("docs/commands.md")).unwrap();
    let block = docs
        .split("## In Azure Pipelines")
        .nth(1)
        .and_then(|rest| rest.split("```yaml\n").nth(1))
        .and_then(|rest| rest.split("```").next())
        .expect("the pipeline's yaml block");
    let pipeline = YamlLoader::load_from_str(block)
        .expect("valid YAML")
        .remove(0);
    assert_eq!(text(&pipeline["pool"]["vmImage"]), "ubuntu-latest");
    let version = text(&pipeline["variables"]["MPN_SUPPORT_VERSION"]).to_owned();
    let steps = pipeline["steps"].as_vec().expect("steps");
    let publish = steps
        .iter()
        .find(|s| text(&s["task"]) == "PublishTestResults@2")
        .expect("a PublishTestResults step");
    assert_eq!(text(&publish["inputs"]["testResultsFormat"]), "JUnit");
    assert_eq!(text(&publish["condition"]), "succeededOrFailed()");
    let report =
        text(&publish["inputs"]["testResultsFiles"]).replace("$(Common.TestResultsDirectory)", "");
    let scripts: Vec<(&str, &str)> = steps
        .iter()
        .filter_map(|s| Some((text(&s["displayName"]), s["bash"].as_str()?)))
        .collect();
    assert_eq!(scripts.len(), 3, "install, gate, report");
    assert!(scripts[1].1.contains("--format azure"));

    // The agent's world: a temp dir, the test results dir, the checkout with the inventory.
    let dir = tempfile::tempdir().unwrap();
    let (temp, results, work) = (
        dir.path().join("agent-temp"),
        dir.path().join("results"),
        dir.path().join("checkout"),
    );
    for d in [&temp, &results, &work.join("ci")] {
        std::fs::create_dir_all(d).unwrap();
    }
    std::fs::write(
        work.join("ci/customer-products.csv"),
        "customer,tier,product,version,as_of\nContoso,spd,sql-server,2022,2026-06-01\nFabrikam,spd,windows-server,2022,2026-08-01\n",
    )
    .unwrap();
    // The release's installer copies the binary under test, as dist's does.
    let server = dir.path().join("server");
    let release = server.join(format!(
        "mpn-support/mpn-support/releases/download/v{version}"
    ));
    std::fs::create_dir_all(&release).unwrap();
    std::fs::write(
        release.join("mpn-support-installer.sh"),
        format!(
            "mkdir -p \"$MPN_SUPPORT_INSTALL_DIR/bin\" && cp {} \"$MPN_SUPPORT_INSTALL_DIR/bin/\"\n",
            crate::common::bin().display()
        ),
    )
    .unwrap();
    let stubs = dir.path().join("stubs");
    std::fs::create_dir_all(&stubs).unwrap();
    std::fs::write(
        stubs.join("curl"),
        format!(
            "#!/bin/sh\nout=''; url=''\nwhile [ $# -gt 0 ]; do case \"$1\" in -o) out=\"$2\"; shift;; http*) url=\"$1\";; esac; shift; done\nfile={}/${{url#https://github.com/}}\n[ -f \"$file\" ] || exit 22\ncp \"$file\" \"$out\"\n",
            server.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(stubs.join("curl"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let mut path = format!("{}:/usr/bin:/bin", stubs.display());
    let mut run = |script: &str| {
        let out = std::process::Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(&work)
            .env_clear()
            .env("PATH", &path)
            .env("MPN_SUPPORT_VERSION", &version)
            .env("AGENT_TEMPDIRECTORY", &temp)
            .env("COMMON_TESTRESULTSDIRECTORY", &results)
            .env("XDG_DATA_HOME", dir.path().join("no-data"))
            .output()
            .expect("bash runs");
        let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
        // The agent runs `##vso[task.prependpath]` lines for the next steps.
        for line in stdout.lines() {
            if let Some(dir) = line.strip_prefix("##vso[task.prependpath]") {
                path = format!("{dir}:{path}");
            }
        }
        (out.status.code(), stdout)
    };
    let (code, _) = run(scripts[0].1);
    assert_eq!(code, Some(0), "install");
    let (code, stdout) = run(scripts[1].1);
    assert_eq!(code, Some(1), "the gate fails: {stdout}");
    let issues: Vec<&str> = stdout.lines().collect();
    assert_eq!(issues.len(), 1, "{stdout}");
    assert!(
        issues[0].starts_with(
            "##vso[task.logissue type=error;sourcepath=ci/customer-products.csv;linenumber=3;]"
        ),
        "{stdout}"
    );
    assert!(issues[0].contains("customer=Fabrikam"), "{stdout}");
    let (code, _) = run(scripts[2].1);
    assert_eq!(code, Some(1), "the report step fails as the gate does");
    let xml = std::fs::read_to_string(results.join(report.trim_start_matches('/'))).unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("JUnit XML");
    let suite = doc
        .descendants()
        .find(|n| n.has_tag_name("testsuite"))
        .unwrap();
    assert_eq!(suite.attribute("tests"), Some("2"));
    assert_eq!(suite.attribute("failures"), Some("1"));
}
