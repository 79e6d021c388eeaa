//! Never lose a paper: the browser killed in the middle of entry, storage refused, a second tab,
//! a log altered in storage (the load benchmark with 10,000 papers stored is in `benchmark.rs`).
//!
//! Meetings are seeded in storage as the app stores them (`seed.rs`).

use fantoccini::key::Key;
use hallcount_app::sample::sample_congress;
use hallcount_app::services::files;
use hallcount_core::Paper;
use serde_json::{json, Value};

use crate::harness::{Browser, Profile};
use crate::seed::{preload, stored_meeting};

pub(crate) async fn press_enter(browser: &Browser, times: usize) {
    let enter = char::from(Key::Enter).to_string();
    browser.type_keys(&enter.repeat(times)).await;
}

pub(crate) async fn wait_for_entered(browser: &Browser, n: usize) {
    browser
        .wait_for(&format!(".counter[data-entered='{n}']"))
        .await;
}

/// A blank paper, entered with nothing but Enter, twice: the first asks "blank paper?".
pub(crate) async fn enter_blank_papers(browser: &Browser, from: usize, n: usize) {
    browser.wait_for_focus(".key-surface").await;
    for i in 1..=n {
        press_enter(browser, 2).await;
        wait_for_entered(browser, from + i).await;
    }
}

#[tokio::test]
async fn a_killed_browser_keeps_every_committed_paper() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("killed").await;
    preload(&browser, &stored_meeting("killed", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 7).await;
    browser.assert_no_problems().await;
    let profile: Profile = browser.kill();

    let browser = Browser::reopen(profile).await;
    browser.goto_hash("#/entry").await;
    wait_for_entered(&browser, 7).await;
    // The dead tab's lock died with it: this tab writes at once, with no wait for a lease.
    browser.wait_for(".meeting-ready").await;
    assert!(browser.find_all(".other-tab").await.is_empty());
    enter_blank_papers(&browser, 7, 1).await;
    browser.finish().await;
}

/// The value of `key` in the app's IndexedDB, or null.
pub(crate) async fn stored_value(browser: &Browser, key: &str) -> Value {
    let script = r#"
        const [key, done] = arguments;
        const open = indexedDB.open("hallcount", 1);
        open.onsuccess = () => {
            const request = open.result.transaction("kv").objectStore("kv").get(key);
            request.onsuccess = () => { open.result.close(); done(request.result ?? null); };
            request.onerror = () => done(null);
        };
        open.onerror = () => done(null);
    "#;
    browser
        .client()
        .execute_async(script, vec![json!(key)])
        .await
        .expect("read IndexedDB")
}

