//! Every export goes through the one save path (issue 14, point 8): the signed result, the key's
//! backup, the meeting's backup, the town's trusted list and its CSV each open the save dialog
//! with today's file name, are read back and checked as a file of their kind. A closed dialog
//! says "not saved" and claims no export. The fallback (no dialog: the download) is what every
//! other test does: `signed.rs` (signed result, CSV), `sealed_key.rs` (key backup), `trust.rs`
//! (trusted list), `backup.rs` (meeting backup).
//!
//! The scripted dialog of `save.rs` is put in with a script run through WebDriver (the app looks
//! the API up at each save). In Firefox (ESR 153, seen) what that script sets on `window` is not
//! what the page sees: these run in Chromium, the engine that has the dialog.

use hallcount_app::i18n::{tr, Lang, Msg};
use hallcount_app::services::{files, signing_key};
use hallcount_core::export::trusted::TrustedFile;
use hallcount_core::export::{result_file_name, verify_result, AnyKeyFile};
use serde_json::{json, Value};

use crate::harness::{Browser, Engine};

/// Firefox has no save dialog, and its WebDriver scripts cannot give the page one (above).
async fn chromium_only(browser: Browser) -> Option<Browser> {
    if browser.engine() == Engine::Chromium {
        return Some(browser);
    }
    eprintln!("skipped: Firefox has no save dialog to stand in for");
    browser.finish().await;
    None
}
use crate::save::{picked_file, SAVE_DIALOG};
use crate::seed::{preload, stored_meeting};
use crate::signed::{election_at, make_key, papers, signed_by_cli, use_key, PASSPHRASE};

/// Saves through the dialog and waits for "saved and checked" naming `name`; returns the text
/// on the dialog's disk, after checking nothing went to the download folder.
async fn saved_checked(browser: &Browser, name: &str) -> String {
    browser.wait_for_text(".save-checked", name).await;
    let suggested = browser.execute("return window.__hallcountSuggested;").await;
    assert_eq!(
        suggested,
        json!(name),
        "the dialog offers today's file name"
    );
    assert!(
        std::fs::read_dir(browser.downloads()).map_or(true, |mut d| d.next().is_none()),
        "nothing went to the download folder"
    );
    match picked_file(browser, name).await {
        Value::String(text) => text,
        other => panic!("{name} is not on the dialog's disk: {other}"),
    }
}

#[tokio::test]
async fn every_export_opens_the_save_dialog_and_is_read_back_and_checked() {
    if crate::harness::skip_without_page() {
        return;
    }
    let Some(browser) = chromium_only(Browser::open("save_every").await).await else {
        return;
    };
    let election = election_at("赤坑社區");
    preload(
        &browser,
        &stored_meeting("save-every", &election, &papers()),
    )
    .await;
    browser.goto_hash("#/results").await;
    browser.execute(SAVE_DIALOG).await;
    make_key(&browser, PASSPHRASE).await;

    // The signed result: verified whole from what the disk holds.
    use_key(&browser, PASSPHRASE, ".download-signed").await;
    let signed = saved_checked(&browser, &result_file_name(&election)).await;
    verify_result(signed.as_bytes()).expect("the file on the disk verifies");
    assert!(browser.find_all(".signed-export .done").await.is_empty());

    // The key's backup: the sealed key, as stored.
    use_key(&browser, PASSPHRASE, ".backup-key").await;
    let stored = browser
        .execute("return localStorage.getItem('hallcount.signing_key');")
        .await;
    let Ok(AnyKeyFile::Sealed(stored)) = AnyKeyFile::parse(stored.as_str().unwrap_or_default())
    else {
        panic!("the app stores a sealed key: {stored}");
    };
    let backup = saved_checked(&browser, &signing_key::backup_file_name(&stored)).await;
    assert!(matches!(AnyKeyFile::parse(&backup), Ok(AnyKeyFile::Sealed(key)) if key == stored));

    // The meeting's backup.
    browser.goto_hash("#/setup").await;
    browser.click(".backup-meeting").await;
    let meeting = saved_checked(&browser, &files::file_name(&election, "meeting")).await;
    hallcount_core::parse_backup(meeting.as_bytes()).expect("the backup reads");

    // The town office: this file and another village's, the list and the CSV.
    let ours = std::env::temp_dir().join(format!("save-every-{}", std::process::id()));
    std::fs::create_dir_all(&ours).unwrap();
    let our_file = ours.join(result_file_name(&election));
    std::fs::write(&our_file, &signed).unwrap();
    let theirs = signed_by_cli(&ours, "大坑社區");
    browser.goto_hash("#/town").await;
    let input = browser.wait_for(".town-files input[type=file]").await;
    let paths = format!("{}\n{}", our_file.display(), theirs.display());
    input.send_keys(&paths).await.expect("choose the files");
    browser
        .wait_for(".unlisted-key[data-place='大坑社區']")
        .await;
    browser
        .click(".unlisted-key[data-place='赤坑社區'] .confirm-key")
        .await;
    browser.click(".save-trusted").await;
    let list = saved_checked(&browser, "hallcount-trusted.json").await;
    let list: TrustedFile = serde_json::from_str(&list).unwrap();
    assert_eq!(list.keys.len(), 1);
    assert_eq!(list.keys[0].village, "赤坑社區");
    browser.click(".download-csv").await;
    let csv = saved_checked(&browser, "hallcount-roll-up.csv").await;
    assert!(
        csv.contains("赤坑社區") && csv.contains("大坑社區"),
        "{csv}"
    );
    std::fs::remove_dir_all(&ours).ok();
    browser.finish().await;
}

#[tokio::test]
async fn a_closed_save_dialog_says_not_saved_and_changes_nothing() {
    if crate::harness::skip_without_page() {
        return;
    }
    let Some(browser) = chromium_only(Browser::open("save_cancel").await).await else {
        return;
    };
    let election = election_at("赤坑社區");
    preload(
        &browser,
        &stored_meeting("save-cancel", &election, &papers()),
    )
    .await;
    browser.goto_hash("#/results").await;
    // The officer closes the dialog each time; the body counts how often it was opened.
    let closing = "document.body.dataset.asked = 0; window.showSaveFilePicker = async () => { \
        document.body.dataset.asked = Number(document.body.dataset.asked) + 1; \
        throw new DOMException('The user aborted a request.', 'AbortError'); };";
    browser.execute(closing).await;
    make_key(&browser, PASSPHRASE).await;
    let papers_before = browser
        .execute("return document.querySelector('.meeting-alerts').dataset.papers;")
        .await;

    use_key(&browser, PASSPHRASE, ".download-signed").await;
    browser
        .wait_for_text(".save-cancelled", tr(Lang::En, Msg::SaveCancelled))
        .await;
    browser.wait_for("body[data-asked='1']").await;
    // Nothing claims an export, nothing was downloaded, and the key and papers are as before.
    assert!(browser.find_all(".signed-export .done").await.is_empty());
    assert!(browser.find_all(".save-checked").await.is_empty());
    browser.wait_for(".signed-export .key-use").await;
    let papers_after = browser
        .execute("return document.querySelector('.meeting-alerts').dataset.papers;")
        .await;
    assert_eq!(papers_after, papers_before);

    use_key(&browser, PASSPHRASE, ".backup-key").await;
    browser.wait_for("body[data-asked='2']").await;
    browser.wait_for_absence(".key-working").await;
    assert!(browser.find_all(".signed-export .done").await.is_empty());
    assert!(
        std::fs::read_dir(browser.downloads()).map_or(true, |mut d| d.next().is_none()),
        "nothing went to the download folder"
    );
    browser.finish().await;
}
