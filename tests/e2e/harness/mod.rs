//! The end-to-end harness: the built `dist/hallcount.html` opened from `file://` in headless
//! Chromium (through chromedriver) or Firefox ESR (through geckodriver, `HALLCOUNT_BROWSER=firefox`),
//! the way a returning officer would use it.
//!
//! ```ignore
//! if skip_without_page() {
//!     return; // the page is not built: said once, not failed (see `skip_without_page`)
//! }
//! let browser = Browser::open("my_test").await;
//! browser.click("nav a[href='#/entry']").await;
//! browser.wait_for_text("main h2", "Entry").await;
//! browser.screenshot("entry").await;
//! browser.finish().await; // fails on any console error or attempted request
//! ```
//!
//! Every wait is an event-driven wait in the page (a `MutationObserver` inside a WebDriver async
//! script), never a sleep. Each [`Browser`] has its own browser, driver (on a free port) and
//! profile, so tests run in parallel. To simulate a crash, [`Browser::kill`] the browser and
//! [`Browser::reopen`] its [`Profile`].
//!
//! What each engine can observe: the page's own recorder (console errors, uncaught errors,
//! content-security-policy violations) and the resource timing list (every request the page
//! made) work in both. Only Chromium adds its own log (`se/log`, what the page cannot see, such
//! as a refused connection): geckodriver has no such endpoint. The Chrome DevTools commands
//! ([`Browser::cdp`]) are Chromium's; tests check [`Browser::engine`] before using them.

mod chromium;
mod firefox;
mod input;
mod launch;
mod page;

use std::path::PathBuf;
use std::time::Duration;

use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::wd::TimeoutConfiguration;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};

pub use launch::{Engine, Profile};
use launch::{KillOnDrop, Started};
use page::page_url;
pub use page::{screenshot_dir, skip_without_page};

/// The longest any wait may take before the test fails.
const WAIT: Duration = Duration::from_secs(20);

pub struct Browser {
    client: Client,
    engine: Engine,
    profile: Option<Profile>,
    // Field order is drop order: the driver goes before the browser it drives.
    driver: KillOnDrop,
    browser: KillOnDrop,
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
        let engine = Engine::from_env();
        let started: Started = match engine {
            Engine::Chromium => chromium::start(&profile),
            Engine::Firefox => firefox::start(&profile),
        };
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(started.capabilities)
            .connect(&started.driver_url)
            .await
            .unwrap_or_else(|error| panic!("the {engine:?} driver refused a session: {error}"));
        let timeouts = TimeoutConfiguration::new(Some(WAIT), Some(WAIT), Some(Duration::ZERO));
        client
            .update_timeouts(timeouts)
            .await
            .expect("set WebDriver timeouts");
        let browser = Browser {
            client,
            engine,
            profile: Some(profile),
            driver: started.driver,
            browser: started.browser,
            checked: false,
        };
        if engine == Engine::Chromium {
            // Firefox's download folder is a preference of its profile (`firefox.rs`).
            browser.allow_downloads().await;
            // WebDriver cannot drive the native save dialog: pages download, as in Firefox;
            // `save.rs` puts a scripted dialog back.
            browser
                .script_before_each_load(
                    "delete Window.prototype.showSaveFilePicker; delete window.showSaveFilePicker;",
                )
                .await;
        }
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

    /// The engine this browser runs on: a test checks it before an engine's own feature.
    pub fn engine(&self) -> Engine {
        self.engine
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
        let element = self.wait_for(selector).await;
        if self.engine == Engine::Firefox {
            // WebDriver scrolls an element into view before clicking it, Firefox to the bottom
            // edge of the window, where a sticky action bar can cover it: centre it first.
            let script = "arguments[0].scrollIntoView({ block: 'center' }); return null;";
            let args = vec![serde_json::to_value(&element).expect("an element reference")];
            self.client
                .execute(script, args)
                .await
                .unwrap_or_else(|error| panic!("cannot scroll to `{selector}`: {error}"));
        }
        element
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
        // Chromium writes `NAME.crdownload`, Firefox `NAME.part`, then renames it.
        let partial =
            ["crdownload", "part"].map(|ext| self.downloads().join(format!("{file_name}.{ext}")));
        let deadline = std::time::Instant::now() + WAIT;
        // The file system has no event to wait on here; poll it, bounded.
        // Firefox also makes the final file, empty, before its `.part`: wait for bytes too.
        let written = |path: &PathBuf| std::fs::metadata(path).is_ok_and(|meta| meta.len() > 0);
        while !written(&path) || partial.iter().any(|partial| partial.exists()) {
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
        self.browser.kill();
        self.driver.kill();
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
                None => {
                    let main = self.client.find(Locator::Css("main")).await;
                    let page = match main {
                        Ok(main) => main.text().await.unwrap_or_default(),
                        Err(_) => String::new(),
                    };
                    let page: String = page.chars().take(600).collect();
                    panic!("`{selector}` did not appear within {WAIT:?} (the page shows {page:?}): {error}")
                }
            }
        }
    }

    /// Runs `script` before the page's own scripts at every later load (Chromium only: a
    /// DevTools command). The caller reloads.
    pub async fn script_before_each_load(&self, script: &str) {
        self.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": script }),
        )
        .await;
    }

    /// A Chrome DevTools command through chromedriver (media emulation, printing, downloads).
    /// Chromium only: Firefox's WebDriver has no equivalent (check [`Browser::engine`] first).
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        assert_eq!(
            self.engine,
            Engine::Chromium,
            "DevTools command {cmd}: the Chrome DevTools Protocol is Chromium's"
        );
        chromium::cdp(&self.client, cmd, params).await
    }

    async fn allow_downloads(&self) {
        let params = json!({ "behavior": "allow", "downloadPath": self.downloads() });
        self.cdp("Browser.setDownloadBehavior", params).await;
    }

    /// The browser log's errors (chromedriver keeps them for us; reading empties it). Firefox
    /// has no such log through geckodriver: there the page's recorder is all there is.
    async fn browser_log_errors(&self) -> Vec<String> {
        if self.engine != Engine::Chromium {
            return Vec::new();
        }
        chromium::log_errors(&self.client).await
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.checked && !std::thread::panicking() {
            panic!("end each end-to-end test with `browser.finish().await` so its problems are checked");
        }
    }
}
