//! The meeting as the app holds it: one [`Meeting`] state over the event log, one [`Action`] enum,
//! every transition in `impl Reducible for Meeting`.
//!
//! Components do not touch this module directly: they call [`crate::hooks::use_meeting`], whose
//! [`crate::hooks::MeetingHandle`] reads the state (`election()`, `papers()`, `n_live_papers()`,
//! `tally()`, `definition_locked()`, `results_locked()`, `last_error()`, ...) and acts on it
//! (`enter_paper`, `void_paper`, `lock_results`, `unlock_results`, `define`, `unlock_definition`).
//! An action first stores its entry (browser storage, at the edge, in the handle), then dispatches
//! it here; `reduce` never does IO.
//!
//! Why the log sits in an `Rc<RefCell<Book>>`: with 10,000 papers, copying the log on each paper
//! would cost more than the 16 ms a clerk may wait. `reduce` alone mutates the book, in place, and
//! returns a new `Meeting` with `version` bumped, so Yew still sees a new state and re-renders;
//! the handle reads the latest book to seal the next entry even before the screen caught up.
//!
//! Derived values are never stored as a second truth: the tally is the core's [`RunningTally`],
//! updated with each paper (O(size of the paper)) and rebuilt only when the definition changes;
//! results are `finish`ed from it on demand and memoised per log length.

use std::cell::{Ref, RefCell};
use std::rc::Rc;

use hallcount_core::{
    ChainBreak, Election, EnteredPaper, Event, Log, LogEntry, LogError, Replay, RunningTally, Tally,
};
use yew::Reducible;

/// One stored election: its log in memory, the running tally, and how much of it is stored.
#[derive(Debug)]
pub struct Book {
    /// The storage identity of this election's log.
    pub id: String,
    log: Log,
    election: Option<Rc<Election>>,
    running: Option<RunningTally>,
    /// Entries `0..n_stored` are in browser storage; the rest live only in memory.
    n_stored: usize,
    /// Entries set aside after a break found on an earlier load: the first one and how many.
    set_aside: Option<(u64, usize)>,
    tally_memo: RefCell<Option<(usize, Rc<Tally>)>>,
}

impl Book {
    pub fn new(id: impl Into<String>) -> Book {
        Book::restored(id, Log::default())
    }

    /// A book over a log read back from storage: everything in it is stored.
    pub fn restored(id: impl Into<String>, log: Log) -> Book {
        let election = log.state().election.clone().map(Rc::new);
        let running = election.as_deref().map(|e| running_over(e, log.state()));
        let n_stored = log.entries().len();
        Book {
            id: id.into(),
            log,
            election,
            running,
            n_stored,
            set_aside: None,
            tally_memo: RefCell::new(None),
        }
    }

    /// Records that storage holds entries set aside after an earlier break.
    pub fn with_set_aside(mut self, set_aside: Option<(u64, usize)>) -> Book {
        self.set_aside = set_aside;
        self
    }

    pub fn set_aside(&self) -> Option<(u64, usize)> {
        self.set_aside
    }

    pub fn log(&self) -> &Log {
        &self.log
    }

    pub fn state(&self) -> &Replay {
        self.log.state()
    }

    pub fn election(&self) -> Option<Rc<Election>> {
        self.election.clone()
    }

    pub fn n_stored(&self) -> usize {
        self.n_stored
    }

    /// Entries not yet in storage.
    pub fn unstored(&self) -> &[LogEntry] {
        &self.log.entries()[self.n_stored..]
    }

    /// The counted result of the live papers; `None` before a definition.
    pub fn tally(&self) -> Option<Rc<Tally>> {
        let (election, running) = (self.election.as_deref()?, self.running.as_ref()?);
        let len = self.log.entries().len();
        let mut memo = self.tally_memo.borrow_mut();
        match &*memo {
            Some((at, tally)) if *at == len => Some(tally.clone()),
            _ => {
                let tally = Rc::new(running.finish(election));
                *memo = Some((len, tally.clone()));
                Some(tally)
            }
        }
    }

