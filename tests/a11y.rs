//! The accessibility check: axe-core (npm, pinned in `package.json`) injected into the built page
//! through WebDriver, on every page in each of the three languages, empty and with a meeting
//! under way. Fails on any violation axe rates serious or critical.
//!
//! The page's security policy forbids fetching a script, so the test reads `axe.min.js` from
//! `node_modules/` and executes it through WebDriver, which the policy does not govern.
//! Also here: a newcomer's meeting led only by the next-step sentence (`guided`), which makes the
//! README's pictures.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "e2e/harness/mod.rs"]
mod harness;

#[path = "a11y/guided.rs"]
mod guided;

use std::path::Path;

use fantoccini::key::Key as WebKey;
use hallcount_app::i18n::{tr, tr_args, Lang, Msg};
use serde_json::{json, Value};

use hallcount_app::sample::sample_congress;
use hallcount_core::export::result_file_name;
use harness::Browser;

/// The pages of the navigation and the element each shows once it is rendered.
const PAGES: [(&str, &str); 8] = [
    ("#/setup", ".page-setup"),
    ("#/papers", ".page-papers"),
    ("#/entry", ".page-entry"),
    ("#/board", ".page-board"),
    ("#/checks", ".page-checks"),
    ("#/results", ".page-results"),
    ("#/town", ".page-town"),
    ("#/help", ".page-help"),
];

/// axe's own text, read once per test.
fn axe_source() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; install it with `npm ci` (cargo xtask test and .ci/run do)",
            path.display()
        )
    })
}

/// Runs axe on the whole document; returns one line per serious or critical violation and node.
async fn serious_violations(browser: &Browser, axe: &str, place: &str) -> Vec<String> {
    let loaded = browser.execute("return typeof window.axe;").await;
    if loaded != json!("object") {
        browser
            .client()
            .execute(axe, vec![])
            .await
            .expect("inject axe-core");
    }
    let script = r#"
        const done = arguments[arguments.length - 1];
        axe.run(document, { resultTypes: ["violations"] })
            .then((results) => done(results.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .flatMap((v) => v.nodes.map((node) => ({
                    rule: v.id, impact: v.impact, help: v.help,
                    target: node.target.join(" "), summary: node.failureSummary,
                })))))
            .catch((error) => done([{ rule: "axe-error", impact: "critical", help: String(error), target: "", summary: "" }]));
    "#;
    let found: Value = browser
        .client()
        .execute_async(script, vec![])
        .await
        .expect("run axe-core");
    found
        .as_array()
        .expect("a list of violations")
        .iter()
        .map(|v| {
            format!(
                "{place}: [{} {}] {} at `{}`: {}",
                v["impact"].as_str().unwrap_or_default(),
                v["rule"].as_str().unwrap_or_default(),
                v["help"].as_str().unwrap_or_default(),
                v["target"].as_str().unwrap_or_default(),
                v["summary"].as_str().unwrap_or_default().replace('\n', " "),
            )
        })
        .collect()
}

/// Switches the language with the app's own buttons and waits for `<html lang>` to follow; the
/// window's title follows too.
async fn choose_language(browser: &Browser, lang: Lang) {
    browser
        .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
        .await;
    browser
        .wait_for(&format!("html[lang='{}']", lang.tag()))
        .await;
    assert_eq!(
        browser.execute("return document.title;").await,
        json!(tr(lang, Msg::AppName))
    );
}

pub fn enter() -> char {
    char::from(WebKey::Enter)
}

/// Enters `papers` on the entry page (open already), each a string of candidate keys.
pub async fn enter_papers(browser: &Browser, papers: &[&str]) {
    let start = browser
        .execute("return Number(document.querySelector('.counter').dataset.entered);")
        .await
        .as_u64()
        .expect("the counter's number") as usize;
    browser.click(".key-surface").await;
    for (i, keys) in papers.iter().enumerate() {
        // A blank paper takes Enter twice: the first asks "blank paper?".
        let enters = if keys.is_empty() { 2 } else { 1 };
        let enters: String = std::iter::repeat_n(enter(), enters).collect();
        browser.type_keys(&format!("{keys}{enters}")).await;
        browser
            .wait_for(&format!(".counter[data-entered='{}']", start + i + 1))
            .await;
    }
}

