use super::*;
use crate::ballot::Mark;
use crate::compare::Difference;
use crate::count::tally;
use crate::reconcile::{BoardLine, BoardTally};

fn a() -> Paper {
    paper(&[("A", Mark::For)])
}
fn b() -> Paper {
    paper(&[("B", Mark::For)])
}
fn c() -> Paper {
    paper(&[("C", Mark::For)])
}
fn d() -> Paper {
    paper(&[("D", Mark::For)])
}

fn entered(papers: &[Paper]) -> Log {
    let mut log = defined();
    for p in papers {
        log.append(Event::PaperEntered { paper: p.clone() }, AT)
            .unwrap();
    }
    log
}

fn live(log: &Log) -> Vec<Paper> {
    log.state().live_papers().cloned().collect()
}

fn sorted(mut papers: Vec<Paper>) -> Vec<String> {
    let mut texts: Vec<String> = papers
        .drain(..)
        .map(|p| serde_json::to_string(&p).unwrap())
        .collect();
    texts.sort();
    texts
}

fn resolve(log: &mut Log, difference: Difference, reading: Option<Paper>) {
    log.append(
        Event::DifferenceResolved {
            difference,
            reading,
        },
        AT,
    )
    .unwrap();
}

#[test]
fn three_differences_resolved_leave_the_intended_papers_counted_and_both_entries_kept() {
    // The box: a b c a d b c d. The first clerk read paper 2 as c; the second read it right,
    // missed paper 4 and typed an a that is not in the box after paper 6.
    let intended = [a(), b(), c(), a(), d(), b(), c(), d()];
    let mut log = entered(&[a(), c(), c(), a(), d(), b(), c(), d()]);
    let second = vec![a(), b(), c(), d(), b(), a(), c(), d()];
    log.append(
        Event::SecondEntryRecorded {
            papers: second.clone(),
        },
        AT,
    )
    .unwrap();
    let double = log.state().double_entry.clone().expect("recorded");
    assert_eq!(
        double.comparison.differences,
        [
            Difference::Differs {
                first: 2,
                second: 2,
                contests: vec!["exec".into()]
            },
            Difference::OnlyFirst { first: 4 },
            Difference::OnlySecond { second: 6 },
        ]
    );
    assert_eq!(double.unresolved().count(), 3);
    // The officer rereads: paper 2 is b; paper 4 (a) is in the box; the second d is not.
    resolve(
        &mut log,
        double.comparison.differences[0].clone(),
        Some(b()),
    );
    resolve(
        &mut log,
        double.comparison.differences[1].clone(),
        Some(a()),
    );
    resolve(&mut log, double.comparison.differences[2].clone(), None);
    let state = log.state();
    assert_eq!(state.double_entry.as_ref().unwrap().unresolved().count(), 0);
    assert_eq!(sorted(live(&log)), sorted(intended.to_vec()));
    assert_eq!(state.n_live_papers, intended.len());
    // The first entry's paper 2 stays, voided by the reread; the second entry stays whole.
    assert_eq!(state.papers[1].voided.as_deref(), Some(REREAD_VOID_REASON));
    assert_eq!(state.papers.len(), 9);
    assert_eq!(state.double_entry.as_ref().unwrap().second, second);
    let election = state.election.clone().unwrap();
    assert_eq!(tally(&election, &live(&log)), tally(&election, &intended));
}

#[test]
fn a_reading_that_confirms_the_first_entry_changes_no_paper() {
    let mut log = entered(&[a(), b()]);
    log.append(
        Event::SecondEntryRecorded {
            papers: vec![a(), c()],
        },
        AT,
    )
    .unwrap();
    let difference = log
        .state()
        .double_entry
        .as_ref()
        .unwrap()
        .comparison
        .differences[0]
        .clone();
    resolve(&mut log, difference, Some(b()));
    assert_eq!(live(&log), [a(), b()]);
    assert!(log.state().papers.iter().all(|p| p.is_live()));
}

#[test]
fn double_entry_events_are_refused_out_of_place() {
    let mut log = entered(&[a(), b()]);
    let difference = Difference::OnlyFirst { first: 2 };
    let resolution = Event::DifferenceResolved {
        difference: difference.clone(),
        reading: None,
    };
    assert_eq!(
        log.append(resolution.clone(), AT).unwrap_err(),
        LogError::NoSecondEntry
    );
    let bad_second = Event::SecondEntryRecorded {
        papers: vec![paper(&[("Z", Mark::For)])],
    };
    assert!(matches!(
        log.append(bad_second, AT).unwrap_err(),
        LogError::InvalidSecondPaper { number: 1, .. }
    ));
    let second = Event::SecondEntryRecorded { papers: vec![a()] };
    log.append(second.clone(), AT).unwrap();
    assert_eq!(
        log.append(second, AT).unwrap_err(),
        LogError::SecondEntryAlreadyRecorded
    );
    let unknown = Event::DifferenceResolved {
        difference: Difference::OnlyFirst { first: 1 },
        reading: None,
    };
    assert_eq!(
        log.append(unknown, AT).unwrap_err(),
        LogError::UnknownDifference
    );
    let bad_reading = Event::DifferenceResolved {
        difference: difference.clone(),
        reading: Some(paper(&[("Z", Mark::For)])),
    };
    assert!(matches!(
        log.append(bad_reading, AT).unwrap_err(),
        LogError::InvalidReading { .. }
    ));
    log.append(resolution.clone(), AT).unwrap();
    assert_eq!(
        log.append(resolution, AT).unwrap_err(),
        LogError::AlreadyResolved
    );
    log.append(Event::ResultsLocked, AT).unwrap();
    let board = Event::ReconciliationRecorded {
        board: BoardTally::default(),
    };
    assert_eq!(log.append(board, AT).unwrap_err(), LogError::ResultsLocked);
}

#[test]
fn a_board_is_recorded_with_the_lines_that_differed_from_the_count_then() {
    let mut log = entered(&[a(), a(), b()]);
    let election = log.state().election.clone().unwrap();
    let counted = tally(&election, &live(&log));
    let mut board = BoardTally::agreeing_with(&counted);
    board.contests[0].candidates[0].votes_for = 1;
    log.append(
        Event::ReconciliationRecorded {
            board: board.clone(),
        },
        AT,
    )
    .unwrap();
    // The scrutineers find a mark they missed: the board is corrected and recorded again.
    board.contests[0].candidates[0].votes_for = 2;
    log.append(Event::ReconciliationRecorded { board }, AT)
        .unwrap();
    let recorded = &log.state().reconciliations;
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].differences.len(), 1);
    assert_eq!(
        recorded[0].differences[0].line,
        BoardLine::For {
            candidate: "A".into()
        }
    );
    assert_eq!(
        (
            recorded[0].differences[0].board,
            recorded[0].differences[0].count
        ),
        (1, 2)
    );
    assert!(recorded[1].differences.is_empty());
}
