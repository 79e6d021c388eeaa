//! One election's record as this tab holds it: the log in memory, the running tally, and how
//! much of it is stored. The provider keeps the one open [`Book`] in a `use_mut_ref`, and only the
//! handle changes it, each time followed by the [`Action`] that tells the reducer what happened
//! (the methods below return it). Copying the log into each new state would cost more than the
//! 16 ms a clerk may wait with 10,000 papers; this way the reducer stays pure and Yew still sees a
//! new state (its `version`) for each change of the book.

use std::cell::RefCell;
use std::rc::Rc;

use hallcount_core::{Election, Event, Log, LogEntry, LogError, Replay, RunningTally, Tally};

use super::{Action, MeetingError};

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

    /// Appends an entry sealed against this book; `stored` says whether storage took it.
    pub fn commit(&mut self, entry: LogEntry, stored: Result<(), String>) -> Action {
        if let Err(refused) = self.push(entry) {
            return Action::Refuse(MeetingError::Refused(refused));
        }
        if stored.is_ok() {
            self.n_stored = self.log.entries().len();
        }
        Action::Committed { stored }
    }

    /// Entries another tab stored (this tab only reads), up to the first one refused.
    pub fn follow(&mut self, entries: Vec<LogEntry>) -> Action {
        let mut refused = None;
        for entry in entries {
            // Two beacons heard at once may bring the same entries twice.
            if entry.seq < self.log.entries().len() as u64 {
                continue;
            }
            if let Err(error) = self.push(entry) {
                refused = Some(error);
                break;
            }
            self.n_stored = self.log.entries().len();
        }
        Action::Followed { refused }
    }

    /// The entries kept in memory were written to storage after all.
    pub fn flushed(&mut self) -> Action {
        self.n_stored = self.log.entries().len();
        Action::Flushed
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
