//! One writing tab (issue 9): a duplicated tab only reads, two windows typing at once lose and
//! overwrite nothing, a throttled or frozen writer keeps its lock, and a second writer that
//! slips past the lock fails instead of overwriting. And the tab's own start: an election the
//! officer starts while the app is still opening stays open and writable.

use fantoccini::wd::WindowHandle;
use hallcount_app::sample::sample_congress;
use serde_json::{json, Value};

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting, stored_meetings};
use crate::storage::{enter_blank_papers, press_enter, stored_value, wait_for_entered};

/// Opens the same page in a new window, with this window's sessionStorage copied into it, as
/// the browser does for a duplicated tab or `window.open(location.href)`; returns both handles.
async fn duplicate(browser: &Browser) -> (WindowHandle, WindowHandle) {
    let client = browser.client();
    let first = client.window().await.unwrap();
    let url = client.current_url().await.unwrap();
    let session = browser
        .execute("return JSON.stringify(Object.entries(sessionStorage));")
        .await;
    let second = client.new_window(true).await.unwrap().handle;
    client.switch_to_window(second.clone()).await.unwrap();
    client.goto(url.as_str()).await.unwrap();
    client
        .execute(
            "for (const [k, v] of JSON.parse(arguments[0])) sessionStorage.setItem(k, v);",
            vec![session],
        )
        .await
        .unwrap();
    client.refresh().await.unwrap();
    browser.wait_for(".meeting-ready").await;
    (first, second)
}

/// The stored head of election `id`: its number of entries.
async fn stored_len(browser: &Browser, id: &str) -> u64 {
    let head = stored_value(browser, &format!("hallcount.e.{id}.head")).await;
    let head: Value = serde_json::from_str(head.as_str().expect("a stored head")).unwrap();
    head["len"].as_u64().expect("a length")
}

/// Types `n` blank papers in the current window (Enter twice each: the first asks "blank
/// paper?") without waiting for them to show.
async fn type_blank_papers(browser: &Browser, n: usize) {
    browser
        .execute("document.querySelector('.key-surface').focus();")
        .await;
    press_enter(browser, 2 * n).await;
}

/// Enters `n` blank papers after `from`, focusing the key surface first (after a window switch
/// or a take-over the focus may be elsewhere).
async fn enter_typed(browser: &Browser, from: usize, n: usize) {
    for i in 1..=n {
        type_blank_papers(browser, 1).await;
        wait_for_entered(browser, from + i).await;
    }
}

#[tokio::test]
async fn a_duplicated_tab_only_reads_and_follows() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("duplicated").await;
    preload(&browser, &stored_meeting("dup", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 1).await;
    let (first, second) = duplicate(&browser).await;
    let client = browser.client();

    browser.wait_for(".other-tab").await;
    wait_for_entered(&browser, 1).await;
    // Keys typed in the copy are not taken (the form is read-only).
    type_blank_papers(&browser, 3).await;

    client.switch_to_window(first).await.unwrap();
    assert!(browser.find_all(".other-tab").await.is_empty());
    enter_blank_papers(&browser, 1, 2).await;
    assert_eq!(
        stored_len(&browser, "dup").await,
        4,
        "the copy wrote nothing"
    );
    client.switch_to_window(second).await.unwrap();
    wait_for_entered(&browser, 3).await;
    browser.finish().await;
}

