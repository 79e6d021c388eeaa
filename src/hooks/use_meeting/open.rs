//! Opening an election: from storage at the start (this tab's own, else the one opened last),
//! or when switched to, as its writer if this tab holds its lock.

use std::rc::Rc;

use wasm_bindgen_futures::spawn_local;

use super::MeetingHandle;
use crate::services::idb::{Batch, Idb};
use crate::services::{self, storage};
use crate::state::{Action, Book, OpenedAs};

impl MeetingHandle {
    /// Reads election `id` from storage and opens it, as its writer if this tab holds (or can
    /// take) its lock. A broken log keeps what came before the break; the writer sets the rest
    /// aside so that new entries never overwrite it.
    pub(super) fn open_stored(&self, id: String) {
        let handle = self.clone();
        spawn_local(async move { handle.reopen(&id).await });
    }

    /// Counts one more ask to open an election; returns its number.
    pub(super) fn ask_to_open(&self) -> u64 {
        let mut opens = self.opens.borrow_mut();
        *opens += 1;
        *opens
    }

    pub(super) async fn reopen(&self, id: &str) {
        // The officer may open or start another election while this one is read: the last one
        // asked for is the one open (what they see and type into), and the one a reload opens.
        let ask = self.ask_to_open();
        let still_wanted = || *self.opens.borrow() == ask;
        let writer = self.claim(id).await;
        let idb = self.outbox.borrow().idb();
        let Some((book, opened)) = load_election(idb, id, writer, still_wanted).await else {
            return;
        };
        if !still_wanted() {
            return;
        }
        *self.book.borrow_mut() = book;
        self.meeting.dispatch(Action::Opened(opened));
        self.restore_second_entry();
    }
}

/// Reads election `id`; `None` if, once read, it is no longer `still_wanted` (nothing is
/// written then: neither its set-aside entries nor the election opened last).
async fn load_election(
    idb: Option<Rc<Idb>>,
    id: &str,
    writer: bool,
    still_wanted: impl Fn() -> bool,
) -> Option<(Book, OpenedAs)> {
    services::mark("hallcount:load-start");
    let failed = |message: String| {
        let opened = OpenedAs {
            writer,
            storage_error: Some(message),
            ..OpenedAs::default()
        };
        Some((Book::new(id), opened))
    };
    let Some(idb) = idb else {
        return failed(storage::StorageError::unavailable().0);
    };
    let items = match idb.with_prefix(&storage::election_prefix(id)).await {
        Ok(items) => items,
        Err(error) => return failed(error.0),
    };
    services::mark("hallcount:load-read");
    if !still_wanted() {
        services::mark("hallcount:load-end");
        return None;
    }
    let loaded = storage::restore(id, &items);
    services::mark("hallcount:load-restored");
    let set_aside = storage::set_aside_earlier(id, &items);
    if let (Some(broken), true) = (&loaded.broken, writer) {
        let (put, delete) = storage::set_aside(id, &items, broken.index as u64, &loaded.log.head());
        let _ = idb.write(&Batch { put, delete }).await;
    }
    remember_for_this_tab(id);
    let _ = idb
        .write(&Batch {
            put: vec![(storage::CURRENT_KEY.to_owned(), id.to_owned())],
            delete: Vec::new(),
        })
        .await;
    services::mark("hallcount:load-end");
    let book = Book::restored(id, loaded.log).with_set_aside(set_aside);
    let opened = OpenedAs {
        broken: loaded.broken,
        writer,
        storage_error: None,
    };
    Some((book, opened))
}

/// Opens the database, then the election open when the app was last closed, else a new one.
/// An election the officer started while the database was opening stays open, its entries
/// queued until then.
pub(super) async fn open_at_start(handle: MeetingHandle) {
    let idb = match Idb::open().await {
        Ok(idb) => Rc::new(idb),
        Err(error) => {
            let started = !handle.election_id().is_empty();
            if !started {
                *handle.book.borrow_mut() = Book::new(services::fresh_id());
            }
            handle.meeting.dispatch(Action::Opened(OpenedAs {
                writer: true,
                storage_error: Some(error.0),
                ..OpenedAs::default()
            }));
            handle.database_settled(None);
            return;
        }
    };
    handle.database_settled(Some(idb.clone()));
    let list = idb.get(storage::ELECTIONS_KEY).await.ok().flatten();
    handle
        .meeting
        .dispatch(Action::Listed(storage::parse_elections(list.as_deref())));
    if !handle.election_id().is_empty() {
        return;
    }
    // This tab's own election first (a reload reopens it, whatever another tab opened since);
    // a new tab takes the one opened last in this browser.
    let last_opened = idb
        .get(storage::CURRENT_KEY)
        .await
        .ok()
        .flatten()
        .filter(|id| !id.is_empty());
    // An election started while that was read stays open. The page offers no way to start one
    // before now (`WhenOpen`), but should one come: opening it again here would race its own
    // claim of the lock, lose, and leave this tab waiting on itself, read-only.
    if !handle.election_id().is_empty() {
        return;
    }
    match this_tabs_election().or(last_opened) {
        Some(id) => handle.open_stored(id),
        None => handle.new_election(),
    }
}

/// The election this tab has open, kept in its sessionStorage under the same key as the shared
/// "current" (through the same `Backend`), so that another tab opening an election never
/// changes it. A duplicated tab inherits it, as the browser copies sessionStorage.
fn this_tabs_election() -> Option<String> {
    let session = gloo::utils::window().session_storage().ok().flatten()?;
    storage::current(&session)
}

pub(super) fn remember_for_this_tab(id: &str) {
    if let Some(session) = gloo::utils::window().session_storage().ok().flatten() {
        // A refusal only means that a reload opens the election opened last, as before.
        let _ = storage::set_current(&session, id);
    }
}
