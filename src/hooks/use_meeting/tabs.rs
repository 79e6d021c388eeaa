//! Several tabs on one election: one writes, the others read and follow. The writer is the tab
//! holding the election's Web Lock (`services::writer_lock`), for as long as its page lives; a
//! tab that finds it taken opens read-only and waits for it, and writes once the first tab is
//! gone (its stored log read again first). The officer may take it over; the tab it is taken
//! from is told and turns read-only.
//!
//! Following: after each stored entry the writer sets a beacon in localStorage (the number of
//! entries); other tabs hear it through their `storage` event (IndexedDB has no such event) and
//! read the new entries.

use std::rc::Rc;

use gloo::events::EventListener;
use hallcount_core::{json, LogEntry};
use wasm_bindgen_futures::spawn_local;

use super::MeetingHandle;
use crate::services::idb::Idb;
use crate::services::storage;
use crate::services::writer_lock::{self, Ask, Held, Waiting};
use crate::state::{Action, Saving};

/// This tab's part in the writing: the lock it holds, or the one it waits for.
#[derive(Default)]
pub struct Tabs {
    held: Option<(String, Held)>,
    waiting: Option<(String, Waiting)>,
}

impl Tabs {
    fn holds(&self, id: &str) -> bool {
        self.held.as_ref().is_some_and(|(held, _)| held == id)
    }

    /// Whether this tab knows that another one writes election `id`.
    pub fn waits_for(&self, id: &str) -> bool {
        self.waiting
            .as_ref()
            .is_some_and(|(waiting, _)| waiting == id)
    }

    /// Lets go of any lock held or waited for (another election is opened).
    fn let_go(&mut self) {
        self.held = None;
        self.waiting = None;
    }
}

impl MeetingHandle {
    /// Takes the lock of election `id` if it is free; otherwise waits for it in the background.
    /// Whether this tab writes `id` now. Without Web Locks there is no way to coordinate tabs:
    /// this one writes (the head check of each append still refuses to write over another's).
    pub(super) async fn claim(&self, id: &str) -> bool {
        if self.tabs.borrow().holds(id) {
            return true;
        }
        self.tabs.borrow_mut().let_go();
        let name = writer_lock::lock_name(id);
        match writer_lock::acquire(&name, Ask::IfFree, None, self.on_lost(id)).await {
            Ok(Some(held)) => {
                self.tabs.borrow_mut().held = Some((id.to_owned(), held));
                true
            }
            Ok(None) => {
                self.wait_for_lock(id.to_owned());
                false
            }
            Err(_) => true,
        }
    }

    /// [`Self::claim`] for a new election, whose lock no other tab can hold yet.
    pub(super) fn claim_in_background(&self, id: String) {
        let handle = self.clone();
        spawn_local(async move {
            if !handle.claim(&id).await {
                handle.meeting.dispatch(Action::Writer(false));
            }
        });
    }

    /// Waits for the lock of election `id`; once it comes, reads the stored log again (the
    /// last writer may have stored more) and writes from then on.
    fn wait_for_lock(&self, id: String) {
        let Ok(waiting) = Waiting::new() else {
            return;
        };
        let signal = waiting.signal();
        self.tabs.borrow_mut().waiting = Some((id.clone(), waiting));
        let handle = self.clone();
        spawn_local(async move {
            let name = writer_lock::lock_name(&id);
            let on_lost = handle.on_lost(&id);
            let Ok(Some(held)) =
                writer_lock::acquire(&name, Ask::Wait, Some(signal), on_lost).await
            else {
                return;
            };
            if handle.tabs.borrow().waits_for(&id) && handle.election_id() == id {
                let mut tabs = handle.tabs.borrow_mut();
                tabs.waiting = None;
                tabs.held = Some((id.clone(), held));
                drop(tabs);
                handle.open_stored(id);
            }
        });
    }

    /// This tab writes from now on; the one that did is told and only reads.
    pub fn take_over(&self) {
        let id = self.election_id();
        let handle = self.clone();
        spawn_local(async move {
            let name = writer_lock::lock_name(&id);
            let on_lost = handle.on_lost(&id);
            if let Ok(Some(held)) = writer_lock::acquire(&name, Ask::Steal, None, on_lost).await {
                let mut tabs = handle.tabs.borrow_mut();
                tabs.waiting = None;
                tabs.held = Some((id.clone(), held));
                drop(tabs);
                // The other tab may have written since this one last read.
                handle.open_stored(id);
            }
        });
    }

    /// What happens when another tab takes the lock of `id` from this one.
    fn on_lost(&self, id: &str) -> impl FnOnce() + 'static {
        let handle = self.clone();
        let id = id.to_owned();
        move || {
            if !handle.tabs.borrow().holds(&id) {
                return;
            }
            handle.tabs.borrow_mut().held = None;
            handle.meeting.dispatch(Action::Writer(false));
            handle.wait_for_lock(id);
        }
    }
}

/// Written by the writing tab after each stored entry (the number of entries), so that other
/// tabs hear of it through their `storage` event.
fn beacon_key(id: &str) -> String {
    format!("hallcount.e.{id}.stored")
}

/// Tells other tabs that election `id` has `len` entries stored, so that a read-only tab follows.
pub fn announce(id: &str, len: u64) {
    if let Ok(backend) = storage::local() {
        let _ = backend.set_item(&beacon_key(id), &len.to_string());
    }
}

/// Follows what the writing tab stores, while this one only reads.
pub fn follow_other_tabs(handle: MeetingHandle) -> EventListener {
    let window = gloo::utils::window();
    EventListener::new(&window, "storage", move |event| {
        let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event) else {
            return;
        };
        let id = handle.election_id();
        if event.key() != Some(beacon_key(&id)) || handle.meeting.saving != Saving::ReadOnly {
            return;
        }
        let len = event
            .new_value()
            .and_then(|v| v.parse::<u64>().ok())
            .unwrap_or(0);
        let Some(idb) = handle.outbox.borrow().idb() else {
            return;
        };
        let handle = handle.clone();
        spawn_local(async move {
            let from = handle.book().log().entries().len() as u64;
            let entries = stored_after(idb, &id, from, len).await;
            if !entries.is_empty() && handle.election_id() == id {
                let action = handle.book.borrow_mut().follow(entries);
                handle.meeting.dispatch(action);
            }
        });
    })
}

/// Entries `from..len` of election `id`, up to the first missing or unreadable one.
async fn stored_after(idb: Rc<Idb>, id: &str, from: u64, len: u64) -> Vec<LogEntry> {
    let mut entries = Vec::new();
    for seq in from..len {
        let Ok(Some(text)) = idb.get(&storage::entry_key(id, seq)).await else {
            break;
        };
        let Ok(entry) = json::fast::<LogEntry>(&text) else {
            break;
        };
        entries.push(entry);
    }
    entries
}
