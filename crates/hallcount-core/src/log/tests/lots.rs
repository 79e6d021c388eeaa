//! R7 in the log: a lot is recorded only when it fills the tied seats the count leaves, and never
//! after the results are locked.

use super::*;
use crate::ballot::Mark;

/// Three papers for 3 seats: A has 3 votes, B, C and D 2 each: one seat to A, two to a lot
/// among B, C and D.
pub(super) fn tied_for_two_seats() -> Log {
    let mut election = election(&["A", "B", "C", "D"]);
    election.contests[0].ties = crate::election::TiePolicy::Lot;
    let mut log = Log::default();
    log.append(Event::ElectionDefined { election }, AT).unwrap();
    use Mark::For;
    for marks in [
        [("A", For), ("B", For), ("C", For)],
        [("A", For), ("B", For), ("D", For)],
        [("A", For), ("C", For), ("D", For)],
    ] {
        let paper = paper(&marks);
        log.append(Event::PaperEntered { paper }, AT).unwrap();
    }
    log
}

pub(super) fn lot(contest: &str, winners: &[&str]) -> Event {
    Event::LotDrawn {
        contest: contest.into(),
        winners: winners.iter().map(|w| (*w).to_owned()).collect(),
    }
}

#[test]
fn a_lot_is_recorded_only_when_it_fills_the_tied_seats() {
    use crate::lot::LotProblem::*;
    let invalid = |problem| LogError::InvalidLot {
        contest: "exec".into(),
        problem,
    };
    let cases: Vec<(Event, LogError)> = vec![
        (
            lot("chair", &["B"]),
            LogError::UnknownContest {
                contest: "chair".into(),
            },
        ),
        (
            lot("exec", &[]),
            invalid(WrongNumber {
                seats: 2,
                winners: 0,
            }),
        ),
        (
            lot("exec", &["B"]),
            invalid(WrongNumber {
                seats: 2,
                winners: 1,
            }),
        ),
        (
            lot("exec", &["B", "C", "D"]),
            invalid(WrongNumber {
                seats: 2,
                winners: 3,
            }),
        ),
        (
            lot("exec", &["A", "B"]),
            invalid(NotTied { winner: "A".into() }),
        ),
        (
            lot("exec", &["B", "Q"]),
            invalid(NotTied { winner: "Q".into() }),
        ),
        (
            lot("exec", &["B", "write_in:王芳"]),
            invalid(NotTied {
                winner: "write_in:王芳".into(),
            }),
        ),
        (
            lot("exec", &["C", "C"]),
            invalid(RepeatedWinner { winner: "C".into() }),
        ),
    ];
    let mut log = tied_for_two_seats();
    for (event, refused) in cases {
        assert_eq!(
            log.append(event.clone(), AT).unwrap_err(),
            refused,
            "{event:?}"
        );
    }
    assert!(log.state().lots.is_empty(), "nothing refused was recorded");
    log.append(lot("exec", &["D", "B"]), AT).unwrap();
    assert_eq!(
        log.state().lots,
        [LotOutcome {
            contest: "exec".into(),
            winners: vec!["D".into(), "B".into()]
        }]
    );
}

#[test]
fn a_lot_where_the_count_leaves_no_seat_to_a_lot_is_refused() {
    let mut log = with_papers(1);
    assert_eq!(
        log.append(lot("exec", &["A"]), AT).unwrap_err(),
        LogError::InvalidLot {
            contest: "exec".into(),
            problem: crate::lot::LotProblem::NotRequired,
        }
    );
}

#[test]
fn attack_a_lot_electing_one_person_twice_is_refused() {
    let mut log = tied_for_two_seats();
    assert!(matches!(
        log.append(lot("exec", &["B", "B"]), AT),
        Err(LogError::InvalidLot { .. })
    ));
}

#[test]
fn a_lot_after_the_results_are_locked_is_refused() {
    let mut log = tied_for_two_seats();
    log.append(Event::ResultsLocked, AT).unwrap();
    assert_eq!(
        log.append(lot("exec", &["B", "C"]), AT).unwrap_err(),
        LogError::ResultsLocked
    );
}
