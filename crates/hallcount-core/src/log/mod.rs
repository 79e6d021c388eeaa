//! The meeting's record: an append-only event log with a hash chain.
//!
//! Everything that happens at the table is an [`Event`]: the election defined, a paper entered, a
//! paper voided, the definition unlocked, the results locked or unlocked. Corrections are new
//! events, never edits in place: a voided paper stays in the record, marked. Each [`LogEntry`]
//! carries the hash of the one before, so a record cut short or altered is found on load
//! ([`verify_chain`], [`Log::restore`]) and everything before the break is kept.
//!
//! Invariants:
//! - a [`Log`] only ever holds entries that were valid transitions when appended: [`Log::append`]
//!   refuses the others with a typed [`LogError`] and leaves the log untouched (one exception on
//!   restore: a lot read back that is not valid stays in the chain and counts for nothing, see
//!   [`Replay::refused_lots`]);
//! - the current state ([`Replay`]) is derived from the entries alone; nothing else is stored;
//! - an entry's hash is SHA-256 over its `serde_json` bytes, which are deterministic: struct fields
//!   in declaration order, every map a `BTreeMap`.
//!
//! The time of an entry (`at`) is given by the caller: the core reads no clock.

mod chain;
mod checks;
mod error;
mod event;
mod record;
mod replay;

pub use chain::{verify_chain, BreakKind, ChainBreak, ChainCheck, Head, Restored};
pub use checks::{DoubleEntry, Reconciliation, Resolution, REREAD_VOID_REASON};
pub use error::LogError;
pub use event::{Event, LogEntry};
pub use record::{EnteredPaper, LotOutcome};
pub use replay::{RefusedLot, Replay};

use crate::ballot::Paper;
use crate::election::Election;

/// The `prev` of the first entry: no entry came before it.
pub const GENESIS_PREV: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The entries, their hashes and the state they lead to.
#[derive(Clone, Debug, Default)]
pub struct Log {
    entries: Vec<LogEntry>,
    state: Replay,
}

impl Log {
    pub fn entries(&self) -> &[LogEntry] {
        &self.entries
    }

    pub fn state(&self) -> &Replay {
        &self.state
    }

    pub fn head(&self) -> Head {
        Head {
            len: self.entries.len() as u64,
            hash: self.state.last_hash.clone(),
        }
    }

    /// The entry `event` would become, checked but not appended: for a caller that must store
    /// an entry before showing it, then [`Log::push`] it.
    pub fn seal(&self, event: Event, at: impl Into<String>) -> Result<LogEntry, LogError> {
        self.state.check(&event)?;
        Ok(LogEntry {
            seq: self.entries.len() as u64,
            prev: self.state.last_hash.clone(),
            at: at.into(),
            event,
        })
    }

    /// Appends an event, or refuses it and leaves the log as it was.
    pub fn append(&mut self, event: Event, at: impl Into<String>) -> Result<&LogEntry, LogError> {
        let entry = self.seal(event, at)?;
        self.push(entry)
    }

    /// Appends an entry made elsewhere (sealed earlier, or read back from storage): its place in
    /// the chain and its event are both checked.
    pub fn push(&mut self, entry: LogEntry) -> Result<&LogEntry, LogError> {
        let hash = entry.hash();
        self.push_hashed(entry, hash)
    }

    /// [`Log::push`] with the entry's hash already known: [`crate::encoding::sha256_hex`] of the JSON text it was
    /// read from, which spares serializing it again when thousands are read back.
    pub fn push_hashed(&mut self, entry: LogEntry, hash: String) -> Result<&LogEntry, LogError> {
        self.check_link(&entry)?;
        self.state.check(&entry.event)?;
        self.state.apply(entry.event.clone(), hash);
        self.entries.push(entry);
        Ok(self.entries.last().expect("just pushed"))
    }

    /// [`Log::push_hashed`] for an entry read back from storage: a well-linked lot that is not a
    /// valid transition (an older version accepted more) is kept in the chain and counts for
    /// nothing ([`Replay::refused_lots`]), so the entries after it are not lost.
    fn push_read_back(&mut self, entry: LogEntry, hash: String) -> Result<(), LogError> {
        self.check_link(&entry)?;
        match (self.state.check(&entry.event), &entry.event) {
            (Ok(()), _) => self.state.apply(entry.event.clone(), hash),
            (Err(error), Event::LotDrawn { contest, .. }) => {
                self.state
                    .refuse_lot(entry.seq, contest.clone(), error, hash)
            }
            (Err(error), _) => return Err(error),
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Whether `entry` is the next link of the chain.
    fn check_link(&self, entry: &LogEntry) -> Result<(), LogError> {
        let expected = self.entries.len() as u64;
        if entry.seq != expected {
            return Err(LogError::OutOfSequence {
                expected,
                found: entry.seq,
            });
        }
        if entry.prev != self.state.last_hash {
            return Err(LogError::BrokenLink {
                expected: self.state.last_hash.clone(),
                found: entry.prev.clone(),
            });
        }
        Ok(())
    }
}

/// The state after `entries`, or the first break. Strict: for a log that must be whole (a file
/// to sign, a test); a reader that keeps a valid prefix uses [`Log::restore`].
pub fn replay(entries: &[LogEntry]) -> Result<Replay, ChainBreak> {
    let restored = Log::restore(entries.iter().cloned(), None);
    match restored.broken {
        Some(broken) => Err(broken),
        None => Ok(restored.log.state),
    }
}

/// The log the CLI builds from a definition and its ballots file: the election defined, then
/// each paper in order. Refused like any append (a paper that does not fit the definition).
pub fn log_from_ballots(
    election: Election,
    papers: impl IntoIterator<Item = Paper>,
    at: &str,
) -> Result<Log, LogError> {
    let mut log = Log::default();
    log.append(Event::ElectionDefined { election }, at)?;
    for paper in papers {
        log.append(Event::PaperEntered { paper }, at)?;
    }
    Ok(log)
}

#[cfg(test)]
mod tests;
