//! [`MeetingProvider`] holds the one [`Meeting`] reducer at the root and wires it to storage;
//! [`use_meeting`] gives any component a [`MeetingHandle`] to read it and act on it.
//!
//! Every action that adds to the log goes through the [`Outbox`], one at a time and in order:
//! seal the event against the latest log (refused → the reason is kept in `last_error`), write
//! the entry to IndexedDB and wait until the transaction is committed, then dispatch it. So a
//! paper is on screen only once it is on disk, or, when storage refused it, once it is kept in
//! memory with entry paused and the error shown. A clerk typing ahead never waits: a paper
//! entered while the one before is still being written waits in the queue.

use std::cell::{Ref, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use hallcount_core::{Election, EnteredPaper, Event, LogEntry, Paper, Tally};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::services::idb::{Batch, Idb};
use crate::services::{self, lease, storage};
use crate::state::{Action, Book, ElectionSummary, Meeting, MeetingError, Opened, Saving};

/// Events waiting to be stored, and the database they go to.
#[derive(Default)]
pub struct Outbox {
    /// `None` until the database is open, or when it cannot be.
    idb: Option<Rc<Idb>>,
    queue: VecDeque<Pending>,
    /// A write is in flight.
    busy: bool,
}

struct Pending {
    event: Event,
    /// More keys written in the same transaction (the list of elections with a definition).
    extra: Vec<(String, String)>,
    /// Dispatched once the entry is stored.
    then: Option<Action>,
}

/// Read access and actions on the meeting. Cheap to clone; equal while the state is the same.
#[derive(Clone)]
pub struct MeetingHandle {
    meeting: UseReducerHandle<Meeting>,
    outbox: Rc<RefCell<Outbox>>,
}

impl PartialEq for MeetingHandle {
    fn eq(&self, other: &MeetingHandle) -> bool {
        self.meeting == other.meeting && Rc::ptr_eq(&self.outbox, &other.outbox)
    }
}

impl MeetingHandle {
    /// The whole state, for what the accessors below do not cover.
    pub fn state(&self) -> &Meeting {
        &self.meeting
    }

    pub fn election(&self) -> Option<Rc<Election>> {
        self.meeting.election()
    }

    /// Every paper as entered, with its number, voided ones kept and marked.
    pub fn papers(&self) -> Ref<'_, [EnteredPaper]> {
        self.meeting.papers()
    }

    pub fn n_papers(&self) -> usize {
        self.meeting.n_papers()
    }

    pub fn n_live_papers(&self) -> usize {
        self.meeting.n_live_papers()
    }

    /// The result of the live papers, from the running tally; `None` before a definition.
    pub fn tally(&self) -> Option<Rc<Tally>> {
        self.meeting.tally()
    }

    pub fn definition_locked(&self) -> bool {
        self.meeting.definition_locked()
    }

    pub fn results_locked(&self) -> bool {
        self.meeting.results_locked()
    }

    pub fn last_error(&self) -> Option<&MeetingError> {
        self.meeting.last_error.as_ref()
    }

    pub fn saving(&self) -> &Saving {
        &self.meeting.saving
    }

    /// Whether this tab may add to the log now (not another tab's, not paused by storage).
    pub fn can_write(&self) -> bool {
        self.meeting.can_write()
    }

    /// Whether a new paper would be taken now (not read-only, not paused, not locked, defined).
    pub fn can_enter(&self) -> bool {
        self.meeting.refusal().is_none() && self.election().is_some() && !self.results_locked()
    }

    pub fn elections(&self) -> Rc<Vec<ElectionSummary>> {
        self.meeting.elections.clone()
    }

    pub fn election_id(&self) -> String {
        self.meeting.election_id()
    }

    /// Enters one paper; `Ok` with its number once it is accepted (stored, or queued behind the
    /// paper being stored).
    pub fn enter_paper(&self, paper: Paper) -> Result<u32, MeetingError> {
        let number = (self.meeting.n_papers() + self.outbox.borrow().queue.len()) as u32 + 1;
        self.submit(Event::PaperEntered { paper }, Vec::new(), None)
            .map(|()| number)
    }

    pub fn void_paper(&self, number: u32, reason: String) -> Result<(), MeetingError> {
        self.submit(Event::PaperVoided { number, reason }, Vec::new(), None)
    }

    pub fn lock_results(&self) -> Result<(), MeetingError> {
        self.submit(Event::ResultsLocked, Vec::new(), None)
    }

    pub fn unlock_results(&self, reason: String) -> Result<(), MeetingError> {
        self.submit(Event::ResultsUnlocked { reason }, Vec::new(), None)
    }

    pub fn unlock_definition(&self, reason: String) -> Result<(), MeetingError> {
        self.submit(Event::DefinitionUnlocked { reason }, Vec::new(), None)
    }

    /// R7: records the lot's outcome for a contest.
    pub fn record_lot(&self, contest: String, winners: Vec<String>) -> Result<(), MeetingError> {
        self.submit(Event::LotDrawn { contest, winners }, Vec::new(), None)
    }

    /// Defines (or corrects) the open election and lists it among those kept here, in the same
    /// write as the definition.
    pub fn define(&self, election: Election) -> Result<(), MeetingError> {
        let id = self.election_id();
        let summary = ElectionSummary::of(&id, &election);
        let (list, listed) = storage::with_election((*self.meeting.elections).clone(), summary);
        let extra = vec![listed, (storage::CURRENT_KEY.to_owned(), id)];
        self.submit(
            Event::ElectionDefined { election },
            extra,
            Some(Action::Listed(list)),
        )
    }

    /// Opens a new, empty election (the one open stays stored and can be switched back to).
    pub fn new_election(&self) {
        self.leave();
        let id = services::fresh_id();
        let writer = acquire_lease(&id);
        self.meeting.dispatch(Action::Open(Box::new(Opened {
            book: Book::new(id),
            broken: None,
            writer,
            storage_error: None,
        })));
    }

    /// Opens a new election already defined as `election` (the next round of a meeting, from
    /// `propose_next_round`, or the sample meeting); the one open stays stored and can be
    /// switched back to.
    pub fn start_election(&self, election: Election) -> Result<(), MeetingError> {
        let problems = hallcount_core::check_election(&election);
        if !problems.is_empty() {
            let error =
                MeetingError::Refused(hallcount_core::LogError::InvalidElection { problems });
            self.meeting.dispatch(Action::Refuse(error.clone()));
            return Err(error);
        }
        self.new_election();
        self.define(election)
    }

    /// Opens an election kept in this browser.
    pub fn switch_to(&self, id: &str) {
        if id == self.election_id() {
            return;
        }
        self.leave();
        self.open_stored(id.to_owned());
    }

    /// After a storage failure: go on entering, keeping papers in memory (download them!).
    pub fn continue_in_memory(&self) {
        self.meeting.dispatch(Action::ContinueInMemory);
    }

    /// Writes what is kept in memory to storage again.
    pub fn retry_saving(&self) {
        let Some(idb) = self.outbox.borrow().idb.clone() else {
            let error = MeetingError::Storage {
                message: storage::StorageError::unavailable().0,
            };
            self.meeting.dispatch(Action::Refuse(error));
            return;
        };
        let id = self.election_id();
        let mut batch = Batch::default();
        for entry in self.meeting.book().unstored() {
            batch.put.extend(storage::entry_items(&id, entry));
        }
        let handle = self.clone();
        spawn_local(async move {
            match idb.write(&batch).await {
                Ok(()) => handle.meeting.dispatch(Action::Flushed),
                Err(error) => handle
                    .meeting
                    .dispatch(Action::Refuse(MeetingError::Storage { message: error.0 })),
            }
        });
    }

    /// This tab writes from now on; the other one is told and only reads.
    pub fn take_over(&self) {
        let id = self.election_id();
        if let Ok(backend) = storage::local() {
            if lease::take_over(&backend, &id, &lease::tab_id(), services::now_ms()).is_ok() {
                // The other tab may have written since this one last read.
                self.open_stored(id);
            }
        }
    }

    pub fn dismiss_error(&self) {
        self.meeting.dispatch(Action::DismissError);
    }

    /// The live papers as a `hallcount/ballots@1` download.
    pub fn download_ballots(&self) -> Result<(), String> {
        let Some(election) = self.election() else {
            return Ok(());
        };
        let papers: Vec<Paper> = self
            .papers()
            .iter()
            .filter(|p| p.is_live())
            .map(|p| p.paper.clone())
            .collect();
        let json = services::files::ballots_json(papers);
        services::files::download(
            &services::files::file_name(&election, "ballots"),
            "application/json",
            &json,
        )
    }

    /// The definition as a `hallcount/election@1` download.
    pub fn download_election(&self) -> Result<(), String> {
        let Some(election) = self.election() else {
            return Ok(());
        };
        let json = services::files::election_json(&election);
        services::files::download(
            &services::files::file_name(&election, "election"),
            "application/json",
            &json,
        )
    }

    /// Checks `event` against the log now (so a refusal is heard at once), then queues it.
    fn submit(
        &self,
        event: Event,
        extra: Vec<(String, String)>,
        then: Option<Action>,
    ) -> Result<(), MeetingError> {
        if let Err(error) = self.meeting.seal(event.clone(), "") {
            // A paper queued behind another is checked again when its turn comes.
            let queued = !self.outbox.borrow().queue.is_empty() || self.outbox.borrow().busy;
            let stale = matches!(
                error,
                MeetingError::Refused(hallcount_core::LogError::UnknownPaper { .. })
            );
            if !(queued && stale) {
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
        if outbox.busy {
            return;
        }
        let Some(pending) = outbox.queue.pop_front() else {
            return;
        };
        let entry = match self.meeting.seal(pending.event, &services::now_iso()) {
            Ok(entry) => entry,
            Err(error) => {
                drop(outbox);
                self.meeting.dispatch(Action::Refuse(error));
                return self.drain();
            }
        };
        let id = self.election_id();
        if !acquire_lease(&id) {
            outbox.queue.clear();
            drop(outbox);
            self.meeting.dispatch(Action::Writer(false));
            self.meeting
                .dispatch(Action::Refuse(MeetingError::OtherTab));
            return;
        }
        // What storage refused before goes first, so the stored log never has a gap.
        let mut batch = Batch::default();
        for earlier in self.meeting.book().unstored() {
            batch.put.extend(storage::entry_items(&id, earlier));
        }
        batch.put.extend(storage::entry_items(&id, &entry));
        batch.put.extend(pending.extra);
        let len = entry.seq + 1;
        outbox.busy = true;
        let idb = outbox.idb.clone();
        drop(outbox);
        let handle = self.clone();
        spawn_local(async move {
            let stored = match idb {
                Some(idb) => idb.write(&batch).await.map_err(|e| e.0),
                None => Err(storage::StorageError::unavailable().0),
            };
            handle.outbox.borrow_mut().busy = false;
            let ok = stored.is_ok();
            handle.meeting.dispatch(Action::Commit {
                entry: Box::new(entry),
                stored,
            });
            if ok {
                announce(&id, len);
                if let Some(then) = pending.then {
                    handle.meeting.dispatch(then);
                }
            }
            handle.drain();
        });
    }

    /// Reads election `id` from storage and opens it. A broken log keeps what came before the
    /// break; the writer sets the rest aside so that new entries never overwrite it.
    fn open_stored(&self, id: String) {
        let handle = self.clone();
        spawn_local(async move {
            let idb = handle.outbox.borrow().idb.clone();
            let opened = load_election(idb, &id).await;
            handle.meeting.dispatch(Action::Open(Box::new(opened)));
        });
    }

    fn leave(&self) {
        if let Ok(backend) = storage::local() {
            let _ = lease::release(&backend, &self.election_id(), &lease::tab_id());
        }
    }
}

/// Takes (or keeps) the lease of election `id` for this tab. Without localStorage there is no
/// way to coordinate tabs: this one writes.
fn acquire_lease(id: &str) -> bool {
    match storage::local() {
        Ok(backend) => {
            lease::acquire(&backend, id, &lease::tab_id(), services::now_ms()).unwrap_or(true)
        }
        Err(_) => true,
    }
}

/// Tells other tabs (through a localStorage `storage` event) that election `id` has `len`
/// entries stored, so that a read-only tab follows.
fn announce(id: &str, len: u64) {
    if let Ok(backend) = storage::local() {
        let _ = backend.set_item(&lease::beacon_key(id), &len.to_string());
    }
}

async fn load_election(idb: Option<Rc<Idb>>, id: &str) -> Opened {
    services::mark("hallcount:load-start");
    let writer = acquire_lease(id);
    let Some(idb) = idb else {
        let storage_error = Some(storage::StorageError::unavailable().0);
        return Opened {
            book: Book::new(id),
            broken: None,
            writer,
            storage_error,
        };
    };
    let items = match idb.with_prefix(&storage::election_prefix(id)).await {
        Ok(items) => items,
        Err(error) => {
            return Opened {
                book: Book::new(id),
                broken: None,
                writer,
                storage_error: Some(error.0),
            }
        }
    };
    services::mark("hallcount:load-read");
    let loaded = storage::restore(id, &items);
    services::mark("hallcount:load-restored");
    let set_aside = storage::set_aside_earlier(id, &items);
    if let (Some(broken), true) = (&loaded.broken, writer) {
        let (put, delete) = storage::set_aside(id, &items, broken.index as u64, &loaded.log.head());
        let _ = idb.write(&Batch { put, delete }).await;
    }
    let _ = idb
        .write(&Batch {
            put: vec![(storage::CURRENT_KEY.to_owned(), id.to_owned())],
            delete: Vec::new(),
        })
        .await;
    services::mark("hallcount:load-end");
    let book = Book::restored(id, loaded.log).with_set_aside(set_aside);
    Opened {
        book,
        broken: loaded.broken,
        writer,
        storage_error: None,
    }
}

/// Entries another tab stored after ours, up to `len`.
async fn follow(idb: Rc<Idb>, meeting: &Meeting, len: u64) -> Option<Action> {
    let id = meeting.election_id();
    let from = meeting.book().log().entries().len() as u64;
    let mut entries = Vec::new();
    for seq in from..len {
        let Ok(Some(text)) = idb.get(&storage::entry_key(&id, seq)).await else {
            break;
        };
        let Ok(entry) = serde_json::from_str::<LogEntry>(&text) else {
            break;
        };
        entries.push(entry);
    }
    (!entries.is_empty()).then_some(Action::Follow(entries))
}

#[derive(Properties, PartialEq)]
pub struct MeetingProviderProps {
    pub children: Html,
}

/// Holds the meeting for the whole app; put it once at the root.
#[component]
pub fn MeetingProvider(props: &MeetingProviderProps) -> Html {
    let meeting = use_reducer(Meeting::default);
    let outbox = use_mut_ref(Outbox::default);
    let handle = MeetingHandle {
        meeting: meeting.clone(),
        outbox,
    };

    use_effect_with((), {
        let handle = handle.clone();
        move |_| spawn_local(open_at_start(handle))
    });
    use_effect_with((), {
        let handle = handle.clone();
        move |_| {
            let guards = watch_other_tabs(handle);
            move || drop(guards)
        }
    });
    let opened = meeting.version > 0;
    use_effect_with(opened, |opened| {
        if *opened {
            services::mark("hallcount:ready");
        }
    });

    html! {
        <ContextProvider<MeetingHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<MeetingHandle>>
    }
}

/// Opens the database, then the election open when the app was last closed, else a new one.
async fn open_at_start(handle: MeetingHandle) {
    let idb = match Idb::open().await {
        Ok(idb) => Rc::new(idb),
        Err(error) => {
            let id = services::fresh_id();
            let opened = Opened {
                book: Book::new(id),
                broken: None,
                writer: true,
                storage_error: Some(error.0),
            };
            handle.meeting.dispatch(Action::Open(Box::new(opened)));
            return;
        }
    };
    handle.outbox.borrow_mut().idb = Some(idb.clone());
    let list = idb.get(storage::ELECTIONS_KEY).await.ok().flatten();
    handle
        .meeting
        .dispatch(Action::Listed(storage::parse_elections(list.as_deref())));
    match idb
        .get(storage::CURRENT_KEY)
        .await
        .ok()
        .flatten()
        .filter(|id| !id.is_empty())
    {
        Some(id) => {
            let opened = load_election(Some(idb), &id).await;
            handle.meeting.dispatch(Action::Open(Box::new(opened)));
        }
        None => handle.new_election(),
    }
}

/// The storage events of other tabs (lease taken, entries stored), the lease's renewal, and its
/// release when the page goes away.
fn watch_other_tabs(handle: MeetingHandle) -> (EventListener, EventListener, Interval) {
    let window = gloo::utils::window();
    let on_storage = {
        let handle = handle.clone();
        EventListener::new(&window, "storage", move |event| {
            let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event) else {
                return;
            };
            let Some(key) = event.key() else { return };
            let id = handle.election_id();
            if key == lease::lease_key(&id) {
                let taken = event.new_value().as_deref().and_then(lease::Lease::parse);
                if taken.is_some_and(|lease| lease.excludes(&lease::tab_id(), services::now_ms())) {
                    handle.meeting.dispatch(Action::Writer(false));
                }
            } else if key == lease::beacon_key(&id) && handle.meeting.saving == Saving::ReadOnly {
                let len = event
                    .new_value()
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0);
                let Some(idb) = handle.outbox.borrow().idb.clone() else {
                    return;
                };
                let handle = handle.clone();
                spawn_local(async move {
                    if let Some(action) = follow(idb, &handle.meeting, len).await {
                        handle.meeting.dispatch(action);
                    }
                });
            }
        })
    };
    let on_leave = {
        let handle = handle.clone();
        EventListener::new(&window, "pagehide", move |_| handle.leave())
    };
    let renew = Interval::new(lease::RENEW_MS, move || {
        let id = handle.election_id();
        if id.is_empty() {
            return;
        }
        let Ok(backend) = storage::local() else {
            return;
        };
        let holds =
            lease::acquire(&backend, &id, &lease::tab_id(), services::now_ms()).unwrap_or(false);
        match (&handle.meeting.saving, holds) {
            (Saving::ReadOnly, true) => handle.open_stored(id),
            (Saving::Stored | Saving::InMemory { .. }, false) => {
                handle.meeting.dispatch(Action::Writer(false))
            }
            _ => {}
        }
    });
    (on_storage, on_leave, renew)
}

/// The meeting of the nearest [`MeetingProvider`].
#[hook]
pub fn use_meeting() -> MeetingHandle {
    use_context::<MeetingHandle>().expect("use_meeting needs a MeetingProvider at the root")
}
