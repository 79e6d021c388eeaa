//! Headless Firefox (Debian's `firefox-esr`) and geckodriver. As with Chromium, we start the
//! browser ourselves (Marionette on a free port) and geckodriver only connects to it
//! (`--connect-existing`), so a test can kill the browser abruptly and reopen its profile.
//!
//! geckodriver sets its preferences only in a profile it makes; here the profile is ours, so
//! `user.js` carries what the tests need: Marionette's port, downloads saved to the profile's
//! folder without a dialog, no crash-recovery page, and no update or telemetry traffic.

use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::json;

use super::launch::{free_port, locate, spawn, start_driver, KillOnDrop, Profile, Started};

const INSTALL_HINT: &str = "install Firefox with `apt-get install -y firefox-esr` and geckodriver with `cargo install geckodriver --locked --root target/tools`, or run `cargo xtask test`, which does";

pub fn start(profile: &Profile) -> Started {
    let marionette_port = free_port();
    write_prefs(profile, marionette_port);
    let program = locate("FIREFOX", &["firefox-esr", "firefox"], INSTALL_HINT);
    let mut command = Command::new(&program);
    command
        .args([
            "--headless",
            "--no-remote",
            "--new-instance",
            "--marionette",
        ])
        .arg("--profile")
        .arg(profile.user_data_dir())
        .arg("about:blank")
        // The window (and so the viewport and the screenshots) of a laptop, as with Chromium.
        .env("MOZ_HEADLESS_WIDTH", "1366")
        .env("MOZ_HEADLESS_HEIGHT", "768")
        .env("MOZ_CRASHREPORTER_DISABLE", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    let browser = spawn(&mut command, &program, INSTALL_HINT);
    let (driver, driver_url) = start_geckodriver(marionette_port);
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), json!("firefox"));
    Started {
        browser: KillOnDrop(browser),
        driver,
        driver_url,
        capabilities,
    }
}

/// geckodriver on a free loopback port, to connect to the Firefox on `marionette_port` (it
/// waits for Marionette to listen when the session starts); returns it and its URL.
fn start_geckodriver(marionette_port: u16) -> (KillOnDrop, String) {
    let program = locate("GECKODRIVER", &["geckodriver"], INSTALL_HINT);
    let port = free_port();
    let args = [
        "--host".to_owned(),
        "127.0.0.1".to_owned(),
        "--connect-existing".to_owned(),
        format!("--port={port}"),
        format!("--marionette-port={marionette_port}"),
    ];
    // "1700000000000	geckodriver	INFO	Listening on 127.0.0.1:PORT"
    start_driver(&program, &args, port, "Listening on", INSTALL_HINT)
}

/// `user.js` in the profile, written before every start (a reopened profile gets a new port).
fn write_prefs(profile: &Profile, marionette_port: u16) {
    let downloads = profile.downloads();
    let prefs = prefs(marionette_port, &downloads);
    let mut text = String::new();
    for (name, value) in prefs {
        let _ = writeln!(text, "user_pref({}, {value});", json!(name));
    }
    fs::write(profile.user_data_dir().join("user.js"), text).expect("write the Firefox prefs");
}

fn prefs(marionette_port: u16, downloads: &Path) -> Vec<(&'static str, serde_json::Value)> {
    vec![
        ("marionette.port", json!(marionette_port)),
        // Downloads land in the profile's folder, with no dialog and no panel.
        ("browser.download.folderList", json!(2)),
        ("browser.download.dir", json!(downloads)),
        ("browser.download.useDownloadDir", json!(true)),
        (
            "browser.download.always_ask_before_handling_new_types",
            json!(false),
        ),
        ("browser.download.alwaysOpenPanel", json!(false)),
        ("browser.download.manager.showWhenStarting", json!(false)),
        // A killed browser reopens on the page, not on a "restore the session?" page.
        ("browser.sessionstore.resume_from_crash", json!(false)),
        ("browser.shell.checkDefaultBrowser", json!(false)),
        ("browser.startup.page", json!(0)),
        ("browser.startup.homepage_override.mstone", json!("ignore")),
        ("datareporting.policy.dataSubmissionEnabled", json!(false)),
        ("toolkit.telemetry.reportingpolicy.firstRun", json!(false)),
        ("app.update.disabledForTesting", json!(true)),
        ("browser.safebrowsing.update.enabled", json!(false)),
        ("network.captive-portal-service.enabled", json!(false)),
        ("network.connectivity-service.enabled", json!(false)),
        // `window.open` from a click (the board in a second window) is not a blocked pop-up.
        ("dom.disable_open_during_load", json!(false)),
    ]
}
