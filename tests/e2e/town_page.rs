//! The town office page at 1366 px (issue 14, point 9): several files dropped at once are all
//! loaded, villages are listed in natural order (第2村, 第4村, 第10村), and no number or name
//! breaks over lines.

use serde_json::{json, Value};

use crate::harness::Browser;
use crate::signed::signed_by_cli;

#[tokio::test]
async fn dropped_files_all_load_villages_sort_naturally_and_nothing_breaks() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("town_page").await;
    let dir = browser.downloads();
    let villages = ["第10村", "第2村", "第4村", "第11村", "第1村"];
    let files: Vec<(String, String)> = villages
        .iter()
        .map(|village| {
            let path = signed_by_cli(&dir, village);
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect();

    // All five dropped at once, as from a file manager.
    browser.goto_hash("#/town").await;
    browser.wait_for(".town-files").await;
    let files: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(name, text)| (name.as_str(), text.as_bytes()))
        .collect();
    browser.drop_files(".town-files", &files).await;
    browser
        .wait_for(".town-meetings .town-meeting:nth-of-type(5)")
        .await;
    assert_eq!(
        browser
            .find_all(".file-verdicts .verdict.counted")
            .await
            .len(),
        5
    );

    let order: Value = browser
        .execute(
            "return [...document.querySelectorAll('.town-meeting')].map((e) => e.dataset.village);",
        )
        .await;
    assert_eq!(
        order,
        json!(["第1村", "第2村", "第4村", "第10村", "第11村"])
    );

    // At 1366 px every number and every row name stays on one line.
    let broken: Value = browser
        .execute(
            r#"
            const broken = [];
            for (const cell of document.querySelectorAll(".town-report .num, .town-report tbody th, .town-report thead th")) {
                const range = document.createRange();
                range.selectNodeContents(cell);
                const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (tops.size > 1) broken.push(`${cell.textContent} on ${tops.size} lines`);
            }
            return broken;
            "#,
        )
        .await;
    assert_eq!(broken, json!([]), "at {} px", 1366);
    browser
        .execute("document.querySelector('.town-report').scrollIntoView(); return null;")
        .await;
    browser.screenshot("town-1366").await;
    browser.finish().await;
}
