//! [`MeetingProvider`] holds the one [`Meeting`] reducer and the open [`Book`] at the root and
//! wires them to storage; [`use_meeting`] gives any page a [`MeetingHandle`] to read and act on.
//!
//! Helpers live beside it: the outbox (`use_meeting/outbox.rs`), the write queue through
//! which every new entry is stored before it is shown, the tabs (`use_meeting/tabs.rs`),
//! which decide the one writing tab and let the others follow what it stores, the backup
//! (`use_meeting/backup.rs`), the whole meeting in one file and back, the two checks
//! (`use_meeting/checks.rs`: double entry and the blackboard), and opening an election from
//! storage (`use_meeting/open.rs`).

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use hallcount_core::{Election, EnteredPaper, Event, Paper, Tally};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::services::save::{Kind, SaveError, Saved};
use crate::services::{self, storage};
use crate::state::{
    election_problems, Action, Book, ElectionSummary, Meeting, MeetingError, OpenedAs, Saving,
};

mod backup;
mod checks;
mod open;
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
    /// How many times an election was asked to open (started, switched to, read again): a read
    /// from storage that finishes after a later ask is dropped (`use_meeting/open.rs`).
    opens: Rc<RefCell<u64>>,
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

    /// Whether the election to show has been read from storage (or started afresh).
    pub fn is_open(&self) -> bool {
        self.meeting.version > 0
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
        open::remember_for_this_tab(&id);
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
        self.ask_to_open();
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
    pub fn save_file(&self, name: String, mime: &'static str, kind: Kind, text: String) {
        self.save_file_then(name, mime, kind, text, |_| ());
    }

    /// `save_file`, then `then` with what became of it (a panel that says "exported" says it
    /// only once it is, never for a closed dialog).
    pub fn save_file_then(
        &self,
        name: String,
        mime: &'static str,
        kind: Kind,
        text: String,
        then: impl FnOnce(&Result<Saved, SaveError>) + 'static,
    ) {
        let meeting = self.meeting.clone();
        spawn_local(async move {
            let saved = services::save::save(&name, mime, kind, &text).await;
            then(&saved);
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
        self.save_file(name, "application/json", Kind::Ballots, json);
    }

    /// The definition as a `hallcount/election@1` file.
    pub fn download_election(&self) {
        let Some(election) = self.election() else {
            return;
        };
        let json = services::files::election_json(&election);
        let name = services::files::file_name(&election, "election");
        self.save_file(name, "application/json", Kind::Election, json);
    }
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
    let opens = use_mut_ref(|| 0);
    let handle = MeetingHandle {
        meeting: meeting.clone(),
        book,
        outbox,
        tabs,
        opens,
    };

    use_effect_with((), {
        let handle = handle.clone();
        move |_| spawn_local(open::open_at_start(handle))
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
    // Stages of the cold-start benchmark (tests/e2e/start.rs): the first render in the page,
    // before the meeting is read (one effect for both: each hook costs the wasm its own copy).
    let opened = meeting.version > 0;
    use_effect_with(opened, |opened| {
        services::mark(if *opened {
            "hallcount:ready"
        } else {
            "hallcount:rendered"
        });
    });

    html! {
        <ContextProvider<MeetingHandle> context={handle}>
            { props.children.clone() }
        </ContextProvider<MeetingHandle>>
    }
}

/// Its children once the meeting is open, nothing before: a page is rendered once, with what
/// is stored, not first empty and again a moment later (less work at the start, no flash of an
/// empty form or list), and offers nothing to click that the start would then replace.
#[component]
pub fn WhenOpen(props: &yew::html::ChildrenProps) -> Html {
    if use_meeting().is_open() {
        props.children.clone()
    } else {
        Html::default()
    }
}

/// The meeting of the nearest [`MeetingProvider`].
#[hook]
pub fn use_meeting() -> MeetingHandle {
    use_context::<MeetingHandle>().expect("use_meeting needs a MeetingProvider at the root")
}
