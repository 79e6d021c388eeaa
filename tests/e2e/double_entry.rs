//! The two checks before signing (issue 11): two clerks enter the same papers, the differences
//! planted are exactly those found and resolved from the paper, and the signed file carries the
//! check and verifies; the blackboard with one wrong line, shown beside the count and corrected.

use std::path::{Path, PathBuf};
use std::process::Command;

use hallcount_core::export::{result_file_name, ResultFile, Settled};
use hallcount_core::{tally, BoardLine, ContestMarks, Election, Mark, Paper, Tally};
use serde_json::{json, Value};

use crate::cli::cli;
use crate::harness::Browser;
use crate::meeting::enter;
use crate::seed::{preload, stored_meeting};
use crate::signed::{election_at, make_key, use_key, PASSPHRASE};

/// The papers in the box, as the keys that type them (1-4: A-D, ○ each; the executive of
/// docs/rules.md, 3 seats). None is blank, so each is one Enter; no two read the same, and the
/// differences planted are three papers apart, so that one alignment explains them (two edits
/// closer together can be explained as well by two papers read differently).
const INTENDED: [&str; 12] = [
    "1", "2", "3", "4", "12", "13", "14", "23", "24", "34", "123", "234",
];

/// The executive example, with a paper for each of twelve delegates.
fn election(place: &str) -> Election {
    let mut election = election_at(place);
    election.delegates.entitled = 12;
    election.delegates.present = 12;
    election.ballots_issued = 12;
    election
}

fn paper(keys: &str) -> Paper {
    let mut marks = ContestMarks::default();
    for key in keys.chars() {
        let id = ["A", "B", "C", "D"][key.to_digit(10).expect("a digit") as usize - 1];
        marks.marks.insert(id.to_owned(), Mark::For);
    }
    let mut paper = Paper::default();
    paper.contests.insert("exec".to_owned(), marks);
    paper
}

fn papers(keys: &[&str]) -> Vec<Paper> {
    keys.iter().map(|k| paper(k)).collect()
}

/// Downloads the signed result, checks that the CLI verifies it, and returns it.
async fn signed_result(browser: &Browser, election: &Election) -> (PathBuf, ResultFile) {
    browser.goto_hash("#/results").await;
    make_key(browser, PASSPHRASE).await;
    use_key(browser, PASSPHRASE, ".download-signed").await;
    let downloaded = browser.wait_for_download(&result_file_name(election)).await;
    let output = Command::new(cli())
        .arg("verify")
        .arg(&downloaded)
        .output()
        .expect("run hallcount verify");
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(0), "{said}");
    assert!(said.starts_with("OK "), "{said}");
    let file = serde_json::from_slice(&std::fs::read(&downloaded).unwrap()).unwrap();
    (downloaded, file)
}

/// What the window shows with `selector` at its top, as `docs/screenshots/<name>.png` (the
/// README's picture) and in `target/screenshots/`.
async fn readme_picture(browser: &Browser, selector: &str, name: &str) {
    let script = format!("document.querySelector(\"{selector}\").scrollIntoView(); return null;");
    browser.execute(&script).await;
    let png = browser.screenshot(name).await;
    let docs = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join("screenshots");
    std::fs::copy(png, docs.join(format!("{name}.png"))).expect("copy the README's picture");
}

/// How the navigation is shown (`none` while a second entry is typed).
async fn nav_display(browser: &Browser) -> String {
    let shown = browser
        .execute("return getComputedStyle(document.querySelector('.app-header nav')).display;")
        .await;
    shown.as_str().unwrap_or_default().to_owned()
}

fn counts(tally: &Tally) -> Value {
    serde_json::to_value(&tally.contests[0].candidates).unwrap()
}

