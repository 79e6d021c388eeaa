//! The benchmarks with 10,000 papers: committing one more paper and drawing the board, and
//! loading the meeting. Not timed tests: they report how long each takes.

use hallcount_app::sample::sample_congress;
use hallcount_core::{ContestMarks, Election, Mark, Paper};
use serde_json::json;

use crate::harness::{screenshot_dir, Browser};
use crate::meeting::{enter, screenshot_from_top, wait_for_entered, EXECUTIVE};
use crate::seed::{preload, stored_meeting};

/// Not a timed test: it reports how long committing one paper takes with 10,000 entered.
#[tokio::test]
async fn benchmark_commit_with_ten_thousand_papers() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("entry_bench").await;
    // A hall large enough for 10,000 papers, so none of them is over the ballots issued.
    let mut election: Election = serde_json::from_str(EXECUTIVE).unwrap();
    election.delegates.entitled = 20_000;
    election.delegates.present = 20_000;
    election.ballots_issued = 20_000;
    let patterns = ["123", "124", "134", "1234", "", "12", "23", "13"];
    let papers: Vec<Paper> = (0..10_000)
        .map(|i| paper_of(&election, patterns[i % patterns.len()]))
        .collect();
    preload(&browser, &stored_meeting("bench", &election, &papers)).await;
    browser.goto_hash("#/entry").await;
    wait_for_entered(&browser, 10_000).await;
    browser.wait_for_focus(".key-surface").await;

    // From the Enter key (caught before the app sees it): to the form cleared for the next paper,
    // to the counter showing the paper stored (storage first, then the screen), and to the next frame.
    let probe = r#"
        window.__commits = [];
        // When the browser reports each storage transaction complete, to tell storage from drawing.
        let written = null;
        const transaction = IDBDatabase.prototype.transaction;
        IDBDatabase.prototype.transaction = function (...args) {
            const tx = transaction.apply(this, args);
            tx.addEventListener("complete", () => { written = performance.now(); });
            return tx;
        };
        let started = null, cleared = null;
        document.addEventListener("keydown", (event) => {
            if (event.key === "Enter") { started = performance.now(); cleared = null; }
        }, true);
        new MutationObserver(() => {
            if (started !== null && cleared === null) cleared = performance.now() - started;
        }).observe(document.querySelector(".key-surface"), { subtree: true, childList: true, characterData: true, attributes: true });
        new MutationObserver(() => {
            if (started === null) return;
            const t0 = started; started = null;
            const now = performance.now(), stored = now - t0, form = cleared;
            const drawn = written !== null && written >= t0 ? now - written : null;
            requestAnimationFrame(() => window.__commits.push({ form, stored, drawn, frame: performance.now() - t0 }));
        }).observe(document.querySelector(".counters"), { subtree: true, childList: true, characterData: true, attributes: true });
        return null;
    "#;
    browser.execute(probe).await;
    let rounds = 20;
    for round in 1..=rounds {
        browser.type_keys(&format!("12{}", enter())).await;
        wait_for_entered(&browser, 10_000 + round).await;
    }
    // The last commit's frame may still be coming: wait for it (bounded by the script timeout).
    let all_in = r#"
        const [n, done] = arguments;
        const check = () => window.__commits.length >= n ? done(window.__commits) : requestAnimationFrame(check);
        check();
    "#;
    let timings = browser
        .client()
        .execute_async(all_in, vec![json!(rounds)])
        .await
        .expect("every commit timed");
    let timings = timings.as_array().expect("timings");
    assert_eq!(timings.len(), rounds, "every commit updated the counter");
    let sorted = |name: &str| {
        let mut values: Vec<f64> = timings
            .iter()
            .map(|t| t[name].as_f64().expect("a time"))
            .collect();
        values.sort_by(f64::total_cmp);
        (values[values.len() / 2], values[values.len() - 1])
    };
    let (form, stored, frame) = (sorted("form"), sorted("stored"), sorted("frame"));
    let drawn: Vec<f64> = timings.iter().filter_map(|t| t["drawn"].as_f64()).collect();
    let drawn_max = drawn.iter().copied().fold(f64::NAN, f64::max);
    let report = format!(
        "commit one paper with 10,000 entered ({rounds} commits), median / max: Enter to form cleared for the next paper {:.1} / {:.1} ms; to the paper stored and shown in the counter {:.1} / {:.1} ms (of which storage transaction complete to counter shown: max {:.1} ms over {} commits); to the next frame {:.1} / {:.1} ms",
        form.0, form.1, stored.0, stored.1, drawn_max, drawn.len(), frame.0, frame.1
    );
    println!("{report}");
    std::fs::create_dir_all(screenshot_dir()).unwrap();
    std::fs::write(
        screenshot_dir().join("entry-benchmark.txt"),
        format!("{report}\n"),
    )
    .unwrap();
    browser.screenshot("entry-10000").await;

    // So many votes are drawn as bars on the board, not as thousands of marks.
    browser.goto_hash("#/board").await;
    browser
        .wait_for(&format!(
            ".board-counted[data-counted='{}']",
            10_000 + rounds
        ))
        .await;
    assert_eq!(browser.find_all(".board-line .board-bar").await.len(), 4);
    assert!(browser
        .find_all(".board-line .tally-marks")
        .await
        .is_empty());
    screenshot_from_top(&browser, "board-10000").await;
    browser.finish().await;
}

