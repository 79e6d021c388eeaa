//! [`MeetingProvider`] holds the one [`Meeting`] reducer and the open [`Book`] at the root and
//! wires them to storage; [`use_meeting`] gives any page a [`MeetingHandle`] to read and act on.
//!
//! Helpers live beside it: the outbox (`use_meeting/outbox.rs`), the write queue through
//! which every new entry is stored before it is shown, the tabs (`use_meeting/tabs.rs`),
//! which decide the one writing tab and let the others follow what it stores, the backup
//! (`use_meeting/backup.rs`), the whole meeting in one file and back, and the two checks
//! (`use_meeting/checks.rs`: double entry and the blackboard).

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use hallcount_core::{Election, EnteredPaper, Event, Paper, Tally};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::services::idb::{Batch, Idb};
use crate::services::{self, storage};
use crate::state::{
    election_problems, Action, Book, ElectionSummary, Meeting, MeetingError, OpenedAs, Saving,
};

mod backup;
mod checks;
mod outbox;
mod tabs;

pub use backup::{RestoreError, Restored};

use outbox::Outbox;
use tabs::Tabs;

/// Read access and actions on the meeting. Cheap to clone; equal while the state is the same.
#[derive(Clone)]
pub struct MeetingHandle {
    meeting: UseReducerHandle<Meeting>,
    book: Rc<RefCell<Book>>,
    outbox: Rc<RefCell<Outbox>>,
    tabs: Rc<RefCell<Tabs>>,
}

impl PartialEq for MeetingHandle {
    fn eq(&self, other: &MeetingHandle) -> bool {
        self.meeting == other.meeting && Rc::ptr_eq(&self.book, &other.book)
    }
}

impl MeetingHandle {
    /// The state beside the log: saving, errors, the list of elections, the version.
    pub fn state(&self) -> &Meeting {
        &self.meeting
    }

    /// The open election's record. Before any election it is empty, with no id.
    pub fn book(&self) -> Ref<'_, Book> {
        self.book.borrow()
    }

    pub fn election(&self) -> Option<Rc<Election>> {
        self.book().election()
    }

    /// Every paper as entered, with its number, voided ones kept and marked.
    pub fn papers(&self) -> Ref<'_, [EnteredPaper]> {
        Ref::map(self.book(), |book| book.state().papers.as_slice())
    }

    pub fn n_papers(&self) -> usize {
        self.book().state().papers.len()
    }

    pub fn n_live_papers(&self) -> usize {
        self.book().state().n_live_papers
    }

    /// The result of the live papers, from the running tally; `None` before a definition.
    pub fn tally(&self) -> Option<Rc<Tally>> {
        self.book().tally()
    }

    pub fn definition_locked(&self) -> bool {
        self.book().state().definition_locked()
    }

    pub fn results_locked(&self) -> bool {
        self.book().state().results_locked
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
        self.meeting.refusal(&self.book()).is_none()
            && self.election().is_some()
            && !self.results_locked()
    }

    pub fn elections(&self) -> Rc<Vec<ElectionSummary>> {
        self.meeting.elections.clone()
    }

    pub fn election_id(&self) -> String {
        self.book().id.clone()
    }

    /// Enters one paper; `Ok` with its number once it is accepted (stored, or queued behind the
    /// paper being stored).
    pub fn enter_paper(&self, paper: Paper) -> Result<u32, MeetingError> {
        let number = (self.n_papers() + self.outbox.borrow().queued()) as u32 + 1;
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
        remember_for_this_tab(&id);
        let extra = vec![listed, (storage::CURRENT_KEY.to_owned(), id)];
        self.submit(
            Event::ElectionDefined { election },
            extra,
            Some(Action::Listed(list)),
        )
    }

    /// Opens a new, empty election (the one open stays stored and can be switched back to).
    /// Its id is new, so no other tab holds its lock: this tab writes it at once.
    pub fn new_election(&self) {
        let id = services::fresh_id();
        self.claim_in_background(id.clone());
        *self.book.borrow_mut() = Book::new(id);
        self.meeting.dispatch(Action::Opened(OpenedAs {
            writer: true,
            ..OpenedAs::default()
        }));
    }

    /// Opens a new election already defined as `election` (the next round of a meeting, from
    /// `propose_next_round`, or the sample meeting); the one open stays stored and can be
    /// switched back to.
    pub fn start_election(&self, election: Election) -> Result<(), MeetingError> {
        if let Some(error) = election_problems(&election) {
            self.meeting.dispatch(Action::Refuse(error.clone()));
            return Err(error);
        }
        self.new_election();
        self.define(election)
    }

    /// Opens an election kept in this browser.
    pub fn switch_to(&self, id: &str) {
        if id != self.election_id() {
            self.open_stored(id.to_owned());
        }
    }

    /// After a storage failure: go on entering, keeping papers in memory (download them!).
    pub fn continue_in_memory(&self) {
        self.meeting.dispatch(Action::ContinueInMemory);
    }

    pub fn dismiss_error(&self) {
        self.meeting.dispatch(Action::DismissError);
    }

    /// Saves an export: through the save dialog and read back where the browser has one, else
    /// as a download; what became of it shows above every page (`Meeting::last_save`).
    pub fn save_file(&self, name: String, mime: &'static str, text: String) {
        let meeting = self.meeting.clone();
        spawn_local(async move {
            let saved = services::save::save(&name, mime, &text).await;
            meeting.dispatch(Action::Saved(saved));
        });
    }

    /// The live papers as a `hallcount/ballots@1` file.
    pub fn download_ballots(&self) {
        let Some(election) = self.election() else {
            return;
        };
        let papers: Vec<Paper> = self
            .papers()
            .iter()
            .filter(|p| p.is_live())
            .map(|p| p.paper.clone())
            .collect();
        let json = services::files::ballots_json(papers);
        let name = services::files::file_name(&election, "ballots");
        self.save_file(name, "application/json", json);
    }

    /// The definition as a `hallcount/election@1` file.
    pub fn download_election(&self) {
        let Some(election) = self.election() else {
            return;
        };
        let json = services::files::election_json(&election);
        let name = services::files::file_name(&election, "election");
        self.save_file(name, "application/json", json);
    }

    /// Reads election `id` from storage and opens it, as its writer if this tab holds (or can
    /// take) its lock. A broken log keeps what came before the break; the writer sets the rest
    /// aside so that new entries never overwrite it.
    fn open_stored(&self, id: String) {
        let handle = self.clone();
        spawn_local(async move { handle.reopen(&id).await });
    }

    async fn reopen(&self, id: &str) {
        let writer = self.claim(id).await;
        let idb = self.outbox.borrow().idb();
        let (book, opened) = load_election(idb, id, writer).await;
        *self.book.borrow_mut() = book;
        self.meeting.dispatch(Action::Opened(opened));
        self.restore_second_entry();
    }
}

