//! [`MeetingProvider`] holds the one [`Meeting`] reducer at the root and wires it to storage;
//! [`use_meeting`] gives any component a [`MeetingHandle`] to read it and act on it.
//!
//! Every action that adds to the log goes: seal the event against the latest log (refused → the
//! reason is kept in `last_error`), store the entry (localStorage, and the head after it), then
//! dispatch it. So a paper is on screen only once it is stored, or, when storage refused it, once
//! it is kept in memory with entry paused and the error shown.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use hallcount_core::{Election, EnteredPaper, Event, LogEntry, Paper, Tally};
use yew::prelude::*;

use crate::services::{self, lease, storage};
use crate::state::{Action, Book, ElectionSummary, Meeting, MeetingError, Opened, Saving};

/// Read access and actions on the meeting. Cheap to clone; equal while the state is the same.
#[derive(Clone, PartialEq)]
pub struct MeetingHandle {
    meeting: UseReducerHandle<Meeting>,
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

    /// Enters one paper; `Ok` with its number once it is stored (or kept in memory).
    pub fn enter_paper(&self, paper: Paper) -> Result<u32, MeetingError> {
        let number = self.meeting.n_papers() as u32 + 1;
        self.submit(Event::PaperEntered { paper }).map(|()| number)
    }

    pub fn void_paper(&self, number: u32, reason: String) -> Result<(), MeetingError> {
        self.submit(Event::PaperVoided { number, reason })
    }

    pub fn lock_results(&self) -> Result<(), MeetingError> {
        self.submit(Event::ResultsLocked)
    }

    pub fn unlock_results(&self, reason: String) -> Result<(), MeetingError> {
        self.submit(Event::ResultsUnlocked { reason })
    }

    pub fn unlock_definition(&self, reason: String) -> Result<(), MeetingError> {
        self.submit(Event::DefinitionUnlocked { reason })
    }

    /// R7: records the lot's outcome for a contest.
    pub fn record_lot(&self, contest: String, winners: Vec<String>) -> Result<(), MeetingError> {
        self.submit(Event::LotDrawn { contest, winners })
    }

    /// Defines (or corrects) the open election and lists it among those kept here.
    pub fn define(&self, election: Election) -> Result<(), MeetingError> {
        let summary = ElectionSummary::of(&self.election_id(), &election);
        self.submit(Event::ElectionDefined { election })?;
        if let Ok(backend) = storage::local() {
            if let Ok(list) = storage::remember(&backend, summary) {
                self.meeting.dispatch(Action::Listed(list));
            }
            let _ = storage::set_current(&backend, &self.election_id());
        }
        Ok(())
    }

    /// Opens a new, empty election (the one open stays stored and can be switched back to).
    pub fn new_election(&self) {
        self.leave();
        let id = services::fresh_id();
        let book = Book::new(id.clone());
        self.open(book, None, &id);
    }

    /// Opens a new election already defined as `election` (the next round of a meeting, from
    /// `propose_next_round`); the one open stays stored and can be switched back to. The definition
    /// is sealed and stored before the switch, so the new round never exists only on screen.
    pub fn start_election(&self, election: Election) -> Result<(), MeetingError> {
        let id = services::fresh_id();
        let summary = ElectionSummary::of(&id, &election);
        let mut log = hallcount_core::Log::default();
        let entry = log
            .seal(Event::ElectionDefined { election }, services::now_iso())
            .map_err(MeetingError::Refused)?;
        log.push(entry.clone()).map_err(MeetingError::Refused)?;
        let stored = storage::local().and_then(|backend| {
            storage::append(&backend, &id, &entry)?;
            storage::remember(&backend, summary)
        });
        let list = stored.map_err(|error| MeetingError::Storage { message: error.0 })?;
        self.leave();
        self.meeting.dispatch(Action::Listed(list));
        self.open(Book::restored(id.clone(), log), None, &id);
        Ok(())
    }

    /// Opens an election kept in this browser.
    pub fn switch_to(&self, id: &str) {
        if id == self.election_id() {
            return;
        }
        self.leave();
        open_stored(&self.meeting, id);
    }

    /// After a storage failure: go on entering, keeping papers in memory (download them!).
    pub fn continue_in_memory(&self) {
        self.meeting.dispatch(Action::ContinueInMemory);
    }

