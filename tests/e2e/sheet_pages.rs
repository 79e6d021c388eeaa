//! The printed result sheet holds together (issue 14, point 7): every page carries the meeting's
//! title, "page n of N", the key's fingerprint and the start of the result hash, and the
//! signatures never stand alone on a page. A 3-contest, 25-candidate meeting runs over pages,
//! in both engines (the app cuts the pages itself: Firefox prints no `@page` margin boxes).

use hallcount_app::i18n::{tr, tr_args, Lang, Msg};
use hallcount_core::{ContestMarks, Election, Mark, Paper};
use serde_json::json;

use crate::fit::meeting_of;
use crate::harness::{Browser, Engine};
use crate::pdf::{page_texts, pages_and_size, print_to_pdf};
use crate::seed::{preload, stored_meeting};

/// Text without spaces, as pdftotext may space out CJK characters, and ligatures (Firefox's
/// "ﬃ" in "officer") as their letters.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        match c {
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            c => out.push(c),
        }
    }
    out
}

/// A ○ for the first `seats` candidates of every contest, on each of `n` papers.
fn papers(election: &Election, n: usize) -> Vec<Paper> {
    let mut paper = Paper::default();
    for contest in &election.contests {
        let mut marks = ContestMarks::default();
        for candidate in contest.candidates.iter().take(contest.seats as usize) {
            marks.marks.insert(candidate.id.clone(), Mark::For);
        }
        paper.contests.insert(contest.id.clone(), marks);
    }
    vec![paper; n]
}

#[tokio::test]
async fn every_printed_page_of_a_long_sheet_carries_title_page_and_seal() {
    if crate::harness::skip_without_page() {
        return;
    }
    let mut election = meeting_of(&[1, 4, 20]);
    let browser = Browser::open("sheet_pages").await;
    // pdftotext reads no CJK text back from Firefox's PDFs (its fonts carry no Unicode map):
    // there the sheet is in English, under a Latin title.
    let lang = match browser.engine() {
        Engine::Chromium => Lang::ZhHant,
        Engine::Firefox => {
            election.title = "Chik Hang Village Meeting 2026".into();
            Lang::En
        }
    };
    preload(
        &browser,
        &stored_meeting("sheet-pages", &election, &papers(&election, 25)),
    )
    .await;
    browser
        .click(&format!(".lang-switch button[lang='{}']", lang.tag()))
        .await;
    browser.goto_hash("#/results").await;
    // The officer makes the signing key; the seal shows once it exists.
    crate::signed::make_key(&browser, crate::signed::PASSPHRASE).await;
    let seal = browser.wait_for(".sheet-seal").await;
    let seal = seal.text().await.expect("the seal's text");
    let seal_lines: Vec<String> = seal.lines().map(squeeze).collect();
    let fingerprint = seal_lines[0]
        .trim_start_matches(&squeeze(tr(lang, Msg::SealKey)))
        .to_owned();
    let hash16 = seal_lines[1]
        .trim_start_matches(&squeeze(tr(lang, Msg::SealHash)))
        .to_owned();
    assert_eq!(hash16.len(), 16, "{seal}");
    assert!(fingerprint.len() >= 16, "{seal}");
    // The sheet is measured, then drawn in the pages it was cut into.
    browser.wait_for_absence(".result-sheet.measuring").await;
    let cut = browser.find_all(".result-sheet .sheet-page").await.len();

    // Chromium prints in screen media unless told (Firefox's print command uses print media).
    let chromium = browser.engine() == Engine::Chromium;
    if chromium {
        browser
            .cdp("Emulation.setEmulatedMedia", json!({ "media": "print" }))
            .await;
    }
    let name = if chromium {
        "result-sheet-25"
    } else {
        "result-sheet-25-firefox"
    };
    let pdf = print_to_pdf(&browser, name).await;
    if chromium {
        browser
            .cdp("Emulation.setEmulatedMedia", json!({ "media": "" }))
            .await;
    }
    let (n_pages, size) = pages_and_size(&pdf);
    assert_eq!(size, (210, 297), "A4");
    assert_eq!(n_pages, cut, "each page the app cut is one sheet of paper");
    assert!(n_pages >= 2, "25 names on one page? {n_pages}");
    let pages = page_texts(&pdf);
    assert_eq!(pages.len(), n_pages);
    for (i, page) in pages.iter().enumerate() {
        let page = squeeze(page);
        let page_of = tr_args(
            lang,
            Msg::SheetPageOf,
            &[("n", &(i + 1).to_string()), ("total", &n_pages.to_string())],
        );
        for needle in [
            squeeze(&election.title),
            squeeze(&page_of),
            fingerprint.clone(),
            hash16.clone(),
        ] {
            assert!(
                page.contains(&needle),
                "page {} lacks {needle:?}:\n{page}",
                i + 1
            );
        }
    }
    // The signatures share their page with the last contest's table.
    let last = squeeze(pages.last().expect("a page"));
    let last_contest = election.contests.last().expect("a contest");
    assert!(
        last.contains(&squeeze(tr(lang, Msg::SignOfficer))),
        "{last}"
    );
    assert!(
        last.contains(&squeeze(tr(lang, Msg::ColCandidate))),
        "the signatures stand alone on the last page:\n{last}"
    );
    if chromium {
        // Firefox's CJK names do not read back (above).
        assert!(
            last.contains(&squeeze(&last_contest.candidates[0].name)),
            "the last contest is not on the signed page:\n{last}"
        );
    }
    browser.finish().await;
}
