//! Reading a stored log back: the chain of hashes, the head kept beside it, and where it breaks.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::{Log, LogEntry, LogError, GENESIS_PREV};
use crate::encoding::sha256_hex;

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

    /// [`Log::restore`] of entries read from text, each with
    /// [`crate::encoding::sha256_hex`] of its text.
    pub fn restore_hashed(
        entries: impl IntoIterator<Item = (LogEntry, String)>,
        head: Option<&Head>,
    ) -> Restored {
        let mut log = Log::default();
        let mut hashes = Vec::new();
        let mut entries = entries.into_iter().enumerate();
        for (index, (entry, hash)) in entries.by_ref() {
            let kept = entry.clone();
            if let Err(error) = log.push_read_back(entry, hash.clone()) {
                let kind = match error {
                    LogError::OutOfSequence { expected, found } => {
                        BreakKind::Sequence { expected, found }
                    }
                    LogError::BrokenLink { .. } => BreakKind::Link,
                    refused => BreakKind::Refused(refused),
                };
                let set_aside = std::iter::once(kept)
                    .chain(entries.map(|(_, (entry, _))| entry))
                    .collect();
                return Restored {
                    log,
                    broken: Some(ChainBreak { index, kind }),
                    set_aside,
                };
            }
            hashes.push(hash);
        }
        let Some(broken) = head.and_then(|head| log.check_head(head)) else {
            return Restored {
                log,
                broken: None,
                set_aside: Vec::new(),
            };
        };
        // The head points at an entry that is not the one stored: that entry and all after it
        // are set aside, the log is what came before.
        let mut entries = log.entries;
        let set_aside = entries.split_off(broken.index.min(entries.len()));
        let mut kept = Log::default();
        for (entry, hash) in entries.into_iter().zip(hashes) {
            kept.push_read_back(entry, hash)
                .expect("entries that were kept once are kept again");
        }
        Restored {
            log: kept,
            broken: Some(broken),
            set_aside,
        }
    }

    /// [`Log::restore_hashed`] from the stored texts: the entries by their number, and the text
    /// of the head kept beside them. An entry missing or that cannot be read is a break (the
    /// entries from there on are set aside); a head that cannot be read is a break too, at the
    /// end of what was read: nothing is dropped, and nothing proves the last entries unaltered.
    pub fn restore_texts<'a>(
        texts: impl IntoIterator<Item = (u64, &'a str)>,
        head: Option<&str>,
    ) -> Restored {
        let mut texts: Vec<(u64, &str)> = texts.into_iter().collect();
        crate::order::sort_by_key(&mut texts, |(seq, _)| *seq);
        let mut entries = Vec::with_capacity(texts.len());
        let mut unreadable = None;
        for (expected, (seq, text)) in texts.into_iter().enumerate() {
            if seq != expected as u64 {
                break; // a gap: the head (or the chain) tells what is missing
            }
            match crate::json::fast::<LogEntry>(text) {
                // The hash of the text as stored: any change to it, even of spacing, breaks the
                // link after it.
                Ok(entry) => entries.push((entry, sha256_hex(text.as_bytes()))),
                Err(error) => {
                    unreadable = Some(ChainBreak {
                        index: expected,
                        kind: BreakKind::Unreadable {
                            message: error.to_string(),
                        },
                    });
                    break;
                }
            }
        }
        let head = head.map(crate::json::fast::<Head>);
        let (head, unreadable_head) = match head {
            None => (None, None),
            Some(Ok(head)) => (Some(head), None),
            Some(Err(error)) => (None, Some(error.to_string())),
        };
        // Past an unreadable entry the head says nothing more than the break itself.
        let head = if unreadable.is_some() { None } else { head };
        let mut restored = Log::restore_hashed(entries, head.as_ref());
        if restored.broken.is_none() {
            restored.broken = unreadable.or_else(|| {
                unreadable_head.map(|message| ChainBreak {
                    index: restored.log.entries.len(),
                    kind: BreakKind::UnreadableHead { message },
                })
            });
        }
        restored
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
    /// Every entry before the break: what counts.
    pub log: Log,
    pub broken: Option<ChainBreak>,
    /// The entries read from the break on: counted nowhere, kept to be shown and examined (the
    /// storage moves them aside, never deletes them).
    pub set_aside: Vec<LogEntry>,
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
    /// The stored text of an entry could not be read as one.
    Unreadable { message: String },
    /// The head stored beside the log could not be read: the end of the log is unproven.
    UnreadableHead { message: String },
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
            BreakKind::UnreadableHead { message } => {
                write!(f, "the log's recorded end is unreadable: {message}")
            }
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