#[tokio::test]
async fn two_windows_typing_at_once_lose_and_overwrite_nothing() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("typing_at_once").await;
    preload(&browser, &stored_meeting("both", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    wait_for_entered(&browser, 0).await;
    let (first, second) = duplicate(&browser).await;
    let client = browser.client();
    browser.wait_for(".other-tab").await;

    // Three papers typed in each, turn by turn, without waiting for any of them to show.
    for _ in 0..3 {
        client.switch_to_window(first.clone()).await.unwrap();
        type_blank_papers(&browser, 1).await;
        client.switch_to_window(second.clone()).await.unwrap();
        type_blank_papers(&browser, 1).await;
    }
    client.switch_to_window(first.clone()).await.unwrap();
    wait_for_entered(&browser, 3).await;
    client.switch_to_window(second.clone()).await.unwrap();
    wait_for_entered(&browser, 3).await;
    assert_eq!(stored_len(&browser, "both").await, 4);

    // Entry moves to the second window, which goes on after the first's three papers.
    browser.click(".other-tab button").await;
    browser.wait_for_absence(".other-tab").await;
    enter_typed(&browser, 3, 2).await;
    client.switch_to_window(first).await.unwrap();
    browser.wait_for(".other-tab").await;
    wait_for_entered(&browser, 5).await;
    type_blank_papers(&browser, 1).await;
    client.switch_to_window(second).await.unwrap();
    enter_typed(&browser, 5, 1).await;
    assert_eq!(
        stored_len(&browser, "both").await,
        7,
        "definition and six papers"
    );
    browser.finish().await;
}

#[tokio::test]
async fn a_throttled_or_frozen_writer_keeps_the_lock_until_it_closes() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("throttled").await;
    preload(&browser, &stored_meeting("slow", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 1).await;
    let (first, second) = duplicate(&browser).await;
    let client = browser.client();
    browser.wait_for(".other-tab").await;

    // The writer slowed down as a background tab is, then frozen: it runs no script at all, so
    // it could renew nothing. The lock does not depend on it running.
    client.switch_to_window(first.clone()).await.unwrap();
    browser
        .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": 50 }))
        .await;
    browser
        .cdp("Page.setWebLifecycleState", json!({ "state": "frozen" }))
        .await;
    client.switch_to_window(second.clone()).await.unwrap();
    let locks = client
        .execute_async(
            "const done = arguments[0]; navigator.locks.query().then(s => done({ held: s.held.length, pending: s.pending.length }));",
            vec![],
        )
        .await
        .expect("ask the lock manager");
    assert_eq!(
        locks,
        json!({ "held": 1, "pending": 1 }),
        "the second window waits"
    );
    type_blank_papers(&browser, 1).await;

    // When the first window closes, the second writes, after what the first stored.
    client.switch_to_window(first).await.unwrap();
    browser
        .cdp("Page.setWebLifecycleState", json!({ "state": "active" }))
        .await;
    client.close_window().await.unwrap();
    client.switch_to_window(second).await.unwrap();
    browser.wait_for_absence(".other-tab").await;
    enter_typed(&browser, 1, 1).await;
    assert_eq!(
        stored_len(&browser, "slow").await,
        3,
        "the key typed while read-only was not taken"
    );
    browser.finish().await;
}

#[tokio::test]
async fn a_second_writer_fails_instead_of_overwriting() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("second_writer").await;
    preload(&browser, &stored_meeting("race", &sample_congress(), &[])).await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 1).await;

    // Another writer (a browser without Web Locks, a script) stores entry 2 and moves the head.
    let script = r#"
        const done = arguments[0];
        const open = indexedDB.open("hallcount", 1);
        open.onsuccess = () => {
            const tx = open.result.transaction("kv", "readwrite");
            const kv = tx.objectStore("kv");
            kv.put("the other writer's entry", "hallcount.e.race.2");
            kv.put(JSON.stringify({ len: 3, hash: "0".repeat(64) }), "hallcount.e.race.head");
            tx.oncomplete = () => { open.result.close(); done(true); };
        };
    "#;
    browser
        .client()
        .execute_async(script, vec![])
        .await
        .expect("write as another writer");
    type_blank_papers(&browser, 1).await;
    // The paper is refused and said so; the log read again breaks at the other writer's entry,
    // which is set aside (kept), not overwritten.
    browser.wait_for(".last-error").await;
    browser.wait_for(".chain-broken").await;
    assert_eq!(
        stored_value(&browser, "hallcount.e.race.damaged.2").await,
        json!("the other writer's entry"),
        "nothing overwritten"
    );
    browser.finish().await;
}

