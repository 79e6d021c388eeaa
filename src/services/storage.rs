//! The event log in browser storage, one key per entry so that an append is one small write
//! whatever the number of papers:
//!
//! - `hallcount.e.<id>.<seq>`: entry `seq` of election `<id>`, its JSON;
//! - `hallcount.e.<id>.head`: `{ "len", "hash" }` of the log, written with each entry, so that a
//!   log cut short at its end is found too (a chain alone cannot show that);
//! - `hallcount.e.<id>.damaged.<seq>`: entries found after a break, set aside, never deleted;
//! - `hallcount.elections`: the list of elections kept here; `hallcount.current`: the one opened
//!   last. Each tab also keeps its own `hallcount.current` in its sessionStorage, which a reload
//!   reads first, so that another tab opening an election never switches this one.
//!
//! The keys live in IndexedDB ([`super::idb`]), which is durable when a write completes. This
//! module is the pure part: what to write, and how to read a log back from its keys, tested
//! natively. [`Backend`] lets tests (and the end-to-end tests' seeding) write the same keys
//! into a map.

use hallcount_core::{json, ChainBreak, Head, Log, LogEntry};

use crate::state::ElectionSummary;

pub const ELECTIONS_KEY: &str = "hallcount.elections";
pub const CURRENT_KEY: &str = "hallcount.current";

/// A key-value store: localStorage in the browser, a map in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// Storage refused: full, disabled, or a private window. The message is the browser's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError(pub String);

impl StorageError {
    pub fn unavailable() -> StorageError {
        StorageError("browser storage is not available".into())
    }
}

impl std::fmt::Display for StorageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

pub fn entry_key(id: &str, seq: u64) -> String {
    format!("hallcount.e.{id}.{seq}")
}

pub fn head_key(id: &str) -> String {
    format!("hallcount.e.{id}.head")
}

fn damaged_key(id: &str, seq: u64) -> String {
    format!("hallcount.e.{id}.damaged.{seq}")
}

/// Stores one entry, then the head that points at it (into a [`Backend`]).
pub fn append(backend: &impl Backend, id: &str, entry: &LogEntry) -> Result<(), StorageError> {
    for (key, value) in entry_items(id, entry) {
        backend.set(&key, &value)?;
    }
    Ok(())
}

/// What storing one entry writes: the entry, then the head pointing at it.
pub fn entry_items(id: &str, entry: &LogEntry) -> [(String, String); 2] {
    let json = serde_json::to_string(entry).expect("an entry always serializes");
    let head = Head {
        len: entry.seq + 1,
        hash: entry.hash(),
    };
    let head = serde_json::to_string(&head).expect("a head always serializes");
    [(entry_key(id, entry.seq), json), (head_key(id), head)]
}

/// What storing a whole log writes (a restored backup): each entry, to be added, and the head.
pub fn log_items(id: &str, log: &Log) -> (Vec<(String, String)>, (String, String)) {
    let entries = log
        .entries()
        .iter()
        .map(|entry| {
            let json = serde_json::to_string(entry).expect("an entry always serializes");
            (entry_key(id, entry.seq), json)
        })
        .collect();
    let head = serde_json::to_string(&log.head()).expect("a head always serializes");
    (entries, (head_key(id), head))
}

/// What a restore does with one election of a backup, given what this browser keeps of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RestorePlan {
    /// Not kept here: stored whole.
    Add,
    /// Kept here with exactly the same entries: nothing to do.
    AlreadyHere,
    /// Kept here with other entries (more, fewer or different): restoring would overwrite them.
    Conflict,
}

/// Compares the backup's `log` of election `id` with the keys stored for it (`items`).
pub fn restore_plan(id: &str, log: &Log, items: &[(String, String)]) -> RestorePlan {
    if items.is_empty() {
        return RestorePlan::Add;
    }
    let stored = restore(id, items);
    let set_aside = set_aside_earlier(id, items).is_some();
    if stored.broken.is_none() && !set_aside && stored.log.entries() == log.entries() {
        RestorePlan::AlreadyHere
    } else {
        RestorePlan::Conflict
    }
}

/// The head stored after the first `n_stored` entries of `log` (`None` before any entry).
pub fn head_after(log: &Log, n_stored: usize) -> Option<Head> {
    let last = log.entries().get(n_stored.checked_sub(1)?)?;
    Some(Head {
        len: n_stored as u64,
        hash: last.hash(),
    })
}

/// Whether the stored head (its text, if any) is still `expected`: what a writer checks in the
/// same transaction as its append, so that it never writes over entries another one stored.
pub fn head_is(expected: Option<&Head>, stored: Option<&str>) -> bool {
    let stored = stored.map(json::fast::<Head>);
    match (expected, stored) {
        (None, None) => true,
        (Some(expected), Some(Ok(stored))) => *expected == stored,
        _ => false,
    }
}

/// The prefix of every key of election `id`.
pub fn election_prefix(id: &str) -> String {
    format!("hallcount.e.{id}.")
}

/// A log read back from storage.
#[derive(Debug)]
pub struct Loaded {
    /// Every entry before the first break.
    pub log: Log,
    pub broken: Option<ChainBreak>,
}

