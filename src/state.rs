//! The meeting as the app holds it: one [`Meeting`] state, one [`Action`] enum, every transition
//! in `impl Reducible for Meeting`, and `reduce` pure: it reads only the old state and the action.
//!
//! The log itself is not in the state: it is the open [`Book`] (`state/book.rs`), which the
//! provider keeps in a `use_mut_ref` and only the handle changes, then dispatches what changed
//! (`Committed`, `Followed`, `Opened`, ...). The reducer tracks a `version` bumped by each of
//! them, so that every change of the book is a new state for Yew. Pages read both through
//! [`crate::hooks::MeetingHandle`] (`election()`, `papers()`, `tally()`, `saving()`, ...) and act
//! on it (`enter_paper`, `void_paper`, `lock_results`, `define`, ...). An action first stores its
//! entry (browser storage, at the edge, in the handle's outbox), then it is committed to the book.
//!
//! Derived values are never stored as a second truth: the tally is the core's running tally,
//! updated with each paper (O(size of the paper)) and rebuilt only when the definition changes;
//! results are finished from it on demand and memoised per log length.

use std::rc::Rc;

use hallcount_core::{ChainBreak, Election, Event, LogEntry, LogError};
use yew::Reducible;

use crate::services::save::{SaveError, Saved};

pub mod book;
pub mod draft;
pub mod keyboard;
pub mod second_entry;

pub use book::Book;
pub use second_entry::SecondStep;

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
    /// Another writer stored entries since this tab last did: the last action was not stored,
    /// and the stored log is read again.
    HeadMoved,
}

/// Every transition of the meeting. The book changed before those that say so.
#[derive(Debug)]
// `allow`, not `expect`: on wasm32 the variants are smaller and the lint stays quiet.
#[allow(
    clippy::large_enum_variant,
    reason = "an action is built for one dispatch and consumed by it, never stored in bulk"
)]
pub enum Action {
    /// An entry was committed to the book; `stored` says whether storage took it.
    Committed {
        stored: Result<(), String>,
    },
    /// Entries another tab stored were added to the book, up to the first one refused.
    Followed {
        refused: Option<LogError>,
    },
    /// The entries kept in memory were written to storage after all.
    Flushed,
    /// Keep entering in memory after a storage failure.
    ContinueInMemory,
    /// An action refused before it reached the log.
    Refuse(MeetingError),
    DismissError,
    /// An election was opened (read from storage, or a new, empty one) into the book.
    Opened(OpenedAs),
    /// The list of elections kept in this browser changed.
    Listed(Vec<ElectionSummary>),
    /// This tab may write (it holds the writer's lock) or not.
    Writer(bool),
    /// The second clerk typed (or took back, started, closed) the second entry.
    SecondEntry(SecondStep),
    /// An export was saved (checked, downloaded or cancelled), or failed.
    Saved(Result<Saved, SaveError>),
}

/// How an election was opened: where its stored log broke, if it did, and who writes it.
#[derive(Clone, Debug, Default)]
pub struct OpenedAs {
    pub broken: Option<ChainBreak>,
    /// Whether this tab may write it.
    pub writer: bool,
    /// Storage could not be used at all (e.g. refused in a private window).
    pub storage_error: Option<String>,
}

/// The one state of the app (the log is in the [`Book`] beside it).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meeting {
    /// Bumped by every change of the book, so that each change is a new state for Yew.
    pub version: u64,
    pub elections: Rc<Vec<ElectionSummary>>,
    pub saving: Saving,
    /// Where the stored log of the open election broke; what came before it was kept.
    pub chain_break: Option<ChainBreak>,
    pub last_error: Option<MeetingError>,
    /// The second entry being typed on this laptop (`state/second_entry.rs`); while it is open
    /// the app shows nothing else.
    pub second_entry: Option<Rc<Vec<hallcount_core::Paper>>>,
    /// What became of the last export saved.
    pub last_save: Option<Result<Saved, SaveError>>,
}

impl Meeting {
    /// Whether this tab may add to the log now.
    pub fn can_write(&self) -> bool {
        matches!(self.saving, Saving::Stored | Saving::InMemory { .. })
    }

    /// Why a new event may not be added to `book` now, before asking its log.
    pub fn refusal(&self, book: &Book) -> Option<MeetingError> {
        match &self.saving {
            _ if book.id.is_empty() => Some(MeetingError::NoElection),
            Saving::ReadOnly => Some(MeetingError::OtherTab),
            Saving::Failed { .. } => Some(MeetingError::Paused),
            Saving::Stored | Saving::InMemory { .. } => None,
        }
    }

    /// Seals `event` against the latest log of `book`, ready to be stored then committed.
    pub fn seal(&self, book: &Book, event: Event, at: &str) -> Result<LogEntry, MeetingError> {
        if let Some(refusal) = self.refusal(book) {
            return Err(refusal);
        }
        book.log().seal(event, at).map_err(MeetingError::Refused)
    }

    fn with(self: &Rc<Self>, change: impl FnOnce(&mut Meeting)) -> Rc<Meeting> {
        let mut next = (**self).clone();
        change(&mut next);
        Rc::new(next)
    }
}

/// Whether an election's definition is usable: what [`crate::hooks::MeetingHandle`] checks
/// before it opens a new election defined as it.
pub fn election_problems(election: &Election) -> Option<MeetingError> {
    let problems = hallcount_core::check_election(election);
    (!problems.is_empty()).then_some(MeetingError::Refused(LogError::InvalidElection {
        problems,
    }))
}

impl Reducible for Meeting {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Committed { stored } => self.with(|m| {
                m.version += 1;
                m.last_error = None;
                match stored {
                    Ok(()) => {
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
            }),
            Action::Followed { refused } => self.with(|m| {
                m.version += 1;
                if let Some(error) = refused {
                    m.last_error = Some(MeetingError::Refused(error));
                }
            }),
            Action::Flushed => self.with(|m| {
                m.version += 1;
                m.saving = Saving::Stored;
                m.last_error = None;
            }),
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
            Action::Opened(opened) => self.with(|m| {
                m.version += 1;
                // A second entry belongs to the election it was typed for.
                m.second_entry = None;
                m.chain_break = opened.broken;
                m.last_error = None;
                m.saving = match opened.storage_error {
                    Some(message) => Saving::Failed { message },
                    None if opened.writer => Saving::Stored,
                    None => Saving::ReadOnly,
                };
            }),
            Action::Saved(saved) => self.with(|m| m.last_save = Some(saved)),
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
            Action::SecondEntry(next) => match second_entry::step(&self.second_entry, next) {
                Some(draft) => self.with(|m| m.second_entry = draft),
                None => self,
            },
        }
    }
}

#[cfg(test)]
mod tests;