    /// Appends an entry and keeps the running tally in step with it.
    fn push(&mut self, entry: LogEntry) -> Result<(), LogError> {
        // A void takes back a paper the tally counted; the log checks the number itself.
        let taken_back = match &entry.event {
            Event::PaperVoided { number, .. } => self
                .log
                .state()
                .paper(*number)
                .filter(|p| p.is_live())
                .map(|p| p.paper.clone()),
            _ => None,
        };
        self.log.push(entry)?;
        let running = self.running.as_mut();
        match (
            &self.log.entries().last().expect("just pushed").event,
            running,
        ) {
            (Event::ElectionDefined { election }, _) => {
                self.running = Some(running_over(election, self.log.state()));
                self.election = Some(Rc::new(election.clone()));
            }
            (Event::PaperEntered { paper }, Some(running)) => running.add(paper),
            (Event::PaperVoided { .. }, Some(running)) => {
                if let Some(paper) = &taken_back {
                    running.remove(paper);
                }
            }
            // A reread may void a paper and enter another: counted again from the live papers.
            (Event::DifferenceResolved { .. }, Some(running)) => {
                if let Some(election) = &self.election {
                    *running = running_over(election, self.log.state());
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn running_over(election: &Election, state: &Replay) -> RunningTally {
    let mut running = RunningTally::new(election);
    for paper in state.live_papers() {
        running.add(paper);
    }
    running
}

/// One election in the list of those kept in this browser.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ElectionSummary {
    pub id: String,
    pub title: String,
    pub date: String,
    #[serde(default)]
    pub round: u32,
}

impl ElectionSummary {
    pub fn of(id: &str, election: &Election) -> ElectionSummary {
        ElectionSummary {
            id: id.to_owned(),
            title: election.title.clone(),
            date: election.date.clone(),
            round: election.round,
        }
    }
}

/// Whether what is entered reaches browser storage.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Saving {
    /// Every entry is stored before it is shown.
    #[default]
    Stored,
    /// Another tab writes this election: this one only reads, and follows what it stores.
    ReadOnly,
    /// A write was refused (storage full, private window): entry is paused until the officer
    /// chooses to go on in memory (and should download the papers).
    Failed { message: String },
    /// Going on without storage: every entry kept in memory, storage retried at each entry.
    InMemory { message: String },
}

/// Why the last action did not happen, for display.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MeetingError {
    /// The log refused the event (see [`LogError`]).
    Refused(LogError),
    /// No election is open (none created yet).
    NoElection,
    /// Another tab writes this election.
    OtherTab,
    /// Storage failed and entry is paused.
    Paused,
    /// Storage refused a write; the entry is kept in memory.
    Storage { message: String },
}

/// Every transition of the meeting.
#[derive(Debug)]
// `allow`, not `expect`: on wasm32 the variants are smaller and the lint stays quiet.
#[allow(
    clippy::large_enum_variant,
    reason = "an action is built for one dispatch and consumed by it, never stored in bulk"
)]
pub enum Action {
    /// An entry sealed against the current log. `stored` says whether storage took it.
    Commit {
        entry: Box<LogEntry>,
        stored: Result<(), String>,
    },
    /// Entries another tab stored (this tab only reads).
    Follow(Vec<LogEntry>),
    /// The entries kept in memory were written to storage after all.
    Flushed,
    /// Keep entering in memory after a storage failure.
    ContinueInMemory,
    /// An action refused before it reached the log.
    Refuse(MeetingError),
    DismissError,
    /// Open an election read from storage (or a new, empty one).
    Open(Box<Opened>),
    /// The list of elections kept in this browser changed.
    Listed(Vec<ElectionSummary>),
    /// This tab may write (it holds the lease) or not.
    Writer(bool),
}

/// An election read from storage, with where its log broke, if it did.
#[derive(Debug)]
pub struct Opened {
    pub book: Book,
    pub broken: Option<ChainBreak>,
    /// Whether this tab may write it.
    pub writer: bool,
    /// Storage could not be used at all (e.g. refused in a private window).
    pub storage_error: Option<String>,
}

/// The one state of the app.
#[derive(Clone, Debug)]
pub struct Meeting {
    book: Rc<RefCell<Book>>,
    /// Bumped by every change of the book, so that each change is a new state for Yew.
    pub version: u64,
    pub elections: Rc<Vec<ElectionSummary>>,
    pub saving: Saving,
    /// Where the stored log of the open election broke; what came before it was kept.
    pub chain_break: Option<ChainBreak>,
    pub last_error: Option<MeetingError>,
}

impl Default for Meeting {
    fn default() -> Meeting {
        Meeting {
            book: Rc::new(RefCell::new(Book::new(""))),
            version: 0,
            elections: Rc::new(Vec::new()),
            saving: Saving::Stored,
            chain_break: None,
            last_error: None,
        }
    }
}

impl PartialEq for Meeting {
    fn eq(&self, other: &Meeting) -> bool {
        Rc::ptr_eq(&self.book, &other.book)
            && self.version == other.version
            && self.elections == other.elections
            && self.saving == other.saving
            && self.chain_break == other.chain_break
            && self.last_error == other.last_error
    }
}

