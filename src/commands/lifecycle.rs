//! `mpn-support lifecycle import` and `lifecycle update`: regenerate the lifecycle file.
//!
//! `import` reads a sources directory; `update` fetches the endoflife.date API and uses the
//! catalogue and supplement compiled into the binary. Both run the pure importer, check the
//! result as every command will read it, and replace the output file atomically (an exclusive
//! temporary file in the same folder, flushed, then a rename), so a failed run leaves the old
//! file byte-identical. `update` also refuses to lose a version the current data has (unless
//! `--allow-removals`) and to take longer than `--timeout`, downloads and conversion together.

use std::collections::HashMap;
use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Args, Subcommand, ValueEnum};

use super::Context;
use crate::commands::args::parse_date;
use crate::data::lifecycle::LifecycleFile;
use crate::data::{EMBEDDED_LIFECYCLE, MAX_FILE_BYTES, Problems, Severity, read_text};
use crate::error::AppError;
use crate::exit::Exit;
use crate::lifecycle::diff::{LossError, changes, losses};
use crate::lifecycle::fetch::{self, Client, Deadline};
use crate::lifecycle::sources::{
    CATALOGUE_FILE, EMBEDDED_CATALOGUE, EMBEDDED_SUPPLEMENT, ENDOFLIFE_DIR, ImportError, Imported,
    Page, Prefer, SUPPLEMENT_FILE, Sources, endoflife_slugs, import,
};
use crate::render::ReportFormat as Format;
use crate::render::escape;
use crate::report::Report;
use crate::report::import::ImportReport;

/// Subcommands of `lifecycle`, built only when run (see `cli::Command`).
#[derive(Debug, Clone, Subcommand)]
pub enum LifecycleCommand {
    /// Refresh the lifecycle data from the endoflife.date API into your data folder
    #[command(
        long_about = "Fetches every product the built-in catalogue maps from the endoflife.date API \
    (<base-url>/api/v1/products/<slug>), converts the answers with the built-in catalogue and \
    Microsoft lifecycle supplement, checks the result as every command will read it and writes it \
    atomically. Every command then uses that file while it is newer than the data built into the \
    binary (--builtin-data overrides). Any failure (network, HTTP error, a malformed answer, a \
    product missing upstream, an answer that would remove versions the current data has, more \
    time than --timeout) leaves the old file as it was and exits 2."
    )]
    Update(UpdateArgs),
    /// Rebuild the lifecycle file from endoflife.date pages, the supplement and the catalogue
    Import(ImportArgs),
}

/// The side that wins a conflict between sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PreferArg {
    /// endoflife.date
    Source,
    /// The supplement and the catalogue's curated facts
    Curated,
}

/// Rebuild the lifecycle file from endoflife.date pages, the supplement and the catalogue
#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// Sources directory: catalogue.json, microsoft-lifecycle-supplement.json, endoflife/*.md
    #[arg(long, value_name = "DIR", default_value = "data/sources")]
    pub sources: PathBuf,
    /// Lifecycle file to write
    #[arg(
        long,
        short,
        value_name = "FILE",
        default_value = "data/lifecycle.json"
    )]
    pub output: PathBuf,
    /// Generation date recorded in the file, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub generated: Option<NaiveDate>,
    /// Show what would change (added, changed, removed versions) without writing
    #[arg(long)]
    pub dry_run: bool,
    /// Which side wins when a source and a curated value disagree [default: per product, as the
    /// catalogue says]; every conflict is reported either way
    #[arg(long, value_enum, value_name = "SIDE")]
    pub prefer: Option<PreferArg>,
    /// Output format of the summary
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Refresh the lifecycle data from the endoflife.date API into your data folder
#[derive(Debug, Clone, Args)]
pub struct UpdateArgs {
    /// Where the endoflife.date API lives (the tool appends /api/v1/products/<slug>)
    #[arg(
        long,
        value_name = "URL",
        env = "MPN_SUPPORT_ENDOFLIFE_URL",
        default_value = fetch::DEFAULT_BASE_URL,
        value_parser = fetch::check_base_url
    )]
    pub base_url: fetch::BaseUrl,
    /// Lifecycle file to write [default: lifecycle.json in your data folder, e.g.
    /// ~/.local/share/mpn-support/ on Linux]
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Show what would change (added, changed, removed versions) without writing
    #[arg(long)]
    pub dry_run: bool,
    /// Write even if versions the current data has are missing upstream (they are removed)
    #[arg(long)]
    pub allow_removals: bool,
    /// Seconds the whole update may take: every download and the conversion
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=600))]
    pub timeout: u64,
    /// Generation date recorded in the file, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub generated: Option<NaiveDate>,
    /// Output format of the summary
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Runs a `lifecycle` subcommand.
pub fn run(command: &LifecycleCommand, ctx: &mut Context<'_>) -> Result<Exit, AppError> {
    let outcome = match command {
        LifecycleCommand::Update(args) => run_update(args, ctx.today)?,
        LifecycleCommand::Import(args) => run_import(args, ctx.today)?,
    };
    ctx.answer(
        &outcome.report,
        outcome.format,
        &outcome.warnings,
        Exit::Success,
    )
}

