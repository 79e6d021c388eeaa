use std::collections::BTreeMap;

use super::*;
use crate::ballot::Mark;

#[test]
fn entries_link_to_the_one_before() {
    let log = with_papers(2);
    let entries = log.entries();
    assert_eq!(entries[0].prev, GENESIS_PREV);
    assert_eq!(entries[1].prev, entries[0].hash());
    assert_eq!(entries[2].prev, entries[1].hash());
    assert_eq!(log.state().last_hash, entries[2].hash());
    assert_eq!(entries.iter().map(|e| e.seq).collect::<Vec<_>>(), [0, 1, 2]);
}

#[test]
fn hash_is_hex_sha256_and_changes_with_any_field() {
    let entry = defined().entries()[0].clone();
    let hash = entry.hash();
    assert_eq!(hash.len(), 64);
    assert!(hash
        .bytes()
        .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()));
    assert_eq!(hash, entry.clone().hash(), "deterministic");
    let mut later = entry.clone();
    later.at = "2017-08-25T10:00:01Z".into();
    assert_ne!(later.hash(), hash);
}

#[test]
fn event_json_is_snake_case_tagged_and_round_trips() {
    let log = with_papers(1);
    let json = serde_json::to_string(&log.entries()[1]).unwrap();
    assert!(
        json.contains(r#""event":{"type":"paper_entered","paper":"#),
        "{json}"
    );
    let back: LogEntry = serde_json::from_str(&json).unwrap();
    assert_eq!(back, log.entries()[1]);
    let locked = serde_json::to_string(&Event::ResultsLocked).unwrap();
    assert_eq!(locked, r#"{"type":"results_locked"}"#);
}

#[test]
fn a_paper_before_any_definition_is_refused() {
    let mut log = Log::default();
    let refused = log
        .append(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            AT,
        )
        .unwrap_err();
    assert_eq!(refused, LogError::NoElection);
    assert!(log.entries().is_empty());
}

#[test]
fn a_definition_with_problems_is_refused() {
    let mut log = Log::default();
    let mut bad = election(&["A", "A"]);
    bad.contests[0].seats = 0;
    let Err(LogError::InvalidElection { problems }) =
        log.append(Event::ElectionDefined { election: bad }, AT)
    else {
        panic!("expected InvalidElection");
    };
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"contests[0].seats"), "{paths:?}");
    assert!(paths.contains(&"contests[0].candidates[1].id"), "{paths:?}");
}

#[test]
fn a_paper_that_fails_the_check_is_refused_with_its_number() {
    let mut log = with_papers(2);
    let refused = log
        .append(
            Event::PaperEntered {
                paper: paper(&[("Z", Mark::For)]),
            },
            AT,
        )
        .unwrap_err();
    let LogError::InvalidPaper { number, problems } = refused else {
        panic!("expected InvalidPaper")
    };
    assert_eq!(number, 3);
    assert_eq!(problems[0].path, "ballots[2].contests.exec.marks.Z");
    assert_eq!(log.state().papers.len(), 2);
}

#[test]
fn over_marked_and_rejected_papers_are_entered_as_they_are() {
    let mut log = defined();
    let four = paper(&[
        ("A", Mark::For),
        ("B", Mark::For),
        ("C", Mark::For),
        ("D", Mark::For),
    ]);
    log.append(Event::PaperEntered { paper: four }, AT).unwrap();
    let rejected = Paper {
        contests: BTreeMap::new(),
        rejected: Some("identifying mark".into()),
    };
    log.append(Event::PaperEntered { paper: rejected }, AT)
        .unwrap();
    assert_eq!(log.state().n_live_papers, 2);
}

