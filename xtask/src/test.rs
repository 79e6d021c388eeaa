//! `cargo xtask test`: every test, in this order (steps 1-5 stop at the first failure; 6 to 9
//! all run, and every failure is reported at the end):
//! 1. the core's dependency tree has no web crate;
//! 2. `cargo fmt --all --check`;
//! 3. `cargo clippy --workspace --all-targets -- -D warnings`, natively and for the app in wasm32;
//! 4. Chromium and chromedriver, Firefox ESR and geckodriver are there (installed when missing
//!    and possible);
//! 5. `dist/hallcount.html` is built, because the end-to-end tests open it;
//! 6. `cargo test --workspace` natively: unit tests and the end-to-end tests in `tests/e2e/`,
//!    which here must run (`HALLCOUNT_E2E=require`: a plain `cargo test` skips them, saying so,
//!    when the file is not built);
//! 7. the core end-to-end tests again, in Firefox ESR (`e2e_firefox.rs`);
//! 8. the in-browser wasm tests (`tests/browser.rs`) with `wasm-bindgen-test-runner` in headless Chromium;
//! 9. a bounded fuzz run of every reader (`fuzz.rs`), 30 s a target unless
//!    `HALLCOUNT_FUZZ_SECONDS` says otherwise (`cargo xtask fuzz SECONDS` runs longer).

use std::path::PathBuf;
use std::process::Command;

use crate::browsers::{self, Browsers};
use crate::needs::{self, WASM_TARGET};
use crate::workspace::{self, TaskResult};
use crate::{core_deps, dist, e2e_firefox, fuzz};

pub fn run() -> TaskResult {
    step("the core's dependencies");
    core_deps::check()?;
    step("formatting");
    workspace::run(workspace::cargo().args(["fmt", "--all", "--check"]))
        .map_err(|error| format!("{error}; `cargo fmt --all` formats the code"))?;
    step("lints");
    lint()?;
    step("Chromium and chromedriver");
    let browsers = browsers::ensure()?;
    step("Firefox ESR and geckodriver");
    let firefox = browsers::ensure_firefox()?;
    step("the single file");
    dist::build()?;
    // The test runs do not depend on each other: run them all, then report every failure.
    let mut failures = Vec::new();
    step("native tests and end-to-end tests");
    let mut native = workspace::cargo();
    native
        .args(["test", "--workspace"])
        .env("HALLCOUNT_E2E", "require");
    with_browsers(&mut native, &browsers);
    if let Err(error) = workspace::run(&mut native) {
        failures.push(error.to_string());
    }
    step("core end-to-end tests in Firefox ESR");
    if let Err(error) = e2e_firefox::run(&firefox) {
        failures.push(error.to_string());
    }
    step("in-browser wasm tests");
    let mut in_browser = workspace::cargo();
    in_browser
        .args(["test", "--package", &workspace::app_package()?])
        .args(["--target", WASM_TARGET, "--test", "browser"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", test_runner()?);
    with_browsers(&mut in_browser, &browsers);
    if let Err(error) = workspace::run(&mut in_browser) {
        failures.push(error.to_string());
    }
    step("bounded fuzzing of every reader");
    if let Err(error) = fuzz::test_seconds().and_then(fuzz::run) {
        failures.push(error.to_string());
    }
    if !failures.is_empty() {
        return Err(format!("some tests failed:\n  {}", failures.join("\n  ")).into());
    }
    println!("xtask: all tests passed");
    Ok(())
}

/// Clippy with every warning an error: the whole workspace natively, then the app (and its
/// wasm-only tests) for the wasm target it ships on.
fn lint() -> TaskResult {
    let deny = ["--", "-D", "warnings"];
    workspace::run(
        workspace::cargo()
            .args(["clippy", "--workspace", "--all-targets"])
            .args(deny),
    )?;
    needs::wasm_target()?;
    workspace::run(
        workspace::cargo()
            .args(["clippy", "--package", &workspace::app_package()?])
            .args(["--target", WASM_TARGET, "--all-targets"])
            .args(deny),
    )
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
    let version = workspace::locked_version("wasm-bindgen")?;
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
