//! A meeting through the screens: the executive example of docs/rules.md typed at the keyboard, a reload in
//! the middle, a paper voided and entered again, the live board, the results compared with the
//! `hallcount` CLI on the exported files, the printed sheet; and the entry benchmark with 10,000
//! papers already entered.
//!
//! The definition (and, for the benchmark, the papers) are put in browser storage exactly as the
//! app stores them (`seed`), so these tests need no Setup screen.

use std::process::Command;

use fantoccini::key::Key;
use fantoccini::wd::PrintConfiguration;
use hallcount_app::services::files;
use hallcount_core::{Election, Paper};
use serde_json::{json, Value};

use crate::cli::cli;
use crate::harness::{screenshot_dir, Browser, Engine};
use crate::seed::{preload, stored_meeting};

/// docs/rules.md "Worked examples", executive: 3 seats, A B C D, entitled 10, present 9, issued 9.
pub(crate) const EXECUTIVE: &str = r#"{
  "format": "hallcount/election@1",
  "title": "執行委員選舉", "body": "赤坑社區婦聯", "place": "赤坑社區", "date": "2017-08-25",
  "delegates": { "entitled": 10, "present": 9 },
  "ballots_issued": 9,
  "quorum": { "at_least": "2/3" },
  "contests": [
    { "id": "exec", "office": "執行委員", "seats": 3,
      "candidates": [ { "id": "A", "name": "李美華" }, { "id": "B", "name": "陳少芬" },
                      { "id": "C", "name": "黃玉蓮" }, { "id": "D", "name": "張麗娟" } ],
      "write_ins": { "allowed": true, "need_mark": true },
      "threshold": { "of": "ballots_cast", "more_than": "1/2" },
      "ties": "runoff",
      "shortfall": { "rule": "leave_vacant" } }
  ]
}"#;

pub(crate) fn enter() -> String {
    char::from(Key::Enter).to_string()
}

/// A screenshot of the top of the page (the focus may have scrolled it).
pub(crate) async fn screenshot_from_top(browser: &Browser, name: &str) {
    browser.execute("window.scrollTo(0, 0); return null;").await;
    browser.screenshot(name).await;
}

/// Waits until the entry counter says `n` live papers.
pub(crate) async fn wait_for_entered(browser: &Browser, n: usize) {
    browser
        .wait_for(&format!(".counter[data-entered='{n}']"))
        .await;
}

/// The results page as numbers, read from the screen's data attributes.
async fn results_on_screen(browser: &Browser) -> Value {
    let script = r#"
        const number = (element) => Number(element.textContent.trim());
        return [...document.querySelectorAll(".results-table .contest-result")].map((contest) => ({
            id: contest.dataset.contest,
            stats: Object.fromEntries([...contest.querySelectorAll("[data-stat]")]
                .map((stat) => [stat.dataset.stat, number(stat.querySelector("dd"))])),
            candidates: [...contest.querySelectorAll("tr[data-candidate]")].map((row) => ({
                id: row.dataset.candidate,
                for: number(row.querySelector("[data-col=for]")),
                against: number(row.querySelector("[data-col=against]")),
                abstain: number(row.querySelector("[data-col=abstain]")),
            })),
            write_ins: [...contest.querySelectorAll("tr[data-write-in]")]
                .map((row) => ({ name: row.dataset.writeIn, votes: number(row.querySelector(".num")) })),
            elected: [...contest.querySelectorAll("li[data-elected]")].map((item) => item.dataset.elected),
            open: Number(contest.querySelector("[data-open]")?.dataset.open ?? 0),
        }));
    "#;
    browser.execute(script).await
}

