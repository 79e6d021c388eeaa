//! Starting Chromium and chromedriver as child processes that die with the test.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How long a browser or driver may take to say it is ready.
const START_TIMEOUT: Duration = Duration::from_secs(30);
const INSTALL_HINT: &str = "install them with `apt-get install -y chromium chromium-driver`, or run `cargo xtask test`, which does";

/// A browser profile (`--user-data-dir`) and its download folder, removed when dropped.
/// Keep it across [`super::Browser::kill`] to reopen the same profile.
pub struct Profile {
    dir: PathBuf,
}

impl Profile {
    /// A new, empty profile; `label` (the test's name) makes the folder easy to find.
    pub fn fresh(label: &str) -> Profile {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("e2e-profiles")
            .join(format!("{label}-{}-{n}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let profile = Profile { dir };
        fs::create_dir_all(profile.downloads()).expect("create the profile folders");
        fs::create_dir_all(profile.user_data_dir()).expect("create the profile folders");
        profile
    }

    /// Where the browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self.dir.join("downloads")
    }

    pub fn user_data_dir(&self) -> PathBuf {
        self.dir.join("chromium")
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A child process killed (SIGKILL) when dropped, so a failing test leaves nothing running.
pub struct KillOnDrop(Child);

impl KillOnDrop {
    /// Kill now, without any chance to clean up: what a crash or a pulled plug does.
    pub fn kill(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Headless Chromium on `profile` with a DevTools port for chromedriver to attach to.
/// We start it ourselves, rather than letting chromedriver do it, so a test can kill it abruptly.
pub fn start_chromium(profile: &Profile) -> (KillOnDrop, u16) {
    let program = locate(
        "CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
    );
    let mut child = Command::new(&program)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-quic",
            "--password-store=basic",
            "--window-size=1366,768",
            "--remote-debugging-port=0",
        ])
        .arg(format!(
            "--user-data-dir={}",
            profile.user_data_dir().display()
        ))
        .arg("about:blank")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|error| {
            panic!(
                "cannot start {}: {error}; {INSTALL_HINT}",
                program.display()
            )
        });
    let stderr = child.stderr.take().expect("piped stderr");
    let child = KillOnDrop(child);
    // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/..."
    let port = first_matching_line(stderr, |line| {
        let rest = line.split("DevTools listening on ws://").nth(1)?;
        rest.split('/')
            .next()?
            .rsplit(':')
            .next()?
            .parse::<u16>()
            .ok()
    })
    .unwrap_or_else(|| panic!("{} did not open its DevTools port", program.display()));
    (child, port)
}

/// chromedriver on a free loopback port; returns it and its URL.
pub fn start_chromedriver() -> (KillOnDrop, String) {
    let program = locate("CHROMEDRIVER", &["chromedriver"]);
    let port = free_port();
    let mut child = Command::new(&program)
        .arg(format!("--port={port}"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap_or_else(|error| {
            panic!(
                "cannot start {}: {error}; {INSTALL_HINT}",
                program.display()
            )
        });
    let stdout = child.stdout.take().expect("piped stdout");
    let child = KillOnDrop(child);
    first_matching_line(stdout, |line| {
        line.contains("started successfully").then_some(())
    })
    .unwrap_or_else(|| panic!("{} did not start on port {port}", program.display()));
    (child, format!("http://127.0.0.1:{port}"))
}

/// A port nobody listens on right now (the OS picks it), so parallel runs do not collide.
fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("a bound address").port()
}

/// Read `output` line by line until `matches` finds something; keep draining it afterwards
/// so the process never blocks on a full pipe.
fn first_matching_line<T: Send + 'static>(
    output: impl Read + Send + 'static,
    matches: impl Fn(&str) -> Option<T> + Send + 'static,
) -> Option<T> {
    let (found, wait) = mpsc::channel();
    std::thread::spawn(move || {
        let mut found = Some(found);
        for line in BufReader::new(output).lines() {
            let Ok(line) = line else { break };
            if let Some(value) = found.as_ref().and_then(|_| matches(&line)) {
                let _ = found.take().expect("checked above").send(value);
            }
        }
    });
    wait.recv_timeout(START_TIMEOUT).ok()
}

/// `$variable` if set, else the first of `names` on the PATH.
fn locate(variable: &str, names: &[&str]) -> PathBuf {
    if let Some(path) = std::env::var_os(variable).filter(|path| !path.is_empty()) {
        return PathBuf::from(path);
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{} not found (set ${variable} or {INSTALL_HINT})",
                names.join(" or ")
            )
        })
}
