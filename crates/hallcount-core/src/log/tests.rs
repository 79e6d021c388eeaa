use std::collections::BTreeMap;

use super::*;
use crate::ballot::{ContestMarks, Mark, WriteIn};
use crate::election::{Candidate, Contest, Delegates, Threshold, ELECTION_FORMAT};

const AT: &str = "2017-08-25T10:00:00Z";

fn election(candidates: &[&str]) -> Election {
    Election {
        format: ELECTION_FORMAT.into(),
        title: "第一次婦女代表大會".into(),
        body: "赤坑社區婦聯".into(),
        place: "赤坑社區".into(),
        date: "2017-08-25".into(),
        delegates: Delegates {
            entitled: 10,
            present: 9,
        },
        ballots_issued: 9,
        quorum: None,
        collected_limit: Default::default(),
        round: 1,
        contests: vec![Contest {
            id: "exec".into(),
            office: "執行委員".into(),
            seats: 3,
            candidates: candidates
                .iter()
                .map(|id| Candidate {
                    id: (*id).into(),
                    name: format!("候選人{id}"),
                })
                .collect(),
            write_ins: crate::election::WriteIns {
                allowed: true,
                need_mark: true,
            },
            threshold: Threshold::MORE_THAN_HALF_OF_CAST,
            ties: Default::default(),
            shortfall: Default::default(),
            round_of: None,
        }],
    }
}

fn paper(marks: &[(&str, Mark)]) -> Paper {
    let marks: BTreeMap<String, Mark> =
        marks.iter().map(|(id, m)| ((*id).to_owned(), *m)).collect();
    Paper {
        contests: BTreeMap::from([(
            "exec".to_owned(),
            ContestMarks {
                marks,
                write_ins: vec![],
            },
        )]),
        rejected: None,
    }
}

fn defined() -> Log {
    let mut log = Log::default();
    log.append(
        Event::ElectionDefined {
            election: election(&["A", "B", "C", "D"]),
        },
        AT,
    )
    .unwrap();
    log
}

fn with_papers(n: usize) -> Log {
    let mut log = defined();
    for _ in 0..n {
        log.append(
            Event::PaperEntered {
                paper: paper(&[("A", Mark::For)]),
            },
            AT,
        )
        .unwrap();
    }
    log
}

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

#[test]
fn lots_are_recorded_for_known_contests_and_candidates() {
    let mut log = with_papers(1);
    let lot = |contest: &str, winners: &[&str]| Event::LotDrawn {
        contest: contest.into(),
        winners: winners.iter().map(|w| (*w).to_owned()).collect(),
    };
    assert_eq!(
        log.append(lot("chair", &["A"]), AT).unwrap_err(),
        LogError::UnknownContest {
            contest: "chair".into()
        }
    );
    assert_eq!(
        log.append(lot("exec", &[]), AT).unwrap_err(),
        LogError::NoWinners
    );
    assert_eq!(
        log.append(lot("exec", &["Q"]), AT).unwrap_err(),
        LogError::UnknownWinner { winner: "Q".into() }
    );
    log.append(lot("exec", &["B", "write_in:王芳"]), AT)
        .unwrap();
    assert_eq!(
        log.state().lots,
        [LotOutcome {
            contest: "exec".into(),
            winners: vec!["B".into(), "write_in:王芳".into()]
        }]
    );
}

#[test]
fn verify_chain_accepts_a_whole_log() {
    let log = with_papers(5);
    assert_eq!(
        verify_chain(log.entries()),
        ChainCheck {
            n_valid: 6,
            broken: None
        }
    );
}

#[test]
fn verify_chain_finds_an_altered_entry_by_the_link_after_it() {
    let mut entries = with_papers(5).entries().to_vec();
    entries[3].event = Event::PaperEntered {
        paper: paper(&[("B", Mark::For)]),
    };
    let check = verify_chain(&entries);
    assert_eq!(check.n_valid, 4);
    assert_eq!(
        check.broken,
        Some(ChainBreak {
            index: 4,
            kind: BreakKind::Link
        })
    );
}

#[test]
fn verify_chain_finds_a_missing_entry() {
    let mut entries = with_papers(5).entries().to_vec();
    entries.remove(2);
    let check = verify_chain(&entries);
    assert_eq!(check.n_valid, 2);
    assert_eq!(
        check.broken,
        Some(ChainBreak {
            index: 2,
            kind: BreakKind::Sequence {
                expected: 2,
                found: 3
            }
        })
    );
}

