//! `cargo xtask test`: every test, in this order (steps 1-3 stop at the first failure; 4 and 5
//! both run, and every failure is reported at the end):
//! 1. the core's dependency tree has no web crate;
//! 2. Chromium and chromedriver are there (installed when missing and possible);
//! 3. `dist/hallcount.html` is built, because the end-to-end tests open it;
//! 4. `cargo test --workspace` natively: unit tests and the end-to-end tests in `tests/e2e/`;
//! 5. the in-browser wasm tests (`tests/browser.rs`) with `wasm-bindgen-test-runner` in headless Chromium.

use std::fs;
use std::path::PathBuf;
use std::process::Command;

use crate::browsers::{self, Browsers};
use crate::workspace::{self, TaskResult};
use crate::{core_deps, dist};

pub fn run() -> TaskResult {
    step("the core's dependencies");
    core_deps::check()?;
    step("Chromium and chromedriver");
    let browsers = browsers::ensure()?;
    step("the single file");
    dist::build()?;
    // The two test runs do not depend on each other: run both, then report every failure.
    let mut failures = Vec::new();
    step("native tests and end-to-end tests");
    let mut native = workspace::cargo();
    native.args(["test", "--workspace"]);
    with_browsers(&mut native, &browsers);
    if let Err(error) = workspace::run(&mut native) {
        failures.push(error.to_string());
    }
    step("in-browser wasm tests");
    let mut in_browser = workspace::cargo();
    in_browser
        .args([
            "test",
            "--package",
            "hallcount-app",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", test_runner()?);
    with_browsers(&mut in_browser, &browsers);
    if let Err(error) = workspace::run(&mut in_browser) {
        failures.push(error.to_string());
    }
    if !failures.is_empty() {
        return Err(format!("some tests failed:\n  {}", failures.join("\n  ")).into());
    }
    println!("xtask: all tests passed");
    Ok(())
}

fn step(name: &str) {
    println!("\nxtask: === {name} ===");
}

fn with_browsers(command: &mut Command, browsers: &Browsers) {
    command
        .env("CHROMIUM", &browsers.chromium)
        .env("CHROMEDRIVER", &browsers.chromedriver);
}

/// `wasm-bindgen-test-runner` of exactly the locked wasm-bindgen version, built into
/// `<target>/tools` on first use (a few minutes, once). Not `--locked`: its lock file names a
/// `webpki-roots` release the registry no longer offers.
fn test_runner() -> TaskResult<PathBuf> {
    let version = locked_version("wasm-bindgen")?;
    let tools = workspace::target_dir().join("tools");
    let runner = tools.join("bin").join("wasm-bindgen-test-runner");
    let installed = Command::new(&runner)
        .arg("--version")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).contains(&version));
    if !installed {
        workspace::run(
            workspace::cargo()
                .args([
                    "install",
                    "wasm-bindgen-cli",
                    "--version",
                    &format!("={version}"),
                    "--root",
                ])
                .arg(&tools),
        )?;
    }
    Ok(runner)
}

/// The version of `package` in Cargo.lock.
fn locked_version(package: &str) -> TaskResult<String> {
    let lock = fs::read_to_string(workspace::root().join("Cargo.lock"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == format!("name = \"{package}\"") {
            if let Some(version) = lines
                .next()
                .and_then(|line| line.strip_prefix("version = \""))
            {
                return Ok(version.trim_end_matches('"').to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock").into())
}
