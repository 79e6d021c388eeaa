//! Signed results end to end: a meeting's signed result downloaded from the results page, the
//! file verified by the `hallcount` CLI and matched with the printed sheet; then three villages'
//! files (one from the browser, two signed by the CLI) and a tampered copy loaded together in the
//! Town office page, verdicts and totals checked.

use std::path::{Path, PathBuf};
use std::process::Command;

use hallcount_core::export::{result_file_name, ResultFile};
use hallcount_core::{parse_ballots, Election, Paper};
use serde_json::json;

use crate::cli::cli;
use crate::harness::Browser;
use crate::seed::{preload, stored_meeting};

/// docs/rules.md "Worked examples", executive: 3 seats, A B C D; A, B and C reach 5 of 9.
const EXECUTIVE: &str = r#"{
  "format": "hallcount/election@1",
  "title": "執行委員選舉", "body": "婦聯", "place": "PLACE", "date": "2017-08-25",
  "delegates": { "entitled": 10, "present": 9 }, "ballots_issued": 9,
  "quorum": { "at_least": "2/3" },
  "contests": [
    { "id": "exec", "office": "執行委員", "seats": 3,
      "candidates": [ { "id": "A", "name": "李美華" }, { "id": "B", "name": "陳少芬" },
                      { "id": "C", "name": "黃玉蓮" }, { "id": "D", "name": "張麗娟" } ],
      "write_ins": { "allowed": true, "need_mark": true },
      "threshold": { "of": "ballots_cast", "more_than": "1/2" },
      "shortfall": { "rule": "leave_vacant" } }
  ]
}"#;

const PAPERS: &str = r#"{ "format": "hallcount/ballots@1", "ballots": [
  { "contests": { "exec": { "marks": { "A": "for", "B": "for", "C": "for" } } } },
  { "contests": { "exec": { "marks": { "A": "for", "B": "for", "D": "for" } } } },
  { "contests": { "exec": { "marks": { "A": "for", "C": "for", "D": "for" } } } },
  { "contests": { "exec": { "marks": { "A": "for", "B": "for", "C": "for", "D": "for" } } } },
  { "contests": {} },
  { "contests": { "exec": { "marks": { "A": "for", "B": "for" } } } },
  { "contests": { "exec": { "marks": { "B": "for", "C": "for" }, "write_ins": [ { "name": "E" } ] } } },
  { "contests": { "exec": { "marks": { "A": "for", "B": "unreadable", "C": "for" } } } },
  { "contests": { "exec": { "marks": { "A": "for", "B": "for", "C": "for" } } } }
] }"#;

pub(crate) fn election_at(place: &str) -> Election {
    serde_json::from_str(&EXECUTIVE.replace("PLACE", place)).expect("the example parses")
}

pub(crate) fn papers() -> Vec<Paper> {
    parse_ballots(PAPERS).expect("the papers parse").ballots
}

/// The passphrase the tests seal the app's key with.
pub const PASSPHRASE: &str = "seven green hills 7";

/// Makes the app's key on the results page (open already), sealed under `passphrase`; returns
/// the fingerprint shown.
pub async fn make_key(browser: &Browser, passphrase: &str) -> String {
    browser.fill(".key-new .passphrase", passphrase).await;
    browser.fill(".key-new .passphrase-again", passphrase).await;
    browser.click(".make-key").await;
    browser.wait_for(".signed-export .key-use").await;
    browser
        .wait_for(".signed-export .key-status .fingerprint")
        .await
        .text()
        .await
        .expect("read the fingerprint")
}

/// Types the key's passphrase and presses `button` (`.download-signed`, `.backup-key`).
pub async fn use_key(browser: &Browser, passphrase: &str, button: &str) {
    browser.fill(".key-use .passphrase", passphrase).await;
    browser.click(button).await;
}

fn run_cli(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(cli())
        .current_dir(dir)
        .args(args)
        .output()
        .expect("run hallcount")
}

/// A village signed by the CLI with a key of its own; returns the file's path.
pub fn signed_by_cli(dir: &Path, place: &str) -> PathBuf {
    let election = dir.join(format!("{place}.election.json"));
    std::fs::write(&election, EXECUTIVE.replace("PLACE", place)).unwrap();
    std::fs::write(dir.join("ballots.json"), PAPERS).unwrap();
    let key = format!("{place}.key.json");
    std::fs::write(dir.join("pass.txt"), "口令\n").unwrap();
    let pass = ["--passphrase-file", "pass.txt"];
    assert!(run_cli(dir, &["keygen", "-o", &key, pass[0], pass[1]])
        .status
        .success());
    let output = format!("{place}.hallcount.json");
    let signed = run_cli(
        dir,
        &[
            "sign",
            election.to_str().unwrap(),
            "ballots.json",
            "--key",
            &key,
            "-o",
            &output,
            pass[0],
            pass[1],
        ],
    );
    assert!(
        signed.status.success(),
        "{}",
        String::from_utf8_lossy(&signed.stderr)
    );
    dir.join(output)
}

