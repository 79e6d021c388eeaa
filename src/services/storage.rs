//! The event log in browser storage (localStorage), one key per entry so that an append is one
//! small write whatever the number of papers:
//!
//! - `hallcount.e.<id>.<seq>`: entry `seq` of election `<id>`, its JSON;
//! - `hallcount.e.<id>.head`: `{ "len", "hash" }` of the log, written after each entry, so that a
//!   log cut short at its end is found too (a chain alone cannot show that);
//! - `hallcount.elections`: the list of elections kept here; `hallcount.current`: the one open.
//!
//! Loading reads the head, then the entries by key until one is missing: no scan of every key.
//! The logic runs over a [`Backend`] so that it is tested natively over a map.

use hallcount_core::{BreakKind, ChainBreak, Head, Log, LogEntry};

use crate::state::ElectionSummary;

const ELECTIONS_KEY: &str = "hallcount.elections";
const CURRENT_KEY: &str = "hallcount.current";

/// A key-value store: localStorage in the browser, a map in tests.
pub trait Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StorageError>;
    fn remove(&self, key: &str) -> Result<(), StorageError>;
}

/// Storage refused: full, disabled, or a private window. The message is the browser's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StorageError(pub String);

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

/// Stores one entry, then the head that points at it. Entries must come in order.
pub fn append(backend: &impl Backend, id: &str, entry: &LogEntry) -> Result<(), StorageError> {
    let json = serde_json::to_string(entry).map_err(|e| StorageError(e.to_string()))?;
    backend.set(&entry_key(id, entry.seq), &json)?;
    let head = Head { len: entry.seq + 1, hash: entry.hash() };
    let head = serde_json::to_string(&head).map_err(|e| StorageError(e.to_string()))?;
    backend.set(&head_key(id), &head)
}

/// A log read back from storage.
#[derive(Debug)]
pub struct Loaded {
    /// Every entry before the first break.
    pub log: Log,
    pub broken: Option<ChainBreak>,
}

/// Reads the log of election `id`, keeping everything before the first break: an entry that
/// cannot be read, a link that does not hold, an invalid transition, or a log shorter than its head.
pub fn load(backend: &impl Backend, id: &str) -> Result<Loaded, StorageError> {
    let head: Option<Head> = backend.get(&head_key(id))?.and_then(|text| serde_json::from_str(&text).ok());
    let mut entries = Vec::with_capacity(head.as_ref().map_or(0, |h| h.len as usize));
    let mut unreadable = None;
    for seq in 0u64.. {
        let Some(text) = backend.get(&entry_key(id, seq))? else { break };
        match serde_json::from_str::<LogEntry>(&text) {
            Ok(entry) => entries.push(entry),
            Err(error) => {
                let kind = BreakKind::Unreadable { message: error.to_string() };
                unreadable = Some(ChainBreak { index: seq as usize, kind });
                break;
            }
        }
    }
    // Past an unreadable entry the head says nothing more than the break itself.
    let head = if unreadable.is_some() { None } else { head.as_ref() };
    let restored = Log::restore(entries, head);
    Ok(Loaded { log: restored.log, broken: restored.broken.or(unreadable) })
}

/// Moves the stored entries from `from` on (those after a break) aside, under `damaged` keys, so
/// that new entries never overwrite them and they can still be examined. Goes past a missing
/// entry up to the length the old head recorded. Returns how many moved.
pub fn set_aside_from(backend: &impl Backend, id: &str, from: u64) -> Result<u64, StorageError> {
    let recorded: Option<Head> = backend.get(&head_key(id))?.and_then(|text| serde_json::from_str(&text).ok());
    let recorded_len = recorded.map_or(0, |head| head.len);
    let mut moved = 0;
    for seq in from.. {
        match backend.get(&entry_key(id, seq))? {
            Some(text) => {
                backend.set(&damaged_key(id, seq), &text)?;
                backend.remove(&entry_key(id, seq))?;
                moved += 1;
            }
            None if seq >= recorded_len => break,
            None => {}
        }
    }
    Ok(moved)
}

/// Rewrites the head to match a log (after a break was set aside).
pub fn write_head(backend: &impl Backend, id: &str, head: &Head) -> Result<(), StorageError> {
    let head = serde_json::to_string(head).map_err(|e| StorageError(e.to_string()))?;
    backend.set(&head_key(id), &head)
}

pub fn elections(backend: &impl Backend) -> Vec<ElectionSummary> {
    backend
        .get(ELECTIONS_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

/// Adds or updates one election in the list kept here.
pub fn remember(backend: &impl Backend, summary: ElectionSummary) -> Result<Vec<ElectionSummary>, StorageError> {
    let mut list = elections(backend);
    match list.iter_mut().find(|e| e.id == summary.id) {
        Some(known) => *known = summary,
        None => list.push(summary),
    }
    let json = serde_json::to_string(&list).map_err(|e| StorageError(e.to_string()))?;
    backend.set(ELECTIONS_KEY, &json)?;
    Ok(list)
}

pub fn current(backend: &impl Backend) -> Option<String> {
    backend.get(CURRENT_KEY).ok().flatten().filter(|id| !id.is_empty())
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
