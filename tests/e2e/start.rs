//! The start page: it loads from file://, names the product, and the three areas switch by hash.

use hallcount_app::i18n::{tr, Msg};

use crate::harness::Browser;

#[tokio::test]
async fn start_page_names_the_product_and_switches_areas() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("start").await;
    let lang = browser.page_lang().await;
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
    let lang = browser.page_lang().await;
    browser
        .wait_for_text("main h2", tr(lang, Msg::NavEntry))
        .await;
    browser.finish().await;
}