    /// Writes what is kept in memory to storage again.
    pub fn retry_saving(&self) -> Result<(), MeetingError> {
        let id = self.election_id();
        let result = storage::local().and_then(|backend| {
            for entry in self.meeting.book().unstored() {
                storage::append(&backend, &id, entry)?;
            }
            Ok(())
        });
        match result {
            Ok(()) => {
                self.meeting.dispatch(Action::Flushed);
                Ok(())
            }
            Err(error) => {
                let error = MeetingError::Storage { message: error.0 };
                self.meeting.dispatch(Action::Refuse(error.clone()));
                Err(error)
            }
        }
    }

    /// This tab writes from now on; the other one is told and only reads.
    pub fn take_over(&self) {
        let id = self.election_id();
        if let Ok(backend) = storage::local() {
            if lease::take_over(&backend, &id, &lease::tab_id(), services::now_ms()).is_ok() {
                // The other tab may have written since this one last read.
                open_stored(&self.meeting, &id);
            }
        }
    }

    pub fn dismiss_error(&self) {
        self.meeting.dispatch(Action::DismissError);
    }

    /// The live papers as a `hallcount/ballots@1` download.
    pub fn download_ballots(&self) -> Result<(), String> {
        let Some(election) = self.election() else { return Ok(()) };
        let papers: Vec<Paper> = self.papers().iter().filter(|p| p.is_live()).map(|p| p.paper.clone()).collect();
        let json = services::files::ballots_json(papers);
        services::files::download(&services::files::file_name(&election, "ballots"), "application/json", &json)
    }

    /// The definition as a `hallcount/election@1` download.
    pub fn download_election(&self) -> Result<(), String> {
        let Some(election) = self.election() else { return Ok(()) };
        let json = services::files::election_json(&election);
        services::files::download(&services::files::file_name(&election, "election"), "application/json", &json)
    }

    /// Seal, store, then commit.
    fn submit(&self, event: Event) -> Result<(), MeetingError> {
        let entry = match self.meeting.seal(event, &services::now_iso()) {
            Ok(entry) => entry,
            Err(error) => {
                self.meeting.dispatch(Action::Refuse(error.clone()));
                return Err(error);
            }
        };
        let id = self.election_id();
        let stored = store(&self.meeting, &id, &entry);
        if let Err(StoreRefusal::OtherTab) = stored {
            self.meeting.dispatch(Action::Writer(false));
            self.meeting.dispatch(Action::Refuse(MeetingError::OtherTab));
            return Err(MeetingError::OtherTab);
        }
        let stored = stored.map_err(|refusal| match refusal {
            StoreRefusal::Storage(message) => message,
            StoreRefusal::OtherTab => unreachable!("handled above"),
        });
        self.meeting.dispatch(Action::Commit { entry, stored: stored.clone() });
        stored.map_err(|message| MeetingError::Storage { message })
    }

    fn open(&self, book: Book, broken: Option<hallcount_core::ChainBreak>, id: &str) {
        let (writer, storage_error) = match storage::local() {
            Ok(backend) => {
                let writer = lease::acquire(&backend, id, &lease::tab_id(), services::now_ms()).unwrap_or(false);
                let _ = storage::set_current(&backend, id);
                (writer, None)
            }
            Err(error) => (true, Some(error.0)),
        };
        self.meeting.dispatch(Action::Open(Opened { book, broken, writer, storage_error }));
    }

    fn leave(&self) {
        if let Ok(backend) = storage::local() {
            let _ = lease::release(&backend, &self.election_id(), &lease::tab_id());
        }
    }
}

enum StoreRefusal {
    OtherTab,
    Storage(String),
}

/// Stores the entries kept in memory (if any), then `entry`, after checking the lease.
fn store(meeting: &Meeting, id: &str, entry: &LogEntry) -> Result<(), StoreRefusal> {
    let backend = storage::local().map_err(|e| StoreRefusal::Storage(e.0))?;
    match lease::acquire(&backend, id, &lease::tab_id(), services::now_ms()) {
        Ok(true) => {}
        Ok(false) => return Err(StoreRefusal::OtherTab),
        Err(error) => return Err(StoreRefusal::Storage(error.0)),
    }
    for earlier in meeting.book().unstored() {
        storage::append(&backend, id, earlier).map_err(|e| StoreRefusal::Storage(e.0))?;
    }
    storage::append(&backend, id, entry).map_err(|e| StoreRefusal::Storage(e.0))
}