#[tokio::test]
async fn two_clerks_the_three_planted_differences_are_found_resolved_and_signed() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("two_clerks").await;
    let election = election("赤坑社區");
    // The first clerk read paper 2 wrongly.
    let mut first = INTENDED;
    first[1] = "124";
    preload(
        &browser,
        &stored_meeting("two-clerks", &election, &papers(&first)),
    )
    .await;
    browser.click(".lang-switch button[lang='zh-Hant']").await;

    // The second clerk, on the same laptop: the first entry and the board are hidden.
    browser.goto_hash("#/checks").await;
    browser.click(".start-second-entry").await;
    browser.wait_for(".page-second-entry").await;
    assert_eq!(nav_display(&browser).await, "none");
    // Every route leads back to the second entry until it is done.
    browser.goto_hash("#/board").await;
    browser.wait_for(".page-second-entry").await;
    let hash = browser.execute("return location.hash;").await;
    assert_eq!(hash, json!("#/checks"));
    assert!(browser
        .find_all(".board-column, .paper-row")
        .await
        .is_empty());
    browser.wait_for_focus(".key-surface").await;
    // Paper 6 missed, paper 10 typed twice.
    let second: Vec<&str> = [&INTENDED[..5], &INTENDED[6..10], &INTENDED[9..]].concat();
    assert_eq!(second.len(), 12);
    let keys: String = second.iter().map(|k| format!("{k}{}", enter())).collect();
    browser.type_keys(&keys).await;
    browser.wait_for(".second-counter[data-typed='12']").await;
    // A reload loses none of it: the second entry is kept until recorded.
    browser.reload().await;
    browser.wait_for(".second-counter[data-typed='12']").await;
    assert_eq!(nav_display(&browser).await, "none");
    browser.click(".second-finish").await;

    // Exactly the three planted, nothing more.
    browser.wait_for(".comparison[data-differences='3']").await;
    assert_ne!(nav_display(&browser).await, "none");
    let found = browser
        .execute("return [...document.querySelectorAll('.difference')].map((d) => d.dataset.kind);")
        .await;
    assert_eq!(found, json!(["differs", "only_first", "only_second"]));
    let differs = browser
        .text(".difference[data-kind='differs'] .difference-title")
        .await;
    assert!(differs.starts_with("第 2 張"), "{differs}");
    let missed = browser
        .text(".difference[data-kind='only_first'] .difference-title")
        .await;
    assert!(missed.starts_with("第 6 張"), "{missed}");
    readme_picture(&browser, ".double-entry", "checks-double-entry").await;

    // The results page warns while they are open.
    browser.goto_hash("#/results").await;
    browser.wait_for_text(".checks-warning", "3").await;

    // The officer rereads each paper.
    browser.goto_hash("#/checks").await;
    browser
        .click(".difference[data-kind='differs'] .resolve-second")
        .await;
    browser
        .click(".difference[data-kind='only_first'] .resolve-exists")
        .await;
    browser
        .click(".difference[data-kind='only_second'] .resolve-none")
        .await;
    browser.wait_for(".comparison[data-unresolved='0']").await;
    assert_eq!(browser.find_all(".difference.resolved").await.len(), 3);

    // The count is of the intended papers; the signed file carries the check and verifies.
    let (downloaded, file) = signed_result(&browser, &election).await;
    let intended = tally(&election, &papers(&INTENDED));
    assert_eq!(counts(&file.payload.tally), counts(&intended));
    assert_eq!(file.payload.tally.collected, 12);
    let double = file
        .payload
        .double_entry
        .as_ref()
        .expect("the check is carried");
    assert_eq!((double.first, double.second), (12, 12));
    assert_eq!(double.differences.len(), 3);
    assert!(double.all_resolved());
    browser
        .wait_for_text(".sheet-double-entry", "3 處不同")
        .await;
    browser
        .wait_for_absence(".checks-warning p:nth-of-type(2)")
        .await;

    // The town office shows the village as double-entered, not reconciled.
    browser.goto_hash("#/town").await;
    let input = browser.wait_for(".town-files input[type=file]").await;
    input
        .send_keys(downloaded.to_str().unwrap())
        .await
        .expect("choose the file");
    browser
        .wait_for(".town-meeting .check.double-entered[data-done='true']")
        .await;
    browser
        .wait_for(".town-meeting .check.reconciled[data-done='false']")
        .await;
    browser.finish().await;
}

