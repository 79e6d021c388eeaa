//! The end-to-end harness: the built `dist/hallcount.html` opened from `file://` in headless
//! Chromium, driven through chromedriver, the way a returning officer would use it.
//!
//! ```ignore
//! let browser = Browser::open("my_test").await;
//! browser.click("nav a[href='#/entry']").await;
//! browser.wait_for_text("main h2", "Entry").await;
//! browser.screenshot("entry").await;
//! browser.finish().await; // fails on any console error or attempted request
//! ```
//!
//! Every wait is an event-driven wait in the page (a `MutationObserver` inside a WebDriver async
//! script), never a sleep. Each [`Browser`] has its own Chromium, chromedriver (on a free port)
//! and profile, so tests run in parallel. To simulate a crash, [`Browser::kill`] the browser and
//! [`Browser::reopen`] its [`Profile`].

mod launch;

use std::path::{Path, PathBuf};
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

use launch::KillOnDrop;
pub use launch::Profile;

/// The longest any wait may take before the test fails.
const WAIT: Duration = Duration::from_secs(20);

/// The page under test: `$HALLCOUNT_HTML`, else the workspace's `dist/hallcount.html`.
pub fn page_path() -> PathBuf {
    let path = std::env::var_os("HALLCOUNT_HTML")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("dist")
                .join("hallcount.html")
        });
    assert!(
        path.is_file(),
        "{} is missing: the end-to-end tests open the built file; run `cargo xtask test` (or `cargo xtask dist` first)",
        path.display()
    );
    path
}

fn page_url() -> String {
    format!("file://{}", page_path().display())
}

/// Where screenshots go: `target/screenshots/`.
pub fn screenshot_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR"))
        .parent()
        .expect("the target dir")
        .join("screenshots")
}

pub struct Browser {
    client: Client,
    profile: Option<Profile>,
    // Field order is drop order: the driver goes before the browser it drives.
    chromedriver: KillOnDrop,
    chromium: KillOnDrop,
    checked: bool,
}

impl Browser {
    /// The app's start page in a fresh profile.
    pub async fn open(label: &str) -> Browser {
        Browser::reopen(Profile::fresh(label)).await
    }