/// What an import or update did, to print, with the warnings for standard error.
struct Outcome {
    report: Report,
    format: Format,
    warnings: Vec<String>,
}

fn run_update(args: &UpdateArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let deadline = Deadline::after(args.timeout);
    let (output, default_place) = match &args.output {
        Some(path) => (path.clone(), false),
        None => (
            crate::data::updated_lifecycle_path().ok_or(AppError::NoDataFolder)?,
            true,
        ),
    };
    // Before any request: an output that may not be replaced.
    check_output(&output)?;
    let client = Client::new(&args.base_url.url, deadline);
    let pages = fetch_all(&client, &endoflife_slugs(EMBEDDED_CATALOGUE)?)?;
    let generated = args.generated.unwrap_or(today).to_string();
    let mut imported = import(
        &Sources {
            catalogue: EMBEDDED_CATALOGUE,
            supplement: EMBEDDED_SUPPLEMENT,
            pages,
            prefer: None,
        },
        &generated,
    )?;
    // The pages' commit no longer describes the data: say where it came from instead.
    for source in &mut imported.file.sources {
        if source.starts_with("endoflife.date") {
            *source = format!(
                "endoflife.date API v1 at {}, fetched {generated}",
                args.base_url.url
            );
        }
    }
    if default_place
        && !args.dry_run
        && let Some(dir) = output.parent()
    {
        std::fs::create_dir_all(dir).map_err(|e| AppError::Write {
            path: dir.display().to_string(),
            message: e.to_string(),
        })?;
    }
    let mut outcome = finish(
        imported,
        &Plan {
            output: &output,
            // Against the file it replaces, or what is in use without one: the built-in data.
            baseline: Some(EMBEDDED_LIFECYCLE),
            dry_run: args.dry_run,
            format: args.format,
            keep_versions: !args.allow_removals,
            entitlements: Some(crate::data::EMBEDDED_ENTITLEMENTS),
            deadline: Some(deadline),
        },
    )?;
    if args.base_url.dropped_user_info {
        outcome.warnings.push(
            "the user name and password in the base address were left out: they are never sent, and would be stored in the lifecycle file and shown in messages".into(),
        );
    }
    if default_place {
        outcome.warnings.extend(unused_update_warnings(
            &generated,
            std::env::var("MPN_SUPPORT_DATA_DIR").ok().as_deref(),
        ));
    }
    Ok(outcome)
}

/// Fetches every product's answer, keyed by slug, stopping at the first failure; one progress
/// line per product on stderr when it is a terminal.
fn fetch_all(
    client: &Client,
    products: &[(String, String)],
) -> Result<HashMap<String, Page>, AppError> {
    let progress = std::io::stderr().is_terminal();
    let mut pages = HashMap::new();
    for (i, (product, slug)) in products.iter().enumerate() {
        let url = client.url(slug);
        if progress {
            eprint!("[{}/{}] {} ... ", i + 1, products.len(), escape::text(&url));
        }
        let fetched = client.fetch(product, slug);
        if progress {
            eprintln!("{}", if fetched.is_ok() { "ok" } else { "failed" });
        }
        pages.insert(
            slug.clone(),
            Page {
                file: url,
                text: fetched?,
            },
        );
    }
    Ok(pages)
}

