//! The hall's screens (issue 14, points 1 and 2): the whole paper on the laptop at 1366×625 (the
//! commonest laptop, inside the browser) and at 1024×768; the board on a projector at 1280×720
//! and 1024×768. Every cell's rectangle is measured against the viewport, with the page not
//! scrolled. The pictures of the README are taken here.

use hallcount_app::sample::{sample_congress, village_contest};
use hallcount_core::{ContestMarks, Election, Mark, Paper};
use serde_json::{json, Value};

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};

/// A meeting of `sizes` candidates per contest (seats: a third, at least one).
pub fn meeting_of(sizes: &[usize]) -> Election {
    let mut election = sample_congress();
    election.contests = sizes
        .iter()
        .enumerate()
        .map(|(i, &n)| {
            let names: Vec<String> = (0..n)
                .map(|k| format!("候選人{}{}", i + 1, k + 1))
                .collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            let seats = (n as u32 / 3).max(1);
            village_contest(&format!("c{i}"), &format!("職位{}", i + 1), seats, &names)
        })
        .collect();
    election
}

/// Papers with a ○ for the first `k` candidates of each contest, k = 0, 1, 2, ... in turn, so
/// the board shows marks of different lengths.
fn some_papers(election: &Election, n: usize) -> Vec<Paper> {
    (0..n)
        .map(|i| {
            let mut paper = Paper::default();
            for contest in &election.contests {
                let mut marks = ContestMarks::default();
                let k = (i % contest.candidates.len()) + 1;
                for candidate in contest
                    .candidates
                    .iter()
                    .take(k.min(contest.seats as usize))
                {
                    marks.marks.insert(candidate.id.clone(), Mark::For);
                }
                paper.contests.insert(contest.id.clone(), marks);
            }
            paper
        })
        .collect()
}

/// Make the page `width` × `height` CSS pixels, as a window of that inner size would be.
async fn set_viewport(browser: &Browser, width: u32, height: u32) {
    browser
        .cdp(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
        )
        .await;
    // Event-driven: resolves once the page has seen its new size.
    let script = r#"
        const [width, height, done] = arguments;
        const ready = () => innerWidth === width && innerHeight === height;
        if (ready()) return requestAnimationFrame(() => done(true));
        addEventListener("resize", function check() {
            if (ready()) { removeEventListener("resize", check); requestAnimationFrame(() => done(true)); }
        });
    "#;
    browser
        .client()
        .execute_async(script, vec![json!(width), json!(height)])
        .await
        .expect("the page takes its new size");
}

/// Every element of `selectors` not wholly inside the viewport, with the page at its top; and
/// the page's scroll position before (which must be 0: nothing to scroll to see the paper).
async fn outside_the_viewport(browser: &Browser, selectors: &[&str]) -> Vec<String> {
    let script = r#"
        const [selectors] = arguments;
        const scrolled = scrollY;
        const outside = [];
        for (const selector of selectors) {
            const elements = [...document.querySelectorAll(selector)];
            if (elements.length === 0) outside.push(`${selector}: nothing matches`);
            for (const element of elements) {
                const r = element.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.left < 0 || r.top < 0
                    || r.right > innerWidth + 0.5 || r.bottom > innerHeight + 0.5) {
                    outside.push(`${selector} "${element.textContent.trim().slice(0, 20)}": ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)} in ${innerWidth}x${innerHeight}`);
                }
            }
        }
        if (scrolled !== 0) outside.push(`the page was scrolled by ${scrolled}px`);
        return outside;
    "#;
    let value = browser
        .client()
        .execute(script, vec![json!(selectors)])
        .await
        .expect("measure");
    serde_json::from_value(value).expect("a list")
}

/// The README's pictures: `docs/screenshots/<name>.png`, refreshed on every run.
pub async fn save_picture(browser: &Browser, name: &str) {
    let png = browser
        .client()
        .screenshot()
        .await
        .expect("take a screenshot");
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
    std::fs::create_dir_all(&docs).expect("create docs/screenshots");
    std::fs::write(docs.join(format!("{name}.png")), png).expect("write the picture");
}

const ENTRY_PARTS: [&str; 6] = [
    ".paper-form h3",
    ".counters .counter",
    ".contest-marks .candidate",
    ".write-in-input input",
    ".contest-marks legend",
    ".paper-actions button.primary",
];

