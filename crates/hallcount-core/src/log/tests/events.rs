//! Events as stored: each read back whatever the order of its fields, unknown ones refused, an
//! entry's hash that of its text, and replay giving every paper as entered.

use std::collections::BTreeMap;

use super::*;
use crate::ballot::{ContestMarks, Mark, WriteIn};

#[test]
fn replay_gives_every_paper_as_entered_and_the_last_hash() {
    let mut log = with_papers(2);
    let write_in = Paper {
        contests: BTreeMap::from([(
            "exec".to_owned(),
            ContestMarks {
                marks: BTreeMap::new(),
                write_ins: vec![WriteIn {
                    name: "王芳".into(),
                    marked: true,
                }],
            },
        )]),
        rejected: None,
    };
    log.append(
        Event::PaperEntered {
            paper: write_in.clone(),
        },
        AT,
    )
    .unwrap();
    log.append(
        Event::PaperVoided {
            number: 1,
            reason: "misread".into(),
        },
        AT,
    )
    .unwrap();
    let state = replay(log.entries()).unwrap();
    assert_eq!(state, *log.state());
    assert_eq!(
        state
            .papers
            .iter()
            .map(|p| (p.number, p.is_live()))
            .collect::<Vec<_>>(),
        [(1, false), (2, true), (3, true)]
    );
    assert_eq!(state.papers[2].paper, write_in);
    assert_eq!(state.last_hash, log.entries().last().unwrap().hash());
    assert_eq!(state.n_entries, 5);
}

#[test]
fn log_from_ballots_defines_then_enters_each_paper() {
    let papers = vec![paper(&[("A", Mark::For)]), Paper::default()];
    let log = log_from_ballots(election(&["A", "B"]), papers.clone(), AT).unwrap();
    assert_eq!(
        log.state().live_papers().cloned().collect::<Vec<_>>(),
        papers
    );
    let bad = log_from_ballots(election(&["A"]), vec![paper(&[("B", Mark::For)])], AT).unwrap_err();
    assert!(matches!(bad, LogError::InvalidPaper { number: 1, .. }));
}

#[test]
fn the_hash_of_an_entry_is_the_hash_of_its_json_text() {
    let log = with_papers(1);
    for entry in log.entries() {
        let text = serde_json::to_string(entry).unwrap();
        assert_eq!(sha256_hex(text.as_bytes()), entry.hash());
    }
}

#[test]
fn every_event_reads_back_whatever_the_order_of_its_fields() {
    let events = [
        Event::ElectionDefined {
            election: election(&["A", "B"]),
        },
        Event::PaperEntered {
            paper: paper(&[("A", Mark::For)]),
        },
        Event::PaperVoided {
            number: 1,
            reason: "twice".into(),
        },
        Event::DefinitionUnlocked {
            reason: "typo".into(),
        },
        Event::ResultsLocked,
        Event::ResultsUnlocked {
            reason: "recount".into(),
        },
        Event::LotDrawn {
            contest: "exec".into(),
            winners: vec!["A".into()],
        },
        Event::SecondEntryRecorded {
            papers: vec![paper(&[("B", Mark::Against)]), Paper::default()],
        },
        Event::DifferenceResolved {
            difference: crate::compare::Difference::Differs {
                first: 1,
                second: 1,
                contests: vec!["exec".into()],
            },
            reading: Some(paper(&[("A", Mark::For)])),
        },
        Event::DifferenceResolved {
            difference: crate::compare::Difference::OnlySecond { second: 2 },
            reading: None,
        },
        Event::ReconciliationRecorded {
            board: crate::reconcile::BoardTally::default(),
        },
    ];
    for event in events {
        let json = serde_json::to_string(&event).unwrap();
        assert!(json.starts_with(r#"{"type":""#), "{json}");
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), event);
        // Keys sorted, as another tool may write them: "type" is no longer first.
        let sorted =
            serde_json::to_string(&serde_json::from_str::<serde_json::Value>(&json).unwrap())
                .unwrap();
        assert_eq!(
            serde_json::from_str::<Event>(&sorted).unwrap(),
            event,
            "{sorted}"
        );
    }
}

#[test]
fn unknown_events_and_fields_are_refused() {
    for json in [
        r#"{"type":"paper_eaten","paper":{}}"#,
        r#"{"type":"results_locked","by":"me"}"#,
        r#"{"type":"paper_voided","number":1}"#,
        r#"{"reason":"x","type":"results_locked"}"#,
        r#"{}"#,
        r#"{"reason":"x"}"#,
    ] {
        assert!(serde_json::from_str::<Event>(json).is_err(), "{json}");
    }
    // Without a type anywhere in it, an object is named for what it misses.
    let error = serde_json::from_str::<Event>(r#"{"reason":"x","number":1}"#).unwrap_err();
    assert!(
        error.to_string().starts_with("missing field `type`"),
        "{error}"
    );
}