#[tokio::test]
async fn every_page_in_every_language_has_no_serious_violation() {
    if crate::harness::skip_without_page() {
        return;
    }
    let axe = axe_source();
    let browser = Browser::open("a11y").await;
    let mut violations = Vec::new();

    // The check itself can fail: a planted button without a name is caught.
    browser.execute("const b = document.createElement('button'); b.id = 'planted'; document.body.append(b); return null;").await;
    let planted = serious_violations(&browser, &axe, "planted").await;
    assert!(
        planted
            .iter()
            .any(|v| v.contains("button-name") && v.contains("#planted")),
        "axe missed a nameless button: {planted:?}"
    );
    browser
        .execute("document.getElementById('planted').remove(); return null;")
        .await;

    // What a newcomer sees first: nothing set up yet.
    for lang in Lang::ALL {
        choose_language(&browser, lang).await;
        for (hash, page) in PAGES {
            browser.goto_hash(hash).await;
            browser.wait_for(page).await;
            violations.extend(
                serious_violations(&browser, &axe, &format!("empty {hash} in {}", lang.tag()))
                    .await,
            );
        }
    }

    // A meeting under way: the sample congress with a few papers (one blank, one with an against).
    browser.goto_hash("#/setup").await;
    browser.click(".sample-meeting").await;
    browser.goto_hash("#/entry").await;
    browser.wait_for(".key-surface").await;
    enter_papers(&browser, &["1246", "1357", "", "11"]).await;
    // Each committed paper is announced to screen readers (the first loop ended in English).
    let announced = tr_args(Lang::En, Msg::PapersEntered, &[("n", "4")]);
    browser
        .wait_for_text(".page-entry [aria-live='polite']", &announced)
        .await;
    // The town office with files in it: this meeting's signed result and a damaged file.
    browser.goto_hash("#/results").await;
    // The key, sealed under a passphrase, then the signature asks it.
    browser
        .fill(".key-new .passphrase", "a11y passphrase")
        .await;
    browser
        .fill(".key-new .passphrase-again", "a11y passphrase")
        .await;
    browser.click(".make-key").await;
    browser
        .fill(".key-use .passphrase", "a11y passphrase")
        .await;
    browser.click(".download-signed").await;
    let signed = browser
        .wait_for_download(&result_file_name(&sample_congress()))
        .await;
    let damaged = browser.downloads().join("damaged.hallcount.json");
    std::fs::write(&damaged, "{").expect("write a damaged file");
    let town_files = format!("{}\n{}", signed.display(), damaged.display());

    for lang in Lang::ALL {
        choose_language(&browser, lang).await;
        for (hash, page) in PAGES {
            browser.goto_hash(hash).await;
            browser.wait_for(page).await;
            if hash == "#/town" {
                // The page keeps files only while it is shown: load them on each visit.
                let input = browser.wait_for(".town-files input[type=file]").await;
                input
                    .send_keys(&town_files)
                    .await
                    .expect("choose the files");
                browser
                    .wait_for(".file-verdicts .verdict[data-file='damaged.hallcount.json']")
                    .await;
            }
            violations.extend(
                serious_violations(&browser, &axe, &format!("{hash} in {}", lang.tag())).await,
            );
        }
        // The forms that open on the entry page: voiding a paper.
        browser.goto_hash("#/entry").await;
        browser.click(".paper-list .void-button").await;
        browser.wait_for(".void-form").await;
        violations.extend(
            serious_violations(
                &browser,
                &axe,
                &format!("#/entry voiding in {}", lang.tag()),
            )
            .await,
        );
    }

    // Locked results, with the unlock form open.
    browser.goto_hash("#/results").await;
    browser.click(".lock-results").await;
    browser
        .click(".results-actions button:not(.print-sheet)")
        .await;
    browser.wait_for(".unlock-form").await;
    for lang in Lang::ALL {
        choose_language(&browser, lang).await;
        violations.extend(
            serious_violations(
                &browser,
                &axe,
                &format!("#/results unlocking in {}", lang.tag()),
            )
            .await,
        );
    }

    assert!(
        violations.is_empty(),
        "{} serious or critical accessibility violations:\n  {}",
        violations.len(),
        violations.join("\n  ")
    );
    browser.finish().await;
}

/// Tabs through `page` as a keyboard user would and returns each focused control that shows no
/// ring (outline under 2px and no box-shadow), described by its tag, class and text.
async fn controls_without_a_visible_focus(
    browser: &Browser,
    page: &str,
    presses: usize,
) -> Vec<String> {
    let mut missing = Vec::new();
    browser
        .execute("document.activeElement?.blur(); window.scrollTo(0, 0); return null;")
        .await;
    for _ in 0..presses {
        browser
            .type_keys(&char::from(WebKey::Tab).to_string())
            .await;
        let seen = browser
            .execute(
                r#"
                const element = document.activeElement;
                if (!element || element === document.body) return null;
                const style = getComputedStyle(element);
                const ring = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== "none";
                return ring ? "" : `${element.outerHTML.slice(0, 120)} (outline: ${style.outlineStyle} ${style.outlineWidth})`;
                "#,
            )
            .await;
        if let Some(description) = seen.as_str().filter(|d| !d.is_empty()) {
            missing.push(format!("{page}: {description}"));
        }
    }
    missing
}

#[tokio::test]
async fn every_control_reached_by_tab_shows_its_focus() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("a11y_focus").await;
    // The first Tab offers to skip the header; Enter puts the focus on the page.
    browser
        .type_keys(&char::from(WebKey::Tab).to_string())
        .await;
    assert_eq!(
        browser
            .execute("return document.activeElement.className;")
            .await,
        json!("skip-link")
    );
    browser.type_keys(&enter().to_string()).await;
    assert_eq!(
        browser.execute("return document.activeElement.id;").await,
        json!("main")
    );
    assert_eq!(
        browser.execute("return location.hash;").await,
        json!(""),
        "the route did not change"
    );
    // The blank form first (every field invalid and marked so), then the sample on every page.
    let mut missing = controls_without_a_visible_focus(&browser, "blank #/setup", 30).await;
    browser.click(".sample-meeting").await;
    browser.wait_for(".next-step[data-step='Enter']").await;
    for (hash, page) in PAGES {
        browser.goto_hash(hash).await;
        browser.wait_for(page).await;
        missing.extend(controls_without_a_visible_focus(&browser, hash, 30).await);
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "controls with no visible focus:\n  {}",
        missing.join("\n  ")
    );
    browser.finish().await;
}
