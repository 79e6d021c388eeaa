//! Two tabs on one election must never write over each other. The tab that writes holds a lease
//! in storage (`hallcount.e.<id>.lease` = `<tab>|<expires ms>`), renewed every few seconds; another
//! tab that finds a live lease held by someone else only reads (and follows what is stored).
//! A lease outlives a crash by at most [`TTL_MS`]; a reload keeps its tab id (sessionStorage), so
//! it finds its own lease. The decisions are pure functions of the stored value and the time.

use super::storage::{Backend, StorageError};

/// How long a lease lasts without renewal.
pub const TTL_MS: f64 = 4_000.0;
/// How often the holder renews it (and a reader looks whether it expired).
pub const RENEW_MS: u32 = 1_000;

const TAB_KEY: &str = "hallcount.tab";

pub fn lease_key(id: &str) -> String {
    format!("hallcount.e.{id}.lease")
}

/// Written by the writing tab after each stored entry (the number of entries), so that other
/// tabs hear of it through their `storage` event; IndexedDB has no such event.
pub fn beacon_key(id: &str) -> String {
    format!("hallcount.e.{id}.stored")
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lease {
    pub tab: String,
    pub expires_ms: f64,
}

impl Lease {
    /// Whole milliseconds (what `Date.now()` gives): as an integer the page needs no float
    /// printing and parsing code (~14 KB of wasm).
    pub fn parse(value: &str) -> Option<Lease> {
        let (tab, expires) = value.split_once('|')?;
        Some(Lease {
            tab: tab.to_owned(),
            expires_ms: expires.parse::<u64>().ok()? as f64,
        })
    }

    fn encode(&self) -> String {
        format!("{}|{}", self.tab, self.expires_ms as u64)
    }

    /// Whether this lease keeps `tab` from writing at `now_ms`.
    pub fn excludes(&self, tab: &str, now_ms: f64) -> bool {
        self.tab != tab && self.expires_ms > now_ms
    }
}

/// Takes or renews the lease of election `id` for `tab`, unless another tab holds a live one.
pub fn acquire(
    backend: &impl Backend,
    id: &str,
    tab: &str,
    now_ms: f64,
) -> Result<bool, StorageError> {
    let held = backend
        .get(&lease_key(id))?
        .as_deref()
        .and_then(Lease::parse);
    if held.is_some_and(|lease| lease.excludes(tab, now_ms)) {
        return Ok(false);
    }
    let lease = Lease {
        tab: tab.to_owned(),
        expires_ms: now_ms + TTL_MS,
    };
    backend.set(&lease_key(id), &lease.encode())?;
    Ok(true)
}

/// Takes the lease whoever holds it (the officer chose this tab); the other tab sees it change.
pub fn take_over(
    backend: &impl Backend,
    id: &str,
    tab: &str,
    now_ms: f64,
) -> Result<(), StorageError> {
    let lease = Lease {
        tab: tab.to_owned(),
        expires_ms: now_ms + TTL_MS,
    };
    backend.set(&lease_key(id), &lease.encode())
}

/// Gives the lease up if `tab` holds it (the tab closes or opens another election).
pub fn release(backend: &impl Backend, id: &str, tab: &str) -> Result<(), StorageError> {
    let held = backend
        .get(&lease_key(id))?
        .as_deref()
        .and_then(Lease::parse);
    if held.is_some_and(|lease| lease.tab == tab) {
        backend.remove(&lease_key(id))?;
    }
    Ok(())
}

/// This tab's id: kept in sessionStorage, so a reload is the same tab and finds its own lease.
pub fn tab_id() -> String {
    thread_local! {
        static TAB: String = {
            let session = gloo::utils::window().session_storage().ok().flatten();
            let known = session.as_ref().and_then(|s| s.get_item(TAB_KEY).ok().flatten());
            known.unwrap_or_else(|| {
                let id = super::fresh_id();
                if let Some(session) = &session {
                    let _ = session.set_item(TAB_KEY, &id);
                }
                id
            })
        };
    }
    TAB.with(Clone::clone)
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::HashMap;

    use super::*;

    #[derive(Default)]
    struct Memory(RefCell<HashMap<String, String>>);

    impl Backend for Memory {
        fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
            Ok(self.0.borrow().get(key).cloned())
        }
        fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
            self.0.borrow_mut().insert(key.into(), value.into());
            Ok(())
        }
        fn remove(&self, key: &str) -> Result<(), StorageError> {
            self.0.borrow_mut().remove(key);
            Ok(())
        }
    }

    #[test]
    fn a_second_tab_is_kept_out_while_the_lease_lives() {
        let memory = Memory::default();
        assert!(acquire(&memory, "e", "tab1", 1_000.0).unwrap());
        assert!(!acquire(&memory, "e", "tab2", 2_000.0).unwrap());
        assert!(
            acquire(&memory, "e", "tab1", 3_000.0).unwrap(),
            "the holder renews"
        );
        assert!(!acquire(&memory, "e", "tab2", 3_000.0 + TTL_MS - 1.0).unwrap());
    }

    #[test]
    fn an_expired_lease_is_taken_after_a_crash() {
        let memory = Memory::default();
        acquire(&memory, "e", "crashed", 1_000.0).unwrap();
        assert!(acquire(&memory, "e", "reopened", 1_000.0 + TTL_MS + 1.0).unwrap());
    }

    #[test]
    fn a_released_lease_is_free_at_once_and_only_its_holder_releases_it() {
        let memory = Memory::default();
        acquire(&memory, "e", "tab1", 1_000.0).unwrap();
        release(&memory, "e", "tab2").unwrap();
        assert!(!acquire(&memory, "e", "tab2", 1_001.0).unwrap());
        release(&memory, "e", "tab1").unwrap();
        assert!(acquire(&memory, "e", "tab2", 1_002.0).unwrap());
    }

    #[test]
    fn leases_parse_back() {
        let lease = Lease {
            tab: "abc".into(),
            expires_ms: 1234.0,
        };
        assert_eq!(Lease::parse(&lease.encode()), Some(lease));
        assert_eq!(Lease::parse("garbage"), None);
    }
}
