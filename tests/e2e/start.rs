//! The start page: it loads from file://, names the product, and the three areas switch by hash.

use hallcount_app::i18n::{tr, Lang, Msg};

use crate::harness::Browser;

/// The language the page chose (it follows the browser), read from `<html lang>`.
async fn page_lang(browser: &Browser) -> Lang {
    let tag = browser
        .execute("return document.documentElement.lang;")
        .await;
    let tag = tag.as_str().expect("a lang attribute").to_owned();
    Lang::from_tag(&tag)
        .unwrap_or_else(|| panic!("<html lang={tag:?}> is not a language of the app"))
}

#[tokio::test]
async fn start_page_names_the_product_and_switches_areas() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("start").await;
    let lang = page_lang(&browser).await;
    browser
        .wait_for_text("header h1", tr(lang, Msg::AppName))
        .await;
    browser.wait_for(".page-setup").await;
    assert_eq!(browser.text("nav a.current").await, tr(lang, Msg::NavSetup));
    browser.screenshot("start").await;

    browser.click("nav a[href='#/entry']").await;
    browser
        .wait_for_text("main h2", tr(lang, Msg::NavEntry))
        .await;
    browser.wait_for(".page-entry").await;
    assert_eq!(browser.text("nav a.current").await, tr(lang, Msg::NavEntry));

    browser.goto_hash("#/results").await;
    browser
        .wait_for_text("main h2", tr(lang, Msg::NavResults))
        .await;
    browser.wait_for_absence(".page-entry").await;
    assert_eq!(
        browser.text("nav a.current").await,
        tr(lang, Msg::NavResults)
    );

    browser.click("nav a[href='#/setup']").await;
    browser.wait_for(".page-setup").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_deep_link_opens_its_area() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("deep_link").await;
    browser.goto_hash("#/entry").await;
    browser.reload().await;
    let lang = page_lang(&browser).await;
    browser
        .wait_for_text("main h2", tr(lang, Msg::NavEntry))
        .await;
    browser.finish().await;
}

/// Not a timed test: it reports a cold start from `file://` with the CPU slowed four times
/// (issue 12): from navigation to the page parsed, and to the app ready (its first meeting
/// state shown), as `performance` saw them.
#[tokio::test]
async fn benchmark_cold_start_with_the_cpu_slowed_four_times() {
    let browser = Browser::open("cold_start_bench").await;
    browser.wait_for(".meeting-ready").await;
    browser
        .cdp(
            "Emulation.setCPUThrottlingRate",
            serde_json::json!({ "rate": 4 }),
        )
        .await;
    let mut figures = Vec::new();
    for _ in 0..3 {
        browser.reload().await;
        browser.wait_for(".meeting-ready").await;
        let marks = browser
            .execute(
                r#"const navigation = performance.getEntriesByType("navigation")[0];
                   const ready = performance.getEntriesByName("hallcount:ready")[0];
                   return { parsed: navigation.domInteractive, ready: ready?.startTime ?? null };"#,
            )
            .await;
        assert!(marks["ready"].is_number(), "no ready mark: {marks}");
        figures.push(marks);
    }
    println!(
        "cold start from file://, CPU slowed 4x (ms since navigation): {}",
        serde_json::Value::from(figures)
    );
    browser.finish().await;
}