#[tokio::test]
async fn refused_storage_pauses_entry_and_the_papers_download() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("refused").await;
    let election = sample_congress();
    preload(&browser, &stored_meeting("refused", &election, &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 2).await;

    // From now on the browser refuses every write, as a full disk or a private window would.
    browser
        .execute(
            "IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
        )
        .await;
    press_enter(&browser, 2).await;
    browser.wait_for_text(".storage-failed", "quota").await;
    wait_for_entered(&browser, 3).await; // kept in memory, not lost
    browser.execute("window.scrollTo(0, 0);").await;
    browser.screenshot("storage-refused").await;

    // Entry is paused: another paper is not taken until the officer decides.
    press_enter(&browser, 2).await;
    browser.wait_for(".last-error, .storage-failed").await;
    assert_eq!(
        browser.find_all(".counter[data-entered='3']").await.len(),
        1
    );

    browser.click(".storage-failed .download-ballots").await;
    let path = browser
        .wait_for_download(&files::file_name(&election, "ballots"))
        .await;
    let ballots = hallcount_core::parse_ballots(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(
        ballots.ballots.len(),
        3,
        "the download has every paper, the unstored one too"
    );

    // Going on in memory takes papers again, with a warning that stays.
    browser.click(".continue-in-memory").await;
    browser
        .execute("document.querySelector('.key-surface').focus();")
        .await;
    browser.wait_for_focus(".key-surface").await;
    press_enter(&browser, 2).await;
    wait_for_entered(&browser, 4).await;
    browser.wait_for(".in-memory").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_second_tab_only_reads_and_follows_the_first() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("two_tabs").await;
    preload(&browser, &stored_meeting("tabs", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 1).await;
    let client = browser.client();
    let first = client.window().await.unwrap();
    let url = client.current_url().await.unwrap();
    let second = client.new_window(true).await.unwrap().handle;
    client.switch_to_window(second.clone()).await.unwrap();
    client.goto(url.as_str()).await.unwrap();
    browser.wait_for(".other-tab").await;
    wait_for_entered(&browser, 1).await;
    browser.screenshot("second-tab").await;

    // The first tab enters two more papers; the second shows them without writing.
    client.switch_to_window(first.clone()).await.unwrap();
    enter_blank_papers(&browser, 1, 2).await;
    client.switch_to_window(second.clone()).await.unwrap();
    wait_for_entered(&browser, 3).await;

    // The officer moves entry to the second tab: the first is told and stops writing.
    browser.click(".other-tab button").await;
    browser.wait_for_absence(".other-tab").await;
    wait_for_entered(&browser, 3).await;
    client.switch_to_window(first).await.unwrap();
    browser.wait_for(".other-tab").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_log_altered_in_storage_is_found_and_what_came_before_kept() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("altered").await;
    let mut items = stored_meeting("altered", &sample_congress(), &vec![Paper::default(); 5]);
    // Entry 3 (paper 3) altered by hand: entry 4 no longer follows it.
    let key = "hallcount.e.altered.3";
    let altered = items[key].replace("2026-03-08T09:00:00Z", "2026-03-08T09:00:01Z");
    items.insert(key.to_owned(), altered);
    preload(&browser, &items).await;
    browser.wait_for(".chain-broken").await;
    browser.screenshot("log-broken").await;
    browser.goto_hash("#/entry").await;
    wait_for_entered(&browser, 3).await;
    // What came after the break is set aside, not deleted, and new papers go after what was kept.
    assert!(stored_value(&browser, "hallcount.e.altered.damaged.4")
        .await
        .is_string());
    assert!(stored_value(&browser, "hallcount.e.altered.damaged.5")
        .await
        .is_string());
    enter_blank_papers(&browser, 3, 1).await;
    browser.reload().await;
    // Reopened: the break is no longer news, but what was set aside is still said.
    browser.wait_for_text(".set-aside", "4").await;
    browser.wait_for_absence(".chain-broken").await;
    wait_for_entered(&browser, 4).await;
    browser.finish().await;
}

#[tokio::test]
async fn setup_sample_import_and_the_definition_lock() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("setup").await;
    browser.wait_for(".page-setup").await;
    // A newcomer's first click: the sample meeting, defined and listed.
    browser.click(".sample-meeting").await;
    browser.wait_for(".saved").await;
    browser
        .wait_for_text(".election-list li.current", &sample_congress().title)
        .await;
    browser.screenshot("setup-sample").await;

    // A broken file is refused with the place named; the form is untouched.
    let mut bad: Value = serde_json::to_value(sample_congress()).unwrap();
    bad["contests"][1]["seats"] = json!("two");
    let bad = serde_json::to_string_pretty(&bad).unwrap();
    browser
        .drop_files(".file-drop", &[("bad.json", bad.as_bytes())])
        .await;
    browser
        .wait_for_text(".import-refused", "contests[1].seats")
        .await;
    browser.wait_for(".saved").await;

    // Two files dropped where one is asked for: neither is read, and the zone says so.
    let other = files::election_json(&sample_congress());
    browser
        .drop_files(
            ".file-drop",
            &[("a.json", other.as_bytes()), ("b.json", other.as_bytes())],
        )
        .await;
    browser.wait_for_text(".file-drop-refused", "2").await;
    browser
        .wait_for_text(".import-refused", "contests[1].seats")
        .await;
    browser.wait_for_absence(".import-read").await;

    // A good file chosen with the picker fills the form; saving defines it.
    let mut good = sample_congress();
    good.title = "第二次代表大會".into();
    let path = std::env::temp_dir().join(format!("hallcount-import-{}.json", std::process::id()));
    std::fs::write(&path, files::election_json(&good)).unwrap();
    browser
        .find(".file-drop input[type=file]")
        .await
        .send_keys(path.to_str().unwrap())
        .await
        .unwrap();
    browser.wait_for(".import-read").await;
    browser.wait_for_absence(".file-drop-refused").await;
    browser.wait_for(".unsaved").await;
    browser.click(".save-definition").await;
    browser
        .wait_for_text(".election-list li.current", "第二次代表大會")
        .await;

    // The first paper locks the definition; an unlock needs a reason and is logged.
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 1).await;
    browser.goto_hash("#/setup").await;
    browser.wait_for(".definition-locked").await;
    assert!(browser
        .find(".save-definition")
        .await
        .attr("disabled")
        .await
        .unwrap()
        .is_some());
    browser.type_into(".unlock-reason", "title misspelt").await;
    browser.click(".unlock-definition").await;
    browser.wait_for_absence(".definition-locked").await;
    browser.finish().await;
}