#[tokio::test]
async fn one_wrong_board_line_is_shown_beside_the_count_and_corrected() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("blackboard").await;
    let election = election("大坑社區");
    let intended = papers(&INTENDED);
    preload(
        &browser,
        &stored_meeting("blackboard", &election, &intended),
    )
    .await;
    browser.click(".lang-switch button[lang='zh-Hant']").await;
    let counted = tally(&election, &intended);
    let contest = &counted.contests[0];

    // The scrutineers' board, one line wrong: A has one ○ too few.
    browser.goto_hash("#/checks").await;
    browser.wait_for(".board-form").await;
    let field = |line: &str| format!(".board-form input[data-contest='exec'][data-line='{line}']");
    let mut lines = vec![
        ("valid".to_owned(), contest.valid),
        ("invalid".to_owned(), contest.invalid),
        ("blank".to_owned(), contest.blank),
    ];
    for k in &contest.candidates {
        lines.push((format!("for:{}", k.id), k.votes_for));
        lines.push((format!("against:{}", k.id), k.against));
    }
    let a_for = contest.candidates[0].votes_for;
    for (line, votes) in &lines {
        let on_board = if line == "for:A" { votes - 1 } else { *votes };
        browser.fill(&field(line), &on_board.to_string()).await;
    }
    browser.click(".record-board").await;

    // Shown, side by side: that line and no other.
    browser
        .wait_for(".board-verdict.differs[data-differences='1']")
        .await;
    let wrong = browser
        .execute(
            "return [...document.querySelectorAll('.board-form tr.differs')]
                .map((r) => [r.dataset.line, r.querySelector('input').value,
                             r.querySelector('.count-value').textContent]);",
        )
        .await;
    assert_eq!(
        wrong,
        json!([["for:A", (a_for - 1).to_string(), a_for.to_string()]])
    );
    browser.goto_hash("#/results").await;
    browser.wait_for_text(".sheet-board li", "1 行").await;
    browser.wait_for(".checks-warning").await;

    // The scrutineers recount the board: the line is corrected, the rest kept as typed.
    browser.goto_hash("#/checks").await;
    browser.fill(&field("for:A"), &a_for.to_string()).await;
    browser.click(".record-board").await;
    browser.wait_for(".board-verdict.agrees").await;
    readme_picture(&browser, ".board-check", "checks-blackboard").await;

    let (_, file) = signed_result(&browser, &election).await;
    let hand = file
        .payload
        .hand_tally
        .as_ref()
        .expect("the board is carried");
    assert!(hand.agreed);
    assert_eq!(hand.differences.len(), 1);
    assert_eq!(
        hand.differences[0].found.line,
        BoardLine::For {
            candidate: "A".into()
        }
    );
    assert_eq!(hand.differences[0].settled, Some(Settled::BoardCorrected));
    let sheet = browser
        .execute(
            "return [...document.querySelectorAll('.sheet-board li')].map((li) => li.textContent);",
        )
        .await;
    let sheet: Vec<String> = serde_json::from_value(sheet).unwrap();
    assert_eq!(sheet[0], "核對：與黑板計票一致");
    assert!(sheet[1].contains("黑板已更正"), "{sheet:?}");
    browser.finish().await;
}

#[tokio::test]
async fn the_second_laptops_ballots_file_is_read_strictly_and_compared() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("second_laptop").await;
    let election = election("新圍村");
    let mut first = INTENDED;
    first[4] = "123";
    preload(
        &browser,
        &stored_meeting("second-laptop", &election, &papers(&first)),
    )
    .await;
    let dir = browser.downloads();
    let choose = |path: PathBuf| {
        let browser = &browser;
        async move {
            browser
                .find(".second-entry-start input[type=file]")
                .await
                .send_keys(path.to_str().unwrap())
                .await
                .expect("choose the file");
        }
    };
    browser.goto_hash("#/checks").await;
    browser.wait_for(".second-entry-start").await;

    // The definition instead of the papers: refused by the strict reader, nothing recorded.
    let wrong = dir.join("wrong.json");
    std::fs::write(&wrong, serde_json::to_string(&election).unwrap()).unwrap();
    choose(wrong).await;
    browser
        .wait_for_text(".second-entry-start .warning", "wrong.json")
        .await;
    assert!(browser.find_all(".comparison").await.is_empty());

    // The second laptop's file, as the app downloads it: one paper read differently.
    let second = dir.join("second.ballots.json");
    let json = hallcount_app::services::files::ballots_json(papers(&INTENDED));
    std::fs::write(&second, json).unwrap();
    choose(second).await;
    browser.wait_for(".comparison[data-differences='1']").await;
    browser.wait_for(".difference[data-kind='differs']").await;
    browser.finish().await;
}