/// A script run before the page's own: the app's calls of `IDBObjectStore`'s `method` whose
/// first argument (a key, or a key range's lower end) contains one of `held` are held until
/// `__hallcountRelease(name)` with that name, so that the officer acts while the app waits for
/// them. `<html data-held-NAME>` says the read was asked for; `data-ends-N` that the app has
/// finished reading an election N times (`hallcount:load-end`) and gone on from there (set a
/// task later: the app goes on in microtasks).
fn hold_reads(method: &str, held: &[&str]) -> String {
    let held = serde_json::to_string(held).unwrap();
    format!(
        r#"
(() => {{
    const original = IDBObjectStore.prototype.{method};
    const held = {held};
    const release = {{}};
    const flag = (name) => setTimeout(() => document.documentElement.setAttribute(`data-${{name}}`, ""), 0);
    let ends = 0;
    new PerformanceObserver((list) => {{
        ends += list.getEntriesByName("hallcount:load-end").length;
        flag(`ends-${{ends}}`);
    }}).observe({{ type: "mark" }});
    IDBObjectStore.prototype.{method} = function (...args) {{
        const key = String(args[0]?.lower ?? args[0]);
        const name = held.find((name) => key.includes(name) && !(name in release));
        if (name === undefined) return original.apply(this, args);
        const request = {{ result: undefined, error: null, onsuccess: null, onerror: null }};
        const [db, store] = [this.transaction.db, this.name];
        release[name] = () => {{
            const real = original.apply(db.transaction(store).objectStore(store), args);
            real.onsuccess = () => {{ request.result = real.result; request.onsuccess(); }};
            real.onerror = () => {{ request.error = real.error; request.onerror(); }};
        }};
        flag(`held-${{name}}`);
        return request;
    }};
    window.__hallcountRelease = (name) => release[name]();
}})();
"#
    )
}

/// Reloads the page with `script` run before its own.
async fn reload_with(browser: &Browser, script: String) {
    browser.script_before_each_load(&script).await;
    browser.client().refresh().await.expect("reload");
}

/// Clicks "open" beside the election titled `title` in the set-up page's list, then waits
/// until the read of election `id` is held.
async fn open_held(browser: &Browser, title: &str, id: &str) {
    let open = "const title = arguments[0]; \
                [...document.querySelectorAll('.election-list li')] \
                .find((li) => li.innerText.includes(title)).querySelector('button').click();";
    browser
        .client()
        .execute(open, vec![json!(title)])
        .await
        .unwrap();
    browser.wait_for(&format!("html[data-held-{id}]")).await;
}

/// The page shows nothing to act on until the election open last is read: a click then cannot
/// start another election that the start would go on to replace (or whose lock its own claim
/// would race, leaving the tab read-only, waiting for itself).
#[tokio::test]
async fn nothing_can_be_started_before_the_stored_meeting_is_read() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("started-while-opening").await;
    reload_with(&browser, hold_reads("get", &["hallcount.current"])).await;
    browser
        .wait_for("html[data-held-hallcount\\.current]")
        .await;
    browser.wait_for(".app-header nav").await;
    assert!(browser.find_all(".sample-meeting").await.is_empty());
    assert!(browser.find_all(".page-setup, .next-step").await.is_empty());

    browser
        .execute("window.__hallcountRelease('hallcount.current');")
        .await;
    browser.click(".sample-meeting").await;
    browser
        .wait_for_text(".election-list li.current", &sample_congress().title)
        .await;
    browser.goto_hash("#/entry").await;
    enter_blank_papers(&browser, 0, 1).await;
    assert!(browser.find_all(".other-tab").await.is_empty());
    browser.finish().await;
}

/// Two elections opened one after the other, the first still being read when the second is
/// asked for: the second is the one open, whichever read finishes first.
#[tokio::test]
async fn the_election_opened_last_is_the_one_open() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("opened-last").await;
    let titled = |title: &str| {
        let mut election = sample_congress();
        election.title = title.into();
        election
    };
    let (first, second, third) = (titled("一月大會"), titled("二月大會"), titled("三月大會"));
    let stored = stored_meetings(&[("first", &first), ("second", &second), ("third", &third)]);
    preload(&browser, &stored).await;
    browser.goto_hash("#/setup").await;
    reload_with(&browser, hold_reads("getAllKeys", &["second", "third"])).await;
    browser
        .wait_for_text(".election-list li.current", &first.title)
        .await;
    let ends = browser
        .execute("return performance.getEntriesByName('hallcount:load-end').length;")
        .await;
    let ends = ends.as_u64().expect("a count");
    open_held(&browser, &second.title, "second").await;
    open_held(&browser, &third.title, "third").await;

    browser
        .execute("window.__hallcountRelease('second');")
        .await;
    browser
        .wait_for(&format!("html[data-ends-{}]", ends + 1))
        .await;
    browser.execute("window.__hallcountRelease('third');").await;
    browser
        .wait_for(&format!("html[data-ends-{}]", ends + 2))
        .await;
    assert!(browser
        .text(".election-list li.current")
        .await
        .contains(&third.title));
    browser.finish().await;
}
