//! Issue 10 in the browser: names that look like markup or carry a right-to-left override,
//! typed into every name field and read from a signed file, are shown as text, never run, and
//! never reorder the text around them; a GBK definition is refused in the page's language and
//! the definition already there is left as it was.

use fantoccini::key::Key;
use hallcount_core::export::{AppInfo, ResultFile, ResultInput, ResultPayload, Signer};
use hallcount_core::log_from_ballots;
use serde_json::{json, Value};

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};
use crate::signed::{election_at, papers};

/// Runs if it is ever read as markup: an image that fails (CSP refuses it) and says so.
const IMG: &str = r#"<img src=x onerror="window.__pwned=1;document.title='pwned'">"#;
const SCRIPT: &str = "<script>window.__pwned=2</script>";
/// U+202E, RIGHT-TO-LEFT OVERRIDE: unisolated, it shows "第18村" as "村81第" and reverses
/// everything after it on the line.
const OVERRIDE: &str = "第18\u{202e}村";

/// Nothing ran, no element came from a name, and no image was asked for.
async fn assert_nothing_ran(browser: &Browser) {
    let state = browser
        .execute(
            r#"return {
                pwned: window.__pwned ?? null,
                title: document.title,
                injected: document.querySelectorAll('img[src="x"], main script, main b, main i').length,
            };"#,
        )
        .await;
    assert_eq!(state["pwned"], Value::Null, "{state}");
    assert_ne!(state["title"], "pwned", "{state}");
    assert_eq!(state["injected"], 0, "{state}");
}

/// The text content of every element matching `selector`.
async fn texts(browser: &Browser, selector: &str) -> Vec<String> {
    let script = format!(
        "return [...document.querySelectorAll({})].map((e) => e.textContent);",
        json!(selector)
    );
    serde_json::from_value(browser.execute(&script).await).expect("a list of texts")
}

/// The left edge of each of `needles` (one character each) in the first text of `selector`.
async fn lefts(browser: &Browser, selector: &str, needles: &[&str]) -> Vec<f64> {
    let script = r#"
        const [selector, needles] = arguments;
        const element = document.querySelector(selector);
        const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode();
        return needles.map((needle) => {
            const at = text.data.indexOf(needle);
            const range = document.createRange();
            range.setStart(text, at);
            range.setEnd(text, at + needle.length);
            return range.getBoundingClientRect().left;
        });
    "#;
    let value = browser
        .client()
        .execute(script, vec![json!(selector), json!(needles)])
        .await
        .expect("measure the text");
    serde_json::from_value(value).expect("numbers")
}

#[tokio::test]
async fn hostile_names_typed_in_every_field_are_text_and_overrides_are_refused() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("hostile_names_typed").await;
    let election = election_at("赤坑社區");
    preload(&browser, &stored_meeting("hostile", &election, &[])).await;
    browser.goto_hash("#/setup").await;
    browser.wait_for("input[name='title']").await;
    // The form is there before the stored meeting is read: wait for the meeting itself, or a
    // slow machine compares the title below with the empty form's.
    browser
        .wait_for_text(".election-list li.current", &election.title)
        .await;

    // A GBK file ("測試村" in GBK) is refused with its byte, the definition left as it was.
    let gbk: Vec<u8> = [
        br#"{"format":"hallcount/election@1","title":""#.as_slice(),
        b"\xb2\xe2\xca\xd4\xb4\xe5",
        b"\"}",
    ]
    .concat();
    browser
        .drop_files(".file-drop", &[("gbk.json", gbk.as_slice())])
        .await;
    let refused = browser.wait_for_text(".import-refused", "0xb2").await;
    let refused = refused.text().await.unwrap();
    let lang = browser.page_lang().await;
    let says = hallcount_app::i18n::tr(lang, hallcount_app::i18n::Msg::DetailNotUtf8);
    let before_byte = says.split("{offset}").next().unwrap();
    assert!(refused.contains(before_byte), "{refused}");
    let title = browser
        .execute("return document.querySelector(\"input[name='title']\").value;")
        .await;
    assert_eq!(title, json!(election.title), "the definition is untouched");

    // Every name field: an override is refused where it is typed; markup is taken as text.
    let fields = [
        ("title", IMG),
        ("body", SCRIPT),
        ("place", "第18村<b>粗</b>"),
        ("contests[0].office", SCRIPT),
        ("contests[0].candidates[0].name", IMG),
        ("contests[0].candidates[1].name", SCRIPT),
        ("contests[0].candidates[2].name", "黃<i>玉</i>蓮"),
    ];
    for (path, markup) in fields {
        let input = format!("input[name='{path}']");
        let problem = format!(".field-problem[data-path='{path}']");
        browser.fill(&input, OVERRIDE).await;
        browser.wait_for_text(&problem, "U+202E").await;
        let save_disabled = browser
            .execute("return document.querySelector('.save-definition').disabled;")
            .await;
        assert_eq!(save_disabled, json!(true), "{path}");
        browser.fill(&input, markup).await;
        browser.wait_for_absence(&problem).await;
    }
    browser.click(".save-definition").await;
    browser.wait_for(".definition-actions .saved").await;
    assert_nothing_ran(&browser).await;

    // Entry: a paper A○ B○ with the markup written in; then a written name with an override.
    let enter = char::from(Key::Enter).to_string();
    browser.goto_hash("#/entry").await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys("12").await;
    browser.wait_for(".hint-counts").await;
    browser.click(".write-in-mark input").await;
    browser.type_into(".write-in-input input", IMG).await;
    browser.press(Key::Enter).await;
    browser.wait_for_text(".write-in-name", "onerror").await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys(&enter).await;
    browser.wait_for(".counter[data-entered='1']").await;

    browser.type_keys("1").await;
    browser.wait_for(".hint-counts").await;
    browser.type_into(".write-in-input input", OVERRIDE).await;
    browser.press(Key::Enter).await;
    // Shown as an escape while on the draft, and refused when the paper is entered.
    browser.wait_for_text(".write-in-name", "\\u{202e}").await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys(&enter).await;
    browser.wait_for_text(".last-error", "U+202E").await;
    assert_eq!(texts(&browser, ".counter[data-entered='1']").await.len(), 1);
    assert_nothing_ran(&browser).await;

    // Board, results and the result sheet show each name as the characters typed.
    browser.goto_hash("#/board").await;
    browser.wait_for(".board-column").await;
    let board = texts(&browser, ".board-name").await;
    for name in [IMG, SCRIPT, "黃<i>玉</i>蓮"] {
        assert!(
            board.iter().any(|shown| shown == name),
            "{name} on {board:?}"
        );
    }
    assert!(texts(&browser, ".board-column h2").await[0].starts_with(SCRIPT));
    browser.goto_hash("#/results").await;
    browser.wait_for(".results-table .contest-result").await;
    let rows = texts(&browser, ".results-table th[scope=row]").await;
    assert!(rows.iter().any(|row| row == IMG), "{rows:?}");
    assert!(rows.iter().any(|row| row.contains(SCRIPT)), "{rows:?}");
    let sheet = texts(&browser, ".result-sheet").await.concat();
    for name in [IMG, SCRIPT, "第18村<b>粗</b>"] {
        assert!(sheet.contains(name), "{name} not on the sheet");
    }
    assert_nothing_ran(&browser).await;
    browser.screenshot("hostile-names-results").await;
    browser.finish().await;
}

