//! The book and the reducer natively: entries are sealed and committed to the book as the handle
//! does, then the action it returns is reduced; storage is not involved.

use std::collections::BTreeMap;

use hallcount_core::{tally, ContestMarks, Mark, Paper};

use super::*;
use crate::sample::sample_congress;

mod writing;

const AT: &str = "2026-03-08T09:00:00Z";

/// The book and the reducer as the handle drives them: the book is changed, then the action it
/// returns is reduced.
struct Desk {
    book: Book,
    meeting: Rc<Meeting>,
}

impl Desk {
    fn seal(&self, event: Event, at: &str) -> Result<LogEntry, MeetingError> {
        self.meeting.seal(&self.book, event, at)
    }

    fn book(&self) -> &Book {
        &self.book
    }

    fn n_papers(&self) -> usize {
        self.book.state().papers.len()
    }

    fn n_live_papers(&self) -> usize {
        self.book.state().n_live_papers
    }

    fn papers(&self) -> &[hallcount_core::EnteredPaper] {
        &self.book.state().papers
    }

    fn tally(&self) -> Option<Rc<hallcount_core::Tally>> {
        self.book.tally()
    }

    fn election(&self) -> Option<Rc<hallcount_core::Election>> {
        self.book.election()
    }

    fn definition_locked(&self) -> bool {
        self.book.state().definition_locked()
    }

    fn results_locked(&self) -> bool {
        self.book.state().results_locked
    }

    fn reduce(mut self, action: Action) -> Desk {
        self.meeting = self.meeting.reduce(action);
        self
    }

    fn committed(mut self, entry: LogEntry, stored: Result<(), String>) -> Desk {
        let action = self.book.commit(entry, stored);
        self.reduce(action)
    }
}

fn opened(book: Book) -> Desk {
    Desk {
        book,
        meeting: Rc::new(Meeting::default()),
    }
    .reduce(Action::Opened(OpenedAs {
        writer: true,
        ..OpenedAs::default()
    }))
}

fn commit(desk: Desk, event: Event) -> Desk {
    let entry = desk.seal(event, AT).expect("sealed");
    desk.committed(entry, Ok(()))
}

fn enter(desk: Desk, paper: Paper) -> Desk {
    commit(desk, Event::PaperEntered { paper })
}

fn chair_for(id: &str) -> Paper {
    let marks = BTreeMap::from([(id.to_owned(), Mark::For)]);
    Paper {
        contests: BTreeMap::from([(
            "chair".to_owned(),
            ContestMarks {
                marks,
                write_ins: vec![],
            },
        )]),
        rejected: None,
    }
}

fn defined() -> Desk {
    commit(
        opened(Book::new("e1")),
        Event::ElectionDefined {
            election: sample_congress(),
        },
    )
}

#[test]
fn papers_are_counted_as_they_come_and_the_tally_equals_the_core_s() {
    let mut meeting = defined();
    for _ in 0..3 {
        meeting = enter(meeting, chair_for("A"));
    }
    meeting = enter(meeting, Paper::default());
    assert_eq!(meeting.n_papers(), 4);
    assert_eq!(meeting.n_live_papers(), 4);
    let live: Vec<Paper> = meeting.papers().iter().map(|p| p.paper.clone()).collect();
    let expected = tally(&sample_congress(), &live);
    assert_eq!(*meeting.tally().unwrap(), expected);
    assert_eq!(
        meeting.tally().unwrap().contests[0].candidates[0].votes_for,
        3
    );
}

#[test]
fn a_void_takes_the_paper_out_of_the_tally_but_not_out_of_the_record() {
    let mut meeting = defined();
    meeting = enter(meeting, chair_for("A"));
    meeting = enter(meeting, Paper::default());
    meeting = commit(
        meeting,
        Event::PaperVoided {
            number: 1,
            reason: "typed twice".into(),
        },
    );
    assert_eq!(meeting.n_papers(), 2);
    assert_eq!(meeting.n_live_papers(), 1);
    assert_eq!(meeting.papers()[0].voided.as_deref(), Some("typed twice"));
    let tally = meeting.tally().unwrap();
    assert_eq!(tally.collected, 1);
    assert_eq!(tally.contests[0].candidates[0].votes_for, 0);
}