/// Why the file just written to the data folder would not be used: a data directory in the
/// environment wins over it, and the built-in data wins while it is as new.
fn unused_update_warnings(generated: &str, data_dir: Option<&str>) -> Vec<String> {
    let mut warnings = Vec::new();
    if let Some(dir) = data_dir.filter(|d| !d.is_empty()) {
        warnings.push(format!(
            "MPN_SUPPORT_DATA_DIR is set (`{dir}`): commands read the lifecycle data from there, not from this file, until it is unset"
        ));
    }
    if let Some(Some(builtin)) = crate::data::generated_of(EMBEDDED_LIFECYCLE)
        && builtin.as_str() >= generated
    {
        warnings.push(format!(
            "the built-in lifecycle data (generated {builtin}) is as new as this file (generated {generated}): commands keep using the built-in data"
        ));
    }
    warnings
}

fn read(path: &Path) -> Result<String, AppError> {
    read_text(path).map_err(|message| AppError::Read {
        path: path.display().to_string(),
        message,
    })
}

/// The most the endoflife pages of an import may hold together: four times the cap of one data
/// file (real pages are tens of kilobytes each).
const MAX_PAGES_BYTES: u64 = 4 * MAX_FILE_BYTES;

/// Reads the `*.md` page or `*.json` API answer of each slug in `wanted` from the endoflife
/// folder, keyed by slug; other files are not read, and the pages together are capped at
/// [`MAX_PAGES_BYTES`], so that an import's memory is bounded whatever the folder holds.
fn read_pages(dir: &Path, wanted: &[(String, String)]) -> Result<HashMap<String, Page>, AppError> {
    let fail = |e: std::io::Error| AppError::Read {
        path: dir.display().to_string(),
        message: e.to_string(),
    };
    let wanted: std::collections::HashSet<&str> =
        wanted.iter().map(|(_, slug)| slug.as_str()).collect();
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(fail)? {
        let path = entry.map_err(fail)?.path();
        let is_source = path.extension().is_some_and(|e| e == "md" || e == "json");
        let named = path
            .file_stem()
            .and_then(|s| s.to_str())
            .is_some_and(|slug| wanted.contains(slug));
        if is_source && named {
            paths.push(path);
        }
    }
    paths.sort();
    let mut pages: HashMap<String, Page> = HashMap::new();
    let mut total = 0u64;
    for path in paths {
        let Some(slug) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        let file = format!(
            "{ENDOFLIFE_DIR}/{}",
            path.file_name()
                .map(|n| n.to_string_lossy())
                .unwrap_or_default()
        );
        if let Some(other) = pages.get(slug) {
            return Err(AppError::Read {
                path: path.display().to_string(),
                message: format!(
                    "`{}` holds the same product; keep one of the two",
                    other.file
                ),
            });
        }
        let text = read(&path)?;
        total += text.len() as u64;
        if total > MAX_PAGES_BYTES {
            return Err(AppError::Read {
                path: dir.display().to_string(),
                message: format!(
                    "the pages the catalogue names hold more than {} MiB together (real pages are tens of kilobytes)",
                    MAX_PAGES_BYTES / (1024 * 1024)
                ),
            });
        }
        pages.insert(slug.to_owned(), Page { file, text });
    }
    Ok(pages)
}

fn run_import(args: &ImportArgs, today: NaiveDate) -> Result<Outcome, AppError> {
    let catalogue = read(&args.sources.join(CATALOGUE_FILE))?;
    let supplement = read(&args.sources.join(SUPPLEMENT_FILE))?;
    let pages = read_pages(
        &args.sources.join(ENDOFLIFE_DIR),
        &endoflife_slugs(&catalogue)?,
    )?;
    let generated = args.generated.unwrap_or(today).to_string();
    let imported = import(
        &Sources {
            catalogue: &catalogue,
            supplement: &supplement,
            pages,
            prefer: args.prefer.map(|p| match p {
                PreferArg::Source => Prefer::Endoflife,
                PreferArg::Curated => Prefer::Supplement,
            }),
        },
        &generated,
    )?;
    finish(
        imported,
        &Plan {
            output: &args.output,
            baseline: None,
            dry_run: args.dry_run,
            format: args.format,
            // An import is a rebuild from files the user controls: it may remove versions.
            keep_versions: false,
            entitlements: None,
            deadline: None,
        },
    )
}