/// The CLI's tally in the same shape as [`results_on_screen`].
fn cli_results(tally: &Value) -> Value {
    let contests = tally["contests"].as_array().expect("contests");
    Value::Array(
        contests
            .iter()
            .map(|c| {
                json!({
                    "id": c["id"],
                    "stats": { "cast": c["cast"], "valid": c["valid"], "invalid": c["invalid"], "blank": c["blank"] },
                    "candidates": c["candidates"].as_array().unwrap().iter().map(|k| json!({
                        "id": k["id"], "for": k["for"], "against": k["against"], "abstain": k["abstain"],
                    })).collect::<Vec<_>>(),
                    "write_ins": c["write_ins"].as_array().unwrap().iter().map(|w| json!({
                        "name": w["name"], "votes": w["votes"],
                    })).collect::<Vec<_>>(),
                    "elected": c["elected"],
                    "open": c["open"]["seats"],
                })
            })
            .collect(),
    )
}

#[tokio::test]
async fn the_executive_example_typed_voided_counted_and_printed() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("meeting").await;
    let election: Election = serde_json::from_str(EXECUTIVE).unwrap();
    preload(&browser, &stored_meeting("exec-example", &election, &[])).await;
    browser.goto_hash("#/entry").await;
    browser.wait_for_focus(".key-surface").await;

    // Papers 1-5 (keys 1-4 are A-D): A○B○C○ · A○B○D○ · A○C○D○ · all four (over-marked) · blank.
    for keys in ["123", "124", "134", "1234", ""] {
        // A blank paper takes Enter twice: the first asks "blank paper?".
        let enters = if keys.is_empty() { 2 } else { 1 };
        browser
            .type_keys(&format!("{keys}{}", enter().repeat(enters)))
            .await;
    }
    wait_for_entered(&browser, 5).await;
    browser.wait_for_text(".announce", "5").await;

    // A reload in the middle loses nothing.
    browser.reload().await;
    wait_for_entered(&browser, 5).await;
    browser.wait_for_focus(".key-surface").await;

    // Paper 6: A○ B○. Paper 7: B○ C○ and "E" written without a ○.
    browser.type_keys(&format!("12{}23", enter())).await;
    browser.wait_for(".hint-counts").await;
    browser.click(".write-in-mark input").await;
    browser.type_into(".write-in-input input", "E").await;
    browser.press(Key::Enter).await;
    browser.wait_for_text(".write-in-name", "E").await;
    browser.wait_for_focus(".key-surface").await;
    // Paper 8: A○, B unreadable (three presses: ○ × ?), C○. Then a wrong paper 9: A○ B○ D○.
    browser
        .type_keys(&format!("{}12223{}124{}", enter(), enter(), enter()))
        .await;
    wait_for_entered(&browser, 9).await;
    screenshot_from_top(&browser, "entry").await;
    // The name written on paper 7 is offered when the next name is typed, spelled the same.
    browser
        .wait_for("datalist#contest-0-names option[value='E']")
        .await;

    // Paper 9 was read wrongly: undo it (a void with its reason), then enter it again.
    browser.click(".undo-last").await;
    browser.type_into(".void-form input", "read wrongly").await;
    browser.press(Key::Enter).await;
    browser.wait_for(".paper-row.voided[data-paper='9']").await;
    wait_for_entered(&browser, 8).await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys(&format!("123{}", enter())).await;
    wait_for_entered(&browser, 9).await;
    browser.wait_for_text(".announce", "10").await;
    let rows = browser.find_all(".paper-row").await.len();
    assert_eq!(rows, 10, "the voided paper stays in the list");

    // The live board counts A 6, B 5, C 5, D 2.
    browser.goto_hash("#/board").await;
    browser.wait_for(".board-column").await;
    let counts = browser
        .execute("return [...document.querySelectorAll('.board-line .board-count')].map((e) => e.textContent);")
        .await;
    // E, written without a ○, is listed for the scrutineers with no vote.
    assert_eq!(counts, json!(["6", "5", "5", "2", "0"]));
    let marks = browser
        .execute("return document.querySelector('.board-line .tally-marks').textContent;")
        .await;
    assert_eq!(marks, "正一");
    screenshot_from_top(&browser, "board").await;

    // The results on screen are the CLI's on the exported files.
    browser.goto_hash("#/results").await;
    browser.wait_for(".results-table .contest-result").await;
    browser.click(".export .download-ballots").await;
    browser.click(".export .download-election").await;
    let on_screen = results_on_screen(&browser).await;
    let ballots = browser
        .wait_for_download(&files::file_name(&election, "ballots"))
        .await;
    let definition = browser
        .wait_for_download(&files::file_name(&election, "election"))
        .await;
    let output = Command::new(cli())
        .arg("tally")
        .arg(&definition)
        .arg(&ballots)
        .output()
        .expect("run hallcount tally");
    assert!(
        output.status.success(),
        "hallcount tally failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let tally: Value = serde_json::from_slice(&output.stdout).expect("tally JSON");
    assert_eq!(tally["status"], "valid");
    assert_eq!(on_screen, cli_results(&tally));
    assert_eq!(on_screen[0]["elected"], json!(["A", "B", "C"]));
    assert_eq!(
        on_screen[0]["stats"],
        json!({ "cast": 9, "valid": 8, "invalid": 1, "blank": 1 })
    );
    screenshot_from_top(&browser, "results").await;

    if browser.engine() == Engine::Firefox {
        // Firefox's WebDriver cannot emulate print media (that is a Chrome DevTools command),
        // so the checks of the print view below are Chromium's; here the sheet is printed
        // through WebDriver's own print command.
        let pdf = browser
            .client()
            .print(PrintConfiguration::default())
            .await
            .expect("print the page");
        assert!(pdf.starts_with(b"%PDF"), "printing gave no PDF");
        browser.finish().await;
        return;
    }
    // The print view: only the sheet, with the meeting's figures and the signature lines.
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
        .await;
    let header_shown = browser
        .execute("return getComputedStyle(document.querySelector('.app-header')).display;")
        .await;
    assert_eq!(header_shown, "none");
    let figures = browser
        .execute("return [...document.querySelectorAll('.sheet-figures dd')].map((e) => Number(e.textContent));")
        .await;
    assert_eq!(figures, json!([10, 9, 9, 9]));
    assert_eq!(
        browser
            .find_all(".sheet-signatures .signature-line")
            .await
            .len(),
        5
    );
    screenshot_from_top(&browser, "result-sheet-print").await;
    let pdf = browser
        .cdp("Page.printToPDF", json!({ "preferCSSPageSize": true }))
        .await;
    let pdf = data_encoding::BASE64
        .decode(pdf["data"].as_str().expect("PDF data").as_bytes())
        .expect("the PDF in base64");
    assert!(pdf.starts_with(b"%PDF"), "printing gave no PDF");
    std::fs::write(screenshot_dir().join("result-sheet.pdf"), pdf).expect("save the PDF");
    browser
        .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
        .await;
    browser.finish().await;
}

