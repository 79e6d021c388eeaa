//! Reading a stored log back: the chain of hashes, the head kept beside it, and where it breaks.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Log, LogEntry, LogError, GENESIS_PREV};

/// What a reader knows of a log's end, kept beside it so that a log cut short at the end (which a
/// chain alone cannot show) is found too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Number of entries.
    pub len: u64,
    /// Hash of the last entry.
    pub hash: String,
}

impl Log {
    /// Rebuilds a log from stored entries, keeping everything before the first break: an entry
    /// out of sequence, not linked to the one before, or not a valid transition; and, when the
    /// `head` written beside the log is given, a log shorter than it or ending elsewhere.
    pub fn restore(entries: impl IntoIterator<Item = LogEntry>, head: Option<&Head>) -> Restored {
        Log::restore_hashed(
            entries.into_iter().map(|entry| {
                let hash = entry.hash();
                (entry, hash)
            }),
            head,
        )
    }

    /// [`Log::restore`] of entries read from text, each with [`sha256_hex`] of its text.
    pub fn restore_hashed(
        entries: impl IntoIterator<Item = (LogEntry, String)>,
        head: Option<&Head>,
    ) -> Restored {
        let mut log = Log::default();
        for (index, (entry, hash)) in entries.into_iter().enumerate() {
            if let Err(error) = log.push_hashed(entry, hash) {
                let kind = match error {
                    LogError::OutOfSequence { expected, found } => {
                        BreakKind::Sequence { expected, found }
                    }
                    LogError::BrokenLink { .. } => BreakKind::Link,
                    refused => BreakKind::Refused(refused),
                };
                return Restored {
                    log,
                    broken: Some(ChainBreak { index, kind }),
                };
            }
        }
        let broken = head.and_then(|head| log.check_head(head));
        Restored { log, broken }
    }

    /// A break when the log does not reach the `head` recorded beside it. A log longer than its
    /// head is fine: the head is written after each entry, so a crash may leave it one behind.
    fn check_head(&self, head: &Head) -> Option<ChainBreak> {
        let len = self.entries.len() as u64;
        if len < head.len {
            return Some(ChainBreak {
                index: self.entries.len(),
                kind: BreakKind::Truncated {
                    expected_len: head.len,
                },
            });
        }
        let at_head = head.len.checked_sub(1)?;
        // The hash of the entry the head points at, as it was when it was pushed.
        let hash_at_head = match self.entries.get(at_head as usize + 1) {
            Some(next) => next.prev.clone(),
            None => self.state.last_hash.clone(),
        };
        (hash_at_head != head.hash).then(|| ChainBreak {
            index: (head.len - 1) as usize,
            kind: BreakKind::HeadMismatch,
        })
    }
}

/// A log read back, and where it broke if it did.
#[derive(Debug)]
pub struct Restored {
    /// Every entry before the break.
    pub log: Log,
    pub broken: Option<ChainBreak>,
}

/// The first place a stored log stops being trustworthy.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainBreak {
    /// Index of the first entry not kept (== the number kept).
    pub index: usize,
    pub kind: BreakKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BreakKind {
    /// An entry is missing or repeated.
    Sequence { expected: u64, found: u64 },
    /// An entry's `prev` is not the hash of the one before: the one before was altered.
    Link,
    /// The log ends before the length recorded beside it.
    Truncated { expected_len: u64 },
    /// The entry the recorded head points to is not the one stored.
    HeadMismatch,
    /// The stored text of an entry could not be read as one (the storage layer reports this).
    Unreadable { message: String },
    /// A well-linked entry that is not a valid transition.
    Refused(LogError),
}

impl fmt::Display for ChainBreak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {}: ", self.index)?;
        match &self.kind {
            BreakKind::Sequence { expected, found } => {
                write!(f, "entry {found} found where {expected} was expected")
            }
            BreakKind::Link => write!(f, "the entry before it was altered"),
            BreakKind::Truncated { expected_len } => {
                write!(f, "the log ends early ({expected_len} entries recorded)")
            }
            BreakKind::HeadMismatch => write!(f, "the last entry differs from the one recorded"),
            BreakKind::Unreadable { message } => write!(f, "unreadable: {message}"),
            BreakKind::Refused(error) => write!(f, "{error}"),
        }
    }
}

/// The chain alone: sequence numbers and links. `n_valid` entries can be kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainCheck {
    pub n_valid: usize,
    pub broken: Option<ChainBreak>,
}

/// Checks sequence numbers and hash links only (not the transitions: see [`Log::restore`]).
pub fn verify_chain(entries: &[LogEntry]) -> ChainCheck {
    let mut prev = GENESIS_PREV.to_owned();
    for (index, entry) in entries.iter().enumerate() {
        let expected = index as u64;
        let kind = if entry.seq != expected {
            Some(BreakKind::Sequence {
                expected,
                found: entry.seq,
            })
        } else if entry.prev != prev {
            Some(BreakKind::Link)
        } else {
            None
        };
        if let Some(kind) = kind {
            return ChainCheck {
                n_valid: index,
                broken: Some(ChainBreak { index, kind }),
            };
        }
        prev = entry.hash();
    }
    ChainCheck {
        n_valid: entries.len(),
        broken: None,
    }
}
