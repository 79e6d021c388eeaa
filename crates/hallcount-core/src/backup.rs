//! A whole meeting in one file (`hallcount/meeting@1`): every election kept on the laptop, each
//! with its whole log (definition, papers, voids, lots, locks) and the head that ends it, to go
//! on counting in another browser or on another laptop. Firefox keeps the storage of each
//! `file://` page apart, so a moved HTML file opens empty; this file carries the meeting over.
//!
//! Reading it is strict: the one JSON reader, then each log must be whole (every link, every
//! transition, and its head), the ids safe as storage keys and unique. The entries are carried
//! as the texts the log stores, and read back as storage is: the same bytes, the same hashes,
//! and no second reader of the log compiled into the app. A file that fails any of
//! these is refused as a whole: a restore never keeps half a meeting.

use serde::{Deserialize, Serialize};

use crate::error::LoadError;
use crate::limits::{FileKind, MAX_TEXT_CHARS};
use crate::log::{ChainBreak, Head, Log, LogEntry};

pub const MEETING_FORMAT: &str = "hallcount/meeting@1";

/// The most elections one backup holds (rounds and officers' elections of one meeting).
pub const MAX_ELECTIONS: usize = 1_000;

/// The file as written.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct MeetingFile {
    format: String,
    /// When the backup was made, by the laptop's clock (ISO 8601); shown, never trusted.
    saved_at: String,
    /// The election open when the backup was made: the one opened after a restore.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    current: Option<String>,
    elections: Vec<ElectionFile>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ElectionFile {
    /// The election's id in the laptop's storage; a restore keeps it.
    id: String,
    /// The log's length and last hash: a log cut short at its end is found too.
    head: Head,
    /// Each entry's JSON text, exactly as the log stores it: read back as storage is
    /// (`Log::restore_texts`), each link checked over these very bytes.
    entries: Vec<String>,
}

/// A meeting read back whole: each election's log, checked.
#[derive(Debug)]
pub struct MeetingBackup {
    pub saved_at: String,
    pub current: Option<String>,
    /// Each election's id and its log, in the order of the file.
    pub elections: Vec<(String, Log)>,
}

/// Why a backup file was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BackupError {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON of the format, or of another format or version.
    Load(LoadError),
    NoElections,
    TooManyElections {
        found: usize,
    },
    /// An id that is empty, too long, or has characters other than ASCII letters, digits, `-`
    /// and `_` (it becomes part of storage keys).
    BadId {
        index: usize,
    },
    DuplicateId {
        id: String,
    },
    /// A log with no entry: nothing to restore.
    EmptyLog {
        id: String,
    },
    /// A log that is not whole: a link, a transition or its head does not hold.
    Broken {
        id: String,
        at: ChainBreak,
    },
    /// `current` names no election of the file.
    UnknownCurrent,
}

impl std::fmt::Display for BackupError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BackupError::TooLarge { bytes, limit } => {
                write!(
                    f,
                    "the file has {bytes} bytes; a meeting file has at most {limit}"
                )
            }
            BackupError::Load(error) => write!(f, "{error}"),
            BackupError::NoElections => f.write_str("the file holds no election"),
            BackupError::TooManyElections { found } => {
                write!(f, "{found} elections; at most {MAX_ELECTIONS}")
            }
            BackupError::BadId { index } => write!(f, "elections[{index}].id is not a valid id"),
            BackupError::DuplicateId { id } => write!(f, "the election {id} is there twice"),
            BackupError::EmptyLog { id } => write!(f, "the election {id} has no entries"),
            BackupError::Broken { id, at } => write!(f, "the log of election {id}: {at}"),
            BackupError::UnknownCurrent => f.write_str("`current` names no election of the file"),
        }
    }
}

impl std::error::Error for BackupError {}

/// Whether `id` may name an election in storage keys (`hallcount.e.<id>.<seq>`).
pub fn valid_election_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_TEXT_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The backup of `elections` (each id with its log), `current` the one open, made `saved_at`.
pub fn write_backup<'a>(
    saved_at: &str,
    current: Option<&str>,
    elections: impl IntoIterator<Item = (&'a str, &'a Log)>,
) -> String {
    let file = MeetingFile {
        format: MEETING_FORMAT.into(),
        saved_at: saved_at.into(),
        current: current.map(str::to_owned),
        elections: elections
            .into_iter()
            .map(|(id, log)| ElectionFile {
                id: id.to_owned(),
                head: log.head(),
                entries: log.entries().iter().map(entry_text).collect(),
            })
            .collect(),
    };
    crate::json::to_string_pretty(&file).expect("a meeting always serializes")
}

/// An entry's text as storage keeps it (and as its hash is computed).
fn entry_text(entry: &LogEntry) -> String {
    serde_json::to_string(entry).expect("an entry always serializes")
}

/// Reads a `hallcount/meeting@1` file, strictly, and checks every log whole.
pub fn parse_backup(bytes: &[u8]) -> Result<MeetingBackup, BackupError> {
    let limit = FileKind::Meeting.max_bytes();
    if bytes.len() > limit {
        return Err(BackupError::TooLarge {
            bytes: bytes.len(),
            limit,
        });
    }
    // The one strict reader, which also names a file of another format or version.
    let file: MeetingFile =
        crate::load::parse_format(bytes, MEETING_FORMAT, |file: &MeetingFile| &file.format)
            .map_err(BackupError::Load)?;
    if file.elections.is_empty() {
        return Err(BackupError::NoElections);
    }
    if file.elections.len() > MAX_ELECTIONS {
        return Err(BackupError::TooManyElections {
            found: file.elections.len(),
        });
    }
    let mut elections: Vec<(String, Log)> = Vec::with_capacity(file.elections.len());
    for (index, election) in file.elections.into_iter().enumerate() {
        if !valid_election_id(&election.id) {
            return Err(BackupError::BadId { index });
        }
        if elections.iter().any(|(id, _)| *id == election.id) {
            return Err(BackupError::DuplicateId { id: election.id });
        }
        if election.entries.is_empty() {
            return Err(BackupError::EmptyLog { id: election.id });
        }
        let head = serde_json::to_string(&election.head).expect("a head always serializes");
        let texts = (0u64..).zip(election.entries.iter().map(String::as_str));
        let restored = Log::restore_texts(texts, Some(&head));
        if let Some(at) = restored.broken {
            return Err(BackupError::Broken {
                id: election.id,
                at,
            });
        }
        elections.push((election.id, restored.log));
    }
    if let Some(current) = &file.current {
        if !elections.iter().any(|(id, _)| id == current) {
            return Err(BackupError::UnknownCurrent);
        }
    }
    Ok(MeetingBackup {
        saved_at: file.saved_at,
        current: file.current,
        elections,
    })
}

#[cfg(test)]
mod tests;