#[tokio::test]
async fn unsaved_edits_are_discarded_only_when_the_officer_agrees() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("discard").await;
    browser.wait_for(".page-setup").await;
    // Nothing typed yet: the sample opens without a question.
    browser.click(".sample-meeting").await;
    browser.wait_for(".saved").await;
    browser.type_into("input[name=title]", "（修訂）").await;
    browser.wait_for(".unsaved").await;
    let typed = format!("{}（修訂）", sample_congress().title);

    // "New election" over typed edits asks; answering no keeps every character typed.
    browser.click(".new-election").await;
    let question = browser
        .client()
        .get_alert_text()
        .await
        .expect("a confirmation is asked");
    assert_eq!(
        question,
        "The changes in the form are not saved. Discard them?"
    );
    browser.client().dismiss_alert().await.unwrap();
    let title = browser
        .find("input[name=title]")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(title.as_deref(), Some(typed.as_str()));
    browser.wait_for(".unsaved").await;

    // Answering yes throws the edits away: a new, blank election is opened.
    browser.click(".new-election").await;
    browser
        .client()
        .accept_alert()
        .await
        .expect("a confirmation is asked");
    browser.wait_for_absence(".unsaved").await;
    let title = browser
        .find("input[name=title]")
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(title.as_deref(), Some(""));
    browser.finish().await;
}

#[tokio::test]
async fn a_stored_lot_that_is_not_valid_is_shown_and_counts_for_nothing() {
    if crate::harness::skip_without_page() {
        return;
    }
    use hallcount_app::i18n::{describe, tr_args, Lang, Msg};
    use hallcount_core::{replay, Event, LogEntry};

    let browser = Browser::open("refused_lot").await;
    let election = crate::signed::election_at("赤坑社區");
    // A lot electing one person twice where no lot was needed, as an older version could store.
    let lot = Event::LotDrawn {
        contest: "exec".into(),
        winners: vec!["A".into(), "A".into()],
    };
    let papers = crate::signed::papers();
    let items = crate::seed::stored_meeting_then("refused-lot", &election, &papers, vec![lot]);
    let entries: Vec<LogEntry> = (0..=papers.len() + 1)
        .map(|seq| serde_json::from_str(&items[&format!("hallcount.e.refused-lot.{seq}")]).unwrap())
        .collect();
    let state = replay(&entries).expect("the chain holds");
    assert_eq!(state.refused_lots.len(), 1);
    let refused = &state.refused_lots[0];
    preload(&browser, &items).await;

    let lang = Lang::ZhHant;
    browser
        .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
        .await;
    browser.goto_hash("#/results").await;
    let said = tr_args(
        lang,
        Msg::AlertRefusedLot,
        &[
            ("seq", &refused.seq.to_string()),
            ("why", &describe::log_error(lang, &refused.error)),
        ],
    );
    browser.wait_for_text(".refused-lot", &said).await;
    // The rest of the record is kept and counted: every paper.
    browser
        .wait_for(&format!(".meeting-alerts[data-papers='{}']", papers.len()))
        .await;
    browser.screenshot("refused-lot").await;
    browser.finish().await;
}
