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
//!   refuses the others with a typed [`LogError`] and leaves the log untouched;
//! - the current state ([`Replay`]) is derived from the entries alone; nothing else is stored;
//! - an entry's hash is SHA-256 over its `serde_json` bytes, which are deterministic: struct fields
//!   in declaration order, every map a `BTreeMap`.
//!
//! The time of an entry (`at`) is given by the caller: the core reads no clock.

use std::fmt;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::ballot::Paper;
use crate::check::{check_election, check_paper};
use crate::election::Election;
use crate::error::Problem;

/// The `prev` of the first entry: no entry came before it.
pub const GENESIS_PREV: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// One thing that happened at the table. A closed set: the log knows every kind of event.
/// JSON: an object whose `"type"` is the variant in snake_case, then the variant's fields.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    /// The definition, first or corrected (a correction after the first paper needs an unlock).
    ElectionDefined {
        election: Election,
    },
    /// One paper from the box, as read out; its number is its place among the papers entered.
    PaperEntered {
        paper: Paper,
    },
    /// A paper entered by mistake or wrongly; `number` is 1-based, as counted at the table.
    PaperVoided {
        number: u32,
        reason: String,
    },
    /// Allows one correction of the definition although papers were entered.
    DefinitionUnlocked {
        reason: String,
    },
    /// No entry, void or redefinition until unlocked.
    ResultsLocked,
    ResultsUnlocked {
        reason: String,
    },
    /// R7: the officer drew lots for the tied seats of a contest and records who won.
    LotDrawn {
        contest: String,
        winners: Vec<String>,
    },
}

mod event_de {
    //! Reading an [`Event`] back. serde's derive for an internally tagged enum buffers the whole
    //! object before it looks at `"type"`, which doubles the time to read 10,000 papers. Here,
    //! when `"type"` comes first (as this crate writes it) the fields are read straight into
    //! their variant; otherwise the object is buffered, written again with `"type"` first and
    //! read that way (the rare, slow path; no second derive of every event shape, which cost the
    //! page ~30 KB of wasm).

    use serde::de::value::MapAccessDeserializer;
    use serde::de::{self, Deserializer, MapAccess, Visitor};
    use serde::Deserialize;