/// The projector can be a second window: it reads the same storage and follows each paper.
#[tokio::test]
async fn a_board_in_a_second_window_follows_the_entry() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("board_window").await;
    let election: Election = serde_json::from_str(EXECUTIVE).unwrap();
    preload(&browser, &stored_meeting("board-window", &election, &[])).await;
    browser.goto_hash("#/entry").await;
    browser.wait_for_focus(".key-surface").await;
    let client = browser.client();
    let entry_window = client.window().await.expect("the entry window");
    let board_window = client
        .new_window(false)
        .await
        .expect("a second window")
        .handle;
    client
        .switch_to_window(board_window.clone())
        .await
        .expect("switch to the board");
    browser.goto_hash("#/board").await;
    browser.wait_for(".board-counted[data-counted='0']").await;

    client
        .switch_to_window(entry_window)
        .await
        .expect("switch to the entry");
    browser
        .execute("document.getElementById('key-surface').focus(); return null;")
        .await;
    browser.type_keys(&format!("124{}", enter())).await;
    wait_for_entered(&browser, 1).await;

    client
        .switch_to_window(board_window)
        .await
        .expect("switch to the board");
    browser.wait_for(".board-counted[data-counted='1']").await;
    let counts = browser
        .execute("return [...document.querySelectorAll('.board-line .board-count')].map((e) => e.textContent);")
        .await;
    assert_eq!(counts, json!(["1", "1", "0", "1"]));
    browser.finish().await;
}

