use std::cell::RefCell;
use std::collections::HashMap;

use hallcount_core::{BreakKind, Event, Paper};

use super::*;
use crate::sample::sample_congress;

#[derive(Default)]
struct Memory {
    map: RefCell<HashMap<String, String>>,
}

impl Backend for Memory {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.map
            .borrow_mut()
            .insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.map.borrow_mut().remove(key);
        Ok(())
    }
}

const AT: &str = "2026-03-08T09:00:00Z";

/// A stored log: the sample defined, then `n` blank papers.
fn stored(n: usize) -> (Memory, Log) {
    let memory = Memory::default();
    let mut log = Log::default();
    let events = std::iter::once(Event::ElectionDefined {
        election: sample_congress(),
    })
    .chain((0..n).map(|_| Event::PaperEntered {
        paper: Paper::default(),
    }));
    for event in events {
        let entry = log.append(event, AT).unwrap();
        append(&memory, "e1", entry).unwrap();
    }
    (memory, log)
}

#[test]
fn a_stored_log_loads_back_whole() {
    let (memory, log) = stored(3);
    let loaded = load(&memory, "e1").unwrap();
    assert_eq!(loaded.broken, None);
    assert_eq!(loaded.log.entries(), log.entries());
    assert_eq!(loaded.log.state().papers.len(), 3);
}

#[test]
fn an_unknown_election_loads_empty() {
    let loaded = load(&Memory::default(), "nothing").unwrap();
    assert!(loaded.log.entries().is_empty());
    assert_eq!(loaded.broken, None);
}

#[test]
fn a_log_cut_short_at_the_end_is_found_by_its_head() {
    let (memory, _) = stored(3);
    memory.remove(&entry_key("e1", 3)).unwrap();
    let loaded = load(&memory, "e1").unwrap();
    assert_eq!(loaded.log.state().papers.len(), 2);
    assert_eq!(
        loaded.broken.unwrap().kind,
        BreakKind::Truncated { expected_len: 4 }
    );
}

#[test]
fn a_missing_entry_in_the_middle_keeps_what_came_before() {
    let (memory, _) = stored(5);
    memory.remove(&entry_key("e1", 2)).unwrap();
    let loaded = load(&memory, "e1").unwrap();
    assert_eq!(loaded.log.entries().len(), 2);
    assert_eq!(loaded.broken.unwrap().index, 2);
}

#[test]
fn an_altered_entry_breaks_the_chain_after_it() {
    let (memory, _) = stored(4);
    let key = entry_key("e1", 2);
    let altered = memory
        .get(&key)
        .unwrap()
        .unwrap()
        .replace(AT, "2026-03-08T09:00:01Z");
    memory.set(&key, &altered).unwrap();
    let loaded = load(&memory, "e1").unwrap();
    assert_eq!(
        loaded.log.entries().len(),
        3,
        "entries 0..=2 kept; entry 3 no longer links"
    );
    assert_eq!(
        loaded.broken,
        Some(ChainBreak {
            index: 3,
            kind: BreakKind::Link
        })
    );
}

#[test]
fn an_unreadable_entry_is_a_break() {
    let (memory, _) = stored(2);
    memory
        .set(&entry_key("e1", 2), "{\"seq\": 2, \"prev\"")
        .unwrap();
    let loaded = load(&memory, "e1").unwrap();
    assert_eq!(loaded.log.entries().len(), 2);
    let broken = loaded.broken.unwrap();
    assert_eq!(broken.index, 2);
    assert!(matches!(broken.kind, BreakKind::Unreadable { .. }));
}

#[test]
fn an_entry_stored_without_its_head_is_kept() {
    // A crash between the two writes of an append.
    let (memory, mut log) = stored(1);
    let head = memory.get(&head_key("e1")).unwrap().unwrap();
    let entry = log
        .append(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            AT,
        )
        .unwrap()
        .clone();
    append(&memory, "e1", &entry).unwrap();
    memory.set(&head_key("e1"), &head).unwrap();
    let loaded = load(&memory, "e1").unwrap();
    assert_eq!(loaded.broken, None);
    assert_eq!(loaded.log.state().papers.len(), 2);
}

/// Every key of election `id`, as IndexedDB gives them by prefix.
fn items(memory: &Memory, id: &str) -> Vec<(String, String)> {
    let prefix = election_prefix(id);
    let mut items: Vec<(String, String)> = memory
        .map
        .borrow()
        .iter()
        .filter(|(k, _)| k.starts_with(&prefix))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    items.sort();
    items
}

#[test]
fn restore_by_prefix_equals_load_by_key_and_ignores_other_keys() {
    let (memory, log) = stored(12);
    memory.set("hallcount.e.e1.damaged.3", "old").unwrap();
    memory.set("hallcount.e.e10.0", "another election").unwrap();
    // Key order is text order ("10" before "2"); the entries are put back in sequence.
    let restored = restore("e1", &items(&memory, "e1"));
    assert_eq!(restored.broken, None);
    assert_eq!(restored.log.entries(), log.entries());
}

