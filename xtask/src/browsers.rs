//! The browsers and their WebDriver servers: Chromium and chromedriver (Debian's), Firefox ESR
//! (Debian's) and geckodriver (built with cargo at a pinned version). Found, or installed where
//! we may.

use std::env;
use std::path::PathBuf;
use std::process::Command;

use crate::needs;
use crate::workspace::{self, TaskResult};

const PACKAGES: [&str; 2] = ["chromium", "chromium-driver"];
const FIREFOX_PACKAGE: &str = "firefox-esr";
/// The newest geckodriver on crates.io when pinned; it drives the current Firefox ESR.
const GECKODRIVER_VERSION: &str = "0.37.1";

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
    needs::apt_install(
        &PACKAGES,
        "Chromium and chromedriver are needed for the browser tests",
    )?;
    find().ok_or_else(|| {
        let command = needs::apt_command(&PACKAGES);
        format!("Chromium or chromedriver still missing after `{command}`").into()
    })
}

pub struct Firefox {
    pub firefox: PathBuf,
    pub geckodriver: PathBuf,
}

/// Firefox ESR (apt, as root) and geckodriver, `cargo install`ed at its pinned version into
/// `<target>/tools` on first use (a few minutes, once). `FIREFOX` and `GECKODRIVER` override.
pub fn ensure_firefox() -> TaskResult<Firefox> {
    let names = ["firefox-esr", "firefox"];
    let firefox = match locate("FIREFOX", &names) {
        Some(found) => found,
        None => {
            needs::apt_install(
                &[FIREFOX_PACKAGE],
                "Firefox is needed for the browser tests",
            )?;
            locate("FIREFOX", &names).ok_or("Firefox is still missing after installing it")?
        }
    };
    let geckodriver = match env::var_os("GECKODRIVER").filter(|path| !path.is_empty()) {
        Some(path) => PathBuf::from(path),
        None => geckodriver()?,
    };
    Ok(Firefox {
        firefox,
        geckodriver,
    })
}

fn geckodriver() -> TaskResult<PathBuf> {
    let tools = workspace::target_dir().join("tools");
    let driver = tools.join("bin").join("geckodriver");
    let installed = Command::new(&driver)
        .arg("--version")
        .output()
        .is_ok_and(|output| {
            String::from_utf8_lossy(&output.stdout).contains(&format!(" {GECKODRIVER_VERSION}"))
        });
    if !installed {
        workspace::run(
            workspace::cargo()
                .args(["install", "geckodriver", "--locked", "--version"])
                .arg(format!("={GECKODRIVER_VERSION}"))
                .arg("--root")
                .arg(&tools),
        )?;
    }
    Ok(driver)
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