/// The sample congress (1 + 2 + 11 seats) typed in Traditional Chinese: keys run across the
/// three contests, an over-marked contest is flagged while the rest of the paper counts, a paper
/// is rejected with its reason, a name is written in by keyboard; the screen agrees with the core.
#[tokio::test]
async fn the_sample_congress_typed_in_traditional_chinese() {
    if crate::harness::skip_without_page() {
        return;
    }
    use fantoccini::key::Key as Key_;
    use hallcount_app::i18n::{tr, tr_args, Lang, Msg};
    use hallcount_app::sample::sample_congress;

    let browser = Browser::open("congress_zh").await;
    let election = sample_congress();
    preload(&browser, &stored_meeting("congress", &election, &[])).await;
    browser.click(".lang-switch button[lang='zh-Hant']").await;
    browser.goto_hash("#/entry").await;
    browser.wait_for_focus(".key-surface").await;
    let lang = Lang::ZhHant;

    // Paper 1: chair ○ (key 1); all three vice-chairs ○ (2 3 4: over-marked, 2 seats); exec 5 and 6.
    browser.type_keys("123456").await;
    let over = tr_args(lang, Msg::HintOverMarked, &[("n", "3"), ("seats", "2")]);
    browser
        .wait_for_text(".contest-marks .hint-invalid", &over)
        .await;
    let counts = tr_args(lang, Msg::HintCounts, &[("n", "2"), ("seats", "11")]);
    browser
        .wait_for_text(".contest-marks:nth-of-type(3) .hint-counts", &counts)
        .await;
    browser.type_keys(&enter()).await;
    wait_for_entered(&browser, 1).await;

    // Paper 2: rejected for an identifying mark.
    browser.type_keys("/").await;
    browser.wait_for_focus(".reject-reason input").await;
    browser
        .type_into(".reject-reason input", "有識別記號")
        .await;
    browser.press(Key_::Enter).await;
    wait_for_entered(&browser, 2).await;
    let rejected = tr_args(lang, Msg::PaperRejectedSummary, &[("reason", "有識別記號")]);
    browser
        .wait_for_text(".paper-row[data-paper='2'] .paper-summary", &rejected)
        .await;

    // Paper 3: exec 5 ○, then `+` and 王芳 written with a ○ beside her name.
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys("5+").await;
    browser
        .wait_for_focus(".contest-marks:nth-of-type(3) .write-in-input input")
        .await;
    browser
        .type_into(
            ".contest-marks:nth-of-type(3) .write-in-input input",
            "王芳",
        )
        .await;
    browser.press(Key_::Enter).await;
    browser.wait_for_focus(".key-surface").await;
    browser.type_keys(&enter()).await;
    wait_for_entered(&browser, 3).await;
    screenshot_from_top(&browser, "entry-congress-zh-Hant").await;

    // The same three papers counted by the core natively.
    let id = |contest: usize, candidate: usize| {
        election.contests[contest].candidates[candidate].id.clone()
    };
    let papers: Vec<Paper> = serde_json::from_value(json!([
        { "contests": {
            "chair": { "marks": { id(0, 0): "for" } },
            "vice": { "marks": { id(1, 0): "for", id(1, 1): "for", id(1, 2): "for" } },
            "exec": { "marks": { id(2, 0): "for", id(2, 1): "for" } } } },
        { "rejected": "有識別記號" },
        { "contests": { "exec": { "marks": { id(2, 0): "for" }, "write_ins": [ { "name": "王芳", "marked": true } ] } } }
    ]))
    .unwrap();
    let expected = serde_json::to_value(hallcount_core::tally(&election, &papers)).unwrap();

    browser.goto_hash("#/results").await;
    browser.wait_for(".results-table .contest-result").await;
    assert_eq!(results_on_screen(&browser).await, cli_results(&expected));
    browser
        .wait_for_text("main h2", tr(lang, Msg::NavResults))
        .await;
    screenshot_from_top(&browser, "results-congress-zh-Hant").await;
    browser.finish().await;
}