    use super::Event;
    use crate::ballot::Paper;
    use crate::election::Election;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ElectionDefined {
        election: Election,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PaperEntered {
        paper: Paper,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct PaperVoided {
        number: u32,
        reason: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Reason {
        reason: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Nothing {}

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct LotDrawn {
        contest: String,
        winners: Vec<String>,
    }

    const VARIANTS: &[&str] = &[
        "election_defined",
        "paper_entered",
        "paper_voided",
        "definition_unlocked",
        "results_locked",
        "results_unlocked",
        "lot_drawn",
    ];

    struct EventVisitor;

    impl<'de> Visitor<'de> for EventVisitor {
        type Value = Event;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an event: an object with a \"type\"")
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Event, A::Error> {
            let Some(first) = map.next_key::<String>()? else {
                return Err(de::Error::missing_field("type"));
            };
            if first != "type" {
                // Rare (a file written by another tool): gather the object, then read it.
                let mut object = serde_json::Map::new();
                object.insert(first, map.next_value()?);
                while let Some((key, value)) = map.next_entry::<String, serde_json::Value>()? {
                    object.insert(key, value);
                }
                return read_type_first(object);
            }
            let kind: String = map.next_value()?;
            let rest = MapAccessDeserializer::new(map);
            Ok(match kind.as_str() {
                "election_defined" => Event::ElectionDefined {
                    election: ElectionDefined::deserialize(rest)?.election,
                },
                "paper_entered" => Event::PaperEntered {
                    paper: PaperEntered::deserialize(rest)?.paper,
                },
                "paper_voided" => {
                    let PaperVoided { number, reason } = PaperVoided::deserialize(rest)?;
                    Event::PaperVoided { number, reason }
                }
                "definition_unlocked" => Event::DefinitionUnlocked {
                    reason: Reason::deserialize(rest)?.reason,
                },
                "results_locked" => {
                    Nothing::deserialize(rest)?;
                    Event::ResultsLocked
                }
                "results_unlocked" => Event::ResultsUnlocked {
                    reason: Reason::deserialize(rest)?.reason,
                },
                "lot_drawn" => {
                    let LotDrawn { contest, winners } = LotDrawn::deserialize(rest)?;
                    Event::LotDrawn { contest, winners }
                }
                other => return Err(de::Error::unknown_variant(other, VARIANTS)),
            })
        }
    }

    /// `object` written again with `"type"` first, then read by the fast path.
    fn read_type_first<E: de::Error>(
        mut object: serde_json::Map<String, serde_json::Value>,
    ) -> Result<Event, E> {
        let kind = object
            .remove("type")
            .ok_or_else(|| E::missing_field("type"))?;
        let rest = serde_json::Value::Object(object).to_string();
        // `rest` is `{...}`: its fields (with the closing brace) go after the type.
        let fields = rest.strip_prefix('{').unwrap_or(&rest);
        let separator = if fields == "}" { "" } else { "," };
        let text = format!("{{\"type\":{kind}{separator}{fields}");
        serde_json::from_str::<Event>(&text).map_err(|error| {
            // Its position is in the text written here, not in the reader's file.
            let full = error.to_string();
            let position = format!(" at line {} column {}", error.line(), error.column());
            E::custom(full.strip_suffix(&position).unwrap_or(&full))
        })
    }

    impl<'de> Deserialize<'de> for Event {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Event, D::Error> {
            deserializer.deserialize_map(EventVisitor)
        }
    }
}

/// An event with its place in the chain.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LogEntry {
    /// 0 for the first entry, then one more each time.
    pub seq: u64,
    /// Hex SHA-256 of the previous entry, [`GENESIS_PREV`] for the first.
    pub prev: String,
    /// When it happened, as the caller's clock said (ISO 8601).
    pub at: String,
    pub event: Event,
}

impl LogEntry {
    /// Hex SHA-256 over the entry's deterministic JSON bytes.
    pub fn hash(&self) -> String {
        let bytes =
            serde_json::to_vec(self).expect("an entry always serializes: no non-string map keys");
        sha256_hex(&bytes)
    }
}

/// Hex SHA-256 of `bytes`. Of an entry's stored JSON text (as `serde_json::to_string` wrote it),
/// it is the entry's [`LogEntry::hash`]; of a text altered in any way, even in its spacing, it is
/// not, so the link after it breaks.
pub fn sha256_hex(bytes: &[u8]) -> String {
    to_hex(&Sha256::digest(bytes))
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(DIGITS[(byte >> 4) as usize] as char);
        out.push(DIGITS[(byte & 0x0f) as usize] as char);
    }
    out
}

/// A paper as entered, with its number and, once voided, the reason. Never removed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnteredPaper {
    /// 1-based, in the order entered, voided papers included.
    pub number: u32,
    pub paper: Paper,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voided: Option<String>,
}

impl EnteredPaper {
    pub fn is_live(&self) -> bool {
        self.voided.is_none()
    }
}

/// A lot's outcome as recorded by the officer (R7).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LotOutcome {
    pub contest: String,
    pub winners: Vec<String>,
}

/// The state of the meeting after a sequence of entries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replay {
    /// The current definition; `None` before the first `ElectionDefined`.
    pub election: Option<Election>,
    /// Every paper as entered, voided ones kept and marked.
    pub papers: Vec<EnteredPaper>,
    pub n_live_papers: usize,
    pub results_locked: bool,
    /// An unlock was logged and no paper or definition has used it up yet.
    pub definition_unlocked: bool,
    pub lots: Vec<LotOutcome>,
    /// Hex hash of the last entry, [`GENESIS_PREV`] when there is none.
    pub last_hash: String,
    /// How many entries were replayed.
    pub n_entries: u64,
}

impl Default for Replay {
    fn default() -> Replay {
        Replay {
            election: None,
            papers: Vec::new(),
            n_live_papers: 0,
            results_locked: false,
            definition_unlocked: false,
            lots: Vec::new(),
            last_hash: GENESIS_PREV.to_owned(),
            n_entries: 0,
        }
    }
}

impl Replay {
    /// Once a paper is entered the definition can only change after a logged unlock.
    pub fn definition_locked(&self) -> bool {
        !self.papers.is_empty() && !self.definition_unlocked
    }