/// A result signed elsewhere: its names are `election`'s, put in after the log was built, so
/// the file holds what `hallcount sign` would refuse.
fn signed_with(title: &str, place: &str, candidate: &str) -> String {
    let at = "2026-11-25T12:00:00Z";
    let log = log_from_ballots(election_at("赤坑社區"), papers(), at).unwrap();
    let input = ResultInput::from_replay(log.state(), AppInfo::this_build(), at).unwrap();
    let mut payload = ResultPayload::new(input);
    payload.election.title = title.into();
    payload.election.place = place.into();
    payload.election.contests[0].candidates[0].name = candidate.into();
    ResultFile::sign(payload, &Signer::from_seed(&[11; 32])).to_json()
}

#[tokio::test]
async fn hostile_names_in_signed_files_are_text_and_cannot_reorder_the_town_page() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("hostile_names_town").await;
    let files = [
        (
            "markup.hallcount.json".to_owned(),
            signed_with(SCRIPT, IMG, IMG),
        ),
        (
            format!("{OVERRIDE}ab.json"),
            signed_with("選舉", OVERRIDE, OVERRIDE),
        ),
    ];
    browser.goto_hash("#/town").await;
    browser.wait_for(".town-files").await;
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes()))
        .collect();
    browser.drop_files(".town-files", &files).await;
    browser.wait_for(".file-verdicts .verdict.counted").await;
    browser.wait_for(".file-verdicts .verdict.failed").await;

    // The markup file counts, its names shown as the characters they are.
    let village = texts(&browser, ".town-meeting h4").await.concat();
    assert!(village.starts_with(IMG), "{village}");
    let counted = texts(&browser, ".verdict.counted .verdict-detail")
        .await
        .concat();
    assert!(
        counted.contains(IMG) && counted.contains(SCRIPT),
        "{counted}"
    );

    // The override's file is refused (a name with U+202E fails the check), and its name is
    // shown as an escape: the line still reads left to right, name, verdict, detail.
    let name = texts(&browser, ".verdict.failed .file-name").await.concat();
    assert_eq!(name, "第18\\u{202e}村ab.json");
    let detail = texts(&browser, ".verdict.failed .verdict-detail")
        .await
        .concat();
    assert!(detail.contains("U+202E"), "{detail}");
    let line = texts(&browser, ".verdict.failed").await.concat();
    assert!(!line.contains('\u{202e}'), "{line}");
    // Obeyed, the override would show "村ab" reversed ("ba村"): 村 right of b.
    let [village, b] = lefts(&browser, ".verdict.failed .file-name", &["村", "b"]).await[..]
    else {
        panic!("two positions");
    };
    assert!(
        village < b,
        "the file name is reordered: 村 at {village}, b at {b}"
    );
    assert_nothing_ran(&browser).await;
    browser.screenshot("hostile-names-town").await;
    browser.finish().await;
}
