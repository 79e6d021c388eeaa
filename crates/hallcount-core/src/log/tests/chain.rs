use super::*;
use crate::ballot::Mark;

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
    let restored = Log::restore(entries.clone(), Some(&whole.head()));
    assert_eq!(
        restored.broken,
        Some(ChainBreak {
            index: 2,
            kind: BreakKind::HeadMismatch
        })
    );
}

#[test]
fn attack_an_altered_last_entry_stays_counted() {
    // The head no longer matches the last stored entry: that entry is set aside (kept, shown,
    // counted nowhere), so the next append cannot leave a gap after it.
    let whole = with_papers(2);
    let mut entries = whole.entries().to_vec();
    entries[2].event = Event::PaperEntered {
        paper: paper(&[("D", Mark::Against)]),
    };
    let mut restored = Log::restore(entries.clone(), Some(&whole.head()));
    assert_eq!(restored.log.entries(), &whole.entries()[..2]);
    assert_eq!(
        restored.log.state().papers.len(),
        1,
        "the altered paper counts nowhere"
    );
    assert_eq!(restored.set_aside, &entries[2..]);
    let next = restored
        .log
        .append(
            Event::PaperEntered {
                paper: paper(&[("A", Mark::For)]),
            },
            AT,
        )
        .unwrap();
    assert_eq!(
        next.seq, 2,
        "the next entry takes the place set aside, no gap"
    );
}

#[test]
fn attack_an_unparseable_head_is_dropped_silently() {
    let whole = with_papers(2);
    let texts: Vec<String> = whole
        .entries()
        .iter()
        .map(|entry| serde_json::to_string(entry).unwrap())
        .collect();
    let numbered = || {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| (i as u64, t.as_str()))
    };
    let head = serde_json::to_string(&whole.head()).unwrap();
    let fine = Log::restore_texts(numbered(), Some(&head));
    assert_eq!((fine.broken, fine.log.entries().len()), (None, 3));

    let restored = Log::restore_texts(numbered(), Some("{\"len\": 3, \"hash\""));
    let broken = restored.broken.expect("reported as a break");
    assert!(
        matches!(broken.kind, BreakKind::UnreadableHead { .. }),
        "{broken}"
    );
    assert_eq!(broken.index, 3, "nothing dropped");
    assert_eq!(restored.log.entries(), whole.entries());
}

#[test]
fn restore_from_texts_sets_aside_what_follows_an_unreadable_entry() {
    let whole = with_papers(3);
    let mut texts: Vec<String> = whole
        .entries()
        .iter()
        .map(|entry| serde_json::to_string(entry).unwrap())
        .collect();
    texts[2].truncate(10);
    let numbered = texts
        .iter()
        .enumerate()
        .map(|(i, t)| (i as u64, t.as_str()));
    let restored = Log::restore_texts(numbered, None);
    assert_eq!(restored.log.entries(), &whole.entries()[..2]);
    let broken = restored.broken.expect("a break");
    assert_eq!(broken.index, 2);
    assert!(matches!(broken.kind, BreakKind::Unreadable { .. }));
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

/// Entries linked by hand after `log`'s: what an older version (or an editor) could store.
fn linked_after(log: &Log, events: Vec<Event>) -> Vec<LogEntry> {
    let mut entries = log.entries().to_vec();
    for event in events {
        let prev = entries
            .last()
            .map_or(GENESIS_PREV.to_owned(), LogEntry::hash);
        entries.push(LogEntry {
            seq: entries.len() as u64,
            prev,
            at: AT.into(),
            event,
        });
    }
    entries
}

#[test]
fn attack_a_stored_lot_electing_one_person_twice_counts_for_nothing_and_the_rest_is_kept() {
    use super::lots::{lot, tied_for_two_seats};
    let log = tied_for_two_seats();
    let one_more = Event::PaperEntered {
        paper: paper(&[("B", Mark::For)]),
    };
    let entries = linked_after(&log, vec![lot("exec", &["B", "B"]), one_more]);
    let restored = Log::restore(entries.clone(), None);
    assert_eq!(restored.broken, None);
    assert_eq!(
        restored.log.entries(),
        &entries[..],
        "every entry kept in the chain"
    );
    let state = restored.log.state();
    assert!(state.lots.is_empty(), "the lot counts for nothing");
    assert_eq!(state.papers.len(), 4, "the paper after the lot is kept");
    assert_eq!(state.refused_lots.len(), 1);
    assert_eq!(state.refused_lots[0].seq, 4);
    assert!(matches!(
        state.refused_lots[0].error,
        LogError::InvalidLot { .. }
    ));
    assert_eq!(
        replay(&entries).unwrap(),
        *state,
        "the strict replay agrees"
    );
}
