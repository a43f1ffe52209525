//! Build script: asks the linker to place the functions a `check` runs next to each other.
//!
//! A `check` runs about 250 functions spread over the whole 2 MB of code, and the kernel maps code
//! in 64 KB windows as it is first touched: scattered, that is about 28 page faults; together,
//! about 10 (bench/run measures the difference). `bench/link-order.txt` lists those functions by
//! their symbol names, recorded by `bench/order` for the toolchain and Cargo.lock of the time.
//! Names the build does not have are skipped: a stale list costs speed, never correctness.
//!
//! Only linkers that know `--symbol-ordering-file` (lld, the default for this target since Rust
//! 1.90, and mold) take it; a probe link of an empty program decides, so any other linker builds
//! exactly as before. `MPN_SUPPORT_LINK_MAP=FILE` also writes a link map (what `bench/order`
//! reads to name the functions it saw run).

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const ORDER: &str = "bench/link-order.txt";

fn main() {
    println!("cargo:rerun-if-changed={ORDER}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=MPN_SUPPORT_LINK_MAP");
    let (Some(manifest), Some(out)) = (env::var_os("CARGO_MANIFEST_DIR"), env::var_os("OUT_DIR"))
    else {
        return;
    };
    let order = Path::new(&manifest).join(ORDER);
    let mut args = Vec::new();
    if order.is_file() {
        // `-Xlinker` passes each argument whole (`-Wl,` would split a path at its commas).
        let ordering = vec![
            "-Xlinker".to_owned(),
            format!("--symbol-ordering-file={}", order.display()),
            "-Xlinker".to_owned(),
            "--no-warn-symbol-ordering".to_owned(),
        ];
        if links_with(&ordering, Path::new(&out)) {
            args.extend(ordering);
        }
    }
    if let Some(map) = env::var_os("MPN_SUPPORT_LINK_MAP") {
        args.push("-Xlinker".to_owned());
        args.push(format!("-Map={}", PathBuf::from(map).display()));
    }
    for arg in args {
        println!("cargo:rustc-link-arg-bins={arg}");
    }
}

/// Whether an empty program links with these arguments, using the rustc, target, flags and
/// linker this build uses.
fn links_with(args: &[String], out: &Path) -> bool {
    let (Some(rustc), Some(target)) = (env::var_os("RUSTC"), env::var_os("TARGET")) else {
        return false;
    };
    let source = out.join("link_probe.rs");
    if std::fs::write(&source, "fn main() {}\n").is_err() {
        return false;
    }
    let mut command = Command::new(rustc);
    command
        .arg("--target")
        .arg(target)
        .arg("--crate-name")
        .arg("link_probe")
        .arg("-o")
        .arg(out.join("link_probe"))
        .arg(&source);
    if let Ok(flags) = env::var("CARGO_ENCODED_RUSTFLAGS") {
        command.args(flags.split('\u{1f}').filter(|f| !f.is_empty()));
    }
    if let Some(linker) = env::var_os("RUSTC_LINKER") {
        command
            .arg("-C")
            .arg(format!("linker={}", PathBuf::from(linker).display()));
    }
    for arg in args {
        command.arg("-C").arg(format!("link-arg={arg}"));
    }
    command
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}