#[test]
fn the_tail_after_a_break_is_set_aside_not_overwritten() {
    let (memory, _) = stored(4);
    memory.remove(&entry_key("e1", 2)).unwrap();
    let all = items(&memory, "e1");
    let loaded = restore("e1", &all);
    assert_eq!(loaded.broken.as_ref().map(|b| b.index), Some(2));
    // Entries 3 and 4 are still stored after the gap: both move aside, the head follows the log.
    let (put, delete) = set_aside("e1", &all, 2, &loaded.log.head());
    for key in &delete {
        memory.remove(key).unwrap();
    }
    for (key, value) in &put {
        memory.set(key, value).unwrap();
    }
    assert_eq!(delete, [entry_key("e1", 3), entry_key("e1", 4)]);
    assert!(memory.get("hallcount.e.e1.damaged.4").unwrap().is_some());
    let again = restore("e1", &items(&memory, "e1"));
    assert_eq!(again.broken, None);
    assert_eq!(again.log.entries().len(), 2);
    // The next load still knows that entries were set aside, from where.
    assert_eq!(set_aside_earlier("e1", &items(&memory, "e1")), Some((3, 2)));
    assert_eq!(set_aside_earlier("e1", &[]), None);
}

#[test]
fn elections_are_listed_and_updated_by_id() {
    let memory = Memory::default();
    assert!(elections(&memory).is_empty());
    let election = sample_congress();
    remember(&memory, ElectionSummary::of("a", &election)).unwrap();
    remember(&memory, ElectionSummary::of("b", &election)).unwrap();
    let mut renamed = ElectionSummary::of("a", &election);
    renamed.title = "改名".into();
    let list = remember(&memory, renamed).unwrap();
    assert_eq!(
        list.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        ["a", "b"]
    );
    assert_eq!(elections(&memory)[0].title, "改名");
    assert_eq!(current(&memory), None);
    set_current(&memory, "b").unwrap();
    assert_eq!(current(&memory).as_deref(), Some("b"));
}

#[test]
fn an_append_goes_on_only_over_the_head_it_expects() {
    let mut log = Log::default();
    let at = "2026-03-08T09:00:00Z";
    let election = sample_congress();
    log.append(Event::ElectionDefined { election }, at).unwrap();
    for _ in 0..2 {
        log.append(
            Event::PaperEntered {
                paper: Paper::default(),
            },
            at,
        )
        .unwrap();
    }
    let stored_after = |n: usize| entry_items("e", &log.entries()[n - 1])[1].1.clone();
    assert_eq!(head_after(&log, 0), None);
    assert!(head_is(None, None), "a new log over an empty store");
    let expected = head_after(&log, 2);
    assert_eq!(expected.as_ref().map(|h| h.len), Some(2));
    assert!(head_is(expected.as_ref(), Some(&stored_after(2))));
    assert!(
        !head_is(expected.as_ref(), Some(&stored_after(3))),
        "another writer moved it"
    );
    assert!(!head_is(expected.as_ref(), None), "the head was removed");
    assert!(
        !head_is(None, Some(&stored_after(1))),
        "someone stored first"
    );
    assert!(!head_is(expected.as_ref(), Some("not json")));
}

/// The keys of `memory` for election `id`, as the app reads them by prefix.
fn items_of(memory: &Memory, id: &str) -> Vec<(String, String)> {
    let prefix = election_prefix(id);
    let mut items: Vec<_> = memory
        .map
        .borrow()
        .iter()
        .filter(|(key, _)| key.starts_with(&prefix))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect();
    items.sort();
    items
}

#[test]
fn a_restored_log_is_stored_as_the_app_stores_it() {
    let (appended, log) = stored(3);
    let restored = Memory::default();
    let (entries, (head_key, head)) = log_items("e1", &log);
    for (key, value) in entries {
        restored.set(&key, &value).unwrap();
    }
    restored.set(&head_key, &head).unwrap();
    assert_eq!(items_of(&restored, "e1"), items_of(&appended, "e1"));
}

#[test]
fn a_restore_adds_what_is_missing_and_never_overwrites() {
    let (memory, log) = stored(3);
    let (_, shorter) = stored(2);
    let (_, longer) = stored(4);
    let items = items_of(&memory, "e1");
    assert_eq!(restore_plan("e1", &log, &[]), RestorePlan::Add);
    assert_eq!(restore_plan("e1", &log, &items), RestorePlan::AlreadyHere);
    for other in [&shorter, &longer] {
        assert_eq!(restore_plan("e1", other, &items), RestorePlan::Conflict);
    }
    // Entries set aside after a break are kept here and nowhere in the backup: not the same.
    let mut with_damaged = items.clone();
    with_damaged.push((format!("{}damaged.4", election_prefix("e1")), "{}".into()));
    assert_eq!(
        restore_plan("e1", &log, &with_damaged),
        RestorePlan::Conflict
    );
}
