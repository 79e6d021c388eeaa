//! A newcomer's meeting led only by the next-step sentence above each page: from an empty browser
//! to the locked result and the printed sheet, following its links. On the way it takes the
//! README's pictures into `docs/screenshots/` (committed, so the README shows what the app shows).

use std::path::{Path, PathBuf};

use hallcount_app::i18n::{tr, Lang, Msg};
use serde_json::json;

use crate::harness::Browser;
use crate::{choose_language, enter_papers};

/// Where the README's pictures live.
fn readme_pictures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join("screenshots")
}

/// What the window shows from the top of the page, as `docs/screenshots/<name>.png`.
async fn picture(browser: &Browser, name: &str) {
    browser.execute("window.scrollTo(0, 0); return null;").await;
    let png = browser
        .client()
        .screenshot()
        .await
        .expect("take a screenshot");
    std::fs::create_dir_all(readme_pictures()).expect("create docs/screenshots");
    std::fs::write(readme_pictures().join(format!("{name}.png")), png).expect("write the picture");
}

/// Waits until the next-step sentence names `step` (the `Step` variant) and returns its text.
async fn next_step(browser: &Browser, step: &str) -> String {
    browser
        .text(&format!(".next-step[data-step='{step}']"))
        .await
}

/// Follows the next-step link and waits for the page it leads to.
async fn follow_next_step(browser: &Browser, page: &str) {
    browser.click(".next-step a").await;
    browser.wait_for(page).await;
}

/// The sample congress's keys: `1` chair, `2`-`4` vice-chairs, `5`-`9` and `a`-`h` the executive.
fn sample_papers() -> Vec<String> {
    const EXECUTIVE: [char; 13] = [
        '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h',
    ];
    const VICE: [&str; 4] = ["23", "24", "34", "2"];
    (0..25)
        .map(|i| {
            let chair = match i {
                _ if i % 7 == 3 => "11", // against
                _ if i % 11 == 5 => "",  // blank
                _ => "1",
            };
            let skipped = [i % 13, (i * 5 + 3) % 13];
            let executive: String = EXECUTIVE
                .iter()
                .enumerate()
                .filter(|(k, _)| !skipped.contains(k))
                .map(|(_, key)| *key)
                .collect();
            format!("{chair}{}{executive}", VICE[i % 4])
        })
        .collect()
}

#[tokio::test]
async fn a_newcomer_follows_the_next_step_from_nothing_to_the_printed_sheet() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("guided").await;
    choose_language(&browser, Lang::En).await;

    // 1. Nothing set up: the sentence says to set up or open the sample meeting.
    let said = next_step(&browser, "SetUp").await;
    assert_eq!(
        said,
        tr(Lang::En, Msg::NextStepSetup),
        "on the setup page there is no link to itself"
    );
    picture(&browser, "1-setup").await;
    browser.click(".sample-meeting").await;

    // 2. The sample is set up: the sentence leads to the entry page.
    next_step(&browser, "Enter").await;
    follow_next_step(&browser, ".page-entry .key-surface").await;
    let papers = sample_papers();
    let papers: Vec<&str> = papers.iter().map(String::as_str).collect();
    enter_papers(&browser, &papers[..12]).await;
    next_step(&browser, "KeepEntering").await;
    // A box may hold fewer papers than were issued: the results are offered from the first paper.
    browser.wait_for(".next-step a[href='#/results']").await;
    picture(&browser, "2-entry").await;

    // 3. The board for the projector, the hero picture in Chinese too.
    browser.goto_hash("#/board").await;
    browser.wait_for(".page-board .board-column").await;
    picture(&browser, "3-board").await;
    choose_language(&browser, Lang::ZhHant).await;
    picture(&browser, "hallcount-zh-Hant").await;
    choose_language(&browser, Lang::En).await;

    // Every paper in: the sentence leads to the results.
    browser.goto_hash("#/entry").await;
    browser.wait_for(".page-entry .key-surface").await;
    enter_papers(&browser, &papers[12..]).await;
    next_step(&browser, "CheckResults").await;
    follow_next_step(&browser, ".page-results .results-table").await;

    // 4. The results, then locked: the sentence says to print and send.
    picture(&browser, "4-results").await;
    browser.click(".lock-results").await;
    let said = next_step(&browser, "PrintAndSend").await;
    assert!(
        said.starts_with(tr(Lang::En, Msg::NextStepLocked)),
        "{said:?}"
    );

    // 5. The result sheet as printed.
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    picture(&browser, "5-result-sheet").await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    browser.finish().await;
}
