//! Never lose a paper: the browser killed in the middle of entry, storage refused, a second tab,
//! a log altered in storage; and the load benchmark with 10,000 papers stored.
//!
//! Meetings are seeded in storage as the app stores them (`seed.rs`).

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use hallcount::sample::sample_congress;
use hallcount::services::files;
use hallcount_core::{ContestMarks, Election, Mark, Paper};
use serde_json::{json, Value};

use crate::harness::{Browser, Profile};
use crate::seed::{preload, stored_meeting};

async fn press_enter(browser: &Browser, times: usize) {
    let enter = char::from(Key::Enter);
    let mut actions = KeyActions::new("clerk".into());
    for _ in 0..times {
        actions = actions.then(KeyAction::Down { value: enter }).then(KeyAction::Up { value: enter });
    }
    browser.client().perform_actions(actions).await.expect("press Enter");
}

async fn wait_for_focus(browser: &Browser, selector: &str) {
    let script = r#"
        const [selector, done] = arguments;
        const check = () => document.activeElement?.matches(selector) ? done(true) : requestAnimationFrame(check);
        check();
    "#;
    browser.client().execute_async(script, vec![json!(selector)]).await.expect("focus in place");
}

async fn wait_for_entered(browser: &Browser, n: usize) {
    browser.wait_for(&format!(".counter[data-entered='{n}']")).await;
}

/// A blank paper, entered with nothing but Enter.
async fn enter_blank_papers(browser: &Browser, from: usize, n: usize) {
    wait_for_focus(browser, ".key-surface").await;
    for i in 1..=n {
        press_enter(browser, 1).await;
        wait_for_entered(browser, from + i).await;
    }
}

#[tokio::test]
async fn a_killed_browser_keeps_every_committed_paper() {
    let browser = Browser::open("killed").await;
    preload(&browser, &stored_meeting("killed", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 7).await;
    browser.assert_no_problems().await;
    let profile: Profile = browser.kill();

    let browser = Browser::reopen(profile).await;
    browser.goto_hash("#/entry").await;
    wait_for_entered(&browser, 7).await;
    // The dead tab's lease runs out; then this tab writes again.
    browser.wait_for_absence(".other-tab").await;
    enter_blank_papers(&browser, 7, 1).await;
    browser.finish().await;
}
