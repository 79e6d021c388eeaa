//! `#/papers` (issue 14, point 6): the official ballot papers printed from the definition,
//! checked in the PDF the browser prints: page size, every name on every paper, nothing cut.

use std::process::Command;

use hallcount_app::i18n::{tr, Lang, Msg};
use hallcount_app::sample::sample_congress;
use hallcount_core::Election;
use serde_json::{json, Value};

use crate::harness::Browser;
use crate::pdf::{page_texts, pages_and_size, print_to_pdf};
use crate::seed::{preload, stored_meeting};

async fn choose_language(browser: &Browser, lang: Lang) {
    browser
        .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
        .await;
    browser
        .wait_for(&format!("html[lang='{}']", lang.tag()))
        .await;
}

async fn choose(browser: &Browser, select: usize, value: &str) {
    let script = r#"
        const [index, value] = arguments;
        const select = document.querySelectorAll(".papers-choice select")[index];
        select.value = value;
        select.dispatchEvent(new Event("change", { bubbles: true }));
        return null;
    "#;
    browser
        .client()
        .execute(script, vec![json!(select), json!(value)])
        .await
        .expect("choose");
}

/// Every text box of every paper that overflows its box or leaves its paper, in print view.
async fn cut_off(browser: &Browser) -> Vec<String> {
    let script = r#"
        const problems = [];
        for (const paper of document.querySelectorAll(".ballot-paper")) {
            const p = paper.getBoundingClientRect();
            for (const part of paper.querySelectorAll(".ballot-paper > *, .ballot-name")) {
                const r = part.getBoundingClientRect();
                const overflows = part.scrollWidth > part.clientWidth + 1 || part.scrollHeight > part.clientHeight + 1;
                const outside = r.left < p.left - 0.5 || r.top < p.top - 0.5 || r.right > p.right + 0.5 || r.bottom > p.bottom + 0.5;
                if (overflows || outside) problems.push(`${part.className} "${part.textContent.slice(0, 30)}"${overflows ? " overflows" : ""}${outside ? " is outside its paper" : ""}`);
            }
        }
        return problems;
    "#;
    serde_json::from_value(browser.execute(script).await).expect("a list")
}

/// The names on one paper, in the order printed (reading order of the cells).
async fn printed_names(browser: &Browser) -> Vec<String> {
    let value: Value = browser
        .execute("return [...document.querySelector('.ballot-paper').querySelectorAll('.ballot-cell:not(.write-in) .ballot-name')].map((e) => e.textContent);")
        .await;
    serde_json::from_value(value).expect("a list")
}

async fn open_papers(label: &str, election: &Election, lang: Lang) -> Browser {
    let browser = Browser::open(label).await;
    preload(&browser, &stored_meeting(label, election, &[])).await;
    choose_language(&browser, lang).await;
    browser.goto_hash("#/papers").await;
    browser.wait_for(".paper-sheet .ballot-paper").await;
    browser
}

/// How often `needle` occurs in `text`, spaces aside (pdftotext may space out CJK characters).
fn count(text: &str, needle: &str) -> usize {
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    squeeze(text).matches(&squeeze(needle)).count()
}

#[tokio::test]
async fn the_sample_prints_two_a5_papers_on_an_a4_sheet_with_every_name() {
    if crate::harness::skip_without_page() {
        return;
    }
    let election = sample_congress();
    let lang = Lang::ZhHant;
    let browser = open_papers("papers_a4", &election, lang).await;

    // The order of the entry keys: the definition's order, contest after contest.
    let expected: Vec<String> = election
        .contests
        .iter()
        .flat_map(|c| c.candidates.iter().map(|k| k.name.clone()))
        .collect();
    assert_eq!(printed_names(&browser).await, expected);
    let per_paper = browser
        .execute("return document.querySelector('.ballot-paper').querySelectorAll('.ballot-cell.write-in').length;")
        .await;
    let seats: u32 = election.contests.iter().map(|c| c.seats).sum();
    assert_eq!(per_paper, json!(seats), "one write-in blank per seat");
    assert_eq!(browser.find_all(".ballot-paper").await.len(), 2);
    assert_eq!(
        browser.find_all(".ballot-paper .corner-marker").await.len(),
        8
    );

    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let problems = cut_off(&browser).await;
    assert!(problems.is_empty(), "cut off:\n  {}", problems.join("\n  "));
    let pdf = print_to_pdf(&browser, "papers-a4-2").await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;

    assert_eq!(pages_and_size(&pdf), (1, (210, 297)));
    let text = page_texts(&pdf).concat();
    for name in &expected {
        // Names printed twice in the sample (chair and committee) appear twice per paper.
        let times = expected.iter().filter(|n| *n == name).count() * 2;
        assert!(
            count(&text, name) >= times,
            "{name} printed {} times, expected {times}:\n{text}",
            count(&text, name)
        );
    }
    for needle in [
        election.title.as_str(),
        election.place.as_str(),
        tr(lang, Msg::BallotStamp),
        "HC1",
    ] {
        assert!(
            count(&text, needle) >= 2,
            "{needle:?} on each paper:\n{text}"
        );
    }
    let instructions_start: String = tr(lang, Msg::BallotInstructions).chars().take(8).collect();
    assert_eq!(
        count(&text, &instructions_start),
        2,
        "instructions:\n{text}"
    );

    // The picture for the README: the printed sheet itself.
    let picture =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots/papers-a4-2");
    let rendered = Command::new("pdftoppm")
        .args(["-png", "-r", "72", "-singlefile"])
        .arg(&pdf)
        .arg(&picture)
        .status();
    assert!(
        rendered.is_ok_and(|status| status.success()),
        "pdftoppm could not draw the sheet"
    );
    browser.finish().await;
}

#[tokio::test]
async fn an_a5_sheet_holds_one_paper_and_too_small_a_paper_says_so() {
    if crate::harness::skip_without_page() {
        return;
    }
    let election = sample_congress();
    let lang = Lang::En;
    let browser = open_papers("papers_a5", &election, lang).await;
    choose(&browser, 0, "A5").await;
    choose(&browser, 1, "1").await;
    browser
        .wait_for(".paper-sheet[data-sheet='A5'][data-per-sheet='1']")
        .await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let problems = cut_off(&browser).await;
    assert!(problems.is_empty(), "cut off:\n  {}", problems.join("\n  "));
    let pdf = print_to_pdf(&browser, "papers-a5-1").await;
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    assert_eq!(pages_and_size(&pdf), (1, (148, 210)));
    let text = page_texts(&pdf).concat();
    for contest in &election.contests {
        assert!(
            count(&text, &contest.office) > 0,
            "{}:\n{text}",
            contest.office
        );
        for candidate in &contest.candidates {
            assert!(
                count(&text, &candidate.name) > 0,
                "{}:\n{text}",
                candidate.name
            );
        }
    }
    assert_eq!(count(&text, tr(lang, Msg::BallotStamp)), 1, "{text}");

    // Four A6 papers cannot hold 31 boxes: the page says so instead of cutting names.
    choose(&browser, 1, "4").await;
    browser.wait_for(".papers-too-small").await;
    assert!(browser.find_all(".ballot-paper").await.is_empty());
    browser.finish().await;
}
