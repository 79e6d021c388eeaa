//! `cargo xtask fuzz [SECONDS]`, and the bounded run of `cargo xtask test`: each fuzz target of
//! `fuzz/` (one per reader: election, ballots, result, key, trusted) for SECONDS, with libFuzzer
//! through `cargo fuzz` on the nightly toolchain.
//!
//! The corpus starts from the project's own files (`crates/hallcount-core/tests/cases`, the
//! signed vectors, `fuzz/seeds/`) and every earlier finding (`fuzz/regressions/<target>/`, also
//! read by the core's `fuzz_regressions` test), in `<target>/fuzz-corpus/<target>/`.
//! Nightly is installed by rustup where missing (or the run is skipped, saying why, when
//! rustup cannot reach its server); `cargo-fuzz` is installed once into
//! `~/.cache/hallcount/cargo-fuzz`, outside the clone, so a later CI run finds it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workspace::{self, TaskResult};

/// The fuzz targets, each named after the file it reads.
pub const TARGETS: [&str; 5] = ["election", "ballots", "result", "key", "trusted"];

pub fn run(seconds: u64) -> TaskResult {
    if !nightly_ready() {
        println!(
            "xtask: fuzzing SKIPPED: the nightly toolchain is missing and `rustup toolchain \
             install nightly --profile minimal` failed; run it when rustup can reach its server"
        );
        return Ok(());
    }
    let cargo_fuzz = ensure_cargo_fuzz()?;
    for target in TARGETS {
        let corpus = seed_corpus(target)?;
        let mut command = nightly_cargo();
        command
            .env(
                "PATH",
                path_with(cargo_fuzz.parent().unwrap_or(Path::new("."))),
            )
            .current_dir(workspace::root().join("fuzz"))
            .args(["fuzz", "run", "--release", "--sanitizer", "none", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            // A single input taking seconds is a finding: every reader must stay linear.
            .arg("-timeout=5")
            .arg("-rss_limit_mb=2048")
            .arg("-max_len=262144");
        workspace::run(&mut command).map_err(|error| {
            format!(
                "{error}\nfuzz target \"{target}\" found a failure: the input is in \
                 fuzz/artifacts/{target}/; fix it and keep the input in fuzz/regressions/{target}/"
            )
        })?;
    }
    Ok(())
}

/// `cargo` of the nightly toolchain, without the pinned toolchain's variables.
fn nightly_cargo() -> Command {
    let mut command = Command::new("rustup");
    command
        .args(["run", "nightly", "cargo"])
        .env_remove("CARGO")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTC")
        .env_remove("RUSTFLAGS");
    command
}

fn nightly_ready() -> bool {
    let works = || {
        Command::new("rustup")
            .args(["run", "nightly", "rustc", "--version"])
            .env_remove("RUSTUP_TOOLCHAIN")
            .output()
            .is_ok_and(|output| output.status.success())
    };
    if works() {
        return true;
    }
    let mut install = Command::new("rustup");
    install.args(["toolchain", "install", "nightly", "--profile", "minimal"]);
    workspace::run(&mut install).is_ok() && works()
}

/// `cargo-fuzz` on PATH, or installed once into the cache (`--locked`, from crates.io).
fn ensure_cargo_fuzz() -> TaskResult<PathBuf> {
    let root = cache_dir().join("cargo-fuzz");
    let cached = root.join("bin").join("cargo-fuzz");
    if works(&cached) {
        return Ok(cached);
    }
    if let Some(on_path) = find_on_path("cargo-fuzz") {
        if works(&on_path) {
            return Ok(on_path);
        }
    }
    workspace::run(
        workspace::cargo()
            .args(["install", "cargo-fuzz", "--locked", "--root"])
            .arg(&root),
    )?;
    Ok(cached)
}

fn works(program: &Path) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

fn cache_dir() -> PathBuf {
    match std::env::var_os("XDG_CACHE_HOME") {
        Some(dir) if !dir.is_empty() => PathBuf::from(dir).join("hallcount"),
        _ => home().join(".cache").join("hallcount"),
    }
}

fn home() -> PathBuf {
    std::env::var_os("HOME").map_or_else(|| PathBuf::from("."), PathBuf::from)
}

fn find_on_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn path_with(dir: &Path) -> std::ffi::OsString {
    let mut dirs = vec![dir.to_path_buf()];
    if let Some(path) = std::env::var_os("PATH") {
        dirs.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(dirs).unwrap_or_default()
}

/// The corpus of `target`: the project's files of that kind and every earlier finding.
fn seed_corpus(target: &str) -> TaskResult<PathBuf> {
    let root = workspace::root();
    let corpus = workspace::target_dir().join("fuzz-corpus").join(target);
    fs::create_dir_all(&corpus)?;
    let cases = root.join("crates/hallcount-core/tests/cases");
    let signed = root.join("crates/hallcount-core/tests/signed");
    let mut seeds: Vec<PathBuf> = match target {
        "election" | "ballots" => fs::read_dir(&cases)?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.path().join(format!("{target}.json")))
            .filter(|path| path.is_file())
            .collect(),
        "result" => vec![signed.join("vector.hallcount.json")],
        "key" => vec![signed.join("vector.key.json")],
        _ => Vec::new(),
    };
    for dir in [
        root.join("fuzz/seeds").join(target),
        root.join("fuzz/regressions").join(target),
    ] {
        if let Ok(entries) = fs::read_dir(dir) {
            seeds.extend(
                entries
                    .filter_map(|entry| entry.ok())
                    .map(|entry| entry.path()),
            );
        }
    }
    for (index, seed) in seeds.iter().enumerate() {
        fs::copy(seed, corpus.join(format!("seed-{index}")))?;
    }
    Ok(corpus)
}