/// Reads election `id` from storage and opens it. A broken log keeps what came before the break;
/// the writer sets the rest aside so that new entries never overwrite it.
fn open_stored(meeting: &UseReducerHandle<Meeting>, id: &str) {
    services::mark("hallcount:load-start");
    let backend = match storage::local() {
        Ok(backend) => backend,
        Err(error) => {
            let book = Book::new(id);
            meeting.dispatch(Action::Open(Opened { book, broken: None, writer: true, storage_error: Some(error.0) }));
            return;
        }
    };
    let writer = lease::acquire(&backend, id, &lease::tab_id(), services::now_ms()).unwrap_or(false);
    let (book, broken, storage_error) = match storage::load(&backend, id) {
        Ok(loaded) => {
            if let (Some(broken), true) = (&loaded.broken, writer) {
                let _ = storage::set_aside_from(&backend, id, broken.index as u64);
                let _ = storage::write_head(&backend, id, &loaded.log.head());
            }
            (Book::restored(id, loaded.log), loaded.broken, None)
        }
        Err(error) => (Book::new(id), None, Some(error.0)),
    };
    let _ = storage::set_current(&backend, id);
    services::mark("hallcount:load-end");
    meeting.dispatch(Action::Open(Opened { book, broken, writer, storage_error }));
}

/// Entries another tab stored after ours.
fn follow(meeting: &Meeting) -> Option<Action> {
    let backend = storage::local().ok()?;
    let id = meeting.election_id();
    let from = meeting.book().log().entries().len() as u64;
    let mut entries = Vec::new();
    for seq in from.. {
        let Ok(Some(text)) = backend.get_item(&storage::entry_key(&id, seq)) else { break };
        let Ok(entry) = serde_json::from_str::<LogEntry>(&text) else { break };
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
    // The latest handle, for listeners and timers created once.
    let latest = use_mut_ref(|| meeting.clone());
    *latest.borrow_mut() = meeting.clone();

    use_effect_with((), {
        let meeting = meeting.clone();
        move |_| open_at_start(&meeting)
    });
    use_effect_with((), {
        let latest = latest.clone();
        move |_| {
            let guards = watch_other_tabs(latest);
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
        <ContextProvider<MeetingHandle> context={MeetingHandle { meeting }}>
            { props.children.clone() }
        </ContextProvider<MeetingHandle>>
    }
}

/// The election open when the app was last closed, else a new one.
fn open_at_start(meeting: &UseReducerHandle<Meeting>) {
    let handle = MeetingHandle { meeting: meeting.clone() };
    match storage::local() {
        Ok(backend) => {
            meeting.dispatch(Action::Listed(storage::elections(&backend)));
            match storage::current(&backend) {
                Some(id) => open_stored(meeting, &id),
                None => handle.new_election(),
            }
        }
        Err(_) => handle.new_election(),
    }
}

/// The storage events of other tabs (lease taken, entries stored), the lease's renewal, and its
/// release when the page goes away.
fn watch_other_tabs(latest: Rc<RefCell<UseReducerHandle<Meeting>>>) -> (EventListener, EventListener, Interval) {
    let window = gloo::utils::window();
    let on_storage = {
        let latest = latest.clone();
        EventListener::new(&window, "storage", move |event| {
            let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event) else { return };
            let Some(key) = event.key() else { return };
            let meeting = latest.borrow().clone();
            let id = meeting.election_id();
            if key == lease::lease_key(&id) {
                let taken = event.new_value().as_deref().and_then(lease::Lease::parse);
                if taken.is_some_and(|lease| lease.excludes(&lease::tab_id(), services::now_ms())) {
                    meeting.dispatch(Action::Writer(false));
                }
            } else if key == storage::head_key(&id) && meeting.saving == Saving::ReadOnly {
                if let Some(action) = follow(&meeting) {
                    meeting.dispatch(action);
                }
            }
        })
    };
    let on_leave = {
        let latest = latest.clone();
        EventListener::new(&window, "pagehide", move |_| {
            let id = latest.borrow().election_id();
            if let Ok(backend) = storage::local() {
                let _ = lease::release(&backend, &id, &lease::tab_id());
            }
        })
    };
    let renew = Interval::new(lease::RENEW_MS, move || {
        let meeting = latest.borrow().clone();
        let id = meeting.election_id();
        let Ok(backend) = storage::local() else { return };
        let holds = lease::acquire(&backend, &id, &lease::tab_id(), services::now_ms()).unwrap_or(false);
        match (&meeting.saving, holds) {
            (Saving::ReadOnly, true) => open_stored(&meeting, &id),
            (Saving::Stored | Saving::InMemory { .. }, false) => meeting.dispatch(Action::Writer(false)),
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
