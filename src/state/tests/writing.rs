//! Writing: a storage failure pauses entry and keeps the paper in memory, a read-only tab
//! refuses to write and follows the writer, each accepted event is a new state for Yew, and one
//! paper with ten thousand entered is committed without a refold.

use super::*;

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

    let writer = enter(writer, chair_for("A"));
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
    let next = enter(desk, Paper::default());
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
    let meeting = enter(meeting, chair_for("A"));
    // The memo is per log length: the tally after the new paper counts it.
    assert_eq!(
        meeting.tally().unwrap().contests[0].candidates[0].votes_for,
        10_001
    );
    assert_eq!(meeting.book().log().entries().len(), 10_002);
}