/// How an imported file is compared and written.
struct Plan<'a> {
    /// The file to write.
    output: &'a Path,
    /// What the current data is when `output` holds no lifecycle file (update: the built-in
    /// data, which is what commands use then).
    baseline: Option<&'static str>,
    /// Report only.
    dry_run: bool,
    /// The report's format.
    format: Format,
    /// Refuse to lose a version the current data has (update, unless `--allow-removals`).
    keep_versions: bool,
    /// The entitlement table the file must agree with (update: the built-in one, whose
    /// catalogue made it; an import's sources may go with a table of their own).
    entitlements: Option<&'static str>,
    /// When the whole run must be done (update).
    deadline: Option<Deadline>,
}

/// The most problems listed when an imported file would not load.
const PROBLEMS_SHOWN: usize = 100;

/// Checks an imported file as every command will read it, compares it with the current data
/// (the file at `output`, else the plan's baseline), refuses to lose versions when the plan
/// says so, and writes it unless a dry run or unchanged.
fn finish(mut imported: Imported, plan: &Plan<'_>) -> Result<Outcome, AppError> {
    let output = plan.output;
    // A dry run says so too: the real run would refuse the same output.
    check_output(output)?;
    imported.file.schema = Some(LIFECYCLE_SCHEMA.to_owned());
    let versions: usize = imported
        .file
        .products
        .iter()
        .map(|p| p.versions.len())
        .sum();
    let text = render_file(&imported.file).map_err(|e| match e {
        Render::TooLarge => AppError::Write {
            path: output.display().to_string(),
            message: format!(
                "the new data ({versions} versions) would be more than the {} MiB every command reads, so nothing was written",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        },
        Render::Failed(message) => AppError::Write {
            path: "lifecycle data".into(),
            message,
        },
    })?;
    // Problems are named by where their value came from: the file was never written. (Checked
    // once the text is known to fit, so what is validated is bounded too.)
    let (_, problems) = imported.file.clone().validate();
    let mut problems = attributed(&imported, problems);
    if !problems.is_empty() {
        let hidden = problems.len().saturating_sub(PROBLEMS_SHOWN);
        problems.truncate(PROBLEMS_SHOWN);
        return Err(ImportError::Invalid { problems, hidden }.into());
    }
    // The same checks every command makes when it reads the file.
    crate::data::check_lifecycle_text(
        &format!("{} (as it would be written)", output.display()),
        &text,
        plan.entitlements,
    )?;
    let old_text = read_text(output).ok();
    let parse = |t: &str| serde_json::from_str::<LifecycleFile>(t).ok();
    let current = match old_text.as_deref().and_then(parse) {
        Some(old) => Some((old, Some(output.display().to_string()))),
        None => plan.baseline.and_then(parse).map(|old| (old, None)),
    };
    let changed = old_text.as_deref() != Some(text.as_str());
    let changes = match &current {
        Some((old, _)) => changes(old, &imported.file),
        None => vec![format!(
            "new file ({} products)",
            imported.file.products.len()
        )],
    };
    let mut warnings = imported.warnings.clone();
    if plan.keep_versions
        && let Some((old, name)) = &current
    {
        let sources = |id: &str| {
            let at = imported.file.products.iter().position(|p| p.id == id);
            at.and_then(|i| imported.origins.get(i))
                .map(|o| o.sources.clone())
                .unwrap_or_default()
        };
        let losses = losses(old, &imported.file, sources);
        if !losses.is_empty() {
            let loss = LossError {
                current: name.clone(),
                losses,
            };
            if !plan.dry_run {
                return Err(loss.into());
            }
            let count = loss.count();
            warnings.push(format!(
                "a real run would refuse this: it would remove {count} version{} that {} has (give --allow-removals to take the removals)",
                if count == 1 { "" } else { "s" },
                loss.current_words()
            ));
            // The warnings of an update are English (docs/commands.md), as these lines are.
            let english = crate::i18n::Words::new(crate::i18n::Lang::En);
            warnings.extend(loss.messages().1.iter().map(|m| english.msg(m)));
        }
    }
    if let Some(deadline) = plan.deadline {
        deadline.check()?;
    }
    if changed && !plan.dry_run {
        write_atomically(output, &text, |_| Ok(()))?;
    }
    Ok(Outcome {
        report: Report::Import(ImportReport {
            output: output.display().to_string(),
            dry_run: plan.dry_run,
            changed,
            products: imported.file.products.len(),
            versions,
            changes: if changed { changes } else { Vec::new() },
            warnings: imported.warnings.clone(),
        }),
        format: plan.format,
        warnings,
    })
}

/// Each error of an imported file, named by where its value came from: the source, product
/// and version (a problem with the product itself comes from the catalogue).
fn attributed(imported: &Imported, problems: Problems) -> Vec<String> {
    problems
        .0
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .map(|p| {
            let segments: Vec<&str> = p.pointer.split('/').skip(1).collect();
            let index = |s: &str| s.parse::<usize>().ok();
            let field = |rest: &[&str]| match rest {
                [] | ["version"] => String::new(),
                rest => format!("{}: ", rest.join(" ")),
            };
            match segments.as_slice() {
                ["products", i, "versions", j, rest @ ..] => {
                    let product = index(i).and_then(|i| imported.file.products.get(i));
                    let version = product.zip(index(j)).and_then(|(p, j)| p.versions.get(j));
                    let origin = index(i)
                        .zip(index(j))
                        .and_then(|(i, j)| imported.origins.get(i)?.versions.get(j));
                    // A version's track, aliases and policy come from the catalogue's rules.
                    let origin = match rest.first() {
                        Some(&("track" | "aliases" | "policy")) => Some(CATALOGUE_FILE),
                        _ => origin.map(String::as_str),
                    };
                    match (product, version, origin) {
                        (Some(product), Some(version), Some(origin)) => format!(
                            "{origin}: product `{}` version `{}`: {}{}",
                            product.id,
                            version.version,
                            field(rest),
                            p.message
                        ),
                        _ => format!("{}: {}", p.label, p.message),
                    }
                }
                ["products", i, rest @ ..] => {
                    match index(i).and_then(|i| imported.file.products.get(i)) {
                        Some(product) => format!(
                            "{CATALOGUE_FILE}: product `{}`: {}{}",
                            product.id,
                            field(rest),
                            p.message
                        ),
                        None => format!("{}: {}", p.label, p.message),
                    }
                }
                _ => format!("{}: {}", p.label, p.message),
            }
        })
        .collect()
}

/// Where the generated lifecycle file points editors for validation (relative to `data/`).
pub const LIFECYCLE_SCHEMA: &str = "schema/lifecycle.schema.json";

/// Why a lifecycle file's text could not be made.
enum Render {
    /// It would be over [`MAX_FILE_BYTES`], which every command reads at most.
    TooLarge,
    /// serde_json failed.
    Failed(String),
}

/// The lifecycle file's text: pretty JSON with a trailing newline, refused as soon as it
/// passes [`MAX_FILE_BYTES`] (nothing over it is ever held).
fn render_file(file: &LifecycleFile) -> Result<String, Render> {
    /// A buffer that fails a write taking it past the cap.
    struct Capped(Vec<u8>);
    impl std::io::Write for Capped {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            if (self.0.len() + bytes.len()) as u64 >= MAX_FILE_BYTES {
                return Err(std::io::Error::other("over the cap"));
            }
            self.0.extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut out = Capped(Vec::new());
    match serde_json::to_writer_pretty(&mut out, file) {
        Ok(()) => {}
        Err(e) if e.is_io() => return Err(Render::TooLarge),
        Err(e) => return Err(Render::Failed(e.to_string())),
    }
    out.0.push(b'\n');
    String::from_utf8(out.0).map_err(|e| Render::Failed(e.to_string()))
}

/// Writes `text` to a temporary file beside `path` (created exclusively, with an
/// unpredictable name, by `tempfile`), flushes it to disk, then renames it over `path` and
/// flushes the directory, so `path` holds either the old or the new text, never part of one.
/// The old file's permissions are kept. A `path` that is a symbolic link is refused: the
/// rename would replace the link, not the file it points to. `before_rename` runs between the
/// two steps (tests use it to simulate an interruption); if it fails, the temporary file is
/// removed and `path` is untouched.
fn write_atomically(
    path: &Path,
    text: &str,
    before_rename: impl FnOnce(&Path) -> std::io::Result<()>,
) -> Result<(), AppError> {
    use std::io::Write as _;
    let fail = |e: std::io::Error| AppError::Write {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let existing = check_output(path)?;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(".lifecycle.")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(fail)?;
    tmp.write_all(text.as_bytes())
        .and_then(|()| tmp.as_file().sync_all())
        .and_then(|()| match &existing {
            Some(old) => tmp.as_file().set_permissions(old.permissions()),
            None => new_file_permissions(tmp.as_file()),
        })
        .and_then(|()| before_rename(tmp.path()))
        .map_err(fail)?;
    // On failure from here on, `tmp` removes itself when dropped.
    tmp.persist(path).map_err(|e| fail(e.error))?;
    // The rename is durable once the directory is.
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// What is at `path` when it may be replaced: nothing, or a regular file (its metadata). Refused:
/// a symbolic link (the rename would replace the link, not the file it points to), and anything
/// else that is not a regular file, a device, FIFO, socket or folder (the rename would leave a
/// regular file in its place: as root, `--output /dev/null` would replace /dev/null).
fn check_output(path: &Path) -> Result<Option<std::fs::Metadata>, AppError> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(None);
    };
    let kind = meta.file_type();
    let refusal = if kind.is_symlink() {
        "is a symbolic link: name the file it points to (the rename would replace the link)"
    } else if kind.is_dir() {
        "is a folder, not a regular file: name the file to write"
    } else if !kind.is_file() {
        "not a regular file (a device, pipe or socket), so it is not replaced: name a regular file or a new one"
    } else {
        return Ok(Some(meta));
    };
    Err(AppError::Write {
        path: path.display().to_string(),
        message: refusal.into(),
    })
}

/// A new data file is readable by all, like any file written with the usual umask (the
/// temporary file it starts as is private to its owner).
#[cfg(unix)]
fn new_file_permissions(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt as _;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn new_file_permissions(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An import interrupted between writing and renaming leaves the old file byte-identical
    /// and no temporary file behind.
    #[test]
    fn interrupted_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lifecycle.json");
        std::fs::write(&path, "old contents\n").unwrap();
        let err = write_atomically(&path, "new contents\n", |tmp| {
            assert!(tmp.exists(), "the new text is written before the rename");
            Err(std::io::Error::other("interrupted"))
        })
        .unwrap_err();
        assert!(err.to_string().contains("interrupted"));
        assert_eq!(std::fs::read(&path).unwrap(), b"old contents\n");
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "temporary file removed");
    }

    /// Issue 16, defect 7: a symbolic link planted at the target is refused, and the file it
    /// points to is untouched; the temporary file's name is not predictable, so a link
    /// planted at the old fixed name is never followed.
    #[cfg(unix)]
    #[test]
    fn planted_links_are_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim.txt");
        std::fs::write(&victim, "keep me\n").unwrap();
        let path = dir.path().join("lifecycle.json");
        std::os::unix::fs::symlink(&victim, &path).unwrap();
        let err = write_atomically(&path, "new\n", |_| Ok(())).unwrap_err();
        assert!(err.to_string().contains("symbolic link"), "{err}");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
        // The old scheme's temporary name, planted as a link to the victim.
        let path = dir.path().join("data.json");
        let planted = dir
            .path()
            .join(format!(".data.json.tmp-{}", std::process::id()));
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        write_atomically(&path, "new\n", |_| Ok(())).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep me\n");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    }

    /// The replaced file keeps its permissions.
    #[cfg(unix)]
    #[test]
    fn permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lifecycle.json");
        std::fs::write(&path, "old\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomically(&path, "new\n", |_| Ok(())).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    /// A new file is readable by all, not left private like the temporary file it was.
    #[cfg(unix)]
    #[test]
    fn new_files_are_readable_by_all() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lifecycle.json");
        write_atomically(&path, "new\n", |_| Ok(())).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    /// A completed write replaces the file.
    #[test]
    fn completed_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lifecycle.json");
        std::fs::write(&path, "old\n").unwrap();
        write_atomically(&path, "new\n", |_| Ok(())).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
    }
}