impl Meeting {
    /// The open election's book, read-only. Before any election it is empty, with no id.
    pub fn book(&self) -> Ref<'_, Book> {
        self.book.borrow()
    }

    pub fn election_id(&self) -> String {
        self.book().id.clone()
    }

    pub fn election(&self) -> Option<Rc<Election>> {
        self.book().election()
    }

    /// Every paper as entered, voided ones kept and marked.
    pub fn papers(&self) -> Ref<'_, [EnteredPaper]> {
        Ref::map(self.book(), |book| book.state().papers.as_slice())
    }

    pub fn n_papers(&self) -> usize {
        self.book().state().papers.len()
    }

    pub fn n_live_papers(&self) -> usize {
        self.book().state().n_live_papers
    }

    pub fn tally(&self) -> Option<Rc<Tally>> {
        self.book().tally()
    }

    pub fn definition_locked(&self) -> bool {
        self.book().state().definition_locked()
    }

    pub fn results_locked(&self) -> bool {
        self.book().state().results_locked
    }

    /// Whether this tab may add to the log now.
    pub fn can_write(&self) -> bool {
        matches!(self.saving, Saving::Stored | Saving::InMemory { .. })
    }

    /// Why a new event may not be added now, before asking the log.
    pub fn refusal(&self) -> Option<MeetingError> {
        match &self.saving {
            _ if self.book().id.is_empty() => Some(MeetingError::NoElection),
            Saving::ReadOnly => Some(MeetingError::OtherTab),
            Saving::Failed { .. } => Some(MeetingError::Paused),
            Saving::Stored | Saving::InMemory { .. } => None,
        }
    }

    /// Seals `event` against the latest log, ready to be stored then committed.
    pub fn seal(&self, event: Event, at: &str) -> Result<LogEntry, MeetingError> {
        if let Some(refusal) = self.refusal() {
            return Err(refusal);
        }
        self.book()
            .log()
            .seal(event, at)
            .map_err(MeetingError::Refused)
    }

    fn with(self: &Rc<Self>, change: impl FnOnce(&mut Meeting)) -> Rc<Meeting> {
        let mut next = (**self).clone();
        change(&mut next);
        Rc::new(next)
    }
}

impl Reducible for Meeting {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Commit { entry, stored } => {
                let book = self.book.clone();
                if let Err(refused) = book.borrow_mut().push(*entry) {
                    return self.with(|m| m.last_error = Some(MeetingError::Refused(refused)));
                }
                let n_entries = book.borrow().log.entries().len();
                self.with(|m| {
                    m.version += 1;
                    m.last_error = None;
                    match stored {
                        Ok(()) => {
                            book.borrow_mut().n_stored = n_entries;
                            if matches!(m.saving, Saving::InMemory { .. }) {
                                m.saving = Saving::Stored;
                            }
                        }
                        Err(message) => {
                            if !matches!(m.saving, Saving::InMemory { .. }) {
                                m.saving = Saving::Failed {
                                    message: message.clone(),
                                };
                            }
                            m.last_error = Some(MeetingError::Storage { message });
                        }
                    }
                })
            }
            Action::Follow(entries) => {
                let book = self.book.clone();
                if entries.is_empty() {
                    return self;
                }
                let mut refused = None;
                {
                    let mut book = book.borrow_mut();
                    for entry in entries {
                        if let Err(error) = book.push(entry) {
                            refused = Some(error);
                            break;
                        }
                        book.n_stored = book.log.entries().len();
                    }
                }
                self.with(|m| {
                    m.version += 1;
                    if let Some(error) = refused {
                        m.last_error = Some(MeetingError::Refused(error));
                    }
                })
            }
            Action::Flushed => {
                {
                    let mut book = self.book.borrow_mut();
                    book.n_stored = book.log.entries().len();
                }
                self.with(|m| {
                    m.version += 1;
                    m.saving = Saving::Stored;
                    m.last_error = None;
                })
            }
            Action::ContinueInMemory => match &self.saving {
                Saving::Failed { message } => {
                    let message = message.clone();
                    self.with(|m| {
                        m.saving = Saving::InMemory { message };
                        m.last_error = None;
                    })
                }
                _ => self,
            },
            Action::Refuse(error) => {
                if self.last_error.as_ref() == Some(&error) {
                    return self;
                }
                self.with(|m| m.last_error = Some(error))
            }
            Action::DismissError => {
                if self.last_error.is_none() {
                    return self;
                }
                self.with(|m| m.last_error = None)
            }
            Action::Open(opened) => self.with(|m| {
                let opened = *opened;
                m.version += 1;
                m.book = Rc::new(RefCell::new(opened.book));
                m.chain_break = opened.broken;
                m.last_error = None;
                m.saving = match opened.storage_error {
                    Some(message) => Saving::Failed { message },
                    None if opened.writer => Saving::Stored,
                    None => Saving::ReadOnly,
                };
            }),
            Action::Listed(elections) => {
                if *self.elections == elections {
                    return self;
                }
                self.with(|m| m.elections = Rc::new(elections))
            }
            Action::Writer(writer) => {
                let saving = match (&self.saving, writer) {
                    (Saving::ReadOnly, true) => Saving::Stored,
                    (Saving::Stored | Saving::InMemory { .. }, false) => Saving::ReadOnly,
                    _ => return self,
                };
                self.with(|m| m.saving = saving)
            }
        }
    }
}

#[cfg(test)]
mod tests;

pub mod draft;
pub mod keyboard;
