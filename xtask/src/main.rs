//! Build and check tasks: `cargo xtask dist | run | test`.
//!
//! Needs nothing but cargo to start; each task installs or reports what else it needs.

mod browsers;
mod core_deps;
mod dist;
mod e2e_firefox;
mod fuzz;
mod latin1;
mod needs;
mod serve;
mod test;
mod workspace;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <task>

tasks:
  dist   build the single offline file dist/hallcount.html
  run    build it, then serve dist/ on http://127.0.0.1:8080
  test   every test: core dependency check, native tests, in-browser wasm tests, end-to-end tests,
         and each fuzz target for 30 s (HALLCOUNT_FUZZ_SECONDS=N for another bound)
  fuzz [SECONDS]  run each fuzz target (one per reader) for SECONDS (default 300)";

fn main() -> ExitCode {
    let task = std::env::args().nth(1);
    let result = match task.as_deref() {
        Some("dist") => dist::build().map(|_| ()),
        Some("run") => serve::run(),
        Some("test") => test::run(),
        Some("fuzz") => match std::env::args().nth(2).map(|s| s.parse::<u64>()) {
            None => fuzz::run(300),
            Some(Ok(seconds)) => fuzz::run(seconds),
            Some(Err(_)) => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        },
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("xtask: {error}");
            ExitCode::FAILURE
        }
    }
}