    /// The papers that count, in the order entered.
    pub fn live_papers(&self) -> impl Iterator<Item = &Paper> {
        self.papers.iter().filter(|p| p.is_live()).map(|p| &p.paper)
    }

    /// Whether `event` may come next; the reason it may not otherwise.
    pub fn check(&self, event: &Event) -> Result<(), LogError> {
        match event {
            Event::ElectionDefined { election } => {
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                if self.definition_locked() {
                    return Err(LogError::DefinitionLocked);
                }
                let problems = check_election(election);
                if !problems.is_empty() {
                    return Err(LogError::InvalidElection { problems });
                }
                // A correction must still read every paper already entered, voided ones too:
                // they stay in the record and in every export.
                for entered in &self.papers {
                    let problems =
                        check_paper(election, paper_index(entered.number), &entered.paper);
                    if !problems.is_empty() {
                        return Err(LogError::RedefinitionBreaksPaper {
                            number: entered.number,
                            problems,
                        });
                    }
                }
                Ok(())
            }
            Event::PaperEntered { paper } => {
                let election = self.election.as_ref().ok_or(LogError::NoElection)?;
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                let number = self.papers.len() as u32 + 1;
                let problems = check_paper(election, paper_index(number), paper);
                if problems.is_empty() {
                    Ok(())
                } else {
                    Err(LogError::InvalidPaper { number, problems })
                }
            }
            Event::PaperVoided { number, reason } => {
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                require_reason(reason)?;
                let entered = self
                    .paper(*number)
                    .ok_or(LogError::UnknownPaper { number: *number })?;
                if entered.voided.is_some() {
                    return Err(LogError::AlreadyVoided { number: *number });
                }
                Ok(())
            }
            Event::DefinitionUnlocked { reason } => {
                if self.results_locked {
                    return Err(LogError::ResultsLocked);
                }
                require_reason(reason)?;
                if !self.definition_locked() {
                    return Err(LogError::DefinitionNotLocked);
                }
                Ok(())
            }
            Event::ResultsLocked => {
                if self.election.is_none() {
                    return Err(LogError::NoElection);
                }
                if self.results_locked {
                    return Err(LogError::ResultsAlreadyLocked);
                }
                Ok(())
            }
            Event::ResultsUnlocked { reason } => {
                require_reason(reason)?;
                if !self.results_locked {
                    return Err(LogError::ResultsNotLocked);
                }
                Ok(())
            }
            Event::LotDrawn { contest, winners } => {
                let election = self.election.as_ref().ok_or(LogError::NoElection)?;
                let Some(defined) = election.contests.iter().find(|c| &c.id == contest) else {
                    return Err(LogError::UnknownContest {
                        contest: contest.clone(),
                    });
                };
                if winners.is_empty() {
                    return Err(LogError::NoWinners);
                }
                for winner in winners {
                    let printed = defined.candidates.iter().any(|c| &c.id == winner);
                    if !printed && !winner.starts_with(crate::check::WRITE_IN_PREFIX) {
                        return Err(LogError::UnknownWinner {
                            winner: winner.clone(),
                        });
                    }
                }
                Ok(())
            }
        }
    }

    /// The paper numbered `number` (1-based).
    pub fn paper(&self, number: u32) -> Option<&EnteredPaper> {
        let index = (number as usize).checked_sub(1)?;
        self.papers.get(index)
    }

    /// Applies an event already checked by [`Replay::check`].
    fn apply(&mut self, event: Event, hash: String) {
        match event {
            Event::ElectionDefined { election } => {
                self.election = Some(election);
                self.definition_unlocked = false;
            }
            Event::PaperEntered { paper } => {
                let number = self.papers.len() as u32 + 1;
                self.papers.push(EnteredPaper {
                    number,
                    paper,
                    voided: None,
                });
                self.n_live_papers += 1;
                self.definition_unlocked = false;
            }
            Event::PaperVoided { number, reason } => {
                self.papers[paper_index(number)].voided = Some(reason);
                self.n_live_papers -= 1;
            }
            Event::DefinitionUnlocked { .. } => self.definition_unlocked = true,
            Event::ResultsLocked => self.results_locked = true,
            Event::ResultsUnlocked { .. } => self.results_locked = false,
            Event::LotDrawn { contest, winners } => self.lots.push(LotOutcome { contest, winners }),
        }
        self.last_hash = hash;
        self.n_entries += 1;
    }
}

