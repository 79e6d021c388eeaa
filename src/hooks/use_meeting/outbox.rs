//! The write queue. Every action that adds to the log goes through it, one at a time and in
//! order: seal the event against the latest log (refused → the reason is kept in `last_error`),
//! append the entry to IndexedDB and wait until the transaction is committed, then commit it to
//! the book. So a paper is on screen only once it is on disk, or, when storage refused it, once
//! it is kept in memory with entry paused and the error shown. A clerk typing ahead never waits:
//! a paper entered while the one before is still being written waits in the queue.
//!
//! The append checks the stored head in the same transaction and adds entries with `add`, never
//! `put`: if another writer stored entries in the meantime, nothing is written, this tab is told
//! (`MeetingError::HeadMoved`) and reads the stored log again.

use std::collections::VecDeque;
use std::rc::Rc;

use hallcount_core::{Event, LogError};
use wasm_bindgen_futures::spawn_local;

use super::MeetingHandle;
use crate::services::idb::{AppendError, Idb};
use crate::services::{self, storage};
use crate::state::{Action, MeetingError};

/// Events waiting to be stored, and the database they go to.
pub struct Outbox {
    /// `None` until the database is open, or when it cannot be.
    idb: Option<Rc<Idb>>,
    queue: VecDeque<Pending>,
    /// A write is in flight.
    busy: bool,
    /// The database is still being opened: what is queued waits for it.
    opening: bool,
}

impl Default for Outbox {
    fn default() -> Outbox {
        Outbox {
            idb: None,
            queue: VecDeque::new(),
            busy: false,
            opening: true,
        }
    }
}

impl Outbox {
    pub fn idb(&self) -> Option<Rc<Idb>> {
        self.idb.clone()
    }

    /// The database is open (`Some`) or cannot be (`None`): writes may go.
    pub fn settle(&mut self, idb: Option<Rc<Idb>>) {
        self.idb = idb;
        self.opening = false;
    }

    /// Events accepted but not yet stored (the one being written included).
    pub fn queued(&self) -> usize {
        self.queue.len()
    }

    fn idle(&self) -> bool {
        self.queue.is_empty() && !self.busy
    }
}

struct Pending {
    event: Event,
    /// More keys written in the same transaction (the list of elections with a definition).
    extra: Vec<(String, String)>,
    /// Dispatched once the entry is stored.
    then: Option<Action>,
}

impl MeetingHandle {
    /// Once the database is open (or known not to be): stores what was queued meanwhile.
    pub(super) fn database_settled(&self, idb: Option<Rc<Idb>>) {
        self.outbox.borrow_mut().settle(idb);
        self.drain();
    }

    /// Checks `event` against the log now (so a refusal is heard at once), then queues it.
    pub(super) fn submit(
        &self,
        event: Event,
        extra: Vec<(String, String)>,
        then: Option<Action>,
    ) -> Result<(), MeetingError> {
        if let Err(error) = self.meeting.seal(&self.book(), event.clone(), "") {
            // A paper queued behind another is checked again when its turn comes.
            let stale = matches!(error, MeetingError::Refused(LogError::UnknownPaper { .. }));
            if self.outbox.borrow().idle() || !stale {
                self.meeting.dispatch(Action::Refuse(error.clone()));
                return Err(error);
            }
        }
        self.outbox
            .borrow_mut()
            .queue
            .push_back(Pending { event, extra, then });
        self.drain();
        Ok(())
    }

