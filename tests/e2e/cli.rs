//! The `hallcount` CLI, for tests that check the browser's files with it.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The CLI, built once per test run into its own target folder (the one running these tests is
/// locked by the cargo that runs them).
pub fn cli() -> &'static Path {
    static CLI: OnceLock<PathBuf> = OnceLock::new();
    CLI.get_or_init(|| {
        let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-cli");
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args([
                "build",
                "--quiet",
                "--package",
                "hallcount-cli",
                "--target-dir",
            ])
            .arg(&target)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("run cargo build for the CLI");
        assert!(status.success(), "building the hallcount CLI failed");
        target.join("debug").join("hallcount")
    })
}