#[test]
fn restore_keeps_everything_before_the_break() {
    let whole = with_papers(5);
    let mut entries = whole.entries().to_vec();
    entries[4].at = "tampered".into();
    let restored = Log::restore(entries, Some(&whole.head()));
    assert_eq!(
        restored.log.entries().len(),
        5,
        "entries 0..=4 kept, entry 5 no longer links"
    );
    assert_eq!(restored.log.state().papers.len(), 4);
    assert_eq!(
        restored.broken,
        Some(ChainBreak {
            index: 5,
            kind: BreakKind::Link
        })
    );
}

#[test]
fn restore_with_the_head_finds_a_log_cut_short_at_the_end() {
    let whole = with_papers(5);
    let cut = whole.entries()[..4].to_vec();
    let restored = Log::restore(cut, Some(&whole.head()));
    assert_eq!(restored.log.state().papers.len(), 3);
    assert_eq!(
        restored.broken,
        Some(ChainBreak {
            index: 4,
            kind: BreakKind::Truncated { expected_len: 6 }
        })
    );
}

#[test]
fn restore_with_the_head_finds_a_last_entry_altered() {
    let whole = with_papers(2);
    let mut entries = whole.entries().to_vec();
    entries[2].event = Event::PaperEntered {
        paper: paper(&[("D", Mark::Against)]),
    };
    let restored = Log::restore(entries, Some(&whole.head()));
    assert_eq!(
        restored.broken,
        Some(ChainBreak {
            index: 2,
            kind: BreakKind::HeadMismatch
        })
    );
}

#[test]
fn restore_accepts_a_head_one_entry_behind() {
    let whole = with_papers(3);
    let behind = Head {
        len: 3,
        hash: whole.entries()[2].hash(),
    };
    let restored = Log::restore(whole.entries().to_vec(), Some(&behind));
    assert_eq!(restored.broken, None);
    assert_eq!(restored.log.entries().len(), 4);
}

#[test]
fn restore_refuses_a_well_linked_entry_that_is_not_a_valid_transition() {
    // A hand-made log: linked correctly, but voids a paper twice.
    let mut log = with_papers(1);
    log.append(
        Event::PaperVoided {
            number: 1,
            reason: "x".into(),
        },
        AT,
    )
    .unwrap();
    let mut entries = log.entries().to_vec();
    let forged = LogEntry {
        seq: 3,
        prev: entries[2].hash(),
        at: AT.into(),
        event: entries[2].event.clone(),
    };
    entries.push(forged);
    let restored = Log::restore(entries, None);
    assert_eq!(restored.log.entries().len(), 3);
    let broken = restored.broken.unwrap();
    assert_eq!(broken.index, 3);
    assert_eq!(
        broken.kind,
        BreakKind::Refused(LogError::AlreadyVoided { number: 1 })
    );
}

#[test]
fn push_refuses_entries_out_of_place() {
    let mut log = with_papers(1);
    let sealed = log
        .seal(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            AT,
        )
        .unwrap();
    assert_eq!(log.entries().len(), 2, "sealing appends nothing");
    let mut wrong_seq = sealed.clone();
    wrong_seq.seq = 7;
    assert_eq!(
        log.push(wrong_seq).unwrap_err(),
        LogError::OutOfSequence {
            expected: 2,
            found: 7
        }
    );
    let mut wrong_prev = sealed.clone();
    wrong_prev.prev = GENESIS_PREV.into();
    assert!(matches!(
        log.push(wrong_prev).unwrap_err(),
        LogError::BrokenLink { .. }
    ));
    log.push(sealed).unwrap();
    assert_eq!(log.state().papers.len(), 2);
}

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
fn restore_from_text_hashes_finds_a_respaced_entry() {
    let log = with_papers(3);
    let mut texts: Vec<String> = log
        .entries()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap())
        .collect();
    texts[1] = serde_json::to_string_pretty(&log.entries()[1]).unwrap();
    let entries = texts.iter().map(|t| {
        (
            serde_json::from_str::<LogEntry>(t).unwrap(),
            sha256_hex(t.as_bytes()),
        )
    });
    let restored = Log::restore_hashed(entries, Some(&log.head()));
    assert_eq!(
        restored.broken,
        Some(ChainBreak {
            index: 2,
            kind: BreakKind::Link
        })
    );
    assert_eq!(restored.log.entries().len(), 2);
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
    ] {
        assert!(serde_json::from_str::<Event>(json).is_err(), "{json}");
    }
}
