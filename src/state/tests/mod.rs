//! The book and the reducer natively: entries are sealed and committed to the book as the handle
//! does, then the action it returns is reduced; storage is not involved.

use std::collections::BTreeMap;

use hallcount_core::{tally, ContestMarks, Mark, Paper};

use super::*;
use crate::sample::sample_congress;

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
        meeting = commit(
            meeting,
            Event::PaperEntered {
                paper: chair_for("A"),
            },
        );
    }
    meeting = commit(
        meeting,
        Event::PaperEntered {
            paper: Paper::default(),
        },
    );
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
    meeting = commit(
        meeting,
        Event::PaperEntered {
            paper: chair_for("A"),
        },
    );
    meeting = commit(
        meeting,
        Event::PaperEntered {
            paper: Paper::default(),
        },
    );
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
    let meeting = commit(
        meeting,
        Event::PaperEntered {
            paper: Paper::default(),
        },
    );
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

#[test]
fn a_storage_failure_pauses_entry_and_keeps_the_paper_in_memory() {
    let meeting = defined();
    let entry = meeting
        .seal(
            Event::PaperEntered {
                paper: chair_for("A"),
            },
            AT,
        )
        .unwrap();
    let meeting = meeting.committed(entry, Err("QuotaExceededError".into()));
    assert_eq!(meeting.n_papers(), 1, "nothing is lost");
    assert_eq!(meeting.book().unstored().len(), 1);
    assert_eq!(
        meeting.meeting.saving,
        Saving::Failed {
            message: "QuotaExceededError".into()
        }
    );
    assert_eq!(
        meeting.meeting.last_error,
        Some(MeetingError::Storage {
            message: "QuotaExceededError".into()
        })
    );
    assert_eq!(
        meeting
            .seal(
                Event::PaperEntered {
                    paper: Paper::default()
                },
                AT
            )
            .unwrap_err(),
        MeetingError::Paused
    );

    let meeting = meeting.reduce(Action::ContinueInMemory);
    assert!(matches!(meeting.meeting.saving, Saving::InMemory { .. }));
    let entry = meeting
        .seal(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            AT,
        )
        .unwrap();
    let meeting = meeting.committed(entry, Err("QuotaExceededError".into()));
    assert!(
        matches!(meeting.meeting.saving, Saving::InMemory { .. }),
        "no second pause"
    );
    assert_eq!(meeting.book().unstored().len(), 2);

    let mut meeting = meeting;
    let action = meeting.book.flushed();
    let meeting = meeting.reduce(action);
    assert_eq!(meeting.meeting.saving, Saving::Stored);
    assert!(meeting.book().unstored().is_empty());
}

#[test]
fn a_read_only_tab_refuses_to_write_and_follows_the_writer() {
    let writer = defined();
    let reader = opened(Book::restored("e1", writer.book().log().clone()));
    let reader = reader.reduce(Action::Writer(false));
    assert_eq!(reader.meeting.saving, Saving::ReadOnly);
    assert_eq!(
        reader
            .seal(
                Event::PaperEntered {
                    paper: Paper::default()
                },
                AT
            )
            .unwrap_err(),
        MeetingError::OtherTab
    );

    let writer = commit(
        writer,
        Event::PaperEntered {
            paper: chair_for("A"),
        },
    );
    let new_entries = writer.book().log().entries()[1..].to_vec();
    let mut reader = reader;
    let action = reader.book.follow(new_entries.clone());
    let reader = reader.reduce(action);
    assert_eq!(reader.n_papers(), 1);
    assert_eq!(reader.tally(), writer.tally());
    // The same entries heard twice (two beacons at once) are taken once, without an error.
    let mut reader = reader;
    let action = reader.book.follow(new_entries);
    let reader = reader.reduce(action);
    assert_eq!(reader.n_papers(), 1);
    assert_eq!(reader.meeting.last_error, None);
}

#[test]
fn each_accepted_event_is_a_new_state_for_yew() {
    let desk = defined();
    let before = desk.meeting.clone();
    let next = commit(
        desk,
        Event::PaperEntered {
            paper: Paper::default(),
        },
    );
    assert_ne!(*before, *next.meeting);
    assert!(next.meeting.version > before.version);
}

#[test]
fn committing_one_paper_with_ten_thousand_entered_does_not_refold() {
    let mut log = hallcount_core::Log::default();
    log.append(
        Event::ElectionDefined {
            election: sample_congress(),
        },
        AT,
    )
    .unwrap();
    for _ in 0..10_000 {
        log.append(
            Event::PaperEntered {
                paper: chair_for("A"),
            },
            AT,
        )
        .unwrap();
    }
    let meeting = opened(Book::restored("e1", log));
    let _ = meeting.tally();
    let meeting = commit(
        meeting,
        Event::PaperEntered {
            paper: chair_for("A"),
        },
    );
    // The memo is per log length: the tally after the new paper counts it.
    assert_eq!(
        meeting.tally().unwrap().contests[0].candidates[0].votes_for,
        10_001
    );
    assert_eq!(meeting.book().log().entries().len(), 10_002);
}
