//! The two checks in the signed result: `double_entry` and `hand_tally` are carried, verify,
//! and are refused when they do not match the file; a file without them is unchanged.

mod export_common;

use export_common::*;
use hallcount_core::export::{
    aggregate, roll_up_csv, verify_result, ResultFile, Settled, VerifyError,
};
use hallcount_core::{BoardLine, Difference};

#[test]
fn a_checked_meeting_signs_and_verifies_with_both_checks() {
    let log = checked_log(village_election("赤坑社區"));
    let payload = payload_of(&log);
    let text = ResultFile::sign(payload, &signer(1)).to_json();
    let verified = verify_result(text.as_bytes()).expect("verifies");
    let payload = &verified.file.payload;
    // The tally is that of the intended papers.
    let intended = hallcount_core::tally(&village_election("赤坑社區"), &village_papers());
    assert_eq!(payload.tally, intended);

    let double = payload.double_entry.as_ref().expect("double entry carried");
    assert_eq!((double.first, double.second), (9, 9));
    assert_eq!(
        double.differences,
        [
            Difference::Differs {
                first: 3,
                second: 3,
                contests: vec!["exec".into()]
            },
            Difference::OnlyFirst { first: 6 },
            Difference::OnlySecond { second: 8 },
        ]
    );
    assert_eq!(double.resolutions.len(), 3);
    assert!(double.all_resolved());

    let hand = payload.hand_tally.as_ref().expect("hand tally carried");
    assert!(hand.agreed);
    assert!(hand.remaining.is_empty());
    assert_eq!(hand.differences.len(), 1);
    assert_eq!(
        hand.differences[0].found.line,
        BoardLine::For {
            candidate: "A".into()
        }
    );
    assert_eq!(hand.differences[0].settled, Some(Settled::BoardCorrected));
}

#[test]
fn a_file_without_the_checks_has_no_such_fields_and_still_verifies() {
    let text = signed_village("赤坑社區", 1);
    assert!(!text.contains("double_entry") && !text.contains("hand_tally"));
    let verified = verify_result(text.as_bytes()).expect("verifies");
    assert!(verified.file.payload.double_entry.is_none());
    assert!(verified.file.payload.hand_tally.is_none());
}

#[test]
fn a_signed_record_that_does_not_match_the_file_is_refused() {
    let log = checked_log(village_election("赤坑社區"));
    // A board said to agree while a line differs.
    let mut payload = payload_of(&log);
    let hand = payload.hand_tally.as_mut().expect("hand tally");
    hand.board.contests[0].valid += 1;
    let text = ResultFile::sign(payload, &signer(1)).to_json();
    assert!(matches!(
        verify_result(text.as_bytes()),
        Err(VerifyError::InvalidContent(_))
    ));
    // A resolution of a difference that was never found.
    let mut payload = payload_of(&log);
    let double = payload.double_entry.as_mut().expect("double entry");
    double.resolutions[0].difference = Difference::OnlySecond { second: 1 };
    let text = ResultFile::sign(payload, &signer(1)).to_json();
    assert!(matches!(
        verify_result(text.as_bytes()),
        Err(VerifyError::InvalidContent(_))
    ));
}

#[test]
fn the_roll_up_and_its_csv_say_per_village_whether_both_checks_were_done() {
    let checked = ResultFile::sign(
        payload_of(&checked_log(village_election("赤坑社區"))),
        &signer(1),
    )
    .to_json();
    let unchecked = signed_village("龍眼村", 2);
    let inputs = vec![
        (
            "checked.json".to_string(),
            verify_result(checked.as_bytes()),
        ),
        (
            "unchecked.json".to_string(),
            verify_result(unchecked.as_bytes()),
        ),
    ];
    let roll_up = aggregate(inputs, None);
    let by_place = |place: &str| {
        roll_up
            .meetings
            .iter()
            .find(|m| m.place == place)
            .expect("counted")
    };
    assert!(by_place("赤坑社區").double_entered() && by_place("赤坑社區").reconciled());
    assert!(!by_place("龍眼村").double_entered() && !by_place("龍眼村").reconciled());
    let csv = roll_up_csv(&roll_up);
    let rows: Vec<&str> = csv.lines().filter(|l| l.starts_with("village,")).collect();
    assert!(!rows.is_empty());
    for row in rows {
        let expected = if row.contains("赤坑社區") {
            ",yes,yes"
        } else {
            ",no,no"
        };
        assert!(row.ends_with(expected), "{row}");
    }
}

#[test]
fn rereads_that_correct_the_first_clerk_leave_a_file_that_verifies() {
    use hallcount_core::{log_from_ballots, Event, Mark};
    // The first clerk misread papers 1, 3 and 5 (A against for A for); the second read them
    // right, and each reread takes the second's reading: one entry voids and enters.
    let election = village_election("赤坑社區");
    let intended = village_papers();
    let mut first = intended.clone();
    for i in [0, 2, 3] {
        let exec = first[i].contests.get_mut("exec").expect("exec");
        exec.marks.insert("A".into(), Mark::Against);
    }
    let mut log = log_from_ballots(election.clone(), first, CREATED).expect("fits");
    log.append(
        Event::SecondEntryRecorded {
            papers: intended.clone(),
        },
        CREATED,
    )
    .expect("second entry");
    let double = log.state().double_entry.clone().expect("recorded");
    assert_eq!(double.comparison.differences.len(), 3);
    for difference in double.comparison.differences.clone() {
        let reading = double.second_paper(&difference).cloned();
        log.append(
            Event::DifferenceResolved {
                difference,
                reading,
            },
            CREATED,
        )
        .expect("resolved");
    }
    let text = ResultFile::sign(payload_of(&log), &signer(1)).to_json();
    let verified = verify_result(text.as_bytes()).expect("verifies");
    assert_eq!(
        verified.file.payload.tally,
        hallcount_core::tally(&election, &intended)
    );
    assert_eq!(verified.file.payload.log.events, 1 + 9 + 1 + 3);
}
