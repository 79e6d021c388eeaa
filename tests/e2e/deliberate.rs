//! Deliberate blank papers and a keyboard that stays on the paper (issue 14, point 5): a blank
//! paper is entered only by Enter twice with "blank paper? Enter again" shown in between; a stray
//! second Enter after a paper adds nothing; after the language, void and undo buttons the keys
//! go to the paper again; a second tab never changes the first tab's election.

use fantoccini::key::Key;
use hallcount_app::i18n::{tr_args, Lang, Msg};
use hallcount_app::sample::sample_congress;

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};

fn enter() -> char {
    char::from(Key::Enter)
}

async fn entered(browser: &Browser, n: usize) {
    browser
        .wait_for(&format!(".counter[data-entered='{n}']"))
        .await;
}

/// The number of papers entered, read now.
async fn n_entered(browser: &Browser) -> u64 {
    browser
        .execute("return Number(document.querySelector('.counter').dataset.entered);")
        .await
        .as_u64()
        .expect("a number")
}

async fn open_entry(label: &str) -> Browser {
    let browser = Browser::open(label).await;
    preload(&browser, &stored_meeting(label, &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    browser.wait_for_focus(".key-surface").await;
    browser
}

#[tokio::test]
async fn a_stray_enter_asks_and_a_second_enters_the_blank_paper() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = open_entry("blank_asked").await;
    let lang = Lang::En;
    browser
        .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
        .await;
    browser.wait_for_focus(".key-surface").await;

    // A marked paper, then a stray second Enter: one paper, and the question.
    browser.type_keys(&format!("1{}{}", enter(), enter())).await;
    entered(&browser, 1).await;
    let asked = tr_args(lang, Msg::BlankPaperAsk, &[("n", "2")]);
    browser.wait_for_text(".blank-question", &asked).await;
    assert_eq!(
        n_entered(&browser).await,
        1,
        "the stray Enter added a paper"
    );

    // A mark takes the question back; Escape clears; the paper is blank again and asks again.
    browser.type_keys("2").await;
    browser.wait_for_absence(".blank-question").await;
    browser
        .type_keys(&format!("{}{}", char::from(Key::Escape), enter()))
        .await;
    browser.wait_for(".blank-question").await;
    assert_eq!(n_entered(&browser).await, 1);

    // Enter again, with the question in view: the blank paper, deliberately.
    browser.type_keys(&enter().to_string()).await;
    entered(&browser, 2).await;
    browser.wait_for_absence(".blank-question").await;

    // The commit button asks the same way.
    browser.click(".paper-actions button.primary").await;
    browser.wait_for(".blank-question").await;
    assert_eq!(n_entered(&browser).await, 2);
    browser.click(".paper-actions button.primary").await;
    entered(&browser, 3).await;
    browser.finish().await;
}

#[tokio::test]
async fn after_the_language_void_and_undo_buttons_the_keys_mark_the_paper() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = open_entry("focus_back").await;
    browser.type_keys(&format!("1{}", enter())).await;
    entered(&browser, 1).await;

    // The language switch: the next keys mark the paper, not the button.
    browser.click(".lang-switch button[lang='zh-Hant']").await;
    browser.wait_for("html[lang='zh-Hant']").await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys("2").await;
    browser
        .wait_for("button.candidate.mark-for[data-key='2']")
        .await;
    browser.type_keys(&enter().to_string()).await;
    entered(&browser, 2).await;

    // Undo the last paper (a void with its reason): the keys are back on the paper.
    browser.click(".undo-last").await;
    browser.type_into(".void-form input", "read wrongly").await;
    browser.type_keys(&enter().to_string()).await;
    browser.wait_for(".paper-row.voided[data-paper='2']").await;
    browser.wait_for_focus(".key-surface").await;

    // Void a paper from the list, and cancel another: the keys are back on the paper each time.
    browser
        .click(".paper-row[data-paper='1'] .void-button")
        .await;
    browser.type_into(".void-form input", "duplicate").await;
    browser.click(".void-form button[type='submit']").await;
    browser.wait_for(".paper-row.voided[data-paper='1']").await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys(&format!("3{}", enter())).await;
    entered(&browser, 1).await;
    browser.finish().await;
}

#[tokio::test]
async fn a_second_tab_never_changes_the_first_tabs_election() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("tab_election").await;
    let mut first = sample_congress();
    first.title = "第一屆會議".into();
    preload(&browser, &stored_meeting("first-tab", &first, &[])).await;
    browser.goto_hash("#/entry").await;
    browser.wait_for_text(".entry-meeting", "第一屆會議").await;
    let client = browser.client();
    let first_tab = client.window().await.expect("the first tab");

    // A second tab opens the sample meeting.
    let second_tab = client.new_window(true).await.expect("a second tab").handle;
    client
        .switch_to_window(second_tab)
        .await
        .expect("switch to the second tab");
    browser.goto_hash("#/setup").await;
    browser.wait_for(".meeting-ready").await;
    browser.click(".sample-meeting").await;
    browser
        .wait_for_text(".election-list li.current", &sample_congress().title)
        .await;

    // The first tab, even reloaded, still has its own election open.
    client
        .switch_to_window(first_tab)
        .await
        .expect("back to the first tab");
    browser.reload().await;
    browser.goto_hash("#/entry").await;
    browser.wait_for_text(".entry-meeting", "第一屆會議").await;
    browser.finish().await;
}