async fn entry_fits(label: &str, election: &Election, width: u32, height: u32) {
    let browser = Browser::open(label).await;
    preload(&browser, &stored_meeting(label, election, &[])).await;
    set_viewport(&browser, width, height).await;
    browser.goto_hash("#/entry").await;
    browser.wait_for(".page-entry .key-surface").await;
    let outside = outside_the_viewport(&browser, &ENTRY_PARTS).await;
    save_picture(&browser, &format!("entry-{width}x{height}")).await;
    assert!(
        outside.is_empty(),
        "{label} at {width}x{height}: out of view:\n  {}",
        outside.join("\n  ")
    );
    let n_cells = browser.find_all(".contest-marks .candidate").await.len();
    let n_names: usize = election.contests.iter().map(|c| c.candidates.len()).sum();
    assert_eq!(n_cells, n_names);
    browser.finish().await;
}

#[tokio::test]
async fn the_sample_paper_fits_a_1366_laptop() {
    if crate::harness::skip_without_page() {
        return;
    }
    entry_fits("entry_1366", &sample_congress(), 1366, 625).await;
}

#[tokio::test]
async fn a_paper_of_15_names_fits_1024x768() {
    if crate::harness::skip_without_page() {
        return;
    }
    entry_fits("entry_1024", &meeting_of(&[1, 3, 11]), 1024, 768).await;
}

/// Each name of the board in view and whole (its text no wider than its box), and its height.
async fn board_names(browser: &Browser) -> (Vec<String>, f64) {
    let script = r#"
        const problems = [];
        let smallest = Infinity;
        for (const name of document.querySelectorAll(".board-name")) {
            const r = name.getBoundingClientRect();
            const line = name.closest(".board-line").getBoundingClientRect();
            smallest = Math.min(smallest, parseFloat(getComputedStyle(name).fontSize), r.height);
            const cut = name.scrollWidth > Math.ceil(r.width) + 1 || r.right > line.right + 0.5;
            if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight || cut) {
                problems.push(`${name.textContent}: ${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)}${cut ? " (cut)" : ""}`);
            }
        }
        if (scrollY !== 0) problems.push(`scrolled by ${scrollY}`);
        return [problems, smallest];
    "#;
    let value: Value = browser.execute(script).await;
    let problems = serde_json::from_value(value[0].clone()).expect("a list");
    (problems, value[1].as_f64().unwrap_or(0.0))
}

async fn board_fits(label: &str, election: &Election, width: u32, height: u32) -> f64 {
    let browser = Browser::open(label).await;
    let papers = some_papers(election, 23);
    preload(&browser, &stored_meeting(label, election, &papers)).await;
    set_viewport(&browser, width, height).await;
    browser.goto_hash("#/board").await;
    browser.wait_for(".board-counted[data-counted='23']").await;
    let (problems, smallest) = board_names(&browser).await;
    let n: usize = election.contests.iter().map(|c| c.candidates.len()).sum();
    save_picture(&browser, &format!("board-{n}-{width}x{height}")).await;
    assert!(
        problems.is_empty(),
        "{label} at {width}x{height}: names out of view or cut:\n  {}",
        problems.join("\n  ")
    );
    let n_lines = browser.find_all(".board-name").await.len();
    let n_names: usize = election.contests.iter().map(|c| c.candidates.len()).sum();
    assert_eq!(n_lines, n_names);
    browser.finish().await;
    smallest
}

#[tokio::test]
async fn the_sample_board_reads_from_the_back_at_720p() {
    if crate::harness::skip_without_page() {
        return;
    }
    let smallest = board_fits("board_sample_720", &sample_congress(), 1280, 720).await;
    assert!(smallest >= 24.0, "names are {smallest}px tall");
}

#[tokio::test]
async fn the_sample_board_fits_1024x768() {
    if crate::harness::skip_without_page() {
        return;
    }
    board_fits("board_sample_1024", &sample_congress(), 1024, 768).await;
}

#[tokio::test]
async fn thirty_names_fit_both_projectors() {
    if crate::harness::skip_without_page() {
        return;
    }
    let election = meeting_of(&[1, 4, 25]);
    board_fits("board_30_720", &election, 1280, 720).await;
    board_fits("board_30_1024", &election, 1024, 768).await;
}
