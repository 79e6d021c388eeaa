//! Headless Chromium and chromedriver. We start Chromium ourselves, with a DevTools port for
//! chromedriver to attach to, rather than letting chromedriver start it, so a test can kill it
//! abruptly.

use std::process::{Command, Stdio};

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::{json, Value};

use super::launch::{
    first_matching_line, free_port, locate, spawn, start_driver, KillOnDrop, Profile, Started,
};

const INSTALL_HINT: &str = "install them with `apt-get install -y chromium chromium-driver`, or run `cargo xtask test`, which does";

pub fn start(profile: &Profile) -> Started {
    let (browser, devtools_port) = start_chromium(profile);
    let (driver, driver_url) = start_chromedriver();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), json!("chrome"));
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({ "debuggerAddress": format!("127.0.0.1:{devtools_port}") }),
    );
    capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
    Started {
        browser,
        driver,
        driver_url,
        capabilities,
    }
}

/// Headless Chromium on `profile`, and the DevTools port it opened.
fn start_chromium(profile: &Profile) -> (KillOnDrop, u16) {
    let program = locate(
        "CHROMIUM",
        &["chromium", "chromium-browser", "google-chrome"],
        INSTALL_HINT,
    );
    let mut command = Command::new(&program);
    command
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
        .stderr(Stdio::piped());
    let mut child = spawn(&mut command, &program, INSTALL_HINT);
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
fn start_chromedriver() -> (KillOnDrop, String) {
    let program = locate("CHROMEDRIVER", &["chromedriver"], INSTALL_HINT);
    let port = free_port();
    let args = [format!("--port={port}")];
    start_driver(&program, &args, port, "started successfully", INSTALL_HINT)
}

/// A Chrome DevTools command through chromedriver.
pub async fn cdp(client: &Client, cmd: &str, params: Value) -> Value {
    let body = json!({ "cmd": cmd, "params": params });
    client
        .issue_cmd(SessionCommand::post("goog/cdp/execute", body))
        .await
        .unwrap_or_else(|error| panic!("DevTools command {cmd} failed: {error}"))
}

/// The errors in the browser's log since the last call (reading empties it).
pub async fn log_errors(client: &Client) -> Vec<String> {
    let log = client
        .issue_cmd(SessionCommand::post("se/log", json!({ "type": "browser" })))
        .await
        .expect("read the browser log");
    let entries = log.as_array().cloned().unwrap_or_default();
    entries
        .iter()
        .filter(|entry| entry["level"] == "SEVERE")
        .map(|entry| {
            format!(
                "browser log: {}",
                entry["message"].as_str().unwrap_or_default()
            )
        })
        .collect()
}

/// A chromedriver command under `/session/{id}/` that fantoccini has no method for.
#[derive(Debug)]
struct SessionCommand {
    path: &'static str,
    body: Value,
}

impl SessionCommand {
    fn post(path: &'static str, body: Value) -> SessionCommand {
        SessionCommand { path, body }
    }
}

impl WebDriverCompatibleCommand for SessionCommand {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.body.to_string()))
    }
}