fn paper_index(number: u32) -> usize {
    number as usize - 1
}

fn require_reason(reason: &str) -> Result<(), LogError> {
    if reason.trim().is_empty() {
        Err(LogError::MissingReason)
    } else {
        Ok(())
    }
}

/// Why an event or entry was refused. The log is left as it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogError {
    /// A paper, lock or lot before any definition.
    NoElection,
    InvalidElection {
        problems: Vec<Problem>,
    },
    /// A new definition after the first paper without a `DefinitionUnlocked`.
    DefinitionLocked,
    DefinitionNotLocked,
    /// A corrected definition that a paper already entered does not fit.
    RedefinitionBreaksPaper {
        number: u32,
        problems: Vec<Problem>,
    },
    InvalidPaper {
        number: u32,
        problems: Vec<Problem>,
    },
    /// Entry, void and redefinition wait for `ResultsUnlocked`.
    ResultsLocked,
    ResultsAlreadyLocked,
    ResultsNotLocked,
    UnknownPaper {
        number: u32,
    },
    AlreadyVoided {
        number: u32,
    },
    /// A void or an unlock needs a reason for the record.
    MissingReason,
    UnknownContest {
        contest: String,
    },
    NoWinners,
    UnknownWinner {
        winner: String,
    },
    /// An entry whose `seq` is not the next one (an entry lost or repeated).
    OutOfSequence {
        expected: u64,
        found: u64,
    },
    /// An entry whose `prev` is not the hash of the last entry (the one before was altered).
    BrokenLink {
        expected: String,
        found: String,
    },
}

impl fmt::Display for LogError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use LogError::*;
        let list = |f: &mut fmt::Formatter<'_>, problems: &[Problem]| {
            problems
                .iter()
                .enumerate()
                .try_for_each(|(i, p)| write!(f, "{}{p}", if i > 0 { "; " } else { "" }))
        };
        match self {
            NoElection => write!(f, "no election is defined yet"),
            InvalidElection { problems } => {
                write!(f, "the definition has problems: ")?;
                list(f, problems)
            }
            DefinitionLocked => write!(
                f,
                "papers were entered: unlock the definition (with a reason) to change it"
            ),
            DefinitionNotLocked => write!(f, "the definition is not locked"),
            RedefinitionBreaksPaper { number, problems } => {
                write!(
                    f,
                    "paper {number}, already entered, does not fit the new definition: "
                )?;
                list(f, problems)
            }
            InvalidPaper { number, problems } => {
                write!(f, "paper {number} cannot be entered: ")?;
                list(f, problems)
            }
            ResultsLocked => write!(f, "the results are locked"),
            ResultsAlreadyLocked => write!(f, "the results are already locked"),
            ResultsNotLocked => write!(f, "the results are not locked"),
            UnknownPaper { number } => write!(f, "there is no paper {number}"),
            AlreadyVoided { number } => write!(f, "paper {number} is already void"),
            MissingReason => write!(f, "a reason is needed for the record"),
            UnknownContest { contest } => write!(f, "there is no contest \"{contest}\""),
            NoWinners => write!(f, "a lot needs at least one winner"),
            UnknownWinner { winner } => {
                write!(f, "\"{winner}\" is not a candidate of this contest")
            }
            OutOfSequence { expected, found } => {
                write!(f, "entry {found} where entry {expected} was expected")
            }
            BrokenLink { .. } => {
                write!(f, "the entry does not follow the one before (hash differs)")
            }
        }
    }
}

impl std::error::Error for LogError {}

/// What a reader knows of a log's end, kept beside it so that a log cut short at the end (which a
/// chain alone cannot show) is found too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    /// Number of entries.
    pub len: u64,
    /// Hash of the last entry.
    pub hash: String,
}

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

    /// [`Log::push`] with the entry's hash already known: [`sha256_hex`] of the JSON text it was
    /// read from, which spares serializing it again when thousands are read back.
    pub fn push_hashed(&mut self, entry: LogEntry, hash: String) -> Result<&LogEntry, LogError> {
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
                found: entry.prev,
            });
        }
        self.state.check(&entry.event)?;
        self.state.apply(entry.event.clone(), hash);
        self.entries.push(entry);
        Ok(self.entries.last().expect("just pushed"))
    }

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