    /// The app's start page in `profile`, with whatever the last run left in its storage.
    pub async fn reopen(profile: Profile) -> Browser {
        let page = page_url(); // first, so a missing file fails before any browser starts
        let (chromium, devtools_port) = launch::start_chromium(&profile);
        let (chromedriver, driver_url) = launch::start_chromedriver();
        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), json!("chrome"));
        capabilities.insert(
            "goog:chromeOptions".into(),
            json!({ "debuggerAddress": format!("127.0.0.1:{devtools_port}") }),
        );
        capabilities.insert("goog:loggingPrefs".into(), json!({ "browser": "ALL" }));
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver_url)
            .await
            .unwrap_or_else(|error| panic!("chromedriver refused a session: {error}"));
        let timeouts = TimeoutConfiguration::new(Some(WAIT), Some(WAIT), Some(Duration::ZERO));
        client
            .update_timeouts(timeouts)
            .await
            .expect("set WebDriver timeouts");
        let browser = Browser {
            client,
            profile: Some(profile),
            chromedriver,
            chromium,
            checked: false,
        };
        browser.allow_downloads().await;
        browser.client.goto(&page).await.expect("open the page");
        browser.wait_for("#main").await;
        browser
    }

    /// The profile's download folder (files the app saves land here).
    pub fn downloads(&self) -> PathBuf {
        self.profile
            .as_ref()
            .expect("a live browser has its profile")
            .downloads()
    }

    pub fn client(&self) -> &Client {
        &self.client
    }

    /// Go to a route by its hash (`"#/entry"`), as typing it in the address bar would.
    pub async fn goto_hash(&self, hash: &str) {
        self.client
            .goto(&format!("{}{hash}", page_url()))
            .await
            .expect("navigate");
    }

    /// Reload the page (problems seen so far are checked first: a reload forgets them).
    pub async fn reload(&self) {
        self.assert_no_problems().await;
        self.client.refresh().await.expect("reload");
        self.wait_for("#main").await;
    }

    /// Wait until `selector` matches, then return the element.
    pub async fn wait_for(&self, selector: &str) -> Element {
        self.wait_until(selector, None).await;
        self.find(selector).await
    }

    /// Wait until the element `selector` shows text containing `expected`.
    pub async fn wait_for_text(&self, selector: &str, expected: &str) -> Element {
        self.wait_until(selector, Some(expected)).await;
        self.find(selector).await
    }

    /// Wait until nothing matches `selector`.
    pub async fn wait_for_absence(&self, selector: &str) {
        let script = r#"
            const [selector, done] = arguments;
            const gone = () => document.querySelector(selector) === null;
            if (gone()) return done(true);
            const observer = new MutationObserver(() => { if (gone()) { observer.disconnect(); done(true); } });
            observer.observe(document, { subtree: true, childList: true, attributes: true });
        "#;
        if let Err(error) = self
            .client
            .execute_async(script, vec![json!(selector)])
            .await
        {
            panic!("`{selector}` still present after {WAIT:?}: {error}");
        }
    }

    pub async fn find(&self, selector: &str) -> Element {
        self.client
            .find(Locator::Css(selector))
            .await
            .unwrap_or_else(|error| panic!("no element matches `{selector}`: {error}"))
    }

    pub async fn find_all(&self, selector: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(selector))
            .await
            .expect("find elements")
    }

    /// The visible text of the first element matching `selector`.
    pub async fn text(&self, selector: &str) -> String {
        self.wait_for(selector)
            .await
            .text()
            .await
            .expect("read text")
    }

    pub async fn click(&self, selector: &str) {
        self.wait_for(selector)
            .await
            .click()
            .await
            .unwrap_or_else(|error| panic!("cannot click `{selector}`: {error}"));
    }

    /// Type `text` into the field `selector` (after what is already there).
    pub async fn type_into(&self, selector: &str, text: &str) {
        self.wait_for(selector)
            .await
            .send_keys(text)
            .await
            .unwrap_or_else(|error| panic!("cannot type into `{selector}`: {error}"));
    }

    /// Empty the field `selector`, then type `text`.
    pub async fn fill(&self, selector: &str, text: &str) {
        let field = self.wait_for(selector).await;
        field.clear().await.expect("clear the field");
        field
            .send_keys(text)
            .await
            .unwrap_or_else(|error| panic!("cannot type into `{selector}`: {error}"));
    }

    /// Press a key (Enter, Tab, Escape, arrows...) on whatever has the focus.
    pub async fn press(&self, key: Key) {
        let focused = self
            .client
            .active_element()
            .await
            .expect("a focused element");
        focused
            .send_keys(&char::from(key).to_string())
            .await
            .expect("press a key");
    }

    /// Run `script` in the page and return its value.
    pub async fn execute(&self, script: &str) -> Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|error| panic!("script failed: {error}\n{script}"))
    }

    /// Save what the window shows as `target/screenshots/<name>.png`.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let png = self.client.screenshot().await.expect("take a screenshot");
        let dir = screenshot_dir();
        std::fs::create_dir_all(&dir).expect("create target/screenshots");
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, png).expect("write the screenshot");
        path
    }

    /// Wait until the download folder holds `file_name`, completely written; return its path.
    pub async fn wait_for_download(&self, file_name: &str) -> PathBuf {
        let path = self.downloads().join(file_name);
        let partial = self.downloads().join(format!("{file_name}.crdownload"));
        let deadline = std::time::Instant::now() + WAIT;
        // The file system has no event to wait on here; poll it, bounded.
        while !path.is_file() || partial.exists() {
            assert!(
                std::time::Instant::now() < deadline,
                "{file_name} was not downloaded within {WAIT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        path
    }

    /// Everything that went wrong so far: console errors, uncaught errors, refused requests
    /// (recorded by the first script of `index.html`), requests the page made, and the
    /// browser's own error log (what the page cannot see, such as a refused connection).
    pub async fn problems(&self) -> Vec<String> {
        let script = r#"
            const recorded = window.__hallcountProblems
                ?? ["the problem recorder is missing: is this the built dist/hallcount.html?"];
            const requests = performance.getEntriesByType("resource").map((entry) => `request: ${entry.name}`);
            return [...recorded, ...requests];
        "#;
        let value = self.execute(script).await;
        let mut problems: Vec<String> = serde_json::from_value(value).expect("a list of problems");
        problems.extend(self.browser_log_errors().await);
        problems
    }

    /// Fail the test if [`Browser::problems`] finds anything.
    pub async fn assert_no_problems(&self) {
        let problems = self.problems().await;
        assert!(
            problems.is_empty(),
            "the page had problems:\n  {}",
            problems.join("\n  ")
        );
    }

    /// End of a test: fail on any problem, then close the browser.
    pub async fn finish(mut self) {
        self.checked = true;
        self.assert_no_problems().await;
        let _ = self.client.clone().close().await;
    }

    /// Kill the browser process at once (SIGKILL), as a crash or a flat battery would, and give
    /// back its profile for [`Browser::reopen`]. Problems are NOT checked: call
    /// [`Browser::assert_no_problems`] first if the moment allows it.
    pub fn kill(mut self) -> Profile {
        self.checked = true;
        self.chromium.kill();
        self.chromedriver.kill();
        self.profile.take().expect("a live browser has its profile")
    }

    async fn wait_until(&self, selector: &str, expected_text: Option<&str>) {
        let script = r#"
            const [selector, expected, done] = arguments;
            const ready = () => {
                const element = document.querySelector(selector);
                return element !== null && (expected === null || element.innerText.includes(expected));
            };
            if (ready()) return done(true);
            const observer = new MutationObserver(() => { if (ready()) { observer.disconnect(); done(true); } });
            observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
        "#;
        let args = vec![json!(selector), json!(expected_text)];
        if let Err(error) = self.client.execute_async(script, args).await {
            let shown = self.client.find(Locator::Css(selector)).await;
            let shown = match shown {
                Ok(element) => format!("it shows {:?}", element.text().await.unwrap_or_default()),
                Err(_) => "nothing matches".to_owned(),
            };
            match expected_text {
                Some(text) => {
                    panic!("`{selector}` did not show {text:?} within {WAIT:?} ({shown}): {error}")
                }
                None => panic!("`{selector}` did not appear within {WAIT:?}: {error}"),
            }
        }
    }

    /// A Chrome DevTools command through chromedriver (media emulation, printing, downloads).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        let body = json!({ "cmd": cmd, "params": params });
        self.client
            .issue_cmd(SessionCommand::post("goog/cdp/execute", body))
            .await
            .unwrap_or_else(|error| panic!("DevTools command {cmd} failed: {error}"))
    }

    async fn allow_downloads(&self) {
        let params = json!({ "behavior": "allow", "downloadPath": self.downloads() });
        self.cdp("Browser.setDownloadBehavior", params).await;
    }

    /// The browser log's errors (chromedriver keeps them for us; reading empties it).
    async fn browser_log_errors(&self) -> Vec<String> {
        let log = self
            .client
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
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.checked && !std::thread::panicking() {
            panic!("end each end-to-end test with `browser.finish().await` so its problems are checked");
        }
    }
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
