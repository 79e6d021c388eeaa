//! Where things are, and running commands with a readable failure.

use std::env;
use std::error::Error;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use cargo_metadata::{Metadata, MetadataCommand};

pub type TaskResult<T = ()> = Result<T, Box<dyn Error>>;

/// The workspace root: the parent of this crate's directory.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives inside the workspace")
        .to_path_buf()
}

/// Cargo's target directory, honouring `CARGO_TARGET_DIR` like cargo itself.
pub fn target_dir() -> PathBuf {
    match env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root().join(dir),
        _ => root().join("target"),
    }
}

/// `cargo metadata` of the workspace (with the versions Cargo.lock resolved), read once a run.
pub fn metadata() -> TaskResult<&'static Metadata> {
    static METADATA: OnceLock<Metadata> = OnceLock::new();
    if let Some(metadata) = METADATA.get() {
        return Ok(metadata);
    }
    let metadata = MetadataCommand::new()
        .manifest_path(root().join("Cargo.toml"))
        .exec()
        .map_err(|error| format!("cargo metadata failed: {error}"))?;
    Ok(METADATA.get_or_init(|| metadata))
}

/// The app's package: the one at the workspace root.
pub fn app_package() -> TaskResult<String> {
    let app = metadata()?.root_package();
    app.map(|package| package.name.to_string())
        .ok_or_else(|| "the workspace root has no package: where is the app?".into())
}

/// The version of `package` that Cargo.lock resolved.
pub fn locked_version(package: &str) -> TaskResult<String> {
    resolved_version(metadata()?, package)
}

fn resolved_version(metadata: &Metadata, package: &str) -> TaskResult<String> {
    let versions: Vec<String> = metadata
        .packages
        .iter()
        .filter(|candidate| candidate.name.as_str() == package)
        .map(|candidate| candidate.version.to_string())
        .collect();
    match versions.as_slice() {
        [version] => Ok(version.clone()),
        [] => Err(format!("{package} is not among the workspace's dependencies").into()),
        several => Err(format!(
            "{package} is resolved to several versions: {}",
            several.join(", ")
        )
        .into()),
    }
}

/// Where the single file is written.
pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

/// The cargo that runs this task, so a pinned toolchain stays pinned.
pub fn cargo() -> Command {
    let mut command = Command::new(env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    command.current_dir(root());
    command
}

/// Run `command` to completion, failing with its command line if it does not succeed.
pub fn run(command: &mut Command) -> TaskResult {
    eprintln!("xtask: running {}", describe(command));
    let status = command
        .status()
        .map_err(|error| format!("cannot start {}: {error}", describe(command)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{} failed ({status})", describe(command)).into())
    }
}

/// Whether `program` can be started (found on PATH or by its path).
pub fn is_available(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

pub fn describe(command: &Command) -> String {
    let mut text = command.get_program().to_string_lossy().into_owned();
    for arg in command.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// The size of a byte count for people.
pub fn kilobytes(bytes: usize) -> String {
    format!("{:.1} KB", bytes as f64 / 1000.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The glue xtask writes must match the wasm-bindgen the app is compiled against.
    #[test]
    fn the_bindgen_library_is_the_apps_wasm_bindgen() {
        let metadata = metadata().expect("cargo metadata");
        assert_eq!(
            resolved_version(metadata, "wasm-bindgen-cli-support").unwrap(),
            resolved_version(metadata, "wasm-bindgen").unwrap()
        );
    }

    #[test]
    fn a_package_outside_the_workspace_is_an_error() {
        let metadata = metadata().expect("cargo metadata");
        let error = resolved_version(metadata, "no-such-crate-here").unwrap_err();
        assert!(error.to_string().contains("no-such-crate-here"), "{error}");
    }

    #[test]
    fn the_app_is_the_root_package() {
        let app = app_package().expect("an app package");
        let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains(&format!("name = \"{app}\"")), "{app}");
    }
}
