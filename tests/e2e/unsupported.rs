//! A browser that cannot run the app sees a plain message in three languages, never a blank
//! page (issue 14, point 3). Each test takes away one thing the app needs before the page's
//! first script runs, as an old browser or a "compatibility mode" would lack it.

use serde_json::json;

use crate::harness::Browser;

const MESSAGE: &str = "#hallcount-unsupported";

/// The words every reader must find: the three languages, the versions, the mode switch.
const EXPECTED: [&str; 7] = [
    "這個瀏覽器無法執行計票程式",
    "这个浏览器无法运行计票程序",
    "This browser cannot run the ballot counter",
    "Chrome or Edge 96",
    "Firefox 113",
    "Safari 16.4",
    "極速模式",
];

/// Reload the page with `script` run before any of its own, then check the message is shown
/// and the app is not; the only problems allowed are those of the failed start, which it returns.
async fn message_shows_when(label: &str, script: &str) -> Vec<String> {
    let browser = Browser::open(label).await;
    browser.script_before_each_load(script).await;
    browser.client().refresh().await.expect("reload");
    let message = browser.wait_for(MESSAGE).await;
    let shown = browser
        .execute(
            "const box = document.querySelector('#hallcount-unsupported').getBoundingClientRect(); \
             return box.width > 0 && box.height > 0 && box.top < innerHeight;",
        )
        .await;
    assert_eq!(shown, json!(true), "the message is not in view");
    let text = message.text().await.expect("read the message");
    for expected in EXPECTED {
        assert!(
            text.contains(expected),
            "the message lacks {expected:?}: {text}"
        );
    }
    assert!(
        browser.find_all("#main").await.is_empty(),
        "the app started"
    );
    browser.screenshot(&format!("unsupported-{label}")).await;
    let problems = browser.problems().await;
    let unexpected: Vec<&String> = problems
        .iter()
        .filter(|problem| !problem.contains("could not start"))
        .collect();
    assert!(unexpected.is_empty(), "other problems: {unexpected:?}");
    drop(browser.kill());
    problems
}

#[tokio::test]
async fn without_webassembly_the_page_says_which_browsers_can() {
    if crate::harness::skip_without_page() {
        return;
    }
    message_shows_when("no_webassembly", "delete window.WebAssembly;").await;
}

#[tokio::test]
async fn without_decompression_stream_the_page_says_which_browsers_can() {
    if crate::harness::skip_without_page() {
        return;
    }
    message_shows_when("no_decompression", "delete window.DecompressionStream;").await;
}

#[tokio::test]
async fn a_start_that_fails_leaves_the_message() {
    if crate::harness::skip_without_page() {
        return;
    }
    // The packed wasm cannot be read: the start fails after every feature check passed.
    let script = "Response.prototype.arrayBuffer = function () { \
                  return Promise.reject(new Error('unreadable')); };";
    message_shows_when("failed_start", script).await;
}

#[tokio::test]
async fn a_damaged_packed_app_is_refused_by_its_decoder_not_run() {
    if crate::harness::skip_without_page() {
        return;
    }
    // One byte in the middle of the LZMA data changed, in the decoder's memory, just before it
    // starts: as a copy of the file damaged on a USB stick would be.
    let script = "const instantiate = WebAssembly.instantiate; \
                  WebAssembly.instantiate = async (...args) => { \
                    const result = await instantiate.apply(WebAssembly, args); \
                    const { memory, begin, step } = result.instance.exports; \
                    if (!begin) return result; \
                    const damaged = (at, length, output, outputLength) => { \
                      new Uint8Array(memory.buffer)[at + (length >> 1)] ^= 0x55; \
                      return begin(at, length, output, outputLength); }; \
                    return { module: result.module, instance: { exports: { memory, step, begin: damaged } } }; };";
    let problems = message_shows_when("damaged", script).await;
    assert!(
        problems
            .iter()
            .any(|problem| problem.contains("the packed app is damaged")),
        "{problems:?}"
    );
}

#[tokio::test]
async fn the_app_takes_the_message_away_once_it_runs() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("supported").await;
    browser.wait_for(".page-setup").await;
    assert!(browser.find_all(MESSAGE).await.is_empty());
    browser.finish().await;
}

#[tokio::test]
async fn without_scripts_the_message_shows() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("no_scripts").await;
    browser
        .cdp(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": true }),
        )
        .await;
    browser.client().refresh().await.expect("reload");
    // Page scripts are off; the DevTools DOM domain still reads the page.
    let document = browser.cdp("DOM.getDocument", json!({ "depth": 0 })).await;
    let root = document["root"]["nodeId"].clone();
    let found = browser
        .cdp(
            "DOM.querySelector",
            json!({ "nodeId": root, "selector": MESSAGE }),
        )
        .await;
    let box_model = browser
        .cdp("DOM.getBoxModel", json!({ "nodeId": found["nodeId"] }))
        .await;
    let height = box_model["model"]["height"].as_f64().unwrap_or_default();
    assert!(height > 100.0, "the message is not shown: {box_model}");
    let html = browser
        .cdp("DOM.getOuterHTML", json!({ "nodeId": found["nodeId"] }))
        .await;
    let html = html["outerHTML"].as_str().unwrap_or_default();
    assert!(html.contains("JavaScript"), "no word about scripts: {html}");
    browser.screenshot("unsupported-no_scripts").await;
    drop(browser.kill());
}
