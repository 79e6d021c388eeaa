//! What every browser engine shares: the profile folder, child processes that die with the
//! test, free ports, and finding a program.

use std::fs;
use std::io::{BufRead, BufReader, Read};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use serde_json::{Map, Value};

/// How long a browser or driver may take to say it is ready.
pub const START_TIMEOUT: Duration = Duration::from_secs(60);

/// The browser engine the tests drive: `$HALLCOUNT_BROWSER`, `chromium` (the default) or
/// `firefox`. `cargo xtask test` runs every end-to-end test in Chromium, then the core ones in
/// Firefox ESR.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Engine {
    Chromium,
    Firefox,
}

impl Engine {
    pub fn from_env() -> Engine {
        match std::env::var("HALLCOUNT_BROWSER").as_deref() {
            Err(_) | Ok("") | Ok("chromium") => Engine::Chromium,
            Ok("firefox") => Engine::Firefox,
            Ok(other) => panic!("HALLCOUNT_BROWSER={other:?}: expected `chromium` or `firefox`"),
        }
    }
}

/// A browser and its WebDriver server, started for one [`super::Browser`].
pub struct Started {
    pub browser: KillOnDrop,
    pub driver: KillOnDrop,
    pub driver_url: String,
    pub capabilities: Map<String, Value>,
}

/// A browser profile and its download folder, removed when dropped. Keep it across
/// [`super::Browser::kill`] to reopen the same profile.
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
        for folder in [profile.downloads(), profile.user_data_dir()] {
            fs::create_dir_all(folder).expect("create the profile folders");
        }
        profile
    }

    /// Where the browser saves downloads.
    pub fn downloads(&self) -> PathBuf {
        self.dir.join("downloads")
    }

    /// The browser's own profile folder (`--user-data-dir` of Chromium, `--profile` of Firefox).
    pub fn user_data_dir(&self) -> PathBuf {
        self.dir.join("browser")
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.dir);
    }
}

/// A child process killed (SIGKILL) when dropped, so a failing test leaves nothing running.
pub struct KillOnDrop(pub Child);

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

/// A port nobody listens on right now (the OS picks it), so parallel runs do not collide.
pub fn free_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a loopback port");
    listener.local_addr().expect("a bound address").port()
}

/// Read `output` line by line until `matches` finds something; keep draining it afterwards
/// so the process never blocks on a full pipe.
pub fn first_matching_line<T: Send + 'static>(
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

/// Starts `command` (the program at `program`), or fails the test saying how to get it.
pub fn spawn(command: &mut Command, program: &Path, hint: &str) -> Child {
    command
        .spawn()
        .unwrap_or_else(|error| panic!("cannot start {}: {error}; {hint}", program.display()))
}

/// A WebDriver server (`program` with `args`) on `port` of the loopback, started once a line of
/// its output contains `ready`; returns it and its URL.
pub fn start_driver(
    program: &Path,
    args: &[String],
    port: u16,
    ready: &'static str,
    hint: &str,
) -> (KillOnDrop, String) {
    let mut child = spawn(
        Command::new(program)
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
        program,
        hint,
    );
    let stdout = child.stdout.take().expect("piped stdout");
    let child = KillOnDrop(child);
    first_matching_line(stdout, move |line| line.contains(ready).then_some(()))
        .unwrap_or_else(|| panic!("{} did not start on port {port}", program.display()));
    (child, format!("http://127.0.0.1:{port}"))
}

/// `$variable` if set, else the first of `names` on the PATH or in `target/tools/bin` (where
/// `cargo xtask test` installs the drivers cargo builds); `hint` says how to get it.
pub fn locate(variable: &str, names: &[&str], hint: &str) -> PathBuf {
    if let Some(path) = std::env::var_os(variable).filter(|path| !path.is_empty()) {
        return PathBuf::from(path);
    }
    let tools = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .map(|target| target.join("tools").join("bin"));
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(tools)
        .flat_map(|dir| names.iter().map(move |name| dir.join(name)))
        .find(|path| path.is_file())
        .unwrap_or_else(|| {
            panic!(
                "{} not found (set ${variable}, or {hint})",
                names.join(" or ")
            )
        })
}
