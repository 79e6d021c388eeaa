//! What the tasks need besides cargo: found, installed where we may, or named with the command
//! that installs it. A task never fails deep inside a build for want of a tool it could have
//! checked first (issue 13: a toolchain without the wasm target failed with "can't find crate
//! for `core`").

use std::path::PathBuf;
use std::process::Command;

use crate::workspace::{self, TaskResult};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// The wasm target of the active toolchain: there, or added with rustup, or an error that names
/// the command. `rust-toolchain.toml` adds it only when rustup installs the toolchain, not to a
/// toolchain that is already there.
pub fn wasm_target() -> TaskResult {
    let listed = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .current_dir(workspace::root())
        .output();
    let listed = match listed {
        Ok(output) if output.status.success() => output,
        _ => {
            // Without rustup we cannot ask; the standard library must already be there.
            if sysroot_has_target(WASM_TARGET) {
                return Ok(());
            }
            return Err(format!(
                "the Rust standard library for {WASM_TARGET} is missing and rustup is not here to add it; \
                 install Rust with rustup (https://rustup.rs), then: rustup target add {WASM_TARGET}"
            )
            .into());
        }
    };
    if has_target(&String::from_utf8_lossy(&listed.stdout), WASM_TARGET) {
        return Ok(());
    }
    eprintln!("xtask: the toolchain lacks {WASM_TARGET}; adding it with rustup");
    workspace::run(
        Command::new("rustup")
            .args(["target", "add", WASM_TARGET])
            .current_dir(workspace::root()),
    )
    .map_err(|error| format!("{error}; run it yourself: rustup target add {WASM_TARGET}").into())
}

/// The standard library's source, which the app's wasm is built from (`-Z build-std`, see
/// `dist`): there, or added with rustup, or an error that names the command.
pub fn rust_src() -> TaskResult {
    if sysroot()
        .join("lib/rustlib/src/rust/library/core/src/lib.rs")
        .is_file()
    {
        return Ok(());
    }
    eprintln!("xtask: the toolchain lacks rust-src; adding it with rustup");
    workspace::run(
        Command::new("rustup")
            .args(["component", "add", "rust-src"])
            .current_dir(workspace::root()),
    )
    .map_err(|error| format!("{error}; run it yourself: rustup component add rust-src").into())
}

/// Whether `target` is a line of `rustup target list --installed`.
fn has_target(installed: &str, target: &str) -> bool {
    installed.lines().any(|line| line.trim() == target)
}

/// Whether the active toolchain's sysroot holds a standard library for `target`.
fn sysroot_has_target(target: &str) -> bool {
    sysroot()
        .join("lib/rustlib")
        .join(target)
        .join("lib")
        .is_dir()
}

/// The active toolchain's sysroot, as `rustc --print sysroot` (run in the workspace, so the
/// pinned toolchain) says; empty when rustc cannot be asked.
fn sysroot() -> PathBuf {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    Command::new(rustc)
        .args(["--print", "sysroot"])
        .current_dir(workspace::root())
        .output()
        .map(|output| PathBuf::from(String::from_utf8_lossy(&output.stdout).trim()))
        .unwrap_or_default()
}

/// Debian packages: installed with apt when we run as root, else an error naming the command.
/// `what` says what they are for.
pub fn apt_install(packages: &[&str], what: &str) -> TaskResult {
    let command = apt_command(packages);
    if !is_root() || !workspace::is_available("apt-get") {
        return Err(format!("{what}; install (as root): {command}").into());
    }
    eprintln!("xtask: {what}; installing: {command}");
    workspace::run(Command::new("apt-get").arg("update"))?;
    workspace::run(
        Command::new("apt-get")
            .args(["install", "-y"])
            .args(packages)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )
}

/// The command line a person would type to install `packages`.
pub fn apt_command(packages: &[&str]) -> String {
    format!(
        "apt-get update && apt-get install -y {}",
        packages.join(" ")
    )
}

/// Whether npm (for the pinned wasm-opt and axe-core) is there, installing it with apt as root;
/// if not, a note names the command (the build goes on without wasm-opt, larger).
pub fn npm() -> bool {
    if workspace::is_available("npm") {
        return true;
    }
    let what = "npm is missing (the pinned wasm-opt and axe-core come from it)";
    if let Err(error) = apt_install(&["npm"], what) {
        eprintln!("xtask: note: {error}");
    }
    workspace::is_available("npm")
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_target_among_the_installed_ones() {
        let installed = "wasm32-unknown-unknown\nx86_64-unknown-linux-gnu\n";
        assert!(has_target(installed, WASM_TARGET));
    }

    #[test]
    fn a_toolchain_with_only_its_host_lacks_the_target() {
        assert!(!has_target("x86_64-unknown-linux-gnu\n", WASM_TARGET));
        assert!(!has_target("", WASM_TARGET));
    }

    #[test]
    fn a_similar_name_is_not_the_target() {
        let installed = "wasm32-unknown-emscripten\nwasm32-unknown-unknown-extra\n";
        assert!(!has_target(installed, WASM_TARGET));
    }

    #[test]
    fn the_install_hint_names_every_package() {
        assert_eq!(
            apt_command(&["chromium", "chromium-driver"]),
            "apt-get update && apt-get install -y chromium chromium-driver"
        );
    }
}