    /// Stores the next queued event, if no write is in flight.
    fn drain(&self) {
        let mut outbox = self.outbox.borrow_mut();
        if outbox.busy || outbox.opening {
            return;
        }
        let Some(pending) = outbox.queue.pop_front() else {
            return;
        };
        let id = self.election_id();
        let sealed = self
            .meeting
            .seal(&self.book(), pending.event, &services::now_iso());
        let entry = match sealed {
            Ok(_) if self.tabs.borrow().waits_for(&id) => {
                // Another tab holds the lock: this one was told, or is about to be.
                outbox.queue.clear();
                drop(outbox);
                self.meeting.dispatch(Action::Writer(false));
                self.meeting
                    .dispatch(Action::Refuse(MeetingError::OtherTab));
                return;
            }
            Ok(entry) => entry,
            Err(error) => {
                drop(outbox);
                self.meeting.dispatch(Action::Refuse(error));
                return self.drain();
            }
        };
        // What storage refused before goes first, so the stored log never has a gap.
        let (expected, mut add) = {
            let book = self.book();
            let expected = storage::head_after(book.log(), book.n_stored());
            let add: Vec<_> = book
                .unstored()
                .iter()
                .map(|earlier| storage::entry_items(&id, earlier)[0].clone())
                .collect();
            (expected, add)
        };
        let [item, head] = storage::entry_items(&id, &entry);
        add.push(item);
        let mut put = vec![head];
        put.extend(pending.extra);
        let len = entry.seq + 1;
        outbox.busy = true;
        let idb = outbox.idb.clone();
        drop(outbox);
        let handle = self.clone();
        spawn_local(async move {
            let stored = match idb {
                Some(idb) => {
                    let guard = move |stored: Option<String>| {
                        storage::head_is(expected.as_ref(), stored.as_deref())
                    };
                    idb.append_if(&storage::head_key(&id), guard, add, put)
                        .await
                }
                None => Err(AppendError::Storage(storage::StorageError::unavailable())),
            };
            handle.outbox.borrow_mut().busy = false;
            let stored = match stored {
                Ok(()) => Ok(()),
                Err(AppendError::Storage(error)) => Err(error.0),
                Err(AppendError::HeadMoved) => return handle.head_moved(id),
            };
            let ok = stored.is_ok();
            let action = handle.book.borrow_mut().commit(entry, stored);
            handle.meeting.dispatch(action);
            if ok {
                super::tabs::announce(&id, len);
                if let Some(then) = pending.then {
                    handle.meeting.dispatch(then);
                }
            }
            handle.drain();
        });
    }

    /// Another writer stored entries since this tab last did: what is queued is dropped (it was
    /// sealed against a log that is no longer the stored one) and the stored log is read again.
    fn head_moved(&self, id: String) {
        self.outbox.borrow_mut().queue.clear();
        let handle = self.clone();
        spawn_local(async move {
            handle.reopen(&id).await;
            // After the reopening, which clears the last error, so that it stays on screen.
            handle
                .meeting
                .dispatch(Action::Refuse(MeetingError::HeadMoved));
        });
    }

    /// Writes what is kept in memory to storage again.
    pub fn retry_saving(&self) {
        let Some(idb) = self.outbox.borrow().idb() else {
            let error = MeetingError::Storage {
                message: storage::StorageError::unavailable().0,
            };
            self.meeting.dispatch(Action::Refuse(error));
            return;
        };
        let id = self.election_id();
        let (expected, add, put) = {
            let book = self.book();
            let expected = storage::head_after(book.log(), book.n_stored());
            let mut add = Vec::new();
            let mut put = Vec::new();
            for entry in book.unstored() {
                let [item, head] = storage::entry_items(&id, entry);
                add.push(item);
                put = vec![head];
            }
            (expected, add, put)
        };
        let handle = self.clone();
        spawn_local(async move {
            let guard = move |stored: Option<String>| {
                storage::head_is(expected.as_ref(), stored.as_deref())
            };
            match idb
                .append_if(&storage::head_key(&id), guard, add, put)
                .await
            {
                Ok(()) => {
                    let action = handle.book.borrow_mut().flushed();
                    handle.meeting.dispatch(action);
                }
                Err(AppendError::HeadMoved) => handle.head_moved(id),
                Err(AppendError::Storage(error)) => handle
                    .meeting
                    .dispatch(Action::Refuse(MeetingError::Storage { message: error.0 })),
            }
        });
    }
}
