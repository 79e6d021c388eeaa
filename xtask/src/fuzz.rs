//! `cargo xtask fuzz [SECONDS]`, and the bounded run that ends `cargo xtask test`: each fuzz
//! target of `fuzz/` (one per reader: election, ballots, result, key, trusted) for SECONDS, with
//! libFuzzer through `cargo fuzz`.
//!
//! The corpus starts from the project's own files (`crates/hallcount-core/tests/cases`, the
//! signed vectors, `fuzz/seeds/`) and every earlier finding (`fuzz/regressions/<target>/`, also
//! read by the core's `fuzz_regressions` test), in `<target>/fuzz-corpus/<target>/`.
//!
//! Toolchain: the pinned one (`rust-toolchain.toml`), not nightly. A fresh machine cannot
//! fetch a second toolchain, and with `--sanitizer none` the only nightly gate is cargo-fuzz's
//! own version check, which `RUSTC_BOOTSTRAP=1` opens; the coverage instrumentation it asks
//! for is made of stable `-C` flags. `cargo-fuzz` (pinned) is installed once into
//! `~/.cache/hallcount/cargo-fuzz`, outside the clone, so a later run finds it.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::workspace::{self, TaskResult};

/// The fuzz targets, each named after the file it reads.
pub const TARGETS: [&str; 5] = ["election", "ballots", "result", "key", "trusted"];

/// The cargo-fuzz release the runs are made with.
const CARGO_FUZZ_VERSION: &str = "0.13.2";

/// How long `cargo xtask test` fuzzes each target unless `HALLCOUNT_FUZZ_SECONDS` says otherwise.
pub const TEST_SECONDS: u64 = 30;

/// The per-target time of the bounded run in `cargo xtask test`.
pub fn test_seconds() -> TaskResult<u64> {
    match std::env::var("HALLCOUNT_FUZZ_SECONDS") {
        Err(_) => Ok(TEST_SECONDS),
        Ok(text) => text.trim().parse().map_err(|_| {
            format!("HALLCOUNT_FUZZ_SECONDS must be a whole number of seconds, not {text:?}").into()
        }),
    }
}

pub fn run(seconds: u64) -> TaskResult {
    let cargo_fuzz = ensure_cargo_fuzz()?;
    let fuzz_dir = workspace::root().join("fuzz");
    // One build of every target first, so that a build failure reads as one.
    workspace::run(fuzz_cargo(&cargo_fuzz, &fuzz_dir).args([
        "fuzz",
        "build",
        "--release",
        "--sanitizer",
        "none",
    ]))?;
    for target in TARGETS {
        let corpus = seed_corpus(target)?;
        let mut command = fuzz_cargo(&cargo_fuzz, &fuzz_dir);
        command
            .args(["fuzz", "run", "--release", "--sanitizer", "none", target])
            .arg(&corpus)
            .arg("--")
            .arg(format!("-max_total_time={seconds}"))
            // A single input taking seconds is a finding: every reader must stay linear.
            .arg("-timeout=5")
            .arg("-rss_limit_mb=2048")
            .arg("-max_len=262144")
            .arg("-print_final_stats=1");
        run_logged(&mut command, target)?;
    }
    Ok(())
}

/// Run one target with its output in `<target>/fuzz-logs/<target>.log`: libFuzzer writes a line
/// per new input, which would bury the test command's own output. A summary line is printed, and
/// on a failure the log's end, with where the input was kept.
fn run_logged(command: &mut Command, target: &str) -> TaskResult {
    let logs = workspace::target_dir().join("fuzz-logs");
    fs::create_dir_all(&logs)?;
    let log_path = logs.join(format!("{target}.log"));
    let log = fs::File::create(&log_path)?;
    command.stdout(log.try_clone()?).stderr(log);
    let outcome = workspace::run(command);
    let text = fs::read_to_string(&log_path).unwrap_or_default();
    let stat = |name: &str| {
        text.lines()
            .find_map(|line| line.strip_prefix(name))
            .map_or("?", str::trim)
            .to_owned()
    };
    match outcome {
        Ok(()) => {
            println!(
                "xtask: fuzz {target}: {} inputs, {} new, no failure (log: {})",
                stat("stat::number_of_executed_units:"),
                stat("stat::new_units_added:"),
                log_path.display()
            );
            Ok(())
        }
        Err(error) => {
            let lines: Vec<&str> = text.lines().collect();
            let tail = lines[lines.len().saturating_sub(40)..].join("\n");
            Err(format!(
                "{tail}\n{error}\nfuzz target \"{target}\" found a failure (log: {}): the input \
                 is in fuzz/artifacts/{target}/; fix it and keep the input in \
                 fuzz/regressions/{target}/",
                log_path.display()
            )
            .into())
        }
    }
}

/// `cargo` of the pinned toolchain in `fuzz/`, with cargo-fuzz on PATH and its nightly check open.
fn fuzz_cargo(cargo_fuzz: &Path, fuzz_dir: &Path) -> Command {
    let mut command = workspace::cargo();
    command
        .current_dir(fuzz_dir)
        .env(
            "PATH",
            path_with(cargo_fuzz.parent().unwrap_or(Path::new("."))),
        )
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("RUSTFLAGS");
    command
}

/// The pinned `cargo-fuzz`: cached, on PATH, or installed once into the cache (`--locked`, from crates.io).
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
            .args([
                "install",
                "cargo-fuzz",
                "--locked",
                "--version",
                CARGO_FUZZ_VERSION,
            ])
            .arg("--root")
            .arg(&root),
    )?;
    Ok(cached)
}

/// Whether `program` runs and is the pinned cargo-fuzz.
fn works(program: &Path) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| {
            output.status.success()
                && String::from_utf8_lossy(&output.stdout)
                    .trim_end()
                    .ends_with(CARGO_FUZZ_VERSION)
        })
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
