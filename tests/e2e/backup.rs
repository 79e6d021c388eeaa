//! "Back up this meeting" and "Restore" (issue 14, point 4): Firefox keeps each `file://` page's
//! storage apart, so a meeting goes to another browser, laptop or copy of the file as one
//! `hallcount/meeting@1` file. Here it leaves one browser and goes on in another (a fresh
//! profile: nothing shared), and a restore never overwrites what the other already keeps.

use std::path::{Path, PathBuf};

use hallcount_app::i18n::{tr, Msg};
use hallcount_app::sample::sample_congress;
use hallcount_app::services::files;
use hallcount_core::Paper;
use serde_json::Value;

use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};
use crate::storage::{enter_blank_papers, stored_value, wait_for_entered};

/// Chooses `path` in the restore's file picker.
async fn restore_from(browser: &Browser, path: &Path) {
    browser
        .find(".meeting-backup input[type=file]")
        .await
        .send_keys(path.to_str().expect("a UTF-8 path"))
        .await
        .expect("choose the backup");
}

/// The head stored for election `id` (its length and last hash), as text.
async fn stored_head(browser: &Browser, id: &str) -> String {
    let head = stored_value(browser, &format!("hallcount.e.{id}.head")).await;
    head.as_str().expect("a stored head").to_owned()
}

/// The backup with one paper's marks changed, beside the original.
fn tampered(original: &Path) -> PathBuf {
    let mut file: Value = serde_json::from_slice(&std::fs::read(original).unwrap()).unwrap();
    let text = file["elections"][0]["entries"][2]
        .as_str()
        .expect("an entry's text");
    let mut entry: Value = serde_json::from_str(text).unwrap();
    entry["event"]["paper"]["rejected"] = "mark".into();
    file["elections"][0]["entries"][2] = entry.to_string().into();
    let path = original.with_extension("tampered.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    path
}

#[tokio::test]
async fn a_meeting_backed_up_in_one_browser_goes_on_in_another() {
    if crate::harness::skip_without_page() {
        return;
    }
    let election = sample_congress();
    let papers = vec![Paper::default(); 3];
    let from = Browser::open("backup_from").await;
    preload(&from, &stored_meeting("carried", &election, &papers)).await;
    from.goto_hash("#/setup").await;
    from.wait_for(".meeting-ready").await;
    from.wait_for(".kept-where").await;
    from.click(".backup-meeting").await;
    let downloaded = from
        .wait_for_download(&files::file_name(&election, "meeting"))
        .await;
    // Kept outside the profile, which goes with its browser (as the file goes on a stick).
    let backup =
        std::env::temp_dir().join(format!("hallcount-meeting-{}.json", std::process::id()));
    std::fs::copy(&downloaded, &backup).expect("keep the backup");
    let head = stored_head(&from, "carried").await;
    from.finish().await;

    // Another browser (a fresh profile shares nothing, as another laptop or copy of the file).
    let to = Browser::open("backup_to").await;
    to.goto_hash("#/setup").await;
    to.wait_for(".meeting-ready").await;
    let lang = to.page_lang().await;
    restore_from(&to, &backup).await;
    to.wait_for_text(".restore-done", &election.title).await;
    to.wait_for_text(".election-list li.current", &election.title)
        .await;
    assert_eq!(
        stored_head(&to, "carried").await,
        head,
        "the same log, to the last hash"
    );
    to.goto_hash("#/entry").await;
    wait_for_entered(&to, 3).await;
    // It goes on: the next paper is the fourth.
    enter_blank_papers(&to, 3, 1).await;
    let moved_on = stored_head(&to, "carried").await;

    // The same backup again would take the fourth paper away: refused, nothing changed.
    to.goto_hash("#/setup").await;
    to.wait_for(".meeting-ready").await;
    restore_from(&to, &backup).await;
    let conflict = tr(lang, Msg::RestoreConflict);
    let conflict = conflict.split("{elections}").next().unwrap();
    to.wait_for_text(".restore-refused", conflict).await;
    assert_eq!(stored_head(&to, "carried").await, moved_on);

    // A backup altered on the way is refused through the core's reader, in the page's language.
    let tampered = tampered(&backup);
    restore_from(&to, &tampered).await;
    to.wait_for_text(".restore-refused", tr(lang, Msg::BreakAltered))
        .await;
    assert_eq!(stored_head(&to, "carried").await, moved_on);
    to.screenshot("restore-refused").await;
    to.finish().await;
    let _ = std::fs::remove_file(&tampered);
    let _ = std::fs::remove_file(&backup);
}
