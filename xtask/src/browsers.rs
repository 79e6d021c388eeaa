//! Chromium and chromedriver for the browser tests: found, or installed where we may.

use std::env;
use std::path::PathBuf;
use std::process::Command;

use crate::workspace::{self, TaskResult};

const INSTALL: &str = "apt-get update && apt-get install -y chromium chromium-driver";

pub struct Browsers {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
}

/// Chromium and chromedriver, installing them with apt when running as root on Debian.
/// `CHROMIUM` and `CHROMEDRIVER` override the search.
pub fn ensure() -> TaskResult<Browsers> {
    if let Some(found) = find() {
        return Ok(found);
    }
    if !is_root() || !workspace::is_available("apt-get") {
        return Err(format!("Chromium and chromedriver are needed for the browser tests; install them (as root): {INSTALL}").into());
    }
    eprintln!("xtask: Chromium or chromedriver missing; installing them with apt-get");
    workspace::run(Command::new("apt-get").arg("update"))?;
    workspace::run(Command::new("apt-get").args(["install", "-y", "chromium", "chromium-driver"]))?;
    find().ok_or_else(|| format!("Chromium or chromedriver still missing after `{INSTALL}`").into())
}

fn find() -> Option<Browsers> {
    Some(Browsers {
        chromium: locate(
            "CHROMIUM",
            &["chromium", "chromium-browser", "google-chrome"],
        )?,
        chromedriver: locate("CHROMEDRIVER", &["chromedriver"])?,
    })
}

fn locate(variable: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(path) = env::var_os(variable).filter(|path| !path.is_empty()) {
        return Some(PathBuf::from(path));
    }
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| String::from_utf8_lossy(&output.stdout).trim() == "0")
}
