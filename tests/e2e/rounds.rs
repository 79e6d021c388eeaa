//! After the count: seats left open go to another round in one action (R8), and a tie for the
//! last seat is drawn in the hall and recorded (R7).

use hallcount_core::{Election, Paper};
use serde_json::json;

use crate::benchmark::paper_of;
use crate::harness::Browser;
use crate::meeting::EXECUTIVE;
use crate::seed::{preload, stored_meeting};

/// Seats left open go to another round in one action: the next round's election, with the
/// proposed candidates, is created and opened for entry, and the first round stays kept.
#[tokio::test]
async fn open_seats_go_to_another_round_in_one_action() {
    if crate::harness::skip_without_page() {
        return;
    }
    // The executive example counted against the delegates entitled (10: 6 votes needed): only A
    // is elected and the two open seats go to another round.
    let mut election: Election = serde_json::from_str(EXECUTIVE).unwrap();
    election.contests[0].threshold =
        serde_json::from_value(json!({ "of": "entitled", "more_than": "1/2" })).unwrap();
    election.contests[0].shortfall = serde_json::from_value(json!({
        "rule": "another_round", "extra": 1, "floor": { "of": "ballots_cast", "at_least": "1/3" }
    }))
    .unwrap();
    let papers: Vec<Paper> = ["123", "124", "134", "1234", "", "12", "23", "13", "123"]
        .iter()
        .map(|keys| paper_of(&election, keys))
        .collect();
    let first = hallcount_core::tally(&election, &papers);
    let next =
        hallcount_core::propose_next_round(&election, &first).expect("a next round is proposed");

    let browser = Browser::open("next_round").await;
    preload(&browser, &stored_meeting("round-1", &election, &papers)).await;
    browser.goto_hash("#/results").await;
    browser.wait_for("li[data-elected='A']").await;
    browser.wait_for(".open-seats[data-open='2']").await;
    browser.click(".next-round-action").await;

    // The entry screen opens on round 2, with the proposed candidates and no paper yet.
    browser
        .wait_for(".page-entry .counter[data-entered='0']")
        .await;
    let names = browser
        .execute(
            "return [...document.querySelectorAll('.candidate .name')].map((e) => e.textContent);",
        )
        .await;
    let proposed: Vec<&str> = next.contests[0]
        .candidates
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, json!(proposed));
    assert_eq!(next.round, 2);
    browser.goto_hash("#/results").await;
    let round = browser
        .execute("return document.querySelector('.sheet-meeting').textContent;")
        .await;
    let round_label = hallcount_app::i18n::tr_args(
        browser.page_lang().await,
        hallcount_app::i18n::Msg::RoundNumber,
        &[("n", "2")],
    );
    assert!(
        round.as_str().unwrap().contains(&round_label),
        "the sheet names the round: {round}"
    );
    browser.finish().await;
}

/// R7 `lot`: a tie for the last seat is drawn in the hall; the officer records who won and the
/// result, on screen and on the sheet, says so. The app offers only the tied names.
#[tokio::test]
async fn a_lot_drawn_in_the_hall_is_recorded() {
    if crate::harness::skip_without_page() {
        return;
    }
    let mut election: Election = serde_json::from_str(EXECUTIVE).unwrap();
    election.contests[0].seats = 1;
    election.contests[0].ties = serde_json::from_value(json!("lot")).unwrap();
    election.contests[0].threshold = serde_json::from_value(json!({ "of": "none" })).unwrap();
    let papers: Vec<Paper> = ["1", "2", "1", "2"]
        .iter()
        .map(|keys| paper_of(&election, keys))
        .collect();

    let browser = Browser::open("lot").await;
    preload(&browser, &stored_meeting("lot", &election, &papers)).await;
    browser.goto_hash("#/results").await;
    browser.wait_for(".lot-form").await;
    let offered = browser.execute("return [...document.querySelectorAll('.lot-form input')].map((e) => e.dataset.candidate);").await;
    assert_eq!(
        offered,
        json!(["A", "B"]),
        "only the tied candidates are offered"
    );
    browser.click(".lot-form input[data-candidate='B']").await;
    browser.click(".lot-form button[type=submit]").await;
    browser
        .wait_for(".results-table .lot-recorded[data-lot='B']")
        .await;
    browser.wait_for_absence(".lot-form").await;
    browser
        .wait_for(".result-sheet .lot-recorded[data-lot='B']")
        .await;
    browser.finish().await;
}