async fn load_election(idb: Option<Rc<Idb>>, id: &str, writer: bool) -> (Book, OpenedAs) {
    services::mark("hallcount:load-start");
    let failed = |message: String| {
        let opened = OpenedAs {
            writer,
            storage_error: Some(message),
            ..OpenedAs::default()
        };
        (Book::new(id), opened)
    };
    let Some(idb) = idb else {
        return failed(storage::StorageError::unavailable().0);
    };
    let items = match idb.with_prefix(&storage::election_prefix(id)).await {
        Ok(items) => items,
        Err(error) => return failed(error.0),
    };
    services::mark("hallcount:load-read");
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
    (book, opened)
}

#[derive(Properties, PartialEq)]
pub struct MeetingProviderProps {
    pub children: Html,
}

/// Holds the meeting for the whole app; put it once at the root.
#[component]
pub fn MeetingProvider(props: &MeetingProviderProps) -> Html {
    let meeting = use_reducer(Meeting::default);
    let book = use_mut_ref(|| Book::new(""));
    let outbox = use_mut_ref(Outbox::default);
    let tabs = use_mut_ref(Tabs::default);
    let handle = MeetingHandle {
        meeting: meeting.clone(),
        book,
        outbox,
        tabs,
    };

    use_effect_with((), {
        let handle = handle.clone();
        move |_| spawn_local(open_at_start(handle))
    });
    use_effect_with((), {
        let handle = handle.clone();
        move |_| {
            let guard = tabs::follow_other_tabs(handle);
            move || drop(guard)
        }
    });
    // The second entry being typed is kept in the browser's storage as it grows.
    use_effect_with(
        (handle.election_id(), meeting.second_entry.clone()),
        |(id, draft)| checks::keep_draft(id, draft.as_deref().map(Vec::as_slice)),
    );
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
/// An election the officer started while the database was opening stays open, its entries
/// queued until then.
async fn open_at_start(handle: MeetingHandle) {
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

fn remember_for_this_tab(id: &str) {
    if let Some(session) = gloo::utils::window().session_storage().ok().flatten() {
        // A refusal only means that a reload opens the election opened last, as before.
        let _ = storage::set_current(&session, id);
    }
}

/// The meeting of the nearest [`MeetingProvider`].
#[hook]
pub fn use_meeting() -> MeetingHandle {
    use_context::<MeetingHandle>().expect("use_meeting needs a MeetingProvider at the root")
}
