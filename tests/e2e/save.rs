//! Saving straight onto the stick, checked (issue 14, point 8). Where the browser has a save
//! dialog (`showSaveFilePicker`, Chromium), an export is written where the officer picks and
//! read back: "saved and checked", or a clear error when the bytes read back differ. Elsewhere
//! the download stays.
//!
//! A native dialog cannot be driven through WebDriver (the harness takes the API away, so every
//! other test downloads): here a scripted dialog stands in for it, with the API's shape over a
//! disk kept in the page; then it plays a stick that loses the last byte of what it is given.

use hallcount_app::sample::sample_congress;
use hallcount_app::services::files;
use hallcount_core::Paper;
use serde_json::{json, Value};

use crate::harness::{Browser, Engine};
use crate::seed::{preload, stored_meeting};

/// The save dialog, scripted: a handle with the API's shape over a "disk" in the page
/// (`__hallcountDisk`: the bytes each file holds). The origin's private file system, which would
/// give real handles, refuses a `file://` page ("unsafe for access").
pub const SAVE_DIALOG: &str = r#"
    window.__hallcountDisk = {};
    window.showSaveFilePicker = async (options) => {
        window.__hallcountSuggested = options.suggestedName;
        const name = options.suggestedName;
        return {
            name,
            createWritable: async () => {
                const parts = [];
                return {
                    write: async (data) => { parts.push(data); },
                    close: async () => {
                        let bytes = new TextEncoder().encode(parts.join(""));
                        // A cheap stick: it loses the last byte of what is written.
                        if (window.__hallcountFailingStick) bytes = bytes.slice(0, -1);
                        window.__hallcountDisk[name] = bytes;
                    },
                };
            },
            getFile: async () => new File([window.__hallcountDisk[name]], name),
        };
    };
"#;

/// The text of `name` on the scripted dialog's disk.
pub async fn picked_file(browser: &Browser, name: &str) -> Value {
    browser
        .client()
        .execute(
            "return new TextDecoder().decode(window.__hallcountDisk[arguments[0]]);",
            vec![json!(name)],
        )
        .await
        .expect("read the picked file")
}

async fn meeting_on_setup(label: &str, papers: &[Paper]) -> Browser {
    let browser = Browser::open(label).await;
    preload(&browser, &stored_meeting(label, &sample_congress(), papers)).await;
    browser
}

#[tokio::test]
async fn an_export_is_saved_where_the_dialog_points_and_read_back() {
    if crate::harness::skip_without_page() {
        return;
    }
    let papers = vec![Paper::default(); 2];
    let browser = meeting_on_setup("save_dialog", &papers).await;
    if browser.engine() != Engine::Chromium {
        eprintln!("skipped: the scripted save dialog is put in through Chrome DevTools");
        browser.finish().await;
        return;
    }
    browser.script_before_each_load(SAVE_DIALOG).await;
    browser.reload().await;
    browser.goto_hash("#/setup").await;
    browser.wait_for(".meeting-ready").await;

    let election = sample_congress();
    let ballots = files::file_name(&election, "ballots");
    browser.click(".page .download-ballots").await;
    browser.wait_for_text(".save-checked", &ballots).await;
    let suggested = browser.execute("return window.__hallcountSuggested;").await;
    assert_eq!(
        suggested,
        json!(ballots),
        "the dialog offers today's file name"
    );
    assert_eq!(
        picked_file(&browser, &ballots).await,
        json!(files::ballots_json(papers)),
        "the file on the disk is the export, byte for byte"
    );
    assert!(
        std::fs::read_dir(browser.downloads()).map_or(true, |mut d| d.next().is_none()),
        "nothing went to the download folder"
    );

    // A stick that loses a byte: the read-back differs, and the officer is told.
    browser
        .execute("window.__hallcountFailingStick = true;")
        .await;
    browser.click(".page .download-election").await;
    let name = files::file_name(&election, "election");
    browser.wait_for_text(".save-differs", &name).await;
    browser.screenshot("save-differs").await;
    browser.finish().await;
}

#[tokio::test]
async fn without_a_save_dialog_or_when_it_is_refused_the_export_is_downloaded() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = meeting_on_setup("save_fallback", &[Paper::default()]).await;
    browser.goto_hash("#/setup").await;
    browser.wait_for(".meeting-ready").await;
    let has_dialog = browser
        .execute("return typeof window.showSaveFilePicker;")
        .await;
    assert_eq!(has_dialog, json!("undefined"), "as in Firefox");
    browser.click(".page .download-ballots").await;
    let name = files::file_name(&sample_congress(), "ballots");
    let path = browser.wait_for_download(&name).await;
    assert_eq!(
        std::fs::read_to_string(path).unwrap(),
        files::ballots_json(vec![Paper::default()])
    );
    assert!(browser
        .find_all(".save-checked, .save-differs")
        .await
        .is_empty());
    if browser.engine() == Engine::Chromium {
        // A dialog the browser refuses to open (no file picking for this page): the download.
        let refusing = "window.showSaveFilePicker = async () => { \
            throw new DOMException('refused', 'SecurityError'); };";
        browser.script_before_each_load(refusing).await;
        browser.reload().await;
        browser.goto_hash("#/setup").await;
        browser.wait_for(".meeting-ready").await;
        browser.click(".page .download-election").await;
        let name = files::file_name(&sample_congress(), "election");
        browser.wait_for_download(&name).await;
    }
    browser.finish().await;
}
