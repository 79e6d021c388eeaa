//! Registering a village's key (issue 9): the slip printed from the results page, and the town
//! office building its trusted list from the result files, one confirmed key at a time.

use hallcount_core::export::result_file_name;
use hallcount_core::export::trusted::TrustedFile;
use serde_json::json;

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};
use crate::signed::{election_at, make_key, papers, signed_by_cli, use_key, PASSPHRASE};

#[tokio::test]
async fn the_key_s_slip_prints_and_the_town_builds_its_trusted_list_from_the_files() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("trust").await;
    let election = election_at("赤坑社區");
    preload(&browser, &stored_meeting("trust", &election, &papers())).await;
    browser.goto_hash("#/results").await;
    let shown = make_key(&browser, PASSPHRASE).await;

    // The slip: the place, the fingerprint in its groups, printed alone.
    browser
        .execute("window.printed = 0; window.print = () => { window.printed += 1; };")
        .await;
    browser.click(".print-slip").await;
    browser.wait_for(".key-slip").await;
    assert_eq!(browser.text(".key-slip .slip-place").await, "赤坑社區");
    assert_eq!(browser.text(".key-slip .slip-body").await, election.body);
    let on_slip = browser.text(".key-slip .slip-fingerprint").await;
    assert_eq!(
        on_slip.replace(char::is_whitespace, ""),
        shown.replace(char::is_whitespace, "")
    );
    assert_eq!(browser.find_all(".key-slip .fp-group").await.len(), 8);
    assert_eq!(browser.find_all(".key-slip .slip-line").await.len(), 3);
    assert_eq!(browser.execute("return window.printed;").await, json!(1));
    browser
        .execute("document.querySelector('.key-slip').scrollIntoView();")
        .await;
    browser.screenshot("key-slip").await;

    // The town office: this village's file and another, no list yet.
    use_key(&browser, PASSPHRASE, ".download-signed").await;
    let ours = browser
        .wait_for_download(&result_file_name(&election))
        .await;
    let theirs = signed_by_cli(&browser.downloads(), "大坑社區");
    browser.goto_hash("#/town").await;
    let input = browser.wait_for(".town-files input[type=file]").await;
    let paths = format!("{}\n{}", ours.display(), theirs.display());
    input.send_keys(&paths).await.expect("choose the files");
    browser
        .wait_for(".unlisted-key[data-place='大坑社區']")
        .await;
    assert_eq!(browser.find_all(".unlisted-key").await.len(), 2);

    // The clerk confirms this village's key only, against its slip, and saves the list.
    browser
        .click(".unlisted-key[data-place='赤坑社區'] .confirm-key")
        .await;
    browser.wait_for(".save-trusted").await;
    assert_eq!(browser.find_all(".unlisted-key").await.len(), 1);
    browser.click(".save-trusted").await;
    let saved = browser.wait_for_download("hallcount-trusted.json").await;
    let list: TrustedFile = serde_json::from_slice(&std::fs::read(&saved).unwrap()).unwrap();
    assert_eq!(list.format, "hallcount/trusted@1");
    assert_eq!(list.keys.len(), 1);
    assert_eq!(list.keys[0].village, "赤坑社區");
    assert_eq!(
        list.keys[0].fingerprint.replace(char::is_whitespace, ""),
        shown.replace(char::is_whitespace, "")
    );
    browser.finish().await;
}