/// A paper with a ○ for the candidates of `keys` (1 = first candidate of the first contest...).
pub(crate) fn paper_of(election: &Election, keys: &str) -> Paper {
    let contest = &election.contests[0];
    let mut marks = hallcount_core::ContestMarks::default();
    for key in keys.chars() {
        let index = key.to_digit(10).expect("a digit") as usize - 1;
        marks.marks.insert(
            contest.candidates[index].id.clone(),
            hallcount_core::Mark::For,
        );
    }
    let mut paper = Paper::default();
    if !marks.marks.is_empty() {
        paper.contests.insert(contest.id.clone(), marks);
    }
    paper
}

/// A paper of the sample congress: the chair, both vice-chairs, and `n_exec` of the executive.
fn congress_paper(election: &Election, n_exec: usize, offset: usize) -> Paper {
    let mut paper = Paper::default();
    for contest in &election.contests {
        let take = if contest.id == "exec" {
            n_exec
        } else {
            contest.seats as usize
        };
        let marks = (0..take)
            .map(|i| {
                (
                    contest.candidates[(i + offset) % contest.candidates.len()]
                        .id
                        .clone(),
                    Mark::For,
                )
            })
            .collect();
        paper.contests.insert(
            contest.id.clone(),
            ContestMarks {
                marks,
                write_ins: vec![],
            },
        );
    }
    paper
}

/// Not a timed test: it reports how long the app takes from navigation to ready with 10,000
/// papers stored, and how much of it is reading and checking the log.
#[tokio::test]
async fn benchmark_load_with_ten_thousand_papers() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("load_bench").await;
    let election = sample_congress();
    let papers: Vec<Paper> = (0..10_000)
        .map(|i| congress_paper(&election, 9 + i % 4, i))
        .collect();
    preload(&browser, &stored_meeting("bench", &election, &papers)).await;
    let mut figures = Vec::new();
    for _ in 0..3 {
        browser.reload().await;
        browser
            .wait_for(".meeting-ready[data-papers='10000']")
            .await;
        let marks = browser
            .execute(
                r#"const at = (name) => performance.getEntriesByName(name)[0]?.startTime ?? null;
                   return { start: at("hallcount:load-start"), read: at("hallcount:load-read"), restored: at("hallcount:load-restored"), end: at("hallcount:load-end"), ready: at("hallcount:ready") };"#,
            )
            .await;
        figures.push(marks);
    }
    println!(
        "load with 10,000 papers stored (ms since navigation): {}",
        json!(figures)
    );
    browser.finish().await;
}
