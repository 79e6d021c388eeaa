//! The harness's tools work: typing, keys, downloads, and a crash with the same profile reopened.

use fantoccini::key::Key;

use crate::harness::Browser;

/// A plain text field outside the app, so these checks do not depend on any screen.
const PROBE_FIELD: &str = r#"
    const field = document.createElement("input");
    field.id = "probe";
    window.__keys = [];
    field.addEventListener("keydown", (event) => window.__keys.push(event.key));
    document.body.append(field);
    field.focus();
    return null;
"#;

#[tokio::test]
async fn types_and_presses_keys() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("typing").await;
    browser.execute(PROBE_FIELD).await;
    browser.type_into("#probe", "12").await;
    browser.fill("#probe", "Chan").await;
    browser.type_into("#probe", " Tai Man").await;
    browser.press(Key::Enter).await;
    let value = browser
        .find("#probe")
        .await
        .prop("value")
        .await
        .expect("read the value");
    assert_eq!(value.as_deref(), Some("Chan Tai Man"));
    assert_eq!(
        browser.execute("return window.__keys.at(-1);").await,
        "Enter"
    );
    assert_eq!(browser.find_all("input#probe").await.len(), 1);
    browser.finish().await;
}

#[tokio::test]
async fn downloads_land_in_the_profile_folder() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("download").await;
    browser
        .execute(
            r#"
            const link = document.createElement("a");
            link.href = URL.createObjectURL(new Blob(['{"format":"probe"}'], { type: "application/json" }));
            link.download = "probe.json";
            document.body.append(link);
            link.click();
            return null;
            "#,
        )
        .await;
    let path = browser.wait_for_download("probe.json").await;
    assert_eq!(
        std::fs::read_to_string(path).expect("read the download"),
        r#"{"format":"probe"}"#
    );
    browser.finish().await;
}

/// Store `value` in IndexedDB (database "probe", store "kv", key "k") and resolve when committed.
const IDB_PUT: &str = r#"
    const [value, done] = arguments;
    const open = indexedDB.open("probe", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("kv");
    open.onerror = () => done("cannot open: " + open.error);
    open.onsuccess = () => {
        const tx = open.result.transaction("kv", "readwrite", { durability: "strict" });
        tx.objectStore("kv").put(value, "k");
        tx.oncomplete = () => done("stored");
        tx.onerror = () => done("cannot store: " + tx.error);
    };
"#;

const IDB_GET: &str = r#"
    const done = arguments[0];
    const open = indexedDB.open("probe", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("kv");
    open.onerror = () => done("cannot open: " + open.error);
    open.onsuccess = () => {
        const get = open.result.transaction("kv").objectStore("kv").get("k");
        get.onsuccess = () => done(get.result ?? null);
    };
"#;

/// Measured with Chromium 156: a committed IndexedDB write survives the kill; a
/// `localStorage.setItem` made just before it did not (Chromium writes local storage to disk
/// after a delay), so nothing that must survive a crash belongs in local storage.
#[tokio::test]
async fn a_killed_browser_reopens_with_its_profile() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("kill_reopen").await;
    let stored = browser
        .client()
        .execute_async(IDB_PUT, vec!["paper 17".into()])
        .await
        .expect("store");
    assert_eq!(stored, "stored");
    browser.assert_no_problems().await;
    let profile = browser.kill();

    let browser = Browser::reopen(profile).await;
    let kept = browser
        .client()
        .execute_async(IDB_GET, vec![])
        .await
        .expect("read");
    assert_eq!(
        kept, "paper 17",
        "IndexedDB keeps a committed write through a crash"
    );
    browser.finish().await;
}