/// Reads the log of election `id` from its keys (those under [`election_prefix`], any order),
/// keeping everything before the first break: a missing or unreadable entry, a link that does
/// not hold, an invalid transition, or a log shorter than its head.
pub fn restore(id: &str, items: &[(String, String)]) -> Loaded {
    let prefix = election_prefix(id);
    let mut texts: Vec<(u64, &str)> = Vec::with_capacity(items.len());
    let mut head: Option<&str> = None;
    for (key, value) in items {
        let Some(rest) = key.strip_prefix(&prefix) else {
            continue;
        };
        if rest == "head" {
            head = Some(value);
        } else if let Ok(seq) = rest.parse::<u64>() {
            texts.push((seq, value));
        }
    }
    // The core reads the texts: an unreadable head is a break, never dropped.
    let restored = Log::restore_texts(texts, head);
    Loaded {
        log: restored.log,
        broken: restored.broken,
    }
}

/// Reads the log of election `id` from a [`Backend`] (tests; the app reads IndexedDB by prefix).
pub fn load(backend: &impl Backend, id: &str) -> Result<Loaded, StorageError> {
    let mut items = Vec::new();
    if let Some(head) = backend.get(&head_key(id))? {
        items.push((head_key(id), head));
    }
    for seq in 0u64.. {
        let Some(text) = backend.get(&entry_key(id, seq))? else {
            break;
        };
        items.push((entry_key(id, seq), text));
    }
    Ok(restore(id, &items))
}

/// After a break at `from`: moves the stored entries from `from` on aside under `damaged` keys,
/// so that new entries never overwrite them and they can still be examined, and points the head
/// at what was kept.
pub fn set_aside(
    id: &str,
    items: &[(String, String)],
    from: u64,
    kept: &Head,
) -> (Vec<(String, String)>, Vec<String>) {
    let prefix = election_prefix(id);
    let mut put = Vec::new();
    let mut delete = Vec::new();
    for (key, value) in items {
        let Some(seq) = key
            .strip_prefix(&prefix)
            .and_then(|rest| rest.parse::<u64>().ok())
        else {
            continue;
        };
        if seq >= from {
            put.push((damaged_key(id, seq), value.clone()));
            delete.push(key.clone());
        }
    }
    put.push((
        head_key(id),
        serde_json::to_string(kept).expect("a head always serializes"),
    ));
    (put, delete)
}

/// Entries set aside after an earlier break, found among the keys of election `id`: the first
/// entry set aside and how many there are.
pub fn set_aside_earlier(id: &str, items: &[(String, String)]) -> Option<(u64, usize)> {
    let prefix = format!("{}damaged.", election_prefix(id));
    let seqs: Vec<u64> = items
        .iter()
        .filter_map(|(key, _)| key.strip_prefix(&prefix)?.parse().ok())
        .collect();
    Some((*seqs.iter().min()?, seqs.len()))
}

/// The list of elections from its stored text (none when absent or unreadable).
pub fn parse_elections(text: Option<&str>) -> Vec<ElectionSummary> {
    text.and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

/// The list with `summary` added or updated, and the item that stores it.
pub fn with_election(
    mut list: Vec<ElectionSummary>,
    summary: ElectionSummary,
) -> (Vec<ElectionSummary>, (String, String)) {
    match list.iter_mut().find(|e| e.id == summary.id) {
        Some(known) => *known = summary,
        None => list.push(summary),
    }
    let item = elections_item(&list);
    (list, item)
}

/// The item that stores the list of elections.
pub fn elections_item(list: &[ElectionSummary]) -> (String, String) {
    let json = serde_json::to_string(list).expect("summaries always serialize");
    (ELECTIONS_KEY.to_owned(), json)
}

pub fn elections(backend: &impl Backend) -> Vec<ElectionSummary> {
    parse_elections(backend.get(ELECTIONS_KEY).ok().flatten().as_deref())
}

/// Adds or updates one election in the list kept in a [`Backend`].
pub fn remember(
    backend: &impl Backend,
    summary: ElectionSummary,
) -> Result<Vec<ElectionSummary>, StorageError> {
    let (list, (key, value)) = with_election(elections(backend), summary);
    backend.set(&key, &value)?;
    Ok(list)
}

pub fn current(backend: &impl Backend) -> Option<String> {
    backend
        .get(CURRENT_KEY)
        .ok()
        .flatten()
        .filter(|id| !id.is_empty())
}

pub fn set_current(backend: &impl Backend, id: &str) -> Result<(), StorageError> {
    backend.set(CURRENT_KEY, id)
}

impl Backend for web_sys::Storage {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.get_item(key).map_err(js_error)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.set_item(key, value).map_err(js_error)
    }

    fn remove(&self, key: &str) -> Result<(), StorageError> {
        self.remove_item(key).map_err(js_error)
    }
}

/// The browser's localStorage, or why it cannot be used (a private window may refuse it).
pub fn local() -> Result<web_sys::Storage, StorageError> {
    match gloo::utils::window().local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) => Err(StorageError("localStorage is not available".into())),
        Err(error) => Err(js_error(error)),
    }
}

fn js_error(error: wasm_bindgen::JsValue) -> StorageError {
    let message = js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| format!("{error:?}"));
    StorageError(message)
}

#[cfg(test)]
mod tests;
