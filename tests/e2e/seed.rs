//! Meetings put in the page's storage exactly as the app stores them: the app's own storage code
//! writes the keys into a map natively, and [`preload`] puts them in the page's IndexedDB.

use std::cell::RefCell;
use std::collections::BTreeMap;

use hallcount_app::services::storage::{self, Backend, StorageError};
use hallcount_app::state::ElectionSummary;
use hallcount_core::{Election, Event, Log, LogEntry, Paper, GENESIS_PREV};
use serde_json::json;

use crate::harness::Browser;

/// The app's keys as a map, for its storage code to write into natively.
#[derive(Default)]
pub struct MapBackend(pub RefCell<BTreeMap<String, String>>);

impl Backend for MapBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        Ok(self.0.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.0.borrow_mut().remove(key);
        Ok(())
    }
}

/// What the app stores after defining `election` and entering `papers`, as the open election.
pub fn stored_meeting(id: &str, election: &Election, papers: &[Paper]) -> BTreeMap<String, String> {
    stored_meeting_then(id, election, papers, Vec::new())
}

/// Several elections stored side by side, each defined with no papers; the first is the one
/// open.
pub fn stored_meetings(elections: &[(&str, &Election)]) -> BTreeMap<String, String> {
    let backend = MapBackend::default();
    for (id, election) in elections {
        let mut items = stored_meeting(id, election, &[]);
        items.remove(storage::ELECTIONS_KEY);
        backend.0.borrow_mut().extend(items);
        storage::remember(&backend, ElectionSummary::of(id, election))
            .expect("a map takes everything");
    }
    storage::set_current(&backend, elections[0].0).expect("a map takes everything");
    backend.0.into_inner()
}

/// [`stored_meeting`], then `unchecked` linked into the chain by hand without asking whether
/// each may come next: what an older version (or an editor) could have stored.
pub fn stored_meeting_then(
    id: &str,
    election: &Election,
    papers: &[Paper],
    unchecked: Vec<Event>,
) -> BTreeMap<String, String> {
    let backend = MapBackend::default();
    let mut log = Log::default();
    let events = std::iter::once(Event::ElectionDefined {
        election: election.clone(),
    })
    .chain(papers.iter().map(|paper| Event::PaperEntered {
        paper: paper.clone(),
    }));
    for event in events {
        let entry = log
            .append(event, "2026-03-08T09:00:00Z")
            .expect("a valid event")
            .clone();
        storage::append(&backend, id, &entry).expect("a map takes everything");
    }
    let mut last = log.entries().last().cloned();
    for event in unchecked {
        let entry = LogEntry {
            seq: last.as_ref().map_or(0, |entry| entry.seq + 1),
            prev: last
                .as_ref()
                .map_or(GENESIS_PREV.to_owned(), LogEntry::hash),
            at: "2026-03-08T09:30:00Z".to_owned(),
            event,
        };
        storage::append(&backend, id, &entry).expect("a map takes everything");
        last = Some(entry);
    }
    storage::remember(&backend, ElectionSummary::of(id, election)).expect("a map takes everything");
    storage::set_current(&backend, id).expect("a map takes everything");
    backend.0.into_inner()
}

/// Puts `items` in the page's IndexedDB (where the app keeps its log) and reloads, so the app
/// opens them.
pub async fn preload(browser: &Browser, items: &BTreeMap<String, String>) {
    // The app must be done opening its own storage first, or it could read the seed half-way.
    browser.wait_for(".meeting-ready").await;
    let script = r#"
        const [items, done] = arguments;
        const open = indexedDB.open("hallcount", 1);
        open.onupgradeneeded = () => {
            if (!open.result.objectStoreNames.contains("kv")) open.result.createObjectStore("kv");
        };
        open.onerror = () => done(`open: ${open.error}`);
        open.onsuccess = () => {
            const db = open.result;
            const transaction = db.transaction("kv", "readwrite");
            const store = transaction.objectStore("kv");
            for (const [key, value] of Object.entries(items)) store.put(value, key);
            transaction.oncomplete = () => { db.close(); done(true); };
            transaction.onabort = () => done(`write: ${transaction.error}`);
        };
    "#;
    let written = browser
        .client()
        .execute_async(script, vec![json!(items)])
        .await
        .expect("fill IndexedDB");
    assert_eq!(written, json!(true), "IndexedDB refused the seed");
    browser.reload().await;
}
