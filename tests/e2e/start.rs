//! The start page: it loads from file://, names the product, and the three areas switch by hash.

use hallcount_app::i18n::{tr, Msg};

use serde_json::json;

use crate::harness::{screenshot_dir, Browser, Engine};

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

/// Not a timed test: it reports a cold start from `file://` (issue 12: at most 0.5 s with the CPU
/// slowed four times): from navigation to the app ready (its first meeting state shown, the
/// `hallcount:ready` mark), and on the way each stage, as `performance` saw it: the page parsed,
/// the styles, glue and wasm unpacked, the wasm started, its first render in the page, the first
/// paint. A reload parses and unpacks the page and instantiates the wasm again; Chromium may
/// reuse the compiled code of the same bytes still in memory. Medians of nine reloads at full
/// speed and with Chromium's CPU throttling (DevTools, Chromium only).
#[tokio::test]
async fn benchmark_cold_start_with_the_cpu_slowed_four_times() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("cold_start_bench").await;
    if browser.engine() != Engine::Chromium {
        browser.finish().await;
        return; // CPU throttling is a DevTools command
    }
    browser.wait_for(".meeting-ready").await;
    let mut lines = Vec::new();
    for rate in [1, 4] {
        browser
            .cdp("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
            .await;
        let mut times: Vec<Vec<f64>> = vec![Vec::new(); STAGES.len()];
        for _ in 0..9 {
            browser.reload().await;
            browser.wait_for(".meeting-ready").await;
            let marks = browser
                .execute(
                    r#"const navigation = performance.getEntriesByType("navigation")[0];
                       const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
                       const marks = () => ({ parsed: navigation.domInteractive, unpacked: at("hallcount:unpacked"),
                           unpacking: performance.getEntriesByName("hallcount:unpack")[0]?.duration ?? null,
                           joining: performance.getEntriesByName("hallcount:join")[0]?.duration ?? null,
                           started: at("hallcount:started"), rendered: at("hallcount:rendered"),
                           painted: at("first-contentful-paint"), ready: at("hallcount:ready") });
                       // The first paint may come after the ready mark: wait for it.
                       return new Promise((resolve) => new PerformanceObserver((list, observer) => {
                           if (list.getEntriesByName("first-contentful-paint").length > 0) {
                               observer.disconnect();
                               resolve(marks());
                           }
                       }).observe({ type: "paint", buffered: true }));"#,
                )
                .await;
            for ((name, _), times) in STAGES.iter().zip(&mut times) {
                match marks[name].as_f64() {
                    Some(time) => times.push(time),
                    // An older build (`HALLCOUNT_HTML`) may not mark the stages on the way,
                    // and a gzip-packed page has no LZMA decoding.
                    None if !["parsed", "ready"].contains(name) => {}
                    None => panic!("no {name} time: {marks}"),
                }
            }
        }
        let stages: Vec<String> = STAGES
            .iter()
            .zip(&mut times)
            .filter(|(_, times)| !times.is_empty())
            .map(|((_, label), times)| format!("{label} {}", median_and_range(times)))
            .collect();
        lines.push(format!(
            "cold start from file://, CPU slowed {rate}x, median of 9 (min-max) ms since navigation: {}",
            stages.join(", ")
        ));
    }
    let report = lines.join("\n");
    println!("{report}");
    std::fs::create_dir_all(screenshot_dir()).unwrap();
    std::fs::write(
        screenshot_dir().join("cold-start-benchmark.txt"),
        format!("{report}\n"),
    )
    .unwrap();
    browser.finish().await;
}

/// The stages of a cold start, in order: the name the page's script returns, and how the report
/// says it.
const STAGES: [(&str, &str); 8] = [
    ("parsed", "page parsed"),
    ("unpacked", "unpacked"),
    // A duration, not a time since navigation: the LZMA decoding alone (the `hallcount:unpack`
    // measure around the decoder's calls).
    ("unpacking", "(of which LZMA decoding alone)"),
    // A duration too: the wasm's code joined back from its streams (`hallcount:join`).
    ("joining", "(then joining the wasm's code)"),
    ("started", "wasm started"),
    ("rendered", "first render"),
    ("painted", "first paint"),
    ("ready", "app ready"),
];

/// `median (min-max)` of `values`, to one decimal.
fn median_and_range(values: &mut [f64]) -> String {
    values.sort_by(f64::total_cmp);
    let median = values[values.len() / 2];
    let (min, max) = (values[0], values[values.len() - 1]);
    format!("{median:.1} ({min:.1}-{max:.1})")
}