#[test]
fn voids_keep_the_paper_marked_and_refuse_unknown_or_repeated_numbers() {
    let mut log = with_papers(3);
    log.append(
        Event::PaperVoided {
            number: 2,
            reason: "typed twice".into(),
        },
        AT,
    )
    .unwrap();
    let state = log.state();
    assert_eq!(state.papers.len(), 3);
    assert_eq!(state.n_live_papers, 2);
    assert_eq!(state.papers[1].voided.as_deref(), Some("typed twice"));
    assert_eq!(state.live_papers().count(), 2);

    let again = log.append(
        Event::PaperVoided {
            number: 2,
            reason: "again".into(),
        },
        AT,
    );
    assert_eq!(again.unwrap_err(), LogError::AlreadyVoided { number: 2 });
    for number in [0, 4] {
        let unknown = log.append(
            Event::PaperVoided {
                number,
                reason: "x".into(),
            },
            AT,
        );
        assert_eq!(unknown.unwrap_err(), LogError::UnknownPaper { number });
    }
    let no_reason = log.append(
        Event::PaperVoided {
            number: 1,
            reason: "  ".into(),
        },
        AT,
    );
    assert_eq!(no_reason.unwrap_err(), LogError::MissingReason);
    assert_eq!(log.entries().len(), 5);
}

#[test]
fn locked_results_refuse_entry_void_and_redefinition_until_unlocked() {
    let mut log = with_papers(1);
    log.append(Event::ResultsLocked, AT).unwrap();
    assert!(log.state().results_locked);
    let entry = log.append(
        Event::PaperEntered {
            paper: Paper::default(),
        },
        AT,
    );
    assert_eq!(entry.unwrap_err(), LogError::ResultsLocked);
    let void = log.append(
        Event::PaperVoided {
            number: 1,
            reason: "x".into(),
        },
        AT,
    );
    assert_eq!(void.unwrap_err(), LogError::ResultsLocked);
    let unlock_definition = log.append(
        Event::DefinitionUnlocked {
            reason: "typo".into(),
        },
        AT,
    );
    assert_eq!(unlock_definition.unwrap_err(), LogError::ResultsLocked);
    assert_eq!(
        log.append(Event::ResultsLocked, AT).unwrap_err(),
        LogError::ResultsAlreadyLocked
    );

    let no_reason = log.append(
        Event::ResultsUnlocked {
            reason: String::new(),
        },
        AT,
    );
    assert_eq!(no_reason.unwrap_err(), LogError::MissingReason);
    log.append(
        Event::ResultsUnlocked {
            reason: "paper 7 misread".into(),
        },
        AT,
    )
    .unwrap();
    log.append(
        Event::PaperEntered {
            paper: Paper::default(),
        },
        AT,
    )
    .unwrap();
    let not_locked = log.append(Event::ResultsUnlocked { reason: "x".into() }, AT);
    assert_eq!(not_locked.unwrap_err(), LogError::ResultsNotLocked);
}

#[test]
fn the_definition_locks_at_the_first_paper_and_an_unlock_allows_one_correction() {
    let mut log = defined();
    assert!(!log.state().definition_locked());
    // Before any paper a correction needs no unlock, and there is nothing to unlock.
    log.append(
        Event::ElectionDefined {
            election: election(&["A", "B", "C", "D", "E"]),
        },
        AT,
    )
    .unwrap();
    let nothing = log.append(Event::DefinitionUnlocked { reason: "x".into() }, AT);
    assert_eq!(nothing.unwrap_err(), LogError::DefinitionNotLocked);

    log.append(
        Event::PaperEntered {
            paper: paper(&[("E", Mark::For)]),
        },
        AT,
    )
    .unwrap();
    assert!(log.state().definition_locked());
    let redefine = log.append(
        Event::ElectionDefined {
            election: election(&["A", "B", "C", "E"]),
        },
        AT,
    );
    assert_eq!(redefine.unwrap_err(), LogError::DefinitionLocked);

    log.append(
        Event::DefinitionUnlocked {
            reason: "D withdrew".into(),
        },
        AT,
    )
    .unwrap();
    assert!(!log.state().definition_locked());
    // A correction that paper 1 no longer fits is refused, naming the paper.
    let breaks = log
        .append(
            Event::ElectionDefined {
                election: election(&["A", "B", "C"]),
            },
            AT,
        )
        .unwrap_err();
    assert!(
        matches!(breaks, LogError::RedefinitionBreaksPaper { number: 1, .. }),
        "{breaks:?}"
    );
    log.append(
        Event::ElectionDefined {
            election: election(&["A", "B", "C", "E"]),
        },
        AT,
    )
    .unwrap();
    assert!(log.state().definition_locked(), "the unlock is used up");
    assert_eq!(
        log.state().election.as_ref().unwrap().contests[0]
            .candidates
            .len(),
        4
    );
}