#[test]
fn a_reread_after_double_entry_recounts_the_resolved_papers() {
    let mut meeting = defined();
    // The first clerk missed the mark on paper 2; the second saw it, and the reread agrees.
    for paper in [chair_for("A"), Paper::default()] {
        meeting = commit(meeting, Event::PaperEntered { paper });
    }
    meeting = commit(
        meeting,
        Event::SecondEntryRecorded {
            papers: vec![chair_for("A"), chair_for("A")],
        },
    );
    let double = meeting
        .book()
        .state()
        .double_entry
        .clone()
        .expect("recorded");
    let difference = double.comparison.differences[0].clone();
    meeting = commit(
        meeting,
        Event::DifferenceResolved {
            difference,
            reading: Some(chair_for("A")),
        },
    );
    let tally = meeting.tally().unwrap();
    assert_eq!(tally.collected, 2);
    assert_eq!(tally.contests[0].candidates[0].votes_for, 2);
    assert_eq!(tally.contests[0].blank, 0);
}

#[test]
fn a_refused_event_leaves_the_log_and_keeps_the_reason() {
    let meeting = defined();
    let before = meeting.book().log().entries().len();
    let refused = meeting
        .seal(
            Event::PaperVoided {
                number: 9,
                reason: "x".into(),
            },
            AT,
        )
        .unwrap_err();
    assert_eq!(
        refused,
        MeetingError::Refused(LogError::UnknownPaper { number: 9 })
    );
    let after = meeting.reduce(Action::Refuse(refused.clone()));
    assert_eq!(after.meeting.last_error, Some(refused.clone()));
    assert_eq!(after.book().log().entries().len(), before);
    // The same refusal again changes nothing: the same state comes back.
    let again = after.meeting.clone().reduce(Action::Refuse(refused));
    assert!(Rc::ptr_eq(&after.meeting, &again));
}

#[test]
fn a_stale_entry_is_refused_by_the_reducer() {
    let meeting = defined();
    let first = meeting
        .seal(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            AT,
        )
        .unwrap();
    let twin = first.clone();
    let meeting = meeting.committed(first, Ok(()));
    let meeting = meeting.committed(twin, Ok(()));
    assert_eq!(meeting.n_papers(), 1);
    assert!(matches!(
        meeting.meeting.last_error,
        Some(MeetingError::Refused(LogError::OutOfSequence { .. }))
    ));
}

#[test]
fn the_definition_locks_with_the_first_paper() {
    let meeting = defined();
    assert!(!meeting.definition_locked());
    let meeting = enter(meeting, Paper::default());
    assert!(meeting.definition_locked());
    let mut corrected = sample_congress();
    corrected.title = "更正".into();
    let refused = meeting
        .seal(
            Event::ElectionDefined {
                election: corrected.clone(),
            },
            AT,
        )
        .unwrap_err();
    assert_eq!(refused, MeetingError::Refused(LogError::DefinitionLocked));
    let meeting = commit(
        meeting,
        Event::DefinitionUnlocked {
            reason: "title misspelt".into(),
        },
    );
    let meeting = commit(
        meeting,
        Event::ElectionDefined {
            election: corrected,
        },
    );
    assert_eq!(meeting.election().unwrap().title, "更正");
    assert_eq!(
        meeting.tally().unwrap().collected,
        1,
        "the running tally is rebuilt over the papers"
    );
}

#[test]
fn locked_results_refuse_entry() {
    let meeting = commit(defined(), Event::ResultsLocked);
    assert!(meeting.results_locked());
    let refused = meeting
        .seal(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            AT,
        )
        .unwrap_err();
    assert_eq!(refused, MeetingError::Refused(LogError::ResultsLocked));
    let meeting = commit(
        meeting,
        Event::ResultsUnlocked {
            reason: "recount".into(),
        },
    );
    assert!(!meeting.results_locked());
}