#[tokio::test]
async fn a_signed_result_is_verified_by_the_cli_and_three_villages_are_summed_in_the_town_page() {
    if crate::harness::skip_without_page() {
        return;
    }
    let browser = Browser::open("signed").await;
    let election = election_at("赤坑社區");
    preload(
        &browser,
        &stored_meeting("signed-example", &election, &papers()),
    )
    .await;

    // The officer makes the key under a passphrase; its fingerprint is shown in groups.
    browser.goto_hash("#/results").await;
    make_key(&browser, PASSPHRASE).await;
    let groups = browser
        .find_all(".signed-export .key-status .fp-group")
        .await
        .len();
    assert_eq!(groups, 8);
    use_key(&browser, PASSPHRASE, ".download-signed").await;
    let file_name = result_file_name(&election);
    assert_eq!(file_name, "2017-08-25_赤坑社區_執行委員選舉.hallcount.json");
    let downloaded = browser.wait_for_download(&file_name).await;
    browser
        .execute("document.querySelector('.signed-export').scrollIntoView();")
        .await;
    browser.screenshot("signed-export").await;

    // The CLI verifies the browser's file.
    let output = Command::new(cli())
        .arg("verify")
        .arg(&downloaded)
        .output()
        .expect("run hallcount verify");
    let line = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(output.status.code(), Some(0), "{line}");
    assert!(line.starts_with("OK "), "{line}");

    // The sheet carries the file's fingerprint and the first 16 characters of its payload hash.
    let file: ResultFile = serde_json::from_slice(&std::fs::read(&downloaded).unwrap()).unwrap();
    let seal = browser
        .execute("return [...document.querySelectorAll('.sheet-seal .fingerprint')].map((e) => e.textContent);")
        .await;
    let hash: String = file.signature.payload_sha256.chars().take(16).collect();
    assert_eq!(
        seal,
        json!([file.signature.fingerprint.replace(' ', ""), hash])
    );
    browser
        .execute("document.querySelector('.sheet-seal').scrollIntoView({ block: 'center' });")
        .await;
    browser.screenshot("result-sheet-seal").await;

    // The town office: the browser's file, two villages signed by the CLI, a copy of the first
    // (counted once) and a tampered one (bad signature), all chosen at once.
    let dir = browser.downloads();
    let second = signed_by_cli(&dir, "大坑社區");
    let third = signed_by_cli(&dir, "新圍村");
    let copy = dir.join("copy.hallcount.json");
    std::fs::copy(&downloaded, &copy).unwrap();
    let tampered = dir.join("tampered.hallcount.json");
    let text = std::fs::read_to_string(&second).unwrap();
    std::fs::write(&tampered, text.replacen("\"for\": 6", "\"for\": 7", 1)).unwrap();

    browser.goto_hash("#/town").await;
    let input = browser.wait_for(".town-files input[type=file]").await;
    let paths: Vec<String> = [&downloaded, &second, &third, &copy, &tampered]
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    input
        .send_keys(&paths.join("\n"))
        .await
        .expect("choose the files");
    browser
        .wait_for(".file-verdicts .verdict[data-file='tampered.hallcount.json']")
        .await;
    browser
        .wait_for(".town-totals tr[data-office='執行委員']")
        .await;

    let verdicts = browser
        .execute("return [...document.querySelectorAll('.file-verdicts .verdict')].map((e) => [e.dataset.file, e.classList[1]]);")
        .await;
    let verdicts: Vec<(String, String)> = serde_json::from_value(verdicts).unwrap();
    let by_file = |name: &str| {
        verdicts
            .iter()
            .find(|(file, _)| file == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(verdicts.len(), 5);
    assert_eq!(by_file(&file_name).as_deref(), Some("counted"));
    assert_eq!(
        by_file("大坑社區.hallcount.json").as_deref(),
        Some("counted")
    );
    assert_eq!(by_file("新圍村.hallcount.json").as_deref(), Some("counted"));
    assert_eq!(by_file("copy.hallcount.json").as_deref(), Some("duplicate"));
    assert_eq!(
        by_file("tampered.hallcount.json").as_deref(),
        Some("failed")
    );

    let totals = browser
        .execute(
            "const row = document.querySelector(\".town-totals tr[data-office='執行委員']\");
             return ['seats', 'elected', 'open'].map((c) => Number(row.querySelector('.' + c).textContent));",
        )
        .await;
    assert_eq!(totals, json!([9, 9, 0]));
    assert_eq!(browser.find_all(".town-meeting").await.len(), 3);
    browser
        .execute("document.querySelector('.town-report').scrollIntoView();")
        .await;
    browser.screenshot("town-office").await;

    browser.click(".download-csv").await;
    let csv =
        std::fs::read_to_string(browser.wait_for_download("hallcount-roll-up.csv").await).unwrap();
    assert!(
        csv.contains("\r\ntotal,,,,執行委員,9,9,0,,,,,,\r\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\r\nfailed,,,,,,,,,,tampered.hallcount.json,bad signature: "),
        "{csv}"
    );
    browser.finish().await;
}
